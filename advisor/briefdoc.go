package advisor

import (
	"fmt"
	"slices"
	"strings"
)

// Document builds the brief a client receives: the decision on page one
// (the step, why and what it costs; the decision and what it turns on;
// the options side by side), then the case, the role, and last, set
// apart, how it was scored. Every format renders this one document, and
// nothing before the appendix speaks of points, factors or caps.
func (d *Definitions) Document(r *Result, o ReportOptions) *Doc {
	b := d.Brief(r, o)
	x := &docBuilder{d: d, r: r, o: o, b: b, s: d.situationOf(r)}
	x.s.team = o.Team != nil && len(o.Team.Members) > 1
	x.rec, _ = d.Role(r.Recommended)
	if r.RunnerUp != "" {
		x.ru, _ = d.Role(r.RunnerUp)
	}
	x.market, _ = d.Market(o.Market)
	x.company = "The company"
	if c := o.Engagement.Client; c != "" {
		x.company = c
	}

	doc := &Doc{Title: b.Title, Byline: b.Byline, Footer: x.footer()}
	if o.Engagement.Client != "" {
		doc.Kicker = "Operations leadership"
	}
	doc.Sections = append(doc.Sections, x.summary(), x.decision())
	if b.Team != nil {
		// A facilitator reads the team's view and the agenda first.
		doc.Sections = append(doc.Sections, x.teamView()...)
	}
	doc.Sections = append(doc.Sections, x.options(), x.why())
	if s, ok := x.changes(); ok {
		doc.Sections = append(doc.Sections, s)
	}
	if b.Team != nil {
		doc.Sections = append(doc.Sections, x.teamAnswers()...)
	}
	// What to weigh comes before the role: it bears on whether to take
	// the step at all.
	if s, ok := x.caveats(); ok {
		doc.Sections = append(doc.Sections, s)
	}
	if b.Role != nil {
		doc.Sections = append(doc.Sections, x.role())
	}
	doc.Sections = append(doc.Sections, x.appendix())
	return doc
}

// The ids of a brief's sections that tests and the print styles name.
const (
	idOptions = "options"
	idWhy     = "why"
	idRole    = "role"
)

// ruledOutMark follows a role's score when the answers rule it out.
const ruledOutMark = " (ruled out)"

// docBuilder holds what every section of a document reads.
type docBuilder struct {
	d       *Definitions
	r       *Result
	o       ReportOptions
	b       *Brief
	s       situation
	rec, ru *Role
	market  *Market
	company string // the client's name, or "The company"
}

// footer is the running footer of a printed page: for whom, when, and
// that it is confidential.
func (x *docBuilder) footer() string {
	var parts []string
	if c := x.o.Engagement.Client; c != "" {
		parts = append(parts, c)
	}
	if x.b.DateText != "" {
		parts = append(parts, x.b.DateText)
	}
	return strings.Join(append(parts, "Confidential"), " · ")
}

// summary is the three lines at the top: the step, why, and what it
// costs and how soon it works.
func (x *docBuilder) summary() DocSection {
	sec := DocSection{ID: summaryID}
	sec.Blocks = append(sec.Blocks, leadBlock("Recommendation", x.b.Headline+"."))
	if x.b.Team != nil {
		sec.Blocks = append(sec.Blocks, leadBlock("The team", x.b.Team.Conclusion))
	}
	if why := x.whyLine(); why != "" {
		sec.Blocks = append(sec.Blocks, leadBlock("Why", why))
	}
	if cost := x.costLine(); cost != "" {
		sec.Blocks = append(sec.Blocks, leadBlock("Cost and time", cost))
	}
	return sec
}

// disputed reports whether a team's answer to a question is one its
// members dispute (answers apart on a scale, or an even split): the
// headline's why leaves it to the agenda.
func (x *docBuilder) disputed(question string) bool {
	t := x.o.Team
	if t == nil {
		return false
	}
	for _, d := range t.Disagreements {
		if d.Question == question && d.Value == "" {
			return true
		}
	}
	return slices.ContainsFunc(t.Ties, func(c ConsensusTie) bool { return c.Question == question })
}

// minority reports whether a contribution is a value of a team's list
// that fewer than list_share named: a reason below, not the headline's.
func (x *docBuilder) minority(c Contribution) bool {
	a := x.r.Answers[c.Question]
	share, ok := a.Share[c.Value]
	return a.Share != nil && ok && share < a.Held
}

