package answer

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/lexicon"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/quote"
)

// ExtractiveOptions tune the extractive answerer.
type ExtractiveOptions struct {
	MaxSentences int // default 3
	// IDF gives a term's inverse document frequency from the index's keyword
	// statistics, larger for rarer terms (for example BM25's
	// ln(1+(N−df+0.5)/(df+0.5))). A term it scores zero or less is taken to
	// be unknown to the index, and so as rare as the rarest. Nil means every
	// term weighs 1.
	IDF func(term string) float64
}

// Tuning of the extractive answerer. Coverage is the share of the question's
// weight (its terms' IDF) that a sentence holds. The chosen sentences must
// cover minAnswerCoverage of it, a term found only around one of them (see
// context in Extractive) counting contextCredit, and the best sentence
// minSentenceCoverage alone. Short of either, the passages are about
// something else and the answerer abstains.
const (
	defaultMaxSentences = 3
	minAnswerCoverage   = 0.45
	minSentenceCoverage = 0.2
	contextCredit       = 0.5
	// A further sentence joins the answer only when it scores, and covers the
	// question, close to the best one, so the answer stays on the question.
	followerScoreRatio = 0.7
	// Near-duplicates share this much of their terms (Jaccard).
	nearDuplicateJaccard = 0.5
	minSentenceTokens    = 4
	// A sentence with the typed answer must cover this share of what the
	// best sentence covers of the question's words to be preferred.
	typedCoverageRatio = 0.5
	// A question that asks for a figure, a date or a duration, answered
	// without one, must be covered this well.
	untypedCoverage = 0.75
	// A question that asks for a name, a place, a figure, a date or a
	// duration, answered by a best sentence that holds one the question
	// does not give, need be covered only this well (chosen on the tuning
	// sets: 0.30 answered a seed question that must abstain, 0.40 stated
	// one question fewer of seed-tune2, 0.41 answered two near misses).
	typedAnswerCoverage = 0.35
)

// questionFrameWords ask for a kind of answer rather than name what it is
// about ("how long", "how many", "what happened"), so they are not looked for
// in the passages.
var questionFrameWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`long many much happen happened happening mean means meaning
name exactly anything something everything latest news know explain describe characterise characterize label give kind type sort
think tell whose`) {
		m[prose.Stem(w)] = true
	}
	return m
}()

// simplePrepositions are the English simple prepositions that prose's stop
// words leave out (the class as listed in Quirk, Greenbaum, Leech and
// Svartvik, A Comprehensive Grammar of the English Language, 1985, §9.7;
// the participial ones, "following", "given", "regarding", are verb forms
// and left to the verb test of functionPreposition; "since" and "till" are
// also conjunctions of time, and in "since when" the answer's time follows
// the same word, so they stay content words).
var simplePrepositions = wordSet(`aboard across along alongside amid amidst among amongst around astride
atop behind beneath beside besides beyond circa despite except inside like minus near notwithstanding
onto opposite outside past plus round throughout toward towards underneath unlike unto
versus within without`)

// functionPreposition reports whether a question word is a preposition and
// nothing else a question could be about: a function word, never part of
// its focus nor a name the coverage lacks ("amid the strikes"). A
// preposition that WordNet also knows as a verb ("like", "near", "round")
// may be the question's verb, and stays a content word.
func functionPreposition(tok string) bool {
	return simplePrepositions[tok] && !lexicon.IsVerb(tok)
}

// answerKind is what a question asks for.
type answerKind int

const (
	kindAny answerKind = iota
	kindPerson
	kindPlace
	kindDuration
	kindDate
	kindNumber
	kindReason
	kindManner
	kindSaid
	kindYesNo
	kindName // "which show", "what measure": a thing the question names by its kind
)

