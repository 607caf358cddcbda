package weaviatetest

import "syscall"

// childAttr makes the kernel kill a node when the test binary dies, however
// it dies (a panic, a -timeout, kill -9), so no Weaviate outlives its test.
// Pdeathsig follows the thread that started the child; Go keeps its threads
// alive, and Start is never called from a goroutine that locked its thread.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
