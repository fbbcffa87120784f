package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/testskip"
	"github.com/coo-advisor/coo-advisor/tui"
)

// repoRoot is the repository's top directory, where the Makefile is.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "Makefile")); err != nil {
		t.Fatalf("no Makefile at %s: %v", root, err)
	}
	return root
}

// TestMakeRunWritesWhereItWasStarted: `make -C REPO run` runs the advisor
// in the directory it was started from, so that what it writes lands
// there, as with the installed binary, and not in the repository.
func TestMakeRunWritesWhereItWasStarted(t *testing.T) {
	mk := testskip.LookPath(t, "end-to-end test", "make")
	root := repoRoot(t)
	caller := t.TempDir()
	// The brief, in plain mode (standard input is not a terminal), from
	// the nine answers on standard input.
	cmd := exec.Command(mk, "--no-print-directory", "-C", root, "run",
		"BIN="+filepath.Join(t.TempDir(), "coo-advisor"), "ARGS=--plain -o make-run-brief.txt")
	cmd.Dir = caller
	cmd.Env = append(os.Environ(), "PWD="+caller)
	cmd.Stdin = strings.NewReader("25\n3\n1\nlight\nstable\n\nhigh\n\n7,9\n")
	t.Cleanup(func() { _ = os.Remove(filepath.Join(root, "make-run-brief.txt")) })
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make run: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(caller, "make-run-brief.txt")); err != nil {
		t.Errorf("the brief is not in the directory make was started from: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(root, "make-run-brief.txt")); err == nil {
		t.Error("the brief was written in the repository")
	}
}

// TestDefaultNamesAreIgnoredByGit: what the advisor writes under the names
// it suggests (the brief in every format, the team's, the saved answers)
// is ignored by git in the repository, where `make run` started from its
// top writes them.
func TestDefaultNamesAreIgnoredByGit(t *testing.T) {
	git := testskip.LookPath(t, "test", "git")
	root := repoRoot(t)
	if err := exec.Command(git, "-C", root, "rev-parse").Run(); err != nil {
		testskip.Skip(t, "not in a git checkout", "test")
	}
	names := []string{tui.DefaultSaveName}
	for _, f := range advisor.Formats {
		ext := advisor.Format(f).Extension()
		names = append(names, tui.DefaultExportName+ext, teamExportName+ext)
	}
	for _, name := range names {
		if err := exec.Command(git, "-C", root, "check-ignore", "-q", "--no-index", name).Run(); err != nil {
			t.Errorf("git does not ignore %s in the repository's top directory", name)
		}
	}
	// Only those: a file of the project's own is never hidden.
	for _, name := range []string{"coo-advisor-notes.md", "examples/coo-advisor-recommendation.txt"} {
		if err := exec.Command(git, "-C", root, "check-ignore", "-q", "--no-index", name).Run(); err == nil {
			t.Errorf("git ignores %s", name)
		}
	}
}
