package quote

// Whom a pronoun or a description ("she", "the lawyer", "the French
// president") means, from the people the article names before it.

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// resolvePronoun finds whom "he", "she" or "they" at pos means: the last
// speaker in the three paragraphs before (a person for he and she, a body
// for they), or failing that, for he and she, the last person named.
func (x *quoteExtractor) resolvePronoun(pronoun string, pos int) (speakerRef, bool) {
	mention := x.masked[pos : pos+len(pronoun)]
	if pronoun != "they" {
		if name, ok := x.relativeOwner(pronoun, pos); ok {
			return speakerRef{speaker: name, mention: mention, resolved: true, person: true}, true
		}
	}
	limit := x.paragraphsBack(pos, 3)
	var speaker *speakerRef
	for k := len(x.speech) - 1; k >= 0; k-- {
		sa := x.speech[k]
		if sa.verbStart >= pos || !sa.ok {
			continue
		}
		if sa.subjStart < limit {
			break
		}
		if pronoun != "they" && (!sa.ref.person || !x.agrees(pronoun, sa.ref.speaker) || x.backgrounded(sa)) {
			continue
		}
		ref := sa.ref
		speaker = &ref
		break
	}
	if pronoun != "they" {
		// A person named as the subject nearer than the last speaker is
		// whom "he" or "she" means: "McConnell had a different view. “…,”
		// he said."
		if p, ok := x.recentSubject(pronoun, pos); ok && (speaker == nil || p.start > x.speakerMentionEnd(*speaker, pos)) {
			if x.ambiguousAntecedent(pronoun, pos, p) {
				return speakerRef{mention: mention}, true
			}
			return speakerRef{speaker: x.canonical(p.name), role: p.title, mention: mention, resolved: true, person: true}, true
		}
	}
	if pronoun == "they" {
		// "They" is several speakers or a body ("the company … they
		// said"), never the one person named before: the words are the
		// group's, and no other reading of the sentence may give them to
		// someone it names.
		if speaker == nil || speaker.person {
			return speakerRef{mention: mention}, true
		}
	}
	if speaker != nil {
		ref := *speaker
		ref.mention = mention
		ref.resolved = true
		ref.about = ""
		return ref, true
	}
	for i := min(x.peopleFrom(pos), len(x.people)-1); i >= 0; i-- {
		p := x.people[i]
		if p.end > pos || !x.agrees(pronoun, x.canonical(p.name)) {
			continue
		}
		// The last resort, past every speaker and subject in reach: only
		// someone the article shows to be a person of the pronoun's
		// gender, or gives a title or a role, is meant; a capitalised
		// run with neither may be a place or a body ("Tempe Beach Park").
		if x.gender[x.canonical(p.name)] == genderUnknown && p.title == "" && p.role == "" {
			return speakerRef{mention: mention}, true
		}
		return speakerRef{speaker: x.canonical(p.name), mention: mention, resolved: true, person: true}, true
	}
	return speakerRef{}, false
}

// backgrounded reports whether a speech act is a relative clause on a
// person named in a prepositional phrase ("a nod to Abraham Lincoln, who
// spoke at Gettysburg of …"), and the article gives that person no
// gender: such a clause says something in passing of someone the sentence
// is not about, and a later "he" or "she" goes on with the people it is
// about.
func (x *quoteExtractor) backgrounded(sa speechAct) bool {
	if x.gender[sa.ref.speaker] != genderUnknown || sa.subjEnd >= sa.verbStart || !x.afterPreposition(sa.subjStart) {
		return false
	}
	return rePersonRelative.MatchString(x.masked[sa.subjEnd:sa.verbStart])
}

// speakerMentionEnd is where the last speech act of a speaker before pos
// names them.
func (x *quoteExtractor) speakerMentionEnd(ref speakerRef, pos int) int {
	for k := len(x.speech) - 1; k >= 0; k-- {
		sa := x.speech[k]
		if sa.verbStart < pos && sa.ok && sa.ref.speaker == ref.speaker {
			return sa.subjEnd
		}
	}
	return -1
}

// paragraphsBack returns the offset n paragraphs before pos.
func (x *quoteExtractor) paragraphsBack(pos, n int) int {
	i := pos
	for ; n > 0 && i > 0; n-- {
		j := strings.LastIndex(x.masked[:i], "\n\n")
		if j < 0 {
			return 0
		}
		i = j
	}
	return i
}

