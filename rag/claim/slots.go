package claim

// sameSlot reports whether word i of a and word p of b have the same word
// right before them and the same word right after them, in their clauses:
// one word put in the other's place. A word that ends its clause on both
// sides, before the same punctuation ("much to his delight," where the
// passage says "much to his disgust,"), or ends both sentences, has the
// same word after it too.
func sameSlot(a []token, i int, b []token, p int) bool {
	if i == 0 || p == 0 {
		return false
	}
	if a[i-1].clause != a[i].clause || b[p-1].clause != b[p].clause || a[i-1].low != b[p-1].low {
		return false
	}
	endsA, endsB := i+1 >= len(a) || a[i+1].sent != a[i].sent, p+1 >= len(b) || b[p+1].sent != b[p].sent
	if endsA || endsB {
		return endsA && endsB
	}
	inA, inB := a[i+1].clause == a[i].clause, b[p+1].clause == b[p].clause
	return inA == inB && a[i+1].low == b[p+1].low
}
