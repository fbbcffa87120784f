package advisor

import (
	"fmt"
	"math/rand/v2"
	"slices"
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
