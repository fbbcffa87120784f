package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFooterKeepsTheWayBack: however narrow the terminal, the footer
// keeps esc, the way back, before the screen's other keys, on every
// screen that has one (shortened to "esc back" where its usual words do
// not fit), after only the way out: at 50 columns the export footer said
// "enter save • tab format • ctrl+c quit now", at 30 "enter save • ctrl+c
// quit now".
func TestFooterKeepsTheWayBack(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	for _, size := range [][2]int{{80, 24}, {50, 15}, {40, 12}, {30, 8}} {
		for _, tc := range []struct {
			name    string
			answers bool
			keys    []string
		}{
			{"number question", false, []string{"enter"}},
			{"choice question", false, []string{"enter", "9", "0", "enter", "3", "enter", "1", "enter"}},
			{"compare", true, []string{"c"}},
			{"review", true, []string{"a"}},
			{"export", true, []string{"e"}},
			{"save", true, []string{"s"}},
			{"client details", true, []string{"d"}},
		} {
			t.Run(fmt.Sprintf("%s %dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				o := Options{Defs: defs}
				if tc.answers {
					o.Answers = answers
				}
				d := newDriver(t, o, size[0], size[1])
				for _, k := range tc.keys {
					d.key(k)
				}
				lines := strings.Split(d.view(), "\n")
				footer := lines[len(lines)-1]
				// Only the way out (? help and quit) goes before it.
				if !strings.Contains(footer, "esc ") && utf8.RuneCountInString(footer+" • esc back") <= size[0] {
					t.Errorf("the footer %q has no esc", footer)
				}
				if !strings.Contains(footer, "quit") {
					t.Errorf("the footer %q has no way out", footer)
				}
			})
		}
	}
}
