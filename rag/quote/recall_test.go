package quote_test

import (
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// Quotations the extractor must find and give to their speaker: partial
// quotations inside indirect speech, continuations, and runs broken by the
// reporter's words. Sentences written for this test.
func TestExtractFindsQuotationsAroundIndirectSpeech(t *testing.T) {
	type want struct{ speaker, text string }
	tests := []struct {
		name string
		body string
		want []want
	}{
		{"a partial quotation as the object of the verb of saying",
			`Mayor Ada Lund called the ruling "a farce" and vowed to appeal.`,
			[]want{{"Ada Lund", "a farce"}}},
		{"a partial quotation inside the reported clause",
			`Mayor Ada Lund said on Monday that the council had "run out of steam" on housing.`,
			[]want{{"Ada Lund", "run out of steam"}}},
		{"two partial quotations in one reported clause",
			`Mayor Ada Lund said the council had "run out of steam" and would cut the budget "by half," as reporters waited.`,
			[]want{{"Ada Lund", "run out of steam"}, {"Ada Lund", "by half,"}}},
		{"a partial quotation whose speaker is named in the next sentence",
			"The ruling was \"a farce from start to finish.\" That was how Mayor Ada Lund put it on Monday.",
			nil},
		{"any verb in the past after a quotation and a name reports it",
			`"The claim fails on every count," Judge Ola Ross ruled. "The suit goes on."`,
			[]want{{"Ola Ross", "The claim fails on every count,"}, {"Ola Ross", "The suit goes on."}}},
		{"a month is a surname after a given name",
			"Judge Ada Lund May heard the case in May. \"The claim fails,\" May ruled.",
			[]want{{"Ada Lund May", "The claim fails,"}}},
		{"a verb with more after it is no report",
			`"Blue Moon," Ada Lund sang on Sunday, was the last song.`,
			nil},
		{"a one-word answer is no name",
			`Asked whether a deal was possible, Mayor Ada Lund said the answer was "Yes." Talks resume on Monday.`,
			[]want{{"Ada Lund", "Yes."}}},
		{"the sentence after the attribution",
			`"We will appeal," Mayor Ada Lund said. "The ruling ignores the law."`,
			[]want{{"Ada Lund", "We will appeal,"}, {"Ada Lund", "The ruling ignores the law."}}},
		{"a run of sentences after a pronoun attribution",
			"Mayor Ada Lund spoke after the vote.\n\n\"We will appeal,\" she said. \"The ruling ignores the law. We have the votes.\"",
			[]want{{"Ada Lund", "We will appeal,"}, {"Ada Lund", "The ruling ignores the law. We have the votes."}}},
		{"two speakers in turn keep their own words",
			"\"We will appeal,\" Mayor Ada Lund said.\n\n\"There is nothing to appeal,\" Councillor Tom Reece replied.\n\n\"The court erred.\"",
			[]want{{"Ada Lund", "We will appeal,"}, {"Tom Reece", "There is nothing to appeal,"}, {"Tom Reece", "The court erred."}}},
		{"reporter's words between two quotations are no one's",
			`"We will appeal," Mayor Ada Lund said on Monday, before the council met. "The ruling ignores the law."`,
			[]want{{"Ada Lund", "We will appeal,"}, {"Ada Lund", "The ruling ignores the law."}}},
		{"an abbreviated title before the name after the quotation",
			"\"This plan is not working,\" Dr. Ivo Park, dean of the medical school at the state university, said Monday.\n\n\"We have done a terrible job. We can still fix it.\"",
			[]want{{"Ivo Park", "This plan is not working,"}, {"Ivo Park", "We have done a terrible job. We can still fix it."}}},
		{"an abbreviated title before a long appositive",
			`Nurses are seeing "more cases than in any wave before," Dr. Lena Holt-Berg, a pediatrician and assistant professor at the clinic, told reporters Monday.`,
			[]want{{"Lena Holt-Berg", "more cases than in any wave before,"}}},
		{"a middle initial is part of the name",
			"Bradley Q. Moss, a security lawyer, said the search was lawful.\n\n\"No one, not even Tom Reece, is above the law,\" he said.",
			[]want{{"Bradley Q. Moss", "No one, not even Tom Reece, is above the law,"}}},
		{"the reporter's byline after a continuation is no speaker",
			"Mayor Ada Lund spoke on Monday.\n\n\"We will appeal,\" she said. \"The ruling ignores the law.\"\n\n– Tom Reece",
			[]want{{"Ada Lund", "We will appeal,"}, {"Ada Lund", "The ruling ignores the law."}}},
		{"a name set off after a description",
			`The pharmacologist, Ivo Sand, explained that "the oil is a common treatment" in many countries.`,
			[]want{{"Ivo Sand", "the oil is a common treatment"}}},
		{"a relative clause after an inverted subject",
			`"The cold is related to the polar vortex," tweeted meteorologist Ola Berg of Northwind Weather, who also noted that "the drop is incredible."`,
			[]want{{"Ola Berg", "The cold is related to the polar vortex,"}, {"Ola Berg", "the drop is incredible."}}},
		{"an inverted subject before a prepositional phrase",
			`The goal was "one of those moments you remember for years", said columnist Ola Berg in The Northern Times.`,
			[]want{{"Ola Berg", "one of those moments you remember for years"}}},
		{"a possessive that cannot mean the subject",
			`Ms. Ada Lund plays Mia, who falls for his colleague Tom just as he has become an "unwitting messenger of God."`,
			nil},
		{"a title after a partial quotation does not continue it",
			"Senator Rolf Aune said the show was \"a delight.\"\n\n\"Love, Victor\" (Hulu, Wednesdays): the final season.",
			[]want{{"Rolf Aune", "a delight."}}},
		{"straight marks spaced inside the words",
			`President Ivan Kovalenko warned that " millions of people may starve " if the ports stay closed.`,
			[]want{{"Ivan Kovalenko", "millions of people may starve"}}},
		{"a photograph's caption between a quotation and its continuation",
			"\"The vote was fair but not free,\" said Ivo Sand, a lawmaker and chair of the rights panel.\n\nCandidate Tom Reece celebrates as he greets the crowd outside his office on May 11.\n\n\"We are concerned that lies shaped the result.\"",
			[]want{{"Ivo Sand", "The vote was fair but not free,"}, {"Ivo Sand", "We are concerned that lies shaped the result."}}},
		{"a narrated paragraph in the past tense still breaks the run",
			"\"The vote was fair but not free,\" said Ivo Sand, a lawmaker and chair of the rights panel.\n\nCandidate Tom Reece won the vote on May 11.\n\n\"We are concerned that lies shaped the result.\"",
			[]want{{"Ivo Sand", "The vote was fair but not free,"}}},
		{"a quotation interrupted by its attribution with any verb",
			"Fire chief Ada Lund toured the burnt hills on Monday.\n\n\"Now,\" she observed, \"it is every summer.\"",
			[]want{{"Ada Lund", "Now,"}, {"Ada Lund", "it is every summer."}}},
		{"an interrupted quotation with a verb in the present",
			`"We tried to warn them," Mayor Ada Lund pleads, "but nobody would listen."`,
			[]want{{"Ada Lund", "We tried to warn them,"}, {"Ada Lund", "but nobody would listen."}}},
		{"a title after the verb and a comma does not resume the quotation",
			`"Blue Moon," Ada Lund sang, "Yesterday" and two more songs.`,
			nil},
		{"a comma set apart from the name, where a link was taken out",
			"\"Prices change so fast,\" said Ada Lund , a senior scholar at the institute who leads the testing project , which advises employers. \"It is no surprise that buyers were cheated.\"",
			[]want{{"Ada Lund", "Prices change so fast,"}, {"Ada Lund", "It is no surprise that buyers were cheated."}}},
		{"a long appositive headed by a role",
			`"They were tested as soon as the first cases came in," Dr. Ada Lund, medical director for the Northern Regional Emerging Special Pathogens Treatment Center and associate chief of the infection control unit at Millbrook General Hospital, told reporters on Thursday.`,
			[]want{{"Ada Lund", "They were tested as soon as the first cases came in,"}}},
		{"an indefinite article and adjectives before the name say how the speaker was",
			"Tennis player Rolf Aune lost in three sets.\n\n\"I need to be a better player,\" a downtrodden Aune said. \"I knew that coming in.\"\n\n\"We won,\" said a visibly emotional Aune after the next match.",
			[]want{{"Rolf Aune", "I need to be a better player,"}, {"Rolf Aune", "I knew that coming in."}, {"Rolf Aune", "We won,"}}},
		{"a noun after the article begins a relative clause on it",
			`Senator Rolf Aune spoke on Monday. The report was "a fabrication," a charge Aune denied.`,
			nil},
		{"a past in -ed that WordNet does not list, in the quotative",
			"Reporter Tom Reece asked President Ivo Sand about prices.\n\n\"It is a great asset,\" Sand deadpanned. \"What a question.\"",
			[]want{{"Ivo Sand", "It is a great asset,"}, {"Ivo Sand", "What a question."}}},
		{"a name in apposition to a description after an inverted verb",
			"The cat was found on Friday, Ivo Sand said.\n\n\"I am kind of in disbelief,\" said her owner, Ada Lund. \"I never thought we would get her back.\"\n\n\"We are so happy,\" said a longtime neighbour, Tom Reece, who fed the cat.",
			[]want{{"Ada Lund", "I am kind of in disbelief,"}, {"Ada Lund", "I never thought we would get her back."}, {"Tom Reece", "We are so happy,"}}},
		{"an age and a home town with the closing comma left out",
			`"I woke up and ran," Ada Lund, 34, of Millbrook told reporters. "My neighbor went in."`,
			[]want{{"Ada Lund", "I woke up and ran,"}, {"Ada Lund", "My neighbor went in."}}},
		{"a passive of saying after an age is no appositive",
			`Friends of Ada Lund, 91, were said to be "surprised" by the news.`,
			nil},
		{"a prepositional phrase closing the quotative",
			"Vice President Ivo Sand called the Senate back at 8 p.m.\n\n\"Today was a dark day in our history,\" he began from the Senate dais. \"Let us get back to work.\"",
			[]want{{"Ivo Sand", "Today was a dark day in our history,"}, {"Ivo Sand", "Let us get back to work."}}},
		{"a verb with a phrase and more after it is no quotative",
			`"Blue Moon," Ada Lund sang on Sunday, and the crowd joined in.`,
			nil},
		{"given names written as initials",
			"\"We put ourselves in this spot,\" manager A.J. Kovac said. \"We have to deal with it.\"\n\nDemocrat P.G. Lund, 37, denied it. \"I did nothing wrong,\" Lund said.",
			[]want{{"A.J. Kovac", "We put ourselves in this spot,"}, {"A.J. Kovac", "We have to deal with it."}, {"P.G. Lund", "I did nothing wrong,"}}},
		{"a place's or a title's initials open no name",
			"\"The count is fair,\" said U.S. Attorney Ivo Sand, quoted by the L.A. Times.",
			[]want{{"Ivo Sand", "The count is fair,"}}},
		// A participle of saying after the main clause shares its
		// subject, also when an abbreviated title (its full stop kept
		// out of the name) and capitalised modifiers stand before it.
		{"a participle after a subject with an abbreviated title",
			`Sen. Ada Lund pushed for the change, saying she saw "no reason to wait any longer."`,
			[]want{{"Ada Lund", "no reason to wait any longer."}}},
		{"a participle after a subject with a modified abbreviated title",
			`Republican Sen. Ada Lund of Millbrook pushed for the change, saying she saw "no reason to wait."`,
			[]want{{"Ada Lund", "no reason to wait."}}},
		// A quotation after the speaker's own verb of saying is in that
		// verb's clause, not in an appositive before a second verb the
		// same name is subject of.
		{"a quotation before a coordinated second verb",
			`And Sen. Tom Reece, a Democrat from Ohio, said in a post he was "glad" the mayor was exploring ideas, but added it was late.`,
			[]want{{"Tom Reece", "glad"}}},
		{"a verb inside the appositive is another's",
			"Prosecutors want Ada Lund to appear on Wednesday.\n\nAttorneys for Lund, initially characterized as a \"material witness\" in the inquiry, said they had not been told.",
			nil},
		// "and" inside the name of the body a title is of joins no two
		// people.
		{"a conjunction in the body after a title's of",
			`"That was an abrupt shutdown," Director of Public Works and Utilities Ivo Sand said.`,
			[]want{{"Ivo Sand", "That was an abrupt shutdown,"}}},
		{"two people joined after a title's of are still two",
			`"That was an abrupt shutdown," Director Ada Lund and Ivo Sand said.`,
			nil},
		// A body's name before a role noun before the name is the
		// title's: the role noun ends it.
		{"a body and a role noun before a name",
			`"The roads are the backbone of the county," Harbour Board Bridge Repair Coordinator Ivo Sand said. "We will fix them."`,
			[]want{{"Ivo Sand", "The roads are the backbone of the county,"}, {"Ivo Sand", "We will fix them."}}},
		{"a gerund subject is not a speaker",
			`Calling the ruling "a farce" helped nobody, Ada Lund said.`,
			[]want{{"Ada Lund", "a farce"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Extract(rag.Article{ID: "a", Text: tt.body})
			var people []rag.Quote
			for _, q := range got {
				if !q.NotPerson {
					people = append(people, q)
				}
			}
			if len(people) != len(tt.want) {
				t.Fatalf("got %d quotations %+v, want %d", len(people), people, len(tt.want))
			}
			for i, w := range tt.want {
				if people[i].Speaker != w.speaker || people[i].Text != w.text {
					t.Errorf("quotation %d: got %q by %q, want %q by %q", i, people[i].Text, people[i].Speaker, w.text, w.speaker)
				}
			}
		})
	}
}
