package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/rag"
)

// fakeIntelligence is an Intelligence whose results each test sets. It
// records what it was asked.
type fakeIntelligence struct {
	mu       sync.Mutex
	quotes   []rag.Quote
	speakers []string
	timeline []rag.TimelineEntry
	cmp      rag.Comparison
	digest   rag.Answer
	err      error
	// speakersGate, when set, holds Speakers until it is closed, as a
	// large index would.
	speakersGate chan struct{}

	asked         []string // "quotes person|topic", "timeline topic", …
	speakerLookup int
	sinces        []time.Time
}

var _ Intelligence = (*fakeIntelligence)(nil)

func (f *fakeIntelligence) record(s string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, s)
	return f.err
}

func (f *fakeIntelligence) Quotes(_ context.Context, person, topic string) ([]rag.Quote, error) {
	if err := f.record("quotes " + person + "|" + topic); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.quotes), nil
}

func (f *fakeIntelligence) Speakers(ctx context.Context) ([]string, error) {
	if f.speakersGate != nil {
		select {
		case <-f.speakersGate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.speakerLookup++
	return slices.Clone(f.speakers), nil
}

func (f *fakeIntelligence) Timeline(_ context.Context, topic string, _ time.Time) ([]rag.TimelineEntry, error) {
	if err := f.record("timeline " + topic); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.timeline), nil
}

func (f *fakeIntelligence) Compare(_ context.Context, topic string) (rag.Comparison, error) {
	if err := f.record("compare " + topic); err != nil {
		return rag.Comparison{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cmp, nil
}

func (f *fakeIntelligence) Digest(_ context.Context, since time.Time) (rag.Answer, error) {
	if err := f.record("digest"); err != nil {
		return rag.Answer{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sinces = append(f.sinces, since)
	return f.digest, nil
}

func (f *fakeIntelligence) questions() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.asked)
}

// withIntelligence starts the bot with intel as its Intelligence.
func withIntelligence(intel *fakeIntelligence) harnessOption {
	return func(_ *Config, o *Options) { o.Intelligence = intel }
}

// slash sends a command from a reader in the general channel and returns
// the interaction's token.
func (h *harness) slash(name string, opts ...fakediscord.Option) string {
	_, token := h.fake.SendInteraction(fakediscord.Interaction{
		GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: name, Options: opts,
	})
	return token
}

func strOpt(name, value string) fakediscord.Option {
	return fakediscord.Option{Name: name, Type: fakediscord.OptionString, Value: value}
}

// autocomplete sends an autocomplete request with the named option focused
// and returns the choices' values.
func (h *harness) autocomplete(name, option, typed string) []any {
	h.t.Helper()
	_, token := h.fake.SendInteraction(fakediscord.Interaction{
		Type: fakediscord.InteractionAutocomplete, GuildID: guildID, ChannelID: channelID, UserID: readerID, Name: name,
		Options: []fakediscord.Option{{Name: option, Type: fakediscord.OptionString, Value: typed, Focused: true}},
	})
	cb := h.callback(token)
	if cb.Type != 8 {
		h.t.Fatalf("autocomplete answered with type %d, want 8", cb.Type)
	}
	var values []any
	for _, c := range cb.Choices {
		values = append(values, c.Value)
	}
	return values
}

// answerBodies waits for the answer of an interaction to be complete (the
// message with the feedback buttons) and returns all its messages in order.
func (h *harness) answerBodies(token string) []fakediscord.MessageBody {
	h.t.Helper()
	h.waitCall("the finished answer of "+token, func(c fakediscord.Call) bool {
		b, err := c.Message()
		return strings.Contains(c.Route, token) && c.Status < 300 && err == nil && hasFeedback(b)
	})
	var out []fakediscord.MessageBody
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.InteractionToken == token {
			if err := checkReply(toReply(m.MessageBody)); err != nil {
				h.t.Errorf("a message breaks Discord's limits: %v", err)
			}
			out = append(out, m.MessageBody)
		}
	}
	return out
}

// interactionMessages waits until an interaction's response or a follow-up
// shows last, the end of the reply (its parts are posted in order), and
// returns the reply's messages in order.
func (h *harness) interactionMessages(token, last string) []fakediscord.MessageBody {
	h.t.Helper()
	h.waitCall("the end of the reply to "+token, func(c fakediscord.Call) bool {
		b, err := c.Message()
		return strings.Contains(c.Route, token) && c.Status < 300 && err == nil && strings.Contains(b.Text(), last)
	})
	var out []fakediscord.MessageBody
	for _, m := range h.fake.BotMessagesIn(channelID) {
		if m.InteractionToken == token {
			out = append(out, m.MessageBody)
		}
	}
	return out
}

func bodiesText(bodies []fakediscord.MessageBody) string {
	var parts []string
	for _, b := range bodies {
		parts = append(parts, b.Text())
	}
	return strings.Join(parts, "\n")
}

var (
	feb14 = time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC)
	apr26 = time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)
)

