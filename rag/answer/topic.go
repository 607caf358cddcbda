// Whether the coverage holds the story a routed request names. A request
// is no question, but it has a focus all the same: "the latest on the
// champions league" or "a summary of the Hale Ode meeting" asks for a
// story, and a digest or a summary of other stories is no answer to it.

package answer

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// minTopicCoverage is the share of a topic's focus weight (its words' IDF)
// that the passages found must hold, as a whole, for the coverage to hold
// the story.
const minTopicCoverage = 0.5

// topicConjunction splits a topic that names two stories ("the Hale Ode
// call and the Tarrow talks") into its conjuncts: "and" between noun
// phrases, a closed class of one.
var topicConjunction = regexp.MustCompile(`(?i)\s+and\s+(?:the\s+|a\s+)?`)

// topicAbsent tells why the coverage holds no story on a routed request's
// topic, or "" when it does (or the request names none). It retrieves as
// the features do, and reads the passages the way the extractive answerer
// reads them for a question (analyseQuestion, learnFromPassages): a name
// no passage holds, or too little of the topic's words, means the story is
// not covered; and in each of its conjuncts, the people or things a topic
// names ("the Bolton Putin meeting") must be named in one sentence, and
// all its words ("Ode's ferry contract") held by one passage.
func (e *Engine) topicAbsent(ctx context.Context, topic string, opts rag.AskOptions) (string, error) {
	topic = strings.TrimSpace(topic)
	if topic == "" {
		return "", nil
	}
	hits, err := e.retrieve(ctx, topic, opts.RetrieveOptions)
	if err != nil {
		return "", err
	}
	hits = distinctHits(hits)
	if len(hits) == 0 {
		return noStory(topic, nil), nil
	}
	var idf func(string) float64
	if e.Index != nil {
		idf = e.Index.IDF
	}
	q := analyseQuestion(topic, idf)
	if q.total == 0 {
		return "", nil // only phrasing: the feature takes the whole coverage
	}
	passageTerms := make([]map[string]bool, len(hits))
	for i, h := range hits {
		passageTerms[i] = termSet(h.Title + "\n" + h.Text)
	}
	q.learnFromPassages(hits, passageTerms)
	if missing := missingNames(q, passageTerms); len(missing) > 0 {
		return noStory(topic, missing), nil
	}
	var held, total float64
	for _, t := range q.order {
		if t == kindTerm {
			continue
		}
		total += q.weight[t]
		for _, pt := range passageTerms {
			if q.names(pt, t) {
				held += q.weight[t]
				break
			}
		}
	}
	if total > 0 && held/total < minTopicCoverage {
		return noStory(topic, missingWords(q, passageTerms)), nil
	}
	sentences := sentenceTerms(hits)
	for _, conjunct := range topicConjunction.Split(topic, -1) {
		names, focus := q.conjunctTerms(conjunct)
		if len(names) >= 2 && !togetherIn(q, sentences, names) {
			return "The coverage has nothing on “" + topic + "”: no sentence of the passages found names " + listWords(surfaces(q, names), "and") + " together.", nil
		}
		if len(focus) >= 2 && !togetherIn(q, passageTerms, focus) {
			return "The coverage has nothing on “" + topic + "”: no passage found mentions " + listWords(surfaces(q, focus), "and") + " together.", nil
		}
	}
	return "", nil
}

// sentenceTerms are the terms of every sentence of the hits, headlines
// included.
func sentenceTerms(hits []rag.Hit) []map[string]bool {
	var out []map[string]bool
	for _, h := range hits {
		for _, s := range hitSentences(h) {
			out = append(out, termSet(s))
		}
	}
	return out
}

// conjunctTerms are the focus terms of one conjunct of a topic or an open
// question, and those of them that are names.
func (q questionTerms) conjunctTerms(conjunct string) (names, focus []string) {
	for _, t := range prose.Terms(conjunct) {
		if _, ok := q.weight[t]; !ok || t == kindTerm || slices.Contains(focus, t) {
			continue
		}
		focus = append(focus, t)
		if q.entity[t] && len(t) > 2 {
			names = append(names, t)
		}
	}
	return names, focus
}

// togetherIn reports whether one of the texts (the terms of each) names
// every one of the question terms.
func togetherIn(q questionTerms, texts []map[string]bool, names []string) bool {
	for _, s := range texts {
		all := true
		for _, t := range names {
			all = all && q.names(s, t)
		}
		if all {
			return true
		}
	}
	return false
}

func surfaces(q questionTerms, terms []string) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = q.surface[t]
	}
	return out
}

// noStory is the abstention for a request on a story the coverage lacks.
func noStory(topic string, missing []string) string {
	s := "The coverage has nothing on “" + topic + "”"
	if len(missing) > 0 {
		s += ": none of the passages found mention " + joinWords(missing)
	}
	return s + "."
}

// namingStory keeps the hits whose article names what the topic names: in
// one of the topic's conjuncts, every word that is a name (capitalised in
// the topic, or written as a name by the passages found: "nato" in "the
// nato talks"). Retrieval matches a topic by any of its words, and a
// generic head noun ("talks", "meeting") is in many stories; the story
// asked for is the one with its names. A topic that names nothing keeps
// every hit, and so does one no hit's article fully names (topicAbsent
// speaks for that case first).
func (e *Engine) namingStory(hits []rag.Hit, topic string) []rag.Hit {
	if len(hits) == 0 || strings.TrimSpace(topic) == "" {
		return hits
	}
	var idf func(string) float64
	if e.Index != nil {
		idf = e.Index.IDF
	}
	q := analyseQuestion(topic, idf)
	passageTerms := make([]map[string]bool, len(hits))
	for i, h := range hits {
		passageTerms[i] = termSet(h.Title + "\n" + h.Text)
	}
	q.learnFromPassages(hits, passageTerms)
	var conjuncts [][]string
	for _, c := range topicConjunction.Split(topic, -1) {
		if names, _ := q.conjunctTerms(c); len(names) > 0 {
			conjuncts = append(conjuncts, names)
		}
	}
	if len(conjuncts) == 0 {
		return hits
	}
	articleTerms := map[string]map[string]bool{}
	var kept []rag.Hit
	for i, h := range hits {
		terms, ok := articleTerms[h.ArticleID]
		if !ok {
			terms = passageTerms[i]
			if e.Index != nil {
				if body, err := e.Index.ArticleText(h.ArticleID); err == nil {
					terms = termSet(h.Title + "\n" + body)
				}
			}
			articleTerms[h.ArticleID] = terms
		}
		for _, names := range conjuncts {
			if togetherIn(q, []map[string]bool{terms}, names) {
				kept = append(kept, h)
				break
			}
		}
	}
	if len(kept) == 0 {
		return hits
	}
	return kept
}
