package quote

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// ExtractQuotes finds the direct quotations in an article's body and who
// said them. It understands `X said: “…”`, `“…”, X said`, `said X`, `X told
// Sky News …`, `according to X`, `described as “…” by X`, quotations that run
// over several paragraphs, pronouns and descriptions resolved to the person
// the article last spoke of ("He added: “…”", "The French president said"),
// roles from appositives and titles, and statements on someone's account.
// Quotations it cannot give to anyone are left out: a scare quote is not a
// quotation. Every Quote's Text is a verbatim substring of a.Text.
func Extract(a rag.Article) []rag.Quote {
	body := a.Text
	spans := findQuoteSpans(body)
	if len(spans) == 0 {
		return nil
	}
	x := newQuoteExtractor(body, spans)
	out := make([]rag.Quote, 0, len(spans))
	for i, sp := range spans {
		ref, ok := x.attribute(i)
		if !ok {
			continue
		}
		text := body[sp.textStart:sp.textEnd]
		// The promise this whole feature rests on: a quotation shown is
		// the article's own words.
		if text == "" || !strings.Contains(body, text) {
			continue
		}
		q := rag.Quote{
			Speaker: ref.speaker, Role: ref.role, Text: text, Start: sp.textStart,
			Pronoun: ref.resolved, About: ref.about,
			ArticleID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published,
		}
		if ref.mention != "" && ref.mention != ref.speaker {
			q.Mention = ref.mention
		}
		out = append(out, q)
	}
	fillRoles(out)
	return out
}

// fillRoles gives a speaker's role to the article's other quotations by the
// same speaker ("He told Sky News" after "Sir Tony Brenton, the former
// British ambassador to Russia, said").
func fillRoles(qs []rag.Quote) {
	roles := map[string]string{}
	for _, q := range qs {
		if q.Role != "" && roles[q.Speaker] == "" {
			roles[q.Speaker] = q.Role
		}
	}
	for i := range qs {
		if qs[i].Role == "" {
			qs[i].Role = roles[qs[i].Speaker]
		}
	}
}

// quoteSpan is one quotation's place in the body.
type quoteSpan struct {
	open      int // the opening mark
	textStart int // the first byte of the words
	textEnd   int // just past the words
	end       int // just past the closing mark; textEnd when the quotation is left open
}

// findQuoteSpans finds every quotation in curly (“…”) or straight ("…")
// double quotation marks. A paragraph that opens a quotation and does not
// close it continues into the next paragraph when that one opens with a
// quotation mark, as print style has it; otherwise the quotation ends with
// its paragraph.
func findQuoteSpans(body string) []quoteSpan {
	var out []quoteSpan
	for i := 0; i < len(body); {
		open, mark := nextOpeningMark(body, i)
		if open < 0 {
			break
		}
		closer := "”"
		if mark == `"` {
			closer = `"`
		}
		sp := quoteSpan{open: open, textStart: open + len(mark)}
		pos := sp.textStart
		for {
			lineEnd := len(body)
			if nl := strings.IndexByte(body[pos:], '\n'); nl >= 0 {
				lineEnd = pos + nl
			}
			if c := strings.Index(body[pos:lineEnd], closer); c >= 0 {
				sp.textEnd = pos + c
				sp.end = sp.textEnd + len(closer)
				break
			}
			next := lineEnd
			for next < len(body) && (body[next] == '\n' || body[next] == ' ' || body[next] == '\t' || body[next] == '\r') {
				next++
			}
			if next > lineEnd && next < len(body) && strings.HasPrefix(body[next:], mark) {
				pos = next + len(mark)
				continue
			}
			sp.textEnd, sp.end = lineEnd, lineEnd
			break
		}
		sp.textStart, sp.textEnd = trimSpan(body, sp.textStart, sp.textEnd)
		if hasLetter(body[sp.textStart:sp.textEnd]) {
			out = append(out, sp)
		}
		i = max(sp.end, open+len(mark))
	}
	return out
}

// nextOpeningMark finds the next curly opening mark, or a straight one that
// stands where a quotation can open (after a space, a bracket or a dash, or
// at the start of a line).
func nextOpeningMark(body string, from int) (int, string) {
	for i := from; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		switch r {
		case '“':
			return i, "“"
		case '"':
			prev, _ := utf8.DecodeLastRuneInString(body[:i])
			next, _ := utf8.DecodeRuneInString(body[i+size:])
			if (i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-", prev)) && i+size < len(body) && !unicode.IsSpace(next) {
				return i, `"`
			}
		}
		i += size
	}
	return -1, ""
}

