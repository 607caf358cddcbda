package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

func TestDoerOfAQuestion(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Mayor Odile Hale met Governor Piet Ode in Tarrow. Critics attacked Hale over the strike."))
	for _, tc := range []struct {
		question string
		want     [][]string
	}{
		{"how did hale respond to the strike", [][]string{{"hale"}}},
		{"when did hale and ode actually meet", [][]string{{"hale"}, {"ode"}}},
		{"who did Mayor Hale meet in Tarrow?", [][]string{{"mayor", "hale"}}},
		{"how did hale's staff react", nil},     // Hale modifies the subject
		{"did hale respond to the strike", nil}, // yes or no: "no" is an answer
		{"what did hale say about the strike", nil},
		{"how did the critics react", nil}, // a description, not a name
		{"The strike began on Monday. How did Hale respond?", [][]string{{"hale"}}},
		{"when did the tarrow strike happen", nil}, // "strike" is the subject's noun: a verb follows it
		{"when did hale strike the deal", [][]string{{"hale"}}},
		{"who is hale meeting in tarrow", [][]string{{"hale"}}},                                   // the progressive
		{"who is hale in tarrow", nil},                                                            // no verb: "is" is the verb
		{"when did odile hale and piet ode meet", [][]string{{"odile", "hale"}, {"piet", "ode"}}}, // two parties of two words
	} {
		q := analyseQuestion(tc.question, nil)
		q.learnFromPassages(hits, passageTermsOf(hits))
		if got := q.doer(tc.question); !slices.EqualFunc(got, tc.want, slices.Equal) {
			t.Errorf("doer(%q) = %v, want %v", tc.question, got, tc.want)
		}
	}
}

func TestObjectAt(t *testing.T) {
	for _, tc := range []struct {
		sentence, name string
		want           bool
	}{
		{"Critics attacked Hale over the strike.", "Hale", true},
		{"The union criticised Mayor Odile Hale on Monday.", "Hale", true},
		{"Ode left after meeting Hale in Tarrow.", "Hale", true},
		{"The talks with Hale ended early.", "Hale", true},
		{"Hale said the strike was regrettable.", "Hale", false},
		{"Mayor Odile Hale has promised talks.", "Hale", false},
		{"The plan was rejected by Hale on Monday.", "Hale", false},
		{"The row came a day after Hale told reporters the strike was unlawful.", "Hale", false},
		{"On Monday, Hale and Ode met in Tarrow.", "Hale", false},
		// A base form that is also a noun is a verb after "to" or a modal.
		{"The council refused to allow Tarrow to join Ostmark.", "Ostmark", true},
		{"Ode said she would visit Hale in the spring.", "Hale", true},
		{"The visit Hale planned was cancelled.", "Hale", false},
		// The name's own noun phrase stands between it and what governs it.
		{"The tariffs slapped on our close ally Ostmark were lifted.", "Ostmark", true},
		{"The league suspended Tarrow Rovers striker Piet Ode for six games.", "Ode", true},
		{"Harbour union leader Piet Ode called the strike.", "Ode", false},
		{"The deputy port envoy Piet Ode said the talks would go on.", "Ode", false},
	} {
		words := phraseWords(tc.sentence)
		at := slices.IndexFunc(words, func(w string) bool { return strings.HasPrefix(w, tc.name) })
		if got := objectAt(words, at); got != tc.want {
			t.Errorf("objectAt(%q, %s) = %v, want %v", tc.sentence, tc.name, got, tc.want)
		}
	}
}

