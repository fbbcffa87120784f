package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// The help keeps fang's layout (the description, then USAGE, EXAMPLES,
// COMMANDS and FLAGS), but is ours: fang wraps only the description,
// leaves command and flag descriptions for the terminal to break inside
// words, cuts examples short with "…", pads every line to a width with
// spaces (120 columns when piped), and offers no way to change any of it.

// maxHelpWidth bounds the lines of the help on a wide terminal, for
// reading.
const maxHelpWidth = 100

// help prints a command's help to standard output, wrapped between words
// at the terminal's width (80 columns off a terminal), no line padded.
func (a *app) help(cmd *cobra.Command, _ []string) {
	_, _ = io.WriteString(a.stdout, helpText(cmd, min(a.terminalWidth(), maxHelpWidth)))
}

// helpCmd is "help [command]": the help of the command named, or an
// unknown command refused as one typed without help is (cobra's own
// prints the main help and exits 0).
func helpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Show the help of a command: 'coo-advisor help recommend' is 'coo-advisor recommend --help'.",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil {
				return badInput(err)
			}
			if len(rest) == 0 {
				return cmd.Help()
			}
			if cmd.HasAvailableSubCommands() {
				return unknownCommand(cmd, rest)
			}
			return badInput(fmt.Errorf("%s has no command %s; run '%s --help'", cmd.CommandPath(), quoted(rest[0]), cmd.CommandPath()))
		},
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
	}
}

// unknownCommand is the check of the arguments of a command that takes
// none but has commands (the root): a word is a command mistyped, and the
// nearest commands are offered. After --, every word is an argument, even
// a command's name.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	word := args[0]
	if cmd.ArgsLenAtDash() == 0 {
		if isCommand(cmd, word) {
			return badInput(fmt.Errorf("%s after -- is an argument, not a command, and %s takes no arguments; leave out the -- to run the command: %s %s", quoted(word), cmd.CommandPath(), cmd.CommandPath(), word))
		}
		return badInput(fmt.Errorf("unexpected argument %s after --: %s takes no arguments; run '%s --help' for usage", quoted(word), cmd.CommandPath(), cmd.CommandPath()))
	}
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	var near []string
	for _, s := range cmd.SuggestionsFor(word) {
		if s != word {
			near = append(near, s)
		}
	}
	// The help leaves out man, and so do cobra's suggestions; a typo of
	// it deserves its "did you mean" all the same.
	names := commandNames(cmd)
	for _, c := range cmd.Commands() {
		if c.Hidden && slices.Contains(names, c.Name()) && !slices.Contains(near, c.Name()) && nearWord(word, c.Name(), cmd.SuggestionsMinimumDistance) {
			near = append(near, c.Name())
		}
	}
	if len(near) > 0 {
		return badInput(fmt.Errorf("unknown command %s; did you mean %s?", quoted(word), strings.Join(near, " or ")))
	}
	return badInput(fmt.Errorf("unknown command %s; commands are %s (run '%s --help')", quoted(word), strings.Join(names, ", "), cmd.CommandPath()))
}

// commandNames lists cmd's commands, in order, the ones the help leaves
// out (man) included; not help itself (which IsAvailableCommand leaves
// out), nor cobra's own for completion.
func commandNames(cmd *cobra.Command) []string {
	var names []string
	for _, c := range cmd.Commands() {
		hiddenOfOurs := c.Hidden && !strings.HasPrefix(c.Name(), "__")
		if c.IsAvailableCommand() || hiddenOfOurs {
			names = append(names, c.Name())
		}
	}
	slices.Sort(names)
	return names
}

// nearWord reports whether typed is a likely typo of name: within
// distance edits (by letters, in any case), or its start.
func nearWord(typed, name string, distance int) bool {
	a, b := []rune(strings.ToLower(typed)), []rune(strings.ToLower(name))
	if len(a) > 0 && strings.HasPrefix(string(b), string(a)) {
		return true
	}
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)] <= distance
}

// isCommand reports whether word names one of cmd's commands.
func isCommand(cmd *cobra.Command, word string) bool {
	for _, c := range cmd.Commands() {
		if c.Name() == word || c.HasAlias(word) {
			return true
		}
	}
	return false
}

// quoted is what the user typed, quoted once, escaped for the terminal
// (the quoting already escapes control characters; SafeText adds what
// hides text, and never escapes a backslash again).
func quoted(s string) string { return advisor.SafeText(strconv.Quote(s)) }

// helpText lays out a command's help at width columns.
func helpText(cmd *cobra.Command, width int) string {
	var b strings.Builder
	b.WriteString("\n")
	writeProse(&b, cmp.Or(cmd.Long, cmd.Short), "  ", width)
	writeTitle(&b, "USAGE")
	writeCommandLine(&b, usageLine(cmd), "    ", width)
	if ex := strings.TrimSpace(cmd.Example); ex != "" {
		writeTitle(&b, "EXAMPLES")
		for _, line := range strings.Split(ex, "\n") {
			writeCommandLine(&b, strings.TrimSpace(line), "    ", width)
		}
	}
	var cmds, flags [][2]string
	for _, c := range cmd.Commands() {
		if !c.Hidden && c.Deprecated == "" {
			cmds = append(cmds, [2]string{commandUsage(c), c.Short})
		}
	}
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			flags = append(flags, [2]string{flagKey(f), flagDescription(f)})
		}
	})
	keyWidth := 10
	for _, item := range append(cmds, flags...) {
		keyWidth = max(keyWidth, uniseg.StringWidth(item[0])+2)
	}
	if len(cmds) > 0 {
		writeTitle(&b, "COMMANDS")
		writeItems(&b, cmds, keyWidth, width)
	}
	if len(flags) > 0 {
		writeTitle(&b, "FLAGS")
		writeItems(&b, flags, keyWidth, width)
	}
	b.WriteString("\n")
	return b.String()
}

