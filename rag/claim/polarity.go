package claim

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// negationWords turn what follows into its opposite. "n't" reaches here as
// "not" (see tokenize).
var negationWords = wordSet(`not no never none nobody nothing neither nor without cannot
	refused refuse refuses refusing denied deny denies denying failed fail fails failing
	unable lack lacked lacks absence hardly scarcely nowhere`)

// negationAt reports whether the word at i of toks is a negation word
// used as one. "Fail" negates the verb it governs ("failed to pass" is
// "did not pass"); with no "to" after it, it is a verb of its own, with
// its own opposites ("the bill failed", "the bank failed in 2008": pass,
// succeed), and negates nothing.
func negationAt(toks []token, i int) bool {
	return negationWords[toks[i].low] && !plainFail(toks, i) && !numberSign(toks, i) && !additive(toks, i) && !alternative(toks, i) && !counterfactual(toks, i)
}

// counterfactual reports whether the word at i is the "not" of an inverted
// conditional clause ("may not be around today had they not rebranded",
// "were it not for the rain", "had the company not acted"): such a clause
// supposes what did not happen, and so presupposes that its verb did
// (they rebranded); it denies nothing (Quirk et al., A Comprehensive
// Grammar of the English Language, 1985, §15.36). "Had", "were" or
// "should" stands before its subject, a pronoun or a short noun phrase
// opened by a determiner, and the "not" follows the subject.
func counterfactual(toks []token, i int) bool {
	if toks[i].low != "not" || i < 2 {
		return false
	}
	j := i - 1
	if !subjectPronouns[toks[j].low] {
		for j > 0 && i-j <= 3 && isContent(toks[j].low) && !verbForm(toks, j) && toks[j].clause == toks[i].clause {
			j--
		}
		if j == i-1 || !(definite[toks[j].low] || possessivePronouns[toks[j].low]) {
			return false
		}
	}
	a := j - 1
	if a < 0 || toks[a].clause != toks[i].clause {
		return false
	}
	switch toks[a].low {
	case "had", "were", "should":
	default:
		return false
	}
	// Not a question of its own ("Had they not warned him?"), nor the
	// subject's own auxiliary ("they had not").
	return a > 0 && toks[a-1].sent == toks[a].sent && !subjectPronouns[toks[a-1].low]
}

// alternative reports whether the word at i is the "not" of "or not"
// ("whether or not Ukraine should join", "like it or not"): it offers the
// other alternative, and denies nothing.
func alternative(toks []token, i int) bool {
	return toks[i].low == "not" && i > 0 && toks[i-1].low == "or" && toks[i-1].sent == toks[i].sent
}

// additive reports whether the word at i is the "not" of "not only", "not
// just", "not merely" or "not simply" with a "but" after it in its
// sentence: the correlative adds what follows to more ("Not only did the
// jury order him to pay …, but …"), and denies nothing.
func additive(toks []token, i int) bool {
	if toks[i].low != "not" || i+1 >= len(toks) || toks[i+1].clause != toks[i].clause {
		return false
	}
	switch toks[i+1].low {
	case "only", "just", "merely", "simply":
	default:
		return false
	}
	// The correlative: an auxiliary inverted after it ("Not only did the
	// union back it, it funded it") or "but" after it in the sentence
	// ("not only … but also"); without them, "not only 519 routes" says
	// more than 519.
	if i+2 < len(toks) && auxiliaries[toks[i+2].low] && toks[i+2].low != "to" {
		return true
	}
	for k := i + 2; k < len(toks) && toks[k].sent == toks[i].sent; k++ {
		if toks[k].low == "but" {
			return true
		}
	}
	return false
}

// numberSign reports whether the word at i is "No" written for "number"
// before a figure ("stay No 1 forever", "the No. 2 Republican"):
// capitalised inside its sentence, with the figure right after it.
func numberSign(toks []token, i int) bool {
	t := toks[i]
	return t.low == "no" && t.upper && !t.first && i+1 < len(toks) && hasDigit(toks[i+1].low)
}

