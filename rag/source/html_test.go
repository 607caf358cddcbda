package source

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseHTML(t *testing.T) {
	tests := []struct {
		file, pageURL string
		want          articleWant
	}{
		{"html/article.html", "", articleWant{
			id:        "html-article",
			title:     "Storm closes mountain pass for third day",
			outlet:    "The Valley Courier",
			url:       "https://valleycourier.example/weather/storm-pass-closed",
			authors:   []string{"Ines Duarte", "Piotr Nowak"},
			published: time.Date(2024, 11, 19, 6, 45, 0, 0, time.UTC),
			captions:  []string{"A snow plough waits at the foot of the pass on Monday."},
			textHas: []string{
				"The mountain pass between the two valleys stayed closed for a third day on Tuesday",
				"agency said.\n\nAbout 300 lorries",
				"who could not reach their homes.\nHot meals are served there until midnight.",
			},
			textHasNot: []string{"tracking", "inline script", "font-family", "All rights reserved", "Sport", "snow plough waits"},
		}},
		{"html/jsonld.html", "", articleWant{
			id:        "html-jsonld",
			title:     "Orchard harvest falls short after late frost",
			outlet:    "farmweekly.example",
			url:       "https://www.farmweekly.example/harvest/orchard-frost",
			published: time.Date(2023, 9, 30, 6, 0, 0, 0, time.UTC),
			textHas:   []string{"Apple growers in the north", "15 per cent"},
		}},
		{"html/latin1.html", "https://www.oldtown-news.example/cafes/terrace-fees", articleWant{
			id:      "html-latin1",
			title:   "Café owners protest new terrace fees",
			outlet:  "oldtown-news.example",
			url:     "https://www.oldtown-news.example/cafes/terrace-fees",
			textHas: []string{"Café owners in the old town", "– a project costing €2m", "“We cannot pay twice,”"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a, err := ParseHTML(tc.file, readTestdata(t, tc.file), tc.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			tc.want.check(t, a.ID, a.Title, a.Outlet, a.URL, a.Authors, a.Captions, a.Published, a.Text)
			if a.Source != tc.file {
				t.Errorf("source %q, want %q", a.Source, tc.file)
			}
		})
	}
}

// articleWant is what a test expects of an article; text is checked by
// pieces, since extraction decides the exact whitespace around them.
type articleWant struct {
	id, title, outlet, url string
	authors, captions      []string
	published              time.Time
	textHas, textHasNot    []string
}

func (w articleWant) check(t *testing.T, id, title, outlet, url string, authors, captions []string, published time.Time, text string) {
	t.Helper()
	if id != w.id || title != w.title || outlet != w.outlet || url != w.url {
		t.Errorf("got id %q title %q outlet %q url %q\nwant   %q       %q        %q     %q", id, title, outlet, url, w.id, w.title, w.outlet, w.url)
	}
	if !reflect.DeepEqual(authors, w.authors) || !reflect.DeepEqual(captions, w.captions) {
		t.Errorf("got authors %q captions %q, want %q %q", authors, captions, w.authors, w.captions)
	}
	if !published.Equal(w.published) {
		t.Errorf("published %v, want %v", published, w.published)
	}
	for _, s := range w.textHas {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q:\n%s", s, text)
		}
	}
	for _, s := range w.textHasNot {
		if strings.Contains(text, s) {
			t.Errorf("text has %q:\n%s", s, text)
		}
	}
}

// articlePage wraps paragraphs in a page readability will accept.
func articlePage(head string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + head + "</head><body><article>")
	for _, p := range paragraphs {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

const para = "The regional council voted on Thursday to extend the tram line to the new hospital, a project that has been discussed for more than a decade and is expected to cost about 90 million euros."

func TestParseHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, head, body, pageURL string
		source                    string // the name ParseHTML gets; "story.html" when empty
		wantURL, wantOutlet       string
		wantPublished             time.Time
		wantTitle                 string
	}{
		{name: "page url when nothing else", pageURL: "https://news.example.org/a/tram?x=1#top", source: "https://news.example.org/a/tram?x=1#top",
			wantURL: "https://news.example.org/a/tram?x=1", wantOutlet: "example.org", wantTitle: "Tram"},
		{name: "canonical beats og:url", head: `<link rel="Canonical" href="https://www.bbc.co.uk/news/tram"><meta property="og:url" content="https://m.bbc.co.uk/x">`,
			wantURL: "https://www.bbc.co.uk/news/tram", wantOutlet: "BBC", wantTitle: "Story"},
		{name: "relative canonical against page url", head: `<link rel="canonical" href="/news/tram#comments">`, pageURL: "https://www.apnews.com/x",
			wantURL: "https://www.apnews.com/news/tram", wantOutlet: "AP News", wantTitle: "Story"},
		{name: "non-web canonical ignored", head: `<link rel="canonical" href="javascript:alert(1)">`,
			wantTitle: "Story"},
		{name: "time element with pubdate", body: `<time datetime="2020-01-01">x</time><time pubdate datetime="2021-05-06T08:00:00Z">y</time>`,
			wantPublished: time.Date(2021, 5, 6, 8, 0, 0, 0, time.UTC), wantTitle: "Story"},
		{name: "meta name date", head: `<meta name="pubdate" content="2019-07-08">`,
			wantPublished: date(2019, 7, 8), wantTitle: "Story"},
		{name: "unreadable date ignored", head: `<meta property="article:published_time" content="soon">`, wantTitle: "Story"},
		{name: "title tag", head: `<title>Tram line extended</title>`, wantTitle: "Tram line extended"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := articlePage(tc.head, para+tc.body, para, para)
			source := tc.source
			if source == "" {
				source = "story.html"
			}
			a, err := ParseHTML(source, []byte(page), tc.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.URL != tc.wantURL || a.Outlet != tc.wantOutlet || !a.Published.Equal(tc.wantPublished) || a.Title != tc.wantTitle {
				t.Errorf("got url %q outlet %q published %v title %q\nwant    %q        %q           %v       %q",
					a.URL, a.Outlet, a.Published, a.Title, tc.wantURL, tc.wantOutlet, tc.wantPublished, tc.wantTitle)
			}
		})
	}
}

