//go:build !unix

package search

// lockDir is a no-op where flock is not available: one writer per index
// directory is then the operator's responsibility.
func (ix *Index) lockDir() (func(), error) { return func() {}, nil }
