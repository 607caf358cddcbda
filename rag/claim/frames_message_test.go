package claim

import "testing"

// TestMessageStandsForItsAuthor: what a statement, a report or a letter
// does, its author does, so "according to a statement that condemned the
// conduct" does not give the act to another than "'The Guild condemns the
// conduct,' the statement said"; the act turned round is still dropped.
func TestMessageStandsForItsAuthor(t *testing.T) {
	said := `"The Guild condemns the conduct of Mr. Hale at last night's gala," the statement said. "We have begun a review of the incident."`
	checkPairs(t, []pairCase{
		{"the statement for the Guild", "The Guild has begun a review of the incident, according to a statement that also condemned the conduct of Mr. Hale.", said, true, ""},
		{"the Guild for its report", "The Guild condemned the conduct of Mr. Hale at the gala.", "A report condemned the conduct of Mr. Hale at the gala, the Guild said.", true, ""},
		{"turned round", "Mr. Hale condemns the conduct of the Guild at last night's gala, the statement said.", said, false, KindRole},
	})
}
