package claim

import (
	"regexp"
	"github.com/coveragebot/coveragebot/rag/prose"
	"github.com/coveragebot/coveragebot/rag/lexicon"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	ids := os.Getenv("DEBUG_ID")
	if ids == "" {
		t.Skip()
	}
	titles := seedTitles(t)
	ctx := func(source, article string) string {
		if source == "seed" {
			return titles[article]
		}
		return ""
	}
	for _, c := range loadClaims(t) {
		if c.Split != "tune" || !strings.Contains(","+ids+",", ","+c.ID+",") {
			continue
		}
		srcs := c.Sources(ctx)
		ev := newEvidence(srcs)
		s := readSentence(c.Sentence, ev)
		fmt.Println("==", c.ID, c.Sentence)
		for i, tk := range s.toks {
			var ms []string
			for _, p := range s.matches[i] {
				ms = append(ms, fmt.Sprintf("%s@%d/s%d", ev.toks[p].text, p, ev.toks[p].sent))
			}
			fmt.Printf("  %2d %-14s seg%d cl%d content=%v item=%v verb=%v  %v\n", i, tk.text, s.segment[i], tk.clause, s.content[i], s.item[i], verbForm(s.toks, i), ms)
		}
		fmt.Println("  good:", s.good)
		fmt.Println("  ->", Check(c.Sentence, srcs...))
	}
}

func TestZZProbeSwap(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	seen := map[string]bool{}
	n, caught := 0, 0
	for _, c := range loadClaims(t) {
		if c.Split != "tune" {
			continue
		}
		for _, p := range c.Passages {
			if seen[p.Text] {
				continue
			}
			seen[p.Text] = true
			toks := tokenize(p.Text, maxPassageWords)
			ev := newEvidence([]Source{{Text: p.Text}})
			names := findNames(toks, ev.capitalised)
			for a := 0; a < len(names); a++ {
				for b := a + 1; b < len(names); b++ {
					ga, gb := names[a], names[b]
					if toks[ga.start].sent != toks[gb.start].sent || sameName(ga, gb) || gb.start-ga.end > 8 || gb.start-ga.end < 2 {
						continue
					}
					listed := true
					for j := ga.end; j < gb.start; j++ {
						if l := toks[j].low; l != "and" && l != "or" && l != "the" && l != "both" {
							listed = false
						}
					}
					if listed {
						continue
					}
					// rebuild the sentence with the two names swapped
					var ws []string
					for j := range toks {
						if toks[j].sent != toks[ga.start].sent {
							continue
						}
						switch {
						case j == ga.start:
							ws = append(ws, spanText(toks, gb.start, gb.end))
						case j == gb.start:
							ws = append(ws, spanText(toks, ga.start, ga.end))
						case j > ga.start && j < ga.end, j > gb.start && j < gb.end:
						default:
							ws = append(ws, toks[j].text)
						}
					}
					s := strings.Join(ws, " ") + "."
					r := Check(s, Source{Text: p.Text})
					n++
					if !r.OK() {
						caught++
					} else if os.Getenv("PROBE") == "v" {
						fmt.Println("MISS:", s)
					}
				}
			}
		}
	}
	fmt.Printf("swap probes: %d/%d caught\n", caught, n)
}

func tunePassages(t *testing.T) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range loadClaims(t) {
		if c.Split != "tune" {
			continue
		}
		for _, p := range c.Passages {
			if !seen[p.Text] {
				seen[p.Text] = true
				out = append(out, p.Text)
			}
		}
	}
	return out
}

func sentWords(toks []token, s int) []int {
	var out []int
	for j := range toks {
		if toks[j].sent == s {
			out = append(out, j)
		}
	}
	return out
}

