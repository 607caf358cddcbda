package bot

import (
	"container/list"
	"sync"

	"github.com/coveragebot/coveragebot/rag"
)

// Bounds on what the bot remembers of conversations. Memory is only a
// cache: Discord keeps the messages, and history.go reads them back when
// the cache does not know a thread (after a restart, or on another shard).
const (
	maxConversations = 2000
	maxTurnChars     = 1500 // each remembered turn is cut to this
)

// conversations maps the threads the bot answers in to their earlier turns.
// A conversation is known by its thread's ID and by the ID of the message
// that asked its first question: Discord gives a thread started from a
// message that message's ID, so a thread someone opens later on a question
// the bot answered in the channel is recognised too.
type conversations struct {
	turns int // messages (questions and answers) kept for each

	mu    sync.Mutex
	byID  map[string]*list.Element // thread or question message id → element
	order *list.List               // of *conversation, most recently used first
}

type conversation struct {
	ids    []string
	parent string // the channel the conversation started in
	turns  []rag.Message
}

func newConversations(turns int) *conversations {
	return &conversations{turns: turns, byID: make(map[string]*list.Element), order: list.New()}
}

// start records a conversation under ids (the thread, the question message)
// started in channel parent.
func (c *conversations) start(parent string, ids ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	conv := &conversation{parent: parent}
	e := c.order.PushFront(conv)
	for _, id := range ids {
		old, ok := c.byID[id]
		if id == "" || (ok && old == e) {
			continue // Discord often gives a thread its question's id
		}
		if ok {
			c.drop(old)
		}
		conv.ids = append(conv.ids, id)
		c.byID[id] = e
	}
	for c.order.Len() > maxConversations {
		c.drop(c.order.Back())
	}
}

func (c *conversations) drop(e *list.Element) {
	conv := e.Value.(*conversation)
	for _, id := range conv.ids {
		if c.byID[id] == e {
			delete(c.byID, id)
		}
	}
	c.order.Remove(e)
}

// lookup returns the conversation's parent channel and a copy of its turns.
func (c *conversations) lookup(id string) (parent string, turns []rag.Message, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.byID[id]
	if !found {
		return "", nil, false
	}
	c.order.MoveToFront(e)
	conv := e.Value.(*conversation)
	return conv.parent, append([]rag.Message(nil), conv.turns...), true
}

// parentOf returns the channel the conversation known by id started in.
func (c *conversations) parentOf(id string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.byID[id]
	if !found {
		return "", false
	}
	return e.Value.(*conversation).parent, true
}

// add appends a question and its answer to the conversation known by id,
// keeping only the latest turns.
func (c *conversations) add(id, question, answer string) {
	c.update(id, func(turns []rag.Message) []rag.Message {
		return append(turns,
			rag.Message{Role: "user", Content: truncateText(question, maxTurnChars)},
			rag.Message{Role: "assistant", Content: truncateText(answer, maxTurnChars)})
	})
}

// seed sets the turns of the conversation known by id, read back from
// Discord, keeping only the latest.
func (c *conversations) seed(id string, turns []rag.Message) {
	c.update(id, func([]rag.Message) []rag.Message { return turns })
}

// update replaces the turns of the conversation known by id with what
// change makes of them, keeping only the latest.
func (c *conversations) update(id string, change func([]rag.Message) []rag.Message) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.byID[id]
	if !found {
		return
	}
	conv := e.Value.(*conversation)
	turns := change(conv.turns)
	conv.turns = append([]rag.Message(nil), turns[max(len(turns)-c.turns, 0):]...)
}
