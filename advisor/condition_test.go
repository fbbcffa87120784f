package advisor_test

import (
	"fmt"
	"slices"
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
	// A cheaper step first is said of a COO only where the call is not
	// clear or the company small for one (under 150 people), and names a
	// fractional COO only while one is an option.
	r := newRand(31)
	seen := map[string]bool{}
	for range 3000 {
		res := recommend(t, d, randomAnswers(d, r))
		if res.Recommended != "coo" {
			continue
		}
		n := notes(res)
		word := d.ResultConfidence(res)
		doubt := word == d.Scoring.Confidence[0].Word || word == d.Scoring.Confidence[1].Word || res.Answers["employees"].Int < 150
		often := doubt && !res.IsRuledOut("fractional-coo")
		sometimes := doubt && res.IsRuledOut("fractional-coo") && !slices.Contains(res.Answers["leadership"].Multi, "coo")
		if strings.Contains(n, "or a fractional COO for a few days a month") != often || strings.Contains(n, "Cheaper steps sometimes come first") != sometimes {
			t.Fatalf("a %s COO call for %d people, fractional ruled out %v: the notes are\n%s", word, res.Answers["employees"].Int, res.IsRuledOut("fractional-coo"), n)
		}
		seen[fmt.Sprint(often, sometimes)] = true
	}
	if len(seen) < 3 {
		t.Errorf("the random answers show too few cases: %v", seen)
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

// TestBriefDefinitionsAreChecked: what a roles file says for the brief
// (conditions on numbers and on the confidence, hand-offs, covers, the
// markets and their cost bands) is checked at load, each problem with
// the file, the line and the key.
func TestBriefDefinitionsAreChecked(t *testing.T) {
	roles := builtinSource(t, "roles.yaml")
	questions := builtinSource(t, "questions.yaml")
	tests := []struct {
		name, old, new, key, msg string
	}{
		{
			"a number compared with when", "          below: {employees: 50}\n", "          when: {employees: 50}\n",
			"revisit_when[4].when.employees", "employees is a number question; compare it with at_least or below",
		},
		{
			"a choice compared as a number", "          below: {employees: 50}\n", "          below: {growth: 50}\n",
			"revisit_when[4].below.growth", "growth is not a number question",
		},
		{
			"a number that is none", "          below: {employees: 50}\n", "          below: {employees: many}\n",
			"revisit_when[4].below.employees", "expected a whole number",
		},
		{
			"a confidence of 0", "        confidence_below: 0.35\n", "        confidence_below: 0\n",
			"before_hiring[0].confidence_below", "0 never holds",
		},
		{
			"an unknown value in a list", "              unless: {operating_model: [multi-unit, client-projects]}\n", "              unless: {operating_model: [multi-unit, agency]}\n",
			"unless.operating_model", `"agency" is not a value of operating_model`,
		},
		{
			"an unknown hand-off role", "        - owner_of: coo\n          to: the COO in post", "        - owner_of: ceo\n          to: the COO in post",
			"hand_off[0].owner_of", `unknown role "ceo"`,
		},
		{
			"an unknown hand-off pain", "        - pains: [performance-monitoring]\n", "        - pains: [performance]\n",
			"hand_off[2].pains", `unknown responsibility "performance"`,
		},
		{
			"an unknown cover", "        - strategy-alignment\n        - overall-management\n", "        - strategy\n        - overall-management\n",
			"brief.covers", `unknown responsibility "strategy"`,
		},
		{
			"a market's unknown role", "      - role: no-new-leader\n        what: an analyst or a coordinator, if needed\n        bands:\n          - {yearly: [50000, 90000]}",
			"      - role: nobody\n        what: an analyst or a coordinator, if needed\n        bands:\n          - {yearly: [50000, 90000]}",
			"costs[3].role", `unknown role "nobody"`,
		},
		{
			"bands out of order", "          - {up_to: 499, salary: [220000, 350000], bonus: [20, 40]}\n", "          - {up_to: 50, salary: [220000, 350000], bonus: [20, 40]}\n",
			"bands[1].up_to", "is not above the previous band's 99",
		},
		{
			"a last band with an end", "          - {salary: [400000, 600000], bonus: [40, 75]}\n", "          - {up_to: 9000, salary: [400000, 600000], bonus: [40, 75]}\n",
			"bands[3]", "the last band covers every larger company",
		},
		{
			"a range upside down", "          - {up_to: 99, salary: [150000, 250000], bonus: [15, 30]}\n", "          - {up_to: 99, salary: [250000, 150000], bonus: [15, 30]}\n",
			"bands[0].salary", "the low amount 250,000 is above the high 150,000",
		},
		{
			"days without a day rate", "        day_rate: [1500, 3000]\n", "",
			"bands[0]", "days needs the role's day_rate",
		},
		{
			"a market by a choice", "    by: employees\n    search_fee: 0.33\n    note: >-\n      Check a current local survey or a search firm before setting a\n      budget; benefits", "    by: growth\n    search_fee: 0.33\n    note: >-\n      Check a current local survey or a search firm before setting a\n      budget; benefits",
			"markets[us].by", "growth is not a number question",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(roles, tt.old) {
				t.Fatalf("the built-in roles no longer hold %q", tt.old)
			}
			edited := strings.Replace(roles, tt.old, tt.new, 1)
			_, err := advisor.Load(advisor.Source{Name: "my-roles.yaml", Data: []byte(edited)}, advisor.Source{Name: "questions.yaml", Data: []byte(questions), BuiltIn: true})
			ie := inputError(t, err)
			for _, p := range ie.Problems {
				if p.File == "my-roles.yaml" && strings.HasSuffix(p.Key, tt.key) && strings.Contains(p.Msg, tt.msg) && p.Line > 0 {
					return
				}
			}
			t.Errorf("want my-roles.yaml: ...%s: %s; got\n%v", tt.key, tt.msg, err)
		})
	}
}
