package main

import (
	"cmp"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// manCmd prints the manual page, through the same standard output as
// every other command: a full disk or a closed pipe is a failure to write
// (exit 1), not a usage error.
func (a *app) manCmd() *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Print the manual page (roff)",
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args:                  noArgs,
		ValidArgsFunction:     cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, _ = io.WriteString(a.stdout, manPage(cmd.Root(), programVersion(), buildDate()))
			return nil
		},
	}
}

// The sections of the page that are not in the commands. mango, which
// wrote the page before, has no place for them, spells short options
// "--a --answers", puts the one-line summary in the page's header, where
// it runs into the title, and gives every program the same synopsis.
const (
	manExitStatus = `.TP
.B 0
Done.
.TP
.B 1
Something failed that is not the input: a full disk, a write that failed half way, a closed standard output.
.TP
.B 2
Bad usage or bad input: an unknown command or flag, a missing, malformed or incomplete file, an output that cannot be written where it was named (a missing directory or one you may not write to, an existing file without \-\-force, a device); nothing is written.
.TP
.B 130
Interrupted with ctrl+c (0 if something had been exported or saved by then).
.TP
.B 128+n
Ended by signal n: 143 for SIGTERM, 129 for SIGHUP, 131 for SIGQUIT; temporary files are removed and the terminal is restored.
`
	manEnvironment = `.TP
.B ACCESSIBLE
When set to a value that is not empty (ACCESSIBLE=1), the questions are asked as plain line prompts, for screen readers, instead of the full-screen program (as with \-\-plain). Set but empty, it changes nothing.
.TP
.B NO_COLOR
When set to a value that is not empty (NO_COLOR=1), nothing is coloured. Set but empty, it changes nothing.
.TP
.B TERM
.B dumb
means plain line prompts, as ACCESSIBLE does; otherwise it tells which colours the terminal shows.
`
	// cobra adds --help and --version as a command runs: the root has
	// them only when it is the command run, which "man" is not.
	manHelpAndVersion = `.TP
\fB\-h\fR, \fB\-\-help\fR
Show the help; every command has it.
.TP
\fB\-v\fR, \fB\-\-version\fR
Print the version.
`
)

// manPage is the manual page, in roff, from the commands and flags
// themselves: the same words as the help.
func manPage(root *cobra.Command, version, date string) string {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH %s 1 %s %s %s\n", strings.ToUpper(root.Name()), roffQuote(date),
		roffQuote(root.Name()+" "+version), roffQuote("User Commands"))
	// No hyphenation, ragged right: options and values stay whole.
	b.WriteString(".nh\n.ad l\n")
	b.WriteString(".SH NAME\n")
	fmt.Fprintf(&b, "%s \\- %s\n", roffText(root.Name()), roffText(lowerFirst(root.Short)))

	cmds := manCommands(root)
	b.WriteString(".SH SYNOPSIS\n")
	for i, c := range append([]*cobra.Command{root}, cmds...) {
		if i > 0 {
			b.WriteString(".br\n")
		}
		b.WriteString(synopsis(c) + "\n")
	}

	b.WriteString(".SH DESCRIPTION\n")
	b.WriteString(roffParagraphs(root.Long))
	b.WriteString(".SH OPTIONS\n")
	b.WriteString(roffFlags(root) + manHelpAndVersion)

	b.WriteString(".SH COMMANDS\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, ".SS %s\n", roffQuote(c.Name()))
		b.WriteString(synopsis(c) + "\n.PP\n")
		b.WriteString(roffParagraphs(cmp.Or(c.Long, c.Short)))
		if flags := roffFlags(c); flags != "" {
			b.WriteString(".PP\nOptions:\n" + flags)
		}
	}

	b.WriteString(".SH \"EXIT STATUS\"\n" + manExitStatus)
	b.WriteString(".SH ENVIRONMENT\n" + manEnvironment)
	b.WriteString(".SH EXAMPLES\n")
	for _, c := range append([]*cobra.Command{root}, cmds...) {
		if ex := strings.TrimSpace(c.Example); ex != "" {
			b.WriteString(".PP\n.RS 4\n.nf\n")
			for _, line := range strings.Split(ex, "\n") {
				b.WriteString(roffText(strings.TrimSpace(line)) + "\n")
			}
			b.WriteString(".fi\n.RE\n")
		}
	}
	return b.String()
}

