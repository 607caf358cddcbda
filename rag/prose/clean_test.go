package prose

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		body     string
		captions []string
	}{
		{
			name: "empty",
			raw:  "",
			body: "",
		},
		{
			name: "whitespace is normalised",
			raw:  "  First\t paragraph  \r\n\r\n\r\n\u00a0Second\u00a0\u00a0one \n",
			body: "First paragraph\n\nSecond one",
		},
		{
			name: "curly quotes and invalid UTF-8 pass through",
			raw:  "He said: “It’s over.”\nbad \xff byte",
			body: "He said: “It’s over.”\n\nbad \xff byte",
		},
		{
			name: "bare timestamps go, times inside sentences stay",
			raw:  "One.\n0:38\n1:02:03\n12:05\nThe meeting began at 10:30 and ended at 11:15.\n2:1",
			body: "One.\n\nThe meeting began at 10:30 and ended at 11:15.\n\n2:1",
		},
		{
			name: "player text goes and the video title becomes a caption",
			raw: "Before the video.\nPlease use Chrome browser for a more accessible video player\n1:45\n" +
				"‘We will not give up’\nAfter the video.",
			body:     "Before the video.\n\nAfter the video.",
			captions: []string{"‘We will not give up’"},
		},
		{
			name: "a paragraph after a bare timestamp without a player stays body",
			raw:  "0:38\nThe first paragraph is short.",
			body: "The first paragraph is short.",
		},
		{
			name: "player labels go, sentences about players stay",
			raw: "Press play to listen\nNow playing\n" +
				"Fans were urged to press play on the new album the moment it was released at midnight.",
			body: "Fans were urged to press play on the new album the moment it was released at midnight.",
		},
		{
			name: "image captions are kept apart, prefix stripped",
			raw: "Body one.\nImage: Two leaders meet in Rome. Pic: Reuters\nPic: AP\nBody two.\n" +
				"PICTURE: A crowd gathers\nImage:",
			body:     "Body one.\n\nBody two.",
			captions: []string{"Two leaders meet in Rome. Pic: Reuters", "AP", "A crowd gathers"},
		},
		{
			name: "a flattened gallery gives one caption per picture",
			raw: "Photos: Photos: Storm damage A tree on a car. Hide Caption 1 of 2 " +
				"Photos: Photos: Storm damage A flooded street. Hide Caption 2 of 2\nThe storm passed.",
			body:     "The storm passed.",
			captions: []string{"Storm damage A tree on a car.", "Storm damage A flooded street."},
		},
		{
			name: "photo credits mark captions",
			raw: "Crowds gather in the square on Monday. (AP Photo/Jane Doe)\n" +
				"Jane Doe/Agency/Getty Images Rescuers search the rubble.\nThe search went on.",
			body: "The search went on.",
			captions: []string{
				"Crowds gather in the square on Monday. (AP Photo/Jane Doe)",
				"Jane Doe/Agency/Getty Images Rescuers search the rubble.",
			},
		},
		{
			name: "a consent block goes with the provider name above it",
			raw: "The talks went on.\nPodwave\nThis content is provided by Podwave, which may be using cookies.\n" +
				"We need your permission to load it.\nYou can change your settings at any time.\n" +
				"Allow Podwave cookies\nBolton said more.",
			body: "The talks went on.\n\nBolton said more.",
		},
		{
			name: "a one-line cookie banner goes",
			raw:  "We use cookies to improve your experience. Read our cookie policy.\nReal text.",
			body: "Real text.",
		},
		{
			name: "reporting about cookies and privacy stays",
			raw: "The Girl Scouts sold more than 200 million boxes of cookies last year.\n" +
				"Regulators said websites must obtain consent before placing cookies on a device.\n" +
				"“We use cookies to remember your basket,” the company said.\n" +
				"Folks, it’s time to strengthen privacy protections and stop collecting personal data on our children.",
			body: "The Girl Scouts sold more than 200 million boxes of cookies last year.\n\n" +
				"Regulators said websites must obtain consent before placing cookies on a device.\n\n" +
				"“We use cookies to remember your basket,” the company said.\n\n" +
				"Folks, it’s time to strengthen privacy protections and stop collecting personal data on our children.",
		},
		{
			name: "a short provider-like line above reporting stays",
			raw:  "Spotify\nSpotify said its users can change cookie settings in the app.",
			body: "Spotify\n\nSpotify said its users can change cookie settings in the app.",
		},
		{
			name: "the ad-feedback survey goes",
			raw: "1. How relevant is this ad to you?\n\nVideo player was slow to load content Video content never loaded " +
				"Ad froze or did not finish loading Video content did not start after ad Audio on ad was too loud Other issues",
			body: "",
		},
		{
			name: "video embeds with feedback and replay text go",
			raw: "Video Ad Feedback Flooding hits the valley 02:54 - Source: CNN\n" +
				"JUST WATCHED Flooding hits the valley Replay More Videos ... MUST WATCH Flooding hits the valley 02:54\n" +
				"The river rose overnight.",
			body: "The river rose overnight.",
		},
		{
			name: "ad labels go, sentences about adverts stay",
			raw:  "Advertisement\nADVERTISEMENT\nAdvertisement - Article continues below\nA 1902 advertisement for Heinz ketchup.",
			body: "A 1902 advertisement for Heinz ketchup.",
		},
		{
			name: "newsletter and subscription prompts go",
			raw: "Sign up for our newsletter here.\n" +
				"(You can get \"5 Things\" delivered to your inbox daily. Sign up here .)\n" +
				"Get our free weekly newsletter Sign up for the Opinion newsletter.\n" +
				"A version of this story appeared in the Morning newsletter. To get it in your inbox, sign up for free here\n" +
				"For updates in your inbox, subscribe to The Daily Briefing newsletter.\n" +
				"Support local journalism. Subscribe to example.com today.\n" +
				"Thank you for supporting our journalism. You can subscribe to our print edition here.\n" +
				"The vote is on Tuesday.",
			body: "The vote is on Tuesday.",
		},
		{
			name: "reporting about signing up stays",
			raw: "People can sign up for free digital access at the library starting today.\n" +
				"Would you sign up for daily tacos?\n" +
				"The newsletter has more than a million subscribers, which tells you how big it is.",
			body: "People can sign up for free digital access at the library starting today.\n\n" +
				"Would you sign up for daily tacos?\n\n" +
				"The newsletter has more than a million subscribers, which tells you how big it is.",
		},
		{
			name: "reporter contact lines go",
			raw: "Follow Jane Doe on Twitter: @janedoe.\nContact Jane Doe at jdoe@example.com or 555-0100.\n" +
				"Jane Doe covers courts. Reach her at jdoe@example.com.\n" +
				"Contributing: Wire reports. Follow John Roe on Twitter @jroe\nThe end.",
			body: "The end.",
		},
		{
			name: "quoted posts and service information stay",
			raw: "@singer on Twitter: I can't believe I won!\n" +
				"For questions, contact the help desk at help@example.gov or call 555-0100.",
			body: "@singer on Twitter: I can't believe I won!\n\n" +
				"For questions, contact the help desk at help@example.gov or call 555-0100.",
		},
		{
			name: "copyright notices go, sentences about copyright stay",
			raw: "© 2025 Example News\nCopyright 2022 The Associated Press. All rights reserved.\n" +
				"Copyright law protects the photographs, the judge said.",
			body: "Copyright law protects the photographs, the judge said.",
		},
		{
			name: "affiliate and syndication notices go",
			raw: "Purchases you make through our links may earn us a commission.\n" +
				"Prices were accurate at the time this article was published but may change over time.\n" +
				"Example Wire is a content partner. Its content is produced independently of Example News.\n" +
				"Shares rose 4%.",
			body: "Shares rose 4%.",
		},
		{
			name: "link teasers go, sentences starting with more stay",
			raw:  "Read More\nMore: Ten towns with odd names\nRELATED:Festival lineup announced\n►Another story\nMore than 300 people attended.",
			body: "More than 300 people attended.",
		},
		{
			name: "social network lists go",
			raw:  "MORE ON SOCIAL: Facebook | Twitter | Instagram | Pinterest\nThe app is popular on Instagram, TikTok and YouTube among students at the college.",
			body: "The app is popular on Instagram, TikTok and YouTube among students at the college.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, captions := CleanText(tt.raw)
			if body != tt.body {
				t.Errorf("body:\n got %q\nwant %q", body, tt.body)
			}
			if !reflect.DeepEqual(captions, tt.captions) {
				t.Errorf("captions:\n got %q\nwant %q", captions, tt.captions)
			}
		})
	}
}

