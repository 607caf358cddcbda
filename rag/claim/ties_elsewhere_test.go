package claim

import "testing"

// TestTieThroughPronounWithNamesElsewhere covers a time the passage gives
// with "his" for a person it names the sentence before, in a passage
// sentence whose other names the sentence gives too, in its other clause.
func TestTieThroughPronounWithNamesElsewhere(t *testing.T) {
	p := "Abe will be remembered for boosting defense spending. In 2015, his government passed a reinterpretation of Japan's pacifist constitution, allowing Japanese troops to engage in overseas combat for the first time since World War II."
	runCases(t, KindTime, []ruleCase{
		{"names of the other clause", "Abe's government reinterpreted Japan's pacifist constitution in 2015, letting Japanese troops fight overseas for the first time since World War II.", p, true},
		{"another year", "Abe's government reinterpreted Japan's pacifist constitution in 2012, letting Japanese troops fight overseas for the first time since World War II.", p, false},
	})
}
