package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
)

// The intelligence commands lay their results out as an answer, text with
// [n] markers and numbered citations, so that they go through the same
// rendering, splitting and mention-proofing as /ask.

// Bounds on what one reply lists. More is said to be there, never dropped
// without a word.
const (
	maxQuotesShown    = 15
	maxQuoteChars     = 1000 // a quotation longer than this is elided
	maxSpeakersListed = 20
	maxOutletArticles = 3 // articles named per outlet in /compare
	// maxSentenceShown bounds a timeline event or a fact: the engine keeps
	// them to a sentence, but one run-on sentence must not fill a message.
	maxSentenceShown = 600
)

// quotesAnswer lists quotations, each with the article it comes from. Words
// a spokesperson relays about someone stay the spokesperson's: the line
// names who said them, and whom they were about.
func quotesAnswer(person, topic string, quotes []rag.Quote, speakers []string) rag.Answer {
	if len(quotes) == 0 {
		text := "I found no quotes from “" + escapeMarkdown(person) + "”"
		if topic != "" {
			text += " on “" + escapeMarkdown(topic) + "”"
		}
		text += " in the coverage."
		if len(speakers) > 0 {
			names := make([]string, 0, min(len(speakers), maxSpeakersListed))
			for _, s := range speakers[:min(len(speakers), maxSpeakersListed)] {
				names = append(names, escapeMarkdown(cleanQuestion(s)))
			}
			text += "\n\nPeople the coverage quotes include " + strings.Join(names, ", ")
			if len(speakers) > maxSpeakersListed {
				text += fmt.Sprintf(" and %d more", len(speakers)-maxSpeakersListed)
			}
			text += "."
		}
		return rag.Answer{Text: text, Abstained: true}
	}
	var (
		parts []string
		cites []rag.Citation
	)
	numbers := map[string]int{} // article id → citation number
	for _, q := range quotes[:min(len(quotes), maxQuotesShown)] {
		n, ok := numbers[q.ArticleID]
		if !ok {
			n = len(cites) + 1
			numbers[q.ArticleID] = n
			cites = append(cites, rag.Citation{N: n, Passage: rag.Passage{
				ArticleID: q.ArticleID, Title: q.Title, Outlet: q.Outlet, URL: q.URL, Published: q.Published, Text: q.Text,
			}})
		}
		parts = append(parts, quoteBlock(q, n))
	}
	if more := len(quotes) - maxQuotesShown; more > 0 {
		note := fmt.Sprintf("_…and %d more._", more)
		if topic == "" {
			note = fmt.Sprintf("_…and %d more. Add a topic to narrow them down._", more)
		}
		parts = append(parts, note)
	}
	return rag.Answer{Text: strings.Join(parts, "\n\n"), Citations: cites, AsOf: newestCited(cites)}
}

// quoteBlock is one quotation: who said it, then the words as a block
// quote with the citation after the closing mark. A quotation over several
// paragraphs keeps them, each with the opening mark the article gives it.
func quoteBlock(q rag.Quote, n int) string {
	who := "**" + escapeMarkdown(cleanQuestion(q.Speaker)) + "**"
	if role := cleanQuestion(q.Role); role != "" && !strings.EqualFold(role, cleanQuestion(q.Speaker)) {
		who += ", " + escapeMarkdown(role)
	}
	if about := cleanQuestion(q.About); about != "" {
		who += ", about " + escapeMarkdown(about)
	}
	if relayer := cleanQuestion(q.Relayer); relayer != "" {
		who += ", relayed by " + escapeMarkdown(relayer)
	}
	if m := cleanQuestion(q.Mention); m != "" {
		who += " (the article says “" + escapeMarkdown(m) + "”)"
	}
	text := truncateText(strings.TrimSpace(q.Text), maxQuoteChars)
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		if p := cleanQuestion(para); p != "" {
			lines = append(lines, "> "+escapeMarkdown(p))
		}
	}
	if len(lines) == 0 {
		lines = []string{"> "}
	}
	lines[0] = "> “" + strings.TrimPrefix(lines[0], "> ")
	lines[len(lines)-1] += fmt.Sprintf("” [%d]", n)
	return who + ":\n" + strings.Join(lines, "\n")
}