func seedQuotes() []rag.Quote {
	munich := rag.Quote{ArticleID: "munich", Title: "Bolton warns over ‘endless concessions’ to Moscow", Outlet: "Sky News",
		URL: "https://news.sky.com/story/munich", Published: feb14}
	call := rag.Quote{ArticleID: "starmer-call", Title: "Starmer tells Zelenskyy", Outlet: "Sky News", Published: feb14}
	q1 := munich
	q1.Speaker, q1.Role, q1.Text = "John Bolton", "former US national security adviser", "Endless concessions to Moscow will not buy peace."
	q2 := munich
	q2.Speaker, q2.Role, q2.Text, q2.Mention, q2.Pronoun = "John Bolton", "former US national security adviser",
		"It is a mistake.\n\n“Europe must step up,” he said at length", "He", true
	q3 := call
	q3.Speaker, q3.About, q3.Text = "A Downing Street spokesperson", "Sir Keir Starmer", "no talks about Ukraine, without Ukraine"
	return []rag.Quote{q1, q2, q3}
}

func TestQuotesAreVerbatimCitedAndRelayedWordsStayTheSpeakers(t *testing.T) {
	t.Parallel()
	intel := &fakeIntelligence{quotes: seedQuotes()}
	h := startBot(t, Config{}, withIntelligence(intel))
	token := h.slash("quotes", strOpt("person", "Bolton"), strOpt("topic", "  Moscow\u200b "))
	if cb := h.callback(token); cb.Type != 5 || cb.Data.Ephemeral() {
		t.Fatalf("callback %d ephemeral=%v, want a public deferral", cb.Type, cb.Data.Ephemeral())
	}
	bodies := h.answerBodies(token)
	if len(bodies) != 1 || len(bodies[0].Embeds) != 1 {
		t.Fatalf("answer = %+v, want one embed", bodies)
	}
	e := bodies[0].Embeds[0]
	if e.Title != "Quotes from Bolton on Moscow" {
		t.Errorf("title = %q", e.Title)
	}
	wantDesc := "**John Bolton**, former US national security adviser:\n> “Endless concessions to Moscow will not buy peace.” [1]\n\n" +
		"**John Bolton**, former US national security adviser (the article says “He”):\n> “It is a mistake.\n> “Europe must step up,” he said at length” [1]\n\n" +
		"**A Downing Street spokesperson**, about Sir Keir Starmer:\n> “no talks about Ukraine, without Ukraine” [2]"
	if e.Description != wantDesc {
		t.Errorf("description =\n%s\nwant\n%s", e.Description, wantDesc)
	}
	if strings.Contains(e.Description, "**Sir Keir Starmer**") {
		t.Error("Downing Street's words are shown as Starmer's own")
	}
	wantSources := "[1] [Bolton warns over ‘endless concessions’ to Moscow](https://news.sky.com/story/munich) — Sky News, 14 Feb 2025\n" +
		"[2] Starmer tells Zelenskyy — Sky News, 14 Feb 2025"
	if len(e.Fields) != 1 || e.Fields[0].Value != wantSources {
		t.Errorf("sources = %+v, want\n%s", e.Fields, wantSources)
	}
	if e.Footer == nil || e.Footer.Text != "As of 14 Feb 2025" {
		t.Errorf("footer = %+v", e.Footer)
	}
	if got := intel.questions(); !slices.Equal(got, []string{"quotes Bolton|Moscow"}) {
		t.Errorf("intelligence asked %q", got)
	}
	h.assertNoPings()
}

func TestQuotesOfNobodyListTheSpeakers(t *testing.T) {
	t.Parallel()
	intel := &fakeIntelligence{speakers: []string{"John Bolton", "Emmanuel Macron", "@everyone"}}
	h := startBot(t, Config{}, withIntelligence(intel))
	text := bodiesText(h.answerBodies(h.slash("quotes", strOpt("person", "Boltin"))))
	for _, want := range []string{"I found no quotes from “Boltin” in the coverage.", "John Bolton, Emmanuel Macron, @\u200beveryone."} {
		if !strings.Contains(text, want) {
			t.Errorf("reply lacks %q:\n%s", want, text)
		}
	}
	h.assertNoPings()
}

