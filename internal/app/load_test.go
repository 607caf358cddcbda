package app

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
	"github.com/coveragebot/coveragebot/internal/fakeopenai"
)

// loadQuestion is one question of the burst.
type loadQuestion struct {
	n                    int
	guild, channel, user string
	mention              bool
	text                 string
	token                string // for /ask
	messageID            string // for a mention
	sentAt               time.Time
}

// loadTag marks a question so that the fake model and the checks can tell
// which one a request or a message belongs to.
var loadTag = regexp.MustCompile(`\bg(\d)-c(\d)-u(\d+)-n(\d{3})\b`)

// slowModel plays a language model that takes 0.5–2 s (times scale) to
// answer, the time derived from the question so that every run is the same.
// It holds every answer until release is closed, so that the whole burst
// is admitted (or turned away) before anything finishes, and it counts how
// many requests each guild has in it at once.
type slowModel struct {
	scale   float64
	release chan struct{}

	mu       sync.Mutex
	inFlight map[string]int
	peak     map[string]int
	peakAll  int
	all      int
	asked    map[string]int // by question tag
}

func newSlowModel(scale float64) *slowModel {
	return &slowModel{scale: scale, release: make(chan struct{}),
		inFlight: map[string]int{}, peak: map[string]int{}, asked: map[string]int{}}
}

func (m *slowModel) think(question string) time.Duration {
	h := fnv.New32a()
	h.Write([]byte(question))
	ms := 500 + h.Sum32()%1501
	return time.Duration(float64(ms) * m.scale * float64(time.Millisecond))
}

func (m *slowModel) reply(req fakeopenai.ChatRequest) string {
	q := req.Messages[len(req.Messages)-1].Content
	tag := loadTag.FindStringSubmatch(q)
	guild := "?"
	if tag != nil {
		guild = tag[1]
	}
	m.mu.Lock()
	m.inFlight[guild]++
	m.all++
	m.peak[guild] = max(m.peak[guild], m.inFlight[guild])
	m.peakAll = max(m.peakAll, m.all)
	if tag != nil {
		m.asked[tag[0]]++
	}
	m.mu.Unlock()
	defer func() {
		m.mu.Lock()
		m.inFlight[guild]--
		m.all--
		m.mu.Unlock()
	}()
	<-m.release
	time.Sleep(m.think(q))
	return citeCoale(req)
}

