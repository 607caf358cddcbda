package quote

import (
	"sync"

	"github.com/coveragebot/coveragebot/rag/lexicon"
)

// nounFiles returns the WordNet lexicographer files of a word's first noun
// senses (lexicon.LexFiles), kept once asked: the extractor asks about the
// word before every name of every article.
func nounFiles(w string) []string {
	if v, ok := nounCache.Load(w); ok {
		return v.([]string)
	}
	files := lexicon.LexFiles(w, 'n')
	nounCache.Store(w, files)
	return files
}

var nounCache sync.Map
