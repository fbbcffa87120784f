package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// questionModel is one question's screen: a number field, a single choice
// list or a multi-choice list. It keeps its state while the user moves
// back and forth, so an answer is never lost.
type questionModel struct {
	c     *common
	q     *advisor.Question
	index int
	total int

	input   textinput.Model // integer questions
	cursor  int             // choice and multi-choice questions
	checked []bool          // multi-choice questions
	err     string
	touched bool // the number field was edited, so its error may show

	// The rendered body, kept until something changes: the prompt, the
	// lines that explain it, and the input with the line to keep visible.
	prompt []string
	// info is the explanation, paragraph by paragraph: why, help and,
	// with the full help, the detail.
	info  [][]string
	field []string
	focus int // the first line of the option under the cursor
	// focusEnd is the line after its last: the window keeps it all in
	// view.
	focusEnd int
	// detail is whether the rendering holds the question's detail (the
	// full help was on).
	detail bool
}

func newQuestionModel(c *common, index int, prev *advisor.Answer) questionModel {
	q := &c.defs.Questions[index]
	m := questionModel{c: c, q: q, index: index, total: len(c.defs.Questions)}
	switch q.Kind {
	case advisor.KindInteger:
		ti := textinput.New()
		ti.Prompt = "› "
		ti.Placeholder = advisor.GroupDigits(q.Min) + " to " + advisor.GroupDigits(q.Max)
		ti.CharLimit = 16
		ti.SetVirtualCursor(true)
		ti.SetStyles(inputStyles(c.styles))
		if prev != nil {
			ti.SetValue(strconv.Itoa(prev.Int))
			ti.CursorEnd()
		}
		ti.Focus()
		m.input = ti
	case advisor.KindChoice:
		// Nothing is chosen until the user picks: Enter alone must not
		// record the first option as an answer.
		m.cursor = -1
		if prev != nil {
			_, m.cursor = q.Option(prev.Choice)
		}
	case advisor.KindMulti:
		m.checked = make([]bool, len(q.Options))
		if prev != nil {
			for _, v := range prev.Multi {
				if _, i := q.Option(v); i >= 0 {
					m.checked[i] = true
				}
			}
		}
	}
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

// typing: a number field takes letters (to say they are not a number).
func (m *questionModel) typing() typing {
	if m.q.Kind == advisor.KindInteger {
		return typingNumber
	}
	return typingNone
}

// tentative is the answer as it stands on screen, for the live leaning.
func (m questionModel) tentative() (advisor.Answer, bool) {
	switch m.q.Kind {
	case advisor.KindInteger:
		a, err := m.q.ParseInput(m.input.Value())
		return a, err == nil
	case advisor.KindChoice:
		if m.cursor < 0 {
			return advisor.Answer{}, false
		}
		return advisor.Answer{Choice: m.q.Options[m.cursor].Value}, true
	case advisor.KindMulti:
		var vs []string
		for i, on := range m.checked {
			if on {
				vs = append(vs, m.q.Options[i].Value)
			}
		}
		return advisor.Answer{Multi: vs}, true
	}
	return advisor.Answer{}, false
}

func (m *questionModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	k := m.c.keys
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey {
		switch {
		case key.Matches(km, k.Back):
			return nil, backMsg{}
		case key.Matches(km, k.Enter):
			return nil, m.submit()
		}
	}
	var cmd tea.Cmd
	switch m.q.Kind {
	case advisor.KindInteger:
		before := m.input.Value()
		m.input, cmd = m.input.Update(msg)
		if m.input.Value() != before {
			m.touched = true
			m.validate()
		}
	case advisor.KindChoice, advisor.KindMulti:
		if !isKey {
			return nil, nil
		}
		n := len(m.q.Options)
		if m.cursor < 0 && key.Matches(km, k.Up) {
			m.cursor = 0 // from nothing chosen, up lands on the last option
		}
		var moved bool
		switch m.cursor, moved = k.moveCursor(km, m.cursor, n); {
		case moved:
			m.err = ""
		case key.Matches(km, k.Pick):
			i := pickIndex(km)
			if i >= 0 && i < n {
				m.err = ""
				m.cursor = i
				if m.q.Kind == advisor.KindMulti {
					m.checked[i] = !m.checked[i]
				}
			}
		case m.q.Kind == advisor.KindMulti && key.Matches(km, k.Toggle):
			m.checked[m.cursor] = !m.checked[m.cursor]
		default:
			return nil, nil
		}
	}
	m.renderField()
	return cmd, nil
}

// validate checks the number field as the user types; an empty field is
// not an error until Enter.
func (m *questionModel) validate() {
	m.err = ""
	if strings.TrimSpace(m.input.Value()) == "" {
		return
	}
	if _, err := m.q.ParseInput(m.input.Value()); err != nil {
		m.err = capitalize(err.Error())
	}
}

// submit checks the answer on screen: an answeredMsg for the root, or
// nil with the error shown.
func (m *questionModel) submit() tea.Msg {
	var (
		a   advisor.Answer
		err error
	)
	if m.q.Kind == advisor.KindInteger {
		a, err = m.q.ParseInput(m.input.Value())
	} else if a, _ = m.tentative(); m.q.Kind == advisor.KindChoice && m.cursor < 0 {
		err = fmt.Errorf("choose one: move with ↑/↓ or press its number")
	}
	if err != nil {
		m.touched = true
		m.err = capitalize(err.Error())
		m.renderField()
		return nil
	}
	return answeredMsg{index: m.index, answer: a}
}

// pickIndex is the option a number key picks: 1-9, and 0 for the tenth.
func pickIndex(km tea.KeyPressMsg) int {
	if km.Code == '0' {
		return 9
	}
	return int(km.Code - '1')
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// width is the width of the question column: the whole content width, or
// what the side panel leaves.
func (m questionModel) width() int {
	w := m.c.contentWidth()
	if m.c.width >= sidePanelMin {
		w -= panelWidth + 2
	}
	return max(10, w)
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
	s := m.c.styles
	w := m.width()
	b := lineBuilder{width: w}
	m.focus, m.focusEnd = 0, 0
	switch m.q.Kind {
	case advisor.KindInteger:
		m.input.SetWidth(max(4, min(w-4, 20)))
		b.lines = append(b.lines, m.input.View())
		switch {
		case m.err != "" && m.touched:
			b.hang("✗", m.err, s.errorText)
		case m.input.Value() != "":
			if a, err := m.q.ParseInput(m.input.Value()); err == nil {
				b.hang(" ", fmt.Sprintf("%s %s", advisor.GroupDigits(a.Int), m.q.UnitFor(a.Int)), s.faint)
			}
		default:
			b.hang(" ", capitalize(m.q.Allowed()), s.faint)
		}
	default:
		for i, o := range m.q.Options {
			mark := "( )"
			if m.q.Kind == advisor.KindChoice && i == m.cursor {
				mark = "(•)"
			}
			if m.q.Kind == advisor.KindMulti {
				mark = "[ ]"
				if m.checked[i] {
					mark = "[x]"
				}
			}
			pointer := "  "
			st := s.text
			if i == m.cursor {
				pointer = "› "
				st = s.selected
				m.focus = len(b.lines)
			}
			// The number picks the option; only 1-9 and 0 have keys.
			num := "  "
			if i < 10 {
				num = fmt.Sprintf("%d ", (i+1)%10)
			}
			pointer += num
			prefix := fmt.Sprintf("%s%s ", pointer, mark)
			label := wrapLines(o.Label, max(4, w-lipgloss.Width(prefix)))
			markStyled := mark
			if m.q.Kind == advisor.KindMulti && m.checked[i] {
				markStyled = s.checked.Render(mark)
			}
			for j, l := range label {
				if j == 0 {
					b.lines = append(b.lines, s.cursor.Render(pointer[:len(pointer)-len(num)])+s.faint.Render(num)+markStyled+" "+st.Render(l))
				} else {
					b.lines = append(b.lines, strings.Repeat(" ", lipgloss.Width(prefix))+st.Render(l))
				}
			}
			if i == m.cursor {
				m.focusEnd = len(b.lines)
			}
		}
		if m.err != "" {
			b.hang("✗", m.err, s.errorText)
		}
		if m.q.Kind == advisor.KindMulti {
			n := 0
			for _, on := range m.checked {
				if on {
					n++
				}
			}
			note := fmt.Sprintf("%d chosen", n)
			if n == 0 {
				note = "None chosen: Enter means “" + m.q.None.Label + "”"
			}
			b.add(note, s.faint)
		}
	}
	m.field = b.take()
}

// lines lays the question out in at most h lines. The prompt and the
// input always show; the explanation shows when there is room, and a long
// list scrolls with its cursor.
func (m *questionModel) lines(h int) []string {
	if m.detail != m.c.fullHelp {
		m.render() // the full help came or went since
	}
	info := 0
	for _, p := range m.info {
		info += len(p)
	}
	full := len(m.prompt) + info + 1 + len(m.field) // one blank line above the field
	out := make([]string, 0, min(h, full))
	out = append(out, m.prompt...)
	if full <= h {
		for _, p := range m.info {
			out = append(out, p...)
		}
		out = append(out, "")
		return append(out, m.field...)
	}
	// The explanation in the room left: whole paragraphs, and a line
	// saying what is left out.
	room := h - len(m.prompt) - 1 - len(m.field)
	if ex := m.explanation(room, info); ex != nil {
		out = append(out, ex...)
		out = append(out, "")
		return append(out, m.field...)
	}
	// No room for the marker beside the blank line: the marker takes its
	// place.
	if ex := m.explanation(room+1, info); ex != nil {
		out = append(out, ex...)
		return append(out, m.field...)
	}
	if len(out) > h/2 {
		out = out[:max(1, h/2)]
	}
	// The explanation is left out: say so where the list leaves room.
	if mark := m.hiddenMarker(info); info > 0 && len(out)+len(mark)+3 <= h {
		out = append(out, mark...)
	}
	// A long list scrolls with its cursor, and says what it hides.
	return append(out, m.c.window(m.field, h-len(out), m.focus, max(m.focus+1, m.focusEnd))...)
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
	k := m.c.keys
	enter := k.Enter
	if editing || m.index == m.total-1 {
		enter.SetHelp("enter", "done")
	}
	var short []key.Binding
	var full [][]key.Binding
	switch m.q.Kind {
	case advisor.KindInteger:
		short = []key.Binding{enter, k.Back, k.ForceQuit}
		full = [][]key.Binding{{enter, k.Back}, {k.Help, k.ForceQuit}}
	case advisor.KindChoice:
		short = []key.Binding{k.Up, k.Down, enter, k.Back, k.Help, k.Quit}
		full = [][]key.Binding{{k.Up, k.Down, k.Pick, k.Top, k.Bottom}, {enter, k.Back}, {k.Help, k.Quit, k.ForceQuit}}
	case advisor.KindMulti:
		short = []key.Binding{k.Toggle, k.Up, k.Down, enter, k.Back, k.Help, k.Quit}
		full = [][]key.Binding{{k.Toggle, k.Pick, k.Up, k.Down, k.Top, k.Bottom}, {enter, k.Back}, {k.Help, k.Quit, k.ForceQuit}}
	}
	return helpKeys{short: short, full: full}
}
