package source

import "testing"

func TestTitleFromURL(t *testing.T) {
	tests := map[string]string{
		"https://www.cnn.com/2022/06/12/media/squid-game-season-2/index.html":               "Squid game season 2",
		"https://eu.usatoday.com/story/news/2022/06/10/jan-6-hearing-takeaways/7584321001/": "Jan 6 hearing takeaways",
		"https://example.com/article/a1b2c3d4":                                              "",
		"https://example.com/2022/06/12/":                                                   "",
		"not a url":                                                                         "",
		"https://news.example/world/ukraine_nato_talks.shtml":                               "Ukraine nato talks",
	}
	for in, want := range tests {
		if got := titleFromURL(in); got != want {
			t.Errorf("titleFromURL(%q) = %q, want %q", in, got, want)
		}
	}
}
