package advisor_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// TestHardCalls: the calls advisers are paid for, as the issue that added
// the fourth outcome describes them, come out as advisers make them.
func TestHardCalls(t *testing.T) {
	d := builtin(t)
	for _, tc := range []struct {
		name    string
		answers string
		want    []string // any of these
	}{
		{
			"a well-run, steady company whose capable Director runs operations, the CEO a third of the week on them",
			"employees: 180\ndepartments: 6\nlocations: 2\nregulation: moderate\ngrowth: stable\nexpansion: []\nceo_ops_time: medium\nleadership: [operations-director]\npain_points: [performance-monitoring]\nrevenue: up-to-100m\n",
			[]string{noNewLeader},
		},
		{
			"a shrinking 60-person firm with no pains and a CEO with time",
			"employees: 60\ndepartments: 4\nlocations: 1\nregulation: light\ngrowth: declining\nexpansion: []\nceo_ops_time: low\nleadership: []\npain_points: []\n",
			[]string{noNewLeader},
		},
		{
			"a three-person consultancy",
			"employees: 3\ndepartments: 1\nlocations: 1\nregulation: light\ngrowth: stable\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: []\n",
			[]string{noNewLeader},
		},
		{
			"a 380-person restaurant group, 12 restaurants, five functions, execution pains",
			"employees: 380\ndepartments: 5\nlocations: 12\nregulation: moderate\ngrowth: moderate\nexpansion: []\nceo_ops_time: medium\nleadership: [operations-managers]\npain_points: [operational-efficiency, quality-assurance, performance-monitoring, team-leadership]\noperating_model: multi-unit\n",
			[]string{director},
		},
		{
			"the same restaurant group, its operating model not given",
			"employees: 380\ndepartments: 5\nlocations: 12\nregulation: moderate\ngrowth: moderate\nexpansion: []\nceo_ops_time: medium\nleadership: [operations-managers]\npain_points: [operational-efficiency, quality-assurance, performance-monitoring, team-leadership]\n",
			[]string{director},
		},
		{
			"a 420-person care agency across 15 branches, quality and measures pains",
			"employees: 420\ndepartments: 4\nlocations: 15\nregulation: heavy\ngrowth: moderate\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: [quality-assurance, performance-monitoring, process-optimization]\noperating_model: multi-unit\n",
			[]string{director},
		},
		{
			"a shrinking 25-person agency on a small revenue, with real pains",
			"employees: 25\ndepartments: 4\nlocations: 1\nregulation: light\ngrowth: declining\nexpansion: []\nceo_ops_time: high\nleadership: []\npain_points: [process-optimization, resource-allocation]\nrevenue: up-to-8m\noperating_model: client-projects\n",
			[]string{fractional, noNewLeader},
		},
		{
			"a fast-growing 1,200-person group buying competitors, strategy and risk pains, nobody over operations",
			"employees: 1200\ndepartments: 10\nlocations: 12\nregulation: heavy\ngrowth: rapid\nexpansion: [acquisitions, international]\nceo_ops_time: high\nleadership: []\npain_points: [strategy-alignment, risk-management, overall-management]\n",
			[]string{coo},
		},
		{
			"a Director in post, a swamped CEO, fast growth and strategy-side pains: the level above",
			"employees: 250\ndepartments: 8\nlocations: 5\nregulation: moderate\ngrowth: rapid\nexpansion: [new-markets, acquisitions]\nceo_ops_time: high\nleadership: [operations-director]\npain_points: [strategy-alignment, overall-management, resource-allocation]\n",
			[]string{coo},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := recommend(t, d, parse(t, d, tc.answers))
			if !slices.Contains(tc.want, res.Recommended) {
				t.Errorf("recommended %s, want %v (scores %+v)", res.Recommended, tc.want, res.Scores)
			}
		})
	}
}

