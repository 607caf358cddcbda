package claim

// Prepositions of support and opposition: "for", "in favour of", "in
// support of" against "against" and "in opposition to". English grammars
// list support and opposition among the meanings of prepositions (Quirk,
// Greenbaum, Leech and Svartvik, A Comprehensive Grammar of the English
// Language, 1985, chapter 9). "Voted against escalating the strike" turns
// round "voted in favour of escalating the strike".

// stanceAt reads a preposition of stance starting at i: "for" for
// support, "against" for opposition, with its length in words, or "".
func stanceAt(toks []token, i int) (string, int) {
	word := func(k int) string {
		if i+k < len(toks) && toks[i+k].clause == toks[i].clause {
			return toks[i+k].low
		}
		return ""
	}
	switch toks[i].low {
	case "for":
		return "for", 1
	case "against":
		return "against", 1
	case "in":
		switch {
		case (word(1) == "favour" || word(1) == "favor" || word(1) == "support") && word(2) == "of":
			return "for", 3
		case word(1) == "opposition" && word(2) == "to":
			return "against", 3
		}
	}
	return "", 0
}

// verbBefore gives the last verb before i in its clause, or -1.
func verbBefore(toks []token, i int) int {
	for k := i - 1; k >= 0 && toks[k].clause == toks[i].clause; k-- {
		if verbForm(toks, k) {
			return k
		}
	}
	return -1
}

// checkStanceOpposites finds a stance turned round: "voted against
// escalating the action" where the passage says "voted in favour of
// escalating the action". The other preposition of stance must stand in
// the passage sentence the clause comes from, after the verb the
// sentence's follows (the same word, or one it stands for) and before the
// first content word after the sentence's (the same, or one it stands
// for): plain "for" says much besides support ("for two years"), and the
// verb and the word after it tie it to the same act. A preposition of the
// sentence's own stance in that place, or a negation on exactly one side,
// makes them agree (prepositionOpposites).
func checkStanceOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	return prepositionOpposites(c, ev, stanceAt, verbBefore)
}

// causeAt reads a preposition of cause or of concession starting at i:
// "because" for "because of", "due to", "owing to", "thanks to" and "as a
// result of"; "despite" for "despite", "in spite of", "notwithstanding"
// and "regardless of", with its length in words, or "". English grammars
// set the two apart: a cause brings the event about, a concession says it
// happened against what would have stopped it (Quirk et al. 1985, chapter
// 9). "Banned cars because of objections" turns round "banned cars
// despite objections".
func causeAt(toks []token, i int) (string, int) {
	word := func(k int) string {
		if i+k < len(toks) && toks[i+k].clause == toks[i].clause {
			return toks[i+k].low
		}
		return ""
	}
	switch toks[i].low {
	case "because", "owing", "due", "thanks":
		if next := word(1); next == "of" && toks[i].low == "because" || next == "to" && toks[i].low != "because" {
			return "because", 2
		}
	case "as":
		if word(1) == "a" && word(2) == "result" && word(3) == "of" {
			return "because", 4
		}
	case "despite", "notwithstanding":
		return "despite", 1
	case "in":
		if word(1) == "spite" && word(2) == "of" {
			return "despite", 3
		}
	case "regardless":
		if word(1) == "of" {
			return "despite", 2
		}
	}
	return "", 0
}

// checkCauseOpposites finds a cause made a concession or a concession a
// cause: "banned cars because of objections from shop owners" where the
// passage says "despite objections from shop owners", tied as the stance
// rule ties its prepositions, to the same verb before and the same thing
// after (prepositionOpposites).
func checkCauseOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	return prepositionOpposites(c, ev, causeAt, verbBefore)
}
