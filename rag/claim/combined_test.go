package claim

import "testing"

// TestCombined holds sentences that join facts from two cited passages: a
// relative clause or an apposition from one and the main clause from the
// other, two coordinated clauses, or a doer named in one passage and what
// it did in the other. A faithful join is kept; a figure, time, name or
// role changed in either half is dropped. The passages are made up for the
// test.
func TestCombined(t *testing.T) {
	var (
		closure = []Source{
			{Text: "Mayor Lena Ortiz announced on Monday that the city will close the Harbor Street bridge for repairs."},
			{Text: "The bridge, built in 1932, carries 40,000 vehicles a day. Ortiz, a former engineer, was elected in 2021."},
		}
		lawsuit = []Source{
			{Text: "Acme Robotics sued Brant Corp in March over a patent for warehouse sensors."},
			{Text: "Brant Corp is owned by Zeta Holdings, an investment group based in Oslo."},
		}
		race = []Source{
			{Text: "Kofi Mensah won the mayoral race on Tuesday with 54% of the vote."},
			{Text: "He had promised to cut bus fares. His rival, Ama Owusu, took 40% and conceded on Wednesday."},
		}
		council = []Source{
			{Text: "The council approved the housing plan on Tuesday by seven votes to two."},
			{Text: "Mayor Chen did not approve of the budget cuts, which she called reckless. The plan will add 500 homes."},
		}
		building = []Source{
			{Text: "The council approved the housing plan on Tuesday after a long debate."},
			{Text: "Building will start in March, Mayor Chen said on Friday. She called the plan a turning point for the city."},
		}
		airline = []Source{
			{Text: "JetBlue agreed on Thursday to buy Spirit Airlines for $3.8 billion."},
			{Text: "Spirit had earlier agreed to merge with Frontier, which offered $2.9 billion. Robin Hayes, JetBlue's chief executive, said the deal would lower fares."},
		}
		rates = []Source{
			{Text: "The central bank raised its main interest rate to 5% on Thursday, the highest level since 2008."},
			{Text: "Governor Ana Silva, who has led the central bank since 2019, warned that inflation would stay high."},
		}
	)
	checkKept(t, []keptCase{
		{"apposition from the other passage", "Ortiz, a former engineer, announced on Monday that the city will close the Harbor Street bridge for repairs.", closure, true},
		{"relative clause from the other passage", "Mayor Lena Ortiz announced on Monday that the city will close the Harbor Street bridge, which carries 40,000 vehicles a day.", closure, true},
		{"participle from the other passage", "The Harbor Street bridge, built in 1932, will close for repairs, Mayor Lena Ortiz announced on Monday.", closure, true},
		{"who-clause from the other passage", "Ortiz, who was elected in 2021, announced on Monday that the city will close the bridge for repairs.", closure, true},
		{"two clauses joined", "Ortiz announced on Monday that the city will close the bridge for repairs, and the bridge carries 40,000 vehicles a day.", closure, true},
		{"figure changed in the second half", "Mayor Lena Ortiz announced on Monday that the city will close the Harbor Street bridge, which carries 14,000 vehicles a day.", closure, false},
		{"year changed in the second half", "Ortiz, who was elected in 2019, announced on Monday that the city will close the bridge for repairs.", closure, false},
		{"year moved between passages' facts", "The Harbor Street bridge, built in 2021, will close for repairs, Mayor Lena Ortiz announced on Monday.", closure, false},
		{"time changed in the first half", "Ortiz, a former engineer, announced on Friday that the city will close the Harbor Street bridge for repairs.", closure, false},
		{"negation in the first half", "Ortiz, a former engineer, announced on Monday that the city will not close the Harbor Street bridge.", closure, false},
		{"owner from the other passage", "Acme Robotics sued Brant Corp, which is owned by Zeta Holdings, in March over a patent.", lawsuit, true},
		{"owner named by the other passage as doer", "Acme Robotics sued Brant Corp, a company owned by the Oslo-based Zeta Holdings, over a patent in March.", lawsuit, true},
		{"roles swapped across the join", "Brant Corp, which is owned by Zeta Holdings, sued Acme Robotics in March over a patent.", lawsuit, false},
		{"owner made the defendant", "Acme Robotics sued Zeta Holdings in March over a patent for warehouse sensors.", lawsuit, false},
		{"owner made the defendant, one passage", "Acme Robotics sued Zeta Holdings in March.", []Source{{Text: "Acme Robotics sued Brant Corp in March. Brant Corp is owned by Zeta Holdings."}}, false},
		{"owner named beside the defendant", "Acme Robotics sued Zeta Holdings' unit Brant Corp in March.", []Source{{Text: "Acme Robotics sued Brant Corp in March. Brant Corp is owned by Zeta Holdings."}}, true},
		{"owner turned round", "Acme Robotics sued Brant Corp, which owns Zeta Holdings, in March over a patent.", lawsuit, false},
		{"doer's role from the other passage", "The central bank led by Governor Ana Silva raised its main interest rate to 5% on Thursday.", rates, true},
		{"doer's name from the other passage", "Ana Silva's central bank raised its main interest rate to 5% on Thursday, the highest level since 2008.", rates, true},
		{"year from the other passage inside the clause", "The central bank, led since 2019 by Ana Silva, raised its main interest rate to 5% on Thursday.", rates, true},
		{"figure from the other passage inside the clause", "Ortiz announced on Monday that the city will close the bridge, which carries 40,000 vehicles a day, for repairs.", closure, true},
		{"year of the other passage's fact, in apposition", "Ortiz, elected in 2021, said on Monday the city will close the bridge built in 1932.", closure, true},
		{"pronoun's name from the other passage", "Kofi Mensah, who had promised to cut bus fares, won the mayoral race on Tuesday.", race, true},
		{"after-clause from the other passage", "Mensah won the mayoral race on Tuesday with 54% of the vote after promising to cut bus fares.", race, true},
		{"while-clause from the other passage", "Mensah won the mayoral race with 54% of the vote, while his rival Ama Owusu took 40%.", race, true},
		{"rival's figure given to the winner", "Mensah won the mayoral race with 40% of the vote, while his rival Ama Owusu took 54%.", race, false},
		{"rival's day given to the winner", "Mensah won the mayoral race on Wednesday, and his rival Ama Owusu conceded.", race, false},
		{"rival made the winner", "Ama Owusu won the mayoral race on Tuesday with 54% of the vote.", race, false},
		{"figure of a relative clause from the other passage", "The council approved the housing plan, which will add 500 homes, on Tuesday.", council, true},
		{"figure from the other passage on another noun", "The council approved the housing plan on Tuesday by 500 votes.", council, false},
		{"negation kept in its own clause", "The council approved the plan on Tuesday, though Mayor Chen did not approve of the budget cuts.", council, true},
		{"negation moved to the other passage's verb", "The council did not approve the housing plan on Tuesday, which Mayor Chen called reckless.", council, false},
		{"amount beside a clause from the other passage", "JetBlue's $3.8 billion deal for Spirit, which had agreed to merge with Frontier, will lower fares, chief executive Robin Hayes said.", airline, true},
		{"rival's offer in the other passage", "JetBlue agreed on Thursday to buy Spirit Airlines for $3.8 billion, topping Frontier's $2.9 billion offer.", airline, true},
		{"rival's amount given to the buyer", "JetBlue agreed on Thursday to buy Spirit Airlines for $2.9 billion, chief executive Robin Hayes said.", airline, false},
		{"a time from each passage in one clause", "Building on the plan the council approved on Tuesday will start in March, Chen said.", building, true},
		{"a time from each passage, one changed", "Building on the plan the council approved on Tuesday will start in May, Chen said.", building, false},
		{"two facts coordinated", "The central bank raised its main rate to 5% on Thursday, and Governor Ana Silva warned that inflation would stay high.", rates, true},
		{"antonym in the second half", "The central bank raised its main rate to 5% on Thursday, and Governor Ana Silva warned that inflation would stay low.", rates, false},
	})
}

