// The checks, one for each kind of misstatement; Check runs them in turn.

package claim

import (
	"math"
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// checkPolarity finds a negation on one side only: a negated word in the
// sentence that the passage states plainly, or a word the passage negates
// that the sentence states plainly. A negation with an opposite on the
// other side ("did not fare well", "fared badly") agrees.
func checkPolarity(c *sentenceRead, ev *evidence) (Result, bool) {
	for i := range c.toks {
		if !negationAt(c.toks, i) && !refusalAt(c.toks, i) {
			continue
		}
		h := deniedWord(c.toks, i)
		if h < 0 || len(c.matches[h]) == 0 || untilFollows(c.toks, i) && !c.untilBoth(ev, h) || c.plainTwin(h) {
			continue
		}
		if c.statedPlainly(ev, h, false) {
			return contradicted(KindPolarity, "the source says %s, not %s %s", ev.toks[c.matches[h][0]].text, negationText(c.toks, i), c.toks[h].text)
		}
	}
	for i := range c.toks {
		if !c.content[i] && !(c.item[i] && c.figureAt(i)) && !(lexicon.IsSaying(c.toks[i].low) && verbForm(c.toks, i)) {
			continue // a figure may be what is denied ("no second meeting"), and a verb of saying ("can tell")
		}
		for _, h := range c.matches[i] {
			p, ok := ev.negationOf[h]
			if !ok || !c.inGood(ev, c.segment[i], h) && !c.nextToGood(ev, i, h) || ev.asks[ev.toks[h].sent] {
				continue // "Think rafting is not possible here? Think again." denies nothing
			}
			if c.toks[i].low != ev.toks[h].low && !sameForm(c.toks[i].low, ev.toks[h].low) && !derivedForm(c.toks[i].low, ev.toks[h].low) && c.surroundings(i, h, ev) < 2 {
				continue // matched through a synonym, among too few of the same words to judge polarity by
			}
			if negatedAt(c.toks, i, negationWindow) || deniedBySubject(c.toks, i) || deniedObject(c.toks, i) || advisedAgainst(c.toks, i) || deniedAt(c.toks, i) || flipped(c, i, ev, h) || onlyBefore(c.toks, i) || c.plainElsewhere(ev, i, h) || c.plainSynonym(ev, i, h) ||
				modalAt(c.toks, i) && !modalAt(ev.toks, p) && !modals[ev.toks[p].low] || openQuestion(c.toks, i) || notEvery(c.toks, i) || deniedBySynonym(c.toks, i) {
				// Under a modal the sentence says what must or may be
				// ("girls must be allowed"), which a plain "are not
				// allowed" does not answer.
				continue
			}
			neg := ev.toks[p].text
			if p+1 < len(ev.toks) && ev.toks[p+1].low == "longer" && ev.toks[p].low == "no" {
				neg += " longer" // "the source says no longer … table"
			}
			if p+1 < h && !(neg != ev.toks[p].text && p+2 == h) {
				neg += " …"
			}
			return contradicted(KindPolarity, "the source says %s %s, not %s", neg, ev.toks[h].text, c.toks[i].text)
		}
	}
	return Result{}, false
}

// denialVerbs are the verbs among the negation words, by their bases, and
// the negative implicatives that refusalAt reads before an object or an
// infinitive (Karttunen 1971: "avoided the visits" did not make them).
var denialVerbs = []string{"refuse", "deny", "fail", "lack", "avoid", "neglect", "refrain", "decline"}

// deniedBySynonym reports whether a verb before the word at i in its
// clause, within three words, is one WordNet puts in a synonym set with a
// verb of denial ("turned down 93 proposals" for "denied 93 proposals":
// turn down, refuse), or one step below or above one in its verb
// hierarchy ("skip regular visits" for "avoid regular visits": skipping
// is a way of neglecting): the sentence denies what the passage denies,
// in other words. It only clears a denial the passage makes; it is never
// read as one where the passage has none.
func deniedBySynonym(toks []token, i int) bool {
	for j := i - 1; j >= 0 && i-j <= 3 && toks[j].clause == toks[i].clause; j-- {
		if !verbForm(toks, j) && !(j+1 < len(toks) && particles[toks[j+1].low]) {
			continue
		}
		phrases := []string{lexicon.Base(toks[j].low)}
		if j+1 < i && particles[toks[j+1].low] {
			phrases = append(phrases, lexicon.Base(toks[j].low)+" "+toks[j+1].low)
		}
		for _, v := range phrases {
			for _, d := range denialVerbs {
				if lexicon.AreSynonyms(v, d) || slices.Contains(lexicon.VerbNeighbours(v), d) {
					return true
				}
			}
		}
	}
	return false
}

// untilBoth reports whether every passage word that denied sentence word
// h stands for has "until" after it too: then "until" bounds the same
// thing on both sides ("refused to pledge more until inflation was under
// control" against "pledged more until the Fed was satisfied inflation
// was under control"), and the denial is a denial, not the time limit of
// "did not realise until" (untilFollows).
func (c *sentenceRead) untilBoth(ev *evidence, h int) bool {
	for _, p := range c.matches[h] {
		if !untilFollows(ev.toks, p) {
			return false
		}
	}
	return len(c.matches[h]) > 0
}

// plainTwin reports whether the sentence also states its denied word h
// plainly, elsewhere, as often as the passage states it ("at no cost, but
// … could face out-of-pocket costs" against "free … could face
// out-of-pocket costs"): the passage's plain words answer the sentence's
// plain ones, and say nothing of the denied one. A passage that states the
// word more often than the sentence does plainly has one left over to
// answer the denial ("Sales rose in May, and sales did not rise in June"
// against "… and sales rose in June"). A name is no such twin ("The
// Times" beside "no time left").
func (c *sentenceRead) plainTwin(h int) bool {
	covered := map[int]bool{}
	twins := 0
	for k := range c.toks {
		if k == h || c.toks[k].sent != c.toks[h].sent || c.toks[k].upper && !c.toks[k].first || !sameForm(c.toks[k].low, c.toks[h].low) && c.toks[k].low != c.toks[h].low || negatedAt(c.toks, k, negationWindow) {
			continue
		}
		twins++
		for _, p := range c.matches[k] {
			covered[p] = true
		}
	}
	if twins == 0 || len(c.matches[h]) > twins {
		return false
	}
	for _, p := range c.matches[h] {
		if !covered[p] {
			return false
		}
	}
	return true
}

// statedPlainly reports whether the passage states plainly what sentence
// word h, denied in the sentence, says: no passage word it stands for is
// negated or turned into its opposite nearby, and it does not stand for
// them through a synonym only where the passage negates something.
//
// With inGoodOnly, only the passage sentences h's clause comes from count:
// a word reached through another ("not expected to keep raising") is read
// where the clause stands, not wherever the passage repeats it ("keep
// falling").
func (c *sentenceRead) statedPlainly(ev *evidence, h int, inGoodOnly bool) bool {
	if c.negatedNearSynonym(ev, h) {
		return false
	}
	for _, p := range c.matches[h] {
		if !c.inDrawnPassage(ev, c.segment[h], p) || inGoodOnly && !c.inGood(ev, c.segment[h], p) {
			continue // another cited passage's negation of the word is about something else
		}
		if _, denied := ev.negationOf[p]; denied || negatedAt(ev.toks, p, negationWindow) || flipped(c, h, ev, p) || privatedAt(ev.toks, p) || deniedObject(ev.toks, p) {
			return false
		}
	}
	return true
}

// privatedAt reports whether the word at i is the object of "lose" ("lost
// power"): what the verb takes away, which "without" denies as well ("left
// without power"; "lack" is a negation word already). The verb stands
// right before it, or before a determiner or possessive of it.
func privatedAt(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2 && toks[j].clause == toks[i].clause; j-- {
		if lexicon.Base(toks[j].low) == "lose" && lexicon.IsVerb(toks[j].low) {
			return true
		}
		if j < i-1 || !(definite[toks[j].low] || possessivePronouns[toks[j].low]) {
			return false
		}
	}
	return false
}

// inDrawnPassage reports whether passage position p is in a cited passage
// that holds a sentence segment seg draws on: with two passages cited, a
// clause drawn from one is not answered by a word of the other. A segment
// that draws on nothing holds every passage.
func (c *sentenceRead) inDrawnPassage(ev *evidence, seg, p int) bool {
	if c.good[seg] == nil {
		return true
	}
	for _, s := range c.good[seg] {
		if ev.passageOf[s] == ev.passageOf[ev.toks[p].sent] {
			return true
		}
	}
	return false
}

// negatedNearSynonym reports whether sentence word h, negated, stands for
// passage words only through synonyms ("failed to establish" where the
// passage has "found" elsewhere and says "did not determine") and the
// passage sentences its clause comes from negate something: a synonym is
// too loose a match to say the passage states plainly what the sentence
// denies, as the same word would be.
func (c *sentenceRead) negatedNearSynonym(ev *evidence, h int) bool {
	for _, p := range c.matches[h] {
		if sameForm(c.toks[h].low, ev.toks[p].low) {
			return false
		}
	}
	for _, p := range ev.negationOf {
		if c.good[c.segment[h]] != nil && c.goodSet[c.segment[h]][ev.toks[p].sent] {
			return true
		}
	}
	return false
}

// plainElsewhere reports whether sentence word i also matches, in the
// passage sentences its clause comes from, the same word not negated,
// among at least as many of the sentence's words as the negated one at h
// stands among: the passage says both ("includes … that do not include"),
// and the sentence may mean either. A plain word among other words ("to
// change the status quo") does not answer "policy has not changed", and a
// word of a name ("the Salton Sea") does not say what a lower-case one
// does ("is a true sea" against "isn't really a sea").
func (c *sentenceRead) plainElsewhere(ev *evidence, i, h int) bool {
	for _, p := range c.matches[i] {
		if p != h && c.inGood(ev, c.segment[i], p) && sameForm(c.toks[i].low, ev.toks[p].low) && !negatedAt(ev.toks, p, negationWindow) &&
			!(ev.toks[p].upper && !ev.toks[p].first && !c.toks[i].upper) &&
			c.surroundings(i, p, ev) >= c.surroundings(i, h, ev) {
			return true
		}
	}
	return false
}

// plainSynonym reports whether a passage verb that sentence word i stands
// for through a WordNet synonym only (which c.matches leaves out when the
// passage holds i's own form) states it plainly among more of the
// sentence's words than the negated passage word h: "Finland's bid needs
// a vote in parliament" restates "Finland's move … requires a vote in
// parliament", not "Sweden's government does not need parliamentary
// consent".
func (c *sentenceRead) plainSynonym(ev *evidence, i, h int) bool {
	for _, p := range c.synonymsInGood(ev, i) {
		if _, denied := ev.negationOf[p]; !denied && !negatedAt(ev.toks, p, negationWindow) && c.surroundings(i, p, ev) > c.surroundings(i, h, ev) {
			return true
		}
	}
	return false
}

// derivedForm reports whether WordNet derives one word from the other
// across parts of speech ("injured", "injuries"): the same word as much
// as two forms of it are, unlike a synonym.
func derivedForm(a, b string) bool {
	fb := forms(b)
	for _, d := range lexicon.Derivations(a) {
		if slices.Contains(fb, d) {
			return true
		}
	}
	return false
}

func sameForm(a, b string) bool {
	fb := forms(b)
	for _, x := range forms(a) {
		for _, y := range fb {
			if x == y {
				return true
			}
		}
	}
	return false
}

// onlyBefore reads "only realised once" as the counterpart of "did not
// realise until".
func onlyBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if toks[j].low == "only" {
			return true
		}
	}
	return false
}

