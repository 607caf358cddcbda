// Package eval measures retrieval on a benchmark: it reads questions with
// gold article URLs, runs them through a Retriever as ask does, and reports
// Hits@k and MRR@10.
package eval
