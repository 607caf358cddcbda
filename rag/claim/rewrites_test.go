package claim

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// A faithful rewrite is a change a writer makes to a sentence without
// changing what it says: a number written the other way, the speaker moved
// to the end or the front, a title or a first name left out, an aside
// dropped, an active verb made passive, an adverb of manner left out. Every
// one of them, checked against the passage its sentence comes from, must be
// kept; a drop is a misreading, whatever any labelled set says. The
// rewrites are made by grammar, not written by hand, so they test the rules
// on text none was tuned on.
type faithfulRewrite struct {
	family string
	apply  func(sentence string, ev *evidence) []string
}

var faithfulRewrites = []faithfulRewrite{
	{"verbatim", func(s string, _ *evidence) []string { return []string{s} }},
	{"number written the other way", numberOtherWay},
	{"speaker moved", speakerMoved},
	{"title left out", titleLeftOut},
	{"first name left out", firstNameLeftOut},
	{"relative clause left out", relativeLeftOut},
	{"adverb left out", adverbLeftOut},
	{"made passive", madePassive},
	{"contraction", contractionOtherWay},
	{"percent written out", percentOtherWay},
	{"source moved", accordingMoved},
}

// contractions are the negated auxiliaries written whole and contracted.
var contractions = [][2]string{{"did not", "didn't"}, {"does not", "doesn't"}, {"do not", "don't"}, {"is not", "isn't"},
	{"are not", "aren't"}, {"was not", "wasn't"}, {"were not", "weren't"}, {"has not", "hasn't"}, {"have not", "haven't"},
	{"will not", "won't"}, {"would not", "wouldn't"}, {"could not", "couldn't"}, {"cannot", "can't"}}

// contractionOtherWay writes the first negated auxiliary the other way:
// "did not" as "didn't", "won’t" as "will not".
func contractionOtherWay(s string, _ *evidence) []string {
	for _, c := range contractions {
		if strings.Contains(s, " "+c[0]+" ") {
			return []string{strings.Replace(s, " "+c[0]+" ", " "+c[1]+" ", 1)}
		}
		for _, short := range []string{c[1], strings.ReplaceAll(c[1], "'", "’")} {
			if strings.Contains(s, " "+short+" ") {
				return []string{strings.Replace(s, " "+short+" ", " "+c[0]+" ", 1)}
			}
		}
	}
	return nil
}

var percentSign = regexp.MustCompile(`(\d)%`)

// percentOtherWay writes "12%" as "12 percent" and back.
func percentOtherWay(s string, _ *evidence) []string {
	if m := percentSign.FindStringIndex(s); m != nil {
		return []string{s[:m[1]-1] + " percent" + s[m[1]:]}
	}
	if i := strings.Index(s, " percent"); i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		return []string{s[:i] + "%" + s[i+len(" percent"):]}
	}
	return nil
}

var (
	accordingAfter  = regexp.MustCompile(`^([^"“”:]+), according to ([^,"“”]{3,60})\.$`)
	accordingBefore = regexp.MustCompile(`^According to ([^,"“”]{3,60}), ([^"“”]+)\.$`)
)

// accordingMoved moves "according to X" from the end of a sentence to its
// front and back.
func accordingMoved(s string, _ *evidence) []string {
	if m := accordingAfter.FindStringSubmatch(s); m != nil {
		return []string{"According to " + m[2] + ", " + lowerFirst(m[1]) + "."}
	}
	if m := accordingBefore.FindStringSubmatch(s); m != nil {
		return []string{upperFirst(m[2]) + ", according to " + m[1] + "."}
	}
	return nil
}

