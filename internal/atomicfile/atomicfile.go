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

// ErrIsDir is returned (wrapped) when the path names a directory.
var ErrIsDir = errors.New("is a directory")

// ErrNoDir is returned (wrapped) when the directory to write in is
// missing or is not a directory.
var ErrNoDir = errors.New("does not exist or is not a directory")

// Write writes data to path atomically with mode 0644. Without overwrite it
// refuses to replace an existing file, and the check cannot race with
// another writer: the file is linked into place, which fails if the name is
// taken. On any error nothing is left behind.
func Write(path string, data []byte, overwrite bool) (err error) {
	if err := Check(path, overwrite); err != nil {
		return err
	}
	dir := filepath.Dir(path)
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

// Check reports, without writing anything, the reasons Write would fail
// for path that can be known in advance: the name is a directory, the file
// exists (without overwrite), or its directory is missing. Programs that
// ask questions first call it before the first one, so that no answers
// are lost to a name that cannot be used.
func Check(path string, overwrite bool) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s %w; give a file name", path, ErrIsDir)
		}
		if !overwrite {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
	}
	if st, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot write %s: directory %s %w", path, dir, ErrNoDir)
		}
		return fmt.Errorf("cannot write %s: %w", path, err)
	} else if !st.IsDir() {
		return fmt.Errorf("cannot write %s: %s %w", path, dir, ErrNoDir)
	}
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