// TestNearMissInTheWrongRole: a sentence that names the doer only as the
// one acted on answers nothing about what they did; one that names them
// as the subject, or refers back to them, does.
func TestNearMissInTheWrongRole(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Dock workers in Tarrow walked out on Monday over pay. Critics attacked Mayor Odile Hale over the strike, saying the city had ignored the union for months.",
		"Governor Piet Ode visited the harbour on Tuesday. He promised the dock workers an independent review of their pay.",
	))
	checkAbstains(t, hits, "how did hale respond to the strike", "why did hale attack the dock workers")
	checkAnswers(t, hits, "how did ode respond to the dock workers' strike", "independent review")

	// A name after its own modifiers is still the object of what governs
	// them; a team written before a person's role is theirs, whatever
	// their part in the sentence.
	hits = hitsOf(passagesFrom(t,
		"The island voted on Monday to raise port fees. The fees will fall hardest on their old ally Ostmark, whose ships use the port weekly.",
		"Fans were stunned on Friday when the league suspended Tarrow Rovers striker Piet Dekker for six games over a betting breach. Dekker has played in every game this season."))
	checkAbstains(t, hits, "how did ostmark respond to the port fees")
	checkAnswers(t, hits, "which team does dekker play for", "Tarrow Rovers")
}

// checkAbstains asks each question of the hits and wants an abstention.
func checkAbstains(t *testing.T, hits []rag.Hit, questions ...string) {
	t.Helper()
	checkAbstainsWith(t, hits, ExtractiveOptions{}, questions...)
}

// checkAbstainsWith is checkAbstains with the answerer's options (an IDF,
// for the weights a real index gives).
func checkAbstainsWith(t *testing.T, hits []rag.Hit, opt ExtractiveOptions, questions ...string) {
	t.Helper()
	for _, q := range questions {
		if ans := Extractive(q, hits, opt); !ans.Abstained {
			t.Errorf("%q answered: %s", q, ans.Text)
		}
	}
}

// checkAnswers asks a question of the hits and wants an answer holding
// want.
func checkAnswers(t *testing.T, hits []rag.Hit, question, want string) {
	t.Helper()
	checkAnswersWith(t, hits, ExtractiveOptions{}, question, want)
}

// checkAnswersWith is checkAnswers with the answerer's options.
func checkAnswersWith(t *testing.T, hits []rag.Hit, opt ExtractiveOptions, question, want string) {
	t.Helper()
	if ans := Extractive(question, hits, opt); ans.Abstained || !strings.Contains(ans.Text, want) {
		t.Errorf("%q: %q, want an answer holding %q", question, ans.Text, want)
	}
}

// TestSpeakerIsNotWhomTheQuoteAddresses: "A statement said: “I told Hale…”"
// is not Hale speaking, and "The governor said…" after a sentence that
// names Hale only in a phrase of time is not Hale either.
func TestSpeakerIsNotWhomTheQuoteAddresses(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"A statement on Governor Piet Ode's website said: “I told Mayor Odile Hale that the ferry contract would be cancelled.”",
		"Crowds gathered in Tarrow before Hale's speech on the harbour. The governor said the bridge would close for a year.",
	))
	checkAbstains(t, hits, "what did hale say about the ferry contract", "what did hale say about the bridge")
	checkAnswers(t, hits, "what did ode say about the ferry contract", "ferry contract would be cancelled")
}

