package claim

import (
	"regexp"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// TestPassageSentencesSupported checks the rules against text they must
// accept without any label: every sentence of a passage is supported by
// that passage, and so is each of the ways a writer carries it into an
// answer: behind "According to the report," or "It was reported that",
// without an aside between two commas, joined to the next sentence by
// ", and" or by a bare "and", and joined to a sentence of a second passage
// by ", and" or "while", checked against both. A rule that drops any of
// these misreads text, whatever the labelled set says. The passages are
// those of claims.jsonl and drop-tune.jsonl.
func TestPassageSentencesSupported(t *testing.T) {
	check := func(sentence string, srcs ...Source) {
		t.Helper()
		if r := Check(sentence, srcs...); !r.OK() {
			t.Errorf("%q\n  dropped: %s (%s): %s", sentence, r.Verdict, r.Kind, r.Reason)
		}
	}
	aside := regexp.MustCompile(`, [^,]{3,60}, `)
	pronoun := regexp.MustCompile(`^(The|A|An|He|She|It|They|We|This) `)
	cs := loadClaims(t)
	// The tuning-only set's passages are text like any other: its labels
	// are not read here.
	for _, text := range distinctPassages(append(cs, loadClaimFile(t, "drop-tune.jsonl")...)) {
		ss := prose.SplitSentences(text)
		for k, s := range ss {
			check(s, Source{Text: text})
			check("It was reported that "+strings.TrimRight(s, "."), Source{Text: text})
			if pronoun.MatchString(s) {
				check("According to the report, "+strings.ToLower(s[:1])+s[1:], Source{Text: text})
			}
			if m := aside.FindStringIndex(s); m != nil {
				check(s[:m[0]]+" "+s[m[1]:], Source{Text: text})
			}
			if k+1 < len(ss) && pronoun.MatchString(ss[k+1]) {
				check(strings.TrimRight(s, ".”\"")+" and "+strings.ToLower(ss[k+1][:1])+ss[k+1][1:], Source{Text: text})
			}
			if k+1 < len(ss) && ss[k+1][0] >= 'A' && ss[k+1][0] <= 'Z' && !strings.HasPrefix(ss[k+1], "The ") {
				continue // lower-casing a name would make it a word
			}
			if k+1 < len(ss) {
				check(strings.TrimRight(s, ".”\"")+", and "+strings.ToLower(ss[k+1][:1])+ss[k+1][1:], Source{Text: text})
			}
		}
	}
	for _, c := range cs {
		if len(c.Passages) == 2 {
			as, bs := prose.SplitSentences(c.Passages[0].Text), prose.SplitSentences(c.Passages[1].Text)
			for k := 0; k < len(as) && k < len(bs); k++ {
				check(strings.TrimRight(as[k], ".”\"")+", and "+bs[k], Source{Text: c.Passages[0].Text}, Source{Text: c.Passages[1].Text})
				check(strings.TrimRight(as[k], ".”\"")+" while "+bs[k], Source{Text: c.Passages[0].Text}, Source{Text: c.Passages[1].Text})
			}
		}
	}
}