func TestManyQuotesAreCountedNotDropped(t *testing.T) {
	t.Parallel()
	var quotes []rag.Quote
	for i := range maxQuotesShown + 4 {
		quotes = append(quotes, rag.Quote{Speaker: "Donald Trump", Text: fmt.Sprintf("Quote number %d. %s", i, strings.Repeat("Words words. ", 60)),
			ArticleID: fmt.Sprintf("a%d", i), Title: fmt.Sprintf("Article %d", i), Outlet: "Sky News", Published: apr26})
	}
	intel := &fakeIntelligence{quotes: quotes}
	h := startBot(t, Config{}, withIntelligence(intel))
	bodies := h.answerBodies(h.slash("quotes", strOpt("person", "Trump")))
	if len(bodies) < 2 {
		t.Errorf("%d messages for %d long quotes, want the answer split", len(bodies), maxQuotesShown)
	}
	text := bodiesText(bodies)
	for i := range maxQuotesShown {
		if !strings.Contains(text, fmt.Sprintf("“Quote number %d. ", i)) {
			t.Errorf("quote %d missing", i)
		}
	}
	if strings.Contains(text, fmt.Sprintf("Quote number %d.", maxQuotesShown)) {
		t.Error("more quotes shown than the limit")
	}
	if !strings.Contains(text, "…and 4 more. Add a topic to narrow them down.") {
		t.Errorf("the quotes left out are not counted:\n%s", text[len(text)-300:])
	}
}

func TestSpeakerAutocomplete(t *testing.T) {
	t.Parallel()
	intel := &fakeIntelligence{speakers: []string{"A Downing Street spokesperson", "Emmanuel Macron", "John Bolton", "Sir Keir Starmer",
		"Volodymyr Zelenskyy", "Yuri Ushakov"}}
	h := startBot(t, Config{}, withIntelligence(intel))
	for _, tc := range []struct {
		typed string
		want  []any
	}{
		// A word of the name starting with what was typed comes first,
		// then names that merely contain it.
		{"bol", []any{"John Bolton"}},
		{"S", []any{"A Downing Street spokesperson", "Sir Keir Starmer", "Volodymyr Zelenskyy", "Yuri Ushakov"}},
		{"kov", []any{"Yuri Ushakov"}},
		{"", []any{"A Downing Street spokesperson", "Emmanuel Macron", "John Bolton", "Sir Keir Starmer", "Volodymyr Zelenskyy", "Yuri Ushakov"}},
		{"nobody", nil},
	} {
		if got := h.autocomplete("quotes", "person", tc.typed); !slices.Equal(got, tc.want) {
			t.Errorf("typed %q: choices %v, want %v", tc.typed, got, tc.want)
		}
	}
	intel.mu.Lock()
	defer intel.mu.Unlock()
	if intel.speakerLookup != 1 {
		t.Errorf("speakers listed %d times for 5 keystrokes, want once (cached)", intel.speakerLookup)
	}
}

// Listing the speakers of a large index takes longer than Discord waits for
// choices: the first keystrokes get none, in time, and the list serves the
// ones after it is made.
func TestSlowSpeakerListDoesNotHoldUpAutocomplete(t *testing.T) {
	t.Parallel()
	gate := make(chan struct{})
	intel := &fakeIntelligence{speakers: []string{"John Bolton"}, speakersGate: gate}
	h := startBot(t, Config{}, withIntelligence(intel))
	if got := h.autocomplete("quotes", "person", "bol"); len(got) != 0 {
		t.Errorf("choices before the list was made: %v", got)
	}
	close(gate)
	if got := h.autocomplete("quotes", "person", "bol"); !slices.Equal(got, []any{"John Bolton"}) {
		t.Errorf("choices once the list is made: %v", got)
	}
	intel.mu.Lock()
	defer intel.mu.Unlock()
	if intel.speakerLookup != 1 {
		t.Errorf("speakers listed %d times, want once", intel.speakerLookup)
	}
}