func trimSpan(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// maskQuotes blanks the words inside quotations (keeping line breaks and a
// sentence-ending mark), so that the article's own sentences can be read
// around them: a verb or a name inside a quotation says nothing about who
// spoke. The result has the same byte offsets as body.
func maskQuotes(body string, spans []quoteSpan) string {
	b := []byte(body)
	for _, sp := range spans {
		keep := -1
		if sp.textEnd > sp.textStart {
			r, size := utf8.DecodeLastRuneInString(body[sp.textStart:sp.textEnd])
			if r == '.' || r == '!' || r == '?' {
				keep = sp.textEnd - size
			}
		}
		for k := sp.textStart; k < sp.textEnd; k++ {
			if b[k] == '\n' || (keep >= 0 && k >= keep) {
				continue
			}
			b[k] = 'x'
		}
	}
	return string(b)
}

// speakerKind says how the words naming a speaker were read.
type speakerKind int

const (
	kindNone       speakerKind = iota
	kindNamed                  // a name: "John Bolton", "Zelenskyy", "Downing Street"
	kindPronoun                // "he", "she", "they"
	kindPersonDesc             // a description of one person: "the French president"
	kindStatement              // "a statement on Mr Zelenskyy‘s social media"
	kindOtherDesc              // "A Downing Street spokesperson", "the French presidency"
)

// speakerRef is a speaker as resolved for one quotation or speech verb.
type speakerRef struct {
	speaker  string
	role     string
	mention  string
	about    string
	resolved bool // from a pronoun or a description
	person   bool // a named person, not a body or an unnamed spokesperson
}

// quoteExtractor holds one article read for quotations.
type quoteExtractor struct {
	body, masked string
	spans        []quoteSpan
	sentences    [][2]int // of the masked body
	people       []personMention
	fullNames    []personMention          // people named by two words or more, or with a title
	titled       map[string]personMention // the first person given each title, by lowercase title
	speech       []speechAct              // every speech verb with its resolved subject, in order
	refs         map[int]speakerRef
}

// speechAct is a speech verb in the article and who it says spoke.
type speechAct struct {
	verbStart, verbEnd int
	subjStart, subjEnd int
	ref                speakerRef
	ok                 bool
}

func newQuoteExtractor(body string, spans []quoteSpan) *quoteExtractor {
	x := &quoteExtractor{body: body, spans: spans, masked: maskQuotes(body, spans), refs: map[int]speakerRef{}}
	x.sentences = prose.SentenceSpans(x.masked)
	x.people = findPeople(x.masked)
	x.titled = map[string]personMention{}
	for _, p := range x.people {
		if p.full {
			p.tokens = nameTokens(p.name)
			x.fullNames = append(x.fullNames, p)
		}
		if t := strings.ToLower(p.title); t != "" {
			if _, ok := x.titled[t]; !ok {
				x.titled[t] = p
			}
		}
	}
	x.readSpeech()
	return x
}

var (
	// Speech verbs: the subject of a finite one is the speaker.
	speechVerbs = prose.WordSet(`said says say told tells added adds wrote writes posted stated states insisted insists argued argues claimed declared declares explained explains tweeted announced announces warned warns replied urged urges acknowledged noted stressed stresses admitted continued asked saying adding telling writing warning insisting noting stressing`)
	// Participles take the speaker of the clause they hang from.
	participles = prose.WordSet(`saying adding telling writing warning insisting noting stressing`)
	// Words between a subject and its verb: "has also said".
	auxiliaries = prose.WordSet(`has have had also repeatedly previously later then earlier once again just reportedly would will did does do is was further separately subsequently`)
	// Words that begin a clause, so a subject cannot reach back past them.
	clauseWords = prose.WordSet(`after before that while when as because but and although if since though whereas where which who whom so yet or until once than then whether`)
	// Capitalised words that begin sentences without being names.
	leadingWords = prose.WordSet(`the a an in on at but yet and or while after before if when as since though although because so then this that these those there here other another some many for from with by to of its his her their our we it they he she afterwards meanwhile however later earlier also still even only now`)
	// Titles that stand before a name and are not part of it.
	jobTitles = prose.WordSet(`president prime minister chancellor professor prof father pope senator sen governor gov general gen king queen prince princess chief secretary judge justice ambassador mayor commissioner premier vice foreign defence defense home deputy cardinal archbishop bishop rabbi imam captain colonel admiral sheikh emir`)
	// Courtesy titles: kept in a British name ("Sir Keir"), dropped when
	// comparing names.
	honorifics = prose.WordSet(`mr mrs ms miss dr sir dame lord lady`)
	// Words that make a capitalised run a place or a body, not a person.
	placeWords = prose.WordSet(`street office house conference summit union news basilica accords accord force forces war sanctions social security council ministry department party government parliament commission court square palace platform agency committee organisation organization nations states kingdom republic bank group university college church cathedral hall centre center airport station road avenue times post journal press service army navy treaty agreement act day sea ocean river island islands region province county city town bridge museum foundation institute association federation corporation company inc ltd club league cup games assembly congress senate cabinet administration embassy programme program fund alliance coalition front movement authority board bureau police guard command kremlin vatican st saint east west north south central january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday`)
	// Heads of a description of one person.
	personHeads = prose.WordSet(`president leader chancellor premier pm minister secretary king queen pope envoy ambassador`)
	// Heads of a description of a speaker who is not a named person.
	speakerHeads = prose.WordSet(`spokesperson spokesman spokeswoman spokespeople official officials presidency office government ministry department aide aides adviser advisers source sources statement statements readout report police military army diplomat diplomats analyst analysts expert experts witness witnesses resident residents critics officer officers lawyer lawyers campaigners negotiator negotiators commander commanders embassy kremlin white house palace agency agencies regulator court judge prosecutors prosecutor`)
	// Heads that make the words someone's own statement when a person owns
	// them: "a statement on Mr Zelenskyy‘s social media".
	statementHeads = prose.WordSet(`statement post tweet message letter video posting`)
	// Roles that may stand, lowercase, before a name: "Kremlin aide Yuri
	// Ushakov".
	roleNouns = prose.WordSet(`envoy aide adviser negotiator spokesman spokeswoman spokesperson ambassador minister secretary official chief head director leader president chancellor commander general analyst professor correspondent editor reporter`)
)

// readSpeech resolves the subject of every speech verb in the article in
// order, so that a pronoun finds the speaker before it.
func (x *quoteExtractor) readSpeech() {
	for _, loc := range findSpeechVerbs(x.masked) {
		sa := speechAct{verbStart: loc[0], verbEnd: loc[1]}
		verb := strings.ToLower(x.masked[loc[0]:loc[1]])
		sentStart, _ := x.sentenceAround(loc[0])
		switch {
		case verb == "according to":
			s, e := x.phraseAfter(loc[1])
			if s < e {
				sa.subjStart, sa.subjEnd = s, e
				sa.ref, sa.ok = x.resolve(s, e)
			}
		case participles[verb]:
			// The speaker of the clause this hangs from.
			for k := len(x.speech) - 1; k >= 0; k-- {
				prev := x.speech[k]
				if prev.verbStart < sentStart {
					break
				}
				if prev.ok {
					sa.ref, sa.ok = prev.ref, true
					sa.subjStart, sa.subjEnd = prev.subjStart, prev.subjEnd
					break
				}
			}
		default:
			s, e, appos := x.subjectBefore(sentStart, loc[0])
			if s < e {
				sa.subjStart, sa.subjEnd = s, e
				sa.ref, sa.ok = x.resolve(s, e)
				if sa.ok && appos != "" && sa.ref.role == "" {
					sa.ref.role = appos
				}
			} else if inv, ie := x.invertedSubject(loc[1]); inv < ie {
				// "…”, said Mr Smith."
				sa.subjStart, sa.subjEnd = inv, ie
				sa.ref, sa.ok = x.resolve(inv, ie)
			}
		}
		x.speech = append(x.speech, sa)
	}
}

// findSpeechVerbs returns where the speech verbs and "according to" stand.
// A scan of ASCII words does what a case-insensitive regular expression
// would, several times faster.
func findSpeechVerbs(s string) [][2]int {
	var out [][2]int
	isASCIIWord := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	var buf [16]byte
	for i := 0; i < len(s); {
		if !isASCIIWord(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIWord(s[j]) {
			j++
		}
		if n := j - i; n <= len(buf) && n >= 3 {
			w := buf[:n]
			for k := range w {
				w[k] = s[i+k] | 0x20 // ASCII lower case; digits and _ never match
			}
			switch {
			case speechVerbs[string(w)]:
				out = append(out, [2]int{i, j})
			case string(w) == "according" && strings.HasPrefix(s[j:], " to") && (j+3 == len(s) || !isASCIIWord(s[j+3])):
				out = append(out, [2]int{i, j + 3})
			}
		}
		i = j
	}
	return out
}

// sentenceAround returns the bounds of the masked sentence holding pos, or
// an empty span at pos when pos is in the space between sentences.
func (x *quoteExtractor) sentenceAround(pos int) (int, int) {
	i := sort.Search(len(x.sentences), func(i int) bool { return x.sentences[i][1] > pos })
	if i < len(x.sentences) && x.sentences[i][0] <= pos {
		return x.sentences[i][0], x.sentences[i][1]
	}
	return pos, pos
}

// peopleFrom returns the index of the first person mention that ends after
// pos; mentions are in order and do not overlap.
func (x *quoteExtractor) peopleFrom(pos int) int {
	return sort.Search(len(x.people), func(i int) bool { return x.people[i].end > pos })
}

// subjectBefore finds the subject of a verb at verbStart: the noun phrase
// before it in its clause, stepping over auxiliaries ("has also") and over
// an appositive between commas ("John Bolton, who was …, said"), which it
// returns as the role.
func (x *quoteExtractor) subjectBefore(sentStart, verbStart int) (start, end int, appos string) {
	end = verbStart
	for {
		end = trimRightSpace(x.masked, sentStart, end)
		ws := lastWordStart(x.masked, sentStart, end)
		if ws < end && auxiliaries[strings.ToLower(x.masked[ws:end])] {
			end = ws
			continue
		}
		break
	}
	if end > sentStart && x.masked[end-1] == ',' {
		// An appositive: try each comma from the right as its start.
		inner := end - 1
		for c := strings.LastIndexByte(x.masked[sentStart:inner], ','); c >= 0; c = strings.LastIndexByte(x.masked[sentStart:sentStart+c], ',') {
			comma := sentStart + c
			ap := strings.TrimSpace(x.masked[comma+1 : inner])
			s, e := x.clauseTail(sentStart, comma)
			if s < e && looksAppositive(ap) && x.classify(s, e) != kindNone {
				return s, e, cleanAppositive(ap)
			}
		}
		return 0, 0, ""
	}
	s, e := x.clauseTail(sentStart, end)
	return s, e, ""
}

// clauseTail returns the words before end back to the start of their
// clause: the sentence start, punctuation, a quotation, or a word such as
// "after" or "that".
func (x *quoteExtractor) clauseTail(sentStart, end int) (int, int) {
	end = trimRightSpace(x.masked, sentStart, end)
	start := end
	for start > sentStart {
		ws := lastWordStart(x.masked, sentStart, start)
		if ws == start {
			// Not a word: punctuation ends the clause, spaces are skipped.
			r, size := utf8.DecodeLastRuneInString(x.masked[sentStart:start])
			if unicode.IsSpace(r) {
				start -= size
				continue
			}
			break
		}
		if clauseWords[strings.ToLower(x.masked[ws:start])] {
			break
		}
		start = ws
	}
	start, end = trimSpan(x.masked, start, end)
	return start, end
}

// phraseAfter returns the noun phrase after pos up to the next comma or
// the end of the sentence ("according to Downing Street, …").
func (x *quoteExtractor) phraseAfter(pos int) (int, int) {
	_, sentEnd := x.sentenceAround(max(pos-1, 0))
	if sentEnd < pos {
		return 0, 0
	}
	rest := x.masked[pos:sentEnd]
	cut := len(rest)
	if i := strings.IndexAny(rest, ",;:“\"(–—"); i >= 0 {
		cut = i
	}
	s, e := trimSpan(x.masked, pos, pos+cut)
	e = trimRightPunct(x.masked, s, e)
	return s, e
}

// invertedSubject reads "said Mr Smith" after a quotation: the verb comes
// straight after the comma that closes the quotation.
func (x *quoteExtractor) invertedSubject(verbEnd int) (int, int) {
	verbStart := strings.LastIndexFunc(x.masked[:verbEnd], unicode.IsSpace) + 1
	before := strings.TrimRightFunc(x.masked[:verbStart], unicode.IsSpace)
	if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, ",”") && !strings.HasSuffix(before, "”") {
		return 0, 0
	}
	return x.phraseAfter(verbEnd)
}

func looksAppositive(ap string) bool {
	if ap == "" || len(strings.Fields(ap)) > 20 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(ap)
	return unicode.IsLower(r) || strings.HasPrefix(ap, "The ") || strings.HasPrefix(ap, "A ") || strings.HasPrefix(ap, "An ")
}

var reAppositiveLead = regexp.MustCompile(`^(?i)(?:who (?:was|is|has been|had been|served as|serves as|became)|who)\s+`)

func cleanAppositive(ap string) string {
	return strings.TrimSpace(reAppositiveLead.ReplaceAllString(ap, ""))
}

func trimRightSpace(s string, lo, end int) int {
	for end > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

func trimRightPunct(s string, lo, end int) int {
	for end > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		end -= size
	}
	return end
}

// lastWordStart returns where the word ending at end begins, or end when
// the rune before end is not part of a word.
func lastWordStart(s string, lo, end int) int {
	i := end
	for i > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if !isNameRune(r) {
			break
		}
		i -= size
	}
	return i
}

func isNameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '’' || r == '\'' || r == '‘' || r == '-'
}

// classify says what kind of speaker the words s..e of the masked body
// name, without resolving them.
func (x *quoteExtractor) classify(s, e int) speakerKind {
	np := x.masked[s:e]
	words := strings.Fields(np)
	if len(words) == 0 || len(words) > 12 || strings.ContainsAny(np, "“”\"") {
		return kindNone
	}
	lower := strings.ToLower(np)
	switch lower {
	case "he", "she", "they":
		return kindPronoun
	}
	first := strings.ToLower(words[0])
	head := strings.ToLower(strings.TrimRight(words[len(words)-1], ".,;:"))
	if p, ok := x.personEndingAt(s, e); ok && p.start >= s {
		return kindNamed
	}
	if (first == "a" || first == "an" || first == "the") && len(words) > 1 && statementHeads[strings.ToLower(words[1])] {
		if _, ok := x.possessivePersonIn(s, e); ok {
			return kindStatement
		}
	}
	if isLowerWord(words[len(words)-1]) {
		if personHeads[head] && (first == "the") && len(words) <= 4 {
			return kindPersonDesc
		}
		if strings.HasSuffix(lower, "prime minister") && first == "the" && len(words) <= 4 {
			return kindPersonDesc
		}
		if speakerHeads[head] {
			return kindOtherDesc
		}
		return kindNone
	}
	// Capitalised words only ("Downing Street", "the Kremlin", "Zelenskyy").
	for i, w := range words {
		if i == 0 && first == "the" {
			continue
		}
		if !prose.StartsUpper(w) {
			return kindNone
		}
	}
	if len(words) == 1 && first == "the" {
		return kindNone
	}
	if len(words) == 1 && leadingWords[first] {
		return kindNone
	}
	return kindNamed
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// personEndingAt finds the person mention that ends the phrase s..e (a
// trailing possessive counts).
func (x *quoteExtractor) personEndingAt(s, e int) (personMention, bool) {
	for i := min(x.peopleFrom(e), len(x.people)-1); i >= 0; i-- {
		p := x.people[i]
		if p.start < s {
			break
		}
		if p.end == e || (p.end < e && strings.TrimRight(x.masked[p.end:e], "’'‘s") == "") {
			return p, true
		}
	}
	return personMention{}, false
}

func (x *quoteExtractor) possessivePersonIn(s, e int) (personMention, bool) {
	for _, p := range x.people[x.peopleFrom(s):] {
		if p.start >= e {
			break
		}
		if p.start >= s && p.end <= e && p.possessive {
			return p, true
		}
	}
	return personMention{}, false
}

// resolve turns the words naming a speaker into a speaker.
func (x *quoteExtractor) resolve(s, e int) (speakerRef, bool) {
	np := x.masked[s:e]
	ref := speakerRef{mention: np}
	switch x.classify(s, e) {
	case kindNamed:
		ref.mention = "" // the name is the mention
		if p, ok := x.personEndingAt(s, e); ok {
			ref.speaker = x.canonical(p.name)
			ref.person = true
			role := strings.TrimSpace(x.masked[s:p.start])
			if role == "" {
				role = p.title
			}
			ref.role = role
		} else {
			ref.speaker = x.canonical(np)
			ref.person = x.isKnownPerson(np)
		}
		return ref, true
	case kindPronoun:
		return x.resolvePronoun(strings.ToLower(np), s)
	case kindPersonDesc:
		p, ok := x.resolveDescription(np, s)
		if !ok {
			return speakerRef{}, false
		}
		ref.speaker = x.canonical(p.name)
		ref.role = p.title
		if ref.role == "" {
			ref.role = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(np, "the "), "The "))
		}
		ref.resolved, ref.person = true, true
		return ref, true
	case kindStatement:
		p, _ := x.possessivePersonIn(s, e)
		ref.speaker = x.canonical(p.name)
		ref.person = true
		return ref, true
	case kindOtherDesc:
		ref.speaker = np
		return ref, true
	}
	return speakerRef{}, false
}

