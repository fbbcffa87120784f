package advisor_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// person is one respondent: the base answers with some lines replaced.
func person(t testing.TB, d *advisor.Definitions, name, base string, lines ...string) advisor.Respondent {
	t.Helper()
	text := base
	for _, l := range lines {
		id, _, _ := strings.Cut(l, ":")
		text = edit(t, text, id, l)
	}
	return advisor.Respondent{Name: name, File: strings.ToLower(name) + ".yaml", Answers: parse(t, d, text)}
}

// team builds the team's result, failing the test on an error.
func teamOf(t testing.TB, d *advisor.Definitions, o advisor.TeamOptions, people ...advisor.Respondent) *advisor.TeamResult {
	t.Helper()
	tr, err := d.Team(people, o)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// logisticsBase is a complete answers file to vary, person by person.
const logisticsBase = `employees: 140
departments: 6
locations: 4
regulation: moderate
growth: moderate
expansion: [new-markets]
ceo_ops_time: high
leadership: [operations-managers]
pain_points: [performance-monitoring]
revenue: up-to-100m
`

func disagreement(tr *advisor.TeamResult, question, value string) *advisor.Disagreement {
	for i := range tr.Disagreements {
		if x := &tr.Disagreements[i]; x.Question == question && x.Value == value {
			return x
		}
	}
	return nil
}

// TestTeamConsensus: numbers take the median (halfway between the two
// middle answers for an even team, named when they fall in different
// bands), choices
// the most common option (a tie named, and settled by the option nearest
// the middle of all the answers), lists the values at least half chose.
func TestTeamConsensus(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	tr := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b, "employees: 40", "growth: stable", "pain_points: [quality-assurance, process-optimization]"),
		person(t, d, "Ben", b, "employees: 140", "growth: moderate", "pain_points: [quality-assurance]"),
		person(t, d, "Cy", b, "employees: 160", "growth: moderate", "pain_points: [process-optimization, strategy-alignment]"),
		person(t, d, "Dee", b, "employees: 500", "growth: rapid", "pain_points: [strategy-alignment]"),
		person(t, d, "Eve", b, "employees: 145", "growth: rapid", "pain_points: []"),
	)
	c := tr.Consensus
	if c["employees"].Int != 145 {
		t.Errorf("employees = %d, want the median 145", c["employees"].Int)
	}
	// moderate 2, rapid 2, stable 1: a tie, settled by the middle answer.
	if c["growth"].Choice != "moderate" {
		t.Errorf("growth = %q, want moderate (nearest the middle of stable, moderate, moderate, rapid, rapid)", c["growth"].Choice)
	}
	if len(tr.Ties) != 1 || tr.Ties[0].Question != "growth" || tr.Ties[0].Each != 2 || len(tr.Ties[0].Options) != 2 {
		t.Errorf("ties %+v, want growth with two options at 2 each", tr.Ties)
	}
	// 2 of 5 each: none reaches half.
	if got := c["pain_points"].Multi; len(got) != 0 {
		t.Errorf("pain points %v, want none (each was chosen by 2 of 5)", got)
	}
	res, _ := d.Recommend(c)
	if tr.Result.Recommended != res.Recommended || tr.Result.Confidence != res.Confidence {
		t.Error("the team's result is not the recommendation for its answers")
	}

	// An even team: the lower of the two middle numbers, a tie named when
	// they fall in different bands; a list value chosen by exactly half is
	// the team's.
	even := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b, "employees: 40", "pain_points: [quality-assurance]"),
		person(t, d, "Ben", b, "employees: 45", "pain_points: [quality-assurance]"),
		person(t, d, "Cy", b, "employees: 200", "pain_points: []"),
		person(t, d, "Dee", b, "employees: 300", "pain_points: []"),
	)
	if even.Consensus["employees"].Int != 122 {
		t.Errorf("even team: employees = %d, want 122, halfway between the middle answers 45 and 200", even.Consensus["employees"].Int)
	}
	if len(even.Ties) != 1 || even.Ties[0].Question != "employees" || !strings.Contains(strings.Join(even.Ties[0].Options, " "), "150") {
		t.Errorf("even team: ties %+v, want employees between two bands", even.Ties)
	}
	if got := even.Consensus["pain_points"].Multi; !slices.Equal(got, []string{"quality-assurance"}) {
		t.Errorf("even team: pain points %v, want quality-assurance (2 of 4 is half)", got)
	}
}

