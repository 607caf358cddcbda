package quote_test

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/seedtest"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
	"github.com/coveragebot/coveragebot/rag/search"
)

type quoteLabel struct {
	Article string `json:"article"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	About   string `json:"about"`
}

func loadQuoteLabels(t *testing.T) []quoteLabel {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/quotes/seed.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Quotes []quoteLabel `json:"quotes"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("labels: %v", err)
	}
	if len(doc.Quotes) == 0 {
		t.Fatal("no labels")
	}
	return doc.Quotes
}

// The hand labels in testdata/quotes/seed.json were written before the
// extractor was tuned. A quotation counts as found only with the right text
// and the right speaker.
func TestExtractQuotesSeedPrecisionRecall(t *testing.T) {
	labels := loadQuoteLabels(t)
	var extracted []rag.Quote
	for _, a := range seedtest.Articles(t) {
		for _, q := range quote.Extract(a) {
			if !strings.Contains(a.Text, q.Text) || a.Text[q.Start:q.Start+len(q.Text)] != q.Text {
				t.Errorf("%s: quotation %q is not the article's text at %d", a.ID, q.Text, q.Start)
			}
			extracted = append(extracted, q)
		}
	}
	correct := func(l quoteLabel, q rag.Quote) bool {
		return l.Article == q.ArticleID && l.Text == q.Text && quote.NamesMatch(l.Speaker, q.Speaker)
	}
	found := 0
	for _, l := range labels {
		hit := slices.ContainsFunc(extracted, func(q rag.Quote) bool { return correct(l, q) })
		if hit {
			found++
		} else {
			t.Logf("missed: %s: %s: %.50q", l.Article, l.Speaker, l.Text)
		}
	}
	right := 0
	for _, q := range extracted {
		if slices.ContainsFunc(labels, func(l quoteLabel) bool { return correct(l, q) }) {
			right++
		} else {
			t.Logf("wrong: %s: %s: %.50q", q.ArticleID, q.Speaker, q.Text)
		}
	}
	recall := float64(found) / float64(len(labels))
	precision := 0.0
	if len(extracted) > 0 {
		precision = float64(right) / float64(len(extracted))
	}
	t.Logf("quotations: %d labelled, %d extracted; recall %.3f, precision %.3f", len(labels), len(extracted), recall, precision)
	// docs/INTELLIGENCE.md records 1.00 for both on the seed.
	if recall < 1 {
		t.Errorf("recall %.3f, want 1.00", recall)
	}
	if precision < 1 {
		t.Errorf("precision %.3f, want 1.00", precision)
	}
	// Where a label says whom relayed words are about, the extractor must
	// say so too.
	for _, l := range labels {
		if l.About == "" {
			continue
		}
		for _, q := range extracted {
			if correct(l, q) && !quote.NamesMatch(l.About, q.About) {
				t.Errorf("%.40q: about %q, want %q", q.Text, q.About, l.About)
			}
		}
	}
}

