package claim

import (
	"math"
	"strings"
	"sync"
	"time"

	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
)

// Source is one passage a sentence cites, with what is known of its article
// beyond the passage (its title, outlet and authors): a name found there
// may stand in the sentence even when the passage itself only says "he".
// Published, when known, is the day its article came out: a year the
// passage counts from it ("last year") is that year.
type Source struct {
	Text      string
	Context   string
	Published time.Time
}

// evidence is the cited passages read once: their words indexed by every
// form and synonym that can match a sentence's word, their figures, times
// and names.
type evidence struct {
	toks    []token
	byForm  map[string][]int // a word form → positions of the words with that form
	bySyn   map[string][]int // a WordNet synonym or derivation → positions of the words it is a synonym of
	byNear  map[string][]int // a verb or noun one hypernym step away, or a similar adjective → positions
	byStart map[string][]int // the first five letters → positions, for nearForm
	figures []figure
	times   []timeExpr
	names   []nameGroup
	sents   int
	// passageOf gives, per passage sentence, which of the cited passages
	// holds it.
	passageOf []int
	context   map[string]bool // names of the articles' titles and metadata
	// namesBySent lists, per passage sentence, the names it gives; sentStart is where each sentence's words begin.
	namesBySent map[int][]nameGroup
	sentStart   map[int]int
	// negationOf maps what a negation denies to the negation's position.
	negationOf map[int]int
	acronyms   map[string]bool // initials of runs of capitalised words
	// aliases holds the names WordNet gives in one synonym set with a
	// capitalised passage word, and the first word of each ("GOP" gives
	// "republican party" and "republican").
	aliases map[string]bool
	// capitals holds the capital of each country the passages name, and the
	// country of each capital ("US" gives "washington"): a government
	// named by its capital (see checkNames).
	capitals map[string]bool
	// regions holds the named places WordNet makes a passage's place part
	// of ("Geneva" gives "switzerland" and "europe"): a sentence may say
	// where the place is in the larger one's name.
	regions map[string]bool
	// defeats holds the positions of the verbs of defeating, read once
	// when a sentence first asks (see contestForms).
	defeats     []int
	defeatsOnce sync.Once
	// modifierPairs holds the passage's pairs of a modifier and its noun,
	// by passage sentence, read once when a sentence first asks (see
	// checkExchangedModifiers).
	modifierPairs     map[int][][2]int
	modifierPairsOnce sync.Once
	// necessityAt holds the positions of the passage's modals of
	// necessity ("must", "has to", "needs to"), read once when a sentence
	// first asks (see necessity).
	necessityAt   []int
	necessityOnce sync.Once
	// asks holds the passage sentences that are questions: they assert
	// nothing, neither what they name nor what they deny.
	asks map[int]bool
	// nameLists holds the lists of names the passages write out, read
	// once when a sentence first asks (see lists).
	nameLists     []nameList
	nameListsOnce sync.Once
}

// measuresOne reports whether a passage figure measures one of the time
// unit word ("day": "24 hours", "a 24-hour period") in another unit.
func (ev *evidence) measuresOne(word string) bool {
	u, ok := timeUnits[word]
	if !ok {
		return false
	}
	size := unitSizes[u].size
	for _, g := range ev.figures {
		if g.unit != "" && g.unit != u && unitSizes[g.unit].dimension == "time" && !g.implicit && math.Abs(g.base-size) <= unitTolerance*size {
			return true
		}
	}
	return false
}

// poundsOf reports whether a passage figure in pounds sterling has the
// value v ("£3").
func (ev *evidence) poundsOf(v float64) bool {
	for _, g := range ev.figures {
		if g.currency == "pound" && g.value == v {
			return true
		}
	}
	return false
}

// lists gives the lists of names the passages write out (see nameLists).
func (ev *evidence) lists() []nameList {
	ev.nameListsOnce.Do(func() { ev.nameLists = nameLists(ev.toks) })
	return ev.nameLists
}

// apart reports whether no one cited passage holds a sentence of each
// set: two facts a sentence joins from two passages ("the bridge built in
// 1932" from one, "said on Monday" from the other), which no passage
// sentence can hold together.
func (ev *evidence) apart(a, b map[int]bool) bool {
	in := map[int]bool{}
	for s := range a {
		in[ev.passageOf[s]] = true
	}
	for s := range b {
		if in[ev.passageOf[s]] {
			return false
		}
	}
	return true
}