// whyLine says why in the client's terms: the answers that weigh most
// for the step, and the case they make ("... : the case for a full-time
// leader of operations under the CEO"). The reasons below list them
// again with the rest, as a summary does.
func (x *docBuilder) whyLine() string {
	// The answers that weigh most, a number (headcount, departments)
	// only where fewer other answers say why.
	var top, numbers []string
	for _, c := range x.r.Reasons {
		st := x.d.statementOf(c)
		if st == "" || x.minority(c) || x.disputed(c.Question) {
			continue
		}
		if q, _ := x.d.Question(c.Question); q.Kind == KindInteger {
			numbers = append(numbers, lowerFirst(st))
			continue
		}
		if len(top) < maxWhy {
			top = append(top, lowerFirst(st))
		}
	}
	for _, n := range numbers {
		if len(top) < 2 {
			top = append(top, n)
		}
	}
	call := x.rec.Brief.Case.First(x.s)
	switch {
	case x.r.Tie:
		return fmt.Sprintf("The answers weigh %s and %s equally; the cheaper step, and the easier to undo, comes first.", x.rec.Advice, x.ru.Advice)
	case call == "":
		return ""
	case len(top) == 0 && x.ru == nil:
		return capitalize(call) + ", the only option the answers leave."
	case len(top) == 0:
		return ""
	}
	// Statements hold commas ("grows fast, over 30% a year"): more than
	// two are joined with semicolons.
	sep := ", "
	if slices.ContainsFunc(top, func(s string) bool { return strings.Contains(s, ",") }) {
		sep = "; " // statements with commas of their own ("grows fast, over 30% a year")
	}
	list := top[0]
	switch {
	case len(top) == 2 && sep == ", ":
		list = top[0] + " and " + top[1]
	case len(top) > 1:
		list = strings.Join(top[:len(top)-1], sep) + strings.TrimSuffix(sep, " ") + " and " + top[len(top)-1]
	}
	return capitalize(call) + ", because " + list + "."
}

// maxWhy is how many answers the summary's why names.
const maxWhy = 3

// costLine is the step's cost for this company and its time to full
// effect, in a line.
func (x *docBuilder) costLine() string {
	var parts []string
	if c, ok := x.d.CostOf(x.market, x.rec.ID, x.r.Answers); ok {
		parts = append(parts, c.Short())
	} else if x.rec.Brief.Cost.Range != "" {
		parts = append(parts, x.rec.Brief.Cost.Range)
	}
	if e := x.rec.Brief.Scorecard.Effect.First(x.s); e != "" {
		parts = append(parts, lowerFirst(strings.TrimRight(e, ".")))
	} else if x.rec.Brief.Effect.Range != "" {
		parts = append(parts, x.rec.Brief.Effect.Range)
	}
	if len(parts) == 0 {
		return ""
	}
	return capitalize(strings.Join(parts, "; ")) + "."
}

// decision is the decision the client takes, how sure the advice is and
// what it turns on.
func (x *docBuilder) decision() DocSection {
	sec := DocSection{Title: "The decision", ID: "decision"}
	choice := func(ro *Role) string {
		if ro.Brief.Decision != "" {
			return ro.Brief.Decision
		}
		return "hire " + ro.Advice
	}
	if x.ru != nil {
		sec.Blocks = append(sec.Blocks, paraBlock(fmt.Sprintf("The decision for the leadership team is whether to %s or to %s.", choice(x.rec), choice(x.ru))))
	} else {
		sec.Blocks = append(sec.Blocks, paraBlock(fmt.Sprintf("The decision for the leadership team is whether to %s; the answers rule out the other options.", choice(x.rec))))
	}
	meaning := x.confidenceMeaning()
	if t := x.o.Team; t != nil && len(t.Members) > 1 && t.Majority == "" {
		// The margin is the merged answers'; the members split.
		meaning += " That is the margin of the team's answers combined; the members themselves split, so the advice holds only as the agenda's points are settled."
	}
	sec.Blocks = append(sec.Blocks, leadBlock("Confidence: "+x.b.Confidence+".", meaning))
	// What the advice turns on: the answers to check when one plausible
	// change flips it, else the nearest change that would.
	switch {
	case len(x.r.TurnsOn) > 0:
		sec.Blocks = append(sec.Blocks, Block{Callout: &Para{Lead: "Check before deciding", Text: x.turnsOn()}})
	case x.b.CloseCall != "":
		sec.Blocks = append(sec.Blocks, calloutBlock(x.closeCall()))
	}
	// What bears on whether to take the step at all (a shrinking
	// company's fixed cost, unassessed risk at a regulated one) comes
	// with the decision, not after the role.
	for _, text := range x.d.Caveats.All(x.s) {
		sec.Blocks = append(sec.Blocks, Block{Callout: &Para{Lead: "Weigh first", Text: text}})
	}
	if len(x.r.TurnsOn) == 0 {
		if c := x.tip(); c != nil {
			sec.Blocks = append(sec.Blocks, leadBlock("What would tip it", x.d.ChangeText(*c)))
		} else {
			sec.Blocks = append(sec.Blocks, leadBlock("What would tip it", x.noTip()))
		}
	}
	for _, p := range x.b.AlsoPlan {
		sec.Blocks = append(sec.Blocks, leadBlock("Plan ahead", p))
	}
	return sec
}

