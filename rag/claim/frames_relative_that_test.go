package claim

import "testing"

// TestRelativeThatVerb: after a plural noun and "that", a lower-case word
// before a determiner or a name is the relative clause's verb ("countries
// that trail the U.S."), so its doer is the noun, and the roles turned
// round are caught; "that" before a noun ("said that support grew") is
// still no verb.
func TestRelativeThatVerb(t *testing.T) {
	passage := "According to an annual study, the U.S. trails 24 other countries – Australia, Canada and Japan among them – in student performance."
	checkPairs(t, []pairCase{
		{"the roles kept", "According to an annual study, the U.S. trails 24 countries, among them Australia and Japan, in student performance.", passage, true, ""},
		{"the roles turned round", "According to an annual study, Australia, Canada and Japan are among 24 countries that trail the U.S. in student performance.", passage, false, KindRole},
	})
	for text, want := range map[string]bool{
		"24 countries that trail the U.S.": true,
		"rivals that lead a group":         true,
		"officials said that support grew": false,
		"the towns that Smith visited":     false,
	} {
		toks := tokenize(text, 100)
		i := 0
		for i < len(toks) && toks[i].low != "that" {
			i++
		}
		i++
		if got := verbForm(toks, i); got != want {
			t.Errorf("%q: verbForm(%q) = %v, want %v", text, toks[i].text, got, want)
		}
	}
}