// flipped reports whether, near sentence word i and passage word p, one
// side has a word whose WordNet opposite the other side has: a negation
// with an opposite ("did not fare well", "fared badly") states the same.
func flipped(c *sentenceRead, i int, ev *evidence, p int) bool {
	for j := max(0, i-2); j < len(c.toks) && j <= i+3; j++ {
		if !isContent(c.toks[j].low) {
			continue
		}
		for q := max(0, p-2); q < len(ev.toks) && q <= p+3; q++ {
			if isContent(ev.toks[q].low) && c.toks[j].low != ev.toks[q].low && lexicon.AreAntonyms(c.toks[j].low, ev.toks[q].low) {
				return true
			}
		}
	}
	return false
}

// shareShown reports whether a share the sentence states before "of"
// ("two-thirds of the twelve editions", "75% of the cups") is the ratio of
// two counts that one passage sentence its clause comes from gives ("of
// the 12 editions …, Germany has won eight"): the smaller over the larger,
// within half a percentage point.
func (c *sentenceRead) shareShown(ev *evidence, seg int, f figure) bool {
	if !f.fraction && !f.pct || f.end >= len(c.toks) || c.toks[f.end].low != "of" {
		return false
	}
	share := f.value
	if f.pct {
		share /= 100
	}
	count := func(g figure) bool {
		return g.value > 0 && !g.ordinal && !g.pct && !g.fraction && g.currency == "" && g.unit == ""
	}
	return c.pairShown(ev, seg, count, func(a, b figure) bool {
		return math.Abs(math.Min(a.value, b.value)/math.Max(a.value, b.value)-share) <= 0.005
	})
}

// factorShown reports whether a factor the sentence states ("sales
// tripled") is the ratio of two figures that one passage sentence its
// clause comes from gives in one unit ("rose from 10,000 units to 30,000
// units": the later figure over the earlier), within 5%.
func (c *sentenceRead) factorShown(ev *evidence, seg int, f figure) bool {
	if !f.factor {
		return false
	}
	return c.pairShown(ev, seg, func(g figure) bool { return g.value > 0 && !g.ordinal }, func(a, b figure) bool {
		// "from 10,000 to 30,000": the later figure over the earlier
		return b.pct == a.pct && b.unit == a.unit && b.currency == a.currency && math.Abs(b.value/a.value-f.value) <= 0.05*f.value
	})
}

