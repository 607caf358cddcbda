package claim

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// figure is a number found in a text: a count, amount, share or ordinal,
// however it was written ("24", "twenty-four", "$6.6 billion", "half",
// "38.4%", "first", "No. 1").
type figure struct {
	value      float64
	ordinal    bool
	factor     bool // "doubled", "tripled", "halved": how many times larger or smaller
	fraction   bool // "half", "a third": also matches the same share as a percentage
	pct        bool
	start, end int // token range [start, end)
	dir        int // +1 after "more than", "over"; -1 after "less than", "under"; 0 otherwise
	// unit is the unit of measure written after the figure, when it is one
	// a figure may be converted from ("three months", "90 days", "50 basis
	// points", "a half-point"), and base the figure in that unit's
	// dimension's smallest unit (days, basis points).
	unit string
	base float64
	// approx is set when a word before the figure says it is rounded or
	// bounded ("nearly", "about", "more than"); see rounded.
	approx bool
	// implicit is set on a measure of one unit written with "a" ("a
	// decade", "an hour"), read in the passages only: it states "10
	// years" or "60 minutes" there, but in a sentence "a day after" is no
	// figure to check.
	implicit bool
	// step is the unit a figure is written to when its digits do not say
	// it: a dozen is counted in dozens ("more than a dozen" holds 14).
	step float64
	// decade is set on a decade written as its first year and "s" ("the
	// 1930s"): it holds every year from that one to nine after.
	decade bool
	// currency is the money a figure counts, from its sign or the word
	// after it ("$3bn", "3 billion dollars"), or "".
	currency string
	// hundredths is set on a count of a currency's hundredths ("50
	// cents", "30p"): against an amount in the currency it is a
	// hundredth of its value ("$0.50"), against a bare count its value.
	hundredths bool
}

// convertible units: durations in days and shares of a rate in basis
// points. The units of a calendar are a closed class; a month is an
// average month, so that "three months" and "90 days" agree to the
// rounding a writer uses (see unitTolerance).
var unitSizes = map[string]struct {
	dimension string
	size      float64
}{
	"second": {"time", 1.0 / 86400}, "minute": {"time", 1.0 / 1440}, "hour": {"time", 1.0 / 24}, "day": {"time", 1}, "week": {"time", 7}, "month": {"time", 365.25 / 12},
	"year": {"time", 365.25}, "decade": {"time", 3652.5}, "fortnight": {"time", 14}, "century": {"time", 36525},
	"basis point": {"rate", 1}, "percentage point": {"rate", 100},
	// Length in metres, mass in kilograms, area in square metres.
	"millimetre": {"length", 0.001}, "centimetre": {"length", 0.01}, "metre": {"length", 1}, "kilometre": {"length", 1000},
	"inch": {"length", 0.0254}, "foot": {"length", 0.3048}, "yard": {"length", 0.9144}, "mile": {"length", 1609.344},
	"gram": {"mass", 0.001}, "kilogram": {"mass", 1}, "tonne": {"mass", 1000},
	"acre": {"area", 4046.86}, "hectare": {"area", 10000}, "square mile": {"area", 2589988},
}

// physical reports whether a unit measures length, mass or area (times
// and rates are read by the time and figure rules' own ways).
func physical(unit string) bool {
	d := unitSizes[unit].dimension
	return d == "length" || d == "mass" || d == "area"
}

// measureUnits are the written forms of the units of length, mass and area
// (their plurals, American spellings and common abbreviations). "m" and
// "g" are left out: "$5m" is five million. A ton and a tonne are one unit
// here, as news uses them loosely.
var measureUnits = map[string]string{
	"mm": "millimetre", "millimetre": "millimetre", "millimetres": "millimetre", "millimeter": "millimetre", "millimeters": "millimetre",
	"cm": "centimetre", "centimetre": "centimetre", "centimetres": "centimetre", "centimeter": "centimetre", "centimeters": "centimetre",
	"metre": "metre", "metres": "metre", "meter": "metre", "meters": "metre",
	"km": "kilometre", "kilometre": "kilometre", "kilometres": "kilometre", "kilometer": "kilometre", "kilometers": "kilometre",
	"inch": "inch", "inches": "inch", "foot": "foot", "feet": "foot", "ft": "foot", "yard": "yard", "yards": "yard",
	"mile": "mile", "miles": "mile",
	"gram": "gram", "grams": "gram", "kilogram": "kilogram", "kilograms": "kilogram", "kg": "kilogram",
	"tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne",
	"acre": "acre", "acres": "acre", "hectare": "hectare", "hectares": "hectare",
}

// unitTolerance is how far apart two figures in different units may be
// and still be one figure: a month is 28 to 31 days, so "three months"
// stands for 84 to 93 days and "90 days" for it.
const unitTolerance = 0.04

