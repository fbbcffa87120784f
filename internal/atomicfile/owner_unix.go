//go:build unix

package atomicfile

import (
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"syscall"
)

// keepOwner gives the new file the replaced one's owner and group, where
// the system allows it (root may; others only keep their own group).
func keepOwner(f *os.File, old fs.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid)) // best effort: the data matters more
	}
}

// dupFile duplicates descriptor fd, so that closing the copy leaves the
// program's own descriptor open.
func dupFile(fd int) (*os.File, error) {
	nfd, err := syscall.Dup(fd)
	if err != nil {
		return nil, fmt.Errorf("duplicating descriptor %d: %w", fd, err)
	}
	return os.NewFile(uintptr(nfd), "/dev/fd/"+strconv.Itoa(fd)), nil
}