// resolvePronoun finds whom "he", "she" or "they" at pos means: the last
// speaker in the three paragraphs before (a person for he and she), or
// failing that, for he and she, the last person named.
func (x *quoteExtractor) resolvePronoun(pronoun string, pos int) (speakerRef, bool) {
	limit := x.paragraphsBack(pos, 3)
	for k := len(x.speech) - 1; k >= 0; k-- {
		sa := x.speech[k]
		if sa.verbStart >= pos || !sa.ok {
			continue
		}
		if sa.subjStart < limit {
			break
		}
		if pronoun != "they" && !sa.ref.person {
			continue
		}
		ref := sa.ref
		ref.mention = x.masked[pos : pos+len(pronoun)]
		ref.resolved = true
		ref.about = ""
		return ref, true
	}
	if pronoun == "they" {
		return speakerRef{}, false
	}
	p, ok := x.personBefore(pos, "")
	if !ok {
		return speakerRef{}, false
	}
	return speakerRef{speaker: x.canonical(p.name), mention: x.masked[pos : pos+len(pronoun)], resolved: true, person: true}, true
}

// paragraphsBack returns the offset n paragraphs before pos.
func (x *quoteExtractor) paragraphsBack(pos, n int) int {
	i := pos
	for ; n > 0 && i > 0; n-- {
		j := strings.LastIndex(x.masked[:i], "\n\n")
		if j < 0 {
			return 0
		}
		i = j
	}
	return i
}

