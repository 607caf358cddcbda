package claim

import "testing"

// TestNegationBeyondNot: forms of English negation beyond "not" and "no" deny
// what they reach: "nowhere", "not (been) able to", "far from" before a
// verb or an adjective, and a negative fronted before an inverted
// auxiliary ("At no point did …", "Never has …", "Nor did …"). "Far from"
// a place, "Not only did …" and "No sooner had …" deny nothing.
func TestNegationBeyondNot(t *testing.T) {
	checkPairs(t, []pairCase{
		{"nowhere", "Police found the Ode suspect.", "The Ode suspect was nowhere to be found, police said.", false, KindPolarity},
		{"not able to", "Police found the Ode suspect.", "Police have not been able to find the Ode suspect.", false, KindPolarity},
		{"far from a verb", "The union backed the Ode plan.", "Far from backing the Ode plan, the union attacked it.", false, KindPolarity},
		{"far from a place", "The union met far from the Ode plant.", "The union met far from the Ode plant.", true, ""},
		{"at no point", "The union backed the Ode plan.", "At no point did the union back the Ode plan.", false, KindPolarity},
		{"never has", "The court has ruled on the Ode case.", "Never has the court ruled on the Ode case.", false, KindPolarity},
		{"nor did", "The union backed the Ode plan.", "The mayor did not back it. Nor did the union back the Ode plan.", false, KindPolarity},
		{"not only", "The union backed the Ode plan.", "Not only did the union back the Ode plan, it funded it.", true, ""},
		{"no sooner", "The union backed the Ode plan.", "No sooner had the union backed the Ode plan than it split.", true, ""},
		{"a negation after the subject", "Hale said he did not think they had ever seen anything like the Ode storm.", "“I don’t think we have ever seen anything like the Ode storm!” says Hale.", true, ""},
	})
}
