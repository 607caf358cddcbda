package source

import (
	"os"
	"syscall"
)

// openFlags opens without blocking, so a FIFO put in place of a checked
// file cannot hang the load; reads of a regular file are unaffected.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK

// Magic numbers of the kernel's pseudo filesystems (statfs(2)), whose files
// describe the running system rather than hold anything written to disk.
var kernelFilesystems = map[int64]string{
	0x9fa0:     "proc",
	0x62656572: "sysfs",
	0x64626720: "debugfs",
	0x74726163: "tracefs",
	0x73636673: "securityfs",
	0x27e0eb:   "cgroup",
	0x63677270: "cgroup2",
	0x62656570: "configfs",
	0xde5e81e4: "efivarfs",
	0xcafe4a11: "bpf",
}

// kernelFS names the pseudo filesystem f is on, or "" for any other. It
// asks the open file, so a bind mount of /proc elsewhere is caught too.
func kernelFS(f *os.File) string {
	rc, err := f.SyscallConn()
	if err != nil {
		return ""
	}
	var st syscall.Statfs_t
	var statErr error
	if err := rc.Control(func(fd uintptr) { statErr = syscall.Fstatfs(int(fd), &st) }); err != nil || statErr != nil {
		return ""
	}
	return kernelFilesystems[int64(st.Type)]
}
