// Command gen builds the lexicon tables in rag/lexicon from the WordNet 3.0
// database files (Debian package wordnet-base, /usr/share/wordnet):
//
//	go run ./rag/lexicon/internal/gen -wordnet /usr/share/wordnet -out rag/lexicon
//
// It writes the gzipped tables and WordNet's licence text. With -vader it
// also writes polarity.txt.gz from the VADER sentiment lexicon (see
// polarity.go) and that lexicon's licence. The output is deterministic: the
// same input gives the same bytes.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Bounds on what counts as a usable sense. WordNet lists a word's senses most
// frequent first; a word's rare senses (cut has 41 as a verb) would otherwise
// make it a synonym or an antonym of far too much.
const (
	// synonymRank: a synset is a synonym set when it is among the first
	// synonymRank senses of at least two of its single-word members, and only
	// those members are kept.
	synonymRank = 3
	// maxSynset drops synsets with more usable members than this (lists of
	// near-synonyms that are too loose to paraphrase with).
	maxSynset = 12
	// antonymRank bounds the extended antonyms (synset members, satellites):
	// a word takes part only through one of its first antonymRank senses, and
	// only if it is in common use. Direct antonyms are taken whatever the rank.
	antonymRank = 4
	// maxTroponyms: a verb with more troponyms than this (change, with
	// hundreds) is too general for its opposite (stay) to oppose them all.
	maxTroponyms = 40
	// relatedRank bounds the derivations and the verbs one hypernym step
	// apart: both words take part only through one of their first
	// relatedRank senses, and only if they are in common use.
	relatedRank = 3
)

// sayingSynset is WordNet 3.0's verb synset "state, say, tell" (express in
// words), in the verb.communication file: it and its direct troponyms
// (announce, declare, add, note, explain, answer …) are the verbs of saying
// a reporter writes around what someone said. reportSynset, "report,
// describe, account" (to give an account of), is the reporter's own verb;
// it is taken without its troponyms.
const (
	sayingSynset = "v01009258"
	reportSynset = "v00965053"
)

// sayingRank: a verb of saying is one whose first or second sense is
// saying ("add" is, "present" and "answer" are not).
const sayingRank = 2

var posNames = []string{"noun", "verb", "adj", "adv"}

type synset struct {
	lex     string // lexicographer file number: "30" is verb.change
	pos     byte   // n, v, a, s, r
	words   []string
	lower   map[string]bool // the words written in lower case in this synset: "park" is not in Mungo Park's
	ptrs    []pointer
	offsetK string
	lexIDs  []string // per word, its lex_id as written in the sense key ("01")
	// definition is the gloss's first definition, up to its first ";"
	// ("be against" for oppose).
	definition string
}

type pointer struct {
	symbol   string
	target   string // key: pos + offset
	src, dst int    // 1-based word numbers, 0 for the whole synset
}

type db struct {
	synsets map[string]*synset
	// rank[word][key] is the word's sense number (1 = most frequent) for the synset.
	rank map[string]map[string]int
	// lemmas[word] holds the POS letters the word is a lemma of (n, v, a, r).
	lemmas map[string]string
	// tagged[word] is true when SemCor tags at least one of the word's senses
	// (index files, tagsense_cnt): the word is in common use.
	tagged map[string]bool
	// common[word] holds the POS letters (n, v, a, r) in which WordNet writes
	// the word in lower case at least once; a name such as "Low" is not there.
	common map[string]string
	// reciprocal holds the reciprocal verbs (reciprocals).
	reciprocal []string
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "directory with WordNet's data.*, index.* and *.exc files")
	vader := flag.String("vader", "", "the VADER lexicon file (rawdata/vaderLexicon.txt of "+vaderModule+"), or \"download\" to fetch that module through the Go module proxy; when given, polarity.txt.gz is written too")
	out := flag.String("out", "rag/lexicon", "directory to write the tables into")
	flag.Parse()
	err := run(*dir, *out)
	if err == nil && *vader == "download" {
		*vader, err = downloadVADER()
	}
	if err == nil && *vader != "" {
		err = writePolarity(*vader, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "lexicon gen:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	d := &db{synsets: map[string]*synset{}, rank: map[string]map[string]int{}, lemmas: map[string]string{},
		tagged: map[string]bool{}, common: map[string]string{}}
	for _, p := range posNames {
		if err := d.readData(filepath.Join(dir, "data."+p)); err != nil {
			return err
		}
		if err := d.readIndex(filepath.Join(dir, "index."+p)); err != nil {
			return err
		}
	}
	licence, err := readLicence(filepath.Join(dir, "data.noun"))
	if err != nil {
		return err
	}
	morph, err := readExceptions(dir)
	if err != nil {
		return err
	}
	if d.reciprocal, err = d.reciprocals(filepath.Join(dir, "sentidx.vrb")); err != nil {
		return err
	}
	antonyms, byRelation := d.antonyms()
	nameRows, err := d.nameLines()
	if err != nil {
		return err
	}
	tables := map[string][]string{
		"antonyms.txt.gz": antonyms,
		"synonyms.txt.gz": d.synonyms(),
		"morph.txt.gz":    morph,
		"lemmas.txt.gz":   d.lemmaLines(),
		"related.txt.gz":  d.related(),
		"lexfiles.txt.gz": d.lexfileLines(),
		"roles.txt.gz":    d.roleLines(),
		"names.txt.gz":    nameRows,
	}
	names := make([]string, 0, len(tables))
	for name := range tables {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		size, err := writeGzip(filepath.Join(out, name), tables[name])
		if err != nil {
			return err
		}
		fmt.Printf("%-16s %6d lines %7d bytes\n", name, len(tables[name]), size)
	}
	fmt.Printf("antonym pairs by the first relation that gives them: direct %d, antonym's synonyms %d, satellites %d, verbs of change %d, derivations %d, negative prefixes %d, verbs of stance %d, verbs of furthering and hindering %d\n",
		byRelation[1], byRelation[2], byRelation[3], byRelation[4], byRelation[5], byRelation[6], byRelation[7], byRelation[8])
	return os.WriteFile(filepath.Join(out, "LICENSE-WordNet"), []byte(licence), 0o644)
}

