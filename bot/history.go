package bot

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// A follow-up's history is read back from Discord: the thread's messages,
// or the chain of replies. Discord keeps them, so the history survives a
// restart and any shard can read it; the bot's memory of its threads only
// spares a REST call while the process that answered is still running.

// Default bounds on the history given with a follow-up.
const (
	// DefaultHistoryTurns is how many earlier messages (questions and
	// answers) a follow-up carries.
	DefaultHistoryTurns = 6
	// DefaultHistoryTokens bounds the history's size, estimated at
	// charsPerToken characters a token.
	DefaultHistoryTokens = 1500
	// charsPerToken is the usual rough ratio for English text under the
	// byte-pair encodings chat models use; the budget is an estimate, not
	// a count.
	charsPerToken = 4
	// maxChainFetches bounds the messages read one by one to walk a reply
	// chain.
	maxChainFetches = 8
)

// progressFooter marks a message that shows an answer still being written.
const progressFooter = "Writing…"

// turnsFromMessages turns a conversation's messages, oldest first, into
// history: people's messages are questions, the bot's answers are answers.
// An answer's embed title is the question it answered, which stands in for
// a question the bot could not read (without the Message Content intent,
// Discord hides the text of messages that do not mention the bot). The
// bot's notices, its answers in progress and other bots' messages are left
// out.
func turnsFromMessages(msgs []*discordgo.Message, self string) []rag.Message {
	var turns []rag.Message
	lastIs := func(role string) bool { return len(turns) > 0 && turns[len(turns)-1].Role == role }
	for i, m := range msgs {
		if m == nil || m.Author == nil {
			continue
		}
		if m.Author.ID != self {
			if m.Author.Bot {
				continue
			}
			if q := cleanQuestion(stripMention(m.Content, self)); q != "" {
				turns = append(turns, rag.Message{Role: "user", Content: q})
			}
			continue
		}
		title, text, ok := answerText(m)
		if !ok {
			continue
		}
		switch {
		case title != "":
			if !lastIs("user") {
				turns = append(turns, rag.Message{Role: "user", Content: title})
			}
			turns = append(turns, rag.Message{Role: "assistant", Content: text})
		case lastIs("assistant") && i > 0 && msgs[i-1] != nil && msgs[i-1].Author != nil && msgs[i-1].Author.ID == self:
			// The rest of an answer too long for one message.
			turns[len(turns)-1].Content += "\n" + text
		}
	}
	return turns
}

// answerText reads the question and answer out of one of the bot's
// messages: the first embed's title and the embeds' text. It reports false
// for messages that are not a finished answer.
func answerText(m *discordgo.Message) (title, text string, ok bool) {
	if len(m.Embeds) == 0 {
		return "", "", false
	}
	var parts []string
	for _, e := range m.Embeds {
		if e == nil {
			continue
		}
		if e.Footer != nil && e.Footer.Text == progressFooter {
			return "", "", false
		}
		if d := strings.TrimSpace(e.Description); d != "" {
			parts = append(parts, d)
		}
	}
	if len(parts) == 0 {
		return "", "", false
	}
	if m.Embeds[0] != nil {
		title = cleanQuestion(unescapeMarkdown(m.Embeds[0].Title))
	}
	return title, cleanAnswerText(strings.Join(parts, "\n")), true
}

// cleanAnswerText takes out the zero-width spaces that neutralizeMentions
// put in and the escapes that escapeAnswer did, keeping the lines.
func cleanAnswerText(s string) string {
	return unescapeMarkdown(strings.ReplaceAll(s, zeroWidthSpace, ""))
}

// boundHistory keeps the latest turns within the bounds: at most maxTurns
// messages, each cut to maxTurnChars, and at most maxTokens in all. The
// history never starts with an answer whose question was dropped.
func boundHistory(turns []rag.Message, maxTurns, maxTokens int) []rag.Message {
	if maxTurns <= 0 || maxTokens <= 0 {
		return nil
	}
	out := make([]rag.Message, 0, min(len(turns), maxTurns))
	budget := maxTokens * charsPerToken
	for i := len(turns) - 1; i >= 0 && len(out) < maxTurns; i-- {
		t := rag.Message{Role: turns[i].Role, Content: truncateText(turns[i].Content, maxTurnChars)}
		n := utf8.RuneCountInString(t.Content)
		if n > budget {
			break
		}
		budget -= n
		out = append(out, t)
	}
	slices.Reverse(out)
	for len(out) > 0 && out[0].Role != "user" {
		out = out[1:]
	}
	return out
}

// threadHistory reads a thread's earlier messages before the message
// being answered, and the message the thread was started on.
func (b *Bot) threadHistory(ctx context.Context, threadID, parentID, before string) ([]rag.Message, error) {
	// Each turn is about one message, and a long answer two or three; the
	// extra room also skips over notices and chatter.
	msgs, err := b.messagesBefore(ctx, threadID, before, min(4*b.cfg.HistoryTurns+10, 100))
	if err != nil {
		return nil, err
	}
	slices.Reverse(msgs) // Discord lists newest first
	// A thread started on a message has that message's ID; its first
	// question is that message, in the parent channel. When the thread was
	// not started on a message there is none, and the answer's title
	// stands in.
	if parentID != "" && len(msgs) < 100 {
		if starter, err := b.message(ctx, parentID, threadID); err == nil {
			msgs = append([]*discordgo.Message{starter}, msgs...)
		}
	}
	return boundHistory(turnsFromMessages(msgs, b.selfID()), b.cfg.HistoryTurns, b.cfg.HistoryTokens), nil
}

// chainHistory walks back the chain of replies that m ends, reading each
// earlier message from Discord (the event carries only the first).
func (b *Bot) chainHistory(ctx context.Context, m *discordgo.Message) []rag.Message {
	var chain []*discordgo.Message
	cur := m.ReferencedMessage
	for fetched := 0; cur != nil; fetched++ {
		chain = append(chain, cur)
		ref := cur.MessageReference
		if len(chain) >= b.cfg.HistoryTurns || fetched >= maxChainFetches || ref == nil || ref.MessageID == "" {
			break
		}
		channel := ref.ChannelID
		if channel == "" {
			channel = cur.ChannelID
		}
		next, err := b.message(ctx, channel, ref.MessageID)
		if err != nil {
			b.log.Debug("reply chain ends at a message that cannot be read", "message", ref.MessageID, "err", err)
			break
		}
		cur = next
	}
	slices.Reverse(chain)
	return boundHistory(turnsFromMessages(chain, b.selfID()), b.cfg.HistoryTurns, b.cfg.HistoryTokens)
}
