package claim

import "testing"

// TestFrames covers the roles read from the clause: a subject phrase that is
// not a name, a subject another verb's object stands before, the subject of
// a passage verb that is the sentence's object, a relative clause, an
// infinitive, and the two sides of a comparison; and the rewordings that keep
// the roles (passive voice, a subject phrase with "of", a name inside a
// small clause).
func TestFrames(t *testing.T) {
	tests := []struct {
		name, sentence, passage string
		ok                      bool
	}{
		{"subject swapped between two clauses",
			"Mayor Ortiz must approve the budget before the city's finance committee signs off.",
			"The budget cannot pass until the city's finance committee has approved it and Mayor Ortiz has signed off on the plan.", false},
		{"subject swapped kept",
			"The city's finance committee must approve the budget before Mayor Ortiz signs off.",
			"The budget cannot pass until the city's finance committee has approved it and Mayor Ortiz has signed off on the plan.", true},
		{"doer moved into a relative clause",
			"Harlow Council opened the new bridge on Friday, which Governor Reyes called a triumph of engineering.",
			"Governor Reyes opened the new bridge on Friday, a triumph of engineering according to Harlow Council.", false},
		{"doer kept with a relative clause",
			"Governor Reyes opened the new bridge on Friday, which Harlow Council called a triumph of engineering.",
			"Governor Reyes opened the new bridge on Friday, a triumph of engineering according to Harlow Council.", true},
		{"the one acted on made the doer",
			"Maria Lopez overtook Anna Berg as the fastest sprinter in club history.",
			"Anna Berg ran 11.2 seconds. The new time makes her the fastest sprinter in club history, overtaking veteran runner Maria Lopez.", false},
		{"infinitive takes the governing verb's subject",
			"Although the deal barred Quinn from the board, Quinn agreed to give Hale a reference.",
			"Although the deal barred Quinn from the board, Hale agreed to give him a reference.", false},
		{"infinitive kept",
			"Although the deal barred Quinn from the board, Hale agreed to give him a reference.",
			"Although the deal barred Quinn from the board, Hale agreed to give him a reference.", true},
		{"comparison turned round",
			"Tomas Reed scored nine more points than Ollie Vance.",
			"Ollie Vance led all scorers. He scored nine more points than his nearest rival, Tomas Reed, in the final.", false},
		{"comparison kept",
			"Ollie Vance scored nine more points than Tomas Reed.",
			"Ollie Vance led all scorers. He scored nine more points than his nearest rival, Tomas Reed, in the final.", true},
		{"passive keeps the doer",
			"The new bridge was opened by Governor Reyes on Friday.",
			"Governor Reyes opened the new bridge on Friday.", true},
		{"object of another verb is not the doer",
			"Leeds reached the final by beating Hull 3-1.",
			"Leeds beat Hull 3-1 to reach the final of the county cup.", true},
		{"a pronoun, not the name before it, is the subject",
			"Leeds won the final by beating Hull 3-1.",
			"In the 1998 Yorkshire Cup they were beaten by Hull. This year Leeds won the final 3-1.", true},
		{"passive with the doer turned round",
			"The county's main hospital was fined by the regional health board.",
			"The county's main hospital fined the regional health board for late reports.", false},
		{"passive for active, roles kept",
			"The regional health board was fined by the county's main hospital.",
			"The county's main hospital fined the regional health board for late reports.", true},
		{"progressive is not a passive",
			"A weak pound helps Britons who are travelling in Spain.",
			"A weak pound, on the other hand, helps Britons who are travelling in Spain, giving them more to spend.", true},
		{"doer and recipient of a passive swapped, the verb in another sentence",
			"The old maps shown at the fair were lent to the Harlow Museum by the collector.",
			"The collector showed the old maps at the fair, to great interest. The maps were lent to the collector by the Harlow Museum.", false},
		{"doer and recipient of a passive kept",
			"The old maps shown at the fair were lent to the collector by the Harlow Museum.",
			"The collector showed the old maps at the fair, to great interest. The maps were lent to the collector by the Harlow Museum.", true},
		{"relative clause with the roles turned round",
			"The Falcons, who beat the Rams 21-14, are now top of the league.",
			"The Rams, who beat the Falcons 21-14, are now top of the league.", false},
		{"relative clause turned into a passive, roles kept",
			"The Rams were beaten 21-14 by the Falcons, who are now top of the league.",
			"The Falcons, who beat the Rams 21-14, are now top of the league.", true},
		{"both parties turned round, no names",
			"The prosecution's expert witness was questioned by the defense lawyer.",
			"The defense lawyer's expert witness was questioned by the prosecution.", false},
		{"active for passive, no names, roles kept",
			"The defense lawyer questioned the prosecution's expert witness.",
			"The prosecution's expert witness was questioned by the defense lawyer on Tuesday.", true},
		{"apposition kept",
			"Garcia's lawyer, Ana Ruiz, said her client would appeal.",
			"Ana Ruiz, a lawyer for Garcia, said her client would appeal.", true},
		{"determiners do not make two doers the same",
			"The Lakers traded Davis to the Celtics for two players.",
			"The Celtics traded Davis to the Lakers for two players.", false},
		{"a past that looks like its base, between two names",
			"Harris beat Moreno in the runoff, winning 54% of the vote.",
			"Moreno beat Harris in the runoff, winning 54% of the vote.", false},
		{"a past between two names, kept",
			"Moreno lost the runoff to Harris.",
			"Harris beat Moreno in the runoff on Sunday.", true},
		{"the doers of two verbs crossed, no names",
			"The governor vetoed the bill that lawmakers passed in May.",
			"Lawmakers vetoed the bill that the governor passed in May.", false},
		{"two verbs, doers kept in a passive",
			"The bill that lawmakers passed in May was vetoed by the governor.",
			"The governor vetoed the bill that lawmakers passed in May.", true},
		{"apposition turned round",
			"Ruiz, Garcia's lawyer, said the deal was unfair.",
			"Garcia, Ruiz's lawyer, said the deal was unfair.", false},
		{"apposition on the other side, kept",
			"Garcia's lawyer, Ana Ruiz, said the deal was unfair.",
			"Ana Ruiz, Garcia's lawyer, said the deal was unfair.", true},
		{"a relative clause between the subject and its verb",
			"Durant, who signed an extension last summer, surpassed James as the top earner.",
			"James, who signed an extension last summer, surpassed Durant as the top earner.", false},
		{"a relative clause between the subject and its verb, kept",
			"James, who signed an extension last summer, surpassed Durant as the top earner.",
			"James, who signed an extension last summer, surpassed Durant as the top earner.", true},
		{"parties of a noun turned round",
			"Harwood Mills dropped its lawsuit against Pell Textiles on Monday.",
			"Pell Textiles' lawsuit against Harwood Mills was dropped on Monday. Harwood Mills said it was relieved.", false},
		{"parties of a noun kept",
			"Pell Textiles dropped its lawsuit against Harwood Mills on Monday.",
			"Pell Textiles' lawsuit against Harwood Mills was dropped on Monday. Harwood Mills said it was relieved.", true},
		{"possessive against of-by",
			"Harwood's purchase of Pell was approved.",
			"Regulators approved the purchase of Harwood by Pell on Friday.", false},
		{"phrase with of as the subject",
			"Opponents of the levy argued that small shops would close.",
			"Opponents of the levy argued that small shops would close, while its backers said the town needed the money.", true},
		{"small clause after a verb",
			"Mayor Ortiz wants the parking fee halved for six months.",
			"Mayor Ortiz said on Monday that halving the parking fee for six months would help shoppers.", true},
		{"a gerund's doer is its possessor",
			"The Tarrow council's handling of the flood, and its withholding of repair costs, are also the subject of an inquiry by prosecutors in Ode.",
			"There's also an inquiry by prosecutors in Ode who are looking into the Tarrow council's handling of the flood and its withholding of repair costs.", true},
		{"a gerund given another possessor",
			"The prosecutors' handling of the flood is the subject of an inquiry by the Tarrow council.",
			"There's also an inquiry by prosecutors in Ode who are looking into the Tarrow council's handling of the flood and its withholding of repair costs.", false},
		{"subject before a relative clause, passive turned active",
			"In 2019, the special federal prosecutors' office in Tarrow that investigates Nazi-era war crimes handed the case to the Ode office, Klement said.",
			"The Ode office was handed the case in 2019 by the special federal prosecutors’ office in Tarrow tasked with investigating Nazi-era war crimes, Klement said.", true},
	}
	for _, tt := range tests {
		r := Check(tt.sentence, Source{Text: tt.passage})
		if r.OK() != tt.ok || !tt.ok && r.Kind != KindRole {
			t.Errorf("%s: %q\n got %s %s %q, want ok=%v (role)", tt.name, tt.sentence, r.Verdict, r.Kind, r.Reason, tt.ok)
		}
	}
}

