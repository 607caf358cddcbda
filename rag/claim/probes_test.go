package claim

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// TestProbes rewrites the sentences of the tune half's passages the way a
// misstatement does, one change each, and checks every rewrite against its
// own passage: a negation removed or added, a negated verb made a plain
// synonym, "no" made "a", a word made its WordNet antonym, two names of a clause swapped, two possessors swapped.
// The rewrites are made by rule, not written, so they test the grammar of
// each phenomenon on text no rule was tuned on sentence by sentence; some
// are not English, and some swaps change nothing (a list reordered), so
// the floors are the counts the rules reached when they were recorded, not
// a target. The untouched sentences are the control: every one is kept.
// go test ./rag/claim -run TestProbes -v prints the counts.
func TestProbes(t *testing.T) {
	if testing.Short() {
		t.Skip("checks some 2,800 rewritten sentences")
	}
	floors := map[string]int{"negation dropped for a synonym": 11, "negation": 334, "no to a": 5, "antonym": 897, "name swap": 412, "possessor swap": 247}
	caught, total := map[string]int{}, map[string]int{}
	var ev *evidence // the passage being rewritten, read once
	probe := func(family, sentence string) {
		total[family]++
		if !check(sentence, ev).OK() {
			caught[family]++
		}
	}
	controls := 0
	for _, text := range probePassages(t) {
		ev = newEvidence([]Source{{Text: text}})
		toks := tokenize(text, maxPassageWords)
		names := findNames(toks, ev.capitalised)
		for s := 0; s <= toks[len(toks)-1].sent; s++ {
			idx := sentenceWords(toks, s)
			if len(idx) < 5 || len(idx) > 30 {
				continue
			}
			controls++
			if r := check(rewrite(toks, idx, nil), ev); !r.OK() {
				t.Errorf("control dropped: %q: %s", rewrite(toks, idx, nil), r.Reason)
			}
			if n := negationFlip(toks, idx); n != nil {
				probe("negation", rewrite(toks, idx, n))
			}
			if n := negationToSynonym(toks, idx); n != nil {
				probe("negation dropped for a synonym", rewrite(toks, idx, n))
			}
			for _, j := range idx {
				if toks[j].low == "no" {
					probe("no to a", rewrite(toks, idx, map[int][]string{j: {"a"}}))
				}
				if a := antonymFor(toks[j]); a != "" {
					probe("antonym", rewrite(toks, idx, map[int][]string{j: {a}}))
				}
			}
		}
		for a := range names {
			for b := a + 1; b < len(names); b++ {
				ga, gb := names[a], names[b]
				if toks[ga.start].clause != toks[gb.start].clause || sameName(ga, gb) {
					continue
				}
				idx := sentenceWords(toks, toks[ga.start].sent)
				probe("name swap", rewrite(toks, idx, map[int][]string{
					ga.start: strings.Fields(spanText(toks, gb.start, gb.end)), gb.start: strings.Fields(spanText(toks, ga.start, ga.end)),
				}, ga.start+1, ga.end, gb.start+1, gb.end))
			}
		}
		for _, s := range possessorSwaps(text) {
			probe("possessor swap", s)
		}
	}
	for _, family := range slices.Sorted(maps.Keys(floors)) {
		floor := floors[family]
		t.Logf("%-15s %4d/%4d caught", family, caught[family], total[family])
		if caught[family] < floor {
			t.Errorf("%s: %d of %d rewrites caught, below the recorded %d", family, caught[family], total[family], floor)
		}
	}
	t.Logf("controls kept: %d", controls)
}

// probePassages gives the distinct passages of the tune half.
func probePassages(t *testing.T) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range loadClaims(t) {
		for _, p := range c.Passages {
			if c.Split == "tune" && !seen[p.Text] {
				seen[p.Text] = true
				out = append(out, p.Text)
			}
		}
	}
	return out
}

func sentenceWords(toks []token, s int) []int {
	var out []int
	for j := range toks {
		if toks[j].sent == s {
			out = append(out, j)
		}
	}
	return out
}