// turnsOn says the changes the advice turns on, grouped by the advice
// each would give: "The advice would be X if growth were ... instead of
// ..., or if ...".
func (x *docBuilder) turnsOn() string {
	const listed = 2
	var roles []string
	clauses := map[string][]string{}
	for i, c := range x.r.TurnsOn {
		if i == listed {
			break
		}
		if _, ok := clauses[c.Role]; !ok {
			roles = append(roles, c.Role)
		}
		clauses[c.Role] = append(clauses[c.Role], x.d.ChangeClause(c))
	}
	var out []string
	for _, id := range roles {
		ro, _ := x.d.Role(id)
		out = append(out, fmt.Sprintf("The advice would be %s %s.", ro.Advice, JoinWords(clauses[id], "or")))
	}
	if n := len(x.r.TurnsOn) - listed; n > 0 {
		out = append(out, fmt.Sprintf("%s more %s would change it too (see what else would change the advice).", capitalize(Spelled(n)), plural(n, "answer", "answers")))
	}
	return strings.Join(out, " ")
}

// tip is the nearest change that would change the advice, when the
// advice turns on no answer; nil when none would.
func (x *docBuilder) tip() *Change {
	if len(x.r.TurnsOn) > 0 || len(x.r.Changes) == 0 {
		return nil
	}
	return &x.r.Changes[0]
}

// noTip says that no single answer would change the advice.
func (x *docBuilder) noTip() string {
	if x.d.IsCloseCall(x.r) {
		return "no single answer, changed within reason, on its own; but the call is close, and several small changes together could."
	}
	return "no single answer, changed within reason."
}

// confidenceMeaning says what the confidence word means for this advice.
func (x *docBuilder) confidenceMeaning() string {
	switch {
	case x.ru == nil:
		return "The answers rule out every other option."
	case x.r.Tie:
		return fmt.Sprintf("The answers weigh %s and %s equally.", x.rec.Advice, x.ru.Advice)
	}
	step := x.d.confidenceStep(x.r)
	if step.Meaning == "" {
		return fmt.Sprintf("The answers favour %s over %s.", x.rec.Advice, x.ru.Advice)
	}
	m := strings.NewReplacer("{recommended}", x.rec.Advice, "{runner_up}", x.ru.Advice).Replace(step.Meaning)
	return capitalize(strings.TrimRight(m, ".")) + "."
}

// confidenceStep is the confidence step whose word the result has.
func (d *Definitions) confidenceStep(r *Result) ConfidenceStep {
	word := d.ResultConfidence(r)
	for _, st := range d.Scoring.Confidence {
		if st.Word == word {
			return st
		}
	}
	return ConfidenceStep{Word: word}
}

// closeCall warns that the next best option is close, without numbers.
func (x *docBuilder) closeCall() string {
	if x.r.Tie {
		return fmt.Sprintf("The answers weigh both options equally: the advice goes to %s as the cheaper step that is easier to change later. Read what favours each before deciding.", x.rec.Advice)
	}
	return fmt.Sprintf("This is a close call: %s is not far behind. Read what would change the advice before deciding.", capitalize(x.ru.Advice))
}

// optionRows are the rows of the comparison of the options, each with
// the cell for one role.
var optionRows = []struct {
	head string
	cell func(x *docBuilder, ro *Role) string
}{
	{"For this company", (*docBuilder).verdict},
	{"Remit", func(x *docBuilder, ro *Role) string { return ro.Brief.Scorecard.Remit.First(x.s) }},
	{"Reports to", func(x *docBuilder, ro *Role) string { return ro.Brief.Scorecard.ReportsTo.First(x.s) }},
	{"Decides", func(x *docBuilder, ro *Role) string { return ro.Brief.Scorecard.Decides.First(x.s) }},
	{"Cost", (*docBuilder).costCell},
	{"Full effect", func(x *docBuilder, ro *Role) string { return ro.Brief.Scorecard.Effect.First(x.s) }},
	{"Reversibility", func(x *docBuilder, ro *Role) string { return ro.Brief.Scorecard.Reversible.First(x.s) }},
	{"Risks here", func(x *docBuilder, ro *Role) string {
		if x.r.IsRuledOut(ro.ID) {
			return "Not weighed: ruled out."
		}
		// The sharpest risk for this client: the file lists the most
		// particular first, a general one last.
		return ro.Brief.Scorecard.Risks.First(x.s)
	}},
}

