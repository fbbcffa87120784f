package advisor

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// ReportOptions say what a report carries beyond the result: for whom, by
// whom and when, and which program wrote it.
type ReportOptions struct {
	// Engagement names the client, the preparer and the date. The date
	// is the caller's to give (today, when the user gave none): the
	// advisor has no clock, so identical inputs give identical reports.
	Engagement Engagement
	// Version is the program's version, recorded in JSON reports.
	Version string
	// Team, when set, makes the report a team's: the result is the team's
	// (Team.Result), and the brief adds who answered and where they
	// disagree.
	Team *TeamResult
	// Market is the id of the market whose costs the brief quotes; "" for
	// the definitions' default.
	Market string
	// Width is where a text report wraps (a terminal's width); 0 keeps
	// each paragraph on one line, for an email client to flow.
	Width int
}

// Brief is the explanation of a result: every section a client reads, in
// order, as plain sentences. It is built once, here, and every report
// format and the results screen render it, so the order and the wording
// of the advice live in one place.
type Brief struct {
	Title    string // "Recommendation for Acme Logistics"
	Byline   string // "Prepared by Jane Doe · 26 November 2026"
	Date     string // YYYY-MM-DD, or ""
	DateText string // "26 November 2026"

	// The bottom line: the answer first.
	Headline   string // "Hire an Operations Director"
	Confidence string // the confidence in words: "clear"
	// ConfidenceText is the lead in a sentence: "The Operations Director
	// leads the COO by 5 of 10 points." (the full lead, not a probability).
	ConfidenceText string
	Rationale      string // what weighs most, in a sentence or two
	// TurnsOn names the answers one plausible change of which would flip
	// the advice: "This turns on whether ...: check it" (or "").
	TurnsOn   string
	CloseCall string   // a warning when the runner-up is close, or ""
	RuledOut  []string // why each ruled-out role is
	AlsoPlan  []string
	Notes     []string // what the answers bring up for this role

	// Team is a team's part of the brief (nil for one person's).
	Team *TeamBrief

	Situation Section // the answers, as sentences
	Why       Section // the reasons
	Against   Section // pointing the other way
	Changes   Section // what would change the advice
	Caveats   Section // before you decide

	Role *RoleSection // the brief for the recommended role

	// The appendix: how this was scored.
	Scores  []string // "Operations Director: 14 points"
	Factors []string // "Size: COO 1, Operations Director 2, Fractional COO 0"
	Scoring []string // each answer's points, why, and the rules

	bars []barScore // the scores, highest first, for the HTML bars
}

// barScore is one role's score for a bar.
type barScore struct {
	Title    string
	Points   Points
	RuledOut bool
}

// Section is a titled list of sentences, with what was left out said.
type Section struct {
	Title string
	Items []string
	More  string // "and 2 smaller points", or ""
	Empty string // said when there are no items
}

// RoleSection is the brief for the role recommended: the client's own
// pains first.
type RoleSection struct {
	Role          string // role id
	Title         string // "The role: Operations Director"
	Summary       string
	Mission       string
	Remit         []RemitItem
	ReportingLine string
	CEOKeeps      []string
	RoleOwns      []string
	CEOTitle      string // "The CEO keeps"
	RoleTitle     string // "The Operations Director owns"
	Days          []Period
	Measures      []string
	NextSteps     []string
	RevisitWhen   []string // what would make another step right later
	// InPost says what happens to the leaders already in post.
	InPost []string
	// HandedOff are the client's pains outside the role's remit, each
	// with who takes it on.
	HandedOff []HandedPain
	Manager   string // who the role reports to: "CEO", "COO"
	// Market is the role's cost for this company in the market chosen, or
	// nil where the definitions give none (Cost then says it).
	Market    *Cost
	Cost      Figure
	Effect    Figure
	WorksWith string
}

// HandedPain is a pain the client named that the role does not take on,
// and who does: "the CEO, who keeps the strategy".
type HandedPain struct {
	ID, Name, To string
}

