package advisor

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Contribution is the points one part of an answer gives the roles: an
// integer's band, a choice, one chosen value of a multi-choice question, or
// an empty multi-choice answer.
type Contribution struct {
	Question string // question id
	Value    string // option value; the band label for integers; "" for an empty multi-choice answer
	Label    string // what the user answered, in words
	// Statement is the answer as a sentence for the client ("The company
	// grows fast, over 30% a year"), or "" where the definitions give none.
	Statement string
	Points    Weights // per role, as the definitions give them
	// Counted is what counts of Points once the question's cap is applied
	// (shared out over the question's parts in proportion), and nothing
	// when another chosen value cancels this one. The roles' scores are
	// the sums of Counted.
	Counted Weights
	// Cancelled is set when another chosen value of the same question
	// cancels this one's points ("unless" in the definitions).
	Cancelled bool
	// Scaled says why some of Points do not count for some roles, from
	// the question's scale rules ("With an Operations Director in post,
	// ..."), or is "" when no rule lessened them.
	Scaled string
	// Advantage is the counted points for the recommended role minus those
	// for the runner-up: the share of the final lead this answer explains.
	Advantage Points
	Why       string // why the answer gives these points, from the definitions
	Source    string
}

// RoleScore is one role's total.
type RoleScore struct {
	Role   string
	Points Points
	// Share is Points as a share of the points of every role not ruled
	// out (equal shares when they are all 0); 0 for a ruled-out role.
	Share    float64
	RuledOut bool // an answer rules the role out: it cannot be recommended
}

// FactorScore is the points each role got from one factor's questions.
type FactorScore struct {
	Factor string
	Points Weights
}

// RuledOut is a role that an answer rules out, and why.
type RuledOut struct {
	Role     string
	Question string // the question whose answer rules it out
	Answer   string // that answer, in words
	Reason   string
	Source   string
}

// Plan is a second hire to plan for beside the recommended role.
type Plan struct {
	Role string
	Text string   // from the definitions: "Hire the COO first; plan ..."
	For  []string // the responsibilities of that role the answers named as pains
	Why  string
}

// Note is one point to weigh before deciding. Question is the question
// whose answer brought it up, or "" for a role's own points; Role is the
// role it is about.
type Note struct {
	Question string
	Role     string
	Text     string
}

// Result is a recommendation with everything needed to explain it.
type Result struct {
	Recommended string // role id
	// RunnerUp is the best of the other roles that are not ruled out, or ""
	// when the rules leave only the recommended one.
	RunnerUp string
	// Tie is set when the runner-up has exactly as many points: the
	// recommendation is then the cheaper, more reversible hire (the tie
	// order of the definitions).
	Tie bool
	// Lead is the recommended role's points minus the runner-up's.
	Lead Points
	// Confidence is the lead as a share of the lead that reads as certain
	// (Scoring.FullLead), in [0, 1]: 0 is a tie; 1 when the rules leave a
	// single role. Ticking pains that cancel out leaves it unchanged.
	Confidence    float64
	Scores        []RoleScore   // in role order
	Factors       []FactorScore // in factor order
	Contributions []Contribution
	// Reasons are the answers that favour the recommendation over the
	// runner-up, strongest first; Counterpoints favour the runner-up. The
	// lists are cut at Scoring.Reasons; MoreReasons and MoreCounterpoints
	// count what was left out.
	Reasons           []Contribution
	Counterpoints     []Contribution
	MoreReasons       int
	MoreCounterpoints int
	Changes           []Change // what would change the advice, nearest first
	// TurnsOn are the changes of a single answer, each no further than
	// Scoring.TurnsOn steps, that would give other advice: what the
	// advice turns on, to check before deciding. Advice that turns on an
	// answer is never called more than the first confidence word.
	TurnsOn  []Change
	RuledOut []RuledOut // in question order
	AlsoPlan []Plan
	// Notes are what the definitions say to weigh before deciding: the
	// notes of the answers given, then the role's own before_hiring points,
	// for the recommended role (and for the runner-up too on a tie).
	Notes   []Note
	Answers Answers // complete, with defaults
}

