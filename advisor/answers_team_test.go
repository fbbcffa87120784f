package advisor_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// teamRead reads text as one member of a team's answers, as o says.
func teamRead(t *testing.T, d *advisor.Definitions, text string, o advisor.ReadOptions) (*advisor.AnswersFile, string) {
	t.Helper()
	f, err := d.ReadAnswersWith("p.yaml", []byte(text), o)
	if err != nil {
		return nil, err.Error()
	}
	return f, ""
}

// TestAbstain: in a team, "abstain" leaves any question unanswered
// (listed in Abstain, in question order, and not in Answers); with
// AllowBlank so does a blank or a missing answer that has no default.
// Anywhere else abstain is refused, and the reading stays strict.
func TestAbstain(t *testing.T) {
	d := builtin(t)
	team := advisor.ReadOptions{Team: true}
	blank := advisor.ReadOptions{Team: true, AllowBlank: true}
	// Every kind: a number, a choice, a list, and a question with a default.
	text := edit(t, edit(t, edit(t, validAnswers, "pain_points", "pain_points: abstain"), "employees", "employees: Abstain"), "growth", `growth: "abstain"`) + "revenue: abstain\n"
	f, msg := teamRead(t, d, text, team)
	if msg != "" {
		t.Fatal(msg)
	}
	if want := []string{"employees", "growth", "pain_points", "revenue"}; !slices.Equal(f.Abstain, want) {
		t.Errorf("abstained on %v, want %v", f.Abstain, want)
	}
	for _, id := range f.Abstain {
		if _, ok := f.Answers[id]; ok {
			t.Errorf("%s: abstained, but answered %+v", id, f.Answers[id])
		}
	}
	if _, ok := f.Answers["departments"]; !ok || len(f.Answers) != 6 {
		t.Errorf("the other answers are not all read: %v", f.Answers)
	}

	tests := []struct {
		name string
		text string
		o    advisor.ReadOptions
		want string   // a problem, or "" for none
		abst []string // abstained, when read
	}{
		{
			"outside a team abstain is refused", edit(t, validAnswers, "growth", "growth: abstain"),
			advisor.ReadOptions{},
			"p.yaml:5: growth: abstain is for a team's answers (coo-advisor team); answer the question, or leave it out if it has a default", nil,
		},
		{
			"a session resuming refuses it too", edit(t, validAnswers, "growth", "growth: abstain"),
			advisor.ReadOptions{Partial: true},
			"p.yaml:5: growth: abstain is for a team's answers", nil,
		},
		{
			"a missing answer blocks a team without --allow-blank", edit(t, validAnswers, "growth", ""), team,
			"p.yaml: growth: missing answer; expected one of declining, stable, moderate, rapid, or write abstain, or give --allow-blank", nil,
		},
		{
			"a blank answer blocks a team without --allow-blank", edit(t, validAnswers, "growth", "growth:"), team,
			"p.yaml:5: growth: no answer given; expected one of declining, stable, moderate, rapid, or write abstain, or give --allow-blank", nil,
		},
		{
			"outside a team the message is as it was", edit(t, validAnswers, "growth", ""),
			advisor.ReadOptions{},
			"p.yaml: growth: missing answer; expected one of declining, stable, moderate, rapid", nil,
		},
		{"with --allow-blank a missing answer abstains", edit(t, validAnswers, "growth", ""), blank, "", []string{"growth"}},
		{"with --allow-blank a blank or null answer abstains", edit(t, edit(t, validAnswers, "growth", "growth:"), "leadership", "leadership: null"), blank, "", []string{"growth", "leadership"}},
		{"a blank answer with a default takes it", validAnswers + "revenue:\n", blank, "", nil},
		{
			"a wrong value is still refused in a team", edit(t, validAnswers, "growth", "growth: abstained"), blank,
			`p.yaml:5: growth: "abstained" is not an allowed value`, nil,
		},
		{
			"abstain inside a list is a wrong value", edit(t, validAnswers, "leadership", "leadership: [abstain]"), team,
			`p.yaml:8: leadership: "abstain" is not an allowed value`, nil,
		},
		{
			"abstaining twice is answering twice", validAnswers + "growth: abstain\n", team,
			"p.yaml:10: growth: answered twice (first on line 5); keep one", nil,
		},
		{"an unknown question is still refused", validAnswers + "budget: abstain\n", team, "p.yaml:10: budget: unknown question", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, msg := teamRead(t, d, tt.text, tt.o)
			switch {
			case tt.want == "" && msg != "":
				t.Fatalf("refused: %s", msg)
			case tt.want != "" && !strings.Contains(msg, tt.want):
				t.Fatalf("got %q, want %q", msg, tt.want)
			case tt.want == "" && !slices.Equal(f.Abstain, tt.abst):
				t.Errorf("abstained on %v, want %v", f.Abstain, tt.abst)
			}
		})
	}
}
