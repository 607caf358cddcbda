package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

func TestDictionaryWord(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"negotiations", true},
		{"happily", true},   // an -ly adverb of an adjective WordNet knows
		{"actualy", true},   // one letter from "actually"
		{"recieve", true},   // two letters swapped
		{"zorvexil", false}, // nobody's word: a name
		{"quandry", true},   // a letter dropped from "quandary"
		{"blenkwort", false},
	} {
		if got := dictionaryWord(tc.word); got != tc.want {
			t.Errorf("dictionaryWord(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

// TestUnknownWordIsAMissingName: a lower-case word that is no English word
// and that the coverage never uses is a name the coverage lacks, and the
// answerer abstains naming it; a word the coverage uses elsewhere is not
// held against the passages found.
func TestUnknownWordIsAMissingName(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The gala at the city museum raised money for the children's hospital. Guests wore evening dress and the mayor gave a short speech."))
	q := "what did zorvexil wear to the gala"
	ans := Extractive(q, hits, ExtractiveOptions{})
	if !ans.Abstained || !strings.Contains(ans.Text, "zorvexil") {
		t.Errorf("%q: %q, want an abstention naming the word", q, ans.Text)
	}
	// The index knows the word: it is in the coverage, only not in these
	// passages, so it decides nothing on its own.
	idf := func(term string) float64 { return 1 }
	terms := analyseQuestion(q, idf)
	terms.learnFromPassages(hits, passageTermsOf(hits))
	if terms.entity[prose.Stem("zorvexil")] {
		t.Errorf("a word the index knows was taken for a missing name")
	}
}

// TestNamePartsStandForTheName: where the coverage writes "Sir Jonas
// Weller", a sentence that says "Sir Jonas" is about Weller; a run of three
// names teaches nothing, and a word also written in lower case is a title.
func TestNamePartsStandForTheName(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Sir Jonas Weller met the harbour board on Monday. Later, Sir Jonas told the board that the ferry contract would be cancelled.",
		"Harbour Master Ilse Brandt Quay opened the new terminal. The harbour master said it would double capacity.",
	))
	q := analyseQuestion("what did weller tell the board about the ferry contract", nil)
	q.learnFromPassages(hits, passageTermsOf(hits))
	if !slices.Contains(q.aliases["weller"], "jona") {
		t.Errorf("forms of weller = %v, want the first name", q.aliases["weller"])
	}
	ans := Extractive("what did weller tell the board about the ferry contract", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "ferry contract would be cancelled") {
		t.Errorf("answer %q", ans.Text)
	}
	q = analyseQuestion("what did Brandt say", nil)
	q.learnFromPassages(hits, passageTermsOf(hits))
	if len(q.aliases["brandt"]) > 0 {
		t.Errorf("forms of brandt = %v, want none from a run of three names", q.aliases["brandt"])
	}
}

// TestSpeakerMustSayIt: for "what did X say about Y", X must be the one
// speaking (the subject of the verb of saying, or named right after it) and
// Y must be in X's words, not elsewhere in the sentence.
func TestSpeakerMustSayIt(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Mayor Odile Hale opened the new library on Tuesday. Critics of Hale said the Tarrow bridge was unsafe and should close. Hale said the budget for the library was balanced.",
	))
	for _, q := range []string{
		"what did hale say about the tarrow bridge", // the critics said it, about Hale
		"what did hale say to the governor",         // nobody told the governor anything
	} {
		if ans := Extractive(q, hits, ExtractiveOptions{}); !ans.Abstained {
			t.Errorf("%q answered: %s", q, ans.Text)
		}
	}
	ans := Extractive("what did hale say about the library budget", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "budget for the library was balanced") {
		t.Errorf("answer %q", ans.Text)
	}
	words, ok := speechOf(analyseQuestion("what did Baros say", nil), "“We will win,” said Baros after the match.", []string{"baro"})
	if !ok || !words["win"] {
		t.Errorf("speechOf with the speaker after the verb: %v %v", words, ok)
	}
}

