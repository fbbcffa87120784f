package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"
	mango "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// version is set at build time with -ldflags "-X main.version=..." (make
// build and the release do); otherwise it comes from the build info.
var version = ""

// programVersion is the version: the one the build set, or the module's
// version, or the commit it was built from.
func programVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return strings.TrimPrefix(v, "v")
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 7 {
			return "dev-" + s.Value[:7]
		}
	}
	return "dev"
}

// app holds what every command shares: the streams and the definition
// flags.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// out is what stdout writes through: it keeps the first write error,
	// so that a report lost to a full disk or a closed pipe is a failure
	// even where nothing checks the write (help, version).
	out           *checkedWriter
	rolesPath     string
	questionsPath string
	stop          *stopper // nil in tests that run commands in-process
	// quiet is how a run ended that has nothing more to say (a signal,
	// an interruption): main exits with its code.
	quiet error
}

// outputFlags are the flags of commands that write a report.
type outputFlags struct {
	answers    string
	format     string
	output     string
	force      bool
	client     string
	preparedBy string
	date       string
	respondent string
	cmd        *cobra.Command // to tell a --format given from its default
}

// prepared is what a command that writes a report works from.
type prepared struct {
	format     advisor.Format
	defs       *advisor.Definitions
	file       *advisor.AnswersFile // nil without --answers
	engagement advisor.Engagement   // the file's, with the flags' on top
}

// answers are the answers given, or nil.
func (p *prepared) answers() advisor.Answers {
	if p.file == nil {
		return nil
	}
	return p.file.Answers
}

// reportOptions are the engagement (dated today when no date was given)
// and the program's version.
func (p *prepared) reportOptions() advisor.ReportOptions {
	e := p.engagement
	if e.Date == "" {
		e.Date = today()
	}
	return advisor.ReportOptions{Engagement: e, Version: programVersion()}
}

// today is the date a report carries when none is given.
func today() string { return time.Now().Format("2006-01-02") }

// prepare checks the format and the engagement flags, and loads the
// definitions and, when --answers names a file, the answers (a partial
// file too, with partial: the interactive modes ask what is missing).
func (a *app) prepare(o *outputFlags, partial bool) (*prepared, error) {
	p := &prepared{}
	format, err := o.reportFormat()
	if err != nil {
		return nil, err
	}
	p.format = format
	flags := advisor.Engagement{Client: o.client, PreparedBy: o.preparedBy, Date: o.date, Respondent: o.respondent}
	for _, f := range []struct{ name, value string }{{"--client", o.client}, {"--prepared-by", o.preparedBy}, {"--respondent", o.respondent}} {
		if msg := advisor.CheckEngagementText(f.value); msg != "" {
			return nil, badInput(fmt.Errorf("%s %s", f.name, msg))
		}
	}
	if o.date != "" {
		if msg := advisor.CheckDate(o.date); msg != "" {
			return nil, badInput(fmt.Errorf("--date: %s", msg))
		}
	}
	if err := a.oneStdinReader(map[string]string{flagAnswers: o.answers}); err != nil {
		return nil, err
	}
	if p.defs, err = a.loadDefinitions(); err != nil {
		return nil, err
	}
	if o.answers != "" {
		if p.file, err = a.readAnswersFile(p.defs, o.answers, partial); err != nil {
			return nil, err
		}
		p.engagement = p.file.Engagement
	}
	p.engagement = p.engagement.Merge(flags)
	return p, nil
}

// reportFormat is --format when given, or else the format the --output
// file's extension names (brief.md is Markdown); text for standard output.
// An --output name without a known extension needs --format: nothing is
// written in a format its name does not say.
func (o *outputFlags) reportFormat() (advisor.Format, error) {
	if o.cmd != nil && o.cmd.Flags().Changed("format") {
		f, err := advisor.ParseFormat(o.format)
		if err != nil {
			return "", badInput(fmt.Errorf("--format: %w", err))
		}
		// A name that says another format would mislead whoever opens
		// it (and a JSON brief named .md would not read back).
		if named, ok := advisor.FormatForPath(o.output); ok && named != f && !atomicfile.IsStream(o.output) {
			return "", badInput(fmt.Errorf("--format %s, but --output %s names %s; end the name in %s, or leave out --format", f, advisor.SafeText(o.output), named, f.Extension()))
		}
		return f, nil
	}
	if o.output == "" || o.output == "-" || atomicfile.IsStream(o.output) {
		return advisor.FormatText, nil
	}
	if f, ok := advisor.FormatForPath(o.output); ok {
		return f, nil
	}
	return "", badInput(fmt.Errorf("--output %s: the name does not say which format to write; end it in %s, or give --format", o.output, strings.Join(advisor.Extensions, ", ")))
}

