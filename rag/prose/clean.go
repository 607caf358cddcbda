package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	case words <= maxTeaserWords && (hasPrefixFold(s, teaserPrefixes) || isArrowTeaser(s)):
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
// isArrowTeaser reports whether s, a line opened by an arrow bullet, points
// elsewhere: a teaser is a headline, so it has a label before a colon in its
// first words ("► Dec. 13: …", "►More: …") or does not end as a sentence
// does. A bullet that is one or more whole sentences with no label is news.
func isArrowTeaser(s string) bool {
	if !hasPrefixFold(s, arrowBullets) {
		return false
	}
	body := strings.TrimLeft(s, "►▶ \t")
	if label, _, ok := strings.Cut(body, ":"); ok && strings.Count(label, " ") < maxLabelWords {
		return true
	}
	return !endsStatement(body)
}

// maxLabelWords bounds the label of a teaser ("Save better, spend better:").
const maxLabelWords = 6

// endsStatement reports whether s ends with a full stop, perhaps inside
// closing quotation marks or brackets. A question mark does not count:
// headlines ask questions, news bullets state things.
func endsStatement(s string) bool {
	return strings.HasSuffix(strings.TrimRight(s, " \t\"'’”)»"), ".")
}

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
