package claim

import "testing"

// TestSubjectBeforeAParenthesis: a verb right after a parenthesis set off
// by dashes ("ump Lena Ortiz — a Denver native herself — overruled")
// has the phrase before it for its subject, so giving the act to someone
// else is caught; an -ing form after a dash ("-- including …") takes no
// subject from there.
func TestSubjectBeforeAParenthesis(t *testing.T) {
	passage := "Cole hit a line drive to shortstop that was initially ruled a catch by one of the umpires, but first-base ump Lena Ortiz — a Denver native herself — overruled the call."
	checkPairs(t, []pairCase{
		{"the umpire who overruled", "Cole's line drive was initially ruled a catch, but first-base ump Lena Ortiz overruled the call.", passage, true, ""},
		{"the act given to another", "First-base umpire Lena Ortiz initially ruled Cole's line drive a catch, but another umpire overruled the call.", passage, false, KindRole},
	})
	toks := tokenize("Records could fall this week — in Phoenix and Tucson — including one set in 1990.", 100)
	for i, tok := range toks {
		if tok.low == "including" {
			if s := grammaticalSubject(toks, i); s.ok() {
				t.Errorf("including: subject %q, want none", spanText(toks, s.start, s.end))
			}
		}
	}
}
