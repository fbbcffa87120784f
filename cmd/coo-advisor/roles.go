package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// The widths the roles table is drawn at: narrower, its columns hold a
// word or two; wider, no terminal shows it.
const (
	minRolesWidth = 20
	maxRolesWidth = 1000
)

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
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
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
				// The terminal's own width, bounded as --width is.
				w = max(minRolesWidth, min(w, maxRolesWidth))
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
	intVarP(cmd, &width, "width", "w", minRolesWidth, maxRolesWidth, "columns", "wrap the table at this many columns (default: the terminal width, or 80)")
	boolVarP(cmd, &ids, "ids", "", "show each responsibility's id too (the value an answers file uses for it)")
	a.definitionFlags(cmd)
	boolVarP(cmd, &all, "all", "", "put every role side by side, the fractional COO too (it joins by itself from 96 columns)")
	completeValues(cmd, "format", "text", "markdown", "json")
	completeNothing(cmd, "width")
	return cmd
}
