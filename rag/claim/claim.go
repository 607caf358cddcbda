package claim

import (
	"fmt"
	"math"
	"strings"
)

// Verdict is what the cited passages say of a sentence.
type Verdict string

// Verdicts.
const (
	Supported    Verdict = "supported"
	Contradicted Verdict = "contradicted"
	NotInSource  Verdict = "not_in_source"
)

// Kinds of fault a check finds, named as the claims set names them.
const (
	KindPolarity = "polarity"
	KindFigure   = "figure"
	KindTime     = "time"
	KindEntity   = "entity"
	KindRole     = "role"
	KindAntonym  = "antonym"
	KindAddition = "addition"
)

// Result is the check of one sentence.
type Result struct {
	Verdict Verdict
	// Kind names the rule that decided a verdict other than Supported.
	Kind string
	// Reason says, for a person, what the source says instead ("the source
	// says first, not second"); empty when supported.
	Reason string
	// Absent is set when the finding is a figure, time or name that no
	// passage holds at all: a plain fact of the text, not a reading of it.
	Absent bool
}

// OK reports whether the sentence may stand.
func (r Result) OK() bool { return r.Verdict == Supported }

// Tuned on the tuning half of testdata/claims (see docs/QUALITY.md).
const (
	// A passage sentence counts as where a clause comes from when it holds
	// at least this share of the clause's words that the best one holds.
	goodSentenceRatio = 0.6
	// A sentence is not in the source when more than this share of its
	// content words match nothing in the passages.
	maxUnmatchedShare = 0.4
	// Two words that match nothing, this close, are a phrase the source
	// does not hold.
	maxPhraseGap = 3
	// How far back a negation reaches.
	negationWindow = 4
	// How far from a verb a name may stand and still be its subject or object.
	roleWindow = 8
)

// Check decides whether the cited passages support sentence. Sentences
// beyond maxSentenceWords words, and passages beyond maxPassageWords in all,
// are read only up to those bounds. To check many sentences against the
// same passages, as an answer's are, use a [Checker].
func Check(sentence string, sources ...Source) Result {
	return check(sentence, newEvidence(sources))
}

// check is Check against passages already read; it does not change ev.
func check(sentence string, ev *evidence) Result {
	return checkWith(sentence, ev, rules)
}

// checkWith is check through the rules of chain, in their order.
func checkWith(sentence string, ev *evidence, chain []rule) Result {
	return firstFault(readSentence(sentence, ev), ev, chain)
}

// firstFault runs the rules of chain on a sentence already read, in their
// order, and returns what the first to find a fault finds.
func firstFault(c *sentenceRead, ev *evidence, chain []rule) Result {
	for _, r := range chain {
		if res, bad := r.check(c, ev); bad {
			return res
		}
	}
	return Result{Verdict: Supported}
}

