package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// maxLine bounds one typed answer; anything longer is not an answer.
const maxLine = 64 << 10

// maxRejected is how many unacceptable answers in a row plain mode takes
// from a file or a pipe before it stops.
const maxRejected = 3

// maxIdle is how many lines of input from a file or a pipe plain mode
// reads without reaching a question it had not reached before, beyond
// two for each question asked (going back over all and answering again).
const maxIdle = 20

// InputEndedError reports that plain-mode input ended before every
// question was answered.
type InputEndedError struct {
	Index int    // 0-based question index
	ID    string // question id
	Total int
}

func (e *InputEndedError) Error() string {
	return fmt.Sprintf("input ended before question %d of %d (%s) was answered; give one answer per line", e.Index+1, e.Total, e.ID)
}

// PlainError is a problem with plain-mode input or output options that the
// user can fix (a line too long, an export file that exists).
type PlainError struct{ Msg string }

func (e *PlainError) Error() string { return e.Msg }

// RunPlain asks the questions as plain line prompts, with no cursor
// movement and no escape codes, for screen readers, pipes and dumb
// terminals; then prints the report (or writes it to ExportPath). With
// Answers set it prints the report straight away.
func RunPlain(o Options) (Outcome, error) {
	out := o.Output
	d := o.Defs
	path := o.ExportPath
	if path != "" && !filepath.IsAbs(path) && o.Dir != "" {
		path = filepath.Join(o.Dir, path)
	}
	if path != "" {
		// Before the first question: nine answers must not be lost to a
		// file name that cannot be used.
		if err := atomicfile.Check(path, o.writeOptions()); err != nil {
			return Outcome{}, plainWriteError(err)
		}
	}
	answers := o.Answers
	if Missing(d, answers) {
		prompts := o.Prompts
		if prompts == nil {
			prompts = out
		}
		var err error
		answers, err = askPlain(d, o.Input, prompts, o.Echo, answers)
		if err != nil {
			return Outcome{}, err
		}
		if path == "" && o.Prompts != nil && o.OnTerminal {
			// On a terminal the brief follows the prompts: set it apart,
			// and say what it is, for a screen reader. (A note lost on
			// the way loses nothing.)
			_, _ = fmt.Fprint(o.Prompts, "\nEvery question is answered; the brief follows.\n\n")
		}
	}
	res, err := d.Recommend(answers)
	if err != nil {
		return Outcome{}, err
	}
	format := o.Format
	if format == "" {
		format = advisor.FormatText
	}
	report, err := d.Report(res, format, o.Report)
	if err != nil {
		return Outcome{Result: res}, err
	}
	if path == "" {
		if o.Answers == nil && o.Prompts == nil {
			if _, err := fmt.Fprintln(out); err != nil {
				return Outcome{Result: res}, fmt.Errorf("writing the report: %w", err)
			}
		}
		if _, err := out.Write(report); err != nil {
			return Outcome{Result: res}, fmt.Errorf("writing the report: %w", err)
		}
		return Outcome{Result: res}, nil
	}
	if err := atomicfile.Write(path, report, o.writeOptions()); err != nil {
		return Outcome{Result: res}, plainWriteError(err)
	}
	abs, _ := filepath.Abs(path)
	// The report is written: a note that cannot be shown loses nothing.
	_, _ = fmt.Fprintf(out, "%s\nThe report was written to %s\n", d.Headline(res)+".", advisor.SafeText(abs))
	return Outcome{Result: res, Exported: []string{abs}}, nil
}

func plainWriteError(err error) error { return &WriteError{Err: err} }

// writeOptions are the rules plain mode writes its report by.
func (o Options) writeOptions() atomicfile.Options {
	w := o.Protect
	w.Overwrite = o.Force
	return w
}

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

// Missing reports whether some question without a default has no
// answer: the interactive modes would ask it.
func Missing(d *advisor.Definitions, a advisor.Answers) bool {
	if a == nil {
		return true
	}
	for _, q := range d.Questions {
		if _, ok := a[q.ID]; !ok && q.Required() {
			return true
		}
	}
	return false
}

