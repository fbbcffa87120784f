package tui

import tea "charm.land/bubbletea/v2"

// The largest terminal the program draws on. Bubble Tea keeps two
// buffers of cells (about 120 bytes each) for every cell of the terminal
// it draws on, and never gives them back: a 2000x500 window cost 250 MB,
// kept after the window was made small again, and a resize storm up to
// that size 470 MB. On a larger terminal the program draws in the top
// left of it, still wider than its widest line.
const (
	maxWidth  = 480
	maxHeight = 160
)

// boundSize caps a new terminal size at the largest the program draws
// on. It sees the size before Bubble Tea sizes its buffers for it.
func boundSize(msg tea.Msg) tea.Msg {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		return tea.WindowSizeMsg{Width: min(size.Width, maxWidth), Height: min(size.Height, maxHeight)}
	}
	return msg
}
