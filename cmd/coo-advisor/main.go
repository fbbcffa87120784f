// Command coo-advisor helps decide whether a company's next operations
// leader should be a Chief Operating Officer or an Operations Director.
package main

import (
	"io"
	"os"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
)

func main() {
	stop := watchSignals(os.Stderr)
	root, a := newRootCmd(os.Stdin, os.Stdout, os.Stderr, stop)
	// fang styles the help and the errors; the man page (the hidden
	// "man" command), the exit codes and the messages stay ours.
	err := fang.Execute(stop.ctx, root,
		fang.WithVersion(programVersion()),
		fang.WithoutManpage(), // ours writes through the checked stdout
		fang.WithErrorHandler(printError),
	)
	if err == nil && a.quiet != nil {
		err = a.quiet
	} else if err == nil {
		// A report lost to a full disk or a closed pipe is a failure.
		if err = a.outputError(); err != nil {
			_, _ = io.WriteString(os.Stderr, errorText(err)+"\n")
		}
	}
	os.Exit(exitCode(err))
}

// printError shows an error: the same lines everywhere (file:line: key:
// message for bad input), under fang's error header on a terminal.
// Interruptions and errors already shown print nothing.
func printError(w io.Writer, styles fang.Styles, err error) {
	if err == nil || exitCode(err) == exitAborted || isSilent(err) {
		return
	}
	text := errorText(err)
	// fang hands over stderr wrapped for colour: ask stderr itself.
	if term.IsTerminal(os.Stderr.Fd()) {
		_, _ = io.WriteString(w, styles.ErrorHeader.String()+"\n")
		_, _ = io.WriteString(w, lipgloss.NewStyle().MarginLeft(2).Render(text)+"\n\n")
		return
	}
	_, _ = io.WriteString(w, text+"\n")
}
