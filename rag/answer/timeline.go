package answer

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// Timeline tuning.
const (
	timelineK = 16 // passages retrieved
	// An article is part of the story when it holds this share of the
	// topic's terms.
	timelineMinTopicShare = 0.5
	timelineMaxEntries    = 20
	// Sentences that give no date of their own all fall on their article's
	// date; a few from each article are enough to place the story.
	timelineUndatedPerArticle = 3
	// Two sentences are one event told twice when their content terms
	// overlap this much (Jaccard) and their figures agree.
	timelineDuplicate = 0.5
	// A later sentence revises an earlier one when they share at least this
	// many non-number terms, overlapping this much, and give other figures.
	revisionMinShared = 3
	revisionOverlap   = 0.4
	minEventWords     = 6
	maxEventWords     = 80
)

// Timeline orders the events of a story by when they happened. It
// retrieves the topic's passages, keeps the sentences that report events,
// and dates each from what it says ("on Thursday", "last month", "14
// February", read against its article's publication date) or else from the
// article's date. Each entry cites its passage. When a later report gives a
// different figure for something an earlier one reported, both are kept and
// the later one is marked as an update. asOf is when the question is asked
// (zero means now); it steers retrieval, not the dating.
func (e *Engine) Timeline(ctx context.Context, topic string, asOf time.Time) ([]rag.TimelineEntry, error) {
	topic = NormalizeQuestion(topic)
	if err := checkQuestion(topic); err != nil {
		return nil, err
	}
	if asOf.IsZero() {
		asOf = e.now()
	}
	start := time.Now()
	hits, err := e.retrieve(ctx, topic, rag.RetrieveOptions{K: timelineK, AsOf: asOf})
	e.observe(StageRetrieve, start, err)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	terms := prose.Terms(topic)
	hits = e.onStory(hits, terms, timelineMinTopicShare)
	return buildTimeline(hits, e.articleDates(hits), terms, e.Index.IDF), nil
}

// articleDates returns, by article, the reader that dates its sentences:
// relative dates from the article's reference date (a live page that says
// it was updated later dates "Thursday morning" from the update,
// prose.ReferenceDate), and "five days later" from the date an earlier
// sentence of the article gave (prose.ArticleDates).
func (e *Engine) articleDates(hits []rag.Hit) map[string]*prose.ArticleDates {
	out := map[string]*prose.ArticleDates{}
	for _, h := range hits {
		if _, seen := out[h.ArticleID]; seen {
			continue
		}
		body, err := e.Index.ArticleText(h.ArticleID)
		if err != nil {
			body = ""
		}
		out[h.ArticleID] = prose.NewArticleDates(body, h.Published)
	}
	return out
}

// onStory keeps the hits whose articles hold at least share of the topic's
// terms (by IDF weight): retrieval always returns something, and a passage
// from an article on another story has no place in this one's timeline.
func (e *Engine) onStory(hits []rag.Hit, topic []string, share float64) []rag.Hit {
	keep := map[string]bool{}
	var out []rag.Hit
	for _, h := range hits {
		ok, seen := keep[h.ArticleID]
		if !seen {
			body, err := e.Index.ArticleText(h.ArticleID)
			ok = err == nil && topicShare(topic, prose.Terms(h.Title+"\n"+body), e.Index.IDF) >= share
			keep[h.ArticleID] = ok
		}
		if ok {
			out = append(out, h)
		}
	}
	return out
}

// timelineCandidate is a dated event sentence with where it came from.
type timelineCandidate struct {
	entry   rag.TimelineEntry
	rank    int     // of its hit
	onTopic float64 // the share of the topic the sentence (and, at half weight, its headline) holds
	offset  int     // in its passage
	terms   map[string]bool
	numbers map[string]bool
}

// selectionScore ranks candidates for the timeline's few places: the
// topic, and a sentence that dates itself (to the day, better).
func (c timelineCandidate) selectionScore() float64 {
	score := c.onTopic
	switch {
	case c.entry.DateText == "published":
	case c.entry.Precision == rag.PrecisionDay:
		score += 0.5
	default:
		score += 0.25
	}
	return score
}

