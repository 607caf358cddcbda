package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/coveragebot/coveragebot/rag"
)

// jsonArticle is the shape of an article in JSON and JSON Lines files:
// {"id","url","title","published","authors","text"} and optionally "outlet"
// and "captions". Other fields (such as the benchmark's "week") are ignored.
type jsonArticle struct {
	ID        jsonID          `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Outlet    string          `json:"outlet"`
	Published string          `json:"published"`
	Authors   json.RawMessage `json:"authors"`
	Captions  json.RawMessage `json:"captions"`
	Text      string          `json:"text"`
}

// jsonID accepts an id written as a string or a number.
type jsonID string

func (id *jsonID) UnmarshalJSON(b []byte) error {
	switch {
	case bytes.Equal(b, []byte("null")):
		*id = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = jsonID(s)
	case len(b) > 0 && (b[0] == '-' || '0' <= b[0] && b[0] <= '9'):
		*id = jsonID(b)
	default:
		return errors.New("id: want a string or a number")
	}
	return nil
}

// namesField reads a field that holds a list of strings or a single one.
func namesField(field string, raw json.RawMessage) ([]string, error) {
	switch {
	case len(raw) == 0 || bytes.Equal(raw, []byte("null")):
		return nil, nil
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("%s: %w", field, err)
		}
		return []string{s}, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("%s: want a string or a list of strings", field)
	}
	return list, nil
}

// article turns a decoded record into an Article. suffix tells records of
// one file apart when one has neither id nor URL ("-3" for the third).
func (r *jsonArticle) article(name, suffix string) (rag.Article, error) {
	a := rag.Article{
		Title:  r.Title,
		Outlet: r.Outlet,
		URL:    strings.TrimSpace(r.URL),
		Text:   r.Text,
		Source: name,
	}
	var err error
	switch {
	case strings.TrimSpace(string(r.ID)) != "":
		if a.ID, err = givenID(string(r.ID)); err != nil {
			return rag.Article{}, err
		}
	case a.URL != "":
		a.ID = idFromURL(a.URL)
	default:
		a.ID = idFromName(name) + suffix
	}
	if a.URL != "" && !isWebURL(a.URL) {
		return rag.Article{}, fmt.Errorf("url: %q is not an absolute http(s) URL", a.URL)
	}
	if a.Published, err = parseDate(r.Published); err != nil {
		return rag.Article{}, fmt.Errorf("published: %w", err)
	}
	if a.Authors, err = namesField("authors", r.Authors); err != nil {
		return rag.Article{}, err
	}
	if a.Captions, err = namesField("captions", r.Captions); err != nil {
		return rag.Article{}, err
	}
	if a.Outlet == "" {
		a.Outlet = outletFromURL(a.URL)
	}
	if err := finishArticle(&a); err != nil {
		return rag.Article{}, err
	}
	return a, nil
}

// ParseJSON reads a JSON file holding one article object or an array of
// them. Any bad item makes the whole file an error that names the item.
func ParseJSON(name string, data []byte) ([]rag.Article, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("invalid JSON: more after the first value (one article per line belongs in a .jsonl file)")
	}
	switch raw[0] {
	case '{':
		var r jsonArticle
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, fmt.Errorf("invalid article: %w", err)
		}
		a, err := r.article(name, "")
		if err != nil {
			return nil, err
		}
		return []rag.Article{a}, nil
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
		out := make([]rag.Article, 0, len(items))
		for i, item := range items {
			suffix := "-" + strconv.Itoa(i+1)
			var r jsonArticle
			if len(item) == 0 || item[0] != '{' {
				return nil, fmt.Errorf("item %d: want an article object", i+1)
			}
			if err := json.Unmarshal(item, &r); err != nil {
				return nil, fmt.Errorf("item %d: invalid article: %w", i+1, err)
			}
			a, err := r.article(name, suffix)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i+1, err)
			}
			out = append(out, a)
		}
		return out, nil
	}
	return nil, errors.New("want a JSON object or an array of objects")
}
