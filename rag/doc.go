// Package rag is the domain of coveragebot: articles and their passages,
// hits, answers and citations, quotations, timelines and comparisons, the
// sentinel errors callers branch on, and the seams through which the core
// reaches the outside world (EmbedFunc, ChatFunc, Store).
//
// It holds types and interfaces only. The work is done in its subpackages:
// prose (text), quote (quotations), search (the index and retrieval), answer
// (the engine) and eval (retrieval metrics). None of them imports an adapter;
// Discord, OpenAI-compatible endpoints, Weaviate and the loaders that touch
// files or the network live in other packages and reach the core through the
// seams declared here.
package rag