// RemitItem is one responsibility in the remit, marked when it is one of
// the client's pains.
type RemitItem struct {
	ID       string
	Name     string
	Text     string
	YourPain bool
	// Taken marks a pain the role takes on though it is another role's
	// responsibility: Text says what the role does about it.
	Taken bool
	// Goal marks a pain the role covers for another role: Text is what
	// good looks like (its measure), not the other role's description.
	Goal bool
}

// Brief builds the explanation of a result.
func (d *Definitions) Brief(r *Result, o ReportOptions) *Brief {
	b := &Brief{Date: o.Engagement.Date}
	rec, _ := d.Role(r.Recommended)
	b.masthead(o)

	if o.Team != nil {
		b.Team = d.TeamBrief(o.Team)
	}
	b.Headline = d.Headline(r)
	b.Confidence = d.ResultConfidence(r)
	b.ConfidenceText = d.confidenceSentence(r)
	b.Rationale = d.rationale(r)
	b.TurnsOn = d.TurnsOnText(r)
	b.CloseCall = d.CloseCallNote(r)
	// One reason per ruled-out role is enough for the bottom line (the
	// appendix lists them all); a reason that does not say "ruled out"
	// itself is labelled.
	seen := map[string]bool{}
	for _, x := range r.RuledOut {
		if seen[x.Role] {
			continue
		}
		seen[x.Role] = true
		text := x.Reason
		if !strings.Contains(strings.ToLower(text), "ruled out") {
			text = "Ruled out: " + text
		}
		b.RuledOut = append(b.RuledOut, text)
	}
	for _, p := range r.AlsoPlan {
		b.AlsoPlan = append(b.AlsoPlan, PlanText(p))
	}
	for _, n := range r.AnswerNotes() {
		b.Notes = append(b.Notes, d.NoteText(r, n))
	}

	b.Situation = Section{Title: "The situation"}
	if o.Team != nil && len(o.Team.Members) > 1 {
		b.Situation.Title = "The situation, in the team's answers"
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		b.Situation.Items = append(b.Situation.Items, q.Sentence(r.Answers[q.ID])+".")
	}

	why, against := d.ReasonHeadings(r)
	b.Why = Section{Title: why, Empty: d.NoReasonsText(r)}
	// The heading names the role: each reason is the client's answer as
	// a sentence (the points and the rationale are in the appendix).
	for _, c := range r.Reasons {
		b.Why.Items = append(b.Why.Items, d.statementOf(c)+".")
	}
	if r.MoreReasons > 0 {
		b.Why.More = MorePoints(r.MoreReasons)
	}
	b.Against = Section{Title: against}
	for _, c := range r.Counterpoints {
		b.Against.Items = append(b.Against.Items, d.statementOf(c)+".")
	}
	if r.MoreCounterpoints > 0 {
		b.Against.More = MorePoints(r.MoreCounterpoints)
	}
	b.Changes = Section{Title: "What would change the advice", Empty: "No plausible change of a single answer would change the advice."}
	for _, c := range r.Changes {
		b.Changes.Items = append(b.Changes.Items, d.ChangeText(c))
	}
	b.Caveats = Section{Title: "Before you decide"}
	for _, n := range r.RoleNotes() {
		b.Caveats.Items = append(b.Caveats.Items, d.NoteText(r, n))
	}

	b.Role = d.roleSection(r, rec, o)

	for _, s := range d.sortedScores(r) {
		role, _ := d.Role(s.Role)
		line := fmt.Sprintf("%s: %s %s", role.Title, FormatPoints(s.Points), pointsWord(s.Points))
		if s.RuledOut {
			line += ruledOutMark
		}
		b.Scores = append(b.Scores, line)
		b.bars = append(b.bars, barScore{Title: role.Title, Points: s.Points, RuledOut: s.RuledOut})
	}
	for _, fs := range r.Factors {
		f, _ := d.Factor(fs.Factor)
		parts := make([]string, len(d.Roles))
		for i, role := range d.Roles {
			parts[i] = role.Short + " " + FormatPoints(fs.Points[i])
		}
		b.Factors = append(b.Factors, f.Title+": "+strings.Join(parts, ", "))
	}
	b.Scoring = d.scoringLines(r)
	return b
}

