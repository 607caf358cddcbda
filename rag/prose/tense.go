package prose

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// The tense that puts a date before or after publication is that of the
// verb the date belongs to, not the sentence's. A date is an adjunct of one
// verb of its clause:
//
//   - right after a verb of saying ("said Friday", "told reporters on
//     Friday", "warned in a statement late Monday") it dates the saying,
//     which is in the past whatever the reported clause says;
//   - at the head of a clause ("On Friday, the governor said he will
//     attend") it belongs to the clause's main verb, so a future marker
//     that stands after a verb of saying is the reported clause's, not the
//     date's;
//   - after a future marker of its own clause ("will travel to Paris on
//     Friday", "is set to start Friday") it is in the future;
//   - a weekday after a verb in the present (progressive "is traveling
//     Friday", "has a hearing Tuesday", the copula "the deadline is
//     Friday") is the one to come: news tells the past in the past tense.
//
// Clauses are cut at punctuation and at relative pronouns; quotations are
// blanked first, since their tense is the speaker's.

// eventIsFuture reports whether the date at start..end in text belongs to
// a verb in the future. weekday asks for the present-tense reading too (a
// weekday with a verb in the present is the coming one; a month is not, as
// "inflation is up 8% in March" shows).
func eventIsFuture(text string, start, end int, weekday bool) bool {
	masked := blankQuotes(text, start)
	if saidOnDate(masked, start) {
		return false
	}
	left, right := clauseAround(masked, start, end)
	clause := rePastModal.ReplaceAllStringFunc(masked[left:right], blank)
	ds, de := start-left, end-left
	for _, m := range futureMarkers(clause) {
		switch {
		case m[1] <= ds && !hasReportingForm(clause[m[1]:ds]) && !hasFinitePast(clause[m[1]:ds], true) &&
			!(opensClause(clause[m[1]:ds]) && hasFinitePast(clause[de:], false)):
			// "will travel to Paris on Friday"; not "will refund them after
			// a protest on Sunday was broken up", where the date stands in
			// a subordinate clause whose own verb is in the past.
			return true
		case m[0] >= de && !hasReportingForm(clause[de:m[0]]) && !opensClause(clause[de:m[0]]) && !hasReportingForm(clause[:ds]) && !hasFinitePast(clause[de:m[0]], false) && !hasFinitePast(clause[:ds], false):
			// "Friday, the team will play"; not "told him in June the
			// troops will stay", where the future is the reported clause's,
			// nor "on Monday unveiled a plan to build", the past's object,
			// nor "was released Tuesday amid plans to fly", the past's date.
			return true
		}
	}
	if weekday && left > 1 && !hasFiniteVerb(clause) {
		// A phrase set off with no verb of its own ("The coast will see
		// rain, with the heaviest falls Saturday") takes the tense of the
		// clause it follows: future when that clause speaks of the future,
		// with no past verb and no verb of saying before its marker.
		prev := masked[strings.LastIndexAny(masked[:left-1], ",;:(—–")+1 : left-1]
		for _, m := range futureMarkers(prev) {
			if !hasReportingForm(prev[:m[0]]) && !hasFinitePast(prev, false) {
				return true
			}
		}
	}
	return weekday && presentBefore(clause[:ds])
}

