package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestAnswerWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"“Squid Game”", []string{"squid", "game"}},
		{"$20,000", []string{"$20,000"}},
		{"about 7.5% of the vote", []string{"7.5%", "vote"}},
		{"Trump's envoy, Trump’s envoy", []string{"trump", "envoy"}},
		{"None of the above", []string{"none"}},
		{"It is", []string{"it", "is"}}, // stop words only: kept
		{"extended six months", []string{"extended", "6", "months"}},
		{"Forty-two or forty two", []string{"42"}},
	} {
		if got := AnswerWords(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("AnswerWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestJudge(t *testing.T) {
	mc := AnswerQuery{Query: Query{Choices: []string{"Game of Thrones", "Squid Game", "Breaking Bad", "$5,000"}, Answer: []int{1}}}
	fact := AnswerQuery{Fact: "Steve Witkoff"}
	abstain := AnswerQuery{Abstain: true}
	for _, tc := range []struct {
		name      string
		q         AnswerQuery
		text      string
		abstained bool
		want      Verdict
	}{
		{"states the choice", mc, "Netflix renewed Squid Game for a second season [1].", false, Stated},
		{"states a wrong one too", mc, "Squid Game and Breaking Bad [1].", false, Wrong},
		{"states only a wrong one", mc, "Breaking Bad returns [2].", false, Wrong},
		{"states neither", mc, "A wildly popular show was renewed [1].", false, Unstated},
		{"a figure needs its sign", mc, "It costs 5,000 [1].", false, Unstated},
		{"the figure with its sign", mc, "It costs $5,000 [1].", false, Wrong},
		{"partial: 'game' alone is half", mc, "The game was renewed.", false, Unstated},
		{"abstained", mc, "None of the passages found mention it.", true, Abstained},
		{"the fact", fact, "Trump sent Steve Witkoff to Moscow [1].", false, Stated},
		{"three words of five", AnswerQuery{Fact: "Sir Tony Brenton, former ambassador"}, "Tony Brenton, the former envoy", false, Stated},
		{"not the fact", fact, "Trump sent an envoy [1].", false, Unstated},
		{"must abstain, did", abstain, "I could not find that.", true, Stated},
		{"must abstain, answered", abstain, "He said so [1].", false, Wrong},
		{"a figure in words states it in digits", AnswerQuery{Query: Query{Choices: []string{"3", "6"}, Answer: []int{1}}}, "detention extended six months [1].", false, Stated},
		{"a figure in digits states it in words", AnswerQuery{Fact: "two feet apart"}, "sitting 2 feet apart [1].", false, Stated},
		{"citation markers are not figures", AnswerQuery{Fact: "1"}, "It happened [1].", false, Unstated},
	} {
		if got := Judge(tc.q, tc.text, tc.abstained); got != tc.want {
			t.Errorf("%s: Judge = %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestReadAnswerQueriesBothShapesAndHalves(t *testing.T) {
	in := `{"id": "b", "question": "Which show?", "date": "2022/06/16", "choices": ["A", "B"], "answer": [1], "gold_urls": ["https://x.com/a"]}
{"id": "a", "question": "Which one?", "choices": ["A", "B"], "answer": [0]}
{"id": "c", "question": "Which three?", "choices": ["A", "B"], "answer": [0]}
{"id": "q01", "question": "who went?", "type": "person", "expect": "answer", "answer": "Steve Witkoff", "split": "check"}
{"id": "q02", "question": "what did the pope say?", "expect": "abstain", "abstain": "near-miss", "split": "tune"}
`
	qs, err := ReadAnswerQueries(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, q := range qs {
		got[q.ID] = q.Half
	}
	// a, b, c alternate in id order; the seed lines keep their own split.
	want := map[string]string{"a": "tune", "b": "check", "c": "tune", "q01": "check", "q02": "tune"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("halves = %v, want %v", got, want)
	}
	if qs[0].AsOf.IsZero() || qs[3].Fact != "Steve Witkoff" || qs[3].Kind != "person" || !qs[4].Abstain {
		t.Errorf("fields not read: %+v", qs)
	}
}

func TestReadAnswerQueriesRejectsBadLines(t *testing.T) {
	for _, line := range []string{
		`{"id": "x", "question": ""}`,
		`{"id": "x", "question": "why?"}`,
		`{"id": "x", "question": "why?", "choices": ["A"], "answer": [3]}`,
		`{"id": "x", "question": "why?", "answer": " ... "}`,
		`{"id": "x", "question": "why?", "answer": "x", "split": "train"}`,
		`{"id": "x", "question": "why?", "answer": {}}`,
		`not json`,
	} {
		if _, err := ReadAnswerQueries(strings.NewReader("\n" + line + "\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%s: err = %v, want one naming line 2", line, err)
		}
	}
}
