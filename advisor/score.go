package advisor

import (
	"math"
	"sort"
)

// Contribution is the points one part of an answer gives the roles: an
// integer's band, a choice, one chosen value of a multi-choice question, or
// an empty multi-choice answer.
type Contribution struct {
	Question string  // question id
	Value    string  // option value; the band label for integers; "" for an empty multi-choice answer
	Label    string  // what the user answered, in words
	Points   Weights // per role, indexed like Definitions.Roles
	// Advantage is the points for the recommended role minus the points for
	// the runner-up: the share of the final margin this answer explains.
	Advantage float64
}

// RoleScore is one role's total.
type RoleScore struct {
	Role   string
	Points float64
	Share  float64 // Points / sum of all roles' points; equal shares when all are 0
}

// FactorScore is the points each role got from one factor's questions.
type FactorScore struct {
	Factor string
	Points Weights
}

// Result is a recommendation with everything needed to explain it.
type Result struct {
	Recommended string // role id
	RunnerUp    string // role id of the second-highest score
	// Confidence is the margin between the recommended role and the
	// runner-up as a share of all points, in [0, 1]: 0 is a tie.
	Confidence    float64
	Scores        []RoleScore   // in role order
	Factors       []FactorScore // in factor order
	Contributions []Contribution
	Reasons       []Contribution // answers that favour the recommendation most, strongest first
	Counterpoints []Contribution // answers that favour the runner-up most, strongest first
	Changes       []Change       // what would change the advice, nearest first
	// Notes are what the definitions say to weigh, for these answers and
	// this recommendation, before deciding: the notes of the answers given
	// for the recommended role, then the role's own before_hiring points.
	Notes   []Note
	Answers Answers // complete, with defaults
}

// AnswerNotes are the notes the answers brought up.
func (r *Result) AnswerNotes() []Note { return r.notes(true) }

// RoleNotes are the recommended role's own points to weigh.
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

// Note is one point to weigh before deciding. Question is the question
// whose answer brought it up, or "" for the role's own points.
type Note struct {
	Question string
	Text     string
}

// How many reasons and counterpoints a result lists.
const (
	maxReasons       = 5
	maxCounterpoints = 3
)

// contributions lists the contributions of one answer.
func (q *Question) contributions(a Answer, nroles int) []Contribution {
	switch q.Kind {
	case KindInteger:
		if b := q.BandIndex(a.Int); b >= 0 {
			return []Contribution{{Question: q.ID, Value: q.Bands[b].Label, Label: q.Describe(a), Points: q.Bands[b].Weights}}
		}
	case KindChoice:
		if o, _ := q.Option(a.Choice); o != nil {
			return []Contribution{{Question: q.ID, Value: o.Value, Label: o.Label, Points: o.Weights}}
		}
	case KindMulti:
		if len(a.Multi) == 0 {
			return []Contribution{{Question: q.ID, Label: q.None.Label, Points: q.None.Weights}}
		}
		out := make([]Contribution, 0, len(a.Multi))
		for _, v := range a.Multi {
			if o, _ := q.Option(v); o != nil {
				out = append(out, Contribution{Question: q.ID, Value: o.Value, Label: o.Label, Points: o.Weights})
			}
		}
		return out
	}
	return nil
}

