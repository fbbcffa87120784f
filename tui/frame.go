package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The frame around the screen on show: the header line, the body the
// screen fills, and the help footer, laid out for the terminal's size.

// tooSmall reports whether the terminal is below the smallest layout.
func (m *Model) tooSmall() bool { return m.c.width < minWidth || m.c.height < minHeight }

// chrome returns the number of lines above and below the body.
func (m *Model) chrome() (top, bottom int) {
	spacious := m.c.height >= 16
	top, bottom = 1, 1
	if spacious {
		top, bottom = 2, 2
	}
	if m.help.ShowAll {
		bottom += len(m.helpLines()) - 1
	}
	return top, bottom
}

func (m *Model) bodyHeight() int {
	top, bottom := m.chrome()
	return max(1, m.c.height-top-bottom)
}

// layout renders every screen again for the current size.
func (m *Model) layout() {
	m.help.SetWidth(m.c.contentWidth())
	m.restyle()
}

// restyle renders every screen again (size or palette changed).
func (m *Model) restyle() {
	for _, r := range registry {
		m.screens[r.id].relayout()
	}
	m.setHeights()
}

// setHeights gives the scrolling screens the height left by the header
// and the help, which is all a help toggle changes.
func (m *Model) setHeights() {
	h := m.bodyHeight()
	for _, r := range registry {
		if s, ok := m.screens[r.id].(scrolling); ok {
			s.setHeight(h)
		}
	}
}

func (m *Model) keysFor() helpKeys { return m.screens[m.screen].help() }

// compose renders the whole frame: header, body and help footer.
func (m *Model) compose() {
	if m.quitting {
		m.frame = ""
		return
	}
	s := m.c.styles
	w, h := m.c.width, m.c.height
	if m.tooSmall() {
		msg := fmt.Sprintf("COO Advisor needs a terminal of at least %d×%d (this one is %d×%d). Make it bigger, or press q to quit.", minWidth, minHeight, w, h)
		lines := wrapLines(msg, max(1, w))
		m.frame = strings.Join(clip(lines, max(1, h), -1), "\n")
		return
	}
	cw := m.c.contentWidth()
	top, bottom := m.chrome()
	bh := max(1, h-top-bottom)

	lines := make([]string, 0, h)
	brand := s.brand.Render("COO Advisor")
	title, right := m.screens[m.screen].header()
	ctx := s.header.Render(title)
	// Narrow terminals give up the name first, then the end of the
	// context: the position in a long screen ("1–20 of 46") always shows,
	// as it says that there is more.
	headerLine := brand + " " + ctx
	need := 0
	if right != "" {
		need = lipgloss.Width(right) + 2
	}
	if lipgloss.Width(headerLine)+need > cw {
		headerLine = ctx
	}
	if lipgloss.Width(headerLine)+need > cw {
		headerLine = s.header.Render(ansi.Truncate(title, max(1, cw-need), "…"))
	}
	if right != "" {
		if gap := cw - lipgloss.Width(headerLine) - lipgloss.Width(right); gap >= 2 {
			headerLine += strings.Repeat(" ", gap) + s.faint.Render(right)
		}
	}
	lines = append(lines, fit(headerLine, cw))
	if top > 1 {
		lines = append(lines, "")
	}
	// Body lines are wrapped to the width when rendered (the tests check
	// every screen at many sizes), so they are not measured again here.
	body := m.screens[m.screen].body(bh)
	if m.confirmQuit {
		prompt := wrapLines(s.pain.Render(m.quitQuestion()), cw)
		body = append(prompt, body...)
	}
	for i := 0; i < bh; i++ {
		if i < len(body) {
			lines = append(lines, body[i])
		} else {
			lines = append(lines, "")
		}
	}
	if bottom > 1 && !m.help.ShowAll {
		lines = append(lines, "")
	}
	lines = append(lines, m.helpLines()...)
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = " " + l
	}
	m.frame = strings.Join(lines, "\n")
}

// quitQuestion asks before q throws away what no file holds, naming it.
func (m *Model) quitQuestion() string {
	what := "your answers"
	switch answers, details := m.unsaved(); {
	case answers && details:
		what = "your answers and the client details"
	case details:
		what = "the client details"
	}
	return "Quit without saving " + what + "? y quits, s saves them first, any other key stays."
}

