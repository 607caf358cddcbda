package claim

import "testing"

// TestSlotNameNamedAsOwner covers a name put in the slot of another that
// the sentence names only as an owner elsewhere ("on Arnett's podcast, …
// with Jason Bateman" for "… with Arnett"); a name of the same clause may
// share the slot, and so may the other side of a symmetric preposition.
func TestSlotNameNamedAsOwner(t *testing.T) {
	p := `During a conversation on Arnett's podcast "Smartless," which he co-hosts with Jason Bateman and Sean Hayes, Cooper talked about sharing an apartment with Arnett years ago.`
	runCases(t, KindEntity, []ruleCase{
		{"another name in the slot", `On Arnett's podcast "Smartless," Cooper talked about sharing an apartment with Jason Bateman years ago.`, p, false},
		{"the slot's own name", `On Arnett's podcast "Smartless," Cooper talked about sharing an apartment with Arnett years ago.`, p, true},
	})
}
