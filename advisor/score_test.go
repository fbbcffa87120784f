package advisor_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
)

// propertyRuns is how many random complete answer sets each property test
// tries.
const propertyRuns = 3000

// The built-in roles.
const (
	coo         = "coo"
	director    = "operations-director"
	fractional  = "fractional-coo"
	noNewLeader = "no-new-leader"
)

// withEmployees returns random answers for a company of n people.
func withEmployees(d *advisor.Definitions, r *rand.Rand, n int) advisor.Answers {
	a := randomAnswers(d, r)
	a["employees"] = advisor.Answer{Int: n}
	return a
}

// TestNoCOOBelowTwentyPeople: whatever else is answered, a company of
// fewer than 20 people is never told to hire a full-time COO, and "what
// would change it" offers a COO only by changing the headcount.
func TestNoCOOBelowTwentyPeople(t *testing.T) {
	d := builtin(t)
	r := newRand(11)
	for i := 0; i < propertyRuns; i++ {
		a := withEmployees(d, r, 1+r.IntN(19))
		res := recommend(t, d, a)
		if res.Recommended == coo {
			t.Fatalf("a COO for\n%s", answersYAML(d, a))
		}
		if !res.IsRuledOut(coo) {
			t.Fatalf("the COO is not listed as ruled out for\n%s", answersYAML(d, a))
		}
		for _, c := range res.Changes {
			if c.Role == coo && c.Question != "employees" {
				t.Fatalf("change %q offers a COO without more people", d.ChangeText(c))
			}
		}
	}
}

// TestNoCOOWhenOneExists: a company that has a COO is never told to hire a
// COO or a fractional one, and no change offers either.
func TestNoCOOWhenOneExists(t *testing.T) {
	d := builtin(t)
	lead, _ := d.Question("leadership")
	r := newRand(12)
	for i := 0; i < propertyRuns; i++ {
		a := randomAnswers(d, r)
		a["leadership"] = lead.Normalize(advisor.Answer{Multi: append(slices.Clone(a["leadership"].Multi), coo)})
		res := recommend(t, d, a)
		if res.Recommended != director && res.Recommended != noNewLeader {
			t.Fatalf("recommended %s for a company with a COO:\n%s", res.Recommended, answersYAML(d, a))
		}
		for _, role := range []string{coo, fractional} {
			if !res.IsRuledOut(role) {
				t.Fatalf("%s not ruled out", role)
			}
		}
		for _, c := range res.Changes {
			if c.Role == coo || c.Role == fractional {
				t.Fatalf("a change to a ruled-out %s offered: %+v", c.Role, c)
			}
		}
	}
}

// TestRuledOutRolesAreExplained: every ruled-out role is listed once, with
// the reason of the answer that rules it out, and scores no share.
func TestRuledOutRolesAreExplained(t *testing.T) {
	d := builtin(t)
	res := recommend(t, d, parse(t, d, string(example(t, "has-coo.yaml"))))
	// Every rule of every answer given is listed, once, in role order.
	type key struct{ role, reason string }
	got := map[key]advisor.RuledOut{}
	lastRole := -1
	for _, x := range res.RuledOut {
		k := key{x.Role, x.Reason}
		if _, dup := got[k]; dup {
			t.Errorf("%s ruled out twice for %q", x.Role, x.Reason)
		}
		got[k] = x
		if ri := d.RoleIndex(x.Role); ri < lastRole {
			t.Errorf("ruled-out roles not in role order: %+v", res.RuledOut)
		} else {
			lastRole = ri
		}
	}
	want := 0
	for _, q := range d.Questions {
		a := res.Answers[q.ID]
		var parts []advisor.Part
		switch q.Kind {
		case advisor.KindInteger:
			parts = append(parts, q.Bands[q.BandIndex(a.Int)].Part)
		case advisor.KindChoice:
			o, _ := q.Option(a.Choice)
			parts = append(parts, o.Part)
		case advisor.KindMulti:
			for _, v := range a.Multi {
				o, _ := q.Option(v)
				parts = append(parts, o.Part)
			}
		}
		for _, p := range parts {
			for _, rule := range p.RulesOut {
				x, ok := got[key{d.Roles[rule.Role].ID, rule.Reason}]
				if !ok || x.Question != q.ID || x.Answer != p.Label {
					t.Errorf("rule %q of %s %q is not listed: %+v", rule.Reason, q.ID, p.Label, x)
				}
				want++
			}
		}
	}
	if len(res.RuledOut) != want || want < 3 {
		t.Errorf("%d reasons listed, the answers give %d", len(res.RuledOut), want)
	}
	for _, s := range res.Scores {
		if s.RuledOut != res.IsRuledOut(s.Role) || (s.RuledOut && s.Share != 0) {
			t.Errorf("score %+v", s)
		}
	}
	if !strings.Contains(res.RuledOut[0].Reason, "conversation, not a hire") {
		t.Errorf("the existing-COO reason does not say it is a conversation: %q", res.RuledOut[0].Reason)
	}
}

// TestExistingDirectorNeverPointsToACOO: adding an Operations Director in
// post never gives a COO more points, and in a calm, steady company
// (steady or shrinking, no expansion, a CEO with time) never moves the
// advice towards a COO: never to a COO, and where the advice stays, the
// COO falls no less behind. The company's own answers stay the same, only
// the Director is added. (Elsewhere a Director in post can leave a COO first:
// with the Director's own role filled, a swamped CEO and strategy-side
// pains are the level above's gap.)
func TestExistingDirectorNeverPointsToACOO(t *testing.T) {
	d := builtin(t)
	r := newRand(13)
	lead, _ := d.Question("leadership")
	calm := 0
	for i := 0; i < propertyRuns; i++ {
		a := randomAnswers(d, r)
		if i%2 == 0 {
			// Half the runs a calm, steady company.
			a["growth"] = advisor.Answer{Choice: []string{"stable", "declining"}[r.IntN(2)]}
			a["expansion"] = advisor.Answer{}
			a["ceo_ops_time"] = advisor.Answer{Choice: "low"}
			calm++
		}
		a["leadership"] = lead.Normalize(advisor.Answer{Multi: slices.DeleteFunc(slices.Clone(a["leadership"].Multi), func(v string) bool { return v == director })})
		without := recommend(t, d, a)
		a["leadership"] = lead.Normalize(advisor.Answer{Multi: append(slices.Clone(a["leadership"].Multi), director)})
		with := recommend(t, d, a)
		if points(with, coo) > points(without, coo) {
			t.Fatalf("a Director in post gives the COO %s points, %s without:\n%s", points(with, coo), points(without, coo), answersYAML(d, a))
		}
		if i%2 == 0 && with.Recommended == coo && without.Recommended != coo {
			t.Fatalf("in a calm, steady company a Director in post turns %s into a COO:\n%s", without.Recommended, answersYAML(d, a))
		}
		if i%2 == 0 && without.Recommended != coo && with.Recommended == without.Recommended && margin(with, coo, with.Recommended) > margin(without, coo, without.Recommended) {
			t.Fatalf("in a calm, steady company a Director in post brings the COO nearer (%s to %s behind):\n%s",
				-margin(without, coo, without.Recommended), -margin(with, coo, with.Recommended), answersYAML(d, a))
		}
	}
	if calm < propertyRuns/3 {
		t.Fatalf("only %d calm companies tried", calm)
	}
}

