package answer

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

func TestParseMarkers(t *testing.T) {
	tests := []struct {
		in   string
		want []Marker
	}{
		{"", nil},
		{"No markers here.", nil},
		{"Claim [1].", []Marker{{1, 6, 9}}},
		{"A [2, 3] b", []Marker{{2, 2, 8}, {3, 2, 8}}},
		{"A [2;3]", []Marker{{2, 2, 7}, {3, 2, 7}}},
		{"A[1][2].", []Marker{{1, 1, 4}, {2, 4, 7}}},
		{"A [1-3].", []Marker{{1, 2, 7}, {2, 2, 7}, {3, 2, 7}}},
		{"A [1–2].", []Marker{{1, 2, 9}, {2, 2, 9}}}, // en dash
		{"A [ 4 ]", []Marker{{4, 2, 7}}},
		{"A [1 and 2]", []Marker{{1, 2, 11}, {2, 2, 11}}},
		{"A [1, 2, and 3]", []Marker{{1, 2, 15}, {2, 2, 15}, {3, 2, 15}}},
		{"A [1 and]", nil},
		{"A [1 andy 2]", nil},
		{"A [Source 2]", []Marker{{2, 2, 12}}},
		{"A [sources: 1, 2]", []Marker{{1, 2, 17}, {2, 2, 17}}},
		{"A [0]", []Marker{{0, 2, 5}}}, // parsed, so that checking can remove it
		{"A [12]", []Marker{{12, 2, 6}}},
		{"the Trump [administration] said", nil},
		{"[1a] [a1] [] [,] [1,] [-1] [1-] [3-1]", nil},
		{"[1234567]", nil}, // too many digits to be a citation
		{"[1-100]", nil},   // a range too wide to be a citation
		{"[1", nil},        // never closed
		{"[[2]]", []Marker{{2, 1, 4}}},
		{"x [source] y [src 3]", []Marker{{3, 13, 20}}},
		// The forms other models write.
		{"A【1】", []Marker{{1, 1, 8}}},
		{"A【1】【2】", []Marker{{1, 1, 8}, {2, 8, 15}}},
		{"A【2, 3】", []Marker{{2, 1, 11}, {3, 1, 11}}},
		{"A【4†source】.", []Marker{{4, 1, 17}}},
		{"A [4†source].", []Marker{{4, 2, 14}}},
		{"A[^1].", []Marker{{1, 1, 5}}},
		{"A [^12] b", []Marker{{12, 2, 7}}},
		{"[^1]: Sky News", nil},                             // a footnote's definition names its source
		{"A.\n[^1]: Sky News", nil},                         // on any line
		{"A [^1]: as the report says", []Marker{{1, 2, 6}}}, // not at a line's start: a reference
		{"A【1]", nil},                                       // brackets of two kinds
		{"A [1】", nil},
		{"A [^] [^x] [^ 1]", []Marker{{1, 11, 16}}},
		{"A【1†" + strings.Repeat("x", 60) + "】", nil}, // a label too long to be a citation's
		{"A [1†so\nurce]", nil},
		{"A (Source 2).", []Marker{{2, 2, 12}}},
		{"A (sources 1, 3)", []Marker{{1, 2, 16}, {3, 2, 16}}},
		{"(1) the first point; (2) the second", nil}, // a list's numbers, not citations
		{"A (source) b", nil},
		{"A [doc1] [Document 2] (passage 3)", []Marker{{1, 2, 8}, {2, 9, 21}, {3, 22, 33}}},
		{"the [docs] say", nil},
	}
	for _, tt := range tests {
		if got := ParseMarkers(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseMarkers(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzParseMarkers(f *testing.F) {
	for _, s := range []string{"[1]", "[2, 3]", "[1][2]", "[1-3]", "[1–3]", "[Source 1]", "[", "[1", "[99999999]", "a [1,2;3] b", "[1-49]", "\xff[1]", "【1】", "【1†source】", "[^1]", "[^1]: x", "【", "【1†", "(Source 1)", "(src"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var prev Marker
		for i, m := range ParseMarkers(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("marker %+v is outside %q", m, s)
			}
			square := strings.HasPrefix(s[m.Start:], "[") && strings.HasSuffix(s[:m.End], "]")
			lenticular := strings.HasPrefix(s[m.Start:], "【") && strings.HasSuffix(s[:m.End], "】")
			round := strings.HasPrefix(s[m.Start:], "(") && strings.HasSuffix(s[:m.End], ")")
			if !square && !lenticular && !round {
				t.Fatalf("marker %+v is not a bracket group of %q", m, s)
			}
			if m.N < 0 {
				t.Fatalf("negative marker %+v in %q", m, s)
			}
			sameGroup := m.Start == prev.Start && m.End == prev.End
			if i > 0 && !sameGroup && m.Start < prev.End {
				t.Fatalf("marker %+v overlaps %+v in %q", m, prev, s)
			}
			prev = m
		}
	})
}

func TestStripThink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain answer [1].", "Plain answer [1]."},
		{"<think>Let me see.</think>\n\nThe answer [1].", "The answer [1]."},
		{"<think>a</think>One. <think>b</think>Two.", "One. Two."},
		{"<think>still thinking about [1] and", ""},                  // unterminated: all reasoning
		{"Answer. <think>cut off", "Answer."},                        // a block that never closed
		{"reasoning without an opening tag</think>Answer", "Answer"}, // template-opened
		{"no tags <thin at all", "no tags <thin at all"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := StripThink(tt.in); got != tt.want {
			t.Errorf("StripThink(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestThinkFilterStreamed feeds replies to the streaming filter cut at every
// byte, so a tag split across pieces is exercised at each possible split.
func TestThinkFilterStreamed(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<think>secret plan</think>\n\nThe answer [1].", "The answer [1]."},
		{"Before <think>hidden</think> after", "Before  after"},
		{"a < b and <thin is not a tag", "a < b and <thin is not a tag"},
		{"<think>never closed", ""},
		{"x <", "x <"},
	}
	for _, tt := range tests {
		for cut1 := 0; cut1 <= len(tt.in); cut1++ {
			for cut2 := cut1; cut2 <= len(tt.in); cut2++ {
				var got strings.Builder
				f := newThinkFilter(func(s string) {
					if strings.Contains(s, "secret") || strings.Contains(s, "hidden") {
						t.Fatalf("think content passed on: %q", s)
					}
					got.WriteString(s)
				})
				f.write(tt.in[:cut1])
				f.write(tt.in[cut1:cut2])
				f.write(tt.in[cut2:])
				f.flush()
				if got.String() != tt.want {
					t.Fatalf("cut %d,%d of %q: streamed %q, want %q", cut1, cut2, tt.in, got.String(), tt.want)
				}
			}
		}
	}
}

func TestSupports(t *testing.T) {
	passage := "Mr Zelenskyy's spokesman said the meeting lasted for around 15 minutes and he and Mr Trump had agreed to hold further discussions later on Saturday."
	tests := []struct {
		sentence string
		min, max float64
	}{
		{"The meeting lasted around 15 minutes [1].", 1, 1},
		{"Zelenskyy and Trump agreed to hold further discussions [1].", 0.99, 1},
		{"Zelenskyy's spokesman said the meeting lasted fifteen minutes.", 0.99, 1}, // number words are numbers
		{"The meeting lasted 30 minutes.", 0, 0.4},                                  // a wrong figure
		{"Macron announced new sanctions on Russian banks.", 0, 0.1},
		{"The Ukrainian delegation agreed.", 0.3, 0.7}, // "Ukrainian" is not in the passage; "agreed" is
		{"[1]", 1, 1}, // claims nothing
	}
	for _, tt := range tests {
		got := Supports(tt.sentence, passage)
		if got < tt.min || got > tt.max {
			t.Errorf("Supports(%q) = %.2f, want in [%.2f, %.2f]", tt.sentence, got, tt.min, tt.max)
		}
	}
	// Near forms count most of a match.
	if s := Supports("Ukrainian negotiators", "Ukraine's negotiations"); s < 0.6 || s >= 1 {
		t.Errorf("near forms: Supports = %.2f, want in [0.6, 1)", s)
	}
}

var verifySources = []rag.Hit{
	{Passage: rag.Passage{ID: "call#0", ArticleID: "call", Published: time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC),
		Text: "Ukraine is still on an irreversible path to joining NATO, Sir Keir Starmer has told Volodymyr Zelenskyy."}},
	{Passage: rag.Passage{ID: "funeral#3", ArticleID: "funeral", Published: time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC),
		Text: "Mr Zelenskyy's spokesman said the meeting lasted for around 15 minutes."}},
	{Passage: rag.Passage{ID: "funeral#5", ArticleID: "funeral", Published: time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC),
		Text: "The French president said in a post on X that Ukraine is ready for an unconditional ceasefire."}},
}

func TestVerifyCitations(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		want        string
		wantCites   []string // passage ids, in citation order
		wantDropped []string
	}{
		{
			name:      "good markers are renumbered in order of use",
			in:        "The meeting lasted around 15 minutes [2]. Starmer told Zelenskyy that Ukraine is on an irreversible path to NATO [1].",
			want:      "The meeting lasted around 15 minutes [1]. Starmer told Zelenskyy that Ukraine is on an irreversible path to NATO [2].",
			wantCites: []string{"funeral#3", "call#0"},
		},
		{
			name:        "a marker past the sources is removed, and the sentence it left uncited goes",
			in:          "The meeting lasted around 15 minutes [2][7]. Macron posted on X that Ukraine is ready for an unconditional ceasefire [7].",
			want:        "The meeting lasted around 15 minutes [1].",
			wantCites:   []string{"funeral#3"},
			wantDropped: []string{"Macron posted on X that Ukraine is ready for an unconditional ceasefire."},
		},
		{
			name:        "an uncited claim is dropped even when a source would support it",
			in:          "Macron posted on X that Ukraine is ready for an unconditional ceasefire.",
			want:        "",
			wantDropped: []string{"Macron posted on X that Ukraine is ready for an unconditional ceasefire."},
		},
		{
			name:        "a statement that the sources do not say, with an uncited claim after it, goes",
			in:          "The sources don't say, but Trump bought Greenland. The meeting lasted around 15 minutes [2].",
			want:        "The meeting lasted around 15 minutes [1].",
			wantCites:   []string{"funeral#3"},
			wantDropped: []string{"The sources don't say, but Trump bought Greenland."},
		},
		{
			name:        "an unsupported cited sentence is dropped and listed",
			in:          "The meeting lasted around 15 minutes [2]. Trump bought Greenland for five dollars [1].",
			want:        "The meeting lasted around 15 minutes [1].",
			wantCites:   []string{"funeral#3"},
			wantDropped: []string{"Trump bought Greenland for five dollars."},
		},
		{
			name:        "a wrong figure is not supported",
			in:          "The meeting lasted 45 minutes [2].",
			want:        "",
			wantDropped: []string{"The meeting lasted 45 minutes."},
		},
		{
			name:        "an uncited claim no source supports is dropped",
			in:          "The meeting lasted around 15 minutes [2]. The Pope blessed the talks in Latin.",
			want:        "The meeting lasted around 15 minutes [1].",
			wantCites:   []string{"funeral#3"},
			wantDropped: []string{"The Pope blessed the talks in Latin."},
		},
		{
			name:        "a citation to the wrong source is not moved to the right one",
			in:          "The meeting lasted around 15 minutes [1].",
			want:        "",
			wantCites:   nil,
			wantDropped: []string{"The meeting lasted around 15 minutes."},
		},
		{
			name:      "markers after the full stop, glued or spaced, cite what comes before",
			in:        "The meeting lasted around 15 minutes.[2] Ukraine is on an irreversible path to NATO, Starmer told Zelenskyy. [1]",
			want:      "The meeting lasted around 15 minutes. [1] Ukraine is on an irreversible path to NATO, Starmer told Zelenskyy. [2]",
			wantCites: []string{"funeral#3", "call#0"},
		},
		{
			name:      "a group keeps the sources that support the sentence",
			in:        "Zelenskyy's spokesman said the meeting lasted around 15 minutes [1, 2].",
			want:      "Zelenskyy's spokesman said the meeting lasted around 15 minutes [1].",
			wantCites: []string{"funeral#3"},
		},
		{
			name:      "a statement that the sources do not say is kept uncited",
			in:        "The sources don't say what the Pope thought. The meeting lasted around 15 minutes [2].",
			want:      "The sources don't say what the Pope thought. The meeting lasted around 15 minutes [1].",
			wantCites: []string{"funeral#3"},
		},
		{
			name:        "a list loses the dropped item's line",
			in:          "- The meeting lasted around 15 minutes [2]\n- Trump bought Greenland [3]\n- Ukraine is ready for an unconditional ceasefire, the French president posted on X [3]",
			want:        "- The meeting lasted around 15 minutes [1]\n- Ukraine is ready for an unconditional ceasefire, the French president posted on X [2]",
			wantCites:   []string{"funeral#3", "funeral#5"},
			wantDropped: []string{"Trump bought Greenland"},
		},
		{
			name:        "a name the passage does not give",
			in:          "Macron posted on X that Ukraine is ready for an unconditional ceasefire [3].",
			want:        "",
			wantDropped: []string{"Macron posted on X that Ukraine is ready for an unconditional ceasefire."},
		},
		{
			name:        "a misstated figure",
			in:          "The meeting lasted around 50 minutes [2].",
			want:        "",
			wantDropped: []string{"The meeting lasted around 50 minutes."},
		},
		{
			name: "nothing left",
			in:   "[4] [0]",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cites, dropped := VerifyCitations(tt.in, verifySources)
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			var ids []string
			for i, c := range cites {
				if c.N != i+1 {
					t.Errorf("citation %d has N %d", i, c.N)
				}
				ids = append(ids, c.ID)
			}
			if !reflect.DeepEqual(ids, tt.wantCites) {
				t.Errorf("cites = %q, want %q", ids, tt.wantCites)
			}
			if !reflect.DeepEqual(dropped, tt.wantDropped) {
				t.Errorf("dropped = %q, want %q", dropped, tt.wantDropped)
			}
			checkMarkersMatchCitations(t, got, cites)
		})
	}
}

