package advisor_test

import (
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// TestConditionsAreChecked: a condition in a user's roles file that names
// an unknown question, a number question, a value the question does not
// have or an unknown role is refused with the file, the line and the key.
func TestConditionsAreChecked(t *testing.T) {
	roles := builtinSource(t, "roles.yaml")
	questions := builtinSource(t, "questions.yaml")
	const anchor = "        unless_ruled_out: [fractional-coo]\n"
	if !strings.Contains(roles, anchor) {
		t.Fatal("the built-in roles no longer have the condition this test edits")
	}
	tests := []struct {
		name, repl, key, msg string
	}{
		{"unknown question", "        when: {leadrship: coo}\n", "before_hiring[1].when.leadrship", `unknown question "leadrship"`},
		{"number question", "        when: {employees: 40}\n", "before_hiring[1].when.employees", "employees is a number question"},
		{"unknown value", "        unless: {leadership: ceo}\n", "before_hiring[1].unless.leadership", `"ceo" is not a value of leadership; expected one of coo, operations-director, operations-managers`},
		{"unknown role", "        unless_ruled_out: [fractional]\n", "before_hiring[1].unless_ruled_out", `unknown role "fractional"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := strings.Replace(roles, anchor, tt.repl, 1)
			_, err := advisor.Load(advisor.Source{Name: "my-roles.yaml", Data: []byte(edited)}, advisor.Source{Name: "questions.yaml", Data: []byte(questions), BuiltIn: true})
			ie := inputError(t, err)
			line := strings.Count(edited[:strings.Index(edited, tt.repl)], "\n") + 1
			for _, p := range ie.Problems {
				if p.File == "my-roles.yaml" && strings.HasSuffix(p.Key, tt.key) && strings.Contains(p.Msg, tt.msg) {
					if p.Line != line {
						t.Errorf("line %d for %v, want %d", p.Line, p, line)
					}
					return
				}
			}
			t.Errorf("want my-roles.yaml: ...%s: %s; got\n%v", tt.key, tt.msg, err)
		})
	}
}

// TestConditionsShapeTheBrief: the notes and the reporting line follow
// the answers. A COO hire suggests a fractional COO as a cheaper step
// only while one is an option; an Operations Director reports to the COO
// where there is one, and the COO then keeps the decisions.
func TestConditionsShapeTheBrief(t *testing.T) {
	d := builtin(t)
	notes := func(r *advisor.Result) string {
		var b strings.Builder
		for _, n := range r.RoleNotes() {
			b.WriteString(n.Text + "\n")
		}
		return b.String()
	}
	big := recommend(t, d, parse(t, d, string(example(t, "scale-up.yaml"))))
	if big.Recommended != "coo" || !big.IsRuledOut("fractional-coo") {
		t.Fatalf("scale-up: %s, fractional ruled out %v; the test needs a COO with the fractional COO ruled out", big.Recommended, big.IsRuledOut("fractional-coo"))
	}
	if n := notes(big); strings.Contains(n, "fractional COO") || !strings.Contains(n, "Cheaper steps sometimes come first") {
		t.Errorf("with the fractional COO ruled out, the notes are:\n%s", n)
	}
	mid := recommend(t, d, parse(t, d, "employees: 120\ndepartments: 9\nlocations: 2\nregulation: light\ngrowth: rapid\nexpansion: [new-markets]\n"+
		"ceo_ops_time: high\nleadership: []\npain_points: [strategy-alignment, overall-management]\n"))
	if mid.Recommended != "coo" || mid.IsRuledOut("fractional-coo") {
		t.Fatalf("a 120-person company: %s; the test needs a COO with the fractional COO open", mid.Recommended)
	}
	if n := notes(mid); !strings.Contains(n, "or a fractional COO for a few days a month") || strings.Contains(n, "Cheaper steps sometimes") {
		t.Errorf("with the fractional COO open, the notes are:\n%s", n)
	}

	withCOO := recommend(t, d, parse(t, d, string(example(t, "has-coo.yaml"))))
	b := d.Brief(withCOO, testReport)
	if b.Role == nil || b.Role.CEOTitle != "The COO keeps" || !strings.HasPrefix(b.Role.ReportingLine, "Reports to the COO.") {
		t.Errorf("with a COO in place: %q, %q", b.Role.CEOTitle, b.Role.ReportingLine)
	}
	without := recommend(t, d, parse(t, d, string(example(t, "logistics.yaml"))))
	b = d.Brief(without, testReport)
	if b.Role == nil || b.Role.CEOTitle != "The CEO keeps" || !strings.HasPrefix(b.Role.ReportingLine, "Reports to the CEO.") {
		t.Errorf("without a COO: %q, %q", b.Role.CEOTitle, b.Role.ReportingLine)
	}
	for _, x := range []string{b.Role.ReportingLine, strings.Join(b.Role.CEOKeeps, " "), strings.Join(b.Role.NextSteps, " ")} {
		if strings.Contains(x, "where there is one") {
			t.Errorf("the brief hedges on what the answers say: %q", x)
		}
	}
}

// TestPercentRanges: the bounds of a percentage range are checked.
func TestPercentRanges(t *testing.T) {
	questions := builtinSource(t, "questions.yaml")
	roles := builtinSource(t, "roles.yaml")
	for _, tt := range []struct{ old, new, msg string }{
		{"percent: {over: 10, upto: 30}", "percent: {from: 10, over: 10, upto: 30}", "give from or over, not both"},
		{"percent: {over: 10, upto: 30}", "percent: {over: 30, upto: 10}", "holds no percentage"},
		{"percent: {over: 10, upto: 30}", "percent: {over: 10, below: 30, upto: 30}", "give below or upto, not both"},
		{"percent: {over: 10, upto: 30}", "percent: {from: 10, upto: 30}", `overlaps the range of "stable"`},
		{"percent: {over: 10, upto: 30}", "percent: {}", "give a lower bound"},
	} {
		edited := strings.Replace(questions, tt.old, tt.new, 1)
		_, err := advisor.Load(advisor.Source{Name: "roles.yaml", Data: []byte(roles), BuiltIn: true}, advisor.Source{Name: "my-questions.yaml", Data: []byte(edited)})
		if err == nil || !strings.Contains(err.Error(), "my-questions.yaml:") || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: %v, want %q", tt.new, err, tt.msg)
		}
	}
}
