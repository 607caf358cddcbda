package claim

import "testing"

// TestRolesThroughAKindOfVerb covers a clause whose verb matches no
// passage word but is the kind of one ("acquired" for "buy"): its parties
// are still read against that verb's.
func TestRolesThroughAKindOfVerb(t *testing.T) {
	passage := "Dorvel agreed to buy Kessin for $2 billion on Tuesday."
	runCases(t, KindRole, []ruleCase{
		{"the buyer kept", "Dorvel acquired Kessin for $2 billion.", passage, true},
		{"the buyer turned round", "Kessin acquired Dorvel for $2 billion.", passage, false},
		{"a passive, turned round", "Dorvel will be acquired by Kessin.", passage, false},
		{"a passive, kept", "Kessin will be acquired by Dorvel.", passage, true},
	})
}

// TestNounAgainstItsVerb covers a noun with its parties ("Varga's
// endorsement of Okafor") read against the verb it is derived from.
func TestNounAgainstItsVerb(t *testing.T) {
	passage := "Okafor endorsed Varga for governor on Sunday."
	runCases(t, KindRole, []ruleCase{
		{"the parties kept", "Okafor's endorsement of Varga came on Sunday.", passage, true},
		{"the parties turned round", "Varga's endorsement of Okafor came on Sunday.", passage, false},
		{"a passive in the passage", "Varga's endorsement of Okafor came on Sunday.", "Okafor was endorsed by Varga on Sunday.", true},
	})
}

// TestFigureIsNoParty covers a score or count beside a verb: it is not
// the verb's doer or the one it was done to.
func TestFigureIsNoParty(t *testing.T) {
	runCases(t, KindRole, []ruleCase{
		{"a score after the verb", "The court ruled 6-3 to overturn the decision.", "In a 6-3 ruling, the court overturned the decision.", true},
		{"the parties still read", "The decision overturned the court in a 6-3 ruling.", "In a 6-3 ruling, the court overturned the decision.", false},
	})
}

// TestSynonymOfOppositeAfterSameWord covers an opposite reached through a
// synonym ("halting", a synonym of "stop", the opposite of "continue")
// whose next word differs from the passage's but whose clause holds the
// same words.
func TestSynonymOfOppositeAfterSameWord(t *testing.T) {
	passage := "Officials in Varland said they are continuing to send food aid to the region, even as the fighting goes on."
	runCases(t, KindAntonym, []ruleCase{
		{"halting for continuing", "Officials in Varland said they are halting food aid to the region.", passage, false},
		{"sending for continuing to send", "Officials in Varland said they are sending food aid to the region.", passage, true},
	})
}

// TestCombinedPassagesReadings covers three readings a sentence that
// combines passages needs: a verb with an object is not compared with one
// followed by a preposition or a figure ("spending will rise under the
// budget" against "the budget raises spending"; "saw the budget approved
// 210 to 150 on Tuesday" against "voted … to approve the budget"), an
// opposite in a passage's "if" clause states
// nothing ("had threatened to resign if the budget failed"), and a verb in
// the place of another passage verb rewords that one ("backed the budget"
// for "voted to approve the budget").
func TestCombinedPassagesReadings(t *testing.T) {
	vote := "Varland's parliament voted 210 to 150 on Tuesday to approve the budget, which raises spending on schools by 8%."
	recall := "Automakers issued several recalls for the week, including a Tesla recall involving 578,607 vehicles, according to recall notices."
	threat := "Prime Minister Edda Strom, who took office in March, had threatened to resign if the budget failed."
	cases := []struct {
		name, sentence string
		passages       []string
		ok             bool
	}{
		{"a participle followed by figures", "Strom, who had threatened to resign if it failed, saw the budget approved 210 to 150 on Tuesday.", []string{vote, threat}, true},
		{"an intransitive verb against a transitive one", "School spending will rise by 8% under the budget.", []string{vote}, true},
		{"an opposite only in an if clause", "Strom, who took office in March, won Tuesday's budget vote 210 to 150.", []string{vote, threat}, true},
		{"a verb in another verb's place", "On Tuesday, lawmakers backed the budget by 210 votes to 150.", []string{vote}, true},
		{"the opposite in its own place", "The budget lowers spending on schools by 8%.", []string{vote}, false},
		{"a verb in another verb's place, past a figure", "Tesla's recall covered about 580,000 vehicles.", []string{recall}, true},
		{"an if clause on both sides", "Strom said she would resign if the budget passed.", []string{threat}, false},
	}
	for _, tt := range cases {
		var src []Source
		for _, p := range tt.passages {
			src = append(src, Source{Text: p})
		}
		if r := Check(tt.sentence, src...); r.OK() != tt.ok {
			t.Errorf("%s: %q got %s (%s): %s; want ok=%v", tt.name, tt.sentence, r.Verdict, r.Kind, r.Reason, tt.ok)
		}
	}
}

