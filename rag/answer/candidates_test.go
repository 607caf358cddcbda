package answer

import (
	"strings"
	"testing"
)

func TestTimeAndFigureCandidates(t *testing.T) {
	none := map[string]bool{}
	if k := kindOf("How soon will the new ferry enter service?"); k != kindDate {
		t.Errorf("how soon: kind %v, want kindDate", k)
	}
	for _, s := range []string{
		"The operator says the ferry could sail as early as next week.",
		"Tickets go on sale in Sept. with the first crossings.",
		"The council expects a decision within days.",
		"Crews will be back tomorrow.",
	} {
		if !kindDate.newCandidate(s, none) {
			t.Errorf("no time found in %q", s)
		}
	}
	// "this week" asked about is no answer to when.
	if kindDate.newCandidate("The ferry sailed this week.", map[string]bool{"week": true, "this": true}) {
		t.Error("the question's own time counted")
	}
	if kindNumber.newCandidate("Thousands of passengers were stranded at the port.", none) {
		t.Error("an indefinite plural magnitude counted as a figure")
	}
	if !kindNumber.newCandidate("About 3 thousand passengers were stranded.", none) || !kindNumber.newCandidate("Some 2 million tickets were sold.", none) {
		t.Error("a figure with its magnitude was missed")
	}
	if got := answerSpan(kindNumber, "Millions of tickets, 2 million in all, were refunded.", none); !strings.HasPrefix(got, "2") {
		t.Errorf("span %q, want the figure", got)
	}
}

// TestExtractiveLeavesOutFollowersWithoutAnAnswer: once the best sentence
// names an operator, a sentence on the topic that names none does not join
// the answer, nor drag in the rival named after it.
func TestExtractiveLeavesOutFollowersWithoutAnAnswer(t *testing.T) {
	q := "Which ferry operator won the island contract?"
	hits := hitsOf(passagesFrom(t,
		"Harbour news. Island Link won the island ferry contract on Monday, the council said.",
		"Tender results. The ferry contract for the island route was won after a long and bitter tender process lasting two years. Rival bidder Seaway Ferries called the process unfair.",
	))
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "Island Link") {
		t.Fatalf("answer %q lacks the company", ans.Text)
	}
	if strings.Contains(ans.Text, "Seaway") || strings.Contains(ans.Text, "bitter") {
		t.Errorf("answer %q carries a sentence without an answer, and the rival after it", ans.Text)
	}
}

// TestKindFromTheHeadNounsClass: a "which …" head noun that kindHeads does
// not list is read by its class in WordNet.
func TestKindFromTheHeadNounsClass(t *testing.T) {
	for _, tc := range []struct {
		question string
		want     answerKind
	}{
		{"Which rapper headlined the festival?", kindPerson},           // noun.person
		{"Which squad topped the table?", kindPerson},                  // noun.group
		{"Which district did the storm hit first?", kindPlace},         // noun.location
		{"Over what period were the flights cancelled?", kindDuration}, // noun.time, an extent
		{"For what period will the bridge stay shut?", kindDuration},   // noun.time, an extent
		{"Which holiday did the city celebrate this week?", kindName},  // noun.time, but named
		{"Which vegetable saw the sharpest price rise?", kindName},     // any other noun
	} {
		if got := kindOf(tc.question); got != tc.want {
			t.Errorf("kindOf(%q) = %v, want %v", tc.question, got, tc.want)
		}
	}
}

// TestIndefiniteDurationIsACandidate: "the last few days" answers "over
// what period", as "the last two days" would, and so does a bare plural
// unit after a preposition that measures a span ("for days"); a unit that
// places an event in time ("days ago") or that the question gives ("for
// how many days") does not.
func TestIndefiniteDurationIsACandidate(t *testing.T) {
	q := map[string]bool{"period": true, "flight": true}
	for _, s := range []string{
		"Flights have been grounded over the last few days.",
		"Flights have been grounded for several weeks.",
		"Flights were grounded for days.",
		"After months of delays, the flights resumed.",
	} {
		if !kindDuration.newCandidate(s, q) {
			t.Errorf("no duration found in %q", s)
		}
	}
	if kindDuration.newCandidate("Flights were grounded days ago.", q) {
		t.Error("a time in the past counted as a duration")
	}
	if kindDuration.newCandidate("Flights were grounded for days.", map[string]bool{"flight": true, "day": true}) {
		t.Error("the question's own unit counted as a duration")
	}
	if kindDate.newCandidate("Flights were grounded for days.", q) {
		t.Error("a bare unit counted as a date")
	}
}

// TestNameThatOpensASentence: a sentence's first word is a name when it is
// no word WordNet knows and no stop word.
func TestNameThatOpensASentence(t *testing.T) {
	q := map[string]bool{"singer": true, "residency": true}
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"Adele is returning to the city.", true},
		{"Adele city residency new dates", true}, // a headline read from a URL slug
		{"After the vote, the singer left the city.", false},
		{"Dry weather kept the singer at home.", false},
		{"She will open the residency in December.", false},
	} {
		if got := kindPerson.newCandidate(tc.sentence, q); got != tc.want {
			t.Errorf("newCandidate(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestPartOfTheDayIsATime: "early morning" answers "what time of day", as
// "overnight" does; a part of the day alone is no answer.
func TestPartOfTheDayIsATime(t *testing.T) {
	q := map[string]bool{"call": true, "time": true}
	for _, s := range []string{"The mayor's early morning call with the governor was brief.", "They spoke late-night, aides said."} {
		if !kindDate.newCandidate(s, q) {
			t.Errorf("no time found in %q", s)
		}
	}
	if kindDate.newCandidate("The morning call with the governor was brief.", q) {
		t.Error("a bare part of the day counted as a time")
	}
}
