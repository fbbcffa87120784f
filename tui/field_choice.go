package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// choiceField takes one of the question's options.
type choiceField struct{ optionList }

func newChoiceField(c *common, q *advisor.Question, prev *advisor.Answer) field {
	// Nothing is chosen until the user picks: Enter alone must not record
	// the first option as an answer.
	k := c.keys
	f := &choiceField{optionList{c: c, q: q, cursor: -1, acts: keysOf(k.Up, k.Down, k.Top, k.Bottom, k.Pick)}}
	if prev != nil {
		_, f.cursor = q.Option(prev.Choice)
	}
	return f
}

func (f *choiceField) typing() typing { return typingNone }
func (f *choiceField) restyle()       {}

func (f *choiceField) value() (advisor.Answer, bool) {
	if f.cursor < 0 {
		return advisor.Answer{}, false
	}
	return advisor.Answer{Choice: f.q.Options[f.cursor].Value}, true
}

func (f *choiceField) update(msg tea.Msg) (tea.Cmd, bool) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	_, handled := f.key(km)
	return nil, handled
}

func (f *choiceField) submit() (advisor.Answer, bool) {
	a, ok := f.value()
	if !ok {
		f.err = "Choose one: move with ↑/↓ or press its number"
	}
	return a, ok
}

func (f *choiceField) view(w int) ([]string, int, int) {
	b := lineBuilder{width: w}
	focus, end := f.optionList.view(&b, func(i int) (string, string) {
		if i == f.cursor {
			return "(•)", "(•)"
		}
		return "( )", "( )"
	})
	return b.take(), focus, end
}

func (f *choiceField) keys(enter key.Binding) helpKeys {
	k := f.c.keys
	return helpKeys{
		short: []key.Binding{k.Up, k.Down, enter, k.Back, k.Help, k.Quit},
		full:  [][]key.Binding{{k.Up, k.Down, k.Pick, k.Top, k.Bottom}, {enter, k.Back}, {k.Help, k.Quit, k.ForceQuit}},
	}
}
