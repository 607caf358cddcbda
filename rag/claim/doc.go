// Package claim checks a sentence against the passages it cites and says
// whether they support it, contradict it, or do not hold it, with a reason a
// person can read.
//
// The check is a set of rules over words, with no model: negation on one
// side only, figures and times the passages do not hold (or hold for
// something else), names the passages do not give or give in another place,
// who did what to whom, opposites from WordNet (package lexicon) and content
// nothing supports. It accepts the ways a fluent writer rewords a source:
// word forms, WordNet synonyms, numbers written in words or digits, reordered
// clauses, and one sentence drawing on two passages.
package claim