func newEvidence(sources []Source) *evidence {
	ev := &evidence{
		byForm: map[string][]int{}, bySyn: map[string][]int{}, byNear: map[string][]int{}, byStart: map[string][]int{},
		context: map[string]bool{},
	}
	budget := maxPassageWords
	for k, src := range sources {
		toks := tokenize(src.Text, budget)
		budget -= len(toks)
		off, sentOff, clauseOff := len(ev.toks), ev.sents, 0
		if n := len(ev.toks); n > 0 {
			clauseOff = ev.toks[n-1].clause + 1
		}
		for i := range toks {
			toks[i].pos += off
			toks[i].sent += sentOff
			toks[i].clause += clauseOff
		}
		if n := len(toks); n > 0 {
			ev.sents = toks[n-1].sent + 1
		}
		for len(ev.passageOf) < ev.sents {
			ev.passageOf = append(ev.passageOf, k)
		}
		for si, sp := range prose.SentenceSpans(src.Text) {
			if strings.HasSuffix(strings.TrimRight(src.Text[sp[0]:sp[1]], " \"'”’)"), "?") {
				if ev.asks == nil {
					ev.asks = map[int]bool{}
				}
				ev.asks[si+sentOff] = true
			}
		}
		ev.toks = append(ev.toks, toks...)
		for _, t := range tokenize(src.Context, 200) {
			// The capitalised words of a title or an outlet: names, and in a
			// title written in title case, other words too.
			if t.upper && !isFunctionWord(t.low) {
				ev.context[nameKey(t.low)] = true
			}
		}
	}
	for i, t := range ev.toks {
		for _, f := range forms(t.low) {
			ev.byForm[f] = append(ev.byForm[f], i)
		}
		if len(t.low) >= 5 && !hasDigit(t.low) {
			ev.byStart[t.low[:5]] = append(ev.byStart[t.low[:5]], i)
		}
		if !isContent(t.low) {
			continue
		}
		for _, s := range lexicon.Synonyms(t.low) {
			ev.bySyn[s] = append(ev.bySyn[s], i)
		}
		if a := adjectiveOfAdverb(t.low); a != "" {
			for _, s := range lexicon.Synonyms(a) {
				ev.bySyn[s] = append(ev.bySyn[s], i) // "globally" for "worldwide"
			}
		}
		for _, d := range lexicon.Derivations(t.low) {
			ev.bySyn[d] = append(ev.bySyn[d], i)
		}
		for _, n := range lexicon.VerbNeighbours(t.low) {
			ev.byNear[n] = append(ev.byNear[n], i)
		}
		for _, n := range lexicon.NounNeighbours(t.low) {
			ev.byNear[n] = append(ev.byNear[n], i)
		}
		for _, n := range lexicon.Similar(t.low) {
			ev.byNear[n] = append(ev.byNear[n], i) // "dry" for "arid"
		}
		if i+1 < len(ev.toks) && ev.toks[i+1].sent == t.sent {
			phrase := lexicon.Base(t.low) + " " + ev.toks[i+1].low
			for _, s := range lexicon.Synonyms(phrase) {
				ev.bySyn[s] = append(ev.bySyn[s], i, i+1)
			}
			for _, n := range lexicon.VerbNeighbours(phrase) {
				ev.byNear[n] = append(ev.byNear[n], i, i+1) // "touched down" for "landed"
			}
			ev.byForm[phrase] = append(ev.byForm[phrase], i, i+1)
		}
	}
	ev.figures = append(findFigures(ev.toks), impliedFigures(ev.toks)...)
	ev.figures = append(ev.figures, append(runCounts(ev.toks, ev.figures), scoreCounts(ev.toks, ev.figures)...)...)
	ev.figures = append(ev.figures, yearArithmetic(ev.toks, ev.figures)...)
	ev.figures = append(ev.figures, partShares(ev.toks, ev.figures)...)
	ev.times = findTimes(ev.toks)
	ev.figures = append(ev.figures, datedYears(ev, sources)...)
	ev.times = append(ev.times, datedTimes(ev, sources)...)
	ev.names = findNames(ev.toks, ev.capitalised)
	ev.acronyms = acronymsOf(ev.toks)
	ev.aliases, ev.capitals = map[string]bool{}, map[string]bool{}
	for _, t := range ev.toks {
		if !t.upper || isFunctionWord(t.low) {
			continue
		}
		for _, a := range lexicon.Synonyms(t.low) {
			ev.aliases[a] = true
			if f, _, ok := strings.Cut(a, " "); ok {
				ev.aliases[f] = true
			}
		}
		for _, a := range lexicon.CountryCapital(t.low) {
			ev.capitals[nameKey(a)] = true
		}
		// "Russian President Vladimir Putin": the adjective names the
		// country, whose government Moscow names.
		for _, country := range lexicon.CountryNames(t.low) {
			for _, a := range lexicon.CountryCapital(country) {
				ev.capitals[nameKey(a)] = true
			}
		}
	}
	ev.regions = map[string]bool{}
	for _, h := range ev.names {
		// "the United States" is one name, whose capital is Washington.
		for _, a := range lexicon.CountryCapital(strings.Join(h.keys, " ")) {
			ev.capitals[nameKey(a)] = true
		}
		// "Geneva": the talks were in Switzerland, and in Europe.
		for _, r := range lexicon.Containing(spanText(ev.toks, h.start, h.end)) {
			ev.regions[nameKey(r)] = true
		}
	}
	ev.namesBySent, ev.sentStart, ev.negationOf = map[int][]nameGroup{}, map[int]int{}, map[int]int{}
	for _, h := range ev.names {
		s := ev.toks[h.start].sent
		ev.namesBySent[s] = append(ev.namesBySent[s], h)
	}
	for p, t := range ev.toks {
		if _, ok := ev.sentStart[t.sent]; !ok {
			ev.sentStart[t.sent] = p
		}
		if negationAt(ev.toks, p) || refusalAt(ev.toks, p) {
			if h := deniedWord(ev.toks, p); h >= 0 && !untilFollows(ev.toks, p) {
				ev.negationOf[h] = p
				if o := disjunctAfter(ev.toks, h); o >= 0 {
					ev.negationOf[o] = p
				}
				if o := lightObject(ev.toks, h); o >= 0 {
					ev.negationOf[o] = p // "have not made a decision" denies the decision
				}
				if o := deniedClauseVerb(ev.toks, h); o >= 0 {
					ev.negationOf[o] = p // "not a situation where the rhetoric is matching the action"
				}
				if o := deniedRelativeComplement(ev.toks, h); o >= 0 && ev.toks[p].low == "no" {
					ev.negationOf[o] = p // "no lane … that is viable"
				}
			}
		}
	}
	return ev
}

