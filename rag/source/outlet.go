package source

import (
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// knownOutlets names the news sites whose host alone says little ("cnn.com")
// or misleads ("go.com"). Keys are registrable domains or, where a company
// hosts several outlets, full hosts.
var knownOutlets = map[string]string{
	"abcnews.go.com":      "ABC News",
	"aljazeera.com":       "Al Jazeera",
	"apnews.com":          "AP News",
	"axios.com":           "Axios",
	"bbc.co.uk":           "BBC",
	"bbc.com":             "BBC",
	"bloomberg.com":       "Bloomberg",
	"businessinsider.com": "Business Insider",
	"cbsnews.com":         "CBS News",
	"cnbc.com":            "CNBC",
	"cnn.com":             "CNN",
	"dw.com":              "DW",
	"economist.com":       "The Economist",
	"euronews.com":        "Euronews",
	"foxnews.com":         "Fox News",
	"france24.com":        "France 24",
	"ft.com":              "Financial Times",
	"huffpost.com":        "HuffPost",
	"independent.co.uk":   "The Independent",
	"itv.com":             "ITV News",
	"kyivindependent.com": "The Kyiv Independent",
	"latimes.com":         "Los Angeles Times",
	"msnbc.com":           "MSNBC",
	"nbcnews.com":         "NBC News",
	"news.sky.com":        "Sky News",
	"newsweek.com":        "Newsweek",
	"npr.org":             "NPR",
	"nytimes.com":         "The New York Times",
	"politico.com":        "Politico",
	"politico.eu":         "Politico Europe",
	"reuters.com":         "Reuters",
	"telegraph.co.uk":     "The Telegraph",
	"theatlantic.com":     "The Atlantic",
	"theguardian.com":     "The Guardian",
	"thehill.com":         "The Hill",
	"theweek.co.uk":       "The Week",
	"theweek.com":         "The Week",
	"time.com":            "Time",
	"usatoday.com":        "USA Today",
	"washingtonpost.com":  "The Washington Post",
	"wsj.com":             "The Wall Street Journal",
}

// outletFromURL names the outlet that published a URL: a well-known name
// when the host is in the table, else the registrable domain ("example.org"
// for news.example.org). It is empty when the URL has no host.
func outletFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return ""
	}
	if net.ParseIP(host) != nil {
		return host
	}
	for h := host; ; {
		if name, ok := knownOutlets[h]; ok {
			return name
		}
		dot := strings.IndexByte(h, '.')
		if dot < 0 {
			break
		}
		h = h[dot+1:]
	}
	if domain, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return domain
	}
	return host
}