// helpLines renders the footer help, reusing the last rendering while the
// bindings, the width and the mode stay the same.
func (m *Model) helpLines() []string {
	keys := m.keysFor()
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%t|%t|%d|", m.c.width, m.help.ShowAll, m.c.styles.isDark, m.c.styles.profile)
	for _, group := range keys.FullHelp() {
		for _, k := range group {
			if k.Enabled() {
				b.WriteString(k.Help().Key + "=" + k.Help().Desc + ";")
			}
		}
	}
	for _, k := range keys.ShortHelp() {
		b.WriteString(k.Help().Key + "=" + k.Help().Desc + ",")
	}
	cacheKey := b.String()
	if m.c.helpCache.key != cacheKey {
		w := m.c.contentWidth()
		var lines []string
		if m.help.ShowAll {
			lines = strings.Split(m.help.View(keys), "\n")
		} else {
			lines = []string{m.help.ShortHelpView(m.shortKeys(keys.ShortHelp(), w))}
		}
		if m.help.ShowAll && !fitsWidth(lines, w) {
			// Too narrow for the columns: every key, one after another,
			// wrapped, rather than columns cut off (q among them).
			lines = m.flowHelp(keys, w)
		}
		for i, l := range lines {
			lines[i] = fit(l, w)
		}
		m.c.helpCache.key, m.c.helpCache.lines = cacheKey, lines
	}
	return m.c.helpCache.lines
}

// shortKeys are the footer's keys that fit in w cells. The way out stays:
// ? help, q quit (or ctrl+c where q is text), the keys a lost user needs;
// then esc, the way back ("esc back" where its own words do not fit).
// The others join as they fit, in the screen's order, the movement keys
// last (the arrows are the first thing anyone tries anyway), up and down
// together.
func (m *Model) shortKeys(keys []key.Binding, w int) []key.Binding {
	k := m.c.keys
	same := func(a, b key.Binding) bool { return a.Help().Key == b.Help().Key }
	essential := func(b key.Binding) bool { return same(b, k.Help) || same(b, k.Quit) || same(b, k.ForceQuit) }
	upDown := func(b key.Binding) bool { return same(b, k.Up) || same(b, k.Down) }
	moving := func(b key.Binding) bool {
		return upDown(b) || same(b, k.PageUp) || same(b, k.PageDn) || same(b, k.Top) || same(b, k.Bottom)
	}
	unlimited := m.help
	unlimited.SetWidth(0)
	in := make([]bool, len(keys))
	shown := func() []key.Binding {
		var out []key.Binding
		for i, b := range keys {
			if in[i] && b.Enabled() {
				out = append(out, b)
			}
		}
		return out
	}
	if lipgloss.Width(unlimited.ShortHelpView(keys)) <= w {
		return keys
	}
	for i, b := range keys {
		in[i] = essential(b)
	}
	// try adds the keys that match, if they all fit.
	try := func(match func(key.Binding) bool) bool {
		was := slices.Clone(in)
		for i, b := range keys {
			in[i] = in[i] || match(b)
		}
		if lipgloss.Width(unlimited.ShortHelpView(shown())) > w {
			copy(in, was)
			return false
		}
		return true
	}
	back := func(b key.Binding) bool { return b.Help().Key == "esc" }
	if !try(back) {
		keys = slices.Clone(keys)
		for i, b := range keys {
			if back(b) {
				keys[i].SetHelp("esc", "back")
			}
		}
		try(back)
	}
	for _, b := range keys {
		if !essential(b) && !moving(b) {
			try(func(c key.Binding) bool { return same(c, b) })
		}
	}
	try(upDown)
	for _, b := range keys {
		if moving(b) && !upDown(b) {
			try(func(c key.Binding) bool { return same(c, b) })
		}
	}
	return shown()
}

// fitsWidth reports whether every line fits in w cells, uncut.
func fitsWidth(lines []string, w int) bool {
	for _, l := range lines {
		if lipgloss.Width(l) > w || strings.HasSuffix(ansi.Strip(l), "…") {
			return false
		}
	}
	return true
}

// flowHelp is the full help for narrow terminals: "key desc · key desc"
// wrapped to the width, each key once.
func (m *Model) flowHelp(keys helpKeys, w int) []string {
	st := m.c.styles.help
	var items []string
	for _, group := range keys.FullHelp() {
		for _, k := range group {
			if k.Enabled() {
				items = append(items, st.FullKey.Render(k.Help().Key)+" "+st.FullDesc.Render(k.Help().Desc))
			}
		}
	}
	var lines []string
	line := ""
	sep := st.FullSeparator.Render(" · ")
	for _, it := range items {
		switch {
		case line == "":
			line = it
		case lipgloss.Width(line+sep+it) <= w:
			line += sep + it
		default:
			lines = append(lines, line)
			line = it
		}
	}
	return append(lines, line)
}

// fit cuts a line that is wider than width; lines are wrapped when
// rendered, so this only guards against the unforeseen.
func fit(line string, width int) string {
	if lipgloss.Width(line) > width {
		return ansi.Truncate(line, width, "…")
	}
	return line
}
