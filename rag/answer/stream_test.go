package answer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

// pieceChat plays a model that streams reply in pieces of size bytes (the
// replies here are ASCII apart from curly quotes, which it keeps whole), and
// records, for every piece the caller passes on, how much of the reply had
// been sent by then.
type pieceChat struct {
	reply string
	size  int
	sent  int
}

func (p *pieceChat) chat(_ context.Context, _ []rag.Message, onDelta func(string)) (string, error) {
	if onDelta == nil {
		return p.reply, nil
	}
	for rest := p.reply; rest != ""; {
		n := min(p.size, len(rest))
		for n < len(rest) && (rest[n]&0xC0) == 0x80 {
			n++
		}
		p.sent += n
		onDelta(rest[:n])
		rest = rest[n:]
	}
	return p.reply, nil
}

type streamed struct {
	text   strings.Builder
	pieces int
	// firstAt is how much of the reply had been sent when the first piece
	// was passed on.
	firstAt int
}

func (s *streamed) add(chat *pieceChat) func(string) {
	return func(d string) {
		if s.pieces == 0 {
			s.firstAt = chat.sent
		}
		s.pieces++
		s.text.WriteString(d)
	}
}

// TestStreamShowsOnlyCheckedSentences: a reply whose second sentence
// misstates its passage streams the first sentence before the reply is
// over, never the second, and ends as the checked answer, whatever the size
// of the pieces and wherever the model puts its markers.
func TestStreamShowsOnlyCheckedSentences(t *testing.T) {
	const question = "What did Starmer tell Zelenskyy about NATO?"
	hits := seedHits(t, question, 10)
	nato := sourceNumber(t, hits, "irreversible path” to joining NATO")
	summit := sourceNumber(t, hits, "as agreed by allies at the Washington summit")
	const wrong = "Starmer told Zelenskyy that Ukraine is no longer on a path to joining NATO"
	replies := map[string]string{
		"markers before the stop": fmt.Sprintf("Starmer told Zelenskyy that Ukraine is still on an “irreversible path” to joining NATO [%d]. %s [%d]. That path was agreed by allies at the Washington summit last year [%d].", nato, wrong, nato, summit),
		"markers after the stop":  fmt.Sprintf("Starmer told Zelenskyy that Ukraine is still on an “irreversible path” to joining NATO. [%d] %s. [%d] That path was agreed by allies at the Washington summit last year. [%d]", nato, wrong, nato, summit),
		"markers glued":           fmt.Sprintf("Starmer told Zelenskyy that Ukraine is still on an “irreversible path” to joining NATO.[%d] %s.[%d] That path was agreed by allies at the Washington summit last year.[%d]", nato, wrong, nato, summit),
		"a list":                  fmt.Sprintf("- Starmer told Zelenskyy that Ukraine is still on an “irreversible path” to joining NATO [%d].\n- %s [%d].\n- That path was agreed by allies at the Washington summit last year [%d].", nato, wrong, nato, summit),
	}
	for name, reply := range replies {
		streamInPieces(t, name, question, hits, reply, func(t *testing.T, ans rag.Answer, got *streamed) {
			if ans.Abstained || len(ans.Dropped) != 1 || !strings.HasPrefix(ans.Dropped[0], wrong) {
				t.Fatalf("the check did not drop the second sentence alone: %+v", ans)
			}
			if strings.Contains(got.text.String(), "no longer") {
				t.Errorf("the dropped sentence was streamed: %q", got.text.String())
			}
			if got.text.String() != ans.Text {
				t.Errorf("streamed %q, the answer is %q", got.text.String(), ans.Text)
			}
			if got.pieces < 2 || got.firstAt >= len(reply) {
				t.Errorf("%d pieces, the first after %d of %d bytes: want the first sentence before the reply ends", got.pieces, got.firstAt, len(reply))
			}
		})
	}
}

// streamInPieces asks LLM with a model that streams reply in pieces of 1,
// 3, 7, 16 and 40 bytes, each as a subtest of name, and hands check the
// answer and what was streamed.
func streamInPieces(t *testing.T, name, question string, hits []rag.Hit, reply string, check func(t *testing.T, ans rag.Answer, got *streamed)) {
	t.Helper()
	for _, size := range []int{1, 3, 7, 16, 40} {
		t.Run(fmt.Sprintf("%s/%d", name, size), func(t *testing.T) {
			chat := &pieceChat{reply: reply, size: size}
			var got streamed
			ans, err := LLM(context.Background(), chat.chat, nil, question, nil, hits, got.add(chat))
			if err != nil {
				t.Fatal(err)
			}
			check(t, ans, &got)
		})
	}
}