func TestNameChoicesStayWithinDiscordLimits(t *testing.T) {
	t.Parallel()
	var names []string
	for i := range 40 {
		names = append(names, fmt.Sprintf("Speaker %02d", i))
	}
	names = append(names, strings.Repeat("Long", 30), "", "Speaker 01")
	got := nameChoices(names, "speaker")
	if len(got) != maxChoices {
		t.Fatalf("%d choices, want %d", len(got), maxChoices)
	}
	for _, c := range got {
		if n := len([]rune(c.Name)); n == 0 || n > maxChoiceChars {
			t.Errorf("choice %q breaks the length limit", c.Name)
		}
	}
	if got[0].Value != "Speaker 00" || got[1].Value != "Speaker 01" || got[2].Value != "Speaker 02" {
		t.Errorf("choices out of order or duplicated: %v %v %v", got[0].Value, got[1].Value, got[2].Value)
	}
}

func TestTimelineIsDatedInOrderWithUpdatesMarked(t *testing.T) {
	t.Parallel()
	cite := func(n int, id string, day time.Time) rag.Citation {
		return rag.Citation{N: n, Passage: rag.Passage{ArticleID: id, Title: "Report " + id, Outlet: "Sky News",
			URL: "https://news.example/" + id, Published: day}}
	}
	intel := &fakeIntelligence{timeline: []rag.TimelineEntry{
		{Date: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), Precision: rag.PrecisionMonth, Approx: true, DateText: "in February",
			Text: "Mr Trump and Mr Zelenskyy clashed in the Oval Office.", Citation: cite(1, "uk-pushes-back", feb14)},
		{Date: feb14, Precision: rag.PrecisionDay, DateText: "early on Friday",
			Text: "Sir Keir spoke to Mr Zelenskyy by phone; 12 *officials* joined.", Citation: cite(2, "starmer-call", feb14)},
		{Date: apr26, Precision: rag.PrecisionDay, DateText: "published",
			Text: "They met for 15 minutes in St Peter's Basilica.", Citation: cite(3, "basilica", apr26)},
		{Date: apr26, Precision: rag.PrecisionDay, DateText: "published", Update: true, Revises: 3,
			Text: "They met for about 20 minutes in St Peter's Basilica.", Citation: cite(4, "pictures", apr26)},
	}}
	h := startBot(t, Config{}, withIntelligence(intel))
	bodies := h.answerBodies(h.slash("timeline", strOpt("topic", "Trump Zelenskyy")))
	e := bodies[0].Embeds[0]
	if e.Title != "Timeline: Trump Zelenskyy" {
		t.Errorf("title = %q", e.Title)
	}
	want := "`Feb 2025` Mr Trump and Mr Zelenskyy clashed in the Oval Office. [1]\n" +
		"`14 Feb 2025` Sir Keir spoke to Mr Zelenskyy by phone; 12 \\*officials\\* joined. [2]\n" +
		"`26 Apr 2025` They met for 15 minutes in St Peter's Basilica. [3]\n" +
		"`26 Apr 2025` 🔄 **Update to [3]:** They met for about 20 minutes in St Peter's Basilica. [4]"
	if e.Description != want {
		t.Errorf("description =\n%s\nwant\n%s", e.Description, want)
	}
	if n := strings.Count(e.Fields[0].Value, "\n") + 1; n != 4 {
		t.Errorf("%d sources, want one per entry", n)
	}
	if got := intel.questions(); !slices.Equal(got, []string{"timeline Trump Zelenskyy"}) {
		t.Errorf("intelligence asked %q", got)
	}

	intel.mu.Lock()
	intel.timeline = nil
	intel.mu.Unlock()
	text := bodiesText(h.answerBodies(h.slash("timeline", strOpt("topic", "cricket"))))
	if !strings.Contains(text, "The coverage has no dated events about “cricket”.") {
		t.Errorf("empty timeline reply = %q", text)
	}
}

