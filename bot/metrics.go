package bot

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Where a question came from, as the questions_total metric labels it.
const (
	sourceSlash   = "slash"
	sourceMention = "mention"
	sourceChannel = "channel"
	sourceThread  = "thread"
	sourceReply   = "reply" // a reply to one of the bot's messages, outside its threads
)

// metrics are the bot's Prometheus series.
type metrics struct {
	questions   *prometheus.CounterVec
	answerTime  prometheus.Histogram
	errors      *prometheus.CounterVec
	feedback    *prometheus.CounterVec
	rateLimited prometheus.Counter
	queueFull   prometheus.Counter
	inflight    prometheus.Gauge
	posts       *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "coveragebot_questions_total",
			Help: "Questions taken, by where they came from (slash, mention, channel, thread, reply).",
		}, []string{"source"}),
		answerTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "coveragebot_answer_seconds",
			Help:    "Time from taking a question to posting its final answer.",
			Buckets: []float64{0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120},
		}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "coveragebot_answer_errors_total",
			Help: "Questions that ended in an error instead of an answer, by kind.",
		}, []string{"kind"}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "coveragebot_feedback_total",
			Help: "Feedback votes on answers (one per user and answer), by vote.",
		}, []string{"vote"}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "coveragebot_rate_limited_total",
			Help: "Questions refused because the user asked too often.",
		}),
		queueFull: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "coveragebot_queue_full_total",
			Help: "Questions refused because their guild's queue was full.",
		}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "coveragebot_inflight",
			Help: "Answers being worked on or waiting for a slot.",
		}),
		posts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "coveragebot_channel_posts_total",
			Help: "Posts the bot made on its own (announcements of new articles, scheduled digests), by kind and result.",
		}, []string{"kind", "result"}),
	}
	for _, c := range []prometheus.Collector{m.questions, m.answerTime, m.errors, m.feedback, m.rateLimited, m.queueFull, m.inflight, m.posts} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	return m, nil
}
