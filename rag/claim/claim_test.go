package claim

import (
	"strings"
	"testing"
)

const (
	spokesperson = "A Downing Street spokesperson said Sir Keir began the conversation by “reiterating the UK’s concrete support for Ukraine, for as long as it’s needed”."
	statement    = "A statement on Mr Zelenskyy‘s social media said: “I informed Prime Minister Starmer about my discussion with President Trump and contacts with the American side."
	basilica     = "Sir Tony Brenton, the former British ambassador to Russia, said the event presents diplomatic opportunities.\n\nHe told Sky News it could mark “an important step”.\n\nProfessor Father Francesco Giordano told Sky News the meeting is being called “Pope Francis’s miracle” by members of the clergy."
	bolton       = "John Bolton, who was the president’s national security adviser during his first term, told Sky News that endless concessions to Moscow are a threat to American national security."
)

func TestIssueSentences(t *testing.T) {
	title := Source{Context: "Starmer tells Zelenskyy UK support is unwavering"}
	tests := []struct {
		sentence, passage string
		verdict           Verdict
		kind, reason      string
	}{
		{"Downing Street said Starmer did not reiterate the UK's support for Ukraine.", spokesperson, Contradicted, KindPolarity, "reiterating"},
		{"Zelenskyy said he had informed Trump about his discussion with Prime Minister Starmer.", statement, Contradicted, KindRole, "Starmer"},
		{"Sir Tony Brenton said the meeting is being called Pope Francis's miracle by members of the clergy.", basilica, Contradicted, KindEntity, "Francesco Giordano"},
		{"John Bolton, Trump's national security adviser during his second term, said endless concessions to Moscow are a threat to American national security.", bolton, Contradicted, KindFigure, "first, not second"},
		{"Starmer opened the call by restating the UK's firm backing for Ukraine for as long as needed.", spokesperson, Supported, "", ""},
	}
	for _, tt := range tests {
		r := Check(tt.sentence, Source{Text: tt.passage, Context: title.Context})
		if r.Verdict != tt.verdict || r.Kind != tt.kind || !strings.Contains(r.Reason, tt.reason) {
			t.Errorf("%q:\n got %s %s %q\nwant %s %s …%s…", tt.sentence, r.Verdict, r.Kind, r.Reason, tt.verdict, tt.kind, tt.reason)
		}
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name, sentence, passage string
		ok                      bool
		kind                    string
	}{
		{"number words", "Police arrested thirty-one men.", "Police arrested 31 men on Saturday.", true, ""},
		{"wrong number", "Police arrested 13 men.", "Police arrested 31 men on Saturday.", false, KindFigure},
		{"half as a share", "Almost half the payroll resigned.", "Nearly 50% of the payroll resigned.", true, ""},
		{"money", "The lunch went for nineteen million dollars.", "The lunch went for $19 million.", true, ""},
		{"two thirds", "Two thirds of voters backed it.", "About 67% of voters backed it.", true, ""},
		{"glued billions", "The deal was worth $6.6 billion.", "The $6.6bn deal was agreed.", true, ""},
		{"hundred and fifty", "One hundred and fifty people came.", "Some 150 people came.", true, ""},
		{"half a million", "Half a million people left.", "500,000 people left.", true, ""},
		{"a dozen", "A dozen people were hurt.", "12 people were hurt.", true, ""},
		{"more against fewer", "Fewer than 1,000 flights a day.", "More than 1,000 flights a day.", false, KindFigure},
		{"weekday", "Voters rejected the measure on Monday.", "Voters rejected the measure on Tuesday.", false, KindTime},
		{"relative time", "The strike happened last week.", "The strike happened overnight.", false, KindTime},
		{"ago", "The strike happened two weeks ago.", "The strike happened two days ago.", false, KindTime},
		{"season", "The talks began last summer.", "The talks began last winter.", false, KindTime},
		{"month May", "The pilot took off on May 23.", "The pilot took off on March 23 and may return.", false, KindTime},
		{"opposite", "Owners rejected the sale.", "Owners approved the sale.", false, KindAntonym},
		{"negated opposite agrees", "Jones fared badly in court.", "Jones did not fare well in court.", true, ""},
		{"passive kept", "The Lightning were beaten by the Avalanche.", "The Avalanche defeated the Lightning.", true, ""},
		{"roles swapped", "The Lightning defeated the Avalanche.", "The Avalanche defeated the Lightning.", false, KindRole},
		{"name not in source", "Talks were held in Vilnius.", "Talks were held in Washington.", false, KindEntity},
		{"country names", "Britain backs Ukraine.", "The UK backs Ukraine.", true, ""},
		{"initials", "FDA advisers voted.", "Advisers to the US Food and Drug Administration voted.", true, ""},
		{"addition", "The framework includes a ban on assault weapons.", "The framework includes funding for school safety.", false, KindAddition},
		{"before for after", "Trump criticised Putin before the funeral.", "Trump criticised Putin after the funeral.", false, KindAntonym},
		{"after kept", "Trump criticised Putin after the funeral.", "After the funeral, Trump criticised Putin.", true, ""},
		{"yet to", "The companies have not yet said who would run it.", "The companies have yet to say who would run it.", true, ""},
		{"and a half", "The firm will pay eighteen and a half million dollars.", "The firm will pay $18.5 million.", true, ""},
		{"the two-hour call", "The call lasted two hours.", "They spoke in the two-hour call on Thursday.", true, ""},
		{"second quarter", "It expects to lose two million in the second.", "It expects to lose another two million in the second quarter.", true, ""},
		{"clock time", "Lawyers must answer by three in the afternoon on Friday.", "Lawyers must answer by Friday 3 p.m.", true, ""},
		{"clock time against morning", "Lawyers must answer by three in the morning on Friday.", "Lawyers must answer by Friday 3 p.m.", false, KindTime},
		{"years old", "The prints are likely 12,000 years old.", "Scientists found prints of young children, likely 12,000 years old.", true, ""},
		{"up for down", "Disney was up roughly 5% on Tuesday.", "Disney was down roughly 5% on Tuesday.", false, KindAntonym},
		{"preposition opens", "Beyond its 222 million households, Netflix counts 100 million more.", "In addition to its 222 million households, Netflix counts 100 million more.", true, ""},
		{"derivation", "Officials negotiated for weeks.", "The negotiations among officials went on for weeks.", true, ""},
		{"unnamed subject", "Netflix shed 200,000 subscribers.", "Netflix reported on Tuesday. It shed 200,000 subscribers, the company said. Later it spoke.", true, ""},
		{"told turned round", "Johnson told Patel that he had to go.", "Another ally, Home Secretary Priti Patel, told Johnson that he had to go.", false, KindRole},
		{"told kept", "Patel told Johnson that he had to go.", "Another ally, Home Secretary Priti Patel, told Johnson that he had to go.", true, ""},
		{"purchase of by", "The way is clear for a purchase of Acme by Globex.", "The way is clear for a possible purchase of Globex by Acme Corp.", false, KindRole},
		{"purchase of by kept", "The way is clear for a purchase of Globex by Acme.", "The way is clear for a possible purchase of Globex by Acme Corp.", true, ""},
		{"passive doers swapped", "The tax was derided by economists and doubted by the mayor.", "The tax was derided by the mayor and doubted by economists.", false, KindRole},
		{"passive doers kept", "The tax was derided by the mayor and doubted by economists.", "The tax was derided by the mayor and doubted by economists.", true, ""},
		{"doer and other party swapped", "The soil was loaned to NASA by the researchers.", "The soil was loaned to the researchers by NASA.", false, KindRole},
		{"not changed", "Officials said US policy on Taiwan had changed.", "Officials said US policy on Taiwan has not changed and opposed efforts to change the status quo.", false, KindPolarity},
		{"away for towards", "Counting showed a swing away from Greens candidates.", "Counting showed a strong swing towards Greens candidates.", false, KindAntonym},
		{"another company's chief", "'We are disappointed,' said Frontier CEO Ted Christie.", "Spirit and Frontier ended their deal. 'We are disappointed,' said Spirit CEO Ted Christie.", false, KindEntity},
		{"the company's chief", "'We are disappointed,' said Spirit CEO Ted Christie.", "Spirit and Frontier ended their deal. 'We are disappointed,' said Spirit CEO Ted Christie.", true, ""},
		{"stopped short of", "Pelosi endorsed the plan in a statement.", "Pelosi stopped short of endorsing the plan in a statement.", false, KindPolarity},
		{"declined to", "The union commented on Wednesday.", "The union declined to comment on Wednesday.", false, KindPolarity},
		{"declined as a fall", "Shares declined 5% on Friday.", "Shares declined 5% on Friday.", true, ""},
		{"infinitive has no doer of its own", "England reached the final by beating Sweden.", "England beat Sweden 4-0 to reach the final.", true, ""},
		{"years old and years ago", "The footprints are 21,000 years old.", "The footprints were made 21,000 years ago.", true, ""},
		{"counted days", "The tax would be suspended for 90 days.", "The tax would be suspended for the next 90 days.", true, ""},
		{"days for weeks", "The tax would be suspended for 90 days.", "The tax would be suspended for 90 weeks.", false, KindTime},
		{"not past a preposition", "It would not on its own solve soaring prices.", "It is not enough to resolve soaring prices.", true, ""},
		{"nothing about", "Pelosi has announced nothing about a trip.", "Pelosi has not made any announcements about a trip.", true, ""},
		{"must be allowed", "Wright warned that girls must be allowed to play football.", "Wright warned that girls are not allowed to play football.", true, ""},
		{"would against would not", "The board would approve the sale.", "The board would not approve the sale.", false, KindPolarity},
		{"whether asks", "The court asked Trump to say whether he opposes the release.", "Trump said he would not oppose the release. The court asked him to say if he opposes the release.", true, ""},
		{"WordNet alias", "Her role as the chief Republican critic made her an underdog.", "Her role as the chief GOP critic made her an underdog.", true, ""},
		{"present tense verb", "The city budget offers Tulsa only vague tax relief.", "The city budget includes only unspecified tax relief for Tulsa.", true, ""},
		{"name after a preposition", "FINA's policy bars athletes who have gone through puberty from women's events.", "FINA voted for new rules on Sunday. The policy is the strictest from any Olympic sports body and bars athletes who have gone through puberty from women's events.", true, ""},
		{"object is not the speaker", "Buzbee said he hopes the league appeals.", "Attorney Tony Buzbee spoke, saying he hoped that the NFL would appeal.", true, ""},
	}
	for _, tt := range tests {
		r := Check(tt.sentence, Source{Text: tt.passage})
		if r.OK() != tt.ok || (!tt.ok && r.Kind != tt.kind) {
			t.Errorf("%s: %q against %q: got %s %s %q", tt.name, tt.sentence, tt.passage, r.Verdict, r.Kind, r.Reason)
		}
	}
}