func TestCompareShowsFirstReportsUniqueFactsAndFraming(t *testing.T) {
	t.Parallel()
	c := func(n int, id, outlet string, day time.Time) rag.Citation {
		return rag.Citation{N: n, Passage: rag.Passage{ArticleID: id, Title: "Bridge report " + id, Outlet: outlet, URL: "https://" + id + ".example/", Published: day}}
	}
	day := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	cites := []rag.Citation{c(1, "gazette", "Harbour Gazette", day), c(2, "courier", "Valley Courier", day.AddDate(0, 0, 1))}
	intel := &fakeIntelligence{cmp: rag.Comparison{
		Topic: "Kessel Bridge collapse", Mode: rag.ModeLLM,
		Outlets: []rag.OutletCoverage{
			{Outlet: "Harbour Gazette", First: day, Articles: []rag.ArticleInfo{{ID: "gazette", Title: "Kessel Bridge falls", URL: "https://gazette.example/"}},
				Sources: cites[:1], Unique: []rag.Fact{{Text: "Engineers had flagged 14 cracks in 2023.", Citation: cites[0]}}},
			{Outlet: "Valley Courier", First: day.AddDate(0, 0, 1), Articles: []rag.ArticleInfo{{ID: "courier", Title: "Commuters stranded"}}, Sources: cites[1:2]},
		},
		Framing:   "The Gazette framed it as neglect [1]; the Courier as a commuting story [2].",
		Citations: cites,
	}}
	h := startBot(t, Config{}, withIntelligence(intel))
	bodies := h.answerBodies(h.slash("compare", strOpt("topic", "Kessel Bridge collapse")))
	desc := bodies[0].Embeds[0].Description
	want := "**Who reported it first**\n" +
		"1. **Harbour Gazette** — 3 Mar 2025, 1 article: [Kessel Bridge falls](https://gazette.example/) [1]\n" +
		"2. **Valley Courier** — 4 Mar 2025, 1 article: Commuters stranded [2]\n\n" +
		"**Only in Harbour Gazette**\n• Engineers had flagged 14 cracks in 2023. [1]\n\n" +
		"**Only in Valley Courier**\n_Nothing the others do not also report._\n\n" +
		"**How they framed it**\nThe Gazette framed it as neglect [1]; the Courier as a commuting story [2]."
	if desc != want {
		t.Errorf("description =\n%s\nwant\n%s", desc, want)
	}
	if got := bodies[0].Embeds[0].Fields[0].Value; !strings.Contains(got, "[2] [Bridge report courier](https://courier.example/) — Valley Courier, 4 Mar 2025") {
		t.Errorf("sources = %q", got)
	}

	for _, tc := range []struct {
		name string
		cmp  rag.Comparison
		want string
	}{
		{"one outlet", rag.Comparison{Outlets: intel.cmp.Outlets[:1], Citations: cites[:1]}, "Only Harbour Gazette covered this story, so there is nothing to compare."},
		{"nothing", rag.Comparison{}, "The coverage has nothing on “cricket”."},
		{"framing dropped", rag.Comparison{Outlets: intel.cmp.Outlets, Citations: cites, Dropped: []string{"An unsupported claim."}},
			"could not be checked against the articles, so it is not shown"},
	} {
		intel.mu.Lock()
		intel.cmp = tc.cmp
		intel.mu.Unlock()
		if text := bodiesText(h.answerBodies(h.slash("compare", strOpt("topic", "cricket")))); !strings.Contains(text, tc.want) {
			t.Errorf("%s: reply lacks %q:\n%s", tc.name, tc.want, text)
		}
	}
}

func TestDigestSinceChoicesAndRefusals(t *testing.T) {
	t.Parallel()
	intel := &fakeIntelligence{digest: rag.Answer{Text: "Trump and Zelenskyy met in Rome [1].",
		Citations: sampleAnswer("").Citations[:1], AsOf: publishedDay, Mode: rag.ModeExtractive}}
	h := startBot(t, Config{}, withIntelligence(intel))
	now := h.clock.Now()

	for _, tc := range []struct {
		since     string
		wantSince time.Time
		title     string
	}{
		{"", now.Add(-24 * time.Hour), "What's new since 30 Apr 2025 12:00 UTC"},
		{"7d", now.AddDate(0, 0, -7), "What's new since 24 Apr 2025 12:00 UTC"},
		{"2025-04-20", time.Date(2025, 4, 20, 0, 0, 0, 0, time.UTC), "What's new since 20 Apr 2025"},
	} {
		var opts []fakediscord.Option
		if tc.since != "" {
			opts = append(opts, strOpt("since", tc.since))
		}
		bodies := h.answerBodies(h.slash("digest", opts...))
		e := bodies[0].Embeds[0]
		if e.Title != tc.title || !strings.Contains(e.Description, "met in Rome [1]") {
			t.Errorf("since %q: title %q, description %q", tc.since, e.Title, e.Description)
		}
		intel.mu.Lock()
		got := intel.sinces[len(intel.sinces)-1]
		intel.mu.Unlock()
		if !got.Equal(tc.wantSince) {
			t.Errorf("since %q: digest asked from %v, want %v", tc.since, got, tc.wantSince)
		}
	}

	// Bad input is refused at once, privately, and costs nothing.
	before := len(intel.questions())
	for since, want := range map[string]string{
		"yesterday":  "couldn't read “yesterday” as a time",
		"2099-01-01": "is in the future",
		"0d":         "couldn't read “0d”",
	} {
		cb := h.callback(h.slash("digest", strOpt("since", since)))
		if cb.Type != 4 || !cb.Data.Ephemeral() || !strings.Contains(cb.Data.Content, want) {
			t.Errorf("since %q: callback %d %q, want a private refusal with %q", since, cb.Type, cb.Data.Content, want)
		}
	}
	if len(intel.questions()) != before {
		t.Error("a refused digest reached the coverage")
	}

	if got := h.autocomplete("digest", "since", ""); !slices.Equal(got, []any{"1d", "7d"}) {
		t.Errorf("empty since: choices %v", got)
	}
	if got := h.autocomplete("digest", "since", "12h"); !slices.Equal(got, []any{"12h", "1d", "7d"}) {
		t.Errorf("since 12h: choices %v", got)
	}
	if got := h.autocomplete("digest", "since", "soon"); !slices.Equal(got, []any{"1d", "7d"}) {
		t.Errorf("unreadable since: choices %v", got)
	}
}

