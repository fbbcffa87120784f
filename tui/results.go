package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

const screenResults screen = "results"

// resultsModel shows the recommendation: the role, the confidence in words
// and as a bar, the per-factor scores, the reasons and what would change
// the advice. Every number comes from the advisor's result.
type resultsModel struct {
	c      *common
	result *advisor.Result
	brief  *advisor.Brief // the explanation every report renders too
	notice string         // what the last edit changed, shown on top
	scroll scroller
	// confirmRestart is set by r: starting over clears every answer, so it
	// waits for a y.
	confirmRestart bool
	// showWhy puts the definitions' rationale under each reason (w).
	showWhy bool
	// working is set while the advice is being worked out; err when that
	// failed.
	working bool
	err     string
	// stale is set when a key changed what the lines show: they are
	// rendered again when next shown (see pacer), not for every key.
	stale bool
	// acts and actsTeam hold the keys the screen acts on, in a team's
	// session for the second.
	acts, actsTeam keySet
}

// setWorking shows that the advice is being worked out.
func (m *resultsModel) setWorking() {
	m.working, m.err = true, ""
	m.render()
}

// setError shows why the advice could not be worked out.
func (m *resultsModel) setError(msg string) {
	m.working, m.err = false, msg
	m.render()
}

func newResultsModel(c *common) *resultsModel {
	k := c.keys
	return &resultsModel{
		c:        c,
		acts:     keysOf(append(k.scrollKeys(), k.Save, k.Details, k.Compare, k.Answers, k.Export, k.Restart, k.Why)...),
		actsTeam: keysOf(append(k.scrollKeys(), k.Team, k.Details, k.Compare, k.Export, k.Why)...),
	}
}

// open changes nothing: the root gives the results their result.
func (m *resultsModel) open(screen) {}

func (m *resultsModel) body(int) []string {
	m.fresh()
	return m.scroll.window()
}

func (m *resultsModel) header() (string, string) {
	m.fresh()
	return "Results", m.scroll.position()
}

// fresh renders the lines again if a key changed them.
func (m *resultsModel) fresh() {
	if m.stale {
		m.render()
	}
}

// refuses the keys that do nothing on the results: every key while the
// advice is being worked out, none while start over asks (any key
// answers), and otherwise those that neither scroll nor lead on.
func (m *resultsModel) refuses(km tea.KeyPressMsg) bool {
	switch {
	case m.working || m.err != "":
		return true
	case m.confirmRestart:
		return false
	case m.c.team != nil:
		return m.actsTeam.lacks(km)
	}
	return m.acts.lacks(km)
}
func (m *resultsModel) typing() typing { return typingNone }
func (m *resultsModel) relayout()      { m.render() }

func (m *resultsModel) setResult(r *advisor.Result, notice string) {
	m.working, m.err = false, ""
	m.result = r
	m.brief = m.c.defs.Brief(r, m.c.report)
	m.notice = notice
	m.scroll.offset = 0
	m.render()
}

func (m *resultsModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	k := m.c.keys
	if m.working || m.err != "" {
		return nil, nil // nothing to act on yet; q and ctrl+c still work
	}
	if m.confirmRestart {
		m.confirmRestart = false
		if km.String() == "y" || km.String() == "Y" {
			return nil, restartMsg{}
		}
		m.stale = true
		return nil, nil
	}
	switch {
	case m.c.team != nil && key.Matches(km, k.Team):
		return nil, showMsg{to: screenTeam}
	case m.c.team != nil && (key.Matches(km, k.Save) || key.Matches(km, k.Answers) || key.Matches(km, k.Restart)):
		// A team's answers are the team's: they are not edited, saved or
		// cleared here.
		return nil, nil
	case key.Matches(km, k.Save):
		return nil, showMsg{to: screenSave}
	case key.Matches(km, k.Details):
		return nil, showMsg{to: screenDetails}
	case key.Matches(km, k.Compare):
		return nil, showMsg{to: screenCompare}
	case key.Matches(km, k.Answers):
		return nil, showMsg{to: screenReview}
	case key.Matches(km, k.Export):
		return nil, showMsg{to: screenExport}
	case key.Matches(km, k.Restart):
		m.confirmRestart = true
		m.scroll.offset = 0
		m.stale = true
		return nil, nil
	case key.Matches(km, k.Why):
		m.showWhy = !m.showWhy
		m.stale = true
		return nil, nil
	}
	m.fresh() // scrolling goes by the lines as they now are
	m.scroll.handleKey(k, km)
	return nil, nil
}

