package quote

import (
	"regexp"
	"strings"
)

// Words delivered by someone else: a statement a team or an office issued,
// a speech read on someone's behalf, words passed on by a spokesperson or
// a lawyer. They stay the speaker's words, marked with who relayed them.
var (
	// "in a statement released by Gotham FC", "in remarks read by her
	// daughter": the relayer is the phrase after "by".
	reRelayedBy = regexp.MustCompile(`(?i)\b(?:statement|statements|remarks|message|letter|speech|post)s? (?:that was |which was )?(?:released|issued|read|delivered|put out|sent|posted|shared|distributed|provided|given) by `)
	// "through a spokesperson", "via her lawyer", "according to his
	// attorney": the relayer is the role.
	// "in a statement from her publicist" too.
	reRelayedThrough = regexp.MustCompile(`(?i)\b(?:through|via|according to|statement from|message from) ((?:a|an|his|her|their|the) (?:spokesperson|spokesman|spokeswoman|lawyer|lawyers|attorney|attorneys|representative|representatives|publicist|agent|family))\b`)
	// "on his behalf"
	reOnBehalf = regexp.MustCompile(`(?i)\bon (?:his|her|their) behalf\b`)
)

// relayer returns who delivered the words of quotation i, when the
// sentences that hold it and its attribution say that someone did.
func (x *quoteExtractor) relayer(i int) string {
	sp := x.spans[i]
	s, _ := x.sentenceAround(sp.open)
	_, e := x.sentenceAround(max(sp.end-1, sp.open))
	if e < sp.end {
		e = sp.end
	}
	// The attribution may stand in the sentence after a quotation that
	// ends with its own full stop.
	if e+1 < len(x.masked) {
		if ns, ne := x.sentenceAround(e + 1); ns > e && ns-e <= 3 && ne > e {
			e = ne
		}
	}
	text := x.masked[s:e]
	if loc := reRelayedBy.FindStringIndex(text); loc != nil {
		ps, pe := x.phraseAfter(s + loc[1])
		if ps < pe {
			return cutAtClause(x.masked[ps:pe])
		}
	}
	if m := reRelayedThrough.FindStringSubmatchIndex(text); m != nil {
		return text[m[2]:m[3]]
	}
	if reOnBehalf.MatchString(text) {
		if ref, ok := x.sentenceSubject(s, e); ok && ref.speaker != "" {
			return ref.speaker
		}
	}
	return ""
}

// cutAtClause ends a noun phrase where a clause or an adverbial begins:
// "the White House after the vote" is "the White House".
func cutAtClause(np string) string {
	words := strings.Fields(np)
	for k, w := range words {
		if k > 0 && (clauseWords[strings.ToLower(w)] || prepositions[strings.ToLower(w)] && strings.ToLower(w) != "of") {
			words = words[:k]
			break
		}
	}
	return strings.Join(words, " ")
}
