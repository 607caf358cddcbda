package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// Intelligence is what the bot needs of the coverage for the questions
// beyond "what happened": who said what, in what order, how outlets differ,
// and what is new.
type Intelligence interface {
	// Quotes lists a person's quotations, newest article first; topic, when
	// set, keeps those on the topic.
	Quotes(ctx context.Context, person, topic string) ([]rag.Quote, error)
	// Speakers lists the people the coverage quotes, for autocompletion.
	Speakers(ctx context.Context) ([]string, error)
	// Timeline orders a story's events by date; a zero asOf means now.
	Timeline(ctx context.Context, topic string, asOf time.Time) ([]rag.TimelineEntry, error)
	// Compare says which outlets covered a story, when each did first, and
	// what only some of them report.
	Compare(ctx context.Context, topic string) (rag.Comparison, error)
	// Digest summarises, with citations, what was published since a time.
	Digest(ctx context.Context, since time.Time) (rag.Answer, error)
}

const msgNoIntelligence = "That command is not enabled on this bot."

// defaultSince is what /digest covers when no "since" is given.
const defaultSince = "1d"

// maxSinceChars bounds /digest's since option: "2025-04-20" or "12h".
const maxSinceChars = 20

// speakersTTL is how long the list of speakers is reused for autocomplete:
// every keystroke asks for choices, and listing the speakers walks every
// quotation in the index (on a large index, for far longer than Discord
// waits for choices).
const speakersTTL = time.Minute

// needIntelligence refuses, before acknowledging, a command the bot has no
// Intelligence for.
func (b *Bot) needIntelligence() error {
	if b.opts.Intelligence == nil {
		return &userError{msg: msgNoIntelligence}
	}
	return nil
}

// checkTopic cleans a topic and refuses an empty one with an example.
func checkTopic(raw, example string) (string, error) {
	t := cleanQuestion(raw)
	if t == "" {
		return "", userErrorf("Please give a topic, for example %s.", example)
	}
	return t, nil
}

func (b *Bot) quotesCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "quotes",
			Description: "What someone said in the coverage, word for word, each quote cited.",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "person", Description: "Who said it (pick from the list or type a name)",
					Required: true, Autocomplete: true, MinLength: intPtr(1), MaxLength: maxChoiceChars},
				{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "Only quotes on this topic",
					MaxLength: maxTopicChars},
			},
		},
		usage:  "`/quotes person:<name> [topic:<text>]` — what someone said, word for word, with the article each quote is from",
		costly: true,
		validate: func(a args) error {
			if err := b.needIntelligence(); err != nil {
				return err
			}
			if cleanQuestion(a.str("person")) == "" {
				return userErrorf("Please name someone, for example “Bolton”.")
			}
			return nil
		},
		run: func(ctx context.Context, call *commandCall) error {
			person, topic := cleanQuestion(call.args.str("person")), cleanQuestion(call.args.str("topic"))
			return b.runIntel(ctx, call, func(ctx context.Context) ([]reply, error) {
				title := "Quotes from " + person
				if topic != "" {
					title += " on " + topic
				}
				quotes, err := b.opts.Intelligence.Quotes(ctx, person, topic)
				var amb *rag.AmbiguousPersonError
				if errors.As(err, &amb) {
					ans := rag.Answer{Text: ambiguousPersonText(amb)}
					b.keepAnswer(call.i.ID, title, ans)
					return renderAnswer(answerView{Title: title, AnswerID: call.i.ID, FollowUp: b.threadable(call), Laidout: true}, ans), nil
				}
				if err != nil {
					return nil, fmt.Errorf("quotes: %w", err)
				}
				var speakers []string
				if len(quotes) == 0 {
					// Who is quoted helps with a misspelt name; without the
					// list the reply still says that nothing was found, so
					// it is not worth a long wait.
					listCtx, cancel := context.WithTimeout(ctx, autocompleteTimeout)
					speakers, err = b.speakerList(listCtx)
					cancel()
					if err != nil {
						b.log.Warn("list speakers", "interaction", call.i.ID, "err", err)
					}
				}
				ans := quotesAnswer(person, topic, quotes, speakers)
				b.keepAnswer(call.i.ID, title, ans)
				return renderAnswer(answerView{Title: title, AnswerID: call.i.ID, FollowUp: b.threadable(call), Laidout: true}, ans), nil
			})
		},
		complete: func(ctx context.Context, call *commandCall) ([]*discordgo.ApplicationCommandOptionChoice, error) {
			if call.args.focused != "person" || b.opts.Intelligence == nil {
				return nil, nil
			}
			names, err := b.speakerList(ctx)
			if err != nil {
				return nil, err
			}
			return nameChoices(names, call.args.str("person")), nil
		},
	}
}

func (b *Bot) timelineCommand() *command {
	return b.topicCommand(topicSpec{
		name:        "timeline",
		description: "The events of a story in date order, each cited.",
		option:      "The story, for example “Trump Zelenskyy”",
		usage:       "`/timeline topic:<text>` — a story's events in date order, with later reports that change a figure marked",
		example:     "“Trump Zelenskyy”",
		title:       "Timeline: ",
		answer: func(ctx context.Context, topic string) (rag.Answer, error) {
			entries, err := b.opts.Intelligence.Timeline(ctx, topic, time.Time{})
			if err != nil {
				return rag.Answer{}, fmt.Errorf("timeline: %w", err)
			}
			return timelineAnswer(topic, entries), nil
		},
	})
}

