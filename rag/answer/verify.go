package answer

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/claim"
	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// A cited passage that shares less than minSupportPerMarker of a kept
// sentence's content words loses its marker, when another cited passage
// shares more: the sentence does not come from it.
const minSupportPerMarker = 0.25

// VerifyCitations rewrites an answer so that every [n] points at an existing
// source and is supported by it, with the rules of package claim alone (see
// Verifier for the model judge):
//   - markers that point at no source are removed;
//   - a sentence that its cited passages contradict or do not hold (see
//     claim.Check) is dropped and listed in dropped, never shown as if cited;
//   - a sentence that states something without citing a source (or whose
//     only markers pointed at none) takes the marker group that closes its
//     paragraph, as models that cite a paragraph once write it ("A. B.
//     [1]"), and stands if those sources support it; otherwise it is
//     dropped and listed too. Only sentences that claim nothing are kept
//     uncited: those without content words, and those that say the sources
//     do not answer; headings, lead-ins and words to the reader (isAside)
//     and a list of sources the model appended are removed unlisted. A
//     citation is never guessed beyond the model's own markers: a claim the
//     model did not attribute may come from an article's planted text as
//     easily as from its reporting;
//   - citations are renumbered 1..k in order of first use, and cites holds
//     exactly the cited passages.
func VerifyCitations(text string, sources []rag.Hit) (clean string, cites []rag.Citation, dropped []string) {
	v := (*Verifier)(nil).verify(context.Background(), text, sources)
	return v.text, v.cites, v.dropped
}

// verified is an answer's text after its check.
type verified struct {
	text    string
	cites   []rag.Citation
	dropped []string
	checks  []rag.SentenceCheck
	by      string // rag.VerifiedBy…
}

// verify checks text against sources with the rules, then with the judge
// when v has one, and renders what is kept.
func (v *Verifier) verify(ctx context.Context, text string, sources []rag.Hit) verified {
	text = tidyReply(text)
	return v.verifyUnits(ctx, text, splitClaims(text), sources)
}

// verifyUnits is verify with the text already cut into sentences.
func (v *Verifier) verifyUnits(ctx context.Context, text string, units []claimUnit, sources []rag.Hit) verified {
	units = checkUnits(units, func(n int) (rag.Passage, bool) {
		if n < 1 || n > len(sources) {
			return rag.Passage{}, false
		}
		return sources[n-1].Passage, true
	})
	out := verified{by: rag.VerifiedByRules}
	if v != nil && v.Judge != nil {
		out.by = v.judge(ctx, units, sources)
	}
	numbering := map[int]int{} // source number → new number
	out.text = renderUnits(text, units, func(n int) int {
		if k, ok := numbering[n]; ok {
			return k
		}
		k := len(numbering) + 1
		numbering[n] = k
		out.cites = append(out.cites, rag.Citation{N: k, Passage: sources[n-1].Passage})
		return k
	})
	out.text, out.cites = keepRenderedMarkers(out.text, out.cites)
	for _, u := range units {
		if u.dropped {
			out.dropped = append(out.dropped, u.plain)
		}
		if u.verdict == "" {
			continue // claims nothing
		}
		c := rag.SentenceCheck{Sentence: u.plain, Kept: !u.dropped, Verdict: u.verdict, Kind: u.kind, Reason: u.reason}
		for _, n := range u.cited {
			c.Passages = append(c.Passages, sources[n-1].ID)
		}
		c.Pairs = u.pairs
		out.checks = append(out.checks, c)
	}
	return out
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
	cited      []int         // the existing source numbers it cites, in order
	sources    []int         // the cited sources whose markers it keeps
	dropped    bool
	// para numbers the unit's line: a line break between two sentences
	// puts them in different paragraphs (and list items).
	para int
	// aside: text that is not part of the answer, removed without a check
	// and not reported: the list of sources the model appended
	// (referenceListStart), a heading, words to the reader (isAside).
	aside bool
	// The check: verdict is "" for a sentence that claims nothing, else a
	// claim.Verdict or "uncited"; kind and reason say why it was dropped.
	verdict, kind, reason string
	rules                 claim.Result // what the rules said, for the judge
	// pairs is the verdict of each cited passage alone, in u.cited's order.
	pairs []rag.PairCheck
	// clauses are the sentence cut where a marker group stands inside it
	// ("A [1]; B [2]."), each with the sources its group cites; nil for a
	// sentence cited only at its end.
	clauses []citedClause
}