// options compares the options side by side, the cheaper and more
// reversible first, the recommended one marked.
func (x *docBuilder) options() DocSection {
	order := x.optionOrder()
	t := &Table{Head: []string{""}, Mark: -1}
	for i, ro := range order {
		t.Head = append(t.Head, ro.Title)
		if ro == x.rec {
			t.Mark = i + 1
		}
	}
	for _, row := range optionRows {
		tr := TableRow{Head: row.head}
		some := false
		for _, ro := range order {
			c := row.cell(x, ro)
			some = some || c != ""
			if c == "" {
				c = "–"
			}
			tr.Cells = append(tr.Cells, c)
		}
		if some {
			t.Rows = append(t.Rows, tr)
		}
	}
	t.Note = x.costNote()
	return DocSection{Title: "The options side by side", ID: idOptions, Blocks: []Block{tableBlock(t)}}
}

// optionOrder is the options in the order a brief compares them: the
// cheaper step, and the easier to undo, first.
func (x *docBuilder) optionOrder() []*Role {
	order := make([]*Role, 0, len(x.d.Roles))
	for i := range x.d.Roles {
		order = append(order, &x.d.Roles[i])
	}
	slices.SortStableFunc(order, func(a, b *Role) int {
		return x.d.TieOrder[x.d.RoleIndex(a.ID)] - x.d.TieOrder[x.d.RoleIndex(b.ID)]
	})
	return order
}

// verdict is what the answers make of an option for this company.
func (x *docBuilder) verdict(ro *Role) string {
	switch {
	case ro == x.rec:
		return "Recommended (" + x.b.Confidence + ")"
	case x.r.IsRuledOut(ro.ID):
		for _, y := range x.r.RuledOut {
			if y.Role != ro.ID {
				continue
			}
			// "A fractional COO is ruled out from 150 people: a few days a
			// month cannot lead operations at this size" gives its why
			// after the colon.
			if head, why, ok := strings.Cut(y.Reason, ": "); ok && strings.Contains(strings.ToLower(head), "ruled out") {
				return "Ruled out: " + lowerFirst(strings.TrimSpace(why))
			}
			return "Ruled out: " + lowerFirst(y.Reason)
		}
	case ro == x.ru && x.r.Tie:
		return "Equal on the answers; the costlier or harder step to undo"
	case ro == x.ru:
		return "Next best"
	}
	return "A weaker fit"
}

// costCell is an option's cost for this company.
func (x *docBuilder) costCell(ro *Role) string {
	if c, ok := x.d.CostOf(x.market, ro.ID, x.r.Answers); ok {
		return capitalize(c.Short())
	}
	return capitalize(ro.Brief.Cost.Range)
}

// costNote says once what the cost figures are and where they come
// from.
func (x *docBuilder) costNote() string {
	m := x.market
	if m == nil || m.By == "" {
		var sources []string
		for _, ro := range x.d.Roles {
			if s := ro.Brief.Cost.Source; s != "" && !slices.Contains(sources, s) {
				sources = append(sources, s)
			}
		}
		if len(sources) == 0 {
			return ""
		}
		return "Costs: " + strings.Join(sources, "; ") + "."
	}
	q, _ := x.d.Question(m.By)
	a := x.r.Answers[m.By]
	v := GroupDigits(a.Int)
	if a.Range[1] > a.Range[0] {
		v = GroupDigits(a.Range[0]) + " to " + GroupDigits(a.Range[1])
	}
	s := fmt.Sprintf("Costs for %s, in %s", m.Name, m.Currency)
	if m.Year > 0 {
		s += fmt.Sprintf(" as of %d", m.Year)
	}
	s += fmt.Sprintf(", for %s %s: indicative ranges from published guides, not a salary survey; cash is salary and target bonus.", v, q.UnitFor(a.Int))
	if c := strings.TrimSpace(m.Caveat); c != "" {
		s += " " + c
	}
	if len(m.Sources) > 0 {
		s += " Sources: " + strings.Join(trimStops(m.Sources), "; ") + "."
	}
	return s
}

// trimStops drops the full stop at the end of each text, to join them.
func trimStops(texts []string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = strings.TrimRight(strings.TrimSpace(t), ".")
	}
	return out
}

// why is the case: the answers that favour the step, those that favour
// the next best, and the rest of the picture, each fact once.
func (x *docBuilder) why() DocSection {
	sec := DocSection{Title: x.b.Why.Title, ID: idWhy}
	stated := map[[2]string]bool{}
	state := func(cs []Contribution) []string {
		var out []string
		for _, c := range cs {
			stated[[2]string{c.Question, c.Value}] = true
			if s := x.d.statementOf(c); s != "" {
				if x.disputed(c.Question) {
					s += " (the team's answers differ)"
				}
				out = append(out, s+".")
			}
		}
		return out
	}
	if items := state(x.r.Reasons); len(items) > 0 {
		sec.Blocks = append(sec.Blocks, bulletsBlock(items...))
	} else {
		sec.Blocks = append(sec.Blocks, paraBlock(x.b.Why.Empty))
	}
	if items := state(x.r.Counterpoints); len(items) > 0 {
		sec.Blocks = append(sec.Blocks, headingBlock(x.againstTitle()), bulletsBlock(items...))
	}
	// The rest is context, read as one paragraph.
	if rest := x.restOfPicture(stated); len(rest) > 0 {
		sec.Blocks = append(sec.Blocks, headingBlock("The rest of the picture"), paraBlock(strings.Join(rest, " ")))
	}
	return sec
}

