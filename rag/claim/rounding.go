package claim

import "math"

// A writer rounds a figure and says so: "nearly 3,000 routes" for 2,832,
// "more than 2,800", "about $441 million" for $440.6 million. The word
// before the figure says which way, and the figure as written says to what
// precision.

// approximators are the words English puts before a figure it rounds or
// bounds (a closed class): "about", "around", "nearly", "more than" …
var approximators = wordSet("about around roughly approximately some nearly almost close more over above under below less fewer upward upwards exceeding beyond least")

// hedgedBefore reports whether an approximator stands just before the
// figure at i, past "than", "to", "of", "a" and "just".
func hedgedBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3 && toks[j].clause == toks[i].clause; j-- {
		switch low := toks[j].low; {
		case approximators[low]:
			return true
		case low == "than" || low == "to" || low == "of" || low == "a" || low == "just" || low == "at":
			continue
		}
		return false
	}
	return false
}

// precision is the unit a figure is written to: 2,800 to the hundred, 1.5
// to the tenth, 6.6 billion to the hundred million.
func precision(v float64) float64 {
	v = math.Abs(v)
	if v >= 1 && v == math.Trunc(v) && v < 1e15 {
		u := 1.0
		for n := int64(v); n%10 == 0 && n > 0; n /= 10 {
			u *= 10
		}
		return u
	}
	u := 1.0
	for d := 0; d < 6; d++ {
		if x := v / u; math.Abs(x-math.Round(x)) < 1e-6 {
			return u
		}
		u /= 10
	}
	return u
}

// rounded reports whether sentence figure a, hedged, rounds passage figure
// b: within half its precision for "about", and within its precision on the
// side its word gives for "more than" (b above a) or "nearly" (b below a).
func rounded(a, b figure) bool {
	if a.approx && a.fraction && b.pct && a.unit == b.unit {
		// "nearly half" for 48%, "more than a third" for 36%: a share in
		// words is written to the nearest of its neighbours, which stand
		// some ten points apart (a quarter, a third, a half).
		a = figure{value: a.value * 100, pct: true, approx: true, dir: a.dir}
		return roundedTo(a, b, fractionPrecision)
	}
	if !a.approx || a.ordinal || b.ordinal || a.pct != b.pct || a.unit != b.unit {
		return false
	}
	return roundedTo(a, b, max(precision(a.value), a.step))
}

// fractionPrecision is the precision, in percentage points, of a share
// written in words.
const fractionPrecision = 10

func roundedTo(a, b figure, u float64) bool {
	d := b.value - a.value
	switch {
	case a.dir > 0:
		return d > 0 && d < u
	case a.dir < 0:
		return d < 0 && -d < u
	}
	return math.Abs(d) <= u/2+1e-9*u
}
