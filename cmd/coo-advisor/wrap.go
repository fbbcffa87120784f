package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/rivo/uniseg"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// widthOf is the width of the terminal w writes to, or 0 when it is not
// a terminal (a pipe or a file takes lines whole).
func widthOf(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
		return cols
	}
	return 0
}

// tellf writes a line to standard error, wrapped between words on a
// terminal.
func (a *app) tellf(format string, args ...any) {
	_, _ = io.WriteString(a.stderr, wrapTo(fmt.Sprintf(format, args...), widthOf(a.stderr))+"\n")
}

// wrapTo breaks text between words to lines of at most width cells, as
// the help is: a terminal breaks a long line wherever its edge falls,
// inside a word ("reco" and "mmend"). A line that fits is kept as it is;
// a longer one keeps its indent on the lines it goes on to. A width
// under 1 leaves text as it is.
func wrapTo(text string, width int) string {
	if width < 1 {
		return text
	}
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		rest := strings.TrimLeft(l, " ")
		indent := l[:len(l)-len(rest)]
		if uniseg.StringWidth(l) <= width || len(indent) >= width/2 {
			out = append(out, l)
			continue
		}
		for _, w := range advisor.Wrap(rest, width-len(indent)) {
			out = append(out, indent+w)
		}
	}
	return strings.Join(out, "\n")
}