// readData parses one data.POS file: synsets with their words and pointers.
func (d *db) readData(path string) error {
	return eachLine(path, func(line string) error {
		if strings.HasPrefix(line, "  ") {
			return nil // licence header
		}
		definition := ""
		if i := strings.Index(line, " | "); i >= 0 {
			definition, _, _ = strings.Cut(line[i+3:], ";")
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return fmt.Errorf("short synset line %q", line)
		}
		s := &synset{lex: f[1], pos: f[2][0], lower: map[string]bool{}, definition: strings.TrimSpace(definition)}
		key := posKey(s.pos) + f[0]
		s.offsetK = key
		n, err := strconv.ParseInt(f[3], 16, 0)
		if err != nil {
			return fmt.Errorf("synset %s: word count: %w", f[0], err)
		}
		i := 4
		for w := 0; w < int(n); w++ {
			if c := f[i][0]; c < 'A' || c > 'Z' {
				w, p := normalise(f[i]), posKey(s.pos)
				if !strings.Contains(d.common[w], p) {
					d.common[w] += p
				}
				s.lower[w] = true
			}
			s.words = append(s.words, normalise(f[i]))
			id, err := strconv.ParseInt(f[i+1], 16, 0)
			if err != nil {
				return fmt.Errorf("synset %s: lex_id: %w", f[0], err)
			}
			s.lexIDs = append(s.lexIDs, fmt.Sprintf("%02d", id))
			i += 2
		}
		pc, err := strconv.Atoi(f[i])
		if err != nil {
			return fmt.Errorf("synset %s: pointer count: %w", f[0], err)
		}
		i++
		for p := 0; p < pc; p++ {
			st := f[i+3]
			src, _ := strconv.ParseInt(st[:2], 16, 0)
			dst, _ := strconv.ParseInt(st[2:], 16, 0)
			s.ptrs = append(s.ptrs, pointer{symbol: f[i], target: posKey(f[i+2][0]) + f[i+1], src: int(src), dst: int(dst)})
			i += 4
		}
		d.synsets[key] = s
		return nil
	})
}

// reciprocalFiles are the lexicographer files of relations between
// parties, where a verb that alternates between "Sam and Sue ----" and
// "Sam cannot ---- Sue" names one relation both hold: verb.competition
// ("33": fight, battle, play) and verb.social ("41": marry, meet, date,
// divorce). In the other files the same alternation names an act one side
// does to the other (verb.contact "hug", verb.communication "consult",
// "visit"), which has sides.
var reciprocalFiles = map[string]bool{"33": true, "41": true}

// reciprocals reads WordNet's verb example index (sentidx.vrb: a sense key
// and the numbers of its example sentences in sents.vrb) and gives the
// verbs in common use that have a sense, of a file in reciprocalFiles,
// with both example 14, "Sam and Sue %s", and example 15, "Sam cannot %s
// Sue": the reciprocal alternation, where "Sam met Sue" says what "Sue met
// Sam" says. Every rank of sense counts: meet's are its eighth and tenth.
func (d *db) reciprocals(path string) ([]string, error) {
	byKey := map[string]bool{} // lemma%2:file:lexid of the verb senses wanted
	for _, s := range d.synsets {
		if s.pos != 'v' || !reciprocalFiles[s.lex] {
			continue
		}
		for k, w := range s.words {
			byKey[strings.ReplaceAll(w, " ", "_")+"%2:"+s.lex+":"+s.lexIDs[k]] = true
		}
	}
	var out []string
	err := eachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil
		}
		examples := "," + f[1] + ","
		if !strings.Contains(examples, ",14,") || !strings.Contains(examples, ",15,") {
			return nil
		}
		key := strings.TrimSuffix(f[0], "::")
		lemma, _, _ := strings.Cut(key, "%")
		if byKey[key] && d.tagged[normalise(lemma)] && !strings.Contains(lemma, "_") {
			out = append(out, normalise(lemma))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verb examples: %w", err)
	}
	return sortedUnique(out), nil
}

// readIndex records each lemma's sense order and its parts of speech.
func (d *db) readIndex(path string) error {
	return eachLine(path, func(line string) error {
		if strings.HasPrefix(line, "  ") {
			return nil
		}
		f := strings.Fields(line)
		if len(f) < 6 {
			return fmt.Errorf("short index line %q", line)
		}
		word, pos := normalise(f[0]), f[1][0]
		pc, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("index %s: pointer count: %w", f[0], err)
		}
		offsets := f[4+pc+2:]
		if f[4+pc+1] != "0" {
			d.tagged[word] = true
		}
		if d.rank[word] == nil {
			d.rank[word] = map[string]int{}
		}
		for r, off := range offsets {
			d.rank[word][posKey(pos)+off] = r + 1
		}
		if !strings.ContainsAny(word, " ") && !strings.ContainsRune(d.lemmas[word], rune(pos)) {
			d.lemmas[word] += string(pos)
		}
		return nil
	})
}