// headNoun returns the head of a noun phrase: its last word before a
// preposition ("ambassador" in "Britain's ambassador to Afghanistan"), or
// its last word.
func headNoun(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if i > 0 && prepositions[strings.ToLower(w)] {
			return f[i-1]
		}
	}
	return lastField(s)
}

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// isBodyOrDocument reports whether a noun names a body or a piece of
// writing by WordNet (its most frequent sense filed under noun.group or
// noun.communication: "the agency", "the affidavit", "the indictment"):
// words it "says" are no person's own.
func isBodyOrDocument(w string) bool {
	files := nounFiles(strings.ToLower(strings.Trim(w, ".,;:")))
	return len(files) > 0 && (files[0] == "noun.group" || files[0] == "noun.communication")
}

// isPersonNoun reports whether a singular noun names a person by WordNet:
// its most frequent sense is filed under noun.person ("lawyer", "democrat",
// "spokeswoman"). A plural ("lawyers") means several people, not one.
func isPersonNoun(w string) bool {
	w, ok := singularNoun(w)
	if !ok {
		return false
	}
	files := nounFiles(w)
	return len(files) > 0 && files[0] == "noun.person"
}

// singularNoun lower-cases a word and drops its punctuation; ok is false
// when it is an inflected form (a plural) of another word.
func singularNoun(w string) (string, bool) {
	w = strings.ToLower(strings.Trim(w, ".,;:"))
	if b := lexicon.Bases(w); len(b) > 0 && !slices.Contains(b, w) {
		return w, false
	}
	return w, true
}

// personBefore returns the last person named before pos whose role, when
// the article gives one, fits head ("" accepts anyone).
func (x *quoteExtractor) personBefore(pos int, head string) (personMention, bool) {
	for i := min(x.peopleFrom(pos), len(x.people)-1); i >= 0; i-- {
		p := x.people[i]
		if p.end > pos {
			continue
		}
		if head != "" && !p.fits(head) {
			continue
		}
		return p, true
	}
	return personMention{}, false
}

// relativeOwner reads a pronoun that is the subject of a relative clause
// on "in which" whose antecedent is a person's statement, remark, tweet or
// speech: `Trump's tweet in which he told …`, `a Trump statement in which
// he said …`, `Biden's remark in February in which he said …`. The
// pronoun means the person who owns the antecedent, named by a possessive
// or as a modifier before its head noun, when the article names them in
// full and the pronoun agrees with them; not the last speaker.
func (x *quoteExtractor) relativeOwner(pronoun string, pos int) (string, bool) {
	before := strings.TrimRight(x.masked[max(0, pos-10):pos], " ")
	if !strings.HasSuffix(strings.ToLower(before), "in which") {
		return "", false
	}
	at := trimRightSpace(x.masked, 0, pos) - len("in which")
	// The antecedent: back to the start of its clause, at most a few
	// words (a date or a short phrase may stand between it and "in
	// which").
	lo := max(0, at-70)
	if s, _ := x.sentenceAround(at); s > lo {
		lo = s
	}
	words := strings.Fields(x.masked[lo:at])
	for k := len(words) - 1; k >= 0; k-- {
		w := strings.Trim(words[k], ",;:")
		lw := strings.ToLower(w)
		if clauseWords[lw] || pronouns[lw] || lw == "said" || lw == "says" {
			return "", false
		}
		bare := w
		for _, suf := range []string{"’s", "'s"} {
			bare = strings.TrimSuffix(bare, suf)
		}
		possessive := bare != w
		// A name as a modifier stands before a lower-case noun: "a Trump
		// statement".
		modifier := k+1 < len(words) && !possessive && isLowerWord(strings.Trim(words[k+1], ",")) &&
			k > 0 && determiners[strings.ToLower(words[k-1])]
		if !isTitleCase(bare) || !possessive && !modifier {
			continue
		}
		if !x.isKnownPerson(bare) {
			return "", false
		}
		name := x.canonical(bare)
		if !strings.Contains(name, " ") || !x.agrees(pronoun, name) {
			return "", false
		}
		return name, true
	}
	return "", false
}
