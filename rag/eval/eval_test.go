package eval

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestComputeMetricsByHand(t *testing.T) {
	// Ranks 1, 3, 5, 12 (beyond 10) and a miss:
	// Hits@1 = 1/5, Hits@4 = 2/5, Hits@10 = 3/5,
	// MRR@10 = (1 + 1/3 + 1/5) / 5 = 0.30666…
	m := ComputeMetrics([]int{1, 3, 5, 12, 0})
	want := Metrics{Queries: 5, Hits1: 0.2, Hits4: 0.4, Hits10: 0.6, MRR10: (1 + 1.0/3 + 0.2) / 5}
	if m.Queries != want.Queries || !near(m.Hits1, want.Hits1) || !near(m.Hits4, want.Hits4) ||
		!near(m.Hits10, want.Hits10) || !near(m.MRR10, want.MRR10) {
		t.Fatalf("ComputeMetrics = %+v, want %+v", m, want)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestNormalizeURLAndGoldRank(t *testing.T) {
	ranked := []string{NormalizeURL("https://www.cnn.com/a/"), NormalizeURL("http://usatoday.com/b?x=1")}
	if got := GoldRank(ranked, []string{"https://usatoday.com/b"}); got != 2 {
		t.Errorf("GoldRank = %d, want 2", got)
	}
	if got := GoldRank(ranked, []string{"https://cnn.com/zzz"}); got != 0 {
		t.Errorf("GoldRank of a miss = %d, want 0", got)
	}
}

func TestReadEvalQueriesRejectsBadLines(t *testing.T) {
	_, err := ReadQueries(strings.NewReader("{\"id\":\"a\",\"question\":\"ok?\"}\nnot json\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want a line 2 error", err)
	}
}

func TestPercentile(t *testing.T) {
	ds := []time.Duration{5, 1, 4, 2, 3}
	if Percentile(ds, 50) != 3 || Percentile(ds, 95) != 5 || Percentile(ds, 0) != 1 {
		t.Errorf("percentiles: %v %v %v", Percentile(ds, 50), Percentile(ds, 95), Percentile(ds, 0))
	}
}