// keptCase is a sentence, the passages it cites, and whether the check
// must keep it.
type keptCase struct {
	name     string
	sentence string
	sources  []Source
	ok       bool
}

func checkKept(t *testing.T, cases []keptCase) {
	t.Helper()
	for _, tt := range cases {
		if r := Check(tt.sentence, tt.sources...); r.OK() != tt.ok {
			t.Errorf("%s: %q: got %s %s %q", tt.name, tt.sentence, r.Verdict, r.Kind, r.Reason)
		}
	}
}

// TestFigureModifyingANounFromAnotherPassage: "the $40 million plan"
// combines a passage that says the council approved the plan with one
// that gives the plan's cost; the figure stands when the passage that
// gives it names the noun it modifies, and not for another noun.
func TestFigureModifyingANounFromAnotherPassage(t *testing.T) {
	vote := Source{Text: "The council voted 7-2 on Monday to approve the plan."}
	cost := Source{Text: "The plan is expected to cost $40m."}
	for sentence, ok := range map[string]bool{
		"The council approved the $40 million plan on Monday.":    true,
		"The council approved the $50 million plan on Monday.":    false,
		"The council approved the $40 million stadium on Monday.": false,
	} {
		if r := Check(sentence, vote, cost); r.OK() != ok {
			t.Errorf("%q: %s (%s), want ok=%v", sentence, r.Verdict, r.Reason, ok)
		}
	}
}