func TestZZProbeNeg(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	n, caught, fp, nf := 0, 0, 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		last := toks[len(toks)-1].sent
		for s := 0; s <= last; s++ {
			idx := sentWords(toks, s)
			if len(idx) > 30 || len(idx) < 5 {
				continue
			}
			var neg []int
			for _, j := range idx {
				if negationWords[toks[j].low] || refusalAt(toks, j) {
					neg = append(neg, j)
				}
			}
			build := func(f func(j int) []string) string {
				var ws []string
				for _, j := range idx {
					ws = append(ws, f(j)...)
				}
				return strings.Join(ws, " ") + "."
			}
			if len(neg) == 0 {
				// add a negation: after the first auxiliary, or "did not" + base before the first past verb
				done := false
				str := build(func(j int) []string {
					tk := toks[j]
					if done {
						return []string{tk.text}
					}
					if (tk.low == "is" || tk.low == "was" || tk.low == "will" || tk.low == "would" || tk.low == "has" || tk.low == "had" || tk.low == "were" || tk.low == "are" || tk.low == "can" || tk.low == "could") && j+1 < len(toks) && toks[j+1].sent == s {
						done = true
						return []string{tk.text, "not"}
					}
					if isContent(tk.low) && verbForm(toks, j) && strings.HasSuffix(tk.low, "ed") && !(j > 0 && beWords[toks[j-1].low]) {
						done = true
						return []string{"did", "not", lexiconBase(tk.low)}
					}
					return []string{tk.text}
				})
				if !done {
					continue
				}
				n++
				r := Check(str, Source{Text: text})
				if !r.OK() {
					caught++
				} else if os.Getenv("PROBE") == "v" {
					fmt.Println("MISS+:", str)
				}
				// faithful control: the sentence itself
				nf++
				if r := Check(build(func(j int) []string { return []string{toks[j].text} }), Source{Text: text}); !r.OK() {
					fp++
				}
			} else {
				// remove the negation
				str := build(func(j int) []string {
					if j == neg[0] {
						return nil
					}
					return []string{toks[j].text}
				})
				n++
				r := Check(str, Source{Text: text})
				if !r.OK() {
					caught++
				} else if os.Getenv("PROBE") == "v" {
					fmt.Println("MISS-:", str)
				}
			}
		}
	}
	fmt.Printf("negation probes: %d/%d caught; controls dropped %d/%d\n", caught, n, fp, nf)
}

func lexiconBase(w string) string { return lexicon.Base(w) }

func TestZZOne(t *testing.T) {
	s, p := os.Getenv("S"), os.Getenv("P")
	if s == "" {
		t.Skip()
	}
	ev := newEvidence([]Source{{Text: p}})
	c := readSentence(s, ev)
	for i, tk := range c.toks {
		var ms []string
		for _, q := range c.matches[i] {
			ms = append(ms, fmt.Sprintf("%s@%d/s%d", ev.toks[q].text, q, ev.toks[q].sent))
		}
		fmt.Printf("  %2d %-14s seg%d content=%v item=%v verb=%v  %v\n", i, tk.text, c.segment[i], c.content[i], c.item[i], verbForm(c.toks, i), ms)
	}
	fmt.Println("  good:", c.good, "negOf:", ev.negationOf)
	fmt.Println("  ->", Check(s, Source{Text: p}))
}

// role probes: passage "A ... V ... B" with V a content verb between two names in one clause.
func TestZZProbeRole(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	n, caught, nf, fp := 0, 0, 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		ev := newEvidence([]Source{{Text: text}})
		names := findNames(toks, ev.capitalised)
		for a := 0; a+1 < len(names); a++ {
			ga, gb := names[a], names[a+1]
			if toks[ga.start].clause != toks[gb.start].clause || sameName(ga, gb) || gb.start-ga.end > 5 {
				continue
			}
			v := -1
			for j := ga.end; j < gb.start; j++ {
				if isContent(toks[j].low) && verbForm(toks, j) {
					v = j
				}
			}
			if v < 0 {
				continue
			}
			// the clause only
			var ws, orig []string
			for j := range toks {
				if toks[j].clause != toks[ga.start].clause {
					continue
				}
				orig = append(orig, toks[j].text)
				switch {
				case j == ga.start:
					ws = append(ws, spanText(toks, gb.start, gb.end))
				case j == gb.start:
					ws = append(ws, spanText(toks, ga.start, ga.end))
				case j > ga.start && j < ga.end, j > gb.start && j < gb.end:
				default:
					ws = append(ws, toks[j].text)
				}
			}
			s := strings.Join(ws, " ") + "."
			n++
			if r := Check(s, Source{Text: text}); !r.OK() {
				caught++
			} else if os.Getenv("PROBE") == "v" {
				fmt.Println("MISS:", s, "  <=", strings.Join(orig, " "))
			}
			nf++
			if r := Check(strings.Join(orig, " ")+".", Source{Text: text}); !r.OK() {
				fp++
			}
		}
	}
	fmt.Printf("role probes: %d/%d caught; controls dropped %d/%d\n", caught, n, fp, nf)
}