// posKey folds adjective satellites into adjectives: pointers name both "a".
func posKey(p byte) string {
	if p == 's' {
		return "a"
	}
	return string(p)
}

// normalise turns a WordNet word form into running text: lower case, spaces
// for underscores, and no adjective position marker ("(a)", "(p)", "(ip)").
func normalise(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	return strings.ToLower(strings.ReplaceAll(w, "_", " "))
}

// usable reports whether word is in common use (tagged in SemCor) and the
// synset is among its first limit senses.
func (d *db) usable(word, key string, limit int) bool {
	r := d.rank[word][key]
	return r > 0 && r <= limit && d.tagged[word]
}

// antonyms collects the antonym pairs. The relations taken, in WordNet's terms:
//  1. direct antonyms: every lexical antonym pointer ("!"), in all four parts
//     of speech, whatever the senses' rank;
//  2. the antonym's synonyms: when words a (synset A) and b (synset B) are
//     direct antonyms, each member of A is an antonym of each member of B
//     (approve / reject, through disapprove's synset), members limited by rank;
//  3. indirect antonyms of adjectives: each satellite linked by "similar to"
//     ("&") to a head adjective is an antonym of the head's direct antonyms
//     and their synonyms (slim → wide through narrow);
//  4. verbs of change in amount: the members of a verb synset in WordNet's
//     verb.change file whose hypernym ("@"), also in verb.change, takes part
//     in a direct antonym pair are antonyms of that pair's other synset (cut
//     back and increase, through decrease), one level deep, for hypernyms
//     with at most maxTroponyms troponyms; other files, and very general
//     verbs such as change, are left out because there the relation says
//     little about opposites;
//  5. derivations: nouns and verbs derivationally related ("+") to the two
//     words of a direct pair, with the same part of speech and the same last
//     two letters, or the same spelling as their root (approval / disapproval,
//     increase / decrease as nouns);
//  6. negative prefixes: an adjective written as "un" or "non" before another
//     adjective (unconstrained / constrained, nonpartisan / partisan), both
//     in common use. English's other negative prefixes (in-, dis-) are left
//     out: there the remainder is too often another word (inflammable,
//     dismissed);
//  7. verbs of stance: a verb synset that WordNet defines as an act for or
//     against something (stanceOf: oppose is "be against", support "be
//     behind", advocate "speak, plead, or argue in favor of") against each
//     one defined the other way, members limited by rank and never an
//     adjective or adverb. WordNet links no such pair by a pointer
//     (support / oppose);
//  8. verbs of furthering and hindering: a verb synset that WordNet defines
//     as acting on "the progress", "the growth" or "the development" of
//     something (growthOf: promote is "contribute to the progress or growth
//     of", hamper "prevent the progress or free movement of") against each
//     one defined the other way, with the same limits as relation 7.
//     WordNet links none of these by a pointer either (promote / hamper).
func (d *db) antonyms() ([]string, map[int]int) {
	pairs := map[[2]string]bool{}
	byRelation := map[int]int{}
	relation := 0
	add := func(a, b string) {
		if a == b {
			return
		}
		if a > b {
			a, b = b, a
		}
		if !pairs[[2]string{a, b}] {
			pairs[[2]string{a, b}] = true
			byRelation[relation]++
		}
	}
	members := func(s *synset) []string {
		var out []string
		for _, w := range s.words {
			if d.usable(w, s.offsetK, antonymRank) {
				out = append(out, w)
			}
		}
		return out
	}
	// satellites[head key] lists the satellite synsets of an adjective head.
	satellites := map[string][]*synset{}
	// troponyms[key] lists the verb.change synsets whose hypernym is key.
	troponyms := map[string][]*synset{}
	for _, s := range d.synsets {
		for _, p := range s.ptrs {
			switch {
			case s.pos == 's' && p.symbol == "&":
				satellites[p.target] = append(satellites[p.target], s)
			case s.pos == 'v' && s.lex == "30" && p.symbol == "@" && d.synsets[p.target] != nil && d.synsets[p.target].lex == "30":
				troponyms[p.target] = append(troponyms[p.target], s)
			}
		}
	}
	// Each relation is a pass of its own, so that a pair is counted under the
	// first relation that gives it.
	keys := make([]string, 0, len(d.synsets))
	for k := range d.synsets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for relation = 1; relation <= 5; relation++ {
		for _, k := range keys {
			d.antonymPass(d.synsets[k], relation, add, members, satellites, troponyms)
		}
	}
	relation = 6
	words := make([]string, 0, len(d.lemmas))
	for w := range d.lemmas {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		for _, prefix := range []string{"un", "non-", "non"} {
			base, ok := strings.CutPrefix(w, prefix)
			if ok && len(base) >= 4 && strings.Contains(d.common[w], "a") && strings.Contains(d.common[base], "a") && d.tagged[w] && d.tagged[base] {
				add(w, base)
			}
		}
	}
	relation = 7
	stance := d.definedSides(keys, stanceOf)
	cross(add, stance["for"], stance["against"])
	cross(add, stance["for noun"], stance["against noun"])
	relation = 8
	growth := d.definedSides(keys, growthOf)
	cross(add, growth["further"], growth["hinder"])
	lines := make([]string, 0, len(pairs))
	for p := range pairs {
		lines = append(lines, p[0]+"\t"+p[1])
	}
	sort.Strings(lines)
	return lines, byRelation
}

