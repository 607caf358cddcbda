package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/coveragebot/coveragebot/bot"
	"github.com/coveragebot/coveragebot/config"
	"github.com/coveragebot/coveragebot/rag"
	"github.com/coveragebot/coveragebot/rag/answer"
	"github.com/coveragebot/coveragebot/rag/feed"
	"github.com/coveragebot/coveragebot/rag/search"
)

// serveCmd is `coveragebot serve`.
type serveCmd struct {
	NoDiscord bool
}

func (c *serveCmd) bind(fs *flag.FlagSet) {
	fs.BoolVar(&c.NoDiscord, "no-discord", false, "run without Discord: keep the index (and feeds) up to date and serve /healthz and /metrics only")
}

func (c *serveCmd) run(ctx context.Context, inv *invocation) error {
	noDiscord := c.NoDiscord
	if !noDiscord && !inv.cfg.Discord.Token.IsSet() {
		return usageErr("DISCORD_TOKEN (or DISCORD_TOKEN_FILE) is not set; see README.md for creating a bot token, or run with --no-discord")
	}
	a, err := New(inv.cfg, Deps{Logger: inv.logger, Version: inv.env.Version, NoDiscord: noDiscord})
	if err != nil {
		return err
	}
	defer a.Close()
	return a.Run(ctx)
}

// Deps are what App takes from outside its configuration: tests pass
// their own HTTP clients and clock.
type Deps struct {
	Logger  *slog.Logger
	Version string
	// NoDiscord runs the index, feeds and HTTP listener without a bot.
	NoDiscord bool
	// DiscordClient is the base HTTP client for Discord's REST API.
	DiscordClient *http.Client
	// LLMClient is the HTTP client for the OpenAI-compatible endpoint.
	LLMClient *http.Client
	// Listener, when set, is used instead of listening on
	// COVERAGEBOT_HTTP_ADDR (tests pass one on port 0).
	Listener net.Listener
	// ShutdownGrace is how long answers in flight may take to finish once
	// the process is told to stop; default 20 s.
	ShutdownGrace time.Duration
	// Now is the clock of the digest schedule and of the bot's rate limit;
	// nil is time.Now.
	Now func() time.Time
	// After waits until the next digest is due; nil is time.After. Tests
	// pass a channel they fire themselves.
	After func(time.Duration) <-chan time.Time

	// httpLimits replaces defaultHTTPLimits; tests shorten the timeouts.
	httpLimits *httpLimits
}

// App is what `coveragebot serve` runs: the index and engine, the Discord
// bot, and the HTTP listener for /healthz and /metrics. Tests start the same
// App that main does.
type App struct {
	cfg      config.Config
	deps     Deps
	log      *slog.Logger
	stack    *stack
	bot      atomic.Pointer[bot.Bot]
	registry *prometheus.Registry
	server   *http.Server
	listener net.Listener

	// live polls the feeds and ingests URLs; nil in a read-only process.
	live *feed.Poller
	// onNewArticles, when set before Run, is told about every article new
	// to the index (from feeds or URLs), for announcements.
	onNewArticles func([]rag.ArticleInfo)

	indexReady atomic.Bool
	closeOnce  sync.Once
	wg         sync.WaitGroup
}

// New builds the App: it opens the index (not yet the Discord connection)
// and the HTTP listener, so /healthz answers while the rest starts.
func New(cfg config.Config, deps Deps) (*App, error) {
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.DiscardHandler)
	}
	if deps.ShutdownGrace <= 0 {
		deps.ShutdownGrace = 20 * time.Second
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.After == nil {
		deps.After = time.After
	}
	a := &App{cfg: cfg, deps: deps, log: deps.Logger.With("component", "app"), registry: prometheus.NewRegistry()}
	a.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := newEngineMetrics(a.registry)

	ln := deps.Listener
	if ln == nil && cfg.HTTP.Addr != "" {
		var err error
		if ln, err = net.Listen("tcp", cfg.HTTP.Addr); err != nil {
			return nil, fmt.Errorf("listen on COVERAGEBOT_HTTP_ADDR %s: %w", cfg.HTTP.Addr, err)
		}
	}
	a.listener = ln
	if ln != nil {
		mux := http.NewServeMux()
		mux.HandleFunc("/healthz", a.healthz)
		mux.Handle("/metrics", promhttp.HandlerFor(a.registry, promhttp.HandlerOpts{}))
		limits := defaultHTTPLimits
		if deps.httpLimits != nil {
			limits = *deps.httpLimits
		}
		a.server = newHTTPServer(onlyReads(mux), limits)
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			if err := a.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				a.log.Error("http listener stopped", "err", err)
			}
		}()
	}

	st, err := openStack(cfg, deps.Logger, stackOptions{httpClient: deps.LLMClient})
	if err != nil {
		a.Close()
		return nil, err
	}
	st.engine.Observe = m.observe
	if st.engine.Verify != nil {
		st.engine.Verify.Observe = m.judged
	}
	a.stack = st
	if !cfg.Index.ReadOnly {
		if a.live, err = newPoller(cfg, st.index, deps.Logger, a.newArticles); err != nil {
			a.Close()
			return nil, err
		}
	}
	return a, nil
}

