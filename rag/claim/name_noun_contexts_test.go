package claim

import "testing"

// TestNameNounContexts: a name and a noun exchanged between the two verbs
// that take them are dropped; the two clauses reordered, or reworded with
// the same verbs for the same words, are kept.
func TestNameNounContexts(t *testing.T) {
	passage := "Former mayor Ivo Hale even weighed in with a statement praising the protesters and denouncing Varga."
	checkPairs(t, []pairCase{
		{"exchanged", "Former mayor Ivo Hale even weighed in with a statement praising Varga and denouncing the protesters.", passage, false, KindRole},
		{"reordered", "Former mayor Ivo Hale even weighed in with a statement denouncing Varga and praising the protesters.", passage, true, ""},
		{"same", "Ivo Hale issued a statement praising the protesters and denouncing Varga.", passage, true, ""},
	})
}
