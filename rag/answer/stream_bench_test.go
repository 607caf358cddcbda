package answer

import (
	"context"
	"strings"
	"testing"
)

// BenchmarkStreamLongReply streams a 30 KB reply of cited sentences in
// 8-byte pieces: the checked stream reads the reply so far again at every
// piece that completes a word, so a long reply costs the square of its
// length. One op is the whole reply.
func BenchmarkStreamLongReply(b *testing.B) {
	hits := seedHits(b, "What did Starmer tell Zelenskyy about NATO?", 10)
	var sb strings.Builder
	for sb.Len() < 30000 {
		sb.WriteString("Starmer told Zelenskyy that Ukraine is still on an “irreversible path” to joining NATO [1]. ")
	}
	reply := sb.String()
	for b.Loop() {
		chat := &pieceChat{reply: reply, size: 8}
		var got streamed
		if _, err := LLM(context.Background(), chat.chat, nil, "q", nil, hits, got.add(chat)); err != nil {
			b.Fatal(err)
		}
	}
}