// plainFail reports whether the word at i is a form of "fail" that
// governs no verb: no "to" follows it.
func plainFail(toks []token, i int) bool {
	if lexicon.Base(toks[i].low) != "fail" || !lexicon.IsVerb(toks[i].low) {
		return false
	}
	return i+1 >= len(toks) || toks[i+1].low != "to" || toks[i+1].clause != toks[i].clause
}

// lightObject gives the object of a light verb at h ("made a decision",
// "took a vote"), which carries what the two say: the first content word
// after it in its clause, within three words; -1 when h is no light verb.
func lightObject(toks []token, h int) int {
	if b := lexicon.Base(toks[h].low); b != "make" && b != "take" || !lightWords[toks[h].low] {
		return -1
	}
	return nextContent(toks, h)
}

// situationNouns are the nouns of circumstance that a clause after
// "where", "when" or "that" describes: "this is not a situation where X"
// says that X is not so, as "there is no sign that X" does (a closed set
// written for the construction; "no doubt that X" affirms X and is not in
// it).
var situationNouns = wordSet("situation case time place sign evidence indication suggestion")

// deniedClauseVerb gives the verb of the clause a denied noun of
// circumstance opens ("not a situation where the rhetoric is matching the
// action": "matching"; "no sign that talks had resumed": "resumed"), or
// -1.
func deniedClauseVerb(toks []token, h int) int {
	if !situationNouns[toks[h].low] || h+1 >= len(toks) {
		return -1
	}
	switch toks[h+1].low {
	case "where", "when", "that":
	default:
		return -1
	}
	for j := h + 2; j < len(toks) && j <= h+8 && toks[j].sent == toks[h].sent; j++ {
		if isContent(toks[j].low) && verbForm(toks, j) {
			return j
		}
	}
	return -1
}

// deniedRelativeComplement gives, for a noun h that "no" denies, the
// complement of a relative clause that describes it ("no lane in the
// party that is viable" says there is no viable lane: "viable"), or -1.
// "No" denies the noun with what describes it; the relative clause
// follows the noun phrase within eight words, with no verb between, and
// opens with "that", "which" or "who" and a form of "be".
func deniedRelativeComplement(toks []token, h int) int {
	for j := h + 1; j+2 < len(toks) && j <= h+8 && toks[j].sent == toks[h].sent; j++ {
		if verbForm(toks, j) {
			return -1
		}
		if !relativePronouns[toks[j].low] || toks[j].low == "whom" || !copulas[toks[j+1].low] {
			continue
		}
		if k := j + 2; isContent(toks[k].low) && toks[k].clause == toks[j].clause {
			return k
		}
		return -1
	}
	return -1
}

// negationSkip are the words between a negation and what it denies: "not
// yet said", "never been able to", "no longer the …", "no further
// research" (the adjectives that add to a quantity, "further",
// "additional", "extra", say how much of the noun is denied, not what).
var negationSkip = wordSet(`will would to has have had did does do can could must may might should shall
	is are was were be been being yet the a an any even ever also just only longer so too very much all short of what
	it its this that these those he she they we i you his her their our further additional extra other another able from`)

// negatedAt reports whether the word at i of toks is negated: a negation
// word stands before it in its clause, at most window words back, or it is
// "yet to …" ("have yet to say" is "have not said"), or "-free" is joined
// to it ("error-free" is "with no errors").
func negatedAt(toks []token, i, window int) bool {
	if i+1 < len(toks) && toks[i+1].joined && toks[i+1].low == "free" {
		return true // "error-free returns" have no errors: the suffix-like "-free" denies the word it is joined to
	}
	if too := tooBefore(toks, i); too >= 0 {
		// "too big to fit" denies "fit"; "not too late to stop" does not
		// deny "stop", the negation denying "too".
		return !negationBefore(toks, too)
	}
	if deniedInContactClause(toks, i) || deniedByTrailingNoMore(toks, i) || deniedByFronting(toks, i) {
		return true
	}
	clause := toks[i].clause
	for j := i - 1; j >= 0 && j >= i-window; j-- {
		if toks[j].sent != toks[i].sent {
			return false
		}
		if toks[j].clause != clause {
			// Back past an aside of adverbs set off by commas ("did
			// not, obviously, find").
			s := j
			for s > 0 && toks[s-1].clause == toks[j].clause {
				s--
			}
			if parentheticalEnd(toks, s) != j+1 || s == 0 {
				return false
			}
			clause, j = toks[s-1].clause, s
			continue
		}
		if negationAt(toks, j) {
			return true
		}
		if refusalAt(toks, j) {
			return true
		}
		if toks[j].low == "longer" && j > 0 && toks[j-1].low == "no" {
			return true
		}
		if toks[j].low == "unless" {
			return true // "unless lawmakers act" is "if lawmakers do not act"
		}
	}
	return false
}

