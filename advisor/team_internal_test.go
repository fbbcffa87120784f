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

// TestListTogglesMatchScoring: the team's search scores a list value
// added or taken out from the change alone (toggles.try); it must say
// what scoring the whole changed answer says (teamDiff.try), for teams of
// every size and answers of every kind.
func TestListTogglesMatchScoring(t *testing.T) {
	d, err := Load(Source{Name: "roles.yaml", Data: []byte(togglesRoles)}, Source{Name: "questions.yaml", Data: []byte(togglesQuestions)})
	if err != nil {
		t.Fatal(err)
	}
	qi := d.questionIndex["pains"]
	q := &d.Questions[qi]
	r := rand.New(rand.NewPCG(7, 11))
	for round := range 300 {
		people := make([]Respondent, 1+r.IntN(7))
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
		all := make([]Answers, len(tr.Members))
		for i, m := range tr.Members {
			all[i] = m.Result.Answers
		}
		s := newTeamDiff(d, tr, all)
		s.focus(qi)
		tg := s.newToggles(qi)
		team := tr.Consensus["pains"].Multi
		for j, o := range q.Options {
			alt := slices.DeleteFunc(slices.Clone(team), func(v string) bool { return v == o.Value })
			if len(alt) == len(team) {
				alt = append(alt, o.Value)
			}
			wc, wr, wi := s.try(qi, q.Normalize(Answer{Multi: alt}))
			gc, gr, gi := tg.try(j)
			if gc != wc || gr != wr || gi != wi {
				t.Fatalf("round %d, team's pains %v, toggling %s: got (%v, %q, %v), scoring the whole answer gives (%v, %q, %v)", round, team, o.Value, gc, gr, gi, wc, wr, wi)
			}
		}
	}
}
