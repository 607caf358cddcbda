// Package bot is coveragebot's Discord adapter. It connects with discordgo,
// registers the slash commands, turns mentions, question channels and
// thread follow-ups into questions for the coverage index, and posts cited
// answers: acknowledged at once, streamed by coalesced edits, split to fit
// Discord's limits, and never able to ping anyone. It also serves the
// coverage-intelligence commands (/quotes, /timeline, /compare, /digest),
// announces new articles and posts scheduled digests in channels, enforces
// the per-user rate limit, the per-guild queue, the allow lists and the
// admin checks, and exports Prometheus metrics.
//
// The bot knows the coverage only through the small Coverage and
// Intelligence interfaces it declares, and feed health through a function;
// main wires in the rag implementation and the feed poller.
package bot