// negationHead is the first content word after a negation word at i, in
// its clause: what the negation denies ("not on its own solve" denies
// "solve").
func negationHead(toks []token, i int) int {
	clause := toks[i].clause
	// "No longer" is an adverb, as "not" is: "no longer on the table"
	// denies the table, past its preposition.
	adverbial := adverbialNegation[toks[i].low] || toks[i].low == "no" && i+1 < len(toks) && toks[i+1].low == "longer"
	from := i + 1
	if (toks[i].low == "rather" || toks[i].low == "instead" || lexicon.Base(toks[i].low) == "rule") && from < len(toks) {
		from++ // past the "than" of "rather than", the "of" of "instead of", the "out" of "ruled out"
	}
	// A manner adverb is passed over for the verb after it ("did not
	// quickly respond"); with nothing after it in the clause, the
	// negation denies the adverb itself ("trim its stimulus, but not
	// abruptly").
	manner := -1
	for j := from; j < len(toks) && j <= i+5; j++ {
		if toks[j].sent != toks[i].sent {
			if manner >= 0 {
				return manner
			}
			return -1 // "he found nobody. Finally, Robert looked": an aside opens the next sentence
		}
		if toks[j].clause != clause && toks[j].quoted && j == i+1 {
			// A quotation right after the negation ("for not
			// “future-proofing” their systems") is what it denies.
			clause = toks[j].clause
		}
		if toks[j].clause != clause {
			// An adverb set off by commas ("did not, obviously, find")
			// stands aside; the clause goes on after it.
			e := parentheticalEnd(toks, j)
			if e < 0 {
				if manner >= 0 {
					return manner
				}
				return -1
			}
			clause, j = toks[e].clause, e
		}
		if p := causedPart(toks, j); p >= 0 {
			return p // "refuse to have their children vaccinated" denies the vaccination
		}
		if mannerAdverb(toks[j].low) && manner < 0 {
			manner = j
		}
		if low := toks[j].low; !negationSkip[low] && !negationWords[low] && !mannerAdverb(low) && !(adverbial && (prepositions[low] || low == "own")) && !(toks[j].upper && !toks[j].first) {
			return j // a name is not what a negation denies: "no Bed Bath & Beyond stores"
		}
	}
	if manner >= 0 && (manner+1 >= len(toks) || toks[manner+1].sent != toks[i].sent || toks[manner+1].clause != toks[i].clause) {
		return manner
	}
	return -1
}

// disjunctAfter gives the word a negation denies through "or" after its
// denied word h: "not A or B", and "not A, or even B", deny both (a
// negation before a disjunction scopes over each of its members: neither
// A nor B). The "or" stands within three words after h in its clause, or
// opens the clause right after it in the same sentence; what it denies is
// read as after a negation (negationHead). It gives -1 when there is none.
func disjunctAfter(toks []token, h int) int {
	j := h + 1
	for ; j < len(toks) && j-h <= 3 && toks[j].clause == toks[h].clause; j++ {
		if toks[j].low == "or" {
			return negationHead(toks, j)
		}
	}
	for j < len(toks) && toks[j].clause == toks[h].clause {
		j++
	}
	if j < len(toks) && toks[j].sent == toks[h].sent && toks[j].clause == toks[h].clause+1 && toks[j].low == "or" {
		return negationHead(toks, j)
	}
	return -1
}

