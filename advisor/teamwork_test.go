package advisor_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// fourAgainstOne is a team of five whose four members each reach a COO
// on their own answers, each for a reason of their own (the departments,
// the headcount, the CEO's week, growth and acquisitions), and one a
// Director, on four Director pains: merged, the members' reasons
// thin out and the one member's pains weigh, and the merged answers
// alone give a Director.
func fourAgainstOne(t testing.TB, d *advisor.Definitions) []advisor.Respondent {
	b := `employees: 120
departments: 5
locations: 2
regulation: moderate
growth: moderate
expansion: []
ceo_ops_time: low
leadership: [operations-managers]
pain_points: [strategy-alignment, performance-monitoring]
revenue: up-to-100m
`
	ps := []advisor.Respondent{
		person(t, d, "Ana", b, "departments: 12", "ceo_ops_time: high"),
		person(t, d, "Ben", b, "employees: 600", "ceo_ops_time: high"),
		person(t, d, "Cy", b, "ceo_ops_time: high", "growth: rapid"),
		person(t, d, "Dee", b, "growth: rapid", "expansion: [acquisitions, international]"),
		person(t, d, "Eve", b, "pain_points: [process-optimization, quality-assurance, team-leadership, operational-efficiency]"),
	}
	for i, r := range []string{"CEO", "CFO", "Head of Sales", "Board member", "VP Operations"} {
		ps[i].Role = r
	}
	return ps
}

// TestTeamHeadlineFollowsTheMajority: four of five reach a COO on their
// own answers and the merged answers give a Director; the headline says
// a COO, the team line says the merged answers differ and names the
// crux, and settling it is the agenda's first item. In every format.
func TestTeamHeadlineFollowsTheMajority(t *testing.T) {
	d := builtin(t)
	tr := teamOf(t, d, advisor.TeamOptions{}, fourAgainstOne(t, d)...)
	if tr.Majority != "coo" || tr.Result.Recommended != "coo" {
		t.Fatalf("four of five reach a COO; the team's advice is %s (majority %q)", tr.Result.Recommended, tr.Majority)
	}
	if tr.Overruled != "operations-director" || len(tr.Crux) == 0 {
		t.Fatalf("the merged answers give %q, crux %v; the test needs them to differ", tr.Overruled, tr.Crux)
	}
	if len(tr.Agenda) == 0 || tr.Agenda[0].Kind != advisor.AgendaCrux {
		t.Fatalf("the agenda does not open with the crux: %+v", tr.Agenda)
	}
	q, _ := d.Question(tr.Crux[0])
	tb := d.TeamBrief(tr)
	for _, want := range []string{"Four of five members reach a Chief Operating Officer", "would give an Operations Director instead", q.Subject()} {
		if !strings.Contains(tb.Conclusion, want) {
			t.Errorf("the team's conclusion does not say %q:\n%s", want, tb.Conclusion)
		}
	}
	for _, f := range allFormats {
		out := report(t, d, tr, f)
		if f == advisor.FormatJSON {
			var j struct {
				Recommended string `json:"recommended"`
				Team        struct {
					Majority, Overruled string
					Crux                []string
					Outcomes            map[string]int
					Agenda              []struct{ Kind string }
				} `json:"team"`
			}
			if err := json.Unmarshal([]byte(out), &j); err != nil {
				t.Fatal(err)
			}
			if j.Recommended != "coo" || j.Team.Majority != "coo" || j.Team.Overruled != "operations-director" || j.Team.Outcomes["coo"] != 4 || j.Team.Agenda[0].Kind != "crux" {
				t.Errorf("JSON: %+v", j)
			}
			continue
		}
		head := out[:strings.Index(out, "The team")+400]
		if !strings.Contains(head, "Hire a Chief Operating Officer") || strings.Contains(head, "Hire an Operations Director") {
			t.Errorf("%s: the headline does not follow the four of five:\n%s", f, head)
		}
	}
	// Without the overruling, the same members' own conclusions stand.
	for _, m := range tr.Members[:4] {
		if m.Result.Recommended != "coo" {
			t.Errorf("%s reaches %s on their own answers", m.Name, m.Result.Recommended)
		}
	}
}

