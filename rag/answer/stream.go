package answer

import (
	"strings"

	"github.com/coveragebot/coveragebot/rag"
)

// CheckingSources is what a streamed answer shows while a model judge, which
// can only read the answer once it is complete, checks it against its
// sources.
const CheckingSources = "Checking the answer against its sources…"

// checkedStream passes on, as the model writes, only what the checked
// answer will say. Each sentence is checked by the rules (the same
// checkUnits the finished answer goes through) as soon as the next one has
// begun, which is when the sentence and the markers after it are known; a
// sentence the check drops is never passed on, and the kept ones are passed
// on as the answer will show them, citations renumbered. So what was passed
// on is always the start of Answer.Text.
//
// Sentences that claim nothing are held back until a cited one follows:
// an answer with no cited sentence becomes an abstention. An answer whose
// first sentence says the sources do not answer (noAnswerLead) becomes one
// too, so nothing of it is passed on. With a model judge, which may drop
// what the rules keep, only CheckingSources is passed on.
type checkedStream struct {
	out          func(string)
	hits         []rag.Hit
	judged       bool
	noAnswerLead bool // an answer, where a leading "the sources don't say" abstains

	text    strings.Builder
	decided []claimUnit // the complete sentences, checked
	shown   string      // what was passed on
	silent  bool        // nothing more is passed on
	cited   bool        // a kept sentence cites a source
	// leadChecked: the first sentence that says something has been read
	// for a "the sources don't say" lead.
	leadChecked bool
}

// newCheckedStream wraps out; it returns nil when out is nil, and a nil
// stream's write is not used (see writer).
func newCheckedStream(out func(string), v *Verifier, hits []rag.Hit, noAnswerLead bool) *checkedStream {
	if out == nil {
		return nil
	}
	return &checkedStream{out: out, hits: hits, judged: v != nil && v.Judge != nil, noAnswerLead: noAnswerLead}
}

// writer is the delta callback to stream the model's reply through, nil
// when nothing is streamed.
func (s *checkedStream) writer() func(string) {
	if s == nil {
		return nil
	}
	return s.write
}

// write takes the next piece of the reply, <think> blocks already removed.
func (s *checkedStream) write(delta string) {
	if s.silent || delta == "" {
		return
	}
	if s.judged {
		s.silent = true
		s.out(CheckingSources)
		return
	}
	s.text.WriteString(delta)
	// A sentence is complete once a word of the next one is there, so only
	// a delta with a space or line break can complete one.
	if strings.ContainsAny(delta, " \t\n") {
		s.advance(false)
	}
}

// finish decides the last sentence once the reply is complete.
func (s *checkedStream) finish() {
	if s == nil || s.silent || s.judged {
		return
	}
	s.advance(true)
}

// advance checks the sentences completed since the last call and passes on
// what the kept ones add. At the end of the reply every sentence is
// complete.
func (s *checkedStream) advance(end bool) {
	text := tidyReply(s.text.String())
	units := splitClaims(text)
	complete := len(units)
	if !end && complete > 0 {
		// The last sentence may still grow, and so may the marker group
		// that cites the one before it: that one is complete once the
		// last holds a whole word.
		complete--
		if !strings.ContainsAny(strings.TrimSpace(units[complete].plain), " \t\n") {
			complete--
		}
	}
	if !end {
		complete = settled(units, len(s.decided), complete)
	}
	if complete <= len(s.decided) {
		return
	}
	for i, d := range s.decided {
		u := units[i]
		if u.start != d.start || u.end != d.end || len(u.groups) != len(d.groups) {
			// The text so far splits differently now than before; the
			// finished answer will say what stands.
			s.silent = true
			return
		}
	}
	fresh := checkUnits(append([]claimUnit(nil), units[len(s.decided):complete]...), s.lookup)
	s.decided = append(s.decided, fresh...)
	if s.noAnswerLead && !s.leadChecked {
		for _, u := range s.decided {
			if u.plain == "" {
				continue
			}
			s.leadChecked = true
			if leadsWithNoAnswer(text[:s.decidedEnd()], len(s.hits)) {
				s.silent = true
				return
			}
			break
		}
	}
	for _, u := range fresh {
		if !u.dropped && len(u.sources) > 0 {
			s.cited = true
		}
	}
	if !s.cited {
		return
	}
	numbering := map[int]int{}
	rendered := renderUnits(text[:s.decidedEnd()], s.decided, func(n int) int {
		if k, ok := numbering[n]; ok {
			return k
		}
		numbering[n] = len(numbering) + 1
		return numbering[n]
	})
	rest, ok := strings.CutPrefix(rendered, s.shown)
	if !ok {
		s.silent = true
		return
	}
	if rest != "" {
		s.shown = rendered
		s.out(rest)
	}
}

// decidedEnd is where the decided sentences end in the text, with the
// marker groups that cite them.
func (s *checkedStream) decidedEnd() int {
	end := 0
	for _, u := range s.decided {
		end = max(end, u.end)
		for _, g := range u.groups {
			end = max(end, g.end)
		}
	}
	return end
}

func (s *checkedStream) lookup(n int) (rag.Passage, bool) {
	if n < 1 || n > len(s.hits) {
		return rag.Passage{}, false
	}
	return s.hits[n-1].Passage, true
}

// settled gives how many of the complete units (from..complete) can be
// decided now: a sentence that claims something and cites nothing may take
// the marker group that closes its paragraph, or a last line that cites
// the whole answer (paragraphCitation), so it waits until the sentence
// with its paragraph's group is complete, or else until the reply has
// ended; the sentences after it wait with it.
func settled(units []claimUnit, from, complete int) int {
	for k := from; k < complete; k++ {
		u := units[k]
		if len(u.groups) > 0 || u.aside || readUncited(u.plain) != uncitedClaim {
			continue
		}
		j := k + 1
		for j < len(units) && units[j].para == u.para && len(units[j].groups) == 0 {
			j++
		}
		if j >= complete || units[j].para != u.para {
			return k // no group yet, or one that may still grow
		}
	}
	return complete
}