// pairShown reports whether two figures of one passage sentence that the
// clause of segment seg comes from, each passing keep, the first before
// the second, pass match.
func (c *sentenceRead) pairShown(ev *evidence, seg int, keep func(figure) bool, match func(a, b figure) bool) bool {
	for i, a := range ev.figures {
		if !keep(a) || !c.inGood(ev, seg, a.start) {
			continue
		}
		for _, b := range ev.figures[i+1:] {
			if keep(b) && ev.toks[b.start].sent == ev.toks[a.start].sent && match(a, b) {
				return true
			}
		}
	}
	return false
}

// checkFigures finds a figure the passages do not hold, or hold only in a
// sentence the clause does not come from, or bound the other way ("more
// than" against "less than").
func checkFigures(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, f := range c.figures {
		seg := c.segment[f.start]
		kind := KindFigure
		if isYear(c.toks, f) {
			kind = KindTime
		}
		var found, bound []figure
		for _, g := range ev.figures {
			if sameFigure(f, g) {
				found = append(found, g)
				if c.inGood(ev, seg, g.start) || c.continuesGood(ev, seg, g.start) {
					bound = append(bound, g)
				}
			}
		}
		text := figureText(c.toks, f)
		if len(found) == 0 && (c.firstInWords(ev, seg, f) || c.factorShown(ev, seg, f) || c.shareShown(ev, seg, f) || c.countsList(ev, seg, f) || c.noonOrMidnight(ev, f)) {
			continue
		}
		other := c.otherFigure(ev, seg, f)
		switch {
		case len(found) == 0 && other != "":
			return absent(contradicted(kind, "the source says %s, not %s", other, text))
		case len(found) == 0:
			return absent(missing(kind, "the source gives no %s", text))
		case len(bound) == 0 && other != "" && !c.joinedFrom(ev, seg, f, found):
			return contradicted(kind, "the source gives %s here; %s is said of something else", other, text)
		}
		for _, g := range bound {
			if f.dir != 0 && g.dir != 0 && f.dir != g.dir && closeTo(f.value, g.value) {
				// "more than 3,000" against "nearly 3,000"; "nearly 3,000"
				// and "more than 2,900" may both be true.
				return contradicted(kind, "the source says %s, not %s", boundText(ev.toks, g), boundText(c.toks, f))
			}
		}
		if h, ok := c.countsOther(ev, f, bound); ok {
			n := countedOrShared(c.toks, f)
			return contradicted(kind, "the source gives %s %s, not %s", figureText(ev.toks, h), c.toks[n].text, text)
		}
	}
	return Result{}, false
}

// noonOrMidnight reports whether sentence figure f is the 12 of a clock
// time ("12 p.m.", "12 a.m.") that the passages give as noon, midday or
// midnight; the time rule compares the part of the day.
func (c *sentenceRead) noonOrMidnight(ev *evidence, f figure) bool {
	if f.value != 12 || f.end >= len(c.toks) || !(c.toks[f.end].low == "pm" || c.toks[f.end].low == "am" || c.toks[f.end].low == "p" || c.toks[f.end].low == "a") {
		return false
	}
	return len(ev.hasForm("noon"))+len(ev.hasForm("midday"))+len(ev.hasForm("midnight")) > 0
}

// joinedFrom reports whether sentence figure f, which its clause's passage
// sentences do not give, comes with its words from another cited passage:
// a passage none of those sentences is in gives it, among a word of the
// sentence's around it, and counting the same noun if both count one
// ("the plan, which will add 500 homes," where one passage says the
// council approved the plan and the other that it will add 500 homes).
func (c *sentenceRead) joinedFrom(ev *evidence, seg int, f figure, found []figure) bool {
	passages := map[int]bool{}
	for _, s := range c.good[seg] {
		passages[ev.passageOf[s]] = true
	}
	n := countedNoun(c.toks, f)
	for _, g := range found {
		gs := ev.toks[g.start].sent
		q := countedNoun(ev.toks, g)
		sameNoun := n >= 0 && q >= 0 && (slices.Contains(c.matches[n], q) || sameForm(c.toks[n].low, ev.toks[q].low))
		if passages[ev.passageOf[gs]] && !(sameNoun && (c.goodSet[seg][gs-1] || c.goodSet[seg][gs+1])) {
			continue // its clause's own passage: only the sentence next to them, counting the same noun
		}
		if c.surroundings(f.start, g.start, ev) == 0 && !c.namedWithFigure(ev, n, g) {
			continue
		}
		if n >= 0 && q >= 0 && !sameNoun {
			continue
		}
		return true
	}
	return false
}

// namedWithFigure reports whether the noun at n, which a sentence figure
// modifies ("the $40 million plan"), stands for a word of the passage
// sentence that gives figure g ("The plan is expected to cost $40m").
func (c *sentenceRead) namedWithFigure(ev *evidence, n int, g figure) bool {
	if n < 0 {
		return false
	}
	s := ev.toks[g.start].sent
	for _, q := range c.matches[n] {
		if ev.toks[q].sent == s {
			return true
		}
	}
	return false
}

// countedNoun gives the word a figure counts, written right after it in
// its clause ("24 people", "a dozen teenagers", "$3bn deal"), or -1 when
// none follows (a share, a measure, a year, a figure before "of").
func countedNoun(toks []token, f figure) int {
	j := f.end
	if f.pct || f.unit != "" || f.ordinal || j >= len(toks) || toks[j].clause != toks[f.start].clause || toks[j].pct {
		return -1
	}
	if low := toks[j].low; !isContent(low) || hasDigit(low) || timeUnits[low] != "" || low == "percent" || low == "per" || low == "times" {
		return -1
	}
	if (toks[j].low == "degrees" || toks[j].low == "degree") && j+1 < len(toks) && toks[j+1].clause == toks[j].clause && temperatureScales[toks[j+1].low] {
		return j + 1 // "111 degrees Fahrenheit" counts on the scale, as "111 Fahrenheit" does
	}
	return j
}

// countedOrShared is countedNoun, or for a share the word of the whole it
// is a share of ("58% of Democrats", "half of the voters"): the first
// content word after "of" and any determiner, in the figure's clause.
func countedOrShared(toks []token, f figure) int {
	if n := countedNoun(toks, f); n >= 0 || !f.pct && !f.fraction {
		return n
	}
	j := f.end
	if f.pct && j < len(toks) && toks[j].low == "percent" {
		j++ // "Forty-one percent of millennials"
	} else if f.pct && j+1 < len(toks) && toks[j].low == "per" && toks[j+1].low == "cent" {
		j += 2
	}
	if j >= len(toks) || toks[j].low != "of" || toks[j].clause != toks[f.start].clause {
		return -1
	}
	for j++; j < len(toks) && toks[j].clause == toks[f.start].clause && determinerOpens(toks[j].low); j++ {
	}
	if j < len(toks) && toks[j].clause == toks[f.start].clause && isContent(toks[j].low) && !hasDigit(toks[j].low) {
		return j
	}
	return -1
}

// temperatureScales name the scale a temperature is counted on.
var temperatureScales = wordSet("fahrenheit celsius centigrade kelvin")