// rules are the checks a sentence goes through, in order; the first that
// finds a fault decides. Names are the functions' (TestRuleAblation reports
// what each one catches and drops on the tuning data).
var rules = []rule{
	{"checkPolarity", checkPolarity},
	{"checkNegatedRelated", checkNegatedRelated},
	{"checkNegatedComplement", checkNegatedComplement},
	{"checkNegatedNames", checkNegatedNames},
	{"checkDeniedNames", checkDeniedNames},
	{"checkFigures", checkFigures},
	{"checkUnanimous", checkUnanimous},
	{"checkDefiniteCounts", checkDefiniteCounts},
	{"checkSwappedFigures", checkSwappedFigures},
	{"checkRespectively", checkRespectively},
	{"checkChangeOrLevel", checkChangeOrLevel},
	{"checkFigureTimes", checkFigureTimes},
	{"checkTimes", checkTimes},
	{"checkMonthYears", checkMonthYears},
	{"checkMonthDays", checkMonthDays},
	{"checkFrequencies", checkFrequencies},
	{"checkNames", checkNames},
	{"checkTies", checkTies},
	{"checkRoles", checkRoles},
	{"checkExchanged", checkExchanged},
	{"checkPronounDoer", checkPronounDoer},
	{"checkPronounOther", checkPronounOther},
	{"checkOrderSwap", checkOrderSwap},
	{"checkSubjects", checkSubjects},
	{"checkSpeakerSwap", checkSpeakerSwap},
	{"checkRestatedDoer", checkRestatedDoer},
	{"checkNominals", checkNominals},
	{"checkNominalDoer", checkNominalDoer},
	{"checkContestNouns", checkContestNouns},
	{"checkPossessors", checkPossessors},
	{"checkExchangedModifiers", checkExchangedModifiers},
	{"checkPossessedActSwapped", checkPossessedActSwapped},
	{"checkActByOf", checkActByOf},
	{"checkPrepositionSwap", checkPrepositionSwap},
	{"checkPositionSwap", checkPositionSwap},
	{"checkNameContexts", checkNameContexts},
	{"checkNameNounContexts", checkNameNounContexts},
	{"checkNameSlot", checkNameSlot},
	{"checkTitles", checkTitles},
	{"checkAppositions", checkAppositions},
	{"checkRelativeClauses", checkRelativeClauses},
	{"checkComparisons", checkComparisons},
	{"checkComparedNounsSwapped", checkComparedNounsSwapped},
	{"checkComparedGroups", checkComparedGroups},
	{"checkOpposites", checkOpposites},
	{"checkQuantifierOpposites", checkQuantifierOpposites},
	{"checkQuantifierScale", checkQuantifierScale},
	{"checkFigureOrder", checkFigureOrder},
	{"checkDirectionOpposites", checkDirectionOpposites},
	{"checkStanceOpposites", checkStanceOpposites},
	{"checkCauseOpposites", checkCauseOpposites},
	{"checkPrefixOpposites", checkPrefixOpposites},
	{"checkPhrasalOpposites", checkPhrasalOpposites},
	{"checkNeighbourOpposites", checkNeighbourOpposites},
	{"checkDerivedOpposites", checkDerivedOpposites},
	{"checkSynonymOpposites", checkSynonymOpposites},
	{"checkSentimentOpposites", checkSentimentOpposites},
	{"checkDegreeOpposites", checkDegreeOpposites},
	{"checkRelations", checkRelations},
	{"checkAdditions", checkAdditions},
}

// rule is one check: bad is set when it finds a fault, described by the
// result.
type rule struct {
	name  string
	check func(c *sentenceRead, ev *evidence) (r Result, bad bool)
}

// sentenceRead is a sentence read against its evidence.
type sentenceRead struct {
	toks    []token
	matches [][]int // per token: the passage words it can stand for
	content []bool  // per token: it carries a claim (not a figure, time or name)
	item    []bool  // per token: part of a figure, time or name
	figures []figure
	times   []timeExpr
	names   []nameGroup
	segment []int          // per token: its clause, short clauses merged
	part    []int          // per token: its clause, cut at "and", "but", "while" … too, never merged
	good    [][]int        // per segment: the passage sentences it comes from
	goodSet []map[int]bool // c.good as sets
	touched []map[int]bool // per segment: the passage sentences it shares a word with
	used    map[int]bool   // the passage positions some word matches, once asked for (matchedPositions)
}

var clauseWords = wordSet("and but while whereas although though after before because")