// parentheticalEnd reports whether the clause that starts at j is an aside
// of one or two adverbs in -ly ("obviously", "of course" is not one) with
// a clause after it in the same sentence, and gives where that clause
// starts, or -1.
func parentheticalEnd(toks []token, j int) int {
	e := j
	for e < len(toks) && toks[e].clause == toks[j].clause {
		if !adverbLike(toks[e].low) || e-j >= 2 {
			return -1
		}
		e++
	}
	if e >= len(toks) || toks[e].sent != toks[j].sent {
		return -1
	}
	return e
}

// untilFollows reads "only realised once …" and "did not realise until …" as
// the same claim: a negation followed by "until" is a time limit, not a
// denial.
func untilFollows(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+8 && toks[j].sent == toks[i].sent; j++ {
		if toks[j].low == "until" || toks[j].low == "till" {
			return true
		}
	}
	return false
}

// deniedByFronting reports whether the word at i stands in a clause that
// a fronted negative opens, at or after the verb it denies (frontedVerb).
func deniedByFronting(toks []token, i int) bool {
	s := clauseStart(toks, i)
	for j := s; j < i && j-s <= 1; j++ {
		if v := frontedVerb(toks, j); v >= 0 && v <= i {
			return true
		}
	}
	return false
}

// clauseStart gives the position of the first word of the clause the
// word at i stands in, within its sentence.
func clauseStart(toks []token, i int) int {
	s := i
	for s > 0 && toks[s-1].clause == toks[i].clause && toks[s-1].sent == toks[i].sent {
		s--
	}
	return s
}

// frontedVerb gives the verb that the negative at j denies when it is
// fronted, opening its clause with the subject and the auxiliary inverted
// after it ("At no point did the union back the plan", "Never has the
// court ruled", "Nor did the union back it"): the negative denies the
// clause's verb, though it stands further back than a negation's reach
// (Quirk et al. 1985, on negative fronting and subject-operator
// inversion). "Not only did …" and "No sooner had …" deny nothing; a
// negative subject ("Nobody has backed it") is no fronting. -1 otherwise.
func frontedVerb(toks []token, j int) int {
	s := clauseStart(toks, j)
	// The negative opens the clause, alone or after a preposition ("At
	// no point", "Under no circumstances").
	if j != s && !(j == s+1 && prepositions[toks[s].low]) || !negationWords[toks[j].low] || negativeSubjects[toks[j].low] && toks[j].low != "no" {
		return -1
	}
	if j+1 < len(toks) && (toks[j+1].low == "only" || toks[j+1].low == "sooner" || toks[j+1].low == "one") {
		return -1
	}
	for k := j + 1; k < len(toks) && k-j <= 3 && toks[k].clause == toks[j].clause; k++ {
		if !auxiliaries[toks[k].low] || toks[k].low == "to" || toks[k].upper {
			continue
		}
		if k+1 >= len(toks) || verbForm(toks, k+1) {
			return -1 // no subject between the auxiliary and the verb
		}
		for v := k + 2; v < len(toks) && v-k <= roleWindow && toks[v].clause == toks[j].clause; v++ {
			if isContent(toks[v].low) && verbForm(toks, v) {
				return v
			}
		}
		// A base form after the subject ("did the union back the plan"):
		// the first word WordNet has as a verb after the subject's first
		// word.
		subject := false
		for v := k + 1; v < len(toks) && v-k <= roleWindow && toks[v].clause == toks[j].clause; v++ {
			if subject && isContent(toks[v].low) && !toks[v].upper && lexicon.IsVerb(toks[v].low) {
				return v
			}
			subject = subject || isContent(toks[v].low) || toks[v].upper
		}
		return -1
	}
	return -1
}

// haveOrBe are the forms of "have" and "be", with the contracted ones as
// token.clitic holds them.
var haveOrBe = wordSet("have has had having is are was were be been being am s re ve d")

