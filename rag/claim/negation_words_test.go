package claim

import "testing"

// TestFailWithoutTo covers "fail" as a verb of its own: with "to" after it
// it negates the verb it governs; without, it says something failed, with
// "succeed" and "pass" for opposites, and negates nothing after it.
func TestFailWithoutTo(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"a bank that failed", "The bank failed in 2008.", "The bank collapsed in 2008 amid the financial crisis.", true},
		{"talks that failed", "The talks failed on Tuesday.", "The talks broke down on Tuesday without a deal.", true},
		{"banks counted", "Three banks failed last year.", "Three banks collapsed last year.", true},
		{"fail to, restated", "The bill failed to pass the Senate.", "The bill did not pass the Senate on Tuesday.", true},
		{"fail to, against the plain verb", "The bill failed to pass the Senate.", "The bill passed the Senate on Tuesday.", false},
	})
	runCases(t, KindAntonym, []ruleCase{
		{"failed for succeeded", "The company's attempt failed.", "The company's attempt succeeded, the report said.", false},
		{"failed for passed", "The bill failed in the Senate on Tuesday.", "The bill passed the Senate on Tuesday by a vote of 52 to 48.", false},
		{"passed for failed", "The bill passed the Senate.", "The bill failed in the Senate on Tuesday.", false},
	})
}

// TestNegatedNounsAndAdverbs covers three readings of a negation: "no one"
// is a pronoun, not the figure one; "no longer" denies past a preposition,
// as "not" does; and a word derived from the denied one ("injured" for "no
// injuries") is the same word for polarity, not a synonym that needs
// company to be judged.
func TestNegatedNounsAndAdverbs(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"no one, for no injuries", "No one was injured in the fire.", "There were no injuries in the fire, officials said.", true},
		{"no longer on the table, said plainly", "The plan remains on the table.", "The plan is no longer on the table, officials said.", false},
		{"no longer on the table, kept", "The plan is no longer on the table.", "Officials said the plan was no longer on the table.", true},
		{"injured against no injuries", "Several people were injured in the blast.", "No injuries were reported in the blast, officials said.", false},
		{"no injuries restated", "Nobody was injured in the blast.", "No injuries were reported in the blast, officials said.", true},
	})
	r := Check("The plan remains on the table.", Source{Text: "The plan is no longer on the table, officials said."})
	if want := "the source says no longer … table, not table"; r.Reason != want {
		t.Errorf("reason %q, want %q", r.Reason, want)
	}
}

// TestPrivativeAndLightVerbs covers a denial said by a verb of losing
// ("lost power" for "without power") and one said through a light verb's
// object ("have not made a decision" denies the decision).
func TestPrivativeAndLightVerbs(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"without for lost", "The storm left about 40,000 customers without power in the county.", "Roughly 40,000 customers in the county lost power during the storm.", true},
		{"without for lacked", "The clinic ran for weeks without the money it needed.", "For weeks the clinic lacked the money it needed.", true},
		{"without against had", "The storm left 40,000 customers without power.", "Roughly 40,000 customers still had power during the storm.", false},
		{"a light verb's object denied", "The minister said a decision had been made.", `"We have not made a decision," the minister said.`, false},
		{"a light verb's object denied, restated", "The minister said no decision had been made yet.", `"We have not made a decision," the minister said.`, true},
	})
}

// TestNegatedOppositeIsNoAddition covers a negated word whose opposite
// the passage holds ("will not be permanent" for "temporary"): it
// restates, and is no content the passage lacks; the plain word is still
// an opposite, and the negated word against itself still a negation.
func TestNegatedOppositeIsNoAddition(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"not permanent for temporary", "The ban will not be permanent.", "Officials said the ban would be temporary.", true},
		{"did not succeed for failure", "The talks did not succeed.", "The talks ended in failure, both sides said.", true},
		{"permanent for temporary", "The ban will be permanent.", "Officials said the ban would be temporary.", false},
	})
	runCases(t, KindPolarity, []ruleCase{
		{"not temporary for temporary", "The ban will not be temporary.", "Officials said the ban would be temporary.", false},
	})
}

