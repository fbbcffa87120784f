package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestCtrlZSuspends: ctrl+z asks Bubble Tea to suspend the program, on
// any screen and in a field too, when a shell can take it back (Run
// decides); otherwise it does nothing.
func TestCtrlZSuspends(t *testing.T) {
	ctrlZ := tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	for _, suspend := range []bool{true, false} {
		d := newDriver(t, Options{suspend: suspend}, 80, 24)
		d.key("enter")
		d.typeText("12")
		before := d.view()
		next, cmd := d.m.Update(ctrlZ)
		d.m = next.(Model)
		var msg tea.Msg
		if cmd != nil {
			msg = cmd()
		}
		if _, ok := msg.(tea.SuspendMsg); ok != suspend {
			t.Errorf("suspend allowed %v: ctrl+z gave %#v", suspend, msg)
		}
		if d.view() != before {
			t.Errorf("suspend allowed %v: ctrl+z changed the screen:\n%s", suspend, d.view())
		}
	}
}
