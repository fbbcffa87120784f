package plain

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// lineReader gives one line per Read, as a person typing does, and calls
// before(n) just before it gives line n (0-based): a test acts there, in
// the middle of the session.
type lineReader struct {
	lines  []string
	n      int
	before func(n int)
}

func (r *lineReader) Read(p []byte) (int, error) {
	if r.n >= len(r.lines) {
		return 0, io.EOF
	}
	if r.before != nil {
		r.before(r.n)
	}
	line := r.lines[r.n] + "\n"
	if len(p) < len(line) {
		return 0, io.ErrShortBuffer
	}
	r.n++
	return copy(p, line), nil
}

// answerLines are the lines that answer small-business.yaml's answers,
// one per question.
func answerLines(t *testing.T, d *advisor.Definitions) (advisor.Answers, []string) {
	t.Helper()
	a := readAnswers(t, d, "small-business.yaml")
	return a, strings.Split(strings.TrimSuffix(plainLines(d, a), "\n"), "\n")
}

// assertKept checks that the answers file werr names is private (0600 in
// a directory of its own, 0700, under root) and holds the answers.
func assertKept(t *testing.T, d *advisor.Definitions, err error, root string, want advisor.Answers) {
	t.Helper()
	var werr *WriteError
	if !errors.As(err, &werr) || werr.Kept == "" {
		t.Fatalf("err = %v, want a WriteError that keeps the answers", err)
	}
	// The command to copy names the file (issue 15: it said FILE).
	if !strings.HasSuffix(err.Error(), "\nYour answers are kept in a file only you can read:\n  "+werr.Kept+"\nWrite the brief from them with: coo-advisor --answers "+shellQuote(werr.Kept)+" --output NAME") {
		t.Errorf("the message does not say where the answers are, nor how to use them:\n%v", err)
	}
	if filepath.Dir(filepath.Dir(werr.Kept)) != root {
		t.Errorf("kept in %s, want a directory of its own under %s", werr.Kept, root)
	}
	st, serr := os.Stat(werr.Kept)
	if serr != nil {
		t.Fatal(serr)
	}
	dst, _ := os.Stat(filepath.Dir(werr.Kept))
	if st.Mode().Perm() != 0o600 || dst.Mode().Perm() != 0o700 {
		t.Errorf("kept answers are %v in a directory %v, want 0600 in 0700", st.Mode().Perm(), dst.Mode().Perm())
	}
	b, _ := os.ReadFile(werr.Kept)
	got, perr := d.ParseAnswers(werr.Kept, b)
	if perr != nil {
		t.Fatalf("the kept answers do not read back: %v", perr)
	}
	// Typed, an empty line takes a question's default.
	want, cerr := d.Complete(want)
	if cerr != nil {
		t.Fatal(cerr)
	}
	for _, q := range d.Questions {
		if q.FormatValue(got[q.ID]) != q.FormatValue(want[q.ID]) {
			t.Errorf("kept %s = %s, want %s", q.ID, q.FormatValue(got[q.ID]), q.FormatValue(want[q.ID]))
		}
	}
}

