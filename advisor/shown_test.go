package advisor_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// TestPercentsAddUpTo100: whole percentages that add up to 100 by largest
// remainder, the first of equal remainders taking the point; nothing to
// share gives zeros.
func TestPercentsAddUpTo100(t *testing.T) {
	for _, tc := range []struct {
		name   string
		shares []float64
		want   []int
	}{
		{"rounding each would make 101", []float64{0.425, 0.385, 0.19}, []int{43, 38, 19}},
		{"thirds", []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, []int{34, 33, 33}},
		{"sixths, rounding each would make 101", []float64{1.0 / 6, 4.0 / 6, 1.0 / 6}, []int{17, 67, 16}},
		{"one role", []float64{1, 0, 0}, []int{100, 0, 0}},
		{"nothing yet", []float64{0, 0, 0}, []int{0, 0, 0}},
		{"shares not adding up to 1", []float64{2, 1, 1}, []int{50, 25, 25}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := advisor.Percents(tc.shares); !slices.Equal(got, tc.want) {
				t.Fatalf("Percents(%v) = %v, want %v", tc.shares, got, tc.want)
			}
		})
	}
	r := rand.New(rand.NewPCG(15, 27))
	for range 10000 {
		shares := make([]float64, 1+r.IntN(5))
		for i := range shares {
			shares[i] = r.Float64()
		}
		sum := 0
		for i, p := range advisor.Percents(shares) {
			sum += p
			if p < 0 || p > 100 {
				t.Fatalf("Percents(%v)[%d] = %d", shares, i, p)
			}
		}
		if sum != 100 {
			t.Fatalf("Percents(%v) adds up to %d", shares, sum)
		}
	}
}

// TestDescribeChangeSaysOnlyWhatChanged: an edit is told by what it
// changed: the values removed and added, not both lists whole; a number's
// old and new values; a choice's old and new option.
func TestDescribeChangeSaysOnlyWhatChanged(t *testing.T) {
	d := builtin(t)
	q := func(id string) *advisor.Question {
		q, ok := d.Question(id)
		if !ok {
			t.Fatalf("no question %s", id)
		}
		return q
	}
	pains, growth, employees := q("pain_points"), q("growth"), q("employees")
	label := func(v string) string {
		o, _ := pains.Option(v)
		return o.Label
	}
	for _, tc := range []struct {
		name          string
		q             *advisor.Question
		before, after advisor.Answer
		want          string
	}{
		{
			"one pain removed", pains,
			advisor.Answer{Multi: []string{"operational-efficiency", "performance-monitoring"}},
			advisor.Answer{Multi: []string{"operational-efficiency"}},
			"removed: " + label("performance-monitoring"),
		},
		{
			"one removed, two added", pains,
			advisor.Answer{Multi: []string{"operational-efficiency"}},
			advisor.Answer{Multi: []string{"performance-monitoring", "process-optimization"}},
			"removed: " + label("operational-efficiency") + " · added: " + label("performance-monitoring") + "; " + label("process-optimization"),
		},
		{
			"all removed", pains,
			advisor.Answer{Multi: []string{"operational-efficiency"}},
			advisor.Answer{},
			"removed: " + label("operational-efficiency") + " · now: " + pains.None.Label,
		},
		{"a number", employees, advisor.Answer{Int: 120}, advisor.Answer{Int: 1600}, "from 120 to 1,600"},
		{
			"a choice", growth,
			advisor.Answer{Choice: "stable"},
			advisor.Answer{Choice: "rapid"},
			"from " + growth.Describe(advisor.Answer{Choice: "stable"}) + " to " + growth.Describe(advisor.Answer{Choice: "rapid"}),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.q.DescribeChange(tc.before, tc.after); got != tc.want {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
