package claim

import "testing"

// TestNumberForms holds figures written the many ways news writes them: a
// faithful rewrite of each must be kept, and a changed figure, a figure
// moved to another noun or a bound turned round must be dropped. The
// passages and sentences are made up for the test.
func TestNumberForms(t *testing.T) {
	var (
		budget  = []Source{{Text: "The council approved a budget of $3.2 billion on Tuesday, and 312 staff will lose their jobs."}}
		arrests = []Source{{Text: "Police arrested 24 people, including 12 teenagers, after the match."}}
		outage  = []Source{{Text: "The company said 1,200,000 customers were affected by the outage."}}
		jobless = []Source{{Text: "Unemployment rose to 4.5 per cent in March, up 0.3 percentage points on the month."}}
		survey  = []Source{{Text: "One in four adults reported symptoms, the survey found."}}
		quarter = []Source{{Text: "A quarter of adults reported symptoms, the survey found."}}
		suspect = []Source{{Text: "The suspect, aged 31, was charged on Monday."}}
		prices  = []Source{{Text: "Rents doubled over the decade, while wages rose by 10 per cent."}}
		race    = []Source{{Text: "Okafor finished third in the race, behind two Kenyan runners."}}
		injured = []Source{{Text: "Between 10 and 12 people were injured in the crash."}}
		prize   = []Source{{Text: "The painting sold for £40,000 at auction on Friday."}}
		grant   = []Source{{Text: "The charity received a grant of $500,000 from the city."}}
		deal    = []Source{{Text: "The deal is worth $3bn, and more than 40,000 homes will be built."}}
		tripled = []Source{{Text: "Sales tripled to 900 units last year."}}
		poll    = []Source{{Text: "In the poll, 48% of voters backed the plan and 36% opposed it, while 90% said they would vote."}}
		jubilee = []Source{{Text: "The club marked its 50th anniversary with a 21st straight win."}}
		meeting = []Source{{Text: "The two leaders met for 90 minutes, and the press conference lasted 30 minutes."}}
		vaccine = []Source{{Text: "Regulators cleared the vaccine for children ages 5 to 11 on Friday."}}
		trial   = []Source{{Text: "The trial lasted 18 months and cost $1.2 trillion, officials said."}}
		crowd   = []Source{{Text: "Organisers said 1.5 million people attended, and 20% of them were tourists."}}
	)
	checkKept(t, []keptCase{
		{"number words with and", "Three hundred and twelve staff will lose their jobs.", budget, true},
		{"number words without and", "Three hundred twelve staff will lose their jobs.", budget, true},
		{"bn glued", "The council approved a $3.2bn budget on Tuesday.", budget, true},
		{"billion dollars", "The council approved a budget of 3.2 billion dollars on Tuesday.", budget, true},
		{"about a rounded amount", "The council approved a budget of about $3 billion on Tuesday.", budget, true},
		{"more than a rounded count", "More than 300 staff will lose their jobs.", budget, true},
		{"figure changed", "Two hundred and thirteen staff will lose their jobs.", budget, false},
		{"amount changed", "The council approved a budget of $2.3 billion on Tuesday.", budget, false},
		{"fewer than, wrong side", "Fewer than 300 staff will lose their jobs.", budget, false},
		{"two dozen", "Police arrested two dozen people, including a dozen teenagers, after the match.", arrests, true},
		{"a dozen", "Police arrested 24 people, among them a dozen teenagers.", arrests, true},
		{"figures moved between nouns", "Police arrested 12 people, including 24 teenagers, after the match.", arrests, false},
		{"dozen moved to another noun", "Police arrested a dozen people after the match.", arrests, false},
		{"three dozen", "Police arrested three dozen people after the match.", arrests, false},
		{"millions with a point", "The company said 1.2 million customers were affected by the outage.", outage, true},
		{"m glued", "The outage affected 1.2m customers, the company said.", outage, true},
		{"about a million", "The company said about a million customers were affected by the outage.", outage, true},
		{"million changed", "The company said 2.1 million customers were affected by the outage.", outage, false},
		{"percent sign", "Unemployment rose to 4.5% in March, up 0.3 percentage points on the month.", jobless, true},
		{"percent word", "Unemployment rose to 4.5 percent in March.", jobless, true},
		{"percent changed", "Unemployment rose to 5.4% in March.", jobless, false},
		{"points changed", "Unemployment rose to 4.5% in March, up 3 percentage points on the month.", jobless, false},
		{"one in four as a percentage", "Twenty-five per cent of adults reported symptoms, the survey found.", survey, true},
		{"one in four as a quarter", "A quarter of adults reported symptoms, the survey found.", survey, true},
		{"a quarter as one in four", "One in four adults reported symptoms, the survey found.", quarter, true},
		{"one in three", "One in three adults reported symptoms, the survey found.", survey, false},
		{"one in four as 40 per cent", "Forty per cent of adults reported symptoms, the survey found.", survey, false},
		{"digits one in four", "1 in 4 adults reported symptoms, the survey found.", survey, true},
		{"three out of four", "Three out of four adults reported symptoms, the survey found.", survey, false},
		{"age as year-old", "The 31-year-old suspect was charged on Monday.", suspect, true},
		{"age in years old", "The suspect, 31 years old, was charged on Monday.", suspect, true},
		{"age changed", "The 13-year-old suspect was charged on Monday.", suspect, false},
		{"age in words", "The thirty-one-year-old suspect was charged on Monday.", suspect, true},
		{"doubled as twice", "Over the decade rents grew twofold, while wages rose by 10 per cent.", prices, true},
		{"doubled kept", "Rents doubled over the decade.", prices, true},
		{"doubled made tripled", "Rents tripled over the decade.", prices, false},
		{"tripled as threefold", "Sales rose threefold to 900 units last year.", tripled, true},
		{"tripled made doubled", "Sales doubled to 900 units last year.", tripled, false},
		{"ordinal in digits", "Okafor finished 3rd in the race, behind two Kenyan runners.", race, true},
		{"ordinal changed", "Okafor finished second in the race, behind two Kenyan runners.", race, false},
		{"range with a hyphen", "10-12 people were injured in the crash.", injured, true},
		{"range in words", "Ten to twelve people were injured in the crash.", injured, true},
		{"range changed", "Between 10 and 20 people were injured in the crash.", injured, false},
		{"pounds in words", "The painting sold for 40,000 pounds at auction on Friday.", prize, true},
		{"k glued", "The painting sold for £40k at auction on Friday.", prize, true},
		{"thousand in words", "The painting sold for forty thousand pounds at auction on Friday.", prize, true},
		{"half a million", "The charity received a half-million-dollar grant from the city.", grant, true},
		{"half a million, spaced", "The charity received a grant of half a million dollars from the city.", grant, true},
		{"a million for half", "The charity received a grant of a million dollars from the city.", grant, false},
		{"bn spelled out", "The deal is worth 3 billion dollars, and over 40,000 homes will be built.", deal, true},
		{"more flipped to fewer", "The deal is worth $3bn, and fewer than 40,000 homes will be built.", deal, false},
		{"at least for more than", "At least 40,000 homes will be built under the $3bn deal.", deal, true},
		{"forty thousand", "More than forty thousand homes will be built under the deal.", deal, true},
		{"nearly half", "In the poll, nearly half of voters backed the plan.", poll, true},
		{"more than a third", "More than a third of voters opposed the plan, the poll found.", poll, true},
		{"nine in ten", "Nine in ten voters said they would vote, the poll found.", poll, true},
		{"more than half for 48%", "In the poll, more than half of voters backed the plan.", poll, false},
		{"nearly half for 36%", "Nearly half of voters opposed the plan, the poll found.", []Source{{Text: "In the poll, 36% of voters opposed the plan."}}, false},
		{"eight in ten for 90%", "Eight in ten voters said they would vote, the poll found.", poll, false},
		{"ordinal fiftieth", "The club marked its fiftieth anniversary with a twenty-first straight win.", jubilee, true},
		{"ordinal changed, fortieth", "The club marked its fortieth anniversary with a 21st straight win.", jubilee, false},
		{"ordinal changed, 31st", "The club marked its 50th anniversary with a thirty-first straight win.", jubilee, false},
		{"one and a half million", "Organisers said one and a half million people attended.", crowd, true},
		{"1,500,000", "Organisers said 1,500,000 people attended.", crowd, true},
		{"a fifth", "Organisers said a fifth of the 1.5 million people who attended were tourists.", crowd, true},
		{"one in five", "One in five of the 1.5 million people who attended were tourists, organisers said.", crowd, true},
		{"a quarter for a fifth", "Organisers said a quarter of the 1.5 million people who attended were tourists.", crowd, false},
		{"an hour and a half", "The two leaders met for an hour and a half.", meeting, true},
		{"half an hour", "The press conference lasted half an hour.", meeting, true},
		{"two hours for 90 minutes", "The two leaders met for two hours.", meeting, false},
		{"year-olds for ages", "Regulators cleared the vaccine for 5- to 11-year-olds on Friday.", vaccine, true},
		{"year-olds, wrong age", "Regulators cleared the vaccine for 5- to 12-year-olds on Friday.", vaccine, false},
		{"a year and a half", "The trial lasted a year and a half and cost 1.2 trillion dollars, officials said.", trial, true},
		{"two years for 18 months", "The trial lasted two years, officials said.", trial, false},
		{"years for a decade", "Rents doubled over 10 years.", []Source{{Text: "Rents doubled over a decade."}}, true},
		{"years for a decade, wrong", "Rents doubled over 20 years.", []Source{{Text: "Rents doubled over a decade."}}, false},
		{"minutes for an hour", "The talks lasted 60 minutes.", []Source{{Text: "The talks lasted an hour, aides said."}}, true},
		{"days for a fortnight", "The strike lasted 14 days.", []Source{{Text: "The strike lasted a fortnight."}}, true},
		{"a third straight win", "The club won a third straight title on Sunday.", []Source{{Text: "The club won its third straight title on Sunday."}}, true},
		{"a third of, as a share", "A third of the members voted on Sunday.", []Source{{Text: "About 33% of the members voted on Sunday."}}, true},
		{"a fifth before a preposition, as a share", "The Nasdaq has rallied more than a fifth from its lows of the year.", []Source{{Text: "The Nasdaq has rallied more than 20% from its lows of the year."}}, true},
		{"a fifth for 30%", "The Nasdaq has rallied a fifth from its lows of the year.", []Source{{Text: "The Nasdaq has rallied 30% from its lows of the year."}}, false},
		{"two bounds that agree", "The carriers fly nearly 3,000 routes.", []Source{{Text: "The carriers fly more than 2,900 routes."}}, true},
		{"two bounds that conflict", "The carriers fly more than 3,000 routes.", []Source{{Text: "The carriers fly nearly 3,000 routes."}}, false},
		{"dollars for pounds", "The painting sold for $40,000 at auction on Friday.", prize, false},
		{"euros in words", "The club paid 5 million euros for the striker.", []Source{{Text: "The club paid €5m for the striker."}}, true},
		{"dollars for euros", "The club paid $5m for the striker.", []Source{{Text: "The club paid €5m for the striker."}}, false},
		{"weight in pounds", "The python weighed 215 pounds.", []Source{{Text: "The 215-pound python was caught on Friday."}}, true},
		{"day as an ordinal", "The vote is set for the 24th of June.", []Source{{Text: "The vote is set for June 24."}}, true},
		{"day in words", "The vote is set for June 24.", []Source{{Text: "The vote is set for June twenty-fourth."}}, true},
		{"day changed", "The vote is set for the 25th of June.", []Source{{Text: "The vote is set for June 24."}}, false},
		{"nil for nought", "Chelsea won by three goals to nil.", []Source{{Text: "Chelsea won 3-0."}}, true},
		{"nil for one", "Chelsea won by three goals to nil.", []Source{{Text: "Chelsea won 3-1."}}, false},
		{"month abbreviated", "The vote is set for December 5.", []Source{{Text: "The vote is set for Dec. 5, officials said."}}, true},
		{"month abbreviated, changed", "The vote is set for November 5.", []Source{{Text: "The vote is set for Dec. 5, officials said."}}, false},
		{"abbreviated month, day as an ordinal", "The vote is set for the 5th of December.", []Source{{Text: "The vote is set for Dec. 5, officials said."}}, true},
		{"quarter written short", "Sales rose 8% in the second quarter.", []Source{{Text: "Sales rose 8% in Q2, the company said."}}, true},
		{"quarter written short, changed", "Sales rose 8% in the third quarter.", []Source{{Text: "Sales rose 8% in Q2, the company said."}}, false},
		{"forty k", "More than 40k homes will be built under the deal.", deal, true},
	})
}

