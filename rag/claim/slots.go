package claim

// sameSlot reports whether word i of a and word p of b have the same word
// right before them and the same word right after them, in their clauses:
// one word put in the other's place.
func sameSlot(a []token, i int, b []token, p int) bool {
	if i == 0 || p == 0 || i+1 >= len(a) || p+1 >= len(b) {
		return false
	}
	return a[i-1].clause == a[i].clause && a[i+1].clause == a[i].clause && b[p-1].clause == b[p].clause && b[p+1].clause == b[p].clause &&
		a[i-1].low == b[p-1].low && a[i+1].low == b[p+1].low
}
