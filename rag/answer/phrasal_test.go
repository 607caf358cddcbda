package answer

import (
	"slices"
	"strings"
	"testing"
)

func TestPhrasalVerbs(t *testing.T) {
	for _, tc := range []struct {
		question, verb, alt string
	}{
		{"which year's borders can't ukraine go back to", "go", "return"},
		{"Which measure did lawmakers leave out?", "leave", "omit"},
		{"Which measure did lawmakers leave out?", "leave", "exclude"},
	} {
		var found bool
		for _, pv := range phrasalVerbs(tc.question) {
			if pv.verb == tc.verb && slices.Contains(pv.alts, tc.alt) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: %q not read as a phrasal verb with %q among %+v", tc.question, tc.verb, tc.alt, phrasalVerbs(tc.question))
		}
	}
	if pvs := phrasalVerbs("Who went to the summit in Rome?"); len(pvs) != 0 {
		t.Errorf("a verb and a preposition that make no phrasal verb: %+v", pvs)
	}
}

// TestExtractivePhrasalVerbInOtherWords: "go back to" is answered by a
// sentence that says "return to", without the particle as a word of its own.
func TestExtractivePhrasalVerbInOtherWords(t *testing.T) {
	q := "Which year's border does the minister say the region can't go back to?"
	hits := hitsOf(passagesFrom(t,
		"Border talks. The minister said the region would not be able to return to its 2009 border. Talks resume on Friday."))
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "2009 border") {
		t.Errorf("answer %q", ans.Text)
	}
	terms := analyseQuestion(q, nil)
	if _, ok := terms.weight["back"]; ok {
		t.Error(`"back", part of "go back", weighed as a focus term of its own`)
	}
}
