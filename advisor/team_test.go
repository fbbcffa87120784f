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
// bands), ordered choices the median too, lists every value someone
// named, weighed by the share that named it.
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
	// stable, moderate, moderate, rapid, rapid: the median is moderate,
	// though moderate and rapid are as common.
	if c["growth"].Choice != "moderate" || len(tr.Ties) != 0 {
		t.Errorf("growth = %q, ties %+v; want the median, moderate, and no tie", c["growth"].Choice, tr.Ties)
	}
	// Each pain named by two of five weighs two fifths; one named nothing.
	pains := c["pain_points"]
	if !slices.Equal(pains.Multi, []string{"strategy-alignment", "process-optimization", "quality-assurance"}) {
		t.Errorf("pain points %v, want the three named", pains.Multi)
	}
	for _, v := range pains.Multi {
		if pains.Share[v] != 40 {
			t.Errorf("pain %s weighs %v, want two fifths", v, pains.Share[v])
		}
	}
	if pains.Share[""] != 20 {
		t.Errorf("the share that named no pain is %v, want one fifth", pains.Share[""])
	}
	res, _ := d.Recommend(c)
	if tr.Result.Recommended != res.Recommended || tr.Result.Confidence != res.Confidence {
		t.Error("the team's result is not the recommendation for its answers")
	}

	// An even team: halfway between the two middle numbers, a tie named
	// when they fall in different bands; a list value chosen by half
	// weighs half.
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
	if got := even.Consensus["pain_points"]; !slices.Equal(got.Multi, []string{"quality-assurance"}) || got.Share["quality-assurance"] != 50 {
		t.Errorf("even team: pain points %v, want quality-assurance at half", got)
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
	// Three with mild Director pains, two whose answers make a strong
	// case for a COO: the middle answers give a Director, the average of
	// everyone's scores a COO.
	od := []string{"pain_points: [process-optimization, quality-assurance]", "ceo_ops_time: low"}
	co := []string{"pain_points: [performance-monitoring, strategy-alignment, overall-management, resource-allocation]", "growth: rapid", "expansion: [acquisitions, international]", "departments: 12", "employees: 600"}
	tr := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b, od...), person(t, d, "Ben", b, od...), person(t, d, "Cy", b, od...),
		person(t, d, "Dee", b, co...), person(t, d, "Eve", b, co...),
	)
	if tr.Result.Recommended == tr.MeanRecommended {
		t.Fatalf("both ways give %s; the test needs them apart (mean %+v)", tr.MeanRecommended, tr.Mean)
	}
	view := strings.Join(d.TeamBrief(tr).View, "\n")
	if r, _ := d.Role(tr.MeanRecommended); !strings.Contains(view, "The average of everyone's own scores puts "+r.Advice+" first") {
		t.Errorf("the brief does not say the average puts another role first:\n%s", view)
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

// TestTeamAnonymity: --anonymous names nobody in any output, labels no
// one (no "Person 2" to follow across questions), shows no answer by
// person, and gives the numbers of fewer than three people as a range.
func TestTeamAnonymity(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	three := []advisor.Respondent{
		person(t, d, "Ana Ruiz", b, "growth: declining", "employees: 150"), person(t, d, "Ben Okafor", b, "growth: rapid", "employees: 180"), person(t, d, "Cy Lund", b),
	}
	three[0].Role, three[1].Role = "CEO", "CFO"
	for _, n := range []int{3, 2, 1} {
		tr := teamOf(t, d, advisor.TeamOptions{Anonymous: true}, three[:n]...)
		if tr.Detail {
			t.Errorf("%d people: per-person detail under anonymity", n)
		}
		for _, f := range allFormats {
			out, err := d.Report(tr.Result, f, advisor.ReportOptions{Team: tr, Engagement: advisor.Engagement{Date: "2026-11-26"}})
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"Ana", "Ben", "Okafor", "Lund", "Person ", "CFO"} {
				if strings.Contains(string(out), name) {
					t.Errorf("%d people, %s: the anonymous report names %q", n, f, name)
				}
			}
			if n == 2 && (strings.Contains(string(out), "165") || !strings.Contains(string(out), "150")) {
				t.Errorf("two people, %s: the middle of 150 and 180 (165) tells one from the other; want the range", f)
			}
		}
		for _, x := range tr.Disagreements {
			if x.Answers != nil || x.Values != nil {
				t.Errorf("%d people, anonymous: answers shown for %s", n, x.Question)
			}
		}
	}
}