// ErrQuit reports that the user typed quit in plain mode: a deliberate
// stop, not an error.
var ErrQuit = errors.New("nothing was written")

// askPlain asks the questions as line prompts. Given answers (a partial
// answers file) it asks only what they leave without an answer or a
// default. Besides answers, it understands back (the previous question),
// help or ? (how to answer) and quit.
func askPlain(d *advisor.Definitions, in io.Reader, w io.Writer, echo bool, given advisor.Answers) (advisor.Answers, error) {
	out := &printer{w: w}
	if in == nil {
		in = strings.NewReader("")
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 4096), maxLine)
	n := len(d.Questions)
	answers := given.Clone()
	var ask []int // the questions to ask, by index
	for i, q := range d.Questions {
		if _, ok := given[q.ID]; given == nil || (!ok && q.Required()) {
			ask = append(ask, i)
		}
	}
	if given == nil {
		out.printf("COO Advisor: %d questions, about %d minutes. Your answers stay on this computer.\n", n, max(2, (n+1)/2))
	} else {
		out.printf("COO Advisor: %d of %d questions are answered; %d to go. Your answers stay on this computer.\n", n-len(ask), n, len(ask))
	}
	out.println("Answer with the number shown, or the answer in words. Where several answers are allowed, separate the numbers with commas; an empty line means none.")
	out.println("Type back for the previous question, help (or ?) for help, quit to stop.")
	// Input from a file or a pipe that goes round in circles (help, back,
	// back again) never ends either: give up after maxIdle lines that
	// reach no question further than before.
	// A transcript may go back over every question and answer it again.
	furthest, idle, idleLimit := 0, 0, maxIdle+2*len(ask)
	previous := advisor.Answers{} // answers taken back with back
	for k := 0; k < len(ask); {
		i := ask[k]
		q := &d.Questions[i]
		printPlainQuestion(d, out, q, i)
		if before, ok := previous[q.ID]; ok {
			// Back again: say what was answered, so it can be kept.
			out.printf("Your answer was: %s. Type it again, or another.\n", q.Describe(before))
			delete(previous, q.ID)
		}
		rejected := 0
		moved := false
		for !moved {
			if echo {
				// Checked before a line is read, so that the line that
				// would move on is always taken.
				if k > furthest {
					furthest, idle = k, 0
				}
				if idle >= idleLimit {
					return nil, &PlainError{Msg: fmt.Sprintf("question %d of %d (%s): %d lines of input in a row reached no new question (help, back or answers not accepted); give one answer per line", i+1, n, q.ID, idle)}
				}
			}
			out.print("> ")
			if out.err != nil {
				return nil, fmt.Errorf("writing the questions: %w", out.err)
			}
			if !sc.Scan() {
				out.println()
				if sc.Err() == nil && defaultsFor(d, ask[k:], answers) {
					// Input written for the questions without defaults
					// (the nine of the contract) ends here: the rest keep
					// their defaults.
					return answers, nil
				}
				if err := sc.Err(); err != nil {
					if errors.Is(err, bufio.ErrTooLong) {
						return nil, &PlainError{Msg: fmt.Sprintf("question %d (%s): the answer line is longer than %d KiB", i+1, q.ID, maxLine>>10)}
					}
					return nil, &PlainError{Msg: fmt.Sprintf("question %d (%s): cannot read input: %v", i+1, q.ID, err)}
				}
				return nil, &InputEndedError{Index: i, ID: q.ID, Total: n}
			}
			line := strings.TrimRight(sc.Text(), "\r")
			line = strings.TrimPrefix(line, "\ufeff") // a byte order mark from a Windows editor
			if echo {
				// Input from a file or a pipe is not shown by a terminal:
				// write it after its prompt, so the transcript reads right.
				out.println(advisor.SafeText(line))
				idle++
			}
			switch strings.ToLower(strings.TrimSpace(line)) {
			case "back":
				if k == 0 {
					out.println("This is the first question.")
					continue
				}
				k--
				id := d.Questions[ask[k]].ID
				previous[id] = answers[id]
				delete(answers, id)
				moved = true
				continue
			case "help", "?":
				printPlainHelp(out, q)
				continue
			case "quit", "exit":
				return nil, ErrQuit
			}
			if strings.TrimSpace(line) == "" && q.Default != nil {
				answers[q.ID] = *q.Default
				out.printf("Recorded: %s\n", q.Describe(*q.Default))
				k++
				moved = true
				continue
			}
			a, err := q.ParseInput(line)
			if err != nil {
				out.printf("Not accepted: %s.\n", strings.TrimSuffix(err.Error(), "."))
				// Input from a file or a pipe will not get better by asking
				// again (think of `yes | coo-advisor`): after a few tries,
				// stop and say which question it was.
				if rejected++; echo && rejected >= maxRejected {
					return nil, &PlainError{Msg: fmt.Sprintf("question %d of %d (%s): %d answers in a row were not accepted; the last: %s", i+1, n, q.ID, rejected, err)}
				}
				continue
			}
			answers[q.ID] = a
			out.printf("Recorded: %s\n", q.Describe(a))
			k++
			moved = true
		}
	}
	return answers, nil
}