func leadershipPoints(res *advisor.Result, role int) advisor.Points {
	var sum advisor.Points
	for _, c := range res.Contributions {
		if c.Question == "leadership" {
			sum += c.Counted[role]
		}
	}
	return sum
}

// margin is role x's points minus role y's.
func margin(res *advisor.Result, x, y string) advisor.Points {
	return points(res, x) - points(res, y)
}

func abs64(p advisor.Points) advisor.Points {
	if p < 0 {
		return -p
	}
	return p
}

// TestCancellingPainsKeepTheBalance: ticking pains that point to the COO
// and to the Operations Director in equal numbers moves the margin
// between the two by at most half a point (the pains weigh 1 to 2 points
// each), and never swaps one for the other when the margin was wider,
// whatever the company. (They do move the advice away from no new leader:
// pains are a need, whichever way they point.)
func TestCancellingPainsKeepTheBalance(t *testing.T) {
	d := builtin(t)
	cooPains := domainResponsibilities[coo]
	odPains := domainResponsibilities[director]
	r := newRand(15)
	const most = 50 // hundredths: half a point
	for i := 0; i < propertyRuns/3; i++ {
		a := randomAnswers(d, r)
		if slices.Contains(a["leadership"].Multi, director) {
			continue // with a Director in post, the Director's pains count for no one
		}
		a["pain_points"] = advisor.Answer{Multi: nil}
		none := recommend(t, d, a)
		k := 1 + r.IntN(len(cooPains))
		pains := slices.Concat(cooPains[:k], odPains[:k])
		a["pain_points"] = advisor.Answer{Multi: pains}
		both := recommend(t, d, a)
		before, after := margin(none, coo, director), margin(both, coo, director)
		if abs64(after-before) > most {
			t.Fatalf("%d pains each way move the COO-Director margin from %s to %s for\n%s", k, before, after, answersYAML(d, a))
		}
		swapped := none.Recommended == coo && both.Recommended == director || none.Recommended == director && both.Recommended == coo
		if swapped && abs64(before) > most {
			t.Fatalf("%d pains each way turn the advice from %s to %s", k, none.Recommended, both.Recommended)
		}
	}
}

// TestMoreSizeNeverLowersCOOShare: more employees, departments or locations
// never lower the COO share.
func TestMoreSizeNeverLowersCOOShare(t *testing.T) {
	d := builtin(t)
	r := newRand(1)
	for _, id := range []string{"employees", "departments", "locations"} {
		t.Run(id, func(t *testing.T) {
			q, _ := d.Question(id)
			for i := 0; i < propertyRuns/3; i++ {
				a := randomAnswers(d, r)
				// Every band in increasing order, and two random values.
				prev, prevV := -1.0, 0
				for _, b := range q.Bands {
					for _, v := range []int{b.Min, b.Max} {
						s := share(recommend(t, d, withAnswer(a, id, advisor.Answer{Int: v})), coo)
						if s < prev {
							t.Fatalf("COO share falls from %v at %d to %v at %d for\n%s", prev, prevV, s, v, answersYAML(d, a))
						}
						prev, prevV = s, v
					}
				}
				lo := q.Min + r.IntN(q.Max-q.Min+1)
				hi := lo + r.IntN(q.Max-lo+1)
				sLo := share(recommend(t, d, withAnswer(a, id, advisor.Answer{Int: lo})), coo)
				sHi := share(recommend(t, d, withAnswer(a, id, advisor.Answer{Int: hi})), coo)
				if sHi < sLo {
					t.Fatalf("COO share %v at %d is below %v at %d", sHi, hi, sLo, lo)
				}
			}
		})
	}
}

// TestRapidGrowthAboveStable: rapid growth gives the COO a larger share than
// stable growth (where the COO is not ruled out), and never turns a COO
// recommendation away.
func TestRapidGrowthAboveStable(t *testing.T) {
	d := builtin(t)
	r := newRand(2)
	for i := 0; i < propertyRuns; i++ {
		a := randomAnswers(d, r)
		stable := recommend(t, d, withAnswer(a, "growth", advisor.Answer{Choice: "stable"}))
		rapid := recommend(t, d, withAnswer(a, "growth", advisor.Answer{Choice: "rapid"}))
		if !stable.IsRuledOut(coo) && share(rapid, coo) <= share(stable, coo) {
			t.Fatalf("COO share rapid %v <= stable %v for\n%s", share(rapid, coo), share(stable, coo), answersYAML(d, a))
		}
		if points(rapid, coo) <= points(stable, coo) {
			t.Fatalf("COO points rapid %v <= stable %v", points(rapid, coo), points(stable, coo))
		}
		if stable.Recommended == coo && rapid.Recommended != coo {
			t.Fatalf("stable growth recommends a COO, rapid growth %s", rapid.Recommended)
		}
	}
	// Growth scores in order: each step faster gives the COO more.
	q, _ := d.Question("growth")
	a := withEmployees(d, r, 300)
	a["leadership"] = advisor.Answer{}
	prev := -1.0
	for _, o := range q.Options {
		s := share(recommend(t, d, withAnswer(a, "growth", advisor.Answer{Choice: o.Value})), coo)
		if s <= prev {
			t.Errorf("COO share %v for %s is not above the slower option's %v", s, o.Value, prev)
		}
		prev = s
	}
}

