package claim

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// titleOf splits a name as written into the title before it and the
// person: the leading capitalised words that are common nouns in WordNet
// or titles ("Home Secretary", "Energy Minister", "Prime Minister"), and
// the rest ("Theresa May"). Either part may be empty; the person's last
// word is the surname that names them.
func titleOf(toks []token, g nameGroup) (title, surname string) {
	k := g.start
	var t []string
	for k < g.end-1 && (honorifics[toks[k].low] || lexicon.IsNoun(toks[k].low) && !quote.IsGivenName(toks[k].low) || titleAbbreviation(toks, k)) {
		t = append(t, toks[k].low)
		k++
	}
	return strings.Join(t, " "), toks[g.end-1].low
}

// checkTitles finds the titles of two people exchanged, or a person given
// another's title: "Home Secretary Andrea Leadsom" where the passage has
// "Home Secretary Theresa May and Energy Minister Andrea Leadsom". The
// sentence's title must stand before another person's name in the passage,
// and the passage must give this person a title of their own that is not
// it; a person the passage names without a title may have any.
func checkTitles(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, g := range c.names {
		title, surname := titleOf(c.toks, g)
		if title == "" {
			continue
		}
		kept, other, own, untitled := false, false, "", false
		for _, h := range ev.names {
			pt, ps := titleOf(ev.toks, h)
			switch {
			case ps == surname && oneTitle(pt, title):
				kept = true
			case ps == surname && pt != "":
				own = pt
			case ps == surname:
				untitled = true
			case ps != surname && oneTitle(pt, title):
				other = true
			}
		}
		// Another role than the passage's own title for the person counts
		// only when the passage names no one of that surname without a
		// title: "Liz Cheney" beside "Vice President Dick Cheney" may be
		// another person.
		if !kept && own != "" && (other || !untitled && otherRole(own, title)) {
			return contradicted(KindRole, "the source says %s %s, not %s", own, c.toks[g.end-1].text, title)
		}
	}
	return Result{}, false
}

// titleAbbreviation reports whether the word at k is a title written as
// its capitals ("CEO", "CFO"), which WordNet does not list: two to four
// capital letters right before a given name.
func titleAbbreviation(toks []token, k int) bool {
	t := toks[k]
	return len(t.text) >= 2 && len(t.text) <= 4 && strings.ToUpper(t.text) == t.text && !hasDigit(t.low) && !lexicon.IsNoun(t.low) &&
		k+1 < len(toks) && quote.IsGivenName(toks[k+1].low)
}

// otherRole reports whether two titles name different roles: the last
// word of each is a person noun, neither a form of address ("Mr", "Dr"),
// and WordNet gives them no role in common (lexicon.SameRole): "Governor"
// is not "Senator", "Prince" not "King", "Prime Minister" not "President";
// "Pontiff" is "Pope".
func otherRole(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	x, y := wa[len(wa)-1], wb[len(wb)-1]
	if x == y || formsOfAddress[x] || formsOfAddress[y] {
		return false
	}
	if abbreviated(x) && abbreviated(y) {
		return true // "CEO" and "CFO": titles by their capitals, and not the same
	}
	if !lexicon.CanNamePerson(x) || !lexicon.CanNamePerson(y) {
		return false
	}
	return !lexicon.SameRole(x, y)
}

// abbreviated reports whether a title word is a short run of letters that
// WordNet does not know, as a title written by its capitals is ("ceo").
func abbreviated(w string) bool {
	return len(w) >= 2 && len(w) <= 4 && !lexicon.IsNoun(w) && !lexicon.IsVerb(w) && !lexicon.IsAdjective(w)
}

// formsOfAddress are the honorifics that name no office: a person may be
// "Dr Hale" and "Senator Hale" at once.
var formsOfAddress = wordSet("mr mrs ms miss mx dr sir dame lord lady rev father prof professor")

// oneTitle reports whether two titles are one: the words of one are all
// among the other's ("President" and "former President").
func oneTitle(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}

