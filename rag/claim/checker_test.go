package claim

import (
	"testing"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// TestCheckerAgrees checks that a Checker, which reads each set of
// passages once, decides every claim of the labelled set as Check does,
// with the passages read again and again in between: a verdict must not
// depend on what was checked before.
func TestCheckerAgrees(t *testing.T) {
	var k Checker
	cs := loadClaims(t)
	for round := 0; round < 2; round++ {
		for _, c := range cs {
			srcs := c.Sources(nil)
			want := Check(c.Sentence, srcs...)
			if got := k.Check(c.Sentence, srcs...); got != want {
				t.Fatalf("%s: Checker gave %+v, Check %+v", c.ID, got, want)
			}
		}
	}
	if n := len(k.read); n == 0 || n > len(cs) {
		t.Errorf("the Checker holds %d readings for %d claims", n, len(cs))
	}
}

// distinctPassages gives each passage of a labelled set once.
func distinctPassages(cs []Labelled) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range cs {
		for _, p := range c.Passages {
			if !seen[p.Text] {
				seen[p.Text] = true
				out = append(out, p.Text)
			}
		}
	}
	return out
}

// answerShaped gives, for each distinct passage of the labelled set, an
// answer of up to five sentences citing it: the passage's own sentences.
func answerShaped(tb testing.TB) [][2][]string {
	var out [][2][]string
	for _, text := range distinctPassages(loadClaims(tb)) {
		ss := prose.SplitSentences(text)
		out = append(out, [2][]string{{text}, ss[:min(5, len(ss))]})
	}
	return out
}

// BenchmarkAnswerCheck is the rules' cost for answers: every answer's
// sentences checked against the passage they cite, with Check reading the
// passage for each sentence ("each"), and with one Checker per answer
// ("checker").
func BenchmarkAnswerCheck(b *testing.B) {
	answers := answerShaped(b)
	sentences := 0
	for _, a := range answers {
		sentences += len(a[1])
	}
	perSentence := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*sentences), "ms/sentence")
	}
	b.Run("each", func(b *testing.B) {
		defer perSentence(b)
		for b.Loop() {
			for _, a := range answers {
				for _, s := range a[1] {
					Check(s, Source{Text: a[0][0]})
				}
			}
		}
	})
	b.Run("checker", func(b *testing.B) {
		defer perSentence(b)
		for b.Loop() {
			for _, a := range answers {
				var k Checker
				for _, s := range a[1] {
					k.Check(s, Source{Text: a[0][0]})
				}
			}
		}
	})
}