func TestParseHTMLHostile(t *testing.T) {
	deep := strings.Repeat("<div>", 5000) + para + strings.Repeat("</div>", 5000)
	tests := []struct {
		name    string
		page    string
		wantErr error  // errors.Is target, or nil
		wantMsg string // part of the error message, or "" when the page must load
		wantHas string // text the article must hold when it loads
	}{
		{name: "empty page", page: "", wantErr: ErrNoText},
		{name: "no body", page: string(readTestdata(t, "html/empty.html")), wantErr: ErrNoText},
		{name: "only scripts", page: "<html><body><script>" + strings.Repeat("var a = 1;", 1000) + "</script><style>p{}</style></body></html>", wantErr: ErrNoText},
		{name: "invalid utf-8", page: articlePage("", "Bad \xff\xfe bytes "+para, para), wantHas: "Bad \uFFFD bytes"},
		{name: "nested past the parser's limit", page: deep, wantMsg: "parse html"},
		{name: "nested past ours", page: strings.Repeat("<div>", 300) + para, wantMsg: "nested deeper than"},
		{name: "too many elements", page: strings.Repeat("<b>x</b>", maxHTMLElements+1), wantErr: ErrTooLarge},
		{name: "unclosed tags", page: "<p>" + para + "<p><b><i>" + para, wantHas: "regional council"},
		{name: "too large", page: strings.Repeat("a", MaxHTMLBytes+1), wantErr: ErrTooLarge},
		{name: "script in the middle of text", page: articlePage("", para+"<script>alert('x')</script> after the script", para), wantHas: "euros. after the script"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseHTML("hostile.html", []byte(tc.page), "")
			switch {
			case tc.wantErr != nil || tc.wantMsg != "":
				if err == nil {
					t.Fatalf("loaded %q, want an error", a.Text)
				}
				if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
					t.Errorf("error %q is not %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.wantMsg) {
					t.Errorf("error %q does not mention %q", err, tc.wantMsg)
				}
			case err != nil:
				t.Fatal(err)
			default:
				checkArticle(t, a)
				if !strings.Contains(a.Text, tc.wantHas) || strings.Contains(a.Text, "alert") {
					t.Errorf("text %q lacks %q or has a script", a.Text, tc.wantHas)
				}
			}
		})
	}
}

func TestSplitByline(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"By Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}},
		{"Jane Doe, John Roe & Ana Ruiz", []string{"Jane Doe", "John Roe", "Ana Ruiz"}},
		{"by Jane Doe | Updated 3:04 PM ET, Mon February 7, 2022", []string{"Jane Doe"}},
		{"", nil},
		{"The editorial board of the newspaper writes today", nil},
	}
	for _, tc := range tests {
		if got := splitByline(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitByline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzParseHTML(f *testing.F) {
	for _, name := range []string{"article.html", "jsonld.html", "empty.html", "latin1.html"} {
		f.Add(string(readTestdata(f, "html/"+name)), "")
	}
	f.Add(articlePage(`<meta charset="shift_jis"><link rel=canonical href="//x.example/a">`, para, "\x82\xa0"), "https://example.com/a")
	f.Add(`<script type="application/ld+json">[{"datePublished": 5}, {"@graph": [[[{"datePublished": "2020-01-01"}]]]}]</script>`+para, "")
	f.Add("<table><tr><td>"+para+"<td>two</table><figure><figcaption><figcaption>nested</figcaption></figcaption></figure>", "http://[::1]/")
	f.Fuzz(func(t *testing.T, page, pageURL string) {
		a, err := ParseHTML("fuzz.html", []byte(page), pageURL)
		if err != nil {
			return
		}
		checkArticle(t, a)
		for _, c := range a.Captions {
			if c == "" || strings.Contains(c, "\n") {
				t.Errorf("caption %q", c)
			}
		}
	})
}
