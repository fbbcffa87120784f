package advisor

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
)

// Change is the smallest plausible change of one answer that would make a
// different role come out on top.
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
	// in that direction gives Role too, so the change reads "at about Hi or
	// fewer" rather than "between Lo and Hi".
	Lo, Hi int
	Down   bool
	Open   bool

	// Multi-choice: values to add to and remove from the answer.
	Added, Removed []string

	ratio float64 // integers: how many times bigger or smaller To is
}

// changeSearch holds what the search of each question's changes shares:
// the current score, and the score without the question being changed.
type changeSearch struct {
	d       *Definitions
	answers Answers
	t       *tally
	rec     int

	base      Weights // total without the question being changed
	baseRuled []int   // rules without it
	pts       Weights // scratch: the question's points for a trial
	total     Weights // scratch: the total for a trial
	ruled     []int   // scratch: the rules for a trial
}

// whatWouldChange tries, for each question alone, the plausible changes of
// its answer (see Scoring) and keeps the nearest one that makes another
// role win. A ruled-out role can only win when the change drops the answer
// that rules it out: every trial is scored with the rules, as a real
// answer would be.
func (d *Definitions) whatWouldChange(answers Answers, t *tally, rec int) []Change {
	n := len(d.Roles)
	s := &changeSearch{
		d: d, answers: answers, t: t, rec: rec,
		base: make(Weights, n), baseRuled: make([]int, n),
		pts: make(Weights, n), total: make(Weights, n), ruled: make([]int, n),
	}
	var out []Change
	for qi := range d.Questions {
		q := &d.Questions[qi]
		// The question's own rules, subtracted from the tally's.
		copy(s.baseRuled, t.ruled)
		q.rules().parts(q, answers[q.ID], func(p *Part, _ bool) {
			for _, r := range p.RulesOut {
				s.baseRuled[r.Role]--
			}
		})
		for i := range s.base {
			s.base[i] = t.total[i] - t.perQuestion[qi][i]
		}
		if ch := q.rules().change(s, qi); ch != nil {
			ch.Question = q.ID
			ch.From = answers[q.ID]
			out = append(out, *ch)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Steps < out[j].Steps })
	return out
}

// outcome scores the questionnaire with question qi answered by a; it
// returns the winner and its lead over the current recommendation.
func (s *changeSearch) outcome(qi int, a Answer) (int, Points) {
	q := &s.d.Questions[qi]
	if s.d.scaledBy[qi] {
		return s.retally(q, a)
	}
	copy(s.ruled, s.baseRuled)
	q.score(s.answers, a, s.pts, s.ruled)
	return s.finish()
}

// retally scores the whole questionnaire again with q answered by a: for
// a question whose answer other questions' scale rules read, a change
// moves their points too.
func (s *changeSearch) retally(q *Question, a Answer) (int, Points) {
	trial := s.answers.Clone()
	trial[q.ID] = a
	t := s.d.tally(trial, false)
	w, _ := s.d.rank(t.total, t.ruled)
	if w < 0 {
		return s.rec, 0
	}
	return w, t.total[w] - t.total[s.rec]
}

// finish adds the trial's points (in s.pts, rules in s.ruled) to the base.
func (s *changeSearch) finish() (int, Points) {
	for i := range s.total {
		s.total[i] = s.base[i] + s.pts[i]
	}
	w, _ := s.d.rank(s.total, s.ruled)
	if w < 0 {
		return s.rec, 0
	}
	return w, s.total[w] - s.total[s.rec]
}

