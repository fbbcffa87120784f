package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// optionList is what the choice fields share: the question's options,
// with a cursor moved by the arrows and an option picked by its number.
type optionList struct {
	c      *common
	q      *advisor.Question
	cursor int
	err    string
	// acts holds the keys the field acts on.
	acts keySet
}

// key moves the cursor, or picks an option by its number: picked is the
// option picked (-1 for none), handled is false for a key that does
// neither.
func (l *optionList) key(km tea.KeyPressMsg) (picked int, handled bool) {
	k := l.c.keys
	n := len(l.q.Options)
	if l.cursor < 0 && key.Matches(km, k.Up) {
		l.cursor = 0 // from nothing chosen, up lands on the last option
	}
	var moved bool
	if l.cursor, moved = k.moveCursor(km, l.cursor, n); moved {
		l.err = ""
		return -1, true
	}
	if !key.Matches(km, k.Pick) {
		return -1, false
	}
	i := pickIndex(km)
	if i < 0 || i >= n {
		return -1, true
	}
	l.err = ""
	l.cursor = i
	return i, true
}

// view draws the options, each with its number key and its mark (plain,
// and as shown), the one under the cursor pointed at; lines [focus,
// focusEnd) are that option's.
func (l *optionList) view(b *lineBuilder, mark func(i int) (plain, styled string)) (focus, focusEnd int) {
	s := l.c.styles
	for i, o := range l.q.Options {
		plain, styled := mark(i)
		pointer := "  "
		st := s.text
		if i == l.cursor {
			pointer = "› "
			st = s.selected
			focus = len(b.lines)
		}
		// The number picks the option; only 1-9 and 0 have keys.
		num := "  "
		if i < 10 {
			num = fmt.Sprintf("%d ", (i+1)%10)
		}
		pointer += num
		prefix := fmt.Sprintf("%s%s ", pointer, plain)
		label := wrapLines(o.Label, max(4, b.width-lipgloss.Width(prefix)))
		for j, text := range label {
			if j == 0 {
				b.lines = append(b.lines, s.cursor.Render(pointer[:len(pointer)-len(num)])+s.faint.Render(num)+styled+" "+st.Render(text))
			} else {
				b.lines = append(b.lines, strings.Repeat(" ", lipgloss.Width(prefix))+st.Render(text))
			}
		}
		if i == l.cursor {
			focusEnd = len(b.lines)
		}
	}
	if l.err != "" {
		b.hang("✗", l.err, s.errorText)
	}
	return focus, focusEnd
}

// refuses the keys that neither move the cursor nor pick an option (nor,
// in a list, tick one).
func (l *optionList) refuses(km tea.KeyPressMsg) bool {
	return l.acts.lacks(km)
}

// pickIndex is the option a number key picks: 1-9, and 0 for the tenth.
func pickIndex(km tea.KeyPressMsg) int {
	if km.Code == '0' {
		return 9
	}
	return int(km.Code - '1')
}
