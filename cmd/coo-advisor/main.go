// Command coo-advisor helps decide whether a company's next operations
// leader should be a Chief Operating Officer or an Operations Director.
package main

import (
	"io"
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
)

func main() {
	// NO_COLOR set to anything but the empty string turns colour off
	// (no-color.org, and the man page); the colour detection reads it as
	// a boolean, which NO_COLOR=yes is not.
	if v := os.Getenv("NO_COLOR"); v != "" {
		_ = os.Setenv("NO_COLOR", "1")
	}
	stop := watchSignals(os.Stderr)
	root, a := newRootCmd(os.Stdin, os.Stdout, os.Stderr, stop)
	// The help (help.go), the man page (man.go), the exit codes and the
	// messages are ours; cobra parses and dispatches.
	err := root.ExecuteContext(stop.ctx)
	switch {
	case err != nil:
		printError(os.Stderr, err)
	case a.quiet != nil:
		err = a.quiet
	default:
		// A report lost to a full disk or a closed pipe is a failure.
		if err = a.outputError(); err != nil {
			_, _ = io.WriteString(os.Stderr, wrapTo(errorText(err), widthOf(os.Stderr))+"\n")
		}
	}
	os.Exit(exitCode(err))
}

// errorHeader marks an error on a terminal, as fang's does (its colours).
var errorHeader = lipgloss.NewStyle().
	Foreground(lipgloss.Color("#FFFAF1")).
	Background(lipgloss.Color("#FF388B")).
	Bold(true).
	Padding(0, 1).
	Margin(1).
	MarginLeft(errorMargin).
	SetString("ERROR")

// errorMargin is the indent of an error's text under its header.
const errorMargin = 2

// printError shows an error: the same lines everywhere (file:line: key:
// message for bad input), under a coloured header on a terminal.
// Interruptions and errors already shown print nothing.
func printError(stderr *os.File, err error) {
	if err == nil || exitCode(err) == exitAborted || isSilent(err) {
		return
	}
	text := errorText(err)
	if !term.IsTerminal(stderr.Fd()) {
		_, _ = io.WriteString(stderr, text+"\n")
		return
	}
	lipgloss.EnableLegacyWindowsANSI(stderr)
	// The writer drops the colours NO_COLOR or the terminal refuses.
	w := colorprofile.NewWriter(stderr, os.Environ())
	_, _ = io.WriteString(w, errorHeader.String()+"\n")
	// Wrapped between words inside the margin: the terminal would break
	// them wherever its edge falls.
	text = wrapTo(text, widthOf(stderr)-errorMargin)
	_, _ = io.WriteString(w, lipgloss.NewStyle().MarginLeft(errorMargin).Render(text)+"\n\n")
}