// change for integers: the nearest band, in each direction, whose answers
// change the advice, within Shrink to Grow times today's answer.
func (integerKind) change(s *changeSearch, qi int) *Change {
	q := &s.d.Questions[qi]
	cur := s.answers[q.ID].Int
	ci := q.BandIndex(cur)
	if ci < 0 || q.Bands[ci].NoLever {
		return nil // an answer that is not a lever is not changed either
	}
	lo := max(q.Min, int(math.Ceil(float64(cur)*s.d.Scoring.Shrink)))
	hi := min(q.Max, int(math.Floor(float64(cur)*s.d.Scoring.Grow)))
	winner := func(j int) int {
		w, _ := s.outcome(qi, Answer{Int: q.Bands[j].Min})
		return w
	}
	var best *Change
	try := func(j int, down bool) bool {
		b := &q.Bands[j]
		if b.NoLever || (down && b.Max < lo) || (!down && b.Min > hi) {
			return false
		}
		w := winner(j)
		if w == s.rec {
			return false
		}
		c := &Change{Steps: abs(j - ci), Lo: b.Min, Hi: b.Max, Down: down, Open: true, Role: s.d.Roles[w].ID}
		c.To = Answer{Int: b.Min}
		if down {
			c.To = Answer{Int: b.Max}
		}
		// Open when every band beyond j gives the same role as well: the
		// text says "or more, the advice would be <role>".
		for k := j + 1; !down && k < len(q.Bands); k++ {
			if winner(k) != w {
				c.Open = false
				break
			}
		}
		for k := j - 1; down && k >= 0; k-- {
			if winner(k) != w {
				c.Open = false
				break
			}
		}
		c.ratio = ratio(cur, c.To.Int)
		if best == nil || c.Steps < best.Steps || (c.Steps == best.Steps && c.ratio < best.ratio) {
			best = c
		}
		return true
	}
	// The nearest band each way that changes the advice: try stops there.
	for j := ci - 1; j >= 0; j-- {
		if try(j, true) {
			break
		}
	}
	for j := ci + 1; j < len(q.Bands); j++ {
		if try(j, false) {
			break
		}
	}
	return best
}

// ratio is how many times bigger or smaller to is than from.
func ratio(from, to int) float64 {
	t, f := float64(to), float64(from)
	if t > f {
		return t / max(f, 1)
	}
	return f / max(t, 1)
}

// change for choices: the nearest option, at most OptionSteps places away,
// that changes the advice; on equal distance the one that changes it most.
func (choiceKind) change(s *changeSearch, qi int) *Change {
	q := &s.d.Questions[qi]
	cur, ci := q.Option(s.answers[q.ID].Choice)
	if cur == nil || cur.NoLever {
		return nil // an answer that is not a lever is not changed either
	}
	var best *Change
	var bestLead Points
	for j := max(0, ci-s.d.Scoring.OptionSteps); j <= min(len(q.Options)-1, ci+s.d.Scoring.OptionSteps); j++ {
		o := &q.Options[j]
		if j == ci || o.NoLever {
			continue
		}
		w, lead := s.outcome(qi, Answer{Choice: o.Value})
		if w == s.rec {
			continue
		}
		c := &Change{To: Answer{Choice: o.Value}, Steps: abs(j - ci), Role: s.d.Roles[w].ID}
		if best == nil || c.Steps < best.Steps || (c.Steps == best.Steps && lead > bestLead) {
			best, bestLead = c, lead
		}
	}
	return best
}

// maxCandidates bounds the values the multi-choice search combines. The
// search tries every set of up to Toggles of them, so it stays at a few
// thousand trials however many options a user's question has.
const maxCandidates = 16

