package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// TestMain says, after the tests, which were skipped and why. Started
// as another user's reader (see TestNoOtherUserReadsAPrivateFileWhileItIsReplaced),
// the test binary is that reader instead.
func TestMain(m *testing.M) {
	if dir := os.Getenv(readerEnv); dir != "" {
		os.Exit(runReader(dir))
	}
	os.Exit(testskip.M{M: m}.Run())
}

func TestWrite(t *testing.T) {
	cases := []struct {
		name      string
		existing  string // content already at the path; "" for none
		overwrite bool
		wantErr   string // substring; "" for success
		wantExist bool   // the error wraps ErrExists
		want      string // file content afterwards
	}{
		{name: "new file", want: "report"},
		{name: "existing file kept without overwrite", existing: "old", wantErr: "already exists", wantExist: true, want: "old"},
		{name: "existing file replaced with overwrite", existing: "old", overwrite: true, want: "report"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.txt")
			if tc.existing != "" {
				if err := os.WriteFile(path, []byte(tc.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := Write(path, []byte("report"), Options{Overwrite: tc.overwrite})
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("Write: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("Write error %v, want %q", err, tc.wantErr)
			}
			if errors.Is(err, ErrExists) != tc.wantExist {
				t.Fatalf("errors.Is(err, ErrExists) = %v", errors.Is(err, ErrExists))
			}
			got, _ := os.ReadFile(path)
			if string(got) != tc.want {
				t.Fatalf("file holds %q, want %q", got, tc.want)
			}
			if st, _ := os.Stat(path); tc.existing == "" && st.Mode().Perm()&0o600 != 0o600 {
				t.Errorf("mode %v: the owner cannot read and write it", st.Mode().Perm())
			}
			assertOnlyFile(t, dir, "out.txt")
		})
	}
}

func TestWriteFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, path, want string }{
		{"missing directory", filepath.Join(dir, "nowhere", "out.txt"), "does not exist"},
		{"target is a directory", filepath.Join(dir, "sub"), "is a directory"},
		{"parent is a file", filepath.Join(dir, "sub", "f", "out.txt"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "parent is a file" {
				if err := os.WriteFile(filepath.Join(dir, "sub", "f"), nil, 0o644); err != nil {
					t.Fatal(err)
				}
				tc.want = "not a directory"
			}
			err := Write(tc.path, []byte("x"), Options{Overwrite: true})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Write(%s) = %v, want %q", tc.path, err, tc.want)
			}
		})
	}
	if os.Geteuid() != 0 { // root writes anywhere
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		if err := Write(filepath.Join(ro, "out.txt"), []byte("x"), Options{}); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Fatalf("read-only directory: %v", err)
		}
		assertOnlyFile(t, ro)
	}
}

func assertOnlyFile(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Fatalf("%s holds %v, want %v (a temporary file left behind?)", dir, got, names)
	}
}

// TestProtectedFilesAreNeverWritten: an input file is refused under any
// name that reaches it, with or without overwrite.
func TestProtectedFilesAreNeverWritten(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(in, []byte("employees: 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.yaml")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{in, link, hard, filepath.Join(dir, ".", "answers.yaml")} {
		err := Write(name, []byte("report"), Options{Overwrite: true, Protect: []string{in}})
		if !errors.Is(err, ErrProtected) {
			t.Errorf("%s: %v, want it refused as an input", name, err)
		}
	}
	if got, _ := os.ReadFile(in); string(got) != "employees: 5\n" {
		t.Fatalf("the input now holds %q", got)
	}
}

// TestLongNames: a name of 255 bytes, the most a file system allows, is
// written: the temporary name does not grow with it.
func TestLongNames(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, strings.Repeat("n", 251)+".txt")
	if err := Write(name, []byte("x"), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("y"), Options{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	assertOnlyFile(t, dir, filepath.Base(name))
}

// TestSymlinkKeepsTheLink: replacing through a symbolic link replaces the
// file it points to and keeps the link.
func TestSymlinkKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new"), Options{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the linked file holds %q", got)
	}
	if err := os.Remove(real); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("x"), Options{Overwrite: true}); !errors.Is(err, ErrNotRegular) {
		t.Errorf("dangling link: %v", err)
	}
}

// TestAbortRemovesTemporaryFiles: a write interrupted by Abort (as on a
// signal) leaves nothing behind, and later writes are refused.
func TestAbortRemovesTemporaryFiles(t *testing.T) {
	defer func() {
		registry.Lock()
		registry.aborted = false
		registry.Unlock()
		Delay = 0
	}()
	dir := t.TempDir()
	Delay = 300 * time.Millisecond
	done := make(chan error, 1)
	go func() { done <- Write(filepath.Join(dir, "out.txt"), []byte("x"), Options{}) }()
	// Wait until the temporary file is there, then abort.
	for deadline := time.Now().Add(5 * time.Second); ; {
		entries, _ := os.ReadDir(dir)
		if len(entries) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no temporary file appeared")
		}
		time.Sleep(5 * time.Millisecond)
	}
	Abort()
	if err := <-done; err == nil {
		t.Fatal("the aborted write succeeded")
	}
	assertOnlyFile(t, dir)
	if err := Write(filepath.Join(dir, "later.txt"), []byte("x"), Options{}); !errors.Is(err, ErrAborted) {
		t.Fatalf("write after Abort: %v", err)
	}
	assertOnlyFile(t, dir)
}
