package claim

import "testing"

// TestCountedList: a model counts a list the passage writes out ("five
// states" for "Connecticut, Florida, Georgia, Maryland and New York");
// a count of another length, or of a list the sentence is not about, is
// no count the passage gives.
func TestCountedList(t *testing.T) {
	p := "So far, Connecticut, Florida, Georgia, Maryland and New York have temporarily suspended their gas taxes, while Illinois and Kentucky blocked scheduled gas tax rate hikes, according to the Tax Policy Center."
	runCases(t, KindFigure, []ruleCase{
		{"five named", "Five states, including Connecticut and Florida, have suspended their gas taxes.", p, true},
		{"five by the verb", "Five states have temporarily suspended their gas taxes.", p, true},
		{"two by the verb", "Two states blocked scheduled gas tax hikes.", p, true},
		{"four named", "Four states, including Connecticut and Florida, have suspended their gas taxes.", p, false},
		{"two for the five", "Two states have temporarily suspended their gas taxes.", p, false},
		{"a list of names said", "Officials from five airlines said demand would offset higher fuel bills.", "Officials from Delta, American, United, Southwest and JetBlue said they expect to offset their higher fuel bills.", true},
		{"a named member, in another clause", "At the conference, officials from five airlines spoke, and Delta's president said fares must rise.", "Officials from Delta, American, United, Southwest and JetBlue spoke. Delta's president said fares must rise.", true},
		{"no list", "Five states have suspended their gas taxes.", "Connecticut has suspended its gas tax, according to the Tax Policy Center.", false},
	})
}

func TestNameLists(t *testing.T) {
	toks := tokenize("So far, Connecticut, Florida, Georgia, Maryland and New York have suspended taxes, while Illinois and Kentucky blocked hikes, said Ann Lee.", 1000)
	ls := nameLists(toks)
	if len(ls) != 2 || len(ls[0].items) != 5 || len(ls[1].items) != 2 {
		var got []int
		for _, l := range ls {
			got = append(got, len(l.items))
		}
		t.Fatalf("lists of %v items, want [5 2]", got)
	}
}
