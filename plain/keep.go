package plain

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// rescue keeps the answers of a session whose report could not be
// written (a full disk, a directory made read-only, a file created under
// the output's name while the questions were answered): as a private
// answers file, else on out (the report's output, when it still works).
// Nine typed answers must not end with the report.
func rescue(werr *WriteError, d *advisor.Definitions, a advisor.Answers, e advisor.Engagement, root string, out *printer) {
	data := d.AnswersYAML(a, e)
	path, err := keepAnswers(root, data)
	if err == nil {
		werr.Kept = path
		return
	}
	if out != nil {
		out.print(string(data))
		if out.err == nil {
			werr.Printed = true
			return
		}
		err = errors.Join(err, fmt.Errorf("standard output: %w", out.err))
	}
	werr.KeepErr = err
}

// keepAnswers writes an answers file in a fresh directory of its own under
// root, or, when root is empty, under the user's cache directory
// (coo-advisor in it), else the system's temporary directory. The
// directory is made for this file alone, 0700, so that no other user can
// list it, and the file is 0600 whatever the umask: answers are the
// client's private data.
func keepAnswers(root string, data []byte) (string, error) {
	roots := []string{root}
	if root == "" {
		roots = nil
		if c, err := os.UserCacheDir(); err == nil {
			roots = append(roots, filepath.Join(c, "coo-advisor"))
		}
		roots = append(roots, os.TempDir())
	}
	var errs []error
	for _, r := range roots {
		path, err := keepIn(r, data)
		if err == nil {
			return path, nil
		}
		errs = append(errs, err)
	}
	return "", errors.Join(errs...)
}

func keepIn(root string, data []byte) (path string, err error) {
	fail := func(err error) (string, error) {
		return "", fmt.Errorf("cannot keep the answers in %s: %w", root, unwrapPath(err))
	}
	if err := os.MkdirAll(root, 0o700); err != nil {
		return fail(err)
	}
	dir, err := os.MkdirTemp(root, "answers-*")
	if err != nil {
		return fail(err)
	}
	defer func() {
		if err != nil {
			_ = os.RemoveAll(dir) // made above, for this file alone
		}
	}()
	path = filepath.Join(dir, "answers.yaml")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fail(err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err)
	}
	return path, nil
}
