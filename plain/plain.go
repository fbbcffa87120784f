// Package plain is coo-advisor's line-prompt mode, for screen readers,
// pipes and dumb terminals: each question is printed as plain text and
// answered on a line, with no cursor movement and no escape codes; then
// the report is printed or written. It uses no Bubble Tea: every number
// and every word about an answer comes from the advisor package.
package plain

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// Options configure a session.
type Options struct {
	Defs *advisor.Definitions
	// Answers, when set, are given (a partial answers file): only the
	// questions they leave without an answer or a default are asked, and
	// none at all when they answer everything.
	Answers advisor.Answers

	Input io.Reader
	// Output receives the report, or the note saying where it was
	// written.
	Output io.Writer
	// Prompts receives the questions, so that Output carries the report
	// alone (a pipe to a file or to jq gets clean JSON); nil sends them to
	// Output.
	Prompts io.Writer
	// OnTerminal says the report goes to the terminal the prompts are on:
	// it is then set apart from them and announced.
	OnTerminal bool
	// Echo writes each line read after its prompt, for input that no
	// terminal shows (a file or a pipe).
	Echo bool

	// ExportPath, when set, is where the report is written instead of
	// Output; relative to Dir.
	ExportPath string
	Format     advisor.Format
	Force      bool   // replace ExportPath if it exists
	Dir        string // where a relative ExportPath goes
	// Protect names the run's input files (answers, definitions): the
	// report never writes over them. Its Overwrite is not used.
	Protect atomicfile.Options

	// Report is what the report carries beyond the result: the
	// engagement (client, preparer, date) and the program's version.
	Report advisor.ReportOptions
}

// Outcome is how a session ended.
type Outcome struct {
	Result   *advisor.Result
	Exported []string // the report written, when ExportPath was set
}

// Run asks the questions as plain line prompts, then prints the report
// (or writes it to ExportPath). With every question answered in Answers
// it prints the report straight away.
func Run(o Options) (Outcome, error) {
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
			return Outcome{}, &WriteError{Err: err}
		}
	}
	answers := o.Answers
	if d.NextToAsk(answers, 0) >= 0 {
		prompts := o.Prompts
		if prompts == nil {
			prompts = out
		}
		var err error
		answers, err = ask(d, o.Input, prompts, o.Echo, answers)
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
		return Outcome{Result: res}, &WriteError{Err: err}
	}
	abs, _ := filepath.Abs(path)
	// The report is written: a note that cannot be shown loses nothing.
	_, _ = fmt.Fprintf(out, "%s\nThe report was written to %s\n", d.Headline(res)+".", advisor.SafeText(abs))
	return Outcome{Result: res, Exported: []string{abs}}, nil
}

// writeOptions are the rules the report is written by.
func (o Options) writeOptions() atomicfile.Options {
	w := o.Protect
	w.Overwrite = o.Force
	return w
}