// TestLoadBurstOfQuestions sends 200 questions at once, by /ask and by
// mention, from many users in many channels of five guilds, to the App
// running with its default limits (4 answers at once per guild, 32 waiting,
// 5 questions a minute per user) and a model that takes 0.5–2 s per answer
// (scaled down twentyfold in short mode). Four guilds get more questions
// than they can hold; in the fifth, two users ask more often than they may.
func TestLoadBurstOfQuestions(t *testing.T) {
	const (
		busyGuilds      = 4
		perBusyGuild    = 44 // 4 running + 32 waiting + 8 turned away
		channelsA       = 4
		concurrency     = 4 // the default COVERAGEBOT_GUILD_CONCURRENCY
		queueLength     = 32
		userRate        = 5
		eagerQuestions  = 8
		quietUsers      = 4
		quietEach       = 2
		questionsWanted = busyGuilds*perBusyGuild + 2*eagerQuestions + quietUsers*quietEach
	)
	scale := 0.05
	if longTests() {
		scale = 1
	}
	baseGoroutines := runtime.NumGoroutine()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	c := newCLI(t)
	discord := fakediscord.New(fakediscord.Options{})
	llm := fakeopenai.New()
	model := newSlowModel(scale)
	llm.SetDefaultChat(model.reply)
	released := false
	release := func() {
		if !released {
			released = true
			close(model.release)
		}
	}

	guildID := func(g int) string { return strconv.Itoa(7000 + g) }
	channelID := func(g, ch int) string { return strconv.Itoa(8000 + 10*g + ch) }
	userID := func(g, u int) string { return strconv.Itoa(90000 + 100*g + u) }
	var guilds []string
	for g := 0; g <= busyGuilds; g++ {
		guild := fakediscord.Guild{ID: guildID(g), Name: "Guild " + strconv.Itoa(g)}
		for ch := 0; ch < channelsA; ch++ {
			guild.Channels = append(guild.Channels, fakediscord.Channel{ID: channelID(g, ch), Name: "news-" + strconv.Itoa(ch)})
		}
		for u := 0; u < 12; u++ {
			guild.Members = append(guild.Members, fakediscord.Member{UserID: userID(g, u), Username: fmt.Sprintf("reader%d-%d", g, u)})
		}
		discord.AddGuild(guild)
		guilds = append(guilds, guild.ID)
	}

	// The questions: in the busy guilds, 11 users ask 4 each; in the quiet
	// guild, two eager users ask 8 each and four others 2 each. Every fourth
	// question is a mention instead of /ask.
	var qs []*loadQuestion
	add := func(g, ch, u int) {
		n := len(qs)
		q := &loadQuestion{n: n, guild: guildID(g), channel: channelID(g, ch), user: userID(g, u), mention: n%4 == 3}
		q.text = fmt.Sprintf("Who is John Coale? g%d-c%d-u%d-n%03d", g, ch, u, n)
		qs = append(qs, q)
	}
	for i := 0; i < perBusyGuild; i++ {
		for g := 0; g < busyGuilds; g++ {
			add(g, i%channelsA, i%11)
		}
	}
	for i := 0; i < eagerQuestions; i++ {
		add(busyGuilds, i%channelsA, 0)
		add(busyGuilds, (i+1)%channelsA, 1)
	}
	for u := 2; u < 2+quietUsers; u++ {
		for i := 0; i < quietEach; i++ {
			add(busyGuilds, (u+i)%channelsA, u)
		}
	}
	if len(qs) != questionsWanted {
		t.Fatalf("built %d questions, want %d", len(qs), questionsWanted)
	}

	s := startApp(t, map[string]string{
		"COVERAGEBOT_INDEX":             c.index,
		"COVERAGEBOT_DATA":              c.data,
		"DISCORD_TOKEN":                 "canary-token-for-tests",
		"DISCORD_API_URL":               discord.URL(),
		"OPENAI_BASE_URL":               llm.URL(),
		"COVERAGEBOT_CHAT_MODEL":        "test-model",
		"COVERAGEBOT_VERIFY":            "rules", // the load counts the answerer's calls per guild
		"COVERAGEBOT_GUILDS":            strings.Join(guilds, ","),
		"COVERAGEBOT_GUILD_CONCURRENCY": strconv.Itoa(concurrency),
		"COVERAGEBOT_QUEUE_LENGTH":      strconv.Itoa(queueLength),
		"COVERAGEBOT_USER_RATE":         fmt.Sprintf("%d/1m", userRate),
	}, discord, llm)
	s.ownsFakes = true
	// Registered after startApp's, so it runs first: no answer is left
	// waiting at the model when the App and the fakes stop.
	t.Cleanup(release)

	// Peak heap while the burst is served, sampled.
	var peakHeap atomic.Uint64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peakHeap.Load() {
				peakHeap.Store(ms.HeapInuse)
			}
			select {
			case <-tick.C:
			case <-stopSampling:
				return
			}
		}
	}()

	start := time.Now()
	var wg sync.WaitGroup
	for _, q := range qs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.sentAt = time.Now()
			if q.mention {
				q.messageID = s.discord.SendMessage(fakediscord.Message{
					GuildID: q.guild, ChannelID: q.channel, AuthorID: q.user,
					Content: "<@" + s.discord.BotUserID() + "> " + q.text, Mentions: []string{s.discord.BotUserID()},
				})
				return
			}
			q.token = s.askSlash(q.guild, q.channel, q.user, q.text)
		}()
	}
	wg.Wait()

	// Everything is admitted or turned away before any answer finishes.
	admitted := func() float64 {
		return s.metricSum("coveragebot_questions_total") + s.metricSum("coveragebot_queue_full_total") +
			s.metricSum("coveragebot_rate_limited_total")
	}
	for deadline := time.Now().Add(2 * time.Minute); admitted() < float64(len(qs)); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("only %.0f of %d questions were taken or turned away", admitted(), len(qs))
		}
	}
	admittedAt := time.Since(start)
	release()

	// Wait for every question's final reply.
	results := make([]outcome, len(qs))
	finals := make([]int, len(qs))
	byToken := map[string]*loadQuestion{}
	for _, q := range qs {
		if !q.mention {
			byToken[q.token] = q
		}
	}
	deadline := time.Now().Add(5 * time.Minute)
	for {
		pending := 0
		recs := s.discord.Interactions()
		for _, rec := range recs {
			if q := byToken[rec.Token]; q != nil {
				results[q.n] = interactionOutcome(s.discord, rec)
				finals[q.n] = 1
			}
		}
		for _, q := range qs {
			if q.mention {
				results[q.n], finals[q.n] = mentionOutcome(s.discord, q.channel, q.messageID)
			}
			if results[q.n].kind == "pending" || results[q.n].kind == "" {
				pending++
			}
		}
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d questions have no final reply after 5 minutes", pending, len(qs))
		}
		time.Sleep(100 * time.Millisecond)
	}
	allDone := time.Since(start)

	// Every question has exactly one final reply, in its own channel, and
	// an answer belongs to the question it answers.
	counts := map[string]int{}
	perUserAnswers := map[string]int{}
	perGuild := map[string]map[string]int{}
	var ackLat, answerLat []time.Duration
	acks := map[string]fakediscord.InteractionRecord{}
	for _, rec := range s.discord.Interactions() {
		acks[rec.Token] = rec
	}
	for _, q := range qs {
		o := results[q.n]
		counts[o.kind]++
		if perGuild[q.guild] == nil {
			perGuild[q.guild] = map[string]int{}
		}
		perGuild[q.guild][o.kind]++
		tag := loadTag.FindString(q.text)
		switch o.kind {
		case "answer":
			perUserAnswers[q.user]++
			if !strings.Contains(o.title, tag) {
				t.Errorf("question %s got the answer titled %q", tag, o.title)
			}
			if !strings.Contains(o.text, "deputy Ukraine envoy") {
				t.Errorf("question %s: the answer is not the model's: %q", tag, o.text)
			}
			answerLat = append(answerLat, o.at.Sub(q.sentAt))
		case "busy", "rate-limited":
		default:
			t.Errorf("question %s ended %q: %q", tag, o.kind, o.text)
		}
		if q.mention {
			if finals[q.n] != 1 {
				t.Errorf("question %s (a mention) got %d final replies", tag, finals[q.n])
			}
			if o.kind == "answer" {
				q0, _, _ := s.discord.MessageByID(q.messageID)
				if o.channel != q0.ThreadID {
					t.Errorf("question %s was answered in %s, not in the thread %s started on it", tag, o.channel, q0.ThreadID)
				}
			} else if o.channel != q.channel {
				t.Errorf("question %s was refused in %s, not in its channel %s", tag, o.channel, q.channel)
			}
			continue
		}
		rec := acks[q.token]
		if d, ok := rec.AckLatency(); ok {
			ackLat = append(ackLat, d)
		}
		var callbacks, followups int
		for _, c := range s.discord.InteractionResponses(q.token) {
			switch {
			case strings.HasSuffix(c.Route, "/callback"):
				callbacks++
			case c.Method == "POST":
				followups++
			}
		}
		// A failure after the deferral is the one private follow-up.
		wantFollowups := 0
		if o.msg.Source == fakediscord.SourceFollowup {
			wantFollowups = 1
		}
		if callbacks != 1 || followups != wantFollowups {
			t.Errorf("question %s: %d callbacks and %d follow-ups, want one callback and %d follow-ups", tag, callbacks, followups, wantFollowups)
		}
		if o.kind == "answer" && o.channel != q.channel {
			t.Errorf("question %s asked in %s was answered in %s", tag, q.channel, o.channel)
		}
	}

	// Nothing the bot posted in a channel belongs to another channel's
	// question, and nothing is there twice.
	seen := map[string]string{}
	for _, q := range qs {
		seen[loadTag.FindString(q.text)] = q.channel
	}
	for g := 0; g <= busyGuilds; g++ {
		for ch := 0; ch < channelsA; ch++ {
			id := channelID(g, ch)
			titles := map[string]int{}
			for _, m := range s.discord.BotMessagesIn(id) {
				tag := loadTag.FindString(m.Text())
				if tag == "" {
					continue
				}
				if seen[tag] != id {
					t.Errorf("channel %s holds a reply to %s, asked in %s", id, tag, seen[tag])
				}
				if titles[tag]++; titles[tag] > 1 {
					t.Errorf("channel %s holds two replies to %s", id, tag)
				}
			}
			for _, th := range s.discord.Threads(id) {
				final := 0
				for _, m := range s.discord.BotMessagesIn(th.ID) {
					if isFinalAnswer(m.MessageBody) {
						final++
					}
				}
				if final != 1 {
					t.Errorf("thread %s under %s holds %d final answers, want 1", th.ID, id, final)
				}
			}
		}
	}

	// The limits held: per-user rate, per-guild concurrency and queue.
	for user, n := range perUserAnswers {
		if n > userRate {
			t.Errorf("user %s got %d answers within a minute; the limit is %d", user, n, userRate)
		}
	}
	model.mu.Lock()
	for g, p := range model.peak {
		if p > concurrency {
			t.Errorf("guild %s had %d questions at the model at once; the limit is %d", g, p, concurrency)
		}
	}
	peakAll := model.peakAll
	for tag, n := range model.asked {
		if n != 1 {
			t.Errorf("the model was asked %s %d times", tag, n)
		}
	}
	model.mu.Unlock()
	for g := 0; g < busyGuilds; g++ {
		got := perGuild[guildID(g)]
		if got["answer"] != concurrency+queueLength || got["busy"] != perBusyGuild-concurrency-queueLength {
			t.Errorf("guild %s: %v; want %d answered and %d told the bot is busy", guildID(g), got,
				concurrency+queueLength, perBusyGuild-concurrency-queueLength)
		}
	}
	quiet := perGuild[guildID(busyGuilds)]
	wantCapped := 2 * (eagerQuestions - userRate)
	if quiet["rate-limited"] != wantCapped || quiet["busy"] != 0 || quiet["answer"] != 2*userRate+quietUsers*quietEach {
		t.Errorf("quiet guild: %v; want %d rate-limited, %d answered", quiet, wantCapped, 2*userRate+quietUsers*quietEach)
	}
	if peakAll > (busyGuilds+1)*concurrency {
		t.Errorf("%d questions at the model at once; guilds × limit is %d", peakAll, (busyGuilds+1)*concurrency)
	}
	s.assertNoPings()

	t.Logf("load: %d questions (%d by mention) in %d guilds, model 0.5–2 s × %.2f", len(qs), len(qs)/4, busyGuilds+1, scale)
	t.Logf("load: outcomes %v; all taken or turned away after %s, all final after %s", counts, admittedAt.Round(time.Millisecond), allDone.Round(time.Millisecond))
	t.Logf("load: acknowledgement p50 %s p99 %s max %s (%d slash commands)", roundMS(percentile(ackLat, 50)),
		roundMS(percentile(ackLat, 99)), roundMS(percentile(ackLat, 100)), len(ackLat))
	t.Logf("load: final answer p50 %s p99 %s max %s (%d answers)", roundMS(percentile(answerLat, 50)),
		roundMS(percentile(answerLat, 99)), roundMS(percentile(answerLat, 100)), len(answerLat))
	t.Logf("load: peak at the model %d at once; peak heap in use %.1f MiB", peakAll, float64(peakHeap.Load())/(1<<20))

	// Once the App and the fakes are gone, so are their goroutines and
	// their memory.
	close(stopSampling)
	<-sampled
	s.stop()
	s.app, s.discord, s.llm = nil, nil, nil
	qs, results, byToken, acks = nil, nil, nil, nil
	var after runtime.MemStats
	var goroutines int
	for wait := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		goroutines = runtime.NumGoroutine()
		if goroutines <= baseGoroutines+2 || time.Now().After(wait) {
			break
		}
	}
	if goroutines > baseGoroutines+2 {
		var dump strings.Builder
		pprof.Lookup("goroutine").WriteTo(&dump, 1)
		t.Errorf("%d goroutines after shutdown, %d before the test:\n%s", goroutines, baseGoroutines, dump.String())
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("load: heap %.1f MiB before, %.1f MiB after shutdown; goroutines %d before, %d after",
		float64(before.HeapAlloc)/(1<<20), float64(after.HeapAlloc)/(1<<20), baseGoroutines, goroutines)
	if grown > 64<<20 {
		t.Errorf("the heap grew by %.1f MiB over the burst and did not come back", float64(grown)/(1<<20))
	}
}
