// Package rag is the core of coveragebot: articles and their passages, the
// coverage index over chromem-go, hybrid retrieval, and answers and summaries
// whose citations are checked against the passages they cite.
//
// It imports no adapter. Discord, OpenAI-compatible endpoints and the loaders
// that touch files or the network live in other packages and reach rag through
// the small function types and interfaces declared here.
package rag
