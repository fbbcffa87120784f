package advisor

import (
	"strings"

	"github.com/rivo/uniseg"
)

// textWidth is the display width of s in terminal cells.
func textWidth(s string) int {
	// Plain ASCII, most of a report, is one cell a byte.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < 0x20 || c == 0x7f {
			return uniseg.StringWidth(s)
		}
	}
	return len(s)
}

// Wrap breaks text into lines of at most width cells, between words. A
// word longer than width is broken where it must be. Existing newlines are
// kept.
func Wrap(text string, width int) []string {
	if width < 1 {
		width = 1
	}
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		var cur strings.Builder
		curW := 0
		for _, w := range words {
			ww := textWidth(w)
			if ww > width {
				// Break an over-long word (a URL, a long id) into pieces,
				// in one pass over it; the last piece goes on.
				if curW > 0 {
					lines = append(lines, cur.String())
					cur.Reset()
					curW = 0
				}
				pieces := splitWord(w, width)
				lines = append(lines, pieces[:len(pieces)-1]...)
				w = pieces[len(pieces)-1]
				ww = textWidth(w)
			}
			switch {
			case curW == 0:
				cur.WriteString(w)
				curW = ww
			case curW+1+ww <= width:
				cur.WriteByte(' ')
				cur.WriteString(w)
				curW += 1 + ww
			default:
				lines = append(lines, cur.String())
				cur.Reset()
				cur.WriteString(w)
				curW = ww
			}
		}
		if curW > 0 {
			lines = append(lines, cur.String())
		}
	}
	return lines
}

// splitWord cuts s into pieces of at most width cells (at least one
// cluster each), in one pass.
func splitWord(s string, width int) []string {
	var out []string
	g := uniseg.NewGraphemes(s)
	start, w := 0, 0
	for g.Next() {
		from, to := g.Positions()
		cw := g.Width()
		if w+cw > width && from > start {
			out = append(out, s[start:from])
			start, w = from, 0
		}
		w += cw
		_ = to
	}
	return append(out, s[start:])
}

// wrapIndent wraps text to width with every line after the first indented
// by hang spaces, and the first prefixed by first.
func wrapIndent(text string, width int, first, hang string) string {
	lines := Wrap(text, width-textWidth(first))
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(hang)
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// padRight pads s with spaces to width cells.
func padRight(s string, width int) string {
	if w := textWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