func (o *outputFlags) register(cmd *cobra.Command, answersHelp string) {
	cmd.Flags().VarP((*pathFlag)(&o.answers), "answers", "a", answersHelp)
	o.registerBrief(cmd, "", "the answers file's, or today")
	cmd.Flags().Var((*textFlag)(&o.respondent), "respondent", "your name, when you answer as one of a leadership team (see team)")
}

// registerBrief adds the flags of every command that writes a brief: its
// format and file, and the engagement details. clientDefault and
// dateDefault say where the client and the date come from when not given.
func (o *outputFlags) registerBrief(cmd *cobra.Command, clientDefault, dateDefault string) {
	o.cmd = cmd
	clientHelp := "the client company the brief is for"
	if clientDefault != "" {
		clientHelp += " (default: " + clientDefault + ")"
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "", "the brief's format: "+strings.Join(advisor.Formats, ", ")+" (default: from the --output name, or text)")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write the brief to this file (atomically) instead of standard output")
	cmd.Flags().BoolVar(&o.force, "force", false, "let --output replace an existing file")
	cmd.Flags().Var((*textFlag)(&o.client), "client", clientHelp)
	cmd.Flags().Var((*textFlag)(&o.preparedBy), "prepared-by", "who prepared the brief")
	cmd.Flags().StringVar(&o.date, "date", "", "the brief's date, as YYYY-MM-DD (default: "+dateDefault+")")
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer, stop *stopper) (*cobra.Command, *app) {
	cw := &checkedWriter{w: stdout}
	a := &app{stdin: stdin, stdout: cw, stderr: stderr, stop: stop, out: cw}
	var out outputFlags
	var plain bool
	root := &cobra.Command{
		Use:   "coo-advisor",
		Short: "Decide whether your next operations leader is a COO or an Operations Director",
		Long: `coo-advisor asks about your company's size, complexity, growth, leadership and pains, and recommends a Chief Operating Officer, an Operations Director or, when it is too early for either, a fractional COO: with its confidence, the reasons, what would change the advice, and a brief to hand over.

Run it without a command for the interactive advisor. Everything stays on this machine.`,
		Example: `# The questions, then the results:
coo-advisor
# Open at the results of a client's answers (or ask what the file leaves open):
coo-advisor --answers client.yaml
# Line prompts, for screen readers and pipes:
coo-advisor --plain
# The brief for an answers file, as HTML to send or print:
coo-advisor recommend client.yaml -o brief.html`,
		Version:       programVersion(),
		Args:          unknownCommand,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runInteractive(cmd, &out, plain)
		},
	}
	root.SetIn(stdin)
	root.SetOut(cw)
	root.SetErr(stderr)
	a.definitionFlags(root)
	out.register(root, "an answers file to open at the results, or to resume (- for standard input)")
	root.Flags().BoolVar(&plain, "plain", false, "plain line prompts, no screen drawing (automatic with ACCESSIBLE=1, TERM=dumb, or off a terminal)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err) })

	root.AddCommand(a.recommendCmd(), a.teamCmd(), a.rolesCmd(), a.questionsCmd(), a.validateCmd(), a.manCmd())
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			// Without this, "completion foo" prints the help and exits 0.
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return badInput(fmt.Errorf("%q is not a shell; shells are bash, fish, powershell, zsh", args[0]))
				}
				return cmd.Help()
			}
		}
	}
	return root, a
}

// flagAnswers names the answers flag in messages.
// The flags that name input files, for messages.
const (
	flagAnswers   = "--answers"
	flagRoles     = "--roles"
	flagQuestions = "--questions"
)

