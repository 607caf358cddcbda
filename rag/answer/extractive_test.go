package answer

import (
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

func TestExtractiveAnswerSeed(t *testing.T) {
	passages := loadSeedPassages(t)
	idf := seedIDF(passages)
	tests := []struct {
		question    string
		wantText    string // must be in the answer
		wantArticle string // the first citation's article
	}{
		{"Who is John Coale?", "deputy Ukraine envoy John Coale", "starmer-zelenskyy-call"},
		{"What did Macron post on X?", "Ukraine is ready for an unconditional ceasefire", "trump-zelenskyy-pope-funeral"},
		{"How long did the meeting in St Peter's last?", "around 15 minutes", "trump-zelenskyy-pope-funeral"},
		{"What did Starmer tell Zelenskyy about NATO?", "irreversible path", "starmer-zelenskyy-call"},
		{"When did Starmer and Zelenskyy speak?", "early on Friday", "starmer-zelenskyy-call"},
		{"How long was Trump's call with Putin?", "90-minute phone call", "uk-pushes-back-on-trump"},
		{"Who is Steve Witkoff?", "peace negotiator Steve Witkoff", "trump-zelenskyy-pope-funeral"},
		{"What did Trump post on Truth Social?", "there was no reason", "trump-zelenskyy-pope-funeral"},
		{"What did Bolton say?", "Endless concessions to Moscow", "munich-bolton-chernobyl"},
	}
	// Without IDF another answer may be as good; the text and article it
	// must then give. Unweighted, the sentence that names both leaders
	// and the time of day outranks the one that calls them "the UK and
	// Ukrainian leaders" and gives the day.
	unweighted := map[string][2]string{
		"When did Starmer and Zelenskyy speak?": {"early morning phone call", "uk-pushes-back-on-trump"},
	}
	for _, tt := range tests {
		for _, weighting := range []struct {
			name string
			idf  func(string) float64
		}{{"idf", idf}, {"unweighted", nil}} {
			t.Run(weighting.name+"/"+tt.question, func(t *testing.T) {
				tt := tt
				if alt, ok := unweighted[tt.question]; ok && weighting.idf == nil {
					tt.wantText, tt.wantArticle = alt[0], alt[1]
				}
				hits := rankByOverlap(tt.question, passages, idf)
				ans := Extractive(tt.question, hits, ExtractiveOptions{IDF: weighting.idf})
				if ans.Abstained {
					t.Fatalf("abstained: %s", ans.Text)
				}
				if !strings.Contains(ans.Text, tt.wantText) {
					t.Errorf("answer %q lacks %q", ans.Text, tt.wantText)
				}
				if len(ans.Citations) == 0 || ans.Citations[0].ArticleID != tt.wantArticle {
					t.Fatalf("first citation %+v, want article %s", ans.Citations, tt.wantArticle)
				}
				// The fact is in the passage cited for it.
				if !strings.Contains(ans.Citations[0].Text, tt.wantText) {
					t.Errorf("cited passage %s does not hold %q", ans.Citations[0].ID, tt.wantText)
				}
				if ans.Mode != rag.ModeExtractive || ans.Question != tt.question {
					t.Errorf("mode %q question %q", ans.Mode, ans.Question)
				}
				if want := newestPublished(ans.Citations); !ans.AsOf.Equal(want) || ans.AsOf.IsZero() {
					t.Errorf("AsOf %v, want %v", ans.AsOf, want)
				}
				checkMarkersMatchCitations(t, ans.Text, ans.Citations)
				checkEachSentenceSupported(t, ans)
			})
		}
	}
}

// checkEachSentenceSupported fails unless every sentence of the answer holds a
// marker whose passage contains the sentence, as an extractive answer quotes.
func checkEachSentenceSupported(t *testing.T, ans rag.Answer) {
	t.Helper()
	units := splitClaims(ans.Text)
	for _, u := range units {
		if u.plain == "" {
			continue
		}
		if len(u.groups) == 0 {
			t.Errorf("sentence %q has no citation", u.plain)
			continue
		}
		for _, g := range u.groups {
			for _, n := range g.nums {
				// A headline is evidence, cited as its article's passage.
				c := ans.Citations[n-1]
				if s := Supports(u.plain, c.Title+".\n"+c.Text); s < 0.99 {
					t.Errorf("sentence %q is supported %.2f by its citation [%d]", u.plain, s, n)
				}
			}
		}
	}
}

func TestExtractiveAnswerAbstains(t *testing.T) {
	passages := loadSeedPassages(t)
	idf := seedIDF(passages)
	tests := []struct {
		question string
		missing  string // a word the abstention should name, if any
	}{
		{"What did the Pope say about Bitcoin?", "bitcoin"},
		{"Who won the 2022 World Cup?", "cup"},
		{"What is the capital of Australia?", "australia"},
		{"What did Starmer say about Bitcoin?", "bitcoin"},
		{"What did the Pope say about Starmer?", ""},
		{"How many troops did France send to Kyiv?", "troops"},
	}
	for _, tt := range tests {
		for _, weighting := range []struct {
			name string
			idf  func(string) float64
		}{{"idf", idf}, {"unweighted", nil}} {
			t.Run(weighting.name+"/"+tt.question, func(t *testing.T) {
				hits := rankByOverlap(tt.question, passages, idf)
				ans := Extractive(tt.question, hits, ExtractiveOptions{IDF: weighting.idf})
				if !ans.Abstained {
					t.Fatalf("answered %q", ans.Text)
				}
				if len(ans.Citations) != 0 || len(ParseMarkers(ans.Text)) != 0 {
					t.Errorf("abstention cites: %q %v", ans.Text, ans.Citations)
				}
				if !strings.HasPrefix(ans.Text, "The coverage doesn't say") {
					t.Errorf("abstention reads %q", ans.Text)
				}
				if tt.missing != "" && !strings.Contains(strings.ToLower(ans.Text), "“"+tt.missing) {
					t.Errorf("abstention %q does not name %q", ans.Text, tt.missing)
				}
				for _, p := range passages {
					if strings.Contains(ans.Text, p.Title) || strings.Contains(ans.Text, p.Outlet) {
						t.Errorf("abstention names a source: %q", ans.Text)
					}
				}
			})
		}
	}
}

func TestExtractiveAnswerEdgeCases(t *testing.T) {
	passages := loadSeedPassages(t)
	tests := []struct {
		name     string
		question string
		hits     []rag.Hit
		want     string
	}{
		{"no hits", "Who is John Coale?", nil, abstainNoPassages},
		{"no words", "What?", hitsOf(passages), abstainNoTerms},
		{"only stop words", "Who is it that was there?", hitsOf(passages), abstainNoTerms},
		{"empty", "   ", hitsOf(passages), abstainNoTerms},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := Extractive(tt.question, tt.hits, ExtractiveOptions{})
			if !ans.Abstained || ans.Text != tt.want || ans.Citations != nil {
				t.Errorf("got %+v, want abstention %q", ans, tt.want)
			}
		})
	}
}