// TestTeamDisagreements: answers two or more options apart are a
// disagreement, a split into two camps is flagged even though the middle
// agrees, list values some chose are counted ("2 of 4"), and each says
// whether agreeing with one side would change the advice, naming them.
func TestTeamDisagreements(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	tr := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b, "growth: declining"),
		person(t, d, "Ben", b, "growth: declining", "locations: 3"),
		person(t, d, "Cy", b, "growth: rapid", "locations: 3"),
		person(t, d, "Dee", b, "growth: rapid", "pain_points: [performance-monitoring, quality-assurance]"),
	)
	g := disagreement(tr, "growth", "")
	if g == nil || !g.Split || g.Spread != 3 {
		t.Fatalf("growth 1/1/4/4: %+v, want a split with a spread of 3", g)
	}
	if g.Summary != "two camps: “Declining (shrinking)” (2) against “Rapid (over 30% a year)” (2)" {
		t.Errorf("split summary %q", g.Summary)
	}
	if disagreement(tr, "locations", "") != nil {
		t.Error("answers in the same band are no disagreement")
	}
	q := disagreement(tr, "pain_points", "quality-assurance")
	if q == nil || q.Spread != 1 || q.Of != 4 || !strings.HasPrefix(q.Summary, "1 of 4 says quality is inconsistent") {
		t.Fatalf("a pain one of four chose: %+v", q)
	}
	if got := fmt.Sprint(q.Values); got != "[false false false true]" {
		t.Errorf("who chose it: %s", got)
	}

	// Spread out without camps: 1, 3, 3, 4 on the growth scale.
	spread := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b, "growth: declining"),
		person(t, d, "Ben", b, "growth: moderate"),
		person(t, d, "Cy", b, "growth: moderate"),
		person(t, d, "Dee", b, "growth: rapid"),
	)
	if g := disagreement(spread, "growth", ""); g == nil || g.Split || g.Spread != 3 || !strings.HasPrefix(g.Summary, "answers run from “Declining") {
		t.Errorf("growth 1/3/3/4: %+v, want a spread, not a split", g)
	}

	// One answer that decides: the CFO alone sees a company of 20 people,
	// which rules a full-time COO out; agreeing with them changes the
	// advice, and the text names them.
	big := `employees: 600
departments: 12
locations: 8
regulation: heavy
growth: rapid
expansion: [new-markets, acquisitions]
ceo_ops_time: high
leadership: [operations-managers]
pain_points: [strategy-alignment, overall-management]
`
	decide := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", big), person(t, d, "Ben (CFO)", big, "employees: 25"), person(t, d, "Cy", big),
	)
	if decide.Result.Recommended != "coo" {
		t.Fatalf("the team's answers give %s; pick others", decide.Result.Recommended)
	}
	e := disagreement(decide, "employees", "")
	if e == nil || !e.ChangesAdvice || len(e.Changes) != 1 || !strings.Contains(e.Changes[0], "If the team agreed with Ben (CFO) on employees") {
		t.Fatalf("employees: %+v", e)
	}
	if decide.Disagreements[0].Question != "employees" {
		t.Errorf("the disagreement that changes the advice is not first: %+v", decide.Disagreements[0])
	}
	// Neighbouring answers that change nothing are not listed.
	near := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", big, "regulation: moderate"), person(t, d, "Ben", big), person(t, d, "Cy", big),
	)
	if disagreement(near, "regulation", "") != nil {
		t.Error("a one-step difference that changes nothing is listed")
	}
}

// TestTeamMeanAndConsensusCanDisagree: the average of everyone's own
// scores is shown beside the team's answers, and the brief says plainly
// when the two put different roles first.
func TestTeamMeanAndConsensusCanDisagree(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	// Two people with strong Director pains, three whose answers lean COO
	// a little: the median answers lean COO, the mean leans Director.
	od := []string{"pain_points: [process-optimization, quality-assurance, operational-efficiency, team-leadership, continuous-improvement]", "growth: stable", "expansion: []"}
	co := "pain_points: [performance-monitoring, strategy-alignment, overall-management]"
	tr := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b, od...), person(t, d, "Ben", b, od...),
		person(t, d, "Cy", b, co), person(t, d, "Dee", b, co), person(t, d, "Eve", b, co),
	)
	if tr.Result.Recommended == tr.MeanRecommended {
		t.Fatalf("both ways give %s; the test needs them apart (mean %+v)", tr.MeanRecommended, tr.Mean)
	}
	brief := d.Brief(tr.Result, advisor.ReportOptions{Team: tr})
	if !strings.Contains(strings.Join(brief.Team.Items, "\n"), "The two ways of combining the answers disagree") {
		t.Errorf("the brief does not say the two ways disagree:\n%s", strings.Join(brief.Team.Items, "\n"))
	}
	// The mean is each role's average of everyone's points.
	var sum float64
	for _, m := range tr.Members {
		sum += m.Result.Scores[0].Points.Float()
	}
	if got, want := tr.Mean[0].Points.Float(), sum/float64(len(tr.Members)); got < want-0.006 || got > want+0.006 {
		t.Errorf("mean COO points %v, want %v", got, want)
	}
}

