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
