package claim

import "testing"

// TestOppositeRestatedElsewhere covers a sentence that restates the
// passage's word itself in its place and rewords another passage word,
// near it, with a word that happens to be its opposite: kept. Where the
// reworded word has no relative in the passage, or the passage holds the
// word more often than the sentence restates it, the opposite still drops
// the sentence.
func TestOppositeRestatedElsewhere(t *testing.T) {
	orders := "After a rush of orders that peaked in spring and then fell, the bakery saw a second increase in sales and deliveries over the summer."
	runCases(t, KindAntonym, []ruleCase{
		{"the word restated, its opposite rewording another", "After a rush of orders that peaked in spring and then fell off, the bakery saw sales and deliveries climb again over the summer.", orders, true},
		{"the same words, the second verb turned round", "After a rush of orders that peaked in spring and then fell, the bakery saw a second decrease in sales and deliveries over the summer.", orders, false},
		{"no relative of the new word", "Shares fell 5% on Monday, and the index rose 2% by the close.", "Shares fell 5% on Monday, and the index slipped 2% by the close.", false},
		{"a converse with no relative", "The team won its opening match and lost to the champions a week later.", "The team won its opening match and beat the champions a week later.", false},
		{"one of two occurrences turned round", "Unemployment rose in May after it fell in April.", "Unemployment rose in May after it rose in April.", false},
	})
}

// TestOppositeInUnsaidAside covers an opposite that the passage holds only
// in a parenthesis set off by dashes or brackets, of which the sentence
// restates nothing: the sentence left the aside out. An aside the sentence
// does restate is still read.
func TestOppositeInUnsaidAside(t *testing.T) {
	runCases(t, KindAntonym, []ruleCase{
		{"the aside left out", "Cattle imports fell 6% in March, the ministry said.",
			"Imports of cattle – animals raised for beef – were down 6% in March, the ministry said.", true},
		{"the aside restated, its word turned round", "The bill, rejected by the Senate in May, goes to the House next week.",
			"The bill – approved by the Senate in May – goes to the House next week.", false},
	})
}