// report renders a team's brief in one format.
func report(t testing.TB, d *advisor.Definitions, tr *advisor.TeamResult, f advisor.Format) string {
	t.Helper()
	out, err := d.Report(tr.Result, f, advisor.ReportOptions{Team: tr, Engagement: advisor.Engagement{Client: "Acme", Date: "2026-11-26"}})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestTeamOfFifty: 50 people, CEO time 19 low, 15 medium and 16 high:
// the median is medium (31 of 50 said medium or high), not the most
// common "low"; four pains each named by a few still weigh; the spread
// is in the brief; and the grid gives each question's distribution, not
// 50 columns.
func TestTeamOfFifty(t *testing.T) {
	d := builtin(t)
	var people []advisor.Respondent
	for i := range 50 {
		ceo := "low"
		switch {
		case i >= 34:
			ceo = "high"
		case i >= 19:
			ceo = "medium"
		}
		pain := []string{"strategy-alignment", "overall-management", "resource-allocation", "performance-monitoring", "quality-assurance"}[i%5]
		people = append(people, person(t, d, fmt.Sprintf("Member %02d", i), logisticsBase, "ceo_ops_time: "+ceo, "pain_points: ["+pain+"]"))
	}
	tr := teamOf(t, d, advisor.TeamOptions{}, people...)
	if got := tr.Consensus["ceo_ops_time"].Choice; got != "medium" {
		t.Errorf("CEO time: %q, want the median, medium", got)
	}
	pains := tr.Consensus["pain_points"]
	if len(pains.Multi) != 5 || pains.Share["strategy-alignment"] != 20 {
		t.Errorf("pain points %v: want each of the five at a fifth", pains)
	}
	tb := d.TeamBrief(tr)
	if p := strings.Join(tb.Perceptions, "\n"); !strings.Contains(p, "CEO time on operations: “Low (under 25%)” 19, “Medium (25-50%)” 15, “High (over 50%)” 16") {
		t.Errorf("the spread of CEO time is not shown:\n%s", p)
	}
	if tb.Grid == nil || len(tb.Grid.Head) != 2 {
		t.Fatalf("50 people: the grid has %v columns, want the question and its answers", tb.Grid)
	}
	total := 0
	for _, n := range tr.Outcomes {
		total += n
	}
	if total != 50 {
		t.Errorf("outcomes count %d people", total)
	}
}

// harbour is the README's example team: Employees 150, 180 and 210, the
// CEO alone saying an Operations Director is in post, and rating their
// own time unlike everyone else.
func harbour(t testing.TB, d *advisor.Definitions) []advisor.Respondent {
	b := logisticsBase
	ps := []advisor.Respondent{
		person(t, d, "Ana", b, "employees: 150", "ceo_ops_time: low", "leadership: [operations-director]"),
		person(t, d, "Ben", b, "employees: 180"),
		person(t, d, "Cy", b, "employees: 210", "growth: rapid"),
	}
	ps[0].Role, ps[1].Role, ps[2].Role = "CEO", "CFO", "VP Operations"
	return ps
}

// TestTeamFactsInEveryFormat: a fact the team gives differently is a
// range with who said what, in every format; the CEO's view of their own
// time unlike everyone else's is called out, by role, and under
// anonymity as "one member".
func TestTeamFactsInEveryFormat(t *testing.T) {
	d := builtin(t)
	tr := teamOf(t, d, advisor.TeamOptions{}, harbour(t, d)...)
	for _, f := range allFormats {
		out := report(t, d, tr, f)
		for _, want := range []string{"Employees: 150–210", "CEO 150", "CFO 180", "VP Operations 210", "The CEO answers CEO time on operations"} {
			if !strings.Contains(out, want) && !strings.Contains(out, strings.ReplaceAll(want, "–", `\u2013`)) {
				t.Errorf("%s: no %q", f, want)
			}
		}
	}
	var leads *advisor.FactView
	for i := range tr.Facts {
		if tr.Facts[i].Question == "leadership" {
			leads = &tr.Facts[i]
		}
	}
	if leads == nil || leads.Agree || !strings.Contains(strings.Join(leads.Who, " "), "an Operations Director: only the CEO") {
		t.Errorf("who leads operations today: %+v", leads)
	}
	anon := teamOf(t, d, advisor.TeamOptions{Anonymous: true}, harbour(t, d)...)
	if len(anon.SelfGaps) != 1 || !strings.HasPrefix(anon.SelfGaps[0].Text, "One member answers") {
		t.Errorf("anonymous self-gap: %+v", anon.SelfGaps)
	}
	for _, f := range allFormats {
		if out := report(t, d, anon, f); strings.Contains(out, "CEO 150") || strings.Contains(out, "The CEO answers") {
			t.Errorf("%s: an anonymous brief says who said what", f)
		}
	}
}

// TestTeamAgendaOrder: at most five items, in the order the issue gives:
// the crux, answers that would flip the advice, factual contradictions,
// self-versus-others gaps, camp splits; each with a question to open it;
// and one line per person on why they land where they do.
func TestTeamAgendaOrder(t *testing.T) {
	d := builtin(t)
	rank := map[string]int{advisor.AgendaCrux: 0, advisor.AgendaFlip: 1, advisor.AgendaFact: 2, advisor.AgendaSelf: 3, advisor.AgendaCamp: 4}
	for name, people := range map[string][]advisor.Respondent{"four against one": fourAgainstOne(t, d), "harbour": harbour(t, d)} {
		tr := teamOf(t, d, advisor.TeamOptions{}, people...)
		if len(tr.Agenda) == 0 || len(tr.Agenda) > 5 {
			t.Fatalf("%s: %d agenda items", name, len(tr.Agenda))
		}
		kinds := []string{}
		for i, it := range tr.Agenda {
			kinds = append(kinds, it.Kind)
			if it.Open == "" || !strings.HasSuffix(it.Open, "?") {
				t.Errorf("%s: item %d has no question to open it: %+v", name, i+1, it)
			}
			if i > 0 && rank[it.Kind] < rank[tr.Agenda[i-1].Kind] {
				t.Errorf("%s: agenda out of order: %v", name, kinds)
			}
		}
		tb := d.TeamBrief(tr)
		if len(tb.Landings) != len(people) {
			t.Errorf("%s: %d lines on why people land where they do, want %d", name, len(tb.Landings), len(people))
		}
	}
	tr := teamOf(t, d, advisor.TeamOptions{}, harbour(t, d)...)
	var kinds []string
	for _, it := range tr.Agenda {
		kinds = append(kinds, it.Kind)
	}
	if !slices.Contains(kinds, advisor.AgendaFact) || !slices.Contains(kinds, advisor.AgendaSelf) {
		t.Errorf("harbour: the agenda %v lacks the contradiction on who leads operations or the CEO's own time", kinds)
	}
	// Why each lands: a member whose answers rule out the team's advice
	// says the rule.
	small := fourAgainstOne(t, d)
	small[4] = person(t, d, "Eve", logisticsBase, "employees: 45")
	small[4].Role = "Head of Sales"
	small[2].Role = "VP Operations"
	tr = teamOf(t, d, advisor.TeamOptions{}, small...)
	eve := tr.Members[4]
	if eve.Result.Recommended == tr.Result.Recommended {
		t.Fatalf("Eve, at 45 people, lands where the team does (%s): the test needs her elsewhere", eve.Result.Recommended)
	}
	if !strings.Contains(eve.Why, "ruled out below 50 people") {
		t.Errorf("Eve answered 45 people; why she lands elsewhere: %q", eve.Why)
	}
}

// TestTeamAbstention: a member who leaves a question to the others is
// left out of that question only: the team's number is the others'
// middle, the grid shows a dash, and the member still has advice.
func TestTeamAbstention(t *testing.T) {
	d := builtin(t)
	people := harbour(t, d)
	people[2].Abstain = []string{"employees"}
	delete(people[2].Answers, "employees")
	tr := teamOf(t, d, advisor.TeamOptions{}, people...)
	if got := tr.Consensus["employees"].Int; got != 165 {
		t.Errorf("employees %d, want 165, the middle of the two who answered", got)
	}
	if tr.Members[2].Result == nil || tr.Members[2].Result.Recommended == "" {
		t.Error("the member who abstained has no advice")
	}
	tb := d.TeamBrief(tr)
	if tb.Grid == nil || tb.Grid.Rows[0].Cells[2] != "–" {
		t.Errorf("the grid does not show the abstention: %+v", tb.Grid)
	}
	if !strings.Contains(strings.Join(tb.View, " "), "Left to the others: VP Operations (employees).") {
		t.Errorf("the brief does not say who abstained: %q", tb.View)
	}
	// The fact names those who answered, not the one who abstained.
	for _, f := range tr.Facts {
		if f.Question == "employees" && !slices.Equal(f.Who, []string{"CEO 150", "CFO 180"}) {
			t.Errorf("who said what on employees: %q, want the CEO's and the CFO's answers only", f.Who)
		}
	}
}

// TestTeamGridInEveryFormat: every person's answer to every question is
// in every format (a table in HTML and Markdown, a line per question in
// text), and every disagreement is in every export: none cut to "and N
// smaller differences".
func TestTeamGridInEveryFormat(t *testing.T) {
	d := builtin(t)
	tr := teamOf(t, d, advisor.TeamOptions{}, fourAgainstOne(t, d)...)
	tb := d.TeamBrief(tr)
	if len(tb.Disagreements) < 8 {
		t.Fatalf("%d disagreements: the test needs more than a screenful", len(tb.Disagreements))
	}
	for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatHTML} {
		out := report(t, d, tr, f)
		if strings.Contains(out, "smaller differences") {
			t.Errorf("%s: disagreements cut", f)
		}
		for _, x := range tr.Disagreements {
			q, _ := d.Question(x.Question)
			if !strings.Contains(out, q.Title+": "+x.Summary[:min(len(x.Summary), 20)]) && !strings.Contains(out, q.Title+": "+strings.ToLower(x.Summary[:1])+x.Summary[1:min(len(x.Summary), 20)]) {
				t.Errorf("%s: the disagreement %q is missing", f, x.Summary)
			}
		}
		switch f {
		case advisor.FormatHTML:
			if !strings.Contains(out, "<th scope=\"col\">Board member</th>") && !strings.Contains(out, ">Board member</th>") {
				t.Errorf("HTML: no grid column for the Board member")
			}
		case advisor.FormatMarkdown:
			if !strings.Contains(out, "| Question | CEO | CFO | Head of Sales | Board member | VP Operations |") {
				t.Errorf("Markdown: no grid table")
			}
		case advisor.FormatText:
			if !strings.Contains(out, "- Departments: CEO: 12 · CFO: 5 ·") {
				t.Errorf("text: no grid line for departments")
			}
		}
	}
}

