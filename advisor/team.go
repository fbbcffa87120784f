package advisor

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
)

// MinAnonymousDetail is the smallest group whose answers an anonymous
// team's brief may show as they are (a spread, a middle): with fewer, a
// number is a range, and a team gets no grid, since each would tell who
// said what (360-degree practice).
const MinAnonymousDetail = 3

// teamFile names the team in a message about no one file.
const teamFile = "the team"

// MaxTeam is the largest team one report weighs: far above a leadership
// team, and small enough to stay quick.
const MaxTeam = 500

// Respondent is one person's answers.
type Respondent struct {
	Name    string // engagement.respondent, or the file's name without its extension
	File    string // where the answers came from, for messages
	Role    string // engagement.role: "CEO", "CFO", ... ("" when not given)
	Answers Answers
	// Abstain lists the questions the person left to the others: they
	// are left out of those questions' merge, and take the team's answer
	// for their own advice.
	Abstain []string
	// NameFromFile is set when the name is the file's, for want of an
	// engagement.respondent.
	NameFromFile bool
}

// TeamOptions says how a team's report is shown.
type TeamOptions struct {
	// Anonymous keeps every person's name, role and answers out of every
	// output: the brief gives counts, spreads and ranges, never a label
	// that follows one person from question to question, and numbers from
	// fewer than MinAnonymousDetail people as ranges.
	Anonymous bool
}

// Member is one person's own recommendation.
type Member struct {
	Name string
	Role string
	// Label is how the brief names the person: their role when it is
	// theirs alone in the team, else their name (with the role when it
	// has one); "" under anonymity.
	Label string
	// Abstained are the questions the person left to the others.
	Abstained []string
	// Why says in a line why the person lands where they do: "45 people
	// rules out a full-time COO".
	Why string
	// Result is the person's answers (defaults filled in), scores and
	// recommendation, with its runner-up, lead and confidence; it is not
	// explained (no reasons, notes or changes).
	Result *Result
}

// ConsensusTie is a question on which the team divides evenly: the
// team's answer takes one side, and the report says so.
type ConsensusTie struct {
	Question string
	Options  []string // the tied answers, in words, in the question's order
	Each     int      // how many people gave each
	Taken    string   // the answer the team's answers take
	// AsNear is set when two tied answers are as near the middle of all
	// the answers: the first in the question's order is taken.
	AsNear bool
	// Median is set for a scale whose two middle answers differ: the
	// lower is taken.
	Median bool
}

// Disagreement is a question, or a value of a list, on which the team's
// answers differ enough to discuss.
type Disagreement struct {
	Question string
	// Value is the list value some chose and others did not ("" for a
	// number or a choice).
	Value string
	// Answers are each person's answers in words (in member order), nil
	// when per-person detail may not be shown; Values the same as an
	// answers file writes them.
	Answers []string
	Values  []any
	// Spread is how many bands or options lie between the furthest
	// answers; for a list value, how many people chose it.
	Spread int
	Of     int  // the team's size
	Split  bool // two camps, each holding a good share of the team
	// Summary says it in a line: "Answers run from Stable (0-10% a year)
	// to Rapid (over 30% a year)", "3 of 5 see: Quality is inconsistent".
	Summary string
	// Changes are the answers that, were the team to agree on them, would
	// change the advice: "If the team agreed with Ana and Ben on growth
	// (Rapid (over 30% a year)), the advice would be Chief Operating
	// Officer."
	Changes       []string
	ChangesAdvice bool
	impact        Points  // how far the closest such answer moves the lead
	weight        float64 // impact weighed by the share that dissents: the rank
	order         int     // question order, for equal weights
	// ranks order the answers for listing: the band or option, and the
	// number itself within a band.
	ranks []int
	// detail fills in Answers, Values and ranks, once the disagreement
	// is among those kept.
	detail func(*Disagreement)
}

// TeamResult is a team's recommendation and the differences behind it.
type TeamResult struct {
	Members   []Member
	Anonymous bool
	// Detail is whether per-person answers may be shown.
	Detail bool
	// Consensus are the team's answers: the median of a number and of an
	// ordered choice, the most common option of another choice, every
	// value of a list someone named, weighed by the share that named it
	// (Answer.Share).
	Consensus Answers
	Result    *Result // the recommendation for the consensus answers
	Ties      []ConsensusTie
	// Mean is each role's average points over everyone's own scores (a
	// role a person's answers rule out counts 0 from them), and
	// MeanRecommended the role it puts first.
	Mean            []RoleScore
	MeanRecommended string
	// Outcomes counts the members whose own answers reach each role, in
	// role order.
	Outcomes []int
	// Majority is the role at least Scoring.Team.Majority of the members
	// reach on their own answers ("" when none does). The team's Result
	// is advice for it; Overruled is what the merged answers alone would
	// advise when that differs, and Crux the questions that separate the
	// two views.
	Majority  string
	Overruled string
	Crux      []string
	// MajorityRuledOut is set when the merged answers rule the majority's
	// advice out: then the advice is the merged answers' (Overruled),
	// until the team settles the answers that rule it out (Crux).
	MajorityRuledOut bool
	// Split are the two outcomes the most members reach when no clear
	// majority does (each held by two or more); Crux is then the
	// questions that would move the advice to either.
	Split []string
	// Facts are the answers to check, who said what; SelfGaps the
	// leaders who rate themselves unlike everyone else; Agenda the few
	// points a facilitator takes first.
	Facts    []FactView
	SelfGaps []SelfGap
	Agenda   []AgendaItem
	// Disagreements are the most important differences, at most a
	// hundred; MoreDisagreements counts the others, and MoreChanging those
	// of them that would change the advice.
	Disagreements     []Disagreement
	MoreDisagreements int
	MoreChanging      int
	// merged is the advice of the merged answers alone.
	merged *Result
	// held counts, per list question and value, the people who chose it.
	held map[string]map[string]int
}

