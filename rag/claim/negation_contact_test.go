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

// TestTooToAndTrailingNoMore: "too big to fit" says it could not fit, as
// "so large that it couldn't fit" does, and "need fear him no more" is
// "no longer need to fear him"; the same words without the denial still
// drop.
func TestTooToAndTrailingNoMore(t *testing.T) {
	mirror := "It is the largest mirror the agency has built. The mirror was so large that it couldn't fit inside a rocket."
	fear := "“People around the world no longer need to fear the vicious and determined killer,” Mayor Ruiz said."
	checkPairs(t, []pairCase{
		{"too big to fit", "The mirror, the largest the agency has built, was too big to fit inside a rocket.", mirror, true, ""},
		{"big enough to fit", "The mirror, the largest the agency has built, could fit inside a rocket.", mirror, false, KindPolarity},
		{"need fear no more", "Mayor Ruiz said people around the world need fear the vicious and determined killer no more.", fear, true, ""},
		{"still need to fear", "Mayor Ruiz said people around the world still need to fear the vicious and determined killer.", fear, false, KindPolarity},
	})
	if toks := tokenize("They need fear the killer no more, and more will come.", 100); !deniedByTrailingNoMore(toks, 2) {
		t.Errorf("need fear … no more: not denied")
	}
	if toks := tokenize("They need no more than a day to fear the killer.", 100); deniedByTrailingNoMore(toks, 1) {
		t.Errorf("need no more than a day: denied")
	}
	for text, want := range map[string]bool{
		"The mirror was too big to fit inside a rocket.": true,
		"It is not too late to stop the closure.":        false,
		"It is never too soon to start saving.":          false,
	} {
		toks := tokenize(text, 100)
		for i, tok := range toks {
			if tok.low == "fit" || tok.low == "stop" || tok.low == "start" {
				if got := negatedAt(toks, i, negationWindow); got != want {
					t.Errorf("%q: %s denied %v, want %v", text, tok.low, got, want)
				}
			}
		}
	}
}

// TestNotEvery: "not every show … revolves around lords" says some do
// not, which a passage that says other shows "aren't about lords" agrees
// with; "every show revolves around lords" does not.
func TestNotEvery(t *testing.T) {
	passage := "But other shows are worth checking out that aren't about lords or thrones. The season's best new shows include a medical drama and a workplace comedy."
	checkPairs(t, []pairCase{
		{"not every", "Not every show worth watching this season revolves around lords and thrones: the best new ones include a medical drama.", passage, true, ""},
		{"every", "Every show worth watching this season is about lords and thrones.", passage, false, KindPolarity},
	})
}
