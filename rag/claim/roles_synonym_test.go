package claim

import "testing"

// TestRolesThroughSynonym covers a sentence verb the passage holds in its
// own form with another doer and, through a WordNet synonym, with the
// sentence's doer (a passive's, opened by "some"): the synonym's reading
// agrees, and the roles stand.
func TestRolesThroughSynonym(t *testing.T) {
	passage := "Okafor, who was elected in 2014 but left her party in 2019 to back a Democrat who lost to Lund, is supported by some Democrats who praise her record on transit."
	runCases(t, KindRole, []ruleCase{
		{"the synonym's doer agrees", "Some Democrats back Okafor, pointing to her record on transit.", passage, true},
	})
}

// TestNamedRolesThroughSynonym covers the same between two names: the
// sentence's verb is the passage's synonym in the clause it restates, and
// the passage's own form of it, elsewhere, relates other names.
func TestNamedRolesThroughSynonym(t *testing.T) {
	passage := "Lund, who was elected in 2014 but quit her 2018 race to back a Democrat who lost to Okafor, is supported by some Democrats and moderate Republicans who like her plan for the port."
	runCases(t, KindRole, []ruleCase{
		{"the synonym's names agree", "Lund, elected in 2014, quit her 2018 race to support a Democrat who was then defeated by Okafor.", passage, true},
	})
}
