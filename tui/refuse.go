package tui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// refuser is a screen, or a field, that can tell before doing any work
// that a key changes nothing: text for a field that is full. Without
// bracketed paste a terminal sends a paste as one key per character, and
// a megabyte of them must not cost a megabyte of updates and frames: the
// root drops such a key without passing it on or drawing the frame
// again.
type refuser interface {
	refuses(km tea.KeyPressMsg) bool
}

// noRoom reports whether km is text that the focused field ti has no
// room for, and so drops. It does not copy the field's value while the
// cursor is at the limit (the usual case once a paste has filled it).
func noRoom(ti *textinput.Model, km tea.KeyPressMsg) bool {
	const commands = tea.ModCtrl | tea.ModAlt | tea.ModMeta | tea.ModSuper | tea.ModHyper
	if km.Text == "" || km.Mod&commands != 0 || ti.CharLimit <= 0 || !ti.Focused() {
		return false
	}
	return ti.Position() >= ti.CharLimit || utf8.RuneCountInString(ti.Value()) >= ti.CharLimit
}
