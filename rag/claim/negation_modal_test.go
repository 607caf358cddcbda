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
