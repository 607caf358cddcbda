package answer

import "regexp"

// contractedIs is a wh-word, "that" or "there" contracted with "is" (or
// "has"), with or without the apostrophe people leave out when they type
// fast: "what's", "whats", "when's", "whos", "wheres". A closed class.
var contractedIs = regexp.MustCompile(`(?i)\b(what|when|where|who|how|why|that|there)(?:['’]s|s)\b`)

// spellOutContractions writes a question's contracted wh-words out in
// full ("whats the deal with…" is "what is the deal with…", "when's the
// next…" is "when is the next…"), so that the question is read for what it
// asks (a time for "when's") and "whats" is not taken for a word the
// passages must hold.
func spellOutContractions(question string) string {
	return contractedIs.ReplaceAllString(question, "$1 is")
}
