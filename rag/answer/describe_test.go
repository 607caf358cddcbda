package answer

import (
	"strings"
	"testing"

	"github.com/coveragebot/coveragebot/rag"
)

// TestResolveDescriptions: a person asked about by country and role is the
// one the passages write that way before a name; a former holder, a role
// with a word the question lacks, a group and a description the passages
// give to two people are left as they are.
func TestResolveDescriptions(t *testing.T) {
	text := "Russian President Ivan Petrov said the deal was fair. Ukraine's President Olena Marko thanked the UN. " +
		"UK Prime Minister Jane Hale and Ukrainian Foreign Minister Pavlo Ode met. " +
		"Former U.S. President Sam Ray spoke, and U.S. President Lee Park did not. US Marshal Tom Reed made an arrest, " +
		"and US Secretary of State Ann Cole flew in. Russian President Ivan Petrov's plane landed."
	hits := []rag.Hit{{Passage: rag.Passage{Text: text}}}
	for _, tc := range []struct{ question, want string }{
		{"what did the russian president say about the deal", "what did Ivan Petrov say about the deal"},
		{"what did the ukrainian leader say?", "what did Olena Marko say?"},
		{"where is the uk pm going", "where is Jane Hale going"},
		{"who did the ukrainian president's office thank", "who did Olena Marko's office thank"},
		{"what did the us president say", "what did Lee Park say"},
		{"what did the ukrainian foreign minister say", "what did Pavlo Ode say"},
		{"what did the russian foreign minister say", "what did the russian foreign minister say"},
		{"what did the french president say", "what did the french president say"},
		{"who are the us marshals looking for", "who are the us marshals looking for"},
		{"where did the us secretary of state fly", "where did Ann Cole fly"},
		{"what did hale say to the russian president", "what did hale say to the russian president"}, // no subject
	} {
		if got := resolveDescriptions(tc.question, hits); got != tc.want {
			t.Errorf("resolveDescriptions(%q) = %q, want %q", tc.question, got, tc.want)
		}
	}
	two := append(hits, rag.Hit{Passage: rag.Passage{Text: "Russian President Dmitri Orlov, who took office in May, spoke first."}})
	if got := resolveDescriptions("what did the russian president say", two); got != "what did the russian president say" {
		t.Errorf("two Russian presidents: %q", got)
	}
}

// TestAnswerForADescription: "what did the russian president say about the
// grain deal" is answered from what Petrov said, as "what did petrov say"
// is, where before it abstained on words the passages never write together.
func TestAnswerForADescription(t *testing.T) {
	hits := hitsOf(passagesFrom(t,
		"Russian President Ivan Petrov met the Turkish delegation in Sochi on Friday.",
		"Petrov said the grain deal would collapse unless sanctions on fertiliser were lifted. The talks lasted three hours."))
	ans := Extractive("what did the russian president say about the grain deal", hits, ExtractiveOptions{})
	if ans.Abstained || !strings.Contains(ans.Text, "would collapse unless sanctions") {
		t.Errorf("the president's words are not given: %q", ans.Text)
	}
	if ans.Question != "what did the russian president say about the grain deal" {
		t.Errorf("the answer's question was rewritten: %q", ans.Question)
	}
}