// TestOpposites covers the opposites beyond WordNet's direct pairs:
// phrasal verbs, and verbs one hypernym step from an opposite.
func TestOpposites(t *testing.T) {
	tests := []struct {
		name, sentence, passage string
		ok                      bool
	}{
		{"phrase against phrase", "The minister played down the risk of flooding.", "The minister played up the risk of flooding on Tuesday.", false},
		{"phrase against one word", "The coach played up the injury worries.", "The coach downplayed the injury worries before the match.", false},
		{"one word for the phrase kept", "The coach downplayed the injury worries.", "The coach played down the injury worries before the match.", true},
		{"same phrase kept", "The coach played up the injury worries.", "The coach played up the injury worries before the match.", true},
		{"negative prefix", "The new vaccine was tested in children.", "The new vaccine remains untested in children, the agency said.", false},
		{"won is win's past, not a stopword", "The club won its first match of the season.", "The club lost its first match of the season on Saturday.", false},
		{"opposite one hypernym step away", "The jobless rate dropped to 5% in June.", "The jobless rate climbed to 5% in June, the office said.", false},
		{"opposite one step away, the other way", "Oil prices fell on Monday.", "Oil prices soared on Monday after the talks.", false},
		{"a troponym is no opposite", "Shares of the bank plunged on Tuesday.", "Shares of the bank fell sharply on Tuesday.", true},
		{"a troponym is no opposite either way", "Stocks tumbled after the vote.", "Stocks dropped after the vote on Friday.", true},
	}
	for _, tt := range tests {
		r := Check(tt.sentence, Source{Text: tt.passage})
		if r.OK() != tt.ok || !tt.ok && r.Kind != KindAntonym {
			t.Errorf("%s: %q\n got %s %s %q, want ok=%v (antonym)", tt.name, tt.sentence, r.Verdict, r.Kind, r.Reason, tt.ok)
		}
	}
}

