package claim

import (
	"strconv"
	"strings"
	"sync"
)

// Checker checks the sentences of one answer or summary. Reading passages
// into their word forms, synonyms and neighbours is most of the cost of a
// check, and an answer's sentences cite the same few passages again and
// again; a Checker reads each set of cited passages once. It holds every
// set it has read, so it is meant to live as long as one answer. A
// Checker is safe for concurrent use; the zero value is ready to use.
type Checker struct {
	mu   sync.Mutex
	read map[string]*evidence
}

// Check is the package's Check, with the passages read at most once per
// Checker.
func (k *Checker) Check(sentence string, sources ...Source) Result {
	return check(sentence, k.evidence(sources))
}

func (k *Checker) evidence(sources []Source) *evidence {
	var key strings.Builder
	for _, s := range sources {
		// The lengths make the key unambiguous whatever the texts hold.
		key.WriteString(strconv.Itoa(len(s.Text)))
		key.WriteByte(':')
		key.WriteString(s.Text)
		key.WriteString(strconv.Itoa(len(s.Context)))
		key.WriteByte(':')
		key.WriteString(s.Context)
		key.WriteString(s.Published.Format("|2006-01-02|"))
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if ev, ok := k.read[key.String()]; ok {
		return ev
	}
	if k.read == nil {
		k.read = map[string]*evidence{}
	}
	ev := newEvidence(sources)
	k.read[key.String()] = ev
	return ev
}
