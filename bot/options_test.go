package bot

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// testBot builds a bot without connecting it, for the command table.
func testBot(t testing.TB) *Bot {
	t.Helper()
	b, err := New(Config{Token: "x"}, Options{Coverage: &fakeCoverage{}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decodeOptions(t testing.TB, raw string) []*discordgo.ApplicationCommandInteractionDataOption {
	t.Helper()
	var opts []*discordgo.ApplicationCommandInteractionDataOption
	if err := json.Unmarshal([]byte(raw), &opts); err != nil {
		t.Fatal(err)
	}
	return opts
}

func TestParseArgs(t *testing.T) {
	b := testBot(t)
	ask := b.commands["ask"].def.Options
	long := strings.Repeat("é", maxQuestionChars+1)
	for _, tc := range []struct {
		name    string
		raw     string
		wantErr string
		check   func(args) bool
	}{
		{"question", `[{"name":"question","type":3,"value":"Who?"}]`, "",
			func(a args) bool { return a.str("question") == "Who?" && !a.boolean("private") }},
		{"private", `[{"name":"question","type":3,"value":"Who?"},{"name":"private","type":5,"value":true}]`, "",
			func(a args) bool { return a.boolean("private") }},
		{"missing required", `[{"name":"private","type":5,"value":true}]`, `"question" is required`, nil},
		{"unknown option", `[{"name":"question","type":3,"value":"Who?"},{"name":"evil","type":3,"value":"x"}]`, "don't know the option", nil},
		{"twice", `[{"name":"question","type":3,"value":"a"},{"name":"question","type":3,"value":"b"}]`, "given twice", nil},
		{"wrong type", `[{"name":"question","type":3,"value":42}]`, "must be text", nil},
		{"bool as string", `[{"name":"question","type":3,"value":"a"},{"name":"private","type":5,"value":"yes"}]`, "true or false", nil},
		{"too long", `[{"name":"question","type":3,"value":"` + long + `"}]`, "the limit is 1000", nil},
		{"too short", `[{"name":"question","type":3,"value":""}]`, "at least 1", nil},
		{"null option", `[null]`, "empty", nil},
		{"focused outside autocomplete", `[{"name":"question","type":3,"value":"a","focused":true}]`, "one option", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := parseArgs(ask, decodeOptions(t, tc.raw), false)
			if tc.wantErr != "" {
				msg, ok := userMessage(err)
				if !ok || !strings.Contains(msg, tc.wantErr) {
					t.Fatalf("err = %v, want a user error containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(a) {
				t.Errorf("args = %+v", a)
			}
		})
	}
}

func TestParseArgsAutocomplete(t *testing.T) {
	b := testBot(t)
	spec := b.commands["summary"].def.Options
	a, err := parseArgs(spec, decodeOptions(t, `[{"name":"article","type":3,"value":"tru","focused":true}]`), true)
	if err != nil {
		t.Fatal(err)
	}
	if a.focused != "article" || a.str("article") != "tru" {
		t.Errorf("args = %+v", a)
	}
}

func TestParseArgsIntegers(t *testing.T) {
	lo := 1.0
	spec := []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionInteger, Name: "page", MinValue: &lo, MaxValue: 10}}
	for _, tc := range []struct {
		raw  string
		ok   bool
		want int64
	}{
		{`[{"name":"page","type":4,"value":3}]`, true, 3},
		{`[{"name":"page","type":4,"value":3.5}]`, false, 0},
		{`[{"name":"page","type":4,"value":0}]`, false, 0},
		{`[{"name":"page","type":4,"value":11}]`, false, 0},
		{`[{"name":"page","type":4,"value":1e300}]`, false, 0},
		{`[{"name":"page","type":4,"value":"3"}]`, false, 0},
	} {
		a, err := parseArgs(spec, decodeOptions(t, tc.raw), false)
		if (err == nil) != tc.ok || (tc.ok && a.integer("page") != tc.want) {
			t.Errorf("%s: args %+v, err %v", tc.raw, a, err)
		}
	}
}

// FuzzCommandOptions feeds arbitrary option payloads to every command's
// parser: it must never panic, and whatever it accepts must obey the
// command's own definition.
func FuzzCommandOptions(f *testing.F) {
	f.Add(`[{"name":"question","type":3,"value":"Who is John Coale?"}]`, false)
	f.Add(`[{"name":"question","type":3,"value":"a"},{"name":"private","type":5,"value":true}]`, false)
	f.Add(`[{"name":"article","type":3,"value":"tr","focused":true}]`, true)
	f.Add(`[{"name":"url","type":3,"value":"https://example.com/a"}]`, false)
	f.Add(`[{"name":"query","type":3,"value":null}]`, false)
	f.Add(`[{"name":"topic","type":3,"value":{"nested":[1,2]}}]`, false)
	f.Add(`[null,{"name":"","type":255}]`, false)
	f.Add(`[{"name":"question","type":3,"value":"\u202e\u0000"}]`, false)
	b := testBot(f)
	f.Fuzz(func(t *testing.T, raw string, autocomplete bool) {
		var given []*discordgo.ApplicationCommandInteractionDataOption
		if json.Unmarshal([]byte(raw), &given) != nil {
			return
		}
		for _, cmd := range b.order {
			a, err := parseArgs(cmd.def.Options, given, autocomplete)
			if err != nil {
				if _, ok := userMessage(err); !ok {
					t.Fatalf("/%s: error %v is not fit to show a user", cmd.def.Name, err)
				}
				continue
			}
			for _, o := range cmd.def.Options {
				if o.Required && !autocomplete && !a.has(o.Name) {
					t.Fatalf("/%s accepted without required %q", cmd.def.Name, o.Name)
				}
				if s, ok := a.strings[o.Name]; ok {
					if o.Type != discordgo.ApplicationCommandOptionString {
						t.Fatalf("/%s: %q stored as text", cmd.def.Name, o.Name)
					}
					if o.MaxLength > 0 && utf8.RuneCountInString(s) > o.MaxLength {
						t.Fatalf("/%s: %q accepted %d characters", cmd.def.Name, o.Name, utf8.RuneCountInString(s))
					}
				}
			}
			for name := range a.strings {
				if !specHas(cmd.def.Options, name) {
					t.Fatalf("/%s accepted unknown option %q", cmd.def.Name, name)
				}
			}
			if cmd.validate != nil {
				_ = cmd.validate(a) // must not panic on anything the parser accepts
			}
		}
	})
}

func specHas(spec []*discordgo.ApplicationCommandOption, name string) bool {
	for _, o := range spec {
		if o.Name == name {
			return true
		}
	}
	return false
}

func TestCommandDefinitionsAreValid(t *testing.T) {
	b := testBot(t)
	seen := map[string]bool{}
	for _, c := range b.order {
		d := c.def
		if seen[d.Name] {
			t.Errorf("command %q defined twice", d.Name)
		}
		seen[d.Name] = true
		if n := utf8.RuneCountInString(d.Description); n == 0 || n > 100 {
			t.Errorf("/%s description is %d characters; Discord wants 1-100", d.Name, n)
		}
		if c.run == nil {
			t.Errorf("/%s has no handler", d.Name)
		}
		if c.admin != (d.DefaultMemberPermissions != nil && *d.DefaultMemberPermissions == manageGuild) {
			t.Errorf("/%s: admin=%v but default permissions %v", d.Name, c.admin, d.DefaultMemberPermissions)
		}
		for _, o := range d.Options {
			if o.Autocomplete && c.complete == nil {
				t.Errorf("/%s option %s autocompletes without a completer", d.Name, o.Name)
			}
			if n := utf8.RuneCountInString(o.Description); n == 0 || n > 100 {
				t.Errorf("/%s option %s description is %d characters", d.Name, o.Name, n)
			}
		}
	}
}
