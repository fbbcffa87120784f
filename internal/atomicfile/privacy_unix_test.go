//go:build unix

package atomicfile

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// nobody is the uid and gid the other local user runs as: 65534, nobody
// on Debian and most systems (it need not be in /etc/passwd).
const nobody = 65534

// TestTempFileStartsPrivate: the temporary file that replaces a 0600 file
// is 0600, and empty, from the moment it exists, whatever the umask: it
// is filled only once nobody else can open it.
func TestTempFileStartsPrivate(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o022))
	dir := t.TempDir()
	private := filepath.Join(dir, "brief.html")
	if err := os.WriteFile(private, []byte("SECRET CLIENT 12"), 0o600); err != nil {
		t.Fatal(err)
	}
	old, err := os.Stat(private)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		old  os.FileInfo
		want os.FileMode
	}{
		{"replacing a 0600 file", old, 0o600},
		{"a new file", nil, 0o644},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := createTemp(dir, tc.old)
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				_ = f.Close()
				_ = os.Remove(f.Name())
				unregister(f.Name())
			}()
			st, err := os.Stat(f.Name())
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != tc.want || st.Size() != 0 {
				t.Errorf("the temporary file is created %v with %d bytes, want %v and empty", st.Mode().Perm(), st.Size(), tc.want)
			}
		})
	}
}

// TestGroupNotKeptDropsGroupAccess: when the replaced file's group cannot
// be given to the new one, the group's permissions, which were meant for
// that group, are not handed to another.
func TestGroupNotKeptDropsGroupAccess(t *testing.T) {
	if os.Geteuid() != 0 {
		testskip.Skip(t, "not root: cannot write as another user", "privacy test")
	}
	base := openDir(t)
	dir := filepath.Join(base, "nobody")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "brief.txt")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	// A file of nobody's whose group (0) nobody is not in, in nobody's
	// directory.
	for _, p := range []string{dir, path} {
		if err := os.Chown(p, nobody, 0); err != nil {
			t.Fatal(err)
		}
	}
	runAsNobody(t, base, "TestGroupNotKeptDropsGroupAccessChild", "COO_ADVISOR_TEST_PATH="+path)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Fatalf("the file holds %q", got)
	}
	if gid := st.Sys().(*syscall.Stat_t).Gid; gid != 0 && st.Mode().Perm()&0o070 != 0 {
		t.Errorf("replaced as %v with group %d: the old group's access went to another group", st.Mode().Perm(), gid)
	}
}

// TestGroupNotKeptDropsGroupAccessChild is TestGroupNotKeptDropsGroupAccess's
// write, run as nobody.
func TestGroupNotKeptDropsGroupAccessChild(t *testing.T) {
	path := os.Getenv("COO_ADVISOR_TEST_PATH")
	if path == "" {
		t.Skip("run by TestGroupNotKeptDropsGroupAccess")
	}
	if err := Write(path, []byte("new"), Options{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
}

// openDir is a temporary directory that every user may enter and list.
func openDir(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	for _, d := range []string{filepath.Dir(base), base} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return base
}

// runAsNobody runs the test named, from a copy of the test binary in base
// (an openDir), as nobody, with env added; it fails if that test fails.
func runAsNobody(t *testing.T, base, test string, env ...string) {
	t.Helper()
	cmd := exec.Command(testBinary(t, base), "-test.run=^"+test+"$", "-test.v")
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- PASS: "+test)) {
		t.Fatalf("%s as nobody: %v\n%s", test, err, out)
	}
}

// TestNoOtherUserReadsAPrivateFileWhileItIsReplaced: another local user
// reads the directory's files in a loop while a 0600 file is replaced,
// again and again, and never reads a byte of it.
func TestNoOtherUserReadsAPrivateFileWhileItIsReplaced(t *testing.T) {
	if os.Geteuid() != 0 {
		testskip.Skip(t, "not root: cannot start a reader as another user", "privacy test")
	}
	// The other user may list priv, as any directory of a shared machine.
	base := openDir(t)
	priv := filepath.Join(base, "priv")
	if err := os.Mkdir(priv, 0o755); err != nil {
		t.Fatal(err)
	}
	brief := filepath.Join(priv, "brief.html")
	secret := bytes.Repeat([]byte("SECRET CLIENT 12\n"), 1<<16) // 1 MiB: a long write
	if err := os.WriteFile(brief, secret, 0o600); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(testBinary(t, base))
	cmd.Env = append(os.Environ(), readerEnv+"="+priv)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The reader says "ready" once it has listed the directory as nobody,
	// then "temp" each time it finds a temporary file, then, when its
	// input closes, what it read.
	var temps atomic.Int64
	report := make(chan string, 1)
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		var last string
		for sc.Scan() {
			switch l := sc.Text(); l {
			case "ready":
				ready <- true
			case "temp":
				temps.Add(1)
			default:
				last = l
			}
		}
		report <- last
	}()
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the reader did not start")
	}

	// Replace the file until the reader has caught the temporary file
	// many times (or for a while): each time, the brief was there to take.
	deadline := time.Now().Add(20 * time.Second)
	n := 0
	for ; n < 40 || (temps.Load() < 200 && n < 2000 && time.Now().Before(deadline)); n++ {
		if err := Write(brief, secret, Options{Overwrite: true}); err != nil {
			t.Fatal(err)
		}
	}
	_ = stdin.Close()
	got := <-report
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the reader failed: %v", err)
	}
	t.Logf("%d replacements; the other user found the temporary file %d times; %s", n, temps.Load(), got)
	if got != "read nothing" {
		t.Fatalf("another user read the private file while it was replaced: %s", got)
	}
	if st, _ := os.Stat(brief); st.Mode().Perm() != 0o600 {
		t.Errorf("the brief is now %v", st.Mode().Perm())
	}
}

// testBinary copies the test binary where nobody can run it, under base,
// once.
func testBinary(t *testing.T, base string) string {
	t.Helper()
	path := filepath.Join(base, "atomicfile.test")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = in.Close() }()
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
