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

// holdsAsked reports whether a sentence's covered terms hold a focus term
// of the sentence that asks, other than the noun of "which …" (which the
// answer names rather than repeats). A question of one sentence asks with
// all its terms; a question whose asking sentence holds no focus term of its
// own ("Which animal was it?") asks nothing more of the sentence. One that
// holds only the scene's terms restates the scene ("Seventeen members of
// Congress were arrested…. How much bail did each of them pay?" is not
// answered by "…the arrest of 35 people, including 17 members of
// Congress").
func (q questionTerms) holdsAsked(question string, covered map[string]bool) bool {
	scene, asking := askingSentence(question)
	if scene == "" {
		return true
	}
	asked := false
	for _, t := range prose.Terms(asking) {
		if _, focus := q.weight[t]; !focus || t == kindTerm || t == q.head {
			continue
		}
		if covered[t] {
			return true
		}
		asked = true
	}
	return !asked
}
