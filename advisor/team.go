package advisor

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"
)

// MinAnonymousDetail is the smallest team whose answers may be shown per
// person when the team asked for anonymity: with fewer, "Person 1" and
// "Person 2" would still tell who said what (360-degree practice).
const MinAnonymousDetail = 3

// MaxTeam is the largest team one report weighs: far above a leadership
// team, and small enough to stay quick.
const MaxTeam = 500

// Respondent is one person's answers.
type Respondent struct {
	Name    string // engagement.respondent, or the file's name without its extension
	File    string // where the answers came from, for messages
	Answers Answers
	// NameFromFile is set when the name is the file's, for want of an
	// engagement.respondent.
	NameFromFile bool
}

// TeamOptions says how a team's report is shown.
type TeamOptions struct {
	// Anonymous replaces the names with "Person 1".."Person N" (in the
	// order given), and keeps per-person answers out of every output
	// when fewer than MinAnonymousDetail people answered.
	Anonymous bool
}

// Member is one person's own recommendation.
type Member struct {
	Name string
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
	// Consensus are the team's answers: the median band of a number, the
	// most common option of a choice, the list values at least
	// Scoring.Team.ListShare of the team chose.
	Consensus Answers
	Result    *Result // the recommendation for the consensus answers
	Ties      []ConsensusTie
	// Mean is each role's average points over everyone's own scores (a
	// role a person's answers rule out counts 0 from them), and
	// MeanRecommended the role it puts first.
	Mean            []RoleScore
	MeanRecommended string
	// Disagreements are the most important differences, at most a
	// hundred; MoreDisagreements counts the others, and MoreChanging those
	// of them that would change the advice.
	Disagreements     []Disagreement
	MoreDisagreements int
	MoreChanging      int
	// held counts, per list question and value, the people who chose it.
	held map[string]map[string]int
}

// Team merges several people's answers into the team's, recommends a role
// for them, and finds where the team disagrees, most important first. It
// fails with an *InputError for an empty team, two files for the same
// person, or answers that do not fit the questions.
func (d *Definitions) Team(people []Respondent, o TeamOptions) (*TeamResult, error) {
	pl := &problemList{file: "the team"}
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
			pl.file = "the team"
			continue
		}
		seen[key] = p.File
	}
	if err := pl.err(); err != nil {
		return nil, err
	}
	t := &TeamResult{Anonymous: o.Anonymous, Detail: !o.Anonymous || len(people) >= MinAnonymousDetail}
	if o.Anonymous {
		// "Person 1".."Person N" in an order that neither the files' order
		// nor their names tell: a hash of each person's name.
		people = slices.Clone(people)
		slices.SortStableFunc(people, func(a, b Respondent) int {
			ha, hb := nameHash(a.Name), nameHash(b.Name)
			switch {
			case ha < hb:
				return -1
			case ha > hb:
				return 1
			}
			return 0
		})
	}
	complete := make([]Answers, len(people))
	for i, p := range people {
		// Each person's own advice, scored but not explained: nothing
		// shows a member's reasons, and explaining everyone would cost a
		// change search per person.
		res, _, err := d.decide(p.Answers)
		if err != nil {
			return nil, err
		}
		complete[i] = res.Answers
		name := strings.Join(strings.Fields(p.Name), " ")
		if o.Anonymous {
			name = fmt.Sprintf("Person %d", i+1)
		}
		t.Members = append(t.Members, Member{Name: name, Result: res})
	}
	t.Consensus, t.Ties = d.consensus(complete)
	res, err := d.Recommend(t.Consensus)
	if err != nil {
		return nil, err
	}
	t.Result = res
	t.mean(d)
	d.disagreements(t, complete)
	t.held = heldCounts(d, complete)
	return t, nil
}

