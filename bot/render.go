package bot

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/coveragebot/coveragebot/rag"
)

// reply is one message the bot posts, already within Discord's limits. Every
// path that sends it attaches an empty allowed_mentions.
type reply struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
}

// Embed colours: Discord's blurple for answers, grey when the coverage has
// no answer.
const (
	colorAnswer  = 0x5865F2
	colorAbstain = 0x99AAB5
)

// maxOutletShown bounds an outlet's name in a source line.
const maxOutletShown = 100

// dateLayout is how dates are shown to people: "2 Jan 2006".
const dateLayout = "2 Jan 2006"

// noMentions is the allowed_mentions sent with every message and edit: an
// empty parse list, so nothing in a question, an article or an answer can
// ping anyone. Parse must be an empty slice, not nil, or it is sent as null.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// answerView is what renderAnswer needs besides the answer itself.
type answerView struct {
	Title    string // shown above the answer, usually the question
	AnswerID string // carried by the feedback buttons; none when empty
	// FollowUp adds the "Follow up in a thread" button, for answers a
	// thread can be started on.
	FollowUp bool
	// Laidout is set when the bot wrote the text itself (quotes, a
	// timeline), escaping what it took from articles as it went; the text
	// is then sent as it is.
	Laidout bool
}

// renderAnswer lays an answer out as one or more messages: the caveat and
// the answer text with its [n] markers, the numbered sources, and the "as
// of" date, split wherever Discord's limits require.
func renderAnswer(v answerView, a rag.Answer) []reply {
	color := colorAnswer
	body := strings.TrimSpace(a.Text)
	if a.Abstained || body == "" {
		color = colorAbstain
		if body == "" {
			body = "The coverage doesn't say. I couldn't find anything about this in the articles I have."
		}
	}
	// The text is the model's or the articles' (extractive answers quote
	// them): it is escaped, and only the bot's own markup goes around it.
	if !v.Laidout {
		body = escapeAnswer(body)
		body = boldSpans(body, a.Spans)
	}
	if c := strings.TrimSpace(a.Caveat); c != "" {
		mark := "⚠️ "
		if a.Route != "" {
			mark = "↪️ " // a request routed to another feature, not a warning
		}
		body = mark + escapeMarkdown(c) + "\n\n" + body
	}
	body = neutralizeMentions(body)

	// The footer says what the citation check removed, briefly; the
	// removed text is behind the "Removed sentences" button.
	var meta []string
	if note := a.RemovedNote(); note != "" {
		meta = append(meta, neutralizeMentions(truncateText(note, maxRemovedNote)))
	}
	if !a.AsOf.IsZero() {
		meta = append(meta, "As of "+a.AsOf.Format(dateLayout))
	}
	footer := strings.Join(meta, " · ")
	embeds := layoutEmbeds(embedParts{
		title:       titleText(v.Title),
		description: splitText(body, maxEmbedDescription),
		fields:      sourceFields(a.Citations),
		footer:      footer,
		color:       color,
	})
	replies := packEmbeds(embeds)
	if v.AnswerID != "" {
		last := &replies[len(replies)-1]
		last.Components = answerButtons(v.AnswerID, len(a.Citations) > 0, removedChecks(a) > 0, v.FollowUp)
	}
	return replies
}

// renderProgress shows an answer while it is being written.
func renderProgress(title, partial string) reply {
	text := neutralizeMentions(escapeAnswer(strings.TrimSpace(partial)))
	if text == "" {
		text = "…"
	}
	return reply{Embeds: []*discordgo.MessageEmbed{{
		Title:       titleText(title),
		Description: truncateText(text, maxEmbedDescription-2) + " ▍",
		Color:       colorAnswer,
		Footer:      &discordgo.MessageEmbedFooter{Text: progressFooter},
	}}}
}

// renderNotice is a short plain message (a refusal, an error, a report),
// split into as many messages as it needs.
func renderNotice(text string) []reply {
	var out []reply
	for _, piece := range splitText(neutralizeMentions(text), maxContent) {
		out = append(out, reply{Content: piece})
	}
	if len(out) == 0 {
		out = append(out, reply{Content: "…"})
	}
	return out
}

