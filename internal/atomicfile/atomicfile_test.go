package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
			err := Write(path, []byte("report"), tc.overwrite)
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
			if st, _ := os.Stat(path); tc.existing == "" && st.Mode().Perm() != 0o644 {
				t.Errorf("mode %v, want 0644", st.Mode().Perm())
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
			err := Write(tc.path, []byte("x"), true)
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
		if err := Write(filepath.Join(ro, "out.txt"), []byte("x"), false); err == nil || !strings.Contains(err.Error(), "permission denied") {
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