// resolveDescription finds the person a description such as "the French
// president" or "the PM" means: someone the article gives that title
// ("French President Emmanuel Macron"), or else the last person named
// before it who holds no other role.
func (x *quoteExtractor) resolveDescription(desc string, pos int) (personMention, bool) {
	words := strings.Fields(strings.ToLower(desc))
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	title := strings.Join(words, " ")
	head := ""
	if len(words) > 0 {
		head = words[len(words)-1]
	}
	if title == "pm" {
		title, head = "prime minister", "minister"
	}
	if p, ok := x.titled[title]; ok {
		return p, true
	}
	return x.personBefore(pos, head)
}

// personBefore returns the last person named before pos whose role, when
// the article gives one, fits head ("" accepts anyone).
func (x *quoteExtractor) personBefore(pos int, head string) (personMention, bool) {
	for i := min(x.peopleFrom(pos), len(x.people)-1); i >= 0; i-- {
		p := x.people[i]
		if p.end > pos {
			continue
		}
		if head != "" && !p.fits(head) {
			continue
		}
		return p, true
	}
	return personMention{}, false
}

// attribute decides who said quotation i.
func (x *quoteExtractor) attribute(i int) (speakerRef, bool) {
	if ref, ok := x.refs[i]; ok {
		return ref, ref.speaker != ""
	}
	ref, ok := x.attributeUncached(i)
	if !ok {
		ref = speakerRef{}
	}
	x.refs[i] = ref
	return ref, ok
}

func (x *quoteExtractor) attributeUncached(i int) (speakerRef, bool) {
	sp := x.spans[i]
	sentStart, _ := x.sentenceAround(sp.open)
	_, sentEnd := x.sentenceAround(max(sp.end-1, sp.open))
	if sentEnd < sp.end {
		sentEnd = sp.end
	}
	// A speech verb before the quotation in its sentence: `X said: “…”`,
	// `X told Sky News the meeting is being called “…”`.
	for k := len(x.speech) - 1; k >= 0; k-- {
		sa := x.speech[k]
		if sa.verbEnd > sp.open {
			continue
		}
		if sa.verbStart < sentStart {
			break
		}
		if !sa.ok {
			continue
		}
		ref := sa.ref
		ref.about = x.aboutWhom(ref, sa.verbEnd, sp)
		return ref, true
	}
	// The first speech verb after it, close by: `“…”, Kremlin aide Yuri
	// Ushakov said`.
	if k := sort.Search(len(x.speech), func(k int) bool { return x.speech[k].verbStart >= sp.end }); k < len(x.speech) {
		sa := x.speech[k]
		if sa.ok && sa.verbStart < sentEnd && len(strings.Fields(x.masked[sp.end:sa.verbStart])) <= 12 {
			ref := sa.ref
			ref.about = x.aboutWhom(ref, -1, sp)
			return ref, true
		}
	}
	// The passive: `described as “…” by the French presidency`.
	if ref, ok := x.passiveSpeaker(sp, sentEnd); ok {
		return ref, true
	}
	// Another quotation in the same sentence with a speaker.
	for j := i - 1; j >= 0 && x.spans[j].open >= sentStart; j-- {
		if ref, ok := x.attribute(j); ok {
			return ref, true
		}
	}
	// Words owned by the sentence's subject: `Sir Keir Starmer’s call …,
	// expressing his “concrete support”`.
	pre := strings.ToLower(x.masked[sentStart:sp.open])
	if reOwnedWords.MatchString(pre) {
		if ref, ok := x.sentenceSubject(sentStart, sp.open); ok {
			return ref, true
		}
	}
	// A paragraph that is nothing but a quotation continues the speaker of
	// the quotation that closed the paragraph before.
	if x.standsAlone(sp) && i > 0 {
		prev := x.spans[i-1]
		if between := x.masked[prev.end:sp.open]; strings.TrimSpace(between) == "" && strings.Count(between, "\n") >= 1 {
			if ref, ok := x.attribute(i - 1); ok {
				ref.about = ""
				return ref, true
			}
		}
	}
	return speakerRef{}, false
}

