// Package testskip makes skipped tests say so. go test shows a passing
// package's output only with -v, so a test skipped for want of tmux or a
// browser would pass unnoticed, and a newcomer could not tell that it
// never ran. Tests skip through this package instead, which counts them,
// and after the run writes one line per reason, such as
//
//	tmux not found: 8 end-to-end tests skipped
//
// to standard error and, when COO_ADVISOR_SKIPPED names a file, to the
// end of that file, which `make test` prints when it is done.
package testskip

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
)

// key is one line of the report: why, and what kind of test.
type key struct{ reason, kind string }

var (
	mu      sync.Mutex
	skipped = map[key]int{}
)

// LookPath returns the path of the first of names found on PATH. When
// none is, it skips the test, counted as a kind of test ("end-to-end
// test") skipped because names[0] was not found; in CI, whose .ci/run
// installs every program the tests use, it fails the test instead.
func LookPath(t testing.TB, kind string, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed; .ci/run should have installed it", names[0])
	}
	Skip(t, names[0]+" not found", kind)
	return ""
}

// Skip skips the test, counted under reason with others of its kind.
func Skip(t testing.TB, reason, kind string) {
	t.Helper()
	mu.Lock()
	skipped[key{reason, kind}]++
	mu.Unlock()
	t.Skip(reason)
}

// M wraps a package's testing.M, whose TestMain then ends with
// os.Exit(testskip.M{M: m}.Run()), or hands it to testscript.Main.
type M struct{ *testing.M }

// Run runs the tests, then reports what was skipped.
func (m M) Run() int {
	code := m.M.Run()
	if err := report(); err != nil {
		fmt.Fprintln(os.Stderr, "testskip:", err)
		return 1
	}
	return code
}

// report writes the lines, sorted so that runs compare.
func report() error {
	mu.Lock()
	defer mu.Unlock()
	lines := make([]string, 0, len(skipped))
	for k, n := range skipped {
		plural := ""
		if n != 1 {
			plural = "s"
		}
		lines = append(lines, fmt.Sprintf("%s: %d %s%s skipped\n", k.reason, n, k.kind, plural))
	}
	if len(lines) == 0 {
		return nil
	}
	slices.Sort(lines)
	text := strings.Join(lines, "")
	fmt.Fprint(os.Stderr, text)
	path := os.Getenv("COO_ADVISOR_SKIPPED")
	if path == "" {
		return nil
	}
	// One write in append mode: packages tested in parallel share the file.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600) //nolint:gosec // the path is make test's own temporary file
	if err != nil {
		return fmt.Errorf("report skipped tests: %w", err)
	}
	_, err = f.WriteString(text)
	if err := errors.Join(err, f.Close()); err != nil {
		return fmt.Errorf("report skipped tests to %s: %w", path, err)
	}
	return nil
}