// change for multi-choice: the fewest values added or removed (at most
// Toggles) that change the advice; among equally few, the set that
// changes it most. Values that cannot tip the balance are not combined:
// each role that could win instead keeps the values that move the most
// points its way, so the search is near-linear in the options.
func (multiKind) change(s *changeSearch, qi int) *Change {
	q := &s.d.Questions[qi]
	m := len(q.Options)
	chosen := make([]bool, m)
	for _, v := range s.answers[q.ID].Multi {
		if _, i := q.Option(v); i >= 0 {
			chosen[i] = true
		}
	}
	cands := s.candidates(q, chosen)
	trial := make([]bool, m)
	copy(trial, chosen)
	// Without "unless", a trial's points are today's plus the toggled
	// values' own; with it, the question is scored again from the mask.
	incremental := !q.hasUnless()
	cur := make(Weights, len(s.d.Roles))
	if incremental {
		q.maskParts(chosen, func(p *Part, counts bool) {
			if counts && len(q.Options) > 0 && p != &q.None.Part {
				addTo(cur, p.Weights)
			}
		})
	}
	// toggled is the question's points with the values in idx toggled,
	// from the points of the values chosen today (no cap, no unless).
	toggled := func(idx []int) {
		copy(s.pts, cur)
		empty := countChosen(chosen)
		for _, i := range idx {
			w := q.Options[i].Weights
			sign := Points(1)
			if chosen[i] {
				sign, empty = -1, empty-1
			} else {
				empty++
			}
			for r := range s.pts {
				s.pts[r] += sign * w[r]
			}
		}
		if empty == 0 {
			addTo(s.pts, q.None.Weights)
		}
	}
	shared := s.answers[q.ID].Share
	score := func(idx []int) (int, Points) {
		// A team's merged list weighs each value by who named it: a
		// value added counts in full, one removed not at all, the others
		// as named.
		if shared != nil {
			return s.outcome(qi, toggledShared(q, s.answers[q.ID], idx, chosen))
		}
		if s.d.scaledBy[qi] {
			for _, i := range idx {
				trial[i] = !trial[i]
			}
			a := Answer{Multi: q.multiFromMask(trial)}
			for _, i := range idx {
				trial[i] = !trial[i]
			}
			return s.outcome(qi, a)
		}
		copy(s.ruled, s.baseRuled)
		clear(s.pts)
		if incremental {
			toggled(idx)
		}
		for _, i := range idx {
			trial[i] = !trial[i]
		}
		q.maskParts(trial, func(p *Part, counts bool) {
			if !incremental && counts {
				addTo(s.pts, p.Weights)
			}
			for _, r := range p.RulesOut {
				s.ruled[r.Role]++
			}
		})
		for _, i := range idx {
			trial[i] = !trial[i]
		}
		q.scalePoints(s.answers, s.pts)
		q.capPoints(s.pts)
		return s.finish()
	}
	for size := 1; size <= s.d.Scoring.Toggles && size <= len(cands); size++ {
		if best, winner := s.bestToggles(cands, size, score); best != nil {
			return toggleChange(q, chosen, best, size, s.d.Roles[winner].ID)
		}
	}
	return nil
}

// bestToggles tries every set of size values of cands, scored by score,
// and returns the one that changes the advice most, with its winner; nil
// when none changes it.
func (s *changeSearch) bestToggles(cands []int, size int, score func(idx []int) (int, Points)) (best []int, winner int) {
	idx := make([]int, 0, size)
	bestLead := Points(0)
	var walk func(start int)
	walk = func(start int) {
		if len(idx) == size {
			w, lead := score(idx)
			if w != s.rec && (best == nil || lead > bestLead) {
				best, winner, bestLead = append([]int(nil), idx...), w, lead
			}
			return
		}
		for k := start; k < len(cands); k++ {
			idx = append(idx, cands[k])
			walk(k + 1)
			idx = idx[:len(idx)-1]
		}
	}
	walk(0)
	return best, winner
}

// toggleChange is the change that toggles the values at idx of a list
// question answered with chosen.
func toggleChange(q *Question, chosen []bool, idx []int, size int, role string) *Change {
	sort.Ints(idx)
	c := &Change{Steps: size, Role: role}
	to := append([]bool(nil), chosen...)
	for _, i := range idx {
		to[i] = !to[i]
		if chosen[i] {
			c.Removed = append(c.Removed, q.Options[i].Value)
		} else {
			c.Added = append(c.Added, q.Options[i].Value)
		}
	}
	c.To = Answer{Multi: q.multiFromMask(to)}
	return c
}

// toggledShared is a team's merged list with the values at idx toggled:
// an added value counts in full (a value without a share), a removed one
// goes, the others keep the share that named them. The shares are read,
// not copied, but where the none share must go.
func toggledShared(q *Question, a Answer, idx []int, chosen []bool) Answer {
	out := Answer{Multi: make([]string, 0, len(a.Multi)+len(idx)), Share: a.Share, Of: a.Of, Held: a.Held}
	for _, v := range a.Multi {
		if _, i := q.Option(v); i < 0 || !slices.Contains(idx, i) {
			out.Multi = append(out.Multi, v)
		}
	}
	for _, i := range idx {
		if !chosen[i] { // not in the list, so without a share
			out.Multi = append(out.Multi, q.Options[i].Value)
		}
	}
	if len(idx) > 0 && !slices.Contains(chosen, true) {
		out.Share = maps.Clone(a.Share)
		delete(out.Share, "")
	}
	return out
}

