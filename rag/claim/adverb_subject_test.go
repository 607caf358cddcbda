package claim

import "testing"

// TestAdverbAfterSubject covers an adverb between a verb and its subject
// ("his office later reduced"), which is not the subject's head.
func TestAdverbAfterSubject(t *testing.T) {
	passage := "Mayor Okafor first said 40 homes were flooded, but her office later lowered the count to 25."
	runCases(t, KindRole, []ruleCase{
		{"doers of the two verbs swapped", "Okafor's office first said 40 homes were flooded, but Okafor later lowered the count to 25.", passage, false},
		{"doers kept", "Okafor first said 40 homes were flooded, but her office later lowered the count to 25.", passage, true},
	})
}