func TestCoreNames(t *testing.T) {
	for _, tc := range []struct {
		question string
		want     []string
	}{
		{"Where did Ana Ruiz and Ben Ode meet in Lisbon?", []string{"ana", "ben", "ode", "ruiz"}},
		{"What did Ana say about Ben before the summit in Oslo?", []string{"ana", "ben"}},
		{"How did the fans react when Ruiz walked out of the Arena?", []string{"ruiz"}},
		{"The minister visited Oslo last week. What did she tell Ruiz on Monday?", []string{"ruiz"}},
	} {
		q := analyseQuestion(tc.question, nil)
		var got []string
		for t := range q.coreNames(tc.question) {
			got = append(got, t)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("coreNames(%q) = %v, want %v", tc.question, got, tc.want)
		}
	}
}

func passageTermsOf(hits []rag.Hit) []map[string]bool {
	out := make([]map[string]bool, len(hits))
	for i, h := range hits {
		out[i] = termSet(h.Title + "\n" + h.Text)
	}
	return out
}

// TestSceneWeighsLess: a name in a phrase of place or time weighs half its
// IDF, so that the sentence naming the people who met answers "where did
// they meet in Lisbon" rather than one that names Lisbon alone; a name in
// the question's background sentence is no scene for that.
func TestSceneWeighsLess(t *testing.T) {
	idf := func(term string) float64 {
		if term == "lisbon" {
			return 6
		}
		return 1
	}
	q := analyseQuestion("Where did Ana Ruiz and Ben Ode meet in Lisbon?", idf)
	before := q.weight["lisbon"]
	q.weighScene("Where did Ana Ruiz and Ben Ode meet in Lisbon?")
	if q.weight["lisbon"] != before*sceneWeight || q.weight["ruiz"] != 1 {
		t.Errorf("weights lisbon %v (was %v), ruiz %v", q.weight["lisbon"], before, q.weight["ruiz"])
	}
	hits := hitsOf(passagesFrom(t,
		"Ministers from six countries met in Lisbon on Monday at the Belem Palace for the start of the fisheries summit. "+
			"Ana Ruiz and Ben Ode met in the Old Customs House by the river, aides said."))
	ans := Extractive("where did ana ruiz and ben ode meet in lisbon", hits, ExtractiveOptions{IDF: idf})
	if ans.Abstained || !strings.HasPrefix(ans.Text, "Ana Ruiz and Ben Ode met in the Old Customs House") {
		t.Errorf("answer %q", ans.Text)
	}
	for question, want := range map[string][]string{
		"The storm swept through Spain and France. Which city in Portugal flooded?": {"france", "portugal", "spain"},
		"Which storm, including the one that hit Spain, was the worst?":             nil,
	} {
		q := analyseQuestion(question, nil)
		var got []string
		for t := range q.sceneNames(question) {
			got = append(got, t)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("sceneNames(%q) = %v, want %v", question, got, want)
		}
	}
}

// TestOpenEndedDuration: "for as long as it takes" and "indefinitely"
// answer "how long" as a count of days does.
func TestOpenEndedDuration(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The ban on the club's supporters will stay in place, the league said on Monday. It will last for as long as the club fails to pay its fines.",
		"Engineers closed the bridge on Monday and said it would stay shut. Repairs to the cables will keep it closed indefinitely, they said."))
	for q, want := range map[string]string{
		"how long will the ban on the supporters stay in place?": "for as long as the club fails to pay its fines",
		"how long will the bridge stay shut?":                    "indefinitely",
	} {
		checkAnswers(t, hits, q, want)
	}
}

// TestDurationNeedsASpan: "how long" is answered by a span, a bare plural
// unit after a preposition among them ("after weeks of"), and a sentence
// that covers the question but gives no span does not answer it, however
// much of the question it holds.
func TestDurationNeedsASpan(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The mayor of Eastwick spoke with the governor of Halden by phone on Tuesday about the flood defences of the river port.",
		"After months of the council delaying repairs to the sea wall, residents of Eastwick have started a petition."))
	if ans := Extractive("how long did the mayor of eastwick speak with the governor of halden on the phone", hits, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("no span given, answered %q", ans.Text)
	}
	if ans := Extractive("how long has the council been delaying repairs to the sea wall", hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "After months of") {
		t.Errorf("span after a preposition: %q", ans.Text)
	}
}

