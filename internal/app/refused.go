package app

import (
	"errors"
	"fmt"

	"github.com/coveragebot/coveragebot/bot"
)

// refusalFix names the setting that fixes each gateway refusal.
var refusalFix = map[int]string{
	4004: "put the token from the Bot page of the Discord developer portal (Reset Token) in DISCORD_TOKEN, or in the file DISCORD_TOKEN_FILE names",
	4010: "set COVERAGEBOT_SHARD_ID below COVERAGEBOT_SHARD_COUNT",
	4011: "run one process per shard, with COVERAGEBOT_SHARD_COUNT above 1 and each COVERAGEBOT_SHARD_ID from 0 up",
	4012: "upgrade coveragebot",
	4013: "upgrade coveragebot, or report this as a bug",
	4014: "turn on Message Content Intent under Privileged Gateway Intents on the Bot page of the Discord developer portal, or turn off COVERAGEBOT_MESSAGE_CONTENT and leave COVERAGEBOT_CHANNELS empty (they are what ask for it)",
}

// explainRefusal adds to a gateway refusal what to change to fix it; any
// other error is returned as it is.
func explainRefusal(err error) error {
	var r *bot.RefusedError
	if !errors.As(err, &r) {
		return err
	}
	if fix, ok := refusalFix[r.Code]; ok {
		return fmt.Errorf("%w; to fix it, %s", err, fix)
	}
	return err
}