func TestZZProbePassive(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	n, caught, nf, fp := 0, 0, 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		ev := newEvidence([]Source{{Text: text}})
		names := findNames(toks, ev.capitalised)
		for a := 0; a+1 < len(names); a++ {
			ga, gb := names[a], names[a+1]
			if toks[ga.start].clause != toks[gb.start].clause || sameName(ga, gb) || gb.start-ga.end != 1 && !(gb.start-ga.end == 2 && toks[gb.start-1].low == "the") {
				continue
			}
			v := ga.end
			if !isContent(toks[v].low) || !strings.HasSuffix(toks[v].low, "ed") || !lexicon.IsVerb(toks[v].low) {
				continue
			}
			A, B := spanText(toks, ga.start, ga.end), spanText(toks, gb.start, gb.end)
			rest := ""
			for j := gb.end; j < len(toks) && toks[j].clause == toks[gb.start].clause; j++ {
				rest += " " + toks[j].text
			}
			swap := fmt.Sprintf("%s was %s by %s%s.", A, toks[v].text, B, rest)
			keep := fmt.Sprintf("%s was %s by %s%s.", B, toks[v].text, A, rest)
			n++
			if r := Check(swap, Source{Text: text}); !r.OK() {
				caught++
			} else if os.Getenv("PROBE") == "v" {
				fmt.Println("MISS:", swap)
			}
			nf++
			if r := Check(keep, Source{Text: text}); !r.OK() {
				fp++
				if os.Getenv("PROBE") == "v" {
					fmt.Println("FP:", keep, r)
				}
			}
		}
	}
	fmt.Printf("passive probes: %d/%d caught; faithful passives dropped %d/%d\n", caught, n, fp, nf)
}

func TestZZProbeFrames(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	n, caught, nf, fp := 0, 0, 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		for v := range toks {
			if !isContent(toks[v].low) || !verbForm(toks, v) || lexicon.IsSaying(toks[v].low) {
				continue
			}
			f := frameOf(toks, v)
			if !f.doer.ok() || !f.patient.ok() || passiveForm(toks, v) || personalPronouns[toks[f.doer.head].low] {
				continue
			}
			d, p := f.doer, f.patient
			if d.end > v || p.start <= v || toks[d.start].clause != toks[p.start].clause {
				continue
			}
			var ws, orig []string
			for j := d.start; j < p.end; j++ {
				orig = append(orig, toks[j].text)
			}
			ws = append(ws, spanText(toks, p.start, p.end))
			ws = append(ws, spanText(toks, d.end, p.start))
			ws = append(ws, spanText(toks, d.start, d.end))
			s := strings.Join(ws, " ") + "."
			if spanText(toks, p.start, p.end) == spanText(toks, d.start, d.end) {
				continue
			}
			n++
			if r := Check(s, Source{Text: text}); !r.OK() {
				caught++
			} else if os.Getenv("PROBE") == "v" {
				fmt.Println("MISS:", s, "  <=", strings.Join(orig, " "))
			}
			nf++
			if r := Check(strings.Join(orig, " ")+".", Source{Text: text}); !r.OK() {
				fp++
			}
		}
	}
	fmt.Printf("frame probes: %d/%d caught; controls dropped %d/%d\n", caught, n, fp, nf)
}

