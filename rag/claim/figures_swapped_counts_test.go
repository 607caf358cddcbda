package claim

import "testing"

// TestSwappedCounts: two figures given to each other's counted nouns
// ("150 times … 4,300 comments" for "4,300 times … 150 comments") are
// dropped though the verbs before them differ; the counts as the passage
// gives them are kept, and measures in units are left to the unit rules.
func TestSwappedCounts(t *testing.T) {
	post := "It had been shared more than 4,300 times and amassed over 150 comments as of Friday morning."
	checkPairs(t, []pairCase{
		{"counts swapped", "The post had been shared more than 150 times and drew over 4,300 comments as of Friday morning.", post, false, KindFigure},
		{"counts kept", "The post had been shared more than 4,300 times and drew over 150 comments as of Friday morning.", post, true, ""},
		{"measures", "The epicenter was about 13 kilometers (8 miles) from Ode, at a depth of 10 kilometers (6.2 miles).", "The epicenter was about 13 kilometers (8 miles) from Ode, at a depth of 10 kilometers (6.2 miles).", true, ""},
	})
}

// TestCountedCompoundHead: a figure counts the head of the compound after
// it ("10 million vaccine doses" counts doses), so a sentence's "10 million
// doses" is the passage's, though another passage it cites gives "5
// million doses"; and a count given to the head of another figure's
// compound ("300 doses" where the passage gives 300 flu shots and 120
// vaccine doses) is dropped.
func TestCountedCompoundHead(t *testing.T) {
	made := Source{Text: "The administration has made 10 million vaccine doses available for Tarrow clinics to pre-order, a fact sheet said."}
	asked := Source{Text: "Of the initial 5 million doses available for pre-order, the administration has received requests for 2.3 million doses."}
	clinic := Source{Text: "The Tarrow clinic gave 300 flu shots and 120 vaccine doses on Monday."}
	for _, tt := range []struct {
		sentence string
		sources  []Source
		ok       bool
	}{
		{"The administration has made 10 million doses available for pre-order, and of the initial 5 million it has received requests for 2.3 million.", []Source{made, asked}, true},
		{"The Tarrow clinic gave 300 doses on Monday.", []Source{clinic}, false},
		{"The Tarrow clinic gave 120 doses on Monday.", []Source{clinic}, true},
	} {
		if r := Check(tt.sentence, tt.sources...); r.OK() != tt.ok {
			t.Errorf("%q: got %s %s %q, want ok=%v", tt.sentence, r.Verdict, r.Kind, r.Reason, tt.ok)
		}
	}
}

// TestHyphenedFigureCountsItsHead: a figure hyphened to its noun ("a
// 60-goal scorer") modifies the compound's head, so a passage that counts
// scorers ("the first 60-scorer") gives it, though it counts goals
// elsewhere; a count moved to another noun is still caught.
func TestHyphenedFigureCountsItsHead(t *testing.T) {
	p := "Ardel forward Mira Sold is the league's first 60-scorer since 2012 and three others have 50 goals."
	runCases(t, KindFigure, []ruleCase{
		{"the compound's head", "The league's first 60-goal scorer since 2012 is Ardel forward Mira Sold, while three others have 50 goals.", p, true},
		{"a count moved", "Mira Sold has 60 goals.", "Mira Sold has 50 goals and 60 assists.", false},
	})
}