// futureMarkers returns the spans of the future markers in s (reFuture),
// less a verb of intention after a determiner or possessive ("a plan to",
// a noun), and "is due" and "are due" before "to" and a determiner or
// possessive:
// "is due to a rise" gives a cause ("due to" the complex preposition), not
// a schedule ("is due to arrive", "is due in court").
func futureMarkers(s string) [][]int {
	var out [][]int
	for _, m := range reFuture.FindAllStringIndex(s, -1) {
		if k := strings.LastIndexByte(strings.TrimRight(s[:m[0]], " "), ' ') + 1; strings.HasSuffix(strings.ToLower(s[m[0]:m[1]]), " to") && m[0] > 0 {
			// "a plan to", "its hopes to": a noun, not a verb of intention.
			prev := strings.ToLower(strings.TrimRight(s[k:m[0]], " "))
			if determiners[prev] || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") {
				continue
			}
		}
		if strings.HasSuffix(strings.ToLower(s[m[0]:m[1]]), " due") {
			if f := strings.Fields(strings.ToLower(s[m[1]:])); len(f) > 1 && f[0] == "to" &&
				(determiners[f[1]] || strings.HasSuffix(f[1], "'s") || strings.HasSuffix(f[1], "’s")) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// dayTense reads the tense a day-and-month date without a year belongs
// to: 1 when its verb is in the future, -1 when its clause has a finite
// verb in the past ("was arrested on December 20"), 0 when there is
// neither.
func dayTense(text string, start, end int) int {
	if eventIsFuture(text, start, end, false) {
		return 1
	}
	masked := blankQuotes(text, start)
	left, right := clauseAround(masked, start, end)
	if endPoint(text, start, end) {
		// "extended the pause until August 31", "in effect until March
		// 10": the verb sets a span, the date ends it, and only a past
		// state ("was unable to meet until March 23") puts the end behind.
		if reStatePast.MatchString(masked[left:right]) {
			return -1
		}
		return 0
	}
	if saidOnDate(masked, start) {
		return -1 // "said in June": the saying's date
	}
	// A verb of saying and a finite verb of its own before the date: the
	// date stands in the reported clause ("said there are more hearings to
	// come in September"), whose tense is its own, not the saying's.
	if k := lastReportingForm(masked[left:start]); k >= 0 && hasFiniteVerb(masked[left+k:start]) {
		left += k
	}
	if hasFinitePast(masked[left:right], false) {
		return -1
	}
	// A phrase set off with no verb of its own ("In her final game in
	// October, she ...") takes the tense of the sentence's clauses, when
	// none of them speaks of the future.
	if !hasFiniteVerb(masked[left:right]) && hasFinitePast(masked, false) && futureMarkers(masked) == nil {
		return -1
	}
	return 0
}

// endPoint reports whether the date at start..end ends a span or sets a
// deadline: it follows "until", "till", "through" or "by" (closed-class
// prepositions of time), with "early", "late" or "mid" between, or is the
// second term of "between … and".
func endPoint(text string, start, end int) bool {
	words := strings.Fields(strings.ToLower(text[:start] + " " + text[start:end]))
	for i := len(words) - 2; i >= 0 && i >= len(words)-4; i-- {
		switch strings.TrimSuffix(words[i], "-") {
		case "until", "till", "through", "by":
			return true
		case "and":
			// "between now and June 29": the second term of a span.
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if words[j] == "between" {
					return true
				}
			}
			return false
		case "early", "late", "mid":
		default:
			if !reMonthWord.MatchString(words[i]) {
				return false
			}
		}
	}
	return false
}

var (
	reMonthWord = regexp.MustCompile(`^` + strings.ToLower(monthPattern) + `\.?$`)
	// reStatePast finds a past form of be or have: a state that held then.
	reStatePast = regexp.MustCompile(`(?i)\b(?:was|were|had)\b`)
)

// hasFiniteVerb reports whether a stretch of text holds a finite verb: a
// form of be or have, a modal, or a past form. A participle in -ing is not
// one: "signing a bill in March" takes its sentence's tense.
func hasFiniteVerb(s string) bool {
	for _, w := range strings.Fields(s) {
		if w = strings.Trim(w, ".,;:()\"“”’'"); w == "May" {
			continue // the month
		}
		w = strings.ToLower(w)
		if auxiliaries[w] && w != "not" && w != "also" && w != "still" && w != "being" && w != "been" || clauseOpeners[w] && !subordinators[w] && w != "to" && w != "as" {
			return true
		}
		if regularPast(w) || irregularPast(w) {
			return true
		}
	}
	return false
}

// clauseAround returns the bounds of the clause the date at start..end
// stands in: from the punctuation or relative pronoun before it to the
// punctuation or relative pronoun after it. A date that heads its
// sentence or clause alone before a comma ("On Friday, the agency ...")
// belongs to the clause after the comma; one that ends a clause ("which
// began on 3 January, ...") does not.
func clauseAround(text string, start, end int) (int, int) {
	left := strings.LastIndexAny(text[:start], ",;:(—–") + 1
	if k := reRelative.FindAllStringIndex(text[left:start], -1); len(k) > 0 {
		left += k[len(k)-1][1]
	}
	right := len(text)
	if k := strings.IndexAny(text[end:], ",;:)—–"); k >= 0 {
		right = end + k
		if strings.TrimSpace(text[end:right]) == "" && allIn(strings.Fields(strings.ToLower(text[left:start])), dateHeads) {
			right = len(text)
			if k2 := strings.IndexAny(text[end+k+1:], ",;:()—–"); k2 >= 0 {
				right = end + k + 1 + k2
			}
		}
	}
	if k := reRelative.FindStringIndex(text[end:right]); k != nil {
		right = end + k[0]
	}
	return left, right
}

// dateHeads are the words that may stand before a date that heads its
// clause ("On Friday, ...", "Late last month, ..."): prepositions of time
// and the modifiers of a date (closed classes).
var dateHeads = WordSet(`on in at by during from until through since early late mid midday this last next past the`)

// saidOnDate reports whether the date starting at start follows a verb of
// saying within its phrase: up to six words back, across an object and a
// preposition ("told CNN's New Day on Monday", "said in a statement
// Tuesday"), but not across punctuation, a word that opens a reported or
// subordinate clause ("said the team will play Friday" dates the playing)
// or a finite verb of another clause ("said prices are rising in June").
func saidOnDate(text string, start int) bool {
	words := strings.Fields(text[:start])
	for n := 0; n < 6 && n < len(words); n++ {
		w := words[len(words)-1-n]
		if strings.ContainsAny(w, ",;:()—–\"“”") && n > 0 {
			return false
		}
		low := strings.ToLower(strings.Trim(w, ",;:()—–\"“”"))
		if clauseOpeners[low] || n > 0 && hasFiniteVerb(low) && !reportingVerb(low, words[:len(words)-1-n]) {
			return false // a reported clause's own verb: "said prices are rising in June"
		}
		if reportingVerb(low, words[:len(words)-1-n]) {
			return true
		}
	}
	return false
}

// reportingVerb reports whether a lower-case word, after the words before
// it, is a verb of saying heading a report (lexicon.IsReportingForm): the
// -s form is left out, as it is as often a plural noun ("talks", "reports"),
// and so is an -ing form after a determiner ("at a briefing").
func reportingVerb(low string, before []string) bool {
	if strings.HasSuffix(low, "s") || !lexicon.IsReportingForm(low) {
		return false
	}
	if strings.HasSuffix(low, "ing") && len(before) > 0 {
		prev := strings.ToLower(before[len(before)-1])
		if inModalGroup(before) {
			return false // "will be announcing", "to start warning": the group's head is elsewhere
		}
		return !determiners[prev] && !strings.HasSuffix(prev, "'s") && !strings.HasSuffix(prev, "’s")
	}
	return true
}

// inModalGroup reports whether an -ing form after the words before stands
// in a verb group that a modal or the infinitive marker heads: right after
// it, or after one verb of its own ("will be announcing", "will start
// flagging", "to keep telling"). The group's tense is the modal's, and its
// -ing form heads no report of its own.
func inModalGroup(before []string) bool {
	at := func(k int) string {
		if k < 0 {
			return ""
		}
		return strings.ToLower(strings.Trim(before[k], ".,;:()\"“”’'"))
	}
	n := len(before)
	if modalOrTo(at(n - 1)) {
		return true
	}
	return modalOrTo(at(n-2)) && lexicon.IsVerb(at(n-1))
}

func modalOrTo(w string) bool {
	return w == "to" || clauseOpeners[w] && !subordinators[w] && w != "as"
}

// clauseOpeners are the words that open a reported, infinitive or
// subordinate clause, and the modal auxiliaries that head a verb phrase
// (closed classes of English: complementisers, subordinating
// conjunctions, the infinitive marker, modals).
var clauseOpeners = WordSet(`that to if whether when while after before because since until unless as will would shall should can could may might must`)

// opensClause reports whether a stretch of a clause holds a word that opens
// a subordinate clause ("was given land Tuesday in a deal that will
// protect ..."): a future marker after it is that clause's, not the date's.
func opensClause(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if subordinators[strings.Trim(w, ".,;:()\"“”’'")] {
			return true
		}
	}
	return false
}