// checkMarkersMatchCitations fails unless every marker in text names one of
// cites, every citation is used, and the citations are numbered 1..k in order
// of first use.
func checkMarkersMatchCitations(t *testing.T, text string, cites []rag.Citation) {
	t.Helper()
	used := map[int]bool{}
	next := 1
	for _, m := range ParseMarkers(text) {
		if m.N < 1 || m.N > len(cites) {
			t.Fatalf("marker [%d] in %q has no citation (%d cites)", m.N, text, len(cites))
		}
		if !used[m.N] {
			if m.N != next {
				t.Fatalf("marker [%d] used before [%d] in %q", m.N, next, text)
			}
			used[m.N] = true
			next++
		}
	}
	for i, c := range cites {
		if c.N != i+1 {
			t.Fatalf("citation %d numbered %d", i, c.N)
		}
		if !used[c.N] {
			t.Fatalf("citation [%d] is not used in %q", c.N, text)
		}
	}
}

func FuzzVerifyCitations(f *testing.F) {
	for _, s := range []string{
		"The meeting lasted around 15 minutes [2]. Starmer told Zelenskyy about NATO [1].",
		"A [9]. B [1-3]. C.[2] D. [3]",
		"- item [1]\n- Trump bought Greenland [2]\n\n1. x [3]",
		"[ Bad claim here.\n1] tail",
		"[1] [2] [3]",
		"<think>x</think> Ukraine is ready for an unconditional ceasefire [3].",
		"“Quote.” [2] Next [1, 2].",
		"A claim. Another claim. [1]\n\nA third【2†source】.",
		"## Heading\n**Bold** claim[^1].\n\n[^1]: Source\nSources:\n[1] x",
		"I hope this helps! (Source 2)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, cites, _ := VerifyCitations(s, verifySources)
		checkMarkersMatchCitations(t, got, cites)
	})
}
