package answer

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

func TestExtractiveSummarySeed(t *testing.T) {
	passages := loadSeedPassages(t)
	byArticle := map[string][]rag.Passage{}
	for _, p := range passages {
		byArticle[p.ArticleID] = append(byArticle[p.ArticleID], p)
	}
	tests := []struct {
		name     string
		passages []rag.Passage
		max      int
		want     string // a point the summary must make
	}{
		{"whole coverage", passages, 5, "irreversible path"},
		{"one article", byArticle["starmer-zelenskyy-call"], 3, "irreversible path"},
		{"another article", byArticle["trump-zelenskyy-pope-funeral"], 3, "Pope"},
		{"default length", passages, 0, "Zelenskyy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := ExtractiveSummary(tt.passages, tt.max)
			if ans.Abstained || ans.Mode != rag.ModeExtractive {
				t.Fatalf("abstained %v mode %q: %s", ans.Abstained, ans.Mode, ans.Text)
			}
			max := tt.max
			if max == 0 {
				max = defaultSummarySentences
			}
			units := splitClaims(ans.Text)
			if len(units) == 0 || len(units) > max {
				t.Errorf("%d sentences, want 1..%d", len(units), max)
			}
			if !strings.Contains(ans.Text, tt.want) {
				t.Errorf("summary lacks %q: %s", tt.want, ans.Text)
			}
			checkMarkersMatchCitations(t, ans.Text, ans.Citations)
			checkEachSentenceSupported(t, ans)
			// No two sentences say the same thing.
			for i := range units {
				for j := i + 1; j < len(units); j++ {
					if nearDuplicate(termSet(units[i].plain), termSet(units[j].plain)) {
						t.Errorf("near-duplicates: %q and %q", units[i].plain, units[j].plain)
					}
				}
			}
			// Oldest coverage first.
			for i := 1; i < len(ans.Citations); i++ {
				if ans.Citations[i].Published.Before(ans.Citations[i-1].Published) {
					t.Errorf("citation %d (%s) is older than the one before", i+1, ans.Citations[i].ID)
				}
			}
			if !ans.AsOf.Equal(newestPublished(ans.Citations)) {
				t.Errorf("AsOf %v", ans.AsOf)
			}
		})
	}
}

// TestExtractiveSummaryFocus summarises the whole seed for a topic that only
// one or two sentences mention: the summary must carry them.
func TestExtractiveSummaryFocus(t *testing.T) {
	passages := loadSeedPassages(t)
	tests := []struct{ focus, want string }{
		{"Chernobyl", "Chernobyl nuclear powerstation"},
		{"Bolton's warning", "Endless concessions to Moscow"},
		{"Macron", "Macron"},
	}
	for _, tt := range tests {
		ans := ExtractiveSummaryFocus(passages, tt.focus, 3)
		if !strings.Contains(ans.Text, tt.want) {
			t.Errorf("summary on %q lacks %q: %s", tt.focus, tt.want, ans.Text)
		}
		checkMarkersMatchCitations(t, ans.Text, ans.Citations)
		checkEachSentenceSupported(t, ans)
	}
	// A focus that nothing shares is no focus.
	if a, b := ExtractiveSummaryFocus(passages, "Bitcoin", 3), ExtractiveSummary(passages, 3); a.Text != b.Text {
		t.Errorf("unrelated focus changed the summary:\n%s\n%s", a.Text, b.Text)
	}
}

// TestExtractiveSummaryDeduplicates gives the summariser the coverage twice,
// once under other article ids (a syndicated copy): no sentence may appear
// twice.
func TestExtractiveSummaryDeduplicates(t *testing.T) {
	passages := loadSeedPassages(t)
	all := append([]rag.Passage(nil), passages...)
	for _, p := range passages {
		p.ID = "copy-" + p.ID
		p.ArticleID = "copy-" + p.ArticleID
		all = append(all, p)
	}
	ans := ExtractiveSummary(all, 8)
	seen := map[string]bool{}
	for _, u := range splitClaims(ans.Text) {
		if seen[u.plain] {
			t.Errorf("sentence repeated: %q", u.plain)
		}
		seen[u.plain] = true
	}
	if len(seen) < 5 {
		t.Errorf("only %d sentences from a doubled coverage", len(seen))
	}
}

func TestExtractiveSummaryNothing(t *testing.T) {
	for _, ps := range [][]rag.Passage{nil, {{ID: "x#0", Text: "Too short."}}} {
		ans := ExtractiveSummary(ps, 3)
		if !ans.Abstained || len(ans.Citations) != 0 {
			t.Errorf("summary of %v: %+v", ps, ans)
		}
	}
}

