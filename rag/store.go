package rag

import (
	"context"
	"time"
)

// Store is an external home for the index's passages: a vector database
// that keeps the vectors and the keyword postings and runs both searches,
// so that the bot process holds neither. An Index opened with a Store
// (search.Options.Store) writes every change through it and keeps only the
// catalog in memory: the articles, their text and quotations, and the
// document frequencies that answering needs. Retrieval fuses what the two
// queries return exactly as it fuses chromem-go's and BM25's lists.
//
// Without a Store the index keeps everything in process, in chromem-go and
// its own BM25 index, and persists it to one snapshot file; that is the
// default and needs no server. NewChromemStore puts the same in-process
// engines behind this interface, and rag/weaviate implements it on a
// Weaviate cluster. rag/storetest is the suite both must pass.
type Store interface {
	// Name is the backend's name as COVERAGEBOT_STORE spells it.
	Name() string
	// Put adds articles with all their passages, or replaces them whole:
	// it is an upsert keyed by article and passage id, so putting the same
	// article twice leaves one copy. Vectors are unit length.
	Put(ctx context.Context, arts []StoredArticle) error
	// Delete removes articles and all their passages; unknown ids are not
	// an error.
	Delete(ctx context.Context, articleIDs []string) error
	// Count is the number of passages stored.
	Count(ctx context.Context) (int, error)
	// Catalog calls fn for every stored article, with its passages' text
	// and positions but without vectors. The Index builds its catalog, and
	// reads the content hashes that make ingestion incremental, from it.
	Catalog(ctx context.Context, fn func(StoredArticle) error) error
	// Version changes whenever the stored articles change, whoever changed
	// them, so that a process sharing the store knows when to read the
	// catalog again.
	Version(ctx context.Context) (string, error)
	// VectorQuery returns the passages nearest q.Vector within the filter,
	// nearest first, with their cosine similarity as the score.
	VectorQuery(ctx context.Context, q VectorQuery) ([]Match, error)
	// KeywordQuery returns the passages, or with q.Articles the articles,
	// with the best Okapi BM25 scores for q.Terms within the filter, best
	// first. Items that hold none of the terms are left out.
	KeywordQuery(ctx context.Context, q KeywordQuery) ([]Match, error)
	// Close releases the store's connections.
	Close() error
}

// StoredArticle is an article as a Store holds it: its catalog record and
// its passages.
type StoredArticle struct {
	Info ArticleInfo
	// Body is the clean text; every passage is a span of it.
	Body     string
	Hash     string
	Source   string
	Authors  []string
	Captions []string
	Quotes   []Quote
	// Embedder names the embedder that made the vectors, so that an index
	// opened with another one is refused.
	Embedder   string
	Dimensions int
	Passages   []StoredPassage
}

// StoredPassage is a passage with its place in the article body and, when
// written, its vector.
type StoredPassage struct {
	Passage
	// Start and End locate the passage's text in the article body.
	Start, End int
	Vector     []float32
}

// Filter narrows a query. Zero values narrow nothing.
type Filter struct {
	// Since and Until bound the publication date, Since inclusive and Until
	// exclusive. Undated passages always pass: a date filter must not lose
	// coverage whose date is unknown.
	Since, Until time.Time
	// ArticleIDs keeps only the passages of these articles.
	ArticleIDs []string
	// PassageIDs keeps only these passages (for keyword queries over
	// articles, it is ignored).
	PassageIDs []string
}

// VectorQuery asks for the Limit passages nearest Vector.
type VectorQuery struct {
	Vector []float32
	Limit  int
	Filter Filter
}

// KeywordQuery asks for the Limit best BM25 matches of Terms, outputs of
// Terms.
type KeywordQuery struct {
	Terms []string
	Limit int
	// Articles scores whole articles rather than passages: an article's
	// text is its passages' terms together, its title counted titleWeight
	// times once.
	Articles bool
	Filter   Filter
}

// Match is one result of a query: a passage id (or an article id) and its
// score.
type Match struct {
	ID    string
	Score float64
}
