//go:build unix

package tui

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// suspender lets the program be stopped and taken back, as a terminal
// user expects: ctrl+z, or a SIGTSTP from outside (kill -TSTP), suspends
// it through Bubble Tea's own tea.Suspend, which gives the terminal back
// first (its modes, the normal screen, the cursor) and takes it again,
// the screen drawn afresh, on fg.
//
// SIGTSTP has to be caught, or it would stop the program on the spot
// with the terminal still raw. Once caught, Go never lets it stop the
// process again (after signal.Stop the runtime ignores it), so the
// SIGTSTP that Bubble Tea sends its process group to suspend arrives
// here too, and stops the program with SIGSTOP, which cannot be caught.
type suspender struct {
	sig  chan os.Signal
	done chan struct{}
	// suspending is set from Bubble Tea's SuspendMsg to its ResumeMsg.
	suspending atomic.Bool
}

// newSuspender returns nil when the program cannot be stopped and taken
// back: when its input is not a terminal, or when no job control shell
// started it. A shell with job control puts each job in a process group
// of its own; started by tmux or sh -c as their command, the program is
// in the group of its session's leader, which nobody takes back with fg.
func newSuspender(input any) *suspender {
	f, ok := input.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return nil
	}
	sid, err := unix.Getsid(0)
	if err != nil || syscall.Getpgrp() == sid {
		return nil
	}
	return &suspender{sig: make(chan os.Signal, 1), done: make(chan struct{})}
}

// start listens for SIGTSTP until stop.
func (s *suspender) start(p *tea.Program) {
	if s == nil {
		return
	}
	signal.Notify(s.sig, syscall.SIGTSTP)
	go func() {
		for {
			select {
			case <-s.sig:
				if s.suspending.Load() {
					// Bubble Tea's own, the terminal given back: stop.
					_ = syscall.Kill(os.Getpid(), syscall.SIGSTOP)
					continue
				}
				p.Send(tea.Suspend())
			case <-s.done:
				return
			}
		}
	}()
}

func (s *suspender) stop() {
	if s == nil {
		return
	}
	signal.Stop(s.sig)
	close(s.done)
}

// filter sees every message before Bubble Tea acts on it: it notes when
// a suspension starts and ends.
func (s *suspender) filter(msg tea.Msg) tea.Msg {
	if s == nil {
		return msg
	}
	switch msg.(type) {
	case tea.SuspendMsg:
		s.suspending.Store(true)
	case tea.ResumeMsg:
		s.suspending.Store(false)
	}
	return msg
}