// countsOther finds, when a sentence figure counts a noun ("12 people")
// that each passage figure it matches counts something else ("12
// teenagers"), the figure the passage gives for that noun ("24 people")
// in the passage sentences the clause comes from: the figure moved from
// one noun to another.
func (c *sentenceRead) countsOther(ev *evidence, f figure, bound []figure) (figure, bool) {
	n := countedOrShared(c.toks, f)
	if n < 0 || !c.content[n] && !temperatureScales[c.toks[n].low] && !c.toks[n].upper || datePart(c.toks, f) {
		return figure{}, false
	}
	// A figure hyphened to its noun modifies the compound's head ("a
	// 60-goal scorer" is a scorer), which may be what the passage counts.
	ours := []int{n}
	if c.toks[n].joined {
		ours = countedCompound(c.toks, n)
	}
	counts := func(g figure) bool {
		for _, q := range countedCompound(ev.toks, countedOrShared(ev.toks, g)) {
			for _, m := range ours {
				if slices.Contains(c.matches[m], q) || sameForm(c.toks[m].low, ev.toks[q].low) {
					return true
				}
			}
		}
		return false
	}
	for _, g := range bound {
		if countedOrShared(ev.toks, g) < 0 || counts(g) {
			return figure{}, false
		}
	}
	for _, h := range ev.figures {
		if !sameFigure(f, h) && !h.ordinal && !datePart(ev.toks, h) && c.inGood(ev, c.segment[f.start], h.start) && counts(h) {
			return h, true
		}
	}
	return figure{}, false
}

// countedCompound gives the word q a figure counts and the nouns that go
// on its compound after it (words WordNet has as nouns, up to two), in
// its clause ("10 million vaccine doses": vaccine, doses): the head of an
// English noun compound is its last noun, and the words before it modify
// it. Nil when q is -1.
func countedCompound(toks []token, q int) []int {
	if q < 0 {
		return nil
	}
	out := []int{q}
	for k := q + 1; k < len(toks) && k-q <= 2 && toks[k].clause == toks[q].clause && nounish(toks, k) && lexicon.IsNoun(toks[k].low) && !toks[k].upper && !hasDigit(toks[k].low); k++ {
		out = append(out, k)
	}
	return out
}

// datePart reports whether a figure is a day of a month or a year: it
// counts nothing, though a noun follows it ("the January 6 attack", "the
// 6 January 2021 attack").
func datePart(toks []token, f figure) bool {
	return dayOfMonth(toks, f) || isYear(toks, f)
}

// otherFigure gives a figure of the same sort (ordinal or not) in the
// passage sentences a segment draws on that the sentence does not state.
func (c *sentenceRead) otherFigure(ev *evidence, seg int, f figure) string {
	if c.good[seg] == nil {
		return ""
	}
	for _, g := range ev.figures {
		if g.implicit || g.ordinal != f.ordinal || !c.goodSet[seg][ev.toks[g.start].sent] || isYear(ev.toks, g) != isYear(c.toks, f) {
			continue
		}
		stated := false
		for _, h := range c.figures {
			if sameFigure(h, g) {
				stated = true
			}
		}
		if !stated {
			return figureText(ev.toks, g)
		}
	}
	return ""
}

func boundText(toks []token, f figure) string {
	start := f.start
	for start > 0 && f.start-start < 2 && (upWords[toks[start-1].low] || downWords[toks[start-1].low] || toks[start-1].low == "than") {
		start--
	}
	var parts []string
	for i := start; i < f.start; i++ {
		parts = append(parts, toks[i].text)
	}
	parts = append(parts, figureText(toks, f))
	return strings.Join(parts, " ")
}

// checkTimes finds a time the passages do not give, or give only in a
// sentence the clause does not come from.
func checkTimes(c *sentenceRead, ev *evidence) (Result, bool) {
	for _, t := range c.times {
		if c.statedAge(ev, t) || c.measuredAs(ev, t) {
			continue // "the 31-year-old" for "aged 31", "10 years" for "a decade": the figure is checked as one
		}
		seg := c.segment[t.start]
		found, bound := false, false
		for _, u := range ev.times {
			if sameTime(u, t) || covers(t.key, u.key) {
				found = true
				if c.touched[seg] == nil || c.touched[seg][ev.toks[u.start].sent] {
					bound = true
				}
			}
		}
		for _, p := range ev.timeAsWord(t) {
			found = true
			bound = bound || c.touched[seg] == nil || c.touched[seg][ev.toks[p].sent]
		}
		var other string
		if c.good[seg] != nil {
			for _, u := range ev.times {
				if !sameTime(u, t) && c.goodSet[seg][ev.toks[u.start].sent] && !c.statesTime(u) {
					other = spanText(ev.toks, u.start, u.end)
					break
				}
			}
		}
		if !found && isStep(t) && !relativeTimes(ev.times) {
			// "A day earlier" counts from another time of the text; a
			// source that dates its events ("on Tuesday", "in 2019")
			// rather than counting them says nothing against it.
			continue
		}
		text := spanText(c.toks, t.start, t.end)
		if day, ok := c.dayOutsidePart(ev, t); ok {
			return contradicted(KindTime, "the source says %s, not %s %s", day, c.toks[t.start-1].text, text)
		}
		switch {
		case !found && other != "":
			return absent(contradicted(KindTime, "the source says %s, not %s", other, text))
		case !found:
			return absent(missing(KindTime, "the source gives no time like %s", text))
		case !bound && other != "":
			return contradicted(KindTime, "the source says %s here, not %s", other, text)
		}
	}
	return Result{}, false
}

// timeAsWord gives the passage words that state a one-word time in another
// word form: "after wintering in Mexico" holds the winter of "after the
// winter in Mexico".
func (ev *evidence) timeAsWord(t timeExpr) []int {
	if t.end-t.start != 1 || !(seasons[t.key] || dayParts[t.key]) {
		return nil
	}
	return ev.hasForm(t.key)
}

// statedAge reports whether sentence time t is the unit of an age ("31
// years old", "the 31-year-old") and the passages give the same count as
// an age without the unit ("aged 31", "age 31").
func (c *sentenceRead) statedAge(ev *evidence, t timeExpr) bool {
	if t.key != "count year" || t.end >= len(c.toks) || c.toks[t.end].low != "old" && c.toks[t.end].low != "olds" || t.start == 0 {
		return false
	}
	n, _, ok := numberValue(c.toks[t.start-1].low)
	for _, f := range c.figures {
		if f.end == t.start {
			n, ok = f.value, true
		}
	}
	if !ok {
		return false
	}
	for _, g := range ev.figures {
		if closeTo(g.value, n) && (agedBefore(ev.toks, g.start) || appositiveAge(ev.toks, g) || copularAge(ev.toks, g)) {
			return true
		}
	}
	return false
}

// monthParts are the days of a month that "early", "mid" and "late" name,
// by thirds.
var monthParts = map[string][2]float64{"early": {1, 10}, "mid": {11, 20}, "late": {21, 31}}

