package feed

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadState: feeds.json is read at every start and may be damaged
// by anything; reading it never panics, and what it accepts is usable.
func FuzzReadState(f *testing.F) {
	f.Add([]byte(`{"version": 1, "feeds": {"https://e.example/rss": {"url": "https://e.example/rss", "entries": {"guid:1": {"fingerprint": "x"}}}}}`))
	f.Add([]byte(`{"version": 1, "feeds": {"x": null}, "urls": null}`))
	f.Add([]byte(`{"version": 2}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(``))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "feeds.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		st, _, err := readState(path)
		if err != nil {
			return
		}
		if st.Feeds == nil || st.URLs == nil {
			t.Fatalf("accepted state with nil maps: %+v", st)
		}
		for u, r := range st.Feeds {
			if r == nil {
				t.Fatalf("accepted a nil record for %q", u)
			}
		}
	})
}
