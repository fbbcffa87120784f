package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/data"
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

// anchorsFile writes an answers file with n problems of n different
// kinds (each anchor has its own name), so that none is grouped.
func anchorsFile(t *testing.T, path, prefix string, n int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: &%s%d 1\n", i, prefix, i)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTeamCountsEveryProblem: the problems of bad answers files are
// counted, all of them: thirty are listed, shared between the files so
// that each is named, and the rest counted. It said nothing of the rest
// of one file's problems, and "and 30 more" of 10,000 in two.
func TestTeamCountsEveryProblem(t *testing.T) {
	bin, err := exec.LookPath("coo-advisor")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	anchorsFile(t, a, "a", 5000)
	anchorsFile(t, b, "b", 5000)
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("employees: 140\ndepartments: 6\nlocations: 4\nregulation: moderate\ngrowth: rapid\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		files  []string
		listed map[string]int // lines per file
		more   string
	}{
		{"one bad file", []string{good, a}, map[string]int{"a.yaml": 30}, "... and 4,970 more problems; fix these first"},
		{"two bad files", []string{a, good, b}, map[string]int{"a.yaml": 15, "b.yaml": 15}, "... and 9,970 more problems; fix these first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, append([]string{"team"}, tt.files...)...)
			out, _ := cmd.CombinedOutput()
			if code := cmd.ProcessState.ExitCode(); code != 2 {
				t.Fatalf("exit %d, want 2:\n%s", code, out)
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			got := map[string]int{}
			for _, l := range lines[:len(lines)-1] {
				got[filepath.Base(strings.SplitN(l, ":", 2)[0])]++
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.listed) {
				t.Errorf("lines per file %v, want %v:\n%s", got, tt.listed, out)
			}
			if last := lines[len(lines)-1]; last != tt.more {
				t.Errorf("last line %q, want %q", last, tt.more)
			}
		})
	}
}

// TestTeamStopsAtLargeBadFiles: files far larger than a person's answers
// are refused before they are read when they hold more than a team
// reads in all, and the reading stops after the first large bad one,
// saying how many files it left.
func TestTeamStopsAtLargeBadFiles(t *testing.T) {
	bin, err := exec.LookPath("coo-advisor")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// A 300 KB file that parses to 300,000 values, then fails.
	dense := "pain_points: [" + strings.Repeat("a,", 150000) + "\n}]\n"
	var files []string
	for i := range 20 {
		f := filepath.Join(dir, fmt.Sprintf("p%02d.yaml", i))
		if err := os.WriteFile(f, []byte(dense), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	cmd := exec.Command(bin, append([]string{"team"}, files...)...)
	out, _ := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(string(out), "the answers files hold 5.7 MiB in all, more than the 4 MiB one team report reads") || !strings.Contains(string(out), "p00.yaml (292 KiB)") {
		t.Errorf("twenty large files: exit %d:\n%s", code, out)
	}
	cmd = exec.Command(bin, append([]string{"team"}, files[:5]...)...)
	out, _ = cmd.CombinedOutput()
	got := string(out)
	if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(got, "p00.yaml:1: malformed YAML") ||
		!strings.Contains(got, "\n4 more answers files were not read after these problems; fix them first") || strings.Contains(got, "p01.yaml") {
		t.Errorf("five large bad files: exit %d:\n%s\nwant the first one read, and the others counted", code, out)
	}
}

// TestTeamReadsAbstentions: a team reads abstain (and, with
// --allow-blank, a blank or missing answer without a default) as the
// person's abstention, and each person's role: the team's report weighs
// both once advisor.Respondent carries them (issue 18's core).
func TestTeamReadsAbstentions(t *testing.T) {
	defs, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	ana := write("ana.yaml", "engagement: {respondent: Ana, role: CEO}\nemployees: 140\ndepartments: 6\nlocations: 4\nregulation: moderate\ngrowth: rapid\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: []\n")
	cy := write("cy.yaml", "engagement: {respondent: Cy}\nemployees: 150\ndepartments: 6\nlocations: 4\nregulation: abstain\ngrowth: abstain\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: abstain\nrevenue: abstain\n")
	dee := write("dee.yaml", "employees: 150\ndepartments: 6\nlocations:\nregulation: moderate\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: []\n")
	_, a := newRootCmd(strings.NewReader(""), io.Discard, io.Discard, nil)
	tm, err := a.readTeam(defs, []string{ana, cy, dee}, teamReading{allowBlank: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name, role string
		abstain    []string
	}{
		{"Ana", "CEO", nil},
		{"Cy", "", []string{"regulation", "growth", "pain_points", "revenue"}},
		{"dee", "", []string{"locations", "growth"}},
	}
	for i, m := range tm.people {
		w := want[i]
		if m.Name != w.name || m.Role != w.role || !slices.Equal(m.Abstain, w.abstain) {
			t.Errorf("person %d: %s (%s) abstains on %v, want %s (%s) on %v", i+1, m.Name, m.Role, m.Abstain, w.name, w.role, w.abstain)
		}
		for _, id := range m.Abstain {
			if _, ok := m.Answers[id]; ok {
				t.Errorf("%s abstains on %s, but answers it", m.Name, id)
			}
		}
	}
	// Without --allow-blank, abstain still reads, and a blank answer is
	// refused with the way out.
	if _, err := a.readTeam(defs, []string{ana, cy}, teamReading{}); err != nil {
		t.Errorf("abstain without --allow-blank: %v", err)
	}
	_, err = a.readTeam(defs, []string{ana, dee}, teamReading{})
	if err == nil || !strings.Contains(err.Error(), "dee.yaml:3: locations: no answer given; expected a whole number from 1 to 10,000, or write abstain, or give --allow-blank") {
		t.Errorf("a blank answer without --allow-blank: %v", err)
	}
}
