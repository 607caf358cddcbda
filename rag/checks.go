package rag

import (
	"fmt"
	"strings"
)

// maxRemovedReasons is how many reasons RemovedNote gives before "and N
// more".
const maxRemovedReasons = 2

// RemovedNote says, for people, how many sentences the check removed from
// an answer and why: "1 sentence removed: the source says first, not
// second." It is "" when nothing was removed.
func (a Answer) RemovedNote() string {
	var reasons []string
	removed := 0
	for _, c := range a.Checks {
		if c.Kept {
			continue
		}
		removed++
		r := c.Reason
		if r == "" {
			r = "its sources do not support it"
		}
		if len(reasons) < maxRemovedReasons && !contains(reasons, r) {
			reasons = append(reasons, r)
		}
	}
	if removed == 0 {
		removed = len(a.Dropped)
		if removed > 0 {
			reasons = []string{"its sources do not support it"}
		}
	}
	if removed == 0 {
		return ""
	}
	noun := "sentences"
	if removed == 1 {
		noun = "sentence"
	}
	note := fmt.Sprintf("%d %s removed: %s", removed, noun, strings.Join(reasons, "; "))
	if more := removed - len(reasons); more > 0 && len(reasons) > 1 {
		note += fmt.Sprintf("; and %d more", more)
	}
	return note + "."
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
