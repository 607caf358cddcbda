package source

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseJSON(t *testing.T) {
	tests := []struct {
		file string
		want []articleWant
	}{
		{"json/one.json", []articleWant{{
			id:        "rail-strike-called-off",
			title:     "Rail strike called off after overnight talks",
			outlet:    "USA Today",
			url:       "https://www.usatoday.com/story/news/2022/09/15/rail-strike-called-off/",
			authors:   []string{"Dana Whitfield"},
			published: date(2022, 9, 15),
			textHas:   []string{"tentative deal.\n\nUnions will put"},
		}}},
		{"json/array.json", []articleWant{{
			// No id: derived from the URL, without its index.html.
			id:        "edition.cnn.com-2022-08-01-world-volcano-eruption",
			title:     "Volcano erupts near capital",
			outlet:    "CNN",
			url:       "https://edition.cnn.com/2022/08/01/world/volcano-eruption/index.html",
			authors:   []string{"Leah Park"},
			published: time.Date(2022, 8, 1, 10, 0, 0, 0, time.UTC),
			textHas:   []string{"A volcano erupted"},
		}, {
			// Neither id nor URL: the file's name and the item's place.
			id:      "json-array-2",
			title:   "Museum returns stolen painting",
			outlet:  "The Art Post",
			textHas: []string{"forty years ago"},
		}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			arts, err := ParseJSON(tc.file, readTestdata(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(tc.want) {
				t.Fatalf("got %d articles, want %d", len(arts), len(tc.want))
			}
			for i, a := range arts {
				checkArticle(t, a)
				tc.want[i].check(t, a.ID, a.Title, a.Outlet, a.URL, a.Authors, a.Captions, a.Published, a.Text)
			}
		})
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		name, in string
		wantMsg  string
		wantIs   error
	}{
		{"item without text", string(readTestdata(t, "json/bad-item.json")), "item 2: no article text", ErrNoText},
		{"array of numbers", string(readTestdata(t, "json/not-articles.json")), "item 1: want an article object", nil},
		{"two values", string(readTestdata(t, "json/two-values.json")), ".jsonl", nil},
		{"truncated", string(readTestdata(t, "json/truncated.json")), "invalid JSON", nil},
		{"empty", "", "invalid JSON", nil},
		{"a string", `"text"`, "want a JSON object", nil},
		{"title a number", `{"title": 5, "text": "x"}`, "title", nil},
		{"authors an object", `{"authors": {"name": "x"}, "text": "x"}`, "authors: want a string or a list", nil},
		{"id an object", `{"id": {}, "text": "x"}`, "id: want a string or a number", nil},
		{"unsafe id", `{"id": "a b/c", "text": "x"}`, "unsafe id", ErrBadID},
		{"bad date", `{"published": "31/12/2022", "text": "x"}`, `published: cannot read date "31/12/2022"`, nil},
		{"relative url", `{"url": "/news/1", "text": "x"}`, "url:", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := ParseJSON("bad.json", []byte(tc.in))
			if err == nil {
				t.Fatalf("loaded %d articles, want an error", len(arts))
			}
			if !strings.Contains(err.Error(), tc.wantMsg) {
				t.Errorf("error %q does not mention %q", err, tc.wantMsg)
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Errorf("error %q is not %v", err, tc.wantIs)
			}
		})
	}
}

func TestParseJSONEmptyArray(t *testing.T) {
	arts, err := ParseJSON("empty.json", []byte(" [ ] "))
	if err != nil || len(arts) != 0 {
		t.Errorf("got %d articles, %v; want none and no error", len(arts), err)
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, name := range []string{"one.json", "array.json", "bad-item.json", "not-articles.json", "two-values.json", "truncated.json"} {
		f.Add(string(readTestdata(f, "json/"+name)))
	}
	f.Add(`{"id": 1e400, "text": "x"}`)
	f.Add(`[{"text": "\ud800 lone surrogate", "captions": "one", "authors": [null, ""]}]`)
	f.Fuzz(func(t *testing.T, in string) {
		arts, err := ParseJSON("fuzz.json", []byte(in))
		if err != nil {
			return
		}
		for _, a := range arts {
			checkArticle(t, a)
		}
	})
}