// TestPhrasingTypo: a phrasing word typed one letter off is phrasing, not
// a focus term the passages must hold; a name or an English word is not.
func TestPhrasingTypo(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"actualy", true},
		{"recenty", true},
		{"acording", true},
		{"actually", false}, // a phrasing word as it is, known to WordNet
		{"zorvexil", false},
		{"bolton", false},
		{"reporter", false}, // an English word one letter from "reported"
	} {
		if got := phrasingTypo(tc.word); got != tc.want {
			t.Errorf("phrasingTypo(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
	q := analyseQuestion("do we actualy know what hale said", nil)
	for _, term := range q.order {
		if q.surface[term] == "actualy" {
			t.Errorf("the typed phrasing word is a focus term: %v", q.order)
		}
	}
}

// TestShorthand: chat shorthand has no vowel letter and is no focus; an
// acronym typed in lower case that the coverage holds is one.
func TestShorthand(t *testing.T) {
	none := func(string) float64 { return 0 }
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"q", true},
		{"w", true},
		{"ppl", true},
		{"rn", true},
		{"nhs", true}, // an acronym the coverage does not hold
		{"my", false}, // y is a vowel letter
		{"bolton", false},
		{"5", false},
	} {
		if got := shorthand(tc.word, tc.word, none); got != tc.want {
			t.Errorf("shorthand(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
	held := func(term string) float64 {
		if term == "nhs" {
			return 3
		}
		return 0
	}
	if shorthand("nhs", "nhs", held) {
		t.Errorf("an acronym the coverage holds was read as shorthand")
	}
	q := analyseQuestion("quick q: how many ppl did hale hire w the grant", none)
	for _, term := range q.order {
		if s := q.surface[term]; s == "q" || s == "ppl" || s == "w" {
			t.Errorf("shorthand %q is a focus term: %v", s, q.order)
		}
	}
}

// TestArticleNamesByDerivation: an article on "Europe" names the "European"
// countries of a question (WordNet derives the one from the other), so its
// sentences may answer; an article that names neither is still passed over.
func TestArticleNamesByDerivation(t *testing.T) {
	q := "Which storm hit several European countries this week?"
	hits := hitsOf(passagesFrom(t,
		"Storm Odile hit several countries of western Europe on Tuesday, flattening crops. Forecasters said more storms were likely."))
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "Odile") {
		t.Errorf("%q: %q, want the sentence naming the storm", q, ans.Text)
	}
	other := hitsOf(passagesFrom(t,
		"Storm Odile hit several provinces of western Canada on Tuesday, flattening crops. Forecasters said more storms were likely."))
	if ans := Extractive(q, other, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("%q on coverage naming no European country: %q, want an abstention", q, ans.Text)
	}
	if !namesByDerivation(map[string]bool{prose.Stem("europe"): true}, "European") {
		t.Error("Europe does not name European")
	}
}

// TestPrepositionIsNoFocus: a preposition of the closed class ("amid",
// "throughout", "towards") is a function word: no part of the question's
// focus, and no name the coverage lacks, although WordNet files no
// preposition; one WordNet also knows as a verb ("like") stays a content word.
func TestPrepositionIsNoFocus(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The ferry operator cancelled every crossing on Friday because of the dock strike. A spokesperson said sailings would resume once the strike ended."))
	for _, q := range []string{
		"why did the ferry operator cancel crossings amid the dock strike",
		"why were crossings cancelled throughout friday",
	} {
		terms := analyseQuestion(q, func(string) float64 { return 0 })
		for _, w := range []string{"amid", "throughout"} {
			if _, ok := terms.weight[prose.Stem(w)]; ok {
				t.Errorf("%q: %q is a focus term", q, w)
			}
		}
		if ans := Extractive(q, hits, ExtractiveOptions{}); ans.Abstained {
			t.Errorf("%q abstained: %q", q, ans.Text)
		}
	}
	if !functionPreposition("towards") || functionPreposition("like") || functionPreposition("ferry") {
		t.Errorf("functionPreposition: towards %v, like %v, ferry %v",
			functionPreposition("towards"), functionPreposition("like"), functionPreposition("ferry"))
	}
}

// TestShortNameAfterDeterminer: a short word no dictionary knows and the
// coverage never uses is a name the coverage lacks when a determiner opens
// its noun phrase ("the new vbx"); elsewhere ("pls") it may be shorthand,
// and decides nothing.
func TestShortNameAfterDeterminer(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The ferry to the island sails at nine every morning from the north pier. The operator said a second boat would be added in the summer."))
	q := "when does the new vbx ferry to the island sail"
	if ans := Extractive(q, hits, ExtractiveOptions{}); !ans.Abstained || !strings.Contains(ans.Text, "vbx") {
		t.Errorf("%q: %q, want an abstention naming the word", q, ans.Text)
	}
	q = "pls when does the ferry to the island sail"
	if ans := Extractive(q, hits, ExtractiveOptions{}); ans.Abstained {
		t.Errorf("%q abstained: %q", q, ans.Text)
	}
}

// A speaker asked about by nationality and role is not another country's
// holder of the role: "the french president" said nothing that "the
// ukrainian president" is asked to have said, whether the sentence names
// the speaker as its subject, quotes them, or refers back to them.
func TestSpeakerOfAnotherCountry(t *testing.T) {
	for name, text := range map[string]string{
		"subject":   "President Ilse Varga of Austria met the Hungarian president, Pavel Dorn, in Graz on Monday. The Austrian president said the talks on the Danube toll had gone well.",
		"quotation": "President Ilse Varga of Austria met the Hungarian president, Pavel Dorn, in Graz on Monday. “The talks on the Danube toll went well,” the Austrian president said.",
		"refers":    "Ilse Varga, who leads Austria, met the Hungarian president, Pavel Dorn, in Graz on Monday. The Austrian president later said the talks on the Danube toll had gone well.",
	} {
		hits := hitsOf(passagesFrom(t, text))
		q := "what did the hungarian president say about the danube toll"
		if ans := Extractive(q, hits, ExtractiveOptions{}); !ans.Abstained {
			t.Errorf("%s: %q answered: %s", name, q, ans.Text)
		}
		q = "what did the austrian president say about the danube toll"
		if ans := Extractive(q, hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "Danube toll") {
			t.Errorf("%s: %q: %s", name, q, ans.Text)
		}
	}
	if !ofAnotherCountry([]string{"french", "presid"}, []string{"ukrainian", "presid"}) {
		t.Error("the French president taken for the Ukrainian one")
	}
	if ofAnotherCountry([]string{"us", "presid"}, []string{"american", "presid"}) || ofAnotherCountry([]string{"french", "presid"}, []string{"presid"}) {
		t.Error("one country, or none asked, taken for another")
	}
}

// A speaker asked about by a description the coverage gives in apposition
// ("John Bolton, who was the president's national security adviser, said")
// is found by it, unless the apposition names another country.
func TestSpeakerDescribedByApposition(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Odile Hale, who was the city's chief planner until 2019, said: “The Tarrow bridge was never safe.” "+
			"Pavel Dorn, the Hungarian ambassador to Austria, said the toll on the Danube bridge was unfair. "+
			"Mayor Lina Varo opened the new library on Tuesday."))
	for q, want := range map[string]string{
		"what did the former chief planner say about the bridge": "never safe",
		"what did the hungarian ambassador say about the toll":   "unfair",
	} {
		if ans := Extractive(q, hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, want) {
			t.Errorf("%q: %s", q, ans.Text)
		}
	}
	for _, q := range []string{
		"what did the mayor say about the bridge",             // the mayor said nothing of it
		"what did the austrian ambassador say about the toll", // the ambassador is Hungary's
	} {
		if ans := Extractive(q, hits, ExtractiveOptions{}); !ans.Abstained {
			t.Errorf("%q answered: %s", q, ans.Text)
		}
	}
	if got := apposition("John Bolton, who was the president’s national security adviser in his first term,"); !slices.Equal(got, []string{prose.Stem("national"), prose.Stem("security"), prose.Stem("adviser")}) {
		t.Errorf("apposition: %v", got)
	}
}