func writeTitle(b *strings.Builder, title string) {
	b.WriteString("\n  " + title + "\n\n")
}

// writeProse writes paragraphs wrapped between words. A line that starts
// with white space is a command to type, indented and broken as a shell
// takes it; the line breaks of the text are kept.
func writeProse(b *strings.Builder, text, indent string, width int) {
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			b.WriteString("\n")
		case line[0] == ' ' || line[0] == '\t':
			writeCommandLine(b, strings.TrimSpace(line), indent+"    ", width)
		default:
			for _, l := range advisor.Wrap(line, width-len(indent)) {
				b.WriteString(indent + l + "\n")
			}
		}
	}
}

// writeCommandLine writes a command line as a shell takes it: broken
// between words (never inside quotes), each line but the last ending in
// " \", the ones after it indented. A comment wraps as text.
func writeCommandLine(b *strings.Builder, line, indent string, width int) {
	if rest, ok := strings.CutPrefix(line, "# "); ok {
		for _, l := range advisor.Wrap(rest, width-len(indent)-2) {
			b.WriteString(indent + "# " + l + "\n")
		}
		return
	}
	cur, curIndent := "", indent
	for _, word := range shellWords(line) {
		if cur != "" && uniseg.StringWidth(curIndent+cur+" "+word+" \\") > width {
			b.WriteString(curIndent + cur + " \\\n")
			cur, curIndent = "", indent+"  "
		}
		if cur != "" {
			cur += " "
		}
		cur += word
	}
	b.WriteString(curIndent + cur + "\n")
}

// shellWords splits a command line at the spaces outside quotes.
func shellWords(line string) []string {
	var words []string
	var quote rune
	start := -1
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == ' ':
			if start >= 0 {
				words = append(words, line[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, line[start:])
	}
	// A redirection stays with its file.
	for i := 0; i+1 < len(words); i++ {
		if strings.Trim(words[i], "0123456789<>&") == "" {
			words[i] += " " + words[i+1]
			words = append(words[:i+1], words[i+2:]...)
		}
	}
	return words
}

// writeItems writes commands or flags with their descriptions in a
// column, wrapped between words; on a terminal too narrow for the column,
// each description goes under its command or flag.
func writeItems(b *strings.Builder, items [][2]string, keyWidth, width int) {
	const indent = "    "
	descWidth := width - len(indent) - keyWidth
	for _, item := range items {
		key, desc := item[0], item[1]
		if descWidth < 24 {
			b.WriteString(indent + key + "\n")
			for _, l := range advisor.Wrap(desc, width-len(indent)-2) {
				b.WriteString(indent + "  " + l + "\n")
			}
			continue
		}
		pad := strings.Repeat(" ", keyWidth-uniseg.StringWidth(key))
		for i, l := range advisor.Wrap(desc, descWidth) {
			if i == 0 {
				b.WriteString(indent + key + pad + l + "\n")
			} else {
				b.WriteString(indent + strings.Repeat(" ", keyWidth) + l + "\n")
			}
		}
	}
}

// usageLine is how a command is typed: its path, its arguments, and
// [command] and [--flags] where it has them.
func usageLine(cmd *cobra.Command) string {
	if !cmd.HasParent() {
		return commandUsage(cmd)
	}
	return cmd.Parent().CommandPath() + " " + commandUsage(cmd)
}

// commandUsage is a command's name with what may follow it.
func commandUsage(cmd *cobra.Command) string {
	u := cmd.Use
	if cmd.HasAvailableSubCommands() && !strings.Contains(u, "[command]") {
		u += " [command]"
	}
	if hasOwnFlags(cmd) {
		u += " [--flags]"
	}
	return u
}

// hasOwnFlags reports whether cmd takes flags beyond --help and --version.
func hasOwnFlags(cmd *cobra.Command) bool {
	own := false
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		own = own || (!f.Hidden && f.Name != "help" && f.Name != "version")
	})
	return own
}

func flagKey(f *pflag.Flag) string {
	if f.Shorthand != "" {
		return "-" + f.Shorthand + " --" + f.Name
	}
	return "--" + f.Name
}

// flagDescription is a flag's usage as a sentence, with its default when
// it has a telling one.
func flagDescription(f *pflag.Flag) string {
	d := f.Usage
	if r, size := utf8.DecodeRuneInString(d); unicode.IsLower(r) {
		d = string(unicode.ToUpper(r)) + d[size:]
	}
	switch f.DefValue {
	case "", "false", "0", "[]":
	default:
		d += " (" + f.DefValue + ")"
	}
	return d
}
