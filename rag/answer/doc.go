// Package answer is the answering engine: Engine turns a question, a topic
// or a time span into an answer whose every citation is checked against the
// passage it cites, extractively or with a language model (rag.ChatFunc).
// It also writes summaries, quotation lists, timelines, outlet comparisons
// and digests.
//
// It reads the coverage through a search.Index and never writes to it.
package answer