// definitionFlags lets a command read its own roles and questions: only
// the commands that use definitions have them (not help or completion).
func (a *app) definitionFlags(cmd *cobra.Command) {
	cmd.Flags().Var((*pathFlag)(&a.rolesPath), "roles", "read the role definitions from this file instead of the built-in ones")
	cmd.Flags().Var((*pathFlag)(&a.questionsPath), "questions", "read the questions and weights from this file instead of the built-in ones")
}

// textFlag is a name for the brief (a client, a preparer): spaces around
// it are dropped, so that a blank one is no name, not an empty heading.
type textFlag string

func (t *textFlag) String() string { return string(*t) }
func (t *textFlag) Type() string   { return "text" }
func (t *textFlag) Set(s string) error {
	*t = textFlag(strings.TrimSpace(s))
	return nil
}

// pathFlag is a flag that names an input file: given, it names one. An
// empty name (an unset variable in --roles "$ROLES") is refused rather
// than read as no flag at all.
type pathFlag string

func (p *pathFlag) String() string { return string(*p) }
func (p *pathFlag) Type() string   { return "file" }
func (p *pathFlag) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("an empty file name; give a file (- for standard input)")
	}
	*p = pathFlag(s)
	return nil
}

// unknownCommand is the root's check of its arguments: it takes none, so
// a word is a command mistyped, and the nearest commands are offered.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		return badInput(fmt.Errorf("unknown command %s; did you mean %s?", advisor.SafeText(strconv.Quote(args[0])), strings.Join(s, " or ")))
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return badInput(fmt.Errorf("unknown command %s; commands are %s (run 'coo-advisor --help')", advisor.SafeText(strconv.Quote(args[0])), strings.Join(names, ", ")))
}

func (a *app) recommendCmd() *cobra.Command {
	var out outputFlags
	cmd := &cobra.Command{
		Use:   "recommend FILE",
		Short: "Print the brief for an answers file",
		Long: `Score an answers file and print the brief: the recommendation, its confidence and reasons, what would change the advice, the role brief and how it was scored.

An answers file is YAML, one "question-id: value" per line; run 'coo-advisor questions --template' for one to fill in. The file may also be given with --answers (- for standard input).`,
		Example: `coo-advisor recommend answers.yaml
coo-advisor recommend answers.yaml -o brief.html --client "Harbour Logistics"
coo-advisor recommend - --format json < answers.yaml`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return badInput(fmt.Errorf("recommend scores one answers file; got %d (for a team, run 'coo-advisor team %s')", len(args), strings.Join(args, " ")))
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				if out.answers != "" {
					return badInput(errors.New("give the answers file once: as an argument or with --answers"))
				}
				out.answers = args[0]
			}
			if out.answers == "" {
				return badInput(errors.New("recommend needs an answers FILE (or - for standard input): coo-advisor recommend answers.yaml; run 'coo-advisor questions --template > answers.yaml' for a file to fill in"))
			}
			p, err := a.prepare(&out, false)
			if err != nil {
				return err
			}
			res, err := p.defs.Recommend(p.answers())
			if err != nil {
				return badInput(err)
			}
			report, err := p.defs.Report(res, p.format, p.reportOptions())
			if err != nil {
				return failure(err)
			}
			return a.emit(report, out.output, out.force, a.inputs(out.answers))
		},
	}
	out.register(cmd, "the answers file to score (- for standard input), if not given as the argument")
	a.definitionFlags(cmd)
	return cmd
}