// againstTitle heads what favours the next best option.
func (x *docBuilder) againstTitle() string {
	if x.r.Tie {
		return "For " + x.ru.Advice
	}
	return "What favours " + x.ru.Advice
}

// restOfPicture states the answers not yet stated, question by question,
// leaving out what says nothing (an answer not given, who runs the sites
// of a single site).
func (x *docBuilder) restOfPicture(stated map[[2]string]bool) []string {
	var out []string
	for qi := range x.d.Questions {
		q := &x.d.Questions[qi]
		if !q.MattersWhen.holds(x.s) || x.b.Role != nil && slices.ContainsFunc(x.r.Answers[q.ID].Multi, func(v string) bool {
			_, _, ok := x.d.ResponsibilityOwner(v)
			return ok
		}) {
			// The pains named are each said in the role's part (in its
			// remit or handed on), not here.
			continue
		}
		a := x.r.Answers[q.ID]
		var left []string
		anyLeft := false
		for _, c := range x.r.Contributions {
			if c.Question != q.ID {
				continue
			}
			if o, _ := q.Option(c.Value); c.Cancelled || o != nil && o.OffScale {
				// A value another cancels says what the other does ("no
				// director above them" beside a Director): left out.
				continue
			}
			if !stated[[2]string{c.Question, c.Value}] {
				left = append(left, c.Value)
				anyLeft = true
			}
		}
		if !anyLeft {
			continue
		}
		if q.IsList() && len(a.Multi) > 0 {
			a = Answer{Multi: left, Share: a.Share, Of: a.Of, Held: a.Held}
		}
		out = append(out, q.Sentence(a)+".")
	}
	return out
}

// changes lists what else would change the advice: the changes page one
// has not said (what the advice turns on, the nearest one), or nothing.
func (x *docBuilder) changes() (DocSection, bool) {
	var said []string
	for _, c := range x.r.TurnsOn {
		said = append(said, x.d.ChangeText(c))
	}
	if c := x.tip(); c != nil {
		said = append(said, x.d.ChangeText(*c))
	}
	var items []string
	for _, c := range x.r.Changes {
		if text := x.d.ChangeText(c); !slices.Contains(said, text) {
			items = append(items, text)
		}
	}
	if len(items) == 0 {
		return DocSection{}, false
	}
	return DocSection{Title: "What else would change the advice", ID: "changes", Blocks: []Block{bulletsBlock(items...)}}, true
}

// teamView is a team's conclusion, why each member lands where they do,
// and the facilitator's agenda.
func (x *docBuilder) teamView() []DocSection {
	tb := x.b.Team
	view := DocSection{Title: "The team's view", ID: "team"}
	for _, line := range tb.View {
		view.Blocks = append(view.Blocks, paraBlock(line))
	}
	if len(tb.Landings) > 1 {
		view.Blocks = append(view.Blocks, headingBlock("Where each member lands, and why"), bulletsBlock(tb.Landings...))
	} else if len(tb.Landings) == 1 {
		view.Blocks = append(view.Blocks, paraBlock(tb.Landings[0]))
	}
	out := []DocSection{view}
	if len(tb.Agenda) > 0 {
		agenda := DocSection{Title: "The agenda", ID: "agenda"}
		agenda.Blocks = append(agenda.Blocks, paraBlock("The points to settle, in order, each with a question to open it."))
		l := &List{Ordered: true}
		for _, it := range tb.Agenda {
			l.Items = append(l.Items, Para{Lead: it.Title + ".", Text: "Open with: " + it.Open})
		}
		agenda.Blocks = append(agenda.Blocks, Block{List: l})
		out = append(out, agenda)
	}
	return out
}

// foldAfter is how many disagreements an HTML brief shows on screen
// before folding the rest (print shows them all).
const foldAfter = 6

