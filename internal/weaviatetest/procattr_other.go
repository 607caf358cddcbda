//go:build !linux

package weaviatetest

import "syscall"

// childAttr has no parent-death signal to ask for outside Linux: there, a
// node outlives a test binary that is killed before its cleanup runs.
func childAttr() *syscall.SysProcAttr {
	return nil
}
