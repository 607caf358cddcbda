package answer

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// ExtractiveOptions tune the extractive answerer.
type ExtractiveOptions struct {
	MaxSentences int // default 3
	// IDF gives a term's inverse document frequency from the index's keyword
	// statistics, larger for rarer terms (for example BM25's
	// ln(1+(N−df+0.5)/(df+0.5))). A term it scores zero or less is taken to
	// be unknown to the index, and so as rare as the rarest. Nil means every
	// term weighs 1.
	IDF func(term string) float64
}

// Tuning of the extractive answerer. Coverage is the share of the question's
// weight (its terms' IDF) that a sentence holds. The chosen sentences must
// cover minAnswerCoverage of it, a term found only around one of them (see
// context in Extractive) counting contextCredit, and the best sentence
// minSentenceCoverage alone. Short of either, the passages are about
// something else and the answerer abstains.
const (
	defaultMaxSentences = 3
	minAnswerCoverage   = 0.45
	minSentenceCoverage = 0.2
	contextCredit       = 0.5
	// A further sentence joins the answer only when it scores, and covers the
	// question, close to the best one, so the answer stays on the question.
	followerScoreRatio = 0.7
	// Near-duplicates share this much of their terms (Jaccard).
	nearDuplicateJaccard = 0.5
	minSentenceTokens    = 4
	// A sentence with the typed answer must cover this share of what the
	// best sentence covers of the question's words to be preferred.
	typedCoverageRatio = 0.5
	// A question that asks for a figure, a date or a duration, answered
	// without one, must be covered this well.
	untypedCoverage = 0.75
)

// questionFrameWords ask for a kind of answer rather than name what it is
// about ("how long", "how many", "what happened"), so they are not looked for
// in the passages.
var questionFrameWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`long many much happen happened happening mean means meaning
name exactly anything something everything latest news know explain describe give kind type sort
think tell`) {
		m[prose.Stem(w)] = true
	}
	return m
}()

// answerKind is what a question asks for.
type answerKind int

const (
	kindAny answerKind = iota
	kindPerson
	kindPlace
	kindDuration
	kindDate
	kindNumber
	kindReason
	kindManner
	kindSaid
	kindYesNo
	kindName // "which show", "what measure": a thing the question names by its kind
)