// subordinators open a relative or subordinate clause (closed classes:
// relative pronouns, complementisers, subordinating conjunctions).
var subordinators = WordSet(`that which who whom whose where when while if whether because after before since until unless although though`)

// hasFinitePast reports whether a stretch of a clause holds a finite verb in
// the past: a past form of be or have, or a past form (-ed, or an irregular
// one WordNet lists, "began", "told") not led by an auxiliary ("will be
// repaid", "is planned", "has rarely lacked" are not). afterMarker says the
// stretch follows a future marker, whose own verb its first word is.
func hasFinitePast(s string, afterMarker bool) bool {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		w = strings.Trim(w, ".,;:()\"“”’'")
		if w == "was" || w == "were" || w == "had" {
			return true
		}
		// The word before, past any adverbs in -ly ("has rarely lacked").
		k := i - 1
		for k >= 0 && strings.HasSuffix(words[k], "ly") && len(words[k]) > 4 {
			k--
		}
		if afterMarker && i == 0 || k >= 0 && (auxiliaries[strings.Trim(words[k], ".,;:()\"“”’'")] || determiners[words[k]]) {
			continue
		}
		if regularPast(w) || irregularPast(w) {
			return true
		}
	}
	return false
}

// regularPast reports whether a word is a verb's past in -ed: WordNet's
// morphology finds it a verb base other than itself ("died" is "die",
// "used" is "use"; "need", "exceed" are their own bases, in the present).
func regularPast(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "ed") || !lexicon.IsVerb(w) {
		return false
	}
	for _, b := range lexicon.Bases(w) {
		if b != w && lexicon.IsVerb(b) {
			return true
		}
	}
	return false
}

