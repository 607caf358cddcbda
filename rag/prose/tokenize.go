package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits s into lowercase runs of letters and digits. Apostrophes
// inside a word are dropped together with a possessive "s", so "Ukraine's"
// and "Ukraine’s" both give "ukraine".
func Tokenize(s string) []string {
	return appendTokens(nil, s)
}

// AppendTokens appends the tokens of s (Tokenize) to dst, so that a caller
// splitting many texts can reuse one slice.
func AppendTokens(dst []string, s string) []string { return appendTokens(dst, s) }

func appendTokens(dst []string, s string) []string {
	start := -1       // byte offset where the current word began
	var joined []byte // the word so far, when an apostrophe was skipped inside it
	flush := func(end int) {
		switch {
		case joined != nil:
			joined = append(joined, s[start:end]...)
			dst = append(dst, lowerWord(string(joined)))
			joined = nil
		case start >= 0:
			dst = append(dst, lowerWord(s[start:end]))
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if (r == '\'' || r == '’') && start >= 0 && i+size < len(s) && isWordRuneAt(s, i+size) {
			next := i + size
			if (s[next] == 's' || s[next] == 'S') && (next+1 == len(s) || !isWordRuneAt(s, next+1)) {
				// A possessive: "Ukraine's" is "ukraine".
				flush(i)
				i = next + 1
				continue
			}
			// An elision: "don't" is "dont".
			joined = append(joined, s[start:i]...)
			start = next
			i = next
			continue
		}
		flush(i)
		i += size
	}
	flush(len(s))
	return dst
}

func isWordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lowerWord lowercases w and folds common Latin diacritics, allocating only
// when something changes.
func lowerWord(w string) string {
	ascii := true
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii && !upper {
		return w
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		b.WriteRune(foldRune(unicode.ToLower(r)))
	}
	return b.String()
}

func foldRune(r rune) rune {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā':
		return 'a'
	case 'ç', 'ć', 'č':
		return 'c'
	case 'è', 'é', 'ê', 'ë', 'ē', 'ę':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ñ', 'ń':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	case 'š', 'ś':
		return 's'
	case 'ž', 'ź', 'ż':
		return 'z'
	case 'ł':
		return 'l'
	}
	return r
}

// Terms gives the index terms of s: its tokens without stop words, stemmed.
// BM25, the embedded embedder and the extractive answerer share it, so that
// a word matches the same way everywhere.
func Terms(s string) []string {
	// About one token in five bytes of English; starting the slice there
	// saves most of the growing that was otherwise much of ingestion's
	// allocation.
	toks := appendTokens(make([]string, 0, len(s)/5+1), s)
	out := toks[:0]
	for _, t := range toks {
		if stopwords[t] {
			continue
		}
		out = append(out, Stem(t))
	}
	return out
}

// IsStopword reports whether the lowercase token t is too common to index.
func IsStopword(t string) bool { return stopwords[t] }

// Stem removes common English inflections. It is deliberately light: it
// conflates plurals, -ing, -ed and a few derivational endings, and leaves
// short words, numbers and names alone otherwise.
func Stem(w string) string {
	if base, ok := irregular[w]; ok {
		return base
	}
	n := len(w)
	if n <= 3 || w[n-1] < 'a' || w[n-1] > 'z' {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case strings.HasSuffix(w, "ness") && n > 6:
		return w[:n-4]
	case strings.HasSuffix(w, "ments") && n > 7:
		return w[:n-5]
	case strings.HasSuffix(w, "ment") && n > 6:
		return w[:n-4]
	case strings.HasSuffix(w, "ings") && n > 6:
		return undouble(w[:n-4])
	case strings.HasSuffix(w, "ing") && n > 5:
		return undouble(w[:n-3])
	case strings.HasSuffix(w, "ied") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "ed") && n > 4 && !strings.HasSuffix(w, "eed"):
		return undouble(w[:n-2])
	case strings.HasSuffix(w, "ly") && n > 5:
		return w[:n-2]
	case strings.HasSuffix(w, "es") && n > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes")):
		return w[:n-2]
	case w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return w[:n-1]
	}
	return w
}

// undouble turns "stopp" into "stop" and "planned"'s "plann" into "plan", but
// leaves "ll", "ss" and "zz", which English keeps doubled.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] {
		switch w[n-1] {
		case 'l', 's', 'z':
			return w
		case 'a', 'e', 'i', 'o', 'u':
			return w
		}
		return w[:n-1]
	}
	return w
}

// irregular maps common irregular verb forms to their base, so that "spoke"
// finds "speak" and "met" finds "meeting" (whose stem is "meet").
var irregular = func() map[string]string {
	m := map[string]string{}
	for _, group := range strings.Split(`speak spoke spoken|tell told|meet met|go went gone|take took taken|give gave given|
make made|come came|see saw seen|know knew known|think thought|begin began begun|win won|lose lost|
leave left|hold held|bring brought|buy bought|fight fought|fall fell fallen|rise rose risen|write wrote written|
run ran|send sent|spend spent|build built|strike struck stricken|choose chose chosen|drive drove driven|
fly flew flown|grow grew grown|shoot shot|stand stood|sell sold|pay paid|lead led|find found|get got gotten|
keep kept|feel felt|break broke broken|steal stole stolen|freeze froze frozen|wear wore worn|seek sought|
teach taught|catch caught|hide hid hidden|sink sank sunk|swim swam swum|sing sang sung|forbid forbade forbidden`, "|") {
		forms := strings.Fields(group)
		for _, f := range forms[1:] {
			m[f] = forms[0]
		}
	}
	return m
}()

var stopwords = func() map[string]bool {
	words := strings.Fields(`a about above after again against all also am an and any are aren as at be
because been before being below between both but by can cannot could couldn did didn do does doesn
doing don down during each few for from further had hadn has hasn have haven having he her here hers
herself him himself his how i if in into is isn it its itself just let me more most mustn my myself
no nor not now of off on once only or other ought our ours ourselves out over own same shan she
should shouldn so some such than that the their theirs them themselves then there these they this
those through to too under until up upon very was wasn we were weren what when where which while who
whom why will with would wouldn you your yours yourself yourselves s t d ll m re ve y via per
said says say told tells according mr mrs ms dr sir
dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent hasnt havent hadnt mustnt
shant neednt im ive youre theyre weve youve theyve`)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}()

// wordSet is the set of the space-separated words in s.
func WordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// startsUpper reports whether w begins with an upper-case letter.
func StartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
