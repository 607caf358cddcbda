package quote_test

import (
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// A description ("the Ukrainian president", "the pontiff", "the
// spokesperson") names the person the article gave that role, with the
// modifiers it gives; never merely the person named last. Sentences written
// for this test.
func TestExtractResolvesDescriptionsByWhatTheArticleSays(t *testing.T) {
	tests := []struct {
		name, body string
		text       string
		speaker    string // "" when no person may be given the words
	}{
		{"a nationality in an appositive",
			"Volodymyr Petrenko, the president of Ukraine, met President Tom Reece in Paris on Monday.\n\n\"We need more air defence,\" the Ukrainian president said.",
			"We need more air defence,", "Volodymyr Petrenko"},
		{"a nationality after the name",
			"President Ivan Kovalenko of Ukraine met President Tom Reece in Paris on Monday.\n\n\"We need more air defence,\" the Ukrainian president said.",
			"We need more air defence,", "Ivan Kovalenko"},
		{"a nationality in a title",
			"French President Luc Armand and German Chancellor Greta Vogel met in Berlin. Vogel spoke first.\n\n\"Europe must act,\" the French leader said.",
			"Europe must act,", "Luc Armand"},
		{"a president placed elsewhere is not the Ukrainian president",
			"French President Luc Armand spoke in Paris on Monday.\n\n\"We need more air defence,\" the Ukrainian president said.",
			"We need more air defence,", ""},
		{"the Ukrainian president is the one not placed elsewhere",
			"Volodymyr Petrenko met French President Luc Armand in Paris on Monday. Petrenko flew home at night.\n\n\"We need more air defence,\" the Ukrainian president said.",
			"We need more air defence,", "Volodymyr Petrenko"},
		{"a role nobody holds is not the person named last",
			"President Ivan Kovalenko spoke in Rome on Sunday.\n\n\"Peace needs patience,\" the pontiff said.",
			"Peace needs patience,", ""},
		{"the pontiff is the pope, by WordNet",
			"Pope Leo met President Ivan Kovalenko in Rome. Kovalenko left early.\n\n\"Peace needs patience,\" the pontiff said.",
			"Peace needs patience,", "Pope Leo"},
		{"a role nobody holds does not continue the speaker before",
			"\"The port stays open,\" Mayor Ada Lund said.\n\n\"Nobody asked us,\" the pontiff said.",
			"Nobody asked us,", ""},
		{"an office the person holds is not another role",
			"The crowd cheered President Tom Reece on Monday.\n\n\"We waited years for this,\" the father said.",
			"We waited years for this,", ""},
		{"an unnamed spokesperson is not the person named last",
			"A spokesperson for the singer denied the account Ola Berg gave. Berg has not replied.\n\n\"We deny every claim,\" the spokesperson said.",
			"We deny every claim,", ""},
		{"a newspaper is not a description of a person",
			"Ola Berg was \"rumoured to be the favourite\", The Guardian reported.",
			"rumoured to be the favourite", ""},
		{"the subject of the clause, not the first name",
			"After the council voted to censure Mayor Ada Lund in May, Senator Rolf Aune defended the city.\n\n\"It was a mistake,\" the Ohio Republican said.",
			"It was a mistake,", "Rolf Aune"},
		{"a description's sex agrees",
			"Senator Rolf Aune spoke first. He left at noon.\n\n\"We are late,\" the actress said.",
			"We are late,", ""},
		{"an abbreviated title is the office",
			"Sen. Rolf Aune spoke first. Mayor Ada Lund spoke next.\n\n\"It was a mistake,\" the senator said.",
			"It was a mistake,", "Rolf Aune"},
		{"a possessive description is the person given that role",
			"Felix Dahl ran to his grandfather, Bruce Moen, after the game.\n\n\"I still get teary-eyed,\" Felix's grandfather said.",
			"I still get teary-eyed,", "Bruce Moen"},
		{"a possessive description nobody was given is nobody named",
			"Felix Dahl ran home after the game.\n\n\"I still get teary-eyed,\" Felix's grandfather said.",
			"I still get teary-eyed,", ""},
		{"a role one WordNet step from the one the article gives",
			"Senator Rolf Aune and Mayor Ada Lund met on Monday. Lund left early.\n\n\"It was a mistake,\" the legislator said.",
			"It was a mistake,", "Rolf Aune"},
		{"a head before a prepositional phrase",
			"Volodymyr Petrenko, Ukraine's president, met President Tom Reece in Paris on Monday.\n\n\"We need more air defence,\" the president of Ukraine said.",
			"We need more air defence,", "Volodymyr Petrenko"},
		{"a prepositional phrase says whose office it is",
			"Press secretary Ada Lund spoke in Washington on Monday.\n\nThe war is running \"out of steam,\" according to the chief of Britain's intelligence service.",
			"out of steam,", ""},
		{"a role introduced by name in the next sentence",
			"The war is running \"out of steam,\" according to the chief of Britain's intelligence service. \"Their lines are failing,\" Ada Lund, the head of the agency, told reporters.",
			"out of steam,", "Ada Lund"},
		{"the next sentence introduces someone with another role",
			"The war is running \"out of steam,\" according to the chief of Britain's intelligence service. Ada Lund, a nurse in Leeds, said the wards were full.",
			"out of steam,", ""},
		{"a role introduced two sentences later is too far",
			"The war is running \"out of steam,\" according to the chief of Britain's intelligence service. The ministry declined to comment. Ada Lund, the head of the agency, spoke later.",
			"out of steam,", ""},
		{"a next-sentence person from another state",
			"The bill is \"dead on arrival,\" according to the Ohio Republican. Rolf Aune, a Texas Republican, said he agreed.",
			"dead on arrival,", ""},
		{"a next-sentence person of the other sex",
			"The war is running \"out of steam,\" according to the chairwoman of the committee. Rolf Aune, the chairman of the board, said he agreed.",
			"out of steam,", ""},
		// A nickname or a misspelt first name is the person the article
		// named before with the same surname and a role that agrees, and
		// the same initial: news shortens or misspells a first name, not
		// a surname and a job at once.
		{"a short form of the first name",
			"Federal Reserve Chair Jerome Halvard said rates would rise again. Markets fell.\n\n\"We will act,\" Fed Chair Jay Halvard told reporters on Friday.",
			"We will act,", "Jerome Halvard"},
		{"a misspelt first name",
			"Jonathon Berg, a meteorologist with the weather service, warned of floods.\n\n\"Stay home,\" said Jonathan Berg, the meteorologist.",
			"Stay home,", "Jonathon Berg"},
		{"roles that disagree keep two people",
			"Jill Dahl, the governor's sister, spoke first.\n\n\"We will act,\" said Joe Dahl, the governor.",
			"We will act,", "Joe Dahl"},
		{"another initial is another person",
			"Federal Reserve Chair Jerome Halvard said rates would rise again.\n\n\"We will act,\" Fed Chair Tom Halvard told reporters.",
			"We will act,", "Tom Halvard"},
		{"no role on the later name keeps it apart",
			"Federal Reserve Chair Jerome Halvard said rates would rise again.\n\n\"We will act,\" Jay Halvard told reporters. He left at noon.",
			"We will act,", "Jay Halvard"},
		{"a generational suffix is another person",
			"Richard Rand, the union's president, spoke on Monday.\n\n\"We will strike,\" said Rich Rand Jr., the union's president.",
			"We will strike,", "Rich Rand Jr"},
		{"a place is not a person",
			"Only New York said it counts deaths in homes.\n\n\"A death is a death,\" the governor said.",
			"A death is a death,", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, q := range quote.Extract(rag.Article{ID: "a", Text: tt.body}) {
				if q.Text != tt.text {
					continue
				}
				if q.Speaker == "" {
					t.Fatalf("%q is extracted with no speaker", q.Text)
				}
				if tt.speaker == "" && !q.NotPerson {
					t.Fatalf("%q is given to %q (%q), want no person", q.Text, q.Speaker, q.Mention)
				}
				if tt.speaker != "" && (q.Speaker != tt.speaker || q.NotPerson) {
					t.Fatalf("%q is given to %q (not a person: %v), want %q", q.Text, q.Speaker, q.NotPerson, tt.speaker)
				}
				return
			}
			if tt.speaker != "" {
				t.Fatalf("%q is not found, want it given to %q", tt.text, tt.speaker)
			}
		})
	}
}

// A bare surname means the person the article introduced first, whether or
// not a namesake's name carries a generational suffix and so has more words.
func TestExtractKeepsASuffixedNamesakeApart(t *testing.T) {
	body := "Carl Rand spoke first. His son, Carl Rand Jr., arrived later.\n\n\"We will win,\" Rand said."
	got := quote.Extract(rag.Article{ID: "a", Text: body})
	if len(got) != 1 || got[0].Speaker != "Carl Rand" {
		t.Fatalf("got %+v, want the father Carl Rand", got)
	}
	body = "Carl Rand spoke first. His son, Carl Rand Jr., arrived later.\n\n\"We will win,\" Rand Jr. said."
	got = quote.Extract(rag.Article{ID: "a", Text: body})
	if len(got) != 1 || got[0].Speaker != "Carl Rand Jr" {
		t.Fatalf("got %+v, want the son Carl Rand Jr", got)
	}
}
