package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

const screenCompare screen = "compare"

// compareModel shows the roles' responsibilities side by side, marks the
// ones that match the user's pain points, and how the roles work
// together. Narrow terminals get one role after another.
type compareModel struct {
	c      *common
	pains  map[string]bool // responsibility ids the user named as pains
	scroll scroller
	// recommended is the role the advice names: always shown.
	recommended string
	// counts is, in a team's session, how many people named each pain.
	counts map[string]int
	// all shows the secondary roles (the fractional COO) beside the COO
	// and the Operations Director even where they would not fit.
	all bool
	// note answers a tab that has nothing to show, until the next key.
	note string
	// Side by side, the notes and the column titles stay in view above
	// the lines that scroll, where the window is tall enough: titles is
	// the row of titles, notes the lines above it, rest the lines below.
	titles, notes, rest []string
	height              int
	pinned              bool
	// stale is set when a key changed what the lines show: they are
	// rendered again when next shown (see pacer), not for every key.
	// top then scrolls back to the note on top.
	stale, top bool
	// acts holds the keys the screen acts on.
	acts keySet
}

// minCompareColumn is the narrowest a role column may be before the
// roles are stacked instead; wideColumn is the width from which the
// secondary roles join the others on their own.
const (
	minCompareColumn = 24
	wideColumn       = 30
)

func newCompareModel(c *common) *compareModel {
	k := c.keys
	return &compareModel{c: c, acts: keysOf(append(k.scrollKeys(), k.Back, k.AllRoles)...)}
}

func (m *compareModel) header() (string, string) {
	m.fresh()
	return "Compare the roles", m.scroll.position()
}

func (m *compareModel) typing() typing { return typingNone }

// fresh renders the lines again if a key changed them.
func (m *compareModel) fresh() {
	if !m.stale {
		return
	}
	m.render()
	if m.top && !m.pinned {
		m.scroll.offset = 0 // the note is at the top
	}
	m.top = false
}

// refuses the keys that neither scroll, show the other roles nor lead
// back, unless a note shows: the next key takes it away.
func (m *compareModel) refuses(km tea.KeyPressMsg) bool {
	return m.note == "" && m.acts.lacks(km)
}

func (m *compareModel) body(int) []string {
	m.fresh()
	if m.pinned {
		return slices.Concat(m.notes, m.titles, m.scroll.window())
	}
	return m.scroll.window()
}

func (m *compareModel) setHeight(h int) {
	m.height = h
	m.place()
}

// minScrolled is the fewest lines that scroll under pinned titles; a
// shorter window scrolls the titles with the rest.
const minScrolled = 6

// place pins the column titles above the scrolling lines when the
// window leaves room for both.
func (m *compareModel) place() {
	// The notes (what ◆ marks, tab) stay above the titles, in view too.
	m.pinned = len(m.titles) > 0 && m.height-len(m.notes)-len(m.titles) >= minScrolled
	if m.pinned {
		m.scroll.setLines(m.rest)
		m.scroll.setHeight(m.height - len(m.notes) - len(m.titles))
		return
	}
	m.scroll.setLines(slices.Concat(m.notes, m.titles, m.rest))
	m.scroll.setHeight(m.height)
}

// relayout renders the roles again, once a result has said which pains
// to mark.
func (m *compareModel) relayout() {
	if m.pains != nil {
		m.render()
	}
}

func (m *compareModel) open(screen) { m.setResult(m.c.result) }

// setResult marks the responsibilities named in any list answer (the pain
// points question uses responsibility ids as its values) and the role
// recommended. Only a list's answer has values in Multi: a result's
// answers are normalized, so a number or a single choice has none.
func (m *compareModel) setResult(r *advisor.Result) {
	a := r.Answers
	m.recommended = r.Recommended
	m.pains = map[string]bool{}
	for _, q := range m.c.defs.Questions {
		for _, v := range a[q.ID].Multi {
			if _, _, ok := m.c.defs.ResponsibilityOwner(v); ok {
				m.pains[v] = true
			}
		}
	}
	if t := m.c.team; t != nil {
		// A team's pains: every one anyone named, with how many did (Held
		// counts list answers only).
		m.counts = map[string]int{}
		for _, q := range m.c.defs.Questions {
			for _, o := range q.Options {
				if _, _, ok := m.c.defs.ResponsibilityOwner(o.Value); ok {
					if n := t.Held(q.ID, o.Value); n > 0 {
						m.counts[o.Value] = n
						m.pains[o.Value] = true
					}
				}
			}
		}
	}
	m.render()
}

