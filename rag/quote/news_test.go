package quote_test

import (
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// The failure kinds issue #19 found on unseen coverage, each in sentences
// written for this test.
func TestExtractOnNewsFailureKinds(t *testing.T) {
	type want struct{ speaker, text string }
	tests := []struct {
		name string
		body string
		want []want
	}{
		// Quotation marks of every style news prints.
		{"doubled apostrophes close", "\"The roof held,'' Nora Quist said.",
			[]want{{"Nora Quist", "The roof held,"}}},
		{"curly doubled apostrophes close", "“The roof held,’’ Nora Quist said.",
			[]want{{"Nora Quist", "The roof held,"}}},
		{"guillemets", "«We will continue», said Luc Armand.",
			[]want{{"Luc Armand", "We will continue"}}},
		{"low-high marks", "„Wir bleiben“, said Greta Vogel.",
			[]want{{"Greta Vogel", "Wir bleiben"}}},
		{"curly opened, straight closed", "“We lost the harvest,\" farmer Tilde Moen said.",
			[]want{{"Tilde Moen", "We lost the harvest,"}}},
		{"a closing mark misprinted as an opener", "“We rebuild,” Ana Brek said. ”Nobody leaves.”",
			[]want{{"Ana Brek", "We rebuild,"}, {"Ana Brek", "Nobody leaves."}}},
		{"straight marks, said after the name", `"We are ready," said Omar Reyes.`,
			[]want{{"Omar Reyes", "We are ready,"}}},
		// Continuations and runs over paragraphs.
		{"sentence after the attribution", `"The pumps failed," Ruth Lind said. "Nobody came for hours."`,
			[]want{{"Ruth Lind", "The pumps failed,"}, {"Ruth Lind", "Nobody came for hours."}}},
		{"paragraph after the attribution", "\"The pumps failed,\" Ruth Lind said Monday.\n\n\"Nobody came for hours.\"",
			[]want{{"Ruth Lind", "The pumps failed,"}, {"Ruth Lind", "Nobody came for hours."}}},
		{"an abbreviation in the attribution is no sentence", "\"The pumps failed,\" Ruth Lind told U.S. News on Monday.\n\n\"Nobody came for hours.\"",
			[]want{{"Ruth Lind", "The pumps failed,"}, {"Ruth Lind", "Nobody came for hours."}}},
		{"a narrated paragraph breaks the run", "\"The pumps failed,\" Ruth Lind said.\n\nThe city has not replied. Its engineers were on leave.\n\n\"Nobody came for hours.\"",
			[]want{{"Ruth Lind", "The pumps failed,"}}},
		// A span never crosses the reporter's words.
		{"two quotations around the attribution", `"We tried," Ivo Sand said, "and we failed."`,
			[]want{{"Ivo Sand", "We tried,"}, {"Ivo Sand", "and we failed."}}},
		// Names: titles before them, suffixes, hyphens, namesakes.
		{"institution and title before the name", `Bank Chair Elsa Marr said rates were "high enough."`,
			[]want{{"Elsa Marr", "high enough."}}},
		{"title phrase with of", `Secretary of Transport Hugo Lane said the line was "safe."`,
			[]want{{"Hugo Lane", "safe."}}},
		{"occupation before the name", `Economist Rosa Field called the figures "alarming."`,
			[]want{{"Rosa Field", "alarming."}}},
		{"a suffix is never a speaker", "Carl Rand Jr. runs the farm his father Carl Rand Sr. built.\n\n\"We stay,\" Rand said.",
			[]want{{"Carl Rand Jr", "We stay,"}}},
		{"hyphenated surname is one name", "Owners Mia Holt-Berg and Sam Holt spoke. \"It was time,\" Holt said.",
			[]want{{"Sam Holt", "It was time,"}}},
		{"bare surname shared by two goes to the one introduced first", "Senator Ada Crane won. Her father, Ben Crane, watched.\n\n\"This is yours,\" Crane told the crowd.",
			[]want{{"Ada Crane", "This is yours,"}}},
		{"a particle in the surname", "Dr. Ana de Souza, a physician, spoke first.\n\n\"Test early,\" de Souza said.",
			[]want{{"Ana de Souza", "Test early,"}}},
		{"a signature line", "\"Ships are safer in port.\"\n\n-- Harbour master Ivo Lind, speaking before the storm",
			[]want{{"Ivo Lind", "Ships are safer in port."}}},
		{"another verb of saying", `Councillor Eva Strand suggested that nobody "read the report."`,
			[]want{{"Eva Strand", "read the report."}}},
		// What is not a quotation.
		{"scare quotes", `Critics call the plan a "tax grab" and the "Blue Deal."`, nil},
		{"a title", `She starred in "Northern Lights" for six years.`, nil},
		{"a programme named in the attribution", `Sara Lunde told ABC's "Morning Desk" that she would run.`, nil},
		{"a programme name does not break a continuation", `"We knew," Sara Lunde said on "Morning Desk." "We acted."`,
			[]want{{"Sara Lunde", "We knew,"}, {"Sara Lunde", "We acted."}}},
		// Pronouns agree in gender, and mean the subject named nearer.
		{"she is not the man quoted before", "\"Rates stay,\" Tom Reece said.\n\nHis deputy, Anna Voss, disagreed. She has argued for cuts all year.\n\n\"We are late,\" she said.",
			[]want{{"Tom Reece", "Rates stay,"}, {"Anna Voss", "We are late,"}}},
		{"a role noun says the gender", "\"Rates stay,\" said Ana Brek, the chairwoman of the board.\n\nHer deputy, Kim Sato, the board's spokesman, disagreed.\n\n\"We are late,\" she said.",
			[]want{{"Ana Brek", "Rates stay,"}, {"Ana Brek", "We are late,"}}},
		{"a possessive opening a sentence is someone named before", "Ada Lund met reporters. Her rival, Tom Reece, smiled. \"We lost,\" Lund said.\n\n\"It was close,\" he said.",
			[]want{{"Ada Lund", "We lost,"}, {"Tom Reece", "It was close,"}}},
		{"the subject named since the last speaker", "\"It passed,\" Tom Reece said.\n\nSenator Rolf Aune had a different view.\n\n\"It is a mistake,\" he said.",
			[]want{{"Tom Reece", "It passed,"}, {"Rolf Aune", "It is a mistake,"}}},
		{"a pronoun subject carries the reference on", "\"We wait,\" Rosa Lind said.\n\nShe hopes to meet Governor Ada Moe and brief Ada Moe's staff.\n\n\"Nobody calls us,\" she added.",
			[]want{{"Rosa Lind", "We wait,"}, {"Rosa Lind", "Nobody calls us,"}}},
		{"a name used as a modifier is not the subject", "Senator Rolf Aune spoke first.\n\n\"It worked,\" Tom Reece said.\n\nCritics say the Aune plan failed.\n\n\"We saw it,\" he said.",
			[]want{{"Tom Reece", "It worked,"}, {"Tom Reece", "We saw it,"}}},
		// A description takes up a person named before: the one the
		// article gave that role noun, else the subject it is about.
		{"the lawyer is the named lawyer", "Defence lawyer Pia Holm spoke after the hearing. The court sat for an hour.\n\n\"He was never there,\" the lawyer said.",
			[]want{{"Pia Holm", "He was never there,"}}},
		{"the lawyer from an appositive", "Pia Holm, his lawyer, left early. Judge Emil Berg stayed.\n\n\"He was never there,\" the lawyer said.",
			[]want{{"Pia Holm", "He was never there,"}}},
		{"a party description means the subject before", "Senator Mia Dahl, a Vermont Democrat, spoke first. But Senator Rolf Aune disagreed. The Ohio Republican told reporters: \"It is too soon.\"",
			[]want{{"Rolf Aune", "It is too soon."}}},
		// Organisations are not people.
		{"a firm named after a partner", `"The demand is modest," Ola Berg, a partner at the law firm Berg Lind Vale, said.`,
			[]want{{"Ola Berg", "The demand is modest,"}}},
		// Verbs of saying by WordNet's verb.communication file, in the past.
		{"a verb of saying from WordNet", `Coach Ivo Sand pleaded for "a little patience" from the fans.`,
			[]want{{"Ivo Sand", "a little patience"}}},
		// The quotation's own attribution outranks a narrating verb before it.
		{"attribution after the quotation wins", `They discussed "a ceasefire by spring", envoy Lars Tomm said.`,
			[]want{{"Lars Tomm", "a ceasefire by spring"}}},
		// A quotation opening its paragraph after someone's indirect speech
		// goes on with that speaker.
		{"after indirect speech", "Mayor Ada Lund said the city would appeal the ruling.\n\n\"We will not give up on this bridge.\"",
			[]want{{"Ada Lund", "We will not give up on this bridge."}}},
		{"narration breaks it", "Mayor Ada Lund said the city would appeal. The court closed at noon.\n\n\"We will not give up on this bridge.\"", nil},
		// Another official in the same paragraph keeps their own words.
		{"the other official named in the paragraph", "Mayor Ada Lund praised the plan on Monday. But Councillor Tom Reece said it was \"far too costly.\"",
			[]want{{"Tom Reece", "far too costly."}}},
		// A title and one name, with no fuller name: the title stays.
		{"a title and one name", "Pope Leo spoke in the square.\n\n\"Peace is possible,\" Leo said.",
			[]want{{"Pope Leo", "Peace is possible,"}}},
		// Suffixes: a title word before "Jr." is a surname, and the
		// suffix's full stop does not end the subject.
		{"a surname that is also a title", `Ana Brek worked with Tom King Jr., who called her "the engine of the campaign."`,
			[]want{{"Tom King Jr", "the engine of the campaign."}}},
		{"the elder and the younger of two namesakes", "Ben Crane Jr. took over the farm from his father, Ben Crane.\n\n\"I built it for him,\" the elder Crane said.\n\n\"He built it for me,\" the younger Crane said.",
			[]want{{"Ben Crane", "I built it for him,"}, {"Ben Crane Jr", "He built it for me,"}}},
		{"a suffix before the verb", "Carl Rand Jr. runs the farm.\n\n\"We stay,\" Rand Jr. said in May.",
			[]want{{"Carl Rand Jr", "We stay,"}}},
		// A nickname in quotation marks inside a name is a name, not a
		// quotation, and a later mention by it means the same person.
		{"a nickname inside a name", "Cyclist Anna Moriah \"Mo\" Wilson won the race.\n\nMo Wilson wrote about it. \"I was excited,\" she wrote.",
			[]want{{"Anna Moriah Wilson", "I was excited,"}}},
		{"a title word ending a name is a surname", `She worked for Ruth Ann King, who called her "the best clerk in town."`,
			[]want{{"Ruth Ann King", "the best clerk in town."}}},
		{"an abbreviated title ending a run stays a title", `Ohio Republican Sen. Rolf Aune said he wants "a vote this week."`,
			[]want{{"Rolf Aune", "a vote this week."}}},
		// A present form of a verb of saying after a name; the attribution
		// closing a sentence that the quotation opens.
		{"a present verb of saying after a name", "Senator Rolf Aune spoke on Monday. Meanwhile, Aune claims the tax cuts \"have nothing to do\" with prices.",
			[]want{{"Rolf Aune", "have nothing to do"}}},
		{"a plural noun is no verb", `The Aune claims of "a rigged count" were dismissed.`, nil},
		{"a long reported clause", `"Record heat" across the northern plains is expected to last until the weekend and into next week, forecaster Ana Brek told reporters.`,
			[]want{{"Ana Brek", "Record heat"}}},
		{"a quoted phrase before a participle is words said", `Ana Brek, who spoke in Oslo of the "long winter" facing farmers, left early.`,
			[]want{{"Ana Brek", "long winter"}}},
		// Terms the reporter mentions are not anyone's words.
		{"a quoted modifier inside a noun phrase", `The storm is also called the "grey" storm because of its clouds, forecaster Ana Brek said.`, nil},
		{"the complement of a passive verb of naming", `Officials lifted rates to the 3% level considered "neutral", Governor Ada Lund said on Monday.`, nil},
		{"a quoted word closing its phrase is still words said", `She considered him a "loyal friend," Ada Lund said.`,
			[]want{{"Ada Lund", "loyal friend,"}}},
		// Partial quotations far from the verb: the verb's subject across an
		// adverb, a relative clause, a participle, a coordinated verb, an
		// appositive with no closing comma, and a party-state appositive.
		{"an adverb between subject and verb", `Mayor Ada Lund recently said the tunnel was "a disgrace."`,
			[]want{{"Ada Lund", "a disgrace."}}},
		{"a relative clause", `Bishop Ivo Sand, who has condemned the "cruelty" of the raids, will visit the town.`,
			[]want{{"Ivo Sand", "cruelty"}}},
		{"a participle after the subject's clause", `Senator Rolf Aune defended the deal on Monday, adding it costs "nothing at all" to farmers.`,
			[]want{{"Rolf Aune", "nothing at all"}}},
		{"a participle after an appositive", `The ad shows her father, former Governor Tom Reece, calling the rival a "liar" on stage.`,
			[]want{{"Tom Reece", "liar"}}},
		{"a gerund subject is nobody's", `Calling gas "green" undercuts the plan, Ana Brek wrote.`,
			[]want{{"Ana Brek", "green"}}},
		{"a coordinated verb shares the subject", `Ada Lund declined to give details, but maintained that the city is "fully engaged."`,
			[]want{{"Ada Lund", "fully engaged."}}},
		{"an appositive without its closing comma", `Pia Holm, a spokesperson for Northwind told reporters that stocks are "running low."`,
			[]want{{"Pia Holm", "running low."}}},
		{"an aside between dashes and a place after the name", `Senator Rolf Aune of North Dakota -- the longest-serving member of the panel -- backed the bill, adding it costs "nothing at all" to farmers.`,
			[]want{{"Rolf Aune", "nothing at all"}}},
		{"a party and state", `Senator Rolf Aune, R-Ohio, called the bill "a gift to lobbyists."`,
			[]want{{"Rolf Aune", "a gift to lobbyists."}}},
		// An attribution after a quotation's own question mark, and after a
		// long description of the speaker.
		{"after a question mark", `"Who pays for this?" Lena Dahl, an economist at the bank, said Tuesday.`,
			[]want{{"Lena Dahl", "Who pays for this?"}}},
		{"after a question mark and an abbreviation", `"Who pays for this?" Lena Dahl, an economist at U.S. Bank, said Tuesday.`,
			[]want{{"Lena Dahl", "Who pays for this?"}}},
		{"after a long description", `"It holds," Ivo Park, a senior engineer at the port authority and one of the authors of the safety study, told reporters.`,
			[]want{{"Ivo Park", "It holds,"}}},
		// "They" is never the one person named before it, and a plural
		// subject takes the base form of a verb of saying.
		{"they write is a group's words", `Economist Tom Reece and two colleagues define a slump simply. A slump, they write, "is a fall in output that lasts for months."`, nil},
		{"they said is not the man named before", "Economist Tom Reece spoke first.\n\n\"Rates will fall,\" they said.", nil},
		// Words inside the reporter's own sentence are not taken up by the
		// attribution of the next sentence; an -ing clause gives them its
		// subject.
		{"a participle of saying after an -ing clause", `The clip shows Ada Lund hugging her coach, shouting, "We did it!" Tom Reece filmed the clip on Monday.`,
			[]want{{"Ada Lund", "We did it!"}}},
		// A verb of saying in a subordinate clause after a quoted span
		// does not report it.
		{"such as is no subordinate clause", `"We were looking at inflation in a few areas," such as cars and housing, said Ana Brek, an economist.`,
			[]want{{"Ana Brek", "We were looking at inflation in a few areas,"}}},
		{"an auxiliary after a plural noun is no verb of saying", `Senator Ada Lund called the vote one of the "most important" members will take, "not only this year, but this decade."`,
			[]want{{"Ada Lund", "not only this year, but this decade."}}},
		{"a capitalised word is no verb", `Defense Minister Ivo Sand accused the United States of being a "bully" and "hijacking" the region.`,
			[]want{{"Ivo Sand", "bully"}, {"Ivo Sand", "hijacking"}}},
		{"a verb in a subordinate clause", `The hashtag "#StandWithAda" trended after Mayor Ada Lund spoke.`, nil},
		{"the next sentence's attribution stays in its sentence", `The clip ends with one word from the crowd, "Again!" Tom Reece said the crowd stayed for an hour.`, nil},
		// A verb of saying in a participle clause after another one shares
		// its speaker.
		{"a statement posted by the speaker", `Governor Ada Lund said in a statement posted on her website: "I will not resign."`,
			[]want{{"Ada Lund", "I will not resign."}}},
		// The subject of a clause reported by another verb of saying.
		{"a reported clause's own verb of saying", `Mayor Ada Lund met Senator Tom Reece. Lund said Reece told her: "The deal is done."`,
			[]want{{"Tom Reece", "The deal is done."}}},
		{"a participle after a possessive is no verb", `Senator Tom Reece said the panel's projected deficit would be "far too high."`,
			[]want{{"Tom Reece", "far too high."}}},
		// A noun phrase after a quoted span whose relative clause a name
		// begins is not the attribution.
		{"a charge someone denied", `Mayor Ada Lund met Senator Tom Reece. Reece called Lund "unfit to serve," a charge Lund denied.`,
			[]want{{"Tom Reece", "unfit to serve,"}}},
		// Words in apposition to a noun of communication are mentioned,
		// not used; a plural ("the words") and a verb of naming's object
		// keep them someone's.
		{"the phrase", `The phrase "defund the police" hurt the party, Mayor Ada Lund said.`, nil},
		{"the word", `Mayor Ada Lund said the word "recession" scares voters.`, nil},
		{"a caption", `Mayor Ada Lund posted a video with the caption "Back to work."`, nil},
		{"a noun after a verb of saying whose predicate is quoted", `Senator Ada Lund voted no. The Ohio Democrat said the bill "takes away a right that voters chose."`,
			[]want{{"Ada Lund", "takes away a right that voters chose."}}},
		{"a quotation that is the noun's predicate", `Judge Ada Lund said that the report "looked very rushed to me," and she sent it back.`,
			[]want{{"Ada Lund", "looked very rushed to me,"}}},
		{"a pronoun is the whole subject", `Senator Ivo Sand backed the plan, a move he admitted would be "very unpopular."`,
			[]want{{"Ivo Sand", "very unpopular."}}},
		{"people named in a phrase before a noun are no subject", `Mayor Ada Lund spoke with Ivo Sand and Kim Sato in separate calls on Sunday, telling both the city would act "quickly" on the bridge.`,
			[]want{{"Ada Lund", "quickly"}}},
		{"the words are someone's", `Mayor Ada Lund ended her speech with the words "never give up."`,
			[]want{{"Ada Lund", "never give up."}}},
		{"a verb of naming's object", `Mayor Ada Lund called the report "a disgrace."`,
			[]want{{"Ada Lund", "a disgrace."}}},
		// A plural common noun before a base verb of saying is the subject:
		// the words are the group's, not the sentence's other person's.
		{"opponents call", `Mayor Ada Lund signed the bill, which opponents call "the worst law in a decade."`, nil},
		// Several people at once are no one person.
		{"two people said", `Mayor Ada Lund and Senator Tom Reece met. Lund and Reece said the deal was "a start."`, nil},
		{"said two people", `Mayor Ada Lund and Senator Tom Reece met. "We won," said Lund and Reece.`, nil},
		{"a lawyer pair after a possessive", `Mayor Ada Lund and Senator Tom Reece met. "A start," Lund's lawyers Kim Sato and Per Holm said.`, nil},
		{"a conjunction inside a body's name in the title", `"Heat can kill," State Office of Safety and Health Director Ivo Park said in a release.`,
			[]want{{"Ivo Park", "Heat can kill,"}}},
		{"an adjective before a name", `"She was very kind," the late Ivo Park said in 2010.`,
			[]want{{"Ivo Park", "She was very kind,"}}},
		{"one person compared with another", `Mayor Ada Lund and Senator Tom Reece met. Lund, like Reece, called the deal "a start."`,
			[]want{{"Ada Lund", "a start."}}},
		// "so-called" makes the words a name others give.
		{"so-called", `Senator Ada Lund said the so-called "fair wage" bill would fail.`, nil},
		// An occupation before a name is no given name.
		{"an occupation noun opening the sentence", "Actor Tom Reece could not attend.\n\n\"I am sorry,\" Reece said.",
			[]want{{"Tom Reece", "I am sorry,"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Extract(rag.Article{ID: "a", Text: tt.body})
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotations %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if got[i].Speaker != w.speaker || got[i].Text != w.text {
					t.Errorf("quotation %d: got %q by %q, want %q by %q", i, got[i].Text, got[i].Speaker, w.text, w.speaker)
				}
			}
		})
	}
}

func TestExtractMarksSpeakersThatAreNotPeople(t *testing.T) {
	body := `"Supplies will recover by June," Northwind said in a statement. "We kept every shift," plant manager Dev Osei said.`
	got := quote.Extract(rag.Article{ID: "a", Text: body})
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	if got[0].Speaker != "Northwind" || !got[0].NotPerson {
		t.Errorf("a company's statement is not marked as not a person's: %+v", got[0])
	}
	if got[1].Speaker != "Dev Osei" || got[1].NotPerson {
		t.Errorf("a named person is marked as not a person: %+v", got[1])
	}
}

func TestExtractGivesAnOrganisationsSpokespersonToNoPerson(t *testing.T) {
	body := `An attorney for harbour master Ola Berg said prosecutors now see Berg as "a witness." A spokesperson for Northwind Labs said in an email that "orders keep growing." The band Blue Harbor posted "Thank you, Oslo!" online. The rights group Open Harbor Watch accused the port of "reckless dumping."`
	for _, q := range quote.Extract(rag.Article{ID: "a", Text: body}) {
		if !q.NotPerson {
			t.Errorf("%q is given to %q as a person's words", q.Text, q.Speaker)
		}
	}
}

// Words a document or a statement says are no person's, whoever the
// sentence or the paragraph names.
func TestExtractGivesDocumentsAndStatementsToNoPerson(t *testing.T) {
	for _, body := range []string{
		`The affidavit says Ola Berg "struck the door twice" before he fled.`,
		`The indictment states that the pair "knowingly concealed" the money, prosecutor Ana Brek told the court.`,
		"Ola Berg, the director, resigned Monday.\n\n\"We regret the delay,\" the statement said.",
		"Ola Berg, the director, resigned Monday. \"We regret the delay,\" the board said in a statement.",
		// A statement from someone's office is the office's.
		"Governor Ada Lund resigned. \"We acted in good faith,\" the statement from Lund's office said.",
		// A thing in a relative clause says the words, not the person of
		// the clause before.
		"Mayor Ada Lund answered questions from readers, including one letter that asked: \"Why is the bridge closed?\"",
		// A role noun nobody in the article was given, far from the last
		// person named, is no one we can name.
		"Ola Berg was charged in May. The trial opened on Monday. The hearing lasted an hour.\n\n\"This case is closed,\" the judge said.",
	} {
		for _, q := range quote.Extract(rag.Article{ID: "a", Text: body}) {
			if !q.NotPerson {
				t.Errorf("%q is given to %q as a person's own words in %q", q.Text, q.Speaker, body)
			}
		}
	}
}

func TestExtractMarksRelayedWords(t *testing.T) {
	tests := []struct {
		name, body, speaker, relayer string
	}{
		{"statement released by", `In a statement released by the Harbour Trust, Mila Sand said: "We will rebuild."`, "Mila Sand", "the Harbour Trust"},
		{"statement issued by, after the quotation", `"The law is a start," Governor Ada Lund said in a statement issued by her office after the vote.`, "Ada Lund", "her office"},
		{"through a spokesperson", `Pop singer Lia Rowe said through a spokesperson that she was "deeply sorry."`, "Lia Rowe", "a spokesperson"},
		{"statement provided by", `"We are grateful," Mila Sand said in a statement provided by the club.`, "Mila Sand", "the club"},
		{"statement from a publicist", `Pop singer Lia Rowe said she was "deeply sorry" in a statement from her publicist.`, "Lia Rowe", "her publicist"},
		{"in person is not relayed", `"We will rebuild," Mila Sand told reporters.`, "Mila Sand", ""},
		// Someone reading out another's words.
		{"read a letter from", "Actor Tom Reece could not attend. Actress Ana Brek read a letter from Reece at the gala: \"I cannot be with you tonight.\"", "Tom Reece", "Ana Brek"},
		{"read his statement", "Actor Tom Reece could not attend. His daughter read his statement: \"Thank you all.\"", "Tom Reece", "His daughter"},
		{"read a statement on his behalf", "Actor Tom Reece was charged. Reece's lawyer read a statement on his behalf: \"I am innocent.\"", "Tom Reece", "Reece's lawyer"},
		// On someone's behalf, in their place: never the one delivering.
		{"speaking on his behalf", "Actor Tom Reece declined the award. Speaking on his behalf, Ana Brek said he \"cannot accept this award.\"", "Tom Reece", "Ana Brek"},
		{"in his place", "Actor Tom Reece declined the award. Ana Brek took the stage in his place and said he \"cannot accept this award.\"", "Tom Reece", "Ana Brek"},
		{"read on his behalf by", "Actor Tom Reece declined the award. In the speech, read on his behalf by Ana Brek, Reece said the award \"belongs to the crew.\"", "Tom Reece", "Ana Brek"},
		{"a speech someone delivered", "Actor Tom Reece declined the award.\n\n\"I cannot accept this honor,\" Reece wrote in the speech, which Ana Brek delivered.", "Tom Reece", "Ana Brek"},
		{"the speech someone read", "Actor Tom Reece declined the award. In the speech Ana Brek read, Reece wrote: \"I cannot accept this honor.\"", "Tom Reece", "Ana Brek"},
		{"reading someone's speech", "Actor Tom Reece declined the award. Ana Brek, reading Reece's speech, said: \"I cannot accept this honor.\"", "Tom Reece", "Ana Brek"},
		{"reading from his letter", "Actor Tom Reece declined the award. Ana Brek, reading from his letter, told the audience: \"I cannot accept this honor.\"", "Tom Reece", "Ana Brek"},
		{"a letter that someone read", "Actor Tom Reece could not attend. \"I cannot be with you tonight,\" Reece wrote in a letter that Ana Brek read aloud.", "Tom Reece", "Ana Brek"},
		// Someone quoting another's words to them: the words are the
		// one quoted, passed on by the one quoting.
		{"quoted someone as telling her", "Ana Brek, an aide, said counsel Tom Reece had warned her. \"Do not go to the bridge, Ana,\" Brek quoted Reece as telling her that morning.", "Tom Reece", "Ana Brek"},
		{"quoted him as saying", "Ana Brek, an aide, met Tom Reece, who was then the counsel, on Monday.\n\nBrek quoted him as saying that the plan was \"a terrible idea.\"", "Tom Reece", "Ana Brek"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Extract(rag.Article{ID: "a", Text: tt.body})
			if len(got) != 1 || got[0].Speaker != tt.speaker || got[0].Relayer != tt.relayer {
				t.Fatalf("got %+v, want %q relayed by %q", got, tt.speaker, tt.relayer)
			}
		})
	}
}

