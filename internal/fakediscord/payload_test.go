package fakediscord

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"reflect"
	"strings"
	"testing"
)

func multipartBody(t testing.TB, payload string, files ...string) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if payload != "" {
		part, err := w.CreateFormField("payload_json")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = part.Write([]byte(payload))
	}
	for i, name := range files {
		part, err := w.CreateFormFile("files["+string(rune('0'+i))+"]", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = part.Write([]byte("data"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w.FormDataContentType(), buf.Bytes()
}

func TestDecodePayload(t *testing.T) {
	ct, body := multipartBody(t, `{"content":"see attached"}`, "answer.txt", "sources.md")
	noPayloadCT, noPayload := multipartBody(t, "", "a.txt")
	tests := []struct {
		name        string
		contentType string
		body        []byte
		wantPayload string
		wantFiles   []string
		wantErr     string
	}{
		{"json", "application/json", []byte(`{"content":"x"}`), `{"content":"x"}`, nil, ""},
		{"no content type", "", []byte(`{}`), `{}`, nil, ""},
		{"multipart", ct, body, `{"content":"see attached"}`, []string{"answer.txt", "sources.md"}, ""},
		{"multipart without payload", noPayloadCT, noPayload, "", nil, "without payload_json"},
		{"multipart without boundary", "multipart/form-data", body, "", nil, "without a boundary"},
		{"truncated multipart", ct, body[:len(body)/2], "", nil, "read multipart"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			payload, files, err := decodePayload(tc.contentType, tc.body)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(payload) != tc.wantPayload || !reflect.DeepEqual(files, tc.wantFiles) {
				t.Errorf("got %s %v, want %s %v", payload, files, tc.wantPayload, tc.wantFiles)
			}
		})
	}
}

func TestValidateBody(t *testing.T) {
	field := func(name, value string) map[string]any { return map[string]any{"name": name, "value": value} }
	tests := []struct {
		name     string
		payload  map[string]any
		files    int
		wantCode int // 0: valid
		wantPath string
	}{
		{"content", map[string]any{"content": "hi"}, 0, 0, ""},
		{"file only", map[string]any{}, 1, 0, ""},
		{"nothing", map[string]any{}, 0, 50006, ""},
		{"null content", map[string]any{"content": nil, "embeds": nil}, 0, 50006, ""},
		{"embed only", map[string]any{"embeds": []any{map[string]any{"title": "t"}}}, 0, 0, ""},
		{"empty field value", map[string]any{"embeds": []any{map[string]any{"fields": []any{field("n", "")}}}}, 0, 50035, "embeds"},
		{"long field value", map[string]any{"embeds": []any{map[string]any{"fields": []any{field("n", strings.Repeat("x", 1025))}}}}, 0, 50035, "embeds"},
		{"26 fields", map[string]any{"embeds": []any{map[string]any{"fields": func() []any {
			var out []any
			for range 26 {
				out = append(out, field("n", "v"))
			}
			return out
		}()}}}, 0, 50035, "embeds"},
		{"long title", map[string]any{"embeds": []any{map[string]any{"title": strings.Repeat("x", 257)}}}, 0, 50035, "embeds"},
		{"six action rows", map[string]any{"components": []any{
			map[string]any{"type": 1}, map[string]any{"type": 1}, map[string]any{"type": 1},
			map[string]any{"type": 1}, map[string]any{"type": 1}, map[string]any{"type": 1},
		}}, 0, 50035, "components"},
		{"button without custom id", map[string]any{"content": "x", "components": []any{
			map[string]any{"type": 1, "components": []any{map[string]any{"type": 2, "style": 1, "label": "ok"}}},
		}}, 0, 50035, "components"},
		{"link button", map[string]any{"content": "x", "components": []any{
			map[string]any{"type": 1, "components": []any{map[string]any{"type": 2, "style": 5, "label": "open", "url": "https://example.com"}}},
		}}, 0, 0, ""},
		{"wrong type", map[string]any{"content": 5}, 0, 50035, "_body"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fields, err := decodeFields(mustJSON(tc.payload))
			if err != nil {
				t.Fatal(err)
			}
			_, e := validateBody(fields, tc.files)
			if tc.wantCode == 0 {
				if e != nil {
					t.Fatalf("want valid, got %v", e)
				}
				return
			}
			if e == nil || e.Code != tc.wantCode {
				t.Fatalf("got %v, want code %d", e, tc.wantCode)
			}
			if tc.wantPath != "" {
				if _, ok := e.Errors[tc.wantPath]; !ok {
					t.Errorf("errors = %v, want them under %q", e.Errors, tc.wantPath)
				}
			}
		})
	}
}

func TestPingsFor(t *testing.T) {
	none := &AllowedMentions{Parse: []string{}}
	tests := []struct {
		name    string
		content string
		am      *AllowedMentions
		replied string
		want    Pings
	}{
		{"no allowed_mentions pings everything", "@everyone <@1> <@!2> <@&3>", nil, "", Pings{Everyone: true, Users: []string{"1", "2"}, Roles: []string{"3"}}},
		{"empty parse pings nobody", "@everyone @here <@1> <@&3>", none, "9", Pings{}},
		{"users only", "@everyone <@1> <@&3>", &AllowedMentions{Parse: []string{"users"}}, "", Pings{Users: []string{"1"}}},
		{"listed user only", "<@1> <@2>", &AllowedMentions{Users: []string{"2"}}, "", Pings{Users: []string{"2"}}},
		{"replied user", "thanks", &AllowedMentions{RepliedUser: true}, "9", Pings{Users: []string{"9"}}},
		{"reply without allowed_mentions pings the author", "thanks", nil, "9", Pings{Users: []string{"9"}, Roles: []string{}}},
		{"mentions in text only", "email me at a@everyone.example", none, "", Pings{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := pingsFor(tc.content, tc.am, tc.replied)
			if got.Everyone != tc.want.Everyone || len(got.Users) != len(tc.want.Users) || len(got.Roles) != len(tc.want.Roles) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got.Users {
				if got.Users[i] != tc.want.Users[i] {
					t.Errorf("users = %v, want %v", got.Users, tc.want.Users)
				}
			}
			if got.None() != tc.want.None() {
				t.Errorf("None() = %v", got.None())
			}
		})
	}
}

func TestFormErrorNesting(t *testing.T) {
	e := formError("embeds.0.description", "BASE_TYPE_MAX_LENGTH", "too long")
	raw, _ := json.Marshal(e.body())
	want := `{"code":50035,"errors":{"embeds":{"0":{"description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"too long"}]}}}},"message":"Invalid Form Body"}`
	if string(raw) != want {
		t.Errorf("got  %s\nwant %s", raw, want)
	}
}

func FuzzDecodePayload(f *testing.F) {
	ct, body := multipartBody(f, `{"content":"x","embeds":[{"title":"t"}]}`, "a.txt")
	f.Add(ct, body)
	f.Add("application/json", []byte(`{"content":"hi","allowed_mentions":{"parse":[]}}`))
	f.Add("application/json", []byte(`{"embeds":[{"fields":[{"name":"n","value":"v"}]}],"components":[{"type":1,"components":[{"type":2,"custom_id":"a"}]}]}`))
	f.Add("multipart/form-data; boundary=x", []byte("--x\r\n\r\n--x--"))
	f.Add("", []byte(`null`))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		payload, _, err := decodePayload(contentType, body)
		if err != nil {
			return
		}
		fields, err := decodeFields(payload)
		if err != nil {
			return
		}
		b, e := validateBody(fields, 0)
		if e != nil {
			if e.Status != 400 {
				t.Fatalf("validation answered %d", e.Status)
			}
			return
		}
		// A message the fake accepts is one Discord would accept: within every limit.
		total := 0
		for _, em := range b.Embeds {
			total += em.Size()
		}
		if len([]rune(b.Content)) > MaxContent || len(b.Embeds) > MaxEmbeds || total > MaxEmbedTotal {
			t.Fatalf("accepted an oversized message: %d characters, %d embeds, %d embed total", len([]rune(b.Content)), len(b.Embeds), total)
		}
		if strings.TrimSpace(b.Content) == "" && len(b.Embeds) == 0 && len(b.Components) == 0 {
			if _, poll := fields["poll"]; !poll {
				if _, st := fields["sticker_ids"]; !st {
					t.Fatal("accepted an empty message")
				}
			}
		}
		// What was accepted must render back into a message without losing its content.
		if _, err := decodeBody(fields); err != nil {
			t.Fatalf("accepted fields do not decode: %v", err)
		}
	})
}

func FuzzParseClientFrame(f *testing.F) {
	f.Add([]byte(`{"op":1,"d":42}`))
	f.Add([]byte(`{"op":2,"d":{"token":"Bot x","intents":513,"properties":{"os":"linux"}}}`))
	f.Add([]byte(`{"op":6,"d":{"token":"x","session_id":"s","seq":3}}`))
	f.Add([]byte(`{"op":-1}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fr, err := parseClientFrame(data)
		if err != nil {
			return
		}
		if fr.Op < 0 || fr.Op > 50 {
			t.Fatalf("accepted opcode %d", fr.Op)
		}
		if !json.Valid(data) {
			t.Fatal("accepted invalid JSON")
		}
	})
}
