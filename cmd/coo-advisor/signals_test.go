//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalDuringAWriteLeavesNothing: a signal that arrives while a
// report is being written removes the temporary file, writes nothing, and
// exits with the signal's code. The write is slowed down by a hook only
// the test binary reads.
func TestSignalDuringAWriteLeavesNothing(t *testing.T) {
	bin, err := exec.LookPath("coo-advisor") // the test binary, set up by TestMain
	if err != nil {
		t.Fatal(err)
	}
	example, _ := filepath.Abs(filepath.Join("..", "..", "examples", "small-business.yaml"))
	for _, tc := range []struct {
		name string
		sig  syscall.Signal
		args []string
	}{
		{"recommend SIGTERM", syscall.SIGTERM, []string{"recommend", "--answers", example, "--output", "out.txt"}},
		{"recommend SIGINT", syscall.SIGINT, []string{"recommend", "--answers", example, "--output", "out.json", "--format", "json"}},
		{"plain SIGTERM", syscall.SIGTERM, []string{"--plain", "--answers", example, "--output", "out.txt"}},
		{"plain SIGHUP", syscall.SIGHUP, []string{"--plain", "--answers", example, "--output", "out.txt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(bin, tc.args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "COO_ADVISOR_TEST_WRITE_DELAY=5s")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
				if m, _ := filepath.Glob(filepath.Join(dir, ".coo-advisor-*.tmp")); len(m) == 1 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("no temporary file appeared; stderr: %s", stderr.String())
				}
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(tc.sig) {
				t.Errorf("exit %v, want %d", err, 128+int(tc.sig))
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				t.Errorf("%s left behind", e.Name())
			}
		})
	}
}
