// Package bot is coveragebot's Discord adapter. It connects with discordgo,
// registers the slash commands, turns mentions, question channels and
// thread follow-ups into questions for the coverage index, and posts cited
// answers: acknowledged at once, streamed by coalesced edits, split to fit
// Discord's limits, and never able to ping anyone. It also enforces the
// per-user rate limit, the per-guild queue, the allow lists and the admin
// checks, and exports Prometheus metrics.
//
// The bot knows the coverage only through the small Coverage interface it
// declares; main wires in the rag implementation.
package bot