// manCommands are the commands a reader may use: not help itself, nor
// the hidden ones.
func manCommands(root *cobra.Command) []*cobra.Command {
	var cmds []*cobra.Command
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			cmds = append(cmds, c)
		}
	}
	return cmds
}

// synopsis is how a command is typed: its path in bold, [options] when it
// has any, its arguments in italics, and the commands under it as
// alternatives (completion bash|zsh|...).
func synopsis(c *cobra.Command) string {
	s := `\fB` + roffText(c.CommandPath()) + `\fR`
	if hasOwnFlags(c) {
		s += ` [\fIoptions\fR]`
	}
	if _, args, ok := strings.Cut(c.Use, " "); ok {
		s += ` \fI` + roffText(args) + `\fR`
	}
	var subs []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			subs = append(subs, `\fI`+roffText(sub.Name())+`\fR`)
		}
	}
	if len(subs) > 0 && c.HasParent() {
		s += " " + strings.Join(subs, "|")
	} else if len(subs) > 0 {
		s += ` [\fIcommand\fR]`
	}
	return s
}

// roffFlags lists a command's flags, but --help and --version, as tagged
// paragraphs: "-a, --answers FILE" and what it does.
func roffFlags(c *cobra.Command) string {
	var b strings.Builder
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" || f.Name == "version" {
			return
		}
		b.WriteString(".TP\n")
		if f.Shorthand != "" {
			b.WriteString(`\fB\-` + roffText(f.Shorthand) + `\fR, `)
		}
		b.WriteString(`\fB\-\-` + roffText(f.Name) + `\fR`)
		if v := valueName(f); v != "" {
			b.WriteString(` \fI` + roffText(v) + `\fR`)
		}
		b.WriteString("\n" + roffText(flagDescription(f)) + "\n")
	})
	return b.String()
}

// valueName is what a flag's value is called in the page.
func valueName(f *pflag.Flag) string {
	switch {
	case f.NoOptDefVal != "":
		return "" // a switch
	case f.Name == "output" || f.Value.Type() == typeFile:
		return "FILE"
	case f.Name == "date":
		return "YYYY-MM-DD"
	case f.Value.Type() == typeInt:
		return "N"
	case f.Value.Type() == typeText:
		return "NAME"
	}
	return strings.ToUpper(f.Name)
}

// roffParagraphs is text with its blank lines as paragraph breaks; a line
// that starts with white space is kept as typed.
func roffParagraphs(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			b.WriteString(".PP\n")
		case line[0] == ' ' || line[0] == '\t':
			b.WriteString(".nf\n    " + roffText(strings.TrimSpace(line)) + "\n.fi\n")
		default:
			b.WriteString(roffText(line) + "\n")
		}
	}
	return b.String()
}

// roffText escapes text for roff: a backslash prints as one, a hyphen is
// a minus (so that options copy as typed), and a line cannot start a
// request with a dot or an apostrophe.
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffQuote is an argument of a request, in double quotes.
func roffQuote(s string) string {
	return `"` + strings.ReplaceAll(roffText(s), `"`, `\(dq`) + `"`
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// buildDate is the date of the commit the program was built from, for
// the page's footer, or "" (a man page's date may be empty; today's would
// change the page with every build).
func buildDate() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.time" && len(s.Value) >= len("2006-01-02") {
				return s.Value[:len("2006-01-02")]
			}
		}
	}
	return ""
}
