package advisor

import (
	"fmt"
	"slices"
	"strings"
)

// FactView is a fact a team answered (headcount, sites, who leads
// operations today): whether everyone agrees, and who said what.
type FactView struct {
	Question string
	Agree    bool
	// Text says it in a line: "Employees: 150–210", "Employees: 180,
	// all agree".
	Text string
	// Who are the answers by person, "CEO 150" (nil under anonymity).
	Who []string
	// Material is set when the answers differ in a way the scoring
	// sees (bands of a number, options): 140 and 150 employees are one
	// band, a detail to check, not a point for the agenda.
	Material bool
	// Outlier is the member who alone makes the answers differ (the
	// others agreeing without them), or -1.
	Outlier int
}

// SelfGap is a leader who rates a question about themself unlike
// everyone else (the CEO on the CEO's time on operations).
type SelfGap struct {
	Question string
	Text     string // "The CEO rates ... “Low”; everyone else says ..."
}

// AgendaItem is one point of a facilitator's agenda, with the question
// that opens its discussion.
type AgendaItem struct {
	Kind  string // "crux", "flip", "fact", "self" or "camp"
	Title string
	Open  string // the question to open the discussion
}

// The kinds of agenda items, in the order an agenda takes them.
const (
	AgendaCrux = "crux"
	AgendaFlip = "flip"
	AgendaFact = "fact"
	AgendaSelf = "self"
	AgendaCamp = "camp"
)

// mention names member i in a sentence: "the CFO" where their role
// names them, else their label.
func (t *TeamResult) mention(i int) string {
	m := t.Members[i]
	if m.Role != "" && m.Label == m.Role {
		return "the " + m.Label
	}
	return m.Label
}

// materialSpread is how far apart, as a share of the team's middle
// answer, two numbers for a fact may lie before they are a point for the
// agenda even in one band: 150 and 210 employees are a different
// company, 140 and 150 a detail.
const materialSpread = 0.2

// label names each member as a brief does: their role when it is theirs
// alone in the team, else their name, with the role when they gave one.
// Under anonymity no one is named.
func (t *TeamResult) label() {
	roles := map[string]int{}
	for _, m := range t.Members {
		if m.Role != "" {
			roles[strings.ToLower(m.Role)]++
		}
	}
	for i := range t.Members {
		m := &t.Members[i]
		switch {
		case t.Anonymous:
			m.Label = ""
		case m.Role != "" && roles[strings.ToLower(m.Role)] == 1:
			m.Label = m.Role
		case m.Role != "":
			m.Label = m.Name + " (" + m.Role + ")"
		default:
			m.Label = m.Name
		}
	}
}

// teamView works out what a facilitator needs beyond the advice: the
// crux between the members' own conclusions and the merged answers, the
// facts to check, the leaders who rate themselves unlike everyone else,
// why each person lands where they do, and the agenda. answered are the
// members' answers without the questions they left to the others.
func (d *Definitions) teamView(t *TeamResult, answered []Answers, tallies []*tally) {
	switch {
	case t.Overruled != "":
		t.Crux = d.crux(t, answered, t.Majority)
	case t.Majority == "":
		t.Split = d.splitCamps(t)
		for _, role := range t.Split {
			if role == t.Result.Recommended {
				continue // that camp's advice stands: nothing to move
			}
			for _, id := range d.crux(t, answered, role) {
				if !slices.Contains(t.Crux, id) {
					t.Crux = append(t.Crux, id)
				}
			}
		}
		if len(t.Crux) == 0 && len(t.Split) == 2 {
			t.Crux = d.divides(t, answered)
		}
		slices.SortFunc(t.Crux, func(a, b string) int { return d.questionIndex[a] - d.questionIndex[b] })
	}
	for qi := range d.Questions {
		q := &d.Questions[qi]
		if q.Fact {
			if f, ok := d.factView(t, q, answered); ok {
				t.Facts = append(t.Facts, f)
			}
		}
		if len(q.Self) > 0 {
			if g, ok := d.selfGap(t, q, answered); ok {
				t.SelfGaps = append(t.SelfGaps, g)
			}
		}
	}
	if !t.Anonymous {
		for i := range t.Members {
			t.Members[i].Why = d.memberWhy(t, i, tallies[i])
		}
	}
	t.Agenda = d.agenda(t)
}

