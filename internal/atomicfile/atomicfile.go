// Package atomicfile writes files so that a reader never sees half of one:
// the data goes to a temporary file in the same directory, which is then
// moved into place in one step.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned (wrapped) when the target exists and overwriting
// was not allowed.
var ErrExists = errors.New("already exists")

// Write writes data to path atomically with mode 0644. Without overwrite it
// refuses to replace an existing file, and the check cannot race with
// another writer: the file is linked into place, which fails if the name is
// taken. On any error nothing is left behind.
func Write(path string, data []byte, overwrite bool) (err error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a directory; give a file name", path)
		}
		if !overwrite {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
	}
	if st, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot write %s: directory %s does not exist", path, dir)
		}
		return fmt.Errorf("cannot write %s: %w", path, err)
	} else if !st.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a directory", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if overwrite {
		if err = os.Rename(tmpName, path); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
		}
		return nil
	}
	if err = os.Link(tmpName, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
		// Some file systems have no hard links: fall back to a checked
		// rename, which is still atomic for readers.
		if _, serr := os.Lstat(path); serr == nil {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
		if err = os.Rename(tmpName, path); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
		}
		return nil
	}
	os.Remove(tmpName)
	return nil
}

// unwrapPath drops the *PathError wrapper, whose temporary file name would
// only confuse the user.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
