package claim

import "testing"

// TestPronounSubjectNameObject covers a sentence whose verb has a pronoun
// for its subject and a name after it, where the passage has that name as
// the verb's doer and a pronoun after the verb: the roles are turned round.
func TestPronounSubjectNameObject(t *testing.T) {
	giuliani := `She told the committee that Trump lawyer Rudy Giuliani told her on January 2 that "we're going to the Capitol" on January 6.`
	doocy := "Doocy said on Fox late Monday evening that Biden called his phone shortly after their exchange to apologize for his remark."
	runCases(t, KindRole, []ruleCase{
		{"she told the name", `She testified that she had told Rudy Giuliani on January 2 that "we're going to the Capitol" on January 6.`, giuliani, false},
		{"the name told her", `She testified that Rudy Giuliani had told her on January 2 that "we're going to the Capitol" on January 6.`, giuliani, true},
		{"he called the name's phone", "Doocy said on Fox late Monday evening that he called Biden's phone shortly after their exchange.", doocy, false},
		{"the name called his phone", "Doocy said on Fox late Monday evening that Biden called his phone shortly after their exchange.", doocy, true},
		{"a pronoun for the same doer", "Doocy said that Biden called him after their exchange to apologize.", "Doocy said Biden called him shortly after their exchange. He said Biden apologized for his remark.", true},
	})
	if r := Check(`She said she had told Rudy Giuliani on January 2 that "we're going to the Capitol".`, Source{Text: giuliani}); r.Reason != "the source says Rudy Giuliani told her, not the other way round" {
		t.Errorf("reason %q", r.Reason)
	}
}
