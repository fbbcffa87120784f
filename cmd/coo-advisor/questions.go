package main

import (
	"io"

	"github.com/spf13/cobra"
)

func (a *app) questionsCmd() *cobra.Command {
	var template bool
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "List the questions, their allowed values and weights",
		Long:  `List every question in order: its id, kind, allowed values, and the points each answer gives each role. With --template, print a commented answers file to fill in.`,
		Example: `coo-advisor questions
coo-advisor questions --template > answers.yaml`,
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
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
	boolVarP(cmd, &template, "template", "t", "print a commented answers file to fill in")
	a.definitionFlags(cmd)
	return cmd
}
