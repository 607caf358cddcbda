package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coveragebot/coveragebot/rag"
)

// Extract finds the direct quotations in an article's body and who
// said them. It understands `X said: “…”`, `“…”, X said`, `said X`, `X told
// Sky News …`, `according to X`, `described as “…” by X`, quotations that run
// over several paragraphs, pronouns and descriptions resolved to the person
// the article last spoke of ("He added: “…”", "The French president said"),
// roles from appositives and titles, and statements on someone's account.
// Quotations it cannot give to anyone are left out: a scare quote is not a
// quotation. Every Quote's Text is a verbatim substring of a.Text.
func Extract(a rag.Article) []rag.Quote {
	body := a.Text
	spans := findQuoteSpans(body)
	if len(spans) == 0 {
		return nil
	}
	x := newQuoteExtractor(body, spans)
	out := make([]rag.Quote, 0, len(spans))
	relayers := make([]string, len(spans))
	quotedOwners := make([]speakerRef, len(spans))
	for i, sp := range spans {
		ref, ok := x.attribute(i)
		if !ok {
			continue
		}
		if ref.person {
			relayers[i] = ref.relayer
			if relayers[i] == "" {
				relayers[i] = x.relayer(i)
			}
			// Words that go on from relayed ones ("“A,” Ada Lund said
			// in a statement released by her lawyer. “B.”") are relayed
			// by the same hand.
			if relayers[i] == "" && ref.continued > 0 {
				relayers[i] = relayers[ref.continued-1]
			}
			if owner, by, ok := x.onBehalf(i, ref); ok {
				ref, relayers[i] = owner, by
			} else if owner, by, ok := x.readingFor(i, ref); ok {
				ref, relayers[i] = owner, by
			} else if owner, by, ok := x.quotedAs(i, ref); ok {
				ref, relayers[i] = owner, by
				quotedOwners[i] = owner
			} else if ref.continued > 0 && quotedOwners[ref.continued-1].speaker != "" && relayers[i] == relayers[ref.continued-1] {
				// Words that go on from words quoted as another's are
				// that one's too.
				ref = quotedOwners[ref.continued-1]
				quotedOwners[i] = ref
			}
			// No one relays their own words ("in the speech Lund gave").
			if NamesMatch(relayers[i], ref.speaker) {
				relayers[i] = ""
			}
		}
		text := body[sp.textStart:sp.textEnd]
		// The promise this whole feature rests on: a quotation shown is
		// the article's own words.
		if text == "" || !strings.Contains(body, text) {
			continue
		}
		q := rag.Quote{
			Speaker: ref.speaker, Role: ref.role, Text: text, Start: sp.textStart,
			Pronoun: ref.resolved, About: ref.about, NotPerson: !ref.person || !x.evidenced(ref.speaker),
			ArticleID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published,
		}
		q.Relayer = relayers[i]
		if ref.mention != "" && ref.mention != ref.speaker {
			q.Mention = ref.mention
		}
		out = append(out, q)
	}
	fillRoles(out)
	return out
}

// fillRoles gives a speaker's role to the article's other quotations by the
// same speaker ("He told Sky News" after "Sir Tony Brenton, the former
// British ambassador to Russia, said").
func fillRoles(qs []rag.Quote) {
	roles := map[string]string{}
	for _, q := range qs {
		if q.Role != "" && roles[q.Speaker] == "" {
			roles[q.Speaker] = q.Role
		}
	}
	for i := range qs {
		if qs[i].Role == "" {
			qs[i].Role = roles[qs[i].Speaker]
		}
	}
}

// quoteSpan is one quotation's place in the body.
type quoteSpan struct {
	open      int // the opening mark
	textStart int // the first byte of the words
	textEnd   int // just past the words
	end       int // just past the closing mark; textEnd when the quotation is left open
}

// findQuoteSpans finds every quotation in double quotation marks of the
// styles news prints: curly (“…”), straight ("…"), low-high („…“), guillemets
// («…»), and the doubled apostrophes some wires close with (”  and ’’). A
// paragraph that opens a quotation and does not close it continues into the
// next paragraph when that one opens with a quotation mark, as print style
// has it; otherwise the quotation ends with its paragraph.
func findQuoteSpans(body string) []quoteSpan {
	var out []quoteSpan
	for i := 0; i < len(body); {
		open, mark := nextOpeningMark(body, i)
		if open < 0 {
			break
		}
		sp := quoteSpan{open: open, textStart: open + len(mark)}
		pos := sp.textStart
		for {
			lineEnd := len(body)
			if nl := strings.IndexByte(body[pos:], '\n'); nl >= 0 {
				lineEnd = pos + nl
			}
			if c, n := closingMark(body[pos:lineEnd], mark); c >= 0 {
				sp.textEnd = pos + c
				sp.end = sp.textEnd + n
				break
			}
			next := lineEnd
			for next < len(body) && (body[next] == '\n' || body[next] == ' ' || body[next] == '\t' || body[next] == '\r') {
				next++
			}
			if next > lineEnd && next < len(body) {
				if o, m := nextOpeningMark(body[next:], 0); o == 0 {
					pos = next + len(m)
					continue
				}
			}
			sp.textEnd, sp.end = lineEnd, lineEnd
			break
		}
		sp.textStart, sp.textEnd = trimSpan(body, sp.textStart, sp.textEnd)
		if hasLetter(body[sp.textStart:sp.textEnd]) {
			out = append(out, sp)
		}
		i = max(sp.end, open+len(mark))
	}
	return out
}

