package claim

import (
	"os"
	"sort"
	"testing"
)

// TestRuleAblation reports, for each rule, what the check loses without it
// on the tuning data only (the tune half of claims.jsonl and the tune-only
// sets): the misstatements that then pass, and the faithful sentences that
// are then kept. A rule that costs more faithful sentences than it catches
// misstatements is a candidate to narrow. Run it with CLAIMS_ABLATE=1 (and
// -v); it never reads the check half.
func TestRuleAblation(t *testing.T) {
	if os.Getenv("CLAIMS_ABLATE") == "" {
		t.Skip("set CLAIMS_ABLATE=1 to print what each rule catches and drops on the tuning data")
	}
	ctx := seedContext(t)
	var cs []Labelled
	for _, name := range []string{"claims.jsonl", "antonym-tune.jsonl", "role-tune.jsonl", "keep-tune.jsonl", "keep-tune2.jsonl", "drop-tune.jsonl", "mixed-tune.jsonl", "mixed-tune2.jsonl", "mixed-tune3.jsonl", "mixed-tune4.jsonl", "mixed-tune5.jsonl", "mixed-tune6.jsonl", "mixed-tune7.jsonl", "mixed-tune8.jsonl"} {
		for _, c := range loadClaimFile(t, name) {
			if c.Split == "tune" {
				cs = append(cs, c)
			}
		}
	}
	// Each sentence is read once; the chains below differ only in rules.
	evs := make([]*evidence, len(cs))
	reads := make([]*sentenceRead, len(cs))
	base := make([]bool, len(cs))
	for i, c := range cs {
		evs[i] = newEvidence(c.Sources(ctx))
		reads[i] = readSentence(c.Sentence, evs[i])
		base[i] = firstFault(reads[i], evs[i], rules).OK()
	}
	type row struct {
		name             string
		kept, passed     int // without the rule: faithful sentences kept, misstatements let through
		keptIDs, passIDs []string
	}
	var rows []row
	for skip := range rules {
		without := append(append([]rule{}, rules[:skip]...), rules[skip+1:]...)
		r := row{name: rules[skip].name}
		for i, c := range cs {
			if base[i] || !firstFault(reads[i], evs[i], without).OK() {
				continue
			}
			if c.Faithful() {
				r.kept++
				r.keptIDs = append(r.keptIDs, c.ID)
			} else {
				r.passed++
				r.passIDs = append(r.passIDs, c.ID)
			}
		}
		rows = append(rows, r)
	}
	decided := map[string][]string{} // rule name: the faithful sentences it drops first
	for i, c := range cs {
		if base[i] || !c.Faithful() {
			continue
		}
		for _, r := range rules {
			if _, bad := r.check(reads[i], evs[i]); bad {
				decided[r.name] = append(decided[r.name], c.ID)
				break
			}
		}
	}
	for _, r := range rules {
		if ids := decided[r.name]; len(ids) > 0 {
			t.Logf("%-26s drops first %d faithful: %v", r.name, len(ids), ids)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].kept-rows[i].passed > rows[j].kept-rows[j].passed })
	t.Logf("%d tuning claims; without each rule:", len(cs))
	for _, r := range rows {
		t.Logf("%-26s faithful kept +%-3d misstatements passed +%-3d %v %v", r.name, r.kept, r.passed, r.keptIDs, r.passIDs)
	}
}
