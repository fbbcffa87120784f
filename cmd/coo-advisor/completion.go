package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coo-advisor/coo-advisor/data"
)

// bashCompletionHelp is the help of "completion bash": cobra's script
// calls bash-completion's functions, and without that package every Tab
// prints "_get_comp_words_by_ref: command not found"; the help says so
// before the lines that install it.
const bashCompletionHelp = `Print the completion script for bash: Tab then completes commands, flags, and the values of --format.

It needs the bash-completion package (apt install bash-completion, dnf install bash-completion, brew install bash-completion@2); without it, Tab prints "_get_comp_words_by_ref: command not found".

To try it in the current shell:

    source <(coo-advisor completion bash)

To load it in every new shell, once:

    d=~/.local/share/bash-completion/completions
    mkdir -p $d && coo-advisor completion bash > $d/coo-advisor

or, for everyone (as root):

    coo-advisor completion bash > /etc/bash_completion.d/coo-advisor

or on macOS, with Homebrew:

    d=$(brew --prefix)/etc/bash_completion.d
    coo-advisor completion bash > $d/coo-advisor

Then start a new shell.`

// completionCmd adds cobra's "completion" command, refusing a shell it
// does not know and saying what bash needs.
func completionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		// Without this, "completion foo" prints the help and exits 0.
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return badInput(fmt.Errorf("%s is not a shell; shells are bash, fish, powershell, zsh", quoted(args[0])))
			}
			return cmd.Help()
		}
		c.Short = "Print the completion script for bash, zsh, fish or PowerShell"
		c.Long = "Print the script that lets a shell complete coo-advisor's commands, flags, and the values of --format. Run 'coo-advisor completion SHELL --help' for how to install it; bash needs the bash-completion package."
		for _, shell := range c.Commands() {
			// cobra's help marks headings up as Markdown.
			shell.Long = strings.ReplaceAll(shell.Long, "#### ", "")
			if shell.Name() == "bash" {
				shell.Long = bashCompletionHelp
			}
		}
	}
}

// completeValues completes a flag with fixed values, never with file
// names.
func completeValues(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// completeNothing keeps file names out of a flag that takes free text.
func completeNothing(cmd *cobra.Command, flags ...string) {
	for _, f := range flags {
		_ = cmd.RegisterFlagCompletionFunc(f, cobra.NoFileCompletions)
	}
}

// answersFileExtensions are the names an answers or definitions file
// completes to (a report in JSON is an answers file too).
var answersFileExtensions = []string{"yaml", "yml", "json"}

// answersFiles completes the answers files a command takes as arguments:
// at most n of them (0: any number).
func answersFiles(n int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if n > 0 && len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return answersFileExtensions, cobra.ShellCompDirectiveFilterFileExt
	}
}

// completeMarkets completes --market with the built-in roles' markets.
func completeMarkets(cmd *cobra.Command) {
	_ = cmd.RegisterFlagCompletionFunc("market", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		d, err := data.Load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return d.MarketIDs(), cobra.ShellCompDirectiveNoFileComp
	})
}
