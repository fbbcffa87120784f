package advisor_test

import (
	"strings"
	"testing"
)

// TestEveryWrongValueOfAListIsReported: a list with several wrong values
// reports all of them, as every problem is, not the first alone: two are
// both listed, three or more are the first with a count and their lines
// ("and 2 more like it"), and a typo keeps a line of its own for its
// "did you mean".
func TestEveryWrongValueOfAListIsReported(t *testing.T) {
	d := builtin(t)
	for _, tc := range []struct {
		name, list string
		want       []string
	}{
		{"three on one line", "pain_points: [x1, x2, x3]", []string{
			`a.yaml:9: pain_points: "x1" is not an allowed value;`, "(and 2 more like it, on the same line)",
		}},
		{"two", "pain_points: [x1, x2]", []string{
			`a.yaml:9: pain_points: "x1" is not an allowed value;`, `a.yaml:9: pain_points: "x2" is not an allowed value;`,
		}},
		{"one per line", "pain_points:\n  - x1\n  - quality-assurance\n  - x2\n  - x3", []string{
			`a.yaml:10: pain_points: "x1" is not an allowed value;`, "(and 2 more like it, on lines 12 and 13)",
		}},
		{"written as text", "pain_points: x1, x2, quality-assurance", []string{
			`a.yaml:9: pain_points: "x1" is not an allowed value;`, `a.yaml:9: pain_points: "x2" is not an allowed value;`,
		}},
		{"a typo among them", "pain_points: [x1, quality-assurence, x2, x3]", []string{
			`pain_points: "quality-assurence" is not an allowed value (did you mean quality-assurance?)`,
			`pain_points: "x1" is not an allowed value;`, "(and 2 more like it, on the same line)",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := d.ReadAnswers("a.yaml", []byte(edit(t, validAnswers, "pain_points", tc.list)), false)
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the error does not say %q:\n%s", w, err)
				}
			}
		})
	}
}