// appositionOf gives the content words of the phrase set off by commas
// right after a name ("Holmes, the founder and former CEO, said"): a
// clause of its own that opens with a determiner and holds no verb form,
// with more of the sentence after it. Nil when there is none.
func appositionOf(toks []token, g nameGroup) []string {
	k := g.end
	if k >= len(toks) || toks[k].clause == toks[g.end-1].clause || toks[k].sent != toks[g.start].sent || !determinerOpens(toks[k].low) {
		return nil
	}
	var words []string
	e := k
	for ; e < len(toks) && toks[e].clause == toks[k].clause; e++ {
		if finiteAt(toks, e) {
			return nil // "the police arrested the man": a clause, not a description
		}
		if isContent(toks[e].low) || toks[e].upper {
			words = append(words, lexicon.Base(toks[e].low))
		}
	}
	if e >= len(toks) || toks[e].sent != toks[k].sent {
		return nil
	}
	return words
}

// predicateOf gives the content words of a description a name is said to
// be ("Casey White was an assistant director of corrections"): a form of
// "be" right after the name, a determiner, and the rest of the clause,
// holding no verb form. Nil when there is none.
func predicateOf(toks []token, g nameGroup) []string {
	k := g.end
	if k+1 >= len(toks) || !copulas[toks[k].low] || toks[k].clause != toks[g.end-1].clause {
		return nil
	}
	if d := toks[k+1].low; !determinerOpens(d) {
		return nil
	}
	var words []string
	for e := k + 1; e < len(toks) && toks[e].clause == toks[k].clause; e++ {
		if verbForm(toks, e) {
			return nil
		}
		if isContent(toks[e].low) || toks[e].upper {
			words = append(words, lexicon.Base(toks[e].low))
		}
	}
	return words
}

// finiteAt reports whether the word at e reads as a clause's verb between
// its subject and its object: a verb form after a content word and before
// a determiner, a name or a pronoun. A participle inside a noun phrase
// ("the failed blood testing startup") has a noun after it instead.
func finiteAt(toks []token, e int) bool {
	if e == 0 || e+1 >= len(toks) || !isContent(toks[e].low) || !verbForm(toks, e) || toks[e+1].clause != toks[e].clause {
		return false
	}
	n := toks[e+1]
	return isContent(toks[e-1].low) && (determinerOpens(n.low) || n.upper || subjectPronouns[n.low] || objectPronouns[n.low])
}

// objectPronouns stand as a verb's object (a closed class).
var objectPronouns = wordSet("him her them us me it")

// checkAppositions finds the descriptions of two people exchanged: the
// phrase a sentence sets off after a name ("Holmes, the former president
// and COO,") is, word for word, what the passage sets off after another
// name, and not what it sets off after this one, which it describes too
// ("Balwani, the former president and COO …, alongside Holmes, the
// founder and former CEO").
func checkAppositions(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, g := range c.names {
		words := appositionOf(c.toks, g)
		copular := false
		if len(words) == 0 {
			words, copular = predicateOf(c.toks, g), true
		}
		if len(words) == 0 {
			continue
		}
		surname := c.toks[g.end-1].low
		var own []string
		other := ""
		for _, h := range ev.names {
			pw := appositionOf(ev.toks, h)
			if len(pw) == 0 {
				continue
			}
			if ev.toks[h.end-1].low == surname && !(len(g.keys) > 1 && len(h.keys) > 1 && g.keys[0] != h.keys[0]) {
				// The same surname with another given name is another
				// person ("Vicky White" and "Casey White").
				own = append(own, pw...)
			} else if allIn(words, pw) {
				other = nameText(ev.toks, h)
			}
		}
		// "Casey White was an assistant director" where the passage sets
		// the description off after Vicky White and gives Casey none that
		// holds it.
		if (len(own) > 0 || copular) && other != "" && !allIn(words, own) {
			return contradicted(KindRole, "the source says that of %s, not %s", other, nameText(c.toks, g))
		}
	}
	return Result{}, false
}

// allIn reports whether every word of a is in b.
func allIn(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}
