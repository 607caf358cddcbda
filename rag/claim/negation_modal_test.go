package claim

import "testing"

// TestNecessityModals: "must", "has to" and "needs to" say the same of
// the verb after them, so one may restate another, and a denied one
// ("does not need to") against another asserted is caught.
func TestNecessityModals(t *testing.T) {
	has := "“That means this team has to have some kind of presence in both towns,” Ruiz said."
	must := "The council must publish its accounts by June, the auditor said."
	checkPairs(t, []pairCase{
		{"needs to for has to", "Ruiz said the team needs to have some presence in both towns.", has, true, ""},
		{"does not need to for has to", "Ruiz said the team does not need to have any presence in both towns.", has, false, KindPolarity},
		{"has to for must", "The auditor said the council has to publish its accounts by June.", must, true, ""},
		{"does not have to for must", "The auditor said the council does not have to publish its accounts by June.", must, false, KindPolarity},
	})
}

// TestVerbOfEndingDenies: a verb of ending before a gerund ("would stop
// requiring", "ceased publishing") denies it from then on, as "no longer"
// does, and is no opposite of a beginning the passage names ("beginning
// today, … will no longer require").
func TestVerbOfEndingDenies(t *testing.T) {
	passage := "“Beginning today, May 19, Harlow Pharmacy will no longer require fully vaccinated customers to wear face coverings inside our stores,” a spokesperson said."
	still := "Harlow Pharmacy still requires customers to wear face coverings inside its stores, a spokesperson said on May 19."
	checkPairs(t, []pairCase{
		{"stop for no longer", "A spokesperson said Harlow Pharmacy would stop requiring fully vaccinated customers to wear face coverings in its stores from May 19.", passage, true, ""},
		{"keep for no longer", "A spokesperson said Harlow Pharmacy would keep requiring fully vaccinated customers to wear face coverings in its stores from May 19.", passage, false, KindPolarity},
		{"stopped for still", "A spokesperson said on May 19 that Harlow Pharmacy had stopped requiring customers to wear face coverings inside its stores.", still, false, KindPolarity},
	})
}

// TestCannotAndCantTell: "cannot" is "can not" as "can't" is, so "can see"
// against either is a denial dropped; a verb of saying or knowing the
// passage denies ("I can't tell") is denied, read from the passage
// sentence next to the one the clause draws on when the sentence runs the
// two into one clause.
func TestCannotAndCantTell(t *testing.T) {
	for _, p := range []string{"Ruiz can't see whether the movement is building.", "Ruiz cannot see whether the movement is building."} {
		if r := Check("Ruiz can see whether the movement is building.", Source{Text: p}); r.OK() || r.Kind != KindPolarity {
			t.Errorf("%q: %s %s (%s)", p, r.Verdict, r.Kind, r.Reason)
		}
	}
	passage := "It remains to be seen whether the boycott of next month's awards is still building or about to blow over. I certainly can't tell from this vantage point, and my feelings on it are still evolving."
	checkPairs(t, []pairCase{
		{"the denial kept", "The writer says they can't tell from their vantage point whether the boycott is still building or about to blow over.", passage, true, ""},
		{"the denial dropped", "The writer says they can tell from their vantage point whether the boycott is still building or about to blow over.", passage, false, KindPolarity},
	})
}
