package quote_test

import (
	"slices"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// Quotations introduced without a verb of saying before them, and names
// shown to be people's by grammar only a person takes (an age in
// apposition, a relative clause with "who"). Sentences written for this
// test.
func TestExtractIntroductionsAndPersonGrammar(t *testing.T) {
	type want struct {
		speaker, text string
		person        bool
	}
	tests := []struct {
		name string
		body string
		want []want
	}{
		{"an age in apposition before the verb, and the continuation",
			`"My vote does not count," Ada Lund, 77, of Millbrook, told the panel. "I write to my senator every week."`,
			[]want{{"Ada Lund", "My vote does not count,", true}, {"Ada Lund", "I write to my senator every week.", true}}},
		{"an age alone in apposition",
			`"We will appeal," Ada Lund, 54, said.`,
			[]want{{"Ada Lund", "We will appeal,", true}}},
		{"a relative clause with who makes the name a person's",
			`"It feels like a reunion," said Ivo Sand, who works at the bakery on Main Street. "I am seeing people I have not seen in years."`,
			[]want{{"Ivo Sand", "It feels like a reunion,", true}, {"Ivo Sand", "I am seeing people I have not seen in years.", true}}},
		{"a name with nothing to show it is a person's stays unproven",
			`"It is a fine day," Ivo Sand said.`,
			[]want{{"Ivo Sand", "It is a fine day,", false}}},
		{"an as clause with a verb of perceiving",
			`Mayor Ada Lund met the singer in 1998. As Lund observed, "She turned something on inside herself that was like magic."`,
			[]want{{"Ada Lund", "She turned something on inside herself that was like magic.", true}}},
		{"an as clause with put it",
			`Mayor Ada Lund met the singer in 1998. As she put it, "She was a force of nature."`,
			[]want{{"Ada Lund", "She was a force of nature.", true}}},
		{"a colon after a short clause about a person",
			`Senator Ada Lund was less impressed: "Half our people live paycheck to paycheck."`,
			[]want{{"Ada Lund", "Half our people live paycheck to paycheck.", true}}},
		{"a colon after a phrasal verb",
			`Senator Ada Lund weighed in: "This is the fight of our lives."`,
			[]want{{"Ada Lund", "This is the fight of our lives.", true}}},
		{"a colon after a clause with an object introduces the object's words",
			`Senator Ada Lund held up a sign: "Save our parks."`,
			nil},
		{"a title of a body before the name",
			`"The bridge has shown its strength," Chair of the Harbour Board Ada Berg said on Monday. "We want it to stand for a century."`,
			[]want{{"Ada Berg", "The bridge has shown its strength,", true}, {"Ada Berg", "We want it to stand for a century.", true}}},
		{"particles in the surname after a title of a body",
			`"The bridge has shown its strength," President of the Harbour Commission Ada van der Berg said.`,
			[]want{{"Ada van der Berg", "The bridge has shown its strength,", true}}},
		{"a body named after of with no title before it is no person",
			`"The bridge has shown its strength," the Friends of the Harbour Board said.`,
			nil},
		{"a title written in capitals in apposition",
			`"The web has changed," Ivo Sand, General Manager of Northwind Browser, said in a blog post Wednesday.`,
			[]want{{"Ivo Sand", "The web has changed,", true}}},
		{"a company's name before a title in apposition",
			`"We thank the nurses," Ivo Sand, Northwind vice chairman of public affairs, said in a statement.`,
			[]want{{"Ivo Sand", "We thank the nurses,", true}}},
		{"a compound role with a prefix",
			`"The rally was not rooted in reality," said Ivo Sand, co-head of investments at Northwind Capital.`,
			[]want{{"Ivo Sand", "The rally was not rooted in reality,", true}}},
		{"an abbreviated title between a title and the name",
			`"No one is to blame," State Health Officer Dr. Ivo Sand said in a statement on Friday.`,
			[]want{{"Ivo Sand", "No one is to blame,", true}}},
		{"a person noun after a body's name is a title",
			"Reece is the first speaker to die in office, according to House Clerk Ivo Sand. \"We are in new territory here,\" Sand said.",
			[]want{{"Ivo Sand", "We are in new territory here,", true}}},
		{"a time adjunct between the subject and the verb",
			`Mayor Ada Lund on Friday said the plan was "a farce."`,
			[]want{{"Ada Lund", "a farce.", true}}},
		{"a time adjunct with a part of the day",
			`Mayor Ada Lund late Monday night told reporters the plan was "a farce."`,
			[]want{{"Ada Lund", "a farce.", true}}},
		{"two adjectives joined inside a noun phrase judge it",
			`Mayor Ada Lund criticized the council for its "reckless and insane" budget.`,
			[]want{{"Ada Lund", "reckless and insane", true}}},
		{"one word inside a noun phrase is a label",
			`Mayor Ada Lund said the board's "neutral" rate was near.`,
			nil},
		{"a role with capitalised modifiers and a station with a number",
			`Ohio TV meteorologist Ivo Sand of WKRP 12 said, "The forecast bust was the worst since 1982."`,
			[]want{{"Ivo Sand", "The forecast bust was the worst since 1982.", true}}},
		{"an occupation in -man before the name is no part of it",
			`Spokesman Ivo Sand said the minister "never sought a pardon."`,
			[]want{{"Ivo Sand", "never sought a pardon.", true}}},
		{"an occupation ends the title however long the name",
			`Congresswoman Ada Lund Berg said the bill was "a farce."`,
			[]want{{"Ada Lund Berg", "a farce.", true}}},
		{"military ranks abbreviated before the name, and the continuation",
			"On Sunday, officials admitted losses.\n\n\"Our troops are showing courage,\" Maj. Gen. Ivo Sand said. \"Sadly, there have been deaths.\"",
			[]want{{"Ivo Sand", "Our troops are showing courage,", true}, {"Ivo Sand", "Sadly, there have been deaths.", true}}},
		{"a noun that can name a person after a body's name is a title",
			"Former County Recorder Ada Lund said the tapes proved her right.\n\n“He is two-faced,” Lund said. “Good riddance.”",
			[]want{{"Ada Lund", "He is two-faced,", true}, {"Ada Lund", "Good riddance.", true}}},
		{"a quotation as the as complement of a past verb's object",
			`Mayor Ada Lund slammed the plan as "a gift to developers."`,
			[]want{{"Ada Lund", "a gift to developers.", true}}},
		{"the as complement after a longer object",
			`Senator Ada Lund hailed the judge's report on the jail as "a step toward justice."`,
			[]want{{"Ada Lund", "a step toward justice.", true}}},
		{"the as complement of a clause inside the object is not the subject's",
			`Mayor Ada Lund met the crews who worked as "volunteers" all week.`,
			nil},
		{"the as complement after a subject that is no person",
			`The harbour board hailed the plan as "a step forward."`,
			[]want{{"The harbour board", "a step forward.", false}}},
		{"a quotation after a sentence of indirect speech in the same paragraph",
			`Mayor Ada Lund said the city would appeal. “We will not give up.”`,
			[]want{{"Ada Lund", "We will not give up.", true}}},
		{"a quotation with its own attribution after indirect speech",
			`Mayor Ada Lund said the city would appeal. “It is over,” Judge Tom Reece said.`,
			[]want{{"Tom Reece", "It is over,", true}}},
		{"a quotation the sentence goes on after is no continuation of indirect speech",
			`Mayor Ada Lund said the city would appeal. “We will not give up” is her slogan.`,
			nil},
		{"a free relative clause opens the subject's clause",
			`Mayor Ada Lund saw on Monday what she described as "incredibly heartbreaking" damage.`,
			[]want{{"Ada Lund", "incredibly heartbreaking", true}}},
		{"a verb made from a noun of communication that WordNet has no verb for",
			`"We are doing it," Ivo Sand texted to a colleague. "Give us an hour."`,
			[]want{{"Ivo Sand", "We are doing it,", false}, {"Ivo Sand", "Give us an hour.", false}}},
		{"a participle whose subject is the name before it after with",
			`The industry played down the shortage, with council spokesman Ivo Sand saying supply was "very tight but short of a shortage."`,
			[]want{{"Ivo Sand", "very tight but short of a shortage.", true}}},
		{"a suffix's full stop before an appositive",
			`Gen. Ivo Sand Jr., the top commander in the region, told Congress that the drones "present a new threat to our forces."`,
			[]want{{"Ivo Sand Jr", "present a new threat to our forces.", true}}},
		{"a quotation before a copula is no label after a determiner",
			`Governor Ivo Sand said the panel will ensure the "proper protocols" are in place.`,
			[]want{{"Ivo Sand", "proper protocols", true}}},
		{"make, a verb of naming (Levin 29.3), takes its object's complement as the subject's words",
			`Councilor Ivo Sand said his votes were meant to make the ordinance "as weak as I can" if it passed.`,
			[]want{{"Ivo Sand", "as weak as I can", true}}},
		{"a title of a body opening the sentence is a coordinated verb's subject",
			`Chairman of the Joint Chiefs of Staff Ivo Sand would not comment on the trip but said the military "routinely supports travel."`,
			[]want{{"Ivo Sand", "routinely supports travel.", true}}},
		{"a name set off after a description whose head has a prepositional phrase",
			`Britain’s ambassador to the region, Ivo Sand, said from the airport it was “time to close this phase.”`,
			[]want{{"Ivo Sand", "time to close this phase.", true}}},
		{"a quoted phrase opening with a preposition is no appositive",
			`Ivo Sand said he found the database “around January” while searching.`,
			[]want{{"Ivo Sand", "around January", true}}},
		{"according to a name with no comma after it",
			"Health Commissioner Ivo Sand gave updates.\n\nAccording to Sand we are \"clearly on a downward slope.\"",
			[]want{{"Ivo Sand", "clearly on a downward slope.", true}}},
		{"a pronoun and a verb in the present close the quotation's sentence",
			"Mayor Ada Lund looked at the basket.\n\n\"We got a warning to stay home, but we cannot,\" she continues. \"How could we?\"",
			[]want{{"Ada Lund", "We got a warning to stay home, but we cannot,", true}, {"Ada Lund", "How could we?", true}}},
		{"a participle after a main clause whose subject is a pronoun",
			`President Ivo Sand rejected the pipeline in November. When Sand rejected it, he borrowed the movement's language, saying, "We have to keep some fuels in the ground."`,
			[]want{{"Ivo Sand", "We have to keep some fuels in the ground.", true}}},
		{"a participle after a verb of saying hangs from it, not from a pronoun's clause",
			`Ada Lund grew up in Ohio. Outside sports, she enjoyed "cooking and travel," the obituary says, adding, "she loved Italy."`,
			[]want{{"the obituary", "cooking and travel,", false}, {"the obituary", "she loved Italy.", false}}},
		{"a surname that is also a title word",
			"Dr. Ada King, a neurologist, studies memory.\n\n\"That is a problem with training,\" King said. \"It rarely lasts.\"",
			[]want{{"Ada King", "That is a problem with training,", true}, {"Ada King", "It rarely lasts.", true}}},
		{"a title in the speaker's appositive, its comma inside the marks",
			`"The party is dominated by authoritarian habits," Ada Lund, a historian and author of the book "Strongmen: A History," told me. "There is no space for dissent."`,
			[]want{{"Ada Lund", "The party is dominated by authoritarian habits,", true}, {"Ada Lund", "There is no space for dissent.", true}}},
		{"an intensive reflexive between the subject and its verb",
			`Mayor Ada Lund herself said any award over $2 million "would sink us."`,
			[]want{{"Ada Lund", "would sink us.", true}}},
		{"a colon after a person's possession",
			`Senator Ada Lund's banner read: "Save our parks."`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []want
			for _, q := range quote.Extract(rag.Article{ID: "a", Text: tt.body}) {
				got = append(got, want{q.Speaker, q.Text, !q.NotPerson})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