// teamAnswers are the facts to check, the perceptions, the grid of
// answers and every disagreement.
func (x *docBuilder) teamAnswers() []DocSection {
	tb := x.b.Team
	if tb.Size < 2 {
		return nil // one view: nothing to compare
	}
	var out []DocSection
	if len(tb.Facts) > 0 || tb.Agreed != "" {
		facts := DocSection{Title: "Facts to check", ID: "facts"}
		if len(tb.Facts) > 0 {
			facts.Blocks = append(facts.Blocks, bulletsBlock(tb.Facts...))
		}
		if tb.Agreed != "" {
			facts.Blocks = append(facts.Blocks, paraBlock(tb.Agreed))
		}
		out = append(out, facts)
	}
	if len(tb.Perceptions) > 0 || len(tb.SelfGaps) > 0 {
		sec := DocSection{Title: "How the views differ", ID: "perceptions"}
		for _, g := range tb.SelfGaps {
			sec.Blocks = append(sec.Blocks, calloutBlock(g))
		}
		if len(tb.Perceptions) > 0 {
			sec.Blocks = append(sec.Blocks, bulletsBlock(tb.Perceptions...))
		}
		out = append(out, sec)
	}
	if tb.Grid != nil || tb.GridNote != "" {
		sec := DocSection{Title: "The answers side by side", ID: "grid"}
		if tb.Grid != nil {
			g := *tb.Grid
			g.Note = tb.GridNote
			sec.Blocks = append(sec.Blocks, tableBlock(&g))
		} else {
			sec.Blocks = append(sec.Blocks, paraBlock(tb.GridNote))
		}
		out = append(out, sec)
	}
	dis := DocSection{Title: "Where the team disagrees", ID: "disagreements"}
	if len(tb.Disagreements) == 0 {
		dis.Blocks = append(dis.Blocks, paraBlock("The team agrees on every answer that matters."))
	} else {
		dis.Blocks = append(dis.Blocks, paraBlock("Most important first. Each says what agreeing would do to the advice; where it says nothing, agreeing either way would not change it."))
		l := &List{}
		for _, t := range tb.Disagreements {
			l.Items = append(l.Items, Para{Text: t})
		}
		if len(l.Items) > foldAfter+2 {
			l.Fold = foldAfter
		}
		dis.Blocks = append(dis.Blocks, Block{List: l})
	}
	if more := tb.MoreDisagreements; more > 0 {
		dis.Blocks = append(dis.Blocks, paraBlock(fmt.Sprintf("%s smaller %s are not listed: only definitions of thousands of values have so many.", capitalize(GroupDigits(more)), plural(more, "difference", "differences"))))
	}
	return append(out, dis)
}

// role is the brief for the step: mission, remit (every pain the client
// named, in it or handed to someone), reporting line, decision rights,
// the first 90 days, measures, cost, next steps.
func (x *docBuilder) role() DocSection {
	rs := x.b.Role
	title := rs.Title
	if t := x.rec.Brief.Title; t != "" {
		title = t
	}
	sec := DocSection{Title: title, ID: idRole}
	add := func(bs ...Block) { sec.Blocks = append(sec.Blocks, bs...) }
	if rs.Mission != "" {
		add(leadBlock("Mission", rs.Mission))
	}

	x.remit(add)
	add(headingBlock("Reporting line"), paraBlock(rs.ReportingLine))
	for _, t := range rs.InPost {
		add(paraBlock(t))
	}
	if len(rs.CEOKeeps)+len(rs.RoleOwns) > 0 {
		add(headingBlock("Decision rights"))
		if len(rs.RoleOwns) > 0 {
			add(paraBlock(rs.RoleTitle+":"), bulletsBlock(rs.RoleOwns...))
		}
		if len(rs.CEOKeeps) > 0 {
			add(paraBlock(rs.CEOTitle+":"), bulletsBlock(rs.CEOKeeps...))
		}
	}
	if len(rs.Days) > 0 {
		add(headingBlock("The first 90 days"))
		for _, p := range rs.Days {
			add(leadBlock("Days "+strings.ReplaceAll(p.Days, "-", "–"), p.Title), bulletsBlock(p.Actions...))
		}
	}
	if len(rs.Measures) > 0 {
		// The pains' measures first, then the role's own: five at most,
		// as a scorecard for a first year holds.
		add(headingBlock("How success shows in the first year"), bulletsBlock(rs.Measures[:min(maxMeasures, len(rs.Measures))]...))
	}
	if cost := x.costSentences(); len(cost) > 0 {
		add(headingBlock("The cost"), paraBlock(strings.Join(cost, " ")))
	}
	if len(rs.NextSteps) > 0 {
		steps := &List{Ordered: true}
		for _, s := range rs.NextSteps {
			steps.Items = append(steps.Items, Para{Text: s})
		}
		add(headingBlock("Next steps"), Block{List: steps})
	}
	if len(rs.RevisitWhen) > 0 {
		add(headingBlock(RevisitTitle), bulletsBlock(rs.RevisitWhen...))
	}
	return sec
}