// TestStreamHoldsBackAbstentions: nothing of an answer that becomes an
// abstention is streamed: one that opens by saying the sources do not
// answer, one whose every claim is dropped, and a sentence claiming
// nothing before them.
func TestStreamHoldsBackAbstentions(t *testing.T) {
	const question = "What did Starmer tell Zelenskyy about NATO?"
	hits := seedHits(t, question, 10)
	nato := sourceNumber(t, hits, "irreversible path” to joining NATO")
	for _, reply := range []string{
		fmt.Sprintf("The sources don't say what Starmer promised. They say Ukraine is still on an “irreversible path” to joining NATO [%d].", nato),
		fmt.Sprintf("Here is what I found. Starmer told Zelenskyy that Ukraine is no longer on a path to joining NATO [%d]. Starmer pledged 40 fighter jets [%d].", nato, nato),
	} {
		chat := &pieceChat{reply: reply, size: 5}
		var got streamed
		ans, err := LLM(context.Background(), chat.chat, nil, question, nil, hits, got.add(chat))
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Abstained || got.text.Len() != 0 {
			t.Errorf("reply %q: abstained %v, streamed %q", reply, ans.Abstained, got.text.String())
		}
	}
}

// TestStreamWithAJudgeShowsOnlyThatItIsChecking: the judge reads the whole
// answer, so nothing of it can be shown before; the stream says it is being
// checked.
func TestStreamWithAJudgeShowsOnlyThatItIsChecking(t *testing.T) {
	const question = "What did Starmer tell Zelenskyy about NATO?"
	hits := seedHits(t, question, 10)
	nato := sourceNumber(t, hits, "irreversible path” to joining NATO")
	reply := fmt.Sprintf("Starmer told Zelenskyy that Ukraine is still on an “irreversible path” to joining NATO [%d]. It was agreed by allies at the Washington summit last year [%d].", nato, nato)
	chat := &pieceChat{reply: reply, size: 4}
	judged := false
	judge := func(context.Context, []rag.Message, func(string)) (string, error) {
		judged = true
		return "", fmt.Errorf("judge unavailable")
	}
	var got streamed
	ans, err := LLM(context.Background(), chat.chat, &Verifier{Judge: judge}, question, nil, hits, got.add(chat))
	if err != nil {
		t.Fatal(err)
	}
	if !judged || ans.Text == "" {
		t.Fatalf("judged %v, answer %+v", judged, ans)
	}
	if got.text.String() != CheckingSources || got.pieces != 1 {
		t.Errorf("streamed %q in %d pieces, want only %q", got.text.String(), got.pieces, CheckingSources)
	}
}

// TestSummaryStreamShowsOnlyCheckedSentences: a summary streams as an answer
// does; its invented note never shows.
func TestSummaryStreamShowsOnlyCheckedSentences(t *testing.T) {
	passages := loadSeedPassages(t)[:3]
	var lines []string
	for i, p := range passages {
		first := strings.TrimRight(strings.Fields(p.Text)[0]+" "+strings.Join(strings.Fields(p.Text)[1:12], " "), ".,;:")
		lines = append(lines, fmt.Sprintf("%s [%d].", first, i+1))
		if i == 0 {
			lines = append(lines, "The Kremlin announced a full withdrawal from Crimea [1].")
		}
	}
	chat := &pieceChat{reply: strings.Join(lines, " "), size: 6}
	var got streamed
	ans, err := LLMSummary(context.Background(), chat.chat, nil, "", passages, 0, got.add(chat))
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Dropped) == 0 || strings.Contains(ans.Text, "Crimea") {
		t.Fatalf("the invented note was not dropped: %+v", ans)
	}
	if strings.Contains(got.text.String(), "Crimea") || got.text.String() != ans.Text {
		t.Errorf("streamed %q, the summary is %q", got.text.String(), ans.Text)
	}
}

