package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// AnswerQuery is one question of an answer benchmark. It reads both shapes
// the project measures answers on: realtimeqa-dev's multiple-choice
// questions ("answer" the indices of the correct choices) and the seed
// question set in testdata/questions ("answer" the words of the fact an
// answer must state, or "expect": "abstain").
type AnswerQuery struct {
	Query
	// Fact is the key words a correct answer states (seed set).
	Fact string
	// Abstain says the coverage holds no answer: the answerer must abstain.
	Abstain bool
	// Kind is what the question asks for (person, place, …), when given.
	Kind string
	// Half is "tune" or "check": the file's split, or the alternation rule
	// of Halves.
	Half string
}

type answerLine struct {
	ID       string          `json:"id"`
	Question string          `json:"question"`
	Date     string          `json:"date"`
	Choices  []string        `json:"choices"`
	Answer   json.RawMessage `json:"answer"`
	GoldURLs []string        `json:"gold_urls"`
	Expect   string          `json:"expect"`
	Type     string          `json:"type"`
	Split    string          `json:"split"`
}

// ReadAnswerQueries reads JSON Lines of either shape. A malformed line, or
// one that says neither what a correct answer is nor that it must abstain,
// is an error naming its line. Questions without a split are given one by
// Halves.
func ReadAnswerQueries(r io.Reader) ([]AnswerQuery, error) {
	br := bufio.NewReader(r)
	var out []AnswerQuery
	for line := 1; ; line++ {
		raw, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(raw))) > 0 {
			q, qerr := parseAnswerLine(raw)
			if qerr != nil {
				return nil, fmt.Errorf("line %d: %w", line, qerr)
			}
			out = append(out, q)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	Halves(out)
	return out, nil
}

func parseAnswerLine(raw []byte) (AnswerQuery, error) {
	var l answerLine
	if err := json.Unmarshal(raw, &l); err != nil {
		return AnswerQuery{}, err
	}
	q := AnswerQuery{Query: Query{ID: l.ID, Question: l.Question, Date: l.Date, Choices: l.Choices, GoldURLs: l.GoldURLs}, Kind: l.Type}
	if strings.TrimSpace(q.Question) == "" {
		return q, errors.New("no question")
	}
	if q.Date != "" {
		t, err := parseEvalDate(q.Date)
		if err != nil {
			return q, fmt.Errorf("date %q: %w", q.Date, err)
		}
		q.AsOf = t
	}
	switch l.Split {
	case "", "tune", "check":
		q.Half = l.Split
	default:
		return q, fmt.Errorf("split %q: want tune or check", l.Split)
	}
	switch {
	case l.Expect == "abstain":
		q.Abstain = true
	case len(l.Answer) > 0 && l.Answer[0] == '"':
		if err := json.Unmarshal(l.Answer, &q.Fact); err != nil {
			return q, fmt.Errorf("answer: %w", err)
		}
		if len(AnswerWords(q.Fact)) == 0 {
			return q, fmt.Errorf("answer %q has no words to look for", q.Fact)
		}
	case len(l.Answer) > 0:
		if err := json.Unmarshal(l.Answer, &q.Answer); err != nil {
			return q, fmt.Errorf("answer: want choice indices or the words of the fact: %w", err)
		}
		if len(q.Answer) == 0 {
			return q, errors.New("answer: no correct choice")
		}
		for _, a := range q.Answer {
			if a < 0 || a >= len(q.Choices) {
				return q, fmt.Errorf("answer: choice %d of %d", a, len(q.Choices))
			}
		}
	default:
		return q, errors.New(`no "answer" and no "expect": "abstain"`)
	}
	return q, nil
}

// Halves gives every question without a split one, by a fixed rule decided
// before any tuning: in order of id, the first is "tune", the next "check",
// and so on alternately. realtimeqa-dev's ids are the quiz date and the
// question's number in it, so each half takes about half of every week.
func Halves(qs []AnswerQuery) {
	var open []int
	for i := range qs {
		if qs[i].Half == "" {
			open = append(open, i)
		}
	}
	sort.SliceStable(open, func(a, b int) bool { return qs[open[a]].ID < qs[open[b]].ID })
	for n, i := range open {
		if n%2 == 0 {
			qs[i].Half = "tune"
		} else {
			qs[i].Half = "check"
		}
	}
}

// Verdict is how an answer fared against what it should state.
type Verdict string

const (
	// Stated: the answer states the correct choice (or the fact) and no
	// wrong choice; for a question that must abstain, it abstained.
	Stated Verdict = "stated"
	// Abstained: the answerer declined, on a question the coverage answers.
	Abstained Verdict = "abstained"
	// Wrong: the answer states a wrong choice, or answers a question it
	// should have abstained on.
	Wrong Verdict = "wrong"
	// Unstated: an answer that states neither the correct choice nor a
	// wrong one.
	Unstated Verdict = "unstated"
)

