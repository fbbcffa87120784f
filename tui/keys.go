package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap holds every binding. Screens enable the ones that apply and the
// footer shows the enabled ones (bubbles/help skips disabled bindings).
type keyMap struct {
	Up, Down       key.Binding
	PageUp, PageDn key.Binding
	Top, Bottom    key.Binding
	Toggle         key.Binding
	Pick           key.Binding
	Enter          key.Binding
	Back           key.Binding
	NextFormat     key.Binding
	Compare        key.Binding
	AllRoles       key.Binding
	Why            key.Binding
	Save           key.Binding
	Details        key.Binding
	Team           key.Binding
	Answers        key.Binding
	Export         key.Binding
	Restart        key.Binding
	Results        key.Binding
	Help           key.Binding
	Quit           key.Binding
	ForceQuit      key.Binding
	Suspend        key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:     key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDn:     key.NewBinding(key.WithKeys("pgdown", "f", "space"), key.WithHelp("pgdn", "page down")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home", "top")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", "bottom")),
		Toggle:     key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "toggle")),
		Pick:       key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1-9,0", "pick")),
		Enter:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Back:       key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "back")),
		NextFormat: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "format")),
		Compare:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "compare roles")),
		AllRoles:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "all roles")),
		Why:        key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "why each point")),
		Save:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "save answers")),
		Details:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "client details")),
		Team:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "the team: agenda, answers, disagreements")),
		Answers:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "edit answers")),
		Export:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export")),
		Restart:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "start over")),
		Results:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "results")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),
		Suspend:    key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
	}
}

// moveCursor moves a list cursor over n items for the up, down, top and
// bottom keys (up from the first wraps to the last); moved is false for
// any other key.
func (k keyMap) moveCursor(km tea.KeyPressMsg, cursor, n int) (next int, moved bool) {
	msg := nameOf(km)
	switch {
	case key.Matches(msg, k.Up):
		return (cursor - 1 + n) % n, true
	case key.Matches(msg, k.Down):
		return (cursor + 1) % n, true
	case key.Matches(msg, k.Top):
		return 0, true
	case key.Matches(msg, k.Bottom):
		return n - 1, true
	}
	return cursor, false
}

// named is a key by the name key.Matches reads. A key without text, such
// as tab or an arrow, is named anew (and allocates) each time it is
// asked its name: where one key is matched against many bindings, it is
// named once.
type named string

func (n named) String() string { return string(n) }

func nameOf(km tea.KeyPressMsg) named { return named(km.String()) }

// helpKeys adapts a screen's bindings to help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
