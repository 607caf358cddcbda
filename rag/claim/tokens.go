package claim

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag/prose"
)

// Bounds on what one check reads, so that a hostile or runaway input costs
// time in proportion to its size and no more: the words of a sentence, and
// the words of all its passages together, beyond these are not read.
const (
	maxSentenceWords = 120
	maxPassageWords  = 4000
	// A word that the passages hold in more places than this is matched
	// at its first places only: it is everywhere, and says nothing of where
	// a clause comes from.
	maxMatches = 48
)

// token is one word of a text, as written and lower-cased, with where it
// stands: its sentence, its clause within the sentence, and what precedes
// it.
type token struct {
	text   string // as written, without a possessive 's
	low    string
	upper  bool // starts with a capital letter
	first  bool // the first word of its sentence, or of a quotation
	sent   int  // sentence index within the text
	clause int  // clause index within the text, counted across sentences
	pos    int  // index in the token slice
	money  bool // written after a currency sign
	// currency is that sign's currency: "dollar", "pound" or "euro".
	currency string
	pct      bool // followed by a percent sign
	joined   bool // joined to the previous token by a hyphen
	// aside: the word stands in a clause set off by dashes or brackets on
	// both sides, inside its sentence ("broilers – chickens raised for
	// meat – slaughter"): a parenthesis, which a restatement may leave out.
	aside bool
	// quoted: the word stands in a clause opened and closed by quotation
	// marks, with no other mark inside ("“Ted Lasso” became"): a
	// quotation, or a title.
	quoted bool
	// coded: the word is glued by a period to the letters before it, with
	// no space ("BA.2", "B.1.1.7"): part of a code that names something,
	// not a figure of its own.
	coded bool
	// clitic is what an apostrophe joined to the word, lower-cased and
	// dropped from it ("s" of "That's" or "Acme's", "re", "ll"), or "".
	clitic string
	// possessive: a possessive apostrophe closes the word, "'s" or, after
	// a plural's s, the apostrophe alone ("the Rangers' goalie").
	possessive bool
	// dateline: the word is in the capitalised words that open a sentence
	// before a colon, a bracket or a dash ("Marion: Authorities in …",
	// "WASHINGTON – The court …", "Berlin (CNN) …"): where the story was
	// filed, not one of its parties.
	dateline bool
}

// tokenize splits text into sentences and words. Clauses break at commas,
// semicolons, colons, dashes, brackets and quotation marks, so that callers
// can keep a name, a figure or a time to the words around it. "n't" becomes
// its own token "not", and a possessive 's is dropped.
func tokenize(text string, limit int) []token {
	var toks []token
	clause := 0
	for si, sp := range prose.SentenceSpans(text) {
		s := text[sp[0]:sp[1]]
		startClause := true
		firstWord := true
		opener := rune(0) // what opened the current clause
		clauseStart := len(toks)
		sentStart := len(toks)
		money := false
		currency := ""
		hyphen := false
		// pendingPM: the word just read is the hour of a 24-hour clock
		// time, and "p.m." follows its minutes.
		pendingPM := false
		i := 0
		for i < len(s) {
			if len(toks) >= limit {
				return toks
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				switch {
				case r == '$' || r == '£' || r == '€':
					money = true
					currency = currencySigns[r]
				case r == '%':
					if n := len(toks); n > 0 && toks[n-1].sent == si {
						toks[n-1].pct = true
					}
				case r == '-' && i > 0 && i+size < len(s) && isWordRuneAt(s, i-1) && isWordRuneAt(s, i+size):
					hyphen = true
				case r == ':' && i > 0 && i+size < len(s) && isDigitAt(s, i-1) && isDigitAt(s, i+size):
					// "10:30": a clock time, not a break between clauses.
				case strings.ContainsRune(",;:()[]—–\"“”‘", r) || (r == '-' && !hyphen):
					if !startClause {
						// A dateline, and the agency in brackets after it
						// ("Berlin (CNN) The …"): the word after them opens
						// the sentence proper.
						agency := r == ')' && opener == '(' && clauseStart > sentStart && toks[clauseStart-1].dateline
						if agency || clauseStart == sentStart && strings.ContainsRune(":(—–-", r) {
							if datelineAt(toks[clauseStart:], s[i+size:]) {
								for k := clauseStart; k < len(toks); k++ {
									toks[k].dateline = true
								}
								firstWord = r != '('
							}
						}
						if strings.ContainsRune(parenMarks, opener) && strings.ContainsRune(parenMarks, r) {
							for k := clauseStart; k < len(toks); k++ {
								toks[k].aside = true
							}
						}
						if strings.ContainsRune(quoteMarks, opener) && strings.ContainsRune(quoteMarks, r) {
							for k := clauseStart; k < len(toks); k++ {
								toks[k].quoted = true
							}
						}
						clause++
						startClause = true
						clauseStart = len(toks)
					}
					opener = r
					if strings.ContainsRune(":\"“”‘", r) {
						firstWord = true
					}
				}
				i += size
				continue
			}
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += sz
					continue
				}
				// Keep "1,000" and "6.6" whole.
				if (r2 == ',' || r2 == '.') && j > i && isDigitAt(s, j-1) && j+1 < len(s) && isDigitAt(s, j+1) {
					j += sz
					continue
				}
				break
			}
			word := s[i:j]
			next := j
			if k, letters := dottedInitials(s, i); len(letters) >= 2 {
				// "U.S.", "U.K.", "D.C.": one word, written as "US" is.
				word, j, next = letters, k, k
			}
			neg := false
			clitic := ""
			if r2, sz := utf8.DecodeRuneInString(s[j:]); j < len(s) && (r2 == '\'' || r2 == '’') && j+sz < len(s) && isWordRuneAt(s, j+sz) {
				k := j + sz
				for k < len(s) && isWordRuneAt(s, k) {
					k++
				}
				suffix := strings.ToLower(s[j+sz : k])
				lowWord := strings.ToLower(word)
				switch {
				case suffix == "t" && strings.HasSuffix(lowWord, "n"):
					neg = true
					word = word[:len(word)-1]
					switch strings.ToLower(word) {
					case "ca":
						word = "can"
					case "wo":
						word = "will"
					case "sha":
						word = "shall"
					}
				default:
					clitic = suffix
				}
				next = k
			}
			afternoon := false
			if h, ok := hourOf24HourClock(s, i, j); ok {
				// "14:48": the hour as a twelve-hour clock gives it, with
				// "p.m." after the minutes, so that "14:48 ET" and "2:48
				// p.m. ET" are one time.
				word, afternoon = strconv.Itoa(h-12), true
			}
			r0, _ := utf8.DecodeRuneInString(word)
			low := strings.ToLower(word)
			coded := i >= 2 && s[i-1] == '.' && isWordRuneAt(s, i-2) && !isDigitAt(s, i-2) && unicode.IsUpper(previousRune(s, i-1))
			possessive := clitic == "s"
			if r2, sz := utf8.DecodeRuneInString(s[j:]); j < len(s) && (r2 == '\'' || r2 == '’') && strings.HasSuffix(low, "s") && (j+sz >= len(s) || !isWordRuneAt(s, j+sz)) {
				possessive = true // "the Rangers' goalie"
			}
			toks = append(toks, token{
				text: word, low: low, upper: unicode.IsUpper(r0), first: firstWord,
				sent: si, clause: clause, pos: len(toks), money: money, currency: currency, joined: hyphen, clitic: clitic, coded: coded,
				possessive: possessive,
			})
			if neg {
				toks = append(toks, token{text: "not", low: "not", sent: si, clause: clause, pos: len(toks)})
			}
			if pendingPM {
				toks = append(toks, token{text: "p.m.", low: "pm", sent: si, clause: clause, pos: len(toks)})
			}
			pendingPM = afternoon
			firstWord, startClause, money, hyphen, currency = false, false, false, false, ""
			i = next
		}
		clause++
	}
	return toks
}

