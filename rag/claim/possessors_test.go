package claim

import "testing"

// TestPossessors covers the owners of two things swapped between two
// names, and the sentences that keep them, reorder them, or give a name a
// title beside it.
func TestPossessors(t *testing.T) {
	passage := "The talks came after Mr Ortiz's chief negotiator Lena Park met Mr Varga in Vienna on Tuesday."
	runCases(t, KindRole, []ruleCase{
		{"owner swapped", "Mr Varga's chief negotiator Lena Park met Mr Ortiz in Vienna on Tuesday.", passage, false},
		{"owner kept", "Mr Ortiz's chief negotiator Lena Park met Mr Varga in Vienna on Tuesday.", passage, true},
		{"owner kept, reordered", "In Vienna on Tuesday, Lena Park, Mr Ortiz's chief negotiator, met Mr Varga.", passage, true},
		{"two owners swapped", "The anniversary of Kestria's defence in the face of Dorvan's invasion was marked.",
			"The anniversary of Dorvan's defence in the face of Kestria's invasion was marked on Monday.", false},
	})
}

// TestPossessorByItsCapital: a capital stands for its country's
// government ("which Beijing claims" for "that China claims").
func TestPossessorByItsCapital(t *testing.T) {
	p := "China warned against Pelosi's planned visit to the self-governing island that China claims as a part of its territory."
	runCases(t, KindRole, []ruleCase{
		{"capital for country", "China warned against Pelosi's visit to the self-governing island, which Beijing claims as its own territory.", p, true},
	})
}