func TestWordNumber(t *testing.T) {
	for text, want := range map[string]float64{
		"one hundred and fifty": 150, "a hundred and one": 101, "three hundred and twelve": 312,
		"three hundred twelve": 312, "two thousand three hundred": 2300, "twenty-four": 24,
		"a thousand": 1000, "two dozen": 24, "twelve thousand": 12000, "nineteen million": 19e6,
		"one million two hundred thousand": 1.2e6, "thirty-one": 31, "ninety nine": 99,
	} {
		toks := tokenize(text, 20)
		v, end, _, ok := wordNumber(toks, 0)
		if !ok || end != len(toks) || v != want {
			t.Errorf("wordNumber(%q) = %v, %d words, %v; want %v, all %d", text, v, end, ok, want, len(toks))
		}
	}
}

// TestFactorShownByTwoFigures: "tripled" where the passage gives the
// figures before and after ("from 10,000 to 30,000") states the same, and
// a factor the figures do not show is still caught; the figures must be
// of one unit and in the order of the change.
func TestFactorShownByTwoFigures(t *testing.T) {
	passage := "Sales at the Tarrow plant rose from 10,000 units in 2020 to 30,000 units last year, the company said."
	runCases(t, KindFigure, []ruleCase{
		{"the factor the figures show", "Sales at the Tarrow plant tripled to 30,000 units.", passage, true},
		{"another factor", "Sales at the Tarrow plant doubled to 30,000 units.", passage, false},
		{"the factor turned round", "Sales at the Tarrow plant were halved.", passage, false},
	})
}

