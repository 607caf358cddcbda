// Package search is the coverage index: it ingests articles into passages,
// embeds them, keeps BM25 postings and the article catalog, persists all of
// it in one snapshot file, and retrieves the passages that answer a question
// by fusing vector and keyword candidates with headline and date evidence.
//
// Index is the only way in. Passages live in a rag.Store: in process by
// default, or in Weaviate when the caller opens the index with one.
package search
