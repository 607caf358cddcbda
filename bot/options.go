package bot

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// args are a command's options after parseArgs has checked them against the
// command's definition. Getters return the zero value for an option that was
// not given.
type args struct {
	strings  map[string]string
	bools    map[string]bool
	integers map[string]int64
	// focused names the option being typed, in an autocomplete request.
	focused string
}

func (a args) str(name string) string    { return a.strings[name] }
func (a args) boolean(name string) bool  { return a.bools[name] }
func (a args) integer(name string) int64 { return a.integers[name] }
func (a args) has(name string) bool {
	_, s := a.strings[name]
	_, b := a.bools[name]
	_, i := a.integers[name]
	return s || b || i
}

// parseArgs checks the options Discord sent against the command's own
// definition. Discord enforces the same rules on its side, but a client can
// send anything, and discordgo's typed getters panic on a wrong type, so the
// bot never trusts the payload. In an autocomplete request, required options
// may be missing and the focused value may be partial.
func parseArgs(spec []*discordgo.ApplicationCommandOption, given []*discordgo.ApplicationCommandInteractionDataOption, autocomplete bool) (args, error) {
	a := args{strings: map[string]string{}, bools: map[string]bool{}, integers: map[string]int64{}}
	byName := make(map[string]*discordgo.ApplicationCommandOption, len(spec))
	for _, o := range spec {
		byName[o.Name] = o
	}
	for _, g := range given {
		if g == nil {
			return a, userErrorf("An option was empty.")
		}
		o, ok := byName[g.Name]
		if !ok {
			return a, userErrorf("I don't know the option %q.", truncateText(g.Name, 32))
		}
		if a.has(g.Name) {
			return a, userErrorf("The option %q was given twice.", g.Name)
		}
		if g.Focused {
			if !autocomplete || a.focused != "" {
				return a, userErrorf("Only one option can be typed at a time.")
			}
			a.focused = g.Name
		}
		if err := a.set(o, g.Value, autocomplete && g.Focused); err != nil {
			return a, err
		}
	}
	if !autocomplete {
		for _, o := range spec {
			if o.Required && !a.has(o.Name) {
				return a, userErrorf("The option %q is required.", o.Name)
			}
		}
	}
	return a, nil
}

func (a args) set(o *discordgo.ApplicationCommandOption, value any, partial bool) error {
	switch o.Type {
	case discordgo.ApplicationCommandOptionString:
		s, ok := value.(string)
		if !ok {
			return userErrorf("The option %q must be text.", o.Name)
		}
		if !utf8.ValidString(s) {
			return userErrorf("The option %q is not valid text.", o.Name)
		}
		n := utf8.RuneCountInString(s)
		if o.MaxLength > 0 && n > o.MaxLength {
			return userErrorf("The option %q is %d characters long; the limit is %d.", o.Name, n, o.MaxLength)
		}
		if !partial && o.MinLength != nil && n < *o.MinLength {
			return userErrorf("The option %q must be at least %d characters long.", o.Name, *o.MinLength)
		}
		a.strings[o.Name] = s
	case discordgo.ApplicationCommandOptionBoolean:
		b, ok := value.(bool)
		if !ok {
			return userErrorf("The option %q must be true or false.", o.Name)
		}
		a.bools[o.Name] = b
	case discordgo.ApplicationCommandOptionInteger:
		f, ok := value.(float64)
		if !ok || f != math.Trunc(f) || math.IsInf(f, 0) || math.Abs(f) > 1<<53 {
			return userErrorf("The option %q must be a whole number.", o.Name)
		}
		if (o.MinValue != nil && f < *o.MinValue) || (o.MaxValue != 0 && f > o.MaxValue) {
			return userErrorf("The option %q is out of range.", o.Name)
		}
		a.integers[o.Name] = int64(f)
	default:
		return fmt.Errorf("option %q: type %s not supported by the parser", o.Name, o.Type)
	}
	return nil
}