// TestClockTimeInSubject: "10:30 a.m." is one clock time, not a clause
// break and an article: the subject of "will follow" is "An image release
// broadcast at 10:30 a.m. ET", not "ET".
func TestClockTimeInSubject(t *testing.T) {
	p := "Opening remarks by NASA leadership and the Webb team will begin Tuesday at 9:45 a.m. ET, followed by an image release broadcast that kicks off at 10:30 a.m. ET."
	runCases(t, KindRole, []ruleCase{
		{"clock time in the subject", "An image release broadcast at 10:30 a.m. ET will follow opening remarks from NASA leadership and the Webb team.", p, true},
		{"turned round", "Opening remarks from NASA leadership will follow an image release broadcast at 10:30 a.m. ET.", p, false},
	})
	toks := tokenize("The talks begin at 10:30 a.m. ET.", 100)
	for _, x := range toks {
		if x.clause != toks[0].clause {
			t.Fatalf("%q opens a clause of its own", x.text)
		}
	}
}

// TestInfinitiveOfACopulaComplement: in "X became the first new show to
// receive 20 nominations", X received them.
func TestInfinitiveOfACopulaComplement(t *testing.T) {
	a := "When Emmy nominations were announced in July, Apple TV+'s upbeat \"Ted Lasso\" became the first new show to receive 20 nominations in its inaugural season, besting a freshman record set by Fox's \"Glee.\" HBO's horror drama \"Lovecraft Country\" received 18 nominations, shortly after it was canceled."
	b := "HBO Max's \"Friends\" reunion, which brought together all six cast members, is a contender in four categories."
	s := "Ted Lasso received 20 nominations, a record for a new show, while the Friends reunion is nominated in four categories."
	if r := Check(s, Source{Text: a}, Source{Text: b}); !r.OK() {
		t.Errorf("%q dropped: %s", s, r.Reason)
	}
	if r := Check("Lovecraft Country received 20 nominations, a record for a new show.", Source{Text: a}); r.OK() {
		t.Error("the other show's 20 nominations kept")
	}
	// A title closed by a comma inside its quotation marks ends a
	// relative clause; the verb after it is the sentence's.
	on := "Olivia Newton-John, the Australian singer who charmed generations of viewers in the blockbuster movie “Grease,” died on Monday, according to a statement from her husband."
	if r := Check("Olivia Newton-John, the Australian singer who starred in Grease, died Monday, her husband said.", Source{Text: on}); !r.OK() {
		t.Errorf("the singer's death dropped: %s", r.Reason)
	}
}