func (a *app) rolesCmd() *cobra.Command {
	var format string
	var width int
	var all, ids bool
	cmd := &cobra.Command{
		Use:   "roles",
		Short: "Show the roles' responsibilities side by side",
		Long:  `Show each role's summary, responsibilities, when it fits and how it works with the others, in a table that wraps at the terminal width (80 columns when the output is not a terminal). The COO and the Operations Director are side by side; the fractional COO joins them where the width allows (or with --all) and follows the table otherwise.`,
		Example: `coo-advisor roles
coo-advisor roles --format markdown > roles.md
coo-advisor roles --roles my-roles.yaml --width 120`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			defs, err := a.loadDefinitions()
			if err != nil {
				return err
			}
			switch strings.ToLower(format) {
			case "text", "txt":
				w := width
				if !cmd.Flags().Changed("width") {
					w = a.terminalWidth()
				}
				if w < 20 || w > 1000 {
					return badInput(fmt.Errorf("--width: %d is out of range; give 20 to 1000 columns", w))
				}
				_, err = io.WriteString(a.stdout, defs.RolesTable(w, all, ids))
			case "markdown", "md":
				_, err = io.WriteString(a.stdout, defs.RolesMarkdown())
			case "json":
				var b []byte
				if b, err = defs.RolesJSON(); err == nil {
					_, err = a.stdout.Write(b)
				}
			default:
				return badInput(fmt.Errorf("--format: %q is not a format; formats are text, markdown, json", format))
			}
			if err != nil {
				return failure(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "the output format: text, markdown, json")
	cmd.Flags().IntVarP(&width, "width", "w", 0, "wrap the table at this many columns (default: the terminal width, or 80)")
	cmd.Flags().BoolVar(&ids, "ids", false, "show each responsibility's id too (the value an answers file uses for it)")
	a.definitionFlags(cmd)
	cmd.Flags().BoolVar(&all, "all", false, "put every role side by side, the fractional COO too (it joins by itself from 96 columns)")
	return cmd
}

func (a *app) questionsCmd() *cobra.Command {
	var template bool
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "List the questions, their allowed values and weights",
		Long:  `List every question in order: its id, kind, allowed values, and the points each answer gives each role. With --template, print a commented answers file to fill in.`,
		Example: `coo-advisor questions
coo-advisor questions --template > answers.yaml`,
		Args: noArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			defs, err := a.loadDefinitions()
			if err != nil {
				return err
			}
			text := defs.QuestionsText(a.terminalWidth())
			if template {
				text = defs.Template()
			}
			if _, err := io.WriteString(a.stdout, text); err != nil {
				return failure(err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&template, "template", "t", false, "print a commented answers file to fill in")
	a.definitionFlags(cmd)
	return cmd
}

func (a *app) validateCmd() *cobra.Command {
	var answersPath string
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check role and question files (and optionally an answers file)",
		Long:  `Check the role and question definitions given with --roles and --questions (the built-in ones otherwise), and with --answers an answers file against them. Every problem is listed with its file, line and fix; the exit code is 2 when there is any.`,
		Example: `coo-advisor validate --roles my-roles.yaml --questions my-questions.yaml
coo-advisor validate --answers client.yaml`,
		Args: noArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			if err := a.oneStdinReader(map[string]string{flagAnswers: answersPath}); err != nil {
				return err
			}
			defs, err := a.loadDefinitions()
			if err != nil {
				return err
			}
			_, _ = fmt.Fprintf(a.stdout, "ok: %s: %d roles\n", a.sourceName(a.rolesPath, data.RolesFile), len(defs.Roles))
			_, _ = fmt.Fprintf(a.stdout, "ok: %s: %d questions in %d factors\n", a.sourceName(a.questionsPath, data.QuestionsFile), len(defs.Questions), len(defs.Factors))
			if len(defs.LeftOut) > 0 {
				_, _ = fmt.Fprintf(a.stdout, "note: the built-in questions also score %s, which %s does not define; those points and rules are left out\n",
					strings.Join(defs.LeftOut, ", "), a.sourceName(a.rolesPath, data.RolesFile))
			}
			if answersPath != "" {
				answers, err := a.readAnswers(defs, answersPath)
				if err != nil {
					return err
				}
				_, _ = fmt.Fprintf(a.stdout, "ok: %s: %d answers\n", displayName(answersPath), len(answers))
			}
			return nil
		},
	}
	cmd.Flags().VarP((*pathFlag)(&answersPath), "answers", "a", "also check this answers file (- for standard input)")
	a.definitionFlags(cmd)
	return cmd
}

func (a *app) sourceName(path, builtin string) string {
	if path == "" {
		return "built-in " + builtin
	}
	return advisor.SafeText(path)
}

func displayName(path string) string {
	if path == "-" {
		return "stdin"
	}
	// A file's name is the user's: shown escaped, never raw.
	return advisor.SafeText(path)
}

// oneStdinReader refuses two flags that both read standard input ("-"):
// the second would find it empty.
func (a *app) oneStdinReader(more map[string]string) error {
	var readers []string
	flags := map[string]string{flagRoles: a.rolesPath, flagQuestions: a.questionsPath}
	for k, v := range more {
		flags[k] = v
	}
	for _, name := range []string{flagAnswers, flagRoles, flagQuestions} {
		if flags[name] == "-" {
			readers = append(readers, name)
		}
	}
	if len(readers) > 1 {
		both := "all"
		if len(readers) == 2 {
			both = "both"
		}
		return badInput(fmt.Errorf("%s %s read standard input (-); only one can: give the others as files", advisor.JoinWords(readers, "and"), both))
	}
	return nil
}

// loadDefinitions loads the built-in definitions, or the user's files
// where --roles or --questions name them.
func (a *app) loadDefinitions() (*advisor.Definitions, error) {
	if err := a.oneStdinReader(nil); err != nil {
		return nil, err
	}
	if a.rolesPath == "" && a.questionsPath == "" {
		defs, err := data.Load()
		if err != nil {
			return nil, failure(fmt.Errorf("built-in definitions are broken (a bug): %w", err))
		}
		return defs, nil
	}
	roles, err := a.source(a.rolesPath, data.RolesFile)
	if err != nil {
		return nil, err
	}
	questions, err := a.source(a.questionsPath, data.QuestionsFile)
	if err != nil {
		return nil, err
	}
	defs, err := advisor.Load(roles, questions)
	if err != nil {
		return nil, badInput(err)
	}
	return defs, nil
}

func (a *app) source(path, builtin string) (advisor.Source, error) {
	if path == "" {
		src, err := advisor.ReadSource(data.FS, builtin, "built-in ")
		if err != nil {
			return src, failure(err)
		}
		return src, nil
	}
	b, err := a.readInput(path)
	if err != nil {
		return advisor.Source{}, err
	}
	return advisor.Source{Name: displayName(path), Data: b}, nil
}

// readInput reads a user file, or standard input for "-", up to the size
// limit (the parser reports an over-long file).
func (a *app) readInput(path string) ([]byte, error) {
	if path == "-" {
		b, err := advisor.ReadLimited(a.stdin)
		if err != nil {
			return nil, badInput(fmt.Errorf("stdin: %w", err))
		}
		return b, nil
	}
	f, err := a.open(path)
	if err != nil {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, badInput(fmt.Errorf("%s: no such file", path))
		case errors.Is(err, os.ErrPermission):
			return nil, badInput(fmt.Errorf("%s: permission denied", path))
		}
		return nil, badInput(err)
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, badInput(fmt.Errorf("%s: is a directory; give a YAML file", path))
	}
	b, err := advisor.ReadLimited(f)
	if err != nil {
		return nil, badInput(fmt.Errorf("%s: %w", path, err))
	}
	return b, nil
}

