package claim

import "github.com/coveragebot/coveragebot/rag/lexicon"

// checkNominalDoer catches the doer of an act moved between a verb and its
// noun: "the pause, proposed by Pelosi," where the passage says "Biden's
// proposal", or "Pelosi's proposal" where it says "proposed by Biden" or
// "Biden proposed". The noun is a WordNet derivation of the verb
// (proposal/propose), its possessor ("Biden's", with the possessive 's)
// is the doer, and the verb's doer is the name after a passive's "by" or
// its subject. The two doers are names that share no word, the sentence's
// is named in the passage too (else the name check speaks), and a reading
// in the passage sentences the clause comes from with the sentence's doer
// clears it.
func checkNominalDoer(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !c.content[i] || c.good[c.segment[i]] == nil {
			continue
		}
		doer, noun := c.nominalDoerAt(i)
		if doer == nil || len(c.matches[doer.start]) == 0 {
			continue
		}
		derived := lexicon.Derivations(t.low)
		var found Result
		agrees := false
		for _, s := range c.good[c.segment[i]] {
			for p := ev.sentStart[s]; p < len(ev.toks) && ev.toks[p].sent == s; p++ {
				u := ev.toks[p]
				if !isContent(u.low) || !sharesAny(derived, lexicon.Bases(u.low)) && !sharesAny(lexicon.Derivations(u.low), lexicon.Bases(t.low)) && !madeFrom(u.low, t.low) {
					continue
				}
				var other *nameGroup
				if noun {
					other = verbDoerName(ev.toks, ev.names, p)
				} else if !verbForm(ev.toks, p) {
					other = possessiveName(ev.toks, ev.names, p)
				}
				switch {
				case other == nil:
				case sameName(*doer, *other) || aliasOf(*doer, *other):
					agrees = true
				case found.Verdict == "":
					found, _ = contradicted(KindRole, "the source gives %s to %s, not %s", u.text, nameText(ev.toks, *other), nameText(c.toks, *doer))
				}
			}
		}
		if found.Verdict != "" && !agrees {
			return found, true
		}
	}
	return Result{}, false
}

// nominalDoerAt gives the doer the sentence names for the word at i: the
// possessor of a noun (noun true), or the name after a passive verb's
// "by".
func (c *sentenceRead) nominalDoerAt(i int) (doer *nameGroup, noun bool) {
	if verbForm(c.toks, i) {
		return verbDoerName(c.toks, c.names, i), false
	}
	if g := possessiveName(c.toks, c.names, i); g != nil {
		return g, true
	}
	return senderName(c.toks, c.names, i), true
}

// senderName gives the name after "from" that follows a noun of
// communication ("a text from Meadows", "a letter from Gohmert"): the one
// who sent it, and so did the act. Other nouns take "from" for a place
// ("the withdrawal from Afghanistan"), and give nil.
func senderName(toks []token, names []nameGroup, i int) *nameGroup {
	if i+2 >= len(toks) || toks[i+1].low != "from" || toks[i+1].clause != toks[i].clause || lexicon.FirstFile(toks[i].low, 'n') != "noun.communication" {
		return nil
	}
	return nameStartingAt(names, i+2)
}

// madeFrom reports whether a passage word is the past of a verb made from
// the sentence's noun that WordNet does not know as a verb ("texted" for
// "text"; denominalPast).
func madeFrom(word, noun string) bool {
	return !lexicon.IsVerb(noun) && (word == noun+"ed" || word == noun+"d")
}

// possessiveName gives the name right before the word at i written with a
// possessive 's ("Biden's proposal"), or nil.
func possessiveName(toks []token, names []nameGroup, i int) *nameGroup {
	g := possessorAt(toks, names, i)
	if g == nil || toks[g.end-1].clitic != "s" || toks[i].upper {
		return nil
	}
	return g
}

// verbDoerName gives the name that does the verb at i: the one after a
// passive's "by", or an active verb's subject when that is a name; nil
// when the doer is no name.
func verbDoerName(toks []token, names []nameGroup, i int) *nameGroup {
	if !verbForm(toks, i) {
		return nil
	}
	f := frameOf(toks, i)
	if !f.doer.ok() {
		return nil
	}
	for k := range names {
		if names[k].start >= f.doer.start && names[k].end <= f.doer.end && names[k].end-1 == f.doer.head {
			return &names[k]
		}
	}
	return nil
}
