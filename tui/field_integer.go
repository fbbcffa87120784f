package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// integerField takes a whole number in a text field, checked as it is
// typed, with the band it falls in shown under it.
type integerField struct {
	c     *common
	q     *advisor.Question
	input textinput.Model
	err   string
	// touched is set once the number was edited, so that its error may
	// show: an answer brought back is not questioned.
	touched bool
}

func newIntegerField(c *common, q *advisor.Question, prev *advisor.Answer) field {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.Placeholder = advisor.GroupDigits(q.Min) + " to " + advisor.GroupDigits(q.Max)
	ti.CharLimit = 16
	ti.SetVirtualCursor(true)
	ti.SetStyles(inputStyles(c.styles))
	if prev != nil {
		ti.SetValue(strconv.Itoa(prev.Int))
		ti.CursorEnd()
	}
	ti.Focus()
	return &integerField{c: c, q: q, input: ti}
}

// typing: the field takes letters too, to say they are not a number.
func (f *integerField) typing() typing { return typingNumber }

func (f *integerField) restyle() { f.input.SetStyles(inputStyles(f.c.styles)) }

func (f *integerField) value() (advisor.Answer, bool) {
	a, err := f.q.ParseInput(f.input.Value())
	return a, err == nil
}

func (f *integerField) update(msg tea.Msg) (tea.Cmd, bool) {
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() != before {
		f.touched = true
		f.validate()
	}
	return cmd, true
}

// validate checks the number as the user types; an empty field is not an
// error until Enter.
func (f *integerField) validate() {
	f.err = ""
	if strings.TrimSpace(f.input.Value()) == "" {
		return
	}
	if _, err := f.q.ParseInput(f.input.Value()); err != nil {
		f.err = capitalize(err.Error())
	}
}

func (f *integerField) submit() (advisor.Answer, bool) {
	a, err := f.q.ParseInput(f.input.Value())
	if err != nil {
		f.touched = true
		f.err = capitalize(err.Error())
		return advisor.Answer{}, false
	}
	return a, true
}

func (f *integerField) view(w int) ([]string, int, int) {
	s := f.c.styles
	b := lineBuilder{width: w}
	f.input.SetWidth(max(4, min(w-4, 20)))
	b.lines = append(b.lines, f.input.View())
	switch {
	case f.err != "" && f.touched:
		b.hang("✗", f.err, s.errorText)
	case f.input.Value() != "":
		if a, err := f.q.ParseInput(f.input.Value()); err == nil {
			b.hang(" ", fmt.Sprintf("%s %s", advisor.GroupDigits(a.Int), f.q.UnitFor(a.Int)), s.faint)
		}
	default:
		b.hang(" ", capitalize(f.q.Allowed()), s.faint)
	}
	return b.take(), 0, 0
}

func (f *integerField) keys(enter key.Binding) helpKeys {
	k := f.c.keys
	return helpKeys{
		short: []key.Binding{enter, k.Back, k.Help, k.ForceQuit},
		full:  [][]key.Binding{{enter, k.Back}, {k.Help, k.ForceQuit}},
	}
}

func (f *integerField) refuses(km tea.KeyPressMsg) bool { return noRoom(&f.input, km) }
