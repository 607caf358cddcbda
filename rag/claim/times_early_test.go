package claim

import "testing"

// TestEarlyHoursAndOneUnitAgo: "in the early hours of Friday" is the part
// of Friday's night after midnight, so it is "early Friday" and Friday
// morning, and not Friday evening; "early on Friday" says more than "on
// Friday"; and one unit written with "a" before "ago" is as long as the
// unit ("a decade ago" is "ten years ago", not nine).
func TestEarlyHoursAndOneUnitAgo(t *testing.T) {
	checkPairs(t, []pairCase{
		{"early hours for early", "The ferry sank in the early hours of Friday.", "The ferry sank early on Friday, the coastguard said.", true, ""},
		{"early for morning", "The ferry sank early Friday.", "The ferry sank on Friday morning, the coastguard said.", true, ""},
		{"morning for early", "The ferry sank on Friday morning.", "The ferry sank early on Friday, the coastguard said.", true, ""},
		{"early hours for overnight", "The ferry sank in the early hours of Friday.", "The ferry sank overnight into Friday, the coastguard said.", true, ""},
		{"the day for early", "The ferry sank on Friday.", "The ferry sank early on Friday, the coastguard said.", true, ""},
		{"early added", "The ferry sank early on Friday.", "The ferry sank on Friday, the coastguard said.", false, KindTime},
		{"early for evening", "The ferry sank early on Friday.", "The ferry sank on Friday evening, the coastguard said.", false, KindTime},
		{"early hours for evening", "The ferry sank in the early hours of Friday.", "The ferry sank on Friday evening, the coastguard said.", false, KindTime},
		{"a decade ago", "The pier was built a decade ago.", "The pier was built ten years ago, the council said.", true, ""},
		{"a year ago", "The pier was built a year ago.", "The pier was built 12 months ago, the council said.", true, ""},
		{"a decade for nine years", "The pier was built a decade ago.", "The pier was built nine years ago, the council said.", false, KindTime},
	})
}