// masthead sets the title, the date and the byline: for whom, by whom,
// whose answers and when.
func (b *Brief) masthead(o ReportOptions) {
	e := o.Engagement
	b.Title = "Operations leadership: our recommendation"
	if e.Client != "" {
		b.Title = "Recommendation for " + e.Client
	}
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		b.DateText = t.Format("2 January 2006")
	}
	var by []string
	if e.PreparedBy != "" {
		by = append(by, "Prepared by "+e.PreparedBy)
	}
	switch {
	case o.Team != nil && len(o.Team.Members) > 1:
		by = append(by, fmt.Sprintf("Answers from %d people", len(o.Team.Members)))
	case o.Team != nil && o.Team.Anonymous:
		by = append(by, "Answers from one person")
	case o.Team != nil:
		by = append(by, "Answers by "+o.Team.Members[0].Name)
	case e.Respondent != "":
		by = append(by, "Answers by "+withRole(e.Respondent, e.Role))
	case e.Role != "":
		by = append(by, "Answers by the "+e.Role)
	}
	if b.DateText != "" {
		by = append(by, b.DateText)
	}
	b.Byline = strings.Join(by, " · ")
}

// withRole is a respondent's name with their role, "Ana Ruiz (CEO)",
// unless the name already says it ("Ben (CFO)").
func withRole(name, role string) string {
	if role == "" || strings.Contains(strings.ToLower(name), strings.ToLower(role)) {
		return name
	}
	return name + " (" + role + ")"
}

// confidenceSentence says the confidence as the lead it is.
func (d *Definitions) confidenceSentence(r *Result) string {
	rec, _ := d.Role(r.Recommended)
	if r.RunnerUp == "" {
		return "Every other role is ruled out, so the points do not decide."
	}
	ru, _ := d.Role(r.RunnerUp)
	if r.Tie {
		return fmt.Sprintf("A tie: %s and %s have %s %s each; a tie goes to the cheaper, more reversible hire.", rec.Advice, ru.Advice, FormatPoints(r.scoreOf(r.Recommended)), pointsWord(r.scoreOf(r.Recommended)))
	}
	// The lead as it is, beside the scores it comes from: confidence is
	// full from a lead of full_lead points, and the sentence says so
	// rather than cap the lead.
	return fmt.Sprintf("The answers favour %s over %s by %s %s (%s to %s); confidence is full from a lead of %s %s. Points measure the lead, not a probability.", rec.Advice, ru.Advice, FormatPoints(r.Lead), pointsWord(r.Lead), FormatPoints(r.scoreOf(r.Recommended)), FormatPoints(r.scoreOf(r.RunnerUp)), FormatPoints(d.Scoring.FullLead), pointsWord(d.Scoring.FullLead))
}

// rationale says in a sentence what weighs most for the recommendation.
func (d *Definitions) rationale(r *Result) string {
	rec, _ := d.Role(r.Recommended)
	var top []string
	for _, c := range r.Reasons {
		if len(top) == 3 {
			break
		}
		if s := d.statementOf(c); s != "" {
			top = append(top, lowerFirst(s))
		}
	}
	if len(top) == 0 {
		// "The only role to hire" only when it is: the rules leave no
		// other (a tie has a runner-up).
		if r.RunnerUp == "" {
			return fmt.Sprintf("The answers leave %s as the only step.", rec.Advice)
		}
		return ""
	}
	lead := "What weighs most"
	if r.Tie {
		lead = "On its side"
	}
	// Statements hold commas ("grows fast, over 30% a year"): they are
	// joined with semicolons.
	if len(top) > 1 {
		top[len(top)-1] = "and " + top[len(top)-1]
	}
	return fmt.Sprintf("%s: %s.", lead, strings.Join(top, "; "))
}

// statementOf is the answer behind a contribution as a sentence, without
// the full stop.
func (d *Definitions) statementOf(c Contribution) string {
	q, ok := d.Question(c.Question)
	if !ok {
		return ""
	}
	if c.Statement != "" {
		return c.Statement
	}
	return q.Title + ": " + c.Label
}

