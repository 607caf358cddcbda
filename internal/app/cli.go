package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/coveragebot/coveragebot/config"
)

// Env is what the command line reads and writes, so tests can run Main with
// their own environment and buffers.
type Env struct {
	Getenv  func(string) string
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Version string
}

// Exit codes.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitSkipped = 3 // ingest finished, but some files were skipped
)

// errUsage marks an error in how the command was called; its message is
// printed with a pointer to --help.
var errUsage = errors.New("usage")

// errSkipped makes ingest exit with exitSkipped after finishing its work.
var errSkipped = errors.New("some input was skipped")

// A command's flags are the fields of its struct: bind registers each field
// on the command's FlagSet (which also writes --help), and run reads the
// fields directly, so the compiler checks every flag's name and type.
type runner interface {
	bind(fs *flag.FlagSet)
	run(ctx context.Context, inv *invocation) error
}

// noFlags is embedded by commands that take only the common flags.
type noFlags struct{}

func (noFlags) bind(*flag.FlagSet) {}

type command struct {
	name    string
	args    string
	summary string
	new     func() runner // a fresh, unparsed struct for one invocation
}

func commands() []command {
	return []command{
		{name: "ask", args: `"QUESTION"`, summary: "answer a question from the coverage, with citations", new: func() runner { return &askCmd{} }},
		{name: "summary", args: "[--article ID | --topic TEXT | --all]", summary: "summarise an article, a topic or the whole coverage", new: func() runner { return &summaryCmd{} }},
		{name: "ingest", args: "[PATH|URL…] [--feeds]", summary: "index articles from files, directories, web pages and feeds (default: the data directory)", new: func() runner { return &ingestCmd{} }},
		{name: "sources", args: "", summary: "list the indexed articles, newest first", new: func() runner { return &sourcesCmd{} }},
		{name: "quotes", args: "--person NAME [--topic TEXT]", summary: "list a person's quotations, verbatim and cited", new: func() runner { return &quotesCmd{} }},
		{name: "timeline", args: "--topic TEXT", summary: "put the events of a story in date order, each cited", new: func() runner { return &timelineCmd{} }},
		{name: "compare", args: "--topic TEXT", summary: "compare how outlets covered a story: who was first, what only some report", new: func() runner { return &compareCmd{} }},
		{name: "digest", args: "[--since 1d|7d|DATE]", summary: "summarise what is new in the coverage since a time, with citations", new: func() runner { return &digestCmd{} }},
		{name: "feeds", args: "[--show-query]", summary: "list the feeds with their last success, last error and article count", new: func() runner { return &feedsCmd{} }},
		{name: "feedback", args: "[--json]", summary: "list the 👍/👎 votes serve stored (COVERAGEBOT_STORE_FEEDBACK)", new: func() runner { return &feedbackCmd{} }},
		{name: "serve", args: "", summary: "run the Discord bot and the health and metrics listener", new: func() runner { return &serveCmd{} }},
		{name: "eval", args: "--corpus FILE --queries FILE", summary: "measure retrieval on a benchmark (Hits@k, MRR@10) in a fresh index", new: func() runner { return &evalCmd{} }},
		{name: "migrate", args: "--to weaviate", summary: "copy the index into Weaviate with its vectors, embedding nothing again", new: func() runner { return &migrateCmd{} }},
		{name: "bench", args: "[--sizes 10k,100k] [--corpus FILE] [--queries N] [--json]", summary: "measure retrieval, ingestion, start-up, memory and Discord acknowledgement beside chromem-go", new: func() runner { return &benchCmd{} }},
		{name: "healthcheck", args: "", summary: "exit 0 when the running bot's /healthz answers 200 (for Docker)", new: func() runner { return &healthcheckCmd{} }},
		{name: "version", args: "", summary: "print the version", new: func() runner { return &versionCmd{} }},
	}
}

// invocation is one run of one subcommand.
type invocation struct {
	env    Env
	cfg    config.Config
	args   []string
	logger *slog.Logger
}