// TestCoordinatedSubjectReordered: "the center and the Pistons agreed"
// restates "The Pistons and the center agreed".
func TestCoordinatedSubjectReordered(t *testing.T) {
	p := "The Pistons and the center agreed to the maximum contract extension on Friday, according to a person with firsthand knowledge of the situation."
	runCases(t, KindRole, []ruleCase{
		{"reordered", "According to a person with knowledge of the situation, the center and the Pistons agreed on Friday to a maximum contract extension.", p, true},
	})
}

// TestSayingPluralAsNoun: "states" in "pushing states to release" is a
// noun, though "state" is a verb of saying; "states, who have been
// pushing the administration" has states as the doer.
func TestSayingPluralAsNoun(t *testing.T) {
	p := "The move comes after pressure from states, who have been pushing the administration to release more doses of monkeypox vaccine."
	runCases(t, KindRole, []ruleCase{
		{"turned round", "The administration has been pushing states to release more doses of monkeypox vaccine.", p, false},
		{"kept", "States have been pushing the administration to release more doses of monkeypox vaccine.", p, true},
	})
}

// TestWordAfterDeterminer: a word right after an article or a possessive
// stands in a noun phrase, even one that reads as a verb ("the winning
// tickets", "The Fed"), so the phrase runs back to the determiner and is
// the subject of the verb after it.
func TestWordAfterDeterminer(t *testing.T) {
	for s, want := range map[string]string{
		"The winning tickets were sold at a store.":                "The winning tickets",
		"Officials said a growing number of people had left.":      "a growing number of people",
		"Everyone now knows where the injured players were taken.": "the injured players",
		"Last week the Fed raised rates by half a point.":          "the Fed",
		// The phrase after "than" opens a clause of its own: it is no end
		// of the relative clause before it.
		"It will cost £1.4trn over 30 years, which is less than the Government has spent.": "the Government",
	} {
		toks := tokenize(s, 100)
		verb := -1
		for i, x := range toks {
			if x.low == "sold" || x.low == "had" || x.low == "taken" || x.low == "raised" || x.low == "spent" {
				verb = i
			}
		}
		got := ""
		if p := grammaticalSubject(toks, verb); p.ok() {
			got = spanText(toks, p.start, p.end)
		}
		if got != want {
			t.Errorf("%q: the subject of %q is %q, want %q", s, toks[verb].text, got, want)
		}
	}
}

// TestParticipleBeforeItsNoun: a participle between a determiner's
// adjective and the noun ("the autobiographical illustrated memoir") is an
// adjective of the noun phrase, not a verb whose doer the "by" after the
// noun gives; a participle that is the clause's verb still has one.
func TestParticipleBeforeItsNoun(t *testing.T) {
	p := "“Dark Water” is based on the autobiographical illustrated memoir by Ardel author Mira Sold, who stood on stage as the cast accepted the prize."
	runCases(t, KindRole, []ruleCase{
		{"an adjective of the phrase", "When the cast accepted the prize, Ardel author Mira Sold, on whose autobiographical illustrated memoir “Dark Water” is based, stood on stage.", p, true},
		{"the clause's verb", "Tom Reyes illustrated the memoir by Ardel author Mira Sold.", "Mira Sold illustrated the memoir by Ardel author Tom Reyes.", false},
	})
}

// TestApposedDoer: a phrase in apposition to a name ("Okafor, a Republican
// seeking a second term") stands for it, so the name is the doer of the
// phrase's verb; another doer in the passage is still caught.
func TestApposedDoer(t *testing.T) {
	p := "Gov. Mira Okafor, a Republican, dismissed suggestions Friday that she would run for the seat. Okafor is seeking a second four-year term this year."
	other := "Gov. Mira Okafor, a Republican, dismissed suggestions Friday that she would run for the seat. Tom Reyes is seeking a second four-year term this year."
	checkPairs(t, []pairCase{
		{"the apposition's verb", "Okafor, a Republican seeking a second four-year term, brushed off suggestions Friday that she would run for the seat.", p, true, ""},
		{"another doer", "Okafor, a Republican seeking a second four-year term, brushed off suggestions Friday that she would run for the seat.", other, false, KindEntity},
	})
}