// rewrite joins the words idx with replacements for some of them, leaving
// out the words in the [from, to) pairs of drop.
func rewrite(toks []token, idx []int, with map[int][]string, drop ...int) string {
	var ws []string
	for _, j := range idx {
		left := false
		for k := 0; k+1 < len(drop); k += 2 {
			left = left || j >= drop[k] && j < drop[k+1]
		}
		switch r, ok := with[j]; {
		case left:
		case ok:
			ws = append(ws, r...)
		default:
			ws = append(ws, toks[j].text)
		}
	}
	return strings.Join(ws, " ") + "."
}

// negationFlip removes a sentence's first negation word, or, in a sentence
// with none, puts "not" after its first auxiliary or "did not" before the
// base of its first regular past tense.
func negationFlip(toks []token, idx []int) map[int][]string {
	for _, j := range idx {
		if negationWords[toks[j].low] || refusalAt(toks, j) {
			return map[int][]string{j: nil}
		}
	}
	for _, j := range idx {
		switch t := toks[j]; {
		case modals[t.low] || beWords[t.low] || t.low == "has" || t.low == "had":
			return map[int][]string{j: {t.text, "not"}}
		case isContent(t.low) && strings.HasSuffix(t.low, "ed") && verbForm(toks, j) && !(j > 0 && beWords[toks[j-1].low]):
			return map[int][]string{j: {"did", "not", lexicon.Base(t.low)}}
		}
	}
	return nil
}

// negationToSynonym drops the "not" of an auxiliary's "not V" and writes V
// as a one-word WordNet synonym: "did not establish" becomes "did
// ascertain".
func negationToSynonym(toks []token, idx []int) map[int][]string {
	for _, j := range idx {
		if toks[j].low != "not" || j == 0 || !auxiliaries[toks[j-1].low] || j+1 >= len(toks) || toks[j+1].sent != toks[j].sent {
			continue
		}
		v := toks[j+1]
		if !isContent(v.low) || !lexicon.IsVerb(v.low) {
			continue
		}
		for _, sy := range lexicon.Synonyms(v.low) {
			if !strings.Contains(sy, " ") && lexicon.IsVerb(sy) {
				return map[int][]string{j: nil, j + 1: {sy}}
			}
		}
	}
	return nil
}

// antonymFor gives a one-word WordNet antonym of a word written in its base
// form, not made with a negative prefix, or "".
func antonymFor(t token) string {
	if !isContent(t.low) || t.upper || hasDigit(t.low) || strings.HasPrefix(t.low, "un") {
		return ""
	}
	if b := lexicon.Bases(t.low); len(b) == 0 || b[0] != t.low {
		return ""
	}
	for _, a := range lexicon.Antonyms(t.low) {
		if !strings.Contains(a, " ") && !strings.HasPrefix(a, "un") && !strings.HasPrefix(a, "non") {
			return a
		}
	}
	return ""
}

var (
	possessive = regexp.MustCompile(`\b([A-Z][a-zA-Z]+)(?:'|’)s\b`)
	capital    = regexp.MustCompile(`\b[A-Z][a-zA-Z]+\b`)
)

// possessorSwaps gives, for every possessive name of a passage sentence
// and every other capitalised word of it (not its first), the sentence
// with the two swapped.
func possessorSwaps(text string) []string {
	var out []string
	for _, sp := range prose.SentenceSpans(text) {
		s := text[sp[0]:sp[1]]
		for _, m := range possessive.FindAllStringSubmatchIndex(s, -1) {
			a := s[m[2]:m[3]]
			for _, n := range capital.FindAllStringIndex(s, -1) {
				b := s[n[0]:n[1]]
				if b == a || n[0] == 0 || n[0] == m[2] || isFunctionWord(strings.ToLower(b)) || honorifics[strings.ToLower(b)] {
					continue
				}
				swapped := s[:m[2]] + "\x00" + s[m[3]:]
				off := 0
				if n[0] > m[2] {
					off = 1 - len(a)
				}
				swapped = swapped[:n[0]+off] + a + swapped[n[1]+off:]
				out = append(out, strings.Replace(swapped, "\x00", b, 1))
			}
		}
	}
	return out
}
