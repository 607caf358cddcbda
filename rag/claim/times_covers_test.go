package claim

import "testing"

// TestVagueTimeHoldsSpecific: "on the weekend" restates "on Saturday" and
// "in the spring" restates "in April"; the other way round the sentence
// says more than the passage, and another season or day is caught.
func TestVagueTimeHoldsSpecific(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"weekend for Saturday", "The rally was held on the weekend.", "The rally was held on Saturday in Tarrow.", true},
		{"Saturday for weekend", "The rally was held on Saturday.", "The rally was held on the weekend in Tarrow.", false},
		{"another day", "The rally was held on Tuesday.", "The rally was held on Saturday in Tarrow.", false},
		{"spring for April", "The report was published in the spring.", "The report was published in April by the agency.", true},
		{"autumn for April", "The report was published in the autumn.", "The report was published in April by the agency.", false},
		{"a month of the season, not the passage's", "The term begins on July 23 in the summer.", "The term will begin on June 23 this summer.", false},
	})
}

// TestPartOfAMonth: "late March" is the last third of the month, so a
// passage's "March 3" says otherwise; a day written before its month ("28
// March") is a date, as "March 28" is.
func TestPartOfAMonth(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"late against the 3rd", "The meeting was held in late March.", "The meeting was held on March 3 in Graz.", false},
		{"early and the 3rd", "The meeting was held in early March.", "The meeting was held on March 3 in Graz.", true},
		{"late and the 28th, day first", "The meeting was held in late March.", "The meeting was held on 28 March in Graz.", true},
		{"mid against the 28th", "The meeting was held in mid-March.", "The meeting was held on 28 March in Graz.", false},
		{"the month of a day written first", "The meeting was held in March.", "The meeting was held on 28 March in Graz.", true},
		{"another month", "The meeting was held in April.", "The meeting was held on 28 March in Graz.", false},
	})
}

// TestOneUnitAway: "a day before" and "a day earlier", closing their
// clause, are "the previous day"; "the week after" is "the following
// week". The other way round is another time, and "a day before the vote"
// leaves the time to the vote.
func TestOneUnitAway(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"previous day for a day before", "Stocks erased the previous day's rally.", "Stocks fell 3% to reverse a rally from a day before.", true},
		{"day before for a day earlier", "Stocks erased the rally of the day before.", "Stocks fell 3%, erasing a rally from a day earlier.", true},
		{"one day before", "Stocks erased the previous day's rally.", "Stocks fell 3% to reverse a rally from one day before.", true},
		{"following week for week after", "The talks resumed the following week.", "The talks broke down, and resumed the week after.", true},
		{"next for before", "Stocks erased the next day's rally.", "Stocks fell 3% to reverse a rally from a day before.", false},
		{"previous week for a day before", "Stocks erased the previous week's rally.", "Stocks fell 3% to reverse a rally from a day before.", false},
	})
}

// TestStepAgainstAgo: in a comparison "from a year earlier" is "from a
// year ago"; a month earlier is not a year ago.
func TestStepAgainstAgo(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"year earlier for year ago", "Rent hit $1,879 in July, up 12.3% from a year earlier.", "Rent hit $1,879 in July, up 12.3% from a year ago.", true},
		{"month earlier for year ago", "Rent hit $1,879 in July, up 12.3% from a month earlier.", "Rent hit $1,879 in July, up 12.3% from a year ago.", false},
	})
}

// TestStepAgainstDates: a source that dates its events leaves "a day
// earlier" to them; one that counts another step says otherwise.
func TestStepAgainstDates(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"dated source", "Stocks fell 3%, erasing a rally from a day earlier.", "Stocks fell 3% on Wednesday, erasing Tuesday's rally.", true},
		{"another step", "Stocks fell 3%, erasing a rally from a day earlier.", "Stocks fell 3%, erasing a rally from the previous week.", false},
	})
}

// TestToDate: "year-to-date" and "YTD" are this year so far.
func TestToDate(t *testing.T) {
	runCases(t, KindTime, []ruleCase{
		{"so far this year", "Album sales are down 6% from 2012 so far this year.", "Year-to-date album sales are down 6% from 2012.", true},
		{"YTD", "Album sales are down 6% this year.", "YTD album sales are down 6%, the report said.", true},
		{"last year", "Album sales were down 6% last year.", "Year-to-date album sales are down 6% from 2012.", false},
	})
}

// TestNoon: "12 p.m." is noon and "12 a.m." midnight; "3 p.m." is not
// noon.
func TestNoon(t *testing.T) {
	p := "The hub opens at noon today in a warehouse on Silverton Road NE."
	runCases(t, KindTime, []ruleCase{
		{"12 p.m.", "The hub on Silverton Road NE opens at 12 p.m. today.", p, true},
		{"midday", "The hub on Silverton Road NE opens at midday today.", p, true},
		{"midnight", "The hub on Silverton Road NE opens at midnight today.", p, false},
	})
	if r := Check("The hub on Silverton Road NE opens at 3 p.m. today.", Source{Text: p}); r.OK() {
		t.Error("3 p.m. for noon kept")
	}
}

// TestTheDayWhen: "on Thursday night, the day Rajapaksa landed" says the
// night itself; "day" there is no opposite of the passage's night.
func TestTheDayWhen(t *testing.T) {
	a := "But while Rajapaksa is now out of the picture, having landed in Singapore on Thursday, following an earlier escape to the Maldives via military jet, his close political ally Wickremesinghe remains firmly in place -- and was sworn in as Acting President Friday."
	b := "The news sparked jubilant celebrations in Colombo on Thursday night, with crowds of cheering protesters lighting firecrackers and fireworks. People from all walks of life, young and old, spilled onto the streets for the celebrations, which lasted late into the night."
	s := "Crowds of cheering protesters lit firecrackers and fireworks in Colombo on Thursday night, the day Rajapaksa landed in Singapore."
	if r := Check(s, Source{Text: a}, Source{Text: b}); !r.OK() {
		t.Errorf("dropped: %s", r.Reason)
	}
	if r := Check("Crowds lit fireworks in Colombo during the day on Thursday.", Source{Text: b}); r.OK() {
		t.Error("day for night kept")
	}
}
