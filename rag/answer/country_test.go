package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag/prose"
)

func TestCountryForms(t *testing.T) {
	for _, tc := range []struct {
		question string
		word     string
		want     []string // terms that must be among the forms
		names    bool
	}{
		{"what did the american envoy promise", "american", []string{"us", "america"}, true},
		{"why are the british farmers angry", "british", []string{"uk", "britain"}, true},
		{"did the kenyan runners win", "kenyan", []string{"kenya"}, true},
		{"where are the canadians protesting", "canadians", []string{"canada"}, true},
		{"when do the us negotiators arrive", "us", []string{"america"}, true},
		{"when is the US vote", "us", []string{"america"}, true},
		{"can you tell us about the harvest", "us", nil, false}, // the pronoun
		{"why is the harvest late", "harvest", nil, false},
	} {
		toks := prose.Tokenize(tc.question)
		i := slices.Index(toks, tc.word)
		got, ok := countryForms(toks, i, capitalsWords(tc.question)[tc.word])
		if ok != tc.names {
			t.Errorf("%q: %s names a country %v, want %v", tc.question, tc.word, ok, tc.names)
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: forms of %s = %v, want %s among them", tc.question, tc.word, got, w)
			}
		}
	}
}

// TestCountryNamedAnotherWay: a country the question names by its people's
// adjective is named by a passage that writes the country ("the US
// ambassador" for "the american ambassador"), and a country the coverage
// never names is a name it lacks, typed in lower case or not.
func TestCountryNamedAnotherWay(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"The US ambassador to Chile opened the trade fair in Santiago on Tuesday. The fair showed copper tools and wine presses from forty firms.",
		"Chilean growers said the wine harvest was the smallest in a decade because of drought."))
	q := "what did the american ambassador open"
	ans := Extractive(q, hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "trade fair") {
		t.Errorf("%q: %q, want the US ambassador's trade fair", q, ans.Text)
	}
	q = "what did the norwegian ambassador open"
	ans = Extractive(q, hits, ExtractiveOptions{})
	if !ans.Abstained || !strings.Contains(ans.Text, "norwegian") {
		t.Errorf("%q: %q, want an abstention naming the country", q, ans.Text)
	}
}

// TestCountryIsNoParticipant: a passage that names a country as a place
// names the country (the answer's article may be the one), but not the
// person a question describes by it: the relation checks, which read
// names, do not take "ambassador to Norway" for a Norwegian.
func TestCountryIsNoParticipant(t *testing.T) {
	q := analyseQuestion("did the danish minister meet the norwegian minister", nil)
	place := termSet("The former Danish ambassador to Norway said the meeting was overdue.")
	term := prose.Stem("norwegian")
	if !q.entity[term] {
		t.Errorf("norwegian is no name of the question")
	}
	if !q.namesCountry(place, term) {
		t.Errorf("a passage on Norway does not name the country norwegian names")
	}
	if q.names(place, term) {
		t.Errorf("a passage on Norway names the norwegian minister")
	}
}

func TestPostings(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []posting
	}{
		{"Sir Alan Grey, the former British ambassador to Norway, said so.", []posting{{"ambassador", "to", "norway"}}},
		{"The president of the US met the envoy to Sweden.", []posting{{"president", "of", "us"}, {"envoy", "to", "sweden"}}},
		{"He wrote to Norway and spoke to us.", nil}, // no person noun before the preposition
	} {
		if got := postings(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("postings(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestPostedElsewhere: a question about the holder of a role in one
// country abstains when the coverage names the role only for another, and
// is answered when it names it for the one asked about, in another form.
func TestPostedElsewhere(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Sir Alan Grey, the former British ambassador to Norway, said the talks on fishing quotas with Sweden had been useful."))
	// The coverage names an ambassador to Norway only.
	checkAbstains(t, hits, "who is the uk ambassador to sweden")
	checkAnswers(t, hits, "who is the uk ambassador to norway", "Alan Grey")
}
