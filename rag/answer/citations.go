package answer

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// Marker is one citation number found in a text. Numbers written in one
// bracket group ("[2, 3]", "[1-3]") share the group's Start and End, so a
// caller that rewrites the text replaces each group once.
type Marker struct {
	N          int
	Start, End int // byte offsets of the bracket group in the text
}

// Limits that keep the parser cheap on hostile input: a citation number has at
// most maxMarkerDigits digits and a range spans at most maxMarkerRange numbers.
// Anything larger is left as plain text.
const (
	maxMarkerDigits = 6
	maxMarkerRange  = 50
)

// ParseMarkers finds the citation markers in text: "[1]", "[2, 3]", "[2; 3]",
// "[2 and 3]", "[1][2]", "[1-3]" (also with an en or em dash), and the
// "[Source 1]" form that some models write. Anything else in brackets is
// text. It never panics.
func ParseMarkers(text string) []Marker {
	var out []Marker
	for i := 0; i < len(text); i++ {
		if text[i] != '[' {
			continue
		}
		nums, end, ok := parseMarkerGroup(text, i+1)
		if !ok {
			continue
		}
		for _, n := range nums {
			out = append(out, Marker{N: n, Start: i, End: end})
		}
		i = end - 1
	}
	return out
}

// parseMarkerGroup reads the inside of a bracket group that starts at text[i]
// and returns its numbers and the offset just past the closing bracket.
func parseMarkerGroup(text string, i int) (nums []int, end int, ok bool) {
	i = skipSpaces(text, i)
	i = skipSourceWord(text, i)
	for {
		i = skipSpaces(text, i)
		lo, next, ok := parseMarkerNumber(text, i)
		if !ok {
			return nil, 0, false
		}
		i = skipSpaces(text, next)
		if dash := dashAt(text, i); dash > 0 {
			hi, next, ok := parseMarkerNumber(text, skipSpaces(text, i+dash))
			if !ok || hi < lo || hi-lo >= maxMarkerRange {
				return nil, 0, false
			}
			for n := lo; n <= hi; n++ {
				nums = append(nums, n)
			}
			i = skipSpaces(text, next)
		} else {
			nums = append(nums, lo)
		}
		if i >= len(text) {
			return nil, 0, false
		}
		switch {
		case text[i] == ']':
			return nums, i + 1, true
		case text[i] == ',' || text[i] == ';':
			i++
			if j := skipSpaces(text, i); hasWordAt(text, j, "and") {
				i = j + len("and") // "[1, 2, and 3]"
			}
		case hasWordAt(text, i, "and"):
			i += len("and")
		default:
			return nil, 0, false
		}
	}
}

func parseMarkerNumber(text string, i int) (n, next int, ok bool) {
	start := i
	for i < len(text) && '0' <= text[i] && text[i] <= '9' {
		if i-start == maxMarkerDigits {
			return 0, 0, false
		}
		n = n*10 + int(text[i]-'0')
		i++
	}
	return n, i, i > start
}

// hasWordAt reports whether text has the word w (in any case) at i,
// followed by a space.
func hasWordAt(text string, i int, w string) bool {
	end := i + len(w)
	return end < len(text) && strings.EqualFold(text[i:end], w) && (text[end] == ' ' || text[end] == '\t')
}

