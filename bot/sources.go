package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/rag"
)

// sourcesPerPage is how many articles one page of /sources lists.
const sourcesPerPage = 10

// maxSourceTitle bounds a title in the /sources list so a page fits one
// embed description.
const maxSourceTitle = 150

// renderSources shows one page of the articles matching query, newest
// first, with Prev and Next buttons when there is more than one page.
func renderSources(all []rag.ArticleInfo, query string, page int) reply {
	want := strings.ToLower(query)
	var arts []rag.ArticleInfo
	for _, a := range all {
		if want == "" || strings.Contains(strings.ToLower(a.Title), want) ||
			strings.Contains(strings.ToLower(a.Outlet), want) || strings.Contains(strings.ToLower(a.ID), want) {
			arts = append(arts, a)
		}
	}
	sortNewestFirst(arts)

	title := "Sources"
	if query != "" {
		title = "Sources matching “" + query + "”"
	}
	embed := &discordgo.MessageEmbed{Title: titleText(title), Color: colorAnswer}
	if len(arts) == 0 {
		embed.Description = "The coverage has no articles yet."
		if query != "" {
			embed.Description = "No articles match that. Try a shorter query, or /sources on its own."
		}
		return reply{Embeds: []*discordgo.MessageEmbed{embed}}
	}

	pages := (len(arts) + sourcesPerPage - 1) / sourcesPerPage
	page = min(max(page, 0), pages-1)
	var lines []string
	for _, a := range arts[page*sourcesPerPage : min(len(arts), (page+1)*sourcesPerPage)] {
		lines = append(lines, articleLine(a))
	}
	embed.Description = truncateText(strings.Join(lines, "\n"), maxEmbedDescription)
	footer := fmt.Sprintf("Page %d of %d · %d articles", page+1, pages, len(arts))
	if newest := arts[0].Published; !newest.IsZero() {
		footer += " · newest " + newest.Format(dateLayout)
	}
	embed.Footer = &discordgo.MessageEmbedFooter{Text: footer}

	r := reply{Embeds: []*discordgo.MessageEmbed{embed}}
	if pages > 1 {
		r.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "◀ Prev", Style: discordgo.SecondaryButton, CustomID: sourcesID(page-1, query, "p"), Disabled: page == 0},
			discordgo.Button{Label: "Next ▶", Style: discordgo.SecondaryButton, CustomID: sourcesID(page+1, query, "n"), Disabled: page == pages-1},
		}}}
	}
	return r
}

// articleLine is one article in the /sources list: date, linked title,
// outlet and passage count.
func articleLine(a rag.ArticleInfo) string {
	title := linkText(a.Title)
	if title == "" {
		title = linkText(a.ID)
	}
	title = truncateText(title, maxSourceTitle)
	if link := safeLink(a.URL); link != "" && discordLen(link) <= 300 {
		title = "[" + title + "](" + link + ")"
	}
	line := "`" + formatDate(a.Published) + "` " + title
	if o := cleanQuestion(a.Outlet); o != "" {
		line += " — " + escapeMarkdown(truncateText(o, maxOutletShown))
	}
	return neutralizeMentions(line)
}

// sourcesID is a paging button's custom ID. Discord wants the IDs of one
// message's buttons to differ, so the direction is part of it even where
// the target page is the same (a disabled button's). Discord counts a
// custom ID's length in characters, and maxQueryChars leaves room for the
// whole query in any script, so every page lists the same articles; the
// cut below (by characters) only guards against a longer query.
func sourcesID(page int, query, dir string) string {
	id := sourcesPrefix + dir + ":" + strconv.Itoa(max(page, 0)) + ":"
	room := maxCustomID - utf8.RuneCountInString(id)
	if utf8.RuneCountInString(query) > room {
		query = string([]rune(query)[:max(room, 0)])
	}
	return id + query
}

// parseSourcesID reads a paging button's custom ID.
func parseSourcesID(id string) (page int, query string, ok bool) {
	rest, found := strings.CutPrefix(id, sourcesPrefix)
	if !found {
		return 0, "", false
	}
	parts := strings.SplitN(rest, ":", 3)
	if len(parts) != 3 || (parts[0] != "p" && parts[0] != "n") {
		return 0, "", false
	}
	page, err := strconv.Atoi(parts[1])
	if err != nil || page < 0 {
		return 0, "", false
	}
	return page, parts[2], true
}

// handleSourcesPage turns a page of /sources when Prev or Next is clicked.
func (b *Bot) handleSourcesPage(i *discordgo.Interaction, customID string) {
	log := b.log.With("interaction", i.ID)
	page, query, ok := parseSourcesID(customID)
	if err := b.ackComponent(i); err != nil {
		log.Warn("could not acknowledge paging", "err", err)
		return
	}
	if !ok {
		log.Info("malformed paging button")
		return
	}
	ctx, cancel := noticeContext(b.life)
	defer cancel()
	arts, err := b.opts.Coverage.Articles(ctx)
	if err != nil {
		log.Error("list articles for paging", "err", err)
		return
	}
	r := &interactionReply{b: b, i: i}
	if err := r.finish(ctx, []reply{renderSources(arts, cleanQuestion(query), page)}); err != nil {
		log.Warn("could not turn the page", "err", err)
	}
}
