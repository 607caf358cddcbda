package claim

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// Contests named by a noun: "Celtic's 2-1 win over Rangers", "Rangers'
// defeat of Celtic", "Celtic's loss to Rangers", "Celtic's defeat by
// Rangers". The noun's WordNet opposites tell its side: a noun opposed to
// "defeat" or "loss" names a win (victory, triumph, win), one opposed to
// "victory" or "win" a loss (defeat, loss). The possessor before it and the
// name after its preposition are the two sides: after a win, "over" or
// "against" gives the loser; after a loss, "to" or "by" gives the winner
// and "of" the loser ("Rangers' defeat of Celtic" is Rangers' win).

// contestNounSide gives "win" or "loss" for a noun that names a contest's
// result from one side, or "".
func contestNounSide(low string) string {
	// WordNet gives some opposites through the plural only ("losses" and
	// "winnings"), so a noun's plural counts with it.
	forms := []string{low}
	for _, b := range lexicon.Bases(low) {
		forms = append(forms, b, plural(b))
	}
	var ants []string
	for _, f := range forms {
		ants = append(ants, lexicon.Antonyms(f)...)
	}
	switch {
	case slices.Contains(ants, "defeat") || slices.Contains(ants, "losses"):
		return "win"
	case slices.Contains(ants, "victory") || slices.Contains(ants, "win"):
		return "loss"
	}
	return ""
}

// nounContestParties gives the winner and the loser of a contest named by
// the noun at i, read from the possessor before it (past a score or an
// adjective, "Celtic's 2-1 win") and the name after its preposition; ok is
// false when the noun names no contest so read.
func nounContestParties(toks []token, names []nameGroup, i int) (winner, loser *nameGroup, ok bool) {
	// The preposition first: it is cheap to read, and most words have
	// none of these after them.
	hands := atTheHandsOf(toks, i+1)
	if i+2 >= len(toks) || toks[i+1].clause != toks[i].clause || !contestPrepositions[toks[i+1].low] && !hands {
		return nil, nil, false
	}
	side := contestNounSide(toks[i].low)
	if side == "" || verbForm(toks, i) {
		return nil, nil, false
	}
	var owner *nameGroup
	for j := i - 1; j >= 0 && j >= i-3 && toks[j].clause == toks[i].clause; j-- {
		if toks[j].possessive {
			owner = possessorAt(toks, names, j+1)
			break
		}
		if hands && verbForm(toks, j) {
			// "Hale suffered a defeat at the hands of Varga": the one
			// who suffered it.
			if subj := grammaticalSubject(toks, j); subj.ok() {
				owner = nameStartingAt(names, subj.start)
			}
			break
		}
		if !hasDigit(toks[j].low) && !lexicon.IsAdjective(toks[j].low) && !determinerOpens(toks[j].low) {
			break
		}
	}
	if hands {
		// "at the hands of" gives the one who dealt the defeat.
		other := nameStartingAt(names, i+5)
		if owner == nil || other == nil || side != "loss" {
			return nil, nil, false
		}
		return other, owner, true
	}
	k := i + 2
	if k < len(toks) && definite[toks[k].low] {
		k++
	}
	other := nameStartingAt(names, k)
	if owner == nil || other == nil || toks[k].clause != toks[i].clause {
		return nil, nil, false
	}
	switch prep := toks[i+1].low; {
	case side == "win" && (prep == "over" || prep == "against"), side == "loss" && prep == "of":
		return owner, other, true
	case side == "loss" && (prep == "to" || prep == "by"):
		return other, owner, true
	}
	return nil, nil, false
}

// atTheHandsOf reports whether "at the hands of" opens at k.
func atTheHandsOf(toks []token, k int) bool {
	return k+3 < len(toks) && toks[k].low == "at" && toks[k+1].low == "the" && toks[k+2].low == "hands" && toks[k+3].low == "of" && toks[k+3].clause == toks[k].clause
}

// contestPrepositions open the other side of a result named by a noun.
var contestPrepositions = wordSet("over against of to by")

// plural is the regular English plural of a noun: "-es" after a sibilant
// ("losses", "matches"), "-s" otherwise.
func plural(noun string) string {
	for _, end := range []string{"s", "x", "z", "ch", "sh"} {
		if strings.HasSuffix(noun, end) {
			return noun + "es"
		}
	}
	return noun + "s"
}

// nameStartingAt gives the name that starts at start, or nil.
func nameStartingAt(names []nameGroup, start int) *nameGroup {
	for k := range names {
		if names[k].start == start {
			return &names[k]
		}
	}
	return nil
}

// checkContestNouns finds a contest named by a noun with its sides turned
// round against the passage sentences its clause comes from: "Celtic's 2-1
// win over Rangers" where the passage says "Rangers beat Celtic 2-1" (a
// contest verb, contestParties) or "Rangers' 2-1 win over Celtic". The
// sentence's winner is the passage's loser, or its loser the passage's
// winner, and neither keeps its side.
func checkContestNouns(c *sentenceRead, ev *evidence) (Result, bool) {
	same := func(a, b *nameGroup) bool {
		return a != nil && b != nil && (sameName(*a, *b) || aliasOf(*a, *b) || aliasOf(*b, *a))
	}
	for i := range c.toks {
		sw, sl, ok := nounContestParties(c.toks, c.names, i)
		if !ok {
			continue
		}
		sents := c.good[c.segment[i]]
		if sents == nil {
			// A clause that draws on no sentence by its words ("Celtic's
			// defeat of Rangers came …" for "Rangers beat Celtic") holds
			// every one (inGood).
			for s := 0; s < ev.sents; s++ {
				sents = append(sents, s)
			}
		}
		for _, s := range sents {
			names := ev.namesBySent[s]
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				var pw, pl *nameGroup
				switch low := ev.toks[p].low; {
				case defeating(low) || lexicon.Base(low) == "lose" && lexicon.IsVerb(low) && verbForm(ev.toks, p):
					pw, pl = contestParties(ev.toks, names, p)
				default:
					if w, l, ok := nounContestParties(ev.toks, names, p); ok {
						pw, pl = w, l
					}
				}
				if same(sw, pw) || same(sl, pl) || !(same(sw, pl) || same(sl, pw)) {
					continue
				}
				if pw != nil && pl != nil {
					return contradicted(KindRole, "the source says %s beat %s, not the other way round", nameText(ev.toks, *pw), nameText(ev.toks, *pl))
				}
				return contradicted(KindRole, "the source gives %s the other side of the result", spanText(c.toks, i, i+1))
			}
		}
	}
	return Result{}, false
}
