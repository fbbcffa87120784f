package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/coo-advisor/coo-advisor/advisor"
)

const screenTeam screen = "team"

// teamModel is the screen a facilitator projects in a workshop: the
// team's conclusion, the agenda with a question to open each point, why
// each person lands where they do, everyone's answers side by side, the
// facts to check, how the views differ, and every disagreement, most
// important first, with what agreeing would do to the advice.
type teamModel struct {
	c      *common
	scroll scroller
	// acts holds the keys the screen acts on.
	acts keySet
}

func newTeamModel(c *common) *teamModel {
	k := c.keys
	return &teamModel{c: c, acts: keysOf(append(k.scrollKeys(), k.Back, k.Team)...)}
}

func (m *teamModel) header() (string, string) { return "The team", m.scroll.position() }
func (m *teamModel) typing() typing           { return typingNone }
func (m *teamModel) body(int) []string        { return m.scroll.window() }
func (m *teamModel) setHeight(h int)          { m.scroll.setHeight(h) }
func (m *teamModel) relayout()                { m.render() }

// refuses the keys that neither scroll nor lead back.
func (m *teamModel) refuses(km tea.KeyPressMsg) bool {
	return m.acts.lacks(km)
}

// open shows the team from the top.
func (m *teamModel) open(screen) {
	m.scroll.offset = 0
	m.render()
}

func (m *teamModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(km, m.c.keys.Back) || key.Matches(km, m.c.keys.Team) {
			return nil, showMsg{to: screenResults}
		}
		m.scroll.handleKey(m.c.keys, km)
	}
	return nil, nil
}

func (m *teamModel) render() {
	t := m.c.team
	if t == nil {
		m.scroll.setLines(nil)
		return
	}
	s := m.c.styles
	w := m.c.contentWidth()
	tb := m.c.teamBrief
	var lines []string
	para := func(mark, text string, st lipgloss.Style) {
		lines = append(lines, marked(mark, text, st, s.text, w)...)
	}
	section := func(title string) {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, s.section.Render(title))
	}
	// What a facilitator projects first: the team's conclusion, what to
	// settle and why each person lands where they do.
	section("THE TEAM")
	lines = append(lines, marked("»", tb.Conclusion, s.headline, s.title, w)...)
	if len(t.Members) > 1 {
		section("THE AGENDA")
		lines = append(lines, m.agendaLines(tb.Agenda, w)...)
	}
	if len(tb.Landings) > 0 {
		section("WHERE EACH MEMBER LANDS")
		for _, l := range tb.Landings {
			para("·", l, s.faint)
		}
	}
	section("THE ANSWERS")
	for _, l := range tb.View {
		para("·", l, s.faint)
	}
	if grid := m.gridLines(tb, w); len(grid) > 0 {
		lines = append(lines, "")
		lines = append(lines, grid...)
	}
	if len(tb.Facts) > 0 || tb.Agreed != "" {
		section("FACTS TO CHECK")
		for _, f := range tb.Facts {
			para("?", f, s.pain)
		}
		if tb.Agreed != "" {
			lines = append(lines, marked("✓", tb.Agreed, s.checked, s.faint, w)...)
		}
	}
	if len(tb.SelfGaps) > 0 || len(tb.Perceptions) > 0 {
		section("HOW THE VIEWS DIFFER")
		for _, g := range tb.SelfGaps {
			para("!", g, s.pain)
		}
		for _, p := range tb.Perceptions {
			para("·", p, s.faint)
		}
	}
	if len(t.Members) > 1 {
		section("WHERE THE TEAM DISAGREES")
		lines = append(lines, m.disagreementLines(tb, w)...)
	}
	m.scroll.setLines(lines)
}

// agendaLines numbers the agenda's items, each title in bold and the
// question that opens its discussion under it.
func (m *teamModel) agendaLines(agenda []advisor.AgendaItem, w int) []string {
	s := m.c.styles
	if len(agenda) == 0 {
		return marked("·", "Nothing to settle: the team's answers agree on everything that would change the advice.", s.faint, s.text, w)
	}
	var lines []string
	for i, it := range agenda {
		if i > 0 {
			lines = append(lines, "")
		}
		num := strconv.Itoa(i+1) + "."
		indent := strings.Repeat(" ", len(num)+1)
		lines = append(lines, hanging(num, it.Title, s.headline, s.title, w)...)
		if it.Open != "" {
			for _, l := range wrapLines(it.Open, max(4, w-len(indent)-2)) {
				lines = append(lines, indent+s.faint.Render("│")+" "+s.text.Render(l))
			}
		}
	}
	return lines
}