func (m *compareModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		name := nameOf(km)
		if m.note != "" {
			m.note = ""
			m.stale = true
		}
		switch {
		case key.Matches(name, m.c.keys.Back):
			return nil, showMsg{to: screenResults}
		case key.Matches(name, m.c.keys.AllRoles) && m.hasHidden(m.c.contentWidth()):
			m.all = !m.all
			m.stale = true
			return nil, nil
		case key.Matches(name, m.c.keys.AllRoles):
			// Every role shows already: say so rather than do nothing.
			m.note = m.allShownNote()
			m.stale, m.top = true, true
			return nil, nil
		}
		m.fresh() // scrolling goes by the lines as they now are
		m.scroll.handleKey(m.c.keys, km)
	}
	return nil, nil
}

// allShownNote says why tab has no role to add.
func (m *compareModel) allShownNote() string {
	d := m.c.defs
	if len(d.PrimaryRoles()) == len(d.Roles) {
		return "All the roles show already: tab has none to add."
	}
	var extra []string
	for _, r := range d.Roles {
		if r.Secondary && r.ID != m.recommended {
			extra = append(extra, r.Title)
		}
	}
	if len(extra) == 0 {
		// Only the recommended secondary role, which always shows.
		r, _ := d.Role(m.recommended)
		return "All the roles show already, the " + r.Title + " because it is recommended: tab has none to add."
	}
	return "All the roles show already: the window is wide enough for every one, so tab has none to add."
}

// shown lists the roles on the screen, in file order: the primary roles,
// and the secondary ones when asked for, recommended, or when every role
// gets a wide column.
func (m *compareModel) shown(width int) []int {
	d := m.c.defs
	primary := d.PrimaryRoles()
	if len(primary) == len(d.Roles) || m.all || (width-3*(len(d.Roles)-1))/len(d.Roles) >= wideColumn {
		all := make([]int, len(d.Roles))
		for i := range all {
			all[i] = i
		}
		return all
	}
	var out []int
	for i, r := range d.Roles {
		if !r.Secondary || r.ID == m.recommended {
			out = append(out, i)
		}
	}
	return out
}

// hasHidden reports whether the all-roles key changes anything: whether
// some role is hidden now, or shown only because it was asked for.
func (m *compareModel) hasHidden(width int) bool {
	// What shown lists without m.all, told without a list: tab is
	// pressed a million times in a paste.
	roles := m.c.defs.Roles
	if (width-3*(len(roles)-1))/len(roles) >= wideColumn {
		return false
	}
	for _, r := range roles {
		if r.Secondary && r.ID != m.recommended {
			return true
		}
	}
	return false
}

