package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

const screenDetails screen = "details"

// detailsModel asks for the engagement details every report carries: the
// client, who prepared it, and its date. It is optional: the reports read
// well without a client's name.
type detailsModel struct {
	c      *common
	inputs [4]textinput.Model // client, prepared by, date, respondent
	// windows scroll the fields sideways (see fieldWindow).
	windows [4]fieldWindow
	focus   int
	err     string
	// leftOut lists the characters left out of the fields (see
	// cleanField).
	leftOut []string
	from    screen // where esc and Enter go back to
	lines   []string
	fields  []int // the line of each field, to keep the focused one in view
	// stale is set when a key changed what the screen shows: it is
	// rendered again when next shown (see pacer), not for every key.
	stale bool
}

var detailsLabels = [4]string{"Client (the company the brief is for)", "Prepared by", "Date (YYYY-MM-DD)", "Your name, when you answer as one of a leadership team"}

func newDetailsModel(c *common) *detailsModel {
	m := &detailsModel{c: c}
	for i := range m.inputs {
		ti := textinput.New()
		ti.Prompt = "› "
		ti.CharLimit = 200
		ti.SetStyles(inputStyles(c.styles))
		m.inputs[i] = ti
	}
	m.inputs[2].CharLimit = 10
	return m
}

// open fills the fields with the details as they stand; esc and Enter go
// back to from.
func (m *detailsModel) open(from screen) {
	e := m.c.report.Engagement
	m.from, m.err, m.leftOut, m.focus = from, "", nil, 0
	for i, v := range []string{e.Client, e.PreparedBy, e.Date, e.Respondent} {
		m.inputs[i].SetValue(v)
		m.inputs[i].CursorEnd()
		m.inputs[i].Blur()
	}
	m.inputs[0].Focus()
	m.render()
}

func (m *detailsModel) typing() typing           { return typingText }
func (m *detailsModel) header() (string, string) { return "Client details", "" }

// body keeps the focused field in view.
func (m *detailsModel) body(h int) []string {
	if m.stale {
		m.render()
	}
	focus := 0
	if m.focus < len(m.fields) {
		focus = m.fields[m.focus]
	}
	// The field and its label.
	return m.c.window(m.lines, h, max(0, focus-1), focus+1)
}

func (m *detailsModel) relayout() {
	for i := range m.inputs {
		m.inputs[i].SetStyles(inputStyles(m.c.styles))
	}
	m.render()
}

func (m *detailsModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m.typed(msg), nil
	}
	k := m.c.keys
	move := func(to int) {
		m.inputs[m.focus].Blur()
		m.focus = (to + m.count()) % m.count()
		m.inputs[m.focus].Focus()
		m.stale = true
	}
	switch {
	case km.String() == "esc":
		return nil, showMsg{to: m.from}
	case km.String() == "tab", km.String() == "down":
		move(m.focus + 1)
		return nil, nil
	case km.String() == "shift+tab", km.String() == "up":
		move(m.focus - 1)
		return nil, nil
	case key.Matches(km, k.Enter):
		if m.focus < m.count()-1 {
			move(m.focus + 1)
			return nil, nil
		}
		e, msg := m.engagement()
		if msg != "" {
			m.err = msg
			m.stale = true
			return nil, nil
		}
		return nil, detailsMsg{engagement: e, back: m.from}
	}
	return m.typed(msg), nil
}

// typed passes msg to the field being typed in.
func (m *detailsModel) typed(msg tea.Msg) tea.Cmd {
	cmd, changed := typeInto(&m.inputs[m.focus], msg)
	if changed {
		m.err = ""
		if mayBeUnsafe(msg) {
			m.leftOut = cleanField(&m.inputs[m.focus], m.leftOut)
		}
		m.stale = true
	}
	return cmd
}

// count is how many fields show: a team's brief has no one respondent.
func (m *detailsModel) count() int {
	if m.c.team != nil {
		return len(m.inputs) - 1
	}
	return len(m.inputs)
}

// engagement reads the fields, or says what is wrong with them.
func (m *detailsModel) engagement() (advisor.Engagement, string) {
	e := advisor.Engagement{
		Client:     strings.TrimSpace(m.inputs[0].Value()),
		PreparedBy: strings.TrimSpace(m.inputs[1].Value()),
		Date:       strings.TrimSpace(m.inputs[2].Value()),
		Respondent: strings.TrimSpace(m.inputs[3].Value()),
		// The role comes from the answers file or --role, and is not
		// typed here: it is kept as it is, so that saving keeps it.
		Role: m.c.report.Engagement.Role,
	}
	for i, v := range []string{e.Client, e.PreparedBy, e.Date, e.Respondent} {
		if i == 2 {
			continue // the date is checked below
		}
		if msg := advisor.CheckEngagementText(v); msg != "" {
			return e, [4]string{"The client's name", "Who prepared it", "", "Your name"}[i] + " " + msg
		}
	}
	if msg := advisor.CheckDate(e.Date); msg != "" {
		return e, "Date: " + msg
	}
	return e, ""
}

func (m *detailsModel) render() {
	m.stale = false
	s := m.c.styles
	w := min(m.c.contentWidth(), readingWidth)
	var lines []string
	lines = append(lines, wrapLines(s.title.Render("Who the brief is for"), w)...)
	intro := "Every report names the client, who prepared it and its date; a team member adds their own name, for coo-advisor team. All optional but the date; nothing leaves this computer."
	if m.c.team != nil {
		intro = "Every report names the client, who prepared it and its date. All optional but the date; nothing leaves this computer."
	}
	lines = append(lines, wrapLines(s.faint.Render(intro), w)...)
	m.fields = m.fields[:0]
	for i := range m.count() {
		lines = append(lines, "")
		st := s.text
		if i == m.focus {
			st = s.selected
		}
		lines = append(lines, wrapLines(st.Render(detailsLabels[i]), w)...)
		m.fields = append(m.fields, len(lines))
		lines = append(lines, m.windows[i].view(m.inputs[i], w))
	}
	if note := leftOutNote(m.leftOut); note != "" {
		lines = append(lines, "")
		lines = append(lines, wrapLines(s.faint.Render(note), w)...)
	}
	if m.err != "" {
		lines = append(lines, "")
		lines = append(lines, wrapLines(s.errorText.Render("✗ "+advisor.SafeText(m.err)), w)...)
	}
	m.lines = lines
}

func (m *detailsModel) help() helpKeys {
	k := m.c.keys
	next := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field"))
	save := k.Enter
	save.SetHelp("enter", "next / save")
	back := k.Back
	back.SetHelp("esc", "cancel")
	short := []key.Binding{next, save, back, k.ForceQuit}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}

// refuses text for a full field; the keys that move between the fields
// are not text.
func (m *detailsModel) refuses(km tea.KeyPressMsg) bool { return noRoom(&m.inputs[m.focus], km) }