// TestExistingCOOLowersCOOShare: answering that a COO exists takes the COO
// share to zero, and turns an Operations Director recommendation into
// nothing but a Director or no new leader (the COO's remit first).
func TestExistingCOOLowersCOOShare(t *testing.T) {
	d := builtin(t)
	lead, _ := d.Question("leadership")
	r := newRand(3)
	for i := 0; i < propertyRuns; i++ {
		a := randomAnswers(d, r)
		without := slices.DeleteFunc(slices.Clone(a["leadership"].Multi), func(v string) bool { return v == coo })
		with := lead.Normalize(advisor.Answer{Multi: append(slices.Clone(without), coo)})
		before := recommend(t, d, withAnswer(a, "leadership", advisor.Answer{Multi: without}))
		after := recommend(t, d, withAnswer(a, "leadership", with))
		if share(before, coo) > 0 && share(after, coo) >= share(before, coo) {
			t.Fatalf("COO share %v with a COO, %v without, for\n%s", share(after, coo), share(before, coo), answersYAML(d, a))
		}
		if share(after, coo) != 0 {
			t.Fatalf("COO share %v with a COO in place", share(after, coo))
		}
		if before.Recommended == director && after.Recommended != director && after.Recommended != noNewLeader {
			t.Fatalf("a COO already in place turns the advice to %s", after.Recommended)
		}
	}
}

// TestMultiChoiceOrderChangesNothing: listing multi-choice values in any
// order, or twice, gives the same answers and byte-identical reports.
func TestMultiChoiceOrderChangesNothing(t *testing.T) {
	for _, defs := range []struct {
		name string
		d    *advisor.Definitions
	}{{"built-in", builtin(t)}, {"three roles", threeRoles(t)}} {
		t.Run(defs.name, func(t *testing.T) {
			d := defs.d
			r := newRand(4)
			for i := 0; i < propertyRuns/10; i++ {
				a := randomAnswers(d, r)
				canonical := parse(t, d, answersYAML(d, a))
				shuffled := a.Clone()
				for id, v := range shuffled {
					if len(v.Multi) == 0 {
						continue
					}
					m := slices.Clone(v.Multi)
					m = append(m, m[r.IntN(len(m))]) // a duplicate
					r.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
					shuffled[id] = advisor.Answer{Multi: m}
				}
				text := answersYAML(d, shuffled)
				reordered := parse(t, d, text)
				for _, q := range d.Questions {
					if !answersEqual(&q, reordered[q.ID], canonical[q.ID]) {
						t.Fatalf("%s: %+v parsed from %q, want %+v", q.ID, reordered[q.ID], text, canonical[q.ID])
					}
				}
				resA, resB := recommend(t, d, canonical), recommend(t, d, reordered)
				// Hand-built answers in any order score the same too.
				resC := recommend(t, d, shuffled)
				for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatJSON} {
					x, _ := d.Report(resA, f, testReport)
					y, _ := d.Report(resB, f, testReport)
					z, _ := d.Report(resC, f, testReport)
					if !bytes.Equal(x, y) || !bytes.Equal(x, z) {
						t.Fatalf("%s report differs with the order of multi-choice values:\n%s", f, text)
					}
				}
			}
		})
	}
}

// TestIdenticalInputIdenticalOutput: the same definitions and answers give
// byte-identical reports in every format, across separate loads.
func TestIdenticalInputIdenticalOutput(t *testing.T) {
	other, err := advisor.LoadFS(data.FS, data.RolesFile, data.QuestionsFile, "built-in ") // a second, separately loaded copy
	if err != nil {
		t.Fatal(err)
	}
	d := builtin(t)
	r := newRand(5)
	texts := []string{}
	for _, name := range exampleNames(t) {
		texts = append(texts, string(example(t, name)))
	}
	for i := 0; i < 200; i++ {
		texts = append(texts, answersYAML(d, randomAnswers(d, r)))
	}
	for _, text := range texts {
		for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatJSON} {
			var outs [][]byte
			for run := 0; run < 3; run++ {
				defs := d
				if run == 2 {
					defs = other
				}
				res := recommend(t, defs, parse(t, defs, text))
				out, err := defs.Report(res, f, testReport)
				if err != nil {
					t.Fatal(err)
				}
				outs = append(outs, out)
			}
			if !bytes.Equal(outs[0], outs[1]) || !bytes.Equal(outs[0], outs[2]) {
				t.Fatalf("%s report differs between identical runs for\n%s", f, text)
			}
		}
	}
}

// TestConfidence: the recommended role is the best one not ruled out (the
// tie order settling equal scores), and the confidence is its lead over
// the runner-up as a share of the full lead, capped at 1, and 1 when the
// rules leave no runner-up.
// checkCloseCallReads checks that a result under the close-call bound
// reads as one and warns of it: in the note or, when the advice turns on
// an answer, by naming the answer.
func checkCloseCallReads(t *testing.T, d *advisor.Definitions, res *advisor.Result) {
	t.Helper()
	warned := strings.Contains(d.CloseCallNote(res), "close call") || len(res.TurnsOn) > 0 && strings.HasPrefix(d.TurnsOnText(res), "This turns on ")
	if d.ConfidenceLabel(res.Confidence) != "a close call" || d.ResultConfidence(res) != "a close call" || !warned {
		t.Fatalf("confidence %v does not read as a close call: %q", res.Confidence, d.CloseCallNote(res))
	}
}

func TestConfidence(t *testing.T) {
	for _, defs := range []struct {
		name string
		d    *advisor.Definitions
	}{{"built-in", builtin(t)}, {"three roles", threeRoles(t)}} {
		t.Run(defs.name, func(t *testing.T) {
			d := defs.d
			r := newRand(6)
			ties, close := 0, 0
			for i := 0; i < propertyRuns; i++ {
				res := recommend(t, d, randomAnswers(d, r))
				var eligible []advisor.RoleScore
				for _, s := range res.Scores {
					if !s.RuledOut {
						eligible = append(eligible, s)
					}
				}
				slices.SortStableFunc(eligible, func(x, y advisor.RoleScore) int {
					if x.Points != y.Points {
						return int(y.Points - x.Points)
					}
					return d.TieOrder[d.RoleIndex(x.Role)] - d.TieOrder[d.RoleIndex(y.Role)]
				})
				if eligible[0].Role != res.Recommended {
					t.Fatalf("recommended %s, want %s: %+v", res.Recommended, eligible[0].Role, res.Scores)
				}
				c := res.Confidence
				if len(eligible) == 1 {
					if c != 1 || res.RunnerUp != "" || res.Tie {
						t.Fatalf("one role left: confidence %v, runner-up %q, tie %v", c, res.RunnerUp, res.Tie)
					}
					continue
				}
				if eligible[1].Role != res.RunnerUp {
					t.Fatalf("runner-up %s, want %s", res.RunnerUp, eligible[1].Role)
				}
				lead := eligible[0].Points - eligible[1].Points
				want := min(1, float64(lead)/float64(d.Scoring.FullLead))
				if res.Lead != lead || c != want {
					t.Fatalf("lead %v confidence %v, want %v and %v", res.Lead, c, lead, want)
				}
				if res.Tie != (lead == 0) {
					t.Fatalf("tie %v with a lead of %v", res.Tie, lead)
				}
				switch {
				case lead == 0:
					ties++
					if ties <= 20 {
						checkTieReads(t, d, res)
					}
				case c < d.Scoring.CloseCall:
					close++
					checkCloseCallReads(t, d, res)
				case d.CloseCallNote(res) != "":
					t.Fatalf("confidence %v has a close-call note", c)
				}
			}
			if ties == 0 || close == 0 {
				t.Errorf("%d ties and %d close calls in %d random answers: the property is not exercised", ties, close, propertyRuns)
			}
		})
	}
}

