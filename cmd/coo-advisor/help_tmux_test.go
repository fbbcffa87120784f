package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// TestTmuxHelpWrapsBetweenWords: on a terminal the help is wrapped by the
// program at the terminal's width, between words, so the terminal never
// breaks a line itself (it broke "weigh|ts" and "resu|me" at 80 columns),
// and no line ends in padding. tmux's capture with -J joins the lines the
// terminal wrapped and keeps the spaces written at their ends: it equals
// the plain capture only when neither happened.
func TestTmuxHelpWrapsBetweenWords(t *testing.T) {
	for _, width := range []int{80, 50} {
		for _, args := range [][]string{{"--help"}, {"recommend", "--help"}, {"team", "--help"}, {"completion", "bash", "--help"}} {
			t.Run(fmt.Sprintf("%d/%s", width, strings.Join(args, "_")), func(t *testing.T) {
				s := startTmux(t, width, 24, t.TempDir(), args...)
				s.waitFor("EXIT=0", "STTY=") // the last line: nothing changes between the captures
				rows := s.tmux("capture-pane", "-p", "-t", "e2e", "-S", "-")
				lines := s.tmux("capture-pane", "-p", "-J", "-t", "e2e", "-S", "-")
				if rows != lines {
					t.Errorf("the terminal wrapped lines or the help padded them; as shown:\n%s\nas written:\n%s", rows, lines)
				}
				widest := 0
				for _, l := range strings.Split(rows, "\n") {
					widest = max(widest, uniseg.StringWidth(l))
				}
				if widest < width-12 {
					t.Errorf("the widest line is %d columns on a terminal of %d: the help does not use the width:\n%s", widest, width, rows)
				}
			})
		}
	}
}
