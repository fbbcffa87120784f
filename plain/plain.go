// Package plain is coo-advisor's line-prompt mode, for screen readers,
// pipes and dumb terminals: each question is printed as plain text and
// answered on a line, with no cursor movement and no escape codes; then
// the report is printed or written. It uses no Bubble Tea: every number
// and every word about an answer comes from the advisor package.
package plain

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	// Interactive says a person types the answers at a terminal and reads
	// Prompts there: quit then offers to save the answers first, and the
	// end points to -o and offers to save them. Without Prompts it is not
	// used: nothing but the report goes to Output.
	Interactive bool

	// ExportPath, when set, is where the report is written instead of
	// Output; relative to Dir.
	ExportPath string
	Format     advisor.Format
	Force      bool   // replace ExportPath if it exists
	Dir        string // where a relative ExportPath goes
	// Protect names the run's input files (answers, definitions): the
	// report never writes over them, nor do saved answers. Its Overwrite
	// is not used.
	Protect atomicfile.Options
	// SavePath is the name saving the answers suggests; empty means
	// DefaultSaveName. Relative to Dir.
	SavePath string
	// KeepDir is where the answers are kept when the report cannot be
	// written at the end; empty means the user's cache directory, else
	// the system's temporary directory. Tests set it.
	KeepDir string

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
	d := o.Defs
	path := o.ExportPath
	if path != "" && !filepath.IsAbs(path) && o.Dir != "" {
		path = filepath.Join(o.Dir, path)
	}
	if path != "" {
		// Before the first question: nine answers must not be lost to a
		// file name that cannot be used.
		if err := checkOutput(path, o.writeOptions()); err != nil {
			return Outcome{}, &WriteError{Err: err}
		}
	}
	answers := o.Answers
	var s *session
	if d.NextToAsk(answers, 0) >= 0 {
		prompts := o.Prompts
		if prompts == nil {
			prompts = o.Output
		}
		s = newSession(&o, prompts)
		var err error
		if answers, err = s.run(); err != nil {
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
	ro := o.Report
	if path != "" {
		ro.Width = 0 // a file is for an email client to flow
	}
	report, err := d.Report(res, format, ro)
	if err != nil {
		return Outcome{Result: res}, err
	}
	out := &printer{w: o.Output}
	if path == "" {
		if o.Answers == nil && o.Prompts == nil {
			out.println()
		}
		if out.print(string(report)); out.err != nil {
			// Standard output is gone (a full disk behind it): the
			// answers are kept in a file.
			werr := &WriteError{Err: fmt.Errorf("cannot write the brief to standard output: %w", unwrapPath(out.err))}
			return Outcome{Result: res}, o.rescue(s, werr, nil)
		}
		s.finish(o.OnTerminal)
		return Outcome{Result: res}, nil
	}
	if err := atomicfile.Write(path, report, o.writeOptions()); err != nil {
		return Outcome{Result: res}, o.rescue(s, &WriteError{Err: err}, out)
	}
	abs, _ := filepath.Abs(path)
	// The report is written: a note that cannot be shown loses nothing.
	_, _ = fmt.Fprintf(o.Output, "%s\nThe report was written to %s\n", d.Headline(res)+".", advisor.SafeText(abs))
	s.finish(false)
	return Outcome{Result: res, Exported: []string{abs}}, nil
}

// rescue keeps the answers typed in session s, if any, when the report
// could not be written, and returns werr saying where they are.
func (o Options) rescue(s *session, werr *WriteError, out *printer) error {
	if s != nil {
		rescue(werr, o.Defs, s.kept(), o.Report.Engagement, o.KeepDir, out)
	}
	return werr
}

// unwrapPath drops the file name of a *PathError: "write /dev/stdout"
// says nothing more than "standard output".
func unwrapPath(err error) error {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkOutput refuses, before the first question, an output that cannot
// be written: a name the write would refuse, or a directory in which no
// file can be created (another user's, a read-only file system).
func checkOutput(path string, w atomicfile.Options) error {
	if err := atomicfile.Check(path, w); err != nil {
		return err
	}
	if atomicfile.IsStream(path) {
		return nil
	}
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved // a link is replaced where it points
	}
	if err := atomicfile.CheckDir(filepath.Dir(target)); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// saver is how the session saves answers when asked to.
func (o *Options) saver() saver {
	suggest := o.SavePath
	if suggest == "" {
		suggest = DefaultSaveName
	}
	return saver{dir: o.Dir, suggest: suggest, protect: o.Protect, engagement: o.Report.Engagement}
}

// writeOptions are the rules the report is written by.
func (o Options) writeOptions() atomicfile.Options {
	w := o.Protect
	w.Overwrite = o.Force
	return w
}