// dayOutsidePart reports, for a month the sentence qualifies ("late
// March"), a day of that month a passage sentence its clause comes from
// gives outside that part ("March 3"), as written.
func (c *sentenceRead) dayOutsidePart(ev *evidence, t timeExpr) (string, bool) {
	if !months[t.key] || t.start == 0 {
		return "", false
	}
	part, ok := monthParts[c.toks[t.start-1].low]
	if !ok {
		return "", false
	}
	seg := c.segment[t.start]
	for _, u := range ev.times {
		if u.key != t.key || c.goodSet[seg] != nil && !c.goodSet[seg][ev.toks[u.start].sent] {
			continue
		}
		for _, g := range ev.figures {
			if (g.start == u.end || g.end == u.start) && dayOfMonth(ev.toks, g) && (g.value < part[0] || g.value > part[1]) {
				return spanText(ev.toks, min(u.start, g.start), max(u.end, g.end)), true
			}
		}
	}
	return "", false
}

// copularAge reports whether passage figure g is an age given by a verb:
// "who is 54,", "she turned 30 last week": a whole number from 1 to 120
// right after "is" or "was" with nothing after it in its clause but "years
// old", or after "turned" or "turns" with no noun after it.
func copularAge(toks []token, g figure) bool {
	i := g.start
	if g.end != i+1 || g.pct || g.currency != "" || g.unit != "" || i == 0 || g.value < 1 || g.value > 120 || g.value != math.Trunc(g.value) {
		return false
	}
	turned := false
	switch toks[i-1].low {
	case "is", "was":
	case "turned", "turns":
		turned = true
	default:
		if toks[i-1].clitic != "s" || !personalPronouns[toks[i-1].low] {
			return false // "He's 25": the copula written into the pronoun
		}
	}
	if g.end >= len(toks) || toks[g.end].clause != toks[i].clause {
		return true
	}
	next := toks[g.end].low
	if next == "years" {
		return g.end+1 < len(toks) && toks[g.end+1].low == "old"
	}
	// "turned 30 last week"; not "turned 30 points".
	return turned && (!isContent(next) || timeAfter(toks, g.end))
}

// appositiveAge reports whether passage figure g is an age set off by
// commas right after a name, as news style writes one ("John Doe, 21,
// was arrested"; "Maria, 26, has …"): a whole number alone between the
// name's comma and the next comma or the sentence's end.
func appositiveAge(toks []token, g figure) bool {
	i := g.start
	if g.end != i+1 || !hasDigit(toks[i].low) || g.pct || g.currency != "" || i == 0 || g.value < 1 || g.value > 120 || g.value != math.Trunc(g.value) {
		return false
	}
	prev := toks[i-1]
	if prev.clause == toks[i].clause || !prev.upper {
		return false // the figure opens its clause, after a capitalised word (a name) before the comma
	}
	return g.end >= len(toks) || toks[g.end].clause != toks[i].clause
}

// measuredAs reports whether sentence time t is the unit of a counted
// measure ("10 years", "14 days") that a passage states in another unit of
// time ("a decade", "a fortnight", "240 hours"), in a passage sentence the
// clause shares a word with.
func (c *sentenceRead) measuredAs(ev *evidence, t timeExpr) bool {
	if !strings.HasPrefix(t.key, "count ") {
		return false
	}
	for _, f := range c.figures {
		if f.end != t.start || f.unit == "" {
			continue
		}
		for _, g := range ev.figures {
			seg := c.segment[t.start]
			same := g.unit != "" && g.unit != f.unit && sameMeasure(f, g) ||
				g.implicit && g.unit == f.unit && closeTo(f.value, g.value) // "30 days" for "the 30th consecutive day"
			if same && (c.touched[seg] == nil || c.touched[seg][ev.toks[g.start].sent]) {
				return true
			}
		}
	}
	return false
}

// agedBefore reports whether "aged", "age" or "ages" stands before the
// figure at i in its clause, past other figures of a range ("ages 5 to
// 11", "aged between 18 and 25").
func agedBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4 && toks[j].clause == toks[i].clause; j-- {
		switch low := toks[j].low; {
		case low == "aged" || low == "age" || low == "ages":
			return true
		case low == "to" || low == "and" || low == "between" || low == "from" || hasDigit(low) || isNumberWord(low):
			continue
		}
		return false
	}
	return false
}

func (c *sentenceRead) statesTime(u timeExpr) bool {
	for _, t := range c.times {
		if sameTime(t, u) {
			return true
		}
	}
	return false
}

func spanText(toks []token, start, end int) string {
	var parts []string
	for i := start; i < end; i++ {
		parts = append(parts, toks[i].text)
	}
	return strings.Join(parts, " ")
}

// checkOpposites finds a sentence word that the passages do not hold but
// whose WordNet opposite they do, in the passage sentences the clause
// comes from ("rejected" where the passage says "approved"). A negation on
// exactly one side makes the pair agree.
func checkOpposites(c *sentenceRead, ev *evidence) (Result, bool) {
	for i, t := range c.toks {
		if !c.content[i] || c.measureAdjective(i) || c.boundsFigure(i) || refusalAt(c.toks, i) {
			continue // "would stop requiring" denies "requiring", and begins nothing the passage ends
		}
		own := c.formInGood(ev, i)
		// The opposites WordNet gives, and the other side of a contest verb.
		other := contestOpposite(t.low)
		for _, a := range slices.Concat(lexicon.Antonyms(t.low), []string{other}) {
			contest := a != "" && a == other
			for _, p := range ev.contestForms(a) {
				// A capital inside a sentence starts a name ("Los Angeles"),
				// not the opposite word it is spelt like; a word that opens
				// a hyphenated compound ("the go-ahead run") is no verb, so
				// a verb of the sentence ("came home") is not opposed to it.
				if u := ev.toks[p]; u.joined || hyphenatedBefore(ev.toks, p) && !hyphenatedBefore(c.toks, i) && verbForm(c.toks, i) || u.upper && !u.first || !c.inGood(ev, c.segment[i], p) && !c.besideSubject(i, p, ev) || !c.sameSurroundings(i, p, ev) && !c.restatedPredicate(i, p, ev) {
					continue
				}
				// "rose against the dollar but fell against the euro": the word
				// after each verb says which of the passage's pair it is.
				if own && c.ownSameObject(ev, i) {
					continue
				}
				if (own || c.matchedBeside(i, p, ev)) && !c.outplaced(i, p, ev) && !(own && c.sameObject(ev, i, p) && c.ownOtherObject(ev, i)) {
					continue
				}
				if contest && !c.contestSwapped(ev, i, p) {
					continue
				}
				if c.matchedPositions()[p] && timeNoun(t.low) {
					continue // "on Thursday night, the day Rajapaksa landed": the sentence says the night too
				}
				if openQuestion(ev.toks, p) && !openQuestion(c.toks, i) || c.alternativeTo(i, p, ev) {
					continue // "if the budget failed" says nothing failed; "won or lost" says neither
				}
				if particleOfVerb(c.toks, i) && !particleOfVerb(ev.toks, p) {
					continue // "worn away" says where to, not "away" against "at home"
				}
				if negatedAt(c.toks, i, negationWindow) != negatedAt(ev.toks, p, negationWindow) || c.converse(ev, i, p) || c.synonymInPlace(i, p, ev) || c.restatedElsewhere(i, p, ev) || c.unsaidAside(i, p, ev) {
					continue
				}
				return contradicted(KindAntonym, "the source says %s, not %s", ev.toks[p].text, t.text)
			}
		}
	}
	return Result{}, false
}

