package config

import (
	"strings"
)

// MarkdownTable renders Settings as the Markdown table of the README: one
// row per setting, under a bold row for each group.
func MarkdownTable() string {
	var b strings.Builder
	b.WriteString("| Variable | Default | Description |\n|---|---|---|\n")
	group := ""
	for _, s := range Settings() {
		if s.Group != group {
			group = s.Group
			b.WriteString("| **" + cell(group) + "** | | |\n")
		}
		def := ""
		switch {
		case s.Secret:
			def = "*secret*"
		case s.Default != "":
			def = "`" + cell(s.Default) + "`"
		}
		b.WriteString("| `" + s.Name + "` | " + def + " | " + cell(s.Description) + " |\n")
	}
	return b.String()
}

// cell escapes what would break a table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// EnvExample renders Settings as a .env file: every setting with its
// description, secrets as empty assignments to fill in, the rest commented
// out at their defaults.
func EnvExample() string {
	var b strings.Builder
	b.WriteString("# coveragebot settings. Copy this file to .env and fill in what you need.\n")
	b.WriteString("# An empty or commented-out variable means the default shown.\n")
	group := ""
	for _, s := range Settings() {
		if s.Group != group {
			group = s.Group
			b.WriteString("\n# === " + group + " ===\n")
		}
		b.WriteString("\n")
		for _, line := range wrap(s.Description, 76) {
			b.WriteString("# " + line + "\n")
		}
		if s.Secret {
			b.WriteString(s.Name + "=\n")
		} else {
			b.WriteString("# " + s.Name + "=" + s.Default + "\n")
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most width bytes, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
