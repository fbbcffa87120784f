package plain

import (
	"errors"
	"fmt"

	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// ErrQuit reports that the user typed quit: a deliberate stop, not an
// error.
var ErrQuit = errors.New("nothing was written")

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

// WriteError reports that the report could not be written to the output
// file; Err is the atomicfile error, which says whether the name or the
// write was at fault.
type WriteError struct{ Err error }

func (e *WriteError) Error() string {
	if errors.Is(e.Err, atomicfile.ErrExists) {
		return e.Err.Error() + "; add --force to replace it"
	}
	return e.Err.Error()
}

func (e *WriteError) Unwrap() error { return e.Err }
