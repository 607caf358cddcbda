package claim

import "testing"

// TestComparedGroups: two groups told apart by common words, exchanged
// round the word that brings in the standard, are dropped; the same
// comparison with "than" for "compared with", or turned round with the
// opposite comparative, is kept, and "more than 800 cases" compares no
// groups.
func TestComparedGroups(t *testing.T) {
	passage := "State data shows that unvaccinated people in Arizona had a 3.9 times greater risk of testing positive for COVID-19 in October compared with fully vaccinated people."
	checkPairs(t, []pairCase{
		{"groups exchanged", "According to state data, fully vaccinated people in Arizona had a 3.9 times greater risk of testing positive for COVID-19 in October than unvaccinated people did.", passage, false, KindRole},
		{"than for compared with", "According to state data, unvaccinated people in Arizona had a 3.9 times greater risk of testing positive for COVID-19 in October than fully vaccinated people.", passage, true, ""},
		{"versus", "Unvaccinated people had a greater risk of infection than fully vaccinated people.", "Unvaccinated people had a greater risk of infection versus fully vaccinated people.", true, ""},
		{"a bound", "CDC data showed more than 800 cases in California and over 500 in Illinois on Tuesday.", "California had more than 800 cases Tuesday, while Illinois had more than 500, according to data from the CDC.", true, ""},
	})
}