// Team merges several people's answers into the team's, recommends a role
// for them, and finds where the team disagrees, most important first. It
// fails with an *InputError for an empty team, two files for the same
// person, or answers that do not fit the questions.
func (d *Definitions) Team(people []Respondent, o TeamOptions) (*TeamResult, error) {
	pl := &problemList{file: teamFile}
	switch {
	case len(people) == 0:
		pl.addf(0, "", "no answers files; give one per person: coo-advisor team ana.yaml ben.yaml ...")
		return nil, pl.err()
	case len(people) > MaxTeam:
		pl.addf(0, "", "%s answers files is more than the %d one team report weighs; split the team", GroupDigits(len(people)), MaxTeam)
		return nil, pl.err()
	}
	seen := map[string]string{}
	for _, p := range people {
		// The same name in another case or spacing is the same person.
		key := strings.ToLower(strings.Join(strings.Fields(p.Name), " "))
		if first, dup := seen[key]; dup {
			pl.file = p.File
			field, from := "engagement.respondent", ""
			if p.NameFromFile {
				field, from = "", ", the name taken from the file's name"
			}
			pl.addf(0, field, "answers for %s again (also in %s%s); keep one file per person, or name each in engagement.respondent", quoteInput(p.Name), SafeText(first), from)
			pl.file = teamFile
			continue
		}
		seen[key] = p.File
	}
	if err := pl.err(); err != nil {
		return nil, err
	}
	t := &TeamResult{Anonymous: o.Anonymous, Detail: !o.Anonymous}
	// Each person's answers, defaults filled in, but for the questions
	// they abstain on: those they leave to the others.
	own := make([]Answers, len(people))
	for i, p := range people {
		a, err := d.completeAbstaining(p)
		if err != nil {
			return nil, err
		}
		own[i] = a
	}
	consensus, ties, err := d.consensus(own)
	if err != nil {
		return nil, err
	}
	t.Consensus, t.Ties = consensus, ties
	if o.Anonymous {
		d.rangeSmallNumbers(t, own)
	}
	complete := make([]Answers, len(people))
	answered := make([]Answers, len(people)) // without the questions left to the others
	tallies := make([]*tally, len(people))
	for i, p := range people {
		answered[i] = own[i].Clone()
		// Each person's own advice, scored but not explained: a question
		// they left to the others takes the team's answer.
		for _, q := range d.Questions {
			if _, ok := own[i][q.ID]; !ok {
				own[i][q.ID] = consensus[q.ID]
			}
		}
		res, tl, err := d.decide(own[i])
		if err != nil {
			return nil, err
		}
		complete[i], tallies[i] = res.Answers, tl
		name := strings.Join(strings.Fields(p.Name), " ")
		t.Members = append(t.Members, Member{Name: name, Role: strings.Join(strings.Fields(p.Role), " "), Result: res, Abstained: p.Abstain})
	}
	t.label()
	if err := t.decideTeam(d); err != nil {
		return nil, err
	}
	t.mean(d)
	d.disagreements(t, answered)
	t.held = heldCounts(d, answered)
	d.teamView(t, answered, tallies)
	return t, nil
}

// rangeSmallNumbers marks the numbers fewer than MinAnonymousDetail of an
// anonymous team gave as a range (see Answer.Range): their middle would
// tell one answer from the other.
func (d *Definitions) rangeSmallNumbers(t *TeamResult, own []Answers) {
	for qi := range d.Questions {
		q := &d.Questions[qi]
		if q.Kind != KindInteger {
			continue
		}
		var vals []int
		for _, a := range own {
			if x, ok := a[q.ID]; ok {
				vals = append(vals, x.Int)
			}
		}
		if len(vals) < 2 || len(vals) >= MinAnonymousDetail {
			continue
		}
		a := t.Consensus[q.ID]
		a.Range = [2]int{slices.Min(vals), slices.Max(vals)}
		if a.Range[0] < a.Range[1] {
			t.Consensus[q.ID] = a
		}
	}
}