// TestTeamSplitOpensTheAgenda: a team split two against two, with no
// clear majority, has the questions that divide the two camps as the
// agenda's first point.
func TestTeamSplitOpensTheAgenda(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	od := []string{"pain_points: [process-optimization, quality-assurance]", "ceo_ops_time: low"}
	co := []string{"pain_points: [performance-monitoring, strategy-alignment, overall-management, resource-allocation]", "growth: rapid", "expansion: [acquisitions, international]", "departments: 12", "employees: 600"}
	tr := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b, od...), person(t, d, "Ben", b, od...),
		person(t, d, "Cy", b, co...), person(t, d, "Dee", b, co...),
		person(t, d, "Eve", b, "employees: 12", "departments: 2", "locations: 1", "pain_points: []"),
	)
	if tr.Majority != "" || len(tr.Split) != 2 {
		t.Fatalf("majority %q, split %v: the test needs a team split two against two", tr.Majority, tr.Split)
	}
	if len(tr.Agenda) == 0 || tr.Agenda[0].Kind != advisor.AgendaCrux || !strings.HasPrefix(tr.Agenda[0].Title, "Settle what divides the team: ") || len(tr.Crux) == 0 {
		t.Errorf("the agenda does not open with what divides the camps: %+v (crux %v)", tr.Agenda, tr.Crux)
	}
	// The confidence is the merged answers' margin, and says the members
	// split, whatever the margin.
	if out := report(t, d, tr, advisor.FormatText); !strings.Contains(out, "the members themselves split") {
		t.Error("a split team's confidence does not say the members split")
	}
}