var (
	countWords = []string{"", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	bareDigits = regexp.MustCompile(`(^|[\s(])([2-9]|1[0-2])(\s+)([a-z]+)\b([^-]|$)`)
	numberWord = regexp.MustCompile(`(?:^|[\s(])(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ([a-z]+)\b([^-]|$)`)
)

// numberOtherWay writes the first small count of things ("3 people") in
// words, and the first count in words in digits. A number before a unit
// of time of day, or after a month, is left alone: "3 p.m." and "March 3"
// are not counts.
func numberOtherWay(s string, _ *evidence) []string {
	var out []string
	if m := bareDigits.FindStringSubmatchIndex(s); m != nil && lexicon.IsNoun(s[m[8]:m[9]]) && !strings.HasPrefix(s[m[8]:], "p.m") && !strings.HasPrefix(s[m[8]:], "a.m") {
		n, _ := strconv.Atoi(s[m[4]:m[5]])
		out = append(out, s[:m[4]]+countWords[n]+s[m[5]:])
	}
	if m := numberWord.FindStringSubmatchIndex(s); m != nil && lexicon.IsNoun(s[m[4]:m[5]]) {
		n := slices.Index(countWords, s[m[2]:m[3]])
		out = append(out, s[:m[2]]+strconv.Itoa(n)+s[m[3]:])
	}
	return out
}

var (
	saidAfter  = regexp.MustCompile(`^([^,:;"“”]{3,80}?) (said|says) (?:that )?([^"“”]+)\.$`)
	saidBefore = regexp.MustCompile(`^([^"“”]+), ([^,:;"“”]{3,60}?) (said|says)\.$`)
)

// speakerMoved turns "X said Y." into "Y, X said." and back.
func speakerMoved(s string, _ *evidence) []string {
	var out []string
	if m := saidAfter.FindStringSubmatch(s); m != nil && len(strings.Fields(m[1])) <= 8 {
		out = append(out, upperFirst(m[3])+", "+lowerFirst(m[1])+" "+m[2]+".")
	}
	if m := saidBefore.FindStringSubmatch(s); m != nil {
		out = append(out, upperFirst(m[2])+" "+m[3]+" "+lowerFirst(m[1])+".")
	}
	return out
}

// titleLeftOut leaves out the title before a person's name: "Prime
// Minister Boris Johnson" becomes "Boris Johnson".
func titleLeftOut(s string, ev *evidence) []string {
	toks := tokenize(s, maxSentenceWords)
	var out []string
	for _, g := range findNames(toks, ev.capitalised) {
		k := g.start
		for k < g.end-2 && (honorifics[toks[k].low] || lexicon.CanNamePerson(toks[k].low) || lexicon.IsAdjective(toks[k].low)) {
			k++
		}
		if k == g.start || g.end-k != 2 || lexicon.IsNoun(toks[k].low) || lexicon.IsAdjective(toks[k].low) {
			continue // the person must be left as a given name and a surname
		}
		whole, person := spanText(toks, g.start, g.end), spanText(toks, k, g.end)
		if strings.Contains(s, whole) {
			out = append(out, upperFirst(strings.Replace(s, whole, person, 1)))
		}
	}
	return out
}

// firstNameLeftOut names a person by surname alone: "Boris Johnson said"
// becomes "Johnson said". Only names of two words whose first is not a
// common word are shortened, so that places ("New York") stay whole.
func firstNameLeftOut(s string, ev *evidence) []string {
	toks := tokenize(s, maxSentenceWords)
	var out []string
	for _, g := range findNames(toks, ev.capitalised) {
		if g.end-g.start != 2 || lexicon.IsNoun(toks[g.start].low) || lexicon.IsAdjective(toks[g.start].low) || isFunctionWord(toks[g.start].low) || honorifics[toks[g.start].low] {
			continue
		}
		if g.end < len(toks) && !lexicon.IsSaying(toks[g.end].low) {
			continue // a person is most surely one when saying something
		}
		whole := spanText(toks, g.start, g.end)
		if strings.Contains(s, whole) {
			out = append(out, strings.Replace(s, whole, toks[g.end-1].text, 1))
		}
	}
	return out
}

var (
	relativeInside = regexp.MustCompile(`, (who|which) [^,"“”]{3,80}, `)
	relativeEnd    = regexp.MustCompile(`, (who|which) [^,"“”]{3,120}\.$`)
)

// relativeLeftOut leaves out a non-restrictive relative clause, the one set
// off by commas.
func relativeLeftOut(s string, _ *evidence) []string {
	var out []string
	if m := relativeInside.FindStringIndex(s); m != nil {
		out = append(out, s[:m[0]]+" "+s[m[1]:])
	}
	if m := relativeEnd.FindStringIndex(s); m != nil {
		out = append(out, s[:m[0]]+".")
	}
	return out
}

// keptAdverbs are adverbs in -ly that a writer cannot leave out without
// changing the claim: of degree and approximation, which hedge a figure or a
// comparison, of negative sense, and of evidence, which say who vouches for
// it.
var keptAdverbs = wordSet(`nearly roughly approximately almost only barely hardly scarcely rarely
	partly mostly largely mainly slightly exactly fully entirely completely merely simply
	reportedly allegedly apparently supposedly purportedly possibly probably likely unlikely
	previously formerly currently recently initially originally finally eventually later early
	respectively jointly separately newly falsely wrongly incorrectly`)

// adverbLeftOut leaves out the first adverb in -ly that is neither a noun,
// a verb nor an adjective in WordNet and does not stand before a figure.
func adverbLeftOut(s string, _ *evidence) []string {
	ws := strings.Split(s, " ")
	for i, w := range ws {
		low := strings.ToLower(strings.TrimRight(w, ",."))
		if i == 0 || low != w || !strings.HasSuffix(low, "ly") || len(low) < 5 || keptAdverbs[low] ||
			lexicon.IsNoun(low) || lexicon.IsVerb(low) || lexicon.IsAdjective(low) || i+1 >= len(ws) ||
			strings.IndexFunc(ws[i+1], unicode.IsDigit) >= 0 || strings.HasSuffix(ws[i-1], ",") {
			continue
		}
		return []string{strings.Join(append(slices.Clone(ws[:i]), ws[i+1:]...), " ")}
	}
	return nil
}

var activeClause = regexp.MustCompile(`^((?:[A-Z][\w.&’'-]*)(?: [A-Z][\w.&’'-]*){0,3}) ([a-z]+ed) (the (?:[a-z-]+ ){0,2}[a-z-]+?)((?: (?:on|in|at|after|before|last|this|during) [^,"“”]*)?\.)$`)

// madePassive turns "Spirit announced the merger on Monday." into "The
// merger was announced by Spirit on Monday.", for a regular verb in the
// past (whose participle is the same word) and an object of nouns and
// adjectives.
func madePassive(s string, _ *evidence) []string {
	m := activeClause.FindStringSubmatch(s)
	if m == nil || !lexicon.IsVerb(lexicon.Base(m[2])) || isFunctionWord(strings.ToLower(m[1])) || lexicon.IsSaying(m[2]) {
		return nil
	}
	obj := strings.Fields(m[3])
	for _, w := range obj[1:] {
		if isFunctionWord(w) || !(lexicon.IsNoun(w) || lexicon.IsAdjective(w)) {
			return nil
		}
	}
	be := "was"
	if last := obj[len(obj)-1]; strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		be = "were"
	}
	return []string{upperFirst(m[3]) + " " + be + " " + m[2] + " by " + m[1] + m[4]}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases a phrase's first word when it is a function word
// ("The company" → "the company"), never a name.
func lowerFirst(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if !isFunctionWord(strings.ToLower(first)) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// rewriteDrop is a faithful rewrite the rules dropped.
type rewriteDrop struct {
	family, sentence, passage string
	result                    Result
}

// checkRewrites checks every faithful rewrite of every sentence of passage
// against it, counting rewrites per family, and gives those dropped.
func checkRewrites(passage string, total map[string]int) []rewriteDrop {
	var k Checker
	ev := k.evidence([]Source{{Text: passage}})
	var out []rewriteDrop
	for _, s := range prose.SplitSentences(passage) {
		if n := len(strings.Fields(s)); n < 5 || n > 40 {
			continue
		}
		for _, rw := range faithfulRewrites {
			for _, r := range rw.apply(s, ev) {
				total[rw.family]++
				if res := check(r, ev); !res.OK() {
					out = append(out, rewriteDrop{rw.family, r, passage, res})
				}
			}
		}
	}
	return out
}

// TestFaithfulRewritesKept is the CI form of the corpus probe below: the
// faithful rewrites of every sentence of the passages of claims.jsonl and
// drop-tune.jsonl (labels unread) against their own passage. The floors
// are the share kept when they were recorded, not a target: every drop is
// a misreading to fix. go test ./rag/claim -run TestFaithfulRewritesKept -v
// prints the counts.
func TestFaithfulRewritesKept(t *testing.T) {
	if testing.Short() {
		t.Skip("checks some thousands of rewritten sentences")
	}
	// Every family was kept whole when recorded.
	floors := map[string]float64{}
	for _, rw := range faithfulRewrites {
		floors[rw.family] = 1
	}
	total := map[string]int{}
	dropped := map[string]int{}
	for _, text := range distinctPassages(append(loadClaims(t), loadClaimFile(t, "drop-tune.jsonl")...)) {
		for _, d := range checkRewrites(text, total) {
			dropped[d.family]++
			t.Logf("%s: %q\n  %s (%s): %s", d.family, d.sentence, d.result.Verdict, d.result.Kind, d.result.Reason)
		}
	}
	for _, family := range slices.Sorted(maps.Keys(total)) {
		kept := 1 - float64(dropped[family])/float64(total[family])
		t.Logf("%-30s kept %4d/%4d", family, total[family]-dropped[family], total[family])
		if kept < floors[family] {
			t.Errorf("%s: %.3f of rewrites kept, below the recorded %.3f", family, kept, floors[family])
		}
	}
}

// TestCorpusRewritesKept runs the faithful rewrites over the sentences of
// a news corpus, each against its own paragraph, and writes every drop,
// by family and by the rule that dropped it, to the file named by
// COVERAGEBOT_REWRITE_DROPS:
//
//	COVERAGEBOT_REWRITE_CORPUS=../shared/bench/realtimeqa-dev/corpus.jsonl \
//	COVERAGEBOT_REWRITE_DROPS=/tmp/drops.txt go test ./rag/claim -run TestCorpusRewritesKept -v
func TestCorpusRewritesKept(t *testing.T) {
	path := os.Getenv("COVERAGEBOT_REWRITE_CORPUS")
	if path == "" {
		t.Skip("set COVERAGEBOT_REWRITE_CORPUS to a corpus.jsonl to probe")
	}
	limit := 3000
	if v, err := strconv.Atoi(os.Getenv("COVERAGEBOT_REWRITE_SENTENCES")); err == nil {
		limit = v
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	total := map[string]int{}
	var drops []rewriteDrop
	for sc.Scan() && total["verbatim"] < limit {
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		for _, para := range paragraphPassages(a.Text) {
			drops = append(drops, checkRewrites(para, total)...)
		}
	}
	byRule := map[string]int{}
	byFamily := map[string]int{}
	var out strings.Builder
	for _, d := range drops {
		byFamily[d.family]++
		byRule[d.result.Kind]++
		fmt.Fprintf(&out, "%s\t%s\t%s\n  %s\n  passage: %s\n\n", d.family, d.result.Kind, d.sentence, d.result.Reason, d.passage)
	}
	for _, family := range slices.Sorted(maps.Keys(total)) {
		t.Logf("%-30s dropped %4d/%5d", family, byFamily[family], total[family])
	}
	for _, kind := range slices.Sorted(maps.Keys(byRule)) {
		t.Logf("by %-10s %4d", kind, byRule[kind])
	}
	if p := os.Getenv("COVERAGEBOT_REWRITE_DROPS"); p != "" {
		if err := os.WriteFile(p, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// paragraphPassages cuts an article into the passages a sentence is checked
// against: its paragraphs of a dozen words or more, and a paragraph longer
// than a passage the product cites (some 150 words) in runs of five
// sentences, so that no sentence stands beyond the words a check reads.
func paragraphPassages(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		switch n := len(strings.Fields(para)); {
		case n < 12:
		case n <= 150:
			out = append(out, para)
		default:
			ss := prose.SplitSentences(para)
			for k := 0; k < len(ss); k += 5 {
				out = append(out, strings.Join(ss[k:min(k+5, len(ss))], " "))
			}
		}
	}
	return out
}

// TestReadLikeThePassage holds seven readings the corpus probe found
// misapplied to sentences copied from their own passage, each beside the
// misstatement the rule is for.
func TestReadLikeThePassage(t *testing.T) {
	for _, tc := range []struct {
		passage, sentence string
		ok                bool
	}{
		// A negation reaches the word it denies in the sentence as far as
		// in the passage.
		{"A graduate of a state law school, Okafor does not have the Ivy League pedigree shared by most of her colleagues.",
			"Okafor does not have the Ivy League pedigree shared by most of her colleagues.", true},
		{"A graduate of a state law school, Okafor does not have the Ivy League pedigree shared by most of her colleagues.",
			"Okafor has the Ivy League pedigree shared by most of her colleagues.", false},
		{"Neither the mayor nor the deputy mayor had close contact with the patient.",
			"Neither the mayor nor the deputy mayor had close contact with the patient.", true},
		// A passive's doer, after "by", that the occurrence the sentence
		// restates gives is that occurrence's doer.
		{"The mayor was sanctioned by the ethics board on March 3 for misusing city funds. On Friday, her two aides were also sanctioned by the council.",
			"The mayor was sanctioned by the ethics board on March 3 for misusing city funds.", true},
		{"The mayor was sanctioned by the ethics board on March 3 for misusing city funds. On Friday, her two aides were also sanctioned by the council.",
			"The mayor was sanctioned by the council on March 3 for misusing city funds.", false},
		// A negation before an adverb denies the verb after it.
		{"The buyer won't actually own the club for another few months, the league said.",
			"The buyer won't own the club for another few months, the league said.", true},
		{"The company did not actually sell the plant in Ohio.", "The company sold the plant in Ohio.", false},
		// A negation reaches no further than its sentence, not past an
		// aside that opens the next one.
		{"He knocked on every door but found nobody. Finally, Ana looked up the street and saw a car.",
			"Finally, Ana looked up the street and saw a car.", true},
		{"He knocked on every door but found nobody. Finally, Ana looked up the street and saw a car.",
			"Finally, Ana did not look up the street.", false},
		// A passive's doer after "by" that one of the verb's occurrences
		// gives is supported, though another gives another doer.
		{"In the survey, 40% said the board was mainly guided by cost and 35% said it was mainly guided by safety.",
			"In the survey, 40% said the board was mainly guided by cost.", true},
		{"The plan was derided by the mayor and praised by the council.",
			"The plan was derided by the council and praised by the mayor.", false},
		// Two comparisons in one sentence: each "than" may be the
		// passage's other one.
		{"The bones were 4,000 years older than the Colosseum and 1,500 years older than Stonehenge, the museum said.",
			"The bones were 4,000 years older than the Colosseum and 1,500 years older than Stonehenge, the museum said.", true},
		{"Rivera scored more points than Okafor this season, the club said.",
			"Okafor scored more points than Rivera this season, the club said.", false},
		// A name the passage puts in the slot too is supported there.
		{"Fans attended a screening in Lisbon on Friday. Critics attended a screening in Oslo on Saturday.",
			"Critics attended a screening in Oslo on Saturday.", true},
		{"Fans attended a screening in Lisbon on Friday. Critics attended a screening in Oslo on Saturday.",
			"Fans attended a screening in Oslo on Friday.", false},
		{"The minister travelled to Canada in May. Portugal hosted the summit.",
			"The minister travelled to Portugal in May.", false},
	} {
		if got := Check(tc.sentence, Source{Text: tc.passage}); got.OK() != tc.ok {
			t.Errorf("%q against %q: %s (%s) %s, want kept %v", tc.sentence, tc.passage, got.Verdict, got.Kind, got.Reason, tc.ok)
		}
	}
}