// stanceDefinition matches a definition made of verbs of acting or saying
// and a preposition of stance: "be against", "vote against", "act against
// or in opposition to", "speak, plead, or argue in favor of", "be behind".
// The prepositions are those English grammars give for support (for, in
// favour of, behind: "the party is behind her") and opposition (against,
// in opposition to); Quirk, Greenbaum, Leech and Svartvik, A Comprehensive
// Grammar of the English Language (1985), chapter 9. Plain "for" is left out:
// in a definition it gives a purpose far more often ("be for sale").
var stanceDefinition = regexp.MustCompile(`^(?:(?:be|act|vote|speak|plead|argue),? (?:or )?)+(against|in opposition to|in favor of|behind)\b`)

// stanceOf gives "for" or "against" for a verb definition of stance, or "".
func stanceOf(definition string) string {
	m := stanceDefinition.FindStringSubmatch(definition)
	switch {
	case m == nil:
		return ""
	case m[1] == "against" || m[1] == "in opposition to":
		return "against"
	}
	return "for"
}

// definedSides reads the side sideOf gives each verb synset's definition
// (relations 7 and 8): for each side, the synsets' members, and under the
// side followed by " noun" the nouns of their acts, each limited by rank
// and never a word WordNet also has as an adjective or adverb.
func (d *db) definedSides(keys []string, sideOf func(string) string) map[string][]string {
	sides := map[string][]string{}
	for _, k := range keys {
		s := d.synsets[k]
		if s.pos != 'v' {
			continue
		}
		side := sideOf(s.definition)
		if side == "" {
			continue
		}
		for n, w := range s.words {
			// The table does not keep parts of speech apart: "negative"
			// (to veto) and "back" would oppose the adjective's and the
			// adverb's uses too.
			if !d.usable(w, s.offsetK, antonymRank) || strings.ContainsAny(d.lemmas[w], "ar") {
				continue
			}
			sides[side] = append(sides[side], w)
			// The nouns of the act (noun.act, "04"): opposition, support,
			// advocacy; not the people who act (supporter).
			for _, p := range s.ptrs {
				t := d.synsets[p.target]
				if p.symbol != "+" || p.src != n+1 || t == nil || t.pos != 'n' || t.lex != "04" || p.dst > len(t.words) {
					continue
				}
				if f := t.words[p.dst-1]; d.tagged[f] && !strings.ContainsAny(d.lemmas[f], "ar") {
					sides[side+" noun"] = append(sides[side+" noun"], f)
				}
			}
		}
	}
	return sides
}

// growthDefinition matches a definition whose head verb acts on the
// progress, growth or development of something: to further it ("contribute
// to the progress or growth of", "promote the growth of") or to hinder it
// ("prevent the progress or free movement of", "hinder or prevent the
// progress or accomplishment of", "check the growth of"). The head verbs are
// the closed class WordNet's own definitions use for the two (one may be
// joined to another by "or"); a definition where the noun names a thing
// ("slow the growth of weeds") counts as well, and the rank and common-use
// limits on the members keep the rare ones out.
var growthDefinition = regexp.MustCompile(`^(?:(contribute to|promote|foster|further|encourage|help|aid|assist)|(?:[a-z]+ or )?(prevent|hinder|hamper|impede|obstruct|block|check|slow|stop|halt)) the (?:[a-z]+ (?:or|and) )?(?:progress|growth|development)\b`)

// growthOf gives "further" or "hinder" for a verb definition of furthering
// or hindering, or "".
func growthOf(definition string) string {
	m := growthDefinition.FindStringSubmatch(definition)
	switch {
	case m == nil:
		return ""
	case m[1] != "":
		return "further"
	}
	return "hinder"
}

// antonymPass adds the pairs one relation gives for the direct antonym
// pointers of synset s.
func (d *db) antonymPass(s *synset, relation int, add func(a, b string), members func(*synset) []string, satellites, troponyms map[string][]*synset) {
	for _, p := range s.ptrs {
		if p.symbol != "!" || p.src == 0 || p.dst == 0 {
			continue
		}
		t := d.synsets[p.target]
		if t == nil || p.src > len(s.words) || p.dst > len(t.words) {
			continue
		}
		a, b := s.words[p.src-1], t.words[p.dst-1]
		other := append([]string{b}, members(t)...)
		switch relation {
		case 1:
			add(a, b)
		case 2:
			cross(add, members(s), other)
		case 3:
			for _, sat := range satellites[s.offsetK] {
				cross(add, members(sat), other)
			}
		case 4:
			if len(troponyms[s.offsetK]) <= maxTroponyms {
				for _, tro := range troponyms[s.offsetK] {
					cross(add, members(tro), other)
				}
			}
		case 5:
			for _, x := range d.derived(s, p.src) {
				for _, y := range d.derived(t, p.dst) {
					if x.pos == y.pos && (x.word[len(x.word)-2:] == y.word[len(y.word)-2:] || x.word == a && y.word == b) {
						add(x.word, y.word)
					}
				}
			}
		}
	}
}

func cross(add func(a, b string), xs, ys []string) {
	for _, x := range xs {
		for _, y := range ys {
			add(x, y)
		}
	}
}

type form struct {
	word string
	pos  byte
}

// derived lists the nouns and verbs linked to word number n of s by a
// derivational pointer, with the word itself kept when it is one of them.
func (d *db) derived(s *synset, n int) []form {
	var out []form
	for _, p := range s.ptrs {
		if p.symbol != "+" || p.src != n {
			continue
		}
		t := d.synsets[p.target]
		if t == nil || (t.pos != 'n' && t.pos != 'v') || p.dst > len(t.words) || len(t.words[p.dst-1]) < 3 {
			continue
		}
		out = append(out, form{t.words[p.dst-1], t.pos})
	}
	return out
}