// match gives the positions of the passage words that a sentence word can
// stand for: the same word or form, a synonym, or a near form. next is the
// word after it in the sentence, for two-word phrases ("turned down" for
// "rejected"); phrase is set when the match took both words.
func (ev *evidence) match(low, next string) (pos []int, phrase bool) {
	fs := forms(low)
	for _, f := range fs {
		pos = append(pos, ev.byForm[f]...)
	}
	if len(pos) > 0 {
		return pos, false
	}
	if next != "" {
		for _, f := range fs {
			p := f + " " + next
			if got := append(ev.byForm[p], ev.bySyn[p]...); len(got) > 0 {
				return got, true
			}
		}
		// Two content words the passage writes as one ("the moon sets"
		// for "moonset", "law makers" for "lawmakers").
		if isContent(low) && isContent(next) && len(low) >= 3 && len(next) >= 3 {
			for _, f := range fs {
				for _, g := range forms(next) {
					if got := ev.byForm[f+g]; len(got) > 0 {
						return got, true
					}
				}
			}
		}
	}
	for _, f := range fs {
		pos = append(pos, ev.bySyn[f]...)
	}
	if len(pos) > 0 {
		return pos, false
	}
	if len(low) >= 5 && !hasDigit(low) {
		for _, i := range ev.byStart[low[:5]] {
			if nearForm(low, ev.toks[i].low) {
				pos = append(pos, i)
			}
		}
	}
	return pos, false
}

// hasForm gives the positions of passage words with one of a word's forms,
// without synonyms: what an opposite is looked up by.
func (ev *evidence) hasForm(low string) []int {
	var pos []int
	for _, f := range forms(low) {
		pos = append(pos, ev.byForm[f]...)
	}
	if strings.Contains(low, " ") {
		pos = append(pos, ev.byForm[low]...)
	}
	return pos
}

// related reports whether a word shares a WordNet synonym with a passage
// word, one step further than match ("opened" and "began" through
// "start"). It is too loose to say where a clause comes from, but enough to
// say that a word is not new content.
func (ev *evidence) related(low string) bool {
	for _, s := range lexicon.Synonyms(low) {
		if len(ev.bySyn[s]) > 0 {
			return true
		}
	}
	for _, f := range forms(low) {
		if len(ev.byNear[f]) > 0 {
			return true
		}
	}
	return false
}

// capitalised reports whether a word is written with a capital inside a
// passage sentence or stands in the articles' metadata (then it is a name
// also where it opens a sentence), whether the passages use it at all, and
// whether they write it in lower case (as a common word).
func (ev *evidence) capitalised(low string) (name, seen, common bool) {
	for _, i := range ev.byForm[low] {
		seen = true
		t := ev.toks[i]
		if t.upper && !t.first && t.low == low {
			return true, true, false
		}
		common = common || !t.upper
	}
	if ev.namedElsewhere(low) {
		// A word the passages read as a name where it opens a sentence
		// ("Rangers beat Celtic") is a name wherever it opens one.
		return true, true, common
	}
	return ev.context[low], seen || ev.context[low], common
}

// necessities gives the positions of the passage's modals of necessity.
func (ev *evidence) necessities() []int {
	ev.necessityOnce.Do(func() {
		for p := range ev.toks {
			if necessity(ev.toks, p) {
				ev.necessityAt = append(ev.necessityAt, p)
			}
		}
	})
	return ev.necessityAt
}

// necessity reports whether the word at i is a modal of necessity, one
// of English's closed class of them: "must", or a form of "need" or
// "have" before "to" ("needs to", "had to"), or "required to". They say
// the same of the verb after them.
func necessity(toks []token, i int) bool {
	low := toks[i].low
	if low == "must" {
		return true
	}
	if i+1 >= len(toks) || toks[i+1].low != "to" || toks[i+1].clause != toks[i].clause {
		return false
	}
	switch low {
	case "need", "needs", "needed", "have", "has", "had", "required":
		return true
	}
	return false
}
