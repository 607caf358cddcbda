package claim

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// How far a negation reaches past the word right after it.

// negativeSubjects are the negative pronouns that stand as a clause's
// subject ("no one attended", "nobody came", "none of them spoke"), a
// closed class; "no" counts with "one" after it.
var negativeSubjects = wordSet("nobody nothing none no neither")

// deniedWord gives the word a negation at i denies: negationHead's word,
// or, when that is no content word and the negation is a negative subject
// ("no one from the press or the public attended", "none of the staff
// spoke"), the verb of its clause, the first verb form within roleWindow
// words in the same clause. It gives -1 when there is none.
func deniedWord(toks []token, i int) int {
	if v := correlativeVerb(toks, i); v >= 0 {
		return v
	}
	if v := frontedVerb(toks, i); v >= 0 {
		return v
	}
	h := negationHead(toks, i)
	if h < 0 || isContent(toks[h].low) || !negativeSubjects[toks[i].low] {
		return h
	}
	if toks[i].low == "no" && toks[h].low != "one" {
		return h
	}
	for j := h + 1; j < len(toks) && j-h <= roleWindow && toks[j].clause == toks[i].clause; j++ {
		if isContent(toks[j].low) && verbForm(toks, j) {
			return j
		}
		if o := lightObject(toks, j); o >= 0 && verbForm(toks, j) {
			return o // "no one had taken the next step" denies the step
		}
	}
	return h
}

// correlativeVerb gives, for "neither" or "nor" of a "neither … nor"
// pair, the verb after the pair in the same clause: "Neither United nor
// Dao's lawyers would reveal the terms" denies the revealing, not the
// lawyers (correlative coordination; Quirk et al., 13.33). It gives -1
// when the pair has no verb after it in its clause, as when it
// coordinates objects ("backed neither the plan nor the budget").
func correlativeVerb(toks []token, i int) int {
	nor := -1
	switch toks[i].low {
	case "neither":
		for j := i + 1; j < len(toks) && j-i <= roleWindow && toks[j].clause == toks[i].clause; j++ {
			if toks[j].low == "nor" {
				nor = j
				break
			}
		}
	case "nor":
		for j := i - 1; j >= 0 && i-j <= roleWindow && toks[j].clause == toks[i].clause; j-- {
			if toks[j].low == "neither" {
				nor = i
				break
			}
		}
	}
	if nor < 0 {
		return -1
	}
	clause, skipped := toks[nor].clause, 0
	for j := nor + 2; j < len(toks) && j-nor-skipped <= roleWindow && toks[j].sent == toks[nor].sent; j++ {
		if toks[j].clause != clause {
			// "neither A nor B, which ought to act, has acted": a relative
			// clause set off by commas stands aside; the verb follows it.
			if !opensAsideRelative(toks, j) {
				return -1
			}
			k := j
			for k < len(toks) && toks[k].clause == toks[j].clause {
				k++
			}
			if k >= len(toks) || toks[k].sent != toks[j].sent {
				return -1
			}
			clause, skipped, j = toks[k].clause, skipped+k-j, k
		}
		if isContent(toks[j].low) && verbForm(toks, j) {
			return j
		}
	}
	return -1
}

// deniedAt reports whether the word at i is what a negation before it in
// its clause denies, read as the passage's negations are read (deniedWord):
// "does not have the Ivy League pedigree" denies "pedigree" on both sides,
// though it stands beyond the window negatedAt looks back over. A word
// after "or" that a negation in its clause or the clause before denies
// through its denied word counts too (disjunctAfter).
func deniedAt(toks []token, i int) bool {
	for k := i - 1; k >= 0 && toks[k].sent == toks[i].sent && toks[k].clause >= toks[i].clause-1; k-- {
		if !(negationAt(toks, k) || refusalAt(toks, k)) || untilFollows(toks, k) {
			continue
		}
		h := deniedWord(toks, k)
		if h == i && toks[k].clause == toks[i].clause || h >= 0 && disjunctAfter(toks, h) == i {
			return true // "did not approve or fund", "not a record, or even the largest"
		}
		if h >= 0 && h < i && toks[k].clause == toks[i].clause && nextContent(toks, h) == i {
			return true // "never been fond of the term" denies the term as well
		}
	}
	return false
}

// opensAsideRelative reports whether the word at j is "which" or "who"
// opening a clause of its own after a comma in its sentence ("…, which
// ought to be leading right now, …"): a relative clause set off from what
// it describes.
func opensAsideRelative(toks []token, j int) bool {
	return j > 0 && (toks[j].low == "which" || toks[j].low == "who") && toks[j-1].clause != toks[j].clause && toks[j-1].sent == toks[j].sent
}

// deniedBySubject reports whether the word at i is the verb a negative
// subject before it denies ("no one … attended", "not enough testing is
// being offered").
func deniedBySubject(toks []token, i int) bool {
	for k := i - 1; k >= 0 && toks[k].sent == toks[i].sent; k-- {
		if negativeSubjects[toks[k].low] || toks[k].low == "nor" {
			// "no one attended", and the object right after the verb
			// denied ("neither A nor B, which …, has mounted an
			// aggressive response").
			if h := deniedWord(toks, k); h == i || h >= 0 && h < i && i-h <= 3 && verbForm(toks, h) && toks[h].clause == toks[i].clause {
				return true
			}
		}
		if toks[k].clause != toks[i].clause || i-k > roleWindow+2 {
			continue
		}
		if toks[k].low == "not" && k+1 < i && (toks[k+1].low == "enough" || toks[k+1].low == "many" || toks[k+1].low == "much") &&
			(k == 0 || toks[k-1].clause != toks[k].clause || subordinators[toks[k-1].low]) {
			return true // "not enough testing is being offered": a denied quantity opening the clause as its subject
		}
	}
	return false
}

