package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// Smallest terminal the program lays itself out for.
const (
	minWidth  = 30
	minHeight = 8
	// sidePanelMin is the width from which question screens show the live
	// leaning beside the question.
	sidePanelMin = 100
	panelWidth   = 34
	// readingWidth is the widest a column of prose grows: lines of 200
	// columns read badly, and the leaning panel beside a question should
	// not sit at the far edge of a wide terminal.
	readingWidth = 76
)

// common is what every screen shares, passed by pointer: the definitions,
// the terminal size, styles and keys.
type common struct {
	defs      *advisor.Definitions
	width     int
	height    int
	styles    *styles
	keys      keyMap
	exportDir string
	// protect names the run's input files, which are never written.
	protect atomicfile.Options
	// report is the engagement and version every report carries.
	report advisor.ReportOptions

	// answers are the session's answers so far (every question's, once
	// the results show).
	answers advisor.Answers
	// result is the recommendation for them, nil before the last answer.
	result *advisor.Result
	// team is set in a leadership team's session, and teamBrief is what
	// its screens say of it (built once: the team's answers are not
	// edited in a session).
	team      *advisor.TeamResult
	teamBrief *advisor.TeamBrief
	// fullHelp is set while the full help shows (?): questions add their
	// detail then.
	fullHelp bool
	// quitAfterSave is set while the save screen opened from the quit
	// prompt shows: the program quits once the answers are saved.
	quitAfterSave bool

	// helpCache keeps the rendered footer: it only changes with the screen,
	// the width or the help mode, not with every key.
	helpCache struct {
		key   string
		lines []string
	}
}

// contentWidth is the width inside the app's side padding.
func (c *common) contentWidth() int { return max(1, c.width-2) }

// wrap wraps s to width cells, breaking lines at spaces only: a word
// longer than the line is cut where it must be, but a name that fits is
// never broken at its hyphen (Lip Gloss breaks at every hyphen, which
// split "coo-advisor" and file names over two lines). The hyphens stand
// in as non-breaking ones while the text is wrapped.
func wrap(s string, width int) string { return wrapAt(s, width, "") }

// wrapAt is wrap that may also break lines after any of breakpoints
// ("/" for a path).
func wrapAt(s string, width int, breakpoints string) string {
	if width < 1 {
		width = 1
	}
	if !strings.Contains(s, "-") || strings.ContainsRune(s, keepHyphen) {
		return lipgloss.Wrap(s, width, breakpoints)
	}
	w := lipgloss.Wrap(strings.ReplaceAll(s, "-", string(keepHyphen)), width, breakpoints)
	return strings.ReplaceAll(w, string(keepHyphen), "-")
}

// keepHyphen is a non-breaking hyphen, one cell wide like "-".
const keepHyphen = '\u2011'

// wrapLines wraps s to width and splits it into lines.
func wrapLines(s string, width int) []string {
	return strings.Split(wrap(s, width), "\n")
}

// window shows at most height lines of lines, scrolled so that lines
// [from, to) are in view (their start, when they are more than fit), and
// says what it hides: a "↑ more above" or "↓ more below" line takes the
// place of the first or last line when lines are hidden there.
func (c *common) window(lines []string, height, from, to int) []string {
	if height < 1 {
		return nil
	}
	if len(lines) <= height {
		return lines
	}
	if height < 3 {
		return clip(lines, height, from)
	}
	from = max(0, min(from, len(lines)-1))
	to = max(from+1, min(to, len(lines)))
	a := 0 // the first line shown
	if to > height-1 {
		// Both markers: height-2 lines of content, ending at to, or
		// starting at from when the range is longer than that.
		a = min(to-(height-2), from)
		// The end, with only the top marker, when it still shows the
		// range: better than hiding the last few lines.
		if end := len(lines) - (height - 1); a+height-1 >= len(lines) || end <= from {
			a = end
		}
		a = max(a, 1)
	}
	marker := func(text string) string { return c.styles.faint.Render(text) }
	out := make([]string, 0, height)
	if a > 0 {
		out = append(out, marker("  ↑ more above"))
	}
	n := height - len(out)
	if a+n < len(lines) {
		n-- // room for the marker below
	}
	out = append(out, lines[a:a+n]...)
	if a+n < len(lines) {
		out = append(out, marker("  ↓ more below"))
	}
	return out
}

// marked wraps text to width w after a one-cell mark ("+ reason"), its
// later lines indented to line up with the first.
func marked(mark, text string, markSt, textSt lipgloss.Style, w int) []string {
	var out []string
	for i, l := range wrapLines(text, max(4, w-2)) {
		if i == 0 {
			out = append(out, markSt.Render(mark)+" "+textSt.Render(l))
		} else {
			out = append(out, "  "+textSt.Render(l))
		}
	}
	return out
}

// clip returns at most height lines of lines, scrolled so that line focus
// is visible (focus < 0 keeps the top).
func clip(lines []string, height, focus int) []string {
	if height < 1 {
		return nil
	}
	if len(lines) <= height {
		return lines
	}
	start := 0
	if focus >= height {
		start = min(focus-height+1+min(2, height/3), len(lines)-height)
	}
	return lines[start : start+height]
}