// closersOf lists the marks that may close a quotation opened with a mark.
// Curly and straight marks are mixed often enough in wire copy (“…") that
// either closes the other.
var closersOf = map[string][]string{
	"“":  {"”", `"`, "’’", "''"},
	`"`:  {`"`, "”", "’’", "''"},
	"„":  {"“", "”"},
	"«":  {"»"},
	"‘‘": {"’’", "”"},
	"”":  {"”", `"`, "’’", "''"},
}

// closingMark finds the first mark in line that closes a quotation opened
// with open, and its length.
func closingMark(line, open string) (int, int) {
	at, n := -1, 0
	for _, c := range closersOf[open] {
		if k := strings.Index(line, c); k >= 0 && (at < 0 || k < at) {
			at, n = k, len(c)
		}
	}
	return at, n
}

// nextOpeningMark finds the next opening mark: a curly, low or angle one,
// or a straight one that stands where a quotation can open (after a space,
// a bracket or a dash, or at the start of a line).
func nextOpeningMark(body string, from int) (int, string) {
	for i := from; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		switch r {
		case '“', '„', '«':
			return i, string(r)
		case '‘':
			if strings.HasPrefix(body[i+size:], "‘") {
				return i, "‘‘"
			}
		case '"', '”':
			// A straight mark, or a closing one misprinted as an opener
			// (”Restoring Ukraine means …”), opens where a quotation can:
			// after a space, a bracket or a dash, or at the start of a line,
			// and before a word.
			prev, _ := utf8.DecodeLastRuneInString(body[:i])
			next, _ := utf8.DecodeRuneInString(body[i+size:])
			if (i == 0 || opensAfter(prev)) && i+size < len(body) && !unicode.IsSpace(next) &&
				(r == '"' || unicode.IsLetter(next) || unicode.IsDigit(next)) {
				return i, string(r)
			}
			// Web copy that spaces its straight marks inside the words
			// (`actions " have nothing to do " with`): a mark between
			// spaces opens when a word follows and another spaced mark
			// closes it on the same line.
			if r == '"' && i > 0 && prev == ' ' && next == ' ' && spacedPairCloses(body[i+size:]) {
				return i, string(r)
			}
		}
		i += size
	}
	return -1, ""
}

// opensAfter reports whether a straight quotation mark after prev stands
// where a quotation can open: after a space, a bracket or a dash.
func opensAfter(prev rune) bool {
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-", prev)
}

// spacedPairCloses reports whether the text after a spaced straight mark
// holds words and then another mark between spaces before the line ends,
// with no other straight mark between.
func spacedPairCloses(rest string) bool {
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	k := strings.IndexByte(rest, '"')
	if k < 2 || !hasLetter(rest[:k]) {
		return false
	}
	return rest[k-1] == ' ' && (k+1 == len(rest) || rest[k+1] == ' ' || strings.ContainsRune(".,;:", rune(rest[k+1])))
}

func trimSpan(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// maskQuotes blanks the words inside quotations (keeping line breaks and a
// sentence-ending mark), so that the article's own sentences can be read
// around them: a verb or a name inside a quotation says nothing about who
// spoke. Every quotation mark, of whatever style, becomes a straight one
// followed by spaces, so the reading around them needs to know one mark.
// The result has the same byte offsets as body.
func maskQuotes(body string, spans []quoteSpan) string {
	b := []byte(body)
	straighten := func(from, to int) {
		if from >= to {
			return
		}
		b[from] = '"'
		for k := from + 1; k < to; k++ {
			b[k] = ' '
		}
	}
	for _, sp := range spans {
		straighten(sp.open, sp.textStart)
		if sp.end > sp.textEnd {
			straighten(sp.textEnd, sp.end)
		}
		keep := -1
		if sp.textEnd > sp.textStart {
			r, size := utf8.DecodeLastRuneInString(body[sp.textStart:sp.textEnd])
			if r == '.' || r == '!' || r == '?' {
				keep = sp.textEnd - size
			}
		}
		for k := sp.textStart; k < sp.textEnd; k++ {
			if b[k] == '\n' || (keep >= 0 && k >= keep) {
				continue
			}
			b[k] = 'x'
		}
	}
	return string(b)
}

// closeSpacedPunctuation moves a comma or a full stop that web copy sets
// apart from the word before it (`said Ada Lund , a senior scholar`, where
// a link was taken out) back against that word, swapping it with the
// space, so that names, appositives and sentences are read with the
// punctuation where print puts it. Byte offsets are kept.
func closeSpacedPunctuation(masked string) string {
	var b []byte
	for i := 1; i+1 < len(masked); i++ {
		c := masked[i+1]
		if masked[i] != ' ' || c != ',' && c != '.' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(masked[:i])
		if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			continue
		}
		// A full stop before a word is a decimal point or a domain
		// (" .com"), not a sentence's end.
		if c == '.' && i+2 < len(masked) && masked[i+2] != ' ' && masked[i+2] != '\n' {
			continue
		}
		if b == nil {
			b = []byte(masked)
		}
		b[i], b[i+1] = c, ' '
	}
	if b == nil {
		return masked
	}
	return string(b)
}
