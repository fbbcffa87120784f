package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
)

func (a *app) validateCmd() *cobra.Command {
	var answersPath string
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check role and question files (and optionally an answers file)",
		Long:  `Check the role and question definitions given with --roles and --questions (the built-in ones otherwise), and with --answers an answers file against them. Every problem is listed with its file, line and fix; the exit code is 2 when there is any.`,
		Example: `coo-advisor validate --roles my-roles.yaml --questions my-questions.yaml
coo-advisor validate --answers client.yaml`,
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
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
			if defs.NoAdvice != "" {
				_, _ = fmt.Fprintf(a.stdout, "note: with only these roles, some answers rule out every one of them (%s) and get no advice; add a role such as %s to %s\n",
					advisor.SafeText(defs.NoAdvice), strings.Join(defs.LeftOut, " or "), a.sourceName(a.rolesPath, data.RolesFile))
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
	pathVarP(cmd, &answersPath, "answers", "a", "also check this answers file (- for standard input)")
	a.definitionFlags(cmd)
	return cmd
}

func (a *app) sourceName(path, builtin string) string {
	if path == "" {
		return "built-in " + builtin
	}
	return advisor.SafeText(path)
}
