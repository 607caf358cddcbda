package bot

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/internal/seedtest"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/search"
)

// seedIntelligence is the real engine over the seed coverage in data/.
func seedIntelligence(t *testing.T) *answer.Engine {
	t.Helper()
	ix, err := search.Open(search.NewLocalEmbedder(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(context.Background(), seedtest.Articles(t), search.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return &answer.Engine{Index: ix}
}

var reMarker = regexp.MustCompile(`\[(\d+)\]`)

// TestCompareSeedCitesEveryArticle runs /compare on the seed coverage
// through the real engine: every article counted for an outlet is cited,
// and the reply lists those sources, as /ask does.
func TestCompareSeedCitesEveryArticle(t *testing.T) {
	t.Parallel()
	e := seedIntelligence(t)
	h := startBot(t, Config{}, func(_ *Config, o *Options) { o.Intelligence = e })
	bodies := h.answerBodies(h.slash("compare", strOpt("topic", "Trump Zelenskyy meeting")))
	embed := bodies[0].Embeds[0]
	lines := strings.Split(embed.Description, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "1. **Sky News**") {
		t.Fatalf("description:\n%s", embed.Description)
	}
	titles := strings.Split(lines[1][strings.Index(lines[1], ": ")+2:], "; ")
	for _, title := range titles {
		if !reMarker.MatchString(title) {
			t.Errorf("article %q carries no citation", title)
		}
	}
	if len(embed.Fields) == 0 || !strings.HasPrefix(embed.Fields[0].Name, "Sources") {
		t.Fatalf("no sources listed: %+v", embed.Fields)
	}
	for _, m := range reMarker.FindAllStringSubmatch(embed.Description, -1) {
		if !strings.Contains(embed.Fields[0].Value, "["+m[1]+"]") {
			t.Errorf("marker [%s] has no source in %q", m[1], embed.Fields[0].Value)
		}
	}
}
