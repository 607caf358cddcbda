package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/coveragebot/coveragebot/rag/eval"
)

// qualityBaseline is a committed record of the retrieval figures a
// benchmark gave, which `eval --baseline` holds a run to: CI fails when
// Hits@10 or MRR@10 falls more than Tolerance below them. A change that
// moves the figures on purpose updates the file, with the reason in its
// commit.
type qualityBaseline struct {
	// Note says where the figures come from; eval does not read it.
	Note string `json:"note"`
	// Queries, when set, must equal the run's query count, so that a
	// baseline is never compared with another benchmark's run.
	Queries   int      `json:"queries"`
	Hits10    *float64 `json:"hits@10"`
	MRR10     *float64 `json:"mrr@10"`
	Tolerance float64  `json:"tolerance"`
}

// errBelowBaseline is a run that fell more than the tolerance below its
// baseline.
var errBelowBaseline = errors.New("retrieval quality fell below the baseline")

func readBaseline(path string) (qualityBaseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return qualityBaseline{}, fmt.Errorf("baseline: %w", err)
	}
	var b qualityBaseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return qualityBaseline{}, fmt.Errorf("baseline %s: %w", path, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return qualityBaseline{}, fmt.Errorf("baseline %s: more than one JSON object", path)
	}
	switch {
	case b.Hits10 == nil || b.MRR10 == nil:
		return qualityBaseline{}, fmt.Errorf("baseline %s: give both \"hits@10\" and \"mrr@10\"", path)
	case *b.Hits10 < 0 || *b.Hits10 > 1 || *b.MRR10 < 0 || *b.MRR10 > 1:
		return qualityBaseline{}, fmt.Errorf("baseline %s: figures must be between 0 and 1", path)
	case b.Tolerance < 0 || b.Tolerance >= 1:
		return qualityBaseline{}, fmt.Errorf("baseline %s: \"tolerance\" must be at least 0 and below 1", path)
	case b.Queries < 0:
		return qualityBaseline{}, fmt.Errorf("baseline %s: \"queries\" must not be negative", path)
	}
	return b, nil
}

// check compares a run's metrics with the baseline. It returns one line per
// figure for the log and, when a figure is more than the tolerance below
// its baseline, an error wrapping errBelowBaseline that names each.
func (b qualityBaseline) check(m eval.Metrics) ([]string, error) {
	if b.Queries > 0 && m.Queries != b.Queries {
		return nil, fmt.Errorf("the run has %d queries and the baseline %d: it is not the baseline's benchmark", m.Queries, b.Queries)
	}
	// The figures are recorded to three decimals; half a unit in the last
	// place keeps a run equal to its own record from failing on rounding.
	const slack = 0.0005
	var lines, low []string
	for _, f := range []struct {
		name      string
		got, base float64
	}{
		{"hits@10", m.Hits10, *b.Hits10},
		{"mrr@10", m.MRR10, *b.MRR10},
	} {
		floor := f.base - b.Tolerance
		verdict := "ok"
		if f.got < floor-slack {
			verdict = "FAIL"
			low = append(low, fmt.Sprintf("%s %.3f is below %.3f (baseline %.3f less %.3f)", f.name, f.got, floor, f.base, b.Tolerance))
		}
		lines = append(lines, fmt.Sprintf("%s %.3f, baseline %.3f, floor %.3f: %s", f.name, f.got, f.base, floor, verdict))
	}
	if len(low) > 0 {
		return lines, fmt.Errorf("%w: %s", errBelowBaseline, strings.Join(low, "; "))
	}
	return lines, nil
}
