package quote

import (
	"sort"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
)

func subsetOf(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	for _, t := range a {
		found := false
		for _, u := range b {
			if sameNameWord(t, u) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sameNameWord compares two words of names, forgiving the one-letter
// differences of transliteration ("Zelensky", "Zelenskyy") in long words.
func sameNameWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 6 || len(b) < 6 || max(len(a), len(b))-min(len(a), len(b)) != 1 {
		return false
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

func sameTokens(a, b []string) bool { return subsetOf(a, b) && subsetOf(b, a) }

// NamesMatch reports whether two ways of naming a speaker may mean the same
// one: the words of one (without titles, "Mr", "Sir" or "the") are all in
// the other. "Bolton" matches "John Bolton", "Mr Zelenskyy" matches
// "Volodymyr Zelenskyy", "Downing Street" matches "A Downing Street
// spokesperson".
func NamesMatch(a, b string) bool {
	ta, tb := nameTokens(a), nameTokens(b)
	return subsetOf(ta, tb) || subsetOf(tb, ta)
}

// Speakers lists everyone quotations qs are by or about, once each under the
// fullest name any of them gives, sorted; for autocompletion.
func Speakers(qs []rag.Quote) []string {
	var names []string
	for _, q := range qs {
		names = append(names, q.Speaker)
		if q.About != "" {
			names = append(names, q.About)
		}
	}
	groups := GroupNames(names)
	shared := sharedBare(groups)
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		c := groups[n]
		if shared[c] {
			continue // a surname two people share names neither
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

// SameName reports whether two ways of naming a speaker have the same
// words, titles and "Mr" aside: "President Joe Biden" and "Joe Biden".
func SameName(a, b string) bool { return sameTokens(nameTokens(a), nameTokens(b)) }

// SharedNames returns, of the names groups maps to (see GroupNames),
// those that are a bare part of two or more different fuller names: a
// surname two people the coverage quotes share ("Biden" beside "Jill
// Biden" and "Joe Biden"). Quotations under such a name are given to
// neither person.
func SharedNames(groups map[string]string) map[string]bool { return sharedBare(groups) }

// Candidates returns the people among names that person may mean, each
// once under its fullest name (see GroupNames), sorted. A bare name that
// two fuller names share ("Biden" beside "Jill Biden" and "Joe Biden") is
// no person of its own and is left out; more than one candidate means the
// name is ambiguous.
func Candidates(person string, names []string) []string {
	groups := GroupNames(names)
	shared := sharedBare(groups)
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		g := groups[n]
		if seen[g] || !NamesMatch(person, g) || shared[g] {
			continue
		}
		seen[g] = true
		out = append(out, g)
	}
	sort.Strings(out)
	return out
}

// sharedBare returns the names of groups (as GroupNames makes them) that
// are a part of two or more different fuller names: a surname two people
// share. Names are indexed by word, as GroupNames does, so that this stays
// fast on thousands of speakers.
func sharedBare(groups map[string]string) map[string]bool {
	tokens := map[string][]string{}
	byKey := map[string][]string{}
	for _, g := range groups {
		if _, ok := tokens[g]; ok {
			continue
		}
		tokens[g] = nameTokens(g)
		seen := map[string]bool{}
		for _, t := range tokens[g] {
			for _, k := range nameWordKeys(t) {
				if !seen[k] {
					seen[k] = true
					byKey[k] = append(byKey[k], g)
				}
			}
		}
	}
	out := map[string]bool{}
	for g, toks := range tokens {
		var fuller [][]string
		for _, m := range candidateNames(toks, byKey) {
			mt := tokens[m]
			if len(mt) <= len(toks) || !subsetOf(toks, mt) {
				continue
			}
			dup := false
			for _, f := range fuller {
				if sameTokens(f, mt) {
					dup = true
					break
				}
			}
			if !dup {
				fuller = append(fuller, mt)
			}
		}
		if len(fuller) > 1 {
			out[g] = true
		}
	}
	return out
}

// groupNames maps each name to the fullest name that contains it, when only
// one does: across articles "Sir Keir" and "Starmer" both become "Sir Keir
// Starmer", while "John" stays "John" if two Johns are quoted.
func GroupNames(names []string) map[string]string {
	tokens := map[string][]string{}
	for _, n := range names {
		if _, ok := tokens[n]; !ok {
			tokens[n] = nameTokens(n)
		}
	}
	// Two name words can match only if they share a key (see nameWordKeys),
	// so a name's candidates are the names filed under the keys of one of
	// its words: comparing every pair of names took minutes on a corpus of
	// a few thousand speakers.
	byKey := map[string][]string{}
	for n, toks := range tokens {
		seen := map[string]bool{}
		for _, t := range toks {
			for _, k := range nameWordKeys(t) {
				if !seen[k] {
					seen[k] = true
					byKey[k] = append(byKey[k], n)
				}
			}
		}
	}
	out := make(map[string]string, len(tokens))
	for n, toks := range tokens {
		best, bestN := n, len(toks)
		var rivals []string
		for _, m := range candidateNames(toks, byKey) {
			mt := tokens[m]
			if m == n || !subsetOf(toks, mt) {
				continue
			}
			switch {
			case len(mt) > bestN:
				best, bestN, rivals = m, len(mt), nil
			case len(mt) == bestN && !sameTokens(tokens[best], mt):
				rivals = append(rivals, m)
			case len(mt) == bestN && len(m) > len(best):
				best = m
			}
		}
		if len(rivals) > 0 {
			best = n
		}
		out[n] = best
	}
	return out
}

// nameWordKeys are the keys under which a name word is filed: the word, and
// for a long word the word less its last letter, so that two words
// sameNameWord matches ("zelensky", "zelenskyy") always share one.
func nameWordKeys(t string) []string {
	if len(t) >= 7 {
		return []string{t, t[:len(t)-1]}
	}
	return []string{t}
}

// candidateNames returns the names filed under the keys of the word of toks
// with the fewest names: any name that holds all of toks is among them.
func candidateNames(toks []string, byKey map[string][]string) []string {
	var best []string
	found := false
	for _, t := range toks {
		var c []string
		seen := map[string]bool{}
		for _, k := range nameWordKeys(t) {
			for _, m := range byKey[k] {
				if !seen[m] {
					seen[m] = true
					c = append(c, m)
				}
			}
		}
		if !found || len(c) < len(best) {
			best, found = c, true
		}
	}
	sort.Strings(best) // a stable order, so ties between rivals resolve the same way every run
	return best
}