// TestTeamAnonymityCannotBeUndone tries to recover who said what from an
// anonymous brief, as a reader who knows the names would: by renaming
// the people and giving the files in another order. Every format gives
// the same bytes, so nothing in them follows a name or an order.
func TestTeamAnonymityCannotBeUndone(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	answers := [][]string{
		{"growth: declining", "employees: 150", "pain_points: [quality-assurance]"},
		{"growth: rapid", "employees: 210", "ceo_ops_time: low"},
		{"growth: moderate", "pain_points: [strategy-alignment, overall-management]"},
		{"growth: rapid", "departments: 12"},
	}
	build := func(names []string, order []int) map[advisor.Format]string {
		var people []advisor.Respondent
		for _, i := range order {
			people = append(people, person(t, d, names[i], b, answers[i]...))
		}
		tr := teamOf(t, d, advisor.TeamOptions{Anonymous: true}, people...)
		out := map[advisor.Format]string{}
		for _, f := range allFormats {
			r, err := d.Report(tr.Result, f, advisor.ReportOptions{Team: tr, Engagement: advisor.Engagement{Date: "2026-11-26"}})
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(r)
		}
		return out
	}
	first := build([]string{"Ana", "Ben", "Cy", "Dee"}, []int{0, 1, 2, 3})
	for _, alt := range []struct {
		names []string
		order []int
	}{
		{[]string{"Zoe", "Yan", "Xu", "Wim"}, []int{0, 1, 2, 3}},
		{[]string{"Ana", "Ben", "Cy", "Dee"}, []int{3, 1, 0, 2}},
		{[]string{"Dee", "Cy", "Ben", "Ana"}, []int{2, 3, 1, 0}},
	} {
		got := build(alt.names, alt.order)
		for f, text := range first {
			if got[f] != text {
				t.Errorf("%s: renaming the people or reordering the files (%v, %v) changes the anonymous brief: something in it follows them", f, alt.names, alt.order)
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
	tb := d.TeamBrief(one)
	if !strings.Contains(tb.Conclusion, "this is one view, not yet a team's") || !strings.Contains(strings.Join(tb.View, " "), "One person answered: Ana.") {
		t.Errorf("one person: %q %q", tb.Conclusion, tb.View)
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

// TestTeamReviewFixes: answers off the scale are no spread; two middle
// answers of a scale that differ are disclosed, the lower taken; names in
// another spacing are the same person; list values few named are in
// the spread of views.
func TestTeamReviewFixes(t *testing.T) {
	d := builtin(t)
	b := logisticsBase
	// Revenue: two give a band, one does not know: no disagreement.
	off := teamOf(t, d, advisor.TeamOptions{},
		person(t, d, "Ana", b), person(t, d, "Ben", b, "revenue: not-given"), person(t, d, "Cy", b))
	if x := disagreement(off, "revenue", ""); x != nil {
		t.Errorf("revenue not given counted as a spread: %+v", x)
	}
	// Declining and rapid, one each: the lower middle, said so.
	two := teamOf(t, d, advisor.TeamOptions{}, person(t, d, "Ana", b, "growth: declining"), person(t, d, "Ben", b, "growth: rapid"))
	if len(two.Ties) != 1 || !two.Ties[0].Median || two.Consensus["growth"].Choice != "declining" {
		t.Errorf("ties %+v, growth %q", two.Ties, two.Consensus["growth"].Choice)
	}
	if view := strings.Join(d.TeamBrief(two).View, "\n"); !strings.Contains(view, "Growth has two middle answers") || !strings.Contains(view, "the lower, “Declining (shrinking)”") {
		t.Errorf("the even split is not disclosed:\n%s", view)
	}
	// Spacing.
	if _, err := d.Team([]advisor.Respondent{person(t, d, "Maya Chen", b), person(t, d, "  Maya   chen ", b)}, advisor.TeamOptions{}); err == nil {
		t.Error("the same name in other spacing made two people")
	}
	// A value one of three named is in the spread of views.
	thin := teamOf(t, d, advisor.TeamOptions{}, person(t, d, "Ana", b, "pain_points: [quality-assurance]"), person(t, d, "Ben", b, "pain_points: []"), person(t, d, "Cy", b, "pain_points: []"))
	if p := strings.Join(d.TeamBrief(thin).Perceptions, "\n"); !strings.Contains(p, "quality is inconsistent 1 of 3") {
		t.Errorf("a pain one named is not in the spread of views:\n%s", p)
	}
}
