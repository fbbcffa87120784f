package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

const screenWelcome screen = "welcome"

// welcomeModel says what the advisor does, how long it takes and that
// nothing leaves the machine.
type welcomeModel struct {
	c     *common
	lines []string // the whole screen, when it fits
	// title, prose and action are its parts, for screens too small for
	// it all: the title and how to start come first.
	title, prose, action []string
	// acts holds the keys the screen acts on.
	acts keySet
}

func newWelcomeModel(c *common) *welcomeModel {
	m := &welcomeModel{c: c, acts: keysOf(c.keys.Enter, c.keys.Details)}
	m.render()
	return m
}

func (m *welcomeModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, m.c.keys.Enter):
			return nil, startMsg{}
		case key.Matches(km, m.c.keys.Details):
			return nil, showMsg{to: screenDetails}
		}
	}
	return nil, nil
}

// body is the whole welcome when it fits; otherwise the title and how to
// start, then as much of the rest as fits, saying that there is more.
func (m *welcomeModel) body(h int) []string {
	if len(m.lines) <= h {
		return m.lines
	}
	out := append(append(slices.Clone(m.title), m.action...), "")
	if h-len(out) >= 2 {
		out = append(out, m.c.window(m.prose, h-len(out), 0, 1)...)
	}
	return clip(out, h, -1)
}
func (m *welcomeModel) open(screen)              {}
func (m *welcomeModel) header() (string, string) { return "Welcome", "" }
func (m *welcomeModel) typing() typing           { return typingNone }
func (m *welcomeModel) relayout()                { m.render() }

// refuses every key but the two that lead on.
func (m *welcomeModel) refuses(km tea.KeyPressMsg) bool {
	return m.acts.lacks(km)
}

func (m *welcomeModel) render() {
	s := m.c.styles
	w := min(m.c.contentWidth(), readingWidth)
	d := m.c.defs
	// The main roles are the question; the others (a fractional COO, no
	// new leader yet) the honest alternatives after it.
	var main, others []string
	for i, r := range d.Roles {
		name := s.role(i).Bold(true).Render(r.Advice)
		if r.Secondary {
			others = append(others, name)
		} else {
			main = append(main, name)
		}
	}
	choice := advisor.JoinWords(main, "or") + s.text.Render("?")
	if len(others) > 0 {
		choice += s.text.Render(" Or ") + advisor.JoinWords(others, "or") + s.text.Render("?")
	}
	factors := make([]string, len(d.Factors))
	for i, f := range d.Factors {
		factors[i] = strings.ToLower(f.Title)
	}
	n := len(d.Questions)
	minutes := max(2, (n+1)/2)
	var lines []string
	para := func(text string) {
		lines = append(lines, wrapLines(text, w)...)
		lines = append(lines, "")
	}
	para(s.title.Render("Who should run your operations next?"))
	m.title = slices.Clone(lines)
	para(s.text.Render("Should your next operations leader be ") + choice)
	para(s.text.Render(fmt.Sprintf("Answer %d short questions about your company's %s (about %d minutes). You get a recommendation with its confidence, the reasons behind it and what would change it; then compare the roles side by side and export the result for an email or a hiring brief.",
		n, advisor.JoinWords(factors, "and"), minutes)))
	para(s.success.Render("Private: ") + s.text.Render("your answers stay on this computer. Nothing is sent anywhere."))
	m.prose = slices.Clone(lines[len(m.title) : len(lines)-1])
	start := len(lines)
	lines = append(lines, s.accent.Render("Press Enter to start."))
	lines = append(lines, wrapLines(s.faint.Render("Running this for a client, or answering as one of a leadership team? Press d first to add the names."), w)...)
	m.action = slices.Clone(lines[start:])
	m.lines = lines
}

func (m *welcomeModel) help() helpKeys {
	k := m.c.keys
	start := k.Enter
	start.SetHelp("enter", "start")
	short := []key.Binding{start, k.Details, k.Help, k.Quit}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}