// related returns the word pairs one step apart in meaning that are not
// synonyms, one pair a line with its relation first:
//
//	d  derivationally related forms ("+"), any parts of speech
//	   (negotiation / negotiate, backing / back), both words through one of
//	   their first relatedRank senses;
//	h  verbs one hypernym step ("@") apart (touch down / land), both through
//	   one of their first relatedRank senses, for hypernyms with at most
//	   maxTroponyms troponyms (so that "change" or "move" joins nothing);
//	n  nouns one hypernym step apart (defeat / failure), with the same
//	   bounds (hyponyms counted as troponyms are);
//	a  an adjective satellite and the head adjective it is "similar to"
//	   ("&": arid / dry, parched / dry), both through one of their first
//	   relatedRank senses, whether or not SemCor tags them: a satellite is
//	   most often a rarer word for its head, and that is when a writer
//	   needs the head;
//	p  a phrasal verb and the one word that writes it with its particle
//	   in front, when WordNet puts both in one synset (play down /
//	   downplay);
//	u  a verb and its hypernym, one step up, in that order (plummet /
//	   drop), both through one of their first relatedRank senses, the
//	   hypernym in common use;
//	c  a national capital and the country it is the capital of, each
//	   written every way WordNet writes it (washington / united states,
//	   moscow / russia): news names a government by its capital; see
//	   capitals;
//	k  a way of writing a country and the first word of its synset,
//	   for every word of every country synset and every adjective that
//	   pertains to one of them (united states / us, american / united
//	   states, british / united kingdom): one country, however news
//	   names it; see countries;
//	r  the reciprocal verbs, whose two sides are one relation (see
//	   reciprocals; second field only);
//	s  the verbs of saying: single-word members of sayingSynset, of its
//	   direct troponyms and of reportSynset, through one of their first
//	   sayingRank senses
//	   (second field only);
//	w  a named place and a named place it is part of, up to withinDepth
//	   steps (geneva / switzerland, los angeles / california); see within.
func (d *db) related() []string {
	seen := map[string]bool{}
	var lines []string
	add := func(kind, a, b string) {
		if a == b || strings.ContainsAny(a+b, " '") && kind != "h" && kind != "n" && kind != "p" && kind != "c" && kind != "k" {
			return
		}
		if b != "" && a > b {
			a, b = b, a
		}
		line := kind + "\t" + a
		if b != "" {
			line += "\t" + b
		}
		if !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	}
	troponyms := map[string][]*synset{} // for a noun, its hyponyms
	for _, s := range d.synsets {
		if s.pos != 'v' && s.pos != 'n' {
			continue
		}
		for _, p := range s.ptrs {
			if p.symbol == "@" {
				troponyms[p.target] = append(troponyms[p.target], s)
			}
		}
	}
	for _, s := range d.synsets {
		for _, p := range s.ptrs {
			t := d.synsets[p.target]
			if t == nil {
				continue
			}
			switch {
			case p.symbol == "+" && p.src > 0 && p.dst > 0 && p.src <= len(s.words) && p.dst <= len(t.words):
				a, b := s.words[p.src-1], t.words[p.dst-1]
				if d.usable(a, s.offsetK, relatedRank) && d.usable(b, t.offsetK, relatedRank) {
					add("d", a, b)
				}
			case p.symbol == "&" && s.pos == 's' && t.pos == 'a':
				for _, a := range s.words {
					if r := d.rank[a][s.offsetK]; r < 1 || r > relatedRank {
						continue
					}
					for _, b := range t.words {
						if r := d.rank[b][t.offsetK]; r >= 1 && r <= relatedRank {
							add("a", a, b)
						}
					}
				}
			case p.symbol == "@" && (s.pos == 'v' || s.pos == 'n') && len(troponyms[p.target]) <= maxTroponyms:
				kind := "h"
				if s.pos == 'n' {
					kind = "n"
				}
				for _, a := range s.words {
					if !d.usable(a, s.offsetK, relatedRank) {
						continue
					}
					for _, b := range t.words {
						if d.usable(b, t.offsetK, relatedRank) {
							add(kind, a, b)
						}
					}
				}
			}
		}
	}
	if say := d.synsets[sayingSynset]; say != nil {
		group := []*synset{say}
		group = append(group, troponyms[sayingSynset]...)
		if report := d.synsets[reportSynset]; report != nil {
			group = append(group, report)
		}
		for _, s := range group {
			for _, w := range s.words {
				if d.usable(w, s.offsetK, sayingRank) {
					add("s", w, "")
				}
			}
		}
	}
	for _, w := range d.reciprocal {
		add("r", w, "")
	}
	for _, pair := range d.capitals() {
		add("c", pair[0], pair[1])
	}
	for _, pair := range d.countries() {
		add("k", pair[0], pair[1])
	}
	for _, pair := range d.within() {
		if line := "w\t" + pair[0] + "\t" + pair[1]; !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	}
	// Phrasal verbs written as one word with the particle in front, in
	// the same synset as the phrase ("downplay" and "play down"), any rank:
	// they are one verb spelled two ways.
	for _, s := range d.synsets {
		if s.pos != 'v' {
			continue
		}
		for _, ph := range s.words {
			verb, particle, ok := strings.Cut(ph, " ")
			if !ok || strings.Contains(particle, " ") {
				continue
			}
			for _, w := range s.words {
				if w == particle+verb {
					add("p", w, ph)
				}
			}
		}
	}
	// Hypernyms of verbs, one step up, kept in their direction: the
	// troponym first ("plummet" → "drop", "drop" → "fall"), both through
	// one of their first relatedRank senses, the hypernym in common use,
	// whatever the number of troponyms: the claim checker climbs two steps from two verbs and
	// asks whether they reach the two sides of an antonym pair.
	for _, s := range d.synsets {
		if s.pos != 'v' {
			continue
		}
		for _, p := range s.ptrs {
			t := d.synsets[p.target]
			if p.symbol != "@" || t == nil {
				continue
			}
			for _, a := range s.words {
				if r := d.rank[a][s.offsetK]; r == 0 || r > relatedRank {
					continue // any verb, rare ones too ("plummet"), by its first senses
				}
				for _, b := range t.words {
					if a != b && d.usable(b, t.offsetK, relatedRank) {
						if line := "u\t" + a + "\t" + b; !seen[line] {
							seen[line] = true
							lines = append(lines, line)
						}
					}
				}
			}
		}
	}
	sort.Strings(lines)
	return lines
}