// AnswerNotes are the notes the answers brought up.
func (r *Result) AnswerNotes() []Note { return r.notes(true) }

// RoleNotes are the roles' own points to weigh.
func (r *Result) RoleNotes() []Note { return r.notes(false) }

func (r *Result) notes(fromAnswers bool) []Note {
	var out []Note
	for _, n := range r.Notes {
		if (n.Question != "") == fromAnswers {
			out = append(out, n)
		}
	}
	return out
}

// IsRuledOut reports whether the answers rule out the role.
func (r *Result) IsRuledOut(role string) bool {
	for _, x := range r.RuledOut {
		if x.Role == role {
			return true
		}
	}
	return false
}

// score puts the points the answer a to q counts for each role into pts,
// after the question's scale (which reads the other answers, all) and
// cap, and adds the roles it rules out to ruled. Everything that scores
// answers goes through here and through the kind's parts: totals, the
// live leaning, and the search of what would change the advice.
func (q *Question) score(all Answers, a Answer, pts Weights, ruled []int) {
	clear(pts)
	if a.Share != nil {
		q.scoreShared(a, pts, ruled)
		q.scalePoints(all, pts)
		q.capPoints(pts)
		return
	}
	q.rules().parts(q, a, func(p *Part, counts bool) {
		if counts {
			addTo(pts, p.Weights)
		}
		for _, r := range p.RulesOut {
			ruled[r.Role]++
		}
	})
	q.scalePoints(all, pts)
	q.capPoints(pts)
}

// scalePoints applies the first of the question's scale rules that holds
// for each role.
func (q *Question) scalePoints(all Answers, pts Weights) {
	for r := range pts {
		if rule := q.scaleFor(all, r); rule != nil {
			pts[r] = pts[r] * rule.Share / pointScale
		}
	}
}

// scaleFor is the scale rule that applies to role r's points from q, or
// nil.
func (q *Question) scaleFor(all Answers, r int) *ScaleRule {
	for i := range q.Scale {
		x := &q.Scale[i]
		if (len(x.Roles) == 0 || slices.Contains(x.Roles, r)) && x.If.holdsOn(all) {
			return x
		}
	}
	return nil
}

// capPoints applies the question's cap to each role's points.
func (q *Question) capPoints(pts Weights) {
	if q.Cap <= 0 {
		return
	}
	for i, v := range pts {
		if v > q.Cap {
			pts[i] = q.Cap
		}
	}
}

func addTo(sum, w Weights) {
	for i := range sum {
		if i < len(w) {
			sum[i] += w[i]
		}
	}
}

// tally is the score of a set of answers.
type tally struct {
	perQuestion []Weights // counted points per question, after caps
	total       Weights
	ruled       []int // per role: how many answers rule it out
}

func (d *Definitions) tally(answers Answers, answeredOnly bool) *tally {
	n := len(d.Roles)
	t := &tally{perQuestion: make([]Weights, len(d.Questions)), total: make(Weights, n), ruled: make([]int, n)}
	for i := range d.Questions {
		q := &d.Questions[i]
		pts := make(Weights, n)
		t.perQuestion[i] = pts
		a, ok := answers[q.ID]
		if !ok && answeredOnly {
			continue
		}
		q.score(answers, a, pts, t.ruled)
		addTo(t.total, pts)
	}
	return t
}

// rank returns the best and second-best roles that are not ruled out
// (-1 where there is none). Equal scores are ordered by the tie order,
// cheaper and more reversible first, never by accident of the list.
func (d *Definitions) rank(total Weights, ruled []int) (best, second int) {
	best, second = -1, -1
	for i := range total {
		if ruled[i] > 0 {
			continue
		}
		switch {
		case best < 0 || d.before(i, best, total):
			best, second = i, best
		case second < 0 || d.before(i, second, total):
			second = i
		}
	}
	return best, second
}

// before reports whether role i ranks above role j.
func (d *Definitions) before(i, j int, total Weights) bool {
	if total[i] != total[j] {
		return total[i] > total[j]
	}
	return d.TieOrder[i] < d.TieOrder[j]
}