func skipSpaces(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// skipSourceWord steps over "source", "sources" or "src", with an optional
// colon, when a number follows.
func skipSourceWord(text string, i int) int {
	for _, w := range [...]string{"sources", "source", "src"} {
		if len(text)-i >= len(w) && strings.EqualFold(text[i:i+len(w)], w) {
			j := skipSpaces(text, i+len(w))
			if j < len(text) && text[j] == ':' {
				j = skipSpaces(text, j+1)
			}
			if j < len(text) && '0' <= text[j] && text[j] <= '9' {
				return j
			}
			return i
		}
	}
	return i
}

// dashAt returns the byte length of a hyphen, en dash or em dash at text[i],
// or 0.
func dashAt(text string, i int) int {
	if i < len(text) && text[i] == '-' {
		return 1
	}
	for _, d := range [...]string{"–", "—"} {
		if strings.HasPrefix(text[i:], d) {
			return len(d)
		}
	}
	return 0
}

// removeMarkers deletes every citation marker group from s, with the space
// before it, so that passage text quoted in an answer cannot pose as a
// citation and a sentence can be compared with its source.
func removeMarkers(s string) string {
	ms := ParseMarkers(s)
	if len(ms) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		if m.Start < last {
			continue // another number of a group already removed
		}
		start := m.Start
		for start > last && (s[start-1] == ' ' || s[start-1] == '\t') {
			start--
		}
		b.WriteString(s[last:start])
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// Support thresholds. A cited sentence is kept when its cited passages
// together cover at least minSupport of its content; a cited passage that
// covers less than minSupportPerMarker of it loses its marker.
const (
	minSupport          = 0.5
	minSupportPerMarker = 0.25
)

// VerifyCitations rewrites an answer so that every [n] points at an existing
// source and is supported by it:
//   - markers that point at no source are removed;
//   - a sentence whose cited passages do not support it lexically (see
//     Supports) is dropped and listed in dropped, never shown as if cited;
//   - a sentence that states something without citing a source (or whose
//     only markers pointed at none) is dropped and listed too. Only sentences
//     that claim nothing are kept uncited: those without content words, and
//     those that say the sources do not answer. A citation is never guessed
//     for a sentence: a claim the model did not attribute may come from an
//     article's planted text as easily as from its reporting;
//   - citations are renumbered 1..k in order of first use, and cites holds
//     exactly the cited passages.
func VerifyCitations(text string, sources []rag.Hit) (clean string, cites []rag.Citation, dropped []string) {
	lookup := func(n int) (string, bool) {
		if n < 1 || n > len(sources) {
			return "", false
		}
		return sources[n-1].Text, true
	}
	units := verifyUnits(text, lookup)
	numbering := map[int]int{} // source number → new number
	clean = renderUnits(text, units, func(n int) int {
		if k, ok := numbering[n]; ok {
			return k
		}
		k := len(numbering) + 1
		numbering[n] = k
		cites = append(cites, rag.Citation{N: k, Passage: sources[n-1].Passage})
		return k
	})
	clean, cites = keepRenderedMarkers(clean, cites)
	for _, u := range units {
		if u.dropped {
			dropped = append(dropped, u.plain)
		}
	}
	return clean, cites, dropped
}

// keepRenderedMarkers removes any marker from s that does not name one of
// cites. Rewriting can only produce such a marker when deleting a sentence
// joins text on its two sides into something that reads as one; the check
// keeps the promise that every marker shown has its source.
func keepRenderedMarkers(s string, cites []rag.Citation) (string, []rag.Citation) {
	for range 3 {
		bad := false
		for _, m := range ParseMarkers(s) {
			if m.N < 1 || m.N > len(cites) {
				bad = true
				break
			}
		}
		if !bad {
			return s, cites
		}
		s = removeBadMarkers(s, len(cites))
	}
	return s, cites
}

func removeBadMarkers(s string, k int) string {
	ms := ParseMarkers(s)
	var b strings.Builder
	last := 0
	for i := 0; i < len(ms); {
		j := i
		good := true
		for j < len(ms) && ms[j].Start == ms[i].Start {
			if ms[j].N < 1 || ms[j].N > k {
				good = false
			}
			j++
		}
		if !good {
			b.WriteString(s[last:ms[i].Start])
			last = ms[i].End
		}
		i = j
	}
	b.WriteString(s[last:])
	return b.String()
}

var contrastPattern = regexp.MustCompile(`(?i)\b(but|however|although|though|yet|while|whereas)\b`)

// claimUnit is one sentence of an answer with the marker groups that cite it.
type claimUnit struct {
	start, end int           // the sentence's bytes in the text, markers included
	groups     []markerGroup // groups that cite this sentence (possibly just after it)
	plain      string        // the sentence without markers, for checks and reports
	sources    []int         // verified source numbers, in order of appearance
	dropped    bool
}

type markerGroup struct {
	start, end int
	nums       []int
}

func groupMarkers(ms []Marker) []markerGroup {
	var gs []markerGroup
	for _, m := range ms {
		if n := len(gs); n > 0 && gs[n-1].start == m.Start {
			gs[n-1].nums = append(gs[n-1].nums, m.N)
			continue
		}
		gs = append(gs, markerGroup{start: m.Start, end: m.End, nums: []int{m.N}})
	}
	return gs
}

// verifyUnits splits text into sentences, attaches each marker group to the
// sentence it cites, and decides which sources each sentence keeps and which
// sentences are dropped. lookup gives the passage of a source number.
func verifyUnits(text string, lookup func(n int) (string, bool)) []claimUnit {
	units := splitClaims(text)
	passageTerms := map[int]map[string]bool{}
	termsOf := func(n int) map[string]bool {
		if ts, ok := passageTerms[n]; ok {
			return ts
		}
		p, _ := lookup(n)
		ts := supportTermSet(p)
		passageTerms[n] = ts
		return ts
	}
	for i := range units {
		u := &units[i]
		terms := supportTerms(u.plain)
		var cited []int
		seen := map[int]bool{}
		for _, g := range u.groups {
			for _, n := range g.nums {
				if _, ok := lookup(n); ok && !seen[n] {
					seen[n] = true
					cited = append(cited, n)
				}
			}
		}
		switch {
		case len(terms) == 0:
			// Nothing is claimed, so nothing is cited.
		case len(cited) > 0:
			union := map[string]bool{}
			for _, n := range cited {
				if supportScore(terms, termsOf(n)) >= minSupportPerMarker {
					u.sources = append(u.sources, n)
				}
				for t := range termsOf(n) {
					union[t] = true
				}
			}
			if len(u.sources) == 0 || supportScore(terms, union) < minSupport {
				u.sources = nil
				u.dropped = true
			}
		case statesNoAnswer(u.plain) && !contrastPattern.MatchString(u.plain):
			// An honest "the sources don't say" claims no fact; one that
			// goes on "but …" does, without a source.
		default:
			u.dropped = true
		}
	}
	return units
}

// splitClaims cuts text into sentences and gives each marker group to the
// sentence it cites. Models put markers before the full stop ("… [1]."), after
// it ("…. [1]") or glued to it ("….[1] Next"); in the last two cases the
// group stands at the start of the next sentence, or inside one sentence as
// the splitter sees it, and belongs to what comes before.
func splitClaims(text string) []claimUnit {
	groups := groupMarkers(ParseMarkers(text))
	var spans [][2]int
	for _, sp := range prose.SentenceSpans(text) {
		spans = append(spans, splitAfterGluedMarkers(text, sp, groups)...)
	}
	units := make([]claimUnit, 0, len(spans))
	gi := 0
	for _, sp := range spans {
		u := claimUnit{start: sp[0], end: sp[1]}
		// Groups at the very start of this sentence cite the previous one.
		for gi < len(groups) && groups[gi].start < sp[1] && onlySpaceBetween(text, u.start, groups[gi].start) {
			if len(units) > 0 {
				prev := &units[len(units)-1]
				prev.groups = append(prev.groups, groups[gi])
			} else {
				u.groups = append(u.groups, groups[gi])
			}
			u.start = groups[gi].end
			gi++
		}
		for gi < len(groups) && groups[gi].start < sp[1] {
			u.groups = append(u.groups, groups[gi])
			gi++
		}
		u.plain = trimListBullet(strings.TrimSpace(removeMarkers(text[u.start:u.end])))
		units = append(units, u)
	}
	return units
}

// splitAfterGluedMarkers splits a sentence span after any run of marker groups
// that follows sentence-ending punctuation and is followed by space: the
// sentence splitter sees "claim.[1] Next claim." as one sentence.
func splitAfterGluedMarkers(text string, sp [2]int, groups []markerGroup) [][2]int {
	var out [][2]int
	start := sp[0]
	for i := 0; i < len(groups); i++ {
		g := groups[i]
		if g.start <= start || g.end >= sp[1] {
			continue
		}
		if !endsWithSentencePunct(text[start:g.start]) {
			continue
		}
		end := g.end
		for i+1 < len(groups) && groups[i+1].start == end {
			i++
			end = groups[i].end
		}
		if end < sp[1] && (text[end] == ' ' || text[end] == '\t') {
			out = append(out, [2]int{start, end})
			start = skipSpaces(text, end)
		}
	}
	return append(out, [2]int{start, sp[1]})
}

func endsWithSentencePunct(s string) bool {
	s = strings.TrimRight(s, "\"'”’)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func onlySpaceBetween(text string, a, b int) bool {
	return a <= b && strings.TrimSpace(text[a:b]) == ""
}

// renderUnits writes text back with dropped sentences removed and each kept
// marker group replaced by its verified sources, numbered by number(n).
func renderUnits(text string, units []claimUnit, number func(n int) int) string {
	type edit struct {
		start, end int
		repl       string
		marker     bool // a marker group, which takes the space before it along
	}
	var edits []edit
	for _, u := range units {
		if u.dropped {
			end := skipSpaces(text, u.end)
			// A sentence that was a whole line (a list item) takes its line
			// break along.
			if (u.start == 0 || text[u.start-1] == '\n') && end < len(text) && text[end] == '\n' {
				end++
			}
			edits = append(edits, edit{start: u.start, end: end})
			for _, g := range u.groups {
				if g.start < u.start || g.start >= u.end {
					edits = append(edits, edit{start: g.start, end: g.end, marker: true})
				}
			}
			continue
		}
		// The kept sources go on the first group; later groups are removed,
		// so that a sentence reads "… [1][2]." once.
		keep := u.sources
		for _, g := range u.groups {
			repl := ""
			if len(keep) > 0 {
				var b strings.Builder
				for _, n := range keep {
					b.WriteString("[")
					b.WriteString(strconv.Itoa(number(n)))
					b.WriteString("]")
				}
				repl = b.String()
				keep = nil
			}
			edits = append(edits, edit{start: g.start, end: g.end, repl: repl, marker: true})
		}
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue // inside a dropped sentence
		}
		start := e.start
		switch {
		case e.marker && e.repl == "":
			for start > last && (text[start-1] == ' ' || text[start-1] == '\t') {
				start--
			}
		case e.marker && start > 0 && !strings.ContainsRune(" \t\n[(", rune(text[start-1])):
			e.repl = " " + e.repl
		}
		b.WriteString(text[last:start])
		b.WriteString(e.repl)
		last = e.end
	}
	b.WriteString(text[last:])
	return tidyAnswer(b.String())
}

// markerInsertPoint is where a marker goes in text[start:end]: before the
// sentence's closing full stop, or at the end when the sentence closes with a
// quote or has no punctuation.
func markerInsertPoint(text string, start, end int) int {
	s := text[start:end]
	r, size := utf8.DecodeLastRuneInString(s)
	if r == '.' || r == '!' || r == '?' || r == '…' {
		j := len(s) - size
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		if !strings.ContainsRune(".!?…\"'”’)", prev) {
			return start + j
		}
	}
	return end
}

// tidyAnswer cleans what removals leave behind: trailing spaces, lines that
// are now only a list bullet, and runs of blank lines.
func tidyAnswer(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if t := strings.TrimSpace(l); t == "-" || t == "*" || t == "•" || isBareListNumber(t) {
			continue
		}
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// trimListBullet removes a leading "- ", "* ", "• " or "1. " from a line.
func trimListBullet(s string) string {
	for _, b := range [...]string{"- ", "* ", "• "} {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	if i := strings.IndexAny(s, ".)"); i > 0 && i+1 < len(s) && s[i+1] == ' ' && isBareListNumber(s[:i+1]) {
		return strings.TrimSpace(s[i+1:])
	}
	return s
}

func isBareListNumber(t string) bool {
	if len(t) < 2 || (t[len(t)-1] != '.' && t[len(t)-1] != ')') {
		return false
	}
	for i := 0; i < len(t)-1; i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// Supports scores how well passage supports sentence lexically, in [0,1]: the
// share of the sentence's content terms (markers ignored) that the passage
// holds, with figures counting double, number words matching digits, and near
// forms ("Ukrainian" for "Ukraine") counting most of a match. A figure in the
// sentence that the passage does not hold halves the score, since a wrong figure is the most
// common way for a fluent sentence to misstate its source. A sentence with no
// content words claims nothing and scores 1.
func Supports(sentence, passage string) float64 {
	terms := supportTerms(removeMarkers(sentence))
	if len(terms) == 0 {
		return 1
	}
	return supportScore(terms, supportTermSet(passage))
}

// numberWords maps the number words that are written interchangeably with
// digits. "one" is left out: it is mostly a pronoun ("no one", "one-on-one").
var numberWords = map[string]string{
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
	"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
	"eighty": "80", "ninety": "90",
}

// supportTerms gives the distinct content terms of s.
func supportTerms(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range prose.Terms(s) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// supportTermSet gives the content terms of a passage, with its number words
// also as digits, so that "fifteen" in a passage supports "15".
func supportTermSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range supportTerms(s) {
		set[t] = true
		if d, ok := numberWords[t]; ok {
			set[d] = true
		}
	}
	return set
}

func supportScore(terms []string, passage map[string]bool) float64 {
	var got, total float64
	missingNumber := false
	for _, t := range terms {
		w := 1.0
		num := isNumberTerm(t)
		if num {
			w = 2
		}
		total += w
		switch {
		case passage[t], passage[numberWords[t]]:
			got += w
		case num:
			// Only a figure written in digits is held to the letter:
			// number words are as often idiom ("the two leaders").
			missingNumber = true
		default:
			for p := range passage {
				if nearForm(t, p) {
					got += 0.7 * w
					break
				}
			}
		}
	}
	if total == 0 {
		return 1
	}
	score := got / total
	if missingNumber {
		score /= 2
	}
	return score
}

func isNumberTerm(t string) bool {
	for i := 0; i < len(t); i++ {
		if '0' <= t[i] && t[i] <= '9' {
			return true
		}
	}
	return false
}

// nearForm reports whether two stems are forms of one word that the light
// stemmer keeps apart ("ukraine"/"ukrainian", "negotiate"/"negotiation"):
// they share a prefix of at least five letters that is all but at most two
// letters of the shorter.
func nearForm(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || isNumberTerm(b) {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 && n >= min(len(a), len(b))-2
}
