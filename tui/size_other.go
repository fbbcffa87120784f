//go:build !unix

package tui

import (
	"io"

	tea "charm.land/bubbletea/v2"
)

// sizer: on Windows Bubble Tea needs the console itself (it turns on its
// escape sequences), so it sizes its buffers for it; the sizes it reads
// later are bounded all the same.
type sizer struct{}

func newSizer(io.Writer) *sizer          { return nil }
func (s *sizer) output() io.Writer       { return nil }
func (s *sizer) size() tea.WindowSizeMsg { return tea.WindowSizeMsg{} }
func (s *sizer) start(*tea.Program)      {}
func (s *sizer) stop()                   {}
func (s *sizer) resumed()                {}
