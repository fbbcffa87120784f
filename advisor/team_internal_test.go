package advisor

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

const togglesRoles = `roles:
  - {id: ra, title: Role A, summary: S, responsibilities: [{id: xa, name: N, description: D}], fits_when: [F], works_with: W}
  - {id: rb, title: Role B, summary: S, responsibilities: [{id: xb, name: N, description: D}], fits_when: [F], works_with: W}
  - {id: rc, title: Role C, summary: S, responsibilities: [{id: xc, name: N, description: D}], fits_when: [F], works_with: W}
`

// togglesQuestions has a list with everything that changes how a value
// counts: values that cancel others (one named twice), a cap, rules on
// values and on the empty answer, and an empty answer with points.
const togglesQuestions = `factors:
  - {id: f, title: F}
questions:
  - id: size
    factor: f
    title: Size
    prompt: P
    why: W
    kind: choice
    options:
      - {value: small, label: Small, weights: {ra: 2}}
      - {value: mid, label: Mid, weights: {rb: 1, rc: 1}}
      - {value: big, label: Big, weights: {rc: 3}}
  - id: pains
    factor: f
    title: Pains
    prompt: P
    why: W
    kind: multi-choice
    cap: 5
    options:
      - {value: a, label: A, weights: {ra: 2}}
      - {value: b, label: B, weights: {rb: 2}, unless: [a]}
      - {value: c, label: C, weights: {rc: 3}, unless: [a, d, a]}
      - {value: d, label: D, weights: {ra: 1, rb: 1}, rules_out: [{role: rc, reason: R}]}
      - {value: e, label: E, weights: {rc: 1.5}, unless: [b]}
      - {value: f, label: F, weights: {rb: 4}}
      - {value: g, label: G, weights: {ra: 0.5, rc: 0.5}, unless: [f, e]}
    none:
      label: None
      weights: {rb: 1.25}
      rules_out: [{role: ra, reason: R}]
`

// TestSharedListsWeighByTheShare: a team's merged list weighs each value
// by the share of the team that named it, and its rules hold only where
// at least Scoring.Team.ListShare named it, for teams of every size.
func TestSharedListsWeighByTheShare(t *testing.T) {
	d, err := Load(Source{Name: "roles.yaml", Data: []byte(togglesRoles)}, Source{Name: "questions.yaml", Data: []byte(togglesQuestions)})
	if err != nil {
		t.Fatal(err)
	}
	q := &d.Questions[d.questionIndex["pains"]]
	r := rand.New(rand.NewPCG(7, 11))
	for round := range 300 {
		people := make([]Respondent, 1+r.IntN(7))
		named := map[string]int{}
		for i := range people {
			a := Answers{}
			for k := range d.Questions {
				a[d.Questions[k].ID] = d.Questions[k].RandomAnswer(r.IntN)
			}
			if r.IntN(4) == 0 {
				a["pains"] = Answer{Multi: []string{}}
			}
			for _, v := range a["pains"].Multi {
				named[v]++
			}
			people[i] = Respondent{Name: fmt.Sprint("P", i), File: fmt.Sprint("p", i), Answers: a}
		}
		tr, err := d.Team(people, TeamOptions{})
		if err != nil {
			t.Fatal(err)
		}
		n := len(people)
		team := tr.Consensus["pains"]
		var seen []string
		q.rules().parts(q, team, func(p *Part, counts bool) {
			for _, o := range q.Options {
				if o.Label != p.Label {
					continue
				}
				seen = append(seen, o.Value)
				share := Points((named[o.Value]*200 + n) / (2 * n))
				for k, w := range o.Weights {
					if want := (w*share + 50) / 100; p.Weights[k] != want {
						t.Fatalf("round %d: %s named by %d of %d weighs %v for role %d, want %v", round, o.Value, named[o.Value], n, p.Weights[k], k, want)
					}
				}
				if rules := len(p.RulesOut) > 0; rules != (len(o.RulesOut) > 0 && 2*named[o.Value] >= n) {
					t.Fatalf("round %d: %s named by %d of %d: rules %v", round, o.Value, named[o.Value], n, p.RulesOut)
				}
			}
		})
		for v, k := range named {
			if k > 0 && !slices.Contains(seen, v) {
				t.Fatalf("round %d: %s, named by %d, is not in the team's answers", round, v, k)
			}
		}
	}
}

// majorityRuledOutQuestions is one unordered choice whose five options
// each point to ra, and a sixth, more common than any one of them, that
// rules ra out.
const majorityRuledOutQuestions = `factors:
  - {id: f, title: F}
questions:
  - id: model
    factor: f
    title: Model
    prompt: P
    why: W
    kind: choice
    options:
      - {value: a, label: A, weights: {ra: 2}}
      - {value: b, label: B, weights: {ra: 2}}
      - {value: c, label: C, weights: {ra: 2}}
      - {value: d, label: D, weights: {ra: 2}}
      - {value: g, label: G, weights: {ra: 2}}
      - {value: e, label: E, weights: {rb: 1}, rules_out: [{role: ra, reason: "E rules A out"}]}
`

