package advisor_test

import (
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// TestNotAnAnswersFile: a file none of whose keys is a question (a roles
// file, some configuration) is one problem that says so, not a line per
// key and per missing answer; a file with answers, or near misses of
// questions, still gets every problem.
func TestNotAnAnswersFile(t *testing.T) {
	d := builtin(t)
	roles := builtinSource(t, "roles.yaml")
	for _, tc := range []struct {
		name string
		o    advisor.ReadOptions
		want string
	}{
		{"recommend", advisor.ReadOptions{}, "roles.yaml: not an answers file: none of its keys is a question (employees, departments, locations, ...); give an answers file (coo-advisor questions --template writes one to fill in)"},
		{"a session resuming", advisor.ReadOptions{Partial: true}, "roles.yaml: not an answers file: none of its keys is a question (employees, departments, locations, ...); give an answers file"},
		{"a team", advisor.ReadOptions{Team: true}, "roles.yaml: not an answers file: none of its keys is a question (employees, departments, locations, ...); give each person's answers"},
	} {
		_, err := d.ReadAnswersWith("roles.yaml", []byte(roles), tc.o)
		ie := inputError(t, err)
		if len(ie.Problems) != 1 || ie.More != 0 || !strings.HasPrefix(ie.Error(), tc.want) {
			t.Errorf("%s: %d problems:\n%s\nwant one: %s", tc.name, len(ie.Problems)+ie.More, ie, tc.want)
		}
	}
	for _, tc := range []struct{ name, text, want string }{
		{"one answer among strangers", "employees: 40\nbudget: 3\n", "budget: unknown question"},
		{"near misses of questions", "employes: 40\ngrowht: rapid\n", "did you mean employees?"},
		{"the engagement alone", "engagement:\n  client: Acme\n", "employees: missing answer"},
	} {
		_, err := d.ReadAnswers("p.yaml", []byte(tc.text), false)
		if err == nil || strings.Contains(err.Error(), "not an answers file") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	// An empty mapping is an answers file with nothing answered yet.
	if f, err := d.ReadAnswers("empty.yaml", []byte("{}\n"), true); err != nil || len(f.Missing) == 0 {
		t.Errorf("{} read as a partial file: %v", err)
	}
}
