package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileNamesAreShownEscaped: a file's name is the user's text, and
// every line that names one shows it escaped, never raw: the note after a
// write, validate's lines, and plain mode's last line.
func TestFileNamesAreShownEscaped(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	hostile := "\x1b]0;PWN\a\x1b[2J"
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	roles, err := os.ReadFile(filepath.Join("..", "..", "data", "roles.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	answers, err := os.ReadFile(filepath.Join(examples, "scale-up.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{hostile + "roles.yaml": roles, hostile + "answers.yaml": answers} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"recommend -o", []string{"recommend", filepath.Join(examples, "scale-up.yaml"), "-o", hostile + "a.txt"}, "Wrote "},
		{"validate", []string{"validate", "--roles", hostile + "roles.yaml", "--answers", hostile + "answers.yaml"}, "ok: "},
		{"plain -o", []string{"--plain", "--answers", hostile + "answers.yaml", "-o", hostile + "b.txt"}, "written to "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, tc.args...)
			cmd.Dir = dir
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v: %v\n%s", tc.args, err, out.String())
			}
			if bytes.ContainsAny(out.Bytes(), "\x1b\a") {
				t.Errorf("%v wrote a raw control character:\n%q", tc.args, out.String())
			}
			if !strings.Contains(out.String(), tc.want) || !strings.Contains(out.String(), `\x1b]0;PWN`) {
				t.Errorf("%v does not name the file escaped:\n%s", tc.args, out.String())
			}
		})
	}
}