// unitAfter reads the unit written just after a figure ending at end:
// "days", "a half-point", "basis points", "percentage point", "three
// quarters of a percentage point".
func unitAfter(toks []token, end int) string {
	if end+2 < len(toks) && toks[end].low == "of" && (toks[end+1].low == "a" || toks[end+1].low == "an") {
		end += 2
	}
	if end >= len(toks) {
		return ""
	}
	low := toks[end].low
	if u, ok := timeUnits[low]; ok && u != "weekend" {
		return u
	}
	switch low {
	case "minute", "minutes", "seconds", "fortnight", "fortnights":
		return strings.TrimSuffix(low, "s")
	case "century", "centuries":
		return "century"
	}
	next := ""
	if end+1 < len(toks) {
		next = toks[end+1].low
	}
	if low == "square" && (next == "mile" || next == "miles") {
		return "square mile"
	}
	if u, ok := measureUnits[low]; ok {
		return u
	}
	switch {
	case low == "basis" && (next == "point" || next == "points"):
		return "basis point"
	case (low == "percentage" || low == "percent") && (next == "point" || next == "points"),
		low == "point" || low == "points":
		// A bare "point" after a figure is a percentage point only where
		// the other side counts basis points: a score's "3-point lead" is
		// never compared with those.
		return "percentage point"
	}
	return ""
}

// dayOfMonth reports whether a figure is the day of a month written beside
// it, as a count or an ordinal.
func dayOfMonth(toks []token, f figure) bool {
	if f.value < 1 || f.value > 31 || f.value != math.Trunc(f.value) || f.pct || f.unit != "" {
		return false
	}
	return monthWord(toks, f.start-1) != "" || monthWord(toks, f.end) != "" || f.end+1 < len(toks) && toks[f.end].low == "of" && monthWord(toks, f.end+1) != ""
}

// monthWord gives the month, spelt out in lower case, that the word at i
// names (a month, or its abbreviation capitalised), or "".
func monthWord(toks []token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	if m := monthAbbreviations[toks[i].low]; m != "" && toks[i].upper {
		return m
	}
	if months[toks[i].low] && isMonth(toks, i) {
		return toks[i].low
	}
	return ""
}

// currencyOf reads the currency of a figure: its sign, or "dollars",
// "pounds", "euros" right after it.
func currencyOf(toks []token, f figure) string {
	if c := toks[f.start].currency; c != "" {
		return c
	}
	if f.end < len(toks) {
		switch w := strings.TrimSuffix(toks[f.end].low, "s"); w {
		case "dollar", "pound", "euro":
			return w
		}
	}
	return ""
}

// sameMeasure reports whether two figures with units of one dimension
// state one measure ("three months", "90 days").
func sameMeasure(a, b figure) bool {
	if a.unit == "" || b.unit == "" || a.unit == b.unit || unitSizes[a.unit].dimension != unitSizes[b.unit].dimension {
		return false
	}
	return math.Abs(a.base-b.base) <= unitTolerance*math.Max(math.Abs(a.base), math.Abs(b.base))
}

var smallNumbers = map[string]float64{
	"zero": 0, "nil": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	// The multiplicative adverbs count times: "scored twice" is two goals.
	"twice": 2, "thrice": 3,
}

var ordinals = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}

var multipliers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12, "dozen": 12,
}

// multiplied are the verbs and adjectives that state how many times
// larger something grew ("doubled", "tripled", "fourfold"), or smaller
// ("halved"): the figure is the factor, so that "rents doubled" and "rents
// are twice" agree, and "tripled" does not, and "exports are halved" and
// "exports are cut in half" agree.
var multiplied = map[string]float64{
	"halved": 0.5, "halving": 0.5, "doubled": 2, "doubling": 2, "tripled": 3, "tripling": 3, "trebled": 3, "trebling": 3,
	"quadrupled": 4, "quadrupling": 4, "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5,
	"tenfold": 10,
}

// multiplyingPredeterminers are the words that multiply the quantity of
// the noun phrase after them ("double the price", "triple what they
// paid"; Quirk, Greenbaum, Leech and Svartvik 1985, §5.17, the multiplying
// predeterminers, "twice" read apart). Read as a factor only where they
// multiply (multiplying): elsewhere "a double" or "a triple threat" is no
// figure.
var multiplyingPredeterminers = map[string]float64{"double": 2, "triple": 3, "treble": 3, "quadruple": 4}

// multiplying reports whether the word at i stands before a determiner,
// a possessive or "what" that opens the phrase it multiplies, or after a
// word that bounds a quantity ("more than double", "nearly triple").
func multiplying(toks []token, i int) bool {
	if i+1 < len(toks) && toks[i+1].clause == toks[i].clause {
		if next := toks[i+1].low; next == "what" || next == "that" || nounDeterminers[next] || possessivePronouns[next] {
			return true
		}
	}
	return i > 0 && toks[i-1].clause == toks[i].clause && (toks[i-1].low == "than" || approximators[toks[i-1].low])
}

var fractions = map[string]float64{"half": 0.5, "third": 1.0 / 3, "quarter": 0.25, "thirds": 1.0 / 3, "quarters": 0.25}