func TestIntelligenceCommandsShareAskLimitsAndErrors(t *testing.T) {
	t.Parallel()
	intel := &fakeIntelligence{err: errLLMDown}
	h := startBot(t, Config{UserRate: 1, UserRateWindow: time.Minute}, withIntelligence(intel))
	id, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: readerID,
		Name: "compare", Options: []fakediscord.Option{strOpt("topic", "Rome")}})
	final := h.finalEdit(token)
	if !strings.HasPrefix(final.Content, "Sorry — ") || !strings.Contains(final.Content, "(ref "+id+")") || strings.Contains(final.Content, "127.0.0.1") {
		t.Errorf("failure reply = %q, want a short apology with the request id", final.Content)
	}
	if !strings.Contains(h.logs.String(), "connection refused") {
		t.Error("the cause is not in the log")
	}
	cb := h.callback(h.slash("timeline", strOpt("topic", "Rome")))
	if cb.Type != 4 || !strings.Contains(cb.Data.Content, "You're asking quickly") {
		t.Errorf("second question within the window: %d %q, want the rate-limit refusal", cb.Type, cb.Data.Content)
	}
	if n := len(intel.questions()); n != 1 {
		t.Errorf("intelligence asked %d times, want 1", n)
	}
}

func TestIntelligenceCommandsWithoutIntelligenceSaySo(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{})
	for _, c := range []struct {
		name string
		opt  fakediscord.Option
	}{
		{"quotes", strOpt("person", "Bolton")},
		{"timeline", strOpt("topic", "Rome")},
		{"compare", strOpt("topic", "Rome")},
		{"digest", strOpt("since", "1d")},
	} {
		cb := h.callback(h.slash(c.name, c.opt))
		if cb.Type != 4 || !cb.Data.Ephemeral() || cb.Data.Content != msgNoIntelligence {
			t.Errorf("/%s: %d %q, want the not-enabled refusal", c.name, cb.Type, cb.Data.Content)
		}
	}
	if got := h.autocomplete("quotes", "person", "bol"); len(got) != 0 {
		t.Errorf("choices without intelligence: %v", got)
	}
}

