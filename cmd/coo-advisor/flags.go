package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/coo-advisor/coo-advisor/advisor"
)

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
	role       string
	market     string
	cmd        *cobra.Command // to tell a --format given from its default
}

func (o *outputFlags) register(cmd *cobra.Command, answersHelp string) {
	pathVarP(cmd, &o.answers, "answers", "a", answersHelp)
	o.registerBrief(cmd, "", "the answers file's, or today")
	cmd.Flags().Var((*textFlag)(&o.respondent), "respondent", "your name, when you answer as one of a leadership team (see team)")
	cmd.Flags().Var((*textFlag)(&o.role), "role", "your role, such as CEO, CFO or VP Operations, when you answer as one of a leadership team")
	completeNothing(cmd, "respondent", "role")
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
	cmd.Flags().VarP(&pathFlag{path: &o.output, name: "output", fix: "give a file name, or leave out --output to print the brief on standard output"},
		"output", "o", "write the brief to this file (atomically) instead of standard output")
	boolVarP(cmd, &o.force, "force", "", "let --output replace an existing file")
	cmd.Flags().Var((*textFlag)(&o.client), "client", clientHelp)
	cmd.Flags().Var((*textFlag)(&o.preparedBy), "prepared-by", "who prepared the brief")
	cmd.Flags().StringVar(&o.date, "date", "", "the brief's date, as YYYY-MM-DD (default: "+dateDefault+")")
	cmd.Flags().StringVar(&o.market, "market", "", "whose costs the brief quotes, a market of the roles file such as us or uk; figures are never converted (default: the file's first)")
	completeValues(cmd, "format", advisor.Formats...)
	completeMarkets(cmd)
	completeNothing(cmd, "client", "prepared-by", "date")
}

// The flags that name input files, for messages.
const (
	flagAnswers   = "--answers"
	flagRoles     = "--roles"
	flagQuestions = "--questions"
)

// definitionFlags lets a command read its own roles and questions: only
// the commands that use definitions have them (not help or completion).
func (a *app) definitionFlags(cmd *cobra.Command) {
	pathVarP(cmd, &a.rolesPath, "roles", "", "read the role definitions from this file instead of the built-in ones")
	pathVarP(cmd, &a.questionsPath, "questions", "", "read the questions and weights from this file instead of the built-in ones")
}

// textFlag is a name for the brief (a client, a preparer): spaces around
// it are dropped, so that a blank one is no name, not an empty heading.
type textFlag string

// The types of our flags, as pflag asks them (the man page names values
// by them).
const (
	typeText = "text"
	typeFile = "file"
	typeInt  = "int"
)

func (t *textFlag) String() string { return string(*t) }
func (t *textFlag) Type() string   { return typeText }
func (t *textFlag) Set(s string) error {
	*t = textFlag(strings.TrimSpace(s))
	return nil
}

// Flags word their own errors. pflag would say `invalid argument "wide"
// for "-w, --width" flag: strconv.ParseInt: parsing "wide": invalid
// syntax`; a flag here returns from Set the message the user sees, as bad
// input, and flagError shows it as it is. What was typed is quoted once,
// and the quoting escapes what a terminal would act on.

// pathFlag is a flag that names a file: given, it names one. An empty
// name (an unset variable in --roles "$ROLES" or -o "$OUT") is refused
// rather than read as no flag at all, which for --output would print the
// brief instead.
type pathFlag struct {
	path *string
	name string
	fix  string // what to do instead of an empty name
}

// pathVarP adds a flag that names an input file.
func pathVarP(cmd *cobra.Command, path *string, name, shorthand, usage string) {
	cmd.Flags().VarP(&pathFlag{path: path, name: name, fix: "give a file (- for standard input)"}, name, shorthand, usage)
	_ = cmd.MarkFlagFilename(name, answersFileExtensions...)
}

func (p *pathFlag) String() string { return *p.path }
func (p *pathFlag) Type() string   { return typeFile }
func (p *pathFlag) Set(s string) error {
	switch {
	case s == "":
		return badInput(fmt.Errorf("--%s: an empty file name; %s", p.name, p.fix))
	case strings.TrimSpace(s) == "":
		return badInput(fmt.Errorf("--%s: a blank file name (%s); %s", p.name, strconv.Quote(s), p.fix))
	}
	*p.path = s
	return nil
}

// boolFlag is a switch: --force, or --force=false.
type boolFlag struct {
	value *bool
	name  string
}

// boolVarP adds a switch.
func boolVarP(cmd *cobra.Command, value *bool, name, shorthand, usage string) {
	cmd.Flags().VarPF(&boolFlag{value: value, name: name}, name, shorthand, usage).NoOptDefVal = "true"
}

func (b *boolFlag) String() string   { return strconv.FormatBool(*b.value) }
func (b *boolFlag) Type() string     { return "bool" }
func (b *boolFlag) IsBoolFlag() bool { return true }
func (b *boolFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return notTrueOrFalse(b.name, s)
	}
	*b.value = v
	return nil
}

// notTrueOrFalse is the error of a switch given a value it cannot take.
func notTrueOrFalse(name, value string) error {
	return badInput(fmt.Errorf("--%s: %s is not true or false; give --%s alone, or --%s=false", name, strconv.Quote(value), name, name))
}

// intFlag is a whole number from lo to hi units, written as pflag's own
// int flag takes it (80, or 0x50).
type intFlag struct {
	value  *int
	name   string
	lo, hi int
	units  string
}

// intVarP adds a whole-number flag that takes lo to hi units.
func intVarP(cmd *cobra.Command, value *int, name, shorthand string, lo, hi int, units, usage string) {
	cmd.Flags().VarP(&intFlag{value: value, name: name, lo: lo, hi: hi, units: units}, name, shorthand, usage)
}

func (i *intFlag) String() string { return strconv.Itoa(*i.value) }
func (i *intFlag) Type() string   { return typeInt }
func (i *intFlag) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, strconv.IntSize)
	var ne *strconv.NumError
	switch {
	case errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange):
		// A number all the same (ParseInt says so only of one), too long
		// for any the program takes: shown as typed, which is safe.
		size := "large"
		if strings.HasPrefix(s, "-") {
			size = "small"
		}
		return badInput(fmt.Errorf("--%s: %s is too %s; give %d to %d %s", i.name, s, size, i.lo, i.hi, i.units))
	case err != nil:
		return badInput(fmt.Errorf("--%s: %s is not a whole number", i.name, strconv.Quote(s)))
	case v < int64(i.lo) || v > int64(i.hi):
		return badInput(fmt.Errorf("--%s: %d is out of range; give %d to %d %s", i.name, v, i.lo, i.hi, i.units))
	}
	*i.value = int(v)
	return nil
}

// flagError shows a flag's own message without pflag's "invalid argument
// ... flag:" around it. pflag's other errors (an unknown flag, a missing
// value) are left as they are.
func flagError(_ *cobra.Command, err error) error {
	var ce *codedError
	if errors.As(err, &ce) {
		return ce
	}
	// Cobra's own switches (--help, --version, --no-descriptions) are
	// pflag's: cobra adds them as a command runs, too late to give them
	// ours, but pflag's error says which flag and value, in its fields.
	var ie *pflag.InvalidValueError
	if errors.As(err, &ie) && ie.GetFlag().Value.Type() == "bool" {
		return notTrueOrFalse(ie.GetFlag().Name, ie.GetValue())
	}
	return err
}
