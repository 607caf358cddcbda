package claim

import "testing"

// TestDeniedInContactClause: a noun followed by a relative clause with no
// pronoun to open it, whose verb is denied ("support it does not have", "a
// promise he never kept"), is denied itself, on either side.
func TestDeniedInContactClause(t *testing.T) {
	lacks := "The bill needs 60 votes to clear the Senate, and it is clear the bill does not have that support."
	kept := "Mayor Ruiz kept the promise to reopen the library by June."
	checkPairs(t, []pairCase{
		{"the support it lacks", "The bill needs 60 votes to clear the Senate, support it does not have.", lacks, true, ""},
		{"the support made its own", "The bill needs 60 votes to clear the Senate, support it has.", lacks, false, KindPolarity},
		{"a promise kept", "Mayor Ruiz kept her promise to reopen the library by June.", kept, true, ""},
		{"a promise denied", "Reopening the library by June was a promise Mayor Ruiz never kept.", kept, false, KindPolarity},
	})
}