// refusalAt reports whether the word at j opens a refusal that denies what
// follows it, beyond the negation words: "yet to" ("have yet to say"),
// "declined to", "stopped short of", and the negative implicatives.
func refusalAt(toks []token, j int) bool {
	next := func(k int) string {
		if j+k < len(toks) && toks[j+k].sent == toks[j].sent {
			return toks[j+k].low
		}
		return ""
	}
	switch toks[j].low {
	case "yet":
		// "have yet to say", "is yet to decide": after a form of "have"
		// or "be"; "has stepped forward yet to claim it" is a purpose.
		return next(1) == "to" && j > 0 && (haveOrBe[toks[j-1].low] || haveOrBe[toks[j-1].clitic])
	case "decline", "declines", "declined", "declining":
		return next(1) == "to"
	case "stop", "stops", "stopped", "stopping", "cease", "ceases", "ceased", "ceasing", "quit", "quits", "quitting":
		// "stopped short of" did not reach it; "would stop requiring" is
		// "will no longer require": a verb of ending before a gerund
		// denies it from then on.
		return next(1) == "short" && next(2) == "of" || strings.HasSuffix(next(1), "ing") && lexicon.IsVerb(next(1))
	case "short":
		// "just short of hurricane status", "fell short of a majority",
		// "one witness short from what was planned": what follows was not
		// reached.
		return next(1) == "of" || next(1) == "from"
	case "far":
		// "far from backing the plan", "far from certain", "far from
		// over" deny what follows; "far from the city" is a distance.
		n := next(2)
		return next(1) == "from" && (strings.HasSuffix(n, "ing") && lexicon.IsVerb(n) || lexicon.IsAdjective(n) && !lexicon.IsNoun(n) || n == "over")

	case "rather":
		return next(1) == "than" // "rather than signing" did not sign
	case "instead":
		return next(1) == "of" // "instead of signing" did not sign
	case "rule", "rules", "ruled", "ruling":
		// "ruled out signing it" will not sign it.
		return next(1) == "out"
	case "failure", "failures", "refusal", "refusals", "inability":
		// The nouns of "failed to", "refused to" and "unable to" deny
		// as their verbs do: "his failure to denounce it" did not
		// denounce it.
		return next(1) == "to"
	}
	// The negative implicative verbs (Karttunen 1971): "avoided the
	// problems" did not have them, "neglected to file" did not file,
	// "refrained from voting" did not vote, "prevent infections" keeps
	// them from happening. "Prevent X from doing" denies the doing, not X,
	// and is left to the words after "from".
	switch lexicon.Base(toks[j].low) {
	case "prevent":
		for k := 1; k <= 6 && next(k) != ""; k++ {
			if next(k) == "from" {
				return false
			}
		}
		return lexicon.IsVerb(toks[j].low) && next(1) != ""
	case "avoid":
		return lexicon.IsVerb(toks[j].low) && next(1) != ""
	case "neglect", "forget":
		return next(1) == "to"
	case "refrain":
		return next(1) == "from"
	}
	return false
}

// negationText is the negation at i as the sentence writes it, with the
// word that completes it: "ruled out", "rather than", "instead of".
func negationText(toks []token, i int) string {
	t := toks[i]
	if i+1 < len(toks) && toks[i+1].clause == t.clause {
		switch next := toks[i+1].low; {
		case next == "out" && lexicon.Base(t.low) == "rule", next == "than" && t.low == "rather", next == "of" && t.low == "instead":
			return t.text + " " + toks[i+1].text
		}
	}
	return t.text
}

// adverbialNegation deny the verb or phrase after them, past a preposition
// ("not on its own solve"); a negative pronoun ("nothing about a trip")
// denies what comes before it.
var adverbialNegation = wordSet("not never hardly scarcely")

// modals are the English modal verbs, a closed class.
var modals = wordSet("must should ought need needs could would might may can cannot shall will")

// modalAt reports whether a modal verb stands before the word at i in its
// clause, at most three words back ("must be allowed"). "Will", "would"
// and "shall" tell the time of what is said, the future or, reported, the
// future of the past ("Biden said the holiday would be enough"), and say
// it as so: they are not read as modals here.
func modalAt(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3 && toks[j].clause == toks[i].clause; j-- {
		if low := toks[j].low; modals[low] && low != "will" && low != "would" && low != "shall" {
			return true
		}
	}
	return false
}

