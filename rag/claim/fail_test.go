package claim

import "testing"

// TestFailWithoutTo covers "fail" as a verb of its own: with "to" after it
// it negates the verb it governs; without, it says something failed, with
// "succeed" and "pass" for opposites, and negates nothing after it.
func TestFailWithoutTo(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"a bank that failed", "The bank failed in 2008.", "The bank collapsed in 2008 amid the financial crisis.", true},
		{"talks that failed", "The talks failed on Tuesday.", "The talks broke down on Tuesday without a deal.", true},
		{"banks counted", "Three banks failed last year.", "Three banks collapsed last year.", true},
		{"fail to, restated", "The bill failed to pass the Senate.", "The bill did not pass the Senate on Tuesday.", true},
		{"fail to, against the plain verb", "The bill failed to pass the Senate.", "The bill passed the Senate on Tuesday.", false},
	})
	runCases(t, KindAntonym, []ruleCase{
		{"failed for succeeded", "The company's attempt failed.", "The company's attempt succeeded, the report said.", false},
		{"failed for passed", "The bill failed in the Senate on Tuesday.", "The bill passed the Senate on Tuesday by a vote of 52 to 48.", false},
		{"passed for failed", "The bill passed the Senate.", "The bill failed in the Senate on Tuesday.", false},
	})
}
