package main

import (
	"io"

	mango "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

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
