// Package lexicon answers the questions about English words that the claim
// checker and the answerer ask: are two words opposites (rise and fall), are
// they synonyms (begin and start), what is a word's base form (rose → rise,
// talks → talk), and what are a base form's irregular forms (speak → spoke,
// spoken), what broad class a noun or verb belongs to (lawyer is a
// person, say a verb of communication), and how negative or positive a word
// is (Polarity: disgust against delight). Its tables are generated from
// WordNet 3.0, and the polarities from the VADER sentiment lexicon, by
// internal/gen and embedded; it reads no file at run time and depends only
// on the standard library.
//
// The tables are bounded to words in common use and to their frequent senses
// (see internal/gen for the exact relations and bounds), so a word's rarest
// senses do not make it the opposite or the synonym of everything.
package lexicon

//go:generate go run ./internal/gen -wordnet /usr/share/wordnet -vader download -out .

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed antonyms.txt.gz synonyms.txt.gz morph.txt.gz lemmas.txt.gz related.txt.gz lexfiles.txt.gz roles.txt.gz names.txt.gz polarity.txt.gz
var tables embed.FS

type lexicon struct {
	antonyms map[string][]string
	// synsets holds each synonym set; inSynsets maps a word to the sets it is in.
	synsets   [][]string
	inSynsets map[string][]int
	// exceptions[pos][inflected] lists irregular base forms (pos: n, v, a, r).
	exceptions map[byte]map[string][]string
	// irregular[base] lists the irregular inflected forms of a base form,
	// every part of speech together: the exceptions read the other way.
	irregular map[string][]string
	// lemmas[word] holds the parts of speech the word is a base form of.
	lemmas map[string]string
	// derived, hyper and similar join words one step apart:
	// derivationally related forms, verbs one hypernym step apart, and
	// adjectives WordNet calls similar (a satellite and its head), both ways.
	derived, hyper, nounHyper, similar map[string][]string
	within                             map[string][]string // a named place → the named places it is part of
	// up maps a verb to its hypernyms, one step up.
	up map[string][]string
	// capital joins a national capital and its country, both ways.
	capital map[string][]string
	// country joins each way of writing a country, and each adjective
	// that pertains to one, with the first word of the country's synset,
	// both ways.
	country map[string][]string
	// saying holds the verbs of saying; reciprocal the reciprocal verbs.
	saying, reciprocal map[string]bool
	// phrasal maps a verb written with its particle in front to the
	// phrasal verb ("downplay" → "play down").
	phrasal map[string]string
	// lexfiles[pos][word] lists the lexicographer file numbers of the
	// word's first senses as that part of speech, most frequent first.
	lexfiles map[byte]map[string][]int
	// roles[word] holds the synsets of a person noun's first senses and
	// the person synsets up to two hypernym steps above them.
	roles map[string]roleSets
	// names maps each way of writing a name to the name sets it is in
	// (names.txt.gz: "fed", "federal reserve"; "turkish", "turkey").
	names map[string][]int
}

type roleSets struct{ own, up []string }

var load = sync.OnceValue(func() *lexicon {
	lx, err := parse()
	if err != nil {
		// The tables are compiled in; a failure here is a broken build.
		panic(fmt.Sprintf("lexicon: %v", err))
	}
	return lx
})