func (b *Bot) compareCommand() *command {
	return b.topicCommand(topicSpec{
		name:        "compare",
		description: "How the outlets covered a story: who was first, and what only some report.",
		option:      "The story to compare",
		usage:       "`/compare topic:<text>` — which outlets covered a story and when first, and the facts only some of them carry",
		example:     "“Trump Zelenskyy meeting”",
		title:       "Coverage compared: ",
		answer: func(ctx context.Context, topic string) (rag.Answer, error) {
			cmp, err := b.opts.Intelligence.Compare(ctx, topic)
			if err != nil {
				return rag.Answer{}, fmt.Errorf("compare: %w", err)
			}
			return compareAnswer(topic, cmp), nil
		},
	})
}

// topicSpec describes an intelligence command that takes one required
// topic and renders one cited answer about it.
type topicSpec struct {
	name, description, option, usage string
	example                          string // shown when the topic is refused
	title                            string // the answer's title, before the topic
	answer                           func(ctx context.Context, topic string) (rag.Answer, error)
}

func (b *Bot) topicCommand(spec topicSpec) *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        spec.name,
			Description: spec.description,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: spec.option,
					Required: true, MinLength: intPtr(1), MaxLength: maxTopicChars},
			},
		},
		usage:  spec.usage,
		costly: true,
		validate: func(a args) error {
			if err := b.needIntelligence(); err != nil {
				return err
			}
			_, err := checkTopic(a.str("topic"), spec.example)
			return err
		},
		run: func(ctx context.Context, call *commandCall) error {
			topic, err := checkTopic(call.args.str("topic"), spec.example)
			if err != nil {
				return err
			}
			return b.runIntel(ctx, call, func(ctx context.Context) ([]reply, error) {
				ans, err := spec.answer(ctx, topic)
				if err != nil {
					return nil, err
				}
				b.keepAnswer(call.i.ID, spec.title+topic, ans)
				return renderAnswer(answerView{Title: spec.title + topic, AnswerID: call.i.ID, FollowUp: b.threadable(call), Laidout: true}, ans), nil
			})
		},
	}
}

func (b *Bot) digestCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "digest",
			Description: "A cited summary of what is new in the coverage.",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "since",
					Description:  "How far back: 1d (the default), 7d, 12h, 2w, or a date such as 2025-04-20",
					Autocomplete: true, MaxLength: maxSinceChars},
			},
		},
		usage:  "`/digest [since:<1d|7d|date>]` — a cited summary of what is new (default: the last day)",
		costly: true,
		validate: func(a args) error {
			if err := b.needIntelligence(); err != nil {
				return err
			}
			_, err := b.parseSince(a.str("since"))
			return err
		},
		run: func(ctx context.Context, call *commandCall) error {
			since, err := b.parseSince(call.args.str("since"))
			if err != nil {
				return err
			}
			_, err = b.answer(ctx, question{
				id: call.i.ID, source: sourceSlash, userID: call.userID, guildID: call.i.GuildID,
				title: "What's new since " + sinceText(since), ticket: call.ticket, dest: call.reply, followUp: b.threadable(call),
				produce: func(ctx context.Context, _ func(string)) (rag.Answer, error) {
					a, err := b.opts.Intelligence.Digest(ctx, since)
					if err != nil {
						return rag.Answer{}, fmt.Errorf("digest: %w", err)
					}
					return a, nil
				},
			})
			return err
		},
		complete: func(ctx context.Context, call *commandCall) ([]*discordgo.ApplicationCommandOptionChoice, error) {
			if call.args.focused != "since" {
				return nil, nil
			}
			return b.sinceChoices(call.args.str("since")), nil
		},
	}
}

// parseSince reads /digest's since option against the bot's clock; empty
// means the last day.
func (b *Bot) parseSince(raw string) (time.Time, error) {
	s := cleanQuestion(raw)
	if s == "" {
		s = defaultSince
	}
	t, err := prose.ParseSince(s, b.opts.Now())
	if errors.Is(err, rag.ErrBadSince) {
		return time.Time{}, userErrorf("I couldn't read “%s” as a time: %s.", truncateText(s, maxSinceChars), rag.ErrBadSince)
	}
	if err != nil {
		return time.Time{}, err
	}
	if t.After(b.opts.Now()) {
		return time.Time{}, userErrorf("“%s” is in the future; a digest covers what came before now.", truncateText(s, maxSinceChars))
	}
	return t, nil
}

// sinceText shows the start of a digest: the day alone at midnight UTC
// (a date was given), else day and time.
func sinceText(t time.Time) string {
	t = t.UTC()
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return t.Format(dateLayout)
	}
	return t.Format(dateLayout + " 15:04 UTC")
}