// alternativeTo reports whether sentence word i is joined by "or" to a
// sentence word that stands for passage word p ("whether he opposed or
// supported the release"): a sentence that names both sides of a pair as
// alternatives asserts neither.
func (c *sentenceRead) alternativeTo(i, p int, ev *evidence) bool {
	for _, j := range [...]int{i - 2, i + 2} {
		if j < 0 || j >= len(c.toks) || c.toks[(i+j)/2].low != "or" || c.toks[j].clause != c.toks[i].clause {
			continue
		}
		if c.toks[j].low == ev.toks[p].low || containsInt(c.matches[j], p) {
			return true
		}
	}
	return false
}

// verbPrefixes are the prefixes English writes with a hyphen before a
// verb to make another verb ("re-elect", "co-found", "pre-order").
var verbPrefixes = wordSet("re co pre de un over under out mis")

// inCompound reports whether the word at i is part of a hyphenated
// compound that modifies or names ("a back-heeled goal", "the go-ahead
// run"), where it has no subject of its own; a prefix before a verb
// ("re-elected", "co-founded") makes a verb.
func inCompound(toks []token, i int) bool {
	return hyphenatedBefore(toks, i) && !verbPrefixes[toks[i].low] || toks[i].joined && i > 0 && !verbPrefixes[toks[i-1].low]
}

// hyphenatedBefore reports whether the word at i opens a hyphenated
// compound ("go" in "go-ahead", "well" in "well-known").
func hyphenatedBefore(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i+1].joined
}

// timeNoun reports whether a word is a noun WordNet files under time by
// its most frequent sense ("day", "night", "week").
func timeNoun(low string) bool {
	return lexicon.FirstFile(low, 'n') == "noun.time"
}

// sameObject reports whether the first content words after sentence word
// i and passage word p, in their clauses, are one word: the word after a
// verb is what it is about ("rose against the dollar").
func (c *sentenceRead) sameObject(ev *evidence, i, p int) bool {
	a, b := nextContent(c.toks, i), nextContent(ev.toks, p)
	return a >= 0 && b >= 0 && (c.standsFor(a, b) || c.toks[a].low == ev.toks[b].low)
}

// ownSameObject reports whether a passage word of i's own form, in a
// sentence i's clause comes from, has the same word after it as i.
func (c *sentenceRead) ownSameObject(ev *evidence, i int) bool {
	for _, q := range ev.hasForm(c.toks[i].low) {
		if c.inGood(ev, c.segment[i], q) && c.sameObject(ev, i, q) {
			return true
		}
	}
	return false
}

// ownOtherObject reports whether every passage word of i's own form, in
// the sentences i's clause comes from, has a content word after it that
// is not the one after i: each is about something else ("rose against the
// dollar" where the sentence's "rose" is against the euro). One with no
// content word after it ("approve of it") may be about anything.
func (c *sentenceRead) ownOtherObject(ev *evidence, i int) bool {
	a := nextContent(c.toks, i)
	if a < 0 {
		return false
	}
	for _, q := range ev.hasForm(c.toks[i].low) {
		if !c.inGood(ev, c.segment[i], q) {
			continue
		}
		b := nextContent(ev.toks, q)
		if b < 0 || c.standsFor(a, b) || c.toks[a].low == ev.toks[b].low {
			return false
		}
	}
	return true
}

// measureAdjective reports whether sentence word i ends a measure ("five
// years old", "18 feet long"): there the adjective names what is measured,
// not a property, and has no opposite.
func (c *sentenceRead) measureAdjective(i int) bool {
	// The unit follows its figure in one clause and is not a name: "In
	// 2020, Republicans lost" has a year, a comma and a name before the verb.
	return i >= 2 && c.figureAt(i-2) && !c.content[i-2] && len(c.toks[i-1].low) > 2 && strings.HasSuffix(c.toks[i-1].low, "s") &&
		!c.toks[i-1].upper && c.toks[i-1].clause == c.toks[i-2].clause && c.toks[i].clause == c.toks[i-1].clause
}

// boundsFigure reports whether sentence word i is the approximator that
// bounds a figure right after it ("upward of ten thousand visitors"): a
// bound, checked with the figure, not a direction with an opposite.
func (c *sentenceRead) boundsFigure(i int) bool {
	if !approximators[c.toks[i].low] {
		return false
	}
	for _, f := range c.figures {
		if f.start > i && f.start <= i+3 && hedgedBefore(c.toks, f.start) {
			return true
		}
	}
	return false
}

// matchedBeside reports whether sentence word i stands, through a synonym
// or a derivation, for a passage word of the same sentence as p, near it:
// "inquiry" where the passage says "question" is a synonym, whatever
// "answer" beside it opposes.
func (c *sentenceRead) matchedBeside(i, p int, ev *evidence) bool {
	for _, q := range c.matches[i] {
		if q != p && ev.toks[q].sent == ev.toks[p].sent && q >= p-roleWindow && q <= p+roleWindow {
			return true
		}
	}
	return false
}

// formInGood reports whether the passage sentences sentence word i's clause
// comes from hold the word itself, in one of its forms: then an opposite
// beside it is not what the sentence turned round. A synonym or a related
// word does not count: "approved" may be related to a word near "rejected".
func (c *sentenceRead) formInGood(ev *evidence, i int) bool {
	for _, p := range ev.hasForm(c.toks[i].low) {
		if c.inGood(ev, c.segment[i], p) {
			return true
		}
	}
	return false
}

// sameSurroundings reports whether sentence word i and passage word p stand
// among the same words: a word near i matches a word near p, or the words
// right before and right after them are the same ("is beneficial for"
// against "is disadvantageous for", where only function words stand near).
// An opposite far from what the sentence says is about something else.
func (c *sentenceRead) sameSurroundings(i, p int, ev *evidence) bool {
	return c.surroundings(i, p, ev) > 0 || sameSlot(c.toks, i, ev.toks, p)
}

// surroundings counts the words near sentence word i that match a word near
// passage word p, in p's sentence.
func (c *sentenceRead) surroundings(i, p int, ev *evidence) int {
	return c.nearMatches(i, p, ev, false)
}

// nearMatches counts the words near sentence word i that match a word near
// passage word p, in p's sentence: content words, figures, times and names,
// or with itemsOnly the last three only.
func (c *sentenceRead) nearMatches(i, p int, ev *evidence, itemsOnly bool) int {
	n := 0
	for j := max(0, i-4); j < len(c.toks) && j <= i+4; j++ {
		if j == i || !(c.content[j] && !itemsOnly || c.item[j]) {
			continue
		}
		for _, q := range c.matches[j] {
			if q != p && q >= p-4 && q <= p+4 && ev.toks[q].sent == ev.toks[p].sent {
				n++
				break
			}
		}
	}
	return n
}