// fifoPatience is how long opening a named pipe may wait for a writer
// before the user is told what the program is waiting for.
const fifoPatience = 500 * time.Millisecond

// open opens an input file. A named pipe opens only once something
// writes to it: when that takes a while, say so rather than hang in
// silence (ctrl+c still stops it).
func (a *app) open(path string) (*os.File, error) {
	if st, err := os.Stat(path); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		return os.Open(path) //nolint:wrapcheck // readInput words every error, by its kind
	}
	type opened struct {
		f   *os.File
		err error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := os.Open(path)
		done <- opened{f, err}
	}()
	select {
	case o := <-done:
		return o.f, o.err
	case <-time.After(fifoPatience):
		_, _ = fmt.Fprintf(a.stderr, "coo-advisor: waiting for something to write to %s, a named pipe (ctrl+c to stop)\n", advisor.SafeText(path))
	}
	o := <-done
	return o.f, o.err
}

func (a *app) readAnswers(defs *advisor.Definitions, path string) (advisor.Answers, error) {
	f, err := a.readAnswersFile(defs, path, false)
	if err != nil {
		return nil, err
	}
	return f.Answers, nil
}

func (a *app) readAnswersFile(defs *advisor.Definitions, path string, partial bool) (*advisor.AnswersFile, error) {
	b, err := a.readInput(path)
	if err != nil {
		return nil, err
	}
	f, err := defs.ReadAnswers(displayName(path), b, partial)
	if err != nil {
		// A file whose only problem is its gaps is a partial file: say
		// where it is welcome.
		var ie *advisor.InputError
		if pf, perr := defs.ReadAnswers(displayName(path), b, true); !partial && path != "-" && perr == nil && len(pf.Missing) > 0 && errors.As(err, &ie) {
			ie.Hint = "to answer the open questions, run coo-advisor --answers " + path + " (without recommend or validate)"
		}
		return nil, badInput(err)
	}
	return f, nil
}