// checkTieReads: a tie has confidence 0, goes to the cheaper hire, and
// every report says so.
func checkTieReads(t *testing.T, d *advisor.Definitions, res *advisor.Result) {
	t.Helper()
	if res.Confidence != 0 || !res.Tie {
		t.Errorf("tie with confidence %v, tie %v", res.Confidence, res.Tie)
	}
	if d.TieOrder[d.RoleIndex(res.Recommended)] > d.TieOrder[d.RoleIndex(res.RunnerUp)] {
		t.Errorf("tie goes to %s, not the cheaper %s", res.Recommended, res.RunnerUp)
	}
	if got := d.ConfidenceLabel(res.Confidence); got != "a tie" {
		t.Errorf("tie labelled %q", got)
	}
	if note := d.CloseCallNote(res); !strings.Contains(note, "tied") {
		t.Errorf("tie note %q does not say tied", note)
	}
	rec, _ := d.Role(res.Recommended)
	ru, _ := d.Role(res.RunnerUp)
	for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatMarkdown} {
		out, err := d.Report(res, f, testReport)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		if !strings.Contains(text, "Confidence: a tie.") || !strings.Contains(text, "equally") {
			t.Errorf("%s report does not read as a tie:\n%s", f, out)
		}
		// Each side's points to weigh, not only the winner's.
		for _, role := range []*advisor.Role{rec, ru} {
			for _, n := range res.Notes {
				if n.Role == role.ID && !strings.Contains(text, role.Title+": "+strings.Join(strings.Fields(n.Text), " ")) {
					t.Errorf("%s report of a tie lacks %s's point to weigh %q", f, role.Title, n.Text)
				}
			}
		}
	}
	js, err := d.Report(res, advisor.FormatJSON, testReport)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Confidence float64 `json:"confidence"`
		Label      string  `json:"confidence_label"`
		Tie        *bool   `json:"tie"`
	}
	if err := json.Unmarshal(js, &got); err != nil {
		t.Fatal(err)
	}
	if got.Confidence != 0 || got.Label != "a tie" || got.Tie == nil || !*got.Tie {
		t.Errorf("JSON confidence %v %q tie %v, want 0, a tie, true", got.Confidence, got.Label, got.Tie)
	}
}

// TestTieGoesToTheCheaperHire: exactly equal scores go to the role first
// in the tie order, whatever order the roles file lists them in, and
// decimals add up exactly (0.1 + 0.2 ties with 0.3).
func TestTieGoesToTheCheaperHire(t *testing.T) {
	roles := func(order string) string {
		return strings.Replace(threeRolesYAML, "roles:\n", "tie_break: ["+order+"]\nroles:\n", 1)
	}
	questions := strings.NewReplacer(
		"weights: {operations-director: 2}\n  - id: ceo_ops_time", "weights: {operations-director: 0.1}\n  - id: ceo_ops_time",
		"label: Moderate\n        weights: {coo: 1, chief-of-staff: 1}", "label: Moderate\n        weights: {coo: 0.3}",
		"label: Low\n        weights: {operations-director: 1}", "label: Low\n        weights: {operations-director: 0.2}",
	).Replace(threeQuestionsYAML)
	answers := "employees: 500\ngrowth: moderate\nceo_ops_time: low\npain_points: [strategy-alignment, process-optimization]\n"
	// COO: 1 + 0.3 + 2 = 3.3; Operations Director: 1 + 0.2 + 2 = 3.2... so
	// a stable growth's 0.1 makes it 3.3 as well.
	answers = strings.Replace(answers, "growth: moderate", "growth: moderate", 1)
	for _, tt := range []struct{ order, want string }{
		{"operations-director, chief-of-staff, coo", director},
		{"coo, chief-of-staff, operations-director", coo},
	} {
		d := mustLoad(t, roles(tt.order), strings.Replace(questions, "label: Low\n        weights: {operations-director: 0.2}", "label: Low\n        weights: {operations-director: 0.3}", 1))
		res := recommend(t, d, parse(t, d, answers))
		if points(res, coo) != points(res, director) {
			t.Fatalf("scores %+v: the test expects a tie", res.Scores)
		}
		if res.Recommended != tt.want || !res.Tie || res.Lead != 0 {
			t.Errorf("tie order %s: recommended %s, tie %v, lead %v; want %s", tt.order, res.Recommended, res.Tie, res.Lead, tt.want)
		}
		checkTieReads(t, d, res)
	}
	// 0.1 + 0.2 against 0.3: exact.
	d := mustLoad(t, roles("operations-director, chief-of-staff, coo"), strings.NewReplacer(
		"label: Stable\n        weights: {operations-director: 2}", "label: Stable\n        weights: {operations-director: 0.1}",
		"label: Low\n        weights: {operations-director: 1}", "label: Low\n        weights: {operations-director: 0.2}",
		"label: Moderate\n        weights: {coo: 1, chief-of-staff: 1}", "label: Moderate\n        weights: {coo: 0.3}",
	).Replace(threeQuestionsYAML))
	a := parse(t, d, "employees: 500\ngrowth: stable\nceo_ops_time: low\npain_points: []\n")
	b := parse(t, d, "employees: 500\ngrowth: moderate\nceo_ops_time: high\npain_points: []\n")
	ra, rb := recommend(t, d, a), recommend(t, d, b)
	if margin(ra, director, coo) != margin(rb, coo, director)+margin(ra, director, coo)-margin(rb, coo, director) {
		t.Fatal("unreachable")
	}
	if got := points(ra, director) - points(ra, coo); got.String() != "0.3" {
		t.Errorf("0.1 + 0.2 points come to %s over the COO, want exactly 0.3", got)
	}
}

