package prose

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
)

// Cleaning works on lines: every non-blank line of an article is one
// paragraph, and the furniture of news pages (players, consent walls, sign-up
// prompts, credits) comes as whole lines. Every phrase that any rule looks for
// is compiled once into a single automaton, so a line is read once, however
// many rules there are; the rules then combine which phrases occurred with
// the line's length in words. A length limit gates every rule, so that a real
// paragraph that happens to use a phrase is kept.

// lineKind is what the classifier decided about one line.
type lineKind uint8

const (
	lineBody      lineKind = iota
	lineDrop               // boilerplate: removed
	lineTimestamp          // a bare player duration such as "0:38": removed
	linePlayer             // video or audio player text: removed
	lineCaption            // an image caption: moved to the captions
	lineConsent            // may belong to a consent block; decided with its neighbours
)

// Word limits for the rules.
const (
	maxStrongWords  = 80 // phrases that never occur in reporting
	maxPromoWords   = 60 // sign-up and contact lines
	maxConsentWords = 60 // lines of a cookie or consent block
	maxLegalWords   = 40 // copyright notices
	maxTeaserWords  = 30 // "Read more:", "Watch:" and similar link lines
	maxPlayerLabel  = 8  // player labels ("Press play", "Now playing")
	maxAdLabel      = 4  // ad labels ("Advertisement", "Skip advertisement")
	maxPodcastPlug  = 12 // "Prefer to listen? Check out our podcast"
	maxSocialWords  = 12 // lists of social networks
	maxVideoTitle   = 20 // the title shown under an embedded video
	maxButtonWords  = 5  // consent buttons ("Allow cookies")
	maxProviderName = 4  // the embed provider's name above a consent block
)

// consentBlockScore is the score of one line that makes its block consent
// text: one strong phrase, or three weak ones.
const consentBlockScore = 3

// phraseGroup names a set of phrases that a rule asks about as one.
type phraseGroup uint8

const (
	groupStrongPlayer  phraseGroup = iota // player and ad-survey text, at any length
	groupStrongDrop                       // affiliate, syndication and paywall notices, at any length
	groupPlayerLabel                      // labels that make a short line player furniture
	groupAdLabel                          // labels that make a short line an ad slot
	groupPodcast                          // "podcast", which needs an action too
	groupPodcastAction                    // "listen", "subscribe", "check out"
	groupSocial                           // names of social networks
	groupPromoVerb                        // calls to action
	groupPromoTarget                      // what the outlet sells: newsletters, inboxes, access
	groupPromoPointer                     // words that point at the outlet's offer
	groupPromoAbout                       // the outlet describing its own newsletter
	groupContactVerb                      // "follow", "contact": an invitation when it starts the line
	groupContactPhrase                    // "follow her", "can be reached"
	groupOnSocial                         // "on Twitter": where to follow
	groupHandle                           // an e-mail address, a handle or a profile link
	groupConsentStrong                    // consent wording that alone marks a consent block
	groupConsentWeak                      // consent wording that needs company
	groupCookie                           // "cookie", "consent": button labels
	groupReader                           // the reader addressed: "you", "we"
	groupThisContent                      // "this content", "this site"
	groupQuoteMark                        // quotation marks
	groupPhotoCredit                      // "photo", "getty images": a credit may follow
	numGroups
)

type phraseSpec struct {
	group phraseGroup
	// word requires the phrase to stand as a word: no letter or digit just
	// before or after it ("our" is not in "four", "subscribe" not in
	// "subscribers").
	word    bool
	phrases []string
}