func TestZZAnc(t *testing.T) {
	a, b := os.Getenv("A"), os.Getenv("B")
	if a == "" {
		t.Skip()
	}
	x, _ := ancestors(a)
	y, _ := ancestors(b)
	fmt.Println(a, x)
	fmt.Println(b, y)
	for _, u := range x {
		for _, v := range lexicon.Antonyms(u) {
			for _, w := range y {
				if v == w {
					fmt.Println("pair", u, v)
				}
			}
		}
	}
}

func TestZZProbeAnt(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	n, caught := 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		last := toks[len(toks)-1].sent
		for s := 0; s <= last; s++ {
			idx := sentWords(toks, s)
			if len(idx) > 35 || len(idx) < 5 {
				continue
			}
			for _, j := range idx {
				tk := toks[j]
				if !isContent(tk.low) || tk.upper || hasDigit(tk.low) {
					continue
				}
				bases := lexicon.Bases(tk.low)
				if len(bases) == 0 || bases[0] != tk.low {
					continue // only words written in their base form
				}
				var ant string
				for _, a := range lexicon.Antonyms(tk.low) {
					if !strings.Contains(a, " ") && !strings.HasPrefix(a, "un") && !strings.HasPrefix(a, "non") && !strings.HasPrefix(tk.low, "un") {
						ant = a
						break
					}
				}
				if ant == "" {
					continue
				}
				var ws []string
				for _, k := range idx {
					if k == j {
						ws = append(ws, ant)
					} else {
						ws = append(ws, toks[k].text)
					}
				}
				str := strings.Join(ws, " ") + "."
				n++
				if r := Check(str, Source{Text: text}); !r.OK() {
					caught++
				} else if os.Getenv("PROBE") == "v" {
					fmt.Printf("MISS %s->%s: %s\n", tk.low, ant, str)
				}
			}
		}
	}
	fmt.Printf("antonym probes: %d/%d caught\n", caught, n)
}

func TestZZProbeNeg2(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	forms := []string{"did not %s", "never %sd", "failed to %s", "refused to %s", "declined to %s", "has yet to %s", "did not SYN"}
	n := map[string]int{}
	caught := map[string]int{}
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		last := toks[len(toks)-1].sent
		for s := 0; s <= last; s++ {
			idx := sentWords(toks, s)
			if len(idx) > 30 || len(idx) < 5 {
				continue
			}
			neg := false
			for _, j := range idx {
				if negationWords[toks[j].low] {
					neg = true
				}
			}
			if neg {
				continue
			}
			v := -1
			for _, j := range idx {
				if isContent(toks[j].low) && strings.HasSuffix(toks[j].low, "ed") && verbForm(toks, j) && !(j > 0 && (beWords[toks[j-1].low] || auxiliaries[toks[j-1].low])) && lexicon.IsVerb(toks[j].low) {
					v = j
					break
				}
			}
			if v < 0 {
				continue
			}
			base := lexicon.Base(toks[v].low)
			var syn string
			for _, sy := range lexicon.Synonyms(base) {
				if !strings.Contains(sy, " ") && lexicon.IsVerb(sy) {
					syn = sy
					break
				}
			}
			for _, f := range forms {
				var rep string
				switch {
				case strings.Contains(f, "SYN"):
					if syn == "" {
						continue
					}
					rep = strings.Replace(f, "SYN", syn, 1)
				case strings.HasPrefix(f, "never"):
					rep = "never " + toks[v].text
				default:
					rep = fmt.Sprintf(f, base)
				}
				var ws []string
				for _, k := range idx {
					if k == v {
						ws = append(ws, rep)
					} else {
						ws = append(ws, toks[k].text)
					}
				}
				str := strings.Join(ws, " ") + "."
				n[f]++
				if r := Check(str, Source{Text: text}); !r.OK() {
					caught[f]++
				} else if os.Getenv("PROBE") == "v" {
					fmt.Println("MISS", f, ":", str)
				}
			}
		}
	}
	for _, f := range forms {
		fmt.Printf("%-16s %d/%d\n", f, caught[f], n[f])
	}
}