// completeAbstaining is a person's answers with defaults filled in, but
// for the questions they abstain on, which are left out.
func (d *Definitions) completeAbstaining(p Respondent) (Answers, error) {
	in := p.Answers.Clone()
	for _, id := range p.Abstain {
		// A stand-in, so that completing checks the rest; taken out again.
		if q, ok := d.Question(id); ok && q.Default == nil {
			in[id] = q.rules().standIn(q)
		}
	}
	a, err := d.Complete(in)
	if err != nil {
		if ie := (*InputError)(nil); errors.As(err, &ie) {
			for k := range ie.Problems {
				if ie.Problems[k].File == "" || ie.Problems[k].File == keyAnswers {
					ie.Problems[k].File = p.File
				}
			}
		}
		return nil, err
	}
	for _, id := range p.Abstain {
		delete(a, id)
	}
	return a, nil
}

// decideTeam settles the team's advice: the merged answers' own, unless
// a clear majority of the members reach another outcome on their own
// answers; then the advice is theirs, and the brief says what the merged
// answers give and the crux between the two.
func (t *TeamResult) decideTeam(d *Definitions) error {
	t.Outcomes = make([]int, len(d.Roles))
	for _, m := range t.Members {
		t.Outcomes[d.roleIndex[m.Result.Recommended]]++
	}
	n := len(t.Members)
	top := 0
	for i := range t.Outcomes {
		// The cheaper step first on equal counts, as ties go.
		if t.Outcomes[i] > t.Outcomes[top] || t.Outcomes[i] == t.Outcomes[top] && d.TieOrder[i] < d.TieOrder[top] {
			top = i
		}
	}
	if n >= 2 && float64(t.Outcomes[top]) >= d.Scoring.Team.Majority*float64(n)-1e-9 {
		t.Majority = d.Roles[top].ID
	}
	res, err := d.Recommend(t.Consensus)
	if err != nil {
		return err
	}
	t.Result, t.merged = res, res
	if t.Majority == "" || t.Majority == res.Recommended {
		return nil
	}
	if res.IsRuledOut(t.Majority) {
		// The merged answers rule the majority's advice out: the rule
		// stands until the team settles the answer behind it.
		t.Overruled, t.MajorityRuledOut = res.Recommended, true
		return nil
	}
	forced, err := d.RecommendAs(t.Consensus, t.Majority)
	if err != nil {
		return err
	}
	t.Overruled, t.Result = res.Recommended, forced
	return nil
}

// consensus merges the answers question by question, each as its kind
// merges answers, over the people who answered it: when everyone left a
// question to the others, its default stands, or it is refused.
func (d *Definitions) consensus(all []Answers) (Answers, []ConsensusTie, error) {
	out := Answers{}
	var ties []ConsensusTie
	answers := make([]Answer, 0, len(all))
	pl := &problemList{file: teamFile}
	for qi := range d.Questions {
		q := &d.Questions[qi]
		answers = answers[:0]
		for _, a := range all {
			if x, ok := a[q.ID]; ok {
				answers = append(answers, x)
			}
		}
		if len(answers) == 0 {
			if q.Default == nil {
				pl.addf(0, q.ID, "everyone abstained; at least one person must answer it")
				continue
			}
			out[q.ID] = *q.Default
			continue
		}
		merged, tie := q.rules().merge(d, q, answers)
		out[q.ID] = merged
		if tie != nil {
			ties = append(ties, *tie)
		}
	}
	return out, ties, pl.err()
}

// mean averages everyone's points per role; a role a person's answers
// rule out counts 0 from them.
func (t *TeamResult) mean(d *Definitions) {
	sum := make(Weights, len(d.Roles))
	for _, m := range t.Members {
		for i, sc := range m.Result.Scores {
			if !sc.RuledOut {
				sum[i] += sc.Points
			}
		}
	}
	n := Points(len(t.Members))
	avg := make(Weights, len(d.Roles))
	ruled := make([]int, len(d.Roles))
	for i := range sum {
		// To the hundredth, rounding halves up, so that the mean is as
		// exact as the points.
		avg[i] = (sum[i]*2 + n) / (2 * n)
		ruled[i] = 1
		for _, m := range t.Members {
			if !m.Result.Scores[i].RuledOut {
				ruled[i] = 0
			}
		}
	}
	// A role ruled out for everyone cannot come first on the mean either.
	best, _ := d.rank(avg, ruled)
	if best < 0 {
		best, _ = d.rank(avg, make([]int, len(d.Roles)))
	}
	t.Mean = d.roleScores(avg, ruled)
	t.MeanRecommended = d.Roles[best].ID
}

// teamDiff is what the search for a team's disagreements shares: the
// team, everyone's complete answers, and the team's own score, from which
// each trial changes one question's points: a trial costs that
// question's work, not the whole questionnaire's.
type teamDiff struct {
	d        *Definitions
	t        *TeamResult
	all      []Answers
	names    []string
	teamBest int
	teamLead Points
	tl       *tally // the team's answers' points and rules
	// base and baseRuled are the team's total and rules without the
	// question being tried (see focus); pts, total and ruled are scratch.
	base, pts, total Weights
	baseRuled, ruled []int
	// listRaw and listRuled are list question listQ's points and rules
	// as the team's answer gives them (see tryValue).
	listQ      int
	listRaw    Weights
	listRuled  []int
	listShares []Points // by option
	cancels    [][]int  // by option: the options whose unless names it
}