// phraseSpecs is every phrase the rules look for, in lowercase.
var phraseSpecs = []phraseSpec{
	{groupStrongPlayer, false, []string{
		"for a more accessible video player", "how relevant is this ad to you",
		"video player was slow to load", "ad froze or did not finish loading",
		"video content never loaded", "replay more videos", "video ad feedback",
		"your browser does not support", "hit play on the player above",
		"this transcript was automatically generated",
	}},
	{groupStrongDrop, false, []string{
		"article continues below", "story continues below", "purchases you make through our links",
		"may earn us a commission", "prices were accurate at the time", "content is produced independently of",
		"may not be published, broadcast, rewritten or redistributed", "thank you for supporting our journalism",
		"become a digital subscriber", "delivered to your inbox", "delivered right to your inbox",
		"delivered straight to your inbox", "delivered straight to your phone", "unsubscribe at any time",
	}},
	{groupPlayerLabel, true, []string{
		"press play", "video player", "audio player", "play video", "watch video", "watch the video",
		"listen to this article", "listen to this story", "now playing", "autoplay", "our podcast",
	}},
	{groupAdLabel, true, []string{"advertisement", "sponsored content", "ad feedback", "skip ad"}},
	{groupPodcast, false, []string{"podcast"}},
	{groupPodcastAction, true, []string{"listen", "subscribe", "check out"}},
	{groupSocial, false, []string{
		"facebook", "twitter", "instagram", "tiktok", "youtube", "pinterest", "linkedin", "flipboard", "whatsapp",
	}},
	{groupPromoVerb, true, []string{
		"sign up", "signing up", "sign-up", "subscribe", "subscribing", "click here", "get our", "follow us",
		"join us", "download our", "like our page",
	}},
	{groupPromoTarget, false, []string{"newsletter", "inbox", "text message alerts", "digital access", "digital subscription"}},
	{groupPromoPointer, true, []string{"here", "now", "today", "free", "our", "newsletter", "inbox", "alerts"}},
	{groupPromoAbout, false, []string{
		"version of this story", "version of this article", "this story is part of", "provides you with",
		"would you like to receive", "want this news", "subscribe to our", "sign up for our", "our free",
		"our newsletter",
	}},
	{groupContactVerb, true, []string{"follow", "contact", "reach", "email", "e-mail", "tell", "call"}},
	{groupContactPhrase, false, []string{
		"follow him", "follow her", "follow them", "follow us", "follow me", "follow along", "reach him",
		"reach her", "reach them", "reach us", "email him", "email her", "can be reached",
		"can be emailed", "can be contacted", "contact him", "contact her", "email me", "reach me",
	}},
	{groupOnSocial, false, []string{"on twitter", "on facebook", "on instagram"}},
	{groupHandle, false, []string{"@", "twitter.com/"}},
	{groupConsentStrong, false, []string{ // each scores consentBlockScore
		"this content is provided by", "we use cookies", "use of cookies", "uses cookies", "using cookies",
		"accept cookies", "accept all cookies", "cookie policy", "cookie settings", "cookie preferences",
		"privacy options", "privacy policy", "privacy settings", "manage consent", "manage your preferences",
		"consent to the use", "consented to", "for this session only", "you agree to the processing",
		"legitimate interest", "to show you this content", "we need your permission",
	}},
	{groupConsentWeak, false, []string{
		"cookie", "consent", "privacy", "preferences", "permission", "your settings", "button below",
		"buttons below", "other technologies", "tracking technologies", "third-party", "third party",
		"opt out", "opt-out", "your data", "personal data", "personal information",
	}},
	{groupCookie, false, []string{"cookie", "consent"}},
	{groupReader, true, []string{"you", "your", "we", "us", "our"}},
	{groupThisContent, false, []string{"this content", "this site", "this website", "this page"}},
	{groupQuoteMark, false, []string{"\"", "“", "”"}},
	{groupPhotoCredit, false, []string{"photo", "getty images"}},
}

// teaserPrefixes start link lines that point elsewhere on the site.
var teaserPrefixes = []string{
	"read more", "read next", "more:", "related:", "watch:", "listen:", "see also", "also read",
	"most read", "recommended:", "podcasts:", "gallery:", "►", "▶",
}

// captionPrefixes start an image caption; they must be followed by a colon.
var captionPrefixes = []string{
	"image", "images", "pic", "picture", "pictures", "photo", "photos", "photograph", "caption",
}

// creditOpeners start the parenthesised credit at the end of a photo caption.
var creditOpeners = []string{"ap photo", "photo by", "photo:", "photo courtesy", "photo credit"}

// phraseSet holds one bit per compiled phrase.
type phraseSet [4]uint64