// Leaning scores whatever has been answered so far (unanswered questions
// count nothing), for a live view while questions are being answered.
func (d *Definitions) Leaning(a Answers) []RoleScore {
	t := d.tally(a, true)
	return d.roleScores(t.total, t.ruled)
}

// roleScores turns totals into scores with shares. A ruled-out role keeps
// its points (the reports show them) but has no share: the shares are of
// the points of the roles still in the running.
func (d *Definitions) roleScores(sum Weights, ruled []int) []RoleScore {
	var total Points
	eligible := 0
	for i, v := range sum {
		if ruled[i] == 0 {
			total += v
			eligible++
		}
	}
	out := make([]RoleScore, len(d.Roles))
	for i, r := range d.Roles {
		out[i] = RoleScore{Role: r.ID, Points: sum[i], RuledOut: ruled[i] > 0}
		switch {
		case ruled[i] > 0:
		case total > 0:
			out[i].Share = float64(sum[i]) / float64(total)
		default:
			out[i].Share = 1 / float64(eligible)
		}
	}
	return out
}

// decide scores answers (defaults are filled in): the scores, the
// recommendation, the runner-up, the lead and the confidence, without the
// explanation. A team's members need no more: their reasons are never
// shown, and explaining costs far more than scoring on a large
// questionnaire (the change search tries each answer's alternatives).
func (d *Definitions) decide(in Answers) (*Result, *tally, error) {
	answers, err := d.Complete(in)
	if err != nil {
		return nil, nil, err
	}
	t := d.tally(answers, false)
	best, second := d.rank(t.total, t.ruled)
	if best < 0 {
		// Load checks that no answers can rule out every role; this guards
		// definitions built some other way.
		pl := &problemList{file: keyAnswers}
		if d.lenient {
			pl.addf(0, "", "these answers rule out every role the roles file defines (the built-in questions rule roles out for the ones it leaves out); add a role such as fractional-coo or no-new-leader to it, or give your own questions")
		} else {
			pl.addf(0, "", "these answers rule out every role; the definitions need a rule fewer")
		}
		return nil, nil, pl.err()
	}
	res := &Result{Answers: answers, Scores: d.roleScores(t.total, t.ruled), Recommended: d.Roles[best].ID, Confidence: 1}
	if second >= 0 {
		res.RunnerUp = d.Roles[second].ID
		res.Lead = t.total[best] - t.total[second]
		res.Tie = res.Lead == 0
		res.Confidence = min(1, float64(res.Lead)/float64(d.Scoring.FullLead))
	}
	return res, t, nil
}

// Recommend scores complete answers (defaults are filled in) and explains
// the result. It fails with an *InputError when required answers are
// missing, an answer does not fit its question, or the answers rule out
// every role.
func (d *Definitions) Recommend(in Answers) (*Result, error) {
	res, t, err := d.decide(in)
	if err != nil {
		return nil, err
	}
	best, second := d.rank(t.total, t.ruled)
	return d.explain(res, t, best, second, true), nil
}

// RecommendAs explains complete answers as advice for role, which need
// not have the most points (a team whose members mostly reach it on
// their own answers), against the best of the others. It is what
// Recommend gives when role is the answers' own best; otherwise it has
// no search of what would change the advice (the team's crux says it).
// It fails as Recommend does, and when the answers rule role out.
func (d *Definitions) RecommendAs(in Answers, role string) (*Result, error) {
	res, t, err := d.decide(in)
	if err != nil {
		return nil, err
	}
	best, ok := d.roleIndex[role]
	if !ok || t.ruled[best] > 0 {
		pl := &problemList{file: keyAnswers}
		pl.addf(0, "", "these answers rule out %s", quoteInput(role))
		return nil, pl.err()
	}
	natural, _ := d.rank(t.total, t.ruled)
	if natural == best {
		return d.Recommend(in)
	}
	others := slices.Clone(t.ruled)
	others[best]++
	second, _ := d.rank(t.total, others)
	res.Recommended, res.RunnerUp, res.Tie = role, d.Roles[second].ID, false
	res.Lead = t.total[best] - t.total[second]
	res.Confidence = max(0, min(1, float64(res.Lead)/float64(d.Scoring.FullLead)))
	return d.explain(res, t, best, second, false), nil
}