// consensus merges complete answers question by question, each as its
// kind merges answers.
func (d *Definitions) consensus(all []Answers) (Answers, []ConsensusTie) {
	out := Answers{}
	var ties []ConsensusTie
	answers := make([]Answer, len(all))
	for qi := range d.Questions {
		q := &d.Questions[qi]
		for i, a := range all {
			answers[i] = a[q.ID]
		}
		merged, tie := q.rules().merge(d, q, answers)
		out[q.ID] = merged
		if tie != nil {
			ties = append(ties, *tie)
		}
	}
	return out, ties
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
	s := &teamDiff{
		d: d, t: t, all: all, teamBest: d.roleIndex[t.Result.Recommended], teamLead: t.Result.Lead,
		tl:   d.tally(t.Consensus, false),
		base: make(Weights, r), pts: make(Weights, r), total: make(Weights, r), baseRuled: make([]int, r), ruled: make([]int, r),
	}
	if t.Result.RunnerUp == "" {
		s.teamLead = Points(math.MaxInt32)
	}
	s.names = make([]string, len(all))
	for i, m := range t.Members {
		s.names[i] = m.Name
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
		pos[i], rank[i] = sc.pos(a[q.ID])
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
			dis.Changes = append(dis.Changes, changeText(s.who(holders), strings.ToLower(q.Title), sc.label(p), s.roleTitle(role)))
		}
	}
	if dis.Spread < cfg.Spread && !dis.ChangesAdvice {
		return nil // neighbours that change nothing: not worth a meeting
	}
	dis.weight = float64(dis.impact) * float64(dissent) / float64(n)
	dis.detail = func(x *Disagreement) {
		for _, a := range s.all {
			x.Answers = append(x.Answers, q.Describe(a[q.ID]))
			x.Values = append(x.Values, q.JSONValue(a[q.ID]))
		}
		x.ranks = rank
	}
	return []Disagreement{dis}
}

// onList finds, for each value of list question qi, whether some named it
// and others did not, and whether agreeing either way would change the
// advice.
func (s *teamDiff) onList(qi int) []Disagreement {
	q := &s.d.Questions[qi]
	n := len(s.all)
	// Who chose what, by option: a list may have thousands of values.
	chose := make([][]bool, n)
	held := make([]int, len(q.Options))
	for i, a := range s.all {
		chose[i] = make([]bool, len(q.Options))
		for _, v := range a[q.ID].Multi {
			if _, j := q.Option(v); j >= 0 {
				chose[i][j] = true
				held[j]++
			}
		}
	}
	tg := s.newToggles(qi)
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
		// The team's answers hold the value or not; agreeing with the
		// other side toggles it.
		inTeam := tg.chosen[j]
		var side []int
		for i := range chose {
			if chose[i][j] != inTeam {
				side = append(side, i)
			}
		}
		changed, role, impact := tg.try(j)
		dis.impact = impact
		dis.weight = float64(impact) * float64(len(side)) / float64(n)
		if changed {
			dis.ChangesAdvice = true
			dis.Changes = append(dis.Changes, listChangeText(s.who(side), strings.ToLower(q.Title), !inTeam, o.Label, s.roleTitle(role)))
		}
		dis.detail = func(x *Disagreement) {
			for i := range chose {
				x.Values = append(x.Values, chose[i][j])
				x.Answers = append(x.Answers, map[bool]string{true: "yes", false: "no"}[chose[i][j]])
			}
		}
		out = append(out, dis)
	}
	return out
}

// toggles scores the team's answer to a list question with one value
// added or taken out. Scoring the whole list again for each of thousands
// of values would cost the values times the roles, each time; the change
// one value makes touches only that value and the values whose points it
// cancels (their unless names it).
type toggles struct {
	s      *teamDiff
	q      *Question
	chosen []bool  // the team's answer
	count  int     // how many values it holds
	raw    Weights // the points of the values that count, before the cap
	// blocked counts, per value, the chosen values that cancel it (its
	// unless); cancels lists, per value, the values whose unless names it.
	blocked []int
	cancels [][]int
}

func (s *teamDiff) newToggles(qi int) *toggles {
	q := &s.d.Questions[qi]
	m := len(q.Options)
	tg := &toggles{s: s, q: q, chosen: make([]bool, m), raw: make(Weights, len(s.d.Roles)), blocked: make([]int, m), cancels: make([][]int, m)}
	for _, v := range s.t.Consensus[q.ID].Multi {
		if _, j := q.Option(v); j >= 0 {
			tg.chosen[j] = true
			tg.count++
		}
	}
	for k := range q.Options {
		if len(q.Options[k].Unless) == 0 {
			continue
		}
		// A value named twice in an unless cancels once.
		for _, u := range slices.Compact(slices.Sorted(slices.Values(q.Options[k].Unless))) {
			tg.cancels[u] = append(tg.cancels[u], k)
			if tg.chosen[u] {
				tg.blocked[k]++
			}
		}
	}
	for k := range q.Options {
		if tg.chosen[k] && tg.blocked[k] == 0 {
			addTo(tg.raw, q.Options[k].Weights)
		}
	}
	return tg
}

