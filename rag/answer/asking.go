package answer

import (
	"github.com/coveragebot/coveragebot/rag/prose"
)

// askingSentence splits a question into the sentences that set the scene
// ("A bipartisan group of senators announced an agreement….") and the
// last one, which asks ("Which measure did lawmakers leave out?"). A
// question of one sentence has no scene.
func askingSentence(question string) (scene, asking string) {
	spans := prose.SentenceSpans(question)
	if len(spans) < 2 {
		return "", question
	}
	last := spans[len(spans)-1]
	return question[:last[0]], question[last[0]:last[1]]
}

// requiredNames are the names the answer's article must hold: every name of
// a question of one sentence; when sentences set the scene before the one
// that asks, the names of the sentence that asks, and the scene's names
// too when a personal pronoun of the asking sentence stands for them
// ("Which team did he call games for?"). The scene's other names ("for
// millions of Americans") tell the reader what the question is about; the
// article that answers need not repeat them.
func (q questionTerms) requiredNames(question string) map[string]bool {
	scene, asking := askingSentence(question)
	if scene == "" {
		return q.entity
	}
	out := map[string]bool{}
	for _, t := range prose.Terms(asking) {
		if q.entity[t] {
			out[t] = true
		}
	}
	for _, w := range prose.Tokenize(asking) {
		if subjectPronouns[w] || objectPronouns[w] {
			for _, t := range prose.Terms(scene) {
				if q.entity[t] {
					out[t] = true
				}
			}
			break
		}
	}
	return out
}
