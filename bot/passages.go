package bot

import (
	"sort"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// "Show passages" lets a reader check an answer against what it cites: the
// passages themselves, privately, each titled and linked to its article.

// maxPassageShown bounds one passage's text, so that the passages of a
// well-cited answer fit one message.
const maxPassageShown = 1200

const msgPassagesGone = "I no longer have the passages for that answer (I keep those of my last 2,000 answers). " +
	"The links under Sources open the articles."

// handlePassages shows the cited passages of an answer, privately.
func (b *Bot) handlePassages(i *discordgo.Interaction, answerID string) {
	kept, ok := b.answers.get(answerID)
	if !ok || len(kept.answer.Citations) == 0 {
		b.respondNow(i, msgPassagesGone)
		return
	}
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	r := renderPassages(kept.answer.Citations)
	err := b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         r.Content,
			Embeds:          r.Embeds,
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: noMentions(),
		},
	})
	if err != nil {
		b.log.Warn("could not show passages", "interaction", i.ID, "answer", answerID, "err", err)
	}
}

// renderPassages lays out cited passages, one embed each, in citation
// order, within one message: at most ten embeds and 6,000 characters.
func renderPassages(cites []rag.Citation) reply {
	sorted := append([]rag.Citation(nil), cites...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].N < sorted[j].N })
	seen := map[int]bool{}
	var embeds []*discordgo.MessageEmbed
	for _, c := range sorted {
		if seen[c.N] || len(embeds) == maxEmbedsPerMessage {
			continue
		}
		seen[c.N] = true
		title := cleanQuestion(c.Title)
		if title == "" {
			title = c.ArticleID
		}
		var meta []string
		if o := cleanQuestion(c.Outlet); o != "" {
			meta = append(meta, truncateText(o, maxOutletShown))
		}
		if !c.Published.IsZero() {
			meta = append(meta, c.Published.Format(dateLayout))
		}
		e := &discordgo.MessageEmbed{
			Title: titleText("[" + strconv.Itoa(c.N) + "] " + title),
			URL:   safeLink(c.URL),
			// A passage is an article's own text: escaped, so its Markdown
			// (a masked link, a heading) shows as the text it is.
			Description: neutralizeMentions(escapeMarkdown(truncateText(strings.TrimSpace(c.Text), maxPassageShown))),
			Color:       colorAnswer,
		}
		if e.Description == "" {
			e.Description = "(no text)"
		}
		if len(meta) > 0 {
			e.Footer = &discordgo.MessageEmbedFooter{Text: neutralizeMentions(strings.Join(meta, " · "))}
		}
		embeds = append(embeds, e)
	}
	// Shorten the longest passages until the message fits.
	for total(embeds) > maxEmbedTotal {
		longest := embeds[0]
		for _, e := range embeds {
			if discordLen(e.Description) > discordLen(longest.Description) {
				longest = e
			}
		}
		longest.Description = truncateText(longest.Description, discordLen(longest.Description)-(total(embeds)-maxEmbedTotal)-1)
	}
	r := reply{Embeds: embeds}
	if len(seen) < countCited(cites) {
		r.Content = "The first ten cited passages:"
	}
	return r
}

func total(embeds []*discordgo.MessageEmbed) int {
	n := 0
	for _, e := range embeds {
		n += embedSize(e)
	}
	return n
}

func countCited(cites []rag.Citation) int {
	seen := map[int]bool{}
	for _, c := range cites {
		seen[c.N] = true
	}
	return len(seen)
}
