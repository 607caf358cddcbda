// Package prose turns the text of news articles into what the rest of the
// core works with: tokens, terms and stems, sentences, bodies cleaned of page
// furniture, sentence-aligned passages, and the dates a phrase names.
//
// It knows nothing of indexes or answers; every other part of the core
// reads text through it, so that a question and an article are always cut
// into terms the same way.
package prose