// notesFor lists the notes the answer carries for role i.
func (q *Question) notesFor(a Answer, i int) []string {
	var notes []Notes
	switch q.Kind {
	case KindInteger:
		if b := q.BandIndex(a.Int); b >= 0 {
			notes = append(notes, q.Bands[b].Notes)
		}
	case KindChoice:
		if o, _ := q.Option(a.Choice); o != nil {
			notes = append(notes, o.Notes)
		}
	case KindMulti:
		if len(a.Multi) == 0 {
			notes = append(notes, q.None.Notes)
		}
		for _, v := range a.Multi {
			if o, _ := q.Option(v); o != nil {
				notes = append(notes, o.Notes)
			}
		}
	}
	var out []string
	for _, n := range notes {
		if t := n.For(i); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// addPoints adds the points of answer a to q into sum, without allocating.
func (q *Question) addPoints(a Answer, sum Weights) {
	switch q.Kind {
	case KindInteger:
		if b := q.BandIndex(a.Int); b >= 0 {
			addTo(sum, q.Bands[b].Weights)
		}
	case KindChoice:
		if o, _ := q.Option(a.Choice); o != nil {
			addTo(sum, o.Weights)
		}
	case KindMulti:
		if len(a.Multi) == 0 {
			addTo(sum, q.None.Weights)
			return
		}
		for _, v := range a.Multi {
			if o, _ := q.Option(v); o != nil {
				addTo(sum, o.Weights)
			}
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

// Leaning scores whatever has been answered so far (unanswered questions
// count nothing), for a live view while questions are being answered.
func (d *Definitions) Leaning(a Answers) []RoleScore {
	sum := make(Weights, len(d.Roles))
	for i := range d.Questions {
		q := &d.Questions[i]
		if v, ok := a[q.ID]; ok {
			q.addPoints(v, sum)
		}
	}
	return d.roleScores(sum)
}

func (d *Definitions) roleScores(sum Weights) []RoleScore {
	total := 0.0
	for _, v := range sum {
		total += v
	}
	out := make([]RoleScore, len(d.Roles))
	for i, r := range d.Roles {
		share := 1 / float64(len(d.Roles))
		if total > 0 {
			share = sum[i] / total
		}
		out[i] = RoleScore{Role: r.ID, Points: sum[i], Share: share}
	}
	return out
}

// ranking returns the indexes of the best and second-best roles. Ties go to
// the role listed first, so the result never depends on map order.
func ranking(sum Weights) (best, second int) {
	best, second = 0, -1
	for i := 1; i < len(sum); i++ {
		switch {
		case sum[i] > sum[best]:
			best, second = i, best
		case second < 0 || sum[i] > sum[second]:
			second = i
		}
	}
	return best, second
}

// winner returns the index of the highest score (first on ties).
func winner(sum Weights) int {
	best := 0
	for i := 1; i < len(sum); i++ {
		if sum[i] > sum[best] {
			best = i
		}
	}
	return best
}

// Recommend scores complete answers (defaults are filled in) and explains
// the result. It fails with an *InputError when required answers are
// missing or an answer does not fit its question.
func (d *Definitions) Recommend(in Answers) (*Result, error) {
	answers, err := d.Complete(in)
	if err != nil {
		return nil, err
	}
	n := len(d.Roles)
	res := &Result{Answers: answers}

	perQuestion := make([]Weights, len(d.Questions))
	total := make(Weights, n)
	factorPoints := make([]Weights, len(d.Factors))
	for i := range factorPoints {
		factorPoints[i] = make(Weights, n)
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		a := answers[q.ID]
		pts := make(Weights, n)
		q.addPoints(a, pts)
		perQuestion[i] = pts
		addTo(total, pts)
		if f, ok := d.factorIndex[q.Factor]; ok {
			addTo(factorPoints[f], pts)
		}
		res.Contributions = append(res.Contributions, q.contributions(a, n)...)
	}
	best, second := ranking(total)
	res.Recommended = d.Roles[best].ID
	res.RunnerUp = d.Roles[second].ID
	res.Scores = d.roleScores(total)
	sumAll := 0.0
	for _, v := range total {
		sumAll += v
	}
	if sumAll > 0 {
		res.Confidence = (total[best] - total[second]) / sumAll
	}
	for i, f := range d.Factors {
		res.Factors = append(res.Factors, FactorScore{Factor: f.ID, Points: factorPoints[i]})
	}

	for i := range res.Contributions {
		c := &res.Contributions[i]
		c.Advantage = c.Points[best] - c.Points[second]
	}
	res.Reasons, res.Counterpoints = pickReasons(res.Contributions)
	for i := range d.Questions {
		q := &d.Questions[i]
		for _, text := range q.notesFor(answers[q.ID], best) {
			res.Notes = append(res.Notes, Note{Question: q.ID, Text: text})
		}
	}
	for _, text := range d.Roles[best].BeforeHiring {
		res.Notes = append(res.Notes, Note{Text: text})
	}
	res.Changes = d.whatWouldChange(answers, perQuestion, total, best)
	return res, nil
}

// pickReasons sorts contributions by advantage. Ties keep questionnaire
// order (a stable sort), so the output is deterministic.
func pickReasons(all []Contribution) (reasons, counter []Contribution) {
	for _, c := range all {
		if c.Advantage > 0 {
			reasons = append(reasons, c)
		} else if c.Advantage < 0 {
			counter = append(counter, c)
		}
	}
	sort.SliceStable(reasons, func(i, j int) bool { return reasons[i].Advantage > reasons[j].Advantage })
	sort.SliceStable(counter, func(i, j int) bool { return counter[i].Advantage < counter[j].Advantage })
	if len(reasons) > maxReasons {
		reasons = reasons[:maxReasons]
	}
	if len(counter) > maxCounterpoints {
		counter = counter[:maxCounterpoints]
	}
	return reasons, counter
}

// closeCallBelow is the confidence under which a result reads as a close
// call: the runner-up is within a few points in a hundred.
const closeCallBelow = 0.15

// ConfidenceLabel puts a confidence into words. The steps are fixed so the
// words mean the same in every report: under 0.15 the two best roles are
// within a few points of each other.
func ConfidenceLabel(c float64) string {
	switch {
	case c <= 0:
		return "a tie"
	case c < closeCallBelow:
		return "a close call"
	case c < 0.35:
		return "moderate"
	case c < 0.6:
		return "clear"
	}
	return "strong"
}

// Percent rounds a share or confidence to a whole percentage.
func Percent(f float64) int {
	return int(math.Round(f * 100))
}