// TestExtractiveSummaryManyPassages goes past the number of sentences LexRank
// compares, so that the centroid preselection runs.
func TestExtractiveSummaryManyPassages(t *testing.T) {
	passages := loadSeedPassages(t)
	var many []rag.Passage
	for i := 0; len(many) < 40*len(passages); i++ {
		for _, p := range passages {
			p.ID = fmt.Sprintf("%s-v%d", p.ID, i)
			p.ArticleID = fmt.Sprintf("%s-v%d", p.ArticleID, i)
			p.Text = strings.ReplaceAll(p.Text, ".", fmt.Sprintf(" in edition %d.", i)) // distinct sentences
			many = append(many, p)
		}
	}
	ans := ExtractiveSummary(many, 5)
	if ans.Abstained || len(splitClaims(ans.Text)) != 5 {
		t.Fatalf("summary: %+v", ans)
	}
	checkMarkersMatchCitations(t, ans.Text, ans.Citations)
}

// sourcePattern finds the numbered sources in a prompt: "[n] heading" then the
// text on the next line.
var sourcePattern = regexp.MustCompile(`(?m)^\[(\d+)\] .*\n(.*)$`)

// fakeSummariser stands in for the model in map-reduce. Asked for notes, it
// writes the first sentence of each source it was shown, cited with the
// number it was shown under, and, on its first call, one invented note. Asked
// to combine notes, it keeps the first three lines.
type fakeSummariser struct {
	calls   []string // "map" or "reduce", in order
	prompts []string
	failOn  int // 1-based call that fails; 0 for none
}

var errModelDown = errors.New("model down")

func (f *fakeSummariser) chat(ctx context.Context, msgs []rag.Message, onDelta func(string)) (string, error) {
	sys := msgs[0].Content
	f.prompts = append(f.prompts, sys)
	if f.failOn == len(f.prompts) {
		return "", errModelDown
	}
	var lines []string
	if strings.Contains(sys, "BEGIN NOTES") {
		f.calls = append(f.calls, "reduce")
		block := sys[strings.LastIndex(sys, "BEGIN NOTES"):]
		notes := strings.Split(block, "\n")[1:]
		for _, n := range notes {
			if len(lines) == 3 || strings.HasPrefix(n, "END NOTES") {
				break
			}
			lines = append(lines, n)
		}
	} else {
		f.calls = append(f.calls, "map")
		for _, m := range sourcePattern.FindAllStringSubmatch(sys, -1) {
			first := prose.SplitSentences(m[2])[0]
			lines = append(lines, strings.TrimRight(first, ".")+" ["+m[1]+"].")
		}
		if len(f.calls) == 1 {
			lines = append(lines, "The Kremlin announced a full withdrawal from Crimea [1].")
		}
	}
	reply := "<think>working</think>" + strings.Join(lines, "\n")
	if onDelta != nil {
		onDelta(reply)
	}
	return reply, nil
}

func TestLLMSummaryMapReduce(t *testing.T) {
	passages := loadSeedPassages(t)
	const contextChars = 2600
	f := &fakeSummariser{}
	var streamed strings.Builder
	ans, err := LLMSummary(context.Background(), f.chat, nil, "", passages, contextChars, func(s string) { streamed.WriteString(s) })
	if err != nil {
		t.Fatal(err)
	}
	maps, reduces := 0, 0
	for _, c := range f.calls {
		if c == "map" {
			maps++
		} else {
			reduces++
		}
	}
	if maps < 3 || reduces < 2 || f.calls[len(f.calls)-1] != "reduce" {
		t.Fatalf("calls %v: want several maps, then rounds of reduces", f.calls)
	}
	// Each map saw a part of the passages, under their global numbers.
	seen := map[int]bool{}
	for i, c := range f.calls {
		if c != "map" {
			continue
		}
		if len(f.prompts[i]) > contextChars {
			t.Errorf("map prompt %d is %d characters, over %d", i, len(f.prompts[i]), contextChars)
		}
		for _, m := range sourcePattern.FindAllStringSubmatch(f.prompts[i], -1) {
			n, _ := strconv.Atoi(m[1])
			if seen[n] || n < 1 || n > len(passages) || passages[n-1].Text != m[2] {
				t.Fatalf("map %d shows source [%d] wrongly or twice", i, n)
			}
			seen[n] = true
		}
	}
	if len(seen) != len(passages) {
		t.Errorf("maps saw %d of %d passages", len(seen), len(passages))
	}
	if ans.Abstained || ans.Mode != rag.ModeLLM {
		t.Fatalf("abstained %v mode %q: %s", ans.Abstained, ans.Mode, ans.Text)
	}
	checkMarkersMatchCitations(t, ans.Text, ans.Citations)
	checkEachSentenceSupported(t, ans)
	if !containsString(ans.Dropped, "The Kremlin announced a full withdrawal from Crimea.") {
		t.Errorf("the invented note was not dropped: %q", ans.Dropped)
	}
	if strings.Contains(ans.Text, "Crimea") || strings.Contains(streamed.String(), "working") {
		t.Errorf("text %q, streamed %q", ans.Text, streamed.String())
	}
	if !strings.HasPrefix(strings.TrimSpace(ans.Text), strings.TrimSpace(StripThink(streamed.String()))[:20]) {
		t.Errorf("the stream was not the final step: %q", streamed.String())
	}
}