// titleText makes user text safe for an embed title: one line, mentions and
// Markdown made inert, within the title limit.
func titleText(s string) string {
	s = cleanQuestion(s)
	if s == "" {
		return ""
	}
	return truncateText(escapeMarkdown(neutralizeMentions(s)), maxEmbedTitle)
}

// sourceLine formats one citation as "[n] [Title](url) — Outlet, 2 Jan 2006",
// without a link when there is no usable URL, within the field limit.
func sourceLine(c rag.Citation) string {
	title := linkText(c.Title)
	if title == "" {
		title = linkText(c.ArticleID)
	}
	var meta []string
	if o := cleanQuestion(c.Outlet); o != "" {
		meta = append(meta, escapeMarkdown(truncateText(o, maxOutletShown)))
	}
	if !c.Published.IsZero() {
		meta = append(meta, c.Published.Format(dateLayout))
	}
	tail := ""
	if len(meta) > 0 {
		tail = " — " + strings.Join(meta, ", ")
	}
	tail = neutralizeMentions(tail)
	head := fmt.Sprintf("[%d] ", c.N)
	link := safeLink(c.URL)

	// Shorten the title before giving up the link, and the link only when
	// the URL alone would not fit.
	room := maxFieldValue - discordLen(head) - discordLen(tail)
	if link != "" && discordLen(link)+4+16 <= room {
		title = truncateText(title, room-discordLen(link)-4)
		return head + "[" + title + "](" + link + ")" + tail
	}
	return head + truncateText(title, max(room, 16)) + tail
}

// linkText prepares a title to sit inside a Markdown link's brackets.
func linkText(s string) string {
	s = cleanQuestion(s)
	s = strings.NewReplacer("[", "(", "]", ")").Replace(s)
	s = strings.NewReplacer("`", "'", "*", `\*`, "_", `\_`, "~", `\~`, "|", `\|`).Replace(s)
	return neutralizeMentions(s)
}

// safeLink returns u in a form that can go inside a Markdown link, or "" when
// it is not an absolute http(s) URL.
func safeLink(u string) string {
	parsed, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		return ""
	}
	s := parsed.String()
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(s)
}

// sourceFields groups the source lines into embed fields that each fit the
// field limit. Citations are listed once each, by number.
func sourceFields(cites []rag.Citation) []*discordgo.MessageEmbedField {
	sorted := append([]rag.Citation(nil), cites...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].N < sorted[j].N })
	var fields []*discordgo.MessageEmbedField
	var cur []string
	size := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		name := "Sources"
		if len(fields) > 0 {
			name = "Sources (continued)"
		}
		fields = append(fields, &discordgo.MessageEmbedField{Name: name, Value: strings.Join(cur, "\n")})
		cur, size = nil, 0
	}
	seen := map[int]bool{}
	for _, c := range sorted {
		if seen[c.N] {
			continue
		}
		seen[c.N] = true
		line := sourceLine(c)
		n := discordLen(line)
		if size > 0 && size+1+n > maxFieldValue {
			flush()
		}
		if size > 0 {
			size++
		}
		cur = append(cur, line)
		size += n
	}
	flush()
	return fields
}

// embedParts is an answer's content before it is fitted into embeds.
type embedParts struct {
	title       string
	description []string // each within the description limit
	fields      []*discordgo.MessageEmbedField
	footer      string
	color       int
}

// layoutEmbeds puts the parts into as many embeds as the limits require:
// the title on the first, one description piece per embed, the fields after
// the text, and the footer on the last.
func layoutEmbeds(p embedParts) []*discordgo.MessageEmbed {
	var embeds []*discordgo.MessageEmbed
	for _, d := range p.description {
		embeds = append(embeds, &discordgo.MessageEmbed{Description: d, Color: p.color})
	}
	if len(embeds) == 0 {
		embeds = append(embeds, &discordgo.MessageEmbed{Color: p.color})
	}
	embeds[0].Title = p.title
	footer := truncateText(p.footer, maxFooter)
	reserve := discordLen(footer)
	for _, f := range p.fields {
		last := embeds[len(embeds)-1]
		add := discordLen(f.Name) + discordLen(f.Value)
		if len(last.Fields) >= maxEmbedFields || embedSize(last)+add+reserve > maxEmbedTotal {
			last = &discordgo.MessageEmbed{Color: p.color}
			embeds = append(embeds, last)
		}
		last.Fields = append(last.Fields, f)
	}
	if footer != "" {
		last := embeds[len(embeds)-1]
		if embedSize(last)+reserve > maxEmbedTotal {
			last = &discordgo.MessageEmbed{Color: p.color}
			embeds = append(embeds, last)
		}
		last.Footer = &discordgo.MessageEmbedFooter{Text: footer}
	}
	return embeds
}