// causedPart gives, for a causative verb at h ("have", "get" after a
// negation: "refuse to have their children vaccinated"), the participle
// its object is said to undergo, which is what the negation denies:
// the first -ed or -en form within four words after h, in its clause, after
// a noun; -1 when there is none.
func causedPart(toks []token, h int) int {
	if b := lexicon.Base(toks[h].low); b != "have" && b != "get" {
		return -1
	}
	for j := h + 2; j < len(toks) && j <= h+4 && toks[j].clause == toks[h].clause; j++ {
		if low := toks[j].low; (strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "en")) && lexicon.IsVerb(low) && nounish(toks, j-1) {
			return j
		}
	}
	return -1
}

// deniedObject reports whether the verb at i has a negative object right
// after it, within two words ("saw no way", "found nothing", "had none"),
// or after one preposition ("committed to nothing"): "saw no way" says
// what "did not see any way" says, so the verb is no plain statement for
// the polarity rule. "Little" and "few" without "a" before them are such
// objects too ("did little", "committed to little", "made few changes"):
// the negative quantifiers, which say "not much" and "not many" (Quirk et
// al., A Comprehensive Grammar of the English Language, 1985, §10.60);
// "a little" and "a few" say "some".
func deniedObject(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+2 && toks[k].clause == toks[i].clause; k++ {
		switch toks[k].low {
		case "no", "nothing", "none", "nobody", "neither":
			return true
		case "little", "few":
			return negativeQuantifier(toks, k)
		}
		if !adverbLike(toks[k].low) && !(k == i+1 && prepositions[toks[k].low]) {
			return false
		}
	}
	return false
}

// quantifierDeterminers are the words before "little" or "few" that make
// it say some, or say size, or measure it ("a few", "the few", "quite a
// few", "the past few weeks", "his little brother", "how little she saw").
var quantifierDeterminers = wordSet(`a an the this that these those his her its their our my your quite every
	last next first past how`)

// negativeQuantifier reports whether the word at i is "little" or "few"
// used as a negative quantifier ("did little to ease", "few expected it",
// "committed to little"), which says "not much" or "not many": no
// determiner before it, not part of a name ("Little Rock") or a compound
// ("little-known"), and "little" not before a plural noun ("little kids").
func negativeQuantifier(toks []token, i int) bool {
	t := toks[i]
	if t.low != "little" && t.low != "few" || t.upper && !t.first {
		return false
	}
	if i > 0 && toks[i-1].clause == t.clause && (quantifierDeterminers[toks[i-1].low] || toks[i-1].clitic == "s") {
		return false
	}
	if i+1 < len(toks) && toks[i+1].joined {
		return false
	}
	return t.low == "few" || !pluralNounAt(toks, i+1)
}

// pluralNounAt reports whether the word at k, in the clause of the word
// before it, is a plural noun ("kids" after "little", where "little"
// says their size, not their number).
func pluralNounAt(toks []token, k int) bool {
	if k >= len(toks) || toks[k].clause != toks[k-1].clause || !lexicon.IsNoun(toks[k].low) {
		return false
	}
	b := lexicon.Base(toks[k].low)
	return b != "" && b != toks[k].low && strings.HasSuffix(toks[k].low, "s")
}

// advisedAgainst reports whether the verb at i, one of advice or decision,
// has "against" right after it ("swimming is advised against", "decided
// against it"): it says not to, as "is not advised" does.
func advisedAgainst(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].low != "against" || toks[i+1].clause != toks[i].clause {
		return false
	}
	switch lexicon.Base(toks[i].low) {
	case "advise", "recommend", "counsel", "caution", "decide":
		return true
	}
	return false
}

// checkNegatedComplement finds a negation that reaches a verb through the
// verb it stands before: "not expected to climb", "did not plan to go",
// where the passages do not hold the first verb (expected, plan) but hold
// the second plainly ("could continue to climb"). The first verb takes an
// infinitive ("to" right after it), and the negation of the pair denies
// what the infinitive says will happen.
func checkNegatedComplement(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, d := range c.unmatchedDenials() {
		t, h := c.toks[d[0]], d[1]
		if !verbForm(c.toks, h) && (!lexicon.IsVerb(c.toks[h].low) || lexicon.IsAdjective(c.toks[h].low)) {
			continue // "not unsafe to drink": an adjective's infinitive is not what it denies
		}
		v := h + 2
		if v >= len(c.toks) || c.toks[h+1].low != "to" || c.toks[v].clause != c.toks[h].clause || !c.content[v] || len(c.matches[v]) == 0 {
			continue
		}
		if c.statedPlainly(ev, v, true) {
			return contradicted(KindPolarity, "the source says %s, not %s %s to %s", ev.toks[c.matches[v][0]].text, t.text, c.toks[h].text, c.toks[v].text)
		}
	}
	return Result{}, false
}