func TestFeedsIsForAdminsAndFitsDiscord(t *testing.T) {
	t.Parallel()
	var (
		mu    sync.Mutex
		feeds []FeedStatus
	)
	h := startBot(t, Config{}, func(_ *Config, o *Options) {
		o.Feeds = func() []FeedStatus {
			mu.Lock()
			defer mu.Unlock()
			return slices.Clone(feeds)
		}
	})
	feedsAs := func(user, perms, last string) (fakediscord.InteractionCallback, []fakediscord.MessageBody) {
		_, token := h.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: user,
			Name: "feeds", MemberPermissions: perms})
		cb := h.callback(token)
		if cb.Type != 5 {
			return cb, nil
		}
		if !cb.Data.Ephemeral() {
			t.Error("/feeds was answered publicly")
		}
		return cb, h.interactionMessages(token, last)
	}

	if cb, _ := feedsAs(readerID, "0", ""); cb.Type != 4 || !strings.Contains(cb.Data.Content, "server admins") {
		t.Errorf("non-admin: %d %q, want a refusal", cb.Type, cb.Data.Content)
	}
	if _, bodies := feedsAs(adminUserID, "32", "No feeds"); !strings.Contains(bodiesText(bodies), "No feeds are configured") {
		t.Errorf("no feeds: %q", bodiesText(bodies))
	}

	last := time.Date(2025, 4, 26, 9, 0, 0, 0, time.UTC)
	mu.Lock()
	feeds = []FeedStatus{
		{URL: "https://news.example/rss", LastSuccess: last, Articles: 12, NextPoll: last.Add(15 * time.Minute)},
		{URL: "https://down.example/atom", LastError: "fetch https://down.example/atom: 503 Service Unavailable <@&500>", Failures: 3, Articles: 1},
		{URL: "https://new.example/feed"},
	}
	mu.Unlock()
	_, bodies := feedsAs(adminUserID, "32", "new.example")
	text := bodiesText(bodies)
	for _, want := range []string{
		"Feeds (3)",
		fmt.Sprintf("**1.** `https://news.example/rss`\n✅ Last success <t:%d:R> · 12 articles · next poll <t:%d:R>", last.Unix(), last.Add(15*time.Minute).Unix()),
		"**2.** `https://down.example/atom`\n⚠️ Failing (3 polls in a row): fetch <https://down.example/atom>: 503 Service Unavailable <@\u200b&500>\nNever polled successfully · 1 article",
		"**3.** `https://new.example/feed`\n⏳ Not polled yet · 0 articles",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/feeds lacks %q:\n%s", want, text)
		}
	}

	// Many feeds with long errors are split over embeds and messages, and
	// every feed is still listed.
	mu.Lock()
	feeds = nil
	for i := range 60 {
		feeds = append(feeds, FeedStatus{URL: fmt.Sprintf("https://feed%02d.example/%s", i, strings.Repeat("x", 80)),
			LastError: strings.Repeat("timeout ", 60), Failures: i + 1})
	}
	mu.Unlock()
	_, bodies = feedsAs(adminUserID, "32", "feed59.example")
	if len(bodies) < 2 {
		t.Errorf("60 feeds fit in %d message(s); expected a split", len(bodies))
	}
	text = bodiesText(bodies)
	for i := range 60 {
		if !strings.Contains(text, fmt.Sprintf("`https://feed%02d.example/", i)) {
			t.Errorf("feed %d missing from the split list", i)
		}
	}
	for _, b := range bodies {
		if err := checkReply(toReply(b)); err != nil {
			t.Errorf("a /feeds message breaks the limits: %v", err)
		}
	}

	// A process without a poller says so.
	h2 := startBot(t, Config{})
	_, token := h2.fake.SendInteraction(fakediscord.Interaction{GuildID: guildID, ChannelID: channelID, UserID: adminUserID,
		Name: "feeds", MemberPermissions: "32"})
	if cb := h2.callback(token); cb.Type != 4 || !strings.Contains(cb.Data.Content, "does not poll feeds") {
		t.Errorf("without feeds: %d %q", cb.Type, cb.Data.Content)
	}
}

