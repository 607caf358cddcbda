package answer

import (
	"testing"

	"github.com/coveragebot/coveragebot/rag/prose"
)

func TestAffiliation(t *testing.T) {
	q := analyseQuestion("Which team does Pellow play for?", nil)
	names := map[string]bool{prose.Stem("pellow"): true}
	for _, tc := range []struct {
		sentence, want string
	}{
		{"The league suspended Harbour City Rovers quarterback Dane Pellow for six games.", "Harbour City Rovers"},
		{"The league suspended Harbour City Rovers backup quarterback Dane Pellow on Monday.", "Harbour City Rovers"},
		{"Harbour City Rovers quarterback Dane Pellow was suspended.", ""},  // opens the sentence
		{"The league suspended quarterback Dane Pellow for six games.", ""}, // no body
		{"On Monday, quarterback Dane Pellow was suspended.", ""},
		{"The league said Dane Pellow was suspended.", ""},
		{"Fans of the Rovers, quarterback Dane Pellow said, are loyal.", ""}, // a clause ends before the role
	} {
		if got := affiliation(q, tc.sentence, names); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.sentence, got, tc.want)
		}
	}
}