// TestNegativeImplicatives covers verbs that deny what follows them
// (Karttunen 1971): "avoid the problems", "neglected to file", "refrained
// from voting".
func TestNegativeImplicatives(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"avoid for will not have", "The new system would avoid the problems that hit the old caucuses.", "The new system will not have the problems that hit the old caucuses, Hale says.", true},
		{"avoided against had", "The new system avoided the problems that hit the old caucuses.", "The new system had the problems that hit the old caucuses, Hale says.", false},
		{"neglected to for did not", "Okafor neglected to file the report on time.", "Okafor did not file the report on time, the audit found.", true},
		{"neglected to against filed", "Okafor neglected to file the report on time.", "Okafor filed the report on time, the audit found.", false},
		{"refrained from for did not", "Three members refrained from voting on the measure.", "Three members did not vote on the measure.", true},
		{"failure to for did not", "The judge asked about the mayor's failure to denounce the attack right away.", "The judge asked why the mayor didn't denounce the attack immediately.", true},
		{"failure to against denounced", "The judge asked about the mayor's failure to denounce the attack right away.", "The judge asked why the mayor denounced the attack immediately.", false},
		{"refusal to for refused", "Okafor's refusal to sign the report was noted.", "Okafor refused to sign the report, the audit noted.", true},
		{"inability to against could", "The council noted its inability to pay the contractors.", "The council said it could pay the contractors.", false},
	})
}

// TestReportingSourceIsNoParty covers a passage sentence that names only
// who reports it (", The Varland Herald reports"): it still names no one,
// and a name the passage gives before it may be its subject.
func TestReportingSourceIsNoParty(t *testing.T) {
	passage := "The Varland Green Party is preparing a new voting system, officials say. The vote will be held on April 4, The Kessin Herald reports."
	runCases(t, KindFigure, []ruleCase{
		{"the party's vote on its date", "The Varland Green Party will hold the vote on April 4.", passage, true},
		{"another date", "The Varland Green Party will hold the vote on April 14.", passage, false},
	})
}

// TestDeniedSituation covers a negation of a noun of circumstance whose
// clause says what is not so ("not a situation where the rhetoric is
// matching the action", "no sign that talks had resumed"), and "no doubt
// that", which affirms.
func TestDeniedSituation(t *testing.T) {
	rhetoric := `"This is not a situation where the rhetoric is matching the action," she said.`
	runCases(t, KindPolarity, []ruleCase{
		{"the clause denied, restated", "She said the rhetoric did not match the action.", rhetoric, true},
		{"the clause stated plainly", "She said the rhetoric matched the action.", rhetoric, false},
		{"no sign that, stated plainly", "Talks between the two sides have resumed.", "There was no sign that talks between the two sides had resumed.", false},
		{"no doubt that affirms", "Talks between the two sides have resumed.", "There is no doubt that talks between the two sides have resumed.", true},
	})
}

// TestWouldIsNoModal covers "would" and "will", which tell the time of
// what is said and say it as so, against "must", which says what ought to
// be.
func TestWouldIsNoModal(t *testing.T) {
	passage := "Biden called on Congress to suspend the federal gas tax, framing the move as necessary but itself not enough to resolve the problem of surging energy prices."
	runCases(t, KindPolarity, []ruleCase{
		{"would be enough against not enough", "Biden said the tax holiday would be enough to resolve surging energy prices.", passage, false},
		{"would not be enough, restated", "Biden said the tax holiday would not be enough to resolve surging energy prices.", passage, true},
		{"must be allowed against are not allowed", "Girls must be allowed to attend the secondary schools.", "Girls are not allowed to attend the secondary schools.", true},
	})
}

// TestQuestionDeniesNothing: a negation in a question of the passage
// ("Think rafting is not possible in Michigan? Think again.") asserts
// nothing, so a sentence that states the thing is not turned round by it.
func TestQuestionDeniesNothing(t *testing.T) {
	p := "Think whitewater rafting is not possible in Michigan? Think again. A stretch of the Menominee River near Norway offers just that."
	runCases(t, KindPolarity, []ruleCase{
		{"question", "Whitewater rafting is possible in Michigan, on a stretch of the Menominee River.", p, true},
		{"statement", "Whitewater rafting is possible in Michigan, on a stretch of the Menominee River.", "Whitewater rafting is not possible in Michigan. A stretch of the Menominee River near Norway offers kayaking.", false},
	})
}

// TestNameWordIsNotPlain: the word of a name ("the Salton Sea") does not
// state plainly what the passage denies of the lower-case word ("isn't
// really a sea").
func TestNameWordIsNotPlain(t *testing.T) {
	p := "It's called the Salton Sea -- but isn't really a sea at all. The toxic lake holds lithium."
	runCases(t, KindPolarity, []ruleCase{
		{"negation dropped", "The Salton Sea is a true sea.", p, false},
		{"negation kept", "The Salton Sea is not really a sea.", p, true},
	})
}