// naivePhrases is what the automaton must find: every phrase, searched for
// on its own.
func naivePhrases(s string) phraseSet {
	var found phraseSet
	low := lowerASCII(s)
	id := 0
	for _, spec := range phraseSpecs {
		for _, p := range spec.phrases {
			for from := 0; from <= len(low); {
				i := strings.Index(low[from:], p)
				if i < 0 {
					break
				}
				start, end := from+i, from+i+len(p)
				if !spec.word || ((start == 0 || !isWordByte(low[start-1])) && (end == len(low) || !isWordByte(low[end]))) {
					found.add(id)
					break
				}
				from = start + 1
			}
			id++
		}
	}
	return found
}

func TestPhraseMatcherFindsWhatASearchFinds(t *testing.T) {
	inputs := []string{
		"", "Sign up here", "SUBSCRIBE to our newsletter", "subscribers", "four hours", "our",
		"This content is provided by Spreaker, which may be using cookies and other technologies.",
		"We use cookies; see our Cookie Policy and Privacy Options.", "“quoted”", "@handle on Twitter",
		"hereherehere", "sign upsign up", "Press Play", "Getty Imagesphoto",
	}
	if raw, err := os.ReadFile(cleanSeedOriginal); err == nil {
		inputs = append(inputs, strings.Split(string(raw), "\n")...)
	}
	for _, s := range inputs {
		if got, want := cleanPhrases.scan(s).found, naivePhrases(s); got != want {
			t.Errorf("scan(%q) found %x, a search finds %x", s, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	const appLine = "Get the Example app for breaking news alerts"
	articles := []rag.Article{
		{ID: "a", Text: "Alpha one.\n" + appLine + "\nAlpha two.", Captions: []string{"kept"}},
		{ID: "b", Text: "Beta one.\n" + appLine + ".\nShared by two."},
		{ID: "c", Text: "GET THE EXAMPLE APP FOR BREAKING NEWS ALERTS\nGamma one.\nImage: A gamma ray\nShared by two."},
		{ID: "d", Text: "Delta one.\nDelta two."},
	}
	Clean(articles)
	want := []rag.Article{
		{ID: "a", Text: "Alpha one.\n\nAlpha two.", Captions: []string{"kept"}},
		{ID: "b", Text: "Beta one.\n\nShared by two."},
		{ID: "c", Text: "Gamma one.\n\nShared by two.", Captions: []string{"A gamma ray"}},
		{ID: "d", Text: "Delta one.\n\nDelta two."},
	}
	if !reflect.DeepEqual(articles, want) {
		t.Errorf("Clean:\n got %q\nwant %q", articles, want)
	}
}

// Copies of one story (wire copy under several outlets, a page under two
// URLs) share all their sentences; they must not be emptied, though their
// repeated furniture still goes.
func TestCleanKeepsSyndicatedCopies(t *testing.T) {
	story := "The central bank raised rates by half a point on Thursday, its third rise this year.\n" +
		"Officials said inflation had proved more stubborn than they expected in the spring.\n" +
		"Tap to view\n"
	articles := []rag.Article{
		{ID: "wire1", Text: story},
		{ID: "wire2", Text: story},
		{ID: "wire3", Text: story + "A local bakery owner said prices were already hurting."},
		{ID: "other", Text: "A different story entirely.\nTap to view"},
	}
	Clean(articles)
	for _, a := range articles[:3] {
		if !strings.Contains(a.Text, "The central bank raised rates") || !strings.Contains(a.Text, "more stubborn") {
			t.Errorf("%s lost its story: %q", a.ID, a.Text)
		}
		if strings.Contains(a.Text, "Tap to view") {
			t.Errorf("%s kept a repeated short line: %q", a.ID, a.Text)
		}
	}
	if got := articles[3].Text; got != "A different story entirely." {
		t.Errorf("other = %q", got)
	}
}

func TestCleanSmallBatchKeepsLines(t *testing.T) {
	articles := []rag.Article{{Text: "Same line.\nOne."}, {Text: "Same line.\nTwo."}}
	Clean(articles)
	if articles[0].Text != "Same line.\n\nOne." || articles[1].Text != "Same line.\n\nTwo." {
		t.Errorf("a line in 2 of 2 articles was removed: %q", articles)
	}
}

// cleanSeedArticle is an article file from data/, split just enough for tests.
type cleanSeedArticle struct {
	id       string
	captions []string
	body     string
}

// readCleanSeedArticle splits a data/*.md file on its "---" lines. Only the
// captions list is read from the front matter; it holds one JSON-compatible
// double-quoted string per line.
func readCleanSeedArticle(t *testing.T, path string) cleanSeedArticle {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(b), "---\n", 3)
	if len(parts) != 3 || parts[0] != "" {
		t.Fatalf("%s: no front matter between --- lines", path)
	}
	a := cleanSeedArticle{body: strings.TrimSpace(parts[2])}
	inCaptions := false
	for line := range strings.SplitSeq(parts[1], "\n") {
		switch {
		case strings.HasPrefix(line, "id:"):
			a.id = strings.TrimSpace(strings.TrimPrefix(line, "id:"))
		case line == "captions:":
			inCaptions = true
		case inCaptions && strings.HasPrefix(line, "  - "):
			var c string
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "  - ")), &c); err != nil {
				t.Fatalf("%s: caption %q: %v", path, line, err)
			}
			a.captions = append(a.captions, c)
		default:
			inCaptions = false
		}
	}
	return a
}