// irregularPast reports whether a word is an irregular past form WordNet's
// exception lists give for a verb ("began", "told", "took"), other than a
// participle in -n ("taken"; "begun" is caught by its auxiliary) and the
// present forms the lists hold too ("has", "goes").
func irregularPast(w string) bool {
	if strings.HasSuffix(w, "n") && !strings.HasSuffix(w, "an") || strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ing") || len(w) < 3 || auxiliaries[w] {
		// A participle, a present ("has", "goes"), an -ing form the lists
		// hold for a doubled consonant ("flagging") or an auxiliary. A
		// strong past in -an is no participle ("began", "ran"; the
		// participles are "begun", "run").
		return false
	}
	if !lexicon.IsVerb(w) {
		return false // an adjective's or a noun's form ("heaviest", "mice")
	}
	for _, b := range lexicon.Bases(w) {
		if b != w && slices.Contains(lexicon.Inflections(b), w) {
			return true
		}
	}
	return false
}

// auxiliaries lead a participle in one verb group with them (the closed
// class of English auxiliary verbs and the passive get).
var auxiliaries = WordSet(`be been being is are am was were have has had get gets got not also still`)

// hasReportingForm reports whether a stretch of a clause holds a verb of
// saying in a reporting form (lexicon.IsReportingForm).
func hasReportingForm(s string) bool {
	return lastReportingForm(s) >= 0
}

// lastReportingForm returns the offset in s just past its last verb of
// saying in a reporting form, or -1 when it has none.
func lastReportingForm(s string) int {
	words := strings.Fields(s)
	end, at := -1, 0
	for i, w := range words {
		k := strings.Index(s[at:], w) + at
		at = k + len(w)
		if reportingVerb(strings.ToLower(strings.Trim(w, ".,;:()\"“”’'")), words[:i]) {
			end = at
		}
	}
	return end
}

