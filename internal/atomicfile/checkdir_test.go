package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// TestCheckDir: a directory that can be written passes and is left as it
// was; a missing one, a file and a directory the user may not write to
// are refused, naming the directory.
func TestCheckDir(t *testing.T) {
	dir := t.TempDir()
	if err := CheckDir(dir); err != nil {
		t.Fatalf("a writable directory: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("CheckDir left %v behind", entries)
	}
	file := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{filepath.Join(dir, "missing"), file} {
		if err := CheckDir(bad); err == nil || !strings.Contains(err.Error(), "cannot create a file in the directory "+bad+": ") {
			t.Errorf("%s: err = %v", bad, err)
		}
	}
	if runtime.GOOS == "windows" {
		return
	}
	// A directory the user may not write to. Permissions do not bind
	// root, for whom /sys, where nobody creates files, stands in.
	locked := filepath.Join(dir, "locked")
	if os.Geteuid() == 0 {
		locked = "/sys"
		if _, err := os.Stat(locked); err != nil {
			testskip.Skip(t, "root, and no /sys to stand in for a read-only directory", "test")
		}
	} else {
		if err := os.Mkdir(locked, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(locked, 0o700) })
	}
	err := CheckDir(locked)
	if !errors.Is(err, fs.ErrPermission) || err.Error() != "the directory "+locked+" cannot be written to (permission denied); choose a directory you can write to" {
		t.Errorf("a directory that cannot be written: %v", err)
	}
}
