package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// questionModel is one question's screen: the prompt and why it is
// asked, above the field that takes the answer (see fields.go). It keeps
// its state while the user moves back and forth, so an answer is never
// lost.
type questionModel struct {
	c     *common
	q     *advisor.Question
	index int
	total int
	input field

	// The rendered body, kept until something changes: the prompt, the
	// lines that explain it, and the input with the line to keep visible.
	prompt []string
	// info is the explanation, paragraph by paragraph: why, help and,
	// with the full help, the detail.
	info       [][]string
	inputLines []string
	focus      int // the first line of the option under the cursor
	// focusEnd is the line after its last: the window keeps it all in
	// view.
	focusEnd int
	// detail is whether the rendering holds the question's detail (the
	// full help was on).
	detail bool
	// stale is set when a key changed the field: it is drawn again when
	// next shown (see pacer), not for every key.
	stale bool
}

func newQuestionModel(c *common, index int, prev *advisor.Answer) questionModel {
	q := &c.defs.Questions[index]
	m := questionModel{c: c, q: q, index: index, total: len(c.defs.Questions), input: newField(c, q, prev)}
	m.render()
	return m
}

func inputStyles(s *styles) textinput.Styles {
	st := textinput.DefaultStyles(s.isDark)
	st.Focused.Prompt = s.accent
	st.Focused.Text = s.text
	st.Focused.Placeholder = s.faint
	st.Blurred.Prompt = s.faint
	st.Blurred.Text = s.faint
	st.Blurred.Placeholder = s.faint
	st.Cursor.Blink = false
	return st
}

func (m *questionModel) typing() typing { return m.input.typing() }

// tentative is the answer as it stands on screen, for the live leaning.
func (m questionModel) tentative() (advisor.Answer, bool) { return m.input.value() }

func (m *questionModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, m.c.keys.Back):
			return nil, backMsg{}
		case key.Matches(km, m.c.keys.Enter):
			return nil, m.submit()
		}
	}
	cmd, changed := m.input.update(msg)
	m.stale = m.stale || changed
	return cmd, nil
}