var reOwnedWords = regexp.MustCompile(`\b(his|her)\b`)

// standsAlone reports whether a quotation fills its paragraph.
func (x *quoteExtractor) standsAlone(sp quoteSpan) bool {
	ls := strings.LastIndexByte(x.masked[:sp.open], '\n') + 1
	le := len(x.masked)
	if nl := strings.IndexByte(x.masked[sp.end:], '\n'); nl >= 0 {
		le = sp.end + nl
	}
	return strings.TrimSpace(x.masked[ls:sp.open]) == "" && strings.TrimSpace(x.masked[sp.end:le]) == ""
}

var rePassive = regexp.MustCompile(`(?i)\b(described|called|branded|dubbed|labelled|labeled|termed)(?: it| them| him| her)?(?: as)?\s*$`)

func (x *quoteExtractor) passiveSpeaker(sp quoteSpan, sentEnd int) (speakerRef, bool) {
	lineStart := strings.LastIndexByte(x.masked[:sp.open], '\n') + 1
	if !rePassive.MatchString(x.masked[lineStart:sp.open]) || sp.end >= sentEnd {
		return speakerRef{}, false
	}
	after := x.masked[sp.end:sentEnd]
	trimmed := strings.TrimLeft(after, " ")
	if !strings.HasPrefix(trimmed, "by ") {
		return speakerRef{}, false
	}
	at := sp.end + (len(after) - len(trimmed)) + len("by ")
	s, e := x.phraseAfter(at)
	if s >= e {
		return speakerRef{}, false
	}
	return x.resolve(s, e)
}

// sentenceSubject returns the first person the sentence names or
// describes before pos.
func (x *quoteExtractor) sentenceSubject(sentStart, pos int) (speakerRef, bool) {
	for _, p := range x.people[x.peopleFrom(sentStart):] {
		if p.end > pos {
			break
		}
		if p.start >= sentStart {
			return speakerRef{speaker: x.canonical(p.name), role: p.title, mention: p.name, person: true}, true
		}
	}
	if loc := rePersonDesc.FindStringIndex(x.masked[sentStart:pos]); loc != nil {
		s, e := trimSpan(x.masked, sentStart+loc[0], sentStart+loc[1])
		e = trimRightPunct(x.masked, s, e)
		if p, ok := x.resolveDescription(x.masked[s:e], s); ok {
			return speakerRef{speaker: x.canonical(p.name), mention: x.masked[s:e], resolved: true, person: true}, true
		}
	}
	return speakerRef{}, false
}

var rePersonDesc = regexp.MustCompile(`\b[Tt]he (?:[A-Za-z]+ )?(?:president|prime minister|PM|leader|chancellor|premier)\b(?:[^’'‘]|$)`)

// aboutWhom says whom a spokesperson's or a statement's words are about:
// the person the reported clause begins with ("said Sir Keir began the
// conversation by “…”"), or the person a quotation opening with "He" or
// "She" means. Words a person says of themselves have no About.
func (x *quoteExtractor) aboutWhom(ref speakerRef, verbEnd int, sp quoteSpan) string {
	if ref.person {
		return ""
	}
	if verbEnd >= 0 && verbEnd <= sp.open {
		clause := x.masked[verbEnd:sp.open]
		off := len(clause) - len(strings.TrimLeft(clause, " :,"))
		start := verbEnd + off
		if strings.HasPrefix(x.masked[start:], "that ") {
			start += len("that ")
		}
		if k := x.peopleFrom(start); k < len(x.people) && x.people[k].at == start {
			return x.canonical(x.people[k].name)
		}
	}
	text := x.body[sp.textStart:sp.textEnd]
	if strings.HasPrefix(text, "He ") || strings.HasPrefix(text, "She ") {
		if p, ok := x.personBefore(sp.open, ""); ok {
			return x.canonical(p.name)
		}
	}
	return ""
}

// personMention is a person named in the article.
type personMention struct {
	at         int    // where the mention begins, with any title
	start, end int    // the name, in the masked body
	name       string // as written, with a courtesy title ("Sir Keir"), without a job title
	title      string // a job title written before the name inside the run ("French President")
	role       string // a lowercase role noun just before the name ("aide")
	possessive bool
	full       bool     // two names or more, or a title: a name other mentions can be matched to
	tokens     []string // nameTokens(name), for full names
}