// maxDisagreements bounds the disagreements a team's result keeps, the
// most important first: far more than a real questionnaire has (the
// built-in one has a few dozen possible), and few enough that a
// questionnaire of thousands of options cannot make a report of hundreds
// of megabytes. The rest are counted.
const maxDisagreements = 100

// disagreements finds the questions and list values the team differs on,
// each as its kind compares answers, and what each would do to the
// advice. They are ranked by how much they matter: first those on which
// agreeing would change the advice, then by how far agreeing would move
// the lead, weighed by the share of the team that does not hold the
// team's answer (a pain one person in six named matters less than one the
// team splits on). The first maxDisagreements are kept, with who said
// what; the rest are counted in t.MoreDisagreements and t.MoreChanging.
func (d *Definitions) disagreements(t *TeamResult, all []Answers) {
	if len(all) < 2 {
		return
	}
	s := newTeamDiff(d, t, all)
	var out []Disagreement
	for qi := range d.Questions {
		s.focus(qi)
		out = append(out, d.Questions[qi].rules().disagreements(s, qi)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ChangesAdvice != b.ChangesAdvice {
			return a.ChangesAdvice
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		if a.Split != b.Split {
			return a.Split
		}
		return a.order < b.order
	})
	if len(out) > maxDisagreements {
		for _, x := range out[maxDisagreements:] {
			t.MoreDisagreements++
			if x.ChangesAdvice {
				t.MoreChanging++
			}
		}
		out = slices.Clip(out[:maxDisagreements])
	}
	// Who said what, for the ones kept only: per person and per
	// disagreement, it is most of a large team's result.
	for i := range out {
		if x := &out[i]; x.detail != nil {
			if t.Detail {
				x.detail(x)
			}
			x.detail = nil
		}
	}
	t.Disagreements = out
}

func newTeamDiff(d *Definitions, t *TeamResult, all []Answers) *teamDiff {
	r := len(d.Roles)
	// What agreeing would do is measured against the team's answers' own
	// advice, which a majority's may overrule (see TeamResult.Overruled).
	natural := t.merged
	s := &teamDiff{
		d: d, t: t, all: all, teamBest: d.roleIndex[natural.Recommended], teamLead: natural.Lead,
		tl:   d.tally(t.Consensus, false),
		base: make(Weights, r), pts: make(Weights, r), total: make(Weights, r), baseRuled: make([]int, r), ruled: make([]int, r), listQ: -1,
	}
	if natural.RunnerUp == "" {
		s.teamLead = Points(math.MaxInt32)
	}
	s.names = make([]string, len(all))
	for i := range t.Members {
		s.names[i] = t.mention(i)
	}
	return s
}

// focus sets the base of the trials of question qi: the team's total and
// rules without that question's.
func (s *teamDiff) focus(qi int) {
	q := &s.d.Questions[qi]
	copy(s.baseRuled, s.tl.ruled)
	q.rules().parts(q, s.t.Consensus[q.ID], func(p *Part, _ bool) {
		for _, r := range p.RulesOut {
			s.baseRuled[r.Role]--
		}
	})
	for i := range s.base {
		s.base[i] = s.tl.total[i] - s.tl.perQuestion[qi][i]
	}
}

// try scores the team's answers with question qi's answer changed to a,
// and says what that does: whether the advice changes, and how far the
// lead moves.
func (s *teamDiff) try(qi int, a Answer) (changed bool, role string, impact Points) {
	if s.d.scaledBy[qi] {
		return s.retally(qi, a)
	}
	copy(s.ruled, s.baseRuled)
	s.d.Questions[qi].score(s.t.Consensus, a, s.pts, s.ruled)
	return s.outcome()
}

// retally scores the team's answers again in full with question qi's
// answer changed to a: other questions' scale rules read this one, so
// its change moves their points too.
func (s *teamDiff) retally(qi int, a Answer) (changed bool, role string, impact Points) {
	alt := s.t.Consensus.Clone()
	alt[s.d.Questions[qi].ID] = a
	tl := s.d.tally(alt, false)
	for i := range s.pts {
		s.pts[i] = tl.total[i] - s.base[i]
	}
	copy(s.ruled, tl.ruled)
	return s.outcome()
}

// outcome is what a trial does to the advice: its question's points are
// in s.pts and the rules in s.ruled.
func (s *teamDiff) outcome() (changed bool, role string, impact Points) {
	for i := range s.total {
		s.total[i] = s.base[i] + s.pts[i]
	}
	best, second := s.d.rank(s.total, s.ruled)
	if best < 0 {
		return false, "", 0 // no role left: not an answer the team can agree on
	}
	lead := Points(math.MaxInt32)
	if second >= 0 {
		lead = s.total[best] - s.total[second]
	}
	if best != s.teamBest {
		return true, s.d.Roles[best].ID, s.teamLead + lead
	}
	return false, "", s.teamLead - lead
}

// who names the people at idx, or "" when names may not be shown.
func (s *teamDiff) who(idx []int) string {
	if !s.t.Detail {
		return ""
	}
	ns := make([]string, len(idx))
	for i, j := range idx {
		ns[i] = s.names[j]
	}
	return JoinWords(ns, "and")
}

func (s *teamDiff) roleTitle(id string) string {
	r, _ := s.d.Role(id)
	return r.Advice
}

// scale is how a question whose answers lie on a scale (a number's bands,
// a choice's options) places them.
type scale struct {
	// pos is an answer's place on the scale (-1 off it), and a finer
	// order within it (the number itself within a band).
	pos   func(a Answer) (pos, rank int)
	label func(p int) string
	// at is the answer that stands for the people at place p.
	at func(p int, holders []int) Answer
}

// onScale finds how far apart the team's answers to question qi lie on
// its scale, and whether agreeing on another place would change the
// advice: nothing when the answers are neighbours that change nothing.
func (s *teamDiff) onScale(qi int, sc scale) []Disagreement {
	q := &s.d.Questions[qi]
	cfg := s.d.Scoring.Team
	n := len(s.all)
	pos := make([]int, n)
	rank := make([]int, n)
	for i, a := range s.all {
		x, ok := a[q.ID]
		if !ok {
			pos[i], rank[i] = -1, 0 // left to the others
			continue
		}
		pos[i], rank[i] = sc.pos(x)
	}
	var on []int
	for _, p := range pos {
		if p >= 0 {
			on = append(on, p)
		}
	}
	if len(on) < 2 {
		return nil
	}
	lo, hi := slices.Min(on), slices.Max(on)
	if lo == hi {
		return nil
	}
	dis := Disagreement{Question: q.ID, Spread: hi - lo, Of: n, order: qi}
	// Two camps: a gap of at least the spread, with a good share of the
	// team on each side.
	sorted := slices.Clone(on)
	slices.Sort(sorted)
	camp := int(math.Ceil(cfg.CampShare*float64(n) - 1e-9))
	gapAt := 0
	for i := 1; i < len(sorted); i++ {
		if sorted[i]-sorted[i-1] >= cfg.Spread && i >= camp && len(sorted)-i >= camp {
			dis.Split, gapAt = true, i
		}
	}
	if dis.Split {
		dis.Summary = fmt.Sprintf("two camps: %s against %s", campText(sorted[:gapAt], sc.label), campText(sorted[gapAt:], sc.label))
	} else {
		dis.Summary = fmt.Sprintf("answers run from %s to %s", quoteLabel(sc.label(lo)), quoteLabel(sc.label(hi)))
	}
	teamPos, _ := sc.pos(s.t.Consensus[q.ID])
	dissent := 0
	for _, p := range pos {
		if p >= 0 && p != teamPos {
			dissent++
		}
	}
	// Each answer on the scale that the team's answers do not hold.
	for p := lo; p <= hi; p++ {
		var holders []int
		for i, x := range pos {
			if x == p {
				holders = append(holders, i)
			}
		}
		if len(holders) == 0 || p == teamPos {
			continue
		}
		changed, role, impact := s.try(qi, sc.at(p, holders))
		dis.impact = max(dis.impact, impact)
		if changed {
			dis.ChangesAdvice = true
			dis.Changes = append(dis.Changes, changeText(s.who(holders), q.Subject(), sc.label(p), s.roleTitle(role)))
		}
	}
	if dis.Spread < cfg.Spread && !dis.ChangesAdvice {
		return nil // neighbours that change nothing: not worth a meeting
	}
	dis.weight = float64(dis.impact) * float64(dissent) / float64(n)
	dis.detail = func(x *Disagreement) {
		for _, a := range s.all {
			v, ok := a[q.ID]
			if !ok { // left to the others: no answer to show
				x.Answers, x.Values = append(x.Answers, ""), append(x.Values, nil)
				continue
			}
			x.Answers = append(x.Answers, q.Describe(v))
			x.Values = append(x.Values, q.JSONValue(v))
		}
		x.ranks = rank
	}
	return []Disagreement{dis}
}

// onList finds, for each value of list question qi, whether some named it
// and others did not, and whether agreeing either way (everyone naming
// it, or no one) would change the advice. Those who left the question to
// the others are on neither side.
func (s *teamDiff) onList(qi int) []Disagreement {
	q := &s.d.Questions[qi]
	n := 0
	// Who chose what, by option: a list may have thousands of values.
	chose := make([][]bool, len(s.all))
	answered := make([]bool, len(s.all))
	held := make([]int, len(q.Options))
	for i, a := range s.all {
		x, ok := a[q.ID]
		if !ok {
			continue
		}
		answered[i] = true
		n++
		chose[i] = make([]bool, len(q.Options))
		for _, v := range x.Multi {
			if _, j := q.Option(v); j >= 0 {
				chose[i][j] = true
				held[j]++
			}
		}
	}
	var out []Disagreement
	for j := range q.Options {
		o := &q.Options[j]
		if held[j] == 0 || held[j] == n {
			continue
		}
		dis := Disagreement{Question: q.ID, Value: o.Value, Spread: held[j], Of: n, order: qi}
		if o.Statement != "" {
			dis.Summary = fmt.Sprintf("%d of %d %s %s", held[j], n, plural(held[j], "says", "say"), lowerFirst(o.Statement))
		} else {
			dis.Summary = fmt.Sprintf("%d of %d chose %s", held[j], n, quoteLabel(o.Label))
		}
		var yes, no []int
		for i := range chose {
			switch {
			case !answered[i]:
			case chose[i][j]:
				yes = append(yes, i)
			default:
				no = append(no, i)
			}
		}
		for _, agree := range []struct {
			on   bool
			side []int
		}{{true, yes}, {false, no}} {
			changed, role, impact := s.tryValue(qi, o.Value, agree.on)
			dis.impact = max(dis.impact, impact)
			if changed {
				dis.ChangesAdvice = true
				dis.Changes = append(dis.Changes, listChangeText(s.who(agree.side), q.Subject(), agree.on, o.Label, s.roleTitle(role)))
			}
		}
		dis.weight = float64(dis.impact) * float64(min(len(yes), len(no))) / float64(n)
		dis.detail = func(x *Disagreement) {
			for i := range chose {
				if !answered[i] {
					x.Values = append(x.Values, nil)
					x.Answers = append(x.Answers, "left to the others")
					continue
				}
				x.Values = append(x.Values, chose[i][j])
				x.Answers = append(x.Answers, map[bool]string{true: "yes", false: "no"}[chose[i][j]])
			}
		}
		out = append(out, dis)
	}
	return out
}

// tryValue is what the team agreeing on a list value does to the advice:
// everyone naming it (on), or no one. It is scored from the change alone
// (the value's points and rules, and those of the values it cancels), as
// the search tries every value of lists that may hold thousands; a
// question other answers' scale rules read is scored again in full.
func (s *teamDiff) tryValue(qi int, value string, on bool) (changed bool, role string, impact Points) {
	q := &s.d.Questions[qi]
	a := s.t.Consensus[q.ID]
	if s.d.scaledBy[qi] {
		alt := Answer{Multi: []string{}, Share: maps.Clone(a.Share), Of: a.Of, Held: a.Held}
		for _, v := range a.Multi {
			if v != value || on {
				alt.Multi = append(alt.Multi, v)
			}
		}
		if on && !slices.Contains(a.Multi, value) {
			alt.Multi = q.Normalize(Answer{Multi: append(alt.Multi, value)}).Multi
		}
		delete(alt.Share, value) // named by everyone: in full
		return s.try(qi, alt)
	}
	if s.listQ != qi {
		s.focusList(qi, a)
	}
	o, j := q.Option(value)
	was := s.listShares[j]
	now := Points(0)
	if on {
		now = pointScale
	}
	copy(s.pts, s.listRaw)
	if q.countsShared(j, s.listShares) {
		for k, w := range o.Weights {
			s.pts[k] += scaleShare(w, now) - scaleShare(w, was)
		}
	}
	for k := range s.ruled {
		s.ruled[k] = s.baseRuled[k] + s.listRuled[k]
	}
	if held, holds := was >= q.listShare, now >= q.listShare; held != holds {
		sign := map[bool]int{true: 1, false: -1}[holds]
		for _, r := range o.RulesOut {
			s.ruled[r.Role] += sign
		}
		// The values it cancels count, or stop counting.
		for _, c := range s.cancels[j] {
			if s.listShares[c] == 0 {
				continue
			}
			before := q.countsShared(c, s.listShares)
			s.listShares[j] = now
			after := q.countsShared(c, s.listShares)
			s.listShares[j] = was
			if before == after {
				continue
			}
			for k, w := range q.Options[c].Weights {
				pts := scaleShare(w, s.listShares[c])
				if !after {
					pts = -pts
				}
				s.pts[k] += pts
			}
		}
	}
	q.scalePoints(s.t.Consensus, s.pts)
	q.capPoints(s.pts)
	return s.outcome()
}

// focusList keeps list question qi's points and rules as the team's
// answer gives them, before the scale and the cap, the share of each
// value, and which values cancel which: once per question.
func (s *teamDiff) focusList(qi int, a Answer) {
	q := &s.d.Questions[qi]
	s.listQ = qi
	s.listRaw = make(Weights, len(s.d.Roles))
	s.listRuled = make([]int, len(s.d.Roles))
	q.sharedParts(a, func(p *Part, counts bool) {
		if counts {
			addTo(s.listRaw, p.Weights)
		}
		for _, r := range p.RulesOut {
			s.listRuled[r.Role]++
		}
	})
	s.listShares = q.shares(a)
	s.cancels = make([][]int, len(q.Options))
	for i := range q.Options {
		for _, u := range q.Options[i].Unless {
			s.cancels[u] = append(s.cancels[u], i)
		}
	}
}

// campText names one camp's answers, with how many gave them:
// "“Declining” and “Stable” (3)".
func campText(side []int, label func(int) string) string {
	var labels []string
	for i := 0; i < len(side); {
		j := i
		for j < len(side) && side[j] == side[i] {
			j++
		}
		labels = append(labels, quoteLabel(label(side[i])))
		i = j
	}
	return fmt.Sprintf("%s (%d)", JoinWords(labels, "or"), len(side))
}

func quoteLabel(s string) string { return "“" + s + "”" }

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = quoteLabel(x)
	}
	return out
}

