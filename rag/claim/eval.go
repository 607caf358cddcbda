package claim

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Labelled is one claim of a labelled set (testdata/claims/claims.jsonl):
// a sentence, the passages it cites, and whether they support it.
type Labelled struct {
	ID       string `json:"id"`
	Sentence string `json:"sentence"`
	Passages []struct {
		Source  string `json:"source"`
		Article string `json:"article"`
		Text    string `json:"text"`
	} `json:"passages"`
	Label  string `json:"label"` // "faithful" or "misstatement"
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
	Split  string `json:"split"` // "tune" or "check"
}

// Faithful reports whether the passages support the claim.
func (l Labelled) Faithful() bool { return l.Label == "faithful" }

// ReadLabelled reads a labelled claims file, one JSON object a line. A line
// that is not a claim, or a claim without a sentence, passage or a known
// label, is an error that names the line.
func ReadLabelled(r io.Reader) ([]Labelled, error) {
	var out []Labelled
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l Labelled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch {
		case l.Sentence == "":
			return nil, fmt.Errorf("line %d: no sentence", line)
		case len(l.Passages) == 0:
			return nil, fmt.Errorf("line %d: no passage", line)
		case l.Label != "faithful" && l.Label != "misstatement":
			return nil, fmt.Errorf("line %d: label %q is neither faithful nor misstatement", line, l.Label)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// Sources gives a labelled claim's passages as sources, with context(article)
// as each one's metadata (nil for none).
func (l Labelled) Sources(context func(source, article string) string) []Source {
	out := make([]Source, len(l.Passages))
	for i, p := range l.Passages {
		out[i] = Source{Text: p.Text}
		if context != nil {
			out[i].Context = context(p.Source, p.Article)
		}
	}
	return out
}

// Tally counts, for one kind, the claims judged right: faithful ones kept,
// misstatements dropped.
type Tally struct {
	Kind     string `json:"kind"`
	Faithful bool   `json:"faithful"`
	Total    int    `json:"total"`
	Right    int    `json:"right"` // kept when faithful, dropped when a misstatement
}

// Share is Right / Total, or 0 for an empty tally.
func (t Tally) Share() float64 {
	if t.Total == 0 {
		return 0
	}
	return float64(t.Right) / float64(t.Total)
}

// Score tallies judgements per kind (faithful kinds first) and overall for
// faithful sentences ("all faithful") and misstatements ("all
// misstatements"). keep says whether a claim was kept.
func Score(claims []Labelled, keep func(i int) bool) []Tally {
	byKind := map[string]*Tally{}
	allF := &Tally{Kind: "all faithful", Faithful: true}
	allM := &Tally{Kind: "all misstatements"}
	for i, l := range claims {
		t := byKind[l.Label+"/"+l.Kind]
		if t == nil {
			t = &Tally{Kind: l.Kind, Faithful: l.Faithful()}
			byKind[l.Label+"/"+l.Kind] = t
		}
		right := keep(i) == l.Faithful()
		all := allM
		if l.Faithful() {
			all = allF
		}
		for _, x := range []*Tally{t, all} {
			x.Total++
			if right {
				x.Right++
			}
		}
	}
	var out []Tally
	for _, t := range byKind {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Faithful != out[j].Faithful {
			return out[i].Faithful
		}
		return out[i].Kind < out[j].Kind
	})
	return append(out, *allF, *allM)
}