func TestZZProbeNo(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	rep := map[string][]string{"no": {"some", "a"}, "without": {"with"}, "nothing": {"something"}, "never": {"once"}, "none": {"some"}, "nobody": {"somebody"}}
	n, caught := 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		last := toks[len(toks)-1].sent
		for s := 0; s <= last; s++ {
			idx := sentWords(toks, s)
			if len(idx) > 40 {
				continue
			}
			for _, j := range idx {
				for _, r := range rep[toks[j].low] {
					var ws []string
					for _, k := range idx {
						if k == j {
							ws = append(ws, r)
						} else {
							ws = append(ws, toks[k].text)
						}
					}
					str := strings.Join(ws, " ") + "."
					n++
					if res := Check(str, Source{Text: text}); !res.OK() {
						caught++
					} else if os.Getenv("PROBE") == "v" {
						fmt.Println("MISS", toks[j].low, "->", r, ":", str)
					}
				}
			}
		}
	}
	fmt.Printf("no-probes %d/%d\n", caught, n)
}

func TestZZProbeVoice(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	n, caught, nf, fp := 0, 0, 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		for v := range toks {
			if !isContent(toks[v].low) || !strings.HasSuffix(toks[v].low, "ed") || !verbForm(toks, v) || lexicon.IsSaying(toks[v].low) || passiveForm(toks, v) {
				continue
			}
			if v > 0 && auxiliaries[toks[v-1].low] {
				continue
			}
			f := frameOf(toks, v)
			if !f.doer.ok() || !f.patient.ok() || personalPronouns[toks[f.doer.head].low] {
				continue
			}
			d, p := f.doer, f.patient
			if d.end != v || p.start != v+1 && !(p.start == v+2 && (definite[toks[v+1].low] || toks[v+1].low == "a" || toks[v+1].low == "an")) {
				continue
			}
			D, P := spanText(toks, d.start, d.end), spanText(toks, v+1, p.end)
			rest := ""
			for j := p.end; j < len(toks) && toks[j].clause == toks[v].clause; j++ {
				rest += " " + toks[j].text
			}
			keep := fmt.Sprintf("%s was %s by %s%s.", P, toks[v].text, D, rest)
			swap := fmt.Sprintf("%s was %s by %s%s.", D, toks[v].text, P, rest)
			n++
			if r := Check(swap, Source{Text: text}); !r.OK() {
				caught++
			} else if os.Getenv("PROBE") == "v" {
				fmt.Println("MISS:", swap)
			}
			nf++
			if r := Check(keep, Source{Text: text}); !r.OK() {
				fp++
				if os.Getenv("PROBE") == "v" {
					fmt.Println("FP:", keep, "->", r.Kind, r.Reason)
				}
			}
		}
	}
	fmt.Printf("voice probes: swaps %d/%d caught; faithful passives dropped %d/%d\n", caught, n, fp, nf)
}

func TestZZProbePoss(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	re := regexp.MustCompile(`\b([A-Z][a-zA-Z]+)(?:'|’)s\b`)
	nameRe := regexp.MustCompile(`\b[A-Z][a-zA-Z]+\b`)
	n, caught := 0, 0
	for _, text := range tunePassages(t) {
		for _, sp := range prose.SentenceSpans(text) {
			s := text[sp[0]:sp[1]]
			for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
				a := s[m[2]:m[3]]
				for _, nm := range nameRe.FindAllStringIndex(s, -1) {
					b := s[nm[0]:nm[1]]
					if b == a || nm[0] == 0 || nm[0] == m[2] || isFunctionWord(strings.ToLower(b)) || honorifics[strings.ToLower(b)] {
						continue
					}
					// swap a and b
					out := s[:m[2]] + "\x00" + s[m[3]:]
					off := 0
					if nm[0] > m[2] {
						off = 1 - len(a)
					}
					out = out[:nm[0]+off] + a + out[nm[1]+off:]
					out = strings.Replace(out, "\x00", b, 1)
					n++
					if r := Check(out, Source{Text: text}); !r.OK() {
						caught++
					} else if os.Getenv("PROBE") == "v" {
						fmt.Println("MISS:", out)
					}
				}
			}
		}
	}
	fmt.Printf("possessive probes: %d/%d caught\n", caught, n)
}