// within pairs every word of a named place (an instance, "@i") with every
// word of each named place it is part of ("#p"), up to withinDepth steps
// up (geneva / switzerland, los angeles / california, los angeles /
// united states), in that order: a place is in the larger ones, so news
// that names the city says where in the country.
func (d *db) within() [][2]string {
	var out [][2]string
	instance := func(s *synset) bool {
		for _, p := range s.ptrs {
			if p.symbol == "@i" {
				return true
			}
		}
		return false
	}
	for _, s := range d.synsets {
		if s.pos != 'n' || !instance(s) {
			continue
		}
		frontier := []*synset{s}
		for step := 0; step < withinDepth && len(frontier) > 0; step++ {
			var next []*synset
			for _, f := range frontier {
				for _, p := range f.ptrs {
					t := d.synsets[p.target]
					if p.symbol != "#p" || t == nil || !instance(t) {
						continue
					}
					next = append(next, t)
					for _, a := range s.words {
						for _, b := range t.words {
							if a != b {
								out = append(out, [2]string{a, b})
							}
						}
					}
				}
			}
			frontier = next
		}
	}
	return out
}

// withinDepth bounds how many part-holonym steps within climbs: a city,
// its state or region, its country.
const withinDepth = 3

// nationalCapital is WordNet 3.0's noun synset "national capital" (the
// capital city of a nation), and countrySynset its "country, state, land"
// (the territory occupied by a nation).
const (
	nationalCapital = "n08691669"
	countrySynset   = "n08544813"
)

// capitals pairs every word of each instance (@i) of nationalCapital with
// every word of the country it is part of: the first synset up its part
// holonyms (#p), at most two steps (Washington is part of the District of
// Columbia, which is part of the United States), that is an instance of a
// kind of country (countrySynset up to three hypernym steps above).
func (d *db) capitals() [][2]string {
	var out [][2]string
	for _, s := range d.synsets {
		if !d.instanceOf(s, nationalCapital, 0) {
			continue
		}
		frontier := []*synset{s}
		for step := 0; step < 2 && len(frontier) > 0; step++ {
			var next []*synset
			for _, f := range frontier {
				for _, p := range f.ptrs {
					t := d.synsets[p.target]
					if p.symbol != "#p" || t == nil {
						continue
					}
					if !d.instanceOf(t, countrySynset, 3) {
						next = append(next, t)
						continue
					}
					for _, a := range s.words {
						for _, b := range t.words {
							out = append(out, [2]string{a, b})
						}
					}
					next = nil
					step = 2
				}
			}
			frontier = next
		}
	}
	return out
}

// countries pairs every word of each country (an instance of a kind of
// countrySynset, up to three hypernym steps above it, as capitals reads
// countries) with the first word of its synset, and every adjective that
// WordNet says pertains ("\\") to a word of a country synset with that same
// first word: "us", "usa", "america" and "american" with "united states";
// "britain", "uk" and "british" with "united kingdom" ("British"
// pertains to "Great Britain", a word of that synset). A word of several
// countries ("china") is paired with each.
func (d *db) countries() [][2]string {
	var out [][2]string
	byWord := map[string][]string{} // a word of a country synset → the synsets' first words
	for _, s := range d.synsets {
		if s.pos != 'n' || !d.instanceOf(s, countrySynset, 3) {
			continue
		}
		for _, w := range s.words {
			out = append(out, [2]string{w, s.words[0]})
			byWord[w] = append(byWord[w], s.words[0])
		}
	}
	for _, s := range d.synsets {
		if s.pos != 'a' && s.pos != 's' {
			continue
		}
		for _, p := range s.ptrs {
			t := d.synsets[p.target]
			if p.symbol != "\\" || t == nil || p.src < 1 || p.src > len(s.words) || p.dst < 1 || p.dst > len(t.words) {
				continue
			}
			adj := s.words[p.src-1]
			if s.lower[adj] {
				continue // a common adjective ("national") names no country
			}
			for _, key := range byWord[t.words[p.dst-1]] {
				out = append(out, [2]string{adj, key})
			}
		}
	}
	return out
}

// instanceOf reports whether s is an instance (@i) of target, or of a
// synset at most depth hypernym (@) steps below it.
func (d *db) instanceOf(s *synset, target string, depth int) bool {
	for _, p := range s.ptrs {
		if p.symbol == "@i" && d.below(p.target, target, depth) {
			return true
		}
	}
	return false
}