// explain adds to a decided result why: the reasons on each side, what
// would change the advice (when search is set), the notes and the plans,
// for best against second.
func (d *Definitions) explain(res *Result, t *tally, best, second int, search bool) *Result {
	answers := res.Answers
	res.RuledOut = d.ruledOut(answers)
	for i, f := range d.Factors {
		fs := FactorScore{Factor: f.ID, Points: make(Weights, len(d.Roles))}
		for qi := range d.Questions {
			if d.Questions[qi].Factor == f.ID {
				addTo(fs.Points, t.perQuestion[qi])
			}
		}
		res.Factors = append(res.Factors, fs)
		_ = i
	}
	res.Contributions = d.contributions(answers, t)
	isReason := func(c *Contribution) bool {
		// A reason favours the recommendation over the runner-up, and no
		// other role in the running gains more from it ("50 to 149
		// employees" is no reason for a COO when it gives a Director more).
		// When the rules decide, it is the recommended role's own evidence:
		// an answer that gives a ruled-out role more is no reason either.
		for i := range d.Roles {
			if (t.ruled[i] == 0 || second < 0) && c.Counted[i] > c.Counted[best] {
				return false
			}
		}
		return c.Advantage > 0
	}
	for i := range res.Contributions {
		c := &res.Contributions[i]
		if second >= 0 {
			c.Advantage = c.Counted[best] - c.Counted[second]
		} else {
			// The rules decide: the reasons are the recommended role's own
			// evidence.
			c.Advantage = c.Counted[best]
		}
	}
	res.Reasons, res.Counterpoints, res.MoreReasons, res.MoreCounterpoints = pickReasons(res.Contributions, d.Scoring.Reasons, isReason)
	res.AlsoPlan = d.alsoPlan(answers, t, best, res.Confidence)
	if search {
		res.Changes = d.whatWouldChange(answers, t, best)
	}
	for _, c := range res.Changes {
		if q, _ := d.Question(c.Question); q.rules().plausible(c, d.Scoring.TurnsOn) {
			res.TurnsOn = append(res.TurnsOn, c)
		}
	}
	if limit := d.Scoring.MaxChanges; len(res.Changes) > limit {
		res.Changes = res.Changes[:limit]
	}
	// The notes may follow the confidence (a cheaper step first only when
	// the call is close), which the changes settle.
	s := d.situationOf(res)
	res.Notes = d.notes(s, best)
	if res.Tie {
		res.Notes = append(res.Notes, d.notes(s, second)...)
	}
	for _, text := range d.Caveats.All(s) {
		res.Notes = append(res.Notes, Note{Role: res.Recommended, Text: text})
	}
	return res
}

// contributions lists what every part of every answer counts. A capped
// question's counted points are shared out over its parts in proportion
// to their own points, to the hundredth, so that they add up exactly.
func (d *Definitions) contributions(answers Answers, t *tally) []Contribution {
	n := len(d.Roles)
	var out []Contribution
	for qi := range d.Questions {
		q := &d.Questions[qi]
		a := answers[q.ID]
		start := len(out)
		raw := make(Weights, n)
		q.rules().parts(q, a, func(p *Part, counts bool) {
			c := Contribution{Question: q.ID, Label: p.Label, Statement: q.partStatement(p, a), Points: p.Weights, Counted: make(Weights, n), Cancelled: !counts, Why: p.Why, Source: p.Source}
			if counts {
				copy(c.Counted, p.Weights)
				addTo(raw, p.Weights)
			}
			out = append(out, c)
		})
		mine := out[start:]
		q.rules().valuesOf(q, a, mine)
		q.explainScale(answers, mine)
		for r := 0; r < n; r++ {
			if raw[r] > t.perQuestion[qi][r] {
				shareOut(mine, r, raw[r], t.perQuestion[qi][r])
			}
		}
	}
	return out
}