// disagreementLines is every disagreement, those that would change the
// advice marked ! and those that split the team in two camps ⇄, with a
// legend for the marks.
func (m *teamModel) disagreementLines(tb *advisor.TeamBrief, w int) []string {
	s := m.c.styles
	t := m.c.team
	var lines []string
	if len(t.Disagreements) == 0 {
		return marked("·", "The team agrees on every answer that matters.", s.faint, s.text, w)
	}
	legend := false
	for i, x := range t.Disagreements {
		mark, st := "·", s.faint
		switch {
		case x.ChangesAdvice:
			mark, st = "!", s.pain
		case x.Split:
			mark, st = "⇄", s.accent
		}
		legend = legend || x.ChangesAdvice || x.Split
		text := ""
		if i < len(tb.Disagreements) {
			text = tb.Disagreements[i]
		} else {
			text = m.c.defs.DisagreementText(t, x)
		}
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, marked(mark, text, st, s.text, w)...)
	}
	if more := t.MoreDisagreements; more > 0 {
		lines = append(lines, "")
		lines = append(lines, marked("·", fmt.Sprintf("And %s smaller %s.", advisor.GroupDigits(more), pluralWord(more, "difference", "differences")), s.faint, s.text, w)...)
	}
	if legend {
		lines = append(lines, "", s.faint.Render("! would change the advice  ⇄ two camps"))
	}
	return lines
}

func (m *teamModel) help() helpKeys {
	k := m.c.keys
	back := k.Back
	back.SetHelp("esc", "results")
	short := []key.Binding{k.Up, k.Down, back, k.Quit, k.Help}
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDn, k.Top, k.Bottom}, {back, k.Help, k.Quit, k.ForceQuit}}}
}

// teamLines is the results screen's short view of the team: the team's
// conclusion, the first point of its agenda, and how many differences
// the t screen shows with the agenda and the answers side by side.
func (m *resultsModel) teamLines(w int) []string {
	t := m.c.team
	s := m.c.styles
	if t == nil {
		return nil
	}
	var lines []string
	add := func(mark, text string, st lipgloss.Style) {
		lines = append(lines, marked(mark, text, st, s.text, w)...)
	}
	lines = append(lines, s.section.Render("THE TEAM"))
	tb := m.c.teamBrief
	add("»", tb.Conclusion, s.headline)
	if len(tb.Agenda) > 0 {
		lines = append(lines, hanging("1.", "First on the agenda: "+tb.Agenda[0].Title, s.headline, s.text, w)...)
	}
	changing := t.MoreChanging
	for _, x := range t.Disagreements {
		if x.ChangesAdvice {
			changing++
		}
	}
	text := "Press t for the agenda and everyone's answers side by side"
	if len(t.Members) < 2 {
		text = "Press t to see who answered"
	}
	if n := len(t.Disagreements) + t.MoreDisagreements; n > 0 {
		text += ", and the " + advisor.GroupDigits(n) + " " + pluralWord(n, "difference", "differences") + " between them"
		if changing > 0 {
			text += " (" + advisor.GroupDigits(changing) + " would change the advice)"
		}
	}
	mark, st := "·", s.accent
	if changing > 0 {
		mark, st = "!", s.pain
	}
	add(mark, text+".", st)
	return lines
}

// hanging is marked for a mark of any width ("12."): text wrapped after
// it, its later lines indented to line up with the first.
func hanging(mark, text string, markSt, textSt lipgloss.Style, w int) []string {
	indent := strings.Repeat(" ", ansi.StringWidth(mark)+1)
	var out []string
	for i, l := range wrapLines(text, max(4, w-len(indent))) {
		if i == 0 {
			out = append(out, markSt.Render(mark)+" "+textSt.Render(l))
		} else {
			out = append(out, indent+textSt.Render(l))
		}
	}
	return out
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