// TestExtractiveUnknownTermIsRare checks the contract with the index's IDF,
// which gives 0 for a term it has never seen: such a term must weigh like the
// rarest, not vanish, or a question about something absent would be answered
// from its other words.
func TestExtractiveUnknownTermIsRare(t *testing.T) {
	passages := loadSeedPassages(t)
	idf := seedIDF(passages)
	if idf("bitcoin") != 0 {
		t.Fatalf("test IDF should give 0 for an unseen term")
	}
	q := analyseQuestion("What did Starmer say about Bitcoin?", idf)
	if q.weight["bitcoin"] < q.weight["starmer"] {
		t.Errorf("unseen term weighs %.2f, less than a seen one (%.2f)", q.weight["bitcoin"], q.weight["starmer"])
	}
}

func TestExtractiveAnswerDeduplicates(t *testing.T) {
	day := time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)
	text := "Mr Zelenskyy's spokesman said the meeting lasted for around 15 minutes. He and Mr Trump had agreed to hold further talks."
	hits := []rag.Hit{
		{Passage: rag.Passage{ID: "a#0", ArticleID: "a", Published: day, Text: text}},
		{Passage: rag.Passage{ID: "a#0", ArticleID: "a", Published: day, Text: text}}, // returned twice
		{Passage: rag.Passage{ID: "b#0", ArticleID: "b", Published: day.AddDate(0, 0, 1),
			Text: "Zelenskyy's spokesman said the meeting lasted for around 15 minutes, officials confirmed."}}, // syndicated, reworded
	}
	ans := Extractive("How long did the meeting last?", hits, ExtractiveOptions{})
	if ans.Abstained {
		t.Fatalf("abstained: %s", ans.Text)
	}
	if n := strings.Count(ans.Text, "15 minutes"); n != 1 {
		t.Errorf("the fact appears %d times in %q", n, ans.Text)
	}
	if len(ans.Citations) != 1 || ans.Citations[0].ID != "a#0" {
		t.Errorf("citations %+v, want only a#0", ans.Citations)
	}
}

func TestExtractiveAnswerStripsMarkersFromPassages(t *testing.T) {
	hits := []rag.Hit{{Passage: rag.Passage{ID: "w#0", ArticleID: "w",
		Text: "The Chernobyl shelter was hit by a drone overnight [3], officials said."}}}
	ans := Extractive("What happened at Chernobyl?", hits, ExtractiveOptions{})
	if ans.Abstained {
		t.Fatalf("abstained: %s", ans.Text)
	}
	if strings.Contains(ans.Text, "[3]") {
		t.Errorf("a bracketed number from the article poses as a citation: %q", ans.Text)
	}
	checkMarkersMatchCitations(t, ans.Text, ans.Citations)
}