// cleanTokenSimilarity is 2·LCS/(|a|+|b|) over the words of a and b: 1 when they
// have the same words in the same order.
func cleanTokenSimilarity(a, b string) float64 {
	x, y := Tokenize(a), Tokenize(b)
	if len(x)+len(y) == 0 {
		return 1
	}
	prev, cur := make([]int, len(y)+1), make([]int, len(y)+1)
	for i := range x {
		for j := range y {
			if x[i] == y[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(y)]) / float64(len(x)+len(y))
}

const (
	cleanSeedOriginal = "../../testdata/seed/seed-coverage.txt"
	cleanSeedRawDir   = "../../testdata/seed/raw"
	cleanSeedDataDir  = "../../data"
)

// The raw slices are the original cut at article boundaries: in order, they
// give it back byte for byte.
func TestSeedRawSlicesRebuildOriginal(t *testing.T) {
	orig, err := os.ReadFile(cleanSeedOriginal)
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(cleanSeedRawDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no raw slices in %s: %v", cleanSeedRawDir, err)
	}
	type slice struct {
		path string
		text string
		at   int
	}
	var slices_ []slice
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 {
			t.Fatalf("%s is empty", p)
		}
		at := strings.Index(string(orig), string(b))
		if at < 0 {
			t.Fatalf("%s is not a slice of the original", p)
		}
		slices_ = append(slices_, slice{p, string(b), at})
	}
	slices.SortFunc(slices_, func(a, b slice) int { return a.at - b.at })
	var rebuilt strings.Builder
	for _, s := range slices_ {
		rebuilt.WriteString(s.text)
	}
	if rebuilt.String() != string(orig) {
		t.Errorf("the raw slices, in order, do not rebuild %s (%d bytes rebuilt, %d in the original)",
			cleanSeedOriginal, rebuilt.Len(), len(orig))
	}
}