// TestPlainKeepsTheAnswersWhenTheReportCannotBeWritten: the output is
// checked before the first question, but it can still fail at the end;
// the typed answers are then kept in a private answers file, and the
// error says where.
func TestPlainKeepsTheAnswersWhenTheReportCannotBeWritten(t *testing.T) {
	defs := loadDefs(t)
	answers, lines := answerLines(t, defs)
	last := len(lines) - 1
	cases := []struct {
		name string
		// path is the output in dir; during runs before the last answer.
		path   func(t *testing.T, dir string) string
		during func(t *testing.T, dir, path string)
		want   func(err error) bool
	}{
		{
			name: "a file created under the name while the questions were answered",
			path: func(_ *testing.T, dir string) string { return filepath.Join(dir, "brief.txt") },
			during: func(t *testing.T, _, path string) {
				if err := os.WriteFile(path, []byte("someone else's"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			want: func(err error) bool {
				return errors.Is(err, atomicfile.ErrExists) && strings.Contains(err.Error(), "already exists; add --force to replace it\n")
			},
		},
		{
			name: "a full disk",
			path: func(t *testing.T, _ string) string {
				if _, err := os.Stat("/dev/full"); err != nil {
					testskip.Skip(t, "no /dev/full", "test")
				}
				return "/dev/full"
			},
			want: func(err error) bool { return errors.Is(err, syscall.ENOSPC) },
		},
		{
			name: "a directory made read-only while the questions were answered",
			path: func(t *testing.T, dir string) string {
				if os.Geteuid() == 0 {
					// cmd/coo-advisor's test runs this case as another user.
					testskip.Skip(t, "permissions do not bind root", "test")
				}
				return filepath.Join(dir, "brief.txt")
			},
			during: func(t *testing.T, dir, _ string) {
				if err := os.Chmod(dir, 0o500); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
			},
			want: func(err error) bool { return errors.Is(err, os.ErrPermission) },
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir, keep := t.TempDir(), t.TempDir()
			path := tc.path(t, dir)
			in := &lineReader{lines: lines, before: func(n int) {
				if n == last && tc.during != nil {
					tc.during(t, dir, path)
				}
			}}
			var out, prompts strings.Builder
			_, err := Run(Options{Defs: defs, Input: in, Output: &out, Prompts: &prompts, ExportPath: path, KeepDir: keep, Report: testReport})
			if !tc.want(err) {
				t.Fatalf("err = %v", err)
			}
			if !strings.Contains(prompts.String(), defs.Questions[last].Prompt) {
				t.Fatalf("the last question was not asked:\n%s", prompts.String())
			}
			assertKept(t, defs, err, keep, answers)
		})
	}
}

// TestPlainPrintsTheAnswersWhenNothingCanBeKept: when no file can be
// written at all, the answers go to the report's output, as an answers
// file; when that fails too, the error says so.
func TestPlainPrintsTheAnswersWhenNothingCanBeKept(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		testskip.Skip(t, "no /dev/full", "test")
	}
	defs := loadDefs(t)
	answers, lines := answerLines(t, defs)
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, prompts strings.Builder
	_, err := Run(Options{Defs: defs, Input: strings.NewReader(strings.Join(lines, "\n")), Output: &out, Prompts: &prompts, ExportPath: "/dev/full", KeepDir: notADir, Report: testReport})
	var werr *WriteError
	if !errors.As(err, &werr) || !werr.Printed || !strings.Contains(err.Error(), "\nYour answers are printed on standard output, as an answers file:\nsave them to a file. Write the brief") {
		t.Fatalf("err = %v", err)
	}
	got, perr := defs.ParseAnswers("stdout", []byte(out.String()))
	if perr != nil || got["employees"].Int != answers["employees"].Int {
		t.Fatalf("standard output is not the answers file (%v):\n%s", perr, out.String())
	}

	_, err = Run(Options{Defs: defs, Input: strings.NewReader(strings.Join(lines, "\n")), Output: failingWriter{}, Prompts: &prompts, ExportPath: "/dev/full", KeepDir: notADir, Report: testReport})
	if !errors.As(err, &werr) || werr.KeepErr == nil || !strings.Contains(err.Error(), "Your answers could not be kept either: ") {
		t.Fatalf("err = %v", err)
	}
}

// TestPlainKeepsTheAnswersWhenStandardOutputFails: the brief printed to a
// standard output that fails (a full disk behind a redirection) keeps
// the answers too.
func TestPlainKeepsTheAnswersWhenStandardOutputFails(t *testing.T) {
	defs := loadDefs(t)
	answers, lines := answerLines(t, defs)
	keep := t.TempDir()
	var prompts strings.Builder
	_, err := Run(Options{Defs: defs, Input: strings.NewReader(strings.Join(lines, "\n")), Output: failingWriter{}, Prompts: &prompts, KeepDir: keep, Report: testReport})
	if err == nil || !strings.HasPrefix(err.Error(), "cannot write the brief to standard output: no space left on device\n") {
		t.Fatalf("err = %v", err)
	}
	assertKept(t, defs, err, keep, answers)
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestPlainRefusesAnUnwritableDirectoryBeforeAsking: a directory in which
// no file can be created is refused before the first question, naming
// it.
func TestPlainRefusesAnUnwritableDirectoryBeforeAsking(t *testing.T) {
	defs := loadDefs(t)
	dir := t.TempDir()
	if os.Geteuid() == 0 {
		// Permissions do not bind root; nobody creates files in /sys.
		dir = "/sys"
		if _, err := os.Stat(dir); err != nil {
			testskip.Skip(t, "root, and no /sys to stand in for a read-only directory", "test")
		}
	} else {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
	}
	_, lines := answerLines(t, defs)
	input := strings.NewReader(strings.Join(lines, "\n"))
	var out, prompts strings.Builder
	path := filepath.Join(dir, "brief.txt")
	_, err := Run(Options{Defs: defs, Input: input, Output: &out, Prompts: &prompts, ExportPath: path, KeepDir: t.TempDir()})
	var werr *WriteError
	if !errors.As(err, &werr) || !strings.Contains(err.Error(), "cannot write "+path+": the directory "+dir+" cannot be written to (permission denied); choose a directory you can write to") {
		t.Fatalf("err = %v", err)
	}
	if prompts.Len() != 0 || out.Len() != 0 || input.Len() == 0 {
		t.Fatalf("questions were asked before the directory was refused:\n%s", prompts.String())
	}
}

// TestShellQuote: a kept path is shown as it can be pasted into a shell.
func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/ann/.cache/coo-advisor/answers-1/answers.yaml": "/home/ann/.cache/coo-advisor/answers-1/answers.yaml",
		"/home/ann b/answers.yaml":                            "'/home/ann b/answers.yaml'",
		"/tmp/it's/answers.yaml":                              `'/tmp/it'\''s/answers.yaml'`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
