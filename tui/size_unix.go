//go:build unix

package tui

import (
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// sizer tells Bubble Tea the terminal's size, bounded (see maxWidth),
// where Bubble Tea would ask the terminal itself: at the start, on
// SIGWINCH and on resuming. Bubble Tea sizes its buffers for the
// terminal before the first message can be bounded, so it is not told
// that its output is a terminal.
type sizer struct {
	f    *os.File
	sig  chan os.Signal
	done chan struct{}
}

// newSizer returns nil when out is not a terminal.
func newSizer(out io.Writer) *sizer {
	f, ok := out.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return nil
	}
	return &sizer{f: f, sig: make(chan os.Signal, 1), done: make(chan struct{})}
}

// output is the terminal, as a plain writer.
func (s *sizer) output() io.Writer { return struct{ io.Writer }{s.f} }

// size is the terminal's size, bounded; 80x24 when it cannot be read.
func (s *sizer) size() tea.WindowSizeMsg {
	w, h, err := term.GetSize(s.f.Fd())
	if err != nil || w <= 0 || h <= 0 {
		w, h = 80, 24
	}
	return boundSize(tea.WindowSizeMsg{Width: w, Height: h}).(tea.WindowSizeMsg)
}

// start sends the size on every SIGWINCH, until stop.
func (s *sizer) start(p *tea.Program) {
	if s == nil {
		return
	}
	signal.Notify(s.sig, syscall.SIGWINCH)
	go func() {
		for {
			select {
			case <-s.sig:
				p.Send(s.size())
			case <-s.done:
				return
			}
		}
	}()
}

func (s *sizer) stop() {
	if s == nil {
		return
	}
	signal.Stop(s.sig)
	close(s.done)
}

// resumed sends the size again: the terminal may have been resized while
// the program was stopped, and its SIGWINCH went to the shell.
func (s *sizer) resumed() {
	if s == nil {
		return
	}
	select {
	case s.sig <- syscall.SIGWINCH:
	default: // one is on its way
	}
}
