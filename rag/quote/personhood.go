package quote

import (
	"regexp"
	"strings"
)

// Grammar that only a person takes, as evidence that a name is a person's
// (see evidenced): English gives a relative clause on a person "who" and
// one on a company or a thing "which" or "that" ("Ada Lund, who runs the
// bakery,"), and news style sets a person's age, alone, in apposition
// after the name ("Ada Lund, 54, of Millbrook,").
var (
	rePersonRelative = regexp.MustCompile(`^,? who\b`)
	reThingRelative  = regexp.MustCompile(`^, which\b`)
	reAgeAppositive  = regexp.MustCompile(`^, (\d{1,3}),`)
)

// personGrammar reports whether the mention p is followed by a relative
// clause opened with "who" or by an age in apposition, or comes after an
// abbreviated courtesy or job title that its full stop keeps out of the
// name ("Officer Dr. Ivo Sand", "Sen. Rolf Aune").
func (x *quoteExtractor) personGrammar(p personMention) bool {
	if e := trimRightSpace(x.masked, 0, p.at); e > 1 && x.masked[e-1] == '.' {
		w := strings.ToLower(x.masked[lastWordStart(x.masked, 0, e-1) : e-1])
		if honorifics[w] || jobTitles[w] {
			return true
		}
	}
	rest := x.masked[p.end:min(len(x.masked), p.end+12)]
	if p.possessive {
		return false
	}
	return rePersonRelative.MatchString(rest) || reAgeAppositive.MatchString(rest)
}

// ageAppositive reports whether an appositive is a person's age, alone or
// before more of the appositive ("54", "77, of Millbrook").
func ageAppositive(ap string) bool {
	return reAgeAppositive.MatchString(", " + strings.TrimSpace(ap) + ",")
}

// thingGrammar reports whether the mention p is followed by a relative
// clause opened with "which", the relative pronoun English gives a
// company, a body or a thing and never a person ("Acme Widgets, which
// makes parts, said"): evidence that the name is not a person's.
func (x *quoteExtractor) thingGrammar(p personMention) bool {
	if p.possessive {
		return false
	}
	return reThingRelative.MatchString(x.masked[p.end:min(len(x.masked), p.end+8)])
}

// namedAsThing reports whether the article, at some mention of name,
// gives it a relative clause opened with "which" (see thingGrammar).
func (x *quoteExtractor) namedAsThing(name string) bool {
	for _, p := range x.people {
		if x.canonical(p.name) == name && x.thingGrammar(p) {
			return true
		}
	}
	return false
}

// reAgeBefore is an age in apposition ending at a comma: ", 34,".
var reAgeBefore = regexp.MustCompile(`, \d{1,3},$`)

// beforeAge steps back over an age in apposition that ends at c, just
// past its comma, to just past the comma after the name; otherwise it
// returns c. News style gives a person's age and home town that way, and
// writers leave out the comma closing the town (`Ada Lund, 34, of
// Millbrook told`).
func (x *quoteExtractor) beforeAge(sentStart, c int) int {
	if loc := reAgeBefore.FindStringIndex(x.masked[max(sentStart, c-6):c]); loc != nil {
		return max(sentStart, c-6) + loc[0] + 1
	}
	return c
}