var (
	// A duration is a count of a unit of time, a bare plural one after a
	// preposition that measures a span ("for years", "after weeks of"), or
	// an open-ended one: "for as long as it takes", "indefinitely",
	// "forever", "for good".
	durationPattern = regexp.MustCompile(`(?i)\b(\d+(\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety|few|several|couple of)[\s-]+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b|\b(for|after|over)\s+(minutes|hours|days|weeks|months|years|decades)\b|\bfor as long as [^,.;:”"]+|\b(indefinitely|forever|permanently|for good)\b`)
	// datePattern: day and month names (and the usual abbreviations of
	// months, with their point), years, the deictic time expressions of
	// English (yesterday, today, tomorrow, last/this/next week, within
	// days) and the parts of the day with "early" or "late" ("an early
	// morning phone call"; a bare "morning" is as often no time asked for).
	datePattern   = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|(19|20)\d\d)\b|\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|\bMay\s+\d|(?i:\b(yesterday|today|tonight|tomorrow|(last|next) (week|month|year|night|spring|summer|autumn|fall|winter)|(earlier |later )?this (week|month|year|morning|afternoon|evening|spring|summer|autumn|fall|winter)|overnight|(early|late)[ -](morning|afternoon|evening|night)|within (days|weeks|hours|months)|(in|within) the (coming|next) (days|weeks|months))\b)`)
	numberPattern = regexp.MustCompile(`(?i)[$£€]?\b(\d[\d,.]*%?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|(a|one|two) thirds?|(a|one|three) quarters?)\b`)
	rolePattern   = regexp.MustCompile(`(?i)\b(president|minister|envoy|advis[eo]r|spokes(man|woman|person)|ambassador|secretary|chancellor|leader|aide|negotiator|professor|chief|director|head of|official|general|senator|governor|mayor|king|queen|pope|deputy|commissioner|analyst|correspondent|editor|founder|chair(man|woman)?|ceo)\b|, who (is|was|has)\b`)
)

// scoredSentence is one sentence of one hit, scored against the question.
type scoredSentence struct {
	text     string
	hit      int             // index into hits
	idx      int             // the sentence's place in its hit
	covered  map[string]bool // the question terms the sentence holds
	terms    map[string]bool
	coverage float64 // question weight in the sentence, as a share
	score    float64
	// carries marks a sentence added because the chosen one refers to
	// the answer it names.
	carries bool
}

// Extractive answers from the hits alone. It works out what the question
// asks for (a person, a place, a time, a figure, a duration, a reason, a
// manner, what someone said, yes or no) and which of its words are its
// focus rather than its phrasing ("recently", "tell me", "according to"),
// and scores every sentence of every hit by the IDF-weighted share of the
// focus it holds, with bonuses for the names in the question, for focus
// terms elsewhere in its passage, for the hit's rank, and for holding what
// was asked: a name, place, date or figure the question does not already
// give, a reason for "why", a response for "how did", the speaker's words
// for "what did X say". A sentence that only restates the question is never
// an answer. When the answer runs on into the next sentence ("the show" in
// one, its name in the next; a pronoun; a colon), that sentence joins it.
// The sentences are joined with a [n] citation after each.
//
// It abstains, with Abstained set and no citations, when the coverage lacks
// the question's focus: a name of the question that no passage holds, an
// answer whose article lacks one of the question's names, or sentences that
// cover too little of the focus's weight. Phrasing words never decide it.
func Extractive(question string, hits []rag.Hit, opt ExtractiveOptions) rag.Answer {
	ans := rag.Answer{Question: question, Mode: rag.ModeExtractive}
	abstain := func(text string) rag.Answer {
		ans.Text = text
		ans.Abstained = true
		return ans
	}
	maxSentences := opt.MaxSentences
	if maxSentences <= 0 {
		maxSentences = defaultMaxSentences
	}
	question = spellOutContractions(question)
	whetherKnown := asksWhetherKnown(question)
	question = directQuestion(question)
	question = resolveDescriptions(question, hits)
	question = splitClosedCompounds(question, opt.IDF)
	q := analyseQuestion(question, opt.IDF)
	q.reasonSubject = reasonSubject(question)
	if q.total == 0 {
		return abstain(abstainNoTerms)
	}
	hits = distinctHits(hits)
	if len(hits) == 0 {
		return abstain(abstainNoPassages)
	}
	passageTerms := make([]map[string]bool, len(hits))
	articleTerms := map[string]map[string]bool{}
	for i, h := range hits {
		passageTerms[i] = termSet(h.Title + "\n" + h.Text)
		at := articleTerms[h.ArticleID]
		if at == nil {
			at = map[string]bool{}
			articleTerms[h.ArticleID] = at
		}
		for t := range passageTerms[i] {
			at[t] = true
		}
	}
	q.learnFromPassages(hits, passageTerms)
	q.weighScene(question)
	q.dropMeasureAdjective(question)
	q.dropAskedNoun(question)
	if missing := missingNames(q, passageTerms); len(missing) > 0 {
		return abstain(abstainMissing(missing))
	}
	if subject, object := q.participants(question); len(object) > 0 && !q.namedTogether(hits, subject, object) {
		return abstain(abstainApart(q.surfaces(subject), q.surfaces(object)))
	}
	if one, other := q.eventParties(question); len(other) > 0 && !q.namedWith(hits, one, other) {
		return abstain(abstainApart(q.surfaces(one), q.surfaces(other)))
	}
	// A role the coverage gives only for another country is another
	// person's: "the former British ambassador to Russia" is no answer to
	// who the UK's ambassador to Ukraine is.
	if asked, found, ok := postedElsewhere(question, hits); ok {
		return abstain(abstainPosted(asked, found))
	}
	// The coverage says who did what the question asks, and it was
	// others: for "who did X meet in Munich", "officials set to meet in
	// Munich as X warns" is the officials' meeting, and no clause has X
	// meet anyone. An auxiliary as the verb ("when did X have his call")
	// carries no relation of its own.
	if doer, verb := q.doerVerb(question); verb != "" && !auxiliaries[verb] && !lexicon.IsSaying(verb) {
		var rest []string
		for t := range q.requiredNames(question) {
			if !slices.Contains(doer, t) {
				rest = append(rest, t)
			}
		}
		if doers, others := q.verbBy(hits, doer, rest, verb); others && !doers {
			return abstain(abstainOthers(q.surfaces(doer), verb))
		}
	}
	// What a sentence leaves implicit ("the meeting") is usually said
	// elsewhere in its passage. A sentence that holds the typed answer a
	// question asks for may lean on its whole article: the article is what
	// ties "the meeting lasted 15 minutes" to "St Peter's".
	context := func(c scoredSentence) map[string]bool {
		if c.covered[kindTerm] {
			return articleTerms[hits[c.hit].ArticleID]
		}
		return passageTerms[c.hit]
	}
	// The answer's article must name everyone and everything the question
	// names: a quotation of Bolton answers nothing about Starmer unless
	// Bolton's coverage mentions Starmer. Europe names what is European.
	// A quiz's scene-setting sentences name more than the article must
	// (requiredNames).
	required := q.requiredNames(question)
	namesAll := func(c scoredSentence) bool {
		at := articleTerms[hits[c.hit].ArticleID]
		for t := range required {
			if len(t) <= 2 {
				continue
			}
			if !q.names(at, t) && !q.namesCountry(at, t) && !namesByDerivation(at, q.surface[t]) {
				return false
			}
		}
		return true
	}
	// What X said is in X's quotations, as rag/quote attributes them, or
	// in a sentence that names X and reports speech.
	speaker := speakerTerms(question)
	var quotes map[int][]rag.Quote // by hit
	var titles []map[string]bool   // the terms of each hit's headline
	if len(speaker) > 0 {
		quotes = map[int][]rag.Quote{}
		titles = make([]map[string]bool, len(hits))
		for i, h := range hits {
			quotes[i] = quote.Extract(rag.Article{ID: h.ArticleID, Title: h.Title, Text: withPassageBefore(h, hits)})
			titles[i] = termSet(h.Title)
		}
	}
	carriesQuoteBy := func(c scoredSentence) bool {
		for _, qt := range quotes[c.hit] {
			whoTerms := prose.Terms(qt.Speaker + " " + qt.Mention + " " + qt.Relayer)
			if ofAnotherCountry(whoTerms, speaker) {
				continue
			}
			who := map[string]bool{}
			for _, t := range whoTerms {
				who[t] = true
			}
			byX := false
			for _, t := range speaker {
				byX = byX || q.names(who, t)
			}
			if byX && overlaps(c.text, qt.Text) {
				return true
			}
		}
		return false
	}
	object := q.spokenAbout(question, q.coreNames(question))
	// speechBy gives the terms of what X says in a sentence, and whether X
	// speaks in it at all.
	speechBy := func(c scoredSentence) (map[string]bool, bool) {
		words, ok := speechOf(q, c.text, speaker)
		switch {
		case carriesQuoteBy(c):
			words, ok = c.terms, true
		case !ok:
			// "He said…", "The French president said…": X named in one
			// of the two sentences before.
			back := refersBack.FindString(c.text)
			if back == "" || ofAnotherCountry(prose.Terms(back), speaker) || q.ofAnotherRole(prose.Terms(back), speaker) {
				return nil, false
			}
			sents := hitSentences(hits[c.hit])
			for i := c.idx - 1; i >= 0 && i >= c.idx-2 && !ok; i-- {
				ok = q.namesAsSubject(sents[i], speaker)
			}
			words = c.terms
		}
		return words, ok
	}
	bySpeaker := func(c scoredSentence) bool {
		if len(speaker) == 0 {
			return true
		}
		words, ok := speechBy(c)
		if !ok {
			return false
		}
		// What X said about Y, or told Y: X's words must hold Y. In
		// "They discussed …, Kremlin aide Yuri Ushakov said", X is named
		// as the speaker, so the pronoun that opens the sentence is in
		// X's words and stands for what the sentence just before names.
		if c.idx > 0 && pointsBack(c.text) && namesSpeaker(q, c.terms, speaker) {
			words = union(words, termSet(hitSentences(hits[c.hit])[c.idx-1]))
		}
		return q.holdsSpokenAbout(words, titles[c.hit], object)
	}
	// A near miss names the doer in the wrong role: "how did X respond"
	// is not answered by "Critics attacked X".
	parties := q.doer(question)
	doer := slices.Concat(parties...)
	sentsOf := map[int][]string{}
	doneByDoer := func(c scoredSentence) bool {
		sents, ok := sentsOf[c.hit]
		if !ok {
			sents = hitSentences(hits[c.hit])
			sentsOf[c.hit] = sents
		}
		if !q.doneBy(sents, c.idx, doer) {
			return false
		}
		// "X and Y" as the subject: the event is theirs together, so
		// the sentence names, or points back to, each of them. A name
		// of several words is named by its head ("Hawkins" for "Taylor
		// Hawkins", "Hale" for "Mayor Hale", "PM" for "the British PM").
		if len(doer) > 1 {
			reach := reachedNames(sents, c.idx)
			for _, party := range parties {
				if !q.names(reach, party[len(party)-1]) {
					return false
				}
			}
		}
		return true
	}
	// Asked whether something is known, the coverage that says it is not
	// has answered, though other sentences name the people asked about.
	if whetherKnown {
		for _, c := range statesUnknown(q, question, hits) {
			if namesAll(c) {
				return cited(ans, q, hits, []scoredSentence{c})
			}
		}
	}
	var cands []scoredSentence
	scored := scoreCandidates(q, hits, context)
	if len(speaker) > 0 {
		scored = creditSpeaker(q, speaker, hits, scored, func(c scoredSentence) bool {
			_, ok := speechBy(c)
			return ok
		})
	}
	// A person's team or employer, written before their role
	// ("Cleveland Browns quarterback Deshaun Watson"), is said of them
	// whatever their part in the sentence: "The league suspended
	// Cleveland Browns quarterback Deshaun Watson" names his team.
	var affiliated map[string]bool
	if q.kind == kindPerson && len(doer) > 0 {
		affiliated = q.coreNames(question)
	}
	for _, c := range scored {
		if namesAll(c) && bySpeaker(c) && (doneByDoer(c) || (affiliated != nil && affiliation(q, c.text, affiliated) != "")) {
			cands = append(cands, c)
		}
	}
	// The body that follows a headline need not hold a typed answer of
	// its own: the headline gave it.
	onTopic := cands
	cands = typedFirst(q, cands)
	chosen := chooseSentences(q, cands, maxSentences)
	if len(chosen) == 0 || chosen[0].coverage < minSentenceCoverage || answerCoverage(q, chosen, context) < q.neededCoverage(question, chosen[0]) {
		if missing := missingWords(q, passageTerms); len(missing) > 0 {
			return abstain(abstainMissing(missing))
		}
		return abstain(abstainNoAnswer)
	}
	// "When's the next X", "where will they meet next": a sentence about
	// the last X does not say when or where the next one is; the answer
	// must speak of time to come.
	if (q.kind == kindDate || q.kind == kindPlace) && asksNext(question) && !speaksOfFuture(withContinuations(q, hits, chosen)) {
		return abstain(abstainNoNext)
	}
	if q.kind.typed() {
		// Present but with nothing of the asked type: how many died, when
		// none of the sentences gives a figure. An answer in words ("every
		// other former republic", "his first term") must then cover the
		// question nearly whole. How long something lasted is said only
		// by a span: a sentence without one does not say it, though the
		// span may be in the sentence the answer runs on into ("It will
		// last for…"), which then joins it (withContinuations).
		// A figure counts what "how many" asks about only in a sentence
		// that names it: "servings of eight, 12 or 36 pieces" gives no
		// count of calories.
		counted := ""
		if q.kind == kindNumber {
			counted = countedTerm(question)
		}
		found := false
		for _, c := range chosen {
			found = found || (c.covered[kindTerm] && (counted == "" || q.holds(c.terms, counted)) && (q.kind != kindPlace || newPlace(c.text, q.all)))
		}
		// The chosen sentences with those the answer runs on into, read
		// by the checks below.
		continued := withContinuations(q, hits, chosen)
		if !found && q.kind == kindDuration {
			for _, c := range continued {
				found = found || q.kind.newCandidate(c.text, q.all)
			}
			if !found {
				return abstain(abstainNoAnswer)
			}
		}
		if !found && answerCoverage(q, chosen, context) < untypedCoverage {
			return abstain(abstainNoAnswer)
		}
		// An answer in words to when something happened names the
		// happening: for "when did the union break up", a sentence on the
		// union that says nothing of its breaking up tells no time, though
		// the sentence before it says "broke up".
		if !found && q.kind == kindDate && !q.namesEvent(question, chosen) {
			return abstain(abstainNoAnswer)
		}
		// "How tall did the plants grow": a length is said by a figure of
		// one, not by "12 plants".
		if unit := asksDimension(question); q.kind == kindNumber && unit != nil {
			measured := false
			for _, c := range continued {
				measured = measured || unit.MatchString(c.text)
			}
			if !measured {
				return abstain(abstainNoAnswer)
			}
		}
		// "How many saves did he make": an answer in words must still
		// speak of saves.
		if !found && counted != "" && !holdsIn(q, continued, counted) {
			return abstain(abstainNoAnswer)
		}
	}
	chosen = withAffiliation(q, question, cands, chosen, maxSentences)
	chosen = withBodyAfterHeadline(hits, onTopic, chosen, maxSentences)
	chosen = withLead(q, hits, onTopic, chosen, required, maxSentences)
	chosen = withContinuations(q, hits, chosen)
	chosen = withReasonNeighbours(q, hits, chosen)
	chosen = withExplanation(hits, chosen, q.kind)

	return cited(ans, q, hits, chosen)
}

// holdsIn reports whether a chosen sentence holds question term t.
func holdsIn(q questionTerms, chosen []scoredSentence, t string) bool {
	for _, c := range chosen {
		if q.holds(c.terms, t) {
			return true
		}
	}
	return false
}

// cited is the answer made of the chosen sentences, each followed by the
// number of the passage it cites.
func cited(ans rag.Answer, q questionTerms, hits []rag.Hit, chosen []scoredSentence) rag.Answer {
	numbers := map[string]int{} // passage id → citation number
	parts := make([]string, 0, len(chosen))
	for _, c := range chosen {
		p := hits[c.hit].Passage
		n, ok := numbers[p.ID]
		if !ok {
			n = len(numbers) + 1
			numbers[p.ID] = n
			ans.Citations = append(ans.Citations, rag.Citation{N: n, Passage: p})
		}
		if c.idx == 0 && p.Title != "" && !strings.HasPrefix(p.Text, p.Title) {
			// A headline is cited as its article: the cited text shows it
			// above the passage, so that the citation holds what it backs.
			ans.Citations[n-1].Text = p.Title + "\n\n" + p.Text
		}
		text := c.text
		if isHeadline(hits, c) && !strings.ContainsAny(text[len(text)-1:], ".!?…") {
			text += "." // a headline ends where the next sentence begins
		}
		parts = append(parts, citeSentence(text, n))
	}
	ans.Text = strings.Join(parts, " ")
	ans.AsOf = newestPublished(ans.Citations)
	if span := findSpan(q, chosen); span != "" && !q.asksIdentity() {
		ans.Spans = []string{span}
	}
	return ans
}

// neededCoverage is the share of the question's weight the answer must
// hold, given its best sentence. A name, a place, a figure, a date or a
// duration that the question asks for and does not give, in the best
// sentence beside the question's words, is itself evidence that the
// passage answers: the rest of a long question (the circumstances it
// opens with: "As the workforce shrinks and wage bills rise, …") may be
// said in other words or not at all.
func (q questionTerms) neededCoverage(question string, best scoredSentence) float64 {
	if q.kind.typed() && best.covered[kindTerm] && q.holdsAsked(question, best.covered) {
		return typedAnswerCoverage
	}
	return minAnswerCoverage
}

// distinctHits drops a passage that retrieval returned twice, keeping its
// better rank.
func distinctHits(hits []rag.Hit) []rag.Hit {
	seen := map[string]bool{}
	out := make([]rag.Hit, 0, len(hits))
	for _, h := range hits {
		key := h.ID
		if key == "" {
			key = h.ArticleID + "\x00" + h.Text
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, h)
	}
	return out
}

func termSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range prose.Terms(s) {
		set[t] = true
	}
	return set
}

// hitSentences are a hit's sentences, the headline first: a headline is
// evidence like any sentence, cited as its article's passage.
func hitSentences(h rag.Hit) []string {
	var out []string
	if t := strings.TrimSpace(h.Title); t != "" {
		out = append(out, t)
	}
	for _, sp := range prose.SentenceSpans(h.Text) {
		out = append(out, strings.TrimSpace(removeMarkers(h.Text[sp[0]:sp[1]])))
	}
	return out
}

// echoShare is how much of a sentence must be new to the question for it
// to answer: below it, the sentence only restates the question (an article
// that quotes a quiz, a headline that asks).
const echoShare = 0.25

// Bonuses for holding what the question asks for.
const (
	candidateBonus = 0.15
	cueBonus       = 0.1
)

// scoreCandidates scores every sentence that holds at least one question
// term. context gives the terms around a sentence.
func scoreCandidates(q questionTerms, hits []rag.Hit, context func(scoredSentence) map[string]bool) []scoredSentence {
	var cands []scoredSentence
	seen := map[string]bool{} // a sentence repeated by overlapping passages counts once
	for hi, h := range hits {
		rankBonus := 0.05 / float64(hi+1)
		sents := hitSentences(h)
		for si, text := range sents {
			toks := prose.Tokenize(text)
			if len(toks) < minSentenceTokens {
				continue
			}
			key := strings.Join(toks, " ")
			if seen[key] {
				continue
			}
			seen[key] = true
			c := scoredSentence{text: text, hit: hi, idx: si, terms: termSet(text), covered: map[string]bool{}}
			fresh := q.kind.newCandidate(text, q.all)
			if _, typed := q.weight[kindTerm]; typed && fresh {
				c.covered[kindTerm] = true
			}
			if !fresh && echoes(q, c.terms) {
				continue
			}
			ctx := context(c)
			antecedent := antecedentTerms(sents, si)
			otherOrder := inOtherOrder(q.ordered, text)
			owned := q.othersOwned(text)
			var in, around, ent float64
			for _, t := range q.order {
				w := q.weight[t]
				switch {
				case otherOrder[t]:
					// "before the funeral" does not answer "after the funeral"
				case owned[t] && q.holds(owned, t):
					// "the prime minister's visit" is no visit of the president's
				case c.covered[t], t != kindTerm && q.holds(c.terms, t):
					c.covered[t] = true
					in += w
					if q.entity[t] {
						ent += w
					}
				case q.namesCountry(c.terms, t):
					// "the US president" for "the american president"
					in += countryCredit * w
					ent += countryCredit * w
				case q.heldByRole(c.terms, t):
					// "the Ukrainian president" for "the ukrainian leader"
					in += roleCredit * w
				case q.entity[t] && q.holds(antecedent, t):
					// "He added…": the name is the pronoun's antecedent.
					in += antecedentCredit * w
					ent += antecedentCredit * w
				case t != kindTerm && q.holds(ctx, t):
					around += w
				}
			}
			if in == 0 || (len(c.covered) == 1 && c.covered[kindTerm]) {
				continue // a date or a number alone answers nothing
			}
			c.coverage = in / q.total
			c.score = c.coverage + 0.2*around/q.total + rankBonus
			if q.entities > 0 {
				c.score += 0.1 * ent / q.entities
			}
			c.score += kindBonus(q, text, fresh)
			if asks(text) {
				c.score *= 0.6 // a question in an article rarely answers one
			}
			cands = append(cands, c)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands
}

// kindBonus favours a sentence that holds the kind of thing asked for.
func kindBonus(q questionTerms, text string, fresh bool) float64 {
	b := 0.0
	switch q.kind {
	case kindPerson:
		if fresh {
			b += candidateBonus
		}
		if rolePattern.MatchString(text) {
			b += cueBonus
		}
	case kindName, kindPlace:
		if fresh {
			b += candidateBonus
		}
		if q.kind == kindPlace && locatesAName(q, text) {
			b += cueBonus
		}
	case kindReason:
		if givesReason(text) {
			b += candidateBonus
		}
		if q.opensWith(text, q.reasonSubject) {
			b += cueBonus
		}
	case kindManner:
		if mannerCues.MatchString(text) {
			b += candidateBonus
		}
	case kindSaid:
		if reportedSpeech.MatchString(text) {
			b += candidateBonus
		}
	}
	return b
}

// echoes reports whether a sentence says little the question does not.
func echoes(q questionTerms, terms map[string]bool) bool {
	if len(terms) == 0 {
		return true
	}
	fresh := 0
	for t := range terms {
		if !q.all[t] {
			fresh++
		}
	}
	return float64(fresh) < echoShare*float64(len(terms))
}

// overlaps reports whether a sentence holds the start of a quotation, or a
// quotation holds the start of the sentence (a quotation of several
// sentences).
func overlaps(sentence, quotation string) bool {
	head := func(s string) string {
		s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "\"“”‘’"))
		if len(s) > 40 {
			s = s[:40]
		}
		return s
	}
	qh, sh := head(quotation), head(sentence)
	return qh != "" && (strings.Contains(sentence, qh) || strings.Contains(quotation, sh))
}

// locativeName is a name after a preposition of place: "in Rome", "at the
// Munich Security Conference", "from St Peter's Basilica".
var locativeName = regexp.MustCompile(`\b(?:in|at|to|from|inside|outside|near|across)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)`)

// locatesAName reports whether a sentence places something at a name the
// question does not hold: where a place question's answer stands.
func locatesAName(q questionTerms, text string) bool {
	for _, m := range locativeName.FindAllStringSubmatch(text, -1) {
		for _, t := range prose.Terms(m[1]) {
			if !q.all[t] {
				return true
			}
		}
	}
	return false
}

// namesEvent reports whether the chosen sentences hold the verb of a
// question's subject ("break" in "when did the union break up"), when it
// has one that is no auxiliary.
func (q questionTerms) namesEvent(question string, chosen []scoredSentence) bool {
	_, verb := q.doerVerb(question)
	if verb == "" || auxiliaries[verb] {
		return true
	}
	t := prose.Stem(verb)
	if _, asked := q.weight[t]; !asked {
		return true
	}
	for _, c := range chosen {
		if c.covered[t] {
			return true
		}
	}
	return false
}
