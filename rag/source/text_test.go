package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

const textPara = "The regional council approved the harbour budget on Tuesday after a long debate about dredging costs."

// gzipped is a gzip stream of text: binary data that starts like nothing
// a parser knows.
func gzipped(t *testing.T, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(strings.Repeat(text, 50))); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// utf16Text is s in UTF-16 with a byte-order mark, in the given order.
func utf16Text(s string, order binary.ByteOrder) []byte {
	var b bytes.Buffer
	for _, u := range append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...) {
		_ = binary.Write(&b, order, u)
	}
	return b.Bytes()
}

// pngLike is the start of a PNG file: its signature, then header chunks
// full of NULs.
var pngLike = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"), bytes.Repeat([]byte{0, 0, 0, 1, 0x7f, 0x10}, 200)...)

func TestParseMarkdownRefusesWhatIsNotText(t *testing.T) {
	greek := strings.Repeat("\xc7 \xe2\xef\xf5\xeb\xde \xe5\xe3\xea\xf1\xdf\xed\xe5\xe9 \xf4\xef\xed \xf0\xf1\xef\xfb\xf0\xef\xeb\xef\xe3\xe9\xf3\xec\xfc. ", 20) // ISO-8859-7
	for _, c := range []struct {
		name, wantErr string
		data          []byte
	}{
		{"a gzip stream", "binary data", gzipped(t, textPara)},
		{"a PNG image", "binary data", pngLike},
		{"text in a legacy encoding of another script", "not UTF-8", []byte(greek)},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseMarkdown("file.md", c.data)
			if !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("got %v, want an error wrapping ErrNotText that says %q", err, c.wantErr)
			}
		})
	}
}

func TestParseMarkdownReadsWhatIsText(t *testing.T) {
	for _, c := range []struct {
		name      string
		data      []byte
		wantTitle string
		wantText  string
	}{
		{"UTF-16, little-endian, with its mark", utf16Text("# Harbour budget\n\n"+textPara, binary.LittleEndian), "Harbour budget", textPara},
		{"UTF-16, big-endian, with its mark", utf16Text("# Harbour budget\n\n"+textPara, binary.BigEndian), "Harbour budget", textPara},
		{"Latin-1 with a few accents, repaired", []byte("# Caf\xe9 reopens\n\n" + textPara), "Caf\uFFFD reopens", textPara},
		{"a stray NUL", []byte("# Harbour budget\n\n" + textPara + "\x00"), "Harbour budget", textPara},
		{"non-Latin UTF-8", []byte("# Η βουλή\n\n" + strings.Repeat("Η βουλή ενέκρινε τον προϋπολογισμό. ", 30)), "Η βουλή", "Η βουλή ενέκρινε"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, err := ParseMarkdown("file.md", c.data)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.wantTitle || !strings.Contains(a.Text, c.wantText) {
				t.Errorf("title %q, text %q; want %q and a text holding %q", a.Title, a.Text, c.wantTitle, c.wantText)
			}
		})
	}
}

func TestParseHTMLRefusesBinaryAndReadsUTF16(t *testing.T) {
	if _, err := ParseHTML("page.html", gzipped(t, "<p>"+textPara+"</p>"), ""); !errors.Is(err, ErrNotText) {
		t.Errorf("a gzip stream: got %v, want ErrNotText", err)
	}
	page := "<html><head><title>Harbour budget approved</title></head><body><article><p>" + textPara + "</p><p>" + textPara + "</p></article></body></html>"
	a, err := ParseHTML("page.html", utf16Text(page, binary.LittleEndian), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "dredging costs") || strings.ContainsRune(a.Text, 0) {
		t.Errorf("UTF-16 page read as %q", a.Text)
	}
}

// A character that straddles the end of the bytes looked at is not an
// invalid byte: a file of ASCII then Greek is text.
func TestCheckTextAtTheEdgeOfWhatItReads(t *testing.T) {
	for pad := 0; pad < 4; pad++ {
		data := []byte(strings.Repeat("a", sniffBytes-1-pad) + strings.Repeat("ψ", 10))
		if err := checkText(data, true); err != nil {
			t.Errorf("pad %d: %v", pad, err)
		}
	}
	// Ten per cent is where it starts.
	under := append(bytes.Repeat([]byte("a"), 91), bytes.Repeat([]byte{0x01}, 9)...)
	over := append(bytes.Repeat([]byte("a"), 90), bytes.Repeat([]byte{0x01}, 10)...)
	if checkText(under, true) != nil || checkText(over, true) == nil {
		t.Error("the threshold is not one byte in ten")
	}
}

// A binary file dropped in the coverage directory is a problem that names
// it; the articles beside it still load.
func TestLoadNamesABinaryFile(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"photo.md":   pngLike,
		"notes.txt":  gzipped(t, textPara),
		"harbour.md": []byte("# Harbour budget approved\n\n" + textPara),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || res.Articles[0].Title != "Harbour budget approved" {
		t.Errorf("articles: %+v", res.Articles)
	}
	named := map[string]bool{}
	for _, p := range res.Problems {
		if errors.Is(p.Err, ErrNotText) {
			named[filepath.Base(p.Path)] = true
		}
	}
	if !named["photo.md"] || !named["notes.txt"] {
		t.Errorf("problems: %v", res.Problems)
	}
}
