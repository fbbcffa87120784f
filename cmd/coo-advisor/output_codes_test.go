package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnOutputThatCannotBeWrittenIsBadInput: -o naming a directory the
// user may not write to is the user's bad target, as a missing directory
// is: both exit 2 (the first exited 1, as a full disk does), with the
// reason.
func TestAnOutputThatCannotBeWrittenIsBadInput(t *testing.T) {
	u := newOtherUser(t)
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "close-call.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	answers := filepath.Join(u.home, "close-call.yaml")
	if err := os.WriteFile(answers, example, 0o644); err != nil { //nolint:gosec // G306: another user reads it
		t.Fatal(err)
	}
	locked := u.mkdir(t, "locked")
	if u.cred != nil {
		if err := os.Chown(locked, 0, 0); err != nil {
			t.Fatal(err)
		}
	} else if err := os.Chmod(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	for _, tc := range []struct{ output, says string }{
		{"locked/brief.txt", "permission denied"},
		{"missing/brief.txt", "does not exist"},
	} {
		t.Run(tc.output, func(t *testing.T) {
			cmd := u.command("recommend", "--answers", answers, "-o", tc.output)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 2 {
				t.Fatalf("exit %v, want 2:\n%s", err, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.says) {
				t.Errorf("the error does not say %q:\n%s", tc.says, stderr.String())
			}
		})
	}
}