func TestExtractQuotesPatterns(t *testing.T) {
	type want struct{ speaker, role, text, about string }
	tests := []struct {
		name string
		body string
		want []want
	}{
		{"colon", "Maria Lopez said: “We will rebuild the bridge.”",
			[]want{{"Maria Lopez", "", "We will rebuild the bridge.", ""}}},
		{"said after", "“The water is safe,” Tom Hale said.",
			[]want{{"Tom Hale", "", "The water is safe,", ""}}},
		{"said before the name", "“The water is safe,” said Tom Hale, the council's engineer.",
			[]want{{"Tom Hale", "", "The water is safe,", ""}}},
		{"told an outlet", "Anna Berg told Sky News: “Nobody warned us.”",
			[]want{{"Anna Berg", "", "Nobody warned us.", ""}}},
		{"according to", "The plan was “dead on arrival”, according to Senator Ruth Ames.",
			[]want{{"Ruth Ames", "Senator", "dead on arrival", ""}}},
		{"appositive", "Paul Grey, who was the city's mayor until 2020, said: “It was avoidable.”",
			[]want{{"Paul Grey", "the city's mayor until 2020", "It was avoidable.", ""}}},
		{"title", "Finance Minister Ola Nord said the budget was “balanced”.",
			[]want{{"Ola Nord", "Finance Minister", "balanced", ""}}},
		{"role before the name", "Harbour spokesman Ian Cole said the port was “open again”.",
			[]want{{"Ian Cole", "Harbour spokesman", "open again", ""}}},
		{"pronoun", "Dana Frost said the vote was “a disgrace”.\n\nShe added: “We will appeal.”",
			[]want{{"Dana Frost", "", "a disgrace", ""}, {"Dana Frost", "", "We will appeal.", ""}}},
		{"description", "Italian President Sergio Mattarella met the envoy. The Italian president said it was “a good day”.",
			[]want{{"Sergio Mattarella", "Italian President", "a good day", ""}}},
		{"post", "Karl Moss wrote in a post on X “Nothing is agreed”.",
			[]want{{"Karl Moss", "", "Nothing is agreed", ""}}},
		{"over two paragraphs", "Lena Roth said: “First part.\n\n“Second part.”",
			[]want{{"Lena Roth", "", "First part.\n\n“Second part.", ""}}},
		{"last paragraph left open", "Lena Roth said: “First part.\n\n“Second part.\n\nThe meeting ended.",
			[]want{{"Lena Roth", "", "First part.\n\n“Second part.", ""}}},
		{"spokesperson about a person", "A palace spokesperson said Queen Ida Holm was “deeply moved”.",
			[]want{{"A palace spokesperson", "", "deeply moved", "Ida Holm"}}},
		{"passive", "The deal was described as “historic” by the European Commission.",
			[]want{{"the European Commission", "", "historic", ""}}},
		{"straight marks", `Omar Reyes said: "We are ready."`,
			[]want{{"Omar Reyes", "", "We are ready.", ""}}},
		{"statement on an account", "A statement on Mr Vance’s website said: “We disagree.”\n\nJ D Vance spoke later.",
			[]want{{"Vance", "", "We disagree.", ""}}},
		{"scare quotes have no speaker", "The so-called “coalition of the willing” met in Paris.", nil},
		{"an empty quotation", "He said “ ” and left.", nil},
		{"no quotation", "Nothing was said.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Extract(rag.Article{ID: "a", Text: tt.body})
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotations %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				q := got[i]
				if q.Speaker != w.speaker || q.Text != w.text || q.About != w.about || (w.role != "" && q.Role != w.role) {
					t.Errorf("quotation %d: got speaker %q role %q text %q about %q, want %q %q %q %q",
						i, q.Speaker, q.Role, q.Text, q.About, w.speaker, w.role, w.text, w.about)
				}
				if tt.body[q.Start:q.Start+len(q.Text)] != q.Text {
					t.Errorf("quotation %d: Start %d does not point at its text", i, q.Start)
				}
			}
		})
	}
}

func TestExtractQuotesMarksResolvedSpeakers(t *testing.T) {
	body := "Dana Frost said the vote was “a disgrace”.\n\nShe added: “We will appeal.”"
	qs := quote.Extract(rag.Article{Text: body})
	if len(qs) != 2 {
		t.Fatalf("got %+v", qs)
	}
	if qs[0].Pronoun || qs[0].Mention != "" {
		t.Errorf("a named speaker is marked resolved: %+v", qs[0])
	}
	if !qs[1].Pronoun || qs[1].Mention != "She" {
		t.Errorf("a pronoun speaker is not marked: %+v", qs[1])
	}
}

