package bot

import (
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// "Removed sentences" shows, privately, the sentences of a model's answer
// that the citation check removed, each with its reason. The answer itself
// keeps only a one-line footer, so that a misstatement is never shown in
// the reply, even struck out.

// Bounds on what the removed-sentences reply shows.
const (
	maxRemovedNote  = 300 // the footer's note
	maxRemovedShown = 500 // one removed sentence
)

const msgRemovedGone = "I no longer have the removed sentences of that answer (I keep those of my last 2,000 answers)."

// removedChecks counts the sentences the check removed from an answer.
func removedChecks(a rag.Answer) int {
	n := 0
	for _, c := range a.Checks {
		if !c.Kept {
			n++
		}
	}
	return n
}

// handleRemoved shows the removed sentences of an answer, privately.
func (b *Bot) handleRemoved(i *discordgo.Interaction, answerID string) {
	kept, ok := b.answers.get(answerID)
	if !ok || removedChecks(kept.answer) == 0 {
		b.respondNow(i, msgRemovedGone)
		return
	}
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	err := b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Embeds:          []*discordgo.MessageEmbed{renderRemoved(kept.answer)},
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: noMentions(),
		},
	})
	if err != nil {
		b.log.Warn("could not show removed sentences", "interaction", i.ID, "answer", answerID, "err", err)
	}
}

// renderRemoved lists the removed sentences, escaped, each with why the
// check removed it, within one embed.
func renderRemoved(a rag.Answer) *discordgo.MessageEmbed {
	var b strings.Builder
	for _, c := range a.Checks {
		if c.Kept {
			continue
		}
		reason := c.Reason
		if reason == "" {
			reason = "its sources do not support it"
		}
		item := "• " + escapeAnswer(truncateText(c.Sentence, maxRemovedShown)) + "\n  ↳ " + escapeMarkdown(reason) + "\n"
		if discordLen(b.String())+discordLen(item) > maxEmbedDescription {
			break
		}
		b.WriteString(item)
	}
	return &discordgo.MessageEmbed{
		Title:       "Removed: not supported by the passages they cited",
		Description: neutralizeMentions(strings.TrimSpace(b.String())),
		Color:       colorAbstain,
	}
}