var (
	durationPattern = regexp.MustCompile(`(?i)\b(\d+(\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety|few|several|couple of)[\s-]+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b`)
	datePattern     = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|(19|20)\d\d)\b|(?i:\b(yesterday|today|tonight|last (week|month|year|night)|(earlier )?this (week|month|year|morning)|overnight)\b)`)
	numberPattern   = regexp.MustCompile(`(?i)[$£€]?\b(\d[\d,.]*%?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b`)
	rolePattern     = regexp.MustCompile(`(?i)\b(president|minister|envoy|advis[eo]r|spokes(man|woman|person)|ambassador|secretary|chancellor|leader|aide|negotiator|professor|chief|director|head of|official|general|senator|governor|mayor|king|queen|pope|deputy|commissioner|analyst|correspondent|editor|founder|chair(man|woman)?|ceo)\b|, who (is|was|has)\b`)
)

// irregularForms lets a question's verb match the form an article uses: "When
// did they speak?" is answered by "they spoke". Forms that are stop words
// ("told", "said", "won") cannot match anything and are left out.
var irregularForms = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(`speak spoke spoken
meet met
leave left
lose lost
take took taken
give gave given
go went gone
come came
see saw seen
make made
write wrote written
hold held
begin began begun
run ran
buy bought
bring brought
fight fought
send sent
strike struck
shoot shot
fly flew flown
know knew known
break broke broken
choose chose chosen
fall fell fallen
rise rose risen
sell sold
find found
keep kept
lead led
pay paid
sign signed
kill killed
agree agreed
flee fled
sink sank sunk
steal stole stolen
drive drove driven
wear wore worn
grow grew grown
draw drew drawn
throw threw thrown
teach taught
catch caught
seek sought
build built
spend spent
lend lent
feel felt
stand stood
understand understood
hear heard
forbid forbade forbidden`, "\n") {
		forms := strings.Fields(line)
		for _, f := range forms {
			for _, g := range forms {
				if f != g {
					m[prose.Stem(f)] = append(m[prose.Stem(f)], prose.Stem(g))
				}
			}
		}
	}
	return m
}()

// kindTerm stands in the question's terms for the answer it asks for (a
// duration, a date, a number): a sentence that holds one covers that part of
// the question.
const kindTerm = "\x00answer"

// questionTerms is what the answerer looks for: the question's focus
// terms with their weights, the ones that name someone or something, and
// the words as the asker wrote them (for the abstention message).
type questionTerms struct {
	weight   map[string]float64
	forms    map[string][]string // other forms of a term that count as it
	total    float64
	entity   map[string]bool // names: capitalised in the question or in the coverage
	entities float64         // total weight of entity terms
	surface  map[string]string
	order    []string
	kind     answerKind
	head     string          // the noun of "which …", stemmed
	all      map[string]bool // every term of the question, phrasing included
}

func analyseQuestion(question string, idf func(string) float64) questionTerms {
	q := questionTerms{
		weight:  map[string]float64{},
		forms:   map[string][]string{},
		entity:  map[string]bool{},
		surface: map[string]string{},
		kind:    kindOf(question),
		head:    headNoun(question),
		all:     map[string]bool{},
	}
	for _, tok := range prose.Tokenize(question) {
		if prose.IsStopword(tok) {
			continue
		}
		t := prose.Stem(tok)
		q.all[t] = true
		if questionFrameWords[t] || phrasingWords[t] {
			continue
		}
		if _, ok := q.weight[t]; ok {
			continue
		}
		q.weight[t] = 1
		q.surface[t] = tok
		q.order = append(q.order, t)
		q.forms[t] = wordForms(tok, t)
		for _, f := range q.forms[t] {
			q.all[f] = true
		}
	}
	if idf != nil {
		var unknown []string
		maxKnown := 1.0
		for _, t := range q.order {
			// A word written in several forms is about as common as its
			// commonest form.
			w := 0.0
			for _, f := range append([]string{t}, q.forms[t]...) {
				if v := idf(f); v > 0 && !math.IsInf(v, 0) && (w == 0 || v < w) {
					w = v
				}
			}
			if !(w > 0) {
				unknown = append(unknown, t)
				continue
			}
			q.weight[t] = w
			maxKnown = math.Max(maxKnown, w)
		}
		for _, t := range unknown {
			q.weight[t] = maxKnown
		}
	}
	// Words capitalised in the question (but not its first), and numbers,
	// name what it is about.
	for i, field := range strings.FieldsFunc(question, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:?!()\"“”", r)
	}) {
		r, _ := utf8.DecodeRuneInString(field)
		if !unicode.IsDigit(r) && (!unicode.IsUpper(r) || i == 0) {
			continue
		}
		for _, t := range prose.Terms(field) {
			q.markEntity(t)
		}
	}
	// A question that asks for a typed answer (a name, a place, a duration,
	// a date or a number) is answered only by a sentence that holds one it
	// does not already give, which matters as much as its most specific word.
	if len(q.order) > 0 && q.kind.typed() {
		heaviest := 0.0
		for _, t := range q.order {
			heaviest = math.Max(heaviest, q.weight[t])
		}
		q.weight[kindTerm] = heaviest
		q.order = append(q.order, kindTerm)
	}
	for _, t := range q.order {
		q.total += q.weight[t]
	}
	return q
}

func (q *questionTerms) markEntity(t string) {
	if _, ok := q.weight[t]; ok && !q.entity[t] {
		q.entity[t] = true
		q.entities += q.weight[t]
	}
}

// learnFromPassages fits the question to the passages found: a question
// word the passages hold only in a spelling one letter away counts as that
// spelling ("zelensky"), and a word the passages write as a name
// (capitalised inside sentences) is a name.
func (q *questionTerms) learnFromPassages(hits []rag.Hit, passageTerms []map[string]bool) {
	capital, lower := map[string]int{}, map[string]int{}
	for _, h := range hits {
		for _, sp := range prose.SentenceSpans(h.Text) {
			for i, field := range strings.Fields(h.Text[sp[0]:sp[1]]) {
				r, _ := utf8.DecodeRuneInString(strings.TrimLeft(field, "\"“‘'("))
				for _, t := range prose.Terms(field) {
					if _, asked := q.weight[t]; !asked {
						continue
					}
					switch {
					case unicode.IsUpper(r) && i > 0:
						capital[t]++
					case unicode.IsLower(r):
						lower[t]++
					}
				}
			}
		}
	}
	for _, t := range q.order {
		if capital[t] > 0 && capital[t] >= lower[t] {
			q.markEntity(t)
		}
	}
	for _, t := range q.order {
		if t == kindTerm || len(t) < 5 {
			continue
		}
		found := false
		for _, pt := range passageTerms {
			if q.holds(pt, t) {
				found = true
				break
			}
		}
		if found {
			continue
		}
		near := map[string]bool{}
		for _, pt := range passageTerms {
			for p := range pt {
				if !near[p] && nearSpelling(t, p) {
					near[p] = true
					q.forms[t] = append(q.forms[t], p)
					q.all[p] = true
				}
			}
		}
	}
}

// holds reports whether a text with the given terms holds question term t.
func (q questionTerms) holds(terms map[string]bool, t string) bool {
	if terms[t] {
		return true
	}
	for _, f := range q.forms[t] {
		if terms[f] {
			return true
		}
	}
	return false
}

// scoredSentence is one sentence of one hit, scored against the question.
type scoredSentence struct {
	text     string
	hit      int             // index into hits
	idx      int             // the sentence's place in its hit
	covered  map[string]bool // the question terms the sentence holds
	terms    map[string]bool
	coverage float64 // question weight in the sentence, as a share
	score    float64
	// carries marks a sentence added because the chosen one refers to
	// the answer it names.
	carries bool
}

// Extractive answers from the hits alone. It works out what the question
// asks for (a person, a place, a time, a figure, a duration, a reason, a
// manner, what someone said, yes or no) and which of its words are its
// focus rather than its phrasing ("recently", "tell me", "according to"),
// and scores every sentence of every hit by the IDF-weighted share of the
// focus it holds, with bonuses for the names in the question, for focus
// terms elsewhere in its passage, for the hit's rank, and for holding what
// was asked: a name, place, date or figure the question does not already
// give, a reason for "why", a response for "how did", the speaker's words
// for "what did X say". A sentence that only restates the question is never
// an answer. When the answer runs on into the next sentence ("the show" in
// one, its name in the next; a pronoun; a colon), that sentence joins it.
// The sentences are joined with a [n] citation after each.
//
// It abstains, with Abstained set and no citations, when the coverage lacks
// the question's focus: a name of the question that no passage holds, an
// answer whose article lacks one of the question's names, or sentences that
// cover too little of the focus's weight. Phrasing words never decide it.
func Extractive(question string, hits []rag.Hit, opt ExtractiveOptions) rag.Answer {
	ans := rag.Answer{Question: question, Mode: rag.ModeExtractive}
	abstain := func(text string) rag.Answer {
		ans.Text = text
		ans.Abstained = true
		return ans
	}
	maxSentences := opt.MaxSentences
	if maxSentences <= 0 {
		maxSentences = defaultMaxSentences
	}
	q := analyseQuestion(question, opt.IDF)
	if q.total == 0 {
		return abstain(abstainNoTerms)
	}
	hits = distinctHits(hits)
	if len(hits) == 0 {
		return abstain(abstainNoPassages)
	}
	passageTerms := make([]map[string]bool, len(hits))
	articleTerms := map[string]map[string]bool{}
	for i, h := range hits {
		passageTerms[i] = termSet(h.Title + "\n" + h.Text)
		at := articleTerms[h.ArticleID]
		if at == nil {
			at = map[string]bool{}
			articleTerms[h.ArticleID] = at
		}
		for t := range passageTerms[i] {
			at[t] = true
		}
	}
	q.learnFromPassages(hits, passageTerms)
	if missing := missingNames(q, passageTerms); len(missing) > 0 {
		return abstain(abstainMissing(missing))
	}
	// What a sentence leaves implicit ("the meeting") is usually said
	// elsewhere in its passage. A sentence that holds the typed answer a
	// question asks for may lean on its whole article: the article is what
	// ties "the meeting lasted 15 minutes" to "St Peter's".
	context := func(c scoredSentence) map[string]bool {
		if c.covered[kindTerm] {
			return articleTerms[hits[c.hit].ArticleID]
		}
		return passageTerms[c.hit]
	}
	// The answer's article must name everyone and everything the question
	// names: a quotation of Bolton answers nothing about Starmer unless
	// Bolton's coverage mentions Starmer.
	isSpeaker := map[string]bool{}
	for _, t := range speakerTerms(question) {
		isSpeaker[t] = true
	}
	namesAll := func(c scoredSentence) bool {
		at := articleTerms[hits[c.hit].ArticleID]
		for t := range q.entity {
			if len(t) <= 2 {
				continue
			}
			if !q.holds(at, t) {
				return false
			}
			// What X said about Y, or to Y: X's words must name Y.
			if q.kind == kindSaid && !isSpeaker[t] && !q.holds(c.terms, t) {
				return false
			}
		}
		return true
	}
	// What X said is in X's quotations, as rag/quote attributes them, or
	// in a sentence that names X and reports speech.
	speaker := speakerTerms(question)
	var quotes map[int][]rag.Quote // by hit
	if len(speaker) > 0 {
		quotes = map[int][]rag.Quote{}
		for i, h := range hits {
			quotes[i] = quote.Extract(rag.Article{ID: h.ArticleID, Title: h.Title, Text: h.Text})
		}
	}
	carriesQuoteBy := func(c scoredSentence) bool {
		for _, qt := range quotes[c.hit] {
			who := termSet(qt.Speaker + " " + qt.Mention + " " + qt.Relayer)
			byX := false
			for _, t := range speaker {
				byX = byX || q.holds(who, t)
			}
			if byX && overlaps(c.text, qt.Text) {
				return true
			}
		}
		return false
	}
	bySpeaker := func(c scoredSentence) bool {
		if len(speaker) == 0 {
			return true
		}
		names := func(terms map[string]bool) bool {
			for _, t := range speaker {
				if q.holds(terms, t) {
					return true
				}
			}
			return false
		}
		if carriesQuoteBy(c) || (names(c.terms) && reportedSpeech.MatchString(c.text)) {
			return true
		}
		// "He said…", "The French president said…": X named in one of
		// the two sentences before.
		if !refersBack.MatchString(c.text) {
			return false
		}
		sents := hitSentences(hits[c.hit])
		for i := c.idx - 1; i >= 0 && i >= c.idx-2; i-- {
			if names(termSet(sents[i])) {
				return true
			}
		}
		return false
	}
	var cands []scoredSentence
	for _, c := range scoreCandidates(q, hits, context) {
		if namesAll(c) && bySpeaker(c) {
			cands = append(cands, c)
		}
	}
	cands = typedFirst(q, cands)
	chosen := chooseSentences(cands, maxSentences)
	if len(chosen) == 0 || chosen[0].coverage < minSentenceCoverage || answerCoverage(q, chosen, context) < minAnswerCoverage {
		if missing := missingWords(q, passageTerms); len(missing) > 0 && len(chosen) == 0 {
			return abstain(abstainMissing(missing))
		}
		return abstain(abstainNoAnswer)
	}
	if q.kind.typed() {
		// Present but with nothing of the asked type: how many died, when
		// none of the sentences gives a figure. An answer in words ("every
		// other former republic", "his first term") must then cover the
		// question nearly whole.
		found := false
		for _, c := range chosen {
			found = found || c.covered[kindTerm]
		}
		if !found && answerCoverage(q, chosen, context) < untypedCoverage {
			return abstain(abstainNoAnswer)
		}
	}
	chosen = withBodyAfterHeadline(hits, cands, chosen, maxSentences)
	chosen = withContinuations(q, hits, chosen)

	numbers := map[string]int{} // passage id → citation number
	parts := make([]string, 0, len(chosen))
	for _, c := range chosen {
		p := hits[c.hit].Passage
		n, ok := numbers[p.ID]
		if !ok {
			n = len(numbers) + 1
			numbers[p.ID] = n
			ans.Citations = append(ans.Citations, rag.Citation{N: n, Passage: p})
		}
		if c.idx == 0 && p.Title != "" && !strings.HasPrefix(p.Text, p.Title) {
			// A headline is cited as its article: the cited text shows it
			// above the passage, so that the citation holds what it backs.
			ans.Citations[n-1].Text = p.Title + "\n\n" + p.Text
		}
		parts = append(parts, citeSentence(c.text, n))
	}
	ans.Text = strings.Join(parts, " ")
	ans.AsOf = newestPublished(ans.Citations)
	if span := findSpan(q, chosen); span != "" && !q.asksIdentity() {
		ans.Spans = []string{span}
	}
	return ans
}

// distinctHits drops a passage that retrieval returned twice, keeping its
// better rank.
func distinctHits(hits []rag.Hit) []rag.Hit {
	seen := map[string]bool{}
	out := make([]rag.Hit, 0, len(hits))
	for _, h := range hits {
		key := h.ID
		if key == "" {
			key = h.ArticleID + "\x00" + h.Text
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, h)
	}
	return out
}

func termSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range prose.Terms(s) {
		set[t] = true
	}
	return set
}

// hitSentences are a hit's sentences, the headline first: a headline is
// evidence like any sentence, cited as its article's passage.
func hitSentences(h rag.Hit) []string {
	var out []string
	if t := strings.TrimSpace(h.Title); t != "" {
		out = append(out, t)
	}
	for _, sp := range prose.SentenceSpans(h.Text) {
		out = append(out, strings.TrimSpace(removeMarkers(h.Text[sp[0]:sp[1]])))
	}
	return out
}

// echoShare is how much of a sentence must be new to the question for it
// to answer: below it, the sentence only restates the question (an article
// that quotes a quiz, a headline that asks).
const echoShare = 0.25

// Bonuses for holding what the question asks for.
const (
	candidateBonus = 0.15
	cueBonus       = 0.1
)

// scoreCandidates scores every sentence that holds at least one question
// term. context gives the terms around a sentence.
func scoreCandidates(q questionTerms, hits []rag.Hit, context func(scoredSentence) map[string]bool) []scoredSentence {
	var cands []scoredSentence
	seen := map[string]bool{} // a sentence repeated by overlapping passages counts once
	for hi, h := range hits {
		rankBonus := 0.05 / float64(hi+1)
		for si, text := range hitSentences(h) {
			toks := prose.Tokenize(text)
			if len(toks) < minSentenceTokens {
				continue
			}
			key := strings.Join(toks, " ")
			if seen[key] {
				continue
			}
			seen[key] = true
			c := scoredSentence{text: text, hit: hi, idx: si, terms: termSet(text), covered: map[string]bool{}}
			fresh := q.kind.newCandidate(text, q.all)
			if _, typed := q.weight[kindTerm]; typed && fresh {
				c.covered[kindTerm] = true
			}
			if !fresh && echoes(q, c.terms) {
				continue
			}
			ctx := context(c)
			var in, around, ent float64
			for _, t := range q.order {
				w := q.weight[t]
				switch {
				case c.covered[t], t != kindTerm && q.holds(c.terms, t):
					c.covered[t] = true
					in += w
					if q.entity[t] {
						ent += w
					}
				case t != kindTerm && q.holds(ctx, t):
					around += w
				}
			}
			if in == 0 || (len(c.covered) == 1 && c.covered[kindTerm]) {
				continue // a date or a number alone answers nothing
			}
			c.coverage = in / q.total
			c.score = c.coverage + 0.2*around/q.total + rankBonus
			if q.entities > 0 {
				c.score += 0.1 * ent / q.entities
			}
			c.score += kindBonus(q, text, fresh)
			if strings.HasSuffix(strings.TrimRight(text, "\"'”’)"), "?") {
				c.score *= 0.6 // a question in an article rarely answers one
			}
			cands = append(cands, c)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands
}

// kindBonus favours a sentence that holds the kind of thing asked for.
func kindBonus(q questionTerms, text string, fresh bool) float64 {
	b := 0.0
	switch q.kind {
	case kindPerson:
		if fresh {
			b += candidateBonus
		}
		if rolePattern.MatchString(text) {
			b += cueBonus
		}
	case kindName, kindPlace:
		if fresh {
			b += candidateBonus
		}
	case kindReason:
		if reasonPattern.MatchString(text) {
			b += candidateBonus
		}
	case kindManner:
		if mannerCues.MatchString(text) {
			b += candidateBonus
		}
	case kindSaid:
		if reportedSpeech.MatchString(text) {
			b += candidateBonus
		}
	}
	return b
}

// echoes reports whether a sentence says little the question does not.
func echoes(q questionTerms, terms map[string]bool) bool {
	if len(terms) == 0 {
		return true
	}
	fresh := 0
	for t := range terms {
		if !q.all[t] {
			fresh++
		}
	}
	return float64(fresh) < echoShare*float64(len(terms))
}

// overlaps reports whether a sentence holds the start of a quotation, or a
// quotation holds the start of the sentence (a quotation of several
// sentences).
func overlaps(sentence, quotation string) bool {
	head := func(s string) string {
		s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "\"“”‘’"))
		if len(s) > 40 {
			s = s[:40]
		}
		return s
	}
	qh, sh := head(quotation), head(sentence)
	return qh != "" && (strings.Contains(sentence, qh) || strings.Contains(quotation, sh))
}

// isHeadline reports whether a candidate is its hit's headline.
func isHeadline(hits []rag.Hit, c scoredSentence) bool {
	return c.idx == 0 && strings.TrimSpace(hits[c.hit].Title) != ""
}

// withBodyAfterHeadline follows a headline chosen as the best answer with
// the best sentence of its article's body, if that is not chosen already:
// a headline says what the story is ("Bolton warns over ‘endless
// concessions’"), the body says it in full.
func withBodyAfterHeadline(hits []rag.Hit, cands, chosen []scoredSentence, limit int) []scoredSentence {
	if len(chosen) == 0 || !isHeadline(hits, chosen[0]) {
		return chosen
	}
	article := hits[chosen[0].hit].ArticleID
	for _, c := range chosen[1:] {
		if hits[c.hit].ArticleID == article && !isHeadline(hits, c) {
			return chosen
		}
	}
	for _, c := range cands {
		if hits[c.hit].ArticleID != article || isHeadline(hits, c) {
			continue
		}
		out := append([]scoredSentence{chosen[0], c}, chosen[1:]...)
		if len(out) > limit {
			out = out[:limit]
		}
		return out
	}
	return chosen
}

// continuation matches a sentence that carries on from the one before it:
// it opens with a pronoun, a connective or a reporting clause, or the one
// before ends with a colon.
var continuation = regexp.MustCompile(`^(?i:he|she|they|it|his|her|their|its|this|that|these|those|the (show|company|move|plan|deal|decision|group|team|film|series|product|country|city|state)|but|and|also|however|instead|meanwhile|[“"]|(he|she|they) (added|said|says|went on)\b)\b`)

// withContinuations adds to each chosen sentence the one after it, when the
// answer runs across the two: the chosen sentence refers to the thing asked
// about by its kind ("the wildly popular show") without naming it and the
// next names it, the next is a continuation, or the chosen one lacks the
// typed answer that the next holds.
func withContinuations(q questionTerms, hits []rag.Hit, chosen []scoredSentence) []scoredSentence {
	added := map[string]bool{}
	for _, c := range chosen {
		added[c.text] = true
	}
	var res []scoredSentence
	for _, c := range chosen {
		sents := hitSentences(hits[c.hit])
		// "The show, which follows the Roy family, leads…": the sentence
		// opens by referring back to the thing asked about, named in the
		// sentence before.
		if c.idx > 0 && q.head != "" && !isHeadline(hits, scoredSentence{hit: c.hit, idx: c.idx - 1}) {
			if prev := sents[c.idx-1]; !added[prev] && !strings.HasSuffix(strings.TrimSpace(prev), "?") && opensWith(c.text, q.head) && q.kind.newCandidate(prev, q.all) {
				res = append(res, scoredSentence{text: prev, hit: c.hit, idx: c.idx - 1, terms: termSet(prev), carries: true})
				added[prev] = true
			}
		}
		res = append(res, c)
		if c.idx+1 >= len(sents) {
			continue
		}
		next := sents[c.idx+1]
		if added[next] || isHeadline(hits, c) {
			continue // a headline runs on into no sentence
		}
		lacks := !q.kind.newCandidate(c.text, q.all) && (q.kind.typed() || q.kind == kindName)
		refers := q.head != "" && c.terms[q.head] && q.kind.newCandidate(next, q.all)
		colon := strings.HasSuffix(strings.TrimSpace(c.text), ":")
		if (lacks && q.kind.newCandidate(next, q.all)) || refers || colon || (q.kind == kindSaid && continuation.MatchString(next)) {
			res = append(res, scoredSentence{text: next, hit: c.hit, idx: c.idx + 1, terms: termSet(next), carries: (lacks || refers) && !colon})
			added[next] = true
		}
	}
	return res
}

// asksIdentity reports whether the question asks who someone it names
// is ("Who is John Coale?"): the answer is a description, with no name to
// show in bold.
func (q questionTerms) asksIdentity() bool {
	if q.kind != kindPerson {
		return false
	}
	for _, t := range q.order {
		if t != kindTerm && !q.entity[t] {
			return false
		}
	}
	return true
}

// findSpan is the answer's span: in a sentence added because it names
// what the chosen one refers to, first (where it may open the sentence),
// then in the chosen ones.
func findSpan(q questionTerms, chosen []scoredSentence) string {
	for _, c := range chosen {
		if c.carries {
			if span := answerSpan(q.kind, " "+c.text, q.all); span != "" {
				return span
			}
		}
	}
	for _, c := range chosen {
		if span := answerSpan(q.kind, c.text, q.all); span != "" {
			return span
		}
	}
	return ""
}

// opensWith reports whether a sentence refers to the thing asked about by
// its kind, with a determiner a few words before the noun head ("the
// wildly popular South Korean show", "This company").
func opensWith(sentence, head string) bool {
	toks := prose.Tokenize(sentence)
	for i, t := range toks {
		if prose.Stem(t) != head {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-5; j-- {
			switch toks[j] {
			case "the", "this", "that", "its", "their":
				return true
			}
		}
	}
	return false
}

// typedFirst keeps, for a question that asks for a typed answer (a name,
// a place, a duration, a date or a number), only the sentences that hold
// one it does not already give, when one of them covers the question's
// words nearly as well as the best sentence: a sentence without one does
// not answer however many of the question's words it shares, but one that
// holds a stray name and little of the question does not answer either.
// Otherwise all are kept, and their coverage decides whether to abstain.
func typedFirst(q questionTerms, cands []scoredSentence) []scoredSentence {
	plain := func(c scoredSentence) float64 {
		if c.covered[kindTerm] {
			return c.coverage - q.weight[kindTerm]/q.total
		}
		return c.coverage
	}
	var typed []scoredSentence
	bestAll, bestTyped := 0.0, 0.0
	for _, c := range cands {
		bestAll = math.Max(bestAll, plain(c))
		if c.covered[kindTerm] {
			typed = append(typed, c)
			bestTyped = math.Max(bestTyped, plain(c))
		}
	}
	if len(typed) == 0 || bestTyped < typedCoverageRatio*bestAll {
		return cands
	}
	return typed
}

// chooseSentences takes the best scoredSentence and those close behind it that say
// something new.
func chooseSentences(cands []scoredSentence, limit int) []scoredSentence {
	var chosen []scoredSentence
	for _, c := range cands {
		if len(chosen) == limit {
			break
		}
		if len(chosen) > 0 && (c.score < followerScoreRatio*chosen[0].score || c.coverage < followerScoreRatio*chosen[0].coverage) {
			continue
		}
		dup := false
		for _, d := range chosen {
			if nearDuplicate(c.terms, d.terms) {
				dup = true
				break
			}
		}
		if !dup {
			chosen = append(chosen, c)
		}
	}
	return chosen
}

// nearDuplicate reports whether two sentences say much the same thing: they
// share most of their terms, or one's terms are nearly all in the other.
func nearDuplicate(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	shared := 0
	for t := range a {
		if b[t] {
			shared++
		}
	}
	union := len(a) + len(b) - shared
	smaller := min(len(a), len(b))
	return float64(shared)/float64(union) >= nearDuplicateJaccard || float64(shared) >= 0.8*float64(smaller)
}

// answerCoverage is the share of the question's weight that the chosen
// sentences hold, counting a term that is only elsewhere in a chosen
// sentence's article at contextCredit.
func answerCoverage(q questionTerms, chosen []scoredSentence, context func(scoredSentence) map[string]bool) float64 {
	// The typed answer weighs in the ranking, not here: a sentence that
	// holds a name and one word of the question has not covered it.
	var got, total float64
	for _, t := range q.order {
		if t == kindTerm {
			continue
		}
		total += q.weight[t]
		credit := 0.0
		for _, c := range chosen {
			if c.covered[t] {
				credit = 1
				break
			}
			if q.holds(context(c), t) {
				credit = contextCredit
			}
		}
		got += credit * q.weight[t]
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// missingNames lists the question's names that no passage holds: the
// coverage lacks the question's focus.
func missingNames(q questionTerms, passageTerms []map[string]bool) []string {
	var out []string
	for _, w := range missingWords(q, passageTerms) {
		t := prose.Stem(w)
		if q.entity[t] && len(t) > 2 {
			out = append(out, w)
		}
	}
	return out
}

// missingWords lists the question's words, as the asker wrote them, that no
// passage holds, heaviest first.
func missingWords(q questionTerms, passageTerms []map[string]bool) []string {
	var missing []string
	for _, t := range q.order {
		if t == kindTerm {
			continue
		}
		found := false
		for _, pt := range passageTerms {
			if q.holds(pt, t) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, t)
		}
	}
	sort.SliceStable(missing, func(i, j int) bool { return q.weight[missing[i]] > q.weight[missing[j]] })
	words := make([]string, len(missing))
	for i, t := range missing {
		words[i] = q.surface[t]
	}
	return words
}