func TestNamesMatch(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Bolton", "John Bolton", true},
		{"Starmer", "Sir Keir Starmer", true},
		{"Sir Keir", "Sir Keir Starmer", true},
		{"Mr Zelenskyy", "Volodymyr Zelenskyy", true},
		{"Zelensky", "Volodymyr Zelenskyy", true},
		{"zelenskyy", "Zelenskyy", true},
		{"Downing Street", "A Downing Street spokesperson", true},
		{"Trump", "Donald Trump", true},
		{"Starmer", "Sir Keir", false},
		{"Bolton", "John Coale", false},
		{"President", "French President Emmanuel Macron", false},
		{"", "John Bolton", false},
	}
	for _, tt := range tests {
		if got := quote.NamesMatch(tt.a, tt.b); got != tt.want {
			t.Errorf("NamesMatch(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// The examples: Bolton's warning, Trump's Truth Social post,
// Macron's post on X, and Starmer's words as Downing Street relayed them.
func TestQuotesSurviveTheSnapshot(t *testing.T) {
	dir := t.TempDir()
	arts := seedtest.Articles(t)
	ix, err := search.Open(search.NewLocalEmbedder(), search.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(context.Background(), arts, search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	before := ix.Quotes()
	if len(before) < 20 {
		t.Fatalf("only %d quotations indexed", len(before))
	}
	for i := 1; i < len(before); i++ {
		if before[i].Published.After(before[i-1].Published) {
			t.Fatalf("quotations not newest first: %v after %v", before[i].Published, before[i-1].Published)
		}
	}
	again, err := search.Open(search.NewLocalEmbedder(), search.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	after := again.Quotes()
	if !reflect.DeepEqual(before, after) {
		t.Errorf("quotations changed on reload:\nbefore %+v\nafter  %+v", before, after)
	}
	speakers := again.Speakers()
	for _, want := range []string{"John Bolton", "Sir Keir Starmer", "Volodymyr Zelenskyy", "Emmanuel Macron", "Donald Trump"} {
		if !slices.Contains(speakers, want) {
			t.Errorf("Speakers() = %q lacks %q", speakers, want)
		}
	}
	for _, short := range []string{"Zelenskyy", "Sir Keir", "Trump"} {
		if slices.Contains(speakers, short) {
			t.Errorf("Speakers() lists %q beside the full name: %q", short, speakers)
		}
	}
	if !slices.IsSortedFunc(speakers, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("Speakers() not sorted: %q", speakers)
	}
}

func FuzzExtractQuotes(f *testing.F) {
	for _, a := range seedtest.Articles(f) {
		f.Add(a.Text)
	}
	for _, s := range []string{
		"“", "”", `"`, "“”", "““””", "He said: “", "“a\n\n“b\n\n“c”", `x "y" z "`, "said: “é”, said",
		"Mr Zelenskyy‘s spokesman said “x”.", "“\xff”, X said", "A, B, C, said “q”", ", said “,” said ,",
		// A name that is all courtesy title and article ("Dame The", where a
		// line with no full stop runs into the next sentence) has no words
		// to compare; it crashed ingestion once.
		"1990 - 1994: Academy of Notre Dame The budget rose 4 percent. Mayor Ana Ruiz called it “a good day,” in a statement. Ruiz said “more” later.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, q := range quote.Extract(rag.Article{ID: "f", Text: body, Published: time.Unix(0, 0)}) {
			if q.Text == "" || q.Speaker == "" {
				t.Fatalf("empty quotation or speaker: %+v", q)
			}
			if !strings.Contains(body, q.Text) || q.Start < 0 || q.Start+len(q.Text) > len(body) || body[q.Start:q.Start+len(q.Text)] != q.Text {
				t.Fatalf("quotation %q is not the input's text at %d", q.Text, q.Start)
			}
		}
	})
}

// BenchmarkExtract extracts the quotations of the five seed articles (about
// 4 KB each), so a figure per article is the time divided by five.
func BenchmarkExtract(b *testing.B) {
	arts := seedtest.Articles(b)
	quote.Extract(arts[0]) // the lexicon's tables load once, outside the timing
	b.ResetTimer()
	for range b.N {
		for _, a := range arts {
			quote.Extract(a)
		}
	}
}
