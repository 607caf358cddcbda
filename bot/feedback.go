package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// Feedback votes, as buttons carry them and metrics label them.
const (
	voteUp   = "up"
	voteDown = "down"
)

// Custom IDs of the bot's buttons. Each starts with a prefix saying what the
// button does; the rest carries the state the click needs, so a click still
// works after a restart.
const (
	feedbackPrefix = "fb:"       // fb:<answer id>:<vote>
	sourcesPrefix  = "sources:"  // sources:<page>:<query>
	threadPrefix   = "thread:"   // thread:<answer id>
	reasonPrefix   = "fbr:"      // fbr:<answer id>:<reason>
	passagesPrefix = "passages:" // passages:<answer id>
	removedPrefix  = "removed:"  // removed:<answer id>
	maxCustomID    = 100
)

// answerButtons are the buttons under a finished answer: the votes, "Show
// passages" when the answer cites any, "Removed sentences" when the
// citation check removed some, and "Follow up in a thread" where a thread
// can be started on the answer.
func answerButtons(answerID string, passages, removed, followUp bool) []discordgo.MessageComponent {
	row := []discordgo.MessageComponent{
		discordgo.Button{Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👍"},
			CustomID: feedbackPrefix + answerID + ":" + voteUp},
		discordgo.Button{Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👎"},
			CustomID: feedbackPrefix + answerID + ":" + voteDown},
	}
	if passages {
		row = append(row, discordgo.Button{Style: discordgo.SecondaryButton, Label: "Show passages",
			Emoji: &discordgo.ComponentEmoji{Name: "📄"}, CustomID: passagesPrefix + answerID})
	}
	if removed {
		row = append(row, discordgo.Button{Style: discordgo.SecondaryButton, Label: "Removed sentences",
			Emoji: &discordgo.ComponentEmoji{Name: "✂️"}, CustomID: removedPrefix + answerID})
	}
	if followUp {
		row = append(row, discordgo.Button{Style: discordgo.SecondaryButton, Label: "Follow up in a thread",
			Emoji: &discordgo.ComponentEmoji{Name: "🧵"}, CustomID: threadPrefix + answerID})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// parseFeedbackID reads a feedback button's custom ID.
func parseFeedbackID(id string) (answerID, vote string, ok bool) {
	rest, found := strings.CutPrefix(id, feedbackPrefix)
	if !found {
		return "", "", false
	}
	i := strings.LastIndexByte(rest, ':')
	if i <= 0 {
		return "", "", false
	}
	answerID, vote = rest[:i], rest[i+1:]
	if vote != voteUp && vote != voteDown {
		return "", "", false
	}
	return answerID, vote, true
}

// votes remembers each user's latest vote on each answer, so a second click
// on the same button is not counted twice. It forgets the least recently
// used votes beyond its capacity.
type votes struct {
	latest *recent[string] // answer id + "/" + user id → vote
}

func newVotes(capacity int) *votes {
	return &votes{latest: newRecent[string](capacity)}
}

// record stores a vote and returns the user's earlier vote on the answer,
// if any, and whether this one counts: the user's first vote on this
// answer, or a change of mind.
func (v *votes) record(answerID, userID, vote string) (prev string, counted bool) {
	prev, _ = v.latest.put(answerID+"/"+userID, vote)
	return prev, prev != vote
}

// Why a 👎 answer was bad, as the private follow-up offers it.
const (
	reasonWrong    = "wrong"
	reasonOutdated = "outdated"
	reasonSource   = "missing_source"
)

var reasonLabels = map[string]string{
	reasonWrong:    "It's wrong",
	reasonOutdated: "It's out of date",
	reasonSource:   "A source is missing",
}

// Feedback is one vote on an answer, with what was asked and answered, as
// Options.RecordFeedback stores it.
type Feedback struct {
	Time      time.Time `json:"time"`
	AnswerID  string    `json:"answer_id"`
	GuildID   string    `json:"guild_id,omitempty"`
	ChannelID string    `json:"channel_id,omitempty"`
	Vote      string    `json:"vote"`             // "up" or "down"
	Reason    string    `json:"reason,omitempty"` // after a down vote: wrong, outdated or missing_source
	Question  string    `json:"question"`
	Answer    string    `json:"answer"`
	Citations []Cited   `json:"citations,omitempty"`
}

// Cited is one source of an answer in a Feedback record.
type Cited struct {
	N         int    `json:"n"`
	ArticleID string `json:"article_id,omitempty"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
}

// keptAnswer is an answer the bot posted recently, for feedback records
// and the cited passages.
type keptAnswer struct {
	question string
	answer   rag.Answer
}

// keepAnswer remembers an answer under its id.
func (b *Bot) keepAnswer(id, question string, a rag.Answer) {
	if id != "" {
		b.answers.put(id, keptAnswer{question: question, answer: a})
	}
}

// componentsUpdate changes only a message's components, in answer to a
// click: discordgo's InteractionResponseData would also send an empty
// content and null embeds, which would erase the answer.
type componentsUpdate struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Components []discordgo.MessageComponent `json:"components"`
	} `json:"data"`
}

// handleFeedback counts a 👍 or 👎, marks the buttons with the tallies,
// thanks the voter privately (asking what was wrong after a 👎), and
// stores the vote when the operator opted in.
func (b *Bot) handleFeedback(i *discordgo.Interaction, customID string) {
	log := b.log.With("interaction", i.ID)
	answerID, vote, ok := parseFeedbackID(customID)
	if !ok {
		log.Info("malformed feedback button")
		if err := b.ackComponent(i); err != nil {
			log.Warn("could not acknowledge feedback", "err", err)
		}
		return
	}
	user := interactionUser(i)
	prev, counted := b.votes.record(answerID, user, vote)
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	var err error
	if counted && i.Message != nil {
		upd := componentsUpdate{Type: discordgo.InteractionResponseUpdateMessage}
		upd.Data.Components = markVotes(i.Message.Components, vote, prev)
		err = b.respond(ctx, i, upd)
	} else {
		err = b.ackComponent(i)
	}
	if err != nil {
		log.Warn("could not acknowledge feedback", "err", err)
		return
	}
	if counted {
		b.metrics.feedback.WithLabelValues(vote).Inc()
	}
	log.Info("feedback", "answer", answerID, "user", user, "vote", vote, "counted", counted)
	if counted {
		// Stored before the thanks, which offers the reasons, so a reason
		// is always stored after its vote.
		b.storeFeedback(ctx, i, answerID, vote, "")
	}

	thanks := &discordgo.WebhookParams{Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions()}
	switch {
	case !counted:
		thanks.Content = "You've already voted " + voteEmoji(vote) + " on this answer."
	case vote == voteUp:
		thanks.Content = "Thanks for the 👍 — noted."
	default:
		thanks.Content = "Thanks for the 👎. What was the matter with the answer?"
		thanks.Components = reasonButtons(answerID)
	}
	if err := b.followUp(ctx, i, thanks); err != nil {
		log.Warn("could not thank for feedback", "err", err)
	}
}

// handleReason records why a 👎 answer was bad, and replaces the question
// with thanks.
func (b *Bot) handleReason(i *discordgo.Interaction, customID string) {
	log := b.log.With("interaction", i.ID)
	rest, _ := strings.CutPrefix(customID, reasonPrefix)
	cut := strings.LastIndexByte(rest, ':')
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	if cut <= 0 || reasonLabels[rest[cut+1:]] == "" {
		log.Info("malformed reason button")
		if err := b.ackComponent(i); err != nil {
			log.Warn("could not acknowledge a reason", "err", err)
		}
		return
	}
	answerID, reason := rest[:cut], rest[cut+1:]
	err := b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{
			Content:         "Thanks — noted: " + strings.ToLower(strings.TrimPrefix(reasonLabels[reason], "It's ")) + ".",
			Components:      []discordgo.MessageComponent{},
			Embeds:          []*discordgo.MessageEmbed{},
			AllowedMentions: noMentions(),
		},
	})
	if err != nil {
		log.Warn("could not acknowledge a reason", "err", err)
	}
	log.Info("feedback reason", "answer", answerID, "user", interactionUser(i), "reason", reason)
	b.storeFeedback(ctx, i, answerID, voteDown, reason)
}

func voteEmoji(vote string) string {
	if vote == voteUp {
		return "👍"
	}
	return "👎"
}

func reasonButtons(answerID string) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	for _, r := range []string{reasonWrong, reasonOutdated, reasonSource} {
		row = append(row, discordgo.Button{Style: discordgo.SecondaryButton, Label: reasonLabels[r], CustomID: reasonPrefix + answerID + ":" + r})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// markVotes returns a message's components with the vote buttons' tallies
// updated for a vote (and the voter's earlier vote, if they changed their
// mind). A tally is the button's label; no label is zero.
func markVotes(in []discordgo.MessageComponent, vote, prev string) []discordgo.MessageComponent {
	out := make([]discordgo.MessageComponent, 0, len(in))
	for _, c := range in {
		row, ok := asRow(c)
		if !ok {
			out = append(out, c)
			continue
		}
		var cs []discordgo.MessageComponent
		for _, inner := range row.Components {
			btn, ok := asButton(inner)
			if ok && strings.HasPrefix(btn.CustomID, feedbackPrefix) {
				n, _ := strconv.Atoi(btn.Label)
				_, v, _ := parseFeedbackID(btn.CustomID)
				switch v {
				case vote:
					n++
				case prev:
					n = max(n-1, 0)
				}
				btn.Label = ""
				if n > 0 {
					btn.Label = strconv.Itoa(n)
				}
				inner = btn
			}
			cs = append(cs, inner)
		}
		out = append(out, discordgo.ActionsRow{Components: cs})
	}
	return out
}

// asRow and asButton read components as discordgo decodes them (pointers)
// or as the bot builds them (values).
func asRow(c discordgo.MessageComponent) (discordgo.ActionsRow, bool) {
	switch r := c.(type) {
	case *discordgo.ActionsRow:
		return *r, r != nil
	case discordgo.ActionsRow:
		return r, true
	}
	return discordgo.ActionsRow{}, false
}

func asButton(c discordgo.MessageComponent) (discordgo.Button, bool) {
	switch b := c.(type) {
	case *discordgo.Button:
		return *b, b != nil
	case discordgo.Button:
		return b, true
	}
	return discordgo.Button{}, false
}

// storeFeedback hands a vote to Options.RecordFeedback, with the question,
// answer and citations: from memory when this process posted the answer,
// else read off the answer's message.
func (b *Bot) storeFeedback(ctx context.Context, i *discordgo.Interaction, answerID, vote, reason string) {
	if b.opts.RecordFeedback == nil {
		return
	}
	f := Feedback{Time: b.opts.Now().UTC(), AnswerID: answerID, GuildID: i.GuildID, ChannelID: i.ChannelID, Vote: vote, Reason: reason}
	if kept, ok := b.answers.get(answerID); ok {
		f.Question, f.Answer = kept.question, kept.answer.Text
		for _, c := range kept.answer.Citations {
			f.Citations = append(f.Citations, Cited{N: c.N, ArticleID: c.ArticleID, Title: c.Title, URL: c.URL})
		}
	} else if i.Message != nil && reason == "" {
		f.Question, f.Answer, f.Citations = readAnswerMessage(i.Message)
	}
	if err := b.opts.RecordFeedback(ctx, f); err != nil {
		b.log.Error("could not store feedback", "interaction", i.ID, "answer", answerID, "err", err)
	}
}

// readAnswerMessage reads the question, answer and sources back from an
// answer's message, for a vote on an answer posted before a restart.
func readAnswerMessage(m *discordgo.Message) (question, answer string, cited []Cited) {
	question, answer, _ = answerText(m)
	for _, e := range m.Embeds {
		if e == nil {
			continue
		}
		for _, f := range e.Fields {
			if f == nil || !strings.HasPrefix(f.Name, "Sources") {
				continue
			}
			for _, line := range strings.Split(f.Value, "\n") {
				var c Cited
				if _, err := fmt.Sscanf(line, "[%d]", &c.N); err != nil {
					continue
				}
				c.Title = cleanAnswerText(strings.TrimSpace(line[strings.IndexByte(line, ']')+1:]))
				cited = append(cited, c)
			}
		}
	}
	return question, answer, cited
}