// sinceChoices offers what was typed, when it reads as a time, before the
// two usual periods.
func (b *Bot) sinceChoices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	presets := []*discordgo.ApplicationCommandOptionChoice{
		{Name: "The last day (1d)", Value: "1d"},
		{Name: "The last week (7d)", Value: "7d"},
	}
	s := cleanQuestion(typed)
	if s == "" || s == "1d" || s == "7d" {
		return presets
	}
	t, err := b.parseSince(s)
	if err != nil {
		return presets
	}
	typedChoice := &discordgo.ApplicationCommandOptionChoice{Name: truncateText("Since "+sinceText(t)+" ("+s+")", maxChoiceChars), Value: s}
	return append([]*discordgo.ApplicationCommandOptionChoice{typedChoice}, presets...)
}

// runIntel waits for the call's turn in its guild, builds the reply and
// posts it. Errors go back to the dispatcher, which reports them as it
// does for /ask.
func (b *Bot) runIntel(ctx context.Context, call *commandCall, build func(ctx context.Context) ([]reply, error)) error {
	start := time.Now()
	if err := call.ticket.wait(ctx); err != nil {
		return err
	}
	replies, err := build(ctx)
	if err != nil {
		return err
	}
	postCtx, cancel := noticeContext(ctx)
	defer cancel()
	if err := call.reply.finish(postCtx, replies); err != nil {
		return &postError{err: err}
	}
	elapsed := time.Since(start)
	b.metrics.answerTime.Observe(elapsed.Seconds())
	b.log.Info("answered", "request", call.i.ID, "source", sourceSlash, "command", call.cmd.def.Name,
		"user", call.userID, "guild", call.i.GuildID, "seconds", elapsed.Seconds(), "messages", len(replies))
	return nil
}

// speakerCache keeps the list of speakers for speakersTTL, and runs one
// lookup at a time in the background so that no request waits longer than
// its own deadline for it.
type speakerCache struct {
	mu      sync.Mutex
	names   []string
	at      time.Time     // when names were listed; zero before the first list
	loading chan struct{} // closed when the lookup in flight ends; nil when none is
	err     error         // the last lookup's error
}

// speakerList returns the people the coverage quotes. A fresh list is
// returned at once; a stale one is returned at once too while a new one is
// looked up; with none yet, it waits for the lookup until ctx ends.
func (b *Bot) speakerList(ctx context.Context) ([]string, error) {
	c := &b.speakers
	c.mu.Lock()
	if !c.at.IsZero() && time.Since(c.at) < speakersTTL {
		defer c.mu.Unlock()
		return c.names, nil
	}
	if c.loading == nil {
		if !b.begin() {
			c.mu.Unlock()
			return nil, errors.New("list speakers: the bot is shutting down")
		}
		c.loading = make(chan struct{})
		go b.loadSpeakers(c.loading)
	}
	loading, stale := c.loading, c.names
	haveStale := !c.at.IsZero()
	c.mu.Unlock()
	if haveStale {
		return stale, nil
	}
	select {
	case <-loading:
	case <-ctx.Done():
		return nil, fmt.Errorf("list speakers: %w", ctx.Err())
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at.IsZero() {
		return nil, fmt.Errorf("list speakers: %w", c.err)
	}
	return c.names, nil
}

// loadSpeakers looks the speakers up and fills the cache.
func (b *Bot) loadSpeakers(done chan struct{}) {
	defer b.work.Done()
	names, err := b.opts.Intelligence.Speakers(b.life)
	c := &b.speakers
	c.mu.Lock()
	defer c.mu.Unlock()
	if err == nil {
		c.names, c.at = names, time.Now()
	}
	c.err = err
	c.loading = nil
	close(done)
}

// nameChoices offers the names in which a word starts with what was typed,
// then those that contain it, each group in the order given.
func nameChoices(names []string, typed string) []*discordgo.ApplicationCommandOptionChoice {
	want := strings.ToLower(cleanQuestion(typed))
	var starts, contains []string
	seen := map[string]bool{}
	for _, raw := range names {
		n := cleanQuestion(raw)
		if n == "" || seen[n] || utf8.RuneCountInString(n) > maxChoiceChars {
			continue
		}
		seen[n] = true
		lower := strings.ToLower(n)
		switch {
		case want == "" || strings.HasPrefix(lower, want) || strings.Contains(lower, " "+want):
			starts = append(starts, n)
		case strings.Contains(lower, want):
			contains = append(contains, n)
		}
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, n := range append(starts, contains...) {
		if len(choices) == maxChoices {
			break
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: n, Value: n})
	}
	return choices
}

// ambiguousPersonText asks which of the people a name fits was meant,
// rather than merging their words.
func ambiguousPersonText(amb *rag.AmbiguousPersonError) string {
	names := make([]string, len(amb.Candidates))
	for i, c := range amb.Candidates {
		names[i] = "**" + escapeMarkdown(cleanQuestion(c)) + "**"
	}
	return fmt.Sprintf("“%s” may mean more than one person the coverage quotes: %s. Ask again with one of these names.",
		escapeMarkdown(cleanQuestion(amb.Person)), strings.Join(names, ", "))
}
