package answer

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/prose"
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
	minAnswerCoverage   = 0.6
	minSentenceCoverage = 0.3
	contextCredit       = 0.5
	// A further sentence joins the answer only when it scores, and covers the
	// question, close to the best one, so the answer stays on the question.
	followerScoreRatio = 0.8
	// Near-duplicates share this much of their terms (Jaccard).
	nearDuplicateJaccard = 0.5
	minSentenceTokens    = 4
)

// questionFrameWords ask for a kind of answer rather than name what it is
// about ("how long", "how many", "what happened"), so they are not looked for
// in the passages.
var questionFrameWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`long many much happen happened happening mean means meaning
name exactly anything something everything latest news know explain describe give kind type sort
think tell`) {
		m[prose.Stem(w)] = true
	}
	return m
}()

// answerKind is what a question asks for, when its wording shows it cheaply.
type answerKind int

const (
	kindAny answerKind = iota
	kindPerson
	kindDuration
	kindDate
	kindNumber
)

var (
	durationPattern = regexp.MustCompile(`(?i)\b(\d+(\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety|few|several|couple of)[\s-]+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b`)
	datePattern     = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|(19|20)\d\d)\b|(?i:\b(yesterday|today|tonight|last (week|month|year|night)|(earlier )?this (week|month|year|morning)|overnight)\b)`)
	numberPattern   = regexp.MustCompile(`(?i)\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b`)
	rolePattern     = regexp.MustCompile(`(?i)\b(president|minister|envoy|advis[eo]r|spokes(man|woman|person)|ambassador|secretary|chancellor|leader|aide|negotiator|professor|chief|director|head of|official|general|senator|governor|mayor|king|queen|pope|deputy|commissioner|analyst|correspondent|editor|founder|chair(man|woman)?|ceo)\b|, who (is|was|has)\b`)
)

func kindOf(question string) answerKind {
	q := strings.ToLower(question)
	switch {
	case strings.Contains(q, "how long"):
		return kindDuration
	case strings.Contains(q, "how many"), strings.Contains(q, "how much"):
		return kindNumber
	case strings.HasPrefix(q, "when "), strings.Contains(q, " when "), strings.Contains(q, "what date"),
		strings.Contains(q, "what day"), strings.Contains(q, "which day"), strings.Contains(q, "what year"):
		return kindDate
	case strings.HasPrefix(q, "who "), strings.Contains(q, " who "):
		return kindPerson
	}
	return kindAny
}

func (k answerKind) matches(sentence string) bool {
	switch k {
	case kindDuration:
		return durationPattern.MatchString(sentence)
	case kindDate:
		return datePattern.MatchString(sentence)
	case kindNumber:
		return numberPattern.MatchString(sentence)
	case kindPerson:
		return rolePattern.MatchString(sentence)
	}
	return false
}

// irregularForms lets a question's verb match the form an article uses: "When
// did they speak?" is answered by "they spoke". Forms that are stop words
// ("told", "said", "won") cannot match anything and are left out.
var irregularForms = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(`speak spoke spoken
meet met
leave left
lose lost
take took taken
give gave given
go went gone
come came
see saw seen
make made
write wrote written
hold held
begin began begun
run ran
buy bought
bring brought
fight fought
send sent
strike struck
shoot shot
fly flew flown
know knew known
break broke broken
choose chose chosen
fall fell fallen
rise rose risen
sell sold
find found
keep kept
lead led
pay paid
sign signed
kill killed
agree agreed
flee fled
sink sank sunk
steal stole stolen
drive drove driven
wear wore worn
grow grew grown
draw drew drawn
throw threw thrown
teach taught
catch caught
seek sought
build built
spend spent
lend lent
feel felt
stand stood
understand understood
hear heard
forbid forbade forbidden`, "\n") {
		forms := strings.Fields(line)
		for _, f := range forms {
			for _, g := range forms {
				if f != g {
					m[prose.Stem(f)] = append(m[prose.Stem(f)], prose.Stem(g))
				}
			}
		}
	}
	return m
}()

// kindTerm stands in the question's terms for the answer it asks for (a
// duration, a date, a number): a sentence that holds one covers that part of
// the question.
const kindTerm = "\x00answer"

// questionTerms is what the answerer looks for: the question's content terms
// with their weights, the ones written as names or numbers, and the words as
// the asker wrote them (for the abstention message).
type questionTerms struct {
	weight   map[string]float64
	forms    map[string][]string // other forms of a term that count as it
	total    float64
	entity   map[string]bool
	entities float64 // total weight of entity terms
	surface  map[string]string
	order    []string
	kind     answerKind
}

func analyseQuestion(question string, idf func(string) float64) questionTerms {
	q := questionTerms{
		weight:  map[string]float64{},
		forms:   map[string][]string{},
		entity:  map[string]bool{},
		surface: map[string]string{},
		kind:    kindOf(question),
	}
	for _, tok := range prose.Tokenize(question) {
		if prose.IsStopword(tok) {
			continue
		}
		t := prose.Stem(tok)
		if questionFrameWords[t] {
			continue
		}
		if _, ok := q.weight[t]; ok {
			continue
		}
		q.weight[t] = 1
		q.surface[t] = tok
		q.order = append(q.order, t)
		q.forms[t] = irregularForms[t]
	}
	if idf != nil {
		var unknown []string
		maxKnown := 1.0
		for _, t := range q.order {
			// A word written in several forms is about as common as its
			// commonest form.
			w := 0.0
			for _, f := range append([]string{t}, q.forms[t]...) {
				if v := idf(f); v > 0 && !math.IsInf(v, 0) && (w == 0 || v < w) {
					w = v
				}
			}
			if !(w > 0) {
				unknown = append(unknown, t)
				continue
			}
			q.weight[t] = w
			maxKnown = math.Max(maxKnown, w)
		}
		for _, t := range unknown {
			q.weight[t] = maxKnown
		}
	}
	// Words capitalised in the question, and numbers, name what it is about.
	for _, field := range strings.FieldsFunc(question, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:?!()\"“”", r)
	}) {
		r, _ := utf8.DecodeRuneInString(field)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		for _, t := range prose.Terms(field) {
			if _, ok := q.weight[t]; ok && !q.entity[t] {
				q.entity[t] = true
				q.entities += q.weight[t]
			}
		}
	}
	// A question that asks for a duration, a date or a number is answered
	// only by a sentence that holds one, which matters as much as its most
	// specific word.
	if len(q.order) > 0 && (q.kind == kindDuration || q.kind == kindDate || q.kind == kindNumber) {
		heaviest := 0.0
		for _, t := range q.order {
			heaviest = math.Max(heaviest, q.weight[t])
		}
		q.weight[kindTerm] = heaviest
		q.order = append(q.order, kindTerm)
	}
	for _, t := range q.order {
		q.total += q.weight[t]
	}
	return q
}

// holds reports whether a text with the given terms holds question term t.
func (q questionTerms) holds(terms map[string]bool, t string) bool {
	if terms[t] {
		return true
	}
	for _, f := range q.forms[t] {
		if terms[f] {
			return true
		}
	}
	return false
}

// scoredSentence is one sentence of one hit, scored against the question.
type scoredSentence struct {
	text     string
	hit      int             // index into hits
	covered  map[string]bool // the question terms the sentence holds
	terms    map[string]bool
	coverage float64 // question weight in the sentence, as a share
	score    float64
}

// Extractive answers from the hits alone. It scores every sentence of
// every hit by the IDF-weighted share of the question's terms it holds, with
// small bonuses for matching the names and numbers in the question, for
// question terms elsewhere in its passage, and for the hit's rank. A
// question that asks for a duration ("how long"), a date ("when") or a number
// ("how many") counts the answer itself as one of its terms, found in a
// sentence that holds one; a "who" question favours a sentence that gives a
// role. The best sentences, without near-duplicates, are joined with a [n]
// citation after each.
//
// It abstains, with Abstained set and no citations, when the chosen sentences
// cover too little of the question's weight: a question about something the
// coverage never mentions shares at most its common words with the passages,
// and those weigh little.
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
	q := analyseQuestion(question, opt.IDF)
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
		passageTerms[i] = termSet(h.Text)
		at := articleTerms[h.ArticleID]
		if at == nil {
			at = map[string]bool{}
			articleTerms[h.ArticleID] = at
		}
		for t := range passageTerms[i] {
			at[t] = true
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
	cands := typedFirst(scoreCandidates(q, hits, context))
	chosen := chooseSentences(cands, maxSentences)
	if len(chosen) == 0 || chosen[0].coverage < minSentenceCoverage || answerCoverage(q, chosen, context) < minAnswerCoverage {
		if missing := missingWords(q, passageTerms); len(missing) > 0 {
			return abstain(abstainMissing(missing))
		}
		return abstain(abstainNoAnswer)
	}

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
		parts = append(parts, citeSentence(c.text, n))
	}
	ans.Text = strings.Join(parts, " ")
	ans.AsOf = newestPublished(ans.Citations)
	return ans
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

// scoreCandidates scores every sentence that holds at least one question
// term. context gives the terms around a sentence.
func scoreCandidates(q questionTerms, hits []rag.Hit, context func(scoredSentence) map[string]bool) []scoredSentence {
	var cands []scoredSentence
	seen := map[string]bool{} // a sentence repeated by overlapping passages counts once
	for hi, h := range hits {
		rankBonus := 0.05 / float64(hi+1)
		for _, sp := range prose.SentenceSpans(h.Text) {
			text := strings.TrimSpace(removeMarkers(h.Text[sp[0]:sp[1]]))
			toks := prose.Tokenize(text)
			if len(toks) < minSentenceTokens {
				continue
			}
			key := strings.Join(toks, " ")
			if seen[key] {
				continue
			}
			seen[key] = true
			c := scoredSentence{text: text, hit: hi, terms: termSet(text), covered: map[string]bool{}}
			if _, typed := q.weight[kindTerm]; typed && q.kind.matches(text) {
				c.covered[kindTerm] = true
			}
			ctx := context(c)
			var in, around, ent float64
			for _, t := range q.order {
				w := q.weight[t]
				switch {
				case c.covered[t], t != kindTerm && q.holds(c.terms, t):
					c.covered[t] = true
					in += w
					if q.entity[t] {
						ent += w
					}
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
			if q.kind == kindPerson && q.kind.matches(text) {
				c.score += 0.1
			}
			if strings.HasSuffix(strings.TrimRight(text, "\"'”’)"), "?") {
				c.score *= 0.6 // a question in an article rarely answers one
			}
			cands = append(cands, c)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands
}

// typedFirst keeps, for a question that asks for a duration, a date or a
// number, only the sentences that hold one, when there are any: a sentence
// without one does not answer however many of the question's words it shares.
// When none holds one, all are kept, and their coverage, which lacks the
// answer's weight, decides whether to abstain.
func typedFirst(cands []scoredSentence) []scoredSentence {
	var typed []scoredSentence
	for _, c := range cands {
		if c.covered[kindTerm] {
			typed = append(typed, c)
		}
	}
	if len(typed) == 0 {
		return cands
	}
	return typed
}

// chooseSentences takes the best scoredSentence and those close behind it that say
// something new.
func chooseSentences(cands []scoredSentence, limit int) []scoredSentence {
	var chosen []scoredSentence
	for _, c := range cands {
		if len(chosen) == limit {
			break
		}
		if len(chosen) > 0 && (c.score < followerScoreRatio*chosen[0].score || c.coverage < followerScoreRatio*chosen[0].coverage) {
			continue
		}
		dup := false
		for _, d := range chosen {
			if nearDuplicate(c.terms, d.terms) {
				dup = true
				break
			}
		}
		if !dup {
			chosen = append(chosen, c)
		}
	}
	return chosen
}

// nearDuplicate reports whether two sentences say much the same thing: they
// share most of their terms, or one's terms are nearly all in the other.
func nearDuplicate(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	shared := 0
	for t := range a {
		if b[t] {
			shared++
		}
	}
	union := len(a) + len(b) - shared
	smaller := min(len(a), len(b))
	return float64(shared)/float64(union) >= nearDuplicateJaccard || float64(shared) >= 0.8*float64(smaller)
}

// answerCoverage is the share of the question's weight that the chosen
// sentences hold, counting a term that is only elsewhere in a chosen
// sentence's article at contextCredit.
func answerCoverage(q questionTerms, chosen []scoredSentence, context func(scoredSentence) map[string]bool) float64 {
	var got float64
	for _, t := range q.order {
		credit := 0.0
		for _, c := range chosen {
			if c.covered[t] {
				credit = 1
				break
			}
			if t != kindTerm && q.holds(context(c), t) {
				credit = contextCredit
			}
		}
		got += credit * q.weight[t]
	}
	return got / q.total
}

// missingWords lists the question's words, as the asker wrote them, that no
// passage holds, heaviest first.
func missingWords(q questionTerms, passageTerms []map[string]bool) []string {
	var missing []string
	for _, t := range q.order {
		if t == kindTerm {
			continue
		}
		found := false
		for _, pt := range passageTerms {
			if q.holds(pt, t) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, t)
		}
	}
	sort.SliceStable(missing, func(i, j int) bool { return q.weight[missing[i]] > q.weight[missing[j]] })
	words := make([]string, len(missing))
	for i, t := range missing {
		words[i] = q.surface[t]
	}
	return words
}