// TestAlsoPlanFor: a large company with heavy pains on both sides gets a
// COO with Operations Directors planned under them, in every format; a
// company with no operational pains does not.
func TestAlsoPlanFor(t *testing.T) {
	d := builtin(t)
	group := "employees: 10000\ndepartments: 20\nlocations: 40\nregulation: heavy\ngrowth: rapid\nexpansion: [acquisitions]\n" +
		"ceo_ops_time: medium\nleadership: []\npain_points: [strategy-alignment, overall-management, process-optimization, quality-assurance]\n"
	res := recommend(t, d, parse(t, d, group))
	if res.Recommended != coo || len(res.AlsoPlan) != 1 || res.AlsoPlan[0].Role != director {
		t.Fatalf("recommended %s, also plan %+v; want a COO with Operations Directors planned", res.Recommended, res.AlsoPlan)
	}
	want := advisor.PlanText(res.AlsoPlan[0])
	for _, name := range []string{"Process optimization", "Quality assurance"} {
		if !slices.Contains(res.AlsoPlan[0].For, name) {
			t.Errorf("the plan is not for %s: %+v", name, res.AlsoPlan[0])
		}
	}
	if !strings.Contains(want, "Operations Directors under them (for process optimization and quality assurance)") {
		t.Errorf("plan text %q", want)
	}
	for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatJSON} {
		out, _ := d.Report(res, f, testReport)
		if !strings.Contains(strings.Join(strings.Fields(string(out)), " "), want) {
			t.Errorf("%s report lacks %q", f, want)
		}
	}
	calm := recommend(t, d, parse(t, d, strings.Replace(group, ", process-optimization, quality-assurance", "", 1)))
	if len(calm.AlsoPlan) != 0 {
		t.Errorf("also plan %+v without operational pains", calm.AlsoPlan)
	}
}

func TestConfidenceLabel(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		c    float64
		want string
	}{
		{0, "a tie"},
		{0.01, "a close call"},
		{0.1499, "a close call"},
		{0.15, "moderate"},
		{0.3499, "moderate"},
		{0.35, "clear"},
		{0.5999, "clear"},
		{0.6, "strong"},
		{1, "strong"},
	}
	for _, tt := range tests {
		if got := d.ConfidenceLabel(tt.c); got != tt.want {
			t.Errorf("ConfidenceLabel(%v) = %q, want %q", tt.c, got, tt.want)
		}
	}
	if got := advisor.Percent(0.714); got != 71 {
		t.Errorf("Percent(0.714) = %d, want 71", got)
	}
}

// TestEveryPointTracesToAWeight: every role's score is the sum of its
// counted contributions; each contribution is the weight in the
// definitions of the band, option or empty answer given; what counts is
// that weight, or less only where the question's scale rules, its cap or
// an "unless" say so; and the factors add up to the total.
func TestEveryPointTracesToAWeight(t *testing.T) {
	for _, defs := range []struct {
		name string
		d    *advisor.Definitions
	}{{"built-in", builtin(t)}, {"three roles", threeRoles(t)}} {
		t.Run(defs.name, func(t *testing.T) {
			d := defs.d
			r := newRand(8)
			for i := 0; i < propertyRuns/3; i++ {
				res := recommend(t, d, randomAnswers(d, r))
				checkContributions(t, d, res)
			}
		})
	}
}

// checkContributions checks that every point of res traces to a weight of
// the definitions: the scores are the sums of the counted contributions,
// each question contributes the weights of its answer and counts them up
// to its cap, the factors add up to the total, and the reasons and
// counterpoints are the contributions that favour each side.
func checkContributions(t *testing.T, d *advisor.Definitions, res *advisor.Result) {
	t.Helper()
	n := len(d.Roles)
	sum := make(advisor.Weights, n)
	byQuestion := map[string][]advisor.Contribution{}
	for _, c := range res.Contributions {
		for i := range n {
			sum[i] += c.Counted[i]
		}
		byQuestion[c.Question] = append(byQuestion[c.Question], c)
	}
	checkScoresAreCountedSums(t, d, res, sum)
	for i := range d.Questions {
		q := &d.Questions[i]
		checkQuestionContributions(t, d, q, res.Answers, byQuestion[q.ID])
	}
	checkFactorsAddUp(t, d, res, sum)
	checkAdvantages(t, d, res)
	checkReasonsAndCounterpoints(t, d, res)
}

// checkScoresAreCountedSums checks that the scores come in role order and
// that each role's score is sum, the total its contributions count for it.
func checkScoresAreCountedSums(t *testing.T, d *advisor.Definitions, res *advisor.Result, sum advisor.Weights) {
	t.Helper()
	for i, s := range res.Scores {
		if s.Role != d.Roles[i].ID {
			t.Fatalf("score %d is %s, want role order", i, s.Role)
		}
		if s.Points != sum[i] {
			t.Fatalf("%s scores %v, its contributions add up to %v", s.Role, s.Points, sum[i])
		}
	}
}

// answerWeights returns the weights the definitions give answer a of q, one
// per contribution: its band's, its option's, or for a multi answer each
// chosen option's (the None weights when nothing is chosen).
func answerWeights(q *advisor.Question, a advisor.Answer) []advisor.Weights {
	var want []advisor.Weights
	switch q.Kind {
	case advisor.KindInteger:
		want = append(want, q.Bands[q.BandIndex(a.Int)].Weights)
	case advisor.KindChoice:
		o, _ := q.Option(a.Choice)
		want = append(want, o.Weights)
	case advisor.KindMulti:
		if len(a.Multi) == 0 {
			want = append(want, q.None.Weights)
		}
		for _, v := range a.Multi {
			o, _ := q.Option(v)
			want = append(want, o.Weights)
		}
	}
	return want
}

// checkQuestionContributions checks that the contributions got of question
// q, answered a, are exactly the weights of its answer, that each counts
// between nothing and its points (nothing when cancelled by an "unless"),
// and that what the question counts for each role is all its uncancelled
// points, or its cap when they exceed it.
func checkQuestionContributions(t *testing.T, d *advisor.Definitions, q *advisor.Question, all advisor.Answers, got []advisor.Contribution) {
	t.Helper()
	n := len(d.Roles)
	want := answerWeights(q, all[q.ID])
	if len(got) != len(want) {
		t.Fatalf("%s has %d contributions, want %d", q.ID, len(got), len(want))
	}
	raw := make(advisor.Weights, n)
	counted := make(advisor.Weights, n)
	for j := range got {
		if !slices.Equal(got[j].Points, want[j]) {
			t.Fatalf("%s contributes %v, the definitions say %v", q.ID, got[j].Points, want[j])
		}
		checkCountedWithinPoints(t, q, n, got[j])
		for r := range n {
			if !got[j].Cancelled {
				raw[r] += got[j].Points[r]
			}
			counted[r] += got[j].Counted[r]
		}
	}
	checkCountedUpToCap(t, d, q, scaled(q, all, raw), counted)
}

