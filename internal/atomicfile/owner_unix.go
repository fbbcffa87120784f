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
// the system allows it (root may; others may keep a group they are in),
// and reports whether the group is now the old file's.
func keepOwner(f *os.File, old fs.FileInfo) bool {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}
	// Best effort: the owner may stay the writer's, as for any file one
	// user writes over another's.
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		_ = f.Chown(-1, int(st.Gid))
	}
	now, err := f.Stat()
	if err != nil {
		return false
	}
	ns, ok := now.Sys().(*syscall.Stat_t)
	return ok && ns.Gid == st.Gid
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
