package claim

import "testing"

// TestRuledOutAndHardly: "ruled out signing it" denies the signing, as
// "refused to sign it" does, and "hardly" and "scarcely" deny the verb
// after them as "not" does ("would hardly hire any"); each is kept where
// the passage says the same.
func TestRuledOutAndHardly(t *testing.T) {
	signed := "The council approved the levy on Tuesday, and the mayor said she would sign it."
	hiring := "The firm said it would hire 200 workers at the Tarrow plant this year."
	checkPairs(t, []pairCase{
		{"ruled out", "The mayor ruled out signing the levy.", signed, false, KindPolarity},
		{"ruled out a noun", "The mayor ruled out the levy's signing.", signed, false, KindPolarity},
		{"ruling out", "The mayor is ruling out signing the levy.", signed, false, KindPolarity},
		{"ruled out on both sides", "The mayor ruled out signing the levy.", "The council approved the levy, but the mayor ruled out signing it.", true, ""},
		{"ruled out for refused", "The mayor ruled out signing the levy.", "The council approved the levy, but the mayor refused to sign it.", true, ""},
		{"a ruling", "The ruling allowed the mayor to sign the levy.", "A court ruling allowed the mayor to sign the levy on Tuesday.", true, ""},
		{"hardly", "The firm said it would hardly hire any workers at the Tarrow plant this year.", hiring, false, KindPolarity},
		{"scarcely", "The firm said it would scarcely hire workers at the Tarrow plant this year.", hiring, false, KindPolarity},
		{"hardly on both sides", "The firm said it would hardly hire any workers at the Tarrow plant.", "The firm said it would hardly hire any workers at the Tarrow plant this year.", true, ""},
		{"not for hardly", "The firm said it would not hire workers at the Tarrow plant.", "The firm said it would hardly hire any workers at the Tarrow plant this year.", true, ""},
	})
}
