package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/eval"
)

// judgedAnswer is one question of `eval --answers`, asked and judged.
type judgedAnswer struct {
	Query   eval.AnswerQuery
	Answer  rag.Answer
	Verdict eval.Verdict
}

// askAll asks every question through the engine's Ask, exactly as `ask`
// does, with the question's date as the as-of date, and judges the answer.
func askAll(ctx context.Context, st *stack, qs []eval.AnswerQuery) ([]judgedAnswer, error) {
	out := make([]judgedAnswer, 0, len(qs))
	for _, q := range qs {
		ans, err := st.engine.Ask(ctx, q.Question, rag.AskOptions{RetrieveOptions: rag.RetrieveOptions{AsOf: q.AsOf}})
		if err != nil {
			return nil, fmt.Errorf("ask %s: %w", q.ID, err)
		}
		out = append(out, judgedAnswer{Query: q, Answer: ans, Verdict: eval.Judge(q, ans.Text, ans.Abstained)})
	}
	return out, nil
}

// answerReport is `eval --answers`'s summary: the questions the coverage
// answers, and (in a set that has them) the ones that must be abstained
// on, each over all questions and over the tune and check halves.
type answerReport struct {
	Mode    string        `json:"mode"`
	Answer  answerHalves  `json:"answerable"`
	Abstain *answerHalves `json:"must_abstain,omitempty"`
}

type answerHalves struct {
	All   eval.AnswerScore `json:"all"`
	Tune  eval.AnswerScore `json:"tune"`
	Check eval.AnswerScore `json:"check"`
}

func summariseAnswers(mode string, js []judgedAnswer) *answerReport {
	halves := func(abstain bool) (answerHalves, bool) {
		var all, tune, check []eval.Verdict
		for _, j := range js {
			if j.Query.Abstain != abstain {
				continue
			}
			all = append(all, j.Verdict)
			if j.Query.Half == "tune" {
				tune = append(tune, j.Verdict)
			} else {
				check = append(check, j.Verdict)
			}
		}
		return answerHalves{All: eval.ScoreAnswers(all), Tune: eval.ScoreAnswers(tune), Check: eval.ScoreAnswers(check)}, len(all) > 0
	}
	r := &answerReport{Mode: mode}
	r.Answer, _ = halves(false)
	if h, ok := halves(true); ok {
		r.Abstain = &h
	}
	return r
}

func writeAnswerReport(w io.Writer, r *answerReport) {
	fmt.Fprintf(w, "answers (%s): share that states the correct answer, abstains, states a wrong one, states neither\n", r.Mode)
	row := func(name string, s eval.AnswerScore) {
		fmt.Fprintf(w, "  %-6s %3d  stated %.3f  abstained %.3f  wrong %.3f  unstated %.3f\n", name, s.Questions, s.Stated, s.Abstained, s.Wrong, s.Unstated)
	}
	row("all", r.Answer.All)
	row("tune", r.Answer.Tune)
	row("check", r.Answer.Check)
	if r.Abstain != nil {
		fmt.Fprintln(w, "must abstain: share that abstained (answered instead)")
		for _, x := range []struct {
			name string
			s    eval.AnswerScore
		}{{"all", r.Abstain.All}, {"tune", r.Abstain.Tune}, {"check", r.Abstain.Check}} {
			fmt.Fprintf(w, "  %-6s %3d  abstained %.3f  (%.3f)\n", x.name, x.s.Questions, x.s.Stated, x.s.Wrong)
		}
	}
}

// writeAnswerFailures lists every answer that was not right: what it
// should have stated and what it said, of one half ("tune" or "check").
func writeAnswerFailures(w io.Writer, js []judgedAnswer, half string) {
	for _, j := range js {
		if j.Verdict == eval.Stated || j.Query.Half != half {
			continue
		}
		q := j.Query
		fmt.Fprintf(w, "ANSWER %s %s (%s): %s\n", strings.ToUpper(string(j.Verdict)), q.ID, q.Half, q.Question)
		switch {
		case q.Abstain:
			fmt.Fprintln(w, "  want: an abstention")
		case q.Fact != "":
			fmt.Fprintf(w, "  want: %s\n", q.Fact)
		default:
			var right []string
			for _, a := range q.Answer {
				right = append(right, q.Choices[a])
			}
			fmt.Fprintf(w, "  want: %s  (choices: %s)\n", strings.Join(right, " / "), strings.Join(q.Choices, " | "))
		}
		fmt.Fprintf(w, "  got:  %s\n", oneLine(j.Answer.Text))
	}
}