// checkAdditions finds content that nothing in the passages supports: a
// large share of words that match nothing, a phrase of them ("a new world
// record"), or a clause made mostly of them. A lone word that matches nothing is
// often a paraphrase WordNet does not know ("opened" for "began"), and a
// verb form the more so, so neither drops a sentence alone.
func checkAdditions(c *sentenceRead, ev *evidence) (Result, bool) {
	var unmatched []int
	total := 0
	lastNoun := -1 // the last unmatched word that is not a verb form
	for i, t := range c.toks {
		if c.item[i] {
			total++ // a figure, time or name checked above
		}
		if !c.content[i] {
			continue
		}
		total++
		if len(c.matches[i]) > 0 || ev.related(t.low) || c.negatedOpposite(ev, i) {
			lastNoun = -1
			continue
		}
		unmatched = append(unmatched, i)
		if verbForm(c.toks, i) {
			continue
		}
		if lastNoun >= 0 && i-lastNoun <= maxPhraseGap && c.toks[lastNoun].clause == t.clause && !(c.substitutes(ev, lastNoun) && c.substitutes(ev, i)) {
			return missing(KindAddition, "the source does not say %s", quoteWords(c.toks, []int{lastNoun, i}))
		}
		lastNoun = i
	}
	if float64(len(unmatched)) > maxUnmatchedShare*float64(total) {
		return missing(KindAddition, "the source does not say %s", quoteWords(c.toks, unmatched))
	}
	return c.addedClause(ev)
}

// negatedOpposite reports whether sentence word i is negated and the
// passage sentences its clause comes from hold its WordNet opposite, or a
// word derived from it: "will not be permanent" says "temporary", "did not
// succeed" a failure. The polarity rules judge the pair; the word is no
// addition.
func (c *sentenceRead) negatedOpposite(ev *evidence, i int) bool {
	if !negatedAt(c.toks, i, negationWindow) {
		return false
	}
	for _, a := range lexicon.Antonyms(c.toks[i].low) {
		for _, w := range append([]string{a}, lexicon.Derivations(a)...) {
			for _, p := range ev.hasForm(w) {
				if c.inGood(ev, c.segment[i], p) {
					return true
				}
			}
		}
	}
	return false
}

// addedClause finds a clause made mostly of words nothing supports: more
// of its content words match nothing than match something, two at least,
// one of them not a verb ("and British troops on the ground", "which the
// Lakers confirmed in a statement"). A paraphrase rewords among what it
// keeps; an addition brings a clause of its own.
func (c *sentenceRead) addedClause(ev *evidence) (Result, bool) {
	type tally struct {
		matched int
		new     []int
		noun    bool
	}
	segs := map[int]*tally{}
	for i, t := range c.toks {
		if !c.content[i] {
			continue
		}
		s := segs[c.segment[i]]
		if s == nil {
			s = &tally{}
			segs[c.segment[i]] = s
		}
		if len(c.matches[i]) > 0 || ev.related(t.low) || c.substitutes(ev, i) || c.negatedOpposite(ev, i) {
			s.matched++ // a word reworded in place is not the clause's own
			continue
		}
		s.new = append(s.new, i)
		s.noun = s.noun || !verbForm(c.toks, i)
	}
	for seg := 0; seg < len(c.good); seg++ {
		if s := segs[seg]; s != nil && len(s.new) >= 2 && len(s.new) > s.matched && s.noun {
			return missing(KindAddition, "the source does not say %s", quoteWords(c.toks, s.new))
		}
	}
	return c.addedRelative(ev)
}

// addedRelative finds a relative clause set off by a comma ("…, which it
// said would continue for another month") none of whose words the
// passages hold: a statement of its own added to the sentence, which a
// segment larger than it hides. It holds at least two content words, a
// noun among them, and no name, figure or time; a word merely related to
// a passage word (a derivation, a neighbour in WordNet) counts as new
// here, since nothing else of the clause is in the source.
func (c *sentenceRead) addedRelative(ev *evidence) (Result, bool) {
	for i := 1; i < len(c.toks); i++ {
		if !opensAsideRelative(c.toks, i) {
			continue
		}
		var added []int
		clean, noun := true, false
		for k := i + 1; k < len(c.toks) && c.toks[k].clause == c.toks[i].clause; k++ {
			if c.item[k] {
				clean = false
				break
			}
			if !c.content[k] {
				continue
			}
			if len(c.matches[k]) > 0 || c.substitutes(ev, k) {
				clean = false
				break
			}
			added = append(added, k)
			noun = noun || !verbForm(c.toks, k)
		}
		if clean && noun && len(added) >= 2 {
			return missing(KindAddition, "the source does not say %s", quoteWords(c.toks, added))
		}
	}
	return c.addedParticipleAside(ev)
}

// addedParticipleAside finds a participle clause set off by commas inside
// its sentence ("…a purple pearl, later valued by a jeweler at several
// thousand dollars, in his…"), a relative clause cut short, most of whose
// content words the passages do not hold: more new words than matched
// ones, two at least, a noun among them, and no figure, time or name (the
// figure rules read those, and one the passage holds ties the clause to
// it). It opens with the participle, or an adverb and the participle, and
// the sentence goes on after it.
func (c *sentenceRead) addedParticipleAside(ev *evidence) (Result, bool) {
	for i := 1; i < len(c.toks); i++ {
		if c.toks[i-1].clause == c.toks[i].clause || c.toks[i-1].sent != c.toks[i].sent {
			continue
		}
		v := i
		if adverbLike(c.toks[v].low) || c.toks[v].low == "later" {
			v++
		}
		if v >= len(c.toks) || c.toks[v].clause != c.toks[i].clause || !participle(c.toks, v) {
			continue
		}
		end := v
		for end < len(c.toks) && c.toks[end].clause == c.toks[i].clause {
			end++
		}
		if end >= len(c.toks) || c.toks[end].sent != c.toks[i].sent {
			continue // the clause ends its sentence: no aside
		}
		var added []int
		matched, noun, tied := 0, false, false
		for k := i; k < end; k++ {
			tied = tied || c.item[k] // "putting them ahead 4-3 over the two legs"
			if !c.content[k] {
				continue
			}
			// A word merely standing where the passage has another
			// (substitutes) is not read here: an aside has no place in
			// the passage's sentence.
			if len(c.matches[k]) > 0 || ev.related(c.toks[k].low) {
				matched++
				continue
			}
			added = append(added, k)
			noun = noun || !verbForm(c.toks, k)
		}
		if !tied && noun && len(added) >= 2 && len(added) > matched {
			return missing(KindAddition, "the source does not say %s", quoteWords(c.toks, added))
		}
	}
	return Result{}, false
}

// participle reports whether the word at i is an "-ed" or "-ing" form of
// a verb WordNet knows, or an irregular past participle.
func participle(toks []token, i int) bool {
	low := toks[i].low
	return lexicon.IsVerb(low) && (strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "ing") || participleOnly(low))
}

var auxiliaries = wordSet("will would to has have had did does do can could must may might should shall is are was were be been being")