func countChosen(chosen []bool) int {
	n := 0
	for _, c := range chosen {
		if c {
			n++
		}
	}
	return n
}

// candidates picks the values worth combining: for each role that could
// win instead of the recommendation, the values whose toggling moves the
// most points from the recommendation to it, and every value whose
// toggling changes a rule that matters. The values are returned in option
// order; at most maxCandidates of them.
func (s *changeSearch) candidates(q *Question, chosen []bool) []int {
	type cand struct {
		i    int
		gain Points
	}
	pick := map[int]Points{}
	nChosen := countChosen(chosen)
	for t := range s.d.Roles {
		if t == s.rec {
			continue
		}
		// The empty answer's own points: lost by the first value added to
		// an empty answer, won by removing every value of a short one.
		var shift Points
		if nChosen == 0 {
			shift = -(q.None.Weights[t] - q.None.Weights[s.rec])
		}
		canEmpty := nChosen > 0 && nChosen <= s.d.Scoring.Toggles
		var cs []cand
		for i := range q.Options {
			o := &q.Options[i]
			if o.NoLever {
				continue
			}
			sign := Points(1)
			if chosen[i] {
				sign = -1
			}
			gain := sign*(o.Weights[t]-o.Weights[s.rec]) + shift
			if canEmpty && chosen[i] {
				gain += 1 << 30
			}
			for _, r := range o.RulesOut {
				// Adding a value that rules out the recommendation, or
				// dropping one that rules out t, can decide on its own.
				if (r.Role == s.rec && !chosen[i]) || (r.Role == t && chosen[i]) {
					gain += 1 << 40
				}
			}
			if gain > 0 || len(o.Unless) > 0 {
				cs = append(cs, cand{i, gain})
			}
		}
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].gain > cs[b].gain })
		for k := 0; k < len(cs) && k < maxCandidates; k++ {
			if g, ok := pick[cs[k].i]; !ok || cs[k].gain > g {
				pick[cs[k].i] = cs[k].gain
			}
		}
	}
	all := make([]cand, 0, len(pick))
	for i, g := range pick {
		all = append(all, cand{i, g})
	}
	sort.Slice(all, func(a, b int) bool {
		if all[a].gain != all[b].gain {
			return all[a].gain > all[b].gain
		}
		return all[a].i < all[b].i
	})
	if len(all) > maxCandidates {
		all = all[:maxCandidates]
	}
	out := make([]int, len(all))
	for k, c := range all {
		out[k] = c.i
	}
	sort.Ints(out)
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ChangeText explains one change in a sentence, such as "At 150 employees
// or more (now 25), the advice would be a Chief Operating Officer" and a
// full stop.
func (d *Definitions) ChangeText(c Change) string {
	q, ok := d.Question(c.Question)
	if !ok {
		return ""
	}
	role := c.Role
	if r, ok := d.Role(c.Role); ok {
		role = r.Advice
	}
	return q.rules().changeText(q, c, "the advice would be "+role+".")
}

// ChangeClause is a change as the condition it is, to follow "the advice
// would be X": "if growth were “Rapid” instead of “Moderate”", "at 150
// employees or more (now 140)".
func (d *Definitions) ChangeClause(c Change) string {
	q, ok := d.Question(c.Question)
	if !ok {
		return ""
	}
	return lowerFirst(strings.TrimSuffix(q.rules().changeText(q, c, ""), ", "))
}

func (integerKind) changeText(q *Question, c Change, then string) string {
	now := q.Describe(c.From)
	if c.From.Range[1] <= c.From.Range[0] {
		now = GroupDigits(c.From.Int)
	}
	switch {
	case c.Lo == c.Hi || (c.Open && c.Down && c.Hi == q.Min) || (c.Open && !c.Down && c.Lo == q.Max):
		v := c.Lo
		if c.Down {
			v = c.Hi
		}
		return fmt.Sprintf("At %s %s (now %s), %s", GroupDigits(v), q.UnitFor(v), now, then)
	case c.Open && c.Down:
		return fmt.Sprintf("At %s %s or fewer (now %s), %s", GroupDigits(c.Hi), q.UnitFor(c.Hi), now, then)
	case c.Open:
		return fmt.Sprintf("At %s %s or more (now %s), %s", GroupDigits(c.Lo), q.UnitFor(c.Lo), now, then)
	}
	return fmt.Sprintf("At %s to %s %s (now %s), %s", GroupDigits(c.Lo), GroupDigits(c.Hi), q.Unit, now, then)
}