// TestPlacesAndGovernments covers a sentence that names the larger place
// where the passage names the smaller one (WordNet's part holonyms), and a
// government named by the capital of a country the passage names with an
// adjective ("Russian President").
func TestPlacesAndGovernments(t *testing.T) {
	runCases(t, KindEntity, []ruleCase{
		{"the country for its city", "The talks took place in Switzerland.", "US officials said the talks in Geneva went well.", true},
		{"the continent for its city", "The talks took place in Europe.", "US officials said the talks in Geneva went well.", true},
		{"another country", "The talks took place in France.", "US officials said the talks in Geneva went well.", false},
		{"the city for its country", "The talks took place in Geneva.", "US officials said the talks in Switzerland went well.", false},
		{"the capital for the adjective's country", "Moscow said Putin would not attend.", "Russian President Vladimir Putin will not attend the summit, a Kremlin spokesman said.", true},
		{"another capital", "Beijing said Putin would not attend.", "Russian President Vladimir Putin will not attend the summit, a Kremlin spokesman said.", false},
	})
}

// TestDefiniteDescriptionRefersBack covers a passage subject written as a
// definite description ("the company") where an earlier sentence names
// whom it refers to, and one that names someone else in its own sentence.
func TestDefiniteDescriptionRefersBack(t *testing.T) {
	passages := []Source{
		{Text: "Kessin Corp said on Thursday it would cut 1,200 jobs, about 8% of its workforce, as demand for its printers slumped."},
		{Text: "Shares of Kessin fell 6% on Thursday. Analysts at Dorvel Securities said the company had been slow to adapt to falling demand."},
	}
	if r := Check("Analysts at Dorvel Securities said Kessin had been slow to adapt, and the company will cut 1,200 jobs.", passages...); !r.OK() {
		t.Errorf("the company for Kessin: got %s (%s): %s", r.Verdict, r.Kind, r.Reason)
	}
	runCases(t, KindRole, []ruleCase{
		{"a description of another in its own sentence", "Varga issued a subpoena to the committee earlier this year.",
			"Varga has not spoken about the call. The committee issued a subpoena to Varga and four other lawmakers earlier this year.", false},
	})
}

// TestToldTurnedRound covers a verb of saying with its addressee after it,
// read for its two sides between people named by their roles ("the
// minister told the president"); "said" has no addressee.
func TestToldTurnedRound(t *testing.T) {
	passage := "The president told the minister on Friday that the talks had failed."
	runCases(t, KindRole, []ruleCase{
		{"the sides turned round", "The minister told the president that the talks had failed.", passage, false},
		{"the sides kept", "The president told the minister that the talks had failed.", passage, true},
		{"said, with its quotation after", "Mara Quint said more than 60% of the workers are unpaid.",
			"“The reality is that more than 60% of the workers are unpaid,” said Mara Quint, the group's director.", true},
	})
}