func (s *phraseSet) add(id int)              { s[id>>6] |= 1 << (id & 63) }
func (s *phraseSet) anyOf(m *phraseSet) bool { return s[0]&m[0]|s[1]&m[1]|s[2]&m[2]|s[3]&m[3] != 0 }
func (s *phraseSet) countOf(m *phraseSet) int {
	return bits.OnesCount64(s[0]&m[0]) + bits.OnesCount64(s[1]&m[1]) + bits.OnesCount64(s[2]&m[2]) + bits.OnesCount64(s[3]&m[3])
}

// lineFeatures is what one pass of the phrase matcher found in a line.
type lineFeatures struct {
	found phraseSet
	// verbEnd is where the first imperative call to action ends, and
	// lastPointer where the last pointer word starts; -1 when there is
	// none.
	verbEnd, lastPointer int
	// contactAtStart is set when a contact verb starts the line.
	contactAtStart bool
}

func (f *lineFeatures) has(g phraseGroup) bool  { return f.found.anyOf(&cleanPhrases.groups[g]) }
func (f *lineFeatures) count(g phraseGroup) int { return f.found.countOf(&cleanPhrases.groups[g]) }

// phraseMatcher finds every phrase of phraseSpecs in one pass over a line: an
// Aho–Corasick automaton over ASCII-lowercased bytes, with bytes that occur in
// no phrase folded into one class to keep the table small.
type phraseMatcher struct {
	class   [256]uint8
	nclass  int
	next    []int32   // state*nclass + class → state
	out     [][]int32 // state → ids of the phrases that end there
	length  []int     // id → phrase length in bytes
	word    []bool    // id → must stand as a word
	groupOf []phraseGroup
	groups  [numGroups]phraseSet
}

var cleanPhrases = newPhraseMatcher(phraseSpecs)