// TestTeamAnonymity: --anonymous names people "Person 1".."Person N" in
// every output, and under three people shows nobody's answers one by one.
func TestTeamAnonymity(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	three := []advisor.Respondent{
		person(t, d, "Ana Ruiz", b, "growth: declining"), person(t, d, "Ben Okafor", b, "growth: rapid"), person(t, d, "Cy Lund", b),
	}
	for _, n := range []int{3, 2} {
		tr := teamOf(t, d, advisor.TeamOptions{Anonymous: true}, three[:n]...)
		if tr.Detail != (n >= advisor.MinAnonymousDetail) {
			t.Errorf("%d people: per-person detail %v", n, tr.Detail)
		}
		for _, f := range allFormats {
			out, err := d.Report(tr.Result, f, advisor.ReportOptions{Team: tr, Engagement: advisor.Engagement{Date: "2026-11-26"}})
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"Ana", "Ben", "Okafor", "Lund"} {
				if strings.Contains(string(out), name) {
					t.Errorf("%d people, %s: the anonymous report names %s", n, f, name)
				}
			}
			switch {
			case n >= 3 && !strings.Contains(string(out), "Person 2"):
				t.Errorf("%d people, %s: no Person 2", n, f)
			case n < 3 && strings.Contains(string(out), "Person "):
				t.Errorf("%d people, %s: per-person detail under three people", n, f)
			}
		}
		if n < 3 {
			for _, x := range tr.Disagreements {
				if x.Answers != nil || x.Values != nil {
					t.Errorf("two people, anonymous: answers shown for %s", x.Question)
				}
			}
		}
	}
}

// TestTeamBadInput: no files, the same person twice, one person (which
// works, and says so).
func TestTeamBadInput(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	if _, err := d.Team(nil, advisor.TeamOptions{}); err == nil || !strings.Contains(err.Error(), "no answers files") {
		t.Errorf("no files: %v", err)
	}
	a1 := person(t, d, "Ana", b)
	a2 := person(t, d, "ana", b, "growth: rapid")
	a2.File = "ana-again.yaml"
	_, err := d.Team([]advisor.Respondent{a1, person(t, d, "Ben", b), a2}, advisor.TeamOptions{})
	ie := inputError(t, err)
	if len(ie.Problems) != 1 || ie.Problems[0].File != "ana-again.yaml" || !strings.Contains(ie.Problems[0].Msg, `answers for "ana" again (also in ana.yaml)`) {
		t.Errorf("the same person twice: %v", err)
	}
	one := teamOf(t, d, advisor.TeamOptions{}, a1)
	if len(one.Disagreements) != 0 {
		t.Error("one person disagrees with themselves")
	}
	brief := d.Brief(one.Result, advisor.ReportOptions{Team: one})
	if !strings.Contains(strings.Join(brief.Team.Items, " "), "One person answered: Ana. This is one view, not yet a team's") {
		t.Errorf("one person: %q", brief.Team.Items)
	}
	res, _ := d.Recommend(a1.Answers)
	if one.Result.Recommended != res.Recommended {
		t.Error("one person's team recommends something else than they do")
	}
}