// verbForm reports whether the word at i reads as a verb: an -ed, -en or
// -ing form, or a form after an auxiliary ("would purchase"), of a word
// WordNet knows as a verb.
func verbForm(toks []token, i int) bool {
	low := toks[i].low
	if !lexicon.IsVerb(low) {
		return denominalPast(toks, i)
	}
	if strings.HasSuffix(low, "ing") && gerundSubject(toks, i) || prenominal(toks, i) {
		return false
	}
	if strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "en") || strings.HasSuffix(low, "ing") {
		return true
	}
	if b := lexicon.Bases(low); len(b) > 0 && b[0] != low && !strings.HasSuffix(low, "s") {
		return true // an irregular past: "rose", "took"
	}
	// After an auxiliary ("would purchase"), or opening a relative clause
	// ("who beat the Rams"), where only a verb can stand; a capitalised
	// word there is the clause's subject ("who Trump has attacked").
	if i > 0 && (auxiliaries[toks[i-1].low] || (toks[i-1].low == "who" || toks[i-1].low == "which") && (!toks[i].upper || toks[i].first)) {
		return true
	}
	// Opening a relative clause with "that" after a plural noun, before
	// what it is done to ("countries that trail the U.S."): a lower-case
	// word there that is no noun's plural is the clause's verb.
	if i >= 2 && toks[i-1].low == "that" && !toks[i].upper && i+1 < len(toks) && toks[i+1].clause == toks[i].clause && toks[i-1].clause == toks[i].clause &&
		strings.HasSuffix(toks[i-2].low, "s") && lexicon.IsNoun(toks[i-2].low) && !strings.HasSuffix(low, "s") {
		next := toks[i+1]
		return next.upper || determinerOpens(next.low)
	}
	// A present tense between a noun and its object ("the plan offers
	// Ukraine", "Macron posts a video"): an -s form after a content word
	// and before a name, a number or a determiner, in one clause.
	if !strings.HasSuffix(low, "s") || i == 0 || i+1 >= len(toks) || toks[i+1].clause != toks[i].clause || toks[i-1].clause != toks[i].clause {
		return false
	}
	prev, next := toks[i-1], toks[i+1]
	return isContent(prev.low) && !definite[prev.low] && (next.upper || hasDigit(next.low) || determinerOpens(next.low))
}

// prenominal reports whether the word at i stands between an adjective
// that follows a determiner and the noun they both modify ("the
// autobiographical illustrated novel", "a tiny painted box"):
// a participle there is an adjective of the noun phrase, not its verb.
func prenominal(toks []token, i int) bool {
	if i < 2 || i+1 >= len(toks) || toks[i-2].clause != toks[i].clause || toks[i-1].clause != toks[i].clause || toks[i+1].clause != toks[i].clause {
		return false
	}
	adj, det, noun := toks[i-1].low, toks[i-2].low, toks[i+1].low
	return (nounDeterminers[det] || det == "whose") && lexicon.IsAdjective(adj) && !lexicon.IsVerb(adj) && !lexicon.IsNoun(adj) && lexicon.IsNoun(noun) && !toks[i+1].upper
}

// denominalPast reports whether the word at i is the past of a verb made
// from a noun that WordNet knows only as a noun ("texted", "voicemailed"):
// English turns nouns into verbs freely, and a lower-case -ed form of a
// noun, itself no noun or adjective ("talented" is one), before the name
// or the determiner of its object, is such a verb.
func denominalPast(toks []token, i int) bool {
	t := toks[i]
	stem, ok := strings.CutSuffix(t.low, "ed")
	if !ok || t.upper || len(stem) < 3 || i+1 >= len(toks) || toks[i+1].clause != t.clause ||
		lexicon.IsNoun(t.low) || lexicon.IsAdjective(t.low) {
		return false
	}
	if !lexicon.IsNoun(stem) && !lexicon.IsNoun(stem+"e") {
		return false
	}
	next := toks[i+1]
	return next.upper || determinerOpens(next.low) || objectPronouns[next.low]
}

// quoteWords quotes the sentence's words at the positions at (in order),
// a run of neighbours as one phrase: “a new world record”, “lasted” and
// “years”; after four words, an ellipsis.
func quoteWords(toks []token, at []int) string {
	var b strings.Builder
	for k, i := range at {
		if k == 4 {
			b.WriteString("…")
			break
		}
		switch {
		case k == 0:
			b.WriteString("“")
		case at[k-1] == i-1:
			b.WriteString(" ") // the phrase goes on
		default:
			b.WriteString("” and “")
		}
		b.WriteString(toks[i].text)
	}
	if !strings.HasSuffix(b.String(), "…") {
		b.WriteString("”")
	}
	return b.String()
}

// gerundSubject reports whether the -ing word toks[i] is a noun heading its
// clause as the subject of the verb right after it ("as flooding spread",
// "after shelling resumed"): in lower case (a capital is part of a name),
// no auxiliary before it, and a verb that is not
// another -ing or -s form right after it in the same clause.
func gerundSubject(toks []token, i int) bool {
	if toks[i].upper || i+1 >= len(toks) || toks[i+1].clause != toks[i].clause || i > 0 && auxiliaries[toks[i-1].low] {
		return false
	}
	next := toks[i+1].low
	if !lexicon.IsVerb(next) || strings.HasSuffix(next, "ing") {
		return false
	}
	// A past form: regular, irregular ("rose") or the same as its base
	// ("spread", "hit"); not a present -s form, which a plural could be.
	return strings.HasSuffix(next, "ed") || !strings.HasSuffix(next, "s")
}

// nextToGood reports whether passage word h, the same word as sentence
// word i, stands in the sentence right after or before one that i's
// clause draws on: a sentence may run two passage sentences into one
// clause ("… whether the movement is still building. I can't tell from
// here" as "they can tell from here whether the movement is still
// building").
func (c *sentenceRead) nextToGood(ev *evidence, i, h int) bool {
	if c.toks[i].low != ev.toks[h].low {
		return false
	}
	s := ev.toks[h].sent
	for _, n := range []int{s - 1, s + 1} {
		if c.goodSet[c.segment[i]][n] && ev.passageOf[n] == ev.passageOf[s] {
			return true
		}
	}
	return false
}

// particleOfVerb reports whether the word at i is an adverbial particle
// right after a verb ("worn away", "stepped up"): part of the verb's
// phrase, whose opposite is another particle of a verb ("went up",
// "went down"), not a place or a state ("at home").
func particleOfVerb(toks []token, i int) bool {
	return i > 0 && (particles[toks[i].low] || toks[i].low == "away") && toks[i-1].clause == toks[i].clause && verbForm(toks, i-1)
}

// notEvery reports whether the word at i stands in a clause opened by "not
// every" or "not all" ("Not every show worth watching revolves around
// lords"): the clause says some do and some do not, so a passage that
// denies it of some ("shows … that aren't about lords") agrees.
func notEvery(toks []token, i int) bool {
	for j := i - 1; j > 0 && toks[j].clause == toks[i].clause; j-- {
		if (toks[j].low == "every" || toks[j].low == "all") && toks[j-1].low == "not" && toks[j-1].clause == toks[i].clause {
			return true
		}
	}
	return false
}
