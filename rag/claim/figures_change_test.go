package claim

import "testing"

// TestChangeOrLevel: after a verb, "by" gives the size of a change and
// "to" the level reached, so "fell by 3.5%" is not "fell to 3.5%"; the
// same preposition, or both, are kept.
func TestChangeOrLevel(t *testing.T) {
	both := "Unemployment in Ode fell by 0.2 points to 3.5% in May."
	checkPairs(t, []pairCase{
		{"the level made the change", "Unemployment in Ode fell by 3.5% in May.", "Unemployment in Ode fell to 3.5% in May.", false, KindFigure},
		{"the change made the level", "Prices in Ode rose to about 8% last year.", "Prices in Ode rose by about 8% last year.", false, KindFigure},
		{"the level kept", "Unemployment in Ode fell to 3.5% in May.", both, true, ""},
		{"the change kept", "Unemployment in Ode fell by 0.2 points in May.", both, true, ""},
	})
}

// TestUpToIsABound: "up to 12" and "at most 12" bound a figure from
// above, against "at least 12"; "up to 12" for "as many as 12" is kept.
func TestUpToIsABound(t *testing.T) {
	checkPairs(t, []pairCase{
		{"up to against at least", "Up to 12 Ode residents died.", "At least 12 Ode residents died.", false, KindFigure},
		{"at most against at least", "At most 12 Ode residents died.", "At least 12 Ode residents died.", false, KindFigure},
		{"up to kept", "Up to 12 Ode residents may have died.", "As many as 12 Ode residents may have died.", true, ""},
	})
}
