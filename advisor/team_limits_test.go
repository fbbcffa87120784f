package advisor_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// worstRoles is a roles file at the loader's limit: MaxRoles roles, each
// with a title of the longest length allowed, which every "the advice
// would be ..." repeats.
func worstRoles() string {
	var b strings.Builder
	b.WriteString("roles:\n")
	for i := range advisor.MaxRoles {
		title := fmt.Sprintf("Role %d ", i) + strings.Repeat("x", 200)
		fmt.Fprintf(&b, "  - {id: r%d, title: %s, summary: S, responsibilities: [{id: x%d, name: N, description: D}], fits_when: [F], works_with: W}\n", i, title[:200], i)
	}
	return b.String()
}

// worstQuestions is a questionnaire the loader accepts, as large as its
// limits and the 1 MiB file limit allow: questions questions of options
// answers each (MaxAnswers in all), of the given kind ("unless": a list
// whose every value cancels the next one's points), with the scoring
// set to list and search as much as it may.
func worstQuestions(questions, options int, kind string) string {
	var b strings.Builder
	b.WriteString("scoring:\n  reasons: 100\n  changes: {toggles: 5, option_steps: 100, max_listed: 100, grow: 1000, shrink: 0.0001}\n")
	b.WriteString("  team: {spread: 1, camp_share: 0.01, max_listed: 1000}\nfactors:\n  - {id: f, title: F}\nquestions:\n")
	for q := range questions {
		k := kind
		if kind == "unless" {
			k = "multi-choice"
		}
		fmt.Fprintf(&b, "  - id: q%d\n    factor: f\n    title: Q%d\n    prompt: P\n    why: W\n    kind: %s\n    options:\n", q, q, k)
		for o := range options {
			fmt.Fprintf(&b, "    - {value: v%d, label: L%d, weights: {r%d: %d}", o, o%100, (o*7+q)%advisor.MaxRoles, 1+o%5)
			if kind == "unless" {
				fmt.Fprintf(&b, ", unless: [v%d]", (o+1)%options)
			}
			b.WriteString("}\n")
		}
	}
	return b.String()
}

// worstTeam loads the worst definitions of a shape and reads 50 people's
// answers files, each with a name of the longest length allowed, as the
// team command does.
func worstTeam(t testing.TB, questions, options int, kind string) (*advisor.Definitions, []advisor.Respondent) {
	t.Helper()
	rs, qs := worstRoles(), worstQuestions(questions, options, kind)
	if len(qs) > advisor.MaxFileSize {
		t.Fatalf("the questions file is %d bytes, over the file limit: the shape is not one the loader accepts", len(qs))
	}
	d := mustLoad(t, rs, qs)
	r := rand.New(rand.NewPCG(15, 8))
	people := make([]advisor.Respondent, 50)
	for i := range people {
		name := fmt.Sprintf("Person %d ", i) + strings.Repeat("n", 200)
		text := fmt.Sprintf("engagement: {respondent: %q}\n", name[:200]) + answersYAML(d, randomAnswers(d, r))
		f, err := d.ReadAnswers(fmt.Sprintf("p%d.yaml", i), []byte(text), false)
		if err != nil {
			t.Fatal(err)
		}
		people[i] = advisor.Respondent{Name: f.Engagement.Respondent, File: fmt.Sprintf("p%d.yaml", i), Answers: f.Answers}
	}
	return d, people
}

// worstShapes are the largest definitions for each way a team's result
// grows: thousands of list values, each one a disagreement to weigh;
// values that cancel each other; and as many questions as allowed, each
// one a scale the team spreads over.
var worstShapes = []struct {
	name               string
	questions, options int
	kind               string
}{
	{"four lists of 5,000 values", 4, 5000, "multi-choice"},
	{"three lists of 5,000 values that cancel each other", 3, 5000, "unless"},
	{"200 choices of 100 options", 200, 100, "choice"},
}

// TestTeamOnTheWorstDefinitions: 50 people with the largest definitions
// the loader accepts get a team's result and reports of a sensible size,
// within a bounded memory: each person is scored without the change
// search nobody reads, the disagreements are weighed without scoring the
// whole questionnaire again for each, and a report lists at most a
// hundred of them (counting the rest). It was 3.2 GB of allocations and
// a 214 MB JSON report. The time is BenchmarkTeam50WorstDefinitions's.
func TestTeamOnTheWorstDefinitions(t *testing.T) {
	if testing.Short() {
		t.Skip("builds definitions of a megabyte")
	}
	for _, shape := range worstShapes {
		t.Run(shape.name, func(t *testing.T) {
			d, people := worstTeam(t, shape.questions, shape.options, shape.kind)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			tr, err := d.Team(people, advisor.TeamOptions{})
			if err != nil {
				t.Fatal(err)
			}
			o := testReport
			o.Team = tr
			reports := map[advisor.Format][]byte{}
			for _, f := range allFormats {
				if reports[f], err = d.Report(tr.Result, f, o); err != nil {
					t.Fatal(err)
				}
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			const mb = 1 << 20
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 300*mb {
				t.Errorf("the team and its reports allocated %d MB; the budget of the whole run is 500 MB", alloc/mb)
			}
			if live := int64(after.HeapAlloc) - int64(before.HeapAlloc); live > 100*mb {
				t.Errorf("the team's result and its reports hold %d MB", live/mb)
			}
			if len(tr.Disagreements) > 100 {
				t.Errorf("%d disagreements kept; at most 100 are", len(tr.Disagreements))
			}
			if tr.MoreDisagreements == 0 && shape.kind != "choice" {
				t.Errorf("no disagreement counted past the hundred kept: the shape does not reach the limit")
			}
			for f, b := range reports {
				if len(b) > 4*mb {
					t.Errorf("the %s report is %d KB", f, len(b)>>10)
				}
			}
			if want := fmt.Sprintf(`"more_disagreements": %d`, tr.MoreDisagreements); !strings.Contains(string(reports[advisor.FormatJSON]), want) {
				t.Errorf("the JSON report does not count the disagreements left out (%s)", want)
			}
			t.Logf("allocated %d MB, holding %d MB; %d disagreements and %d more; JSON %d KB, text %d KB",
				(after.TotalAlloc-before.TotalAlloc)/mb, (int64(after.HeapAlloc)-int64(before.HeapAlloc))/mb,
				len(tr.Disagreements), tr.MoreDisagreements, len(reports[advisor.FormatJSON])>>10, len(reports[advisor.FormatText])>>10)
		})
	}
}

// BenchmarkTeam50WorstDefinitions is TestTeamOnTheWorstDefinitions's team
// and JSON report, timed: the budget is about 5 s for the whole command.
func BenchmarkTeam50WorstDefinitions(b *testing.B) {
	for _, shape := range worstShapes {
		b.Run(shape.name, func(b *testing.B) {
			d, people := worstTeam(b, shape.questions, shape.options, shape.kind)
			b.ReportAllocs()
			for b.Loop() {
				tr, err := d.Team(people, advisor.TeamOptions{})
				if err != nil {
					b.Fatal(err)
				}
				o := testReport
				o.Team = tr
				if _, err := d.Report(tr.Result, advisor.FormatJSON, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
