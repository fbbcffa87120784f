package main

import (
	"errors"
	"strings"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1   // something went wrong that is not the user's input
	exitUsage   = 2   // bad flags, arguments or input files
	exitAborted = 130 // the user quit with ctrl+c
)

// codedError carries an exit code. Errors without one come from flag and
// argument parsing, which is bad usage.
type codedError struct {
	code   int
	err    error
	silent bool // already reported to the user
}

func (e *codedError) Error() string { return e.err.Error() }
func (e *codedError) Unwrap() error { return e.err }

func failure(err error) error { return &codedError{code: exitFailure, err: err} }
func badInput(err error) error {
	return &codedError{code: exitUsage, err: err}
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ce *codedError
	if errors.As(err, &ce) {
		return ce.code
	}
	return exitUsage
}

func isSilent(err error) bool {
	var ce *codedError
	return errors.As(err, &ce) && ce.silent
}

// errorText is what the user sees: input problems one per line, as
// file:line: key: message; anything else prefixed with the program name.
func errorText(err error) string {
	var ie *advisor.InputError
	if errors.As(err, &ie) {
		return ie.Error()
	}
	// Cobra's messages repeat what was typed (an unknown flag): never let
	// it act on the terminal.
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = advisor.SafeText(l)
	}
	msg := strings.Join(lines, "\n")
	var ce *codedError
	if !errors.As(err, &ce) {
		// Cobra's own messages (unknown flag, unknown command...).
		msg += "\nRun 'coo-advisor --help' for usage."
	}
	return "coo-advisor: " + strings.TrimPrefix(msg, "coo-advisor: ")
}
