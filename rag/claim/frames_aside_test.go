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

// TestSentenceDescribesItsOwnName: "A Harbour Board spokesperson said the
// agency will keep assessing …" gives the act to the Harbour Board, which
// the sentence named before its description; a description of a name the
// sentence gives only after it ("the agency said …, the council wrote")
// is not read back.
func TestSentenceDescribesItsOwnName(t *testing.T) {
	passage := "“The Harbour Board will continue to assess the impacts of the storm and the economy on ferry users,” wrote a spokesperson in an email to the Tarrow Herald on Monday, adding that the agency will “write to ferry users when a decision is made.”"
	checkPairs(t, []pairCase{
		{"the description refers back", "A Harbour Board spokesperson told the Tarrow Herald the agency will keep assessing how the storm and the economy affect ferry users.", passage, true, ""},
	})
	if r := Check("The agency will continue to assess the impact of the storm on ferry users, the Tarrow Council said.", Source{Text: passage}); r.OK() {
		t.Errorf("a description of another name kept: %s", r.Verdict)
	}
}
