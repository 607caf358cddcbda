package claim

import "testing"

// TestInitialsOfLowerCaseWords covers a name in capitals that is the
// initials of words the passage writes in lower case.
func TestInitialsOfLowerCaseWords(t *testing.T) {
	runCases(t, KindEntity, []ruleCase{
		{"PR for public relations", "The list focuses on name changes made in response to urgent financial or PR problems.",
			"This list focuses on name changes that were responses to urgent financial or public relations problems.", true},
		{"CEO for chief executive officer", "The company's CEO resigned on Tuesday.", "The company's chief executive officer resigned on Tuesday.", true},
		{"initials the passage does not spell", "The list focuses on name changes made in response to urgent financial or PR problems.",
			"This list focuses on name changes that were responses to urgent financial or legal problems.", false},
		{"not in a row", "The list focuses on name changes made in response to urgent financial or PR problems.",
			"This list focuses on name changes that were responses to urgent financial problems, public anger or strained relations.", false},
	})
}