// submit checks the answer on screen: an answeredMsg for the root, or
// nil with the error shown.
func (m *questionModel) submit() tea.Msg {
	a, ok := m.input.submit()
	if !ok {
		m.stale = true // to show why
		return nil
	}
	return answeredMsg{index: m.index, answer: a}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// width is the width of the question column: the whole content width, or
// what the side panel leaves, but no wider than prose reads well (the
// panel then stands right beside it).
func (m questionModel) width() int {
	w := m.c.contentWidth()
	if m.c.width >= sidePanelMin {
		w -= panelWidth + 2
	}
	return max(10, min(w, readingWidth))
}

// render lays the question out into lines; View only clips them.
func (m *questionModel) render() {
	s := m.c.styles
	w := m.width()
	b := lineBuilder{width: w}
	b.add(m.q.Prompt, s.title)
	m.prompt = b.take()
	m.info = m.info[:0]
	b.add(m.q.Why, s.faint)
	m.info = append(m.info, b.take())
	if m.q.Help != "" {
		b.add(m.q.Help, s.faint)
		m.info = append(m.info, b.take())
	}
	// More, such as which role each pain points to, only with the full
	// help: shown with the question, it would steer the answer.
	m.detail = m.c.fullHelp
	if m.q.Detail != "" && m.detail {
		b.add(m.q.Detail, s.faint)
		m.info = append(m.info, b.take())
	}
	m.renderField()
}

// lineBuilder collects wrapped, styled lines.
type lineBuilder struct {
	width int
	lines []string
}

// add wraps text to the width and styles each line.
func (b *lineBuilder) add(text string, st lipgloss.Style) {
	for _, l := range wrapLines(text, b.width) {
		b.lines = append(b.lines, st.Render(l))
	}
}

// hang adds text after a one-cell mark, its later lines indented to line
// up with the first.
func (b *lineBuilder) hang(mark, text string, st lipgloss.Style) {
	for i, l := range wrapLines(text, max(4, b.width-2)) {
		if i == 0 {
			b.lines = append(b.lines, st.Render(mark+" "+l))
		} else {
			b.lines = append(b.lines, st.Render("  "+l))
		}
	}
}

// take returns the lines so far and starts afresh.
func (b *lineBuilder) take() []string {
	lines := b.lines
	b.lines = nil
	return lines
}

// renderField renders the input part, the only part a key changes.
func (m *questionModel) renderField() {
	m.inputLines, m.focus, m.focusEnd = m.input.view(m.width())
	m.stale = false
}

// lines lays the question out in at most h lines. The prompt and the
// input always show; the explanation shows when there is room, and a long
// list scrolls with its cursor.
func (m *questionModel) lines(h int) []string {
	if m.detail != m.c.fullHelp {
		m.render() // the full help came or went since
	}
	if m.stale {
		m.renderField()
	}
	info := 0
	for _, p := range m.info {
		info += len(p)
	}
	full := len(m.prompt) + info + 1 + len(m.inputLines) // one blank line above the field
	out := make([]string, 0, min(h, full))
	out = append(out, m.prompt...)
	if full <= h {
		for _, p := range m.info {
			out = append(out, p...)
		}
		out = append(out, "")
		return append(out, m.inputLines...)
	}
	// The explanation in the room left: whole paragraphs, and a line
	// saying what is left out.
	room := h - len(m.prompt) - 1 - len(m.inputLines)
	if ex := m.explanation(room, info); ex != nil {
		out = append(out, ex...)
		out = append(out, "")
		return append(out, m.inputLines...)
	}
	// No room for the marker beside the blank line: the marker takes its
	// place.
	if ex := m.explanation(room+1, info); ex != nil {
		out = append(out, ex...)
		return append(out, m.inputLines...)
	}
	if len(out) > h/2 {
		out = out[:max(1, h/2)]
	}
	// The explanation is left out: say so where the list leaves room.
	if mark := m.hiddenMarker(info); info > 0 && len(out)+len(mark)+3 <= h {
		out = append(out, mark...)
	}
	// A long list scrolls with its cursor, and says what it hides.
	return append(out, m.c.window(m.inputLines, h-len(out), m.focus, max(m.focus+1, m.focusEnd))...)
}

// explanation is as much of the explanation as fits in room lines, in
// whole paragraphs, with a line that counts the lines left out. The
// detail the full help asked for comes first, then why, then help.
func (m *questionModel) explanation(room, total int) []string {
	if room < 1 {
		return nil
	}
	order := make([]int, len(m.info))
	for i := range order {
		order[i] = i
	}
	if m.detail && m.q.Detail != "" {
		last := len(order) - 1
		order = append([]int{last}, order[:last]...)
	}
	marker := m.hiddenMarker
	// Room for the marker at its longest: it counts at most every line.
	left := room - len(marker(total))
	if left < 0 {
		return nil
	}
	keep := make([]bool, len(m.info))
	hidden := total
	for _, i := range order {
		if len(m.info[i]) <= left {
			keep[i] = true
			left -= len(m.info[i])
			hidden -= len(m.info[i])
		}
	}
	var out []string
	for i, p := range m.info {
		if keep[i] {
			out = append(out, p...)
		}
	}
	if hidden == 0 {
		return out
	}
	return append(out, marker(hidden)...)
}

// hiddenMarker counts the explanation's lines left out.
func (m *questionModel) hiddenMarker(hidden int) []string {
	b := lineBuilder{width: m.width()}
	b.add(fmt.Sprintf("… %d more %s in a taller window", hidden, pluralWord(hidden, "line", "lines")), m.c.styles.faint)
	return b.lines
}

// header is the progress line: "Growth · 5 of 9", or "Editing ·
// Employees" for a question opened from the review screen.
func (m questionModel) header(editing bool) string {
	f, _ := m.c.defs.Factor(m.q.Factor)
	title := m.q.Factor
	if f != nil {
		title = f.Title
	}
	if editing {
		return fmt.Sprintf("Editing · %s", m.q.Title)
	}
	return fmt.Sprintf("%s · %d of %d", title, m.index+1, m.total)
}

func (m questionModel) help(editing bool) helpKeys {
	enter := m.c.keys.Enter
	if editing || m.index == m.total-1 {
		enter.SetHelp("enter", "done")
	}
	return m.input.keys(enter)
}

// refuses: the keys the question takes itself (enter, esc) always count;
// the field decides on the others.
func (m *questionModel) refuses(km tea.KeyPressMsg) bool {
	return !key.Matches(km, m.c.keys.Back, m.c.keys.Enter) && m.input.refuses(km)
}
