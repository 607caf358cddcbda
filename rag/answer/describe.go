// People asked about by description: "the russian president", "the uk pm".

package answer

import (
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// titledName is a name the coverage writes after a country and a role
// ("Russian President Vladimir Putin"): the country word, the role and the
// name.
type titledName struct {
	country string
	role    role
	name    string
}

// role is a person noun with the words that narrow it, lower case: "prime"
// of "prime minister", "state" of "secretary of state".
type role struct {
	head string
	mods []string
}

// roleAt reads a role from words[i]: at most maxRoleWords words up to the
// first that can name a person (its head), with a complement of "of" and
// one word after it ("Secretary of State"). It returns the role and the
// index after it, or -1 when no head is found; a head in the plural ("the
// us marshals") is no one person's role.
func roleAt(words []string, i int) (role, int) {
	var r role
	for j := i; j < len(words) && j < i+maxRoleWords; j++ {
		w, closed := bareWord(strings.ToLower(words[j]))
		w = strings.TrimSuffix(w, possessiveSuffix(w))
		parts := roleWords(w)
		if head := parts[len(parts)-1]; firstPerson(head) {
			if pluralNoun(head) {
				return role{}, -1
			}
			r.head, r.mods = head, append(r.mods, parts[:len(parts)-1]...)
			end := j + 1
			if _, shut := bareWord(words[j]); !shut && possessiveSuffix(words[j]) == "" && end+1 < len(words) && strings.EqualFold(words[end], "of") {
				if c, _ := bareWord(strings.ToLower(words[end+1])); len(lexicon.CountryNames(c)) == 0 && lexicon.IsNoun(c) {
					r.mods = append(r.mods, c)
					end += 2
				}
			}
			return r, end
		}
		r.mods = append(r.mods, parts...)
		if closed || possessiveSuffix(words[j]) != "" {
			break
		}
	}
	return role{}, -1
}

// resolveDescriptions writes into a question the name of the person it
// asks about by a description, a country and a role, as its subject ("what
// did the russian president say", "where is the uk pm going"; not "say to
// the french president", which the rules that read descriptions judge more
// strictly than a name), when the passages found tie that description to
// one person: news writes the country and the role
// before a name at its first mention ("Russian President Vladimir Putin",
// "Ukraine's President Volodymyr Zelensky"), and later only the name or the
// description. The description stands then for the name, and the rest of
// the answerer reads the question as if it had named them. The role of the
// passages must be the question's or one it includes ("the ukrainian
// leader" is the president), with no word the question lacks ("Foreign
// Minister" is not "the russian minister"'s only reading, and not "the uk
// pm"'s), and nobody described as a former holder counts. A description the
// passages give to no one, or to several people, is left as it is.
func resolveDescriptions(question string, hits []rag.Hit) string {
	words := strings.Fields(question)
	var titled []titledName
	learned := false
	for i := 1; i < len(words); i++ {
		// The subject stands right after the auxiliary.
		if aux, _ := bareWord(strings.ToLower(words[i-1])); !auxiliaries[aux] {
			continue
		}
		end, country, r := questionDescription(words, i)
		if end < 0 {
			continue
		}
		if !learned {
			for _, h := range hits {
				titled = append(titled, titledNames(h.Text)...)
			}
			learned = true
		}
		name := describedName(titled, country, r)
		if name == "" {
			continue
		}
		// Keep what ends the last word ("president's", "leader?").
		last := words[end-1]
		bare, _ := bareWord(last)
		tail := last[len(bare):]
		if p := possessiveSuffix(bare); p != "" {
			tail = p + tail
		}
		words = append(words[:i], append([]string{name + tail}, words[end:]...)...)
	}
	return strings.Join(words, " ")
}

// possessiveSuffix is the possessive ending of a word ("'s", "’s"), or "".
func possessiveSuffix(w string) string {
	for _, a := range []string{"'s", "’s", "‘s"} {
		if strings.HasSuffix(w, a) {
			return a
		}
	}
	return ""
}

// questionDescription reads a description at words[i]: "the", a country
// word and a role ("the russian president", "the british prime minister",
// "the uk pm", for WordNet writes "PM" for "prime minister", "the us
// secretary of state"). It returns the end of the description (-1 when
// there is none), the country word and the role.
func questionDescription(words []string, i int) (end int, country string, r role) {
	if i+2 >= len(words) {
		return -1, "", role{}
	}
	if det, closed := bareWord(strings.ToLower(words[i])); det != "the" || closed {
		return -1, "", role{}
	}
	c, n := countryAt(words, i+1)
	if n == 0 {
		return -1, "", role{}
	}
	r, end = roleAt(words, i+1+n)
	return end, c, r
}

// countryAt reads a country word at words[i], of one word or two ("sri
// lankan", "south korean"), lower case, as WordNet names countries and the
// adjectives that pertain to them (lexicon.CountryNames): the country and
// how many words it takes, 0 when there is none.
func countryAt(words []string, i int) (string, int) {
	one, closed := bareWord(strings.ToLower(words[i]))
	if !closed && i+1 < len(words) {
		two, _ := bareWord(strings.ToLower(words[i+1]))
		if len(lexicon.CountryNames(one+" "+two)) > 0 {
			return one + " " + two, 2
		}
	}
	if closed || len(lexicon.CountryNames(one)) == 0 {
		return "", 0
	}
	return one, 1
}

// roleWords gives the words of a role written as an abbreviation that
// WordNet expands to a title ("pm" → "prime minister"), or the word.
func roleWords(w string) []string {
	if firstPerson(w) {
		return []string{w}
	}
	if titles := abbreviatedTitles(w); len(titles) > 0 {
		return titles[0]
	}
	return []string{w}
}

// titledNames finds in a text the names written after a country word and
// a role: "Russian President Vladimir Putin", "Ukraine's President
// Volodymyr Zelensky", "UK Prime Minister Boris Johnson". The role's words
// may be capitalised or not; its last must name a person; the name is the
// run of capitalised words after it. A former holder ("former US President
// Donald Trump") is left out.
func titledNames(text string) []titledName {
	words := strings.Fields(text)
	var out []titledName
	for i := 0; i+2 < len(words); i++ {
		if !upperInitial(words[i]) {
			continue
		}
		country, n := countryAt(passageCountryWords(words, i), 0)
		if n == 0 {
			continue
		}
		if i > 0 {
			if prev, _ := bareWord(strings.ToLower(words[i-1])); prev == "former" || prev == "ex" {
				continue
			}
		}
		r, j := roleAt(words, i+n)
		if j < 0 || j >= len(words) {
			continue
		}
		if _, closed := bareWord(words[j-1]); closed {
			continue // "the Russian president." names no one after it
		}
		var name []string
		for k := j; k < len(words) && len(name) < 3; k++ {
			w, closed := bareWord(words[k])
			if !upperInitial(w) {
				break
			}
			if p := possessiveSuffix(w); p != "" {
				name = append(name, strings.TrimSuffix(w, p))
				break // "Vladimir Putin's"
			}
			name = append(name, w)
			if closed {
				break
			}
		}
		if len(name) == 0 {
			continue
		}
		out = append(out, titledName{country: country, role: r, name: strings.Join(name, " ")})
		i = j
	}
	return out
}

// passageCountryWords gives the two words of a text at i as countryAt reads
// them: a possessive taken off ("Ukraine's"), and the stops of "U.S." and
// "U.K.".
func passageCountryWords(words []string, i int) []string {
	var out []string
	for _, w := range words[i:min(i+2, len(words))] {
		w = strings.TrimSuffix(w, possessiveSuffix(w))
		if strings.Count(w, ".") >= 2 {
			w = strings.ReplaceAll(w, ".", "")
		}
		out = append(out, w)
	}
	return out
}

// describedName is the one name the coverage gives a country and a role
// (see resolveDescriptions), or "": the longest way it writes the name, when
// every name it gives them ends in the same word.
func describedName(titled []titledName, country string, r role) string {
	best, surname := "", ""
	for _, t := range titled {
		if t.country != country && !lexicon.SameCountry(t.country, country) {
			continue
		}
		if t.role.head != r.head && !lexicon.RoleIncludes(r.head, t.role.head) {
			continue
		}
		extra := false
		for _, w := range t.role.mods {
			extra = extra || !slices.Contains(r.mods, w)
		}
		if extra {
			continue // "Foreign Minister" is not every minister
		}
		parts := strings.Fields(t.name)
		last := strings.ToLower(parts[len(parts)-1])
		switch {
		case surname == "":
			surname = last
		case surname != last:
			return "" // two people
		}
		if len(t.name) > len(best) {
			best = t.name
		}
	}
	return best
}
