package claim

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// Subjects that English leaves out or sets apart: a verb phrase joined to
// another by a conjunction shares the first one's subject ("Dynamo Kyiv
// had hoped to reach the group stage but was beaten by Benfica"), and a
// noun phrase set off by commas after the subject names the same one
// ("Kemp, the incumbent, has attacked …"). grammaticalSubject reads both.

// coordinators join two verb phrases (a closed class of coordinating
// conjunctions).
var coordinators = wordSet("and but or yet")

// coordinatedSubject gives the subject of a verb whose clause reaches back,
// past auxiliaries and adverbs only, to the conjunction at j ("… and have
// urged the combatants"): the subject of the verb phrase it is joined to.
// That is the nearest verb before the conjunction with the same auxiliary
// ("have warned that bombing could lead to a disaster and have urged":
// bombing did not urge), else the sentence's first verb with a subject,
// outside a subordinate clause that opens the sentence ("After the vote,
// …"): "had hoped to reach the final but was beaten".
func coordinatedSubject(toks []token, j int) phrase {
	if j == 0 || toks[j-1].sent != toks[j].sent || j+1 >= len(toks) {
		return noPhrase
	}
	aux := toks[j+1].low
	start := j
	for start > 0 && toks[start-1].sent == toks[j].sent {
		start--
	}
	for k := j - 1; k > start; k-- {
		if !toks[k].upper && verbForm(toks, k) && sameAuxiliary(toks[k-1].low, aux) {
			if s := grammaticalSubject(toks, k); s.ok() {
				return s
			}
		}
	}
	k := start
	if adverbialOpeners[toks[k].low] {
		c := toks[k].clause
		for k < j && toks[k].clause == c {
			k++
		}
	}
	for ; k < j; k++ {
		if toks[k].upper || !verbForm(toks, k) {
			continue // a capitalised word is a name's, or opens the sentence with no subject before it
		}
		if s := grammaticalSubject(toks, k); s.ok() {
			return s
		}
	}
	return noPhrase
}

var (
	haveForms = wordSet("have has had")
	beForms   = wordSet("is are was were be been")
)

// sameAuxiliary reports whether two auxiliaries are one verb's forms ("have"
// and "has", "was" and "is") or the same word ("will").
func sameAuxiliary(a, b string) bool {
	return a == b && auxiliaries[a] && a != "to" || haveForms[a] && haveForms[b] || beForms[a] && beForms[b]
}

// appositiveSubject reads a subject with a noun phrase in apposition
// between it and its verb at i ("Kemp, the incumbent Republican, has
// attacked"; "the current champion, Dynamo Kyiv, had hoped"): the word at
// j ends a clause set off by commas that holds only a noun phrase, right
// after a noun phrase that opens its own clause. Both name the subject, so
// the phrase returned spans both, with the first one's head.
func appositiveSubject(toks []token, j, i int) (phrase, bool) {
	if toks[j].clause+1 != toks[i].clause || !nounish(toks, j) {
		return noPhrase, false
	}
	app := wholePhraseEndingAt(toks, j)
	if app.start == 0 || toks[app.start-1].clause == toks[j].clause || toks[app.start-1].sent != toks[j].sent {
		return noPhrase, false // the clause holds more than a noun phrase
	}
	k := app.start - 1
	if toks[k].clause+1 != toks[j].clause || !nounish(toks, k) {
		return noPhrase, false
	}
	head := wholePhraseEndingAt(toks, k)
	if b := head.start - 1; b >= 0 && toks[b].clause == toks[k].clause && toks[b].sent == toks[k].sent && !subordinators[toks[b].low] {
		// "Biden met Xi, China's president, …": the first phrase is an
		// object. After a word that opens a clause ("as the champion,
		// Dynamo Kyiv, had hoped") it is that clause's subject.
		return noPhrase, false
	}
	return phrase{head.start, app.end, head.head}, true
}

// nearestSubject gives the subject of a verb phrase joined with no
// auxiliary to the one before the conjunction at j ("an official called the
// talks direct but downplayed the warning"): the subject of the nearest
// verb before the conjunction that has one.
func nearestSubject(toks []token, j int) phrase {
	for k := j - 1; k >= 0 && toks[k].sent == toks[j].sent; k-- {
		if toks[k].upper || !verbForm(toks, k) {
			continue
		}
		if s := grammaticalSubject(toks, k); s.ok() {
			return s
		}
	}
	return noPhrase
}

// sequenceAdverbs may stand between a conjunction and the verb phrase it
// joins ("and then won", "but later signed"); adverbs in -ly are skipped
// as every adverb is.
var sequenceAdverbs = wordSet("then later also afterwards soon")

// takesObject reports whether the verb at i, in a past or present tense
// and with no auxiliary of its own, has an object right after it that
// opens with a determiner, a name or a number ("and then won the title",
// "and signed a treaty"; not "and beat Brant", whose past is its present):
// a verb phrase, where a word after "and" with a preposition after it may
// be a second adjective of one predicate ("were angry and disappointed
// by").
func takesObject(toks []token, i int) bool {
	low := toks[i].low
	if i+1 >= len(toks) || toks[i+1].clause != toks[i].clause || strings.HasSuffix(low, "ing") || strings.HasSuffix(low, "en") || !verbForm(toks, i) && !strings.HasSuffix(low, "s") {
		return false
	}
	if strings.HasSuffix(low, "s") && !lexicon.IsVerb(low) {
		return false
	}
	next := toks[i+1]
	return (next.upper || hasDigit(next.low) || determinerOpens(next.low)) && !personalPronouns[next.low]
}

// auxiliaryBetween reports whether an auxiliary stands between the
// conjunction at j and the verb at i ("and have urged", "but was
// defeated"): only a verb phrase opens on one, so the conjunction joins
// two of them. A bare verb after "and" may be a second participle or
// adjective of one predicate ("were angry and disappointed by"), which
// words alone cannot always tell from a verb phrase.
func auxiliaryBetween(toks []token, j, i int) bool {
	for k := j + 1; k < i; k++ {
		if auxiliaries[toks[k].low] && toks[k].low != "to" {
			return true
		}
	}
	return false
}

// wholePhraseEndingAt is phraseEndingAt past the determiner of a phrase
// joined by a preposition to the noun before it ("the current champion of
// the UPL", where phraseEndingAt stops at the second "the").
func wholePhraseEndingAt(toks []token, j int) phrase {
	p := phraseEndingAt(toks, j)
	for b := p.start - 1; b > 0 && toks[b].clause == toks[j].clause && postmodifying(toks[b].low) && nounish(toks, b-1); b = p.start - 1 {
		h := phraseEndingAt(toks, b-1)
		p = phrase{h.start, p.end, h.head}
	}
	return p
}