// TestMeasuresInOtherUnits: a length, mass or area in another unit of its
// dimension is the same figure when it converts (within unitTolerance),
// and another figure when it does not, however the numbers read.
func TestMeasuresInOtherUnits(t *testing.T) {
	runCases(t, KindFigure, []ruleCase{
		{"the same number, another unit", "The ship is 300 metres long.", "The ship, launched in May, is 300 feet long.", false},
		{"converted", "The race is 10 kilometres long.", "The 6.2-mile race starts at noon.", true},
		{"converted, mass", "The python weighed about 98 kilograms.", "The python weighed 215 pounds of muscle, or 97.5 kg.", true},
		{"another mass", "The statue weighs 3 kilograms.", "The statue weighs 3 tonnes.", false},
		{"acres and hectares", "The fire burned 1,000 hectares.", "The fire burned about 2,470 acres.", true},
	})
}

// TestAgeGivenByAVerb: "the 54-year-old" where the passage says "who is
// 54" or "turned 54" states the age; another age is still caught.
func TestAgeGivenByAVerb(t *testing.T) {
	passage := "Tom Smith, who is 54, became the union's leader in 2015."
	for sentence, ok := range map[string]bool{
		"The 54-year-old has led the union since 2015.": true,
		"The 45-year-old has led the union since 2015.": false,
	} {
		if r := Check(sentence, Source{Text: passage}); r.OK() != ok {
			t.Errorf("%q: %s (%s), want ok=%v", sentence, r.Verdict, r.Reason, ok)
		}
	}
	if r := Check("The 30-year-old singer released her first album in 2019.", Source{Text: "The singer, who turned 30 last week, released her first album in 2019."}); !r.OK() {
		t.Errorf("turned 30: %s (%s)", r.Verdict, r.Reason)
	}
}