// "Called X a Y" and "called for" report what someone said ("Mayor Ruiz
// called the vote a win"); "called X" alone is a telephone call, and says
// nothing of what was said.
func TestCalledReportsSpeech(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Tarrow's council voted 7-2 on Monday to approve the bridge plan. Mayor Ann Ruiz called the vote a win for residents. "+
			"Councillor Tom Hale called for a recount of the ballots. Ruiz called Senator Lina Varo on Tuesday about the plan."))
	for q, want := range map[string]string{
		"what did the mayor say about the vote": "win for residents",
		"what did hale say about the recount":   "called for a recount",
	} {
		if ans := Extractive(q, hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, want) {
			t.Errorf("%q: %s", q, ans.Text)
		}
	}
	if ans := Extractive("what did ruiz say to varo", hits, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("a telephone call read as what was said: %s", ans.Text)
	}
}

// A speaker asked about by role ("the tarrow officials") is not one the
// coverage gives another role that neither includes ("The Tarrow mayor
// said"), as the subject or as a description that refers back to a
// sentence about the officials; the same role, or one that includes it,
// still speaks.
func TestSpeakerOfAnotherRole(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Officials from Tarrow met their counterparts in Graz on Monday to discuss the Danube toll. "+
			"The Tarrow mayor said the toll on the Danube bridge was unfair."))
	if ans := Extractive("what did the tarrow officials say about the toll", hits, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("the mayor's words given to the officials: %s", ans.Text)
	}
	if ans := Extractive("what did the tarrow mayor say about the toll", hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "unfair") {
		t.Errorf("the mayor: %s", ans.Text)
	}
	q := analyseQuestion("what did the tarrow leader say", nil)
	if q.ofAnotherRole([]string{"tarrow", "mayor"}, speakerTerms("what did the tarrow leader say")) {
		t.Error("a mayor is a leader's role")
	}
}

