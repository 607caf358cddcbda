package claim

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// TestPassageSentencesSupported checks the rules against text they must
// accept without any label: every sentence of a passage is supported by
// that passage, two neighbouring sentences joined into one are too, and so
// is a sentence joining one sentence of each of two passages, checked
// against both. A rule that drops any of these misreads text, whatever the
// labelled set says.
func TestPassageSentencesSupported(t *testing.T) {
	seen := map[string]bool{}
	check := func(sentence string, srcs ...Source) {
		t.Helper()
		if r := Check(sentence, srcs...); !r.OK() {
			t.Errorf("%q\n  dropped: %s (%s): %s", sentence, r.Verdict, r.Kind, r.Reason)
		}
	}
	for _, c := range loadClaims(t) {
		for _, p := range c.Passages {
			if seen[p.Text] {
				continue
			}
			seen[p.Text] = true
			ss := prose.SplitSentences(p.Text)
			for k, s := range ss {
				check(s, Source{Text: p.Text})
				if k+1 < len(ss) && ss[k+1][0] >= 'A' && ss[k+1][0] <= 'Z' && !strings.HasPrefix(ss[k+1], "The ") {
					continue // lower-casing a name would make it a word
				}
				if k+1 < len(ss) {
					check(strings.TrimRight(s, ".”\"")+", and "+strings.ToLower(ss[k+1][:1])+ss[k+1][1:], Source{Text: p.Text})
				}
			}
		}
		if len(c.Passages) == 2 {
			as, bs := prose.SplitSentences(c.Passages[0].Text), prose.SplitSentences(c.Passages[1].Text)
			for k := 0; k < len(as) && k < len(bs); k++ {
				check(strings.TrimRight(as[k], ".”\"")+", and "+bs[k], Source{Text: c.Passages[0].Text}, Source{Text: c.Passages[1].Text})
			}
		}
	}
}