func TestAnnounceNewArticles(t *testing.T) {
	t.Parallel()
	h := startBot(t, Config{AnnounceChannel: otherChanID})
	// waitPost waits for the announcement that shows text.
	waitPost := func(text string) []fakediscord.SentMessage {
		t.Helper()
		h.waitCall("announcement of "+text, func(c fakediscord.Call) bool {
			b, err := c.Message()
			return c.Method == "POST" && c.Route == "/channels/"+otherChanID+"/messages" && c.Status < 300 &&
				err == nil && strings.Contains(b.Text(), text)
		})
		return h.fake.BotMessagesIn(otherChanID)
	}

	one := rag.ArticleInfo{ID: "rome", Title: "Trump and Zelenskyy meet in Rome @everyone", Outlet: "Sky News",
		URL: "https://news.sky.com/story/rome", Published: publishedDay}
	h.bot.Announce([]rag.ArticleInfo{one})
	msgs := waitPost("meet in Rome")
	e := msgs[0].Embeds[0]
	if e.Author == nil || e.Author.Name != "New in the coverage" || e.Title != "Trump and Zelenskyy meet in Rome @\u200beveryone" ||
		e.URL != one.URL || e.Description != "Sky News · 26 Apr 2025" {
		t.Errorf("single announcement = %+v", e)
	}

	h.bot.Announce(someArticles(3))
	msgs = waitPost("3 new articles")
	e = msgs[1].Embeds[0]
	if e.Title != "3 new articles in the coverage" || strings.Count(e.Description, "\n") != 2 ||
		!strings.HasPrefix(e.Description, "`26 Apr 2025` [Report number 00 on the talks](https://news.example/0) — Sky News") {
		t.Errorf("batched announcement = %q / %q", e.Title, e.Description)
	}

	h.bot.Announce(someArticles(maxAnnounced + 25))
	msgs = waitPost(fmt.Sprintf("%d new articles", maxAnnounced+25))
	text := msgs[2].Text()
	if !strings.Contains(text, fmt.Sprintf("%d new articles", maxAnnounced+25)) || !strings.Contains(text, "…and 25 more: see /sources.") {
		t.Errorf("a long batch does not count what it leaves out:\n%s", text)
	}
	if got := strings.Count(text, "Report number"); got != maxAnnounced {
		t.Errorf("%d articles listed, want %d", got, maxAnnounced)
	}
	h.assertNoPings()
	// Close waits for the announcer, so the count is final.
	if err := h.bot.Close(h.ctx); err != nil {
		t.Fatal(err)
	}
	if n := metricValue(t, h.bot.metrics.posts.WithLabelValues("announcement", "ok")); n != 3 {
		t.Errorf("announcements counted %v, want 3", n)
	}

	// Without a channel, Announce does nothing.
	quiet := startBot(t, Config{})
	quiet.bot.Announce(someArticles(2))
	if n := len(quiet.messageCalls()); n != 0 {
		t.Errorf("announced without a channel: %d calls", n)
	}
}

func TestPostDigest(t *testing.T) {
	t.Parallel()
	intel := &fakeIntelligence{digest: sampleAnswer("")}
	h := startBot(t, Config{DigestChannel: otherChanID}, withIntelligence(intel))
	since := time.Date(2025, 4, 21, 8, 0, 0, 0, time.UTC)
	posted, err := h.bot.PostDigest(h.ctx, since)
	if err != nil || !posted {
		t.Fatalf("PostDigest = %v, %v", posted, err)
	}
	msgs := h.fake.BotMessagesIn(otherChanID)
	if len(msgs) != 1 || msgs[0].Embeds[0].Title != "Digest: what's new since 21 Apr 2025 08:00 UTC" ||
		!strings.Contains(msgs[0].Text(), "[1] [Starmer speaks to Zelenskyy](https://news.sky.com/story/starmer-call)") {
		t.Fatalf("digest messages = %+v", msgs)
	}
	intel.mu.Lock()
	gotSince := intel.sinces[0]
	intel.digest = rag.Answer{Text: "Nothing new in the coverage since 21 April 2025.", Abstained: true}
	intel.mu.Unlock()
	if !gotSince.Equal(since) {
		t.Errorf("digest since %v, want %v", gotSince, since)
	}
	if posted, err := h.bot.PostDigest(h.ctx, since); err != nil || posted {
		t.Errorf("with nothing new: PostDigest = %v, %v; want nothing posted", posted, err)
	}
	if n := len(h.fake.BotMessagesIn(otherChanID)); n != 1 {
		t.Errorf("%d messages after an empty digest, want 1", n)
	}
	intel.mu.Lock()
	intel.err = errors.New("index closed")
	intel.mu.Unlock()
	if _, err := h.bot.PostDigest(h.ctx, since); err == nil || !strings.Contains(err.Error(), "index closed") {
		t.Errorf("a failing digest returned %v", err)
	}
	h.assertNoPings()

	if _, err := startBot(t, Config{}, withIntelligence(intel)).bot.PostDigest(h.ctx, since); err == nil {
		t.Error("PostDigest without a channel did not fail")
	}
}

func TestQuotesOfANameTwoPeopleShareListThem(t *testing.T) {
	t.Parallel()
	intel := &fakeIntelligence{err: &rag.AmbiguousPersonError{Person: "Hart", Candidates: []string{"Jill Hart", "Joe Hart"}}}
	h := startBot(t, Config{}, withIntelligence(intel))
	text := bodiesText(h.answerBodies(h.slash("quotes", strOpt("person", "Hart"))))
	if !strings.Contains(text, "“Hart” may mean more than one person the coverage quotes: **Jill Hart**, **Joe Hart**.") {
		t.Errorf("reply does not list the two Harts:\n%s", text)
	}
}