// below reports whether synset key is target or lies at most depth
// hypernym steps under it.
func (d *db) below(key, target string, depth int) bool {
	if key == target {
		return true
	}
	s := d.synsets[key]
	if s == nil || depth == 0 {
		return false
	}
	for _, p := range s.ptrs {
		if p.symbol == "@" && d.below(p.target, target, depth-1) {
			return true
		}
	}
	return false
}

// synonyms returns the synonym sets, one per line, members tab-separated:
// synsets of any part of speech, restricted to the single- and multi-word
// members for which the synset is among their first synonymRank senses, kept
// when at least two members remain and at most maxSynset do.
func (d *db) synonyms() []string {
	seen := map[string]bool{}
	var lines []string
	for _, s := range d.synsets {
		var keep []string
		dup := map[string]bool{}
		for _, w := range s.words {
			if !dup[w] && d.usable(w, s.offsetK, synonymRank) {
				dup[w] = true
				keep = append(keep, w)
			}
		}
		if len(keep) < 2 || len(keep) > maxSynset {
			continue
		}
		sort.Strings(keep)
		line := strings.Join(keep, "\t")
		if !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	}
	sort.Strings(lines)
	return lines
}

// lemmaLines lists single-word nouns, verbs and adjectives with their parts of
// speech, so that the morphological rules can check a candidate base form as
// morphy does. Left out: adverbs (morphy has no rules for them), names
// (lemmas WordNet only ever spells with a capital in that part of speech) and lemmas
// with characters other than letters, hyphens and apostrophes.
func (d *db) lemmaLines() []string {
	lines := make([]string, 0, len(d.lemmas))
	for w, pos := range d.lemmas {
		if strings.IndexFunc(w, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-' || r == '\'') }) >= 0 {
			continue
		}
		pos = strings.Map(func(r rune) rune {
			if r == 'r' || !strings.ContainsRune(d.common[w], r) {
				return -1
			}
			return r
		}, pos)
		if pos == "" {
			continue
		}
		b := []byte(pos)
		sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
		lines = append(lines, w+"\t"+string(b))
	}
	sort.Strings(lines)
	return lines
}

// lexfileRank bounds the senses whose lexicographer files are kept: a word's
// rarer senses (say as a noun, "have one's say") would otherwise make it a
// member of classes it seldom belongs to.
const lexfileRank = 3

// lexfileLines gives, for each single-word noun and verb WordNet writes in
// lower case (names are left out), the lexicographer files of its first lexfileRank senses in that
// part of speech, most frequent first and each once: "lawyer<tab>n<tab>18",
// "say<tab>v<tab>32 31". The numbers are WordNet's (lexnames(5WN)): 18 is
// noun.person, 32 verb.communication.
func (d *db) lexfileLines() []string {
	var lines []string
	for w, senses := range d.rank {
		if strings.IndexFunc(w, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-' || r == '\'') }) >= 0 {
			continue
		}
		for _, pos := range []string{"n", "v"} {
			if !strings.Contains(d.common[w], pos) {
				continue
			}
			files := make([]string, lexfileRank)
			for key, r := range senses {
				if key[:1] == pos && r <= lexfileRank {
					files[r-1] = d.synsets[key].lex
				}
			}
			var kept []string
			for _, f := range files {
				if f != "" && !slices.Contains(kept, f) {
					kept = append(kept, f)
				}
			}
			if len(kept) > 0 {
				lines = append(lines, w+"\t"+pos+"\t"+strings.Join(kept, " "))
			}
		}
	}
	sort.Strings(lines)
	return lines
}

// roleDepth is how many hypernym steps above a person noun's synsets the
// synsets kept in roles.txt.gz go.
const roleDepth = 2