func (m *compareModel) render() {
	m.stale = false
	s := m.c.styles
	d := m.c.defs
	w := m.c.contentWidth()
	idx := m.shown(w)
	n := len(idx)
	gutter := s.faint.Render(" │ ")
	colW := (w - 3*(n-1)) / n
	stacked := colW < minCompareColumn
	if stacked {
		colW = w
	}

	// cells[row][role] holds the wrapped lines of one cell.
	type row [][]string
	var rows []row
	// cell wraps text into the column, starting the first line with first
	// and the others with rest (prefixes of the same width).
	cell := func(text string, st lipgloss.Style, first, rest string) []string {
		lines := wrapLines(text, max(4, colW-lipgloss.Width(first)))
		for i := range lines {
			prefix := rest
			if i == 0 {
				prefix = first
			}
			lines[i] = prefix + st.Render(lines[i])
		}
		return lines
	}
	perRole := func(f func(i int, r advisor.Role) []string) {
		rw := make(row, n)
		for k, i := range idx {
			rw[k] = f(i, d.Roles[i])
		}
		rows = append(rows, rw)
	}
	perRole(func(i int, r advisor.Role) []string {
		lines := cell(strings.ToUpper(r.Title), s.role(i).Bold(true), "", "")
		if r.ID == m.recommended {
			who := "you"
			if m.c.team != nil {
				who = "the team"
			}
			lines = append(lines, s.success.Render("✓ recommended for "+who))
		}
		return lines
	})
	perRole(func(_ int, r advisor.Role) []string { return cell(r.Summary, s.text, "", "") })
	perRole(func(int, advisor.Role) []string { return []string{"", s.section.Render("RESPONSIBILITIES")} })
	maxResp := 0
	for _, i := range idx {
		maxResp = max(maxResp, len(d.Roles[i].Responsibilities))
	}
	for j := 0; j < maxResp; j++ {
		perRole(func(_ int, r advisor.Role) []string {
			if j >= len(r.Responsibilities) {
				return nil
			}
			x := r.Responsibilities[j]
			mark, nameStyle := "• ", s.title
			if m.pains[x.ID] {
				mark, nameStyle = "◆ ", s.pain
			}
			lines := []string{""}
			lines = append(lines, cell(x.Name, nameStyle, nameStyle.Render(mark), "  ")...)
			if m.pains[x.ID] {
				note := "your pain point"
				if m.c.team != nil {
					note = fmt.Sprintf("%d of %d named it", m.counts[x.ID], len(m.c.team.Members))
				}
				lines = append(lines, "  "+s.pain.Render(note))
			}
			lines = append(lines, cell(x.Description, s.text, "  ", "  ")...)
			return lines
		})
	}
	perRole(func(int, advisor.Role) []string { return []string{"", s.section.Render("WHEN IT FITS")} })
	perRole(func(_ int, r advisor.Role) []string {
		lines := make([]string, 0, len(r.FitsWhen))
		for _, f := range r.FitsWhen {
			lines = append(lines, cell(f, s.text, "- ", "  ")...)
		}
		return lines
	})
	perRole(func(int, advisor.Role) []string { return []string{"", s.section.Render("WORKING TOGETHER")} })
	perRole(func(_ int, r advisor.Role) []string { return cell(r.WorksWith, s.text, "", "") })

	m.notes, m.titles, m.rest = m.noteLines(idx, w), nil, nil
	if stacked {
		for i := range idx {
			if i > 0 {
				m.rest = append(m.rest, "", s.faint.Render(strings.Repeat("─", w)), "")
			}
			for _, rw := range rows {
				m.rest = append(m.rest, rw[i]...)
			}
		}
	} else {
		m.titles = sideBySide(rows[0], colW, gutter)
		for _, rw := range rows[1:] {
			m.rest = append(m.rest, sideBySide(rw, colW, gutter)...)
		}
	}
	m.place()
}

// noteLines say what ◆ marks and what tab shows or hides, above the
// roles (idx, the roles shown, w wide), with a blank line under them.
func (m *compareModel) noteLines(idx []int, w int) []string {
	s := m.c.styles
	var lines []string
	if m.note != "" {
		lines = append(lines, wrapLines(s.accent.Render(m.note), w)...)
	}
	if len(m.pains) > 0 {
		what := " marks the responsibilities that match your pain points."
		if m.c.team != nil {
			what = " marks the pain points the team named, with how many named each."
		}
		lines = append(lines, wrapLines(s.pain.Render("◆")+s.faint.Render(what), w)...)
	}
	if m.hasHidden(w) {
		var names []string
		for i, r := range m.c.defs.Roles {
			if !slices.Contains(idx, i) {
				names = append(names, r.Title)
			}
		}
		if len(names) > 0 {
			lines = append(lines, wrapLines(s.faint.Render("Press tab to show "+advisor.JoinWords(names, "and")+" as well."), w)...)
		} else {
			lines = append(lines, wrapLines(s.faint.Render("Press tab to show the two main roles only."), w)...)
		}
	}
	if len(lines) > 0 {
		lines = append(lines, "")
	}
	return lines
}

func (m *compareModel) help() helpKeys {
	k := m.c.keys
	back := k.Back
	back.SetHelp("esc", "results")
	all := k.AllRoles
	all.SetEnabled(m.hasHidden(m.c.contentWidth()))
	if m.all {
		all.SetHelp("tab", "main roles")
	}
	short := []key.Binding{k.Up, k.Down, k.PageDn, all, back, k.Quit, k.Help}
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDn, k.Top, k.Bottom}, {all, back, k.Help, k.Quit, k.ForceQuit}}}
}

// sideBySide lays one row's cells out in columns of width colW (the last
// unpadded), joined by the gutter.
func sideBySide(cells [][]string, colW int, gutter string) []string {
	height := 0
	for _, c := range cells {
		height = max(height, len(c))
	}
	out := make([]string, 0, height)
	for l := 0; l < height; l++ {
		var b strings.Builder
		for i, c := range cells {
			if i > 0 {
				b.WriteString(gutter)
			}
			text := ""
			if l < len(c) {
				text = c[l]
			}
			if i < len(cells)-1 {
				text = padTo(text, colW)
			}
			b.WriteString(text)
		}
		out = append(out, b.String())
	}
	return out
}