// Addr is the address the HTTP listener serves on, or "" when it is off.
func (a *App) Addr() string {
	if a.listener == nil {
		return ""
	}
	return a.listener.Addr().String()
}

// Engine is the answering engine the App serves.
func (a *App) Engine() *answer.Engine { return a.stack.engine }

// Index is the coverage index the App serves.
func (a *App) Index() *search.Index { return a.stack.index }

func (a *App) healthz(w http.ResponseWriter, _ *http.Request) {
	var problems []string
	if !a.indexReady.Load() {
		problems = append(problems, "index loading")
	}
	// Before Run has made the bot there is nothing to be ready: reporting
	// healthy then would send traffic to a bot that cannot receive it.
	if b := a.bot.Load(); !a.deps.NoDiscord && (b == nil || !b.Ready()) {
		problems = append(problems, "discord not ready")
	}
	if len(problems) > 0 {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, problems)
		return
	}
	fmt.Fprintf(w, "ok: %d passages, generation %d\n", a.stack.index.Count(), a.stack.index.Generation())
}

// Run starts everything and blocks until ctx ends, then shuts down
// gracefully: answers in flight get ShutdownGrace to finish. It returns an
// error, after the same shutdown, when Discord refuses the bot for good (a
// revoked token, a privileged intent turned off), which retrying cannot fix.
func (a *App) Run(ctx context.Context) error {
	// Returning early (the bot failing to connect) must stop the loops
	// started here, or Close would wait for them.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if a.stack.index.Count() == 0 && !a.cfg.Index.ReadOnly {
		a.log.Info("index is empty: indexing the data directory", "data", a.cfg.Data)
		fi := fileIngest{retention: a.cfg.Index.Retention, now: time.Now()}
		if _, err := ingestFiles(ctx, a.stack.index, []string{a.cfg.Data}, fi, nil, a.deps.Logger); err != nil && !isSkipped(err) {
			return fmt.Errorf("initial ingest: %w", err)
		}
	}
	a.indexReady.Store(true)
	a.log.Info("index ready", "passages", a.stack.index.Count(), "articles", len(a.stack.index.Articles()))

	// A read-only process reloads the snapshot the ingester writes; with an
	// external store every process reloads, since any may write it.
	shared := a.cfg.Index.ReadOnly || a.cfg.Store.Backend != config.StoreChromem
	if shared && a.cfg.Index.ReloadInterval > 0 {
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			a.reloadLoop(ctx)
		}()
	}

	var b *bot.Bot
	if !a.deps.NoDiscord {
		opts := bot.Options{
			Coverage:     a.stack.engine,
			Intelligence: a.stack.engine,
			Reindex:      a.reindex,
			Logger:       a.deps.Logger,
			Registerer:   a.registry,
			HTTPClient:   a.deps.DiscordClient,
			Now:          a.deps.Now,
		}
		if a.live != nil {
			opts.IngestURL = a.IngestURL
			opts.Feeds = a.feedStatuses
		}
		if a.cfg.Discord.StoreFeedback {
			opts.RecordFeedback = (&feedbackLog{path: feedbackPath(a.cfg)}).record
		}
		var err error
		if b, err = bot.New(botConfig(a.cfg), opts); err != nil {
			return err
		}
		a.bot.Store(b)
	}
	// The live loop starts once the bot is wired, so that announcements
	// have somewhere to go, and before it connects, which may take a while.
	if a.live != nil && (len(a.cfg.Feeds.URLs) > 0 || a.cfg.Index.Retention > 0) {
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			a.liveLoop(ctx)
		}()
	}
	if b != nil {
		if err := b.Open(ctx); err != nil {
			return explainRefusal(err)
		}
		// Every shard can reach the digest channel, so one posts: shard 0.
		if a.cfg.Digest.Channel != "" && a.cfg.Shard.ID == 0 {
			a.wg.Add(1)
			go func() {
				defer a.wg.Done()
				a.digestLoop(ctx, b)
			}()
		}
	}

	var failed <-chan error // stays nil, and never ready, without a bot
	if b != nil {
		failed = b.Failed()
	}
	var runErr error
	select {
	case <-ctx.Done():
		a.log.Info("shutting down")
	case err := <-failed:
		runErr = explainRefusal(err)
		a.log.Error("discord refused the bot; shutting down", "err", runErr)
	}
	if b := a.bot.Load(); b != nil {
		closeCtx, cancel := context.WithTimeout(context.Background(), a.deps.ShutdownGrace)
		err := b.Close(closeCtx)
		cancel()
		if err != nil {
			a.log.Warn("bot close", "err", err)
		}
	}
	return runErr
}

