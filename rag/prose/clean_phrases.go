package prose

import (
	"math/bits"
)

// phraseGroup names a set of phrases that a rule asks about as one.
type phraseGroup uint8

const (
	groupStrongPlayer  phraseGroup = iota // player and ad-survey text, at any length
	groupStrongDrop                       // affiliate, syndication and paywall notices, at any length
	groupPlayerLabel                      // labels that make a short line player furniture
	groupAdLabel                          // labels that make a short line an ad slot
	groupPodcast                          // "podcast", which needs an action too
	groupPodcastAction                    // "listen", "subscribe", "check out"
	groupSocial                           // names of social networks
	groupPromoVerb                        // calls to action
	groupPromoTarget                      // what the outlet sells: newsletters, inboxes, access
	groupPromoPointer                     // words that point at the outlet's offer
	groupPromoAbout                       // the outlet describing its own newsletter
	groupContactVerb                      // "follow", "contact": an invitation when it starts the line
	groupContactPhrase                    // "follow her", "can be reached"
	groupOnSocial                         // "on Twitter": where to follow
	groupHandle                           // an e-mail address, a handle or a profile link
	groupConsentStrong                    // consent wording that alone marks a consent block
	groupConsentWeak                      // consent wording that needs company
	groupCookie                           // "cookie", "consent": button labels
	groupReader                           // the reader addressed: "you", "we"
	groupThisContent                      // "this content", "this site"
	groupQuoteMark                        // quotation marks
	groupPhotoCredit                      // "photo", "getty images": a credit may follow
	numGroups
)

type phraseSpec struct {
	group phraseGroup
	// word requires the phrase to stand as a word: no letter or digit just
	// before or after it ("our" is not in "four", "subscribe" not in
	// "subscribers").
	word    bool
	phrases []string
}

// phraseSpecs is every phrase the rules look for, in lowercase.
var phraseSpecs = []phraseSpec{
	{groupStrongPlayer, false, []string{
		"for a more accessible video player", "how relevant is this ad to you",
		"video player was slow to load", "ad froze or did not finish loading",
		"video content never loaded", "replay more videos", "video ad feedback",
		"your browser does not support", "hit play on the player above",
		"this transcript was automatically generated",
	}},
	{groupStrongDrop, false, []string{
		"article continues below", "story continues below", "purchases you make through our links",
		"may earn us a commission", "prices were accurate at the time", "content is produced independently of",
		"may not be published, broadcast, rewritten or redistributed", "thank you for supporting our journalism",
		"become a digital subscriber", "delivered to your inbox", "delivered right to your inbox",
		"delivered straight to your inbox", "delivered straight to your phone", "unsubscribe at any time",
	}},
	{groupPlayerLabel, true, []string{
		"press play", "video player", "audio player", "play video", "watch video", "watch the video",
		"listen to this article", "listen to this story", "now playing", "autoplay", "our podcast",
	}},
	{groupAdLabel, true, []string{"advertisement", "sponsored content", "ad feedback", "skip ad"}},
	{groupPodcast, false, []string{"podcast"}},
	{groupPodcastAction, true, []string{"listen", "subscribe", "check out"}},
	{groupSocial, false, []string{
		"facebook", "twitter", "instagram", "tiktok", "youtube", "pinterest", "linkedin", "flipboard", "whatsapp",
	}},
	{groupPromoVerb, true, []string{
		"sign up", "signing up", "sign-up", "subscribe", "subscribing", "click here", "get our", "follow us",
		"join us", "download our", "like our page",
	}},
	{groupPromoTarget, false, []string{"newsletter", "inbox", "text message alerts", "digital access", "digital subscription"}},
	{groupPromoPointer, true, []string{"here", "now", "today", "free", "our", "newsletter", "inbox", "alerts"}},
	{groupPromoAbout, false, []string{
		"version of this story", "version of this article", "this story is part of", "provides you with",
		"would you like to receive", "want this news", "subscribe to our", "sign up for our", "our free",
		"our newsletter",
	}},
	{groupContactVerb, true, []string{"follow", "contact", "reach", "email", "e-mail", "tell", "call"}},
	{groupContactPhrase, false, []string{
		"follow him", "follow her", "follow them", "follow us", "follow me", "follow along", "reach him",
		"reach her", "reach them", "reach us", "email him", "email her", "can be reached",
		"can be emailed", "can be contacted", "contact him", "contact her", "email me", "reach me",
	}},
	{groupOnSocial, false, []string{"on twitter", "on facebook", "on instagram"}},
	{groupHandle, false, []string{"@", "twitter.com/"}},
	{groupConsentStrong, false, []string{ // each scores consentBlockScore
		"this content is provided by", "we use cookies", "use of cookies", "uses cookies", "using cookies",
		"accept cookies", "accept all cookies", "cookie policy", "cookie settings", "cookie preferences",
		"privacy options", "privacy policy", "privacy settings", "manage consent", "manage your preferences",
		"consent to the use", "consented to", "for this session only", "you agree to the processing",
		"legitimate interest", "to show you this content", "we need your permission",
	}},
	{groupConsentWeak, false, []string{
		"cookie", "consent", "privacy", "preferences", "permission", "your settings", "button below",
		"buttons below", "other technologies", "tracking technologies", "third-party", "third party",
		"opt out", "opt-out", "your data", "personal data", "personal information",
	}},
	{groupCookie, false, []string{"cookie", "consent"}},
	{groupReader, true, []string{"you", "your", "we", "us", "our"}},
	{groupThisContent, false, []string{"this content", "this site", "this website", "this page"}},
	{groupQuoteMark, false, []string{"\"", "“", "”"}},
	{groupPhotoCredit, false, []string{"photo", "getty images"}},
}

