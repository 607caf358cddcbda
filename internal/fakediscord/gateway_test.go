package fakediscord_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
)

// rawClient speaks the gateway protocol by hand, to reach the cases discordgo never produces.
type rawClient struct {
	t  *testing.T
	ws *websocket.Conn
}

type rawFrame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
}

func dialRaw(t *testing.T, fake *fakediscord.Server) *rawClient {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(fake.GatewayURL()+"?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ws.Close() })
	c := &rawClient{t: t, ws: ws}
	if hello := c.read(); hello.Op != 10 {
		t.Fatalf("first frame op %d, want Hello", hello.Op)
	}
	return c
}

func (c *rawClient) send(v any) {
	c.t.Helper()
	if err := c.ws.WriteJSON(v); err != nil {
		c.t.Fatal(err)
	}
}

func (c *rawClient) read() rawFrame {
	c.t.Helper()
	_ = c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
	var f rawFrame
	_, data, err := c.ws.ReadMessage()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	if err := json.Unmarshal(data, &f); err != nil {
		c.t.Fatal(err)
	}
	return f
}

// closeCode reads until the server closes the connection and returns its close code.
func (c *rawClient) closeCode() int {
	c.t.Helper()
	_ = c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
	for {
		_, _, err := c.ws.ReadMessage()
		var ce *websocket.CloseError
		if errors.As(err, &ce) {
			return ce.Code
		}
		if err != nil {
			c.t.Fatalf("want a close frame, got %v", err)
		}
	}
}

func identifyPayload(token string, intents int) map[string]any {
	return map[string]any{"op": 2, "d": map[string]any{"token": token, "intents": intents, "properties": map[string]any{"os": "linux"}}}
}

func TestGatewayProtocolErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		send []any
		want int
	}{
		{"undecodable payload", []any{json.RawMessage(`"not an object"`)}, fakediscord.CloseDecodeError},
		{"presence before identify", []any{map[string]any{"op": 3, "d": map[string]any{}}}, fakediscord.CloseNotAuthenticated},
		{"unknown opcode", []any{map[string]any{"op": 42}}, fakediscord.CloseUnknownOpcode},
		{"identify twice", []any{identifyPayload("Bot t", 513), identifyPayload("Bot t", 513)}, fakediscord.CloseAlreadyAuthenticated},
		{"wrong token", []any{identifyPayload("Bot wrong", 513)}, fakediscord.CloseAuthenticationFailed},
		{"no intents", []any{map[string]any{"op": 2, "d": map[string]any{"token": "Bot t"}}}, fakediscord.CloseInvalidIntents},
		{"bad shard", []any{map[string]any{"op": 2, "d": map[string]any{"token": "Bot t", "intents": 1, "shard": []int{2, 2}}}}, fakediscord.CloseInvalidShard},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := fakediscord.New(fakediscord.Options{Token: "t"})
			t.Cleanup(fake.Close)
			c := dialRaw(t, fake)
			for _, m := range tc.send {
				c.send(m)
			}
			if got := c.closeCode(); got != tc.want {
				t.Errorf("close code = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestGatewayResumeReplaysMissedEvents(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	fake := fakediscord.New(fakediscord.Options{})
	t.Cleanup(fake.Close)

	c := dialRaw(t, fake)
	c.send(identifyPayload("Bot t", 1<<9|1<<15))
	ready := c.read()
	var r struct {
		SessionID        string `json:"session_id"`
		ResumeGatewayURL string `json:"resume_gateway_url"`
	}
	if err := json.Unmarshal(ready.D, &r); err != nil || ready.T == nil || *ready.T != "READY" || *ready.S != 1 {
		t.Fatalf("READY = %+v, %v", ready, err)
	}
	if r.ResumeGatewayURL != fake.GatewayURL() {
		t.Errorf("resume_gateway_url = %q", r.ResumeGatewayURL)
	}
	c.send(map[string]any{"op": 1, "d": 1})
	if ack := c.read(); ack.Op != 11 {
		t.Fatalf("heartbeat answered with op %d, want 11", ack.Op)
	}
	fake.SendMessage(fakediscord.Message{GuildID: "1", ChannelID: "2", Content: "seen"})
	if f := c.read(); *f.T != "MESSAGE_CREATE" || *f.S != 2 {
		t.Fatalf("got %+v", f)
	}

	fake.CloseGateway(fakediscord.CloseUnknownError)
	if code := c.closeCode(); code != fakediscord.CloseUnknownError {
		t.Fatalf("close code %d", code)
	}
	fake.SendMessage(fakediscord.Message{GuildID: "1", ChannelID: "2", Content: "missed 1"})
	fake.SendMessage(fakediscord.Message{GuildID: "1", ChannelID: "2", Content: "missed 2"})

	c2 := dialRaw(t, fake)
	c2.send(map[string]any{"op": 6, "d": map[string]any{"token": "Bot t", "session_id": r.SessionID, "seq": 2}})
	for i, want := range []string{"missed 1", "missed 2"} {
		f := c2.read()
		var m struct {
			Content string `json:"content"`
		}
		_ = json.Unmarshal(f.D, &m)
		if *f.T != "MESSAGE_CREATE" || *f.S != int64(3+i) || m.Content != want {
			t.Fatalf("replay %d = %s seq %d %q, want %q", i, *f.T, *f.S, m.Content, want)
		}
	}
	if f := c2.read(); *f.T != "RESUMED" {
		t.Fatalf("after the replay: %s, want RESUMED", *f.T)
	}
	if err := fake.WaitIdentified(ctx); err != nil {
		t.Fatal(err)
	}

	// A client that closes normally ends its session: it cannot be resumed.
	_ = c2.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
	if err := fake.WaitStats(ctx, func(st fakediscord.GatewayStats) bool { return st.NormalCloses == 1 }); err != nil {
		t.Fatal(err)
	}
	if err := fake.WaitDisconnected(ctx); err != nil {
		t.Fatal(err)
	}
	c3 := dialRaw(t, fake)
	c3.send(map[string]any{"op": 6, "d": map[string]any{"token": "Bot t", "session_id": r.SessionID, "seq": 5}})
	if f := c3.read(); f.Op != 9 || string(f.D) != "false" {
		t.Fatalf("resume of a closed session = op %d %s, want Invalid Session false", f.Op, f.D)
	}
	if got := fake.RejectedResumes(); got != 1 {
		t.Errorf("RejectedResumes() = %d, want 1", got)
	}
}

func TestInvalidateSessionsForcesIdentifyOnTheSameConnection(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(fakediscord.Options{})
	t.Cleanup(fake.Close)
	c := dialRaw(t, fake)
	c.send(identifyPayload("Bot t", 1))
	if f := c.read(); f.T == nil || *f.T != "READY" {
		t.Fatalf("want READY, got %+v", f)
	}
	fake.InvalidateSessions()
	if f := c.read(); f.Op != 9 || string(f.D) != "false" {
		t.Fatalf("want Invalid Session false, got op %d %s", f.Op, f.D)
	}
	c.send(identifyPayload("Bot t", 1))
	f := c.read()
	if f.T == nil || *f.T != "READY" || *f.S != 1 {
		t.Fatalf("after re-identifying: %+v, want READY with seq 1", f)
	}
	if got := fake.Identifies(); got != 2 {
		t.Errorf("Identifies() = %d, want 2", got)
	}
}
