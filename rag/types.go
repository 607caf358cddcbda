package rag

import (
	"context"
	"time"
)

// Article is one piece of coverage as it was loaded, before it is split into
// passages.
type Article struct {
	// ID is stable across runs: taken from the source (front matter, JSON id)
	// or derived from the URL or file path.
	ID        string
	Title     string
	Outlet    string
	URL       string
	Authors   []string
	Published time.Time // zero when unknown
	// Text is the body. Loaders fill it as found; Clean makes it clean.
	Text string
	// Captions holds image captions, kept apart from the body text.
	Captions []string
	// Source says where the article came from (a file path or a URL), for
	// messages; it is not part of the article's identity.
	Source string
}

// Passage is a bounded, sentence-aligned piece of an article, the unit that is
// embedded, indexed and cited.
type Passage struct {
	// ID is ArticleID + "#" + the passage's position, so the same article
	// gives the same ids on every run.
	ID        string
	ArticleID string
	Title     string
	Outlet    string
	URL       string
	Published time.Time
	Pos       int // 0-based position within the article
	Text      string
}

// Hit is a passage returned by retrieval with its fused score.
type Hit struct {
	Passage
	Score       float64
	VectorRank  int // 1-based rank in the vector list; 0 when absent
	KeywordRank int // 1-based rank in the keyword list; 0 when absent
}

// Citation ties an answer's [N] marker to the passage it cites.
type Citation struct {
	N int
	Passage
}

// Answer is what Answer and the summarisers return.
type Answer struct {
	Question  string
	Text      string // with [N] markers that match Citations
	Citations []Citation
	// Abstained is true when the coverage does not answer the question.
	Abstained bool
	Mode      string // ModeExtractive or ModeLLM
	// AsOf is the publication date of the newest cited article (zero when
	// none is dated).
	AsOf time.Time
	// Caveat, when set, is said before the answer (for example that the
	// newest relevant coverage is old).
	Caveat string
	// Dropped lists sentences removed because their citation did not
	// support them.
	Dropped []string
	// Spans are the words of Text that answer the question itself (a
	// name, a figure, a date), when the answerer could find them, for
	// showing in bold.
	Spans []string
	// Route, when set, says the message was a request for another feature
	// ("summary", "digest", "timeline", "quotes", "compare") rather than a
	// question, and that feature gave this reply; Caveat says so in words.
	Route string
	// Checks holds the check of every sentence of a written answer or
	// summary, kept and dropped, in the order they were written; empty for
	// extractive answers, whose sentences are the passages' own.
	Checks []SentenceCheck
	// Verifier says what decided the checks: VerifiedByRules,
	// VerifiedByModel, or VerifiedByRulesFallback when the model judge was
	// asked and failed.
	Verifier string
}

// SentenceCheck is the check of one written sentence against the passages
// it cites.
type SentenceCheck struct {
	Sentence string
	Kept     bool
	// Verdict is "supported", "contradicted", "not_in_source", or
	// "uncited" for a sentence that states something without a citation.
	Verdict string
	// Kind names what decided a verdict other than supported (the rule:
	// "polarity", "figure", "time", "entity", "role", "antonym",
	// "addition"; or "model"); empty when supported.
	Kind string
	// Reason says, for a person, what the source says instead.
	Reason string
	// Passages are the IDs of the passages the sentence cited.
	Passages []string
	// Pairs holds the verdict of each cited passage on its own (the rules
	// check the sentence against each alone; the model judge labels each
	// pair). A sentence that combines two passages is supported by both
	// together and by neither alone.
	Pairs []PairCheck
}

// PairCheck is the verdict of one cited passage on a sentence.
type PairCheck struct {
	Passage string // its ID
	Verdict string
	Reason  string
}

// What decided the checks of an answer (Answer.Verifier).
const (
	VerifiedByRules         = "rules"
	VerifiedByModel         = "model"
	VerifiedByRulesFallback = "rules-fallback"
)

// Answer modes.
const (
	ModeExtractive = "extractive"
	ModeLLM        = "llm"
)

// EmbedFunc turns texts into vectors, one per text, in order. It is called
// with batches; implementations that talk to a server send a batch per
// request.
type EmbedFunc func(ctx context.Context, texts []string) ([][]float32, error)

// Embedder names an EmbedFunc. The name and dimension are stored with the
// index, which refuses to open with a different embedder.
type Embedder struct {
	Name       string
	Dimensions int // 0 when only known after the first call
	Embed      EmbedFunc
}

// Message is one turn of a chat with a language model.
type Message struct {
	Role    string // "system", "user" or "assistant"
	Content string
}

// ChatFunc asks a chat model for a completion. When onDelta is not nil the
// reply is streamed and onDelta receives each piece as it arrives; the full
// reply is returned either way.
type ChatFunc func(ctx context.Context, msgs []Message, onDelta func(string)) (string, error)

// ArticleInfo describes an indexed article without its text.
type ArticleInfo struct {
	ID        string
	Title     string
	Outlet    string
	URL       string
	Published time.Time
	Passages  int
}

// RetrieveOptions tune one retrieval.
type RetrieveOptions struct {
	K int // passages wanted; 0 means the default
	// AsOf is when the question is asked; phrases such as "this week" are
	// read against it. Zero means now.
	AsOf time.Time
	// Since and Until, when set, keep only passages published in that window
	// (undated passages are kept).
	Since, Until time.Time
	// ArticleID, when set, keeps only that article's passages.
	ArticleID string
}

// AskOptions tune one question.
type AskOptions struct {
	RetrieveOptions
	// History holds earlier turns of the conversation, oldest first, so a
	// follow-up such as "what did he say next?" can be understood.
	History []Message
	// OnDelta, when set, receives the answer as a language model writes
	// it, a checked sentence at a time: a sentence the citation check drops
	// is never passed on, and what was passed on is the start of the
	// Answer's Text. With a model judge, which reads the answer only once it
	// is whole, it receives a single "checking" line instead. The extractive
	// answerer does not call it.
	OnDelta func(string)
}

// SummaryRequest says what to summarise: one article, a topic, or (when both
// are empty) the whole coverage.
type SummaryRequest struct {
	ArticleID string
	Topic     string
	AsOf      time.Time
	// OnDelta streams a summary a language model writes, as
	// AskOptions.OnDelta streams an answer.
	OnDelta func(string)
}
