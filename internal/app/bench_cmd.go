package app

import "flag"

// benchCmd is `coveragebot bench`. Its flags are in every build, so that
// help lists them; the measuring (bench.go) is built only with -tags bench,
// and without it run says how to get it (bench_off.go).
type benchCmd struct {
	Sizes   string
	Corpus  string
	Queries int
	Store   string
	JSON    bool
}

func (c *benchCmd) bind(fs *flag.FlagSet) {
	fs.StringVar(&c.Sizes, "sizes", "10k,100k", "passage `COUNTS` to measure, comma-separated (10k, 100k, 1m, or plain numbers)")
	fs.StringVar(&c.Corpus, "corpus", "", "a JSON Lines or article `FILE` whose sentences make the synthetic passages (default: a built-in Zipf-distributed vocabulary)")
	fs.IntVar(&c.Queries, "queries", 200, "time `N` questions at each size")
	fs.StringVar(&c.Store, "store", "chromem", "`STORE` to measure beside the in-process index: chromem (only it) or weaviate (also the server at COVERAGEBOT_WEAVIATE_URL, over gRPC when COVERAGEBOT_WEAVIATE_GRPC is set)")
	fs.BoolVar(&c.JSON, "json", false, "print the results as one JSON object")
}