// inputs lists the files this run reads, which no output may replace: by
// name, and a file redirected to standard input by what it is.
func (a *app) inputs(answers string) atomicfile.Options {
	var o atomicfile.Options
	for _, p := range []string{answers, a.rolesPath, a.questionsPath} {
		switch p {
		case "":
		case "-":
			if f, ok := a.stdin.(*os.File); ok {
				if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
					o.ProtectFiles = append(o.ProtectFiles, st)
				}
			}
		default:
			o.Protect = append(o.Protect, p)
		}
	}
	return o
}

// emit writes a report to standard output, or atomically to a file.
func (a *app) emit(report []byte, output string, force bool, inputs atomicfile.Options) error {
	if output == "" || output == "-" {
		if _, err := a.stdout.Write(report); err != nil {
			return failure(err)
		}
		return nil
	}
	inputs.Overwrite = force
	if err := atomicfile.Write(output, report, inputs); err != nil {
		return writeError(err)
	}
	if atomicfile.IsStream(output) {
		return nil
	}
	abs, err := filepath.Abs(output)
	if err != nil {
		abs = output
	}
	_, _ = fmt.Fprintf(a.stderr, "Wrote %s\n", advisor.SafeText(abs))
	return nil
}

// writeError maps a failed write to its exit code: a name that cannot be
// used is bad usage (2); a write that fails on a good name is a failure
// (1).
func writeError(err error) error {
	switch {
	case errors.Is(err, atomicfile.ErrExists):
		return badInput(fmt.Errorf("%w; add --force to replace it", err))
	case atomicfile.BadName(err):
		return badInput(err)
	}
	// Permissions, a full disk: the name was fine, the write failed.
	return failure(err)
}

// manCmd prints the manual page, as fang's own would, but through the
// same standard output as every other command: a full disk or a closed
// pipe is a failure to write (exit 1), not a usage error.
func (a *app) manCmd() *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Print the manual page (roff)",
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args:                  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mango.NewManPage(1, cmd.Root())
			if err != nil {
				return failure(err)
			}
			_, _ = io.WriteString(a.stdout, page.Build(roff.NewDocument()))
			return nil
		},
	}
}

// noArgs rejects arguments to a command that takes only flags, saying so
// (cobra's own message calls them unknown commands).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return badInput(fmt.Errorf("unexpected argument %q: %s takes flags only; run '%s --help' for usage", args[0], cmd.Name(), cmd.CommandPath()))
	}
	return nil
}

// terminalWidth is the width of the terminal on standard output, or 80
// when it is not a terminal.
func (a *app) terminalWidth() int {
	if f, ok := a.out.w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// checkedWriter passes writes on and keeps the first error. Later writes
// are dropped, and reported as done, so that a command does not stop half
// way through its output for each line; the error is reported once, at
// the end (see outputError).
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		// The first error is kept for the exit code; later writes are
		// dropped quietly, so that nothing half-written follows it.
		return len(p), nil //nolint:nilerr // deliberate: see above
	}
	if _, err := c.w.Write(p); err != nil {
		c.err = err
	}
	return len(p), nil
}

// outputError is the failure to write to standard output, if any.
func (a *app) outputError() error {
	if a.out.err == nil {
		return nil
	}
	err := a.out.err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // "write /dev/stdout:" says nothing more
	}
	return failure(fmt.Errorf("cannot write to standard output: %w", err))
}

// flagValueRE matches pflag's message for a value it cannot parse:
// `invalid argument "1e3" for "-w, --width" flag: strconv.ParseInt: ...`.
// Compiled when first needed: start-up pays for nothing it may not use.
var flagValueRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?(--[\w-]+)" flag: strconv\.Parse\w+: .*$`)
})

// flagError words pflag's errors for people: a value that is not a number
// says so, without the parser's internals.
func flagError(err error) error {
	if m := flagValueRE().FindStringSubmatch(err.Error()); m != nil {
		return badInput(fmt.Errorf("%s: %s is not a whole number", m[2], strconv.Quote(m[1])))
	}
	return err
}