// roleLines gives, for each single-word noun WordNet writes in lower case
// and files under noun.person through any of its senses in which it is
// written in lower case, however rare ("head" in the sense of chief is its
// fourth; "park" as Mungo Park is a name, not a role),
// whether SemCor tags it or not ("pontiff" is as much a pope as "pope"):
// "word<tab>synsets<tab>hypernyms", the offsets of those senses' synsets
// and of the noun.person synsets up to roleDepth hypernym ("@") steps
// above them, space-separated and sorted.
func (d *db) roleLines() []string {
	var lines []string
	for w, senses := range d.rank {
		if !strings.Contains(d.common[w], "n") || strings.IndexFunc(w, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-') }) >= 0 {
			continue
		}
		own, up := map[string]bool{}, map[string]bool{}
		for key := range senses {
			s := d.synsets[key]
			if key[:1] != "n" || s == nil || s.lex != "18" || !s.lower[w] {
				continue
			}
			own[key[1:]] = true
			level := []*synset{s}
			for step := 0; step < roleDepth; step++ {
				var next []*synset
				for _, t := range level {
					for _, p := range t.ptrs {
						if h := d.synsets[p.target]; p.symbol == "@" && h != nil && h.lex == "18" {
							up[p.target[1:]] = true
							next = append(next, h)
						}
					}
				}
				level = next
			}
		}
		if len(own) == 0 {
			continue
		}
		lines = append(lines, w+"\t"+strings.Join(sortedKeys(own), " ")+"\t"+strings.Join(sortedKeys(up), " "))
	}
	sort.Strings(lines)
	return lines
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// readExceptions reads the four exception lists: "POS<tab>inflected<tab>base".
func readExceptions(dir string) ([]string, error) {
	var lines []string
	for _, p := range []struct{ file, pos string }{{"noun.exc", "n"}, {"verb.exc", "v"}, {"adj.exc", "a"}, {"adv.exc", "r"}} {
		err := eachLine(filepath.Join(dir, p.file), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 2 {
				return fmt.Errorf("%s: short line %q", p.file, line)
			}
			for _, base := range f[1:] {
				lines = append(lines, p.pos+"\t"+normalise(f[0])+"\t"+normalise(base))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(lines)
	return lines, nil
}

// readLicence takes the licence from the header every data file carries.
func readLicence(path string) (string, error) {
	var b strings.Builder
	err := eachLine(path, func(line string) error {
		if !strings.HasPrefix(line, "  ") {
			return errStop
		}
		f := strings.SplitN(strings.TrimLeft(line, " "), " ", 2)
		text := ""
		if len(f) == 2 {
			text = strings.TrimRight(f[1], " ")
		}
		b.WriteString(text + "\n")
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return "", err
	}
	return b.String(), nil
}

var errStop = errors.New("stop")

func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if err := fn(sc.Text()); err != nil {
			if errors.Is(err, errStop) {
				return err
			}
			return fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return nil
}

// writeGzip writes the lines gzipped and returns the file's size.
func writeGzip(path string, lines []string) (int, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	for _, l := range lines {
		if _, err := zw.Write([]byte(l + "\n")); err != nil {
			return 0, err
		}
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), os.WriteFile(path, buf.Bytes(), 0o644)
}

// maxNameSynset bounds the proper-name synsets kept: larger ones are
// countries with every form of their name ("United States", "USA",
// "America" …), which the checker already folds by its own aliases.
const maxNameSynset = 6

// americanState is WordNet 3.0's synset "American state", of which each of
// the fifty states is an instance.
const americanState = "n08655464"

// apStates are the abbreviations The Associated Press Stylebook gives for
// the names of 42 US states, which news written in its style puts after a
// city ("Munford, Tenn.", "Melbourne Beach, Fla."); it spells out Alaska,
// Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah. WordNet writes a few
// ("Calif.", "Pa.") and not most ("Tenn.", "Fla."). They are written as
// the checks read them, without their stops, and dotted initials joined
// ("N.H." is read "NH") or, where a capital follows a stop, as two words
// ("W.Va."); nameLines adds each to its state's names.
var apStates = map[string]string{
	"alabama": "ala", "arizona": "ariz", "arkansas": "ark", "california": "calif",
	"colorado": "colo", "connecticut": "conn", "delaware": "del", "florida": "fla",
	"georgia": "ga", "illinois": "ill", "indiana": "ind", "kansas": "kan",
	"kentucky": "ky", "louisiana": "la", "maryland": "md", "massachusetts": "mass",
	"michigan": "mich", "minnesota": "minn", "mississippi": "miss", "missouri": "mo",
	"montana": "mont", "nebraska": "neb", "nevada": "nev", "new hampshire": "nh",
	"new jersey": "nj", "new mexico": "nm", "new york": "ny", "north carolina": "nc",
	"north dakota": "nd", "oklahoma": "okla", "oregon": "ore", "pennsylvania": "pa",
	"rhode island": "ri", "south carolina": "sc", "south dakota": "sd", "tennessee": "tenn",
	"vermont": "vt", "virginia": "va", "washington": "wash", "west virginia": "w va",
	"wisconsin": "wis", "wyoming": "wyo",
}

// nameLines lists the ways WordNet writes one name. Each line holds the
// words of a noun synset that WordNet writes only with capitals, two or
// more ("Federal Reserve System", "Federal Reserve", "Fed", "FRS"), and
// each adjective written with a capital beside the capitalised noun it
// pertains to (WordNet's pertainym pointer "\\": "Turkish" and "Turkey",
// "Chinese" and "China"), which news uses before a title for the country
// itself ("Turkish President Erdoğan", "President Erdoğan of Turkey").
// A state's line also holds its AP abbreviation (apStates); a state of
// apStates that WordNet lacks is an error.
func (d *db) nameLines() ([]string, error) {
	seen := map[string]bool{}
	abbreviated := map[string]bool{} // the states of apStates found
	var lines []string
	add := func(words []string) {
		keep := sortedUnique(words)
		if len(keep) < 2 {
			return
		}
		if line := strings.Join(keep, "\t"); !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	}
	for _, s := range d.synsets {
		switch {
		case s.pos == 'n' && len(s.lower) == 0 && len(s.words) >= 1 && d.instanceOf(s, americanState, 0) && apStates[s.words[0]] != "":
			add(append(slices.Clone(s.words), apStates[s.words[0]]))
			abbreviated[s.words[0]] = true
		case s.pos == 'n' && len(s.lower) == 0 && len(s.words) >= 2 && len(s.words) <= maxNameSynset:
			add(s.words)
		case s.pos == 'a' || s.pos == 's':
			for _, p := range s.ptrs {
				if p.symbol != "\\" || p.src == 0 || p.dst == 0 || !strings.HasPrefix(p.target, "n") {
					continue
				}
				t := d.synsets[p.target]
				adj := s.words[p.src-1]
				if t == nil || s.lower[adj] || p.dst > len(t.words) || t.lower[t.words[p.dst-1]] {
					continue
				}
				add([]string{adj, t.words[p.dst-1]})
			}
		}
	}
	for state := range apStates {
		if !abbreviated[state] {
			return nil, fmt.Errorf("names: WordNet has no American state %q for its AP abbreviation", state)
		}
	}
	sort.Strings(lines)
	return lines, nil
}

func sortedUnique(words []string) []string {
	out := slices.Clone(words)
	sort.Strings(out)
	return slices.Compact(out)
}