// changeText says what agreeing with some of the team would do, as in "If
// the team agreed with Ana and Ben on growth (“Rapid”), the advice would
// be a Chief Operating Officer" and a full stop.
func changeText(who, subject, answer, role string) string {
	if who == "" {
		return fmt.Sprintf("If the team agreed on %s for %s, the advice would be %s.", quoteLabel(answer), subject, role)
	}
	return fmt.Sprintf("If the team agreed with %s on %s (%s), the advice would be %s.", who, subject, quoteLabel(answer), role)
}

// listChangeText: "If the team agreed with Ana and Ben and counted
// “Quality is inconsistent” among the pain points, the advice would be
// ...", or "... and left “...” out of the pain points ...".
func listChangeText(who, subject string, add bool, value, role string) string {
	what := fmt.Sprintf("counted %s among the %s", quoteLabel(value), subject)
	if !add {
		what = fmt.Sprintf("left %s out of the %s", quoteLabel(value), subject)
	}
	if who == "" {
		return fmt.Sprintf("If the team %s, the advice would be %s.", what, role)
	}
	return fmt.Sprintf("If the team agreed with %s and %s, the advice would be %s.", who, what, role)
}

// merge for numbers: the median; for an even team, halfway between the
// two middle answers, named as a split when they fall in different bands.
func (integerKind) merge(_ *Definitions, q *Question, all []Answer) (Answer, *ConsensusTie) {
	n := len(all)
	vals := make([]int, n)
	for i, a := range all {
		vals[i] = a.Int
	}
	slices.Sort(vals)
	lo, hi := vals[(n-1)/2], vals[n/2]
	med := Answer{Int: lo + (hi-lo)/2}
	if q.BandIndex(hi) == q.BandIndex(lo) {
		return med, nil
	}
	return med, &ConsensusTie{Question: q.ID, Options: []string{q.Bands[q.BandIndex(lo)].Label, q.Bands[q.BandIndex(hi)].Label}, Each: n / 2, Taken: q.Describe(med)}
}

