package claim

import "testing"

// TestOppositeOutplaced covers an opposite in the sentence's place where
// the passage also uses the sentence's word, about something else.
func TestOppositeOutplaced(t *testing.T) {
	poll := "In the survey, 58% of local residents disapprove of the new stadium plan, while just 35% of them approve of it."
	runCases(t, KindAntonym, []ruleCase{
		{"word turned round in its place", "58% of local residents approve of the new stadium plan, the survey found.", poll, false},
		{"the word's own place kept", "Just 35% of local residents approve of the new stadium plan, the survey found.", poll, true},
		{"adverb turned round, the word elsewhere", "The clinic asks patients to take part voluntarily in the trial.",
			"The clinic asks patients to take part involuntarily in the trial, though none were ever enrolled voluntarily before it began.", false},
		{"word and opposite side by side", "The council backs one common bus pass for every town.",
			"The council backs a single common bus pass for every town in the county.", true},
		{"opposite after the same subject, in the next sentence", "After rescuers from Oslo dug through the rubble, Hansen was alive, the team said.",
			"Rescuers from Oslo dug through the rubble all night on Monday. Hansen was dead, the team said.", false},
		{"another subject before the opposite", "After rescuers from Oslo dug through the rubble, Hansen was alive, the team said.",
			"Rescuers from Oslo dug through the rubble all night on Monday and found Hansen alive. A dog was dead, the team said.", true},
		{"predicate turned round, its subject far before it", "The mayor told reporters that talks with the union are easy.",
			"The mayor told reporters that talks with the transit workers' union (TWU) over the new contract for the city's drivers are “difficult,” and may run into May.", false},
		{"predicate kept", "The mayor told reporters that talks with the union are difficult.",
			"The mayor told reporters that talks with the transit workers' union (TWU) over the new contract for the city's drivers are “difficult,” and may run into May.", true},
	})
}

// TestBaseVerbOneStepOpposite covers a sentence verb whose past is written
// as its base ("cut"), against a passage verb one WordNet step from its
// opposite, after the same subject.
func TestBaseVerbOneStepOpposite(t *testing.T) {
	passage := "At its June meeting, the Riksbank raised rates by a quarter point, its third move this year."
	runCases(t, KindAntonym, []ruleCase{
		{"base-form past against the opposite", "At its June meeting, the Riksbank cut rates by a quarter point, its third move this year.", passage, false},
		{"another subject before it", "At its June meeting, the Riksbank raised rates by a quarter point, while banks cut fees.", passage + " Banks cut fees the same week.", true},
	})
}

// TestParticleIsNoPlace: "away" as the particle of a verb ("have worn
// away the aura") is not the opposite of "home" in "at home and abroad";
// two particles of the same verb ("went up", "went down") still are.
func TestParticleIsNoPlace(t *testing.T) {
	checkPairs(t, []pairCase{
		{"a particle against a place", "A string of setbacks at home and overseas have worn away the council's air of competence.",
			"A string of setbacks -- at home and abroad -- have eroded the air of competence that once surrounded the council.", true, ""},
		{"two particles", "Fuel prices went down sharply in Tarrow on Monday.", "Fuel prices went up sharply in Tarrow on Monday.", false, KindAntonym},
	})
}