// scaled is raw, a question's points, after the first of its scale rules
// that holds on the answers for each role: the test's own reading of the
// rules, to check the scoring's.
func scaled(q *advisor.Question, all advisor.Answers, raw advisor.Weights) advisor.Weights {
	out := slices.Clone(raw)
	is := func(x advisor.AnswerIs) bool {
		a := all[x.Question]
		for _, v := range x.Values {
			if a.Choice == v || slices.Contains(a.Multi, v) {
				return true
			}
		}
		return false
	}
	for r := range out {
		for _, rule := range q.Scale {
			if len(rule.Roles) > 0 && !slices.Contains(rule.Roles, r) {
				continue
			}
			holds := true
			for _, x := range rule.If.When {
				holds = holds && is(x)
			}
			for _, x := range rule.If.Unless {
				holds = holds && !is(x)
			}
			if holds {
				out[r] = out[r] * rule.Share / 100
				break
			}
		}
	}
	return out
}

// checkCountedWithinPoints checks that contribution c of q counts nothing
// for any of the n roles when it is cancelled, and otherwise between
// nothing and its points for each role.
func checkCountedWithinPoints(t *testing.T, q *advisor.Question, n int, c advisor.Contribution) {
	t.Helper()
	for r := range n {
		if c.Cancelled && c.Counted[r] != 0 {
			t.Fatalf("%s: a cancelled value counts %v", q.ID, c.Counted)
		}
		if c.Counted[r] > c.Points[r] || c.Counted[r] < 0 {
			t.Fatalf("%s counts %v of %v", q.ID, c.Counted, c.Points)
		}
	}
}

// checkCountedUpToCap checks that what q counts for each role is raw, the
// sum of its uncancelled points, capped at q.Cap when it has one.
func checkCountedUpToCap(t *testing.T, d *advisor.Definitions, q *advisor.Question, raw, counted advisor.Weights) {
	t.Helper()
	for r := range d.Roles {
		want := raw[r]
		if q.Cap > 0 && want > q.Cap {
			want = q.Cap
		}
		if counted[r] != want {
			t.Fatalf("%s counts %v for %s, want %v (raw %v, cap %v)", q.ID, counted[r], d.Roles[r].ID, want, raw[r], q.Cap)
		}
	}
}

// checkFactorsAddUp checks that the factors' points add up to sum, the
// total of the counted contributions.
func checkFactorsAddUp(t *testing.T, d *advisor.Definitions, res *advisor.Result, sum advisor.Weights) {
	t.Helper()
	n := len(d.Roles)
	fsum := make(advisor.Weights, n)
	for _, f := range res.Factors {
		for i := range n {
			fsum[i] += f.Points[i]
		}
	}
	if !slices.Equal(fsum, sum) {
		t.Fatalf("factors give %v, the total is %v", fsum, sum)
	}
}

// checkAdvantages checks that each contribution's advantage is what it
// counts for the recommended role less what it counts for the runner-up
// (all of it when the rules leave no runner-up).
func checkAdvantages(t *testing.T, d *advisor.Definitions, res *advisor.Result) {
	t.Helper()
	rec, ru := d.RoleIndex(res.Recommended), d.RoleIndex(res.RunnerUp)
	for _, c := range res.Contributions {
		want := c.Counted[rec]
		if ru >= 0 {
			want -= c.Counted[ru]
		}
		if c.Advantage != want {
			t.Fatalf("advantage %v for %+v", c.Advantage, c)
		}
	}
}

// isReason reports whether contribution c is a reason for the
// recommendation of res: it has a positive advantage and gives no role in
// the running (or, when the rules decide, no role at all) more than the
// recommended one.
func isReason(d *advisor.Definitions, res *advisor.Result, c advisor.Contribution) bool {
	rec, ru := d.RoleIndex(res.Recommended), d.RoleIndex(res.RunnerUp)
	for i, s := range res.Scores {
		if (!s.RuledOut || ru < 0) && c.Counted[i] > c.Counted[rec] {
			return false
		}
	}
	return c.Advantage > 0
}

// checkReasonsAndCounterpoints checks that the reasons are the
// contributions that favour the recommendation most, strongest first, and
// the counterpoints those that favour the runner-up: the listed and the
// "more" ones together are all of them, each listed one is of its kind,
// and no unlisted reason beats the weakest listed.
func checkReasonsAndCounterpoints(t *testing.T, d *advisor.Definitions, res *advisor.Result) {
	t.Helper()
	if !slices.IsSortedFunc(res.Reasons, func(x, y advisor.Contribution) int { return int(y.Advantage - x.Advantage) }) {
		t.Fatalf("reasons not strongest first: %+v", res.Reasons)
	}
	positive, negative := 0, 0
	for _, c := range res.Contributions {
		if isReason(d, res, c) {
			positive++
		} else if c.Advantage < 0 {
			negative++
		}
	}
	if len(res.Reasons)+res.MoreReasons != positive || len(res.Counterpoints)+res.MoreCounterpoints != negative {
		t.Fatalf("%d+%d reasons and %d+%d counterpoints, want %d and %d", len(res.Reasons), res.MoreReasons, len(res.Counterpoints), res.MoreCounterpoints, positive, negative)
	}
	for _, c := range res.Reasons {
		if !isReason(d, res, c) {
			t.Fatalf("reason %+v does not favour the recommendation", c)
		}
	}
	for _, c := range res.Counterpoints {
		if c.Advantage >= 0 {
			t.Fatalf("counterpoint %+v does not favour the runner-up", c)
		}
	}
	checkStrongestReasonsListed(t, d, res)
}

// checkStrongestReasonsListed checks that no more reasons beat the weakest
// listed reason than are listed: the ones left out are the weakest.
func checkStrongestReasonsListed(t *testing.T, d *advisor.Definitions, res *advisor.Result) {
	t.Helper()
	if len(res.Reasons) == 0 {
		return
	}
	weakest := res.Reasons[len(res.Reasons)-1].Advantage
	listed := 0
	for _, c := range res.Contributions {
		if isReason(d, res, c) && c.Advantage > weakest {
			listed++
		}
	}
	if listed > len(res.Reasons) {
		t.Fatalf("%d contributions beat the weakest reason, only %d reasons listed", listed, len(res.Reasons))
	}
}

