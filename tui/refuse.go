package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// Screens and fields refuse, before doing any work, the keys that change
// nothing: text for a field that is full, a letter the screen has no use
// for (component.refuses). Without bracketed paste a terminal sends a
// paste as one key per character, and a megabyte of them must not cost a
// megabyte of updates and frames: the root drops such a key without
// passing it on or drawing the frame again, and Run drops it before it
// reaches Update at all (Model.drops).

// noRoom reports whether km is text that the focused field ti has no
// room for, and so drops: the cursor is at the limit, as it is once a
// paste has filled the field. (With the cursor further back, the field
// drops the text itself, which costs a little more: telling that it is
// full would copy the whole value for every key.)
func noRoom(ti *textinput.Model, km tea.KeyPressMsg) bool {
	const commands = tea.ModCtrl | tea.ModAlt | tea.ModMeta | tea.ModSuper | tea.ModHyper
	if km.Text == "" || km.Mod&commands != 0 || ti.CharLimit <= 0 || !ti.Focused() {
		return false
	}
	return ti.Position() >= ti.CharLimit
}

// keySet holds the keys of some bindings: a screen that acts on those
// keys only tells at once, and without allocating, that another key
// changes nothing.
type keySet map[string]bool

func keysOf(bindings ...key.Binding) keySet {
	s := keySet{}
	for _, b := range bindings {
		for _, k := range b.Keys() {
			s[k] = true
		}
	}
	return s
}

// lacks reports whether km is none of the set's keys.
func (s keySet) lacks(km tea.KeyPressMsg) bool { return !s[km.String()] }

// scrollKeys are the keys a scroller acts on (see scroller.handleKey).
func (k keyMap) scrollKeys() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDn, k.Top, k.Bottom}
}
