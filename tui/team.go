package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

const screenTeam screen = "team"

// teamModel shows a leadership team's side of the advice: who answered
// and what each would hire on their own answers, whether the two ways of
// combining the answers agree, and the disagreements, most important
// first, with what agreeing would do to the advice.
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
	d := m.c.defs
	w := m.c.contentWidth()
	var lines []string
	para := func(mark, text string, st lipgloss.Style) {
		lines = append(lines, marked(mark, text, st, s.text, w)...)
	}
	team := d.TeamBrief(t)
	lines = append(lines, s.section.Render("THE TEAM"))
	for _, it := range append(append([]string{team.Conclusion}, team.View...), team.Landings...) {
		para("·", it, s.faint)
	}
	lines = append(lines, "", s.section.Render("WHERE THE TEAM DISAGREES"))
	if len(t.Disagreements) == 0 {
		para("·", "The team agrees on every answer that matters.", s.faint)
	}
	legend := false
	for _, x := range t.Disagreements {
		mark, st := "·", s.faint
		switch {
		case x.ChangesAdvice:
			mark, st = "!", s.pain
		case x.Split:
			mark, st = "⇄", s.accent
		}
		if x.ChangesAdvice || x.Split {
			legend = true
		}
		lines = append(lines, "")
		para(mark, d.DisagreementText(t, x), st)
	}
	if more := t.MoreDisagreements; more > 0 {
		lines = append(lines, "")
		para("·", fmt.Sprintf("And %s smaller %s.", advisor.GroupDigits(more), pluralWord(more, "difference", "differences")), s.faint)
	}
	if legend {
		lines = append(lines, "", s.faint.Render("! would change the advice  ⇄ two camps"))
	}
	m.scroll.setLines(lines)
}

func (m *teamModel) help() helpKeys {
	k := m.c.keys
	back := k.Back
	back.SetHelp("esc", "results")
	short := []key.Binding{k.Up, k.Down, back, k.Quit, k.Help}
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDn, k.Top, k.Bottom}, {back, k.Help, k.Quit, k.ForceQuit}}}
}

// teamLines is the results screen's short view of the team: what each
// would hire, whether the two ways of combining agree, and the
// disagreements that would change the advice.
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
	if m.brief.Team != nil {
		add("·", m.brief.Team.Conclusion, s.faint)
	}
	changing := t.MoreChanging
	for _, x := range t.Disagreements {
		if x.ChangesAdvice {
			changing++
		}
	}
	if n := len(t.Disagreements) + t.MoreDisagreements; n > 0 {
		text := advisor.GroupDigits(n) + " " + pluralWord(n, "difference", "differences") + " between the answers"
		if changing > 0 {
			text += ", " + advisor.GroupDigits(changing) + " of which would change the advice"
		}
		mark, st := "·", s.accent
		if changing > 0 {
			mark, st = "!", s.pain
		}
		add(mark, text+": press t to see them.", st)
	}
	return lines
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