// explainScale notes, on each contribution some of whose points a scale
// rule takes away, why: the rules that hold for the roles it gives points
// to, each said once.
func (q *Question) explainScale(answers Answers, cs []Contribution) {
	for i := range cs {
		c := &cs[i]
		var whys []string
		for r, p := range c.Points {
			if rule := q.scaleFor(answers, r); p > 0 && rule != nil && rule.Share < pointScale && !slices.Contains(whys, rule.Why) {
				whys = append(whys, rule.Why)
			}
		}
		c.Scaled = strings.Join(whys, " ")
	}
}

// shareOut scales the counted points of role r from raw down to capped,
// in proportion, giving the hundredths left over by rounding down to the
// largest remainders (the first on equal ones).
func shareOut(cs []Contribution, r int, raw, capped Points) {
	type rem struct {
		i int
		r int64
	}
	var rems []rem
	var given Points
	for i := range cs {
		v := cs[i].Counted[r]
		if v == 0 {
			continue
		}
		num := int64(v) * int64(capped)
		cs[i].Counted[r] = Points(num / int64(raw))
		given += cs[i].Counted[r]
		rems = append(rems, rem{i, num % int64(raw)})
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r > rems[b].r })
	for k := 0; given < capped && k < len(rems); k++ {
		cs[rems[k].i].Counted[r]++
		given++
	}
}

// ruledOut lists the roles the answers rule out, with every reason, in
// role order and then question order; the same reason given twice (by two
// bands that say it alike) is listed once.
func (d *Definitions) ruledOut(answers Answers) []RuledOut {
	out := make([]RuledOut, 0, len(d.Roles))
	for ri := range d.Roles {
		out = append(out, d.ruledOutRole(answers, ri)...)
	}
	return out
}

// ruledOutRole is ruledOut for role ri alone.
func (d *Definitions) ruledOutRole(answers Answers, ri int) []RuledOut {
	var out []RuledOut
	seen := map[string]bool{}
	for qi := range d.Questions {
		q := &d.Questions[qi]
		q.rules().parts(q, answers[q.ID], func(p *Part, _ bool) {
			for _, r := range p.RulesOut {
				if r.Role != ri || seen[r.Reason] {
					continue
				}
				seen[r.Reason] = true
				out = append(out, RuledOut{Role: d.Roles[ri].ID, Question: q.ID, Answer: p.Label, Reason: r.Reason, Source: r.Source})
			}
		})
	}
	return out
}

// notes lists the notes the answers bring up for role i, then its own
// before_hiring points.
func (d *Definitions) notes(s situation, i int) []Note {
	var out []Note
	role := d.Roles[i].ID
	for qi := range d.Questions {
		q := &d.Questions[qi]
		q.rules().parts(q, s.answers[q.ID], func(p *Part, _ bool) {
			if text := p.Notes.For(i); text != "" {
				out = append(out, Note{Question: q.ID, Role: role, Text: text})
			}
		})
	}
	for _, x := range d.Roles[i].BeforeHiring {
		if x.If.holds(s) {
			out = append(out, Note{Role: role, Text: x.Text})
		}
	}
	return out
}