// TestTwoOfThreeIsAMajority: two thirds is two of three, four of six and
// six of nine, as the README says; 33 of 50 is not.
func TestTwoOfThreeIsAMajority(t *testing.T) {
	d := builtin(t)
	for _, c := range []struct{ of, n int }{{3, 2}, {6, 4}, {9, 6}, {50, 34}} {
		if float64(c.n) < d.Scoring.Team.Majority*float64(c.of)-1e-9 {
			t.Errorf("%d of %d is not a majority with majority %v", c.n, c.of, d.Scoring.Team.Majority)
		}
	}
	if 33 >= d.Scoring.Team.Majority*50-1e-9 {
		t.Errorf("33 of 50 counts as two thirds")
	}
	// And a team of three, two of whom reach a COO on their own answers.
	three := append(fourAgainstOne(t, d)[:2], fourAgainstOne(t, d)[4])
	tr := teamOf(t, d, advisor.TeamOptions{}, three...)
	if tr.Outcomes[0] != 2 {
		t.Fatalf("outcomes %v: the test needs two of three at a COO", tr.Outcomes)
	}
	if tr.Majority != "coo" {
		t.Errorf("two of three reach a COO; majority %q", tr.Majority)
	}
}

// TestOneMembersFactsAreOnePoint: a member who alone differs from
// everyone else on several facts is one point on the agenda ("are we
// describing the same company?"), not one point each crowding out the
// rest; under anonymity no point ties one person's answers together.
func TestOneMembersFactsAreOnePoint(t *testing.T) {
	d := builtin(t)
	b := logisticsBase + "site_model: owned\n"
	people := []advisor.Respondent{
		person(t, d, "Ana", b), person(t, d, "Ben", b), person(t, d, "Cy", b),
		person(t, d, "Dee", b, "employees: 120", "site_model: mixed", "revenue: up-to-20m"),
	}
	people[3].Role = "CFO"
	tr := teamOf(t, d, advisor.TeamOptions{}, people...)
	var facts []advisor.AgendaItem
	for _, it := range tr.Agenda {
		if it.Kind == advisor.AgendaFact {
			facts = append(facts, it)
		}
	}
	if len(facts) != 1 || !strings.Contains(facts[0].Title, "The CFO's answers differ from everyone else's on annual revenue and who runs the sites") || !strings.Contains(facts[0].Open, "same company") {
		t.Errorf("the CFO's three facts: %+v", facts)
	}
	anon := teamOf(t, d, advisor.TeamOptions{Anonymous: true}, people...)
	for _, it := range anon.Agenda {
		if strings.Contains(it.Title, "answers differ from everyone else's") {
			t.Errorf("an anonymous agenda ties one person's answers together: %q", it.Title)
		}
	}
}

