package bot

import (
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// Feedback votes, as buttons carry them and metrics label them.
const (
	voteUp   = "up"
	voteDown = "down"
)

// Custom IDs of the bot's buttons. Each starts with a prefix saying what the
// button does; the rest carries the state the click needs, so a click still
// works after a restart.
const (
	feedbackPrefix = "fb:"      // fb:<answer id>:<vote>
	sourcesPrefix  = "sources:" // sources:<page>:<query>
	threadPrefix   = "thread:"  // thread:<answer id>
	maxCustomID    = 100
)

// answerButtons are the buttons under a finished answer: the votes, and,
// where a thread can be started on the answer, "Follow up in a thread".
func answerButtons(answerID string, followUp bool) []discordgo.MessageComponent {
	row := []discordgo.MessageComponent{
		discordgo.Button{Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👍"},
			CustomID: feedbackPrefix + answerID + ":" + voteUp},
		discordgo.Button{Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👎"},
			CustomID: feedbackPrefix + answerID + ":" + voteDown},
	}
	if followUp {
		row = append(row, discordgo.Button{Style: discordgo.SecondaryButton, Label: "Follow up in a thread",
			Emoji: &discordgo.ComponentEmoji{Name: "🧵"}, CustomID: threadPrefix + answerID})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// parseFeedbackID reads a feedback button's custom ID.
func parseFeedbackID(id string) (answerID, vote string, ok bool) {
	rest, found := strings.CutPrefix(id, feedbackPrefix)
	if !found {
		return "", "", false
	}
	i := strings.LastIndexByte(rest, ':')
	if i <= 0 {
		return "", "", false
	}
	answerID, vote = rest[:i], rest[i+1:]
	if vote != voteUp && vote != voteDown {
		return "", "", false
	}
	return answerID, vote, true
}

// votes remembers each user's latest vote on each answer, so a second click
// on the same button is not counted twice. It forgets the oldest votes
// beyond its capacity.
type votes struct {
	capacity int

	mu     sync.Mutex
	latest map[string]string // answer id + "/" + user id → vote
	order  []string
}

func newVotes(capacity int) *votes {
	return &votes{capacity: capacity, latest: make(map[string]string)}
}

// record stores a vote and reports whether it is new: the user's first
// vote on this answer, or a change of mind.
func (v *votes) record(answerID, userID, vote string) bool {
	key := answerID + "/" + userID
	v.mu.Lock()
	defer v.mu.Unlock()
	prev, seen := v.latest[key]
	if seen && prev == vote {
		return false
	}
	if !seen {
		v.order = append(v.order, key)
		if len(v.order) > v.capacity {
			delete(v.latest, v.order[0])
			v.order = v.order[1:]
		}
	}
	v.latest[key] = vote
	return true
}
