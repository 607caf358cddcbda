package source

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// ErrNotText means the input is binary data (an image, an archive, a
// document format) or text in an encoding that cannot be told, not an
// article.
var ErrNotText = errors.New("not text")

// sniffBytes is how much of an input decides whether it is text: git's
// heuristic reads the same first 8,000 bytes.
const sniffBytes = 8000

// asText returns data decoded from UTF-16 when a byte-order mark says so
// (decodeBOM), once checkText has found it to be text.
func asText(data []byte, utf8Only bool) ([]byte, error) {
	data, err := decodeBOM(data)
	if err != nil {
		return nil, err
	}
	return data, checkText(data, utf8Only)
}

// decodeBOM returns data as UTF-8 when a byte-order mark says it is UTF-16
// (little- or big-endian), without the mark; other data comes back as it
// is. Editors on Windows save "Unicode" text as UTF-16 with a mark.
func decodeBOM(data []byte) ([]byte, error) {
	var order unicode.Endianness
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = unicode.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = unicode.BigEndian
	default:
		return data, nil
	}
	out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%w: a UTF-16 byte-order mark, then: %v", ErrNotText, err)
	}
	return out, nil
}

// checkText refuses data that is not text, judged on its first sniffBytes
// bytes (after decodeBOM): binary when one byte in ten or more is a control
// character other than tab, line feed, vertical tab, form feed and carriage
// return (a stray NUL in a text file is kept, and cleaned later). With
// utf8Only, text is also refused when one byte in ten or more is not part
// of valid UTF-8: a Latin-1 file with a few accented letters is read, each
// repaired to U+FFFD, but a file in a legacy encoding of another script
// would come out as nothing but U+FFFD. Web pages say their encoding and
// are decoded by it, so they are checked with utf8Only false.
func checkText(data []byte, utf8Only bool) error {
	head := data
	if len(data) > sniffBytes {
		// End where a rune starts, so that one cut in two does not
		// count as invalid.
		k := sniffBytes
		for k > sniffBytes-utf8.UTFMax && !utf8.RuneStart(data[k]) {
			k--
		}
		head = data[:k]
	}
	if len(head) == 0 {
		return nil
	}
	controls, invalid := 0, 0
	for i := 0; i < len(head); {
		c := head[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' || c == 0x7F {
				controls++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		}
		i += size
	}
	switch {
	case controls*10 >= len(head):
		return fmt.Errorf("%w: binary data (%d of its first %d bytes are control characters)", ErrNotText, controls, len(head))
	case utf8Only && invalid*10 >= len(head):
		return fmt.Errorf("%w: %d of its first %d bytes are not UTF-8; convert it to UTF-8 (for example with iconv)", ErrNotText, invalid, len(head))
	}
	return nil
}