// ReasonSentence explains a contribution for a client: the answer as a
// sentence and the role it points to, as in "The company grows fast, over
// 30% a year: that points to a Chief Operating Officer" and a full stop.
func (d *Definitions) ReasonSentence(_ *Result, c Contribution, role string) string {
	ro, ok := d.Role(role)
	if !ok {
		return d.statementOf(c) + "."
	}
	return d.statementOf(c) + ": that points to " + ro.Advice + "."
}

// Sentence is an answer as a sentence, without the full stop: the
// statements of the answer's parts (or the question's own for a number),
// or "Title: answer" where the definitions give none.
func (q *Question) Sentence(a Answer) string {
	var parts []string
	q.rules().parts(q, a, func(p *Part, _ bool) {
		if s := q.partStatement(p, a); s != "" {
			parts = append(parts, s)
		}
	})
	if len(parts) == 0 {
		return q.Title + ": " + q.Describe(a)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	// A list the question words as one sentence: "Planned for the next
	// two years: new markets and acquisitions".
	if strings.Contains(q.Statement, "{list}") {
		var labels []string
		q.rules().parts(q, a, func(p *Part, _ bool) { labels = append(labels, lowerFirst(p.Label)+q.namedBy(p, a)) })
		return strings.ReplaceAll(q.Statement, "{list}", JoinWords(labels, "and"))
	}
	// A list: "Processes have bottlenecks; quality is inconsistent".
	for i := 1; i < len(parts); i++ {
		parts[i] = lowerFirst(parts[i])
	}
	return strings.Join(parts, "; ")
}

// partStatement is one part's statement, with an integer question's value
// filled in.
func (q *Question) partStatement(p *Part, a Answer) string {
	out := q.fillStatement(p, a)
	if out == "" {
		return out
	}
	return out + q.namedBy(p, a)
}

// namedBy says, for a part of a team's merged list that not everyone
// named, how many did: " (2 of 5)"; "" otherwise.
func (q *Question) namedBy(p *Part, a Answer) string {
	if a.Share == nil || a.Of < 2 {
		return ""
	}
	value := ""
	if p.Label != q.None.Label || len(q.Options) == 0 {
		for _, o := range q.Options {
			if o.Label == p.Label {
				value = o.Value
				break
			}
		}
	}
	if share, ok := a.Share[value]; ok && share < pointScale {
		named := int((share*Points(a.Of) + pointScale/2) / pointScale)
		return fmt.Sprintf(" (%d of %d)", named, a.Of)
	}
	return ""
}

// fillStatement is a part's statement with its placeholders filled in.
func (q *Question) fillStatement(p *Part, a Answer) string {
	s := p.Statement
	if s == "" {
		s = q.Statement
	}
	if s == "" {
		return ""
	}
	// A statement is filled in on every report: one pass, no replacer
	// built each time.
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "{value}") && a.Range[1] > a.Range[0]:
			b.WriteString(Spelled(a.Range[0]) + " to " + Spelled(a.Range[1]))
		case strings.HasPrefix(s, "{value}"):
			b.WriteString(Spelled(a.Int))
		case strings.HasPrefix(s, "{unit}"):
			b.WriteString(q.UnitFor(a.Int))
		case strings.HasPrefix(s, "{list}"):
			b.WriteString(lowerFirst(p.Label))
		default:
			b.WriteByte('{')
			s = s[1:]
			continue
		}
		s = s[strings.IndexByte(s, '}')+1:]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}

// Spelled writes a number in a sentence as house style has it: one to
// nine in words, larger ones in figures ("four locations", "140
// employees").
func Spelled(n int) string {
	if n >= 1 && n <= 9 {
		return [...]string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}[n-1]
	}
	return GroupDigits(n)
}

