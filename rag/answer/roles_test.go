package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag/prose"
)

func TestAbbreviationForms(t *testing.T) {
	for _, tc := range []struct {
		question, word string
		want           string // a form it must have, "" for none
	}{
		{"what did the pm promise the farmers", "pm", "minister"},
		{"what did the prime minister promise", "prime", "pm"},
		{"what did the prime minister promise", "minister", "pm"},
		{"why did the us senate vote", "us", ""}, // "united states" is no title
		{"when does the gym open", "gym", ""},
	} {
		toks := prose.Tokenize(tc.question)
		got := abbreviationForms(toks, slices.Index(toks, tc.word))
		if tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Contains(got, prose.Stem(tc.want)) && !slices.Contains(got, tc.want) {
			t.Errorf("%q: forms of %s = %v, want %q", tc.question, tc.word, got, tc.want)
		}
	}
}

// TestDescriptionHeldByItsRole: "the mining leader" is held by a passage
// that says "the mining president", for a president is a leader; a leader
// does not make a president, and a person noun that only modifies another
// ("baby swings") is no description of anyone.
func TestDescriptionHeldByItsRole(t *testing.T) {
	said := "The mining union's president said the strike would end on Thursday."
	terms := analyseQuestion("when did the mining union leader say the strike would end", nil)
	leader := prose.Stem("leader")
	if terms.heldByRole(termSet(said), leader) {
		t.Fatalf("the president's sentence held leader before the passages were read")
	}
	terms.learnRoles(passageTermsOf(hitsOf(passagesFrom(t, said))))
	if !terms.heldByRole(termSet(said), leader) {
		t.Errorf("the union's president does not hold the union leader asked about: roles %v", terms.roles[leader])
	}
	terms = analyseQuestion("what did the union president say", nil)
	terms.learnRoles(passageTermsOf(hitsOf(passagesFrom(t, "The union leader spoke to miners at the gate."))))
	if slices.Contains(terms.roles[prose.Stem("president")], prose.Stem("leader")) {
		t.Errorf("a leader was taken for the president asked about: %v", terms.roles[prose.Stem("president")])
	}
	terms = analyseQuestion("how many baby swings were recalled", nil)
	if terms.described[prose.Stem("baby")] {
		t.Errorf("baby in baby swings read as a description of a person")
	}
}

// TestPMHeldByPrimeMinister: "the pm" is held by a passage that writes
// "the prime minister", and the other way round.
func TestPMHeldByPrimeMinister(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The prime minister visited the flooded town of Ashby on Tuesday. Residents asked for new barriers along the river.",
		"The council said repairs to the bridge would take a year."))
	q := "when did the pm visit ashby"
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "Tuesday") {
		t.Errorf("%q: %q, want the prime minister's Tuesday", q, ans.Text)
	}
	hits = hitsOf(passagesFrom(t,
		"The PM visited the flooded town of Ashby on Tuesday. Residents asked for new barriers along the river.",
		"The council said repairs to the bridge would take a year."))
	q = "when did the prime minister visit ashby"
	ans = Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "Tuesday") {
		t.Errorf("%q: %q, want the PM's Tuesday", q, ans.Text)
	}
}