func (choiceKind) changeText(q *Question, c Change, then string) string {
	return fmt.Sprintf("If %s were %s instead of %s, %s", q.Subject(), quoted(q.Describe(c.To)), quoted(q.Describe(c.From)), then)
}

func (multiKind) changeText(q *Question, c Change, then string) string {
	added := q.labels(c.Added)
	removed := q.labels(c.Removed)
	// Every value named must change together: dropping one of two alone
	// changes nothing, so the lists are joined with "and", never "or".
	drop := func() string {
		if len(removed) == 1 {
			return "no longer included " + joinQuoted(removed)
		}
		if len(removed) == 2 {
			return "left out both " + joinQuoted(removed)
		}
		return "left out all of " + joinQuoted(removed)
	}
	switch {
	case len(removed) == 0:
		verb := "also included"
		if len(c.From.Multi) == 0 {
			verb = "included"
		}
		return fmt.Sprintf("If %s %s %s, %s", q.Subject(), verb, joinQuoted(added), then)
	case len(added) == 0:
		return fmt.Sprintf("If %s %s, %s", q.Subject(), drop(), then)
	}
	return fmt.Sprintf("If %s included %s and %s, %s", q.Subject(), joinQuoted(added), drop(), then)
}

// TurnsOnText says what the advice turns on, in a sentence for the bottom
// line: "This turns on whether departments really number 5 rather than 3:
// check it." It is "" when a single change cannot flip the advice.
func (d *Definitions) TurnsOnText(r *Result) string {
	if len(r.TurnsOn) == 0 {
		return ""
	}
	var whether []string
	for _, c := range r.TurnsOn {
		if q, ok := d.Question(c.Question); ok {
			w := "whether " + q.rules().doubtText(q, c)
			if len(whether) > 0 {
				w = "on " + w
			}
			whether = append(whether, w)
		}
	}
	const listed = 3
	more := ""
	if len(whether) > listed {
		n := len(whether) - listed
		more = fmt.Sprintf(" (and %d more %s: see what would change the advice)", n, plural(n, "answer", "answers"))
		whether = whether[:listed]
	}
	it := "it"
	if len(whether) > 1 {
		it = "each"
	}
	return fmt.Sprintf("This turns on %s%s: check %s before deciding.", JoinWords(whether, "and"), more, it)
}

// DoubtText is one change the advice turns on, as the question to check:
// "departments really number 5 rather than 3".
func (d *Definitions) DoubtText(c Change) string {
	q, ok := d.Question(c.Question)
	if !ok {
		return ""
	}
	return q.rules().doubtText(q, c)
}

func (integerKind) doubtText(q *Question, c Change) string {
	to := c.To.Int
	return fmt.Sprintf("%s really number %s rather than %s", q.Unit, GroupDigits(to), GroupDigits(c.From.Int))
}

func (choiceKind) doubtText(q *Question, c Change) string {
	return fmt.Sprintf("%s is really %s rather than %s", q.Subject(), quoted(q.Describe(c.To)), quoted(q.Describe(c.From)))
}

func (multiKind) doubtText(q *Question, c Change) string {
	parts := make([]string, 0, len(c.Added)+len(c.Removed))
	also := " applies too"
	if len(c.From.Multi) == 0 {
		also = " applies"
	}
	for _, l := range q.labels(c.Added) {
		parts = append(parts, quoted(l)+also)
	}
	for _, l := range q.labels(c.Removed) {
		parts = append(parts, quoted(l)+" really applies")
	}
	return JoinWords(parts, "and whether")
}

func (integerKind) plausible(c Change, rule TurnsOnRule) bool {
	from, to := float64(c.From.Int), float64(c.To.Int)
	return c.Steps <= rule.Steps && (math.Abs(to-from) <= 1 || math.Abs(to-from) <= rule.Numbers*from)
}

func (choiceKind) plausible(c Change, rule TurnsOnRule) bool { return c.Steps <= rule.Steps }

func (multiKind) plausible(c Change, rule TurnsOnRule) bool { return c.Steps <= rule.Steps }
