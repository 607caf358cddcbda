package claim

import "testing"

// TestAbbreviatedTitle: a title written by its capitals before a given
// name ("Acme CEO Ana Hale") is read as a title, and another such title
// ("CFO") is another role; the same title is kept.
func TestAbbreviatedTitle(t *testing.T) {
	cfo := "On Monday, Acme CFO Ana Hale resigned."
	checkPairs(t, []pairCase{
		{"another abbreviated title", "On Monday, Acme CEO Ana Hale resigned.", cfo, false, KindRole},
		{"the same title", "On Monday, Acme CFO Ana Hale resigned, the firm said.", cfo, true, ""},
	})
}