// TestEveryWeightAndRuleHasAReason: every band and option of the built-in
// questions that gives points or rules a role out says why, and every rule
// has a reason: a consultant can defend each point.
func TestEveryWeightAndRuleHasAReason(t *testing.T) {
	d := builtin(t)
	for _, q := range d.Questions {
		check := func(what string, p advisor.Part) {
			scores := slices.ContainsFunc(p.Weights, func(v advisor.Points) bool { return v != 0 })
			if (scores || len(p.RulesOut) > 0) && strings.TrimSpace(p.Why) == "" {
				t.Errorf("%s %s gives points or rules a role out without a why", q.ID, what)
			}
			for _, r := range p.RulesOut {
				if strings.TrimSpace(r.Reason) == "" {
					t.Errorf("%s %s rules out %s without a reason", q.ID, what, d.Roles[r.Role].ID)
				}
			}
		}
		for _, b := range q.Bands {
			check(b.Label, b.Part)
		}
		for _, o := range q.Options {
			check(o.Value, o.Part)
		}
		if q.Kind == advisor.KindMulti {
			check("none", q.None.Part)
		}
	}
}

// TestReasonsFollowTheWeights: changing a weight or a label in the YAML
// changes the reason text, the scores and the recommendation accordingly,
// so the reasons are computed, not canned.
func TestReasonsFollowTheWeights(t *testing.T) {
	roles := builtinSource(t, data.RolesFile)
	questions := builtinSource(t, data.QuestionsFile)
	tests := []struct {
		name       string
		answers    string
		old, new   string
		question   string
		before     string // in the reason text before the change
		after      string // in it after
		coo, od    string
		recommends string
	}{
		{
			name:     "rapid growth weighs more",
			answers:  string(example(t, "scale-up.yaml")),
			old:      "percent: {over: 30}\n        weights: {coo: 2, fractional-coo: 1}",
			new:      "percent: {over: 30}\n        weights: {coo: 7, fractional-coo: 1}",
			question: "growth", before: "— +2 Chief Operating Officer", after: "— +7 Chief Operating Officer",
			coo: "5", od: "0", recommends: coo,
		},
		{
			name:     "a weight moves to the other role",
			answers:  string(example(t, "small-business.yaml")),
			old:      "statement: \"Processes have bottlenecks\"\n        weights: {operations-director: 2, fractional-coo: 0.5}",
			new:      "statement: \"Processes have bottlenecks\"\n        weights: {coo: 1, operations-director: 1.75, fractional-coo: 0.5}",
			question: "pain_points", before: "Processes have bottlenecks — +2 Operations Director", after: "Processes have bottlenecks — +1 Chief Operating Officer, +1.75 Operations Director",
			coo: "1", od: "-0.25", recommends: director,
		},
		{
			name:     "a label is reworded",
			answers:  string(example(t, "small-business.yaml")),
			old:      "label: Quality is inconsistent\n",
			new:      "label: Customers complain about quality\n",
			question: "pain_points", before: "Pain points: Quality is inconsistent — +2", after: "Pain points: Customers complain about quality — +2",
			coo: "0", od: "0", recommends: director,
		},
	}
	base := builtin(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changed := mustLoad(t, roles, replaceOnce(t, questions, tt.old, tt.new))
			was := recommend(t, base, parse(t, base, tt.answers))
			now := recommend(t, changed, parse(t, changed, tt.answers))
			if got := reasonsAbout(base, was, tt.question); !strings.Contains(got, tt.before) {
				t.Errorf("before: reasons %q lack %q", got, tt.before)
			}
			got := reasonsAbout(changed, now, tt.question)
			if !strings.Contains(got, tt.after) {
				t.Errorf("after: reasons %q lack %q", got, tt.after)
			}
			if strings.Contains(got, tt.before) {
				t.Errorf("after: reasons %q still say %q", got, tt.before)
			}
			if d := points(now, coo) - points(was, coo); d.String() != tt.coo {
				t.Errorf("COO points moved by %v, want %v", d, tt.coo)
			}
			if d := points(now, director) - points(was, director); d.String() != tt.od {
				t.Errorf("Operations Director points moved by %v, want %v", d, tt.od)
			}
			if now.Recommended != tt.recommends {
				t.Errorf("recommends %s, want %s", now.Recommended, tt.recommends)
			}
			report, _ := changed.Report(now, advisor.FormatJSON, testReport)
			if !strings.Contains(string(report), tt.after) {
				t.Errorf("JSON report does not hold %q", tt.after)
			}
		})
	}
}

// reasonsAbout joins the reason and counterpoint texts of one question.
func reasonsAbout(d *advisor.Definitions, res *advisor.Result, question string) string {
	var out []string
	for _, c := range slices.Concat(res.Reasons, res.Counterpoints, res.Contributions) {
		if c.Question == question {
			out = append(out, d.ReasonText(c))
		}
	}
	return strings.Join(out, " | ")
}

// TestLeaning scores partial answers: unanswered questions count nothing.
func TestLeaning(t *testing.T) {
	d := builtin(t)
	zero := d.Leaning(nil)
	for _, s := range zero {
		if s.Points != 0 || s.Share != 1/float64(len(d.Roles)) || s.RuledOut {
			t.Errorf("nothing answered: %+v, want 0 points and an equal share", s)
		}
	}
	q, _ := d.Question("growth")
	o, _ := q.Option("rapid")
	got := d.Leaning(advisor.Answers{"growth": {Choice: "rapid"}})
	for i, s := range got {
		if s.Points != o.Weights[i] {
			t.Errorf("%s leans %v, the rapid option gives %v", s.Role, s.Points, o.Weights[i])
		}
	}
	// An answer that rules a role out shows at once.
	small := d.Leaning(advisor.Answers{"employees": {Int: 5}})
	if !small[d.RoleIndex(coo)].RuledOut || small[d.RoleIndex(coo)].Share != 0 {
		t.Errorf("5 employees: %+v, want the COO ruled out", small)
	}
	// A complete set leans like the recommendation.
	r := newRand(9)
	for i := 0; i < 100; i++ {
		a := randomAnswers(d, r)
		res := recommend(t, d, a)
		for j, s := range d.Leaning(a) {
			if s != res.Scores[j] {
				t.Fatalf("Leaning %+v, Recommend %+v", s, res.Scores[j])
			}
		}
		if d.Winner(a) != res.Recommended {
			t.Fatalf("Winner %s, Recommend %s", d.Winner(a), res.Recommended)
		}
	}
}

