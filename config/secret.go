package config

import (
	"fmt"
	"io"
	"log/slog"
)

// Secret is a credential. It prints as "[redacted]" (or "(unset)") with every
// fmt verb, in slog and when marshalled, so that logging a Config, or a
// struct holding one, cannot leak it. Reveal returns the value itself, for
// the one place that must send it.
type Secret string

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }

// IsSet reports whether the secret has a value.
func (s Secret) IsSet() bool { return s != "" }

// String returns "[redacted]", or "(unset)" when the secret is empty.
func (s Secret) String() string {
	if s == "" {
		return "(unset)"
	}
	return "[redacted]"
}

// Format makes every verb, %#v and %x included, print the redacted form.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, s.String()) }

// LogValue implements slog.LogValuer.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText keeps secrets out of JSON and YAML output.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
