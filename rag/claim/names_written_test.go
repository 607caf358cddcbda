package claim

import (
	"strings"
	"testing"
)

// TestNamesWrittenOtherWays holds names a faithful writer writes in
// another form than the passage (initials, WordNet's other names for an
// organisation, a nationality for its country), each beside a misstatement
// that names someone else, which must still be dropped. The sentences are
// made up for the test.
func TestNamesWrittenOtherWays(t *testing.T) {
	checkPairs(t, []pairCase{
		{"initials of the whole name", "OPIS said pump prices rose 10 cents overnight.", "Pump prices rose 10 cents overnight, according to the Oil Price Information Service.", true, ""},
		{"initials of another name", "OPEC said pump prices rose 10 cents overnight.", "Pump prices rose 10 cents overnight, according to the Oil Price Information Service.", false, KindEntity},
		{"full name for the short one", "In May, the Federal Reserve raised rates by half a point.", "The Federal Reserve meets next week. At its May meeting, the Fed raised rates by half a point.", true, ""},
		{"short name for the full one", "Brandt asked how far the Federal Reserve would go to curb inflation.", "Ola Brandt, an analyst, asked how far the Fed would go to curb inflation.", true, ""},
		{"another organisation's full name", "Brandt asked how far the Federal Trade Commission would go to curb inflation.", "Ola Brandt, an analyst, asked how far the Fed would go to curb inflation.", false, KindEntity},
		{"nationality for the country", "Turkish President Recep Erdoğan spoke to reporters on Monday.", "President Recep Erdoğan of Turkey spoke to reporters on Monday.", true, ""},
		{"country's possessive for the nationality", "Chinese President Xi Jinping congratulated Lena Ocampo.", "China's President Xi Jinping congratulated Lena Ocampo on her win.", true, ""},
		{"another nationality", "On Monday, Greek President Recep Erdoğan spoke to reporters.", "President Recep Erdoğan of Turkey spoke to reporters on Monday.", false, KindEntity},
		{"state spelled out for the AP abbreviation", "The winning ticket was sold at a Food Mart in Munford, Tennessee.", "One winning ticket was sold at Naifeh's Food Mart in Munford, Tenn., and another in Melbourne Beach, Fla.", true, ""},
		{"AP abbreviation for the state", "Another winning ticket was sold in Melbourne Beach, Fla.", "Another winning ticket was sold in Melbourne Beach, Florida.", true, ""},
		{"another state", "The winning ticket was sold at a Food Mart in Munford, Kentucky.", "One winning ticket was sold at Naifeh's Food Mart in Munford, Tenn., and another in Melbourne Beach, Fla.", false, KindEntity},
		{"month after a determiner", "In May, the board raised its fees.", "The board meets again next week. At its May meeting, it raised its fees.", true, ""},
		{"month after a determiner, wrong month", "In June, the board raised its fees.", "The board meets again next week. At its May meeting, it raised its fees.", false, KindTime},
	})
}