// embedSize is what Discord counts against the 6,000-character embed limit.
func embedSize(e *discordgo.MessageEmbed) int {
	n := discordLen(e.Title) + discordLen(e.Description)
	for _, f := range e.Fields {
		n += discordLen(f.Name) + discordLen(f.Value)
	}
	if e.Footer != nil {
		n += discordLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += discordLen(e.Author.Name)
	}
	return n
}

// packEmbeds puts embeds into messages, as many per message as the limits on
// embed count and total size allow, keeping their order.
func packEmbeds(embeds []*discordgo.MessageEmbed) []reply {
	var out []reply
	var cur []*discordgo.MessageEmbed
	size := 0
	for _, e := range embeds {
		n := embedSize(e)
		if len(cur) > 0 && (len(cur) >= maxEmbedsPerMessage || size+n > maxEmbedTotal) {
			out = append(out, reply{Embeds: cur})
			cur, size = nil, 0
		}
		cur = append(cur, e)
		size += n
	}
	if len(cur) > 0 {
		out = append(out, reply{Embeds: cur})
	}
	return out
}

// checkReply reports the first Discord limit r breaks, or nil.
func checkReply(r reply) error {
	if n := discordLen(r.Content); n > maxContent {
		return fmt.Errorf("content is %d characters, limit %d", n, maxContent)
	}
	if len(r.Embeds) > maxEmbedsPerMessage {
		return fmt.Errorf("%d embeds, limit %d", len(r.Embeds), maxEmbedsPerMessage)
	}
	total := 0
	for i, e := range r.Embeds {
		switch {
		case discordLen(e.Title) > maxEmbedTitle:
			return fmt.Errorf("embed %d: title too long", i)
		case discordLen(e.Description) > maxEmbedDescription:
			return fmt.Errorf("embed %d: description is %d characters, limit %d", i, discordLen(e.Description), maxEmbedDescription)
		case len(e.Fields) > maxEmbedFields:
			return fmt.Errorf("embed %d: %d fields, limit %d", i, len(e.Fields), maxEmbedFields)
		case e.Footer != nil && discordLen(e.Footer.Text) > maxFooter:
			return fmt.Errorf("embed %d: footer too long", i)
		}
		for j, f := range e.Fields {
			if discordLen(f.Name) > maxFieldName || discordLen(f.Value) > maxFieldValue {
				return fmt.Errorf("embed %d field %d: too long", i, j)
			}
			if f.Name == "" || f.Value == "" {
				return fmt.Errorf("embed %d field %d: empty name or value", i, j)
			}
		}
		total += embedSize(e)
	}
	if total > maxEmbedTotal {
		return fmt.Errorf("embeds total %d characters, limit %d", total, maxEmbedTotal)
	}
	if r.Content == "" && len(r.Embeds) == 0 {
		return fmt.Errorf("empty message")
	}
	return nil
}

// formatDate shows a date, or "undated".
func formatDate(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format(dateLayout)
}

// boldSpans shows in bold the first occurrence of each of an answer's
// spans (the words that answer the question) in the escaped body.
func boldSpans(body string, spans []string) string {
	for _, sp := range spans {
		esc := escapeAnswer(strings.TrimSpace(sp))
		if esc == "" {
			continue
		}
		if i := strings.Index(body, esc); i >= 0 {
			body = body[:i] + "**" + esc + "**" + body[i+len(esc):]
		}
	}
	return body
}