// divides are the (at most two) questions whose answers separate the two
// camps of a split team most, where no one answer moves the advice: for
// each question the camps answer differently, how far taking one camp's
// answer rather than the other's moves the points between their two
// outcomes.
func (d *Definitions) divides(t *TeamResult, answered []Answers) []string {
	a, b := camp(t, answered, t.Split[0]), camp(t, answered, t.Split[1])
	ra, rb := d.roleIndex[t.Split[0]], d.roleIndex[t.Split[1]]
	type gap struct {
		id  string
		pts Points
	}
	var gaps []gap
	for qi := range d.Questions {
		q := &d.Questions[qi]
		xa, okA := d.mergeGroup(q, a)
		xb, okB := d.mergeGroup(q, b)
		if !okA || !okB || q.shortAnswer(xa) == q.shortAnswer(xb) {
			continue
		}
		score := func(x Answer) Points {
			alt := t.Consensus.Clone()
			alt[q.ID] = x
			tl := d.tally(alt, false)
			return tl.total[ra] - tl.total[rb]
		}
		if g := score(xa) - score(xb); g > 0 {
			gaps = append(gaps, gap{q.ID, g})
		}
	}
	slices.SortStableFunc(gaps, func(x, y gap) int { return int(y.pts - x.pts) })
	out := make([]string, 0, 2)
	for _, g := range gaps[:min(2, len(gaps))] {
		out = append(out, g.id)
	}
	return out
}

// camp is the answers of the members who reach role on their own
// answers.
func camp(t *TeamResult, answered []Answers, role string) []Answers {
	var out []Answers
	for i, m := range t.Members {
		if m.Result.Recommended == role {
			out = append(out, answered[i])
		}
	}
	return out
}

// mergeGroup merges a group's answers to q as the team's are merged,
// over those who answered it; not ok when none did.
func (d *Definitions) mergeGroup(q *Question, group []Answers) (Answer, bool) {
	var as []Answer
	for _, x := range group {
		if v, ok := x[q.ID]; ok {
			as = append(as, v)
		}
	}
	if len(as) == 0 {
		return Answer{}, false
	}
	m, _ := q.rules().merge(d, q, as)
	return m, true
}

// splitCamps are the two outcomes most members reach on their own
// answers, when no clear majority does and each holds more than one.
func (d *Definitions) splitCamps(t *TeamResult) []string {
	order := make([]int, len(d.Roles))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return t.Outcomes[b] - t.Outcomes[a] })
	if len(order) < 2 || t.Outcomes[order[1]] < 2 {
		return nil
	}
	return []string{d.Roles[order[0]].ID, d.Roles[order[1]].ID}
}

// crux are the questions that separate the conclusion of the members who
// reach role on their own answers from the merged answers': those where
// taking their merged answer alone turns the advice to role (the
// majority's, where it was overruled; a camp's, where the team splits).
func (d *Definitions) crux(t *TeamResult, answered []Answers, role string) []string {
	theirs := camp(t, answered, role)
	want := d.roleIndex[role]
	var out []string
	for qi := range d.Questions {
		q := &d.Questions[qi]
		merged, ok := d.mergeGroup(q, theirs)
		if !ok {
			continue
		}
		alt := t.Consensus.Clone()
		alt[q.ID] = merged
		tl := d.tally(alt, false)
		if best, _ := d.rank(tl.total, tl.ruled); best == want {
			out = append(out, q.ID)
		}
	}
	return out
}

// factView says what the team answered to a fact: the range and who said
// what, or that everyone agrees. Under anonymity no one is named, and
// numbers from fewer than MinAnonymousDetail people are a range.
func (d *Definitions) factView(t *TeamResult, q *Question, answered []Answers) (FactView, bool) {
	type said struct {
		who string
		a   Answer
		idx int
	}
	var all []said
	for i, a := range answered {
		x, ok := a[q.ID]
		if o, _ := q.Option(x.Choice); !ok || o != nil && o.OffScale {
			continue // left to the others, or not given: nothing to check
		}
		all = append(all, said{t.Members[i].Label, x, i})
	}
	if len(all) == 0 {
		return FactView{}, false
	}
	f := FactView{Question: q.ID, Outlier: -1}
	if q.IsList() {
		return d.listFact(t, q, answered), true
	}
	texts := make([]string, len(all))
	for i, s := range all {
		texts[i] = q.shortAnswer(s.a)
	}
	distinct := slices.Compact(slices.Clone(texts))
	slices.SortStableFunc(all, func(x, y said) int { return q.order(x.a) - q.order(y.a) })
	lo, hi := q.shortAnswer(all[0].a), q.shortAnswer(all[len(all)-1].a)
	small := t.Anonymous && len(all) < MinAnonymousDetail
	f.Agree = lo == hi && len(slices.Compact(slices.Sorted(slices.Values(distinct)))) == 1
	switch {
	case f.Agree && small:
		f.Text = fmt.Sprintf("%s: the answers agree", q.Title)
	case f.Agree:
		f.Text = fmt.Sprintf("%s: %s, all agree", q.Title, lo)
	case small:
		f.Text = fmt.Sprintf("%s: %s to %s (fewer than %d answers: only the range is shown)", q.Title, lo, hi, MinAnonymousDetail)
	case q.Kind == KindInteger:
		f.Text = fmt.Sprintf("%s: %s–%s", q.Title, lo, hi)
	default:
		f.Text = fmt.Sprintf("%s: %s", q.Title, JoinWords(uniqueInOrder(all, func(s said) string { return q.shortAnswer(s.a) }), "or"))
	}
	sorted := make([]Answer, len(all))
	idx := make([]int, len(all))
	for i, x := range all {
		sorted[i], idx[i] = x.a, x.idx
	}
	f.Material, f.Outlier = d.factSpread(t, q, sorted, idx)
	if q.Kind != KindInteger {
		f.Material = !f.Agree
	}
	if !t.Anonymous && !f.Agree {
		for _, s := range all {
			f.Who = append(f.Who, s.who+" "+q.shortAnswer(s.a))
		}
	}
	return f, true
}

