package prose

import (
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

func TestResolveDate(t *testing.T) {
	fri := time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC) // a Friday
	sat := time.Date(2025, 4, 26, 9, 30, 0, 0, time.UTC)
	jan := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text      string
		published time.Time
		want      time.Time
		precision string
		phrase    string
	}{
		// Explicit dates.
		{"The summit opened on 14 February.", sat, day(2025, 2, 14), rag.PrecisionDay, "14 February"},
		{"It was signed on 3rd March 2014.", sat, day(2014, 3, 3), rag.PrecisionDay, "3rd March 2014"},
		{"Talks resumed February 20, 2024.", sat, day(2024, 2, 20), rag.PrecisionDay, "February 20, 2024"},
		{"Filed on 2023-11-05 in Kyiv.", sat, day(2023, 11, 5), rag.PrecisionDay, "2023-11-05"},
		{"The strike on 30 December killed two.", jan, day(2024, 12, 30), rag.PrecisionDay, "30 December"},
		// A strong past in -an is a past, not a participle: March in a
		// February page is the last one.
		{"The trial began in March.", fri, day(2024, 3, 1), rag.PrecisionMonth, "in March"},
		{"The festival ran in April.", fri, day(2024, 4, 1), rag.PrecisionMonth, "in April"},
		{"Talks are set for 3 March.", fri, day(2025, 3, 3), rag.PrecisionDay, "3 March"},
		// Weekdays, against a Friday.
		{"Mr Coale also said on Thursday that it was on the table.", fri, day(2025, 2, 13), rag.PrecisionDay, "Thursday"},
		{"The leaders spoke on the phone early on Friday.", fri, day(2025, 2, 14), rag.PrecisionDay, "Friday"},
		{"They met last Friday.", fri, day(2025, 2, 7), rag.PrecisionDay, "last Friday"},
		{"He will travel to Kyiv on Monday.", fri, day(2025, 2, 17), rag.PrecisionDay, "Monday"},
		{"The vote is next Friday.", fri, day(2025, 2, 21), rag.PrecisionDay, "next Friday"},
		{"They agreed to meet later on Saturday.", sat, day(2025, 4, 26), rag.PrecisionDay, "Saturday"},
		// The future rule reads the event's verb, not a verb of saying.
		{"The mayor said Thursday that she will run again.", fri, day(2025, 2, 13), rag.PrecisionDay, "Thursday"},
		{"Officials announced late Monday that fares will rise.", fri, day(2025, 2, 10), rag.PrecisionDay, "Monday"},
		{"The museum stays shut through at least Wednesday.", fri, day(2025, 2, 19), rag.PrecisionDay, "Wednesday"},
		// A date at the head of the clause belongs to its main verb: a
		// verb of saying before the future marker keeps it in the past.
		{"On Thursday, the mayor said she will run again.", fri, day(2025, 2, 13), rag.PrecisionDay, "Thursday"},
		{"Monday, the union said its members would strike.", fri, day(2025, 2, 10), rag.PrecisionDay, "Monday"},
		{"On Tuesday, the team will play in Oslo.", fri, day(2025, 2, 18), rag.PrecisionDay, "Tuesday"},
		// Any verb of communication (WordNet) dates a saying, across an
		// object and a preposition.
		{"The governor told reporters on Wednesday that the road will reopen.", fri, day(2025, 2, 12), rag.PrecisionDay, "Wednesday"},
		{"The general warned Tuesday he would answer any attack.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		{"The senator vowed Monday to block the bill.", fri, day(2025, 2, 10), rag.PrecisionDay, "Monday"},
		{"Her office said Monday the minister will fly to Rome.", fri, day(2025, 2, 10), rag.PrecisionDay, "Monday"},
		{"Her office said the minister will fly to Rome on Monday.", fri, day(2025, 2, 17), rag.PrecisionDay, "Monday"},
		// A weekday after a verb in the present is the one to come.
		{"The minister is flying to Rome on Monday.", fri, day(2025, 2, 17), rag.PrecisionDay, "Monday"},
		{"The court has a hearing Tuesday on the appeal.", fri, day(2025, 2, 18), rag.PrecisionDay, "Tuesday"},
		{"The deadline is Wednesday.", fri, day(2025, 2, 19), rag.PrecisionDay, "Wednesday"},
		{"The deadline was Wednesday.", fri, day(2025, 2, 12), rag.PrecisionDay, "Wednesday"},
		{"The city has closed the bridge on Tuesday.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		{"The council is closed Friday.", fri, day(2025, 2, 14), rag.PrecisionDay, "Friday"},
		{"Storms hit the coast on Tuesday night.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		// "next" before anything but a date is no future ("next to").
		{"He was arrested on Tuesday next to the station.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		// A future marker in a relative or subordinate clause is that
		// clause's, not the date's.
		{"The park was given land Tuesday in a deal that will protect the bay.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		{"The storm that will reach the coast was first spotted Monday.", fri, day(2025, 2, 10), rag.PrecisionDay, "Monday"},
		{"The loans will be repaid starting Monday.", fri, day(2025, 2, 17), rag.PrecisionDay, "Monday"},
		// A speaker's own date takes the speaker's tense.
		{`"Hikers will see frost this weekend," the ranger said.`, fri, day(2025, 2, 15), rag.PrecisionWeek, "this weekend"},
		// A bare weekday six days back is the day after publication: that
		// far back a reporter writes "last Saturday".
		{"On Saturday, the ministers met in Oslo.", fri, day(2025, 2, 15), rag.PrecisionDay, "Saturday"},
		{"Last Saturday, the ministers met in Oslo.", fri, day(2025, 2, 8), rag.PrecisionDay, "Last Saturday"},
		{"On Sunday, the ministers met in Oslo.", fri, day(2025, 2, 9), rag.PrecisionDay, "Sunday"},
		// A weekday that names an event ("Thursday's ruling") is the nearer
		// one, whatever the clause's tense.
		{"Thursday's ruling will limit the agency's reach.", fri, day(2025, 2, 13), rag.PrecisionDay, "Thursday"},
		{"Crowds gathered for Sunday's parade.", fri, day(2025, 2, 16), rag.PrecisionDay, "Sunday"},
		// A weekday with its date is that date; a weekday that ends a span
		// or sets a deadline is the nearer one, unless a past state puts
		// it behind.
		{"Cases stand at 900, according to figures from Thursday, February 20.", day(2025, 2, 18), day(2025, 2, 20), rag.PrecisionDay, "February 20"},
		{"By Sunday the rain clears out of the valley.", day(2025, 2, 13), day(2025, 2, 16), rag.PrecisionDay, "Sunday"},
		{"By noon Sunday, neighbours had arrived with food.", fri, day(2025, 2, 9), rag.PrecisionDay, "Sunday"},
		{"\"We will win,\" the coach said on Tuesday.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		{"The fair opens this Sunday.", fri, day(2025, 2, 16), rag.PrecisionDay, "this Sunday"},
		{"On Tuesday, the board extended the ban, which will last a year.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		{"The paper ran an editorial this weekend.", day(2025, 2, 17), day(2025, 2, 15), rag.PrecisionWeek, "this weekend"},
		{"Officials reported 1,000 new cases over the weekend.", day(2025, 2, 17), day(2025, 2, 15), rag.PrecisionWeek, "over the weekend"},
		{"Crews will work over the weekend to clear the road.", fri, day(2025, 2, 15), rag.PrecisionWeek, "over the weekend"},
		{"In early March, the mayor proposed a tax.", day(2025, 6, 10), day(2025, 3, 1), rag.PrecisionMonth, "In early March"},
		// A month or day without a year falls before publication, unless
		// the sentence speaks of the future.
		{"In November, the council cut the budget.", jan, day(2024, 11, 1), rag.PrecisionMonth, "November"},
		{"The bridge closed on March 2 for repairs.", jan, day(2024, 3, 2), rag.PrecisionDay, "March 2"},
		{"The bridge will reopen in March.", jan, day(2025, 3, 1), rag.PrecisionMonth, "in March"},
		// Relative words.
		{"A missile hit the plant overnight.", fri, day(2025, 2, 14), rag.PrecisionDay, "overnight"},
		{"The minister resigned yesterday.", fri, day(2025, 2, 13), rag.PrecisionDay, "yesterday"},
		{"Kyiv does not expect talks today.", fri, day(2025, 2, 14), rag.PrecisionDay, "today"},
		{"Coming tomorrow: the jobs report.", fri, day(2025, 2, 15), rag.PrecisionDay, "tomorrow"},
		{"Sirens sounded tonight.", fri, day(2025, 2, 14), rag.PrecisionDay, "tonight"},
		{"Earlier this week Mr Trump called Mr Putin.", fri, day(2025, 2, 10), rag.PrecisionWeek, "Earlier this week"},
		{"He visited Kyiv last week.", fri, day(2025, 2, 3), rag.PrecisionWeek, "last week"},
		{"The prime minister visited Kyiv last month.", fri, day(2025, 1, 1), rag.PrecisionMonth, "last month"},
		{"Prices rose last year.", fri, day(2024, 1, 1), rag.PrecisionYear, "last year"},
		{"The deal fell apart three days ago.", fri, day(2025, 2, 11), rag.PrecisionDay, "three days ago"},
		// Anaphoric expressions count from the last date before them in
		// the sentence, not from publication.
		{"The levee failed on 3 February, and two days later the town flooded.", fri, day(2025, 2, 3), rag.PrecisionDay, "3 February"},
		{"The talks, which began on 3 January, collapsed the next day.", fri, day(2025, 1, 3), rag.PrecisionDay, "3 January"},
		// Before an event of its own, "a day after" dates that event from
		// its clause's date: publication for a verb in the present.
		{"The recall comes two days after the regulator opened an inquiry.", fri, day(2025, 2, 12), rag.PrecisionDay, "two days after"},
		{"The talks a day after the vote were calm.", fri, time.Time{}, "", ""},
		{"It began two weeks ago.", fri, day(2025, 1, 27), rag.PrecisionWeek, "two weeks ago"},
		// Months and years.
		{"Their row in the Oval Office in February.", sat, day(2025, 2, 1), rag.PrecisionMonth, "in February"},
		{"A summit in December was cancelled.", jan, day(2024, 12, 1), rag.PrecisionMonth, "in December"},
		{"A summit in March 2022 failed.", jan, day(2022, 3, 1), rag.PrecisionMonth, "in March 2022"},
		{"Russia annexed Crimea in 2014.", sat, day(2014, 1, 1), rag.PrecisionYear, "in 2014"},
		{"The team won the title in April of 2012.", sat, day(2012, 4, 1), rag.PrecisionMonth, "in April of 2012"},
		// A day and month with no tense to go by take the year nearest to
		// publication; a past verb puts them before it.
		{"The board has postponed the vote until February 28.", fri, day(2025, 2, 28), rag.PrecisionDay, "February 28"},
		{"A gala is planned for March 9 at the stadium.", fri, day(2025, 3, 9), rag.PrecisionDay, "March 9"},
		{"The driver was arrested on May 9.", fri, day(2024, 5, 9), rag.PrecisionDay, "May 9"},
		{"The river crested on December 20, officials said.", jan, day(2024, 12, 20), rag.PrecisionDay, "December 20"},
		{"December 20: the river crests in Hull.", jan, day(2024, 12, 20), rag.PrecisionDay, "December 20"},
		// So do months: "going to", an infinitive or a participle put no
		// verb in the past; a phrase with no verb of its own takes the
		// tense of the sentence.
		{"We are going to use them in November.", day(2025, 6, 25), day(2025, 11, 1), rag.PrecisionMonth, "in November"},
		{"The summit, being held in June in Lima, draws forty leaders.", day(2025, 5, 19), day(2025, 6, 1), rag.PrecisionMonth, "in June"},
		{"Voters are eager to turn out in November.", day(2025, 6, 25), day(2025, 11, 1), rag.PrecisionMonth, "in November"},
		{"The rate is up from 6.8% in November.", jan, day(2024, 11, 1), rag.PrecisionMonth, "in November"},
		{"In her last game in October, she scored twice.", day(2025, 8, 13), day(2024, 10, 1), rag.PrecisionMonth, "in October"},
		{"The mayor has had wins, signing a budget in March and a tax cut in May.", jan, day(2024, 3, 1), rag.PrecisionMonth, "in March"},
		// A date that ends a span or sets a deadline is read by the span,
		// not by the verb that set it; a past state puts it behind.
		{"The agency extended the pause until August 31.", day(2025, 4, 19), day(2025, 8, 31), rag.PrecisionDay, "August 31"},
		{"The rule, in effect until March 10, increased patrols.", day(2025, 2, 24), day(2025, 3, 10), rag.PrecisionDay, "March 10"},
		{"The envoy was unable to meet her until March 23.", day(2025, 8, 4), day(2025, 3, 23), rag.PrecisionDay, "March 23"},
		{"The coach, who took over in September, asks for time.", day(2025, 7, 29), day(2024, 9, 1), rag.PrecisionMonth, "in September"},
		// A date aside from the sentence's own clause (in a quotation, in
		// brackets, or naming a thing after a determiner or a possessive)
		// gives way to the clause's own date, however exact it is.
		{`"The river is rising today," the warden wrote last week.`, fri, day(2025, 2, 3), rag.PrecisionWeek, "last week"},
		{"The regulator answered the carrier's May 3 filing in a letter dated Thursday.", fri, day(2025, 2, 13), rag.PrecisionDay, "Thursday"},
		{"The council reviewed the March 2, 2024, ruling on Monday.", fri, day(2025, 2, 10), rag.PrecisionDay, "Monday"},
		{"Sales peaked last month (at 1,200 units on 3 January), the firm said.", fri, day(2025, 1, 1), rag.PrecisionMonth, "last month"},
		{"The filing cites the 3 January hearing.", fri, day(2025, 1, 3), rag.PrecisionDay, "3 January"},
		// A month and day that premodifies a plural noun with no determiner
		// names a body, not the event's day; after a preposition it dates.
		{"The judge denied a motion that October 7 negotiators hand over their notes in early December.", fri, day(2024, 12, 1), rag.PrecisionMonth, "in early December"},
		{"The judge said that on October 7 negotiators met in Vienna.", fri, day(2024, 10, 7), rag.PrecisionDay, "October 7"},
		{"Freezing fog is possible Sunday night.", fri, day(2025, 2, 16), rag.PrecisionDay, "Sunday"},
		// Modals put a weekday in the future; the tense that counts is the
		// month's own clause's.
		{"Talks could resume as soon as Friday.", sat, day(2025, 5, 2), rag.PrecisionDay, "Friday"},
		{"The ferry could sail again, as it did after repairs in November.", jan, day(2024, 11, 1), rag.PrecisionMonth, "in November"},
		// "due to" before a noun phrase gives a cause, not a schedule; a
		// verb of intention in the base form is a future ("we plan to"),
		// the same word after a determiner a noun ("a plan to").
		{"The rise in prices is due to a cold snap in January.", fri, day(2025, 1, 1), rag.PrecisionMonth, "in January"},
		{"We plan to reopen the plant on Monday.", fri, day(2025, 2, 17), rag.PrecisionDay, "Monday"},
		{"The mayor drew criticism Tuesday for backing a plan to close the school.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		{"The council on Tuesday approved a plan to widen the road.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		// An -ing form in a verb group a modal heads reports nothing of its
		// own ("will start flagging"), and WordNet's doubled-consonant
		// forms ("flagging", "beginning") are no past tense.
		{"Inspectors will start flagging unsafe bridges in March.", fri, day(2025, 3, 1), rag.PrecisionMonth, "in March"},
		{"Schools will be closed beginning March 16.", fri, day(2025, 3, 16), rag.PrecisionDay, "March 16"},
		// A verb of saying with a clause of its own: the date in the
		// reported clause takes that clause's tense; right after the verb
		// of saying, or in a phrase of it, the date is the saying's.
		{"The chair said there are more hearings to come in September.", sat, day(2025, 9, 1), rag.PrecisionMonth, "in September"},
		{"The chair said in September that the hearings would resume.", sat, day(2024, 9, 1), rag.PrecisionMonth, "in September"},
		{"The envoy told the board at a meeting in September the talks will resume.", sat, day(2024, 9, 1), rag.PrecisionMonth, "in September"},
		// A phrase with no verb of its own after a clause takes that
		// clause's tense (an adjective's forms, "heaviest", are no verb).
		{"The coast will see heavy rain, with the heaviest falls Sunday.", fri, day(2025, 2, 16), rag.PrecisionDay, "Sunday"},
		{"The coast saw heavy rain, with the heaviest falls Sunday.", fri, day(2025, 2, 9), rag.PrecisionDay, "Sunday"},
		// A relative word in capitals is part of a name ("USA TODAY").
		{"Her agent told USA TODAY on Monday that she had signed.", fri, day(2025, 2, 10), rag.PrecisionDay, "Monday"},
		// A weekday before its date picks the year in which the date falls
		// on it, within nine months of publication.
		{"Crowds filled the museum on Sunday, May 29.", day(2022, 5, 21), day(2022, 5, 29), rag.PrecisionDay, "May 29"},
		{"She was sentenced Monday, Jan. 3, on two counts.", day(2021, 12, 11), day(2022, 1, 3), rag.PrecisionDay, "Jan. 3"},
		{"Crews worked near the ridge on Wednesday, July 26.", day(2022, 7, 26), day(2022, 7, 26), rag.PrecisionDay, "July 26"},
		// A past verb before the date keeps a later future marker off it;
		// an adverb between an auxiliary and a participle leaves the
		// perfect a perfect.
		{"He was released Tuesday amid plans to fly home next week.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		{"The city has rarely lacked visitors and from Sunday will host the games.", fri, day(2025, 2, 16), rag.PrecisionDay, "Sunday"},
		// The second term of "between … and" ends a span.
		{"Residents vaccinated between now and March 20 will get a refund.", fri, day(2025, 3, 20), rag.PrecisionDay, "March 20"},
		// "since" a weekday counts from a day gone by, even six days back.
		{"Shops have taken orders since Saturday, when the rules changed.", fri, day(2025, 2, 8), rag.PrecisionDay, "Saturday"},
		{"Roads have been closed since late Tuesday.", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		// A day in the past a few weeks after the page's date is the page's
		// later text (a running timeline), not the same day a year before.
		{"March 3: The council voted to close the pier.", fri, day(2025, 3, 3), rag.PrecisionDay, "March 3"},
		{"The clinic closed on March 20.", fri, day(2024, 3, 20), rag.PrecisionDay, "March 20"},
		// A short past in -ed is a past ("died", "used"); a verb that is its
		// own base in -eed ("exceed") is a present.
		{"The drummer, who died on 3 December, was 71.", day(2025, 10, 20), day(2024, 12, 3), rag.PrecisionDay, "3 December"},
		{"Orders exceed supply in December, the firm says.", day(2025, 11, 20), day(2025, 12, 1), rag.PrecisionMonth, "in December"},
		// "want to" and "aim to" look ahead as "plan to" does.
		{"I want to run the marathon in April.", day(2025, 5, 14), day(2026, 4, 1), rag.PrecisionMonth, "in April"},
		// A weekday before a capitalised part of the day names a show in
		// running text ("Monday Night Football"); a headline capitalises
		// every word and keeps the date.
		{"Storms Hit The Coast Tuesday Night", fri, day(2025, 2, 11), rag.PrecisionDay, "Tuesday"},
		// The most exact date wins.
		{"In February, on 14 February, the call took place.", sat, day(2025, 2, 14), rag.PrecisionDay, "14 February"},
		{"Last month he said on Thursday that it was over.", fri, day(2025, 2, 13), rag.PrecisionDay, "Thursday"},
		// A sentence that quotes someone is dated by its verb of saying.
		{"Crews were on alert Saturday because they wanted \u201cto keep the crowd safe,\u201d the mayor told reporters on Monday.", fri, day(2025, 2, 10), rag.PrecisionDay, "Monday"},
		{"Crews were on alert on 8 February, the mayor told reporters on Monday.", fri, day(2025, 2, 8), rag.PrecisionDay, "8 February"},
	}
	for _, tt := range tests {
		got, ok := ResolveDate(tt.text, tt.published)
		if tt.want.IsZero() {
			if ok {
				t.Errorf("%q: got %s from %q, want no date", tt.text, got.Date.Format("2006-01-02"), got.Phrase)
			}
			continue
		}
		if !ok {
			t.Errorf("%q: no date", tt.text)
			continue
		}
		if !got.Date.Equal(tt.want) || got.Precision != tt.precision || !strings.HasSuffix(got.Phrase, tt.phrase) {
			t.Errorf("%q against %s: got %s %s %q, want %s %s %q", tt.text, tt.published.Format("Mon 2 Jan 2006"),
				got.Date.Format("2006-01-02"), got.Precision, got.Phrase, tt.want.Format("2006-01-02"), tt.precision, tt.phrase)
		}
		if got.Approx() != (tt.precision != rag.PrecisionDay) {
			t.Errorf("%q: Approx %v for precision %s", tt.text, got.Approx(), got.Precision)
		}
	}
}

// An anaphoric expression counts from the last date of an event that the
// sentence or an earlier sentence of the article gave; the date of a
// report is no anchor, and with no anchor it dates nothing.
func TestArticleDatesAnaphora(t *testing.T) {
	wed := time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)
	body := "The inspectors visited the plant on February 3, the agency said on Monday. " +
		"Five days later, they sent a letter. " +
		"The next day, the owner replied. " +
		"The board met in January. " +
		"A month later, it sold the plant. " +
		"A week before, the mayor had written to the board. " +
		"Two weeks after the sale the workers struck. " +
		"That night, the lights went out."
	dates := NewArticleDates(body, wed)
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		sentence string
		want     time.Time
		prec     string
	}{
		{"Five days later, they sent a letter.", day(2, 8), rag.PrecisionDay},
		{"The next day, the owner replied.", day(2, 9), rag.PrecisionDay},
		{"A month later, it sold the plant.", day(2, 1), rag.PrecisionMonth},
		{"That night, the lights went out.", time.Time{}, ""}, // a month gives no night
	} {
		got, ok := dates.Date(tt.sentence)
		if tt.want.IsZero() {
			if ok {
				t.Errorf("%q: got %s from %q, want no date", tt.sentence, got.Date.Format("2006-01-02"), got.Phrase)
			}
			continue
		}
		if !ok || !got.Date.Equal(tt.want) || got.Precision != tt.prec {
			t.Errorf("%q: got %s %s (%v), want %s %s", tt.sentence, got.Date.Format("2006-01-02"), got.Precision, ok, tt.want.Format("2006-01-02"), tt.prec)
		}
	}
	// "A week before, ..." counts back from the sale's month, too coarse for
	// a week; "two weeks after the sale" counts from an undated event.
	for _, s := range []string{"A week before, the mayor had written to the board.", "Two weeks after the sale the workers struck."} {
		if got, ok := dates.Date(s); ok {
			t.Errorf("%q: got %s from %q, want no date", s, got.Date.Format("2006-01-02"), got.Phrase)
		}
	}
	// Alone, with nothing before it, an anaphoric expression dates nothing.
	if got, ok := ResolveDate("Five days later, they sent a letter.", wed); ok {
		t.Errorf("no anchor: got %+v", got)
	}
	if got, ok := NewArticleDates("", wed).Date("Two days earlier, the dam broke."); ok {
		t.Errorf("sentence not in the article: got %+v", got)
	}
}

func TestResolveDateFindsNone(t *testing.T) {
	fri := time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Ukraine would not return to its 2014 borders.",
		"You may go.",
		"The friday market is busy.",
		"It happened on 31 February.",
		"A survey by USA TODAY found the same.",
		"She joined the cast of Saturday Night Live as a writer.",
		"The league sold a Thursday Night Football package.",
		"D. Saturday Night Live",
		"",
	} {
		if d, ok := ResolveDate(text, fri); ok {
			t.Errorf("%q: got %+v, want no date", text, d)
		}
	}
	// A relative date needs the article's date.
	if d, ok := ResolveDate("He resigned yesterday.", time.Time{}); ok {
		t.Errorf("undated article: got %+v", d)
	}
	if d, ok := ResolveDate("He resigned on 3 May 2021.", time.Time{}); !ok || !d.Date.Equal(time.Date(2021, 5, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("an explicit date needs no article date: %+v %v", d, ok)
	}
}

func FuzzResolveDate(f *testing.F) {
	for _, s := range []string{
		"on Thursday", "14 February 2025", "February 14, 2025", "2025-02-30", "last month", "three days ago",
		"in May 2024", "in 2014", "Earlier this week", "next Friday will", "31 Dec", "Sept. 9", "0 May", "99 June 9999",
	} {
		f.Add(s, int64(1739491200))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		pub := time.Unix(unix%(1<<36), 0).UTC()
		d, ok := ResolveDate(text, pub)
		if !ok {
			return
		}
		if d.Date.IsZero() || !strings.Contains(text, d.Phrase) || d.Phrase == "" {
			t.Fatalf("%q: %+v", text, d)
		}
		if _, known := precisionRank[d.Precision]; !known {
			t.Fatalf("%q: precision %q", text, d.Precision)
		}
		if d.Date.Hour() != 0 || d.Date.Minute() != 0 || d.Date.Location() != time.UTC {
			t.Fatalf("%q: date %v is not midnight UTC", text, d.Date)
		}
	})
}

// A live page dates its relative days from the update its text states, when
// that is after its publication date and not implausibly far from it.
func TestReferenceDate(t *testing.T) {
	tue := time.Date(2025, 2, 11, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want time.Time
	}{
		{"Updated 9:05 AM ET, Wed February 12, 2025\n\nThe ferry sank on Wednesday.", time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)},
		{"Updated: February 12, 2025. Rescuers worked overnight.", time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)},
		{"The ferry sank on Tuesday.", tue},
		{"Updated February 10, 2025: an earlier day is not an update.", tue},
		{"Updated June 12, 2025: months later is another story.", tue},
	}
	for _, tt := range tests {
		if got := ReferenceDate(tt.text, tue); !got.Equal(tt.want) {
			t.Errorf("ReferenceDate(%q) = %s, want %s", tt.text, got.Format("2006-01-02"), tt.want.Format("2006-01-02"))
		}
	}
	if got := ReferenceDate("Updated February 12, 2025.", time.Time{}); !got.IsZero() {
		t.Errorf("with no publication date: %s, want zero", got)
	}
}

// An article's reader never fails on any text, and what it dates comes
// from the sentence asked about.
func FuzzArticleDates(f *testing.F) {
	for _, s := range []string{
		"The dam broke on June 3. Five days later, the town flooded.",
		"The next day, “two weeks earlier” it said. That night",
		"A day after the vote, he resigned. The day before, she left.",
	} {
		f.Add(s, int64(1739491200))
	}
	f.Fuzz(func(t *testing.T, body string, unix int64) {
		dates := NewArticleDates(body, time.Unix(unix%(1<<36), 0).UTC())
		for _, sp := range SentenceSpans(body) {
			sent := body[sp[0]:sp[1]]
			if d, ok := dates.Date(sent); ok && (d.Date.IsZero() || !strings.Contains(sent, d.Phrase)) {
				t.Fatalf("%q in %q: %+v", sent, body, d)
			}
		}
	})
}

// A week's calendar (three or more lines headed by a weekday, in the order
// of the week) is one week: the one in which its first day is nearest the
// page's date, so a preview published on a Sunday lists the days to come.
func TestArticleDatesCalendar(t *testing.T) {
	sun := time.Date(2025, 3, 16, 0, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	body := "What to watch this week.\n\nMonday: Retail sales figures\n\nWednesday: The central bank sets rates\n\n" +
		"Thursday: Earnings from two airlines\n\nFriday: Home sales figures\n"
	dates := NewArticleDates(body, sun)
	for _, tt := range []struct {
		line string
		want time.Time
	}{
		{"Monday: Retail sales figures", day(17)},
		{"Wednesday: The central bank sets rates", day(19)},
		{"Thursday: Earnings from two airlines", day(20)},
		{"Friday: Home sales figures", day(21)},
	} {
		if d, ok := dates.Date(tt.line); !ok || !d.Date.Equal(tt.want) {
			t.Errorf("%q: got %v %v, want %v", tt.line, d.Date, ok, tt.want)
		}
	}
	// Two headings, or headings out of the week's order, are no calendar:
	// each is read as a weekday alone (Friday, five days back).
	for _, body := range []string{
		"Friday: Home sales figures\n\nThursday: Jobless claims\n",
		"Thursday: Jobless claims\n\nFriday: Home sales figures\n\nMonday: Retail sales\n",
	} {
		if d, ok := NewArticleDates(body, sun).Date("Friday: Home sales figures"); !ok || !d.Date.Equal(day(14)) {
			t.Errorf("%q: got %v %v, want the Friday past", body, d.Date, ok)
		}
	}
}

// A sentence that tells two events on two days gives both, each dated by
// its own clause; a date inside a quotation is the speaker's and is left
// out. Sentences written for this test.
func TestArticleDatesEvents(t *testing.T) {
	tue := time.Date(2025, 8, 12, 0, 0, 0, 0, time.UTC) // a Tuesday
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	type ev struct {
		phrase string
		date   time.Time
	}
	for _, tt := range []struct {
		sentence string
		want     []ev
	}{
		{"The finance panel approved the bid in late July and the final vote came Tuesday.",
			[]ev{{"in late July", day(7, 1)}, {"Tuesday", day(8, 12)}}},
		{"Officials said late Monday that they will refund depositors after a protest on Sunday was broken up.",
			[]ev{{"Monday", day(8, 11)}, {"Sunday", day(8, 10)}}},
		{"By midday Monday, airlines had cancelled 900 flights, and they had already scrubbed 2,000 scheduled for Wednesday.",
			[]ev{{"Monday", day(8, 11)}, {"Wednesday", day(8, 13)}}},
		{`"We reopen on Friday," the manager said on Monday.`,
			[]ev{{"Monday", day(8, 11)}}},
		{"The panel met on June 3 and ruled two days later.",
			[]ev{{"June 3", day(6, 3)}}},
		{"When activist April Reign started the hashtag in 2015, the field lacked diversity.",
			[]ev{{"in 2015", time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)}}},
	} {
		var got []ev
		for _, d := range NewArticleDates(tt.sentence, tue).Events(tt.sentence) {
			if tt.sentence[d.At:d.At+len(d.Phrase)] != d.Phrase {
				t.Errorf("%q: phrase %q is not at %d", tt.sentence, d.Phrase, d.At)
			}
			got = append(got, ev{d.Phrase, d.Date})
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.sentence, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].phrase != tt.want[i].phrase || !got[i].date.Equal(tt.want[i].date) {
				t.Errorf("%q: event %d is %q on %v, want %q on %v", tt.sentence, i, got[i].phrase, got[i].date, tt.want[i].phrase, tt.want[i].date)
			}
		}
	}
}
