//go:build unix

package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/x/term"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// umask reads the process's umask.
func umask(t *testing.T) os.FileMode {
	t.Helper()
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

// TestModes: a replaced file keeps its mode, a new one honours the umask
// (answers and reports are private data: under umask 077 they are 0600).
func TestModes(t *testing.T) {
	dir := t.TempDir()
	private := filepath.Join(dir, "private.txt")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(private, []byte("new"), Options{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(private); st.Mode().Perm() != 0o600 {
		t.Errorf("replaced 0600 file is now %v", st.Mode().Perm())
	}
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "fresh.txt")
	if err := Write(fresh, []byte("new"), Options{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o600 {
		t.Errorf("new file under umask 077 is %v, want 0600", st.Mode().Perm())
	}
}

// TestOnlyRegularFilesAreReplaced: a FIFO is refused, naming what it is,
// and left as it was; devices are written to as streams and stay devices;
// a write to a full device fails.
func TestOnlyRegularFilesAreReplaced(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		testskip.Skip(t, fmt.Sprintf("no named pipes here (%v)", err), "test")
	}
	for _, o := range []Options{{}, {Overwrite: true}} {
		err := Write(fifo, []byte("x"), o)
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "a named pipe (FIFO)") {
			t.Errorf("FIFO with %+v: %v", o, err)
		}
		if err := Check(fifo, o); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Check FIFO: %v", err)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO is gone or replaced: %v %v", st, err)
	}
	assertOnlyFile(t, dir, "pipe")

	if err := Write("/dev/null", []byte("x"), Options{Overwrite: true}); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	if st, err := os.Stat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", st, err)
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		if err := Write("/dev/full", []byte("x"), Options{Overwrite: true}); err == nil || !strings.Contains(err.Error(), "no space left") {
			t.Errorf("/dev/full: %v, want no space left", err)
		}
	}
}

// TestNewFilesHonourTheUmask: with the usual umask a new report is 0644.
func TestNewFilesHonourTheUmask(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, []byte("x"), Options{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o666&^umask(t) {
		t.Errorf("mode %v, want 0666 less the umask %v", st.Mode().Perm(), umask(t))
	}
}

// TestUnwritableDirectoryIsNamed: a file that may be written, in a
// directory that may not, cannot be replaced safely (the new file is made
// beside it); the message blames the directory, names it and says what to
// do, and nothing is left behind. Root writes anywhere, so as root the
// test runs again as nobody.
func TestUnwritableDirectoryIsNamed(t *testing.T) {
	if os.Geteuid() == 0 {
		runAsNobody(t, openDir(t), t.Name())
		return
	}
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	w := filepath.Join(dir, "w.txt")
	if err := os.WriteFile(w, []byte("old"), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chmod(dir, 0o755) }() // so that the test's directory can be removed
	for _, tc := range []struct {
		name, path string
		o          Options
	}{
		{"replacing a writable file", w, Options{Overwrite: true}},
		{"a new file", filepath.Join(dir, "new.txt"), Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(tc.path, []byte("new"), tc.o)
			want := "cannot write " + tc.path + ": the directory " + dir + " cannot be written to (permission denied); "
			if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "write it in a directory you can write to") {
				t.Fatalf("Write: %v\nwant it to start %q and say what to do", err, want)
			}
			if !errors.Is(err, os.ErrPermission) {
				t.Errorf("the error is not a permission error: %v", err)
			}
		})
	}
	if got, _ := os.ReadFile(w); string(got) != "old" {
		t.Errorf("w.txt holds %q", got)
	}
	assertOnlyFile(t, dir, "w.txt")
}

// TestTerminalsAndDevicesAreRefused: a terminal is never written to, by
// whatever name reaches it (the raw report would be drawn over the screen
// and reported saved), and no device but /dev/null and /dev/full is;
// Check says so too, before any question is asked.
func TestTerminalsAndDevicesAreRefused(t *testing.T) {
	dir := t.TempDir()
	link := func(name, to string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(to, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, path string
		want       error // nil: written
		wantText   string
	}{
		{"/dev/tty", "/dev/tty", ErrTerminal, "/dev/tty is a terminal, not a file; give a file name"},
		{"a link to /dev/tty", link("brief.txt", "/dev/tty"), ErrTerminal, "brief.txt (a link to /dev/tty) is a terminal, not a file; give a file name"},
		{"/dev/zero", "/dev/zero", ErrDevice, "/dev/zero is a device, not a file; give a file name"},
		{"/dev/null", "/dev/null", nil, ""},
		{"a link to /dev/null", link("null.txt", "/dev/null"), nil, ""},
	}
	// A terminal the test holds: the master side of a new pseudo-terminal,
	// named as one of the process's descriptors.
	if ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0); err == nil {
		defer func() { _ = ptm.Close() }()
		if term.IsTerminal(ptm.Fd()) {
			fd := fmt.Sprintf("/dev/fd/%d", ptm.Fd())
			cases = append(cases, struct {
				name, path string
				want       error
				wantText   string
			}{"a terminal's descriptor", fd, ErrTerminal, fd + " is a terminal, not a file; give a file name"})
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, o := range []Options{{}, {Overwrite: true}} {
				for name, err := range map[string]error{"Write": Write(tc.path, []byte("SECRET CLIENT 12\n"), o), "Check": Check(tc.path, o)} {
					if tc.want == nil {
						if err != nil {
							t.Errorf("%s %+v: %v", name, o, err)
						}
						continue
					}
					if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.wantText) || !BadName(err) {
						t.Errorf("%s %+v: %v, want %q", name, o, err, tc.wantText)
					}
				}
			}
		})
	}
	if st, err := os.Lstat(filepath.Join(dir, "brief.txt")); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link to /dev/tty is gone or replaced: %v", err)
	}
}
