package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/rivo/uniseg"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// The free-text fields (a file name, the client's details) take up to
// thousands of characters, and a paste without bracketed paste types
// them one key at a time. A bubbles textinput with a width measures its
// whole value after every key (to scroll it sideways), which made each
// key cost more than the one before: 4,096 keys took seconds. So the
// fields keep no width, which makes a key cost the same however long
// the value, and fieldWindow scrolls them sideways when they are drawn.

// fieldWindow shows a text field w cells wide, scrolled sideways so that
// the cursor shows. start, the first character shown, is kept from one
// frame to the next: the text moves only when the cursor leaves the
// window, as in any text field.
type fieldWindow struct{ start int }

// view draws ti, prompt included, in at most w cells.
func (fw *fieldWindow) view(ti textinput.Model, w int) string {
	room := max(1, w-lipgloss.Width(ti.Prompt)-1) // one cell for the cursor after the text
	runes := []rune(ti.Value())
	pos := ti.Position()
	cells := func(r rune) int { return max(0, uniseg.StringWidth(string(r))) }
	under := 0 // the character under the cursor, if any, shows too
	if pos < len(runes) {
		under = cells(runes[pos])
	}
	start := max(0, min(fw.start, pos))
	used := under
	for i := start; i < pos; i++ {
		used += cells(runes[i])
	}
	for start < pos && used > room {
		used -= cells(runes[start])
		start++
	}
	// As much after the cursor as fits; when the end shows, as much
	// before the window as fits, so that the field stays full after a
	// deletion.
	end := min(len(runes), pos+1)
	for end < len(runes) && used+cells(runes[end]) <= room {
		used += cells(runes[end])
		end++
	}
	for end == len(runes) && start > 0 && used+cells(runes[start-1]) <= room {
		start--
		used += cells(runes[start])
	}
	fw.start = start
	if start == 0 && end == len(runes) {
		ti.SetWidth(room)
		return ti.View()
	}
	// The window alone, in a copy of the field: it draws the cursor and
	// the styles as the field would.
	ti.SetWidth(room)
	ti.SetValue(string(runes[start:end]))
	ti.SetCursor(pos - start)
	return ti.View()
}

// typeInto passes msg to the text field ti. changed reports whether the
// value may have changed: a key that only moves the cursor did not; any
// other key, or a paste, is taken to (telling for sure would copy the
// whole value for every key). Other messages are checked.
func typeInto(ti *textinput.Model, msg tea.Msg) (cmd tea.Cmd, changed bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		*ti, cmd = ti.Update(msg)
		k := ti.KeyMap
		return cmd, !key.Matches(msg, k.CharacterBackward, k.CharacterForward, k.WordBackward, k.WordForward, k.LineStart, k.LineEnd)
	case tea.PasteMsg:
		*ti, cmd = ti.Update(msg)
		return cmd, true
	}
	before := ti.Value()
	*ti, cmd = ti.Update(msg)
	return cmd, ti.Value() != before
}

// mayBeUnsafe reports whether msg, which changed a field, may have
// brought characters cleanField leaves out: typed or pasted text holding
// them, or a change from elsewhere. A plain key costs no look at the
// whole value.
func mayBeUnsafe(msg tea.Msg) bool {
	var text string
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		text = msg.Text
	case tea.PasteMsg:
		text = msg.Content
	default:
		return true
	}
	return slices.ContainsFunc([]rune(text), advisor.UnsafeForTerminal)
}
