//go:build unix

package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// plainLines answers the nine questions without a default, as plain.txtar's
// lines.txt does.
var plainLines = []string{"25", "3", "1", "light", "stable", "", "high", "", "7,9"}

// otherUser runs the program as a user for whom permissions bind: as
// root, for whom they do not, the user nobody; as anyone else, the test's
// own user.
type otherUser struct {
	bin  string // the binary, where that user can run it
	home string // a directory that user owns, where the program runs
	uid  int
	cred *syscall.Credential // nil: the test's own user
}

func newOtherUser(t *testing.T) otherUser {
	t.Helper()
	bin := binary(t)
	if os.Geteuid() != 0 {
		return otherUser{bin: bin, home: t.TempDir(), uid: os.Geteuid()}
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		testskip.Skip(t, "running as root, and no user nobody to run as", "test")
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	// The test's temporary directories are root's own (0700): nobody
	// needs a way in, to the binary and to a home.
	base, err := os.MkdirTemp("", "coo-advisor-other-user-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(base) })
	home := filepath.Join(base, "home")
	if err := errors.Join(os.Chmod(base, 0o755), os.Mkdir(home, 0o700), os.Chown(home, uid, gid)); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(base, "coo-advisor")
	if err := os.WriteFile(copied, b, 0o755); err != nil { //nolint:gosec // G306: another user runs it
		t.Fatal(err)
	}
	return otherUser{bin: copied, home: home, uid: uid, cred: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}} //nolint:gosec // G115: ids from the system's user database
}

// command runs the program as the user, in its home, whose cache
// directory is where answers are kept.
func (u otherUser) command(args ...string) *exec.Cmd {
	cmd := exec.Command(u.bin, args...)
	cmd.Dir = u.home
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + u.home, "XDG_CACHE_HOME=" + filepath.Join(u.home, "cache"), "NO_COLOR=1", "TERM=dumb"}
	if u.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: u.cred}
	}
	return cmd
}

// mkdir makes a directory in the user's home that the user owns.
func (u otherUser) mkdir(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(u.home, name)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if u.cred != nil {
		if err := os.Chown(dir, u.uid, int(u.cred.Gid)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPlainRefusesADirectoryTheUserCannotWrite: -o in a directory the user
// cannot write to (another user's) is refused before the first question,
// naming the directory; nothing is asked that would be lost.
func TestPlainRefusesADirectoryTheUserCannotWrite(t *testing.T) {
	u := newOtherUser(t)
	locked := u.mkdir(t, "locked")
	if u.cred != nil {
		// root's, where nobody may not write.
		if err := os.Chown(locked, 0, 0); err != nil {
			t.Fatal(err)
		}
	} else if err := os.Chmod(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	cmd := u.command("--plain", "-o", "locked/brief.txt")
	cmd.Stdin = strings.NewReader(strings.Join(plainLines, "\n") + "\n")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	// A target the user named that cannot be written is bad input, as a
	// missing directory is.
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Fatalf("exit: %v\n%s", err, stderr.String())
	}
	if want := "coo-advisor: cannot write " + locked + "/brief.txt: the directory " + locked + " cannot be written to (permission denied); choose a directory you can write to\n"; stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %s", stdout.String())
	}
}

// TestPlainKeepsTheAnswersWhenTheWriteFailsAtTheEnd: the output is fine
// when the questions start, but not when they end: the directory made
// read-only, or a file created under the name, while the user answered.
// The answers are then kept in a private answers file, which writes the
// brief again.
func TestPlainKeepsTheAnswersWhenTheWriteFailsAtTheEnd(t *testing.T) {
	cases := []struct {
		name   string
		during func(t *testing.T, dir string)
		code   int
		reason []string // what the error says
	}{
		{"directory made read-only", func(t *testing.T, dir string) {
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
		}, 2, []string{"out/brief.txt", "permission denied"}},
		{"file created under the name", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "brief.txt"), []byte("someone else's"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 2, []string{"out/brief.txt already exists; add --force to replace it"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := newOtherUser(t)
			out := u.mkdir(t, "out")
			stderr := runMidSession(t, u.command("--plain", "-o", "out/brief.txt", "--date", "2026-11-26"), tc.code, func() { tc.during(t, out) })
			_, msg, _ := strings.Cut(stderr, "\ncoo-advisor: ")
			msg, _, _ = strings.Cut(msg, "\n")
			for _, r := range tc.reason {
				if !strings.Contains(msg, r) {
					t.Errorf("the error does not say %q: %s", r, msg)
				}
			}
			m := regexp.MustCompile(`\nYour answers are kept in a file only you can read:\n  (/\S+/answers\.yaml)\nWrite the brief from them with: coo-advisor --answers (\S+) --output NAME\n$`).FindStringSubmatch(stderr)
			if m == nil || !strings.HasPrefix(m[1], filepath.Join(u.home, "cache", "coo-advisor")+"/") || m[2] != m[1] {
				t.Fatalf("stderr does not say where the answers are kept:\n%s", stderr)
			}
			st, err := os.Stat(m[1])
			if err != nil {
				t.Fatal(err)
			}
			dst, _ := os.Stat(filepath.Dir(m[1]))
			owner := int(st.Sys().(*syscall.Stat_t).Uid)
			if st.Mode().Perm() != 0o600 || dst.Mode().Perm() != 0o700 || owner != u.uid {
				t.Errorf("kept answers: %v (owner %d) in %v, want 0600, the user's, in 0700", st.Mode().Perm(), owner, dst.Mode().Perm())
			}
			again := u.command("--answers", m[1], "--output", "again.txt", "--date", "2026-11-26")
			if b, err := again.CombinedOutput(); err != nil {
				t.Fatalf("the kept answers do not write the brief: %v\n%s", err, b)
			}
			if b, _ := os.ReadFile(filepath.Join(u.home, "again.txt")); !strings.Contains(string(b), "Recommendation: Hire an Operations Director.\n") {
				t.Errorf("the brief from the kept answers:\n%s", b)
			}
		})
	}
}

// runMidSession answers the questions through a pipe, one line at a
// time, as a person would, calls during just before the last answer, and
// returns standard error once the program has exited with code.
func runMidSession(t *testing.T, cmd *exec.Cmd, code int, during func()) string {
	t.Helper()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	last := len(plainLines) - 1
	for _, l := range plainLines[:last] {
		if _, err := io.WriteString(stdin, l+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(stderr.String(), "Question 9 of 12") {
		if time.Now().After(deadline) {
			t.Fatalf("the last question was never asked:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	during()
	if _, err := io.WriteString(stdin, plainLines[last]+"\n"); err != nil {
		t.Fatal(err)
	}
	_ = stdin.Close()
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != code {
		t.Fatalf("exit %v, want %d:\n%s", err, code, stderr.String())
	}
	return stderr.String()
}