// digestLoop posts the digest at each time the schedule names, covering
// what was published since the last one. The first covers the time since
// the schedule last fired before start, so a restart between two digests
// loses nothing; a digest missed while the process was down is not made up,
// and the next one starts from the previous scheduled time. When nothing is
// new, nothing is posted, and the next digest still starts from the last
// one posted.
func (a *App) digestLoop(ctx context.Context, b *bot.Bot) {
	sched := a.cfg.Digest.Cron
	now := a.deps.Now()
	last := previousRun(sched, now)
	a.log.Info("digest scheduled", "channel", a.cfg.Digest.Channel, "cron", sched.String(), "first", sched.Next(now), "since", last)
	for {
		next := sched.Next(now)
		if next.IsZero() {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-a.deps.After(next.Sub(now)):
		}
		now = a.deps.Now()
		if now.Before(next) {
			continue // woken early (the clock was set back): wait for the rest
		}
		posted, err := b.PostDigest(ctx, last)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			a.log.Error("scheduled digest", "since", last, "err", err)
		case posted:
			last = now
		}
	}
}

// previousRun is the last time at or before now that the schedule fired:
// the search widens backwards until it finds a firing, then walks forward
// to the last one. A schedule that has not fired in two years (29 February
// on a Monday, say) gives a day before now.
func previousRun(sched config.Schedule, now time.Time) time.Time {
	for back := time.Hour; back <= 2*366*24*time.Hour; back *= 2 {
		t := sched.Next(now.Add(-back))
		if t.IsZero() || t.After(now) {
			continue
		}
		for n := sched.Next(t); !n.IsZero() && !n.After(now); n = sched.Next(n) {
			t = n
		}
		return t
	}
	return now.Add(-24 * time.Hour)
}

// reloadLoop picks up what another process wrote: the ingester's snapshots
// for a read-only process, such as one shard of a large bot, or any
// process's articles in an external store.
func (a *App) reloadLoop(ctx context.Context) {
	t := time.NewTicker(a.cfg.Index.ReloadInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := a.stack.index.Reload(); err != nil {
				a.log.Error("reload index", "err", err)
			}
		}
	}
}

// reindex is the admin /reindex: it re-reads the data directory, embedding
// only what changed and removing what is gone.
func (a *App) reindex(ctx context.Context) (string, error) {
	if a.cfg.Index.ReadOnly {
		return "", errors.New("this process only reads the shared index; run /reindex on the ingester")
	}
	fi := fileIngest{prune: true, keep: a.live.LiveArticle(), retention: a.cfg.Index.Retention, now: time.Now()}
	rep, err := ingestFiles(ctx, a.stack.index, []string{a.cfg.Data}, fi, nil, a.deps.Logger)
	line := fmt.Sprintf("%d new, %d changed, %d removed, %d unchanged articles; %d passages embedded; %d passages in the index",
		rep.Added, rep.Updated, rep.Removed, rep.Unchanged, rep.Embedded, rep.Passages)
	if isSkipped(err) {
		return line + " (some files were skipped: see the log)", nil
	}
	return line, err
}

// Close stops the HTTP listener. Run has already closed the bot.
func (a *App) Close() {
	a.closeOnce.Do(func() {
		if a.server != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			_ = a.server.Shutdown(ctx)
			cancel()
		} else if a.listener != nil {
			a.listener.Close()
		}
		a.wg.Wait()
	})
}

func botConfig(c config.Config) bot.Config {
	return bot.Config{
		Token:            c.Discord.Token.Reveal(),
		APIURL:           c.Discord.APIURL,
		Guilds:           c.Discord.Guilds,
		Channels:         c.Discord.Channels,
		AllowedGuilds:    c.Discord.AllowedGuilds,
		AllowedChannels:  c.Discord.AllowedChannels,
		AllowedRoles:     c.Discord.AllowedRoles,
		AdminRoles:       c.Discord.AdminRoles,
		UserRate:         c.Limits.UserRate.Count,
		UserRateWindow:   c.Limits.UserRate.Per,
		GuildConcurrency: c.Limits.GuildConcurrency,
		QueueLength:      c.Limits.QueueLength,
		AnswerTimeout:    c.Limits.AnswerTimeout,
		ShardID:          c.Shard.ID,
		ShardCount:       c.Shard.Count,
		// Reading every message of a question channel needs the privileged
		// Message Content intent too; the bot asks for it in either case.
		MessageContent:  c.Discord.MessageContent,
		HistoryTurns:    c.Discord.HistoryTurns,
		HistoryTokens:   c.Discord.HistoryTokens,
		AnnounceChannel: c.Feeds.AnnounceChannel,
		DigestChannel:   c.Digest.Channel,
	}
}