// TestTeamJSON: the JSON report of a team has the team's recommendation,
// everyone's own, the disagreements with each person's answer, and the
// team's answers; and the same files give the same bytes.
func TestTeamJSON(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	people := []advisor.Respondent{
		person(t, d, "Ana", b, "growth: declining"), person(t, d, "Ben", b, "growth: rapid"), person(t, d, "Cy", b),
	}
	tr := teamOf(t, d, advisor.TeamOptions{}, people...)
	out, err := d.Report(tr.Result, advisor.FormatJSON, advisor.ReportOptions{Team: tr, Engagement: advisor.Engagement{Date: "2026-11-26"}})
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Recommended string `json:"recommended"`
		Team        struct {
			Size         int  `json:"size"`
			MethodsAgree bool `json:"methods_agree"`
		} `json:"team"`
		Respondents []struct {
			Name, Recommended string
			Confidence        float64
		} `json:"respondents"`
		Disagreements []struct {
			Question      string         `json:"question"`
			Answers       map[string]any `json:"answers"`
			Spread        int            `json:"spread"`
			ChangesAdvice bool           `json:"changes_advice"`
		} `json:"disagreements"`
		Answers map[string]any `json:"answers"`
	}
	if err := json.Unmarshal(out, &j); err != nil {
		t.Fatal(err)
	}
	if j.Recommended != tr.Result.Recommended || j.Team.Size != 3 || len(j.Respondents) != 3 || j.Respondents[1].Name != "Ben" {
		t.Errorf("team JSON: %+v", j)
	}
	if len(j.Disagreements) == 0 || j.Disagreements[0].Question != "growth" || j.Disagreements[0].Answers["Ana"] != "declining" || j.Disagreements[0].Spread != 3 {
		t.Errorf("disagreements: %+v", j.Disagreements)
	}
	if j.Answers["growth"] != tr.Consensus["growth"].Choice {
		t.Errorf("answers are not the team's: %v", j.Answers["growth"])
	}
	again, _ := d.Report(teamOf(t, d, advisor.TeamOptions{}, people...).Result, advisor.FormatJSON, advisor.ReportOptions{Team: teamOf(t, d, advisor.TeamOptions{}, people...), Engagement: advisor.Engagement{Date: "2026-11-26"}})
	if string(again) != string(out) {
		t.Error("the same team gives different bytes")
	}
}

// TestTeamReviewFixes: answers off the scale are no spread; two tied
// answers as near the middle are disclosed; names in another spacing are
// the same person; anonymous numbering does not follow the files' order;
// a split team and a difference that changes the advice head the bottom
// line; list values under half are listed.
func TestTeamReviewFixes(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	// Revenue: two give a band, one does not know: no disagreement.
	off := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b), person(t, d, "Ben", b, "revenue: not-given"), person(t, d, "Cy", b))
	if x := disagreement(off, "revenue", ""); x != nil {
		t.Errorf("revenue not given counted as a spread: %+v", x)
	}
	// Declining and rapid, one each: as near the middle; the first taken.
	two := teamOf(t, d, advisor.TeamOptions{}, person(t, d, "Ana", b, "growth: declining"), person(t, d, "Ben", b, "growth: rapid"))
	if len(two.Ties) != 1 || !two.Ties[0].AsNear || two.Consensus["growth"].Choice != "declining" {
		t.Errorf("ties %+v, growth %q", two.Ties, two.Consensus["growth"].Choice)
	}
	brief := d.Brief(two.Result, advisor.ReportOptions{Team: two})
	if all := strings.Join(brief.Team.Items, "\n"); !strings.Contains(all, "equally near the middle of all the answers: settle it together") {
		t.Errorf("the even tie is not disclosed:\n%s", all)
	}
	if !strings.Contains(strings.Join(brief.Notes, "\n"), "The team is split: on their own answers,") {
		if two.Members[0].Result.Recommended != two.Members[1].Result.Recommended {
			t.Errorf("a split team is not in the bottom line: %q", brief.Notes)
		}
	}
	// Spacing.
	if _, err := d.Team([]advisor.Respondent{person(t, d, "Maya Chen", b), person(t, d, "  Maya   chen ", b)}, advisor.TeamOptions{}); err == nil {
		t.Error("the same name in other spacing made two people")
	}
	// Anonymous numbering is the same whatever the files' order.
	p := []advisor.Respondent{person(t, d, "Ana", b, "growth: declining"), person(t, d, "Ben", b, "growth: rapid"), person(t, d, "Cy", b)}
	a1 := teamOf(t, d, advisor.TeamOptions{Anonymous: true}, p...)
	a2 := teamOf(t, d, advisor.TeamOptions{Anonymous: true}, p[2], p[0], p[1])
	for i := range a1.Members {
		if a1.Members[i].Result.Answers["growth"].Choice != a2.Members[i].Result.Answers["growth"].Choice {
			t.Fatal("Person numbers follow the order the files were given")
		}
	}
	// Thin list values are listed.
	thin := teamOf(t, d, advisor.TeamOptions{}, person(t, d, "Ana", b, "pain_points: [quality-assurance]"), person(t, d, "Ben", b, "pain_points: []"), person(t, d, "Cy", b, "pain_points: []"))
	items := strings.Join(d.Brief(thin.Result, advisor.ReportOptions{Team: thin}).Team.Items, "\n")
	if !strings.Contains(items, "Pain points: quality is inconsistent (1 of 3) was named by fewer than half the team") {
		t.Errorf("thin pains not listed:\n%s", items)
	}
}
