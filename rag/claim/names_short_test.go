package claim

import "testing"

// TestNameWithinNameWrittenShort: a name inside a longer one may be
// written by the shorter name WordNet gives it ("UN" for "United Nations"
// in "the United Nations Security Council"), either way round; another
// body of the same organisation is another name.
func TestNameWithinNameWrittenShort(t *testing.T) {
	long := "The United Nations Security Council met on Friday to discuss the blockade of Tarrow."
	short := "The UN Security Council met on Friday to discuss the blockade of Tarrow."
	checkPairs(t, []pairCase{
		{"short for long", "The UN Security Council met on Friday to discuss the Tarrow blockade.", long, true, ""},
		{"long for short", "The United Nations Security Council met on Friday to discuss the Tarrow blockade.", short, true, ""},
		{"short alone", "The UN discussed the blockade of Tarrow on Friday.", long, true, ""},
		{"another body", "The UN General Assembly met on Friday to discuss the Tarrow blockade.", long, false, KindEntity},
		{"another organisation", "The EU Security Council met on Friday to discuss the Tarrow blockade.", long, false, KindEntity},
	})
}