// merge for choices: on a scale (ordered), the median; else the most
// common answer. On a tie of the most common, the tied option nearest
// the middle of all the answers (twice the median, to stay in whole
// numbers); between two as near, the earlier in the question's order,
// and the report says so. On a scale, an even team whose two middle
// answers differ is a tie too: the lower is taken, the cautious side.
func (choiceKind) merge(_ *Definitions, q *Question, all []Answer) (Answer, *ConsensusTie) {
	n := len(all)
	counts := make([]int, len(q.Options))
	idx := make([]int, n)
	var on []int // the answers on the scale
	for i, a := range all {
		o, j := q.Option(a.Choice)
		idx[i] = j
		counts[j]++
		if o != nil && !o.OffScale {
			on = append(on, j)
		}
	}
	if q.Ordered && len(on) > 0 {
		slices.Sort(on)
		lo, hi := on[(len(on)-1)/2], on[len(on)/2]
		med := Answer{Choice: q.Options[lo].Value}
		if lo == hi {
			return med, nil
		}
		return med, &ConsensusTie{Question: q.ID, Options: []string{q.Options[lo].Label, q.Options[hi].Label}, Each: len(on) / 2, Taken: q.Options[lo].Label, Median: true}
	}
	best := slices.Max(counts)
	var tied []int
	for i, c := range counts {
		if c == best {
			tied = append(tied, i)
		}
	}
	pick := tied[0]
	if len(tied) == 1 {
		return Answer{Choice: q.Options[pick].Value}, nil
	}
	slices.Sort(idx)
	mid2 := idx[(n-1)/2] + idx[n/2]
	asNear := false
	for _, i := range tied[1:] {
		switch d, dp := abs(2*i-mid2), abs(2*pick-mid2); {
		case d < dp:
			pick, asNear = i, false
		case d == dp:
			asNear = true
		}
	}
	labels := make([]string, len(tied))
	for j, i := range tied {
		labels[j] = q.Options[i].Label
	}
	return Answer{Choice: q.Options[pick].Value}, &ConsensusTie{Question: q.ID, Options: labels, Each: best, Taken: q.Options[pick].Label, AsNear: asNear}
}