// timelineAnswer lists a story's events in date order, each with its one
// citation. An update (a later report with another figure) points at the
// entry it changes; both stay.
func timelineAnswer(topic string, entries []rag.TimelineEntry) rag.Answer {
	if len(entries) == 0 {
		return rag.Answer{Abstained: true,
			Text: "The coverage has no dated events about “" + escapeMarkdown(topic) + "”. Try other words for the story."}
	}
	lines := make([]string, 0, len(entries))
	cites := make([]rag.Citation, 0, len(entries))
	for _, e := range entries {
		line := "`" + e.When() + "` "
		if e.Update && e.Revises > 0 {
			line += fmt.Sprintf("🔄 **Update to [%d]:** ", e.Revises)
		}
		line += escapeMarkdown(truncateText(cleanQuestion(e.Text), maxSentenceShown)) + fmt.Sprintf(" [%d]", e.Citation.N)
		lines = append(lines, line)
		cites = append(cites, e.Citation)
	}
	return rag.Answer{Text: strings.Join(lines, "\n"), Citations: cites, AsOf: newestCited(cites)}
}

// compareAnswer lays out a comparison: the outlets in the order they first
// reported the story, the facts only each carries, and the framing when a
// language model contrasted it.
func compareAnswer(topic string, cmp rag.Comparison) rag.Answer {
	if len(cmp.Outlets) == 0 {
		return rag.Answer{Abstained: true,
			Text: "The coverage has nothing on “" + escapeMarkdown(topic) + "”. Try other words for the story."}
	}
	var b strings.Builder
	b.WriteString("**Who reported it first**\n")
	for i, o := range cmp.Outlets {
		fmt.Fprintf(&b, "%d. **%s** — %s, %s", i+1, escapeMarkdown(outletShown(o.Outlet)), formatDate(o.First), countOf(len(o.Articles), "article"))
		// Each article is cited by its passage on the story: that passage
		// is what says the outlet covered it, and when.
		var titles []string
		for i, a := range o.Articles[:min(len(o.Articles), maxOutletArticles)] {
			titles = append(titles, linkedTitle(a)+sourceMarker(o.Sources, i))
		}
		if len(titles) > 0 {
			b.WriteString(": " + strings.Join(titles, "; "))
			if more := len(o.Articles) - maxOutletArticles; more > 0 {
				fmt.Fprintf(&b, "; and %d more", more)
				for i := maxOutletArticles; i < len(o.Articles); i++ {
					b.WriteString(sourceMarker(o.Sources, i))
				}
			}
		}
		b.WriteString("\n")
	}
	if len(cmp.Outlets) == 1 {
		fmt.Fprintf(&b, "\nOnly %s covered this story, so there is nothing to compare.", escapeMarkdown(outletShown(cmp.Outlets[0].Outlet)))
	} else {
		for _, o := range cmp.Outlets {
			fmt.Fprintf(&b, "\n**Only in %s**\n", escapeMarkdown(outletShown(o.Outlet)))
			if len(o.Unique) == 0 {
				b.WriteString("_Nothing the others do not also report._\n")
			}
			for _, f := range o.Unique {
				fmt.Fprintf(&b, "• %s [%d]\n", escapeMarkdown(truncateText(cleanQuestion(f.Text), maxSentenceShown)), f.Citation.N)
			}
		}
		switch {
		case strings.TrimSpace(cmp.Framing) != "":
			b.WriteString("\n**How they framed it**\n" + strings.TrimSpace(cmp.Framing))
		case len(cmp.Dropped) > 0:
			b.WriteString("\n_The language model's contrast of the framing could not be checked against the articles, so it is not shown._")
		}
	}
	return rag.Answer{Text: strings.TrimSpace(b.String()), Citations: cmp.Citations, Mode: cmp.Mode, AsOf: newestCited(cmp.Citations)}
}

// sourceMarker is " [n]" for the i-th source, or nothing when there is none.
func sourceMarker(sources []rag.Citation, i int) string {
	if i >= len(sources) || sources[i].N < 1 {
		return ""
	}
	return fmt.Sprintf(" [%d]", sources[i].N)
}

// outletShown is an outlet's name, shortened for a line of text.
func outletShown(o string) string {
	if o = cleanQuestion(o); o == "" {
		return "Unknown outlet"
	}
	return truncateText(o, maxOutletShown)
}

// linkedTitle is an article's title, linked when it has a usable URL.
func linkedTitle(a rag.ArticleInfo) string {
	title := linkText(a.Title)
	if title == "" {
		title = linkText(a.ID)
	}
	title = truncateText(title, maxSourceTitle)
	if link := safeLink(a.URL); link != "" && discordLen(link) <= 300 {
		return "[" + title + "](" + link + ")"
	}
	return title
}

func countOf(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// newestCited is the "as of" date of what the citations cite.
func newestCited(cites []rag.Citation) time.Time {
	var newest time.Time
	for _, c := range cites {
		if c.Published.After(newest) {
			newest = c.Published
		}
	}
	return newest
}
