package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// TestALongNameKeepsTheExportLayout: a file name of 4,096 characters
// (the field's limit) scrolls sideways in its one line, and the full path
// under it takes at most three lines, each indented, its middle left out:
// the title, the explanation, the File label and the format all still
// show, in their order, at 120x40 as at 80x24. A path that wraps keeps
// its indent on every line.
func TestALongNameKeepsTheExportLayout(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for _, name := range []string{
			strings.Repeat("a", 4093) + ".md",
			"reports/" + strings.Repeat("quarterly-", 12) + "brief.md",
		} {
			t.Run(fmt.Sprintf("%dx%d %d", size[0], size[1], len(name)), func(t *testing.T) {
				dir := shortDir(t)
				d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, size[0], size[1])
				d.key("e")
				d.clearField()
				d.send(tea.PasteMsg{Content: name})
				order := []int{d.lineOf("Export the recommendation"), d.lineOf("Text to paste"), d.lineOf("File"), d.lineOf("› "), d.lineOf(dir), d.lineOf("Format")}
				for i, l := range order {
					if l < 0 || i > 0 && l <= order[i-1] {
						t.Fatalf("title, explanation, label, field, path and format missing or out of order (lines %v):\n%s", order, d.view())
					}
				}
				lines := strings.Split(d.view(), "\n")
				field := lines[order[3]]
				if !strings.HasSuffix(strings.TrimRight(field, " "), ".md") {
					t.Errorf("the field does not show the end of the name, where the cursor is: %q", field)
				}
				var path []string
				for _, l := range lines[order[4]:order[5]] {
					if strings.TrimSpace(l) != "" {
						path = append(path, l)
					}
				}
				if len(path) > 3 {
					t.Errorf("the path takes %d lines:\n%s", len(path), d.view())
				}
				for _, l := range path {
					if !strings.HasPrefix(l, "   ") { // the frame's margin, and the indent
						t.Errorf("a line of the path is not indented: %q", l)
					}
					if utf8.RuneCountInString(l) > size[0] {
						t.Errorf("a line is wider than the window: %q", l)
					}
				}
				if !strings.Contains(strings.Join(path, ""), "brief.md") && !strings.Contains(path[len(path)-1], "a.md") {
					t.Errorf("the path does not end with the name:\n%s", strings.Join(path, "\n"))
				}
			})
		}
	}
}
