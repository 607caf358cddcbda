package prose

import "testing"

func TestArrowBullets(t *testing.T) {
	for _, tc := range []struct {
		line   string
		teaser bool
	}{
		{"► March 3: Harbour ferry strike enters its second week", true},
		{"►Fuel costs:Why do they keep climbing?", true},
		{"▶ Sign up for our morning newsletter", true},
		{"►Why did the council cancel the parade?", true},
		{"►The harbour authority said the ferries would run again on Monday.", false},
		{"► The mayor called the closure “a disgrace” and promised an inquiry.”", false},
		{"►Two unions joined the strike. Their leader said talks had “gone nowhere.”", false},
		{"Read more: the strike in pictures", false}, // a teaser, but not an arrow's
	} {
		if got := isArrowTeaser(tc.line); got != tc.teaser {
			t.Errorf("isArrowTeaser(%q) = %v, want %v", tc.line, got, tc.teaser)
		}
	}
	text := "Ferry workers walked out on Monday.\n\n► March 3: Harbour ferry strike enters its second week\n\n►The harbour authority said the ferries would run again on Monday."
	got, _ := CleanText(text)
	if want := "Ferry workers walked out on Monday.\n\n►The harbour authority said the ferries would run again on Monday."; got != want {
		t.Errorf("Clean kept %q, want the news bullet without the teaser: %q", got, want)
	}
}