func readSentence(sentence string, ev *evidence) *sentenceRead {
	toks := tokenize(sentence, maxSentenceWords)
	c := &sentenceRead{
		toks:    toks,
		matches: make([][]int, len(toks)),
		content: make([]bool, len(toks)),
		item:    make([]bool, len(toks)),
		segment: make([]int, len(toks)),
		part:    make([]int, len(toks)),
	}
	c.figures = append(findFigures(toks), boundedUnits(toks)...)
	c.times = findTimes(toks)
	c.names = findNames(toks, ev.capitalised)
	for _, f := range c.figures {
		for i := f.start; i < f.end; i++ {
			c.item[i] = true
		}
		if (f.currency == "dollar" || f.currency == "euro") && f.end < len(toks) && !toks[f.start].money && strings.HasPrefix(toks[f.end].low, f.currency) {
			// "125,000 dollars": the currency word is part of the amount,
			// as "$" is ("pounds" may be a weight, and stays a word).
			c.item[f.end] = true
		}
		if f.end < len(toks) && (toks[f.end].low == "pounds" || toks[f.end].low == "pound") && ev.poundsOf(f.value) {
			// "three pounds" where the passage gives "£3": sterling, not
			// a weight.
			c.item[f.end] = true
		}
		if physical(f.unit) {
			// "10 kilometres", "2,470 acres": the unit is part of the
			// measure, which may be given in another unit.
			for i := f.end; i < len(toks) && i < f.end+len(strings.Fields(f.unit)); i++ {
				c.item[i] = true
			}
		}
	}
	for _, t := range c.times {
		if t.key == "count year" && t.end < len(toks) && (toks[t.end].low == "old" || toks[t.end].low == "olds") {
			t.end++ // "11-year-olds": an age, whatever words the source gives it in ("ages 5 to 11")
		} else if strings.HasPrefix(t.key, "count ") {
			continue // "two months": the unit stays a word, which says where the clause comes from
		}
		for i := t.start; i < t.end; i++ {
			c.item[i] = true
		}
	}
	for _, g := range c.names {
		for i := g.start; i < g.end; i++ {
			c.item[i] = true
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		// "within a day" where the passage says "in 24 hours": one unit,
		// which the passage measures in another.
		if low := toks[i].low; (low == "a" || low == "an" || low == "one") && ev.measuresOne(toks[i+1].low) {
			c.item[i+1] = true
		}
	}
	particle := map[int][]int{} // a split phrasal verb's particle: the verb's matches
	for i := 0; i < len(toks); i++ {
		next := ""
		if i+1 < len(toks) && toks[i+1].clause == toks[i].clause {
			next = toks[i+1].low
		}
		pos, phrase := ev.match(toks[i].low, next)
		if k := splitParticle(toks, i); len(pos) == 0 && k > 0 {
			// "turned it down": a phrasal verb whose object pronoun
			// stands between the verb and its particle.
			if got, ok := ev.match(toks[i].low, toks[k].low); ok {
				pos = got
				particle[k] = got
			}
		}
		if held, ok := particle[i]; ok {
			pos, phrase = held, false
		}
		if len(pos) == 0 && necessity(toks, i) {
			pos = ev.necessities() // "need to" where the passage says "has to"
		}
		if len(pos) > maxMatches {
			pos = pos[:maxMatches]
		}
		c.matches[i] = pos
		c.content[i] = !c.item[i] && (isContent(toks[i].low) || plainFail(toks, i) || appearingIn(toks, i)) && !(toks[i].pct || toks[i].low == "percent") &&
			!(toks[i].low == "cent" && i > 0 && toks[i-1].low == "per") && !(roundingWords[toks[i].low] && c.hedges(i)) && !complexPreposition(toks, i)
		if phrase {
			c.matches[i+1] = pos
			i++
		}
	}
	c.segments(ev)
	return c
}

// complexPreposition reports whether the word at i is the noun of a
// complex preposition or conjunction, which says nothing of its own: the
// "order" of "in order to" or "in order that", the "case" of "in case of",
// the "account" of "on account of", the "behalf" of "on behalf of".
func complexPreposition(toks []token, i int) bool {
	if i == 0 || i+1 >= len(toks) || toks[i-1].clause != toks[i].clause || toks[i+1].clause != toks[i].clause {
		return false
	}
	prev, next := toks[i-1].low, toks[i+1].low
	switch toks[i].low {
	case "order":
		return prev == "in" && (next == "to" || next == "that" || next == "for")
	case "case":
		return prev == "in" && next == "of"
	case "account", "behalf":
		return prev == "on" && next == "of"
	}
	return false
}

// roundingWords are the approximators that round a figure rather than
// bound it from one side (see approximators; "more", "over", "below" say
// which side, and stay words an opposite can be read in).
var roundingWords = wordSet("about around roughly approximately some nearly almost close")

// hedges reports whether the word at i stands right before a figure, or
// one word before it ("roughly three", "around a third"): a word that
// rounds or bounds the figure, which the figure rules check.
func (c *sentenceRead) hedges(i int) bool {
	for _, f := range c.figures {
		if f.start == i+1 || f.start == i+2 && c.toks[i+1].clause == c.toks[i].clause {
			return true
		}
	}
	return false
}

// segments cuts the sentence into clauses (at punctuation and at "and",
// "but", "after" …), merges a clause with fewer than two content words into
// the one before it (an opening one into the one after), and finds for each
// the passage sentences it draws on.
func (c *sentenceRead) segments(ev *evidence) {
	seg := 0
	for i, t := range c.toks {
		listed := (t.low == "and" || t.low == "or") && i > 0 && i+1 < len(c.toks) && c.item[i-1] && c.item[i+1]
		if i > 0 && (t.clause != c.toks[i-1].clause || clauseWords[t.low] && !listed) {
			seg++
		}
		c.segment[i] = seg
		c.part[i] = seg
	}
	// A short segment ("to a range of 1.5% to 1.75%", "its largest hike
	// since 1994") belongs with the clause before it; a short opening ("On
	// Monday,", "while Sir Tony Brenton,") with the clause after it.
	count := map[int]int{}
	for i := range c.toks {
		if c.content[i] {
			count[c.segment[i]]++
		}
	}
	c.countNamedParties(count)
	opens := map[int]bool{} // segments opened by "and", "while" …: a new statement
	for i, t := range c.toks {
		if i == 0 || c.segment[i] != c.segment[i-1] {
			opens[c.segment[i]] = clauseWords[t.low]
		}
	}
	merged := make([]int, seg+1)
	cur, run := 0, 0
	for s := 0; s <= seg; s++ {
		if s > 0 && (count[s] >= 2 || opens[s]) && run >= 2 {
			cur++
			run = 0
		}
		merged[s] = cur
		run += count[s]
	}
	for i := range c.segment {
		c.segment[i] = merged[c.segment[i]]
	}
	c.good = make([][]int, cur+1)
	c.touched = make([]map[int]bool, cur+1)
	c.goodSet = make([]map[int]bool, cur+1)
	for s := 0; s <= cur; s++ {
		c.good[s], c.touched[s] = c.sourceSentences(ev, s)
		c.goodSet[s] = map[int]bool{}
		for _, x := range c.good[s] {
			c.goodSet[s][x] = true
		}
	}
}

// sourceSentences gives the passage sentences a segment draws on: those
// that hold nearly as many of its content words as the best one; and those
// that share any word with it.
func (c *sentenceRead) sourceSentences(ev *evidence, seg int) ([]int, map[int]bool) {
	score := map[int]int{}
	for i := range c.toks {
		if c.segment[i] != seg || !c.content[i] {
			continue
		}
		seen := map[int]bool{}
		for _, p := range c.matches[i] {
			s := ev.toks[p].sent
			if !seen[s] {
				seen[s] = true
				score[s]++
			}
		}
	}
	best := 0
	for _, n := range score {
		best = max(best, n)
	}
	if best == 0 {
		return nil, nil
	}
	need := max(1, int(math.Ceil(goodSentenceRatio*float64(best))))
	var out []int
	touched := map[int]bool{}
	for s := 0; s < ev.sents; s++ {
		if score[s] >= need {
			out = append(out, s)
		}
		if score[s] > 0 {
			touched[s] = true
		}
	}
	return out, touched
}

// inGood reports whether passage position p lies in a sentence segment seg
// draws on. A segment that draws on nothing holds everything.
func (c *sentenceRead) inGood(ev *evidence, seg, p int) bool {
	return c.good[seg] == nil || c.goodSet[seg][ev.toks[p].sent]
}

func contradicted(kind, format string, args ...any) (Result, bool) {
	return Result{Verdict: Contradicted, Kind: kind, Reason: fmt.Sprintf(format, args...)}, true
}

func absent(r Result, bad bool) (Result, bool) {
	r.Absent = true
	return r, bad
}

func missing(kind, format string, args ...any) (Result, bool) {
	return Result{Verdict: NotInSource, Kind: kind, Reason: fmt.Sprintf(format, args...)}, true
}
