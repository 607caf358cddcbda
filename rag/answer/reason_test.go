package answer

import (
	"strings"
	"testing"
)

func TestDemonstrativeSubject(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"This puts every harbour village at risk.", true},
		{"“That was the last straw,” she said.", true},
		{"But this means the ferry will stop.", true},
		{"This week the council voted.", false}, // a determiner before a noun
		{"Those shelves are empty.", false},
		{"The council voted.", false},
	} {
		if got := demonstrativeSubject(tc.sentence); got != tc.want {
			t.Errorf("demonstrativeSubject(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

func TestPronounSubjectAfterPhrase(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"In a post on his website, he said there was no reason to wait.", true},
		{"She said the vote was rigged.", true},
		{"And they left.", true},
		{"In a post on his website, the mayor said so.", false},
		{"The mayor said he would wait.", false},
	} {
		if got := pronounSubjectAfterPhrase(tc.sentence); got != tc.want {
			t.Errorf("pronounSubjectAfterPhrase(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestReasonInTheNeighbouringSentence: a "why" answer whose best sentence
// only states what is asked about brings the sentence beside it that gives
// the reason: the one a demonstrative subject points back to, even across
// a passage boundary, or the next one when it carries on with a pronoun.
func TestReasonInTheNeighbouringSentence(t *testing.T) {
	passages := passagesFrom(t,
		"Councillor Ilse Brandt spoke after the vote. She said the board had sold the last ferry to a private operator.",
		"This puts every island village at risk of losing its winter crossings. The board meets again in March.",
	)
	for i := range passages {
		passages[i].Title = "Brandt warns over the ferry sale"
	}
	hits := hitsOf(passages)
	q := "why does brandt think the island villages are at risk"
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "sold the last ferry") {
		t.Errorf("%q: %q, want the sentence that gives the cause", q, ans.Text)
	}

	hits = hitsOf(passagesFrom(t,
		"The mayor said he doubted the operator's willingness to keep the ferry running after the vote on Tuesday. "+
			"In a post on his website, he said there was no reason for the operator to cut the winter timetable. "+
			"The board meets again in March."))
	q = "why does the mayor doubt the operator wants to keep the ferry running"
	ans = Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "no reason for the operator") {
		t.Errorf("%q: %q, want the sentence that gives the reason", q, ans.Text)
	}
}

// TestExplanationAfterTheClaim: a "why" answer none of whose sentences
// gives a reason states the claim asked about, and the sentence after it
// explains it; "after weeks of…" measures time and is no reason.
func TestExplanationAfterTheClaim(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"After weeks of the mayor overruling the harbour board, the island council is finally pushing back. "+
			"Closing the winter ferry route is a red line for councillors who rely on the crossings.",
		"Fishermen in the harbour complained about the cost of berths."))
	// The sentence that explains the claim.
	checkAnswers(t, hits, "why is the island council finally pushing back on the mayor", "red line")
}

func TestReasonSubject(t *testing.T) {
	for _, tc := range []struct {
		question string
		want     string
	}{
		{"why would building a bridge matter so much for the island", "build bridge"},
		{"why is the island council finally pushing back", "island council"},
		{"why did brandt leave so soon", "brandt"},
		{"why did brandt leave the board", ""}, // the verb cannot be told from the subject
		{"why the bridge", ""},                 // no auxiliary
		{"how would a bridge matter", ""},      // no "why"
		{"why would the bridge", ""},           // no verb after it
	} {
		if got := strings.Join(reasonSubject(tc.question), " "); got != tc.want {
			t.Errorf("reasonSubject(%q) = %q, want %q", tc.question, got, tc.want)
		}
	}
}

// TestReasonFromTheSentenceAboutTheSubject: a "why" question about what
// something would do is answered by the sentence that has it for its
// subject, not by one that names it further on in what it says of
// something else.
func TestReasonFromTheSentenceAboutTheSubject(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The island is still on a long path to building a bridge, the mayor has told the council.",
		"The vote came a day after the governor said he saw no way of building a bridge to the island.",
		"The harbour board has said it opposes building a bridge to the island this decade.",
		"The council met on Friday. Building a bridge – which the ferry firm opposes – would be the only lasting link for the island."))
	// The sentence whose subject is the bridge's building.
	checkAnswers(t, hits, "why would building a bridge matter so much for the island", "only lasting link")
}