// TestDescriptionOfAnother covers a description the passage sets off
// after one person given to another as what they were ("Casey White was
// an assistant director"), two people of one surname among them.
func TestDescriptionOfAnother(t *testing.T) {
	passage := "The relationship between Mara Quint, an assistant director of corrections for Lauderdale County, and the fugitive Tomas Quint was confirmed through tips from inmates, Sheriff Ode Varga said."
	runCases(t, KindRole, []ruleCase{
		{"the description kept", "Mara Quint was an assistant director of corrections for Lauderdale County.", passage, true},
		{"the description given to another of one surname", "Tomas Quint was an assistant director of corrections for Lauderdale County.", passage, false},
		{"a description of someone else's", "Ode Varga was an assistant director of corrections for Lauderdale County.", passage, false},
	})
}

// TestByOfANearerParticiple: in "featured comedic remarks delivered by
// Biden" the doer after "by" is the participle's, not "featured"'s.
func TestByOfANearerParticiple(t *testing.T) {
	p := "The event's program was headlined by \"Daily Show\" host Trevor Noah and featured Biden delivering comedic remarks."
	runCases(t, KindRole, []ruleCase{
		{"participle's doer", "Trevor Noah headlined the event's program, which also featured comedic remarks delivered by Biden.", p, true},
		{"passive kept", "The event's program was headlined by Trevor Noah.", p, true},
	})
}

// TestByBeforeAMeasure: "increased by more than 80%" measures the change;
// the "by" names no doer, so "estimated" before it is no passive.
func TestByBeforeAMeasure(t *testing.T) {
	p := "Consequently, Moskovitz's estimated net worth increased by more than 80%, up to $16.8 billion in October."
	runCases(t, KindRole, []ruleCase{
		{"measure", "As a result, Moskovitz's estimated net worth grew by over 80%, reaching $16.8 billion in October.", p, true},
	})
	toks := tokenize("His estimated worth increased by more than 80% this year.", 100)
	if passiveVerb(toks, 1) {
		t.Error("'estimated' read as a passive with a doer after 'by more than 80%'")
	}
}

// TestPassiveWithAPlaceAfterBy: "agreed by allies at the Washington
// summit" names no doer among the names; "as agreed by" is a passive too.
func TestPassiveWithAPlaceAfterBy(t *testing.T) {
	p := "The prime minister reiterated the UK's commitment to Ukraine being on an irreversible path to NATO, as agreed by allies at the Washington summit last year."
	runCases(t, KindRole, []ruleCase{
		{"place after by", "The prime minister reaffirmed the UK's commitment to Ukraine's irreversible path to NATO, agreed by allies at last year's Washington summit.", p, true},
	})
}

// TestSpeechTagIsNoParty covers the name of a speech tag ("…,” Varga
// said"): it stands past the quoted clause as the one who said it, not as
// the one the quoted verb was done to.
func TestSpeechTagIsNoParty(t *testing.T) {
	passage := "The only sway I had over Lena was to keep her seat,” Varga said. “When she was starting out, her coach urged her to give it up."
	runCases(t, KindRole, []ruleCase{
		{"the quotation reported", "Varga said the only sway he had over Lena was getting her to keep her seat, recalling that when Lena was starting out her coach urged her to give it up.", passage, true},
		{"a swap in the same clause", "Lena beat Varga in the final, Ortiz said.", "Varga beat Lena in the final, Ortiz said.", false},
		{"a swap before the speech tag", "Lena kept Varga,” Ortiz said.", "Varga kept Lena,” Ortiz said.", false},
	})
}

// TestNameInsideRelativeIsNoParty: a name inside a relative clause set off
// before the verb ("Sold, who landed her Ardel Bakery job in February, had
// been working") is no party of the verb; the name the clause hangs on is
// its doer, and a doer turned round is still caught.
func TestNameInsideRelativeIsNoParty(t *testing.T) {
	bakery := "Mira Sold had been working at the Ardel Bakery on Main Street for a little more than five months. In February, she landed a new job at Ardel Bakery."
	hired := "Mira Sold hired Tom Reyes in February, soon after Reyes met the Ardel mayor."
	runCases(t, KindRole, []ruleCase{
		{"the antecedent works", "Mira Sold, who landed her Ardel Bakery job in February, had been working at the Main Street shop for a little more than five months.", bakery, true},
		{"the antecedent turned round", "Tom Reyes, who met the Ardel mayor, hired Mira Sold in February.", hired, false},
	})
}
