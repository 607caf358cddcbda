// "When's the next…": a question about the occurrence still to come.

package answer

import (
	"regexp"
	"slices"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// futureMarker finds the English grammar of time to come in a sentence:
// the modals of the future (will, shall, 'll, won't), the periphrastic
// futures (going to, set to, due to, about to, expected to, scheduled to,
// planned, plans to), and the deictic words that place an event after now
// (next, upcoming, coming, later, tomorrow, soon). A closed class.
var futureMarker = regexp.MustCompile(`(?i)\b(will|shall|won['’]t|going to|set to|due to|about to|expected to|scheduled|planned|plans? to|next|upcoming|coming|later|tomorrow|soon)\b|['’]ll\b`)

// asksNext reports whether a question asks when or where the next
// occurrence of something is ("when's the next X Y meeting", "where will
// they meet next"): its asking sentence holds "next" other than in "next
// to" (a place) or before a unit of time ("next week" is a time the
// question gives, not the occurrence it asks for).
func asksNext(question string) bool {
	_, asking := askingSentence(question)
	toks := prose.Tokenize(asking)
	for i, tok := range toks {
		if tok != "next" {
			continue
		}
		if i+1 < len(toks) && (toks[i+1] == "to" || calendarWord(prose.Stem(toks[i+1])) || timeUnits[toks[i+1]]) {
			continue
		}
		return true
	}
	return false
}

// timeUnits are the units of time "next" may set a time by.
var timeUnits = wordSet(`second minute hour day week weekend month year decade century morning afternoon evening night time`)

// speaksOfFuture reports whether one of the chosen sentences speaks of
// time to come.
func speaksOfFuture(chosen []scoredSentence) bool {
	return slices.ContainsFunc(chosen, func(c scoredSentence) bool { return futureMarker.MatchString(c.text) })
}
