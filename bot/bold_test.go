package bot

import "testing"

func TestBoldSpans(t *testing.T) {
	for _, tc := range []struct {
		body  string
		spans []string
		want  string
	}{
		{"Trump sent Steve Witkoff to Moscow [1].", []string{"Steve Witkoff"}, "Trump sent **Steve Witkoff** to Moscow [1]."},
		{"It lasted 15 minutes, then 15 minutes more.", []string{"15 minutes"}, "It lasted **15 minutes**, then 15 minutes more."},
		{"Nothing to bold here.", []string{"Squid Game"}, "Nothing to bold here."},
		{"A *starred* name.", []string{"*starred*"}, `A **\*starred\*** name.`},
		{"No spans.", nil, "No spans."},
	} {
		if got := boldSpans(escapeAnswer(tc.body), tc.spans); got != tc.want {
			t.Errorf("boldSpans(%q, %q) = %q, want %q", tc.body, tc.spans, got, tc.want)
		}
	}
}