// setHeight is the body's height, set by the root model.
func (m *resultsModel) setHeight(h int) { m.scroll.setHeight(h) }

func (m *resultsModel) render() {
	m.stale = false
	if m.working || m.err != "" || m.result == nil {
		s := m.c.styles
		text := "Working out the advice…"
		if m.err != "" {
			text = "The advice could not be worked out: " + m.err
		}
		wrapped := wrapLines(text, m.c.contentWidth())
		lines := make([]string, 0, len(wrapped))
		for _, l := range wrapped {
			lines = append(lines, s.faint.Render(l))
		}
		m.scroll.setLines(lines)
		return
	}
	w := m.c.contentWidth()
	var lines []string
	if w >= 100 {
		gap := 4
		lw := (w - gap) / 2
		left := m.summaryLines(lw)
		right := m.explanationLines(w - gap - lw)
		for i := 0; i < max(len(left), len(right)); i++ {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			lines = append(lines, padTo(l, lw)+strings.Repeat(" ", gap)+r)
		}
	} else {
		lines = append(m.summaryLines(w), "")
		lines = append(lines, m.explanationLines(w)...)
	}
	m.scroll.setLines(lines)
}

// padTo pads a styled string with spaces to width cells.
func padTo(s string, width int) string {
	if d := width - lipgloss.Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// summaryLines are the bottom line of the brief, and the factors as bars.
func (m *resultsModel) summaryLines(w int) []string {
	s := m.c.styles
	d := m.c.defs
	r := m.result
	b := m.brief
	ri := d.RoleIndex(r.Recommended)
	var lines []string
	add := func(text string, st lipgloss.Style) {
		for _, l := range wrapLines(text, w) {
			lines = append(lines, st.Render(l))
		}
	}
	if m.confirmRestart {
		add("Start over? Every answer will be cleared. Press y to start over, any other key to keep them.", s.pain)
		lines = append(lines, "")
	} else if m.notice != "" {
		add(m.notice, s.accent)
		lines = append(lines, "")
	}
	// Once the client or the preparer is named, the results say who the
	// brief is for, as every report does.
	if e := m.c.report.Engagement; e.Client != "" || e.PreparedBy != "" || e.Respondent != "" || m.c.team != nil {
		head := b.Byline
		if e.Client != "" {
			head = strings.TrimSuffix("For "+e.Client+" · "+b.Byline, " · ")
		}
		// The date wraps whole: "26 November" on one line and "2026" on
		// the next reads as two things.
		if b.DateText != "" {
			head = strings.Replace(head, b.DateText, strings.ReplaceAll(b.DateText, " ", "\u00a0"), 1)
		}
		add(head, s.faint)
	}
	add(b.Headline, s.role(ri).Bold(true))
	// The confidence in words, and the lead drawn as a bar (no
	// percentage: it is a share of a full lead, not a probability, and
	// advice that turns on one answer is a close call whatever its lead).
	conf := "Confidence: " + b.Confidence
	barW := min(20, w-lipgloss.Width(conf)-2)
	if barW >= 5 && r.RunnerUp != "" {
		// No bar when the rules decide: there is no lead to draw.
		lines = append(lines, s.text.Render(conf)+"  "+m.c.bar(r.Confidence, barW, "█", s.role(ri)))
	} else {
		add(conf, s.text)
	}
	add(b.ConfidenceText, s.faint)
	if b.TurnsOn != "" {
		add(b.TurnsOn, s.pain)
	}
	if b.Rationale != "" {
		add(b.Rationale, s.text)
	}
	if b.CloseCall != "" {
		add(b.CloseCall, s.pain)
	}
	// Ruled-out roles come first among the notes: they decide the advice
	// as much as the points do.
	mark := func(glyph, text string, st lipgloss.Style) {
		lines = append(lines, marked(glyph, text, st, st, w)...)
	}
	for _, x := range b.RuledOut {
		mark("✕", x, s.pain)
	}
	for _, x := range b.AlsoPlan {
		mark("+", "Plan: "+x, s.accent)
	}
	for _, n := range b.Notes {
		add("Note: "+n, s.pain)
	}
	lines = append(lines, "")

	lines = append(lines, s.section.Render("BY FACTOR"))
	add(m.c.roleLegend(), s.text)
	titleW := 0
	for _, f := range d.Factors {
		titleW = max(titleW, lipgloss.Width(f.Title))
	}
	// Bars share one scale, the largest factor's total, so that a factor
	// worth 17 points looks bigger than one worth 1.
	largest := 0.0
	for _, fs := range r.Factors {
		largest = max(largest, sum(fs.Points))
	}
	// One bar width for every factor, so that the bars compare.
	numTexts := make([]string, len(r.Factors))
	numW := 0
	for j, fs := range r.Factors {
		nums := make([]string, len(fs.Points))
		for i, p := range fs.Points {
			nums[i] = advisor.FormatPoints(p)
		}
		numTexts[j] = strings.Join(nums, " · ")
		numW = max(numW, lipgloss.Width(numTexts[j]))
	}
	barW = min(24, w-titleW-numW-4)
	for j, fs := range r.Factors {
		f, _ := d.Factor(fs.Factor)
		if barW >= 4 {
			lines = append(lines, s.text.Render(padTo(f.Title, titleW))+"  "+m.c.stackedBar(fs.Points, barW, largest)+"  "+s.faint.Render(numTexts[j]))
		} else {
			add(f.Title+": "+numTexts[j], s.text)
		}
	}
	return lines
}

// explanationLines are the brief's reasons, what would change the advice
// and what to weigh; w puts each reason's points and rationale under it.
func (m *resultsModel) explanationLines(w int) []string {
	s := m.c.styles
	d := m.c.defs
	r := m.result
	b := m.brief
	var lines []string
	bullet := func(mark string, text string, st lipgloss.Style) {
		lines = append(lines, marked(mark, text, st, s.text, w)...)
	}
	why := func(c advisor.Contribution) {
		if !m.showWhy {
			return
		}
		text := d.ReasonText(c)
		if c.Why != "" {
			text += ". " + c.Why
		}
		if c.Source != "" {
			text += " Source: " + strings.TrimRight(c.Source, ".") + "."
		}
		for _, l := range wrapLines(text, max(4, w-4)) {
			lines = append(lines, "    "+s.faint.Render(l))
		}
	}
	section := func(sec advisor.Section, mark string, st lipgloss.Style, cs []advisor.Contribution) {
		if len(sec.Items) == 0 && sec.Empty == "" {
			return
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, s.section.Render(strings.ToUpper(sec.Title)))
		if len(sec.Items) == 0 {
			bullet("·", sec.Empty, s.faint)
		}
		for i, it := range sec.Items {
			bullet(mark, it, st)
			if i < len(cs) {
				why(cs[i])
			}
		}
		if sec.More != "" {
			bullet("·", sec.More, s.faint)
		}
	}
	if t := m.teamLines(w); t != nil {
		lines = append(lines, t...)
	}
	section(b.Why, "+", s.success, r.Reasons)
	section(b.Against, "−", s.errorText, r.Counterpoints)
	section(b.Changes, "→", s.accent, nil)
	section(b.Caveats, "·", s.faint, nil)
	return lines
}

func (m *resultsModel) help() helpKeys {
	k := m.c.keys
	if m.working || m.err != "" {
		short := []key.Binding{k.Quit, k.ForceQuit}
		return helpKeys{short: short, full: [][]key.Binding{short}}
	}
	if m.confirmRestart {
		short := []key.Binding{
			key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "start over")),
			key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "keep my answers")),
		}
		return helpKeys{short: short, full: [][]key.Binding{short}}
	}
	why := k.Why
	if m.showWhy {
		why.SetHelp("w", "hide why")
	}
	short := []key.Binding{k.Compare, k.Answers, k.Export, k.Save, k.Quit, k.Help}
	scroll := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDn, k.Top, k.Bottom}
	if m.c.team != nil {
		team := k.Team
		team.SetHelp("t", "team")
		short = []key.Binding{team, k.Compare, k.Export, k.Quit, k.Help}
		return helpKeys{short: short, full: [][]key.Binding{{k.Team, k.Compare, k.Export, k.Details, why}, scroll, {k.Help, k.Quit, k.ForceQuit}}}
	}
	return helpKeys{short: short, full: [][]key.Binding{{k.Compare, k.Answers, k.Export, k.Save, k.Details, why, k.Restart}, scroll, {k.Help, k.Quit, k.ForceQuit}}}
}

func sum(w advisor.Weights) float64 {
	t := 0.0
	for _, v := range w {
		t += v.Float()
	}
	return t
}