func TestLLMSummaryFitsInOneCall(t *testing.T) {
	passages := loadSeedPassages(t)[:4]
	f := &fakeSummariser{}
	ans, err := LLMSummary(context.Background(), f.chat, nil, "NATO", passages, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.calls) != 1 {
		t.Fatalf("calls %v, want one", f.calls)
	}
	if got := len(sourcePattern.FindAllString(f.prompts[0], -1)); got != len(passages) {
		t.Errorf("prompt has %d sources, want %d", got, len(passages))
	}
	if ans.Abstained || len(ans.Citations) != len(passages) {
		t.Errorf("summary %+v", ans)
	}
	checkMarkersMatchCitations(t, ans.Text, ans.Citations)
}

func TestLLMSummaryFocusIsTheRequest(t *testing.T) {
	var got []rag.Message
	chat := func(ctx context.Context, msgs []rag.Message, onDelta func(string)) (string, error) {
		got = msgs
		return "The sources don't say.", nil
	}
	ans, err := LLMSummary(context.Background(), chat, nil, "the Chernobyl\nstrike", loadSeedPassages(t)[:2], 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Abstained {
		t.Errorf("an unverifiable summary was shown: %q", ans.Text)
	}
	if last := got[len(got)-1]; last.Role != "user" || !strings.HasSuffix(last.Content, "the Chernobyl strike") || strings.Contains(got[0].Content, "Chernobyl strike") {
		t.Errorf("focus not asked on its own: %+v", last)
	}
}

func TestLLMSummaryErrors(t *testing.T) {
	passages := loadSeedPassages(t)
	f := &fakeSummariser{failOn: 2}
	_, err := LLMSummary(context.Background(), f.chat, nil, "", passages, 2600, nil)
	if !errors.Is(err, errModelDown) || !strings.Contains(err.Error(), "part 2 of") {
		t.Errorf("error %v", err)
	}
	ans, err := LLMSummary(context.Background(), f.chat, nil, "", nil, 0, nil)
	if err != nil || !ans.Abstained {
		t.Errorf("empty: %+v %v", ans, err)
	}
}

func TestPackGroups(t *testing.T) {
	sizes := []int{5, 5, 5, 20, 5, 5}
	size := func(i int) int { return sizes[i] }
	tests := []struct {
		budget, minItems int
		want             string
	}{
		{10, 1, "[[0 1] [2] [3] [4 5]]"},
		{10, 2, "[[0 1] [2 3] [4 5]]"},
		{100, 1, "[[0 1 2 3 4 5]]"},
		{1, 1, "[[0] [1] [2] [3] [4] [5]]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(packGroups(len(sizes), tt.budget, tt.minItems, size)); got != tt.want {
			t.Errorf("packGroups(budget %d, min %d) = %s, want %s", tt.budget, tt.minItems, got, tt.want)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestExtractiveSummaryFocusLeadsWithTheTopic: a summary for a topic opens
// with the article most about it, even when an older article that touches
// the topic would come first by date, and leaves out sentences that hold
// nothing of the topic.
func TestExtractiveSummaryFocusLeadsWithTheTopic(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	passages := []rag.Passage{
		{ID: "council#0", ArticleID: "council", Pos: 0, Published: day(2), Text: "The harbour council will meet on Friday to vote on the ferry budget. " +
			"Councillors expect a long debate about the ferry timetable and its cost. " +
			"Rivera is expected to attend the vote as an observer from the ministry."},
		{ID: "summit#0", ArticleID: "summit", Pos: 0, Published: day(9), Text: "Minister Rivera and mayor Okafor held a tense meeting at the town hall on Monday. " +
			"The meeting between Rivera and Okafor lasted two hours and ended without an agreement on the ferry. " +
			"Okafor said after the meeting that the talks would resume next month."},
	}
	ans := ExtractiveSummaryFocus(passages, "the Rivera Okafor meeting", 4)
	if !strings.HasPrefix(ans.Text, "Minister Rivera and mayor Okafor held a tense meeting") && !strings.HasPrefix(ans.Text, "The meeting between Rivera and Okafor") {
		t.Errorf("summary does not open with the meeting: %s", ans.Text)
	}
	if strings.Contains(ans.Text, "long debate about the ferry timetable") {
		t.Errorf("summary keeps a sentence with nothing of the topic: %s", ans.Text)
	}
	checkMarkersMatchCitations(t, ans.Text, ans.Citations)
}