// TestShortOf: "just short of hurricane status" did not reach it, nor
// did "one witness short from what was planned".
func TestShortOf(t *testing.T) {
	p := "Wind gusts reached 70 mph at the airport, just short of hurricane status."
	runCases(t, KindPolarity, []ruleCase{
		{"reached", "Wind gusts of 70 mph at the airport reached hurricane status.", p, false},
		{"fell short of", "Gusts at the airport fell just short of hurricane status.", p, true},
		{"short of for did not win", "The party fell short of a majority in the vote.", "The party did not win a majority in the vote, officials said.", true},
		{"short of for short from", "Monday's hearing was one witness short of what had been planned.", "The hearing Monday was one witness short from what was planned, but the panel heard testimony.", true},
		{"short from dropped", "Monday's hearing had the witnesses that had been planned.", "The hearing Monday was one witness short from what was planned, but the panel heard testimony.", false},
	})
}

// TestNumberSignIsNoNegation: "No 1" is number one, not a denial of one.
func TestNumberSignIsNoNegation(t *testing.T) {
	p := "\"It's inevitable — no movie can stay No 1 forever,\" Rentrak senior media analyst Paul Dergarabedian says."
	runCases(t, KindPolarity, []ruleCase{
		{"No. 1", "Dergarabedian said no movie can stay No. 1 forever.", p, true},
		{"number one", "Dergarabedian said no movie can stay number 1 forever.", p, true},
		{"a movie can", "Dergarabedian said a movie can stay No. 1 forever.", p, false},
	})
}

// TestNegativeObject: "saw no way" says "did not see any way".
func TestNegativeObject(t *testing.T) {
	p := "Trump told reporters he didn't see any way that a country in Russia's position could allow Ukraine to join NATO."
	runCases(t, KindPolarity, []ruleCase{
		{"no way for not any way", "Trump said he saw no way a country in Russia's position could let Ukraine join NATO.", p, true},
		{"not any way for no way", "Trump said he did not see any way a country in Russia's position could allow it.", "Trump said he saw no way that a country in Russia's position could allow it.", true},
		{"saw a way", "Trump said he saw a way a country in Russia's position could let Ukraine join NATO.", p, false},
	})
}

// TestNegativeQuantifierObject: "committed to little" says "did not commit
// to much"; "a little" says some.
func TestNegativeQuantifierObject(t *testing.T) {
	p := "Federer didn't commit to much of anything in the immediate aftermath of the quarterfinal loss."
	runCases(t, KindPolarity, []ruleCase{
		{"little for not much", "Federer committed to little after his quarterfinal loss.", p, true},
		{"nothing after a preposition", "Federer committed to nothing after his quarterfinal loss.", p, true},
		{"a little says some", "Federer committed to a little after his quarterfinal loss.", p, false},
		{"a lot", "Federer committed to a lot after his quarterfinal loss.", p, false},
	})
}

// TestNoFurther: "no further research" denies the research, past the
// adjective that adds to its quantity.
func TestNoFurther(t *testing.T) {
	p := `"More research is needed to understand how PFAS exposure may affect illness from COVID-19," the CDC said.`
	runCases(t, KindPolarity, []ruleCase{
		{"no further for more", "The CDC said no further research is needed to understand how PFAS exposure may affect illness from COVID-19.", p, false},
		{"no additional for more", "The CDC said no additional research is needed to understand how PFAS exposure may affect illness from COVID-19.", p, false},
		{"further for more", "The CDC said further research is needed to understand how PFAS exposure may affect illness from COVID-19.", p, true},
		{"no further for no more", "The CDC said no further research was needed.", "The CDC said no more research was needed.", true},
	})
}

// TestNegativeSubjectLightVerb: "no one had taken the next step" denies
// the step, the object of the light verb.
func TestNegativeSubjectLightVerb(t *testing.T) {
	p := "“We had so many guys take the next step, and I’m just part of that,” he said."
	runCases(t, KindPolarity, []ruleCase{
		{"no one took the step", "He said no one on the team had taken the next step.", p, false},
		{"nobody took the step", "He said nobody on the team had taken the next step.", p, false},
		{"many took the step", "He said many guys had taken the next step.", p, true},
		{"no one for nobody", "He said no one had taken the next step.", "He said nobody had taken the next step.", true},
	})
}

// TestCounterfactual: the "not" of an inverted conditional ("had they
// not rebranded") supposes what did not happen, and denies nothing.
func TestCounterfactual(t *testing.T) {
	p := "This list focuses on name changes that were responses to urgent problems. Some of these companies may not be around today had they not rebranded."
	runCases(t, KindPolarity, []ruleCase{
		{"the same supposition, reworded", "The list concentrates on rebrandings, and some of the companies might not exist today had they not changed their names.", p, true},
		{"what it presupposes", "Some of these companies rebranded in response to urgent problems.", p, true},
		{"a noun phrase as its subject", "The match would have gone ahead had the rain not come.", "The match was called off after the rain came.", true},
		{"a plain denial still denies", "The company had not rebranded.", "The company rebranded.", false},
		{"and is denied", "Some of these companies rebranded.", "Some of these companies did not rebrand.", false},
	})
}

