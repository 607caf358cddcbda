package claim

import "testing"

// TestRelativeClauses covers a relative clause set off after one person's
// name moved to another's, and the readings that keep it.
func TestRelativeClauses(t *testing.T) {
	passage := "Marta Okafor's brother, Daniel, who was the bakery's manager for a decade, still keeps its first oven. Marta now teaches at the college."
	runCases(t, KindRole, []ruleCase{
		{"clause moved to the other name", "Daniel Okafor's sister, Marta, who was the bakery's manager for a decade, still keeps its first oven.", passage, false},
		{"clause kept on its name", "Marta Okafor's brother Daniel, who was the bakery's manager for a decade, still keeps its first oven.", passage, true},
		{"a short clause describes no one", "Marta, who teaches, is Daniel's sister.", passage, true},
	})
	// The passage gives both people the clause: either may carry it.
	both := "In 2009 Daniel, who ran the bakery, and Marta, who ran the bakery too, opened a second shop."
	runCases(t, KindRole, []ruleCase{
		{"both described so", "In 2009 Marta, who ran the bakery, opened a second shop.", both, true},
	})
}