// factSpread says whether a fact's answers, in order on its scale (by
// member idx), differ enough to check, and which member alone at one end
// makes them differ (-1 when none does).
func (d *Definitions) factSpread(t *TeamResult, q *Question, all []Answer, idx []int) (material bool, outlier int) {
	apart := func(lo, hi Answer) bool {
		if q.Kind != KindInteger {
			return q.shortAnswer(lo) != q.shortAnswer(hi)
		}
		return q.BandIndex(lo.Int) != q.BandIndex(hi.Int) || float64(hi.Int-lo.Int) > materialSpread*float64(t.Consensus[q.ID].Int)
	}
	n := len(all)
	material, outlier = apart(all[0], all[n-1]), -1
	if !material || n < 3 {
		return material, outlier
	}
	switch {
	case !apart(all[1], all[n-1]) && q.shortAnswer(all[0]) != q.shortAnswer(all[1]):
		outlier = idx[0]
	case !apart(all[0], all[n-2]) && q.shortAnswer(all[n-1]) != q.shortAnswer(all[n-2]):
		outlier = idx[n-1]
	}
	return material, outlier
}

// listFact is a list fact (who leads operations today): each value some
// named and others did not, with who said yes.
func (d *Definitions) listFact(t *TeamResult, q *Question, answered []Answers) FactView {
	f := FactView{Question: q.ID, Agree: true, Outlier: -1}
	alone := map[int]int{} // member -> the items they alone hold or lack
	differing := 0
	// Each value, and naming none ("nobody leads operations today").
	type item struct {
		label string
		holds func(Answer) bool
	}
	items := make([]item, 0, len(q.Options)+1)
	for _, o := range q.Options {
		items = append(items, item{o.Label, func(x Answer) bool { return slices.Contains(x.Multi, o.Value) }})
	}
	items = append(items, item{q.None.Label, func(x Answer) bool { return len(x.Multi) == 0 }})
	var parts []string
	for _, it := range items {
		var yes, no []string
		var yesIdx, noIdx []int
		for i, a := range answered {
			x, ok := a[q.ID]
			if !ok {
				continue
			}
			if it.holds(x) {
				yes, yesIdx = append(yes, t.mention(i)), append(yesIdx, i)
			} else {
				no, noIdx = append(no, t.mention(i)), append(noIdx, i)
			}
		}
		if len(yes) > 0 && len(no) > 0 {
			differing++
			switch {
			case len(yesIdx) == 1 && len(noIdx) >= 2:
				alone[yesIdx[0]]++
			case len(noIdx) == 1 && len(yesIdx) >= 2:
				alone[noIdx[0]]++
			}
		}
		switch {
		case len(yes) == 0:
		case len(no) == 0:
			parts = append(parts, lowerFirst(it.label))
		default:
			f.Agree, f.Material = false, true
			parts = append(parts, fmt.Sprintf("%s (%d of %d)", lowerFirst(it.label), len(yes), len(yes)+len(no)))
			if !t.Anonymous && len(yes) <= len(no) {
				// Who holds the view fewer hold: "only the CEO".
				f.Who = append(f.Who, lowerFirst(it.label)+": only "+JoinWords(yes, "and"))
			}
		}
	}
	f.Text = q.Title + ": " + strings.Join(parts, "; ")
	if f.Agree {
		f.Text += ", all agree"
	}
	for i, k := range alone {
		if k == differing {
			f.Outlier = i
		}
	}
	return f
}