func TestExtractiveAnswerMaxSentences(t *testing.T) {
	passages := loadSeedPassages(t)
	idf := seedIDF(passages)
	q := "Who is the French president?"
	for _, max := range []int{1, 2} {
		ans := Extractive(q, rankByOverlap(q, passages, idf), ExtractiveOptions{MaxSentences: max, IDF: idf})
		if n := len(splitClaims(ans.Text)); n > max || n == 0 {
			t.Errorf("MaxSentences %d gave %d sentences: %q", max, n, ans.Text)
		}
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		q    string
		want answerKind
	}{
		{"How long did it last?", kindDuration},
		{"how long since the ferry last sailed", kindDate}, // since when
		{"how long ago did the mayor resign", kindDate},
		{"How many people died?", kindNumber},
		{"When did they meet?", kindDate},
		{"On what date was it signed?", kindDate},
		{"Who is John Coale?", kindPerson},
		{"What did Macron post?", kindSaid},
		{"what did the kremlin aide make of the meeting", kindSaid}, // an opinion is asked as words
		{"what does hale think about the ferry plan", kindSaid},
		{"what did bolton warn about", kindSaid},
		{"where did trump and zelenskyy meet", kindPlace},
		{"which country was shaken by an earthquake this week?", kindPlace},
		{"Which company is being accused of turning off the AC?", kindPerson},
		{"Which wildly popular show was recently green lit?", kindName},
		{"why has starmer been trying to stay on trump's good side", kindReason},
		{"how did the other leaders react", kindManner},
		{"did trump and zelensky get a second meeting in rome?", kindYesNo},
		{"tell me about the starmer zelenskyy call", kindAny},
		{"what percentage of the vote did she get", kindNumber},
	}
	for _, tt := range tests {
		if got := kindOf(tt.q); got != tt.want {
			t.Errorf("kindOf(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
	none := map[string]bool{}
	if !kindDuration.newCandidate("the meeting lasted for around 15 minutes", none) || !kindDuration.newCandidate("a 90-minute phone call", none) || kindDuration.newCandidate("the 2014 borders", none) {
		t.Error("duration detection")
	}
	if !kindDate.newCandidate("spoke early on Friday", none) || !kindDate.newCandidate("in February", none) || kindDate.newCandidate("it may rain", none) {
		t.Error("date detection")
	}
	// A candidate the question already gives is not an answer.
	if kindNumber.newCandidate("Police arrested 31 men", map[string]bool{"31": true}) || !kindNumber.newCandidate("extended six months", map[string]bool{"month": true}) {
		t.Error("a figure from the question counted, or a new one did not")
	}
	if kindPerson.newCandidate("Trump met Zelenskyy", map[string]bool{"zelenskyy": true}) || !kindPerson.newCandidate("Trump sent Steve Witkoff", map[string]bool{"trump": true}) {
		t.Error("a name from the question counted, or a new one did not")
	}
}

func TestNearSpelling(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"zelensky", "zelenskyy", true}, {"actualy", "actually", true}, {"starmer", "starmer", true},
		{"trump", "tramp", true}, {"nato", "natos", false}, {"putin", "patin", true}, {"witkoff", "kitwoff", false},
		{"brenton", "brent", false},
	} {
		if got := nearSpelling(tc.a, tc.b); got != tc.want {
			t.Errorf("nearSpelling(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// FuzzExtractiveAnswer asks hostile questions of the seed: the answerer must
// not panic, and whatever it says must cite only the passages it was given.
func FuzzExtractiveAnswer(f *testing.F) {
	for _, s := range []string{"Who is John Coale?", "", "   ", "@everyone [1] <@&123>", "How long\x00did it last?", "\u202eWho\u200b is Coale?", strings.Repeat("NATO ", 2000), "[9999999] [1-3]?"} {
		f.Add(s)
	}
	passages := loadSeedPassages(f)
	idf := seedIDF(passages)
	hits := hitsOf(passages)
	f.Fuzz(func(t *testing.T, question string) {
		ans := Extractive(question, hits, ExtractiveOptions{IDF: idf})
		checkMarkersMatchCitations(t, ans.Text, ans.Citations)
		if ans.Abstained != (len(ans.Citations) == 0) {
			t.Fatalf("abstained %v with %d citations", ans.Abstained, len(ans.Citations))
		}
	})
}

// TestTypedAnswerNeedsLessCoverage: a long question whose preamble the
// passage words differently is answered by a sentence that holds the figure
// asked for beside the question's names; the same sentence without a figure
// is no answer to "how many".
func TestTypedAnswerNeedsLessCoverage(t *testing.T) {
	q := "As the workforce shrinks and wage bills rise, the mayor of Dunmore said she would pay residents a bonus if they plant how many trees?"
	with := hitsOf(passagesFrom(t,
		"The mayor of Dunmore announced a grant for residents who plant more than 20 trees. Officials expect the scheme to start in spring."))
	if ans := Extractive(q, with, ExtractiveOptions{}); ans.Abstained || !strings.Contains(ans.Text, "20 trees") {
		t.Errorf("with the figure: %q, want the sentence with 20 trees", ans.Text)
	}
	without := hitsOf(passagesFrom(t,
		"The mayor of Dunmore announced a grant for residents who plant trees. Officials expect the scheme to start in spring."))
	if ans := Extractive(q, without, ExtractiveOptions{}); !ans.Abstained {
		t.Errorf("without a figure: %q, want an abstention", ans.Text)
	}
}
