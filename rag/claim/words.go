package claim

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// lightWords carry no claim of their own: function words beyond the
// prose stopwords (adverbs of degree and time, quantifiers, demonstratives
// and relatives with their -ever forms, the complementizer "whether", the concessive conjunctions
// "though" and "although", the indefinite pronouns,
// modal and light verbs, the titles before a name) and hedges a writer adds when turning a passage into an answer. Verbs of
// saying are light too; they come from WordNet (lexicon.IsSaying).
var lightWords = wordSet(`also still even just really already yet ever
	one ones per like much many such thing things way every either several another various
	according accordingly among amid across around about while whilst though although
	will would could should might may must can shall get got getting gets
	make makes made making take takes took taken
	there here these those this that those it its who whom whose which whether
	whatever whichever whoever whomever wherever whenever however
	anyone anybody everyone everybody someone somebody anything everything something
	seem seems seemed appear appears appeared
	mr mrs ms dr sir dame lord st`)

// honorifics and titles stand before a name and are not part of it.
var honorifics = wordSet(`mr mrs ms miss dr sir dame lord lady professor prof father rev
	president prime minister secretary director chief ceo chair chairman chairwoman
	senator sen rep governor gov mayor king queen prince princess pope general gen
	judge justice chancellor ambassador envoy commissioner officer coach captain
	the former late`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isContent reports whether a lower-cased word can carry a claim.
func isContent(low string) bool {
	if len(low) < 2 && !hasDigit(low) {
		return false
	}
	if low == "won" {
		// The stopword list holds "won" as the stem of "won't", which
		// tokenize rewrites to "will not": here it is always win's past.
		return true
	}
	return !prose.IsStopword(low) && !lightWords[low] && !negationWords[low] && !lexicon.IsSaying(low)
}

// forms gives the keys under which a word is matched: itself, its light
// stem, and its WordNet base forms.
func forms(low string) []string {
	out := []string{low}
	add := func(f string) {
		for _, o := range out {
			if o == f {
				return
			}
		}
		out = append(out, f)
	}
	add(prose.Stem(low))
	for _, b := range lexicon.Bases(low) {
		add(b)
	}
	if a := adjectiveOfAdverb(low); a != "" {
		add(a)
	}
	return out
}

// adjectiveOfAdverb gives the adjective an adverb in -ly is made from, by
// English's spelling rules for the suffix ("globally" → "global",
// "happily" → "happy", "probably" → "probable"), when WordNet knows it
// as an adjective: the adverb says what the adjective says ("cases
// globally", "worldwide cases"). WordNet's tables here hold no adverb
// pertainyms, so the suffix is undone by rule.
func adjectiveOfAdverb(low string) string {
	if len(low) < 6 || !strings.HasSuffix(low, "ly") || lexicon.IsAdjective(low) {
		return "" // "likely", "weekly", "costly" are adjectives themselves
	}
	stem := low[:len(low)-2]
	cands := []string{stem, low[:len(low)-1] + "e"} // "quickly", "globally"; "probably", "simply"
	if strings.HasSuffix(stem, "i") {
		cands = []string{stem[:len(stem)-1] + "y"} // "happily"
	}
	for _, a := range cands {
		if lexicon.IsAdjective(a) {
			return a
		}
	}
	return ""
}

// nearForm reports whether two words are forms of one word that neither
// stemming nor WordNet's morphology joins ("Ukraine"/"Ukrainian",
// "negotiate"/"negotiations"): they share a prefix of at least five letters
// that is all but at most three letters of the shorter.
func nearForm(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || hasDigit(a) || hasDigit(b) {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 && n >= min(len(a), len(b))-3
}

// placeAliases joins the names news uses for one country. A name is
// looked up by its lower-cased form.
var placeAliases = func() map[string]string {
	m := map[string]string{}
	for _, group := range []string{
		"us u.s usa america american americans united_states",
		"uk britain british britons united_kingdom",
	} {
		ws := strings.Fields(group)
		for _, w := range ws {
			m[strings.ReplaceAll(w, "_", " ")] = ws[0]
		}
	}
	return m
}()

// knownWord reports whether WordNet knows a word (in any part of speech,
// adverbs included) or it is a function word.
func knownWord(low string) bool {
	return prose.IsStopword(low) || lightWords[low] || len(lexicon.Bases(low)) > 0 || len(lexicon.Synonyms(low)) > 0
}

// appearingIn reports whether the word at i is "appear" used as a verb of
// its own, with a place or medium after it ("has not appeared in a movie",
// "appeared on television", "appeared before the committee"), not as the
// copula of "appeared to agree" or "appeared calm", which says nothing of
// its own.
func appearingIn(toks []token, i int) bool {
	if lexicon.Base(toks[i].low) != "appear" || i+1 >= len(toks) || toks[i+1].clause != toks[i].clause {
		return false
	}
	switch toks[i+1].low {
	case "in", "on", "at", "before":
		return true
	}
	return false
}