func (inv *invocation) stdout() io.Writer { return inv.env.Stdout }

// Main runs the command line and returns the process's exit code.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 && args[0] == "help" {
			return Main(ctx, []string{args[1], "--help"}, env)
		}
		usage(env.Stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" {
		args[0] = "version"
	}
	var cmd *command
	for _, c := range commands() {
		if c.name == args[0] {
			c := c
			cmd = &c
		}
	}
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "coveragebot: unknown command %q\n\n", args[0])
		usage(env.Stderr)
		return exitUsage
	}

	cfg, err := config.Load(env.Getenv, "")
	if err != nil {
		fmt.Fprintf(env.Stderr, "coveragebot: %v\n", err)
		return exitError
	}
	inv := &invocation{env: env}
	r, fs, rest, err := cmd.parse(&cfg, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		commandUsage(env.Stdout, cmd, fs)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "coveragebot %s: %v\n(see coveragebot %s --help)\n", cmd.name, err, cmd.name)
		return exitUsage
	}
	if err := cfg.Validate(); err != nil {
		fmt.Fprintf(env.Stderr, "coveragebot: the configuration has problems:\n%s\n", indent(err.Error()))
		return exitError
	}
	inv.cfg = cfg
	inv.args = rest
	inv.logger = slog.New(cfg.Log.Handler(env.Stderr))

	err = r.run(ctx, inv)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSkipped):
		return exitSkipped
	case errors.Is(err, errUsage):
		fmt.Fprintf(env.Stderr, "coveragebot %s: %s\n(see coveragebot %s --help)\n", cmd.name,
			strings.TrimPrefix(err.Error(), errUsage.Error()+": "), cmd.name)
		return exitUsage
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		fmt.Fprintf(env.Stderr, "coveragebot %s: interrupted\n", cmd.name)
		return exitError
	default:
		fmt.Fprintf(env.Stderr, "coveragebot %s: %v\n", cmd.name, err)
		return exitError
	}
}

// parse fills a fresh struct of c's flags, and cfg's common flags, from
// args. It returns the positional arguments, and the FlagSet for --help.
func (c *command) parse(cfg *config.Config, args []string) (runner, *flag.FlagSet, []string, error) {
	fs := flag.NewFlagSet("coveragebot "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg.BindFlags(fs)
	r := c.new()
	r.bind(fs)
	rest, err := parseInterspersed(fs, args)
	return r, fs, rest, err
}

func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

// parseInterspersed lets flags follow positional arguments, as in
// `coveragebot ask "question" --json`; "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `coveragebot answers questions about news coverage, with citations.

Usage:
  coveragebot <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'coveragebot <command> --help' for a command's flags. Settings come from
the environment (see README.md); flags win over the environment.
`)
}

func commandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: coveragebot %s [flags] %s\n\n%s.\n\nFlags:\n", c.name, c.args, strings.ToUpper(c.summary[:1])+c.summary[1:])
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, n := range names {
		f := fs.Lookup(n)
		dash := "--"
		if len(n) == 1 {
			dash = "-"
		}
		// A word in backquotes in the usage names the value, as in Go's
		// own flag help: "--index DIR".
		value, text := flag.UnquoteUsage(f)
		name := dash + n
		if value != "" {
			name += " " + value
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = fmt.Sprintf(" (default %q)", f.DefValue)
		}
		fmt.Fprintf(tw, "  %s\t%s%s\n", name, text, def)
	}
	tw.Flush()
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "  - " + l
	}
	return strings.Join(lines, "\n")
}

type versionCmd struct{ noFlags }

func (*versionCmd) run(_ context.Context, inv *invocation) error {
	fmt.Fprintf(inv.stdout(), "coveragebot %s\n", inv.env.Version)
	return nil
}

// isTerminal reports whether w is a terminal, for the progress bar.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return termIsTerminal(int(f.Fd()))
}
