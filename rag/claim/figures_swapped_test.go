package claim

import "testing"

// TestSwappedFigures covers two figures of one passage sentence given to
// each other's items, which each figure alone does not show.
func TestSwappedFigures(t *testing.T) {
	prices := "Prices for other goods have also jumped: flour is up 22.7%, rice 17.6%, milk 15.6% and bacon 9.2%."
	spending := "The average household spending has held steady at $143 per week, which is down from the $161 at the height of the pandemic in 2020."
	doses := "Varland has received more than 61,000 vaccine doses so far and distributed more than 25,000, the ministry said."
	runCases(t, KindFigure, []ruleCase{
		{"items kept", "Rice is up 17.6% and milk 15.6%.", prices, true},
		{"items swapped", "Milk is up 17.6% and rice 15.6%.", prices, false},
		{"verbs kept", "Varland has received more than 61,000 doses and distributed more than 25,000.", doses, true},
		{"verbs swapped", "Varland has distributed more than 61,000 doses and received more than 25,000.", doses, false},
		{"hedges exchanged, items kept", "The minister quit after almost 60 members of his government, nearly half the payroll, resigned.",
			"It took the resignation of nearly 60 members of his government, almost half the payroll, for him to quit.", true},
		{"a range reordered", "Cases rose to 200 from 100.", "Cases rose from 100 to 200 last week.", true},
		{"where a change started, kept", "Spending has held steady at $143 a week, down from $161 in 2020.", spending, true},
		{"where a change started, swapped", "Spending has held steady at $161 a week, down from $143 in 2020.", spending, false},
		{"after a verb of change, swapped", "Spending held at $161 a week after it fell from $143.", "Spending held at $143 a week after it fell from $161, the survey found.", false},
	})
	r := Check("Milk is up 17.6% and rice 15.6%.", Source{Text: prices})
	if want := "the source gives rice 17.6% and milk 15.6%"; r.Reason != want {
		t.Errorf("reason %q, want %q", r.Reason, want)
	}
}

// TestPartOfAWhole covers a part of a whole written as two counts and as a
// share: "six of the 12" is half of them, "half of the 12" is six.
func TestPartOfAWhole(t *testing.T) {
	runCases(t, KindFigure, []ruleCase{
		{"a share for two counts", "Half of the 12 victims were children.", "Six of the 12 people killed were children, officials said.", true},
		{"a share for two counts, with a possessive", "A quarter of its 8,000 staff will go.", "The firm will cut 2,000 of its 8,000 staff.", true},
		{"a count for a share", "Six of the 12 victims were children.", "Half of the 12 people killed were children, officials said.", true},
		{"another share", "A third of the 12 victims were children.", "Six of the 12 people killed were children, officials said.", false},
	})
}

// TestBoundedDozen covers "more than a dozen" and "nearly a dozen": a
// dozen is counted in dozens, so the bound holds a count a few above or
// below twelve, on its side.
func TestBoundedDozen(t *testing.T) {
	runCases(t, KindFigure, []ruleCase{
		{"more than a dozen for 14", "The fire destroyed more than a dozen homes.", "The fire destroyed 14 homes.", true},
		{"nearly a dozen for 10", "The fire destroyed nearly a dozen homes.", "The fire destroyed 10 homes.", true},
		{"more than a dozen for 10", "The fire destroyed more than a dozen homes.", "The fire destroyed 10 homes.", false},
		{"a dozen for 14", "The fire destroyed a dozen homes.", "The fire destroyed 14 homes.", false},
	})
}

// TestFigureGivenAnotherTime covers a figure given the time of another
// figure of one passage sentence ("3.9% in May from 4.1% in April").
func TestFigureGivenAnotherTime(t *testing.T) {
	passage := "The state's unemployment rate fell to 3.9% in May from 4.1% in April, the Labor Department said on Friday."
	runCases(t, KindTime, []ruleCase{
		{"its own month", "In May, unemployment in the state was 3.9%.", passage, true},
		{"the other figure's month", "In April, unemployment in the state was 3.9%.", passage, false},
		{"both with their months", "Unemployment in the state fell to 3.9% in May from 4.1% in April.", passage, true},
		{"the earlier figure after from", "In May, unemployment in the state fell to 3.9% from 4.1%.", passage, true},
	})
	// The time a few words after "in", and a time counted from another
	// right after the figure.
	mortgage := "The 30-year fixed-rate mortgage averaged 5.30% in the week ending July 7, down from 5.70% the week before, according to Freddie Mac."
	runCases(t, KindTime, []ruleCase{
		{"the week's own figure", "The 30-year rate averaged 5.3% in the week ending July 7.", mortgage, true},
		{"the week before's figure", "The 30-year rate averaged 5.7% in the week ending July 7.", mortgage, false},
	})
}

// TestTemperatureScale: "111 degrees Fahrenheit" counts on the scale the
// passage writes without "degrees" ("44 degrees Celsius (111
// Fahrenheit)"), and is no count of the passage's Celsius degrees.
func TestTemperatureScale(t *testing.T) {
	p := "Four cities saw temperatures reaching 44 degrees Celsius (111 Fahrenheit), according to the National Climate Center."
	runCases(t, KindFigure, []ruleCase{
		{"the other scale", "Temperatures reached 111 degrees Fahrenheit in four cities.", p, true},
		{"the passage's scale", "Temperatures reached 44 degrees Celsius in four cities.", p, true},
		{"a figure on the wrong scale", "Temperatures reached 111 degrees Celsius in four cities.", p, false},
	})
}

// TestSwappedAttributiveFigures covers figures that open a hyphenated
// compound before their noun ("a 3-year-old son") given to each other's
// nouns.
func TestSwappedAttributiveFigures(t *testing.T) {
	p := "That's the case for women like Maria, 26, who has an 8-year-old daughter, a 3-year-old son and a 1-year-old boy."
	runCases(t, KindFigure, []ruleCase{
		{"ages swapped", "Maria, 26, has a 3-year-old daughter and an 8-year-old son.", p, false},
		{"ages kept", "Maria, 26, has an 8-year-old daughter and a 3-year-old son.", p, true},
	})
}