// openQuestion reports whether the word at i stands in a clause opened by
// "whether" or "if" ("to say whether Trump opposes the release"): it asks,
// and asserts neither way.
//
// A verb after the question's own verb, not joined to it by "and" or "or",
// is the main clause's ("dithering about whether he would show up ruined
// the day": "ruined" is asserted).
func openQuestion(toks []token, i int) bool {
	ownVerb := false // a content verb stands between the word and "whether"
	for j := i - 1; j >= 0 && j >= i-6 && toks[j].clause == toks[i].clause; j-- {
		if toks[j].low == "whether" || toks[j].low == "if" {
			return !(ownVerb && verbForm(toks, i) && toks[i-1].low != "and" && toks[i-1].low != "or")
		}
		if isContent(toks[j].low) && verbForm(toks, j) {
			ownVerb = true
		}
	}
	return false
}

// mannerAdverb reports whether a word in -ly is an adverb and nothing else
// in WordNet ("actually", "explicitly"; not "early", "only" or "family"):
// a negation before it denies the verb it modifies, "won't actually own"
// as "won't own".
func mannerAdverb(low string) bool {
	return adverbLike(low) && !lexicon.IsAdjective(low) && !lexicon.IsNoun(low) && !lexicon.IsVerb(low)
}

// deniedInContactClause reports whether the noun at i is the object of a
// denied verb in the relative clause right after it, one with no
// pronoun to open it ("support it does not have", "a promise he never
// kept"): the clause's subject pronoun follows the noun, and a negation
// its auxiliary, or the pronoun itself.
func deniedInContactClause(toks []token, i int) bool {
	if i+3 >= len(toks) || !lexicon.IsNoun(toks[i].low) || verbForm(toks, i) || !subjectPronouns[toks[i+1].low] || toks[i+1].clause != toks[i].clause {
		return false
	}
	for j := i + 2; j <= i+3 && j < len(toks) && toks[j].clause == toks[i].clause; j++ {
		if negationAt(toks, j) {
			return true
		}
		if !auxiliaries[toks[j].low] {
			return false
		}
	}
	return false
}

// tooBefore gives where "too" stands when the verb at i is the infinitive
// of "too big to fit", "too late to stop" ("too" and an adjective or
// adverb, with at most one word of degree before it, before "to"), which
// says the verb did not, or could not, happen ("so large that it couldn't
// fit"); -1 when it is not.
func tooBefore(toks []token, i int) int {
	if i < 3 || toks[i-1].low != "to" || !lexicon.IsVerb(toks[i].low) || toks[i-1].clause != toks[i].clause {
		return -1
	}
	for j := i - 3; j >= i-4 && j >= 0; j-- {
		if toks[j].low == "too" && toks[j].clause == toks[i].clause {
			return j
		}
	}
	return -1
}

// negationBefore reports whether a negation word stands one or two words
// before the word at j, in its clause ("not too late", "never too soon").
func negationBefore(toks []token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-2 && toks[k].clause == toks[j].clause; k-- {
		if negationAt(toks, k) {
			return true
		}
	}
	return false
}

// deniedByTrailingNoMore reports whether "no more" or "no longer" closes
// the clause of the verb at i, after its object ("need fear the killer no
// more"): the clause is denied from now on, as "no longer need to fear"
// denies it.
func deniedByTrailingNoMore(toks []token, i int) bool {
	if !verbForm(toks, i) && !lexicon.IsVerb(toks[i].low) {
		return false
	}
	for j := i + 1; j+1 < len(toks) && j <= i+8 && toks[j+1].clause == toks[i].clause; j++ {
		if toks[j].low == "no" && (toks[j+1].low == "more" || toks[j+1].low == "longer") {
			return j+2 >= len(toks) || toks[j+2].clause != toks[i].clause
		}
	}
	return false
}
