package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

const screenReview screen = "review"

// reviewModel lists every answer; Enter opens one for editing, after
// which the results are computed again.
type reviewModel struct {
	c      *common
	cursor int
	lines  []string
	focus  int // the first line of the selected answer
	// focusEnd is the line after its last.
	focusEnd int
	// stale is set when the cursor moved: the lines are rendered again
	// when next shown (see pacer), not for every key.
	stale bool
	// acts holds the keys the screen acts on.
	acts keySet
}

func newReviewModel(c *common) *reviewModel {
	k := c.keys
	return &reviewModel{c: c, acts: keysOf(k.Back, k.Save, k.Enter, k.Up, k.Down, k.Top, k.Bottom)}
}

// body keeps the whole selected answer in view, and says what is hidden.
func (m *reviewModel) body(h int) []string {
	if m.stale {
		m.render()
	}
	return m.c.window(m.lines, h, m.focus, m.focusEnd)
}

// refuses the keys that neither move nor lead on.
func (m *reviewModel) refuses(km tea.KeyPressMsg) bool {
	return m.acts.lacks(km)
}

func (m *reviewModel) header() (string, string) { return "Your answers", "" }
func (m *reviewModel) typing() typing           { return typingNone }
func (m *reviewModel) relayout()                { m.render() }
func (m *reviewModel) open(screen)              { m.render() }

func (m *reviewModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	k := m.c.keys
	switch {
	case key.Matches(km, k.Back):
		return nil, showMsg{to: screenResults}
	case key.Matches(km, k.Save):
		return nil, showMsg{to: screenSave}
	case key.Matches(km, k.Enter):
		return nil, editMsg{index: m.cursor}
	}
	var moved bool
	if m.cursor, moved = k.moveCursor(km, m.cursor, len(m.c.defs.Questions)); moved {
		m.stale = true
	}
	return nil, nil
}

func (m *reviewModel) render() {
	m.stale = false
	s := m.c.styles
	w := m.c.contentWidth()
	lines := wrapLines(s.faint.Render("Choose an answer to change; the results are worked out again when you confirm it."), w)
	lines = append(lines, "")
	titleW := 0
	for _, q := range m.c.defs.Questions {
		titleW = max(titleW, lipgloss.Width(q.Title))
	}
	stack := w < titleW+16
	for i := range m.c.defs.Questions {
		q := &m.c.defs.Questions[i]
		pointer, st := "  ", s.text
		if i == m.cursor {
			pointer, st = s.cursor.Render("› "), s.selected
			m.focus = len(lines)
		}
		value := "—"
		if a, ok := m.c.answers[q.ID]; ok {
			value = q.Describe(a)
		} else if q.Default != nil {
			value = q.Describe(*q.Default) + " (the default)"
		}
		if stack {
			lines = append(lines, pointer+st.Render(q.Title))
			for _, l := range wrapLines(value, max(4, w-4)) {
				lines = append(lines, "    "+s.faint.Render(l))
			}
		} else {
			valueW := max(4, w-titleW-4)
			for j, l := range wrapLines(value, valueW) {
				if j == 0 {
					lines = append(lines, pointer+st.Render(padTo(q.Title, titleW))+"  "+s.text.Render(l))
				} else {
					lines = append(lines, padTo("", titleW+4)+s.text.Render(l))
				}
			}
		}
		if i == m.cursor {
			m.focusEnd = len(lines)
		}
	}
	m.lines = lines
}

func (m *reviewModel) help() helpKeys {
	k := m.c.keys
	edit := k.Enter
	edit.SetHelp("enter", "edit")
	back := k.Back
	back.SetHelp("esc", "results")
	short := []key.Binding{k.Up, k.Down, edit, k.Save, back, k.Quit, k.Help}
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {edit, k.Save, back, k.Help, k.Quit, k.ForceQuit}}}
}
