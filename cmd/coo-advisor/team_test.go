package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTeamOfTwoHundred: a team of 200 files works, each person counted,
// and a team over the limit is refused with the limit.
func TestTeamOfTwoHundred(t *testing.T) {
	bin, err := exec.LookPath("coo-advisor") // the test binary, set up by TestMain
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	growth := []string{"declining", "stable", "moderate", "rapid"}
	var files []string
	for i := range 200 {
		f := filepath.Join(dir, fmt.Sprintf("p%03d.yaml", i))
		text := fmt.Sprintf("employees: %d\ndepartments: 6\nlocations: 4\nregulation: moderate\ngrowth: %s\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: [quality-assurance]\n", 100+i, growth[i%4])
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	out, err := exec.Command(bin, append([]string{"team", "--format", "json"}, files...)...).Output()
	if err != nil {
		t.Fatalf("team of 200: %v", err)
	}
	var j struct {
		Team struct {
			Size int `json:"size"`
		} `json:"team"`
		Respondents []struct{ Name string } `json:"respondents"`
	}
	if err := json.Unmarshal(out, &j); err != nil {
		t.Fatal(err)
	}
	if j.Team.Size != 200 || len(j.Respondents) != 200 || j.Respondents[199].Name != "p199" {
		t.Errorf("team of 200: size %d, %d respondents", j.Team.Size, len(j.Respondents))
	}
	many := make([]string, 501)
	for i := range many {
		many[i] = files[i%200]
	}
	cmd := exec.Command(bin, append([]string{"team"}, many...)...)
	b, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(string(b), "501 answers files is more than the 500 one team report weighs") {
		t.Errorf("501 files: exit %d, %s (%v)", code, b, err)
	}
}

// TestTeamNamesFromFileNamesAreEscaped: a person named after their file
// cannot put escape codes into the brief.
func TestTeamNamesFromFileNamesAreEscaped(t *testing.T) {
	bin, err := exec.LookPath("coo-advisor")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	text := "employees: 140\ndepartments: 6\nlocations: 4\nregulation: moderate\ngrowth: rapid\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: []\n"
	evil := filepath.Join(dir, "\x1b[31mevil\a\n.yaml")
	plain := filepath.Join(dir, "plain.yaml")
	for _, f := range []string{evil, plain} {
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"text", "markdown", "html", "json"} {
		out, err := exec.Command(bin, "team", evil, plain, "--format", format).Output()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if strings.ContainsAny(string(out), "\x1b\a") {
			t.Errorf("%s: a control character from a file name reached the brief", format)
		}
		if format == "text" && !strings.Contains(string(out), `\x1b[31mevil\a\n`) {
			t.Errorf("text: the name is not shown escaped:\n%s", out)
		}
	}
}
