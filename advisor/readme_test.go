package advisor_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestREADMESampleBriefIsCurrent: the sample brief in the README is the
// beginning of the golden brief, so it shows what the program writes.
func TestREADMESampleBriefIsCurrent(t *testing.T) {
	m := regexp.MustCompile("(?s)<!-- sample-brief: (\\S+) -->\n```\n(.*?)\n```").FindStringSubmatch(readme(t))
	if m == nil {
		t.Fatal("the README has no sample brief")
	}
	golden, err := os.ReadFile(filepath.Join("..", m[1]))
	if err != nil {
		t.Fatal(err)
	}
	if len(m[2]) < 500 || !strings.HasPrefix(string(golden), m[2]+"\n") {
		t.Errorf("the README's sample is not the beginning of %s; copy it again", m[1])
	}
	// It ends at the end of an item, not in the middle of a sentence.
	if last := m[2][strings.LastIndexByte(m[2], '\n')+1:]; !strings.HasSuffix(last, ".") && !strings.HasSuffix(last, ":") {
		t.Errorf("the README's sample stops mid-sentence: %q", last)
	}
}

// TestREADMEDocumentsTheJSONReport: every field of the JSON report, nested
// ones included, is named in the README's section on it.
func TestREADMEDocumentsTheJSONReport(t *testing.T) {
	text := readme(t)
	start := strings.Index(text, "### The JSON report")
	if start < 0 {
		t.Fatal("the README has no section on the JSON report")
	}
	section := text[start:]
	if end := strings.Index(section[1:], "\n#"); end > 0 {
		section = section[:end+1]
	}
	d := builtin(t)
	// A report with every optional part: a client, a ruled-out role, a plan.
	res := recommend(t, d, parse(t, d, "employees: 10000\ndepartments: 20\nlocations: 40\nregulation: heavy\ngrowth: rapid\nexpansion: [acquisitions]\nceo_ops_time: medium\nleadership: []\npain_points: [strategy-alignment, quality-assurance, process-optimization]\n"))
	if len(res.AlsoPlan) == 0 || len(res.RuledOut) == 0 {
		t.Fatal("the sample answers no longer give a plan and a ruled-out role; pick others")
	}
	out, err := d.Report(res, advisor.FormatJSON, advisor.ReportOptions{Engagement: advisor.Engagement{Client: "A", PreparedBy: "B", Date: "2026-11-26", Respondent: "C", Role: "D"}})
	if err != nil {
		t.Fatal(err)
	}
	// And a team's report, with its own fields.
	b := logisticsBase
	people := []advisor.Respondent{person(t, d, "Ana", b, "growth: declining", "ceo_ops_time: low"), person(t, d, "Ben", b, "employees: 40", "growth: rapid"), person(t, d, "Cy", b), person(t, d, "Dee", b, "growth: rapid")}
	people[0].Role = "CEO"
	tr := teamOf(t, d, advisor.TeamOptions{}, people...)
	if len(tr.Ties) == 0 || len(tr.SelfGaps) == 0 || len(tr.Facts) == 0 || len(tr.Agenda) == 0 {
		t.Fatal("the sample team has no tie, self-gap, fact or agenda; pick other answers")
	}
	teamOut, err := d.Report(tr.Result, advisor.FormatJSON, advisor.ReportOptions{Team: tr})
	if err != nil {
		t.Fatal(err)
	}
	var v, tv any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(teamOut, &tv); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	// Maps keyed by role or question ids are data, not fields.
	data := map[string]bool{"scores": true, "shares": true, "points": true, "counted": true, "answers": true, "mean_scores": true, "outcomes": true}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				keys[k] = true
				if !data[k] {
					walk(x)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	walk(tv)
	var missing []string
	for k := range keys {
		if !regexp.MustCompile("[`{ ,]" + regexp.QuoteMeta(k) + "[`}, ]").MatchString(section) {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("the README's JSON section does not name %s", strings.Join(missing, ", "))
	}
}

// TestREADMETeamSampleIsCurrent: the team excerpt in the README (the
// team's view and the agenda) is what coo-advisor team writes for
// examples/team.
func TestREADMETeamSampleIsCurrent(t *testing.T) {
	m := regexp.MustCompile("(?s)five people at Harbour Logistics:\n\n```\n(.*?)\n```").FindStringSubmatch(readme(t))
	if m == nil {
		t.Fatal("the README has no team sample")
	}
	d := builtin(t)
	var people []advisor.Respondent
	for _, n := range []string{"ana", "ben", "cy", "dee", "eve"} {
		path := filepath.Join("..", "examples", "team", n+".yaml")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := d.ReadAnswers(path, b, false)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, advisor.Respondent{Name: f.Engagement.Respondent, Role: f.Engagement.Role, File: path, Answers: f.Answers})
	}
	tr, err := d.Team(people, advisor.TeamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.Report(tr.Result, advisor.FormatText, advisor.ReportOptions{Team: tr, Engagement: advisor.Engagement{Client: "Harbour Logistics", Date: "2026-11-26"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(m[1]) < 500 || !strings.Contains(m[1], "The agenda") || !strings.Contains(string(out), m[1]+"\n") {
		t.Errorf("the README's team sample is not what the team brief says; copy it again")
	}
}

// TestREADMENamesTheTemplatesCommands: the commands the answers template
// tells its reader to run are the README's too.
func TestREADMENamesTheTemplatesCommands(t *testing.T) {
	text := readme(t)
	n := 0
	for _, l := range strings.Split(builtin(t).Template(), "\n") {
		if cmd, ok := strings.CutPrefix(l, "#   coo-advisor "); ok {
			n++
			if !strings.Contains(text, "coo-advisor "+strings.TrimSuffix(cmd, " ...")) {
				t.Errorf("the template says %q; the README does not", "coo-advisor "+cmd)
			}
		}
	}
	if n < 2 {
		t.Errorf("the template names %d commands; want the single and the team ones", n)
	}
}
