package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// field is the part of a question's screen that takes the answer, one
// type for each kind of question (as huh has Input, Select and
// MultiSelect). The question around it draws the prompt and the
// explanation, and handles Enter and esc.
type field interface {
	// update handles any other message; changed says the field must be
	// drawn again.
	update(msg tea.Msg) (cmd tea.Cmd, changed bool)
	// view draws the field w cells wide; lines [focus, focusEnd) are the
	// ones to keep in view in a short window.
	view(w int) (lines []string, focus, focusEnd int)
	// value is the answer as it stands on screen, for the live leaning;
	// ok is false while there is none.
	value() (a advisor.Answer, ok bool)
	// submit is the answer Enter gives; ok is false when there is none,
	// and the field then shows why.
	submit() (a advisor.Answer, ok bool)
	// typing says how the field takes typed keys.
	typing() typing
	// refuses reports that a key changes nothing in the field (see
	// refuser).
	refuses(km tea.KeyPressMsg) bool
	// keys are the bindings the footer shows, with enter as the question
	// labels it.
	keys(enter key.Binding) helpKeys
	// restyle takes a new palette.
	restyle()
}

// fieldKinds builds the field for each kind of question. This map is the
// one place in tui that knows the kinds: a new kind is its field's file
// and one line here.
var fieldKinds = map[advisor.Kind]func(c *common, q *advisor.Question, prev *advisor.Answer) field{
	advisor.KindInteger: newIntegerField,
	advisor.KindChoice:  newChoiceField,
	advisor.KindMulti:   newMultiField,
}

// newField builds question q's field, showing prev (nil for no answer
// yet).
func newField(c *common, q *advisor.Question, prev *advisor.Answer) field {
	return fieldKinds[q.Kind](c, q, prev)
}
