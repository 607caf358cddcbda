package answer

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// TestSceneNamesNeedNotBeInTheAnswersArticle: a question that sets the
// scene before it asks is answered from an article that holds the names of
// the asking sentence, though not the scene's ("residents of Harwick");
// asked in one sentence, every name is required, and the answerer passes
// the article over.
func TestSceneNamesNeedNotBeInTheAnswersArticle(t *testing.T) {
	hits := []rag.Hit{
		{Passage: rag.Passage{ID: "b#0", ArticleID: "b", Text: "Residents of Harwick have waited months for news about the bridge closure. Many now drive an hour to work."}},
		{Passage: rag.Passage{ID: "c#0", ArticleID: "c", Text: "The Orlen bridge will reopen to traffic on Monday, the county council said. Repairs to its deck took nine months."}},
	}
	q := "After months of delays, residents of Harwick were promised a decision on the bridge closure. When will the Orlen bridge reopen to traffic?"
	if ans := Extractive(q, hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "Monday") {
		t.Errorf("%q: %q, want the reopening on Monday", q, ans.Text)
	}
	one := "When will the Orlen bridge that residents of Harwick use reopen to traffic?"
	if ans := Extractive(one, hits, ExtractiveOptions{}); strings.Contains(ans.Text, "Monday") {
		t.Errorf("%q: %q, want no answer from an article that never names Harwick", one, ans.Text)
	}
}

func TestRequiredNames(t *testing.T) {
	for _, tc := range []struct {
		question string
		want     []string
	}{
		{"When will the Orlen bridge that residents of Harwick use reopen?", []string{"orlen", "harwick"}},
		{"Residents of Harwick have waited months. When will the Orlen bridge reopen?", []string{"orlen"}},
		// The pronoun stands for the scene's names.
		{"The new mayor, Ilse Varga, took office in Harwick. Which bridge did she promise to reopen?", []string{"ilse", "varga", "harwick"}},
	} {
		q := analyseQuestion(tc.question, nil)
		got := q.requiredNames(tc.question)
		want := map[string]bool{}
		for _, w := range tc.want {
			want[prose.Stem(w)] = true
		}
		for w := range want {
			if !got[w] {
				t.Errorf("%q: %v lacks %q", tc.question, got, w)
			}
		}
		for g := range got {
			if !want[g] && len(g) > 2 {
				t.Errorf("%q: %v holds %q", tc.question, got, g)
			}
		}
	}
}

// TestSceneAloneIsNoTypedAnswer: a sentence that holds a figure and the
// scene a question sets, but nothing of what its last sentence asks, does
// not get the lower coverage a typed answer earns.
func TestSceneAloneIsNoTypedAnswer(t *testing.T) {
	q := "The mayor of Dunmore promised residents a grant for planting trees. How much did the scheme cost the council's budget office?"
	hits := hitsOf(passagesFrom(t,
		"The mayor of Dunmore announced a grant for residents who look after 20 trees. Officials expect work to start in spring."))
	if ans := Extractive(q, hits, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("%q: %q, want an abstention", q, ans.Text)
	}
}