// The ordinals English also uses as the names of fractions, from third to
// tenth ("a fifth", "three-fifths"), and the ordinals built on the tens
// and teens ("thirteenth", "fiftieth", "twenty-first" is read as a ten and
// a unit).
func init() {
	for n, w := range map[float64]string{
		13: "thirteenth", 14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth",
		18: "eighteenth", 19: "nineteenth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth",
		60: "sixtieth", 70: "seventieth", 80: "eightieth", 90: "ninetieth", 100: "hundredth",
	} {
		ordinals[w] = n
	}
	for w, n := range ordinals {
		if n >= 5 && n <= 10 {
			fractions[w] = 1 / n
			fractions[w+"s"] = 1 / n
		}
	}
}

// definite words before a number word make it a reference ("the two
// leaders", "both three"), not a figure.
var definite = wordSet("the these those both all its their his her our")

// determinerOpens reports whether a word opens a noun phrase as an article
// does: "a", "an", or one of the definite words.
func determinerOpens(low string) bool { return definite[low] || low == "a" || low == "an" }

// Words before a figure that bound it from below or above.
var (
	upWords   = wordSet("more over above exceeding exceeded beyond least")
	downWords = wordSet("less fewer under below nearly almost")
)

// numberValue reads one token as a number: digits ("1,000", "6.6", "1st")
// or a number word; compound words like "twenty-four" are joined by the
// caller.
func numberValue(low string) (v float64, ordinal, ok bool) {
	if low == "" {
		return 0, false, false
	}
	if low[0] >= '0' && low[0] <= '9' {
		digits := strings.ReplaceAll(low, ",", "")
		for _, suf := range [...]string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(digits, suf) {
				digits, ordinal = strings.TrimSuffix(digits, suf), true
				break
			}
		}
		scale := 1.0
		if n := len(digits); !ordinal && n > 1 && (digits[n-1] == 'f' || digits[n-1] == 'c') && digits[n-2] >= '0' && digits[n-2] <= '9' {
			digits = digits[:n-1] // "104F", "40C": degrees, the scale glued on
		}
		for _, suf := range [...]string{"bn", "tn", "m", "k"} { // "6.6bn", "1.2tn", "300m", "5k"
			if !ordinal && strings.HasSuffix(digits, suf) {
				digits, scale = strings.TrimSuffix(digits, suf), multipliers[suf]
				break
			}
		}
		if gluedPence(low) {
			digits = strings.TrimSuffix(digits, "p") // "30p": 30 pence
		}
		f, err := strconv.ParseFloat(digits, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, false, false
		}
		return f * scale, ordinal, true
	}
	if v, ok := smallNumbers[low]; ok {
		return v, false, true
	}
	if v, ok := ordinals[low]; ok {
		return v, true, true
	}
	return 0, false, false
}

// namedByNumber reports whether the number at i is joined by a hyphen to
// a word in capitals before it ("COVID-19", "F-35", "G-7"), or follows one
// of three capitals or more ("COVID 19"): part of a name, as a code's
// number is.
func namedByNumber(toks []token, i int) bool {
	if i == 0 || !hasDigit(toks[i].low) || toks[i-1].clause != toks[i].clause {
		return false
	}
	prev := toks[i-1].text
	if hasDigit(prev) || strings.ToUpper(prev) != prev || strings.ToLower(prev) == prev {
		return false
	}
	// Written with a space, only after a word of three capitals or more
	// ("COVID 19"; not "US 2021").
	return toks[i].joined || len(prev) >= 3
}