func parse() (*lexicon, error) {
	lx := &lexicon{
		antonyms:   map[string][]string{},
		inSynsets:  map[string][]int{},
		exceptions: map[byte]map[string][]string{},
		irregular:  map[string][]string{},
		lemmas:     map[string]string{},
		derived:    map[string][]string{},
		hyper:      map[string][]string{},
		similar:    map[string][]string{},
		up:         map[string][]string{},
		capital:    map[string][]string{},
		country:    map[string][]string{},
		nounHyper:  map[string][]string{},
		within:     map[string][]string{},
		saying:     map[string]bool{},
		reciprocal: map[string]bool{},
		phrasal:    map[string]string{},
		lexfiles:   map[byte]map[string][]int{'n': {}, 'v': {}},
		roles:      map[string]roleSets{},
	}
	err := eachRow("antonyms.txt.gz", 2, func(f []string) {
		lx.antonyms[f[0]] = append(lx.antonyms[f[0]], f[1])
		lx.antonyms[f[1]] = append(lx.antonyms[f[1]], f[0])
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("synonyms.txt.gz", 2, func(f []string) {
		for _, w := range f {
			lx.inSynsets[w] = append(lx.inSynsets[w], len(lx.synsets))
		}
		lx.synsets = append(lx.synsets, f)
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("morph.txt.gz", 3, func(f []string) {
		pos := f[0][0]
		if lx.exceptions[pos] == nil {
			lx.exceptions[pos] = map[string][]string{}
		}
		lx.exceptions[pos][f[1]] = append(lx.exceptions[pos][f[1]], f[2])
		if !slices.Contains(lx.irregular[f[2]], f[1]) {
			lx.irregular[f[2]] = append(lx.irregular[f[2]], f[1])
		}
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("lemmas.txt.gz", 2, func(f []string) { lx.lemmas[f[0]] = f[1] })
	if err != nil {
		return nil, err
	}
	err = eachRow("related.txt.gz", 2, func(f []string) {
		switch {
		case f[0] == "s":
			lx.saying[f[1]] = true
		case f[0] == "r":
			lx.reciprocal[f[1]] = true
		case len(f) < 3:
		case f[0] == "d":
			lx.derived[f[1]] = append(lx.derived[f[1]], f[2])
			lx.derived[f[2]] = append(lx.derived[f[2]], f[1])
		case f[0] == "h":
			lx.hyper[f[1]] = append(lx.hyper[f[1]], f[2])
			lx.hyper[f[2]] = append(lx.hyper[f[2]], f[1])
		case f[0] == "n":
			lx.nounHyper[f[1]] = append(lx.nounHyper[f[1]], f[2])
			lx.nounHyper[f[2]] = append(lx.nounHyper[f[2]], f[1])
		case f[0] == "a":
			lx.similar[f[1]] = append(lx.similar[f[1]], f[2])
			lx.similar[f[2]] = append(lx.similar[f[2]], f[1])
		case f[0] == "c":
			lx.capital[f[1]] = append(lx.capital[f[1]], f[2])
			lx.capital[f[2]] = append(lx.capital[f[2]], f[1])
		case f[0] == "k":
			lx.country[f[1]] = append(lx.country[f[1]], f[2])
			lx.country[f[2]] = append(lx.country[f[2]], f[1])
		case f[0] == "u":
			lx.up[f[1]] = append(lx.up[f[1]], f[2])
		case f[0] == "w":
			lx.within[f[1]] = append(lx.within[f[1]], f[2])
		case f[0] == "p":
			word, phrase := f[1], f[2]
			if strings.Contains(word, " ") {
				word, phrase = phrase, word
			}
			lx.phrasal[word] = phrase
		}
	})
	if err != nil {
		return nil, err
	}
	lx.names = map[string][]int{}
	n := 0
	err = eachRow("names.txt.gz", 2, func(f []string) {
		for _, w := range f {
			lx.names[w] = append(lx.names[w], n)
		}
		n++
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("roles.txt.gz", 2, func(f []string) {
		r := roleSets{own: strings.Fields(f[1])}
		if len(f) > 2 {
			r.up = strings.Fields(f[2])
		}
		lx.roles[f[0]] = r
	})
	if err != nil {
		return nil, err
	}
	var bad error
	err = eachRow("lexfiles.txt.gz", 3, func(f []string) {
		for _, n := range strings.Fields(f[2]) {
			k, err := strconv.Atoi(n)
			if err != nil || k < 0 || k >= len(lexnames) {
				bad = fmt.Errorf("lexfiles.txt.gz: %s: lexicographer file %q", f[0], n)
				return
			}
			lx.lexfiles[f[1][0]][f[0]] = append(lx.lexfiles[f[1][0]][f[0]], k)
		}
	})
	if err != nil {
		return nil, err
	}
	return lx, bad
}

// eachRow calls fn with the tab-separated fields of every line of a table,
// which must have at least min fields.
func eachRow(name string, min int, fn func([]string)) error {
	b, err := tables.ReadFile(name)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < min {
			return fmt.Errorf("%s:%d: %d fields, want at least %d", name, n, len(f), min)
		}
		fn(f)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return zr.Close()
}

// normalise lower-cases a word or phrase, folds typographic apostrophes and
// collapses runs of spaces, underscores and hyphens between words to one space
// where WordNet writes them so.
func normalise(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.ReplaceAll(s, "_", " ")
	return strings.Join(strings.Fields(s), " ")
}

// forms is the word itself followed by its base forms.
func (lx *lexicon) forms(word string) []string {
	w := normalise(word)
	if w == "" {
		return nil
	}
	out := []string{w}
	for _, b := range lx.bases(w) {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// Antonyms returns the opposites of a word or phrase, sorted, looking the word
// up as written and through its base forms ("rose" finds the opposites of
// "rise"). It returns nil when WordNet gives none.
func Antonyms(word string) []string {
	lx := load()
	var out []string
	for _, f := range lx.forms(word) {
		out = append(out, lx.antonyms[f]...)
	}
	return sortedUnique(out)
}

// AreAntonyms reports whether a and b are opposites in any of their forms:
// AreAntonyms("rose", "fell") is true.
func AreAntonyms(a, b string) bool {
	lx := load()
	fb := lx.forms(b)
	for _, x := range lx.forms(a) {
		for _, y := range lx.antonyms[x] {
			if slices.Contains(fb, y) {
				return true
			}
		}
	}
	return false
}

// Synonyms returns the words that share a synonym set with the word or one of
// its base forms, sorted, without the word itself. It returns nil when WordNet
// gives none.
func Synonyms(word string) []string {
	lx := load()
	forms := lx.forms(word)
	var out []string
	for _, f := range forms {
		for _, i := range lx.inSynsets[f] {
			for _, w := range lx.synsets[i] {
				if !slices.Contains(forms, w) {
					out = append(out, w)
				}
			}
		}
	}
	return sortedUnique(out)
}

// AreSynonyms reports whether a and b, in any of their forms, share a synonym
// set. A word is not its own synonym.
func AreSynonyms(a, b string) bool {
	lx := load()
	fa, fb := lx.forms(a), lx.forms(b)
	for _, x := range fa {
		if slices.Contains(fb, x) {
			return false
		}
	}
	for _, x := range fa {
		for _, i := range lx.inSynsets[x] {
			for _, w := range lx.synsets[i] {
				if slices.Contains(fb, w) {
					return true
				}
			}
		}
	}
	return false
}

// SameName reports whether WordNet writes a and b as one name: two words of
// a synset of proper names ("Fed" and "Federal Reserve"), or an adjective
// and the proper noun it pertains to ("Turkish" and "Turkey"). Case and
// spacing are ignored; a name is not the same name as itself here.
func SameName(a, b string) bool {
	lx := load()
	a, b = normalise(a), normalise(b)
	if a == b {
		return false
	}
	for _, i := range lx.names[a] {
		if slices.Contains(lx.names[b], i) {
			return true
		}
	}
	return false
}

// Derivations returns the words WordNet links to a word or one of its base
// forms as derivationally related, sorted: "negotiations" → [negotiate],
// "backing" → [back]. Both words take part through one of their frequent
// senses. It returns nil when WordNet gives none.
func Derivations(word string) []string {
	return load().related(word, func(lx *lexicon) map[string][]string { return lx.derived })
}

// VerbNeighbours returns the verbs one hypernym step from a verb, either way
// ("land" → "touch down", "arrive" …), sorted. Very general verbs, with
// more than a few dozen troponyms, join nothing. It returns nil when WordNet
// gives none.
func VerbNeighbours(word string) []string {
	return load().related(word, func(lx *lexicon) map[string][]string { return lx.hyper })
}

// NounNeighbours returns the nouns one hypernym step from a noun, either
// way ("defeat" → "failure", "network" → "system" …), sorted. Very general
// nouns, with more than a few dozen hyponyms, join nothing. It returns nil
// when WordNet gives none.
func NounNeighbours(word string) []string {
	return load().related(word, func(lx *lexicon) map[string][]string { return lx.nounHyper })
}

// Containing returns the named places WordNet makes a place part of, up
// to three steps ("geneva" → "switzerland", "europe" …; "chicago" →
// "illinois", "united states" …), sorted. It returns nil for a word that
// names no place WordNet knows.
func Containing(place string) []string {
	lx := load()
	return sortedUnique(slices.Clone(lx.within[normalise(place)]))
}

// CountryCapital returns, for a country, the names WordNet gives its
// national capital, and for a national capital the names of its country,
// sorted: "us" → "washington", "washington d.c." …; "moscow" → "russia",
// "russian federation". News names a government by its capital. It
// returns nil for any other word.
func CountryCapital(name string) []string {
	lx := load()
	return sortedUnique(slices.Clone(lx.capital[normalise(name)]))
}

// CountryNames returns every way WordNet writes the country a word names,
// and the adjectives that pertain to it, sorted, without the word itself:
// "american" → [america, u.s., united states, us, usa, …], "uk" →
// [british, britain, great britain, u.k., united kingdom, …], "russian" →
// [russia, russian federation, …]. It returns nil for a word that names
// no country. Case is ignored.
func CountryNames(word string) []string {
	lx := load()
	w := normalise(word)
	var out []string
	for _, k := range lx.country[w] {
		out = append(out, k)
		out = append(out, lx.country[k]...)
	}
	out = slices.DeleteFunc(out, func(s string) bool { return s == w })
	return sortedUnique(out)
}

// SameCountry reports whether two words name one country, either as its
// name or as an adjective that pertains to it ("American" and "US",
// "British" and "UK", "Ukrainian" and "Ukraine"). A country is not the
// same country as itself here, as in SameName.
func SameCountry(a, b string) bool {
	a, b = normalise(a), normalise(b)
	return a != b && slices.Contains(CountryNames(a), b)
}

// Similar returns the adjectives WordNet calls similar to an adjective:
// its head when it is a satellite ("arid" → "dry"), its satellites when it
// is a head, sorted. It returns nil when WordNet gives none.
func Similar(word string) []string {
	return load().related(word, func(lx *lexicon) map[string][]string { return lx.similar })
}

// Hypernyms returns the verbs one hypernym step above a verb, through its
// base forms, sorted: "plummeted" → [drop], "drop" → [come down descend
// fall go down move wane]. Only a verb's first senses count, and only
// hypernyms in common use. It returns nil when WordNet gives none.
func Hypernyms(word string) []string {
	return load().related(word, func(lx *lexicon) map[string][]string { return lx.up })
}

func (lx *lexicon) related(word string, table func(*lexicon) map[string][]string) []string {
	forms := lx.forms(word)
	var out []string
	for _, f := range forms {
		for _, w := range table(lx)[f] {
			if !slices.Contains(forms, w) {
				out = append(out, w)
			}
		}
	}
	return sortedUnique(out)
}

// IsSaying reports whether a word is a form of a verb of saying: WordNet's
// "state, say, tell" and its direct troponyms (announce, add, note,
// explain, reply …), for verbs whose first or second sense that is.
func IsSaying(word string) bool {
	lx := load()
	return verbIn(lx, lx.saying, word)
}

// IsReciprocal reports whether a word is a form of a reciprocal verb, one
// whose two sides name the same relation ("Ortiz met Varga", "Varga met
// Ortiz"): a verb with a sense in WordNet's verb.social or
// verb.competition file that WordNet's verb examples give both as "Sam and
// Sue ----" and as "Sam cannot ---- Sue" (marry, meet, date, divorce,
// fight, battle, play, court).
func IsReciprocal(word string) bool {
	lx := load()
	return verbIn(lx, lx.reciprocal, word)
}

// verbIn reports whether a word, or a base form of it as a verb (an
// irregular one from the exceptions, or by the detachment rules), is in
// set.
func verbIn(lx *lexicon, set map[string]bool, word string) bool {
	w := normalise(word)
	if set[w] {
		return true
	}
	for _, b := range lx.exceptions['v'][w] {
		if set[b] {
			return true
		}
	}
	for _, rule := range rules[0].rules {
		if len(w) > len(rule[0]) && strings.HasSuffix(w, rule[0]) && set[w[:len(w)-len(rule[0])]+rule[1]] {
			return true
		}
	}
	return false
}

// IsReportingForm reports whether a word is the past tense, the -ing form
// or the -s form of a verb whose most frequent sense WordNet files under
// verb.communication ("said", "warned", "vowing", "tweets"): the verbs that
// report what someone said, in the forms that head a reporting clause. The
// base form ("say") is not one: it follows an auxiliary ("will say") and
// heads no report of the past. Answers are kept, since callers ask about
// every word of every article.
func IsReportingForm(word string) bool {
	w := normalise(word)
	if v, ok := reportingCache.Load(w); ok {
		return v.(bool)
	}
	ok := false
	if bases := Bases(w); len(bases) > 0 && bases[0] != w && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s") || slices.Contains(Inflections(bases[0]), w)) {
		ok = FirstFile(w, 'v') == "verb.communication"
	}
	reportingCache.Store(w, ok)
	return ok
}

var reportingCache sync.Map

// Phrasal returns the phrasal verb that a word writes with its particle in
// front, through the word's base forms: Phrasal("downplayed") is "play
// down". It returns "" for any other word.
func Phrasal(word string) string {
	lx := load()
	for _, f := range lx.forms(word) {
		if p, ok := lx.phrasal[f]; ok {
			return p
		}
	}
	return ""
}

// Base returns the first base form WordNet's morphology finds for a word,
// trying it as a verb, a noun, then an adjective: "rose" → "rise", "talks" →
// "talk", "negotiations" → "negotiation", "better" → "better" (a verb too).
// A word with no known base form is returned lower-cased, as it is.
func Base(word string) string {
	w := normalise(word)
	if b := load().bases(w); len(b) > 0 {
		return b[0]
	}
	return w
}

// Bases returns every base form WordNet's morphology finds for a word, verbs
// first, then nouns, adjectives and adverbs: "saw" → [see saw], "left" →
// [leave left]. It returns nil for a word WordNet does not know.
func Bases(word string) []string {
	return load().bases(normalise(word))
}

// Inflections returns the irregular inflected forms WordNet's exception
// lists give for a base form, sorted: "speak" → [spake spoke spoken],
// "mouse" → [mice]. Regular forms ("talked") are not listed: a stemmer
// finds those. It returns nil when the word has none.
func Inflections(base string) []string {
	forms := load().irregular[normalise(base)]
	if len(forms) == 0 {
		return nil
	}
	return sortedUnique(slices.Clone(forms))
}

// suffix rules of WordNet's morphy, per part of speech: an ending and what
// replaces it. A candidate counts only when it is a base form of that part of
// speech.
var rules = []struct {
	pos   byte
	rules [][2]string
}{
	{'v', [][2]string{{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}},
	{'n', [][2]string{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}}},
	{'a', [][2]string{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}}},
	{'r', nil},
}

func (lx *lexicon) bases(w string) []string {
	var out []string
	add := func(b string) {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	for _, r := range rules {
		for _, b := range lx.exceptions[r.pos][w] {
			add(b)
		}
		if strings.IndexByte(lx.lemmas[w], r.pos) >= 0 {
			add(w)
		}
		for _, rule := range r.rules {
			if len(w) <= len(rule[0]) || !strings.HasSuffix(w, rule[0]) {
				continue
			}
			c := w[:len(w)-len(rule[0])] + rule[1]
			if strings.IndexByte(lx.lemmas[c], r.pos) >= 0 {
				add(c)
			}
		}
	}
	return out
}

func sortedUnique(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// IsVerb reports whether WordNet's morphology finds a verb base form for a
// word ("informed" → "inform", "beaten" → "beat"). Many words are nouns or
// adjectives too; this says only that a verb reading exists.
func IsVerb(word string) bool { return load().is(word, 'v') }

// IsNoun reports whether WordNet's morphology finds a noun base form for a
// word in common use ("shelves" → "shelf", "show" → "show"). Many words are
// verbs too; this says only that a noun reading exists.
func IsNoun(word string) bool { return load().is(word, 'n') }

// IsAdjective reports whether WordNet holds a word, as it is written, as
// an adjective ("global", "happy"); adjectives have no inflections to
// undo, bar comparison, which this does not read.
func IsAdjective(word string) bool {
	return strings.IndexByte(load().lemmas[normalise(word)], 'a') >= 0
}

// is reports whether a word, or a base form its part of speech's suffix
// rules or exception list give, is a base form of that part of speech.
func (lx *lexicon) is(word string, pos byte) bool {
	w := normalise(word)
	if len(lx.exceptions[pos][w]) > 0 || strings.IndexByte(lx.lemmas[w], pos) >= 0 {
		return true
	}
	for _, r := range rules {
		if r.pos != pos {
			continue
		}
		for _, rule := range r.rules {
			if len(w) > len(rule[0]) && strings.HasSuffix(w, rule[0]) {
				if strings.IndexByte(lx.lemmas[w[:len(w)-len(rule[0])]+rule[1]], pos) >= 0 {
					return true
				}
			}
		}
	}
	return false
}

// lexnames are WordNet's lexicographer files by number, as its lexnames(5WN)
// page documents them: the class a sense was filed under.
var lexnames = []string{
	"adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
	"noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
	"noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
	"noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
	"verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition", "verb.consumption",
	"verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
	"verb.social", "verb.stative", "verb.weather", "adj.ppl",
}

// LexFiles returns the lexicographer files (WordNet's broad classes, such as
// "noun.person" or "verb.communication") of a word's most frequent senses
// as a noun (pos 'n') or a verb (pos 'v'), most frequent first, through its
// base forms: LexFiles("lawyers", 'n') is [noun.person], LexFiles("said",
// 'v') is [verb.communication]. Only words in common use are known, and only
// their first three senses count; it returns nil for any other word.
func LexFiles(word string, pos byte) []string {
	lx := load()
	table := lx.lexfiles[pos]
	if table == nil {
		return nil
	}
	for _, w := range lx.forms(word) {
		if nums, ok := table[w]; ok {
			out := make([]string, len(nums))
			for i, n := range nums {
				out[i] = lexnames[n]
			}
			return out
		}
	}
	return nil
}

// FirstFile is the lexicographer file of a word's most frequent sense as a
// noun (pos 'n') or a verb (pos 'v'), the first of LexFiles, or "" when
// WordNet does not know the word as one.
func FirstFile(word string, pos byte) string {
	if files := LexFiles(word, pos); len(files) > 0 {
		return files[0]
	}
	return ""
}

// CanNamePerson reports whether WordNet files a sense of a noun, in any of
// its forms and however rare the sense, under noun.person: "head" (a chief)
// and "lawyer" can name a person, "table" cannot.
func CanNamePerson(word string) bool {
	lx := load()
	for _, x := range lx.forms(word) {
		if _, ok := lx.roles[x]; ok {
			return true
		}
	}
	return false
}

// RoleIncludes reports whether a person noun names a role that includes
// another's: a synset of their person senses is shared ("pontiff" and
// "pope"), or one of the general noun's is up to two hypernym steps above
// one of the specific noun's ("leader" includes "president"; "president"
// does not include "leader"). SameRole is it read either way.
func RoleIncludes(general, specific string) bool {
	lx := load()
	for _, x := range lx.forms(general) {
		rg, ok := lx.roles[x]
		if !ok {
			continue
		}
		for _, y := range lx.forms(specific) {
			rs, ok := lx.roles[y]
			if !ok {
				continue
			}
			for _, o := range rg.own {
				if slices.Contains(rs.own, o) || slices.Contains(rs.up, o) {
					return true
				}
			}
		}
	}
	return false
}

// SameRole reports whether two person nouns, in any of their forms, can
// name one role: a synset of their person senses is shared ("pontiff" and
// "pope") or is up to two hypernym steps above the other's ("senator" and
// "legislator"). Nouns that are merely kinds of one thing ("senator" and
// "congressman") are not the same role.
func SameRole(a, b string) bool {
	return RoleIncludes(a, b) || RoleIncludes(b, a)
}