// presentBefore reports whether the verb nearest before a weekday is in the
// present tense: a form of be or have (a closed class) as the copula ("the
// deadline is Friday", "is on Friday"), the progressive ("is traveling
// Friday", "is being held Friday") or have with an object ("has a hearing
// Tuesday"); not a perfect or a passive ("has canceled", "is closed"), and
// with no past-tense verb between it and the weekday that the weekday could
// belong to.
func presentBefore(before string) bool {
	m := rePresent.FindAllStringIndex(before, -1)
	if m == nil {
		return false
	}
	last := m[len(m)-1]
	form := strings.ToLower(before[last[0]:last[1]])
	rest := strings.Fields(strings.ToLower(before[last[1]:]))
	if len(rest) > 6 {
		return false
	}
	for _, w := range rest {
		if strings.HasSuffix(w, "ed") || reportingVerb(w, nil) {
			return false
		}
	}
	be := form != "has" && form != "have"
	switch {
	case be && len(rest) <= 2 && allIn(rest, datePrepositions):
		return true
	case be && strings.HasSuffix(rest[0], "ing"):
		return true
	case !be && (determiners[rest[0]] || rest[0] == "another"):
		return true
	}
	return false
}

func allIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if !set[w] {
			return false
		}
	}
	return true
}

// presentVerbBefore reports whether the word that ends before is a verb in
// the present tense: a present form of be, or an -s form that WordNet
// knows as a verb and that follows no determiner, possessive or number (so
// it is no plural noun): "the league comes", not "the talks".
func presentVerbBefore(before string) bool {
	words := strings.Fields(strings.ToLower(before))
	if len(words) == 0 {
		return false
	}
	w := strings.Trim(words[len(words)-1], ".,;:()\"“”’'")
	switch w {
	case "is", "are", "am":
		return true
	}
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || !lexicon.IsVerb(w) {
		return false
	}
	if len(words) == 1 {
		return len(lexicon.LexFiles(w, 'n')) == 0
	}
	prev := words[len(words)-2]
	return !determiners[prev] && !strings.HasSuffix(prev, "'s") && !strings.HasSuffix(prev, "’s") && !strings.ContainsAny(prev, "0123456789") && countWords[prev] == 0
}

// rePresent finds a present form of be or have.
var rePresent = regexp.MustCompile(`(?i)\b(?:is|are|am|has|have)\b`)

// datePrepositions are the prepositions and modifiers that stand between a
// copula and a date ("is on Friday", "is late Friday").
var datePrepositions = WordSet(`on for late early until through`)

// blankQuotes returns text with the inside of its quotations blanked to
// spaces, so offsets still hold and no quoted word counts as the
// reporter's; the quotation that holds keep, if any, stays: a speaker's
// own date takes the speaker's tense.
func blankQuotes(text string, keep int) string {
	var b strings.Builder
	last := 0
	for _, m := range reQuoted.FindAllStringIndex(text, -1) {
		q := text[m[0]:m[1]]
		_, open := utf8.DecodeRuneInString(q)
		_, shut := utf8.DecodeLastRuneInString(q)
		if open+shut > len(q) || m[0] <= keep && keep < m[1] {
			continue
		}
		b.WriteString(text[last : m[0]+open])
		b.WriteString(strings.Repeat(" ", len(q)-open-shut))
		last = m[1] - shut
	}
	b.WriteString(text[last:])
	return b.String()
}

func blank(s string) string { return strings.Repeat(" ", len(s)) }

// rePastModal is a modal of the past ("could have", "would have been"),
// which does not make a sentence future.
var rePastModal = regexp.MustCompile(`(?i)\b(?:could|might|would)(?: not)? have\b`)

var reRelative = regexp.MustCompile(`(?i)\b(?:which|who|whose)\b`)