// findFigures reads the figures of a token list.
func findFigures(toks []token) []figure {
	var out []figure
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.coded || namedByNumber(toks, i) {
			continue // "BA.2", "COVID-19", "F-35": a code's number names a thing, it counts nothing
		}
		// "two thirds", "three quarters": a count of parts.
		if i+1 < len(toks) && toks[i+1].low != "" {
			if n, ord, ok := numberValue(t.low); ok && !ord && !hasDigit(t.low) && n >= 2 && n < 10 {
				if fr, ok := fractions[toks[i+1].low]; ok && toks[i+1].low != "half" {
					out = append(out, figure{value: n * fr, fraction: true, start: i, end: i + 2, dir: dirBefore(toks, i)})
					i++
					continue
				}
			}
		}
		// "half a million", "half a dozen", "a half-million-dollar": a
		// share of an amount.
		if fr, ok := fractions[t.low]; ok && i+1 < len(toks) {
			j := i + 1
			if toks[j].low == "a" && j+1 < len(toks) {
				j++
			} else if !toks[j].joined {
				j = -1
			}
			if m := 0.0; j > 0 {
				if m = multipliers[toks[j].low]; m >= 12 && len(toks[j].low) > 2 {
					out = append(out, figure{value: fr * m, start: i, end: j + 1, dir: dirBefore(toks, i)})
					i = j
					continue
				}
			}
		}
		// "half an hour", "an hour and a half", "a year and a half": a
		// measure of time with no figure in digits or words.
		if t.low == "half" && i+2 < len(toks) && (toks[i+1].low == "a" || toks[i+1].low == "an") && unitAfter(toks, i+2) != "" {
			u := unitAfter(toks, i+2)
			out = append(out, figure{value: 0.5, start: i, end: i + 3, dir: dirBefore(toks, i), unit: u, base: 0.5 * unitSizes[u].size})
			i += 2
			continue
		}
		if (t.low == "a" || t.low == "an") && i+4 < len(toks) && unitAfter(toks, i+1) != "" && toks[i+2].low == "and" && toks[i+3].low == "a" && toks[i+4].low == "half" {
			u := unitAfter(toks, i+1)
			out = append(out, figure{value: 1.5, start: i, end: i + 5, dir: dirBefore(toks, i), unit: u, base: 1.5 * unitSizes[u].size})
			i += 4
			continue
		}
		if len(t.low) == 2 && (t.low[0] == 'q' || t.low[0] == 'h') && t.upper && t.low[1] >= '1' && t.low[1] <= '4' && (t.low[0] == 'q' || t.low[1] <= '2') {
			// "Q2", "H1": the second quarter, the first half of a year.
			out = append(out, figure{value: float64(t.low[1] - '0'), ordinal: true, start: i, end: i + 1})
			continue
		}
		if m, ok := multiplied[t.low]; ok {
			out = append(out, figure{value: m, factor: true, start: i, end: i + 1})
			continue
		}
		if m, ok := multiplyingPredeterminers[t.low]; ok && multiplying(toks, i) {
			out = append(out, figure{value: m, factor: true, start: i, end: i + 1, dir: dirBefore(toks, i)})
			continue
		}
		if t.low == "dozen" && i > 0 && (toks[i-1].low == "a" || toks[i-1].low == "one" || relativeWords[toks[i-1].low]) {
			// "a dozen", and "the next dozen years": twelve; "more than a
			// dozen" bounds it from the words before "a".
			out = append(out, figure{value: 12, start: i, end: i + 1, dir: dirBefore(toks, i-1), step: 12})
			continue
		}
		if (t.low == "half" || t.low == "quarter") && i+1 < len(toks) && toks[i+1].low == "past" {
			continue // "half past nine" tells the time
		}
		// "a half", "one third", "half"; not "the second quarter".
		if fr, ok := fractions[t.low]; ok && !(i > 0 && ordinals[toks[i-1].low] > 0) {
			if ordinals[t.low] > 0 && !(i > 0 && (toks[i-1].low == "a" || toks[i-1].low == "one") && (i+1 >= len(toks) || prepositions[toks[i+1].low] || toks[i+1].clause != t.clause)) {
				// "third" alone is the ordinal, read below, and so is the
				// "third" of "a third straight win"; "a third of voters",
				// "rallied a fifth from its lows" and "cut by a third."
				// are shares.
			} else {
				out = append(out, figure{value: fr, fraction: true, start: i, end: i + 1, dir: dirBefore(toks, i)})
				continue
			}
		}
		if y, ok := decadeOf(t.low); ok {
			out = append(out, figure{value: y, decade: true, start: i, end: i + 1})
			continue
		}
		v, ord, ok := numberValue(t.low)
		if ok && !hasDigit(t.low) && !ord && i > 0 && definite[toks[i-1].low] && !(i+1 < len(toks) && toks[i+1].joined) {
			continue // "the two leaders" names them, it does not count them; "the two-hour call" measures
		}
		if !ok {
			// "one" is a figure only in "one hundred", "number one" and
			// the like; on its own it is mostly a pronoun.
			if _, _, share := shareOf(toks, i+1); t.low == "one" && ((i+1 < len(toks) && multipliers[toks[i+1].low] > 0) || (i > 0 && toks[i-1].low == "number") || share ||
				i+3 < len(toks) && toks[i+1].low == "and" && toks[i+2].low == "a" && toks[i+3].low == "half") {
				v, ok = 1, true
			} else if t.low == "a" && i+1 < len(toks) && multipliers[toks[i+1].low] >= 100 && len(toks[i+1].low) > 2 {
				// "a thousand"; not the "a m" of "10 a.m.": "m" and "bn" count only glued to digits.
				v, ok = 1, true
			} else {
				continue
			}
		}
		start := i
		if !hasDigit(t.low) && !ord {
			// "twenty-four", "three hundred and twelve", "two thousand
			// three hundred", "a thousand", "two dozen".
			if w, end, o2, ok2 := wordNumber(toks, i); ok2 && end > i+1 {
				v, ord, i = w, o2, end-1
			}
		}
		measuredInSeconds := false
		if ord && toks[i].low == "second" && toks[i].joined && i > start && start > 0 && (toks[start-1].low == "a" || toks[start-1].low == "an") {
			// "a twenty-second video" lasts twenty seconds: after "a", a
			// ten joined to "second" measures, as "a 20-second video"
			// does; the ordinal takes "the" ("the twenty-second floor").
			v, ord, measuredInSeconds = v-2, false, true
		}
		// "eighteen and a half million", "two and a half"
		if !ord && i+3 < len(toks) && toks[i+1].low == "and" && toks[i+2].low == "a" && toks[i+3].low == "half" {
			v += 0.5
			i += 3
		}
		// "6.6 billion", "nineteen million", "1.2 million"
		for !ord && i+1 < len(toks) && multipliers[toks[i+1].low] > 0 {
			// "k", "m" and "bn" count only when glued to a digit figure.
			if len(toks[i+1].low) <= 2 && !hasDigit(t.low) {
				break
			}
			v *= multipliers[toks[i+1].low]
			i++
		}
		// "one in four", "1 in 1,000", "three out of four": a share.
		if n, end, ok2 := shareOf(toks, i+1); ok2 && !ord && v < n && v > 0 && t.low != "twice" && t.low != "thrice" {
			out = append(out, figure{value: v / n, fraction: true, start: start, end: end, dir: dirBefore(toks, start)})
			i = end - 1
			continue
		}
		f := figure{value: v, ordinal: ord, start: start, end: i + 1, dir: dirBefore(toks, start)}
		if measuredInSeconds {
			f.unit, f.base = "second", v*unitSizes["second"].size
		}
		if toks[i].pct || (i+1 < len(toks) && toks[i+1].low == "percent") || (i+2 < len(toks) && toks[i+1].low == "per" && toks[i+2].low == "cent") {
			f.pct = true
		}
		out = append(out, f)
	}
	for k := range out {
		if u := unitAfter(toks, out[k].end); u != "" && !out[k].ordinal && !out[k].pct && out[k].unit == "" {
			out[k].unit, out[k].base = u, out[k].value*unitSizes[u].size
		}
		out[k].currency = currencyOf(toks, out[k])
		if dayOfMonth(toks, out[k]) {
			out[k].ordinal = false // "June 24", "24 June", "the 24th of June", "June twenty-fourth": one day
		}
		out[k].approx = !out[k].ordinal && !isYear(toks, out[k]) && hedgedBefore(toks, out[k].start)
	}
	out = withMinorUnits(toks, out)
	// A range gives its unit once, after its second end: "two to three
	// days", "48-72 hours" measure both ends in it.
	for k := 0; k+1 < len(out); k++ {
		a, b := &out[k], out[k+1]
		if a.unit != "" || b.unit == "" || a.ordinal || a.pct || a.currency != "" {
			continue
		}
		between := b.start - a.end
		if between == 0 && toks[b.start].joined || between == 1 && (toks[a.end].low == "to" || toks[a.end].low == "or") {
			a.unit, a.base = b.unit, a.value*unitSizes[b.unit].size
		}
	}
	return out
}