// try is what toggling value j does to the advice (see teamDiff.try): as
// q.score would give it for the toggled answer, from the change alone.
func (tg *toggles) try(j int) (changed bool, role string, impact Points) {
	s, q := tg.s, tg.q
	if qi := s.d.QuestionIndex(q.ID); s.d.scaledBy[qi] {
		tg.chosen[j] = !tg.chosen[j]
		a := Answer{Multi: q.multiFromMask(tg.chosen)}
		tg.chosen[j] = !tg.chosen[j]
		return s.retally(qi, a)
	}
	on := !tg.chosen[j]
	sign := Points(1)
	if !on {
		sign = -1
	}
	copy(s.pts, tg.raw)
	// Value j's own points count when nothing chosen cancels it.
	if tg.blocked[j] == 0 {
		addScaled(s.pts, q.Options[j].Weights, sign)
	}
	// The chosen values j cancels: choosing j cancels those that counted;
	// leaving it out restores those that nothing else cancels.
	for _, k := range tg.cancels[j] {
		switch {
		case !tg.chosen[k]:
		case on && tg.blocked[k] == 0:
			addScaled(s.pts, q.Options[k].Weights, -1)
		case !on && tg.blocked[k] == 1:
			addScaled(s.pts, q.Options[k].Weights, 1)
		}
	}
	// Every chosen value's rules apply, cancelled or not; an empty list
	// gives the none answer's points and rules instead.
	copy(s.ruled, s.tl.ruled)
	for _, r := range q.Options[j].RulesOut {
		s.ruled[r.Role] += int(sign)
	}
	count := tg.count + int(sign)
	if tg.count == 0 {
		for _, r := range q.None.RulesOut {
			s.ruled[r.Role]--
		}
	}
	if count == 0 {
		clear(s.pts)
		addTo(s.pts, q.None.Weights)
		for _, r := range q.None.RulesOut {
			s.ruled[r.Role]++
		}
	}
	q.scalePoints(s.t.Consensus, s.pts)
	q.capPoints(s.pts)
	return s.outcome()
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

// nameHash orders anonymous people by their names, which nobody reading
// the report sees.
func nameHash(name string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(name), " ")))) // a hash takes every write
	return h.Sum64()
}

func quoteLabel(s string) string { return "“" + s + "”" }

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

// merge for choices: the most common answer. On a tie, the tied option
// nearest the middle of all the answers (twice the median, to stay in
// whole numbers); between two as near, the earlier in the question's
// order, and the report says so.
func (choiceKind) merge(_ *Definitions, q *Question, all []Answer) (Answer, *ConsensusTie) {
	n := len(all)
	counts := make([]int, len(q.Options))
	idx := make([]int, n)
	for i, a := range all {
		_, idx[i] = q.Option(a.Choice)
		counts[idx[i]]++
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

// merge for lists: the values at least Scoring.Team.ListShare of the team
// chose.
func (multiKind) merge(d *Definitions, q *Question, all []Answer) (Answer, *ConsensusTie) {
	held := make([]int, len(q.Options))
	for _, a := range all {
		for _, v := range a.Multi {
			if _, i := q.Option(v); i >= 0 {
				held[i]++
			}
		}
	}
	vals := []string{}
	for i, o := range q.Options {
		if float64(held[i]) >= d.Scoring.Team.ListShare*float64(len(all))-1e-9 {
			vals = append(vals, o.Value)
		}
	}
	return Answer{Multi: vals}, nil
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
	how := "nearest the middle of all the answers"
	if tie.AsNear {
		how = "the first in the question's order, since the tied answers are equally near the middle of all the answers: settle it together"
	}
	return fmt.Sprintf("%s has no single most common answer (%d each for %s); the team's answers take %s, %s.",
		q.Title, tie.Each, JoinWords(quoteAll(tie.Options), "and"), quoteLabel(tie.Taken), how)
}
