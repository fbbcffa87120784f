package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// completionCmd adds cobra's "completion" command, refusing a shell it
// does not know.
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
		for _, shell := range c.Commands() {
			// cobra's help marks headings up as Markdown.
			shell.Long = strings.ReplaceAll(shell.Long, "#### ", "")
		}
	}
}
