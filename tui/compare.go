package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// compareModel shows the roles' responsibilities side by side, marks the
// ones that match the user's pain points, and how the roles work
// together. Narrow terminals get one role after another.
type compareModel struct {
	c      *common
	pains  map[string]bool // responsibility ids the user named as pains
	scroll scroller
}

// minCompareColumn is the narrowest a role column may be before the
// roles are stacked instead.
const minCompareColumn = 24

func newCompareModel(c *common) compareModel { return compareModel{c: c} }

// setAnswers marks the responsibilities named in any answer (the pain
// points question uses responsibility ids as its values).
func (m *compareModel) setAnswers(a advisor.Answers) {
	m.pains = map[string]bool{}
	for _, q := range m.c.defs.Questions {
		if q.Kind != advisor.KindMulti {
			continue
		}
		for _, v := range a[q.ID].Multi {
			if _, _, ok := m.c.defs.ResponsibilityOwner(v); ok {
				m.pains[v] = true
			}
		}
	}
	m.render()
}

func (m compareModel) update(msg tea.Msg) (compareModel, tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(km, m.c.keys.Back) {
			return m, m.c.show(screenResults)
		}
		m.scroll.handleKey(m.c.keys, km)
	}
	return m, nil
}

func (m *compareModel) render() {
	s := m.c.styles
	d := m.c.defs
	w := m.c.contentWidth()
	n := len(d.Roles)
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
		for i, r := range d.Roles {
			rw[i] = f(i, r)
		}
		rows = append(rows, rw)
	}
	perRole(func(i int, r advisor.Role) []string {
		return cell(strings.ToUpper(r.Title), s.role(i).Bold(true), "", "")
	})
	perRole(func(_ int, r advisor.Role) []string { return cell(r.Summary, s.text, "", "") })
	perRole(func(_ int, r advisor.Role) []string { return []string{"", s.section.Render("RESPONSIBILITIES")} })
	maxResp := 0
	for _, r := range d.Roles {
		maxResp = max(maxResp, len(r.Responsibilities))
	}
	for j := 0; j < maxResp; j++ {
		perRole(func(i int, r advisor.Role) []string {
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
				lines = append(lines, "  "+s.pain.Render("your pain point"))
			}
			lines = append(lines, cell(x.Description, s.text, "  ", "  ")...)
			return lines
		})
	}
	perRole(func(_ int, r advisor.Role) []string { return []string{"", s.section.Render("WHEN IT FITS")} })
	perRole(func(_ int, r advisor.Role) []string {
		var lines []string
		for _, f := range r.FitsWhen {
			lines = append(lines, cell(f, s.text, "- ", "  ")...)
		}
		return lines
	})
	perRole(func(_ int, r advisor.Role) []string { return []string{"", s.section.Render("WORKING TOGETHER")} })
	perRole(func(_ int, r advisor.Role) []string { return cell(r.WorksWith, s.text, "", "") })

	var lines []string
	if len(m.pains) > 0 {
		lines = append(lines, wrapLines(s.pain.Render("◆")+s.faint.Render(" marks the responsibilities that match your pain points."), w)...)
		lines = append(lines, "")
	}
	if stacked {
		for i := range d.Roles {
			if i > 0 {
				lines = append(lines, "", s.faint.Render(strings.Repeat("─", w)), "")
			}
			for _, rw := range rows {
				lines = append(lines, rw[i]...)
			}
		}
	} else {
		for _, rw := range rows {
			height := 0
			for _, c := range rw {
				height = max(height, len(c))
			}
			for l := 0; l < height; l++ {
				var b strings.Builder
				for i, c := range rw {
					if i > 0 {
						b.WriteString(gutter)
					}
					text := ""
					if l < len(c) {
						text = c[l]
					}
					if i < n-1 {
						text = padTo(text, colW)
					}
					b.WriteString(text)
				}
				lines = append(lines, b.String())
			}
		}
	}
	m.scroll.setLines(lines)
}

func (m compareModel) help() helpKeys {
	k := m.c.keys
	back := k.Back
	back.SetHelp("esc", "results")
	short := []key.Binding{k.Up, k.Down, k.PageDn, back, k.Quit, k.Help}
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDn, k.Top, k.Bottom}, {back, k.Help, k.Quit, k.ForceQuit}}}
}