// teaserPrefixes start link lines that point elsewhere on the site.
var teaserPrefixes = []string{
	"read more", "read next", "more:", "related:", "watch:", "listen:", "see also", "also read",
	"most read", "recommended:", "podcasts:", "gallery:",
}

// arrowBullets start a line that is either a teaser ("► March 12: Couple's
// final days…", "►Gas prices: Why are they higher?") or, on live pages, a
// bullet of the news itself ("►Pope Francis marked the anniversary by
// decrying the “insanity” of war."): isArrowTeaser tells them apart.
var arrowBullets = []string{"►", "▶"}

// captionPrefixes start an image caption; they must be followed by a colon.
var captionPrefixes = []string{
	"image", "images", "pic", "picture", "pictures", "photo", "photos", "photograph", "caption",
}

// creditOpeners start the parenthesised credit at the end of a photo caption.
var creditOpeners = []string{"ap photo", "photo by", "photo:", "photo courtesy", "photo credit"}

// phraseSet holds one bit per compiled phrase.
type phraseSet [4]uint64

func (s *phraseSet) add(id int)              { s[id>>6] |= 1 << (id & 63) }
func (s *phraseSet) anyOf(m *phraseSet) bool { return s[0]&m[0]|s[1]&m[1]|s[2]&m[2]|s[3]&m[3] != 0 }
func (s *phraseSet) countOf(m *phraseSet) int {
	return bits.OnesCount64(s[0]&m[0]) + bits.OnesCount64(s[1]&m[1]) + bits.OnesCount64(s[2]&m[2]) + bits.OnesCount64(s[3]&m[3])
}

// lineFeatures is what one pass of the phrase matcher found in a line.
type lineFeatures struct {
	found phraseSet
	// verbEnd is where the first imperative call to action ends, and
	// lastPointer where the last pointer word starts; -1 when there is
	// none.
	verbEnd, lastPointer int
	// contactAtStart is set when a contact verb starts the line.
	contactAtStart bool
}

func (f *lineFeatures) has(g phraseGroup) bool  { return f.found.anyOf(&cleanPhrases.groups[g]) }
func (f *lineFeatures) count(g phraseGroup) int { return f.found.countOf(&cleanPhrases.groups[g]) }

