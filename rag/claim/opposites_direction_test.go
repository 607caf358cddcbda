package claim

import "testing"

// TestDirectionOpposites: a motion's goal against its source, in one
// place ("into public service" / "away from public service"); the same
// end, or a preposition elsewhere, is kept.
func TestDirectionOpposites(t *testing.T) {
	p := "The program was launched in 2007 in an effort to steer more college graduates into public service."
	runCases(t, KindAntonym, []ruleCase{
		{"away from for into", "The program was launched in 2007 to steer more college graduates away from public service.", p, false},
		{"into kept", "The program was launched in 2007 to steer more college graduates into public service.", p, true},
		{"toward for into", "The program was launched in 2007 to steer more college graduates toward public service.", p, true},
		{"out of for into", "Residents moved out of the city center last year.", "Residents moved into the city center last year.", false},
		{"another object", "Residents moved out of the suburbs and into the city center last year.", "Residents moved into the city center last year.", true},
	})
}
