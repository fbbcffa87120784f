package tui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// The answer grid of the team screen: people against questions, each
// answer cut to its column. When the columns would be too narrow to read
// (a 50-column terminal shows five people at six cells each), each
// question becomes a short paragraph instead ("Growth: Ana Moderate ·
// Ben Declining ..."). That beats scrolling the grid sideways: in a
// workshop every answer stays on screen, the same keys scroll it as the
// rest of the screen, and no column hides off the edge unnoticed.
const (
	gridMinTitle = 10 // the question column, "Departme…" at worst
	gridMaxTitle = 22 // "CEO time on operations"
	gridMinCell  = 8  // "Moderate", "Ana (CE…"
	gridMaxCell  = 16
	// gridOff marks an answer that is not the team's; the legend says so.
	gridOff = "*"
)

// gridLines renders the brief's grid for width w: a table of people
// against questions, or of each question's spread (under anonymity or
// for a large team), or paragraphs when the table would not read.
func (m *teamModel) gridLines(tb *advisor.TeamBrief, w int) []string {
	s := m.c.styles
	g := tb.Grid
	if g == nil || len(g.Head) < 2 {
		if tb.GridNote != "" {
			return marked("·", tb.GridNote, s.faint, s.faint, w)
		}
		return nil
	}
	t := m.c.team
	if t.Anonymous || len(g.Head)-1 != len(t.Members) {
		lines := m.spreadTable(g, w)
		if tb.GridNote != "" {
			lines = append(lines, "")
			lines = append(lines, marked("·", tb.GridNote, s.faint, s.faint, w)...)
		}
		return lines
	}
	off := m.offTeam(g)
	// Only the questions the team answered differently make the table;
	// those everyone answered alike follow in a line.
	var varied, alike []int
	for r, row := range g.Rows {
		if m.alike(row) {
			alike = append(alike, r)
		} else {
			varied = append(varied, r)
		}
	}
	var lines []string
	widths, ok := gridWidths(g, varied, w)
	switch {
	case !ok:
		lines = m.gridParagraphs(g, varied, off, w)
	case len(varied) > 0:
		lines = strings.Split(m.personTable(g, varied, widths, off), "\n")
	}
	var notes []string
	if slices.ContainsFunc(off, func(row []bool) bool { return slices.Contains(row, true) }) {
		notes = append(notes, marked(gridOff, "not the team's answer (the middle of a scale or number, the most common choice)", s.accent, s.faint, w)...)
	}
	if m.anyAbstained() && tb.GridNote != "" {
		notes = append(notes, marked("·", tb.GridNote, s.faint, s.faint, w)...)
	}
	if len(notes) > 0 {
		lines = append(append(lines, ""), notes...)
	}
	if len(alike) > 0 {
		var parts []string
		for _, r := range alike {
			parts = append(parts, g.Rows[r].Head+": "+g.Rows[r].Cells[0])
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, m.titled("Everyone alike", strings.Join(parts, " · "), w)...)
	}
	return lines
}

// alike reports whether everyone gave the row's answer, nobody leaving
// it to the others.
func (m *teamModel) alike(row advisor.TableRow) bool {
	if len(row.Cells) < 2 {
		return false
	}
	for _, c := range row.Cells {
		if c != row.Cells[0] {
			return false
		}
	}
	return !m.anyAbstained()
}

func (m *teamModel) anyAbstained() bool {
	return slices.ContainsFunc(m.c.team.Members, func(mb advisor.Member) bool { return len(mb.Abstained) > 0 })
}

// offTeam says, for each row and person, whether the person's answer is
// not the team's. A list is never marked: the team's list weighs each
// value by who named it, and no one person's list is "the team's".
func (m *teamModel) offTeam(g *advisor.Table) [][]bool {
	off := make([][]bool, len(g.Rows))
	t := m.c.team
	for r, row := range g.Rows {
		q := m.rowQuestion(r, row.Head)
		if q == nil || q.IsList() {
			continue
		}
		team, ok := t.Consensus[q.ID]
		if !ok {
			continue
		}
		off[r] = make([]bool, len(t.Members))
		for i, mb := range t.Members {
			if slices.Contains(mb.Abstained, q.ID) || mb.Result == nil {
				continue
			}
			a := mb.Result.Answers[q.ID]
			if q.Kind == advisor.KindInteger {
				off[r][i] = a.Int != team.Int
			} else {
				off[r][i] = a.Choice != team.Choice
			}
		}
	}
	return off
}

// rowQuestion is the question of the grid's row r: the grid keeps the
// questions' order, and its rows' heads are their titles.
func (m *teamModel) rowQuestion(r int, title string) *advisor.Question {
	qs := m.c.defs.Questions
	if r < len(qs) && qs[r].Title == title {
		return &qs[r]
	}
	for i := range qs {
		if qs[i].Title == title {
			return &qs[i]
		}
	}
	return nil
}