// maxMergedValues bounds the values a team's merged list keeps, the most
// named first: far more than a real list has (the built-in ones have a
// dozen), and few enough that definitions of thousands of values, each
// named by someone, cannot make every report list them all.
const maxMergedValues = 100

// merge for lists: every value someone named (up to maxMergedValues),
// weighed by the share of the team that named it (see Answer.Share), and
// the share that named nothing; no threshold, so that pains each named
// by two of five still weigh (a majority cut would make them vanish).
func (multiKind) merge(_ *Definitions, q *Question, all []Answer) (Answer, *ConsensusTie) {
	n := len(all)
	held, empty := q.named(all)
	out := Answer{Multi: []string{}, Share: map[string]Points{}, Of: n, Held: q.listShare}
	share := func(k int) Points { return Points((k*int(pointScale)*2 + n) / (2 * n)) }
	named := make([]int, 0, len(q.Options))
	for i := range q.Options {
		if held[i] > 0 {
			named = append(named, i)
		}
	}
	if len(named) > maxMergedValues {
		// The most named first; in the definitions' order among equals.
		slices.SortStableFunc(named, func(a, b int) int { return held[b] - held[a] })
		named = named[:maxMergedValues]
		slices.Sort(named)
	}
	for _, i := range named {
		v := q.Options[i].Value
		out.Multi = append(out.Multi, v)
		out.Share[v] = share(held[i])
	}
	if empty > 0 {
		out.Share[""] = share(empty)
	}
	return out, nil
}

