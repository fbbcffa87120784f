package main

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

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
	cmd        *cobra.Command // to tell a --format given from its default
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