// TestTeamBriefSparesTheLeadersInTheRoom: a step that speaks of a leader
// in post as a candidate ("solo: true") is in one person's brief, not in
// a team's, which that leader reads.
func TestTeamBriefSparesTheLeadersInTheRoom(t *testing.T) {
	d := builtin(t)
	b := strings.Replace(logisticsBase, "leadership: [operations-managers]", "leadership: [operations-director]", 1) +
		"employees: 400\n"
	b = strings.Replace(b, "employees: 140\n", "", 1)
	one := person(t, d, "Ana", b, "pain_points: [strategy-alignment, overall-management, resource-allocation]", "departments: 12", "growth: rapid", "expansion: [acquisitions]")
	res, err := d.Recommend(one.Answers)
	if err != nil {
		t.Fatal(err)
	}
	const step = "their candidacy, before anyone else hears of the search"
	solo, err := d.Report(res, advisor.FormatText, advisor.ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(solo), step) {
		t.Fatalf("one person's brief (%s) has no step on the candidacy in post: pick other answers", res.Recommended)
	}
	two := one
	two.Name, two.File = "Ben", "ben.yaml"
	tr := teamOf(t, d, advisor.TeamOptions{}, one, two)
	if out := report(t, d, tr, advisor.FormatText); strings.Contains(out, step) {
		t.Error("a team's brief speaks of the candidacy of the Operations Director in post")
	}
}
