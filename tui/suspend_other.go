//go:build !unix

package tui

import tea "charm.land/bubbletea/v2"

// suspender: only Unix stops and continues processes (SIGTSTP, fg).
type suspender struct{}

func newSuspender(any) *suspender               { return nil }
func (s *suspender) start(*tea.Program)         {}
func (s *suspender) stop()                      {}
func (s *suspender) filter(msg tea.Msg) tea.Msg { return msg }
