package answer

import (
	"regexp"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// howMeasure is "how" and the adjective that names what a figure question
// measures ("how big a share", "how large", "how tall", "how high").
var howMeasure = regexp.MustCompile(`(?i)\bhow\s+([a-z]+)\b`)

// dropMeasureAdjective takes the adjective after "how" out of a figure
// question's focus: "big" in "how big a share…" asks for a size, as "many"
// does for a count, and the figure that answers ("half its mineral
// wealth") does not repeat it.
func (q *questionTerms) dropMeasureAdjective(question string) {
	if q.kind != kindNumber {
		return
	}
	m := howMeasure.FindStringSubmatch(question)
	if m == nil {
		return
	}
	t := prose.Stem(m[1])
	w, ok := q.weight[t]
	if !ok || t == kindTerm || q.entity[t] {
		return
	}
	delete(q.weight, t)
	for i, o := range q.order {
		if o == t {
			q.order = append(q.order[:i:i], q.order[i+1:]...)
			break
		}
	}
	q.total -= w
}