// phraseMatcher finds every phrase of phraseSpecs in one pass over a line: an
// Aho–Corasick automaton over ASCII-lowercased bytes, with bytes that occur in
// no phrase folded into one class to keep the table small.
type phraseMatcher struct {
	class   [256]uint8
	nclass  int
	next    []int32   // state*nclass + class → state
	out     [][]int32 // state → ids of the phrases that end there
	length  []int     // id → phrase length in bytes
	word    []bool    // id → must stand as a word
	groupOf []phraseGroup
	groups  [numGroups]phraseSet
}

var cleanPhrases = newPhraseMatcher(phraseSpecs)

func newPhraseMatcher(specs []phraseSpec) *phraseMatcher {
	m := &phraseMatcher{}
	var all []string
	for _, sp := range specs {
		for _, p := range sp.phrases {
			id := len(all)
			if id >= len(phraseSet{})*64 {
				panic("rag: too many cleaning phrases for phraseSet")
			}
			all = append(all, p)
			m.length = append(m.length, len(p))
			m.word = append(m.word, sp.word)
			m.groupOf = append(m.groupOf, sp.group)
			m.groups[sp.group].add(id)
		}
	}
	m.nclass = 1 // class 0: a byte no phrase contains
	for _, p := range all {
		for i := 0; i < len(p); i++ {
			if m.class[p[i]] == 0 {
				if m.nclass == 256 {
					panic("rag: too many distinct bytes in cleaning phrases")
				}
				m.class[p[i]] = uint8(m.nclass)
				m.nclass++
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		m.class[c] = m.class[c+'a'-'A']
	}
	// The trie, with -1 for a missing edge.
	newState := func() int32 {
		for range m.nclass {
			m.next = append(m.next, -1)
		}
		m.out = append(m.out, nil)
		return int32(len(m.out) - 1)
	}
	newState()
	for id, p := range all {
		s := int32(0)
		for i := 0; i < len(p); i++ {
			e := int(s)*m.nclass + int(m.class[p[i]])
			if m.next[e] < 0 {
				t := newState()
				m.next[e] = t
			}
			s = m.next[e]
		}
		m.out[s] = append(m.out[s], int32(id))
	}
	// Failure links, breadth first, turning the trie into a full automaton.
	fail := make([]int32, len(m.out))
	queue := []int32{}
	for c := range m.nclass {
		if t := m.next[c]; t > 0 {
			queue = append(queue, t)
		} else {
			m.next[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(m.out[s], m.out[fail[s]]...)
		for c := range m.nclass {
			e := int(s)*m.nclass + c
			if t := m.next[e]; t >= 0 {
				fail[t] = m.next[int(fail[s])*m.nclass+c]
				queue = append(queue, t)
			} else {
				m.next[e] = m.next[int(fail[s])*m.nclass+c]
			}
		}
	}
	return m
}

// scan reports the phrases in s. Class 0 always leads back to the root, so
// the loop needs no check for unknown bytes.
func (m *phraseMatcher) scan(s string) lineFeatures {
	f := lineFeatures{verbEnd: -1, lastPointer: -1}
	state := int32(0)
	for i := 0; i < len(s); i++ {
		state = m.next[int(state)*m.nclass+int(m.class[s[i]])]
		for _, id := range m.out[state] {
			end := i + 1
			start := end - m.length[id]
			if m.word[id] && ((start > 0 && isWordByte(s[start-1])) || (end < len(s) && isWordByte(s[end]))) {
				continue
			}
			f.found.add(int(id))
			switch m.groupOf[id] {
			case groupPromoVerb:
				// An imperative starts a sentence, or is a capitalised
				// button label left inside one ("… newsletter Sign up
				// here").
				if f.verbEnd < 0 && (atSentenceStart(s, start) || 'A' <= s[start] && s[start] <= 'Z') {
					f.verbEnd = end
				}
			case groupPromoPointer:
				f.lastPointer = start
			case groupContactVerb:
				f.contactAtStart = f.contactAtStart || start == 0
			}
		}
	}
	return f
}