// TestDeniedWordStatedPlainlyToo: a sentence that denies a word and
// states it plainly elsewhere ("at no cost … out-of-pocket costs") is not
// answered on the denied one by the passage's plain one.
func TestDeniedWordStatedPlainlyToo(t *testing.T) {
	p := "The declaration allows many Americans to obtain free Covid-19 tests. Once it ends, people could face out-of-pocket costs depending on their insurance."
	runCases(t, KindPolarity, []ruleCase{
		{"no cost and costs", "Under the declaration many Americans can get Covid-19 tests at no cost, but once it ends they could face out-of-pocket costs depending on their insurance.", p, true},
		{"no costs only", "Once it ends, people would face no out-of-pocket costs, whatever their insurance.", p, false},
		{"a name is no twin", "In an article for The Times, they stress that there is no time left to act.", "In an article for The Times, they stress that there is still time to act.", false},
		{"the passage states it once more", "Sales rose in May, and sales did not rise in June.", "Sales rose in May, and sales rose in June.", false},
	})
}

// TestNeitherNorPastARelativeClause: "neither A nor B, which …, has
// mounted an aggressive response" denies the verb after the relative
// clause, and its object.
func TestNeitherNorPastARelativeClause(t *testing.T) {
	denied := "There has not been an aggressive response from the federal government and, unfortunately, even from the White House, a White House that should be leading right now, he said."
	plain := "He said the federal government and the White House, which ought to be leading right now, have mounted an aggressive response."
	runCases(t, KindPolarity, []ruleCase{
		{"neither nor for not", "He said neither the federal government nor even the White House, which ought to be leading right now, has mounted an aggressive response.", denied, true},
		{"neither nor for a plain statement", "He said neither the federal government nor even the White House, which ought to be leading right now, has mounted an aggressive response.", plain, false},
	})
}

// TestDenialWithUntilOnBothSides: "refused to pledge more until …"
// against "pledged more until …" is a denial; "did not realise until"
// against "only realised once" is a time limit.
func TestDenialWithUntilOnBothSides(t *testing.T) {
	p := "After raising rates in May, Chair Jerome Powell pledged more of the same until the central bank was satisfied that inflation was under control."
	runCases(t, KindPolarity, []ruleCase{
		{"refused with until on both sides", "After the rise in May, Chair Jerome Powell refused to pledge more of the same until inflation was under control.", p, false},
		{"until as a time limit", "The council did not learn of the leak until Friday.", "The council only learned of the leak on Friday.", true},
	})
}

// TestMainVerbAfterWhether: a verb after a "whether" clause's own verb is
// the main clause's, and asserted; inside the clause nothing is.
func TestMainVerbAfterWhether(t *testing.T) {
	p := "Even her father's pre-wedding dithering about whether he would show up failed to ruin the day."
	runCases(t, KindPolarity, []ruleCase{
		{"the main verb after the question", "Her father's pre-wedding dithering about whether he would show up ruined the day.", p, false},
		{"the denial kept", "Her father's dithering about whether he would show up did not ruin the day.", p, true},
		{"inside the question", "The court asked him to say whether he opposed or supported the release.", "The court asked him whether he opposed the release, and he said he did not.", true},
	})
}

// TestAppearInAMovie: "appear" with a place or medium after it is a verb
// of its own, which a negation denies; as a copula it says nothing.
func TestAppearInAMovie(t *testing.T) {
	p := `Lohan has not appeared in a movie since her 2013 role in the thriller "The Canyons," according to IMDb.`
	runCases(t, KindPolarity, []ruleCase{
		{"appeared for not appeared", `Lohan has appeared in several movies since her 2013 role in the thriller "The Canyons," according to IMDb.`, p, false},
		{"not appeared kept", "Lohan has not appeared in a movie since her 2013 role in the thriller, according to IMDb.", p, true},
		{"the copula says nothing", "The minister appeared calm as he announced the cuts.", "The minister did not appear to be worried. He appeared calm as he announced the cuts.", true},
	})
}