func buildTimeline(hits []rag.Hit, dates map[string]*prose.ArticleDates, topic []string, idf func(string) float64) []rag.TimelineEntry {
	var cands []timelineCandidate
	seen := map[string]bool{}
	for rank, h := range hits {
		for _, sp := range prose.SentenceSpans(h.Text) {
			sent := h.Text[sp[0]:sp[1]]
			key := strings.Join(prose.Tokenize(sent), " ")
			if seen[key] || !reportsEvent(sent) {
				continue
			}
			ent := rag.TimelineEntry{Text: sent, Citation: rag.Citation{Passage: h.Passage}}
			dater, ok := dates[h.ArticleID]
			if !ok {
				dater = prose.NewArticleDates("", h.Published)
				dates[h.ArticleID] = dater
			}
			if d, ok := dater.Date(sent); ok {
				ent.Date, ent.DateText, ent.Precision, ent.Approx = d.Date, d.Phrase, d.Precision, d.Approx()
			} else if !h.Published.IsZero() {
				ent.Date, ent.DateText, ent.Precision = prose.TruncateDay(h.Published), "published", rag.PrecisionDay
			} else {
				continue // neither the sentence nor its article says when
			}
			seen[key] = true
			c := timelineCandidate{entry: ent, rank: rank, offset: sp[0], terms: map[string]bool{}, numbers: map[string]bool{},
				onTopic: (topicShare(topic, prose.Terms(sent), idf) + topicShare(topic, prose.Terms(h.Title+"\n"+sent), idf)) / 2}
			for _, t := range supportTerms(sent) {
				if isNumberTerm(t) {
					c.numbers[t] = true
				} else {
					c.terms[t] = true
				}
			}
			cands = append(cands, c)
			// A sentence that tells other events on other days ("approved
			// the bid in late July, and the final vote came Tuesday") is
			// listed again at each of them, with the words its date rests on.
			if ent.DateText != "published" {
				cands = append(cands, otherEvents(c, dater.Events(sent))...)
			}
		}
	}
	cands = dropRetellings(cands)
	// Keep the best: those that hold more of the topic, with a bonus for a
	// date of their own, then by retrieval rank.
	sort.SliceStable(cands, func(i, j int) bool {
		si, sj := cands[i].selectionScore(), cands[j].selectionScore()
		if si != sj {
			return si > sj
		}
		return cands[i].rank < cands[j].rank
	})
	undated := map[string]int{}
	kept := cands[:0]
	for _, c := range cands {
		if c.entry.DateText == "published" {
			if undated[c.entry.Citation.ArticleID] == timelineUndatedPerArticle {
				continue
			}
			undated[c.entry.Citation.ArticleID]++
		}
		kept = append(kept, c)
	}
	cands = kept
	if len(cands) > timelineMaxEntries {
		cands = cands[:timelineMaxEntries]
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if !a.entry.Date.Equal(b.entry.Date) {
			return a.entry.Date.Before(b.entry.Date)
		}
		if !a.entry.Citation.Published.Equal(b.entry.Citation.Published) {
			return a.entry.Citation.Published.Before(b.entry.Citation.Published)
		}
		if a.entry.Citation.ArticleID != b.entry.Citation.ArticleID {
			return a.entry.Citation.ArticleID < b.entry.Citation.ArticleID
		}
		if a.entry.Citation.Pos != b.entry.Citation.Pos {
			return a.entry.Citation.Pos < b.entry.Citation.Pos
		}
		return a.offset < b.offset
	})
	markRevisions(cands)
	out := make([]rag.TimelineEntry, len(cands))
	for i, c := range cands {
		out[i] = c.entry
		out[i].Citation.N = i + 1
	}
	return out
}

