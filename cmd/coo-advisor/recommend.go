package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) recommendCmd() *cobra.Command {
	var out outputFlags
	cmd := &cobra.Command{
		Use:   "recommend FILE",
		Short: "Print the brief for an answers file",
		Long: `Score an answers file and print the brief: the recommendation, its confidence and reasons, what would change the advice, the role brief and how it was scored.

An answers file is YAML, one "question-id: value" per line; run 'coo-advisor questions --template' for one to fill in. The file may also be given with --answers (- for standard input).`,
		Example: `coo-advisor recommend answers.yaml
coo-advisor recommend answers.yaml -o brief.html --client "Harbour Logistics"
coo-advisor recommend - --format json < answers.yaml`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return badInput(fmt.Errorf("recommend scores one answers file; got %d (for a team, run 'coo-advisor team %s')", len(args), strings.Join(args, " ")))
			}
			return nil
		},
		ValidArgsFunction: answersFiles(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				if out.answers != "" {
					return badInput(errors.New("give the answers file once: as an argument or with --answers"))
				}
				out.answers = args[0]
			}
			if out.answers == "" {
				return badInput(errors.New("recommend needs an answers FILE (or - for standard input): coo-advisor recommend answers.yaml; run 'coo-advisor questions --template > answers.yaml' for a file to fill in"))
			}
			p, err := a.prepare(&out, false)
			if err != nil {
				return err
			}
			res, err := p.defs.Recommend(p.answers())
			if err != nil {
				return badInput(err)
			}
			report, err := p.defs.Report(res, p.format, p.reportOptions())
			if err != nil {
				return failure(err)
			}
			return a.emit(report, out.output, out.force, a.inputs(out.answers))
		},
	}
	out.register(cmd, "the answers file to score (- for standard input), if not given as the argument")
	a.definitionFlags(cmd)
	return cmd
}