// TestMajorityRuledOutByTheMerge: five of seven reach ra on their own
// answers, each by another option, and the most common answer rules ra
// out: the advice is the merged answers', and the conclusion says the
// majority's advice is ruled out and what it turns on, never that the
// team agrees.
func TestMajorityRuledOutByTheMerge(t *testing.T) {
	d, err := Load(Source{Name: "roles.yaml", Data: []byte(togglesRoles)}, Source{Name: "questions.yaml", Data: []byte(majorityRuledOutQuestions)})
	if err != nil {
		t.Fatal(err)
	}
	var people []Respondent
	for i, v := range []string{"a", "b", "c", "d", "g", "e", "e"} {
		people = append(people, Respondent{Name: fmt.Sprint("P", i), File: fmt.Sprint("p", i), Answers: Answers{"model": {Choice: v}}})
	}
	tr, err := d.Team(people, TeamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Majority != "ra" || tr.Result.Recommended == "ra" || !tr.MajorityRuledOut || tr.Overruled != tr.Result.Recommended {
		t.Fatalf("majority %q, advice %q, ruled out %v, overruled %q", tr.Majority, tr.Result.Recommended, tr.MajorityRuledOut, tr.Overruled)
	}
	c := d.TeamBrief(tr).Conclusion
	if strings.Contains(c, "agree") || !strings.Contains(c, "rule it out") || !strings.Contains(c, "model") {
		t.Errorf("the conclusion: %s", c)
	}
	if len(tr.Agenda) == 0 || tr.Agenda[0].Kind != AgendaCrux {
		t.Errorf("the agenda does not open with the crux: %+v", tr.Agenda)
	}
}

// TestTryValueMatchesAFullTally: what the team agreeing on a list value
// does, as the search works it out from the change alone (tryValue, for
// lists of thousands of values), is what scoring the team's answers again
// in full gives, on random teams and a list whose values cancel others
// (one named twice in an unless, which cancels once).
func TestTryValueMatchesAFullTally(t *testing.T) {
	d, err := Load(Source{Name: "roles.yaml", Data: []byte(togglesRoles)}, Source{Name: "questions.yaml", Data: []byte(togglesQuestions)})
	if err != nil {
		t.Fatal(err)
	}
	qi := d.questionIndex["pains"]
	q := &d.Questions[qi]
	r := rand.New(rand.NewPCG(3, 5))
	bad := 0
	for round := range 300 {
		people := make([]Respondent, 2+r.IntN(6))
		for i := range people {
			a := Answers{}
			for k := range d.Questions {
				a[d.Questions[k].ID] = d.Questions[k].RandomAnswer(r.IntN)
			}
			if r.IntN(4) == 0 {
				a["pains"] = Answer{Multi: []string{}}
			}
			people[i] = Respondent{Name: fmt.Sprint("P", i), File: fmt.Sprint("p", i), Answers: a}
		}
		tr, err := d.Team(people, TeamOptions{})
		if err != nil {
			t.Fatal(err)
		}
		all := make([]Answers, len(people))
		for i := range people {
			all[i], _ = d.Complete(people[i].Answers)
		}
		s := newTeamDiff(d, tr, all)
		s.focus(qi)
		cons := tr.Consensus[q.ID]
		for _, o := range q.Options {
			for _, on := range []bool{true, false} {
				c1, r1, i1 := s.tryValue(qi, o.Value, on)
				// The team agreeing on the value, scored in full.
				alt := Answer{Multi: []string{}, Share: maps.Clone(cons.Share), Of: cons.Of, Held: cons.Held}
				for _, v := range cons.Multi {
					if v != o.Value || on {
						alt.Multi = append(alt.Multi, v)
					}
				}
				if on && !slices.Contains(cons.Multi, o.Value) {
					alt.Multi = q.Normalize(Answer{Multi: append(alt.Multi, o.Value)}).Multi
				}
				delete(alt.Share, o.Value)
				ac := tr.Consensus.Clone()
				ac[q.ID] = alt
				tl := d.tally(ac, false)
				best, second := d.rank(tl.total, tl.ruled)
				var c2 bool
				var r2 string
				var i2 Points
				if best >= 0 {
					lead := Points(math.MaxInt32)
					if second >= 0 {
						lead = tl.total[best] - tl.total[second]
					}
					if best != s.teamBest {
						c2, r2, i2 = true, d.Roles[best].ID, s.teamLead+lead
					} else {
						i2 = s.teamLead - lead
					}
				}
				if c1 != c2 || r1 != r2 || i1 != i2 {
					bad++
					if bad < 6 {
						t.Errorf("round %d value %s on=%v: incremental (%v %s %d) full (%v %s %d); cons %v %v", round, o.Value, on, c1, r1, i1, c2, r2, i2, cons.Multi, cons.Share)
					}
				}
			}
		}
	}
}
