package answer

import (
	"github.com/coveragebot/coveragebot/rag"
	"strings"
	"testing"
)

// TestSpeakerNamedByDescription: "what did X say" is answered by the
// sentence in which X speaks, though it calls X "the Dutch prime minister"
// and another sentence names X without quoting X.
func TestSpeakerNamedByDescription(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Dutch Prime Minister Anneke Vos and the Belgian premier sat beside Greta Lind at the harbour summit in Antwerp. "+
			"Reporters waited outside the hall while the leaders of the port cities talked for two hours. "+
			"The Dutch prime minister said in a post on X “Rotterdam is ready to share its dredging fleet” and that the ports would keep working together.",
	))
	q := "what did vos say about rotterdam"
	// A rare name weighs more than a word most passages hold: without the
	// speaker's credit, the sentence that quotes Vos covers too little of
	// the question to answer it.
	idf := func(term string) float64 {
		if term == "vos" {
			return 3
		}
		return 0.3
	}
	ans := Extractive(q, hits, ExtractiveOptions{IDF: idf})
	if ans.Abstained || !strings.Contains(ans.Text, "ready to share its dredging fleet") {
		t.Errorf("%q: %q, want the Dutch prime minister's words", q, ans.Text)
	}
}

// TestQuotationRunsIntoTheNextPassage: a quotation that opens in one
// passage and runs on into the next is the speaker's in both, when
// retrieval found the passage where it opens.
func TestQuotationRunsIntoTheNextPassage(t *testing.T) {
	passages := passagesFrom(t,
		"The harbour board met on Monday. Councillor Ilse Brandt, who chairs the transport committee, said: “The ferry contract cannot be signed this year.",
		"“It leaves every island village at risk of losing its winter crossings.” The board will vote again in March.",
	)
	hits := hitsOf(passages)
	// The later passage first, as retrieval may rank it.
	hits[0], hits[1] = hits[1], hits[0]
	q := "what did brandt say about the island villages"
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "every island village at risk") {
		t.Errorf("%q: %q, want Brandt's words from the second passage", q, ans.Text)
	}
}

// TestSpokenAboutInOtherWords: what X said about Y must name Y's names,
// but the asker's other words may be put another way.
func TestSpokenAboutInOtherWords(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Councillor Ilse Brandt said the harbour board would continue working with the island villages on a winter timetable. Piet Ode, the board's chair, was not available."))
	q := "what did brandt say the board would keep doing"
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "continue working") {
		t.Errorf("%q: %q, want Brandt's words", q, ans.Text)
	}
	q = "what did brandt say about ode"
	if ans := Extractive(q, hits, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("%q: %q, want an abstention: Brandt says nothing of Ode", q, ans.Text)
	}
}

// TestSpeakersPronounIsInTheirWords: in "They discussed …, aide X said",
// X is named as the speaker, so "They" is in X's words and stands for
// what the sentence just before names; a name further back is not.
func TestSpeakersPronounIsInTheirWords(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Governor Ann Sorel opened the new harbour wall on Sunday. "+
			"The next day the envoy Jan Mills held talks with the mayor of Tarrow at the town hall. "+
			"They discussed “a new ferry link between the two ports”, harbour aide Piet Dekker said."))
	checkAnswers(t, hits, "what did the harbour aide say about the mills talks", "new ferry link")
	checkAbstains(t, hits, "what did dekker say about sorel")
}

// TestSpokenAboutTwoNames: what X said about "A joining B" is in X's words
// that name A and B, however they word the joining; about one name and a
// word X's words lack, it is not.
func TestSpokenAboutTwoNames(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The envoy Jan Mills said on Thursday that Ostmark membership for Tarrow was still “on the table”."))
	checkAnswers(t, hits, "what did mills say about tarrow joining ostmark", "on the table")
	checkAbstains(t, hits, "what did mills say about tarrow leaving the league")
}

// TestSpeakerInAppositionAndCountryInWords: the one named in an apposition
// between a subject and its verb of saying speaks ("One of the mayors on
// the call, Mayor Lena Ortiz, said"), and a country the question names by
// its adjective is held by X's words that name it ("russian gas" by "gas
// from Russia").
func TestSpeakerInAppositionAndCountryInWords(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The mayors spoke on Monday. One of the mayors on the call, Mayor Lena Ortiz, said the harbour would stay open all winter.",
		"In a call with the mayors on Monday, the minister discussed ways to limit Russian gas purchases. Councillor Odile Hale said Europe cannot heat its schools without gas from Russia this winter."))
	ans := Extractive("what did lena ortiz say about the harbour", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "would stay open all winter") {
		t.Errorf("the speaker in apposition: %q", ans.Text)
	}
	ans = Extractive("what did hale say about europe cutting off russian gas", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "without gas from Russia") {
		t.Errorf("the country in the speaker's words: %q", ans.Text)
	}
}

// TestSpeakerCallsByNameAndSurname: "called X “a …”" reports what the
// speaker said of X though a quotation mark opens the description, and
// what X is said about is named by the last word of its name ("Newton-John"
// for "olivia newton-john").
func TestSpeakerCallsByNameAndSurname(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Fans around the world mourned Olivia Newton-John on Monday. Councillor Odile Hale led the tributes in the town, where she grew up. "+
			"In a tweet, Mayor Lena Ortiz called Newton-John \"a big part of the town's soundtrack.\" The town hall said she was kind."))
	ans := Extractive("what did lena ortiz say about olivia newton-john", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "a big part of the town") {
		t.Errorf("Ortiz's words on Newton-John: %q", ans.Text)
	}
	// The verb of saying is "called", though a quotation mark opens what
	// follows it: the speech, and what it is about, start there.
	sentence := `Mayor Lena Ortiz called Newton-John "a big part of the town's soundtrack."`
	if loc := reportedSpeech.FindStringIndex(sentence); loc == nil || !strings.HasPrefix(sentence[loc[0]:], "called") {
		t.Errorf("the speech of %q starts at %v", sentence, loc)
	}
	// Two names side by side are two: Ortiz's words name Newton-John, not
	// Hale.
	ans = Extractive("what did lena ortiz say about odile hale and olivia newton-john", hits, ExtractiveOptions{})
	if !ans.Abstained {
		t.Errorf("Ortiz said nothing of Hale, yet: %q", ans.Text)
	}
}

// TestSpokenAboutTheHeadline'sName: X's words on "a ferry deal for Odile
// Hale" need not name Hale when the article's headline does and X's words
// hold the rest; asked about Hale alone, X's words must name her.
func TestSpokenAboutTheHeadlinesName(t *testing.T) {
	hits := []rag.Hit{{Passage: rag.Passage{ID: "a#0", ArticleID: "a", Title: "Odile Hale: Tarrow open to a ferry deal for the jailed skipper",
		Text: "The skipper, Odile Hale, was sentenced on Thursday. Mayor Lena Ortiz said the town was ready to discuss a ferry deal, but only in private talks."}}}
	ans := Extractive("what did lena ortiz say about a ferry deal for odile hale", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "ready to discuss a ferry deal") {
		t.Errorf("the headline's name: %q", ans.Text)
	}
	ans = Extractive("what did lena ortiz say about odile hale", hits, ExtractiveOptions{})
	if !ans.Abstained {
		t.Errorf("Ortiz said nothing of Hale herself, yet: %q", ans.Text)
	}
}