// StateShare is how much of a choice's words an answer must hold to state
// it.
const StateShare = 0.6

var markerPattern = regexp.MustCompile(`\[\d+\]`)

// Judge scores one answer. An answer states a text when it holds at least
// StateShare of the text's words (AnswerWords). A multiple-choice answer is
// Stated when it states a correct choice and no wrong one; Wrong when it
// states a wrong one.
func Judge(q AnswerQuery, answerText string, abstained bool) Verdict {
	if q.Abstain {
		if abstained {
			return Stated
		}
		return Wrong
	}
	if abstained {
		return Abstained
	}
	have := map[string]bool{}
	for _, w := range AnswerWords(markerPattern.ReplaceAllString(answerText, " ")) {
		have[w] = true
	}
	if q.Fact != "" {
		if Holds(have, q.Fact) {
			return Stated
		}
		return Unstated
	}
	right, wrong := false, false
	for i, c := range q.Choices {
		if !Holds(have, c) {
			continue
		}
		correct := false
		for _, a := range q.Answer {
			correct = correct || a == i
		}
		if correct {
			right = true
		} else {
			wrong = true
		}
	}
	switch {
	case wrong:
		return Wrong
	case right:
		return Stated
	}
	return Unstated
}

// Holds reports whether a set of answer words holds at least StateShare of
// text's words.
func Holds(have map[string]bool, text string) bool {
	words := AnswerWords(text)
	if len(words) == 0 {
		return false
	}
	n := 0
	for _, w := range words {
		if have[w] {
			n++
		}
	}
	return float64(n) >= StateShare*float64(len(words))
}

// AnswerWords are the words a choice or an answer is compared by: lower
// case, without prose's stop words, each once; a figure keeps its currency
// sign, its decimal point and thousands separators and its percent sign
// ("$1,200", "7.5%"). A text of stop words only keeps them, so that a
// choice such as "None" can still be stated.
func AnswerWords(s string) []string {
	toks := answerTokens(s)
	var out []string
	seen := map[string]bool{}
	for _, t := range toks {
		if prose.IsStopword(t) || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	if len(out) == 0 {
		for _, t := range toks {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

var compoundCardinal = regexp.MustCompile(`\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)\b`)

var answerTokenPattern = regexp.MustCompile(`[$£€¥]?\d+(?:[.,]\d+)*%?|[\p{L}\p{N}]+(?:['’][\p{L}]+)*`)

func answerTokens(s string) []string {
	s = compoundCardinal.ReplaceAllStringFunc(strings.ToLower(s), func(m string) string {
		tens, unit, _ := strings.Cut(strings.Replace(m, " ", "-", 1), "-")
		a, _ := strconv.Atoi(cardinals[tens])
		b, _ := strconv.Atoi(cardinals[unit])
		return strconv.Itoa(a + b)
	})
	raw := answerTokenPattern.FindAllString(s, -1)
	out := raw[:0]
	for _, t := range raw {
		t = strings.ReplaceAll(t, "’", "'")
		// "Trump's" and "Trump" are the same word here.
		t = strings.TrimSuffix(t, "'s")
		if d, ok := cardinals[t]; ok {
			t = d
		}
		out = append(out, t)
	}
	return out
}

// cardinals are the English cardinal numbers written as one word, with the
// figure each stands for: "six months" states the choice "6" as "6 months"
// does, whichever of the two the answer or the choice writes. The list is
// the closed class of one-word cardinals below a hundred; compoundCardinal
// reads the two-word ones ("twenty-five" is 25).
var cardinals = func() map[string]string {
	m := map[string]string{}
	for i, w := range strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty`) {
		m[w] = strconv.Itoa(i)
	}
	for i, w := range strings.Fields(`thirty forty fifty sixty seventy eighty ninety`) {
		m[w] = strconv.Itoa(30 + 10*i)
	}
	return m
}()

// AnswerScore sums up verdicts.
type AnswerScore struct {
	Questions int     `json:"questions"`
	Stated    float64 `json:"stated"`
	Abstained float64 `json:"abstained"`
	Wrong     float64 `json:"wrong"`
	Unstated  float64 `json:"unstated"`
}

// ScoreAnswers gives each verdict's share.
func ScoreAnswers(vs []Verdict) AnswerScore {
	s := AnswerScore{Questions: len(vs)}
	if len(vs) == 0 {
		return s
	}
	for _, v := range vs {
		switch v {
		case Stated:
			s.Stated++
		case Abstained:
			s.Abstained++
		case Wrong:
			s.Wrong++
		default:
			s.Unstated++
		}
	}
	n := float64(len(vs))
	s.Stated /= n
	s.Abstained /= n
	s.Wrong /= n
	s.Unstated /= n
	return s
}
