package answer

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// quoteTopicShare is how much of a topic (by IDF weight) the paragraphs
// around a quotation must hold for the quotation to be on the topic.
const quoteTopicShare = 0.5

// Quotes lists quotations by a person, newest article first: those the
// person said, and those a spokesperson or a statement said about them
// (About), which stay the spokesperson's words. person matches as NamesMatch
// does, across the forms of the name the coverage uses ("Starmer", "Sir
// Keir"). topic, when set, keeps the quotations whose paragraphs hold most
// of the topic's terms. With no person, every quotation on the topic is
// listed; with neither, ErrEmptyQuestion.
func (e *Engine) Quotes(ctx context.Context, person, topic string) ([]rag.Quote, error) {
	person, topic = NormalizeQuestion(person), NormalizeQuestion(topic)
	if person == "" && topic == "" {
		return nil, fmt.Errorf("quotes: name a person or a topic: %w", rag.ErrEmptyQuestion)
	}
	for _, s := range []string{person, topic} {
		if utf8.RuneCountInString(s) > rag.MaxQuestionChars {
			return nil, rag.ErrQuestionTooLong
		}
	}
	all := e.Index.Quotes()
	var names []string
	for _, q := range all {
		names = append(names, q.Speaker)
		if q.About != "" {
			names = append(names, q.About)
		}
	}
	groups := quote.GroupNames(names)
	if person != "" {
		// A name that fits several people lists them rather than merging
		// their words; the one the name gives in full is not ambiguous.
		cands := quote.Candidates(person, names)
		if len(cands) > 1 {
			exact := ""
			for _, c := range cands {
				if quote.SameName(person, c) {
					exact = c
				}
			}
			if exact == "" {
				return nil, &rag.AmbiguousPersonError{Person: person, Candidates: cands}
			}
			person = exact
		}
	}
	shared := quote.SharedNames(groups)
	matches := func(name string) bool {
		if name == "" {
			return false
		}
		g := groups[name]
		// A bare surname another person shares fits neither of them.
		return quote.NamesMatch(person, g) && (!shared[g] || quote.SameName(g, person))
	}
	terms := prose.Terms(topic)
	var out []rag.Quote
	for _, q := range all {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if person != "" && !matches(q.Speaker) && !matches(q.About) {
			continue
		}
		if len(terms) > 0 {
			body, err := e.Index.ArticleText(q.ArticleID)
			if err != nil {
				continue // removed since Quotes was read
			}
			if topicShare(terms, prose.Terms(q.Title+"\n"+quoteParagraphs(body, q)), e.Index.IDF) < quoteTopicShare {
				continue
			}
		}
		out = append(out, q)
	}
	return out, nil
}

// quoteParagraphs returns the paragraphs a quotation stands in.
func quoteParagraphs(body string, q rag.Quote) string {
	start, end := q.Start, q.Start+len(q.Text)
	if start < 0 || end > len(body) || start > end {
		return q.Text
	}
	ps := strings.LastIndex(body[:start], "\n\n") + 1
	pe := len(body)
	if i := strings.Index(body[end:], "\n\n"); i >= 0 {
		pe = end + i
	}
	return body[ps:pe]
}

// topicShare is the share of the topic's terms, weighed by IDF, that the
// text holds. A term the index has never seen weighs 1.
func topicShare(topic, text []string, idf func(string) float64) float64 {
	have := make(map[string]bool, len(text))
	for _, t := range text {
		have[t] = true
	}
	var got, total float64
	seen := map[string]bool{}
	for _, t := range topic {
		if seen[t] {
			continue
		}
		seen[t] = true
		w := 1.0
		if idf != nil {
			if v := idf(t); v > 0 {
				w = v
			}
		}
		total += w
		if have[t] {
			got += w
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}