func newPhraseMatcher(specs []phraseSpec) *phraseMatcher {
	m := &phraseMatcher{}
	var all []string
	for _, sp := range specs {
		for _, p := range sp.phrases {
			id := len(all)
			if id >= len(phraseSet{})*64 {
				panic("rag: too many cleaning phrases for phraseSet")
			}
			all = append(all, p)
			m.length = append(m.length, len(p))
			m.word = append(m.word, sp.word)
			m.groupOf = append(m.groupOf, sp.group)
			m.groups[sp.group].add(id)
		}
	}
	m.nclass = 1 // class 0: a byte no phrase contains
	for _, p := range all {
		for i := 0; i < len(p); i++ {
			if m.class[p[i]] == 0 {
				if m.nclass == 256 {
					panic("rag: too many distinct bytes in cleaning phrases")
				}
				m.class[p[i]] = uint8(m.nclass)
				m.nclass++
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		m.class[c] = m.class[c+'a'-'A']
	}
	// The trie, with -1 for a missing edge.
	newState := func() int32 {
		for range m.nclass {
			m.next = append(m.next, -1)
		}
		m.out = append(m.out, nil)
		return int32(len(m.out) - 1)
	}
	newState()
	for id, p := range all {
		s := int32(0)
		for i := 0; i < len(p); i++ {
			e := int(s)*m.nclass + int(m.class[p[i]])
			if m.next[e] < 0 {
				t := newState()
				m.next[e] = t
			}
			s = m.next[e]
		}
		m.out[s] = append(m.out[s], int32(id))
	}
	// Failure links, breadth first, turning the trie into a full automaton.
	fail := make([]int32, len(m.out))
	queue := []int32{}
	for c := range m.nclass {
		if t := m.next[c]; t > 0 {
			queue = append(queue, t)
		} else {
			m.next[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(m.out[s], m.out[fail[s]]...)
		for c := range m.nclass {
			e := int(s)*m.nclass + c
			if t := m.next[e]; t >= 0 {
				fail[t] = m.next[int(fail[s])*m.nclass+c]
				queue = append(queue, t)
			} else {
				m.next[e] = m.next[int(fail[s])*m.nclass+c]
			}
		}
	}
	return m
}

// scan reports the phrases in s. Class 0 always leads back to the root, so
// the loop needs no check for unknown bytes.
func (m *phraseMatcher) scan(s string) lineFeatures {
	f := lineFeatures{verbEnd: -1, lastPointer: -1}
	state := int32(0)
	for i := 0; i < len(s); i++ {
		state = m.next[int(state)*m.nclass+int(m.class[s[i]])]
		for _, id := range m.out[state] {
			end := i + 1
			start := end - m.length[id]
			if m.word[id] && ((start > 0 && isWordByte(s[start-1])) || (end < len(s) && isWordByte(s[end]))) {
				continue
			}
			f.found.add(int(id))
			switch m.groupOf[id] {
			case groupPromoVerb:
				// An imperative starts a sentence, or is a capitalised
				// button label left inside one ("… newsletter Sign up
				// here").
				if f.verbEnd < 0 && (atSentenceStart(s, start) || 'A' <= s[start] && s[start] <= 'Z') {
					f.verbEnd = end
				}
			case groupPromoPointer:
				f.lastPointer = start
			case groupContactVerb:
				f.contactAtStart = f.contactAtStart || start == 0
			}
		}
	}
	return f
}

type classifiedLine struct {
	text     string
	words    int
	kind     lineKind
	consent  int      // consent score, for lineConsent
	captions []string // for lineCaption
}

// CleanText cleans one article body: returns the body with boilerplate removed and the image captions found in it (prefix stripped).
//
// Every non-blank line of raw is one paragraph; the body has them trimmed,
// with runs of white space collapsed, separated by a single blank line.
// Removed are cookie and consent blocks (with the embed provider's name line
// above them), video and audio player text, bare timestamps, ad-feedback
// surveys, sign-up, newsletter, contact and copyright lines, and link teasers.
// Image captions ("Image: …", "Pic: …", photo credits) and the title under an
// embedded video are returned as captions, in order. Text is otherwise kept
// byte for byte, curly quotes included; invalid UTF-8 is passed through.
func CleanText(raw string) (body string, captions []string) {
	lines := classifyLines(raw)
	resolveBlocks(lines)
	var b strings.Builder
	b.Grow(len(raw) + 2)
	for i := range lines {
		l := &lines[i]
		switch l.kind {
		case lineBody:
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(l.text)
		case lineCaption:
			captions = append(captions, l.captions...)
		}
	}
	return b.String(), captions
}

// classifyLines splits raw into normalised non-blank lines and classifies
// each on its own.
func classifyLines(raw string) []classifiedLine {
	lines := make([]classifiedLine, 0, strings.Count(raw, "\n")+1)
	for rest := raw; len(rest) > 0; {
		var line string
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			line, rest = rest, ""
		}
		line = normalizeSpace(line)
		if line == "" {
			continue
		}
		l := classifiedLine{text: line, words: strings.Count(line, " ") + 1}
		classify(&l)
		lines = append(lines, l)
	}
	return lines
}

// classify decides what l is from its own text; resolveBlocks later looks at
// its neighbours.
func classify(l *classifiedLine) {
	s, words := l.text, l.words
	if isTimestamp(s) {
		l.kind = lineTimestamp
		return
	}
	if caps, ok := captionLine(s); ok {
		l.kind, l.captions = lineCaption, caps
		return
	}
	f := cleanPhrases.scan(s)
	switch {
	case words <= maxStrongWords && f.has(groupStrongPlayer):
		l.kind = linePlayer
	case words <= maxStrongWords && f.has(groupStrongDrop):
		l.kind = lineDrop
	case words <= maxPlayerLabel && f.has(groupPlayerLabel),
		words <= maxPodcastPlug && f.has(groupPodcast) && f.has(groupPodcastAction):
		l.kind = linePlayer
	case words <= maxAdLabel && f.has(groupAdLabel):
		l.kind = lineDrop
	case words <= maxSocialWords && f.count(groupSocial) >= 3:
		l.kind = lineDrop
	case words <= maxTeaserWords && hasPrefixFold(s, teaserPrefixes):
		l.kind = lineDrop
	case words <= maxLegalWords && isCopyright(s):
		l.kind = lineDrop
	case words <= maxPromoWords && (isPromo(&f) || isContact(&f)):
		l.kind = lineDrop
	case words <= maxStrongWords && f.has(groupPhotoCredit) && isCreditCaption(s):
		l.kind, l.captions = lineCaption, []string{s}
	case words <= maxConsentWords:
		if score := consentScore(&f, words); score > 0 {
			l.kind, l.consent = lineConsent, score
		}
	}
}

// resolveBlocks decides what depends on neighbouring lines: consent blocks
// with the provider name above them, and the title under a video player.
func resolveBlocks(lines []classifiedLine) {
	for i := 0; i < len(lines); {
		if lines[i].kind != lineConsent {
			i++
			continue
		}
		j, top := i, 0
		for ; j < len(lines) && lines[j].kind == lineConsent; j++ {
			top = max(top, lines[j].consent)
		}
		// A block goes when one of its lines is unmistakably consent
		// text; a lone mention of cookies or privacy stays.
		kind := lineBody
		if top >= consentBlockScore {
			kind = lineDrop
			if i > 0 && isProviderName(&lines[i-1], lines[i:j]) {
				lines[i-1].kind = lineDrop
			}
		}
		for k := i; k < j; k++ {
			lines[k].kind = kind
		}
		i = j
	}
	for i := 2; i < len(lines); i++ {
		l := &lines[i]
		if l.kind == lineBody && l.words <= maxVideoTitle &&
			lines[i-1].kind == lineTimestamp && lines[i-2].kind == linePlayer {
			l.kind, l.captions = lineCaption, []string{l.text}
		}
	}
}

// isProviderName reports whether l is the short name of the service whose
// consent block follows ("Spreaker" above "This content is provided by
// Spreaker…").
func isProviderName(l *classifiedLine, block []classifiedLine) bool {
	if l.kind != lineBody || l.words > maxProviderName {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(l.text); strings.ContainsRune(".!?:;,\"”’", r) {
		return false
	}
	name := lowerASCII(l.text)
	for i := range block {
		if containsWord(lowerASCII(block[i].text), name) {
			return true
		}
	}
	return false
}

// isTimestamp reports whether s is a bare duration such as "0:38" or
// "1:02:03".
func isTimestamp(s string) bool {
	if len(s) < 4 || len(s) > 8 {
		return false
	}
	groups := 0
	for g := range strings.SplitSeq(s, ":") {
		if len(g) == 0 || len(g) > 2 || (groups > 0 && len(g) != 2) {
			return false
		}
		for j := 0; j < len(g); j++ {
			if g[j] < '0' || g[j] > '9' {
				return false
			}
		}
		groups++
	}
	return groups == 2 || groups == 3
}

// captionLine recognises "Image: …"-style captions and returns them without
// the prefix. A photo gallery flattened into one line ("Photos: … Hide
// Caption 1 of 12 Photos: …") gives one caption per picture. A caption line
// with nothing after its prefix gives no caption, but is not body text
// either.
func captionLine(s string) ([]string, bool) {
	if !hasCaptionPrefix(s) {
		return nil, false
	}
	var caps []string
	add := func(seg string) {
		seg = strings.TrimSpace(seg)
		for hasCaptionPrefix(seg) { // galleries repeat it: "Photos: Photos: …"
			seg = strings.TrimSpace(seg[strings.IndexByte(seg, ':')+1:])
		}
		if seg != "" {
			caps = append(caps, seg)
		}
	}
	const hide = "hide caption"
	low := lowerASCII(s)
	start := 0
	for {
		i := strings.Index(low[start:], hide)
		if i < 0 {
			break
		}
		i += start
		add(s[start:i])
		start = skipCaptionCounter(low, i+len(hide))
	}
	add(s[start:])
	return caps, true
}

func hasCaptionPrefix(s string) bool {
	colon := strings.IndexByte(s, ':')
	if colon < 3 || colon > len("photograph") {
		return false
	}
	for _, p := range captionPrefixes {
		if strings.EqualFold(s[:colon], p) {
			return true
		}
	}
	return false
}

// skipCaptionCounter returns the offset after " 3 of 126" that follows "Hide
// Caption" at i, or i when there is no counter.
func skipCaptionCounter(low string, i int) int {
	j := i
	skip := func(pred func(byte) bool) bool {
		k := j
		for k < len(low) && pred(low[k]) {
			k++
		}
		moved := k > j
		j = k
		return moved
	}
	isSpace := func(c byte) bool { return c == ' ' }
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	skip(isSpace)
	if !skip(isDigit) {
		return i
	}
	skip(isSpace)
	if !strings.HasPrefix(low[j:], "of") {
		return i
	}
	j += 2
	skip(isSpace)
	if !skip(isDigit) {
		return i
	}
	return j
}

// isCreditCaption recognises picture captions by their agency credit:
// "… (AP Photo/Jane Doe)", "… Jane Doe/Getty Images", or the credit in
// front: "Jane Doe/Agency/Getty Images A man sits …".
func isCreditCaption(s string) bool {
	low := lowerASCII(strings.TrimRight(s, " ."))
	if strings.HasSuffix(low, "getty images") || strings.HasSuffix(low, "getty images)") {
		return true
	}
	if strings.HasSuffix(low, ")") {
		if open := strings.LastIndexByte(low, '('); open >= 0 && hasPrefixFold(low[open+1:], creditOpeners) {
			return true
		}
	}
	i := strings.Index(low, "/getty images ")
	return i >= 0 && i <= 80 && !strings.Contains(low[:i], ". ")
}

func isCopyright(s string) bool {
	if strings.HasPrefix(s, "©") || strings.Contains(lowerASCII(s), "all rights reserved") {
		return true
	}
	for _, p := range []string{"copyright ", "(c) "} {
		if hasPrefixFold(s, []string{p}) {
			rest := s[len(p):]
			return strings.HasPrefix(rest, "©") || hasPrefixFold(rest, []string{"(c)"}) ||
				(len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9')
		}
	}
	return false
}

// isPromo recognises newsletter, subscription and app prompts: the outlet
// talking about its own newsletter, or an imperative call to action followed
// by a word pointing at the offer ("Sign up here", "Subscribe to … today").
// "People can sign up for digital access" reports; "Sign up for our
// newsletter" sells.
func isPromo(f *lineFeatures) bool {
	if f.has(groupPromoTarget) && (f.verbEnd >= 0 || f.has(groupPromoAbout)) {
		return true
	}
	return f.verbEnd >= 0 && f.lastPointer >= f.verbEnd
}

// atSentenceStart reports whether s[i:] starts a sentence or a clause: it is
// at the start of the line, or after sentence punctuation, a colon, a comma
// or a bullet ("For updates in your inbox, subscribe to …").
func atSentenceStart(s string, i int) bool {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case r == ' ' || r == '(' || r == '[':
			i -= size
		case strings.ContainsRune(".!?:;,►▶|—–-", r):
			return true
		default:
			return false
		}
	}
	return true
}

// isContact recognises a reporter's contact line: an address or handle with
// an invitation to use it ("Contact Jane Doe at …", "Follow him on Twitter
// @…", "She can be reached at …"). A quoted post ("@name on Twitter: …") is
// not one, nor is service information in a report ("For questions, contact
// the help desk at …").
func isContact(f *lineFeatures) bool {
	return f.has(groupHandle) &&
		(f.contactAtStart || f.has(groupContactPhrase) || f.has(groupContactVerb) && f.has(groupOnSocial))
}

// consentScore rates how much a line reads like a cookie or consent notice.
// Lines that do not address the reader, or that report what someone said,
// score 0 however often they mention cookies.
func consentScore(f *lineFeatures, words int) int {
	score := consentBlockScore*f.count(groupConsentStrong) + f.count(groupConsentWeak)
	switch {
	case score == 0:
		return 0
	case words <= maxButtonWords && f.has(groupCookie):
		return score // a button label, such as "Allow cookies"
	case !f.has(groupReader) && !f.has(groupThisContent):
		return 0
	case f.has(groupQuoteMark):
		// Quoted words are reporting ("Venmo's “privacy policy”
		// says…"); consent banners do not quote anyone.
		return 0
	}
	return score
}

// normalizeSpace trims s and collapses each run of white space into one
// space. Invalid UTF-8 is copied as it is. When s needs no change it is
// returned without copying, which is the common case.
func normalizeSpace(s string) string {
	if isNormalSpace(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			pending = b.Len() > 0
			i += size
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// maybeSpace marks the bytes that can be or begin white space: ASCII space
// characters and the lead bytes of the non-ASCII spaces (U+0085, U+00A0,
// U+1680, U+2000 to U+205F, U+3000).
var maybeSpace = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\v', '\f', '\r', 0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = true
	}
	return t
}()

// isNormalSpace reports whether s has no leading, trailing, doubled or
// non-space white space.
func isNormalSpace(s string) bool {
	prevSpace := true // so that a leading space is caught
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !maybeSpace[c] {
			prevSpace = false
			continue
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// lowerASCII lowers the ASCII letters of s and leaves every other byte alone,
// so offsets in the result are offsets in s.
func lowerASCII(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// hasPrefixFold reports whether s starts with one of the lowercase ASCII
// prefixes, ignoring the case of ASCII letters.
func hasPrefixFold(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if len(s) < len(p) {
			continue
		}
		i := 0
		for ; i < len(p); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != p[i] {
				break
			}
		}
		if i == len(p) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// containsWord reports whether w occurs in s with no letter or digit right
// before or after it.
func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		if (i == 0 || !isWordByte(s[i-1]) || !isWordByte(w[0])) &&
			(end == len(s) || !isWordByte(s[end]) || !isWordByte(w[len(w)-1])) {
			return true
		}
		from = i + 1
	}
}

// Lines that repeat across a batch are boilerplate when they appear in at
// least repeatMinArticles articles and at least repeatMinShare of the batch.
const (
	repeatMinArticles = 3
	repeatMinShare    = 0.05
	// When repeated lines would take more than repeatMaxShare of an
	// article's text, the article is a copy of another (syndicated wire
	// copy, the same page under two URLs) rather than a page full of
	// furniture. Then only its short repeated lines go, and its sentences
	// stay.
	repeatMaxShare  = 0.5
	repeatShortLine = 8 // words
)

// Clean cleans a batch of articles in place: CleanText on each article's Text (captions appended to Article.Captions), then removes lines that repeat across many articles of the batch.
func Clean(articles []rag.Article) {
	paragraphs := make([][]string, len(articles))
	for i := range articles {
		body, caps := CleanText(articles[i].Text)
		articles[i].Captions = append(articles[i].Captions, caps...)
		articles[i].Text = body
		if body != "" {
			paragraphs[i] = strings.Split(body, "\n\n")
		}
	}
	minArticles := max(repeatMinArticles, int(repeatMinShare*float64(len(articles))+0.999999))
	if len(articles) < minArticles {
		return
	}

	type seen struct {
		articles int
		last     int // the last article counted, so each counts once
	}
	counts := make(map[repeatKey]*seen)
	keys := make([][]repeatKey, len(articles))
	for i, paras := range paragraphs {
		keys[i] = make([]repeatKey, len(paras))
		for j, p := range paras {
			k := keyOf(p)
			keys[i][j] = k
			switch c := counts[k]; {
			case c == nil:
				counts[k] = &seen{articles: 1, last: i}
			case c.last != i:
				c.articles++
				c.last = i
			}
		}
	}

	for i, paras := range paragraphs {
		total, repeated := 0, 0
		for j, p := range paras {
			total += len(p)
			if counts[keys[i][j]].articles >= minArticles {
				repeated += len(p)
			}
		}
		if repeated == 0 {
			continue
		}
		onlyShort := float64(repeated) > repeatMaxShare*float64(total)
		var kept []string
		for j, p := range paras {
			if counts[keys[i][j]].articles >= minArticles && (!onlyShort || strings.Count(p, " ")+1 <= repeatShortLine) {
				continue
			}
			kept = append(kept, p)
		}
		articles[i].Text = strings.Join(kept, "\n\n")
	}
}

// repeatKey is the form under which lines are compared across articles: a
// hash of the line with ASCII case folded and trailing punctuation trimmed,
// with its length, so that counting a large batch does not copy its text.
type repeatKey struct {
	hash   uint64
	length int
}

func keyOf(p string) repeatKey {
	p = strings.TrimRight(p, " .:!?…")
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	h := uint64(offset)
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * prime
	}
	return repeatKey{hash: h, length: len(p)}
}