// feedStatuses is App.Feeds in the bot's terms, for /feeds.
func (a *App) feedStatuses() []bot.FeedStatus {
	var out []bot.FeedStatus
	for _, f := range a.Feeds() {
		out = append(out, bot.FeedStatus{URL: f.URL, LastSuccess: f.LastSuccess, LastError: f.LastError,
			Failures: f.Failures, Articles: f.Articles, NextPoll: f.NextPoll})
	}
	return out
}

// engineMetrics are the coverage side's Prometheus metrics; the bot
// registers its own (questions, answer latency, feedback) on the same
// registry.
type engineMetrics struct {
	retrieval prometheus.Histogram
	llm       prometheus.Histogram
	llmErrors prometheus.Counter
	judge     prometheus.Histogram
	judges    *prometheus.CounterVec
}

func newEngineMetrics(reg prometheus.Registerer) *engineMetrics {
	m := &engineMetrics{
		retrieval: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "coveragebot_retrieval_seconds", Help: "Time to retrieve passages for a question.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}),
		llm: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "coveragebot_llm_seconds", Help: "Time the language model took to answer.",
			Buckets: prometheus.ExponentialBuckets(0.1, 2, 10),
		}),
		llmErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "coveragebot_llm_errors_total", Help: "Language-model calls that failed after retries.",
		}),
	}
	m.judge = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "coveragebot_judge_seconds", Help: "Time the model judge took to label an answer's cited sentences.",
		Buckets: prometheus.ExponentialBuckets(0.1, 2, 10),
	})
	m.judges = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "coveragebot_judge_total",
		Help: "Model judge calls by outcome: ok, or failed, timeout and malformed, after which the rules alone checked the answer.",
	}, []string{"outcome"})
	for _, o := range []string{answer.JudgeOK, answer.JudgeFailed, answer.JudgeTimeout, answer.JudgeMalformed} {
		m.judges.WithLabelValues(o)
	}
	reg.MustRegister(m.retrieval, m.llm, m.llmErrors, m.judge, m.judges)
	return m
}

// judged records a model judge call (answer.Verifier.Observe).
func (m *engineMetrics) judged(outcome string, took time.Duration) {
	m.judge.Observe(took.Seconds())
	m.judges.WithLabelValues(outcome).Inc()
}

func (m *engineMetrics) observe(stage string, took time.Duration, err error) {
	switch stage {
	case answer.StageRetrieve:
		m.retrieval.Observe(took.Seconds())
	case answer.StageLLM:
		m.llm.Observe(took.Seconds())
		if err != nil {
			m.llmErrors.Inc()
		}
	}
}

// httpLimits bound what one client of /healthz and /metrics can hold: the
// time to send its headers and its whole request, the time to take the
// answer, how long a kept-alive connection may sit idle, and the size of
// the headers. Without them a client that opens connections and never
// finishes (or never closes) them keeps a goroutine and a socket each.
type httpLimits struct {
	readHeader, read, write, idle time.Duration
	maxHeaderBytes                int
}

// defaultHTTPLimits fit a probe and a Prometheus scrape with room to spare:
// /metrics is written in well under a second, and its requests carry a few
// hundred bytes of headers.
var defaultHTTPLimits = httpLimits{
	readHeader:     5 * time.Second,
	read:           10 * time.Second,
	write:          30 * time.Second,
	idle:           60 * time.Second,
	maxHeaderBytes: 8 << 10,
}

func newHTTPServer(h http.Handler, l httpLimits) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.readHeader,
		ReadTimeout:       l.read,
		WriteTimeout:      l.write,
		IdleTimeout:       l.idle,
		MaxHeaderBytes:    l.maxHeaderBytes,
	}
}

// onlyReads answers nothing but GET and HEAD without a body: /healthz and
// /metrics take no input, so a request that sends some is refused at once
// and its connection closed, rather than read.
func onlyReads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			w.Header().Set("Connection", "close")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if r.ContentLength != 0 {
			w.Header().Set("Connection", "close")
			http.Error(w, "a request here has no body", http.StatusRequestEntityTooLarge)
			return
		}
		next.ServeHTTP(w, r)
	})
}