// fits reports whether the person may be the one a description with this
// head noun ("president") means.
func (p personMention) fits(head string) bool {
	if p.role != "" {
		return p.role == head
	}
	if p.title != "" {
		t := strings.Fields(strings.ToLower(p.title))
		return t[len(t)-1] == head
	}
	return true
}

// nameWord is a capitalised word in the masked body.
type nameWord struct {
	start, end int
	text       string // without a possessive ending
	possessive bool
}

// findPeople finds the people the article names outside quotations: runs
// of capitalised words with a title ("Mr Trump", "French President Emmanuel
// Macron") or of two names or more ("John Bolton"), and single names that
// repeat part of such a full name ("Trump").
func findPeople(masked string) []personMention {
	var runs [][]nameWord
	var run []nameWord
	flush := func() {
		if len(run) > 0 {
			runs = append(runs, run)
			run = nil
		}
	}
	for i := 0; i < len(masked); {
		r, size := utf8.DecodeRuneInString(masked[i:])
		if !isNameRune(r) || r == '-' || r == '’' || r == '\'' || r == '‘' {
			if r != ' ' {
				flush()
			}
			i += size
			continue
		}
		j := i
		for j < len(masked) {
			r2, s2 := utf8.DecodeRuneInString(masked[j:])
			if !isNameRune(r2) {
				break
			}
			j += s2
		}
		w := nameWord{start: i, end: j, text: masked[i:j]}
		for _, suf := range []string{"’s", "'s", "‘s", "’", "'"} {
			if strings.HasSuffix(w.text, suf) && len(w.text) > len(suf) {
				w.text = strings.TrimSuffix(w.text, suf)
				w.end = w.start + len(w.text)
				w.possessive = strings.HasSuffix(suf, "s")
				break
			}
		}
		if isTitleCase(w.text) {
			// A run goes on only across a single space.
			if len(run) > 0 && (masked[run[len(run)-1].end:i] != " " && !run[len(run)-1].possessive) {
				flush()
			}
			if len(run) > 0 && run[len(run)-1].possessive {
				flush()
			}
			run = append(run, w)
		} else {
			flush()
		}
		i = j
	}
	flush()

	var people []personMention
	var singles [][]nameWord
	for _, run := range runs {
		for len(run) > 0 && leadingWords[strings.ToLower(run[0].text)] {
			run = run[1:]
		}
		if len(run) == 0 {
			continue
		}
		if p, ok := personFromRun(masked, run); ok {
			people = append(people, p)
		} else if len(run) == 1 {
			singles = append(singles, run)
		}
	}
	// Single names count when they repeat part of a full name.
	known := map[string]bool{}
	for _, p := range people {
		for _, t := range nameTokens(p.name) {
			known[t] = true
		}
	}
	for _, run := range singles {
		w := run[0]
		if known[strings.ToLower(w.text)] {
			people = append(people, personMention{at: w.start, start: w.start, end: w.end, name: w.text, possessive: w.possessive, role: roleBefore(masked, w.start)})
		}
	}
	sort.Slice(people, func(i, j int) bool { return people[i].start < people[j].start })
	return people
}

// isTitleCase accepts "Zelenskyy" and "McDonald", not "NATO", "US" or "x".
func isTitleCase(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := w[size:]
	if rest == "" {
		return false
	}
	lower := 0
	for _, r := range rest {
		if unicode.IsLower(r) {
			lower++
		}
	}
	return lower*2 >= utf8.RuneCountInString(rest)
}

func personFromRun(masked string, run []nameWord) (personMention, bool) {
	for _, w := range run {
		if placeWords[strings.ToLower(w.text)] {
			return personMention{}, false
		}
	}
	at := run[0].start
	lastTitle := -1
	for k, w := range run {
		if jobTitles[strings.ToLower(w.text)] {
			lastTitle = k
		}
	}
	titled := lastTitle >= 0
	title := ""
	if titled {
		title = masked[run[0].start:run[lastTitle].end]
		run = run[lastTitle+1:]
	}
	if len(run) == 0 {
		return personMention{}, false
	}
	if honorifics[strings.ToLower(run[0].text)] {
		titled = true
		if len(run) == 1 {
			return personMention{}, false
		}
	}
	if !titled && len(run) < 2 {
		return personMention{}, false
	}
	last := run[len(run)-1]
	p := personMention{
		at: at, start: run[0].start, end: last.end, name: masked[run[0].start:last.end], title: title,
		possessive: last.possessive, full: true,
	}
	if title == "" {
		p.role = roleBefore(masked, p.start)
	}
	return p, true
}

// roleBefore returns a lowercase role noun written just before pos ("aide"
// in "Kremlin aide Yuri Ushakov").
func roleBefore(masked string, pos int) string {
	end := trimRightSpace(masked, 0, pos)
	if end == pos {
		return ""
	}
	ws := lastWordStart(masked, 0, end)
	w := masked[ws:end]
	if roleNouns[w] {
		return w
	}
	return ""
}

