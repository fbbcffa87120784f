package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// CheckDir reports whether a new file can be created in dir, as Write
// needs for its temporary file, whatever the reason it cannot: the
// permissions, an access control list, a read-only file system. It finds
// out the only sure way, by creating an empty file there (private, under a
// hidden name) and removing it at once. Programs that ask questions before
// they write call it before the first one, beside Check, so that nobody
// types their answers for a report that cannot be written.
func CheckDir(dir string) error {
	f, err := os.CreateTemp(dir, ".coo-advisor-check-*")
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("the directory %s cannot be written to (%w); choose a directory you can write to", dir, unwrapPath(err))
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("the directory %s is on a read-only file system (%w); choose a directory you can write to", dir, unwrapPath(err))
	case err != nil:
		return fmt.Errorf("cannot create a file in the directory %s: %w", dir, unwrapPath(err))
	}
	name := f.Name()
	if err := errors.Join(f.Close(), os.Remove(name)); err != nil {
		return fmt.Errorf("cannot write in directory %s: %w", dir, unwrapPath(err))
	}
	return nil
}
