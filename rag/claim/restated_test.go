package claim

import "testing"

// TestRestatedDoer covers a verb the passage gives twice, to two parties:
// what one said moved to the other is caught, and each kept with its own
// party, or in a passage whose doer is a lone pronoun, is not.
func TestRestatedDoer(t *testing.T) {
	passage := "Those who opposed the levy argued that small shops would close within a year. Members of the chamber of commerce argue that the evidence for closures is thin."
	runCases(t, KindRole, []ruleCase{
		{"said by the other party",
			"Members of the chamber of commerce argued that small shops would close within a year.", passage, false},
		{"said by its own party",
			"Opponents of the levy argued that small shops would close within a year.", passage, true},
		{"the other party's own claim",
			"Members of the chamber of commerce argued that the evidence for closures is thin.", passage, true},
		{"a pronoun doer may be anyone named before",
			"Members of the chamber of commerce argued that small shops would close within a year.",
			"Members of the chamber of commerce argue that the levy is unfair. They argued that small shops would close within a year.", true},
	})
}
