package quote_test

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// personQuotes returns the quotations Extract gives to a person as their
// own words, as speaker and text.
func personQuotes(body string) [][2]string {
	var out [][2]string
	for _, q := range quote.Extract(rag.Article{ID: "p", Text: body}) {
		if !q.NotPerson && q.Speaker != "" && q.Relayer == "" {
			out = append(out, [2]string{q.Speaker, q.Text})
		}
	}
	return out
}

// Attribution precision: readings that would give words to the wrong
// person, each in sentences written for this test.
func TestExtractPrecisionCases(t *testing.T) {
	tests := []struct {
		name string
		body string
		want [][2]string
	}{
		// A relative clause on "which" makes its antecedent a thing,
		// however person-like its description.
		// The surname-like word alone later is no evidence against it.
		{"which-clause makes a company", "Hollis Grant, which owns the mill, told reporters the plan was \"dead.\" Grant is based in Ohio.",
			nil},
		{"who-clause keeps a person", "Hollis Grant, who owns the mill, told reporters the plan was \"dead.\" Grant is based in Ohio.",
			[][2]string{{"Hollis Grant", "dead."}}},
		// A pronoun between two people the article gives no gender,
		// when the quotation speaks of someone of the other gender.
		{"pronoun between two ungendered people", "Mayor Ada Lund met Governor Tom Reece on Monday.\n\n\"She has done a great job,\" he said.",
			nil},
		{"pronoun with one candidate stays", "Mayor Ada Lund met the press on Monday.\n\n\"He has done a great job,\" she said.",
			[][2]string{{"Ada Lund", "He has done a great job,"}}},
		{"pronoun whose quotation names no other gender stays with the subject", "Mayor Ada Lund met Governor Tom Reece on Monday.\n\n\"It was a good talk,\" she said.",
			[][2]string{{"Ada Lund", "It was a good talk,"}}},
		// An object pronoun in a name's own sentence is someone else
		// (a personal pronoun is not bound in its own clause), so it
		// says nothing of the name's gender: "related to her" does not
		// make Marsh a woman whom "he added" must pass over.
		{"object pronoun beside a name is someone else", "Ada Lund was sworn in by Mayor Tom Reece in 2019. She was endorsed by a longtime rival, Ivo Marsh, who happened to be related to her by marriage.\n\n\"I know her work well,\" Marsh said. \"Nobody is better prepared.\"\n\n\"Our views differ, but her record speaks for itself,\" he added.",
			[][2]string{{"Ivo Marsh", "I know her work well,"}, {"Ivo Marsh", "Nobody is better prepared."}, {"Ivo Marsh", "Our views differ, but her record speaks for itself,"}}},
		// In the next sentence an object pronoun may be the name's again,
		// and still tells its gender.
		{"object pronoun in the next sentence still counts", "Ivo Marsh gave evidence for an hour. The committee thanked him.\n\nMarsh then met Mayor Ada Lund.\n\n\"It went well,\" she said.",
			[][2]string{{"Ada Lund", "It went well,"}}},
		// A reporting clause set off after a name, whose subject is a
		// role and a name ("…, their daughter Lena Marsh said"), is no
		// appositive of the name before it with its closing comma left
		// out: the second name is the speaker.
		{"role and name after a comma is the subject", "Among those who lost their home were Ada and Ivo Marsh, their daughter Lena Marsh said, telling reporters her parents were left with \"nothing but the car.\"\n\n\"It is hard to see,\" she said.",
			[][2]string{{"Lena Marsh", "nothing but the car."}, {"Lena Marsh", "It is hard to see,"}}},
		{"role and name after a comma is the subject, one name before", "The house belonged to Ivo Marsh, his neighbour Tom Reece said, adding that it was \"a landmark.\"",
			[][2]string{{"Tom Reece", "a landmark."}}},
		// A title of capitalised words is still an appositive.
		{"title after a name stays an appositive", "\"We will miss him,\" Ada Lund, Harbour Festival Director said in a statement.",
			[][2]string{{"Ada Lund", "We will miss him,"}}},
		// A surname alone is the person whose surname it is, not one
		// whose middle name it is; a given name alone still finds its
		// full name.
		{"a surname alone is not another's middle name", "Critic Ada Reece Lund reviewed the book last week.\n\nIn a memo, House leader Tom Reece said that \"the voters have spoken.\"\n\n\"Americans want new leaders,\" added Reece, who would become Speaker.",
			[][2]string{{"Tom Reece", "the voters have spoken."}, {"Tom Reece", "Americans want new leaders,"}}},
		{"a given name alone finds its full name", "Paula Reece said she was sorry. Whether Paula knew was not asked.\n\n\"Forgive me,\" Paula said.",
			[][2]string{{"Paula Reece", "Forgive me,"}}},
		// Someone named only in a prepositional phrase ("a nod to Tom
		// Reece, who spoke …") is not whom the next sentence's pronouns
		// are about, so they give that person no gender, and a
		// relative clause on them is no antecedent a later pronoun takes
		// over the people the text is about.
		{"a person in a prepositional phrase takes no pronoun", "\"No seat is worth more than the principles,\" Ada Lund said.\n\nShe did not answer the question on Tuesday night. But overnight, her campaign filed papers for a committee called \"The Great Task\" – a nod to Tom Reece, who spoke in Millbrook of the \"great task\" facing the town. And on Wednesday morning, she told a radio show that she is \"thinking about\" running and will decide in \"the coming months.\"",
			[][2]string{{"Ada Lund", "No seat is worth more than the principles,"}, {"Tom Reece", "great task"}, {"Ada Lund", "thinking about"}, {"Ada Lund", "the coming months."}}},
		{"a relative clause on a person in a prepositional phrase is in passing", "Ada Lund, up for best actress in Tom Reece's play, spoke with Reece, who is also nominated, about the audience. \"Mr. Reece calls me a ham, but so is he,\" she joked.",
			[][2]string{{"Ada Lund", "Mr. Reece calls me a ham, but so is he,"}}},
		// The agent of a passive is the doer a later pronoun may mean.
		{"a passive's agent is a subject for a pronoun", "Mayor Tom Reece spoke first.\n\nThe worry was echoed by Governor Ivo Sand in May, when he said the bridge was \"unsafe.\"",
			[][2]string{{"Ivo Sand", "unsafe."}}},
		// The quotation after "asked her what …" is the answer, the
		// words of the one asked, never the asker's; a request ("asked
		// the board to …") or a question with no one asked ("asked if
		// …") leaves the asker's words to the rule before.
		{"an answer after a reported question is not the asker's", "Tom Reece spoke to reporters on Monday. Reece asked Ada Lund what she had seen.\n\n\"I saw the whole thing.\"",
			nil},
		{"a one-word answer after a reported question", "\"We are leaving,\" Tom Reece said.\n\nAda Lund ran to him. Reece asked her if her mother would really hurt her.\n\n\"Yes.\"",
			[][2]string{{"Tom Reece", "We are leaving,"}}},
		{"a request keeps the asker's words", "Mayor Tom Reece said the vote was close. He asked the board to wait.\n\n\"We need one more week.\"",
			[][2]string{{"Tom Reece", "We need one more week."}}},
		{"a question with no one asked keeps the asker's words", "Mayor Tom Reece said the vote was close. He asked if the board could wait.\n\n\"We need one more week.\"",
			[][2]string{{"Tom Reece", "We need one more week."}}},
		// A surname alone is the person the article introduced first with
		// it, not whoever bears it in the longest name (a son named in
		// full late in his father's obituary).
		{"a surname is the first person introduced with it", "Ivo Marsh, the painter, died on Sunday at 88.\n\n\"I never painted for money,\" Mr. Marsh said in 2001.\n\nHis son, Tobias Lee Marsh, ran the gallery for a decade. \"He kept working until the end,\" Tobias Lee Marsh said.\n\n\"I painted what I saw,\" Mr. Marsh told an interviewer in 1990.",
			[][2]string{{"Ivo Marsh", "I never painted for money,"}, {"Tobias Lee Marsh", "He kept working until the end,"}, {"Ivo Marsh", "I painted what I saw,"}}},
		// A courtesy title on the surname passes over someone introduced
		// before whose own mention says the other gender.
		{"a courtesy title passes over the other gender", "Mrs. Ada Lee Marsh opened the gallery in 1970 with her brother-in-law, Ivo Marsh.\n\n\"We had no money at all,\" Mr. Marsh said.",
			[][2]string{{"Ivo Marsh", "We had no money at all,"}}},
		// An auxiliary opening a question is glued to the name after it
		// by capitals, and is no given name.
		{"a question's auxiliary is no given name", "Was Ivo Marsh right to resign? Many in the party think so.\n\n\"I would do it again,\" Marsh said.",
			[][2]string{{"Ivo Marsh", "I would do it again,"}}},
		// A name that is one of several alternatives is no one person a
		// singular pronoun can mean.
		{"a name joined by or is no antecedent", "Ada Lund has not said whether she will visit the base. General Tom Reece would not comment on Lund's plans.\n\nIf Lund or anyone else decides to travel, he said, \"we will keep them safe.\"",
			[][2]string{{"Tom Reece", "we will keep them safe."}}},
		// A name that only determines a noun of a person ("Marsh's
		// daughter") is not whom the pronouns after it in its sentence
		// mean: they say nothing of Marsh's gender.
		{"a possessor is not the pronouns' antecedent", "Ivo Marsh denied the report on Monday. In June, Marsh's daughter asked a court to change her name, saying she no longer wished to be related to her father.\n\nIn a later post, Marsh, the mill's owner, said he and Tom Reece were still friends.\n\n\"We had dinner together last night,\" he added.",
			[][2]string{{"Ivo Marsh", "We had dinner together last night,"}}},
		// A family name that also opens the name of a building or a firm
		// ("Lund Plaza") is still the surname of the person named inside
		// a sentence; a word glued to a name at a sentence's start
		// ("Whether Ivo") makes no surname.
		{"a surname that also opens a building's name", "The council met at Lund Plaza on Monday. The meeting was opened by Mayor Ada Lund of Millbrook.\n\n\"We have work to do,\" Lund said.",
			[][2]string{{"Ada Lund", "We have work to do,"}}},
		// A title with a subtitle after a colon is a name, not words of
		// the person whose sentence it stands in.
		{"a title with a subtitle", "Actor Ivo Marsh, who appeared on \"Harbour Lights: The Return,\" said the part was \"a gift.\"",
			[][2]string{{"Ivo Marsh", "a gift."}}},
		{"a long title with a subtitle", "Most soldiers wrote home every week, said Ada Lund, author of \"A Long Road Home: Letters From the Front Line.\"",
			nil},
		// A title opening a sentence and premodifying a noun of a person
		// ("“…” actor Ivo Marsh") is a name; a comma inside the closing
		// mark sets words said apart from their attribution instead.
		{"a title before a role noun", "\"Harbour Lights\" actor Ivo Marsh said the show had \"changed everything.\"",
			[][2]string{{"Ivo Marsh", "changed everything."}}},
		{"words said before a role noun", "\"Huge Relief,\" coach Ivo Marsh said.",
			[][2]string{{"Ivo Marsh", "Huge Relief,"}}},
		{"gender evidence settles the pronoun", "Mayor Ada Lund met Governor Tom Reece on Monday. Ms. Lund was late.\n\n\"She has done a great job,\" he said.",
			[][2]string{{"Tom Reece", "She has done a great job,"}}},
		// A surname alone that two people of the article share: the principal,
		// named first and called by the surname, keeps it when a relative is named
		// in full beside them; a roundup's or a long story's later section that
		// introduces the second person in full and then uses the surname alone
		// means the person just named. Initials the name finder does not take
		// ("CJ") make a full name, not a surname alone; a preposition opening a
		// sentence is no given name.
		{"a later section's namesake",
			"Former Governor Tom Perry texted the aide in November about the count.\n\nThe committee heard from several witnesses on Tuesday.\n\nIt spent the afternoon on the budget.\n\nIt also heard about the schools.\n\nIn December, the aide exchanged messages with Rep. Ada Perry of Ohio about the department.\n\nOn December 26, Perry texted the aide, \"Just checking in as time runs out.\"",
			[][2]string{{"Ada Perry", "Just checking in as time runs out."}}},
		{"a roundup's state sections",
			"Millbrook: Sen. Ivo Lund said the vote was close. \"We did what we could,\" Lund said.\n\nOakdale: A new bridge opened on Friday.\n\nRiverton: The school board met late.\n\nSpringfield: The fair was cancelled.\n\nHarbor City: Council member Sara Lund proposed a curfew on Monday. \"It is time to act,\" Lund said.",
			[][2]string{{"Ivo Lund", "We did what we could,"}, {"Sara Lund", "It is time to act,"}}},
		{"the principal keeps the surname beside a relative",
			"Ada Perry lost her primary on Tuesday. Perry had campaigned alone for weeks.\n\nHer closing advertisement featured her father, former Governor Tom Perry, calling the winner \"a puppet.\"\n\n\"That was a road I would not take,\" Perry said.",
			[][2]string{{"Tom Perry", "a puppet."}, {"Ada Perry", "That was a road I would not take,"}}},
		{"initials before the surname are a full name",
			"Christopher Ivo Lund, known as CJ, was 14. \"He loved golf,\" his mother Sara Lund said.\n\nCJ Lund died at 17. His parents sued the company.\n\n\"I wish I had hugged him,\" she said.",
			[][2]string{{"Sara Lund", "He loved golf,"}, {"Sara Lund", "I wish I had hugged him,"}}},
		{"a preposition is no given name",
			"Tom Hunt and Ada Marsh are running. Like Hunt, Marsh wants lower taxes.\n\n\"We will cut them,\" Hunt said.",
			[][2]string{{"Tom Hunt", "We will cut them,"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := personQuotes(tt.body)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quotation %d: got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// Words a court document or a report narrates are relayed by it.
func TestExtractMarksDocumentNarrationRelayed(t *testing.T) {
	for _, tt := range []struct{ body, speaker, relayer string }{
		{"Tom Reece told his neighbour to \"stay off the land\" three times last spring, according to the affidavit.", "Tom Reece", "the affidavit"},
		{"Ada Lund called the deal \"a mistake\" at a meeting in May, according to court records.", "Ada Lund", "court records"},
		{"Mayor Tom Reece was there. The affidavit says Reece told his neighbour to \"stay off the land\" three times.", "Tom Reece", "The affidavit"},
		{"Ada Lund called the deal \"a mistake\" at a meeting in May, according to a person close to her.", "Ada Lund", ""},
		{"Ada Lund called the deal \"a mistake,\" she said.", "Ada Lund", ""},
	} {
		got := quote.Extract(rag.Article{ID: "d", Text: tt.body})
		if len(got) != 1 || got[0].Speaker != tt.speaker || got[0].Relayer != tt.relayer {
			t.Errorf("%q: got %+v, want %q relayed by %q", tt.body, got, tt.speaker, tt.relayer)
		}
	}
}

// A capitalised word with a digit in it ("Covid-19") is no name, so it is
// never the "he" of the sentence it stands in.
func TestExtractNoNameHoldsADigit(t *testing.T) {
	body := "Visitors came to the National Covid-19 Memorial Wall in London.\n\n\"There are four other coronaviruses,\" Ivo Sand said. \"The history of infections\" shows that Covid-19 will be the fifth, he added."
	got := personQuotes(body)
	want := [][2]string{{"Ivo Sand", "There are four other coronaviruses,"}, {"Ivo Sand", "The history of infections"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A quotation whose closing mark is missing and whose last sentence holds
// the reporter's attribution is no earlier speaker's continuation.
func TestExtractLeavesSwallowedAttributionsUnattributed(t *testing.T) {
	body := "Mayor Ola Berg told reporters that aid was \"late.\"\n\n\"Four hundred people crossed the border this morning, Reece told reporters.\n\nThe border stays open."
	got := personQuotes(body)
	if len(got) != 1 || got[0] != [2]string{"Ola Berg", "late."} {
		t.Errorf("got %q, want only Ola Berg's \"late.\"", got)
	}
	// Left open with no attribution inside, the words are still hers.
	body = "Ola Berg spoke at noon.\n\n\"Four hundred people crossed the border this morning,\" she said. \"More will come.\n\nThe border stays open."
	if got := personQuotes(body); len(got) != 2 {
		t.Errorf("got %q, want both quotations given to Ola Berg", got)
	}
}

// "The official" is not a prime minister the article named: a role that speaks
// for others takes only someone given that very role.
func TestExtractTheOfficialIsNotThePresident(t *testing.T) {
	for _, tt := range []struct {
		body string
		want [][2]string
	}{
		{"Ada Lund, the prime minister, met other leaders on Tuesday.\n\n\"Food has been used as a weapon,\" the official said.", nil},
		{"Tom Reece, a State Department official, spoke on Tuesday. Reece was in Bonn.\n\n\"Food has been used as a weapon,\" the official said.",
			[][2]string{{"Tom Reece", "Food has been used as a weapon,"}}},
	} {
		got := personQuotes(tt.body)
		if len(got) != len(tt.want) || len(got) == 1 && got[0] != tt.want[0] {
			t.Errorf("%q: got %q, want %q", tt.body, got, tt.want)
		}
	}
}

// A name after "the" with no title is a body's ("the Indianapolis Star"),
// even when a word of it stands alone later as a surname would.
func TestExtractNoPersonNamedWithTheArticle(t *testing.T) {
	body := "On July 1, the Indianapolis Star reported that the state had \"outlawed any abortion after six weeks.\" Star editors stood by the story."
	if got := personQuotes(body); len(got) != 0 {
		t.Errorf("got %q, want no quotation given to a person", got)
	}
	// A title after the article keeps the person: "the Rev. Ada Lund".
	body = "On July 1, the Rev. Ada Lund said the state had \"outlawed any abortion after six weeks.\" Lund stood by it."
	if got := personQuotes(body); len(got) != 1 || got[0][0] != "Ada Lund" {
		t.Errorf("got %q, want the quotation given to Ada Lund", got)
	}
}

// A participle of saying after the main clause hangs from it, not from an
// adverbial clause the sentence opens with.
func TestExtractParticipleSkipsAFrontedClause(t *testing.T) {
	for _, body := range []string{
		"Mayor Tom Reece was there. After Ada Lund spoke on Monday, Reece walked out of the room, saying \"this is a farce.\"",
		"Mayor Tom Reece was there. Once Ada Lund reported the arrest, Reece thanked the police, adding, \"we are glad.\"",
	} {
		got := personQuotes(body)
		if len(got) != 1 || got[0][0] != "Tom Reece" {
			t.Errorf("%q: got %q, want the quotation given to Tom Reece", body, got)
		}
	}
}

// The last-resort reading of "he" or "she", past every speaker and
// subject in reach, takes only someone the article shows to be a person of
// that gender or gives a title or a role: a capitalised run with neither
// may be a place, and the words are then given to no one, not even as a
// body's.
func TestExtractLastResortPronounNeedsAPerson(t *testing.T) {
	place := "The festival opened at Millbrook Beach Park on Saturday.\n\nThree songs in, she thanked the crowd for coming.\n\n\"It means so much to my heart,\" she said."
	for _, q := range quote.Extract(rag.Article{ID: "p", Text: place}) {
		if q.Speaker != "" {
			t.Errorf("%q given to %q (not a person: %v), want no one", q.Text, q.Speaker, q.NotPerson)
		}
	}
	titled := "The festival was opened by Mayor Ada Lund on Saturday.\n\nThree songs in, she thanked the crowd for coming.\n\n\"It means so much to the town,\" she said."
	got := personQuotes(titled)
	if len(got) != 1 || got[0][0] != "Ada Lund" {
		t.Errorf("got %q, want the quotation given to Ada Lund", got)
	}
}

// A pronoun that is the subject of a relative clause on "in which" whose
// antecedent a person owns (a possessive, or their name as a modifier)
// means that person, not the last speaker.
func TestExtractRelativeClauseOwner(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"possessive antecedent", "Former President Tom Reece spoke on Monday. Mayor Ada Lund answered questions.\n\nThe panel asked Lund about Reece's Dec. 19 post in which he told supporters to \"come early.\"", "Tom Reece"},
		{"possessive antecedent with a phrase", "Senator Ivo Marsh pressed the nominee. Marsh called attention to Governor Tom Reece's remark in May in which he said he wanted \"a fighter on the bench.\"", "Tom Reece"},
		{"name as a modifier", "Former President Tom Reece lost the vote.\n\n\"It is a lie,\" Mayor Ada Lund tweeted in response to a Reece statement in which he again said the count was \"rigged.\"", "Tom Reece"},
		{"no owner: the last speaker", "Former President Tom Reece lost the vote.\n\nMayor Ada Lund gave a speech in which she said the count was \"fair.\"", "Ada Lund"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := personQuotes(tt.body)
			if len(got) == 0 || got[len(got)-1][0] != tt.want {
				t.Errorf("got %q, want the last quotation given to %q", got, tt.want)
			}
		})
	}
}

// A sentence that opens with "Her" or "His" speaks of the person named
// before, and so do its later pronouns of that gender: they give no gender
// to the person the sentence names in a possessive.
func TestExtractOpeningPossessiveKeepsItsPronouns(t *testing.T) {
	body := "Mayor Ada Lund lost her seat on Tuesday.\n\nHer refusal to accept Governor Tom Reece's false claims about the count has put her at odds with her party and cost her the support of her donors.\n\nThe governor gave a statement in which he again said the count was \"a fraud.\""
	got := personQuotes(body)
	if len(got) != 1 || got[0][0] != "Tom Reece" {
		t.Errorf("got %q, want the quotation given to Tom Reece", got)
	}
}

// With no evidence in the article, a given name that one sex alone bears
// rules out the other pronoun: "she" after "Mayor Peter Marsh and Chief Sara Lund" is
// Sara Lund. A given name is no evidence that a name is a person's, and a
// company's legal form ends no person's name.
func TestExtractGivenNameGender(t *testing.T) {
	got := personQuotes("Mayor Peter Marsh and Chief Sara Lund spoke at the meeting on Monday.\n\n\"It went well,\" she said.")
	if len(got) != 1 || got[0][0] != "Sara Lund" {
		t.Errorf("got %q, want the quotation given to Sara Lund", got)
	}
	if got := personQuotes("Ford Motor Co. is recalling 9,000 cars.\n\n\"The driver gets no warning,\" Ford said in its filing."); len(got) != 0 {
		t.Errorf("got %q, want no person's quotation", got)
	}
}

// A run of three capitalised words or more that ends in a noun of a body,
// a place or a thing after an adjective or a common noun is an
// institution's name, not a person's; a surname after an initial stays a
// person's.
func TestExtractInstitutionNamesAreNoPeople(t *testing.T) {
	for _, body := range []string{
		"Sitting at the bar last week, the head Millbrook High School basketball coach praised the town.\n\n\"There was nothing here ten years ago,\" he said.",
		"The talks were held at Millbrook Public Library on Monday.\n\n\"We made progress,\" she said.",
	} {
		for _, q := range personQuotes(body) {
			if strings.Contains(q[0], "Millbrook") {
				t.Errorf("%q: %q given to %q, an institution", body, q[1], q[0])
			}
		}
	}
	got := personQuotes("\"We share what we know,\" said Dr. Kee B. Park, a surgeon.")
	if len(got) != 1 || got[0][0] != "Kee B. Park" {
		t.Errorf("got %q, want the quotation given to Kee B. Park", got)
	}
}
