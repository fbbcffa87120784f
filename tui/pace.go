package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// frameInterval is the least time between two frames drawn while
// messages keep coming: Bubble Tea's renderer writes to the terminal 60
// times a second at most, so a frame drawn sooner would never be seen.
const frameInterval = time.Second / 60

// pacer draws frames no more often than the terminal is written to.
// Without bracketed paste a terminal sends a paste as one key per
// character: a megabyte is a million keys, and a frame drawn for each
// (the leaning worked out again, the results laid out again) would hold
// the program, and ctrl+c behind them, for minutes. Each key changes the
// state at once; the frame follows at most every frameInterval, and a
// redrawMsg, asked for when one is skipped, draws the last state once the
// keys stop coming. A key typed after a pause is drawn at once.
//
// A nil pacer draws a frame for every message (tests read the screen
// after each key).
type pacer struct {
	now  func() time.Time
	last time.Time // when the last frame was drawn
	// asked is set while a redrawMsg is on its way.
	asked bool
}

// redrawMsg draws the frame skipped while messages kept coming.
type redrawMsg struct{}

func newPacer(now func() time.Time) *pacer { return &pacer{now: now} }

// ready reports whether a frame may be drawn now, and if so notes it.
// Only keys ask: other messages are drawn at once.
func (p *pacer) ready() bool {
	if p == nil {
		return true
	}
	now := p.now()
	if now.Sub(p.last) < frameInterval && !now.Before(p.last) {
		return false
	}
	p.last = now
	return true
}

// later asks for a redrawMsg when the frame skipped now may be drawn,
// unless one is on its way.
func (p *pacer) later() tea.Cmd {
	if p.asked {
		return nil
	}
	p.asked = true
	wait := max(time.Millisecond, frameInterval-p.now().Sub(p.last))
	return tea.Tick(wait, func(time.Time) tea.Msg { return redrawMsg{} })
}

// redrawn notes that the redrawMsg asked for has come.
func (p *pacer) redrawn() {
	if p != nil {
		p.asked = false
	}
}