// TestRoundingAndSterling: a word that rounds a figure ("roughly three")
// is no content of its own; "per cent" is a percentage; "three pounds" is
// sterling where the passage gives "£3".
func TestRoundingAndSterling(t *testing.T) {
	p := "The Department for Education spent £12m on a commemorative book for primary school children. The book's cost amounted to around £3 per pupil."
	runCases(t, KindAddition, []ruleCase{
		{"roughly three pounds", "The commemorative book cost roughly three pounds per pupil.", p, true},
		{"12 million pounds", "The Department for Education spent 12 million pounds on a commemorative book.", p, true},
		{"per cent", "Bitcoin is more than 50 per cent below its record high.", "At a price of just below $31,000, bitcoin is more than 50% below its record high of near $69,000.", true},
	})
	runCases(t, KindFigure, []ruleCase{
		{"roughly four pounds", "The commemorative book cost roughly four pounds per pupil.", p, false},
	})
}

// TestOneUnitMeasuredInAnother: "within a day" states what "in 24 hours"
// does; "within a week" does not.
func TestOneUnitMeasuredInAnother(t *testing.T) {
	p := "A bomb cyclone is defined as a storm whose central pressure plummets 24 millibars in 24 hours."
	runCases(t, KindAddition, []ruleCase{
		{"a day", "A bomb cyclone is a storm whose central pressure falls 24 millibars within a day.", p, true},
	})
	if r := Check("A bomb cyclone is a storm whose central pressure falls 24 millibars within a week.", Source{Text: p}); r.OK() {
		t.Error("a week for 24 hours kept")
	}
}