func TestEmptyInputs(t *testing.T) {
	if r := Check("", Source{Text: "Anything."}); !r.OK() {
		t.Errorf("empty sentence: %+v", r)
	}
	if r := Check("Starmer called Zelenskyy on Friday."); r.OK() {
		t.Errorf("no passage supported a claim: %+v", r)
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("Zelenskyy said he had informed Trump about Starmer.", statement)
	f.Add("It rose 8.6% on Monday, not twenty-four.", "Prices rose by 9.1% in June, when the $6.6 billion deal wasn't done.")
	f.Add("a-b—c “d” [1] ’s n't", "-- , ; : ( ) 1,000.5 % $")
	f.Add("One in four, three hundred twelve, half an hour, an hour and a half, a fifth of 11-year-olds doubled.", "£40k, €5m, a decade, a fortnight, ages 5 to 11, 1 in 1,000, two-fifths of a dozen.")
	f.Fuzz(func(t *testing.T, sentence, passage string) {
		// The passage read whole, and cut in two as two cited passages.
		half := len(passage) / 2
		for _, sources := range [][]Source{
			{{Text: passage, Context: passage}},
			{{Text: passage[:half]}, {Text: passage[half:]}},
		} {
			r := Check(sentence, sources...)
			switch r.Verdict {
			case Supported, Contradicted, NotInSource:
			default:
				t.Fatalf("verdict %q", r.Verdict)
			}
		}
	})
}

// TestLinear checks that the work grows in proportion to the input: a
// passage eight times as long costs well under sixty-four times as much,
// and a sentence eight times as long (beyond maxSentenceWords) no more than
// one at the bound. Work is counted in allocations, which do not depend on
// how busy the machine is.
func TestLinear(t *testing.T) {
	unit := "Zelenskyy said he had informed Prime Minister Starmer about his talks with President Trump on Friday, when 31 people and $6.6 billion were at stake. "
	sentence := "Starmer informed Trump about 13 people last week and more, not less. "
	work := func(passages, sentences int) float64 {
		p := strings.Repeat(unit, passages)
		s := strings.Repeat(sentence, sentences)
		return testing.AllocsPerRun(2, func() { Check(s, Source{Text: p}) })
	}
	if small, large := work(16, 10), work(128, 10); large > 12*small {
		t.Errorf("a passage 8x as long took %.1fx the work", large/small)
	}
	if small, large := work(16, 10), work(16, 80); large > 2*small {
		t.Errorf("a sentence 8x as long took %.1fx the work", large/small)
	}
}
