package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// multiField takes any number of the question's options, or none.
type multiField struct {
	optionList
	checked []bool
}

func newMultiField(c *common, q *advisor.Question, prev *advisor.Answer) field {
	k := c.keys
	f := &multiField{optionList: optionList{c: c, q: q, acts: keysOf(k.Up, k.Down, k.Top, k.Bottom, k.Pick, k.Toggle)}, checked: make([]bool, len(q.Options))}
	if prev != nil {
		for _, v := range prev.Multi {
			if _, i := q.Option(v); i >= 0 {
				f.checked[i] = true
			}
		}
	}
	return f
}

func (f *multiField) typing() typing { return typingNone }
func (f *multiField) restyle()       {}

// value is always an answer: nothing ticked is the none answer.
func (f *multiField) value() (advisor.Answer, bool) {
	var vs []string
	for i, on := range f.checked {
		if on {
			vs = append(vs, f.q.Options[i].Value)
		}
	}
	return advisor.Answer{Multi: vs}, true
}

func (f *multiField) submit() (advisor.Answer, bool) { return f.value() }

func (f *multiField) update(msg tea.Msg) (tea.Cmd, bool) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	picked, handled := f.key(km)
	switch {
	case picked >= 0:
		f.checked[picked] = !f.checked[picked]
	case !handled && key.Matches(km, f.c.keys.Toggle):
		f.checked[f.cursor] = !f.checked[f.cursor]
		handled = true
	}
	return nil, handled
}

func (f *multiField) view(w int) ([]string, int, int) {
	s := f.c.styles
	b := lineBuilder{width: w}
	focus, end := f.optionList.view(&b, func(i int) (string, string) {
		if f.checked[i] {
			return "[x]", s.checked.Render("[x]")
		}
		return "[ ]", "[ ]"
	})
	n := 0
	for _, on := range f.checked {
		if on {
			n++
		}
	}
	note := fmt.Sprintf("%d chosen", n)
	if n == 0 {
		note = "None chosen: Enter means “" + f.q.None.Label + "”"
	}
	b.add(note, s.faint)
	return b.take(), focus, end
}

func (f *multiField) keys(enter key.Binding) helpKeys {
	k := f.c.keys
	return helpKeys{
		short: []key.Binding{k.Toggle, k.Up, k.Down, enter, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{{k.Toggle, k.Pick, k.Up, k.Down, k.Top, k.Bottom}, {enter, k.Back}, {k.Help, k.Quit, k.ForceQuit}},
	}
}
