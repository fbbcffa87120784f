package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
	"github.com/coo-advisor/coo-advisor/plain"
	"github.com/coo-advisor/coo-advisor/tui"
)

// plainWanted: --plain, TERM=dumb, or ACCESSIBLE set to anything but
// the empty string (the convention huh and gh follow for screen readers)
// ask for plain line prompts.
func plainWanted(flag bool) bool {
	return flag || os.Getenv("TERM") == "dumb" || os.Getenv("ACCESSIBLE") != ""
}

// runInteractive starts the Bubble Tea program, or the plain line prompts
// when asked to, when TERM=dumb, or when standard input or output is not a
// terminal.
func (a *app) runInteractive(cmd *cobra.Command, out *outputFlags, plainFlag bool) error {
	p, err := a.prepare(out, true)
	if err != nil {
		return err
	}
	defs := p.defs
	// Standard input read for a file, by whatever name, cannot also give
	// the answers.
	if defs.NextToAsk(p.answers(), 0) >= 0 {
		for _, f := range []struct{ name, path string }{{flagAnswers, out.answers}, {flagRoles, a.rolesPath}, {flagQuestions, a.questionsPath}} {
			if !slices.Contains(a.fromStdin, f.name) {
				continue
			}
			as := ""
			if f.path != "-" {
				as = " (" + displayName(f.path) + " is standard input)"
			}
			return badInput(fmt.Errorf("%s read standard input%s, so the questions left to answer cannot be asked there; give %s as a file", f.name, as, f.name))
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	if plainWanted(plainFlag) || !isTerminal(a.stdin) || !isTerminal(a.out.w) {
		_, err := plain.Run(plain.Options{
			Defs: defs, Answers: p.answers(), Report: p.reportOptions(),
			Input: a.stdin, Output: failingOutput{a.out}, Prompts: a.stderr, Echo: !isTerminal(a.stdin),
			OnTerminal: isTerminal(a.out.w) && isTerminal(a.stderr),
			// A person at a terminal is offered to save the answers (on
			// quit, and at the end); input from a file or a pipe never.
			Interactive: isTerminal(a.stdin) && isTerminal(a.stderr),
			ExportPath:  out.output, Format: p.format, Force: out.force, Dir: dir, Protect: a.inputs(out.answers),
			SavePath: savePath(out.answers),
		})
		var ended *plain.InputEndedError
		var perr *plain.InputError
		var ierr *advisor.InputError
		var werr *plain.WriteError
		switch {
		case err == nil:
			return nil
		case errors.Is(err, plain.ErrQuit):
			a.tellf("Stopped: %s.", err.Error())
			return nil
		case errors.As(err, &werr):
			// The codes writeError gives, with plain's whole message: it
			// says where the answers typed were kept.
			if atomicfile.BadName(werr.Err) {
				return badInput(werr)
			}
			return failure(werr)
		case errors.As(err, &ended), errors.As(err, &perr), errors.As(err, &ierr):
			return badInput(err)
		}
		return failure(err)
	}
	// Answers typed at the keyboard (--answers - or /dev/stdin on a
	// terminal) are in no file: q asks before it throws them away, and
	// the save screen suggests a file of its own.
	typed := slices.Contains(a.fromStdin, flagAnswers)
	save := savePath(out.answers)
	if typed {
		save = ""
	}
	return a.runProgram(cmd, tui.Options{
		Defs: defs, Answers: p.answers(), AnswersUnsaved: typed, Report: p.reportOptions(), Input: a.stdin, Output: a.out.w,
		ExportPath: out.output, SavePath: save, Format: p.format, Dir: dir, Protect: a.inputs(out.answers),
	})
}

// runProgram runs the full-screen program, and leaves its outcome on the
// normal screen; a signal or ctrl+c gives the exit code it stands for.
func (a *app) runProgram(cmd *cobra.Command, opts tui.Options) error {
	if a.stop != nil {
		// The full-screen program owns the terminal: on a signal it is
		// stopped through the context, so that it restores the terminal.
		a.stop.interactive.Store(true)
		defer a.stop.interactive.Store(false)
		// Should a second signal end the run before the program has put
		// the terminal back, the stopper does it: its modes as they were,
		// off the alternate screen, the cursor shown, no bracketed paste
		// or keyboard enhancements left on.
		if st, err := term.GetState(os.Stdin.Fd()); err == nil {
			restore := func() {
				_ = term.Restore(os.Stdin.Fd(), st)
				_, _ = os.Stdout.WriteString("\x1b[?2004l\x1b[<u\x1b[?1049l\x1b[?25h")
			}
			a.stop.restore.Store(&restore)
			defer a.stop.restore.Store(nil)
		}
		opts.ProgramOptions = append(opts.ProgramOptions, tea.WithoutSignalHandler())
	}
	res, err := tui.Run(cmd.Context(), opts)
	if sig := a.stop.signal(); sig != nil {
		summarize(a.stdout, widthOf(a.out.w), opts.Defs, tui.Outcome{Exported: res.Exported, Saved: res.Saved})
		return a.endQuietly(&codedError{code: signalCode(sig), err: errStopped, silent: true})
	}
	if err != nil {
		return failure(fmt.Errorf("the interactive advisor stopped: %w", err))
	}
	summarize(a.stdout, widthOf(a.out.w), opts.Defs, res)
	if res.Interrupted {
		return a.endQuietly(&codedError{code: exitAborted, err: errors.New("interrupted"), silent: true})
	}
	return nil
}

// endQuietly ends the run with err's exit code but nothing more to say.
// It dates from fang, which asked the terminal for its background (raw
// mode, a query, up to two seconds) before showing any error, so that a
// signal during that wait left the terminal raw; printError asks the
// terminal nothing.
func (a *app) endQuietly(err error) error {
	a.quiet = err
	return nil
}

// summarize leaves the outcome on the normal screen once the full-screen
// program has gone, wrapped between words to width (see wrapTo).
func summarize(w io.Writer, width int, defs *advisor.Definitions, res tui.Outcome) {
	var b strings.Builder
	if res.Result != nil {
		// The confidence in words, as the results and the brief say it:
		// a percentage would read as a probability.
		_, _ = fmt.Fprintf(&b, "%s (confidence: %s).\n", defs.Headline(res.Result), defs.ResultConfidence(res.Result))
	}
	for _, p := range res.Exported {
		_, _ = fmt.Fprintf(&b, "Exported to %s\n", advisor.SafeText(p))
	}
	for _, p := range res.Saved {
		_, _ = fmt.Fprintf(&b, "Answers saved to %s (open them again with --answers)\n", advisor.SafeText(p))
	}
	_, _ = io.WriteString(w, wrapTo(b.String(), width))
}

// failingOutput is standard output as plain mode writes the brief to it:
// checked, as every command's, but a failed write is an error there and
// then, so that plain mode keeps the answers the brief did not carry.
type failingOutput struct{ c *checkedWriter }

func (f failingOutput) Write(p []byte) (int, error) {
	_, _ = f.c.Write(p) // it keeps the error rather than return it
	if f.c.err != nil {
		return 0, f.c.err
	}
	return len(p), nil
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// savePath is the name the save screen suggests: next to the answers file
// opened, never the file itself (an input is never written over).
func savePath(answers string) string {
	if answers == "" || answers == "-" {
		return ""
	}
	ext := filepath.Ext(answers)
	return strings.TrimSuffix(answers, ext) + "-saved.yaml"
}