// remit adds the role's remit: the pains named first, each with what the
// role does (a pain it takes on from another role by its name alone: its
// 90 days say what it does), then the rest of the remit by name; and the
// pains named outside it, each with who takes it on.
func (x *docBuilder) remit(add func(...Block)) {
	rs := x.b.Role
	hire := x.rec.Brief.Owner == "" // no new leader's "remit" is steps
	pains := &List{}
	var more, rest []string // pains named past the described, the rest of the remit
	for _, it := range rs.Remit {
		switch {
		case it.YourPain && len(pains.Items) < maxDescribed:
			pains.Items = append(pains.Items, Para{Lead: it.Name, Text: it.Text})
		case it.YourPain:
			more = append(more, lowerFirst(it.Name))
		default:
			rest = append(rest, it.Name)
		}
	}
	title := "Remit"
	if !hire {
		title = "The steps"
	}
	add(headingBlock(title))
	if len(pains.Items) > 0 {
		add(paraBlock("The pains named come first:"), Block{List: pains})
	}
	if len(more) > 0 {
		// Named, not described: their 90 days say what the role does.
		add(paraBlock("Also named: " + JoinWords(more, "and") + "."))
	}
	switch {
	case len(rest) == 0:
	case !hire || len(pains.Items) == 0:
		add(paraBlock(map[bool]string{true: "Other steps to weigh:", false: "The remit:"}[!hire]), bulletsBlock(rest...))
	default:
		for i := range rest {
			rest[i] = lowerFirst(rest[i])
		}
		add(paraBlock("Also in the remit: " + JoinWords(rest, "and") + "."))
	}
	if len(rs.HandedOff) > 0 {
		// The pains that go to the same people, together.
		handed := &List{}
		var tos []string
		names := map[string][]string{}
		for _, h := range rs.HandedOff {
			if _, ok := names[h.To]; !ok {
				tos = append(tos, h.To)
			}
			names[h.To] = append(names[h.To], h.Name)
		}
		for _, to := range tos {
			n := names[to]
			for i := 1; i < len(n); i++ {
				n[i] = lowerFirst(n[i])
			}
			verb := "goes"
			if len(n) > 1 {
				verb = "go"
			}
			handed.Items = append(handed.Items, Para{Lead: JoinWords(n, "and"), Text: verb + " to " + strings.TrimRight(to, ".") + "."})
		}
		add(paraBlock("Pains named outside this remit, and who takes them on:"), Block{List: handed})
	}
}

// maxDescribed is how many of the pains named the remit describes; the
// others it names (their 90 days say what the role does).
const maxDescribed = 4

// maxMeasures is how many success measures a brief lists.
const maxMeasures = 5

// costSentences break the step's cost down for this company, with what
// the market's figures are worth.
func (x *docBuilder) costSentences() []string {
	var out []string
	if c, ok := x.d.CostOf(x.market, x.rec.ID, x.r.Answers); ok {
		out = append(out, c.Sentences()...)
		if n := strings.TrimSpace(c.Market.Note); n != "" && c.salaried() {
			out = append(out, n)
		}
	} else if f := x.rec.Brief.Cost; f.Range != "" && x.market != nil {
		// No market figure for the role: the roles file's own words.
		out = append(out, capitalize(strings.TrimRight(f.Range, "."))+".")
	}
	return out
}

// caveats are what to weigh before deciding: the notes of the answers and
// the step's own, as the answers and the confidence call for them.
func (x *docBuilder) caveats() (DocSection, bool) {
	// (The definitions' caveats are on page one.)
	page1 := x.d.Caveats.All(x.s)
	items := slices.DeleteFunc(slices.Concat(x.b.Notes, x.b.Caveats.Items), func(s string) bool { return slices.Contains(page1, s) })
	if len(items) == 0 {
		return DocSection{}, false
	}
	return DocSection{Title: "Before deciding", ID: "before-deciding", Blocks: []Block{bulletsBlock(items...)}}, true
}

// appendix is how the advice was scored: the method, the totals, each
// answer's points and why, and the sources, once.
func (x *docBuilder) appendix() DocSection {
	d, r := x.d, x.r
	sec := DocSection{Title: "How this was scored", ID: "how-scored", Appendix: true}
	add := func(bs ...Block) { sec.Blocks = append(sec.Blocks, bs...) }
	method := fmt.Sprintf("Each answer gives each option points, as the questionnaire's definitions set them. The option with the most points among those the answers do not rule out is advised; a tie goes to the cheaper step that is easier to undo. The confidence is the lead over the next best option as a share of a lead of %s points; advice that one plausible change of an answer would reverse is called a close call, whatever its lead.", FormatPoints(d.Scoring.FullLead))
	if x.ru != nil {
		method += " " + x.b.ConfidenceText
	}
	add(paraBlock(method))

	// The options in the comparison's order, the cheaper step first.
	order := x.optionOrder()
	scores := &Table{Caption: "Points by option and by factor", Head: []string{""}, Mark: -1}
	for i, role := range order {
		scores.Head = append(scores.Head, role.Short)
		if role.ID == r.Recommended {
			scores.Mark = i + 1
		}
	}
	total := TableRow{Head: "Total"}
	for _, role := range order {
		s := r.Scores[d.RoleIndex(role.ID)]
		cell := FormatPoints(s.Points)
		if s.RuledOut {
			cell += ruledOutMark
		}
		total.Cells = append(total.Cells, cell)
	}
	for _, fs := range r.Factors {
		f, _ := d.Factor(fs.Factor)
		row := TableRow{Head: f.Title}
		for _, role := range order {
			row.Cells = append(row.Cells, FormatPoints(fs.Points[d.RoleIndex(role.ID)]))
		}
		scores.Rows = append(scores.Rows, row)
	}
	scores.Rows = append(scores.Rows, total)
	add(tableBlock(scores))

	lines, sources := x.scoringLines()
	add(headingBlock("Each answer"), bulletsBlock(lines...))
	if len(sources) > 0 {
		add(paraBlock("Sources, all second-hand: " + strings.Join(sources, "; ") + "."))
	}
	return sec
}