// Words that go on from relayed words were relayed by the same hand.
func TestExtractMarksContinuationsOfRelayedWords(t *testing.T) {
	body := "Actor Tom Reece was charged.\n\n\"I am innocent,\" Reece said in a statement issued through his lawyers on Monday. \"I will fight this.\"\n\nReece spoke to reporters a day later.\n\n\"We will appeal,\" he said."
	got := quote.Extract(rag.Article{ID: "a", Text: body})
	if len(got) != 3 {
		t.Fatalf("got %+v", got)
	}
	for i, want := range []string{"his lawyers", "his lawyers", ""} {
		if got[i].Speaker != "Tom Reece" || got[i].Relayer != want {
			t.Errorf("quotation %d %q: speaker %q relayed by %q, want Tom Reece relayed by %q", i, got[i].Text, got[i].Speaker, got[i].Relayer, want)
		}
	}
}

// Words that go on from words one person quotes another as saying are the
// other's too, passed on by the same person; the next quotation the
// person says in their own voice is theirs.
func TestExtractContinuesWordsQuotedAsAnother(t *testing.T) {
	body := "Ana Brek, an aide, said counsel Tom Reece had warned her.\n\n\"Do not go to the bridge, Ana,\" Brek quoted Reece as telling her that morning. \"We would all be charged.\"\n\n\"I listened,\" Brek said."
	got := quote.Extract(rag.Article{ID: "a", Text: body})
	if len(got) != 3 {
		t.Fatalf("got %+v", got)
	}
	for i, want := range [][2]string{{"Tom Reece", "Ana Brek"}, {"Tom Reece", "Ana Brek"}, {"Ana Brek", ""}} {
		if got[i].Speaker != want[0] || got[i].Relayer != want[1] {
			t.Errorf("quotation %d %q: speaker %q relayed by %q, want %q relayed by %q", i, got[i].Text, got[i].Speaker, got[i].Relayer, want[0], want[1])
		}
	}
}