// citedClause is a part of a sentence with the sources the model cited it
// with.
type citedClause struct {
	plain string
	nums  []int
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

// checkUnits decides, with the rules of package claim, which sentences
// stand and which sources each keeps; lookup gives the passage of a source
// number, and false for a number that names none. A sentence is checked against all
// the passages it cites together, so that one drawing on two passages
// stands.
func checkUnits(units []claimUnit, lookup func(n int) (rag.Passage, bool)) []claimUnit {
	var checker claim.Checker // each cited passage, and each set of them, is read once per answer
	passageTerms := map[int]map[string]bool{}
	termsOf := func(n int) map[string]bool {
		if ts, ok := passageTerms[n]; ok {
			return ts
		}
		p, _ := lookup(n)
		ts := supportTermSet(p.Text)
		passageTerms[n] = ts
		return ts
	}
	for i := range units {
		u := &units[i]
		if u.aside {
			continue // a list of sources names them; it claims nothing
		}
		terms := supportTerms(u.plain)
		u.cited = citedNums(u.groups, lookup)
		if len(terms) == 0 {
			continue // nothing is claimed, so nothing is cited
		}
		if len(u.cited) > 0 {
			u.check(&checker, u.cited, lookup, terms, termsOf)
			continue
		}
		switch readUncited(u.plain) {
		case uncitedNoAnswer:
			// An honest "the sources don't say" claims no fact.
		case uncitedAside:
			// A heading, a lead-in or words to the reader: no part of
			// the answer.
			u.aside = true
		case uncitedClaim:
			u.setVerdict(verdictUncited, "", "it cites no source")
			// Cited with its paragraph, it stands if those sources
			// support it, as if cited in place.
			if nums := paragraphCitation(units, i, lookup); len(nums) > 0 {
				with := *u
				with.check(&checker, nums, lookup, terms, termsOf)
				if !with.dropped {
					*u = with
				}
			}
		}
	}
	return units
}

// check checks the sentence against the passages of the source numbers
// nums, together and each alone (pairs), and keeps, if it stands, the
// sources that hold enough of its words (minSupportPerMarker), or all of
// them when none does.
func (u *claimUnit) check(checker *claim.Checker, nums []int, lookup func(n int) (rag.Passage, bool), terms []string, termsOf func(n int) map[string]bool) {
	u.cited = nums
	srcs := make([]claim.Source, len(nums))
	for k, n := range nums {
		p, _ := lookup(n)
		srcs[k] = claimSource(p)
	}
	u.rules = checker.Check(u.plain, srcs...)
	u.pairs = nil
	for k, n := range nums {
		r := u.rules
		if len(srcs) > 1 {
			r = checker.Check(u.plain, srcs[k])
		}
		p, _ := lookup(n)
		u.pairs = append(u.pairs, rag.PairCheck{Passage: p.ID, Verdict: string(r.Verdict), Reason: r.Reason})
	}
	u.setVerdict(string(u.rules.Verdict), u.rules.Kind, u.rules.Reason)
	if u.dropped && u.eachClauseHolds(checker, lookup) {
		// Read whole against every passage it cites, two clauses that each
		// cite their own passage can be taken for one statement ("NATO
		// agreed Washington"); each stands on the passage it cites.
		u.rules = claim.Result{Verdict: claim.Supported}
		u.setVerdict(string(claim.Supported), "", "")
	}
	if u.dropped {
		return
	}
	for _, n := range nums {
		if supportScore(terms, termsOf(n)) >= minSupportPerMarker {
			u.sources = append(u.sources, n)
		}
	}
	if len(u.sources) == 0 {
		u.sources = nums
	}
}

// verdictUncited is the verdict of a sentence that states something
// without citing a source.
const verdictUncited = "uncited"

// setVerdict records a verdict and drops the sentence unless it is
// supported.
func (u *claimUnit) setVerdict(verdict, kind, reason string) {
	u.verdict, u.kind, u.reason = verdict, kind, reason
	u.dropped = verdict != string(claim.Supported)
	if u.dropped {
		u.sources = nil
	}
}

// claimSource is a passage as the checker reads it: its text, and its
// article's title and outlet, where a name the passage leaves to "he" may
// stand.
func claimSource(p rag.Passage) claim.Source {
	return claim.Source{Text: p.Text, Context: p.Title + "\n" + p.Outlet, Published: p.Published}
}

// splitClaims cuts text into sentences and gives each marker group to the
// sentence it cites. Models put markers before the full stop ("… [1]."), after
// it ("…. [1]") or glued to it ("….[1] Next"); in the last two cases the
// group stands at the start of the next sentence, or inside one sentence as
// the splitter sees it, and belongs to what comes before.
func splitClaims(text string) []claimUnit {
	// A list of sources the model appended is one unit that claims nothing
	// and is not shown.
	refs := referenceListStart(text)
	answer := text[:refs]
	// So is a last line that only cites ("Sources: [1], [2]"), but its
	// sources are those of every sentence above that cites none
	// (paragraphCitation).
	trailer, trailerGroups := citationTrailer(answer)
	answer = answer[:trailer]
	groups := groupMarkers(ParseMarkers(answer))
	var spans [][2]int
	for _, sp := range prose.SentenceSpans(answer) {
		// A numbered list's "1." reads as a sentence of its own: it
		// belongs to the item it numbers, on its line.
		if n := len(spans); n > 0 && isBareListNumber(answer[spans[n-1][0]:spans[n-1][1]]) && !strings.Contains(answer[spans[n-1][1]:sp[0]], "\n") {
			sp[0] = spans[n-1][0]
			spans = spans[:n-1]
		}
		spans = append(spans, splitAfterGluedMarkers(answer, sp, groups)...)
	}
	units := make([]claimUnit, 0, len(spans))
	gi := 0
	para, counted := 0, 0 // line breaks before text[counted]
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
		para += strings.Count(text[counted:u.start], "\n")
		counted = u.start
		u.para = para
		u.plain = trimListBullet(strings.TrimSpace(removeMarkers(text[u.start:u.end])))
		u.clauses = citedClauses(text, u)
		// "Sources: [1]" after the last sentence, on its line: it cites,
		// and claims nothing (paragraphCitation reads its groups).
		u.aside = len(u.groups) > 0 && referenceHeading(u.plain)
		if u.plain == "" && len(units) > 0 {
			// Only markers: the sentence splitter cut after a closing
			// quotation mark (`…needed.” [3]`), and they cite the sentence
			// before.
			prev := &units[len(units)-1]
			prev.groups = append(prev.groups, u.groups...)
			continue
		}
		units = append(units, u)
	}
	if trailer < refs {
		units = append(units, claimUnit{start: trailer, end: refs, aside: true, groups: trailerGroups})
	}
	if refs < len(text) {
		units = append(units, claimUnit{start: refs, end: len(text), aside: true})
	}
	return units
}

