// Messages that ask nothing of the coverage: a greeting, thanks, an
// acknowledgement, a farewell, a request for help. In a thread the bot
// answers in, "thanks!" is the commonest follow-up there is, and it is no
// question: read as one, it was answered with whatever sentence shared a
// word with it.

package answer

import (
	"regexp"
	"strings"
	"unicode"
)

// RouteSocial marks the reply to a message that is only social: no
// question for the coverage, no citations.
const RouteSocial = "social"

// The closed classes of English phatic expressions, each a whole
// message, any number of them together ("ok thanks, bye"), with a
// vocative ("thanks bot", "hi all") and emoji around them.
var (
	thanksWords   = `thanks|thank (?:you|u)|thanks a lot|thanks so much|thanks very much|thank you (?:so|very) much|many thanks|thx|thnx|ty|tysm|cheers|ta|much appreciated|appreciated|appreciate it`
	greetingWords = `hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|morning|evening`
	closingWords  = `ok|okay|k|kk|cool|great|nice|perfect|awesome|brilliant|excellent|got it|understood|alright|all right|makes sense|fair enough|bye|goodbye|good bye|good night|goodnight|see you|see ya|cya|later|lol|haha|np|no problem|nvm|never mind|no worries`
	helpWords     = `help|what can you do|what do you do|how do i use (?:this|you|it)|how does this work|who are you|what are you`
	socialMessage = regexp.MustCompile(`^(?:` + socialPhrase(thanksWords) + `|` + socialPhrase(greetingWords) + `|` + socialPhrase(closingWords) + `|` + socialPhrase(helpWords) + `)+$`)
	saysThanks    = regexp.MustCompile(`\b(?:` + thanksWords + `)\b`)
	greets        = regexp.MustCompile(`^(?:` + greetingWords + `)\b`)
	asksHelp      = regexp.MustCompile(`\b(?:` + helpWords + `)\b`)
)

// socialPhrase is a pattern for one of words, then a vocative ("bot",
// "all", "there") and the punctuation after it.
func socialPhrase(words string) string {
	const vocative = `(?:\s+(?:bot|coveragebot|again|mate|all|everyone|guys|folks|friend|there))*`
	return `(?:` + words + `)` + vocative + `[\s,.;:!?]*`
}

// Replies to social messages.
const (
	replyThanks  = "You're welcome."
	replyHelp    = "I answer questions about the news coverage I hold, citing the articles for every sentence, and say so when the coverage does not answer. Ask as you would ask a person (\"what did the mayor say about the budget?\", \"when does the strike start?\"), or ask for a summary, the latest news, a timeline, someone's quotes, or how outlets covered a story (\"summarise the budget debate\", \"what's new on the strike?\", \"timeline of the strike\")."
	replyHello   = "Hello! " + replyHelp
	replyClosing = "Okay. Ask me anything about the coverage whenever you like."
)

// socialReply returns the reply to a message that is only social, and
// whether it is one. Anything that asks more ("thanks, and what did he say
// next?") is not, and goes to the answerer.
func socialReply(question string) (string, bool) {
	m := strings.ToLower(strings.Map(func(r rune) rune {
		switch {
		case r == '’':
			return '\''
		case unicode.Is(unicode.So, r), unicode.Is(unicode.Sk, r):
			return ' ' // emoji
		}
		return r
	}, question))
	m = strings.TrimSpace(m)
	if m == "" || !socialMessage.MatchString(m) {
		return "", false
	}
	switch {
	case saysThanks.MatchString(m):
		return replyThanks, true
	case asksHelp.MatchString(m):
		return replyHelp, true
	case greets.MatchString(m):
		return replyHello, true
	}
	return replyClosing, true
}