// bar draws a horizontal bar of width cells, filled to share (0..1).
func (c *common) bar(share float64, width int, glyph string, fill lipgloss.Style) string {
	if width < 1 {
		return ""
	}
	n := int(share*float64(width) + 0.5)
	n = max(0, min(width, n))
	return fill.Render(strings.Repeat(glyph, n)) + c.styles.barEmpty.Render(strings.Repeat("░", width-n))
}

// stackedBar draws one bar split between the roles by their points, each
// role with its own glyph and colour. The full width stands for scale
// points; the rest of the bar is dotted. Empty when nobody scored.
func (c *common) stackedBar(points advisor.Weights, width int, scale float64) string {
	total := 0.0
	for _, p := range points {
		total += p.Float()
	}
	if total <= 0 || width < 1 || scale <= 0 {
		return c.styles.barEmpty.Render(strings.Repeat("·", max(0, width)))
	}
	// The bar's length follows the total, as before; the cells are
	// shared out by largest remainder, where roles with equal points get
	// a cell more together or not at all: equal points draw equal lengths
	// (a bar may then stop a cell or two short), and the bar never
	// overflows.
	target := min(width, int(total/scale*float64(width)+0.5))
	cells := make([]int, len(points))
	rem := make([]float64, len(points))
	filled := 0
	for i, p := range points {
		exact := max(0, p.Float()/scale*float64(width))
		cells[i] = int(exact)
		rem[i] = exact - float64(cells[i])
		filled += cells[i]
	}
	order := make([]int, len(points))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		if rem[order[a]] != rem[order[b]] {
			return rem[order[a]] > rem[order[b]]
		}
		return points[order[a]] > points[order[b]] // equal points side by side
	})
	for k := 0; k < len(order) && filled < target; {
		// The group of roles with the same points as order[k].
		g := k
		for g < len(order) && points[order[g]] == points[order[k]] && rem[order[g]] == rem[order[k]] {
			g++
		}
		if rem[order[k]] > 0 && filled+(g-k) <= target {
			for _, i := range order[k:g] {
				cells[i]++
			}
			filled += g - k
		}
		k = g
	}
	if filled == 0 {
		for i, p := range points {
			if p > 0 {
				cells[i], filled = 1, 1
				break
			}
		}
	}
	var b strings.Builder
	for i, n := range cells {
		if n > 0 {
			b.WriteString(c.styles.role(i).Render(strings.Repeat(roleGlyph(i), n)))
		}
	}
	b.WriteString(c.styles.barEmpty.Render(strings.Repeat("·", width-filled)))
	return b.String()
}

// roleLegend is "█ COO  ▒ Ops Director".
func (c *common) roleLegend() string {
	parts := make([]string, len(c.defs.Roles))
	for i, r := range c.defs.Roles {
		parts[i] = c.styles.role(i).Render(roleGlyph(i)) + " " + r.Short
	}
	return strings.Join(parts, "  ")
}

// box draws a rounded border around lines, width cells wide in all. It
// does what a Lip Gloss border does, for a fraction of the cost: the side
// panel is drawn again on every key of a question screen.
func (c *common) box(lines []string, width int) string {
	inner := width - 4
	bs := c.styles.barEmpty
	var b strings.Builder
	b.WriteString(bs.Render("╭" + strings.Repeat("─", width-2) + "╮"))
	for _, l := range lines {
		b.WriteString("\n")
		b.WriteString(bs.Render("│") + " " + padTo(l, inner) + " " + bs.Render("│"))
	}
	b.WriteString("\n")
	b.WriteString(bs.Render("╰" + strings.Repeat("─", width-2) + "╯"))
	return b.String()
}

// cleanField leaves out of a text field the characters that could act on
// the terminal or hide what it says: control characters, zero-width and
// direction-changing ones (a right-to-left override makes
// "brief\u202etxt.html" show as a .txt name). The field cannot show them
// as escapes, and a name holding them does not read as it is, so they are
// never taken. It adds those it left out, as escapes, to left (at most
// five kinds), which leftOutNote turns into what the screen says.
func cleanField(ti *textinput.Model, left []string) []string {
	v := []rune(ti.Value())
	kept := v[:0:0]
	pos := ti.Position()
	dropped := false
	for i, r := range v {
		if !advisor.UnsafeForTerminal(r) {
			kept = append(kept, r)
			continue
		}
		dropped = true
		if i < ti.Position() {
			pos--
		}
		if e := advisor.SafeText(string(r)); len(left) < 5 && !slices.Contains(left, e) {
			left = append(left, e)
		}
	}
	if dropped {
		ti.SetValue(string(kept))
		ti.SetCursor(pos)
	}
	return left
}

// leftOutNote says which characters cleanField left out, or "".
func leftOutNote(left []string) string {
	if len(left) == 0 {
		return ""
	}
	if len(left) > 4 {
		left = append(left[:4:4], "others")
	}
	return fmt.Sprintf("Left out %s: control, invisible and direction-changing characters would hide or reorder what the name says.", advisor.JoinWords(left, "and"))
}