// TestStreamOfRepliesWrittenOtherWays: replies cited and framed the ways
// other models write them (lenticular and footnote markers, a list of
// sources, a heading, a lead-in and a closing word, a paragraph cited once
// at its end, emphasis) stream exactly the checked answer, whatever the
// size of the pieces: what was passed on is the answer.
func TestStreamOfRepliesWrittenOtherWays(t *testing.T) {
	const question = "What did Starmer tell Zelenskyy about NATO?"
	hits := seedHits(t, question, 10)
	nato := sourceNumber(t, hits, "irreversible path” to joining NATO")
	summit := sourceNumber(t, hits, "as agreed by allies at the Washington summit")
	const (
		first  = "Starmer told Zelenskyy that Ukraine is still on an “irreversible path” to joining NATO"
		second = "That path was agreed by allies at the Washington summit last year"
	)
	replies := map[string]string{
		"lenticular":        fmt.Sprintf("%s【%d†source】. %s【%d】.", first, nato, second, summit),
		"footnotes":         fmt.Sprintf("%s[^%d]. %s[^%d].\n\n[^%d]: Sky News\n[^%d]: Sky News", first, nato, second, summit, nato, summit),
		"a list":            fmt.Sprintf("%s [%d]. %s [%d].\n\nSources:\n[%d] Sky News\n[%d] Sky News", first, nato, second, summit, nato, summit),
		"framed":            fmt.Sprintf("## Answer\n\nHere is what the coverage says:\n\n%s (Source %d). %s [%d].\n\nI hope this helps!", first, nato, second, summit),
		"paragraph":         fmt.Sprintf("%s. Ukraine is on that path. [%d]\n\n%s. [%d]", first, nato, second, summit),
		"emphasis":          fmt.Sprintf("**%s** [%d]. %s *last year* [%d].", first, nato, strings.TrimSuffix(second, " last year"), summit),
		"paragraph end":     fmt.Sprintf("%s. %s. [%d][%d]", first, second, nato, summit),
		"a trailer":         fmt.Sprintf("%s.\n\n%s.\n\nSources: [%d], [%d]", first, second, nato, summit),
		"a bare trailer":    fmt.Sprintf("%s. %s.\n(Sources: %d, %d)", first, second, nato, summit),
		"an inline trailer": fmt.Sprintf("%s. %s. Sources: [%d], [%d]", first, second, nato, summit),
	}
	for name, reply := range replies {
		streamInPieces(t, name, question, hits, reply, func(t *testing.T, ans rag.Answer, got *streamed) {
			if ans.Abstained || len(ans.Dropped) != 0 || !strings.Contains(ans.Text, "joining NATO [") {
				t.Fatalf("answer %q, dropped %q", ans.Text, ans.Dropped)
			}
			if got.text.String() != ans.Text {
				t.Errorf("streamed %q, the answer is %q", got.text.String(), ans.Text)
			}
		})
	}
}

// FuzzStreamIsTheAnswer: whatever a model replies, in whatever pieces,
// what the checked stream passes on is the start of the answer's text (all
// of it but when the text so far splits differently later, and the stream
// falls silent), and nothing of an abstention.
func FuzzStreamIsTheAnswer(f *testing.F) {
	for _, s := range []string{
		"Starmer told Zelenskyy that Ukraine is still on an “irreversible path” to joining NATO [1]. A claim [2].",
		"A. B. [1]\n\nC.\n\nSources: [1], [2]",
		"## Answer\n\n**Starmer** told *Zelenskyy* about NATO【1†source】.\n\nI hope this helps!",
		"1. First [1].\n2. Second [^2].\n\n[^2]: x",
		"A [1]; B [2]. <|im_end|>",
		"Uncited claim about Kyiv. Another one.\n(Sources: 1, 3)",
	} {
		f.Add(s, uint8(3))
	}
	hits := seedHits(f, "What did Starmer tell Zelenskyy about NATO?", 10)
	f.Fuzz(func(t *testing.T, reply string, size uint8) {
		if len(reply) > 2000 {
			return
		}
		chat := &pieceChat{reply: reply, size: int(size%40) + 1}
		var got streamed
		ans, err := LLM(context.Background(), chat.chat, nil, "What did Starmer tell Zelenskyy about NATO?", nil, hits, got.add(chat))
		if err != nil {
			t.Fatal(err)
		}
		want := ans.Text
		if ans.Abstained {
			want = ""
		}
		if !strings.HasPrefix(want, got.text.String()) {
			t.Errorf("streamed %q, the answer is %q", got.text.String(), want)
		}
	})
}
