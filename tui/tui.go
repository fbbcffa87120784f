// Package tui is the interactive coo-advisor: a Bubble Tea program that
// walks the user from a welcome screen through the questions to the
// results, the side-by-side comparison of the roles and the export. (The
// line-prompt mode for screen readers, pipes and dumb terminals is package
// plain.) Every number it shows comes from the advisor package.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// Options configure a session.
type Options struct {
	Defs    *advisor.Definitions
	Answers advisor.Answers // when set, open straight at the results
	// AnswersUnsaved says that no file holds Answers (they were typed at
	// the keyboard): q asks before it throws them away, as it does for
	// answers given on screen.
	AnswersUnsaved bool
	// Team, when set, makes the session a leadership team's: it opens at
	// the team's results (whose answers are the team's, not edited here),
	// with a screen for the team: its agenda, its answers side by side and
	// where it disagrees.
	Team *advisor.TeamResult

	Input  io.Reader
	Output io.Writer

	// ExportPath pre-fills the export screen; empty means
	// DefaultExportName in Dir.
	ExportPath string
	Format     advisor.Format
	// SavePath pre-fills the save screen; empty means DefaultSaveName.
	SavePath string
	Dir      string // where relative export paths go
	// Protect names the run's input files (answers, definitions): no
	// export ever writes over them. Its Overwrite is not used.
	Protect atomicfile.Options

	// Report is what every report carries beyond the result: the
	// engagement (client, preparer, date) and the program's version.
	Report advisor.ReportOptions

	// ProgramOptions are passed to Bubble Tea (tests fix the size and the
	// colour profile with them).
	ProgramOptions []tea.ProgramOption

	// suspend lets ctrl+z suspend the program; Run sets it when it can be
	// stopped and taken back (see suspender).
	suspend bool
	// pace, when set, draws frames no more often than the terminal shows
	// them (see pacer); Run sets it, with clock (time.Now unless a test
	// stops time).
	pace  *pacer
	clock func() time.Time
}

// Outcome is how a session ended.
type Outcome struct {
	Result      *advisor.Result // nil if the user left before the results
	Exported    []string        // reports written
	Saved       []string        // answers files written
	Interrupted bool            // ctrl+c before anything was exported or saved
}

// Run runs the interactive program until the user quits.
func Run(ctx context.Context, o Options) (Outcome, error) {
	p, stop := newProgram(ctx, o)
	defer stop()
	final, err := p.Run()
	m, _ := final.(Model)
	out := Outcome{Result: m.Result(), Exported: m.exported, Saved: m.saved, Interrupted: m.interrupted}
	if errors.Is(err, tea.ErrInterrupted) {
		out.Interrupted = len(out.Exported)+len(out.Saved) == 0
		return out, nil
	}
	if err != nil {
		return out, fmt.Errorf("the program stopped: %w", err)
	}
	return out, nil
}

// newProgram builds the Bubble Tea program for a session, with what a
// terminal adds: ctrl+z and SIGTSTP suspend it (see suspender), and the
// size it draws at is bounded (see maxWidth). stop ends the watching of
// signals, once the program has ended.
func newProgram(ctx context.Context, o Options) (p *tea.Program, stop func()) {
	var opts []tea.ProgramOption
	out := o.Output
	z := newSizer(o.Output)
	if z != nil {
		// Bubble Tea is not told that the output is a terminal (see
		// sizer): it is told its size and the colours it takes. A
		// profile in o.ProgramOptions comes later, and wins.
		size := z.size()
		opts = append(opts, tea.WithWindowSize(size.Width, size.Height), tea.WithColorProfile(colorprofile.Detect(o.Output, os.Environ())))
		out = z.output()
	}
	opts = append(opts, tea.WithContext(ctx))
	opts = append(opts, o.ProgramOptions...)
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	if out != nil {
		opts = append(opts, tea.WithOutput(out))
	}
	s := newSuspender(o.Input)
	o.suspend = s != nil
	if o.clock == nil {
		o.clock = time.Now
	}
	o.pace = newPacer(o.clock)
	opts = append(opts, tea.WithFilter(func(model tea.Model, msg tea.Msg) tea.Msg {
		if m, ok := model.(Model); ok && m.drops(msg) {
			// Before Update, and so before any work: see Drops.
			return nil
		}
		if _, ok := msg.(tea.ResumeMsg); ok {
			z.resumed()
		}
		return boundSize(s.filter(msg))
	}))
	p = tea.NewProgram(New(o), opts...)
	s.start(p)
	z.start(p)
	return p, func() { s.stop(); z.stop() }
}