// scoringLines explain each answer's points, one line per question (a
// list's values side by side), with the definitions' reasoning where the
// answer weighs in the choice between the advice and the next best; the
// rules that lessened some points and the sources come apart, each once.
func (x *docBuilder) scoringLines() (lines, sources []string) {
	d, r := x.d, x.r
	source := func(s string) {
		// "(second-hand)" after each source says what the note says once.
		s = strings.TrimRight(strings.TrimSpace(s), ".")
		for _, tail := range []string{" (second-hand)", ", second-hand", " second-hand"} {
			s = strings.TrimSuffix(s, tail)
		}
		if s != "" && !slices.Contains(sources, s) {
			sources = append(sources, s)
		}
	}
	var rules []string
	rule := func(c Contribution) string {
		if c.Scaled == "" {
			return ""
		}
		if !slices.Contains(rules, c.Scaled) {
			rules = append(rules, c.Scaled)
		}
		return fmt.Sprintf(", by rule %d", slices.Index(rules, c.Scaled)+1)
	}
	for start := 0; start < len(r.Contributions); {
		end := start + 1
		for end < len(r.Contributions) && r.Contributions[end].Question == r.Contributions[start].Question {
			end++
		}
		cs := r.Contributions[start:end]
		start = end
		q, _ := d.Question(cs[0].Question)
		var parts []string
		for _, c := range cs {
			sep := ": "
			if len(cs) == 1 {
				sep = " — "
			}
			parts = append(parts, c.Label+sep+d.shortPoints(c)+rule(c))
		}
		line := q.Title + ": " + strings.Join(parts, "; ") + "."
		for _, c := range weighing(cs, maxWhys) {
			line += " " + strings.TrimSpace(c.Why)
			source(c.Source)
		}
		lines = append(lines, line)
		if capText := d.CapText(r, q.ID); capText != "" {
			lines = append(lines, capText)
		}
	}
	for i, rule := range rules {
		lines = append(lines, fmt.Sprintf("Rule %d: %s", i+1, rule))
	}
	for _, y := range r.RuledOut {
		lines = append(lines, y.Reason)
		source(y.Source)
	}
	return lines, sources
}

// maxWhys is how many of a list's values the appendix gives the
// reasoning of: those that weigh most.
const maxWhys = 2

// weighing are the parts of an answer whose reasoning the appendix gives:
// those that move the lead between the advice and the next best by a
// point or more, most first, at most n.
func weighing(cs []Contribution, n int) []Contribution {
	var out []Contribution
	for _, c := range cs {
		if c.Why != "" && (c.Advantage >= pointScale || c.Advantage <= -pointScale) {
			out = append(out, c)
		}
	}
	abs := func(p Points) Points { return max(p, -p) }
	slices.SortStableFunc(out, func(a, b Contribution) int { return int(abs(b.Advantage) - abs(a.Advantage)) })
	return out[:min(n, len(out))]
}

// shortPoints lists the points an answer counts for each option, by the
// options' short names: "Ops Director 2, COO 1", or "no points"; where a
// rule or another answer took some away, what was given too.
func (d *Definitions) shortPoints(c Contribution) string {
	list := func(w Weights, sep string) string {
		var parts []string
		for i, role := range d.Roles {
			if i < len(w) && w[i] != 0 {
				parts = append(parts, role.Short+" "+FormatPoints(w[i]))
			}
		}
		return strings.Join(parts, sep)
	}
	counted, given := list(c.Counted, ", "), list(c.Points, " and ")
	switch {
	case given == "":
		return "no points"
	case c.Cancelled:
		return given + ", none counted with the other answers given"
	case counted == "":
		return given + ", none counted"
	case counted == given, c.Scaled == "":
		// (What a question's cap takes off its line under it says.)
		return counted
	}
	return counted + " counted of " + given
}