func TestFreeAnaphor(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"In a post on his website, he said the bridge would close.", true},
		{"Hale said his budget was balanced.", false}, // "his" is Hale
		{"The two men shook hands in the hall.", true},
		{"Other pictures show the moment their aides introduced the two men.", true},
		{"The meeting lasted an hour.", false}, // an event, not people
		{"“We will not accept it.”", true},     // a quotation carried on
		{"Ode visited the harbour on Tuesday.", false},
	} {
		if got := freeAnaphor(tc.sentence); got != tc.want {
			t.Errorf("freeAnaphor(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestYesNoParticipantsNamedTogether: "did X meet Y" asks whether an event
// between X and Y happened; coverage that names them only apart cannot
// say, and abstains. One sentence that names Y and X, or Y and a pronoun
// that points back to X, may answer.
func TestYesNoParticipantsNamedTogether(t *testing.T) {
	apart := hitsOf(passagesFrom(t,
		"Mayor Odile Hale met harbour officials in Tarrow on Saturday to discuss the ferry terminal. Crowds lined the quay for the boat parade.",
		"Minister Ilse Brandt toured the new ferry terminal in Ostmark. She praised the engineers who built it."))
	q := "did hale meet brandt in tarrow"
	ans := Extractive(q, apart, ExtractiveOptions{})
	if !ans.Abstained || !strings.Contains(ans.Text, "brandt") {
		t.Errorf("%q over passages that name them apart: %q, want an abstention naming them", q, ans.Text)
	}
	together := hitsOf(passagesFrom(t,
		"Mayor Odile Hale opened the harbour festival in Tarrow on Saturday. Later that day she met Minister Ilse Brandt to discuss the ferry terminal in Tarrow."))
	if ans := Extractive(q, together, ExtractiveOptions{}); ans.Abstained {
		t.Errorf("%q over a passage where they meet: abstained %q", q, ans.Text)
	}
	// A wh-question asks about the event too, and the object must be
	// named as one: Brandt criticising Hale is no criticism of Hale's.
	reversed := hitsOf(passagesFrom(t,
		"Minister Ilse Brandt criticised Mayor Odile Hale in Tarrow on Saturday over the ferry terminal. Hale said the terminal would open next year."))
	q = "why did hale criticise brandt"
	if ans := Extractive(q, reversed, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("%q over a passage where Brandt criticises Hale: %q, want an abstention", q, ans.Text)
	}
	for _, tc := range []struct {
		question      string
		subject, with []string
	}{
		{"did Hale meet Brandt in Tarrow", []string{"hale"}, []string{"brandt"}},
		{"did Hale actually meet Brandt and Ode?", []string{"hale"}, []string{"brandt", "ode"}},
		{"did Hale meet Brandt's deputy", nil, nil},                     // the object is the deputy
		{"did Hale's deputy meet Brandt", nil, nil},                     // the subject is the deputy
		{"did Hale go to Tarrow", []string{"hale"}, []string{"tarrow"}}, // a preposition's complement
		{"when did Hale meet Brandt", []string{"hale"}, []string{"brandt"}},
		{"how did Hale respond to Brandt", []string{"hale"}, []string{"brandt"}},
		{"when did Hale arrive in Tarrow", nil, nil}, // a phrase of place sets the scene
		{"what did Hale say to Brandt", nil, nil},    // a speaker, checked as one
	} {
		qt := analyseQuestion(tc.question, nil)
		s, o := qt.participants(tc.question)
		if !slices.Equal(s, tc.subject) || !slices.Equal(o, tc.with) {
			t.Errorf("participants(%q) = %v, %v; want %v, %v", tc.question, s, o, tc.subject, tc.with)
		}
	}
}

// TestConjoinedDoersTogether: "how long did X and Y meet" asks about an
// event of both; a sentence that names only X, and points back to no
// one who names Y, does not answer it.
func TestConjoinedDoersTogether(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Governor Piet Dekker met Mayor Odile Hale in Tarrow on Monday. Dekker's spokesman said the meeting lasted for around 20 minutes.",
		"Ann Sorel, the harbour chief, was in Tarrow on Monday too. She said the port would reopen within weeks."))
	checkAnswers(t, hits, "how long did dekker and hale meet in tarrow", "20 minutes")
	checkAbstains(t, hits, "how long did dekker and sorel meet in tarrow")
}

// The asked verb said only of others, in the passages that name the doer
// and the question's other names, earns an abstention; said of the doer,
// or of a pronoun or description that may stand for them, it does not.
func TestVerbSaidOnlyOfOthersAbstains(t *testing.T) {
	passage := func(id, title, text string) rag.Hit {
		return rag.Hit{Passage: rag.Passage{ID: id + "#0", ArticleID: id, Title: title, Text: text}}
	}
	others := []rag.Hit{
		passage("a", "Delegates set to meet in Tarrow as Hale warns over costs",
			"Delegates from Orvia appear set to meet with their Belmar counterparts at the Tarrow forum. "+
				"Hale, a former treasury adviser, said: “The costs of the forum are far too high.”"),
	}
	if ans := Extractive("Who did Hale meet in Tarrow?", others, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("who did hale meet in tarrow: %q, want an abstention (the delegates meet, Hale warns)", ans.Text)
	}
	met := append([]rag.Hit{passage("b", "Hale in Tarrow", "Hale met Ode Marsh in Tarrow on Monday to discuss the forum's costs.")}, others...)
	if ans := Extractive("Who did Hale meet in Tarrow?", met, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "Ode Marsh") {
		t.Errorf("who did hale meet in tarrow: %q, want Hale's meeting with Ode Marsh", ans.Text)
	}
	described := []rag.Hit{
		passage("c", "Forum closes", "Hale spoke to the Tarrow forum on its opening day. "+
			"But the prime minister left Tarrow on Tuesday, soon after the vote, without further talks."),
	}
	if ans := Extractive("When did Hale leave Tarrow?", described, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "Tuesday") {
		t.Errorf("when did hale leave tarrow: %q, want the prime minister's leaving on Tuesday", ans.Text)
	}
}

func TestAskedVerbInClause(t *testing.T) {
	words := phraseWords("The bilateral meeting comes after Ode held talks with Hale, and officials will meet again.")
	for i, w := range words {
		b, _ := bareWord(w)
		got := isAskedVerb(words, i, "meet")
		want := b == "meet"
		if got != want {
			t.Errorf("isAskedVerb(%q) = %v, want %v (a noun after a determiner is no verb)", b, got, want)
		}
	}
	cases := []struct {
		sentence string
		verb     string
		held     bool
		subject  bool
	}{
		{"Officials set to meet in Tarrow as Hale warns", "meet", false, true},
		{"Ode criticised Belmar after meeting Hale in Tarrow", "meeting", true, true},
		{"Hale criticised Belmar after meeting Ode in Tarrow", "meeting", true, true},
		{"Belmar said that Ode would meet Hale", "meet", true, true},
		{"Ode will travel on, though delegates will meet in Tarrow", "meet", false, true},
	}
	for _, tc := range cases {
		words := phraseWords(tc.sentence)
		doerAt := map[int]bool{}
		at := -1
		for i, w := range words {
			b, _ := bareWord(w)
			if b == "Hale" {
				doerAt[i] = true
			}
			if b == tc.verb {
				at = i
			}
		}
		held, subject := doerInClause(words, at, doerAt, false)
		if held != tc.held || subject != tc.subject {
			t.Errorf("%q: held %v subject %v, want %v %v", tc.sentence, held, subject, tc.held, tc.subject)
		}
	}
}

// A people named in the plural ("the Americans and Russians") is a group,
// not a doer the coverage names in those words; a person's name is not.
func TestPluralNoun(t *testing.T) {
	for w, want := range map[string]bool{"americans": true, "russians": true, "poles": true, "hale": false, "coale": false, "jones": false, "ross": false} {
		if got := pluralNoun(w); got != want {
			t.Errorf("pluralNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestOthersOwned: a noun that a possessive gives to someone the question
// neither names nor describes is that person's ("the governor's visit"),
// and holds none of the question's words for the people it asks about.
func TestOthersOwned(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The mayor toured the harbour on 3 June, officials said.",
		"The council also reflected on the governor’s visit to the harbour last month, and the mayor spoke about his plans."))
	q := "when did the mayor visit the harbour"
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.HasPrefix(ans.Text, "The mayor toured") {
		t.Errorf("%q: %q, want the mayor's tour first, not the governor's visit", q, ans.Text)
	}
	checkAnswers(t, hits, "when did the governor visit the harbour", "governor’s visit")
}

// An event named by a noun ("the Hale Ode meeting", "Hale's call with
// Ode") has two sides, and coverage that never names them in one sentence
// says nothing of it.
func TestEventPartiesNamedTogether(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Mayor Odile Hale spoke to Governor Piet Ode by phone on Friday. Hale later met Lina Varo in Tarrow. She said the talks went well. Senator Remi Bast was in Tarrow on Monday."))
	for _, tc := range []struct {
		question   string
		one, other []string
	}{
		{"venue of the hale bast meeting?", []string{"hale"}, []string{"bast"}},
		{"tell me about hale's call with ode", []string{"hale"}, []string{"ode"}},
		{"what came of the talks between ode and bast", []string{"ode"}, []string{"bast"}},
		{"when did the hale and varo meeting happen", []string{"hale"}, []string{"varo"}},
		{"where are hale and bast meeting", nil, nil},        // a verb, after an auxiliary
		{"what did hale say about the bast talks", nil, nil}, // the speaker is asked about
		{"when was the meeting", nil, nil},
	} {
		q := analyseQuestion(tc.question, nil)
		q.learnFromPassages(hits, passageTermsOf(hits))
		one, other := q.eventParties(tc.question)
		if !slices.Equal(one, tc.one) || !slices.Equal(other, tc.other) {
			t.Errorf("eventParties(%q) = %v, %v, want %v, %v", tc.question, one, other, tc.one, tc.other)
		}
	}
	for _, question := range []string{"venue of the hale bast meeting?", "tell me about ode's conversation with varo"} {
		if ans := Extractive(question, hits, ExtractiveOptions{}); !ans.Abstained || !strings.Contains(ans.Text, "no sentence") {
			t.Errorf("%q answered: %s", question, ans.Text)
		}
	}
	// Named together in a sentence, or by a pronoun that opens the
	// sentence after one naming the other.
	for question, want := range map[string]string{
		"when was hale's call with ode":    "Friday",
		"how did the hale varo meeting go": "Varo",
		"where was the hale varo meeting":  "Tarrow",
	} {
		if ans := Extractive(question, hits, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, want) {
			t.Errorf("%q: %s", question, ans.Text)
		}
	}
}

// TestDoerOfTwoWordsIsOnePerson: the subject "Lena Ortiz" is one person,
// whom a sentence names by her surname; it need not give her first name
// as it would have to name both of "Ortiz and Hale".
func TestDoerOfTwoWordsIsOnePerson(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The death of Harbour Band drummer Lena Ortiz shook the town this weekend.",
		"Ortiz was playing drums for a jazz trio before joining the Harbour Band in 1997, two years after its founding."))
	ans := Extractive("what year did lena ortiz become the harbour band drummer?", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "in 1997") {
		t.Errorf("the year she joined is not given: %q", ans.Text)
	}
}

// TestDoerVerbPastAnAdverb: an adverb between the subject and its verb
// ("did the union actually break up") does not hide the verb.
func TestDoerVerbPastAnAdverb(t *testing.T) {
	q := analyseQuestion("when did the Soviet Union actually break up", nil)
	if doer, verb := q.doerVerb("when did the Soviet Union actually break up"); verb != "break" || len(doer) == 0 {
		t.Errorf("doerVerb = %v, %q; want the union and \"break\"", doer, verb)
	}
}

// TestWhenNeedsTheEvent: a sentence on what a "when" question asks about
// that tells no time and says nothing of the event is no answer, though
// the sentence before it names the event.
func TestWhenNeedsTheEvent(t *testing.T) {
	passages := passagesFrom(t,
		"Ivo Marsh said: “This week the council blew up the Harwick position and the Tarn Accords, which broke up the Northern Federation. This puts every other former province of the Northern Federation at risk of annexation.”",
		"The council met on Monday to discuss the budget. Its members said the week had been long.",
		"Officials said the talks would go on this week, and that the position of the council was clear.")
	checkAbstainsWith(t, hitsOf(passages), ExtractiveOptions{IDF: seedIDF(passages)}, "when did the northern federation actually break up")
}
