package lexicon

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"testing"
)

func TestAreAntonyms(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		// direct antonyms, and through inflected forms
		{"rise", "fall", true},
		{"rose", "fell", true},
		{"rising", "falls", true},
		{"win", "lose", true},
		{"won", "lost", true},
		{"increase", "decrease", true},
		{"strengthen", "weaken", true},
		{"positive", "negative", true},
		{"above", "below", true},
		{"higher", "lower", true},
		{"heaviest", "lightest", true},
		// the antonym's synonyms: disapprove's synset holds reject
		{"approve", "reject", true},
		{"approved", "rejected", true},
		{"accept", "refuse", true},
		{"accepted", "refused", true},
		// a verb of change under an opposed hypernym: cut under decrease
		{"increase", "cut", true},
		// derivations of a direct pair
		{"approval", "disapproval", true},
		// verbs of stance, by their definitions: support is "be behind",
		// oppose "be against"; and the nouns of those acts
		{"support", "oppose", true},
		{"supported", "opposed", true},
		{"endorse", "veto", true},
		// verbs of furthering and hindering, by their definitions: promote
		// is "contribute to the progress or growth of", hamper "prevent the
		// progress or free movement of"
		{"promoting", "hampering", true},
		{"encourage", "obstruct", true},
		{"promote", "encourage", false},
		{"advocate", "oppose", true},
		{"support", "opposition", true},
		// a stance verb spelt like an adjective or adverb is left out
		{"negative", "support", false},
		{"back", "oppose", false},
		// order does not matter, case and spacing do not either
		{"Fall", " RISE ", true},
		// not opposites
		{"rise", "increase", false},
		{"rise", "rise", false},
		{"win", "victory", false},
		{"talks", "negotiations", false},
		{"", "fall", false},
		{"zelenskyy", "starmer", false},
	}
	for _, tt := range tests {
		if got := AreAntonyms(tt.a, tt.b); got != tt.want {
			t.Errorf("AreAntonyms(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := AreAntonyms(tt.b, tt.a); got != tt.want {
			t.Errorf("AreAntonyms(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestAntonyms(t *testing.T) {
	for _, tt := range []struct {
		word string
		has  []string
		not  []string
	}{
		{"rise", []string{"fall", "descend"}, []string{"rise", "increase"}},
		{"rose", []string{"fall"}, nil},
		{"win", []string{"lose"}, []string{"win", "gain"}},
		{"approve", []string{"disapprove", "reject"}, nil},
	} {
		got := Antonyms(tt.word)
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("Antonyms(%q) = %q: not sorted and unique", tt.word, got)
		}
		for _, w := range tt.has {
			if !slices.Contains(got, w) {
				t.Errorf("Antonyms(%q) = %q, want it to hold %q", tt.word, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("Antonyms(%q) = %q, want it without %q", tt.word, got, w)
			}
		}
		for _, w := range got {
			if !AreAntonyms(w, tt.word) {
				t.Errorf("Antonyms(%q) holds %q, but AreAntonyms(%q, %q) is false", tt.word, w, w, tt.word)
			}
		}
	}
	if got := Antonyms("qzxv"); got != nil {
		t.Errorf("Antonyms of an unknown word = %q, want nil", got)
	}
}

func TestSynonyms(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"begin", "start", true},
		{"began", "commenced", true},
		{"talks", "negotiations", true},
		{"support", "endorse", true},
		{"rise", "go up", true},
		{"hurry", "hasten", true},
		// a word, in any form, is not its own synonym
		{"rise", "rose", false},
		{"begin", "begin", false},
		{"rise", "fall", false},
		{"", "start", false},
	}
	for _, tt := range tests {
		if got := AreSynonyms(tt.a, tt.b); got != tt.want {
			t.Errorf("AreSynonyms(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	got := Synonyms("Begin")
	if !slices.Contains(got, "start") || slices.Contains(got, "begin") || !slices.IsSorted(got) {
		t.Errorf("Synonyms(Begin) = %q, want sorted, with start, without begin", got)
	}
	if got := Synonyms("qzxv"); got != nil {
		t.Errorf("Synonyms of an unknown word = %q, want nil", got)
	}
}

func TestBase(t *testing.T) {
	tests := map[string]string{
		// exception lists
		"rose":     "rise",
		"was":      "be",
		"children": "child",
		"left":     "leave",
		"saw":      "see",
		"stopped":  "stop",
		// regular rules, checked against the lemma list
		"rising":       "rise",
		"talks":        "talk",
		"warns":        "warn",
		"lasted":       "last",
		"negotiations": "negotiation",
		"tariffs":      "tariff",
		"buses":        "bus",
		"flies":        "fly",
		"heaviest":     "heavy",
		// already a base form (as a verb, tried first)
		"better": "better",
		"news":   "news",
		// unknown words come back lower-cased
		"Zelenskyy":  "zelenskyy",
		"ceasefires": "ceasefires",
		"":           "",
	}
	for in, want := range tests {
		if got := Base(in); got != want {
			t.Errorf("Base(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBases(t *testing.T) {
	tests := map[string][]string{
		"saw":     {"see", "saw"},
		"better":  {"better", "good", "well"},
		"glasses": {"glass", "glasses"},
		"qzxv":    nil,
	}
	for in, want := range tests {
		if got := Bases(in); !slices.Equal(got, want) {
			t.Errorf("Bases(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTablesLoad(t *testing.T) {
	lx, err := parse()
	if err != nil {
		t.Fatal(err)
	}
	// Lower bounds well under what the generator writes today, so that a
	// truncated or empty table fails.
	if len(lx.antonyms) < 5000 || len(lx.synsets) < 5000 || len(lx.lemmas) < 50000 || len(lx.exceptions['v']) < 2000 {
		t.Errorf("tables look truncated: %d antonym words, %d synonym sets, %d lemmas, %d verb exceptions",
			len(lx.antonyms), len(lx.synsets), len(lx.lemmas), len(lx.exceptions['v']))
	}
}

func FuzzBases(f *testing.F) {
	for _, s := range []string{"rose", "negotiations", "", "ies", "s", "’", "go up", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range Bases(s) {
			if b == "" {
				t.Fatalf("Bases(%q) holds an empty form", s)
			}
		}
		_ = Base(s)
		_ = AreAntonyms(s, "fall")
		_ = AreSynonyms(s, "start")
	})
}

func TestIsVerb(t *testing.T) {
	for w, want := range map[string]bool{"informed": true, "beaten": true, "defeated": true, "criticised": true, "security": false, "largest": false, "pound": true} {
		if got := IsVerb(w); got != want {
			t.Errorf("IsVerb(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsNoun(t *testing.T) {
	for w, want := range map[string]bool{"shelves": true, "show": true, "children": true, "companies": true, "quickly": false, "popular": false, "the": false, "informed": false} {
		if got := IsNoun(w); got != want {
			t.Errorf("IsNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestInflections(t *testing.T) {
	tests := []struct {
		base string
		want []string // must be among the forms
		not  []string // must not be
	}{
		{"speak", []string{"spoke", "spoken"}, nil},
		{"leave", []string{"left"}, nil},
		{"fly", []string{"flew", "flown"}, nil},
		{"mouse", []string{"mice"}, nil},
		{"talk", nil, []string{"talked"}}, // regular: the stemmer's job
	}
	for _, tt := range tests {
		got := Inflections(tt.base)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Inflections(%q) = %v, want %q among them", tt.base, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("Inflections(%q) = %v, has %q", tt.base, got, w)
			}
		}
	}
	if got := Inflections("Speak"); !slices.Contains(got, "spoke") {
		t.Errorf("Inflections is not case-blind: %v", got)
	}
}

func TestDerivations(t *testing.T) {
	for word, want := range map[string]string{"negotiations": "negotiate", "negotiate": "negotiation", "back": "backing"} {
		if got := Derivations(word); !slices.Contains(got, want) {
			t.Errorf("Derivations(%q) = %v, want it to hold %q", word, got, want)
		}
	}
	if got := Derivations("zzzz"); got != nil {
		t.Errorf("Derivations of an unknown word = %v, want nil", got)
	}
}

func TestVerbNeighbours(t *testing.T) {
	if got := VerbNeighbours("landed"); !slices.Contains(got, "touch down") {
		t.Errorf("VerbNeighbours(landed) = %v, want it to hold touch down", got)
	}
	// change has hundreds of troponyms: too general to join anything.
	if got := VerbNeighbours("increase"); slices.Contains(got, "change") {
		t.Errorf("VerbNeighbours(increase) = %v, want no change", got)
	}
}

func TestNounNeighbours(t *testing.T) {
	if got := NounNeighbours("defeats"); !slices.Contains(got, "failure") {
		t.Errorf("NounNeighbours(defeats) = %v, want it to hold failure", got)
	}
	// entity, at the top, has far more than a few dozen hyponyms.
	if got := NounNeighbours("thing"); slices.Contains(got, "entity") || slices.Contains(got, "physical entity") {
		t.Errorf("NounNeighbours(thing) = %v, want no entity", got)
	}
}

func TestCountryCapital(t *testing.T) {
	if got := CountryCapital("US"); !slices.Contains(got, "washington") {
		t.Errorf("CountryCapital(US) = %v, want it to hold washington", got)
	}
	if got := CountryCapital("Moscow"); !slices.Contains(got, "russia") || slices.Contains(got, "ukraine") {
		t.Errorf("CountryCapital(Moscow) = %v, want russia and not ukraine", got)
	}
	if got := CountryCapital("lawyer"); got != nil {
		t.Errorf("CountryCapital(lawyer) = %v, want nil", got)
	}
}

func TestCountryNames(t *testing.T) {
	for _, c := range []struct {
		word string
		want []string
		not  []string
	}{
		{"American", []string{"us", "united states", "america"}, []string{"american", "canada"}},
		{"US", []string{"american", "america"}, []string{"us", "british"}},
		{"British", []string{"uk", "britain", "united kingdom"}, []string{"ireland"}},
		{"Ukrainian", []string{"ukraine"}, []string{"russia"}},
		{"kenyan", []string{"kenya"}, nil},
	} {
		got := CountryNames(c.word)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("CountryNames(%s) = %v, want it to hold %s", c.word, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("CountryNames(%s) = %v, want it not to hold %s", c.word, got, w)
			}
		}
	}
	for _, w := range []string{"lawyer", "national", "zzzz"} {
		if got := CountryNames(w); got != nil {
			t.Errorf("CountryNames(%s) = %v, want nil", w, got)
		}
	}
	if !SameCountry("american", "US") || !SameCountry("Britain", "british") || SameCountry("french", "german") || SameCountry("france", "France") {
		t.Error("SameCountry: want American/US and Britain/British one country, French/German two, and a name not the same as itself")
	}
}

func TestRoleIncludes(t *testing.T) {
	for _, c := range []struct {
		general, specific string
		want              bool
	}{
		{"leader", "president", true},
		{"president", "leader", false},
		{"pope", "pontiff", true},
		{"pontiff", "pope", true},
		{"legislator", "senators", true},
		{"senator", "congressman", false},
		{"leader", "table", false},
	} {
		if got := RoleIncludes(c.general, c.specific); got != c.want {
			t.Errorf("RoleIncludes(%s, %s) = %v, want %v", c.general, c.specific, got, c.want)
		}
	}
}

func TestSimilar(t *testing.T) {
	// arid is a satellite of dry; SemCor never tags it, and it is joined
	// all the same.
	if got := Similar("arid"); !slices.Contains(got, "dry") {
		t.Errorf("Similar(arid) = %v, want it to hold dry", got)
	}
	if got := Similar("dry"); !slices.Contains(got, "arid") || slices.Contains(got, "wet") {
		t.Errorf("Similar(dry) = %v, want arid and not wet", got)
	}
	if got := Similar("zzzz"); got != nil {
		t.Errorf("Similar of an unknown word = %v, want nil", got)
	}
}

func TestIsSaying(t *testing.T) {
	for _, w := range []string{"said", "says", "told", "announced", "added", "noted", "reported"} {
		if !IsSaying(w) {
			t.Errorf("IsSaying(%q) = false", w)
		}
	}
	for _, w := range []string{"rose", "defeated", "troops", "warned"} {
		if IsSaying(w) {
			t.Errorf("IsSaying(%q) = true", w)
		}
	}
}

func TestIsReciprocal(t *testing.T) {
	for _, w := range []string{"met", "meets", "married", "divorced", "fought", "dating", "meeting"} {
		if !IsReciprocal(w) {
			t.Errorf("IsReciprocal(%q) = false", w)
		}
	}
	// Acts one side does to the other: "hug" and "visit" have the
	// alternation too, but in verb.contact and verb.communication.
	for _, w := range []string{"told", "defeated", "sued", "hugged", "visited", "beat"} {
		if IsReciprocal(w) {
			t.Errorf("IsReciprocal(%q) = true", w)
		}
	}
}

func TestLexFiles(t *testing.T) {
	tests := []struct {
		word  string
		pos   byte
		first string
	}{
		{"lawyers", 'n', "noun.person"},
		{"spokeswoman", 'n', "noun.person"},
		{"said", 'v', "verb.communication"},
		{"warned", 'v', "verb.communication"},
		{"told", 'v', "verb.communication"},
		{"ran", 'v', "verb.motion"},
		{"company", 'n', "noun.group"},
	}
	for _, tt := range tests {
		got := LexFiles(tt.word, tt.pos)
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("LexFiles(%q, %q) = %v, want %s first", tt.word, tt.pos, got, tt.first)
		}
		if got := FirstFile(tt.word, tt.pos); got != tt.first {
			t.Errorf("FirstFile(%q, %q) = %q, want %s", tt.word, tt.pos, got, tt.first)
		}
	}
	if got := LexFiles("xyzzy", 'n'); got != nil {
		t.Errorf("LexFiles of an unknown word = %v", got)
	}
	if got := FirstFile("xyzzy", 'v'); got != "" {
		t.Errorf("FirstFile of an unknown word = %q", got)
	}
	if got := LexFiles("lawyer", 'a'); got != nil {
		t.Errorf("LexFiles as an adjective = %v; only nouns and verbs are kept", got)
	}
}

func TestPhrasal(t *testing.T) {
	for word, want := range map[string]string{
		"downplay": "play down", "downplayed": "play down", "overturned": "turn over",
		"upset": "", // not in a synset with "set up"
		"play":  "", "talks": "",
	} {
		if got := Phrasal(word); got != want {
			t.Errorf("Phrasal(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestNegativePrefixAntonyms(t *testing.T) {
	for _, p := range [][2]string{{"untested", "tested"}, {"unrecognized", "recognized"}, {"nonverbal", "verbal"}} {
		if !AreAntonyms(p[0], p[1]) {
			t.Errorf("AreAntonyms(%q, %q) = false", p[0], p[1])
		}
	}
	if AreAntonyms("inflammable", "flammable") {
		t.Error("inflammable and flammable are one word, not opposites")
	}
}

func TestHypernyms(t *testing.T) {
	if got := Hypernyms("plummeted"); !slices.Contains(got, "drop") {
		t.Errorf("Hypernyms(plummeted) = %v, want it to hold drop", got)
	}
	if got := Hypernyms("drop"); !slices.Contains(got, "fall") || slices.Contains(got, "plummet") {
		t.Errorf("Hypernyms(drop) = %v, want fall and not plummet (one way, upwards)", got)
	}
	if got := Hypernyms("ukraine"); got != nil {
		t.Errorf("Hypernyms(ukraine) = %v, want nil", got)
	}
}

func TestSameRole(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"pontiff", "pope", true},       // one synset, though SemCor never tags "pontiff"
		{"senator", "legislator", true}, // a hypernym
		{"legislator", "senators", true},
		{"senator", "congressman", false}, // two kinds of legislator
		{"pope", "president", false},
		{"father", "president", false},
		{"table", "pope", false}, // not a person noun
	} {
		if got := SameRole(tc.a, tc.b); got != tc.want {
			t.Errorf("SameRole(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestIsAdjective(t *testing.T) {
	for w, want := range map[string]bool{"reckless": true, "insane": true, "green": true, "thunder": false, "quickly": false, "the": false} {
		if got := IsAdjective(w); got != want {
			t.Errorf("IsAdjective(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestSameName(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Fed", "Federal Reserve", true},
		{"federal reserve system", "FRS", true},
		{"Turkish", "Turkey", true},
		{"Chinese", "China", true},
		{"Swedish", "Sweden", true},
		// the AP Stylebook's state abbreviations, as the checks read them
		{"Tenn", "Tennessee", true},
		{"Fla", "Florida", true},
		{"W Va", "West Virginia", true},
		{"Wash", "Washington", true},
		{"Calif", "California", true},
		{"Tenn", "Kentucky", false},
		{"Fed", "Federal Trade Commission", false},
		{"Turkish", "Greece", false},
		{"Turkey", "Turkey", false},
	} {
		if got := SameName(tt.a, tt.b); got != tt.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPolarity(t *testing.T) {
	for word, want := range map[string]float64{"delight": 2.9, "disgust": -2.9, "disgusted": -2.4, "hopes": 1.8, "fears": -1.8, "weak": -1.9, "table": 0, "": 0} {
		if got := Polarity(word); got != want {
			t.Errorf("Polarity(%q) = %v, want %v", word, got, want)
		}
	}
	// "condemning" is not rated itself; its base form "condemn" is.
	if got := Polarity("condemning"); got != -1.6 {
		t.Errorf("Polarity(condemning) = %v, want condemn's -1.6", got)
	}
}

// TestPolarityTableUnchanged pins the committed polarity table: it is
// generated (go generate ./rag/lexicon), never edited by hand, and the
// generator's own test compares it with VADER's lexicon when that module
// is in the module cache. A regenerated table updates this hash.
func TestPolarityTableUnchanged(t *testing.T) {
	b, err := tables.ReadFile("polarity.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	const want = "03075aafab0edbff5f37ee55e81ed5e61d7e1b5f0bd7a392c1d1999809b17950"
	if got := fmt.Sprintf("%x", sha256.Sum256(b)); got != want {
		t.Errorf("polarity.txt.gz has SHA-256 %s, want %s: regenerate it, do not edit it", got, want)
	}
}

func TestContaining(t *testing.T) {
	for _, tt := range []struct {
		place, in string
		want      bool
	}{
		{"Geneva", "switzerland", true},
		{"geneva", "europe", true},
		{"Chicago", "illinois", true},
		{"Chicago", "united states", true},
		{"Geneva", "france", false},
		{"Switzerland", "geneva", false},
	} {
		if got := slices.Contains(Containing(tt.place), tt.in); got != tt.want {
			t.Errorf("Containing(%q) holds %q: %v, want %v", tt.place, tt.in, got, tt.want)
		}
	}
	if got := Containing("unprecedented"); got != nil {
		t.Errorf("Containing of a word that names no place = %v, want nil", got)
	}
}
