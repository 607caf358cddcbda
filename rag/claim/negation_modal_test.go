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