// Cleaning each raw slice gives the body and captions stored in data/.
func TestCleanTextSeed(t *testing.T) {
	mds, err := filepath.Glob(filepath.Join(cleanSeedDataDir, "*.md"))
	if err != nil || len(mds) == 0 {
		t.Fatalf("no articles in %s: %v", cleanSeedDataDir, err)
	}
	raws, _ := filepath.Glob(filepath.Join(cleanSeedRawDir, "*.txt"))
	if len(raws) != len(mds) {
		t.Errorf("%d raw slices for %d articles", len(raws), len(mds))
	}
	for _, md := range mds {
		stored := readCleanSeedArticle(t, md)
		t.Run(stored.id, func(t *testing.T) {
			if want := strings.TrimSuffix(filepath.Base(md), ".md"); stored.id != want {
				t.Errorf("id %q in %s, want the file name %q", stored.id, md, want)
			}
			raw, err := os.ReadFile(filepath.Join(cleanSeedRawDir, stored.id+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			body, captions := CleanText(string(raw))
			if sim := cleanTokenSimilarity(body, stored.body); sim < 0.97 {
				t.Errorf("similarity to the stored body %.3f < 0.97\n got %q\nwant %q", sim, body, stored.body)
			}
			if !reflect.DeepEqual(captions, stored.captions) {
				t.Errorf("captions:\n got %q\nwant %q", captions, stored.captions)
			}
			for _, furniture := range []string{"cookie", "Chrome browser", "Spreaker", "Image:", "\n0:"} {
				if strings.Contains(body, furniture) {
					t.Errorf("body still holds %q", furniture)
				}
			}
		})
	}
}

// The benchmark corpus is real noisy coverage. Its furniture must go, and
// the text must mostly stay.
func TestCleanBenchCorpus(t *testing.T) {
	const path = "../../../shared/bench/realtimeqa-dev/corpus.jsonl"
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is not here", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Every step-th article: a sample across all weeks and outlets, small
	// enough for the race detector.
	step := 4
	if testing.Short() {
		step = 16
	}
	var articles []rag.Article
	inBytes := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	for n := 0; sc.Scan(); n++ {
		if n%step != 0 {
			continue
		}
		var r struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s line %d: %v", path, n+1, err)
		}
		articles = append(articles, rag.Article{ID: r.ID, Text: r.Text})
		inBytes += len(r.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	Clean(articles)
	outBytes := 0
	for _, a := range articles {
		outBytes += len(a.Text)
		for p := range strings.SplitSeq(a.Text, "\n\n") {
			if isTimestamp(p) {
				t.Errorf("%s: bare timestamp %q left", a.ID, p)
			}
			for _, furniture := range []string{"How relevant is this ad to you", "Video Ad Feedback", "Replay More Videos", "Video player was slow to load"} {
				if strings.Contains(p, furniture) {
					t.Errorf("%s: furniture left: %q", a.ID, p)
				}
			}
			if p == "Read More" || p == "Advertisement" {
				t.Errorf("%s: label left: %q", a.ID, p)
			}
		}
	}
	if share := float64(outBytes) / float64(inBytes); share < 0.95 {
		t.Errorf("cleaning kept %.1f%% of the text; real text is being lost", 100*share)
	}
}

func FuzzCleanText(f *testing.F) {
	for _, p := range []string{cleanSeedOriginal} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	raws, _ := filepath.Glob(filepath.Join(cleanSeedRawDir, "*.txt"))
	for _, p := range raws {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"",
		"\n\n\n",
		"0:38",
		"Please use Chrome browser for a more accessible video player\n0:38\n‘Title’",
		"Image:\nPic: x\nPhotos: a Hide Caption 1 of 2 Photos: b Hide Caption",
		"Photos: Hide Caption 99 of",
		"X\nThis content is provided by X, which may be using cookies.\nAllow cookies",
		"Sign up here\nFollow @a on Twitter\n© 2020",
		"a\u00a0\u2003b\r\nc\xff\xfe",
		"(AP Photo/",
		"Contact @",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		body, captions := CleanText(raw)
		if limit := len(raw) + strings.Count(raw, "\n"); len(body) > limit {
			t.Errorf("body is %d bytes, more than %d for a %d-byte input", len(body), limit, len(raw))
		}
		for p := range strings.SplitSeq(body, "\n\n") {
			if isTimestamp(p) {
				t.Errorf("bare timestamp %q in the body", p)
			}
			if body != "" && (p == "" || strings.ContainsAny(p, "\n") || p != strings.TrimSpace(p)) {
				t.Errorf("paragraph %q is not trimmed, or is empty", p)
			}
		}
		if utf8.ValidString(raw) {
			if !utf8.ValidString(body) {
				t.Errorf("invalid UTF-8 in the body of valid input: %q", body)
			}
			for _, c := range captions {
				if !utf8.ValidString(c) {
					t.Errorf("invalid UTF-8 in caption %q", c)
				}
			}
		}
		if got, want := cleanPhrases.scan(raw).found, naivePhrases(raw); got != want {
			t.Errorf("scan found %x, a search finds %x", got, want)
		}
		// Cleaning clean text changes nothing.
		again, moreCaptions := CleanText(body)
		if again != body || len(moreCaptions) != 0 {
			t.Errorf("not idempotent:\nonce  %q\ntwice %q (captions %q)", body, again, moreCaptions)
		}
	})
}

func BenchmarkCleanText(b *testing.B) {
	raw, err := os.ReadFile(cleanSeedOriginal)
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		CleanText(text)
	}
}