// TestNumberInAName: "COVID-19" names a disease; its 19 is no figure that
// a figure of the sentence could be said to stand in place of.
func TestNumberInAName(t *testing.T) {
	a := "Children can catch COVID-19 and pass it on to others. Roughly 4.5 million American children have become infected with COVID-19 since the beginning of the pandemic, according to the American Academy of Pediatrics."
	b := "About 180,000 children have been infected in the past week, the American Academy of Pediatrics says."
	runCases(t, KindFigure, []ruleCase{
		{"a figure from the other passage", "About 4.5 million US children have been infected since the pandemic began, including some 180,000 in the past week.", a + "\n\n" + b, true},
		{"a code is no figure", "Children can catch COVID 19 and pass it on.", a, true},
	})
	if fs := findFigures(tokenize("An F-35 and a G-7 summit on COVID-19.", 100)); len(fs) != 0 {
		t.Errorf("figures %v in names", fs)
	}
}

// TestRangeUnit: a range gives its unit once; "two to three days" is "48
// to 72 hours".
func TestRangeUnit(t *testing.T) {
	p := "On the eve of the offensive, some US officials predicted Kyiv would fall within 48 to 72 hours of hostilities beginning."
	runCases(t, KindFigure, []ruleCase{
		{"days for hours", "Some US officials forecast that Kyiv would fall within two to three days of the fighting starting.", p, true},
		{"another range", "Some US officials forecast that Kyiv would fall within three to four days of the fighting starting.", p, false},
	})
}

// TestOneHundredAfterAScale: "four thousand one hundred" is 4,100.
func TestOneHundredAfterAScale(t *testing.T) {
	fs := findFigures(tokenize("a warehouse space of four thousand one hundred feet", 100))
	if len(fs) != 1 || fs[0].value != 4100 {
		t.Fatalf("figures %v, want one of 4100", fs)
	}
	p := "The hub opens at noon today in a 4,100-foot warehouse space on Silverton Road NE."
	runCases(t, KindFigure, []ruleCase{
		{"in words", "The hub, in a warehouse space of four thousand one hundred feet on Silverton Road NE, opens at noon today.", p, true},
	})
}

// TestMultiplyingPredeterminers: "double", "triple" … before the phrase
// they multiply, or after a word that bounds them, are factors ("more
// than double", "triple the price"), as "doubled" and "tripled" are;
// elsewhere they are no figure ("a triple threat").
func TestMultiplyingPredeterminers(t *testing.T) {
	p := "Providers pay Ardel an average of $6.04 a month, more than double what they paid 10 years ago."
	runCases(t, KindFigure, []ruleCase{
		{"double kept", "Providers pay Ardel an average of $6.04 a month, more than double what they paid 10 years ago.", p, true},
		{"doubled for double", "What providers pay Ardel, an average of $6.04 a month, has more than doubled in 10 years.", p, true},
		{"triple for double", "Providers pay Ardel an average of $6.04 a month, more than triple what they paid 10 years ago.", p, false},
		{"an added factor", "Some of the calendars were resold at triple the price.", "Some of the calendars were resold online.", false},
		{"no factor", "Okafor is a triple threat, the Ardel coach said.", "Okafor is a triple threat, the Ardel coach said on Monday.", true},
	})
}