// TestAbstractNounOpeningASentence: a common noun made with a suffix of
// abstract nouns, opening a sentence before its verb, is no name the
// passage must hold ("Unemployment fell" where the passage says "the
// jobless rate"); a surname there still is one.
func TestAbstractNounOpeningASentence(t *testing.T) {
	passage := "The jobless rate in Tarrow dropped to 3.5% in July, the statistics office said."
	if r := Check("Unemployment fell to 3.5% in Tarrow in July.", Source{Text: passage}); !r.OK() {
		t.Errorf("an abstract noun read as a name: %s (%s)", r.Verdict, r.Reason)
	}
	if r := Check("Brown said the jobless rate in Tarrow dropped to 3.5% in July.", Source{Text: passage}); r.OK() || r.Kind != KindEntity {
		t.Errorf("a surname that is also a word: %s %s (%s)", r.Verdict, r.Kind, r.Reason)
	}
	for w, want := range map[string]bool{"unemployment": true, "inflation": true, "ness": false, "sentiment": true, "trump": false, "hale": false, "city": false} {
		if got := abstractNoun(w); got != want {
			t.Errorf("abstractNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestDottedInitialsAndCapitals: "U.S." is one name, written as "US" and
// "the United States" are; and the capital of a country the passage names
// in several words ("the United States") stands for its government.
func TestDottedInitialsAndCapitals(t *testing.T) {
	passage := Source{Text: "The United States imposed sanctions on Russia on Monday."}
	for sentence, ok := range map[string]bool{
		"The U.S. imposed sanctions on Russia.":   true,
		"The U.K. imposed sanctions on Russia.":   false,
		"Washington imposed sanctions on Russia.": true,
		"London imposed sanctions on Russia.":     false,
	} {
		if r := Check(sentence, passage); r.OK() != ok {
			t.Errorf("%q: %s (%s), want ok=%v", sentence, r.Verdict, r.Reason, ok)
		}
	}
	if toks := tokenize("Talks in Washington, D.C., and the U.S. Senate; John F. Kennedy.", 100); toks[3].low != "dc" || toks[6].low != "us" || toks[9].low != "f" {
		var lows []string
		for _, tk := range toks {
			lows = append(lows, tk.low)
		}
		t.Errorf("tokens %q", lows)
	}
}

// TestNameOpeningACompound: a name that opens a hyphenated compound
// ("the Oslo-based lobby group") describes the noun after it, and the
// phrase refers back to whoever the sentence before named; the name is no
// other party to whom the sentence's name is foreign. A name the passage
// does not give still drops, and so does a name given the words of a
// person the passage names on its own.
func TestNameOpeningACompound(t *testing.T) {
	before := "Salmon exports fell by a fifth in May, according to figures from the Nordic Seafood Council (NSC). "
	described := before + "The Oslo-based lobby group called this slump in sales to buyers abroad “alarming,” and asked for talks."
	named := before + "Trade minister Ola Berg called this slump in sales to buyers abroad “alarming,” and asked for talks."
	checkPairs(t, []pairCase{
		{"the described group, by its initials", "The NSC called the slump in sales to buyers abroad “alarming.”", described, true, ""},
		{"a party the passage does not name", "The WTO called the slump in sales to buyers abroad “alarming.”", described, false, KindEntity},
		{"another party's words", "The NSC called the slump in sales to buyers abroad “alarming.”", named, false, KindEntity},
	})
}

// TestTimeZoneIsNoName: a time zone's abbreviation after a clock time ("at
// 8 EDT/5 PDT", "8 p.m. ET") is no party of the passage, so a name the
// sentence takes from the next sentence is not said of it; after a bare
// count ("2 MIT students") the capitals are still a name.
func TestTimeZoneIsNoName(t *testing.T) {
	sentence := "The Tonys air live on NBC and Peacock on Sunday from Radio City Music Hall."
	for _, clock := range []string{"at 8 EDT/5 PDT", "at 8 p.m. ET", "at 20:00 GMT"} {
		passage := "Sunday's show airs live on NBC and Peacock " + clock + ". The Tonys’ home this year, Radio City Music Hall, stands in for a theatre under repair."
		if r := Check(sentence, Source{Text: passage}); !r.OK() {
			t.Errorf("%q: %s (%s)", clock, r.Verdict, r.Reason)
		}
	}
	toks := tokenize("Two MIT students and 2 MIT staff met at 9 UTC on Friday.", 100)
	for i, tok := range toks {
		if want := tok.text == "UTC"; timeZone(toks, i) != want {
			t.Errorf("timeZone(%q) = %v, want %v", tok.text, !want, want)
		}
	}
}

// TestAddresseeIsNoParty: the one a person tells something to ("Kell told
// Radio Sur that …") is not who the sentence's clause is about, so the
// person's organisation, named in the sentence before, may stand beside
// them; a name the passage gives as a speaker elsewhere still drops.
func TestAddresseeIsNoParty(t *testing.T) {
	passage := "But Tidewatch’s chief executive Mara Kell argued that “the rules were being bent”, said The Herald. Kell told Radio Sur that the firms “plan only for mild weather” and criticised them for not “future-proofing” their pipes."
	checkPairs(t, []pairCase{
		{"the organisation named the sentence before", "Tidewatch chief executive Mara Kell criticised the firms for not future-proofing their pipes.", passage, true, ""},
		{"another speaker's paper", "The Herald criticised the firms for not future-proofing their pipes.", passage, false, KindEntity},
	})
}

// TestDatelineIsNoParty: the place a story was filed from, opening its
// first sentence before a colon, a dash or a bracketed agency ("Dunmore:",
// "DUNMORE –", "Dunmore (AP)"), is none of its parties, so a sentence that
// takes a place from the passage's next sentences is not said of it; a
// person who says the sentence still is one, and so is a speaker's label
// before a quotation or a name after a verb.
func TestDatelineIsNoParty(t *testing.T) {
	quake := "Ferndale: A 4.2 magnitude earthquake struck off the northern Oregon coast late Sunday. According to the U.S. Geological Survey, it was about 6 miles west of Ferndale."
	body := " Authorities in eastern Ohio are investigating after human remains were found at a state park. The Carroll County Sheriff’s Office was working with the Ohio State Highway Patrol and the county coroner. The remains were found Friday at the Lake Tolliver State Park, according to a news release."
	sentence := "A 4.2 magnitude earthquake struck off northern Oregon late Sunday, while authorities in eastern Ohio are investigating human remains found Friday at the Lake Tolliver State Park."
	for opening, ok := range map[string]bool{"Dunmore:": true, "DUNMORE –": true, "Dunmore (AP)": true, "Sheriff Kell said": false} {
		passage := opening + body
		if opening == "Sheriff Kell said" {
			passage = strings.Replace(passage, " Authorities", " authorities", 1)
		}
		if r := Check(sentence, Source{Text: quake}, Source{Text: passage}); r.OK() != ok {
			t.Errorf("%q: %s (%s), want ok=%v", opening, r.Verdict, r.Reason, ok)
		}
	}
	for text, want := range map[string]bool{
		"Dunmore: Authorities said.":       true,
		"Kell: “We will fight on.”":        false,
		"Joining NATO – a long road.":      false,
		"The mayor of Dunmore: a profile.": false,
	} {
		if got := tokenize(text, 100)[0].dateline; got != want {
			t.Errorf("%q: dateline %v, want %v", text, got, want)
		}
	}
}

// TestPossessiveBeforeAGivenName: a possessive before a given name ends
// one name and starts another ("the Kelby Foxes' Igor Lindqvist" is a
// team and a player), so a player given another team the passage names is
// caught; a possessive inside a place's name ("St George's Chapel") keeps
// it one name.
func TestPossessiveBeforeAGivenName(t *testing.T) {
	passage := "Dunmore Hawks forward Ana Ruiz leads the league with 50 goals. Even a goalie, Kelby Foxes' Igor Lindqvist, could be in the mix."
	checkPairs(t, []pairCase{
		{"the player's own team", "Even a goalie, the Kelby Foxes' Igor Lindqvist, could be in the mix.", passage, true, ""},
		{"another team the passage names", "Even a goalie, the Dunmore Hawks' Igor Lindqvist, could be in the mix.", passage, false, KindEntity},
	})
	for text, want := range map[string][]string{
		"Kelby Foxes' Igor Lindqvist saved two shots.":  {"Kelby Foxes", "Igor Lindqvist"},
		"Kelby's Igor Lindqvist saved two shots.":       {"Kelby", "Igor Lindqvist"},
		"They met at St George's Chapel in the castle.": {"St George Chapel"},
	} {
		toks := tokenize(text, 100)
		var got []string
		for _, g := range findNames(toks, nil) {
			got = append(got, nameText(toks, g))
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: names %q, want %q", text, got, want)
		}
	}
}

// TestCommonNounInitials covers a word written in capitals that WordNet
// also has as a common noun ("TV" for "television"): it names nothing the
// passage leaves out, while a name the passage lacks is still dropped.
func TestCommonNounInitials(t *testing.T) {
	p := "The 1961 act allows Ardel leagues to pool their television rights for sale to the highest bidder."
	runCases(t, KindEntity, []ruleCase{
		{"TV for television", "The 1961 act lets Ardel leagues pool their TV rights and sell them to the highest bidder.", p, true},
		{"a network the passage lacks", "The 1961 act lets Ardel leagues pool their NBC rights and sell them to the highest bidder.", p, false},
	})
}
