package eval

import (
	"strings"
	"testing"
)

// FuzzReadEvalQueries: a query file is read or refused with its line named.
func FuzzReadEvalQueries(f *testing.F) {
	f.Add([]byte(`{"question": "Who won?", "date": "2022/06/17", "answer_urls": ["https://example.com/a"]}` + "\n"))
	f.Add([]byte("\n\n{\"question\": \"x\"}"))
	f.Add([]byte(`{"question": "", "date": "2022-13-01"}`))
	f.Add([]byte(`{"question": "y", "date": "2022-01-01T00:00:00Z"}` + "\n" + `not json`))
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := ReadQueries(strings.NewReader(string(data)))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Errorf("error %q does not name the line", err)
			}
			return
		}
		for _, q := range qs {
			if strings.TrimSpace(q.Question) == "" {
				t.Errorf("a query without a question was accepted: %+v", q)
			}
			if q.Date != "" && q.AsOf.IsZero() {
				t.Errorf("date %q accepted but not read", q.Date)
			}
		}
	})
}