// gridWidths shares the width w between the question column and one
// column per person, each followed by a space: the question column grows
// first, up to its longest title, then the people in turn up to what they
// hold (a label split over two lines, name and role, when it does not
// fit). Not ok when the people's columns would be narrower than
// gridMinCell.
func gridWidths(g *advisor.Table, rows []int, w int) ([]int, bool) {
	n := len(g.Head) - 1
	want := make([]int, n+1)
	want[0] = gridMinTitle
	for _, r := range rows {
		want[0] = max(want[0], min(gridMaxTitle, ansi.StringWidth(g.Rows[r].Head)))
	}
	for j := 1; j <= n; j++ {
		want[j] = gridMinCell
		for _, l := range strings.Split(splitLabel(g.Head[j]), "\n") {
			want[j] = max(want[j], min(gridMaxCell, ansi.StringWidth(l)))
		}
		for _, r := range rows {
			if cells := g.Rows[r].Cells; j-1 < len(cells) {
				want[j] = max(want[j], min(gridMaxCell, ansi.StringWidth(shortCell(cells[j-1], gridMaxCell))+len(gridOff)))
			}
		}
	}
	widths := make([]int, n+1)
	widths[0] = gridMinTitle
	used := gridMinTitle
	for j := 1; j <= n; j++ {
		widths[j] = gridMinCell
		used += 1 + gridMinCell
	}
	if used > w {
		return nil, false
	}
	grow := min(w-used, want[0]-widths[0])
	widths[0] += grow
	used += grow
	for used < w {
		grew := false
		for j := 1; j <= n && used < w; j++ {
			if widths[j] < want[j] {
				widths[j]++
				used++
				grew = true
			}
		}
		if !grew {
			break
		}
	}
	return widths, true
}

// splitLabel puts a person's role under their name ("Ana\n(CEO)"), or a
// label of several words over two lines at the space nearest its middle
// ("Head of\nSales"), for a column narrower than the label.
func splitLabel(label string) string {
	if i := strings.Index(label, " ("); i > 0 && strings.HasSuffix(label, ")") {
		return label[:i] + "\n" + label[i+1:]
	}
	best := -1
	for i, r := range label {
		if r == ' ' && (best < 0 || abs(2*i-len(label)) < abs(2*best-len(label))) {
			best = i
		}
	}
	if best < 0 {
		return label
	}
	return label[:best] + "\n" + label[best+1:]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// shortCell cuts an answer to width cells: first without the words in
// brackets ("Moderate (10-30% a year)" is "Moderate"), then a list to its
// first value and how many more ("Work is slow… +1"), then with an
// ellipsis.
func shortCell(s string, width int) string {
	if width < 1 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	if parts := strings.Split(s, "; "); len(parts) > 1 {
		more := " +" + strconv.Itoa(len(parts)-1)
		if room := width - ansi.StringWidth(more); room >= 4 {
			return shortCell(parts[0], room) + more
		}
	}
	if b := bare(s); b != s {
		return shortCell(b, width)
	}
	return ansi.Truncate(s, width, "…")
}

// bare is an answer without the words in brackets at its end: "Moderate
// (10-30% a year)" is "Moderate".
func bare(s string) string {
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		return s[:i]
	}
	return s
}

// personTable is the grid as a Lip Gloss table, a rule under the
// people's names, the answers not the team's marked.
func (m *teamModel) personTable(g *advisor.Table, varied, widths []int, off [][]bool) string {
	s := m.c.styles
	// A label wider than its column puts the role on a line of its
	// own under the name (the table cuts a header to one line).
	split := false
	for j := 1; j < len(g.Head); j++ {
		split = split || ansi.StringWidth(g.Head[j]) > widths[j]
	}
	head := make([]string, len(g.Head))
	roles := make([]string, 0, len(g.Head))
	rule := make([]string, 0, len(g.Head))
	for j, h := range g.Head {
		role := ""
		if split && j > 0 {
			h, role, _ = strings.Cut(splitLabel(h), "\n")
		}
		head[j] = shortCell(h, widths[j])
		roles = append(roles, shortCell(role, widths[j]))
		rule = append(rule, strings.Repeat("─", widths[j]))
	}
	// Above the answers: the roles when split, and a rule under each
	// column.
	var rows [][]string
	if split {
		rows = append(rows, roles)
	}
	rows = append(rows, rule)
	top := len(rows)
	// offs are the marks of the rows shown, by the table's rows.
	offs := make([][]bool, top, top+len(varied))
	for _, r := range varied {
		row := g.Rows[r]
		offs = append(offs, off[r])
		cells := make([]string, len(g.Head))
		cells[0] = shortCell(row.Head, widths[0])
		for j := 1; j < len(g.Head); j++ {
			cell := ""
			if j-1 < len(row.Cells) {
				cell = row.Cells[j-1]
			}
			if isOff(off, r, j-1) {
				cell = shortCell(cell, widths[j]-len(gridOff)) + gridOff
			} else {
				cell = shortCell(cell, widths[j])
			}
			cells[j] = cell
		}
		rows = append(rows, cells)
	}
	last := len(widths) - 1
	tbl := table.New().Headers(head...).Rows(rows...).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderHeader(false).
		StyleFunc(func(r, c int) lipgloss.Style {
			st := s.text
			switch {
			case r == table.HeaderRow:
				st = s.title
			case r == top-1:
				st = s.barEmpty
			case r < top || c == 0:
				st = s.faint
			case isOff(offs, r, c-1):
				st = s.accent
			}
			if c < last {
				return st.Width(widths[c] + 1).PaddingRight(1)
			}
			return st.Width(widths[c])
		})
	return tbl.Render()
}

