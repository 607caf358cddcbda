package claim

import "testing"

// TestMonthAbbreviationIsNoName: "Jan. 31" is a date; "Jan" beside a
// figure names no one, so it is no party of "said" and the roles of the
// speaker and what is said are not turned round.
func TestMonthAbbreviationIsNoName(t *testing.T) {
	p := "\"The lunar eclipse on Jan. 31 will be visible during moonset,\" said Noah Petro, a research scientist at NASA."
	runCases(t, KindRole, []ruleCase{
		{"reported speech", "Noah Petro, a NASA research scientist, said the lunar eclipse on Jan. 31 will be visible during moonset.", p, true},
	})
}

// TestOrganisationNameWithAnd: "the Senate Energy and Natural Resources
// Committee" is one name, which "the Senate Energy Committee" shortens;
// "Trump and Biden" stays two.
func TestOrganisationNameWithAnd(t *testing.T) {
	p := "Sen. Joe Manchin of West Virginia, who chairs the Senate Energy and Natural Resources Committee, said he is skeptical of the gas tax holiday."
	runCases(t, KindRole, []ruleCase{
		{"shortened", "Manchin, who chairs the Senate Energy Committee, said he is skeptical of the gas tax holiday.", p, true},
	})
	toks := tokenize("On Monday, Trump and Biden met the Health and Human Services Department.", 100)
	names := findNames(toks, nil)
	if len(names) != 3 {
		var got []string
		for _, g := range names {
			got = append(got, spanText(toks, g.start, g.end))
		}
		t.Errorf("names %q, want Trump, Biden and the department", got)
	}
}

// TestOpeningAdverbIsNoName: an adverb in -ly opening a sentence
// ("Initially, …") names no one, on either side.
func TestOpeningAdverbIsNoName(t *testing.T) {
	p := "At first, officials at the CDC announced that vaccines for monkeypox were being released from the Strategic National Stockpile."
	runCases(t, KindEntity, []ruleCase{
		{"sentence side", "Initially, CDC officials said monkeypox vaccines were being released from the Strategic National Stockpile.", p, true},
		{"passage side", "Tatis broke his wrist over the winter, and he could miss half the season.", "Tatis broke his wrist over the winter. Potentially, he could miss half the season.", true},
	})
}

// TestAcronymWithinARun: "CDC" stands for the "Centers for Disease
// Control" of "The US Centers for Disease Control and Prevention", though
// the run goes on past it; it is no other party's name.
func TestAcronymWithinARun(t *testing.T) {
	a := "The US Centers for Disease Control and Prevention calls exposure to PFAS a \"public health concern,\" citing studies that found the chemicals can harm the immune system."
	b := "\"More research is needed to understand how PFAS exposure may affect illness from COVID-19,\" stated the CDC and the Agency for Toxic Substances and Disease Registry."
	s := "The CDC calls PFAS exposure a public health concern and says more research is needed on how it may affect illness from COVID-19."
	if r := Check(s, Source{Text: a}, Source{Text: b}); !r.OK() {
		t.Errorf("dropped: %s", r.Reason)
	}
}