// TestConfidenceNamesWhatItTurnsOn: advice that one plausible change of a
// single answer would flip reads "a close call", whatever its lead, and
// names the answer; each such change is plausible (one step, a number
// within a quarter or one) and does flip the advice; "strong" always has
// a clear lead and nothing it turns on.
func TestConfidenceNamesWhatItTurnsOn(t *testing.T) {
	d := builtin(t)
	lowest := d.Scoring.Confidence[0].Word
	top := d.Scoring.Confidence[len(d.Scoring.Confidence)-1].Word
	r := newRand(21)
	longLead := 0
	for i := 0; i < propertyRuns; i++ {
		res := recommend(t, d, randomAnswers(d, r))
		label := d.ResultConfidence(res)
		if len(res.TurnsOn) > 0 {
			if label != lowest && !res.Tie && res.RunnerUp != "" {
				t.Fatalf("advice that turns on %s reads %q", res.TurnsOn[0].Question, label)
			}
			if !strings.HasPrefix(d.TurnsOnText(res), "This turns on whether ") {
				t.Fatalf("the turns-on sentence: %q", d.TurnsOnText(res))
			}
			if res.Confidence >= 0.35 {
				longLead++
			}
		}
		if label == top && (len(res.TurnsOn) > 0 || res.Confidence < 0.6) {
			t.Fatalf("%q with a confidence of %v and %d answers it turns on", top, res.Confidence, len(res.TurnsOn))
		}
		for _, c := range res.TurnsOn {
			checkPlausibleFlip(t, d, res, c)
		}
	}
	if longLead == 0 {
		t.Error("no advice with a long lead turned on an answer: the rule is not exercised")
	}
}

// checkPlausibleFlip checks that change c, one the advice turns on, is a
// single plausible step and gives the advice it names.
func checkPlausibleFlip(t *testing.T, d *advisor.Definitions, res *advisor.Result, c advisor.Change) {
	t.Helper()
	if c.Steps > d.Scoring.TurnsOn.Steps {
		t.Fatalf("%s: %d steps away", c.Question, c.Steps)
	}
	q, _ := d.Question(c.Question)
	if q.Kind == advisor.KindInteger {
		from, to := float64(c.From.Int), float64(c.To.Int)
		if math.Abs(to-from) > 1 && math.Abs(to-from) > d.Scoring.TurnsOn.Numbers*from {
			t.Fatalf("%s: %v to %v is no plausible mistake", c.Question, from, to)
		}
	}
	flipped := recommend(t, d, withAnswer(res.Answers, c.Question, c.To))
	if flipped.Recommended == res.Recommended || flipped.Recommended != c.Role {
		t.Fatalf("%s to %+v gives %s; the change says %s, the advice is %s", c.Question, c.To, flipped.Recommended, c.Role, res.Recommended)
	}
}

// TestReasonsAddToTheirOutcome: a reason adds points to the outcome it is
// listed for; the answers that say a leader is not needed (steady growth,
// no expansion, a CEO with time, no pain, a leader in post) are never a
// reason for a COO or an Operations Director.
func TestReasonsAddToTheirOutcome(t *testing.T) {
	d := builtin(t)
	calm := map[string]string{"growth": "stable", "expansion": "", "ceo_ops_time": "low", "pain_points": "", "leadership": "operations-director"}
	r := newRand(22)
	for i := 0; i < propertyRuns; i++ {
		res := recommend(t, d, randomAnswers(d, r))
		rec := d.RoleIndex(res.Recommended)
		for _, c := range res.Reasons {
			if c.Counted[rec] <= 0 {
				t.Fatalf("%s (%s) is a reason for %s but gives it nothing", c.Question, c.Label, res.Recommended)
			}
			if v, ok := calm[c.Question]; ok && c.Value == v && (res.Recommended == coo || res.Recommended == director) {
				t.Fatalf("%q is a reason for %s", c.Statement, res.Recommended)
			}
		}
	}
}