// named counts, by option, the answers to list question q that name each
// value, and those that name none.
func (q *Question) named(all []Answer) (held []int, none int) {
	held = make([]int, len(q.Options))
	for _, a := range all {
		if len(a.Multi) == 0 {
			none++
		}
		for _, v := range a.Multi {
			if _, i := q.Option(v); i >= 0 {
				held[i]++
			}
		}
	}
	return held, none
}

// heldCounts counts, for each list question, how many people chose each
// value (see TeamResult.Held).
func heldCounts(d *Definitions, all []Answers) map[string]map[string]int {
	out := map[string]map[string]int{}
	for qi := range d.Questions {
		q := &d.Questions[qi]
		if !q.IsList() {
			continue
		}
		m := map[string]int{}
		for _, a := range all {
			for _, v := range a[q.ID].Multi {
				m[v]++
			}
		}
		out[q.ID] = m
	}
	return out
}

// disagreements for numbers: how far apart the answers' bands lie; the
// middle number of those in a band stands for them.
func (integerKind) disagreements(s *teamDiff, qi int) []Disagreement {
	q := &s.d.Questions[qi]
	return s.onScale(qi, scale{
		pos:   func(a Answer) (int, int) { return q.BandIndex(a.Int), a.Int },
		label: func(p int) string { return q.Bands[p].Label },
		at: func(_ int, holders []int) Answer {
			vals := make([]int, len(holders))
			for j, i := range holders {
				vals[j] = s.all[i][q.ID].Int
			}
			slices.Sort(vals)
			return Answer{Int: vals[(len(vals)-1)/2]}
		},
	})
}

// disagreements for choices: how far apart the options lie; an option
// that is no point on the scale ("Not given") is left out.
func (choiceKind) disagreements(s *teamDiff, qi int) []Disagreement {
	q := &s.d.Questions[qi]
	return s.onScale(qi, scale{
		pos: func(a Answer) (int, int) {
			o, j := q.Option(a.Choice)
			if o != nil && o.OffScale {
				return -1, j
			}
			return j, j
		},
		label: func(p int) string { return q.Options[p].Label },
		at:    func(p int, _ []int) Answer { return Answer{Choice: q.Options[p].Value} },
	})
}

// disagreements for lists: each value some named and others did not.
func (multiKind) disagreements(s *teamDiff, qi int) []Disagreement { return s.onList(qi) }

// tieText for numbers: the two middle answers fall in different bands.
func (integerKind) tieText(q *Question, tie ConsensusTie) string {
	return fmt.Sprintf("%s splits the team down the middle (the two middle answers fall in %s and %s); the team's answers take halfway between them, %s.",
		q.Title, quoteLabel(tie.Options[0]), quoteLabel(tie.Options[1]), tie.Taken)
}

// tieText for choices (and lists, which never tie): no single most common
// answer.
func (choiceKind) tieText(q *Question, tie ConsensusTie) string { return optionTieText(q, tie) }
func (multiKind) tieText(q *Question, tie ConsensusTie) string  { return optionTieText(q, tie) }

func optionTieText(q *Question, tie ConsensusTie) string {
	if tie.Median {
		return fmt.Sprintf("%s has two middle answers (%s); the team's answers take the lower, %s, the cautious side: settle it together.",
			q.Title, JoinWords(quoteAll(tie.Options), "and"), quoteLabel(tie.Taken))
	}
	how := "nearest the middle of all the answers"
	if tie.AsNear {
		how = "the first in the question's order, since the tied answers are equally near the middle of all the answers: settle it together"
	}
	return fmt.Sprintf("%s has no single most common answer (%d each for %s); the team's answers take %s, %s.",
		q.Title, tie.Each, JoinWords(quoteAll(tie.Options), "and"), quoteLabel(tie.Taken), how)
}
