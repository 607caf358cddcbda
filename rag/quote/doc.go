// Package quote finds the direct quotations in an article and who said
// them, and decides when two ways of naming a speaker mean the same person.
//
// It reads one article at a time and keeps no state; the index stores what
// Extract finds, and the answering engine searches it.
package quote
