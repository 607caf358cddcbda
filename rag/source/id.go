package source

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// maxIDLen bounds ids: they end up in passage ids, file names of exports and
// Discord messages.
const maxIDLen = 128

// derivedSlugLen is where a derived id is cut before a hash of the whole is
// added, so long URLs and paths still give distinct, readable ids.
const derivedSlugLen = 80

// checkID accepts ids made of ASCII letters, digits, '.', '_' and '-' that
// start with a letter or digit. '#' is kept out because passage ids are
// ArticleID + "#" + position.
func checkID(id string) error {
	if id == "" {
		return fmt.Errorf("%w: empty", ErrBadID)
	}
	if len(id) > maxIDLen {
		return fmt.Errorf("%w: %d characters, over %d", ErrBadID, len(id), maxIDLen)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			i > 0 && (c == '.' || c == '_' || c == '-')
		if !ok {
			return fmt.Errorf("%w %q: use letters, digits, '.', '_' and '-', starting with a letter or digit", ErrBadID, id)
		}
	}
	return nil
}

// givenID trims an id taken from the source and checks it.
func givenID(raw string) (string, error) {
	id := strings.TrimSpace(raw)
	if err := checkID(id); err != nil {
		return "", fmt.Errorf("id: %w", err)
	}
	return id, nil
}

// idFromName derives an id from a name given to a parser: a URL gives
// host+path, anything else is a file path relative to the walked root,
// taken without its extension, with slashes as dashes.
func idFromName(name string) string {
	if isWebURL(name) {
		return idFromURL(name)
	}
	name = filepath.ToSlash(name)
	name = strings.TrimSuffix(name, path.Ext(name))
	name = strings.TrimLeft(name, "./")
	return slugID(name, name)
}

// idFromURL derives an id from the URL's host (without "www."), port, path,
// and the query when there is one, so that two pages of one site differ,
// and so do two sites on one host: bbc.example:81 is not bbc.example. A
// port other than the scheme's default always adds the hash, because the
// slug alone cannot tell "a.example:81/x" from a host named "a.example-81".
func idFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return slugID(raw, raw)
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	p := strings.TrimSuffix(u.EscapedPath(), "/")
	for _, index := range []string{"/index.html", "/index.htm"} {
		p = strings.TrimSuffix(p, index)
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	key := host + p
	if port != "" {
		key = host + ":" + port + p
	}
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	// The hash covers the scheme-less key, so http and https give one id.
	if port != "" {
		return hashedSlugID(key, key)
	}
	return slugID(key, key)
}

// slugID lowercases s, keeps ASCII letters and digits (and '.' or '_' inside
// a word), and turns every other run into one '-'. When the slug is long or empty (a name in
// another script), a short hash of hashKey keeps it distinct.
func slugID(s, hashKey string) string {
	slug := slugOf(s)
	if slug != "" && len(slug) <= derivedSlugLen {
		return slug
	}
	return withHash(slug, hashKey)
}

// hashedSlugID is slugID with the hash of hashKey always added.
func hashedSlugID(s, hashKey string) string { return withHash(slugOf(s), hashKey) }

// slugOf is s as a slug, of any length.
func slugOf(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case (c == '.' || c == '_') && b.Len() > 0 && !dash:
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteByte(c)
	}
	return strings.TrimRight(b.String(), ".-_")
}

// withHash cuts slug to derivedSlugLen and adds a short hash of hashKey.
func withHash(slug, hashKey string) string {
	sum := sha256.Sum256([]byte(hashKey))
	hash := hex.EncodeToString(sum[:5])
	if len(slug) > derivedSlugLen {
		slug = strings.TrimRight(slug[:derivedSlugLen], ".-_")
	}
	if slug == "" {
		return "article-" + hash
	}
	return slug + "-" + hash
}

// isWebURL reports whether s is an absolute http or https URL with a host.
func isWebURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