// hourOf24HourClock reads s[i:j] as the hour of a time written on the
// 24-hour clock ("14:48", "21:05"): two digits from 13 to 23, a colon, two
// digits, and no "a.m." or "p.m." after them. Hours up to 12 are read as
// they stand: "10:30" is the same time on either clock, or is given its
// half of the day by the words after it.
func hourOf24HourClock(s string, i, j int) (int, bool) {
	if j-i != 2 || j+3 > len(s) || s[j] != ':' || !isDigitAt(s, j+1) || !isDigitAt(s, j+2) || j+3 < len(s) && isWordRuneAt(s, j+3) {
		return 0, false
	}
	h, err := strconv.Atoi(s[i:j])
	if err != nil || h < 13 || h > 23 {
		return 0, false
	}
	rest := strings.ToLower(strings.TrimLeft(s[j+3:], " "))
	for _, half := range []string{"a.m", "p.m", "am", "pm"} {
		if strings.HasPrefix(rest, half) && (len(rest) == len(half) || !isWordRuneAt(rest, len(half))) {
			return 0, false
		}
	}
	return h, true
}

// dottedInitials reads capital letters each followed by a full stop from
// s[i:] ("U.S.", "E.U."): where they end, and the letters. A single one
// ("F." in "John F. Kennedy") is left as it is by the caller.
func dottedInitials(s string, i int) (end int, letters string) {
	k := i
	for k+1 < len(s) && s[k] >= 'A' && s[k] <= 'Z' && s[k+1] == '.' && (k+2 >= len(s) || !isWordRuneAt(s, k+2) || s[k+2] >= 'A' && s[k+2] <= 'Z' && k+3 < len(s) && s[k+3] == '.') {
		letters += s[k : k+1]
		k += 2
	}
	return k, letters
}

// quoteMarks open and close a quotation.
const quoteMarks = "\"“”‘"

// parenMarks set off a parenthesis: dashes and brackets.
const parenMarks = "()[]—–-"

// currencySigns are the signs of the currencies news writes most, named
// as their words after a figure are ("40,000 pounds").
var currencySigns = map[rune]string{'$': "dollar", '£': "pound", '€': "euro"}

// previousRune gives the rune that ends s[:i].
func previousRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isDigitAt(s string, i int) bool {
	return s[i] >= '0' && s[i] <= '9'
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// datelineAt reports whether the words of a sentence's first clause, read
// before a colon, bracket or dash, are a dateline: one to four capitalised
// words, none a verb, with no quotation after them ("Kell: “We will …”" is
// a speaker's label).
func datelineAt(clause []token, after string) bool {
	if len(clause) == 0 || len(clause) > 4 {
		return false
	}
	for k, t := range clause {
		if !t.upper || verbForm(clause, k) {
			return false
		}
	}
	after = strings.TrimLeft(after, " ")
	r, _ := utf8.DecodeRuneInString(after)
	return !strings.ContainsRune(quoteMarks, r)
}