func isOff(off [][]bool, r, i int) bool {
	return r >= 0 && r < len(off) && i < len(off[r]) && off[r][i]
}

// gridParagraphs is the grid one question at a time, for a terminal too
// narrow for its columns: "Growth: Ana (CEO) Moderate · Ben (CFO)
// Declining* · ...". A choice loses the words in brackets, as in the
// table; a line never breaks inside a person's name, nor between the name
// and a short answer.
func (m *teamModel) gridParagraphs(g *advisor.Table, varied []int, off [][]bool, w int) []string {
	lines := make([]string, 0, 3*len(varied))
	for _, r := range varied {
		row := g.Rows[r]
		var parts []string
		for i, c := range row.Cells {
			if i+1 >= len(g.Head) {
				break
			}
			if !strings.Contains(c, "; ") {
				c = bare(c)
			}
			if isOff(off, r, i) {
				c += gridOff
			}
			label := strings.ReplaceAll(g.Head[i+1], " ", nbsp)
			if ansi.StringWidth(label)+1+ansi.StringWidth(c) <= w-4 {
				c = strings.ReplaceAll(c, " ", nbsp)
			}
			parts = append(parts, label+nbsp+c)
		}
		lines = append(lines, m.titled(row.Head, strings.Join(parts, " · "), w)...)
	}
	return lines
}

// nbsp holds words together while a line is wrapped; titled turns it
// back into a space.
const nbsp = "\u00a0"

// titled wraps "title: text" to width w, the title in bold and the later
// lines indented.
func (m *teamModel) titled(title, text string, w int) []string {
	s := m.c.styles
	var out []string
	for i, l := range wrapLines(title+": "+text, max(4, w-2)) {
		l = strings.ReplaceAll(l, nbsp, " ")
		switch {
		case i > 0:
			out = append(out, "  "+s.text.Render(l))
		case strings.HasPrefix(l, title+":"):
			out = append(out, s.title.Render(title+":")+s.text.Render(strings.TrimPrefix(l, title+":")))
		default:
			out = append(out, s.title.Render(l))
		}
	}
	return out
}

// spreadTable is the grid of each question's spread: a table of two
// columns, the spread wrapped in the second, or paragraphs when the
// spread would have fewer than 30 cells.
func (m *teamModel) spreadTable(g *advisor.Table, w int) []string {
	s := m.c.styles
	qw := gridMinTitle
	for _, r := range g.Rows {
		qw = max(qw, min(gridMaxTitle, ansi.StringWidth(r.Head)))
	}
	aw := w - qw - 1
	if aw < 30 {
		lines := make([]string, 0, 2*len(g.Rows))
		for _, r := range g.Rows {
			lines = append(lines, m.titled(r.Head, strings.Join(r.Cells, " "), w)...)
		}
		return lines
	}
	rows := make([][]string, len(g.Rows))
	for i, r := range g.Rows {
		rows[i] = []string{shortCell(r.Head, qw), wrap(strings.Join(r.Cells, " "), aw)}
	}
	tbl := table.New().Headers(shortCell(g.Head[0], qw), shortCell(g.Head[1], aw)).Rows(rows...).
		Border(lipgloss.NormalBorder()).BorderStyle(s.barEmpty).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderHeader(true).
		StyleFunc(func(r, c int) lipgloss.Style {
			st := s.text
			switch {
			case r == table.HeaderRow:
				st = s.title
			case c == 0:
				st = s.faint
			}
			if c == 0 {
				return st.Width(qw + 1).PaddingRight(1)
			}
			return st.Width(aw)
		})
	return strings.Split(tbl.Render(), "\n")
}