// TestRecommendDoesNotChangeItsInput: the caller's answers stay as given.
func TestRecommendDoesNotChangeItsInput(t *testing.T) {
	d := builtin(t)
	a := randomAnswers(d, rand.New(rand.NewPCG(10, 10)))
	a["pain_points"] = advisor.Answer{Multi: []string{"quality-assurance", "strategy-alignment"}}
	keep := a.Clone()
	recommend(t, d, a)
	for id, v := range keep {
		q, _ := d.Question(id)
		if !answersEqual(q, a[id], v) || !slices.Equal(a[id].Multi, v.Multi) {
			t.Errorf("%s changed from %+v to %+v", id, v, a[id])
		}
	}
}

// TestNotesFollowTheAnswersAndTheRecommendation: a note of an answer
// shows exactly when the answer is given and its role is recommended (or
// ties), and the notes reach every report a client reads.
func TestNotesFollowTheAnswersAndTheRecommendation(t *testing.T) {
	d := builtin(t)
	r := newRand(41)
	shown := 0
	for range 2000 {
		res := recommend(t, d, randomAnswers(d, r))
		roles := []string{res.Recommended}
		if res.Tie {
			roles = append(roles, res.RunnerUp)
		}
		var want []string
		for _, role := range roles {
			ri := d.RoleIndex(role)
			for _, q := range d.Questions {
				for _, p := range answerParts(d, q.ID, res.Answers[q.ID]) {
					if text := p.Notes.For(ri); text != "" {
						want = append(want, q.ID+": "+text)
					}
				}
			}
		}
		var got []string
		for _, n := range res.AnswerNotes() {
			got = append(got, n.Question+": "+n.Text)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s recommended: notes\n%q\nwant\n%q", res.Recommended, got, want)
		}
		if len(got) == 0 || shown == 3 {
			continue
		}
		shown++
		note := res.AnswerNotes()[0].Text
		for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatHTML, advisor.FormatJSON} {
			out, err := d.Report(res, f, testReport)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(strings.Fields(string(out)), " "), strings.Join(strings.Fields(note), " ")) {
				t.Errorf("%s report lacks the note %q", f, note)
			}
		}
	}
	if shown == 0 {
		t.Error("no random answers brought up a note")
	}
}

// answerParts are the bands or options an answer picks.
func answerParts(d *advisor.Definitions, id string, a advisor.Answer) []*advisor.Part {
	q, _ := d.Question(id)
	var out []*advisor.Part
	switch {
	case q.Kind == advisor.KindInteger:
		for i := range q.Bands {
			if b := &q.Bands[i]; a.Int >= b.Min && a.Int <= b.Max {
				out = append(out, &b.Part)
				break
			}
		}
	case q.IsList():
		for _, v := range a.Multi {
			o, _ := q.Option(v)
			out = append(out, &o.Part)
		}
		if len(a.Multi) == 0 {
			out = append(out, &q.None.Part)
		}
	default:
		o, _ := q.Option(a.Choice)
		out = append(out, &o.Part)
	}
	return out
}

// TestRulesOutEveryRoleIsRefused: definitions whose rules could rule out
// every role at once are refused, naming the answers and a line.
func TestRulesOutEveryRoleIsRefused(t *testing.T) {
	q := strings.Replace(threeQuestionsYAML, "      - max: 20\n        label: 20 or fewer\n        weights: {chief-of-staff: 3}\n",
		"      - max: 20\n        label: 20 or fewer\n        weights: {chief-of-staff: 3}\n        rules_out:\n          - {role: coo, reason: Too small for a COO.}\n          - {role: operations-director, reason: Too small for a director.}\n", 1)
	q = strings.Replace(q, "      - value: high\n        label: High\n        weights: {chief-of-staff: 3}\n",
		"      - value: high\n        label: High\n        weights: {chief-of-staff: 3}\n        rules_out:\n          - {role: chief-of-staff, reason: A chief of staff will not fix this.}\n", 1)
	_, err := load(threeRolesYAML, q)
	ie := inputError(t, err)
	if len(ie.Problems) != 1 {
		t.Fatalf("problems %v", ie)
	}
	p := ie.Problems[0]
	for _, want := range []string{"rule out every role", "employees \"20 or fewer\"", "ceo_ops_time \"High\""} {
		if !strings.Contains(p.Msg, want) {
			t.Errorf("message %q lacks %q", p.Msg, want)
		}
	}
	if p.File != "questions.yaml" || p.Line != lineOf(t, q, "value: high") {
		t.Errorf("problem at %s:%d, want questions.yaml:%d", p.File, p.Line, lineOf(t, q, "value: high"))
	}
	// One of the two alone is fine.
	if _, err := load(threeRolesYAML, strings.Replace(q, "        rules_out:\n          - {role: chief-of-staff, reason: A chief of staff will not fix this.}\n", "", 1)); err != nil {
		t.Errorf("two roles ruled out, one left: %v", err)
	}
	// Values of one list count together.
	q2 := strings.Replace(threeQuestionsYAML, "        label: Strategy drift\n        weights: {coo: 2}\n",
		"        label: Strategy drift\n        weights: {coo: 2}\n        rules_out: [{role: coo, reason: x}, {role: chief-of-staff, reason: y}]\n", 1)
	q2 = strings.Replace(q2, "        label: Bottlenecks\n        weights: {operations-director: 2}\n",
		"        label: Bottlenecks\n        weights: {operations-director: 2}\n        rules_out: [{role: operations-director, reason: z}]\n", 1)
	if _, err := load(threeRolesYAML, q2); err == nil || !strings.Contains(err.Error(), "rule out every role") {
		t.Errorf("two values of one list ruling out every role: %v", err)
	}
}

// TestUnknownRuleRoleIsRefused: a rule that names no role is an error on
// its line, with the roles to choose from.
func TestUnknownRuleRoleIsRefused(t *testing.T) {
	q := strings.Replace(threeQuestionsYAML, "        label: 20 or fewer\n        weights: {chief-of-staff: 3}\n",
		"        label: 20 or fewer\n        weights: {chief-of-staff: 3}\n        rules_out:\n          - role: cooo\n            reason: Too small.\n", 1)
	_, err := load(threeRolesYAML, q)
	requireProblem(t, err, wantProblem{file: "questions.yaml", line: lineOf(t, q, "role: cooo"), key: "questions[employees].bands[0].rules_out[0].role", msgs: []string{"unknown role \"cooo\"; did you mean coo?"}})
}

func ExamplePlanText() {
	fmt.Println(advisor.PlanText(advisor.Plan{Text: "Hire the COO first, then Operations Directors under them", For: []string{"Quality assurance"}}))
	// Output: Hire the COO first, then Operations Directors under them (for quality assurance).
}