// uniqueInOrder is each distinct key of items, in their order.
func uniqueInOrder[T any](items []T, key func(T) string) []string {
	var out []string
	for _, it := range items {
		if k := key(it); !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// shortAnswer is an answer in a few words, for a grid or a range: a
// number as written, an option's label, a list's values.
func (q *Question) shortAnswer(a Answer) string {
	switch {
	case q.Kind == KindInteger:
		return GroupDigits(a.Int)
	case q.IsList():
		if len(a.Multi) == 0 {
			return lowerFirst(q.None.Label)
		}
		return strings.Join(q.labels(a.Multi), "; ")
	}
	if o, _ := q.Option(a.Choice); o != nil {
		return o.Label
	}
	return a.Choice
}

// order places an answer on the question's scale: the number itself, or
// the option's place.
func (q *Question) order(a Answer) int {
	if q.Kind == KindInteger {
		return a.Int
	}
	_, i := q.Option(a.Choice)
	return i
}

// selfGap finds the one member whose role makes a question about
// themself (the CEO on the CEO's time) answering it outside everyone
// else's range.
func (d *Definitions) selfGap(t *TeamResult, q *Question, answered []Answers) (SelfGap, bool) {
	self := -1
	for i, m := range t.Members {
		if slices.ContainsFunc(q.Self, func(r string) bool { return strings.EqualFold(strings.TrimSpace(r), m.Role) }) {
			if self >= 0 {
				return SelfGap{}, false // two of them: no one's own view
			}
			self = i
		}
	}
	if self < 0 {
		return SelfGap{}, false
	}
	own, ok := answered[self][q.ID]
	if !ok {
		return SelfGap{}, false
	}
	var others []Answer
	for i, a := range answered {
		if x, ok := a[q.ID]; ok && i != self {
			others = append(others, x)
		}
	}
	if len(others) < 2 {
		return SelfGap{}, false
	}
	slices.SortStableFunc(others, func(x, y Answer) int { return q.order(x) - q.order(y) })
	lo, hi := others[0], others[len(others)-1]
	if q.order(own) >= q.order(lo) && q.order(own) <= q.order(hi) {
		return SelfGap{}, false
	}
	rangeText := quoted(q.shortAnswer(lo))
	if q.order(lo) != q.order(hi) {
		rangeText = quoted(q.shortAnswer(lo)) + " to " + quoted(q.shortAnswer(hi))
	}
	if t.Anonymous {
		return SelfGap{Question: q.ID, Text: fmt.Sprintf("One member answers %s %s; everyone else says %s.", q.Subject(), quoted(q.shortAnswer(own)), rangeText)}, true
	}
	return SelfGap{Question: q.ID, Text: fmt.Sprintf("The %s answers %s %s about themself; everyone else says %s.", t.Members[self].Role, q.Subject(), quoted(q.shortAnswer(own)), rangeText)}, true
}

// memberWhy says in a line why a member lands where they do: where the
// team's advice is ruled out on their answers, the rule; else the answer
// that weighs most between their own advice and their next best.
func (d *Definitions) memberWhy(t *TeamResult, i int, tl *tally) string {
	m := t.Members[i]
	r := m.Result
	if team := d.roleIndex[t.Result.Recommended]; r.Recommended != t.Result.Recommended && tl.ruled[team] > 0 {
		for _, x := range d.ruledOutRole(r.Answers, team) {
			head, _, _ := strings.Cut(x.Reason, ":")
			return lowerFirst(strings.TrimRight(head, "."))
		}
	}
	best, second := d.roleIndex[r.Recommended], d.roleIndex[r.RunnerUp]
	if r.RunnerUp == "" {
		return "the answers leave no other option"
	}
	top, gain := -1, Points(0)
	for qi := range d.Questions {
		if g := tl.perQuestion[qi][best] - tl.perQuestion[qi][second]; g > gain {
			top, gain = qi, g
		}
	}
	if top < 0 {
		return "the answers weigh the options equally"
	}
	q := &d.Questions[top]
	return lowerFirst(q.Sentence(r.Answers[q.ID]))
}

// agenda is the few points a facilitator takes first, in this order: the
// crux between the members' conclusions and the merged answers, the
// answers that would change the advice, the facts the team disagrees on,
// the leaders who rate themselves unlike everyone else, and the splits
// into two camps; each once, at most Scoring.Team.Agenda.
func (d *Definitions) agenda(t *TeamResult) []AgendaItem {
	var out []AgendaItem
	done := map[string]bool{}
	// Each question once; a self-gap is its own point ("q|self"), beside
	// one on the same question.
	add := func(qid string, it AgendaItem) {
		if len(out) < d.Scoring.Team.Agenda && !done[qid] {
			out = append(out, it)
			done[qid] = true
		}
	}
	// The crux opens with the question of its first answer, asked of
	// the team: a pain is no answer to be right or wrong about.
	cruxOpen := func(lead string) string {
		for _, id := range t.Crux {
			done[id] = true
		}
		if len(t.Crux) == 0 {
			return lead + ": which answers are right, and what would show it?"
		}
		q, _ := d.Question(t.Crux[0])
		return lead + ". " + discuss(q, "")
	}
	if len(t.Split) == 2 && len(t.Crux) > 0 {
		out = append(out, AgendaItem{Kind: AgendaCrux, Title: "Settle what divides the team: " + d.cruxText(t), Open: cruxOpen(d.TeamSplit(t))})
	}
	if t.Overruled != "" {
		maj, _ := d.Role(t.Majority)
		over, _ := d.Role(t.Overruled)
		out = append(out, AgendaItem{
			Kind: AgendaCrux, Title: fmt.Sprintf("Settle %s first", d.cruxText(t)),
			Open: cruxOpen(fmt.Sprintf("On their own answers %d of %d would hire %s, but the team's answers together give %s", t.Outcomes[d.roleIndex[t.Majority]], len(t.Members), maj.Advice, over.Advice)),
		})
	}
	for _, x := range t.Disagreements {
		if x.ChangesAdvice {
			q, _ := d.Question(x.Question)
			add(x.Question, AgendaItem{Kind: AgendaFlip, Title: q.Title + ": " + x.Summary, Open: discuss(q, x.Changes[0])})
		}
	}
	d.factItems(t, add, done)
	for _, g := range t.SelfGaps {
		q, _ := d.Question(g.Question)
		add(g.Question+"|self", AgendaItem{Kind: AgendaSelf, Title: strings.TrimSuffix(g.Text, "."), Open: discuss(q, "")})
	}
	// Splits into two camps, and scales the team splits evenly on (the
	// brief says to settle those together).
	for _, x := range t.Disagreements {
		if x.Split {
			q, _ := d.Question(x.Question)
			add(x.Question, AgendaItem{Kind: AgendaCamp, Title: q.Title + ": " + x.Summary, Open: "Each camp: what do you see that the others do not? " + discuss(q, "")})
		}
	}
	for _, tie := range t.Ties {
		q, _ := d.Question(tie.Question)
		add(tie.Question, AgendaItem{Kind: AgendaCamp, Title: fmt.Sprintf("%s: the team splits evenly between %s", q.Title, JoinWords(quoteAll(tie.Options), "and")), Open: discuss(q, "")})
	}
	return out
}

// factItems adds the facts the team contradicts itself on to the agenda:
// one point for the facts where a single member differs from everyone
// else on two or more ("are we describing the same company?"), one
// point each for the others.
func (d *Definitions) factItems(t *TeamResult, add func(string, AgendaItem), done map[string]bool) {
	byOutlier := map[int][]FactView{}
	for _, f := range t.Facts {
		// Under anonymity no point may tie one person's answers together.
		if !f.Agree && f.Material && f.Outlier >= 0 && !t.Anonymous && !done[f.Question] {
			byOutlier[f.Outlier] = append(byOutlier[f.Outlier], f)
		}
	}
	folded := map[string]bool{}
	for i := range t.Members {
		fs := byOutlier[i]
		if len(fs) < 2 {
			continue
		}
		var subjects []string
		for _, f := range fs {
			q, _ := d.Question(f.Question)
			subjects = append(subjects, q.Subject())
			folded[f.Question] = true
		}
		who := capitalize(t.mention(i)) + "'s answers differ"
		add(fs[0].Question, AgendaItem{
			Kind: AgendaFact, Title: fmt.Sprintf("Check the facts: %s from everyone else's on %s", who, JoinWords(subjects, "and")),
			Open: "Are we describing the same company? Which figures are right, and where do they come from?",
		})
		for _, f := range fs[1:] {
			done[f.Question] = true // said in the point above
		}
	}
	for _, f := range t.Facts {
		if !f.Agree && f.Material && !folded[f.Question] {
			q, _ := d.Question(f.Question)
			add(f.Question, AgendaItem{Kind: AgendaFact, Title: "Check the facts: " + f.Text, Open: discuss(q, "")})
		}
	}
}

// discuss is the question that opens a point's discussion: the
// question's own (discuss in the definitions), after what agreeing would
// do to the advice.
func discuss(q *Question, change string) string {
	open := q.Discuss
	if open == "" {
		open = "Which answer is right, and what would show it?"
	}
	if change != "" {
		return change + " " + open
	}
	return open
}