// printPlainQuestion asks question q (index i) with its allowed answers.
func printPlainQuestion(d *advisor.Definitions, out *printer, q *advisor.Question, i int) {
	f, _ := d.Factor(q.Factor)
	factor := q.Factor
	if f != nil {
		factor = f.Title
	}
	out.printf("\nQuestion %d of %d, %s: %s\n", i+1, len(d.Questions), factor, q.Prompt)
	out.printf("Why we ask: %s\n", q.Why)
	if q.Help != "" {
		out.println(q.Help)
	}
	switch q.Kind {
	case advisor.KindInteger:
		out.printf("Answer with %s.\n", q.Allowed())
	case advisor.KindChoice, advisor.KindMulti:
		// The labels only: a screen reader reads every word, and the
		// numbers, the labels and the ids are all taken as answers.
		for j, o := range q.Options {
			out.printf("  %d. %s\n", j+1, o.Label)
		}
		if q.Kind == advisor.KindChoice {
			out.println("Answer with one number.")
		} else {
			out.printf("Answer with numbers separated by commas, or an empty line for none (%s).\n", q.None.Label)
		}
	}
	if q.Default != nil {
		out.printf("An empty line keeps the default: %s.\n", q.Describe(*q.Default))
	}
}

// printPlainHelp explains how to answer question q, and the commands.
func printPlainHelp(out *printer, q *advisor.Question) {
	out.printf("Help: %s\n", q.Prompt)
	if q.Help != "" {
		out.println(q.Help)
	}
	if q.Detail != "" {
		out.println(q.Detail)
	}
	out.printf("Allowed: %s. The labels shown are accepted too, in any case", q.Allowed())
	if q.Kind != advisor.KindInteger {
		out.print(", and so are the numbers in front of them")
	}
	out.println(".")
	out.println("Commands: back (the previous question), help or ? (this help), quit (stop; nothing is written). To answer with a value called back, help or quit, type its number.")
}

// defaultsFor answers the questions at the given indexes with their
// defaults, and reports whether they all had one.
func defaultsFor(d *advisor.Definitions, idx []int, answers advisor.Answers) bool {
	for _, i := range idx {
		if d.Questions[i].Default == nil {
			return false
		}
	}
	for _, i := range idx {
		answers[d.Questions[i].ID] = *d.Questions[i].Default
	}
	return true
}

// printer writes plain mode's prompts and keeps the first write error:
// the questions check it once they have an answer to read, so that a
// closed or full stream stops the session instead of asking blind.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) println(args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintln(p.w, args...)
	}
}

func (p *printer) print(args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprint(p.w, args...)
	}
}