// minorUnits name the hundredth of a currency and the currencies it is
// the hundredth of: cents of a dollar or a euro, pence of a pound.
var minorUnits = map[string][]string{
	"cent": {"dollar", "euro"}, "cents": {"dollar", "euro"}, "penny": {"pound"}, "pence": {"pound"},
}

// gluedPence reports whether a word is pence written as British news
// writes them, the "p" glued to digits ("30p", "2.5p").
func gluedPence(low string) bool {
	n := len(low)
	return n > 1 && low[n-1] == 'p' && low[n-2] >= '0' && low[n-2] <= '9' && low[0] >= '0' && low[0] <= '9'
}

// withMinorUnits marks the figures that count hundredths of a currency
// ("50 cents", "30 pence", "30p"; see sameFigure), with the currency when
// the unit names one ("cents" is of a dollar or a euro). After a figure
// whose currency a word names, "and" and such a count under 100 join it
// ("four dollars and eleven cents", "two pounds and fifty pence"): the
// one amount the digits write ("$4.11", "£2.50").
func withMinorUnits(toks []token, figs []figure) []figure {
	out := figs[:0]
	for _, f := range figs {
		var of []string
		switch {
		case f.end == f.start+1 && gluedPence(toks[f.start].low):
			of = minorUnits["pence"]
		case f.end < len(toks) && !toks[f.end].upper:
			of = minorUnits[toks[f.end].low]
		}
		if of == nil || f.ordinal || f.pct || f.fraction || f.currency != "" || f.unit != "" {
			out = append(out, f)
			continue
		}
		f.hundredths = true
		if len(of) == 1 {
			f.currency = of[0]
		}
		if n := len(out); n > 0 && f.value < 100 {
			a := &out[n-1]
			if a.currency != "" && !a.hundredths && toks[a.start].currency == "" && a.end+2 == f.start && toks[a.end+1].low == "and" && slices.Contains(of, a.currency) {
				a.value += f.value / 100
				a.end = f.end
				if f.end < len(toks) && minorUnits[toks[f.end].low] != nil {
					a.end++ // "four dollars and eleven cents", as written
				}
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// wordNumber reads a number written in words from toks[i]: "twenty-four",
// "three hundred and twelve", "three hundred twelve", "two thousand three
// hundred", "two dozen", "twenty-first". end is past its last word. The
// grammar is English's: a unit may follow a ten, anything under a hundred
// may follow "hundred" (with or without "and"), and anything under a
// thousand may follow a larger scale word; "one" counts only inside a
// number, as a unit after a ten or after "and".
func wordNumber(toks []token, i int) (v float64, end int, ordinal, ok bool) {
	total, cur := 0.0, 0.0
	last := "" // "unit", "teen", "ten", "hundred", "scale"
	j := i
	for ; j < len(toks) && !hasDigit(toks[j].low); j++ {
		w := toks[j].low
		if w == "and" && (last == "hundred" || last == "scale") && j+1 < len(toks) {
			if n, o, ok2 := numberValue(toks[j+1].low); ok2 && !o && n < 100 && !hasDigit(toks[j+1].low) || toks[j+1].low == "one" {
				continue
			}
			break
		}
		if w == "one" && (last == "ten" || (j > i && toks[j-1].low == "and") || last == "scale" && j+1 < len(toks) && toks[j+1].low == "hundred") ||
			j == i && (w == "one" || w == "a") && j+1 < len(toks) && multipliers[toks[j+1].low] >= 12 && len(toks[j+1].low) > 2 {
			w = "1" // "twenty-one", "a hundred and one", "four thousand one hundred", "one thousand", "a dozen"
		}
		n, o, ok2 := numberValue(w)
		if w == "1" {
			n, o, ok2 = 1, false, true
		}
		if ok2 && (w == "twice" || w == "thrice") {
			break
		}
		if ok2 && n < 100 {
			class := "ten"
			if n < 10 {
				class = "unit"
			} else if n < 20 {
				class = "teen"
			}
			if last == "unit" || last == "teen" || last == "ten" && class != "unit" {
				return total + cur, j, false, j > i // "five four" is two numbers
			}
			cur += n
			last = class
			if o {
				return total + cur, j + 1, true, true // "twenty-first"
			}
			continue
		}
		switch {
		case w == "hundred" && (last == "unit" || last == "teen" || last == "ten" || j == i):
			cur = max(cur, 1) * 100
			last = "hundred"
		case w == "dozen" && (last == "unit" || last == "teen"):
			cur *= 12
			last = "scale"
		case multipliers[w] >= 1e3 && len(w) > 2 && last != "" && last != "scale":
			total += cur * multipliers[w]
			cur = 0
			last = "scale"
		default:
			return total + cur, j, false, j > i
		}
	}
	return total + cur, j, false, j > i
}

// shareOf reads the "in four" of "one in four", the "out of 1,000" of
// "three out of 1,000" and the "in a thousand" of "one in a thousand",
// starting at i: the whole a count is a share of.
func shareOf(toks []token, i int) (whole float64, end int, ok bool) {
	switch {
	case i+1 < len(toks) && toks[i].low == "in":
		i++
	case i+2 < len(toks) && toks[i].low == "out" && toks[i+1].low == "of":
		i += 2
	default:
		return 0, 0, false
	}
	if toks[i].low == "a" && i+1 < len(toks) && multipliers[toks[i+1].low] >= 100 {
		return multipliers[toks[i+1].low], i + 2, true
	}
	if toks[i].pct {
		return 0, 0, false
	}
	if hasDigit(toks[i].low) {
		n, o, ok := numberValue(toks[i].low)
		if !ok || o {
			return 0, 0, false
		}
		if i+1 < len(toks) && multipliers[toks[i+1].low] >= 100 {
			return n * multipliers[toks[i+1].low], i + 2, true
		}
		year := len(toks[i].low) == 4 && n >= 1900 && n <= 2100
		return n, i + 1, n > 1 && !year && !toks[i].pct && !timedAt(toks, i+1)
	}
	n, end, o, ok := wordNumber(toks, i)
	if !ok || o || n < 2 || timedAt(toks, end) {
		return 0, 0, false
	}
	return n, end, true
}

// timedAt reports whether toks[i] is a unit of time: "twice in four
// minutes" is a rate, not a share.
func timedAt(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	low := strings.TrimSuffix(toks[i].low, "s")
	return timeUnits[toks[i].low] != "" || low == "minute" || low == "second"
}

// impliedFigures reads, in a passage, the figures findFigures leaves out
// because in a sentence they are no figure to check, but which a passage
// states all the same: a measure of one unit written with "a", "an" or
// "one" ("a decade", "an hour", "one week"), and a number word after a
// determiner or possessive ("the three main indexes", "his five
// children"), which refers to things it also counts.
func impliedFigures(toks []token) []figure {
	var out []figure
	for i := 0; i+1 < len(toks); i++ {
		low := toks[i].low
		if low == "a" || low == "an" || low == "one" {
			// "an hour and a half" is read by findFigures.
			andHalf := i+4 < len(toks) && toks[i+2].low == "and" && toks[i+4].low == "half"
			if u := unitAfter(toks, i+1); u != "" && !andHalf {
				out = append(out, figure{value: 1, start: i, end: i + 1, unit: u, base: unitSizes[u].size, implicit: true})
			}
			continue
		}
		if i == 0 || !definite[toks[i-1].low] || hasDigit(low) || toks[i+1].joined {
			continue
		}
		if v, ord, ok := numberValue(low); ok && !ord && v > 1 {
			f := figure{value: v, start: i, end: i + 1, implicit: true}
			if u := unitAfter(toks, i+1); u != "" {
				f.unit, f.base = u, v*unitSizes[u].size
			}
			out = append(out, f)
		}
	}
	return out
}

// partShares reads, in a passage, a part of a whole written as two
// counts ("six of the 12 people", "2,000 of its 8,000 employees") as the
// share it also states (a half, a quarter), and a share of a count ("half
// of the 12 victims", "a third of its 300 staff") as the count it also
// states, both as implicit figures: a sentence may give either.
func partShares(toks []token, figs []figure) []figure {
	byStart := map[int]figure{}
	for _, f := range figs {
		if !f.implicit && !f.ordinal && !f.pct && f.unit == "" && f.currency == "" {
			byStart[f.start] = f
		}
	}
	var out []figure
	for _, a := range figs {
		if a.implicit || a.ordinal || a.pct || a.unit != "" || a.currency != "" || a.end >= len(toks) || toks[a.end].low != "of" {
			continue
		}
		j := a.end + 1
		for j < len(toks) && j <= a.end+2 && (definite[toks[j].low] || possessivePronouns[toks[j].low] || toks[j].low == "all") {
			j++
		}
		b, ok := byStart[j]
		if !ok || b.fraction || b.value <= 0 || toks[j].sent != toks[a.start].sent {
			continue
		}
		switch {
		case a.fraction && a.value < 1:
			if n := a.value * b.value; math.Abs(n-math.Round(n)) < 1e-9 {
				out = append(out, figure{value: math.Round(n), start: a.start, end: b.end, implicit: true})
			}
		case !a.fraction && a.value < b.value:
			out = append(out, figure{value: a.value / b.value, fraction: true, start: a.start, end: b.end, implicit: true})
		}
	}
	return out
}

// scoreCounts reads, in a passage, the count of a score written "N out of
// M" ("scores 77 out of 100") as the figure N it also states: a sentence
// may give the score alone ("JetBlue's 77"). Only digits before "out of",
// as scores and tallies are written; "one in four" is a share, and stays
// one.
func scoreCounts(toks []token, figs []figure) []figure {
	var out []figure
	for _, f := range figs {
		o := f.start + 1
		if !f.fraction || o+1 >= f.end || toks[o].low != "out" || toks[o+1].low != "of" || !hasDigit(toks[f.start].low) {
			continue
		}
		if v, ord, ok := numberValue(toks[f.start].low); ok && !ord {
			out = append(out, figure{value: v, start: f.start, end: o, implicit: true})
		}
	}
	return out
}

// runWords after an ordinal make it a count of units in a row: "the 30th
// consecutive day" is 30 days in a row (a closed class of adjectives of
// succession).
var runWords = wordSet("consecutive straight successive running")

// runCounts reads, in a passage, an ordinal before a word of succession as
// the count it implies, with the unit after ("for the 30th consecutive
// day" states 30 days).
func runCounts(toks []token, figs []figure) []figure {
	var out []figure
	for _, f := range figs {
		if !f.ordinal || f.end+1 >= len(toks) || !runWords[toks[f.end].low] {
			continue
		}
		g := figure{value: f.value, start: f.start, end: f.end, implicit: true}
		if u := unitAfter(toks, f.end+1); u != "" {
			g.unit, g.base = u, f.value*unitSizes[u].size
		}
		out = append(out, g)
	}
	return out
}

// dirBefore reads "more than", "over", "at least", "upwards of", "less
// than", "under", "nearly", "up to" and "at most" just before a figure.
func dirBefore(toks []token, i int) int {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch {
		case j > 0 && (toks[j].low == "to" && toks[j-1].low == "up" || toks[j].low == "most" && toks[j-1].low == "at"):
			return -1 // "up to 12", "at most 12": no more than 12
		case j > 0 && toks[j].low == "of" && (toks[j-1].low == "upward" || toks[j-1].low == "upwards"):
			return 1 // "upwards of 10,000": more than 10,000
		case upWords[toks[j].low]:
			return 1
		case downWords[toks[j].low]:
			return -1
		case toks[j].low == "than" || toks[j].low == "at" || toks[j].low == "a" || toks[j].low == "up" || toks[j].low == "to":
			continue
		}
		return 0
	}
	return 0
}

// boundedUnits reads, in a sentence, one unit bounded by "less than" or
// "more than" ("in less than a week", "more than a year") as a figure to
// check: "six days" is less than a week. In a passage, impliedFigures reads
// "a week" as seven days whatever bounds it; in a sentence "a week later"
// alone is a time, left to the time rule.
func boundedUnits(toks []token) []figure {
	var out []figure
	for i := 0; i+1 < len(toks); i++ {
		if (toks[i].low == "a" || toks[i].low == "an") && unitAfter(toks, i+1) != "" && boundedUnit(toks, i) {
			u := unitAfter(toks, i+1)
			out = append(out, figure{value: 1, start: i, end: i + 2, dir: dirBefore(toks, i), approx: true, unit: u, base: unitSizes[u].size})
		}
	}
	return out
}

// boundedUnit reports whether the "a" at i, before a unit, is bounded by
// "less than", "more than" or "fewer than" right before it, and the unit
// ends a measure: not "over a decade" (a span), nor "32% more than a year
// earlier" (a comparison with a time).
func boundedUnit(toks []token, i int) bool {
	if i < 2 || toks[i-1].low != "than" || toks[i-1].clause != toks[i].clause {
		return false
	}
	switch toks[i-2].low {
	case "less", "more", "fewer":
	default:
		return false
	}
	if i+2 < len(toks) && toks[i+2].clause == toks[i].clause {
		switch toks[i+2].low {
		case "earlier", "later", "ago", "before", "after", "since", "prior":
			return false
		}
	}
	return true
}

// sameFigure reports whether sentence figure a states passage figure b:
// ordinals only match ordinals, a fraction matches the same share written
// as a percentage ("half", "50%"), a measure matches itself in another unit
// ("three months", "90 days"), and a figure the sentence says it rounds
// matches what it rounds ("nearly 3,000", 2,832).
func sameFigure(a, b figure) bool {
	if a.ordinal != b.ordinal || a.currency != "" && b.currency != "" && a.currency != b.currency {
		return false // "$40,000" is not "£40,000"
	}
	if a.hundredths != b.hundredths {
		// "50 cents" is "$0.50"; "three of those cents" is 3 cents.
		h, o := a, b
		if b.hundredths {
			h, o = b, a
		}
		if o.currency != "" {
			return closeTo(h.value/100, o.value)
		}
	}
	if a.decade || b.decade {
		// "the 1930s" holds 1937, and "the ’30s"; 1937 says more than
		// "the 1930s".
		return a.decade && inDecade(a, b)
	}
	if a.unit != b.unit && physical(a.unit) && physical(b.unit) {
		return sameMeasure(a, b) // "300 feet" is not "300 metres"; "5 km" is "3.1 miles"
	}
	if a.approx && a.dir != 0 && a.unit != b.unit && a.unit != "" && b.unit != "" && unitSizes[a.unit].dimension == unitSizes[b.unit].dimension &&
		roundedTo(figure{value: a.base, dir: a.dir}, figure{value: b.base}, unitSizes[a.unit].size) {
		// "less than a week" holds "six days": a bound in one unit,
		// within that unit of the passage's measure in another.
		return true
	}
	if closeTo(a.value, b.value) || sameMeasure(a, b) || rounded(a, b) {
		return true
	}
	// A share in words and as a percentage agree to the rounding of the
	// percentage: "two thirds" is 67%.
	if a.fraction && b.pct {
		return math.Abs(a.value*100-b.value) < 1
	}
	if b.fraction && a.pct {
		return math.Abs(b.value*100-a.value) < 1
	}
	return false
}

func closeTo(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// decadeOf reads a decade written as its first year and "s": "1930s",
// from 1000 to 2090, and "’70s" or "her 70s", whose century is not
// written (an age's decade has none).
func decadeOf(low string) (float64, bool) {
	if len(low) != 5 && len(low) != 3 || low[len(low)-1] != 's' || low[len(low)-2] != '0' {
		return 0, false
	}
	y, err := strconv.Atoi(low[:len(low)-1])
	if err != nil || len(low) == 5 && y < 1000 {
		return 0, false
	}
	return float64(y), true
}

// inDecade reports whether figure v, a year, an age or another decade,
// falls in decade d. A decade written without its century ("the ’70s")
// holds any year with those last two figures.
func inDecade(d, v figure) bool {
	x := v.value
	if d.value < 100 && x >= 100 {
		x = math.Mod(x, 100)
	}
	if v.decade {
		return x == d.value || d.value >= 100 && v.value < 100 && math.Mod(d.value, 100) == v.value
	}
	return x >= d.value && x <= d.value+9
}

// figureText is the figure as written.
func figureText(toks []token, f figure) string {
	var b strings.Builder
	for sign, name := range currencySigns {
		if toks[f.start].money && toks[f.start].currency == name {
			b.WriteRune(sign)
		}
	}
	for i := f.start; i < f.end; i++ {
		if i > f.start {
			if toks[i].joined {
				b.WriteString("-")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(toks[i].text)
	}
	if f.pct && toks[f.end-1].pct {
		b.WriteString("%")
	}
	return b.String()
}

// isYear reports whether a figure reads as a calendar year.
func isYear(toks []token, f figure) bool {
	return f.decade || !f.ordinal && !f.pct && f.end-f.start == 1 && len(toks[f.start].low) == 4 && f.value >= 1900 && f.value <= 2100 && !toks[f.start].money
}