// TestClosedCompound: two words of the sentence that the passage writes
// as one ("as the moon sets" for "during moonset") stand for it.
func TestClosedCompound(t *testing.T) {
	runCases(t, KindAddition, []ruleCase{
		{"moon sets", "The eclipse can be seen as the moon sets, Petro said.", "The lunar eclipse will be visible during moonset, said Noah Petro.", true},
		{"sun rises", "The eclipse can be seen as the sun rises, Petro said.", "The lunar eclipse will be visible during moonset, said Noah Petro.", false},
	})
}

// TestComplexPreposition: "in order to" adds no content word.
func TestComplexPreposition(t *testing.T) {
	p := "The pair also call on national leaders to urgently revise their policies to reach net zero emissions."
	runCases(t, KindAddition, []ruleCase{
		{"in order to", "The pair also urge national leaders to revise their policies swiftly in order to reach net zero emissions.", p, true},
	})
}

// TestTwoFactsTwoFigures: a sentence joining two passages may give a
// speaker's figure from one and a study's from the other.
func TestTwoFactsTwoFigures(t *testing.T) {
	a := "Scientists from the University of Arizona studied data from 538 species at 581 sites around the world, surveyed at the same sites over time, at least 10 years apart."
	b := "\"By analyzing the change in 19 climatic variables at each site, we could determine which variables drive local extinctions,\" said Cristian Román-Palacios, of the University of Arizona."
	s := "Román-Palacios said the team could determine which variables drive local extinctions by analyzing 19 climatic variables at sites surveyed at least 10 years apart."
	if r := Check(s, Source{Text: a}, Source{Text: b}); !r.OK() {
		t.Errorf("dropped: %s", r.Reason)
	}
	if r := Check("Román-Palacios said the team analyzed 10 climatic variables at each site.", Source{Text: a}, Source{Text: b}); r.OK() {
		t.Error("the study's 10 given to the speaker's variables kept")
	}
}

// TestWhEverWords: "whatever" is a function word, as "what" is.
func TestWhEverWords(t *testing.T) {
	p := "Photos showed Ukrainian citizens trying to flee their country to safety, carrying family members and what possessions they could."
	runCases(t, KindAddition, []ruleCase{
		{"whatever", "Photos showed Ukrainians trying to flee the country, carrying family members and whatever belongings they could.", p, true},
	})
}