// nameTokens returns a name's words for comparison: lowercase, without
// titles, courtesy titles, articles or possessive endings.
func nameTokens(name string) []string {
	var out []string
	for _, w := range prose.Tokenize(name) {
		if honorifics[w] || jobTitles[w] || w == "the" || w == "a" || w == "an" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// isKnownPerson reports whether a name matches a person the article names
// in full.
func (x *quoteExtractor) isKnownPerson(name string) bool {
	toks := nameTokens(name)
	if len(toks) == 0 {
		return false
	}
	for _, p := range x.fullNames {
		if subsetOf(toks, p.tokens) {
			return true
		}
	}
	return false
}

// canonical returns the fullest form the article gives a name: "Mr
// Zelenskyy" becomes "Volodymyr Zelenskyy" when the article names him so,
// "Sir Keir" becomes "Sir Keir Starmer". A plain courtesy title is dropped.
func (x *quoteExtractor) canonical(name string) string {
	toks := nameTokens(name)
	best := ""
	bestN := len(toks)
	ambiguous := false
	for _, p := range x.fullNames {
		pt := p.tokens
		if len(pt) < bestN || !subsetOf(toks, pt) {
			continue
		}
		if len(pt) == bestN && best != "" && !sameTokens(nameTokens(best), pt) {
			ambiguous = true
			continue
		}
		if len(pt) > bestN {
			ambiguous = false
		}
		best, bestN = p.name, len(pt)
	}
	if best == "" || ambiguous {
		best = name
	}
	return displayName(best)
}

// displayName drops "Mr", "Mrs", "Ms" and "Miss" from a name, and a
// possessive ending.
func displayName(name string) string {
	name = strings.TrimSpace(name)
	for _, suf := range []string{"’s", "'s", "‘s"} {
		name = strings.TrimSuffix(name, suf)
	}
	f := strings.Fields(name)
	if len(f) > 1 {
		switch strings.ToLower(f[0]) {
		case "mr", "mrs", "ms", "miss":
			f = f[1:]
		}
	}
	return strings.Join(f, " ")
}

func subsetOf(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	for _, t := range a {
		found := false
		for _, u := range b {
			if sameNameWord(t, u) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sameNameWord compares two words of names, forgiving the one-letter
// differences of transliteration ("Zelensky", "Zelenskyy") in long words.
func sameNameWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 6 || len(b) < 6 || max(len(a), len(b))-min(len(a), len(b)) != 1 {
		return false
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

func sameTokens(a, b []string) bool { return subsetOf(a, b) && subsetOf(b, a) }

// NamesMatch reports whether two ways of naming a speaker may mean the same
// one: the words of one (without titles, "Mr", "Sir" or "the") are all in
// the other. "Bolton" matches "John Bolton", "Mr Zelenskyy" matches
// "Volodymyr Zelenskyy", "Downing Street" matches "A Downing Street
// spokesperson".
func NamesMatch(a, b string) bool {
	ta, tb := nameTokens(a), nameTokens(b)
	return subsetOf(ta, tb) || subsetOf(tb, ta)
}

// Speakers lists everyone quotations qs are by or about, once each under the
// fullest name any of them gives, sorted; for autocompletion.
func Speakers(qs []rag.Quote) []string {
	var names []string
	for _, q := range qs {
		names = append(names, q.Speaker)
		if q.About != "" {
			names = append(names, q.About)
		}
	}
	groups := GroupNames(names)
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		c := groups[n]
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

// groupNames maps each name to the fullest name that contains it, when only
// one does: across articles "Sir Keir" and "Starmer" both become "Sir Keir
// Starmer", while "John" stays "John" if two Johns are quoted.
func GroupNames(names []string) map[string]string {
	tokens := map[string][]string{}
	for _, n := range names {
		if _, ok := tokens[n]; !ok {
			tokens[n] = nameTokens(n)
		}
	}
	// Two name words can match only if they share a key (see nameWordKeys),
	// so a name's candidates are the names filed under the keys of one of
	// its words: comparing every pair of names took minutes on a corpus of
	// a few thousand speakers.
	byKey := map[string][]string{}
	for n, toks := range tokens {
		seen := map[string]bool{}
		for _, t := range toks {
			for _, k := range nameWordKeys(t) {
				if !seen[k] {
					seen[k] = true
					byKey[k] = append(byKey[k], n)
				}
			}
		}
	}
	out := make(map[string]string, len(tokens))
	for n, toks := range tokens {
		best, bestN := n, len(toks)
		var rivals []string
		for _, m := range candidateNames(toks, byKey) {
			mt := tokens[m]
			if m == n || !subsetOf(toks, mt) {
				continue
			}
			switch {
			case len(mt) > bestN:
				best, bestN, rivals = m, len(mt), nil
			case len(mt) == bestN && !sameTokens(tokens[best], mt):
				rivals = append(rivals, m)
			case len(mt) == bestN && len(m) > len(best):
				best = m
			}
		}
		if len(rivals) > 0 {
			best = n
		}
		out[n] = best
	}
	return out
}

// nameWordKeys are the keys under which a name word is filed: the word, and
// for a long word the word less its last letter, so that two words
// sameNameWord matches ("zelensky", "zelenskyy") always share one.
func nameWordKeys(t string) []string {
	if len(t) >= 7 {
		return []string{t, t[:len(t)-1]}
	}
	return []string{t}
}

// candidateNames returns the names filed under the keys of the word of toks
// with the fewest names: any name that holds all of toks is among them.
func candidateNames(toks []string, byKey map[string][]string) []string {
	var best []string
	found := false
	for _, t := range toks {
		var c []string
		seen := map[string]bool{}
		for _, k := range nameWordKeys(t) {
			for _, m := range byKey[k] {
				if !seen[m] {
					seen[m] = true
					c = append(c, m)
				}
			}
		}
		if !found || len(c) < len(best) {
			best, found = c, true
		}
	}
	sort.Strings(best) // a stable order, so ties between rivals resolve the same way every run
	return best
}