// otherEvents returns a copy of c, a sentence's timeline candidate, for
// each other day the sentence dates an event on: one for each date that is
// not c's, the first phrase that gives it.
func otherEvents(c timelineCandidate, events []prose.DatedPhrase) []timelineCandidate {
	var out []timelineCandidate
	seen := map[string]bool{c.entry.Date.Format(time.DateOnly) + c.entry.Precision: true}
	for _, ev := range events {
		key := ev.Date.Format(time.DateOnly) + ev.Precision
		if seen[key] {
			continue
		}
		seen[key] = true
		o := c
		o.entry.Date, o.entry.DateText, o.entry.Precision, o.entry.Approx = ev.Date, ev.Phrase, ev.Precision, ev.Approx()
		out = append(out, o)
	}
	return out
}

// dropRetellings keeps one of each pair of sentences that tell the same
// event with the same figures on the same date, the better-ranked one.
func dropRetellings(cands []timelineCandidate) []timelineCandidate {
	var out []timelineCandidate
	for _, c := range cands {
		dup := false
		for _, k := range out {
			if k.entry.Date.Equal(c.entry.Date) && sameSet(k.numbers, c.numbers) && jaccard(k.terms, c.terms) >= timelineDuplicate {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// markRevisions marks each entry from a later article that gives other
// figures for what an entry from an earlier article reported.
func markRevisions(cands []timelineCandidate) {
	for j := range cands {
		later := &cands[j]
		if len(later.numbers) == 0 {
			continue
		}
		for i := range cands {
			earlier := cands[i]
			if i == j || len(earlier.numbers) == 0 || earlier.entry.Citation.ArticleID == later.entry.Citation.ArticleID ||
				!earlier.entry.Citation.Published.Before(later.entry.Citation.Published) || sameSet(earlier.numbers, later.numbers) {
				continue
			}
			shared := 0
			for t := range later.terms {
				if earlier.terms[t] {
					shared++
				}
			}
			if shared >= revisionMinShared && jaccard(earlier.terms, later.terms) >= revisionOverlap {
				later.entry.Update = true
				later.entry.Revises = i + 1
				break
			}
		}
	}
}

// reportsEvent tells sentences that report something that happened from
// analysis, speculation and scene-setting: a statement of some length whose
// main clause has an event verb before any modal ("Zelenskyy said it could
// be historic" reports; "This could be the week …" guesses), or, failing a
// verb, a date.
func reportsEvent(sent string) bool {
	words := strings.Fields(sent)
	if len(words) < minEventWords || len(words) > maxEventWords {
		return false
	}
	trimmed := strings.TrimRight(sent, "\"'”’)")
	if strings.HasSuffix(trimmed, "?") {
		return false
	}
	first := strings.ToLower(strings.Trim(words[0], ",;:"))
	if first == "if" || first == "or" || first == "unless" {
		return false
	}
	for _, raw := range words {
		w := strings.Trim(raw, ",.;:!?\"'“”‘’()[]–—")
		lw := strings.ToLower(w)
		if guessWords[lw] && !(lw == "may" && w == "May") { // "in May" is a month
			return false
		}
		if eventVerbs[lw] {
			return true
		}
	}
	// Any date will do to find out whether the sentence names one.
	_, dated := prose.ResolveDate(sent, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	return dated
}

var (
	// Modals that make a sentence a guess rather than a report.
	guessWords = prose.WordSet(`could might may would should must perhaps maybe`)
	// Verbs of things that happen, in the forms reports use.
	eventVerbs = prose.WordSet(`met meets said says told spoke speaks held called announced announces agreed agrees signed
attacked struck killed launched visited visits left arrived arrives discussed criticised criticized criticises
criticizes warned warns posted wrote rejected rejects approved voted passed elected resigned resigns died injured fired
released published ordered imposed invaded withdrew returned travelled traveled flew ended began started opened closed
reported confirmed confirms denied denies admitted admits accused charged arrested sentenced won lost raised increased
fell rose blew ripped presented proposed offered pledged promised reiterated lasted applauded walked stopped showed came
took gave destroyed damaged evacuated collapsed erupted burned flooded crashed exploded talked introduced suggested
demanded threatened urged sent deployed rescued spotted found`)
)

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
