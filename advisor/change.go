package advisor

import "sort"

// Change is the smallest change of one answer that would make a different
// role come out on top.
type Change struct {
	Question string
	From, To Answer
	Role     string // the role the advice would become
	// Steps measures how far the change is: bands crossed for integers,
	// places moved in the option list for choices, values added or removed
	// for multi-choice. Changes are listed by Steps, nearest first.
	Steps int

	// Integers: the answers in [Lo, Hi] give Role. Down is true when they
	// are below the current answer. Open is true when every answer further
	// in that direction gives a different advice too, so the change reads
	// "at about Hi or fewer" rather than "between Lo and Hi".
	Lo, Hi int
	Down   bool
	Open   bool

	// Multi-choice: values to add to and remove from the answer.
	Added, Removed []string
}

// maxToggles bounds the multi-choice search: changing more than three
// values of one answer is not a small change any more.
const maxToggles = 3

// maxTrials bounds the answers the multi-choice search tries for one
// question. The built-in questions need at most 175; a user's file with
// hundreds of options would otherwise take minutes (the count grows with
// the cube of the options). A size of change that would pass the bound is
// not searched, nor any larger one, so what is found stays the smallest.
const maxTrials = 20000

// binomial is n choose k, or limit+1 when it is larger than limit.
func binomial(n, k, limit int) int {
	c := 1
	for i := 1; i <= k; i++ {
		c = c * (n - k + i) / i
		if c > limit {
			return limit + 1
		}
	}
	return c
}

// whatWouldChange tries, for each question alone, the smallest changes of
// its answer and keeps the nearest one that makes another role win.
func (d *Definitions) whatWouldChange(answers Answers, perQuestion []Weights, total Weights, rec int) []Change {
	n := len(d.Roles)
	base := make(Weights, n) // total without the question
	trial := make(Weights, n)
	var out []Change
	ids := d.RoleIDs()
	for qi := range d.Questions {
		q := &d.Questions[qi]
		cur := answers[q.ID]
		for i := range base {
			base[i] = total[i] - perQuestion[qi][i]
		}
		// outcome scores the question answered with a instead; it returns
		// the winning role and its lead over the current recommendation.
		outcome := func(a Answer) (int, float64) {
			copy(trial, base)
			q.addPoints(a, trial)
			w := winner(trial)
			return w, trial[w] - trial[rec]
		}
		var ch *Change
		switch q.Kind {
		case KindInteger:
			ch = integerChange(q, cur, rec, outcome, ids)
		case KindChoice:
			ch = choiceChange(q, cur, rec, outcome, ids)
		case KindMulti:
			ch = multiChange(q, cur, rec, outcome, ids)
		}
		if ch != nil {
			ch.Question = q.ID
			ch.From = cur
			out = append(out, *ch)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Steps < out[j].Steps })
	return out
}

type outcomeFunc func(Answer) (winner int, lead float64)

func integerChange(q *Question, cur Answer, rec int, outcome outcomeFunc, ids []string) *Change {
	ci := q.BandIndex(cur.Int)
	if ci < 0 {
		return nil
	}
	flips := make([]int, len(q.Bands)) // winner per band, or -1 when it stays
	for j, b := range q.Bands {
		flips[j] = -1
		if j == ci {
			continue
		}
		if w, _ := outcome(Answer{Int: b.Min}); w != rec {
			flips[j] = w
		}
	}
	var best *Change
	consider := func(j int, down bool) {
		b := q.Bands[j]
		c := &Change{To: Answer{Int: b.Max}, Steps: abs(j - ci), Lo: b.Min, Hi: b.Max, Down: down, Open: true}
		if !down {
			c.To = Answer{Int: b.Min}
		}
		// Open when every band beyond j gives the same role as well: the
		// text says "or more, the advice would be <role>".
		for k := j; k >= 0 && k < len(q.Bands); {
			if flips[k] != flips[j] {
				c.Open = false
				break
			}
			if down {
				k--
			} else {
				k++
			}
		}
		c.Role = ids[flips[j]]
		if best == nil || c.Steps < best.Steps || (c.Steps == best.Steps && ratio(cur.Int, c) < ratio(cur.Int, best)) {
			best = c
		}
	}
	for j := ci - 1; j >= 0; j-- {
		if flips[j] >= 0 {
			consider(j, true)
			break
		}
	}
	for j := ci + 1; j < len(q.Bands); j++ {
		if flips[j] >= 0 {
			consider(j, false)
			break
		}
	}
	return best
}

// ratio is how many times bigger or smaller the answer would have to be.
func ratio(v int, c *Change) float64 {
	t := float64(c.To.Int)
	f := float64(v)
	if t > f {
		return t / f
	}
	return f / t
}

func choiceChange(q *Question, cur Answer, rec int, outcome outcomeFunc, ids []string) *Change {
	_, ci := q.Option(cur.Choice)
	var best *Change
	for j, o := range q.Options {
		if j == ci {
			continue
		}
		w, _ := outcome(Answer{Choice: o.Value})
		if w == rec {
			continue
		}
		c := &Change{To: Answer{Choice: o.Value}, Steps: abs(j - ci), Role: ids[w]}
		if best == nil || c.Steps < best.Steps {
			best = c
		}
	}
	return best
}

func multiChange(q *Question, cur Answer, rec int, outcome outcomeFunc, ids []string) *Change {
	m := len(q.Options)
	chosen := make([]bool, m)
	for _, v := range cur.Multi {
		if _, i := q.Option(v); i >= 0 {
			chosen[i] = true
		}
	}
	trial := make([]bool, m)
	idx := make([]int, 0, maxToggles)
	trials := 0
	for size := 1; size <= maxToggles && size <= m; size++ {
		if trials += binomial(m, size, maxTrials); trials > maxTrials {
			return nil
		}
		var best *Change
		bestLead := 0.0
		// Enumerate every set of `size` options to toggle, in option order.
		var walk func(start int)
		walk = func(start int) {
			if len(idx) == size {
				copy(trial, chosen)
				for _, i := range idx {
					trial[i] = !trial[i]
				}
				a := Answer{Multi: q.multiFromMask(trial)}
				w, lead := outcome(a)
				if w == rec || (best != nil && lead <= bestLead) {
					return
				}
				c := &Change{To: a, Steps: size, Role: ids[w]}
				for _, i := range idx {
					if chosen[i] {
						c.Removed = append(c.Removed, q.Options[i].Value)
					} else {
						c.Added = append(c.Added, q.Options[i].Value)
					}
				}
				best, bestLead = c, lead
				return
			}
			for i := start; i < m; i++ {
				if !chosen[i] && q.Options[i].Value == ids[rec] {
					// "If you already had a COO, you would not need one" is
					// true but useless to someone deciding whether to hire
					// one: adding the recommended role itself is not tried.
					continue
				}
				idx = append(idx, i)
				walk(i + 1)
				idx = idx[:len(idx)-1]
			}
		}
		walk(0)
		if best != nil {
			return best
		}
	}
	return nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