// TestDenialReachesTheComplement: "never been fond of the term" denies
// the term as well, which a passage's "not a term she liked" denies too.
func TestDenialReachesTheComplement(t *testing.T) {
	p := "In fact retirement is not a term that she's ever liked, she wrote."
	runCases(t, KindPolarity, []ruleCase{
		{"the complement of a denied word", "She wrote that she has never been fond of the term retirement.", p, true},
		{"the complement stated plainly", "She wrote that she has always been fond of the term retirement.", p, false},
	})
}

// TestNotOnlyAndCausatives: "not only" adds and denies nothing; "refuse
// to have their children vaccinated" denies the vaccination, not the
// children.
func TestNotOnlyAndCausatives(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"not only", "On Thursday the jury ordered him to pay $4 million in damages.", "Not only did the jury order him to pay $4 million in damages on Thursday, but his team had handed over his texts.", true},
		{"causative", "Some parents refuse to have their children vaccinated, arguing a healthy lifestyle is enough.", "Some parents refuse vaccination, arguing that a healthy lifestyle is enough to protect their children.", true},
		{"causative against done", "Some parents refuse to have their children vaccinated.", "Some parents have their children vaccinated, a survey found.", false},
	})
}

// TestNegationForms: "whether or not" denies nothing; "rather than" and
// "instead of" deny the verb after them; a negation reaches into a
// quotation right after it; a denied quantity as the subject denies the
// verb; "advised against" is "not advised".
func TestNegationForms(t *testing.T) {
	runCases(t, KindPolarity, []ruleCase{
		{"whether or not", "Whether Ukraine should join the EU has been a contentious issue for years.", "The question of whether or not Ukraine should join the EU has been a contentious issue for years.", true},
		{"rather than", "Rather than signing the EU agreement, Yanukovych chose closer ties with Russia.", "Yanukovych made a sudden decision to not sign an agreement with the EU. Instead, he opted for closer ties with Russia.", true},
		{"rather than against signed", "Rather than signing the EU agreement, Yanukovych chose closer ties with Russia.", "Yanukovych signed an agreement with the EU and also sought closer ties with Russia.", false},
		{"instead of for rather than", "North Korea reported people with fever symptoms rather than confirmed cases.", "Instead of confirmed cases, North Korea reported the number of people with fever symptoms.", true},
		{"a quotation after not", "Tagholm criticised companies for not future-proofing their systems.", "Tagholm criticised companies for not “future-proofing” their systems.", true},
		{"not enough as the subject", "Critics charged that not enough testing is being offered in the United States.", "Critics have charged that the United States is not offering enough testing.", true},
		{"advised against", "A map flags far fewer beaches where swimming is advised against.", "A map highlights far fewer beaches where swimming is not advised.", true},
	})
}

// TestAbsenceOf: "an absence of benefits" denies them as "a lack of
// benefits" does.
func TestAbsenceOf(t *testing.T) {
	p := "There have been numerous studies suggesting a lack of benefits from taking supplements."
	runCases(t, KindPolarity, []ruleCase{
		{"absence for lack", "Many studies have suggested an absence of benefits from taking supplements.", p, true},
		{"benefits", "Many studies have suggested benefits from taking supplements.", p, false},
		{"lack for absence", "Many studies have suggested a lack of benefits from taking supplements.", "Numerous studies suggest an absence of benefits from taking supplements.", true},
	})
}

// TestDeniedBySynonym: "turned down 93 proposals" denies them as "denied 93
// proposals" does (WordNet puts "turn down" in a set with "refuse"); the
// proposals stated plainly are still a contradiction.
func TestDeniedBySynonym(t *testing.T) {
	p := "Bureau officials have denied 93 proposals, often due to environmental concerns."
	runCases(t, KindPolarity, []ruleCase{
		{"turned down for denied", "The bureau has turned down 93 proposals, frequently on environmental grounds.", p, true},
		{"declined for denied", "The bureau has declined 93 proposals, frequently on environmental grounds.", p, true},
		{"approved", "The bureau has approved 93 proposals, frequently on environmental grounds.", p, false},
	})
}

// TestDeniedByKindOfAvoiding: a verb one step from a negative implicative
// in WordNet's verb hierarchy denies as it does ("skip regular visits" for
// "avoid regular visits": skipping is a way of neglecting); the visits
// stated plainly are still a contradiction.
func TestDeniedByKindOfAvoiding(t *testing.T) {
	p := "Nurses will give the drug in Tarrow surgeries, meaning patients can avoid regular hospital visits."
	runCases(t, KindPolarity, []ruleCase{
		{"skip for avoid", "Nurses will give the drug in Tarrow surgeries, so patients can skip regular hospital visits.", p, true},
		{"make for avoid", "Nurses will give the drug in Tarrow surgeries, so patients can make regular hospital visits.", p, false},
	})
}