// lowerFirst lowers the first letter of a sentence put inside another,
// unless it starts an acronym or a name ("CEO", "COO").
func lowerFirst(s string) string {
	if len(s) >= 2 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] < 'A' || s[1] > 'Z') {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

// verbS is the verb ending for a subject: "the COO owns", "the people
// named for each step own".
func verbS(subject string) string {
	if strings.HasPrefix(subject, "people ") {
		return ""
	}
	return "s"
}

func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// roleSection assembles the recommended role's brief from its definition
// and the client's answers: the client's own pains lead the remit, the
// first 90 days and the success measures, and a pain the role does not
// cover is handed to someone by name.
func (d *Definitions) roleSection(r *Result, rec *Role, o ReportOptions) *RoleSection {
	s := d.situationOf(r)
	s.team = o.Team != nil && len(o.Team.Members) > 1
	b := &rec.Brief
	// The reporting line and the manager follow the answers: an
	// Operations Director reports to the COO where there is one.
	line, manager, owner := b.ReportingLine, b.Manager, b.Owner
	for _, v := range b.Variants {
		if v.If.holds(s) {
			line, manager, owner = v.ReportingLine, v.Manager, v.Owner
			break
		}
	}
	if manager == "" {
		manager = "CEO"
	}
	if owner == "" {
		// "The fractional COO owns", "The Operations Director owns".
		owner = strings.TrimPrefix(strings.TrimPrefix(rec.Advice, "a "), "an ")
	}
	rs := &RoleSection{
		Role: rec.ID, Title: "The role: " + rec.Title, Summary: rec.Summary, Mission: b.Mission.First(s),
		ReportingLine: line, InPost: b.InPost.All(s), CEOKeeps: b.CEOKeeps.All(s), RoleOwns: b.RoleOwns.All(s),
		NextSteps: b.NextSteps.All(s), Cost: b.Cost, Effect: b.Effect, WorksWith: rec.WorksWith,
		CEOTitle: "The " + manager + " keeps", RoleTitle: "The " + owner + " own" + verbS(owner),
		RevisitWhen: b.RevisitWhen.All(s), Manager: manager,
	}
	if m, ok := d.Market(o.Market); ok {
		if c, ok := d.CostOf(m, rec.ID, r.Answers); ok {
			rs.Market = &c
		}
	}
	covered := d.remitOf(r, rec, rs, s)
	rs.plan(b.Periods, covered, s)
	// The pains' measures first, three at most (not those the remit
	// already gives as goals), then the role's own.
	for _, x := range covered {
		if !rec.ownsResponsibility(x.ID) && slices.ContainsFunc(rs.Remit, func(it RemitItem) bool { return it.ID == x.ID && it.Goal }) {
			continue
		}
		if m := x.Measure.First(s); m != "" && !slices.Contains(rs.Measures, m) && len(rs.Measures) < maxPainMeasures {
			rs.Measures = append(rs.Measures, m)
		}
	}
	for _, m := range b.Measures.All(s) {
		if !slices.Contains(rs.Measures, m) {
			rs.Measures = append(rs.Measures, m)
		}
	}
	return rs
}

// remitOf fills in the role's remit, the pains named first (its own, those
// it covers for another role, and those a hand-off takes into it) and the
// pains it hands to someone else, and returns the pains it takes on.
func (d *Definitions) remitOf(r *Result, rec *Role, rs *RoleSection, s situation) []*Responsibility {
	var covered []*Responsibility
	taken := map[string]string{} // pains a hand-off takes into the remit, with what the role does
	for _, x := range d.namedPains(r) {
		if rec.covers(x.ID) {
			covered = append(covered, x)
			continue
		}
		h := d.handOff(rec, x.ID, s)
		if h.Remit != "" {
			covered = append(covered, x)
			taken[x.ID] = h.Remit
			continue
		}
		rs.HandedOff = append(rs.HandedOff, HandedPain{ID: x.ID, Name: x.Name, To: h.To})
	}
	for _, x := range covered {
		item := RemitItem{ID: x.ID, Name: x.Name, Text: x.Description, YourPain: true}
		switch t, isTaken := taken[x.ID]; {
		case isTaken:
			item.Text, item.Taken = t, true
		case !rec.ownsResponsibility(x.ID):
			// A pain the role covers for another (a fractional COO's, no
			// new leader's): what good looks like, the goal of its work.
			if m := x.Measure.First(s); m != "" {
				item.Text, item.Goal = m, true
			}
		}
		rs.Remit = append(rs.Remit, item)
	}
	for i := range rec.Responsibilities {
		x := &rec.Responsibilities[i]
		if !slices.Contains(covered, x) && x.If.holds(s) {
			rs.Remit = append(rs.Remit, RemitItem{ID: x.ID, Name: x.Name, Text: x.Description})
		}
	}
	return covered
}

// plan fills in the first 90 days: each period's actions, led by those of
// the pains the role takes on, none twice.
func (rs *RoleSection) plan(periods []PeriodPlan, covered []*Responsibility, s situation) {
	for _, p := range periods {
		per := Period{Days: p.Days, Title: p.Title}
		for _, x := range covered {
			if len(per.Actions) == p.FromPains {
				break
			}
			if a := x.Action.First(s); a != "" && !slices.Contains(per.Actions, a) && !rs.planned(a) {
				per.Actions = append(per.Actions, a)
			}
		}
		if len(per.Actions) == 0 {
			per.Actions = append(per.Actions, p.WithoutPains.All(s)...)
		}
		per.Actions = append(per.Actions, p.Actions.All(s)...)
		// Four steps a period at most: the pains' first.
		per.Actions = per.Actions[:min(maxActions, len(per.Actions))]
		rs.Days = append(rs.Days, per)
	}
}

// maxActions is how many steps a period of the first 90 days lists.
const maxActions = 4

// maxPainMeasures is how many of the pains' measures lead a brief's.
const maxPainMeasures = 3

// planned reports whether an action is already in an earlier period.
func (rs *RoleSection) planned(action string) bool {
	for _, p := range rs.Days {
		if slices.Contains(p.Actions, action) {
			return true
		}
	}
	return false
}

// namedPains are the responsibilities the client named as pains, in the
// order the answers list them, each once.
func (d *Definitions) namedPains(r *Result) []*Responsibility {
	var out []*Responsibility
	for qi := range d.Questions {
		for _, v := range r.Answers[d.Questions[qi].ID].Multi {
			if _, x, ok := d.ResponsibilityOwner(v); ok && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// ownsResponsibility reports whether the responsibility is the role's own.
func (r *Role) ownsResponsibility(id string) bool {
	return slices.ContainsFunc(r.Responsibilities, func(x Responsibility) bool { return x.ID == id })
}

// covers reports whether the role takes on a responsibility: its own, or
// one its brief covers.
func (r *Role) covers(id string) bool {
	if slices.Contains(r.Brief.Covers, id) {
		return true
	}
	for _, x := range r.Responsibilities {
		if x.ID == id {
			return true
		}
	}
	return false
}

// handOff is who takes on a pain the recommended role does not cover:
// the first hand-off of its brief that holds for the pain's owner, or
// the CEO.
func (d *Definitions) handOff(rec *Role, pain string, s situation) HandOff {
	owner, _, _ := d.ResponsibilityOwner(pain)
	for _, h := range rec.Brief.HandOff {
		if (h.OwnerOf == "" || owner != nil && h.OwnerOf == owner.ID) && (len(h.Pains) == 0 || slices.Contains(h.Pains, pain)) && h.If.holds(s) {
			return h
		}
	}
	return HandOff{To: "the CEO"}
}

// RevisitTitle heads what would make another step the right one later.
const RevisitTitle = "When to look at it again"

// FigureText writes a second-hand range with where it holds and where it
// comes from: "base salary ... (US; practitioners' quotes, second-hand)".
func FigureText(f Figure) string {
	if f.Range == "" {
		return ""
	}
	var about []string
	if f.Region != "" {
		about = append(about, f.Region)
	}
	if f.Source != "" {
		about = append(about, f.Source)
	}
	s := capitalize(f.Range)
	if len(about) > 0 {
		s += " (" + strings.Join(about, "; ") + ")"
	}
	return s + "."
}
