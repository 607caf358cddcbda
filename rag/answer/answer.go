package answer

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// What an answer says when the coverage does not answer the question. Every
// abstention begins with "The coverage doesn't say", so a reader (and a test)
// can tell it from an answer, and none of them names a source.
const (
	abstainNoPassages = "The coverage doesn't say: nothing in it matches the question."
	abstainNoAnswer   = "The coverage doesn't say: the passages found do not answer the question."
	// abstainNoNext: "when's the next…", and the passages speak only of
	// what has happened.
	abstainNoNext = "The coverage doesn't say: the passages found speak of no such event still to come."
	// abstainUnverified is said when the model answered but none of its
	// sentences stood up against the passages it cited.
	abstainUnverified = "The coverage doesn't say: the model's answer could not be verified against the passages it cited."
	abstainNoTerms    = "The coverage doesn't say: the question has no words to look for."
)

// abstainMissing says which of the question's words the passages never use,
// which is the usual reason a question cannot be answered.
func abstainMissing(words []string) string {
	return "The coverage doesn't say: none of the passages found mention " + joinWords(words) + "."
}

// abstainApart says that the passages never name a yes-or-no question's
// subject and object together, so they cannot tell whether the event
// between them happened.
func abstainApart(subject, object []string) string {
	return "The coverage doesn't say: no sentence of the passages found names " + listWords(subject, "or") + " with " + listWords(object, "or") + "."
}

// abstainPosted says that the passages found name the role the question
// asks about only for another country.
func abstainPosted(asked, found posting) string {
	return "The coverage doesn't say: the passages found name a “" + found.noun + " " + found.prep + " " + found.country + "”, not one " + asked.prep + " " + asked.country + "."
}

// abstainOthers says that the passages found use the question's verb only
// of others than its subject.
func abstainOthers(doer []string, verb string) string {
	return "The coverage doesn't say: the passages found say “" + verb + "” only of others than " + listWords(doer, "and") + "."
}

// joinWords quotes words and lists them with "or".
func joinWords(ws []string) string { return listWords(ws, "or") }

// listWords quotes words and lists them, the last after conjunction.
func listWords(ws []string, conjunction string) string {
	quoted := make([]string, len(ws))
	for i, w := range ws {
		quoted[i] = "“" + w + "”"
	}
	switch len(quoted) {
	case 0:
		return ""
	case 1:
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " " + conjunction + " " + quoted[len(quoted)-1]
}

// newestPublished is the answer's "as of" date: the newest publication date
// among the cited passages, or zero when none is dated.
func newestPublished(cites []rag.Citation) time.Time {
	var t time.Time
	for _, c := range cites {
		if c.Published.After(t) {
			t = c.Published
		}
	}
	return t
}

// noAnswerPattern matches a sentence that says the sources do not answer: "The
// sources don't say", "The provided articles do not mention X", "I don't
// know", "There is no information about …".
var noAnswerPattern = regexp.MustCompile(`(?i)` +
	`\b(sources?|coverage|articles?|passages?|context|texts?|information|reports?|documents?)\b[^.!?]{0,60}?\b(do|does|did|is|are|was|were)\s*(not|n't)\b[^.!?]{0,30}?\b(say|mention|contain|answer|cover|include|provide|specify|discuss|address|state|report|give|tell|describe|indicate|know)` +
	`|\b(i|we)\s+(do|did)\s*(not|n't)\s+know\b` +
	`|\bno (information|mention|details?|reports?)\b[^.!?]{0,40}?\b(in|from|about|on|regarding)\b` +
	`|\bnot (mentioned|covered|stated|reported|specified|addressed)\b[^.!?]{0,20}?\b(in|by)\s+(the\s+)?(provided\s+)?(sources?|coverage|articles?|passages?)` +
	`|\b(cannot|can't|unable to)\s+(answer|tell|say|determine|find)\b`)

// statesNoAnswer reports whether s says that the sources do not answer,
// rather than stating a fact.
func statesNoAnswer(s string) bool {
	s = strings.ReplaceAll(s, "’", "'")
	return noAnswerPattern.MatchString(s)
}

// hitsOf wraps passages as hits, so the summarisers can share the answerers'
// citation checks.
func hitsOf(passages []rag.Passage) []rag.Hit {
	hits := make([]rag.Hit, len(passages))
	for i, p := range passages {
		hits[i] = rag.Hit{Passage: p}
	}
	return hits
}

// citeSentence puts the marker [n] on s: before its closing full stop, or
// after it when the sentence ends in a quote or has no full stop. A
// quotation s holds only part of is closed first (quote.Balance).
func citeSentence(s string, n int) string {
	s = quote.Balance(s)
	at := markerInsertPoint(s, 0, len(s))
	return s[:at] + " [" + strconv.Itoa(n) + "]" + s[at:]
}

// withVerifiedCitations finishes a model's answer: draft's citations are
// checked against hits by v (see Verifier), the sentences they do not
// support are added to ans.Dropped and every check to ans.Checks, and an
// answer left with no verified citation becomes the abstention abstain, or
// abstainDropped when the check removed what it said.
func withVerifiedCitations(ctx context.Context, v *Verifier, ans rag.Answer, draft string, hits []rag.Hit, abstain, abstainDropped string) rag.Answer {
	checked := v.verify(ctx, draft, hits)
	ans.Dropped = append(ans.Dropped, checked.dropped...)
	ans.Checks, ans.Verifier = checked.checks, checked.by
	if len(checked.cites) == 0 {
		ans.Text, ans.Abstained = abstain, true
		if len(checked.dropped) > 0 {
			ans.Text = abstainDropped
		}
		return ans
	}
	ans.Text, ans.Citations, ans.AsOf = checked.text, checked.cites, newestPublished(checked.cites)
	return ans
}
