package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/charmbracelet/x/term"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// inputs lists the files this run reads, which no output may replace: by
// name, and a file redirected to standard input by what it is.
func (a *app) inputs(answers string) atomicfile.Options {
	var o atomicfile.Options
	for _, p := range []string{answers, a.rolesPath, a.questionsPath} {
		switch p {
		case "":
		case "-":
			if f, ok := a.stdin.(*os.File); ok {
				if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
					o.ProtectFiles = append(o.ProtectFiles, st)
				}
			}
		default:
			o.Protect = append(o.Protect, p)
		}
	}
	return o
}

// emit writes a report to standard output, or atomically to a file.
func (a *app) emit(report []byte, output string, force bool, inputs atomicfile.Options) error {
	if output == "" || output == "-" {
		if _, err := a.stdout.Write(report); err != nil {
			return failure(err)
		}
		return nil
	}
	inputs.Overwrite = force
	if err := atomicfile.Write(output, report, inputs); err != nil {
		return writeError(err)
	}
	if atomicfile.IsStream(output) {
		return nil
	}
	abs, err := filepath.Abs(output)
	if err != nil {
		abs = output
	}
	a.tellf("Wrote %s", advisor.SafeText(abs))
	return nil
}

// writeError maps a failed write to its exit code: a name that cannot be
// used is bad usage (2); a write that fails on a good name is a failure
// (1).
func writeError(err error) error {
	switch {
	case errors.Is(err, atomicfile.ErrExists):
		return badInput(fmt.Errorf("%w; add --force to replace it", err))
	case errors.Is(err, atomicfile.ErrTerminal):
		return badInput(fmt.Errorf("%w, or leave out --output to print the brief on standard output", err))
	case atomicfile.BadName(err):
		return badInput(err)
	}
	// Permissions, a full disk: the name was fine, the write failed.
	return failure(err)
}

// terminalWidth is the width of the terminal on standard output, or 80
// when it is not a terminal.
func (a *app) terminalWidth() int {
	if f, ok := a.out.w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// checkedWriter passes writes on and keeps the first error. Later writes
// are dropped, and reported as done, so that a command does not stop half
// way through its output for each line; the error is reported once, at
// the end (see outputError).
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		// The first error is kept for the exit code; later writes are
		// dropped quietly, so that nothing half-written follows it.
		return len(p), nil //nolint:nilerr // deliberate: see above
	}
	if _, err := c.w.Write(p); err != nil {
		c.err = err
	}
	return len(p), nil
}

// outputError is the failure to write to standard output, if any.
func (a *app) outputError() error {
	if a.out.err == nil {
		return nil
	}
	err := a.out.err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // "write /dev/stdout:" says nothing more
	}
	return failure(fmt.Errorf("cannot write to standard output: %w", err))
}