// alsoPlan lists the other hires the recommended role's definition says
// to plan for when their own evidence is strong enough.
func (d *Definitions) alsoPlan(answers Answers, t *tally, best int, confidence float64) []Plan {
	var out []Plan
	for _, ap := range d.Roles[best].AlsoPlan {
		if t.ruled[ap.Role] > 0 || d.pointsFrom(t, ap.Role, ap.Factors) < ap.MinPoints || confidence < ap.MinConfidence {
			continue
		}
		other := &d.Roles[ap.Role]
		text := ap.Text.First(situation{d: d, answers: answers, ruled: t.ruled, confidence: -1})
		if text == "" {
			continue
		}
		p := Plan{Role: other.ID, Text: text, Why: ap.Why}
		for qi := range d.Questions {
			for _, v := range answers[d.Questions[qi].ID].Multi {
				if owner, resp, ok := d.ResponsibilityOwner(v); ok && owner.ID == other.ID {
					p.For = append(p.For, resp.Name)
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// pointsFrom is role r's points from the questions of the given factors
// (all of them when none is given).
func (d *Definitions) pointsFrom(t *tally, r int, factors []string) Points {
	if len(factors) == 0 {
		return t.total[r]
	}
	var sum Points
	for qi := range d.Questions {
		if contains(factors, d.Questions[qi].Factor) {
			sum += t.perQuestion[qi][r]
		}
	}
	return sum
}

// pickReasons sorts the reasons and the counterpoints (contributions with
// a negative advantage) by advantage, keeps up to limit on each side and
// counts the rest. Ties keep questionnaire order (a stable sort), so the
// output is deterministic.
func pickReasons(all []Contribution, limit int, isReason func(*Contribution) bool) (reasons, counter []Contribution, moreReasons, moreCounter int) {
	for i := range all {
		c := &all[i]
		if isReason(c) {
			reasons = append(reasons, *c)
		} else if c.Advantage < 0 {
			counter = append(counter, *c)
		}
	}
	sort.SliceStable(reasons, func(i, j int) bool { return reasons[i].Advantage > reasons[j].Advantage })
	sort.SliceStable(counter, func(i, j int) bool { return counter[i].Advantage < counter[j].Advantage })
	if limit > 0 && len(reasons) > limit {
		moreReasons = len(reasons) - limit
		reasons = reasons[:limit]
	}
	if limit > 0 && len(counter) > limit {
		moreCounter = len(counter) - limit
		counter = counter[:limit]
	}
	return reasons, counter, moreReasons, moreCounter
}

// ConfidenceLabel puts a confidence into words, with the steps of the
// definitions, so the words mean the same in every report.
func (d *Definitions) ConfidenceLabel(c float64) string {
	if c <= 0 {
		return "a tie"
	}
	steps := d.Scoring.Confidence
	for _, s := range steps[:len(steps)-1] {
		if c < s.Below {
			return s.Word
		}
	}
	return steps[len(steps)-1].Word
}

// ResultConfidence is a result's confidence in words: "decided by the
// rules" when the rules leave one role (its lead is no measure of
// anything), else the scale's word for its confidence.
func (d *Definitions) ResultConfidence(r *Result) string {
	switch {
	case r.RunnerUp == "":
		return DecidedByRules
	case len(r.TurnsOn) > 0 && r.Confidence > 0:
		// One plausible change of one answer flips it: however long the
		// lead, it is only as sure as that answer.
		return d.Scoring.Confidence[0].Word
	}
	return d.ConfidenceLabel(r.Confidence)
}

// DecidedByRules is the confidence of a result the rules leave no
// alternative to.
const DecidedByRules = "decided by the rules"

// IsCloseCall reports whether the runner-up is close enough for the report
// to warn about it.
func (d *Definitions) IsCloseCall(r *Result) bool {
	return r.RunnerUp != "" && r.Confidence < d.Scoring.CloseCall
}

// Percent rounds a share or confidence to a whole percentage.
func Percent(f float64) int {
	return int(math.Round(f * 100))
}

// Percents turns shares into whole percentages that add up to 100, by
// largest remainder (the first of equal ones): rounded one by one,
// shares of 0.425, 0.385 and 0.19 would show as 43, 39 and 19, which add
// up to 101. Shares that add up to nothing give zeros.
func Percents(shares []float64) []int {
	out := make([]int, len(shares))
	total := 0.0
	for _, s := range shares {
		total += max(0, s)
	}
	if total <= 0 {
		return out
	}
	rem := make([]float64, len(shares))
	given := 0
	for i, s := range shares {
		exact := max(0, s) / total * 100
		out[i] = int(exact)
		rem[i] = exact - float64(out[i])
		given += out[i]
	}
	order := make([]int, len(shares))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]] > rem[order[b]] })
	for k := 0; given < 100 && k < len(order); k++ {
		out[order[k]]++
		given++
	}
	return out
}

// Winner is the role complete answers recommend, scored without the
// explanation: for searches that try many answers. It is "" when the
// answers are incomplete or rule out every role.
func (d *Definitions) Winner(a Answers) string {
	for i := range d.Questions {
		if _, ok := a[d.Questions[i].ID]; !ok {
			return ""
		}
	}
	t := d.tally(a, false)
	best, _ := d.rank(t.total, t.ruled)
	if best < 0 {
		return ""
	}
	return d.Roles[best].ID
}