func TestZZCtx(t *testing.T) {
	s, p := os.Getenv("S"), os.Getenv("P")
	if s == "" {
		t.Skip()
	}
	ev := newEvidence([]Source{{Text: p}})
	c := readSentence(s, ev)
	for _, g := range c.names {
		fmt.Println("S", nameText(c.toks, g), nameContext(c.toks, g), g.keys)
	}
	for _, g := range ev.names {
		fmt.Println("P", nameText(ev.toks, g), nameContext(ev.toks, g), g.keys)
	}
}

func TestZZProbeNegSyn(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	n, caught := 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		for j := range toks {
			if toks[j].low != "not" || j+1 >= len(toks) || j == 0 || !auxiliaries[toks[j-1].low] {
				continue
			}
			v := j + 1
			if !isContent(toks[v].low) || !lexicon.IsVerb(toks[v].low) {
				continue
			}
			var syn string
			for _, sy := range lexicon.Synonyms(toks[v].low) {
				if !strings.Contains(sy, " ") && lexicon.IsVerb(sy) {
					syn = sy
					break
				}
			}
			if syn == "" {
				continue
			}
			idx := sentWords(toks, toks[j].sent)
			var ws []string
			for _, k := range idx {
				switch {
				case k == j-1:
					ws = append(ws, toks[k].text) // keep the auxiliary
				case k == j:
				case k == v:
					ws = append(ws, syn)
				default:
					ws = append(ws, toks[k].text)
				}
			}
			s := strings.Join(ws, " ") + "."
			n++
			if r := Check(s, Source{Text: text}); !r.OK() {
				caught++
			} else if os.Getenv("PROBE") == "v" {
				fmt.Println("MISS:", s)
			}
		}
	}
	fmt.Printf("neg-syn probes %d/%d\n", caught, n)
}

func TestZZProbeRoleSyn(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	n, caught, nf, fp := 0, 0, 0, 0
	for _, text := range tunePassages(t) {
		toks := tokenize(text, maxPassageWords)
		ev := newEvidence([]Source{{Text: text}})
		for v := range toks {
			if !isContent(toks[v].low) || !verbForm(toks, v) || lexicon.IsSaying(toks[v].low) || passiveForm(toks, v) {
				continue
			}
			var syn string
			for _, sy := range lexicon.Synonyms(toks[v].low) {
				if !strings.Contains(sy, " ") && lexicon.IsVerb(sy) {
					syn = sy
					break
				}
			}
			if syn == "" {
				continue
			}
			if strings.HasSuffix(toks[v].low, "ed") {
				syn = syn + "ed"
				if strings.HasSuffix(syn, "eed") {
					syn = syn[:len(syn)-1]
				}
			}
			f := frameOf(toks, v)
			if !f.doer.ok() || !f.patient.ok() || personalPronouns[toks[f.doer.head].low] || !named(ev.names, f.doer) && !named(ev.names, f.patient) {
				continue
			}
			d, p := f.doer, f.patient
			if d.end > v || p.start <= v || toks[d.start].clause != toks[p.start].clause {
				continue
			}
			D, P := spanText(toks, d.start, d.end), spanText(toks, p.start, p.end)
			if D == P {
				continue
			}
			mid := spanText(toks, d.end, v)
			swap := strings.TrimSpace(P+" "+mid) + " " + syn + " " + D + "."
			keep := strings.TrimSpace(D+" "+mid) + " " + syn + " " + P + "."
			n++
			if r := Check(swap, Source{Text: text}); !r.OK() && (r.Kind == KindRole) {
				caught++
			} else if os.Getenv("PROBE") == "v" {
				fmt.Println("MISS:", swap, "|", r.Kind, r.Reason)
			}
			nf++
			if r := Check(keep, Source{Text: text}); !r.OK() {
				fp++
			}
		}
	}
	fmt.Printf("role-syn probes: %d/%d caught as role; controls dropped %d/%d\n", caught, n, fp, nf)
}
