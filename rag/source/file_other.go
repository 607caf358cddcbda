//go:build !linux

package source

import "os"

const openFlags = os.O_RDONLY

// kernelFS is a Linux check; elsewhere the os.Root and the regular-file
// test are the guards.
func kernelFS(*os.File) string { return "" }
