package plain

import (
	"errors"
	"fmt"
	"strings"

	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// ErrQuit reports that the user typed quit: a deliberate stop, not an
// error. The error returned may say more (what was saved, or not); it
// matches ErrQuit with errors.Is.
var ErrQuit = errors.New("nothing was written")

// quitError is a quit that says more than ErrQuit: how many typed
// answers were not saved, or where they were.
type quitError struct{ msg string }

func (e *quitError) Error() string        { return e.msg }
func (e *quitError) Is(target error) bool { return target == ErrQuit }

// InputEndedError reports that the input ended before every question was
// answered.
type InputEndedError struct {
	Index int    // 0-based question index
	ID    string // question id
	Total int
}

func (e *InputEndedError) Error() string {
	return fmt.Sprintf("input ended before question %d of %d (%s) was answered; give one answer per line", e.Index+1, e.Total, e.ID)
}

// InputError is a problem with the input that the user can fix: a line
// too long, answers refused again and again, input going round in
// circles.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// WriteError reports that the report could not be written; Err is the
// atomicfile error, which says whether the name or the write was at
// fault. Answers typed before it are not lost with the report: Kept names
// the private answers file they were written to instead, or Printed says
// they went to the report's output, or KeepErr says why neither worked.
type WriteError struct {
	Err     error
	Kept    string
	Printed bool
	KeepErr error
}

func (e *WriteError) Error() string {
	msg := e.Err.Error()
	if errors.Is(e.Err, atomicfile.ErrExists) {
		msg += "; add --force to replace it"
	}
	switch {
	// Short lines: the path stands alone, to copy.
	case e.Kept != "":
		msg += "\nYour answers are kept in a file only you can read:\n  " + shellQuote(e.Kept) + "\n" + again(shellQuote(e.Kept))
	case e.Printed:
		msg += "\nYour answers are printed on standard output, as an answers file:\nsave them to a file. " + again("FILE")
	case e.KeepErr != nil:
		msg += fmt.Sprintf("\nYour answers could not be kept either: %v", e.KeepErr)
	}
	return msg
}

// again says how the answers kept in file (quoted for the shell) give
// the brief: a command to copy.
func again(file string) string {
	return "Write the brief from them with: coo-advisor --answers " + file + " --output NAME"
}

func (e *WriteError) Unwrap() error { return e.Err }

// shellQuote quotes a path for a command line to copy, when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+,:@=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