// TestArticleAsSubject: "how does the harbour piece label the fees": the
// piece is the article and labelling is how it is asked; neither is a
// word the passages must hold.
func TestArticleAsSubject(t *testing.T) {
	passages := passagesFrom(t,
		"The harbour board met on Monday. Critics called the new mooring fees an act of daylight robbery, and the board said they would stay.")
	hits, opt := hitsOf(passages), ExtractiveOptions{IDF: seedIDF(passages)}
	for _, q := range []string{"how does the harbour piece label the fees", "how does the harbour piece describe the fees", "how does the harbour article characterise the mooring fees"} {
		checkAnswersWith(t, hits, opt, q, "daylight robbery")
	}
}

// TestOpinionAskedOfASpeaker: "what did X make of Y" asks for X's words on
// Y; a quotation of X on something else, with a headline on Y beside it,
// is no answer.
func TestOpinionAskedOfASpeaker(t *testing.T) {
	passages := passagesFrom(t,
		"Hale criticises Varga after harbour summit in Lisbon",
		"They discussed “the possibility of resuming direct talks on fishing quotas”, council aide Ivo Marsh said.",
		"The harbour summit in Lisbon lasted an hour, officials said.")
	checkAbstainsWith(t, hitsOf(passages), ExtractiveOptions{IDF: seedIDF(passages)}, "what did the council aide make of the hale varga summit in lisbon")
}

// TestEnglishWordIsNoMisspelling: a question word WordNet knows is not
// read as a passage word one letter from it unless that word is one of
// its forms: "starter" is not "Starmer", while "agree" finds "agreed".
func TestEnglishWordIsNoMisspelling(t *testing.T) {
	for _, tc := range []struct {
		word, term string
		other      bool
	}{
		{"starter", "starmer", true},
		{"agree", "agreed", false},
		{"designate", prose.Stem("designated"), false},
		{"zelensky", "zelenskyy", false}, // no English word: a name typed as people type it
	} {
		if got := otherWord(tc.word, tc.term); got != tc.other {
			t.Errorf("otherWord(%q, %q) = %v, want %v", tc.word, tc.term, got, tc.other)
		}
	}
	passages := loadSeedPassages(t)
	idf := seedIDF(passages)
	q := "any good tips for a sourdough starter"
	if ans := Extractive(q, rankByOverlap(q, passages, idf), ExtractiveOptions{IDF: idf}); !ans.Abstained {
		t.Errorf("off-topic question answered: %q", ans.Text)
	}
}
