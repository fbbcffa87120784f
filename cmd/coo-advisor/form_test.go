package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestFormWarnsOfALargePage: a custom questions file whose page is over
// 150 KB, too large to email to each person, gets a warning; the page
// is still written.
func TestFormWarnsOfALargePage(t *testing.T) {
	questions, err := os.ReadFile(filepath.Join("testdata", "form", "questions3.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// The first question, again and again under other ids, each with a
	// long help text.
	text := string(questions)
	start := strings.Index(text, "  - id: employees\n")
	end := start + 1 + strings.Index(text[start+1:], "\n  - id: ")
	block := strings.Replace(text[start:end+1], "    prompt: How many people work here?\n",
		"    prompt: How many people work here?\n    help: "+strings.Repeat("Count everyone who works like staff. ", 50)+"\n", 1)
	var more strings.Builder
	for i := range 60 {
		more.WriteString(strings.Replace(block, "  - id: employees\n", "  - id: employees"+strconv.Itoa(i)+"\n", 1))
	}
	big := []byte(text[:end+1] + more.String() + text[end+1:])
	dir := t.TempDir()
	qfile, page := filepath.Join(dir, "questions.yaml"), filepath.Join(dir, "big.html")
	if err := os.WriteFile(qfile, big, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		questions string
		warn      bool
	}{{filepath.Join("testdata", "form", "questions3.yaml"), false}, {qfile, true}} {
		cmd := exec.Command("coo-advisor", "form", "--force", "--roles", filepath.Join("testdata", "form", "roles3.yaml"), "--questions", c.questions, "-o", page)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("coo-advisor form: %v\n%s", err, stderr.String())
		}
		warned := strings.Contains(stderr.String(), "warning: the page is ")
		if warned != c.warn || (c.warn && !strings.Contains(stderr.String(), "over the 150 KiB a page emailed to each person should stay under")) {
			t.Errorf("--questions %s: warned %v, want %v:\n%s", c.questions, warned, c.warn, stderr.String())
		}
		if _, err := os.Stat(page); err != nil {
			t.Errorf("no page written: %v", err)
		}
	}
}