// citationTrailer finds a last line of the answer that only cites: marker
// groups, with at most a word of referenceHeadings and punctuation around
// them ("Sources: [1], [2]", "(Sources: 1, 2)", "[1][2]"), after a line of
// the answer. It gives where the line starts and its groups, or
// len(answer) and nil.
func citationTrailer(answer string) (int, []markerGroup) {
	body := strings.TrimRight(answer, " \t\n")
	start := strings.LastIndexByte(body, '\n') + 1
	if start == 0 || strings.TrimSpace(body[:start]) == "" {
		return len(answer), nil
	}
	line := body[start:]
	ms := ParseMarkers(line)
	if len(ms) == 0 {
		return len(answer), nil
	}
	word := strings.TrimFunc(removeMarkers(line), func(r rune) bool { return !unicode.IsLetter(r) })
	if word != "" && !referenceHeadings[strings.ToLower(word)] {
		return len(answer), nil
	}
	groups := groupMarkers(ms)
	for i := range groups {
		groups[i].start += start
		groups[i].end += start
	}
	return start, groups
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
		if u.aside {
			edits = append(edits, edit{start: u.start, end: u.end})
			continue
		}
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
		markers := func(nums []int) string {
			var b strings.Builder
			for _, n := range nums {
				b.WriteString("[" + strconv.Itoa(number(n)) + "]")
			}
			return b.String()
		}
		// A group with words of the sentence after it cites the clause
		// before it ("A [1]; B [2]."), and keeps there the kept sources it
		// names. The groups that close the sentence carry the rest, once,
		// at the first of them, so that it reads "… [1][2]." (a sentence
		// cited with its paragraph gets them where it ends).
		shown := map[int]bool{}
		for _, g := range u.groups {
			if !insideSentence(text, u, g) {
				continue
			}
			var mine []int
			for _, n := range g.nums {
				if slices.Contains(u.sources, n) && !shown[n] {
					shown[n] = true
					mine = append(mine, n)
				}
			}
			edits = append(edits, edit{start: g.start, end: g.end, repl: markers(mine), marker: true})
		}
		var rest []int
		for _, n := range u.sources {
			if !shown[n] {
				rest = append(rest, n)
			}
		}
		closed := false
		for _, g := range u.groups {
			if insideSentence(text, u, g) {
				continue
			}
			repl := ""
			if !closed {
				repl, closed = markers(rest), true
			}
			edits = append(edits, edit{start: g.start, end: g.end, repl: repl, marker: true})
		}
		if !closed && len(rest) > 0 {
			at := markerInsertPoint(text, u.start, u.end)
			edits = append(edits, edit{start: at, end: at, repl: markers(rest), marker: true})
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

// paragraphCitation gives the sources that the marker group closing
// sentence i's paragraph cites, when the sentence cites none itself: models
// often cite a paragraph once, at its end ("A. B. [1]"). It is the group of
// the first later sentence in the same paragraph that has one, failing
// that the groups of a last line that only cites the answer ("Sources:
// [1], [2]"); nil when there is neither. The sentence keeps them only if
// they support it (checkUnits), so a sentence gains nothing it would not
// have had cited in place.
func paragraphCitation(units []claimUnit, i int, lookup func(n int) (rag.Passage, bool)) []int {
	for j := i + 1; j < len(units) && units[j].para == units[i].para; j++ {
		if len(units[j].groups) > 0 {
			return citedNums(units[j].groups, lookup) // a sentence's, or "Sources: [1]" closing the paragraph
		}
	}
	// A last line that only cites (citationTrailer) cites the whole answer.
	for j := len(units) - 1; j > i; j-- {
		if units[j].aside && len(units[j].groups) > 0 {
			return citedNums(units[j].groups, lookup)
		}
	}
	return nil
}

// citedNums gives the source numbers marker groups cite that name a
// source (lookup), each once, in order.
func citedNums(groups []markerGroup, lookup func(n int) (rag.Passage, bool)) []int {
	var out []int
	for _, g := range groups {
		for _, n := range g.nums {
			if _, ok := lookup(n); ok && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// What a sentence that cites no source is (readUncited).
const (
	uncitedClaim    = iota // it states something a source must hold
	uncitedNothing         // no content words
	uncitedNoAnswer        // an honest "the sources don't say"
	uncitedAside           // a heading, a lead-in, words to the reader (isAside)
)

// readUncited tells what a sentence that cites no source is. A "the sources
// don't say" that goes on "but …" states something. checkUnits looks for
// an uncitedClaim's paragraph citation, and the stream waits for it
// (settled).
func readUncited(plain string) int {
	switch {
	case len(supportTerms(plain)) == 0:
		return uncitedNothing
	case statesNoAnswer(plain) && !contrastPattern.MatchString(plain):
		return uncitedNoAnswer
	case isAside(plain):
		return uncitedAside
	}
	return uncitedClaim
}

// insideSentence reports whether marker group g stands inside sentence u
// with words after it: it cites the clause before it, not the sentence.
func insideSentence(text string, u claimUnit, g markerGroup) bool {
	if g.start < u.start || g.end >= u.end {
		return false
	}
	return strings.IndexFunc(text[g.end:u.end], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// citedClauses cuts sentence u at the marker groups that stand inside it,
// each part with the numbers of the group that closes it; the last part
// takes the groups that close the sentence, or joins the part before it
// when it has no words. Nil when no group stands inside the sentence.
func citedClauses(text string, u claimUnit) []citedClause {
	var out []citedClause
	from := u.start
	var closing []int
	for _, g := range u.groups {
		if !insideSentence(text, u, g) {
			closing = append(closing, g.nums...)
			continue
		}
		out = append(out, citedClause{plain: strings.TrimSpace(removeMarkers(text[from:g.start])), nums: g.nums})
		from = g.end
	}
	if len(out) == 0 {
		return nil
	}
	last := strings.TrimSpace(removeMarkers(text[from:min(u.end, len(text))]))
	if strings.IndexFunc(last, unicode.IsLetter) < 0 {
		out[len(out)-1].nums = append(out[len(out)-1].nums, closing...)
		return out
	}
	return append(out, citedClause{plain: last, nums: closing})
}

// eachClauseHolds reports whether every clause of a sentence cut at its
// inside marker groups (citedClauses) is supported by the passages its own
// group cites, and every such group cites a passage.
func (u *claimUnit) eachClauseHolds(checker *claim.Checker, lookup func(n int) (rag.Passage, bool)) bool {
	if len(u.clauses) < 2 {
		return false
	}
	for _, cl := range u.clauses[1:] {
		if leansBack(cl.plain) {
			return false // read alone, it would not say of whom
		}
	}
	for _, cl := range u.clauses {
		var srcs []claim.Source
		for _, n := range cl.nums {
			if p, ok := lookup(n); ok {
				srcs = append(srcs, claimSource(p))
			}
		}
		if len(srcs) == 0 || !checker.Check(cl.plain, srcs...).OK() {
			return false
		}
	}
	return true
}

// backPointers open a clause that gets its subject from the clause before
// it: relative and personal pronouns ("…, who then won [2]", "…; he said
// [2]"). A clause that opens with one does not stand alone.
var backPointers = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "where": true, "when": true,
	"he": true, "she": true, "it": true, "they": true, "his": true, "her": true, "its": true, "their": true,
	"this": true, "these": true, "those": true, "and": true, "but": true, "or": true}

// leansBack reports whether a clause opens with a word that points back to
// the clause before it (backPointers), or with "that" not followed by the
// noun it determines ("that path" stands; "that was agreed" does not).
func leansBack(clause string) bool {
	words := strings.FieldsFunc(strings.ToLower(clause), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) == 0 {
		return true
	}
	if words[0] == "that" {
		return len(words) < 2 || !lexicon.IsNoun(words[1]) || lexicon.IsVerb(words[1])
	}
	return backPointers[words[0]]
}
