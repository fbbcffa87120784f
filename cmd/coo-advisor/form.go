package main

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

func (a *app) formCmd() *cobra.Command {
	var client, preparedBy, date, output string
	var force bool
	cmd := &cobra.Command{
		Use:   "form",
		Short: "Write the questionnaire as one HTML page that people fill in and save offline",
		Long: `form writes the questionnaire as one self-contained HTML page, for the members of a leadership team who never open a terminal: email it to each, they open it in any browser, answer, and save an answers file (NAME-answers.yaml) to send back. Then coo-advisor team brings the files together, as saved or pasted into an email.

The page asks the questions of the definitions in use (the built-in ones, or --questions and --roles), checks each answer as coo-advisor does, and shows no recommendation. It needs nothing from the network and makes no connection: its Content-Security-Policy forbids them. --client, --prepared-by and --date fill in the engagement; each person types their own name and role. Each saved file names the questionnaire it answers, and team warns when that is not the one it runs with.`,
		Example: `coo-advisor form --client "Acme" --prepared-by "Jane Doe" -o acme.html
coo-advisor team *-answers.yaml -o acme-brief.html`,
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(_ *cobra.Command, _ []string) error {
			e := advisor.Engagement{Client: client, PreparedBy: preparedBy, Date: date}
			for _, f := range []struct{ name, value string }{{"--client", client}, {"--prepared-by", preparedBy}} {
				if msg := advisor.CheckEngagementText(f.value); msg != "" {
					return badInput(fmt.Errorf("%s %s", f.name, msg))
				}
			}
			if date != "" {
				if msg := advisor.CheckDate(date); msg != "" {
					return badInput(fmt.Errorf("--date: %s", msg))
				}
			}
			if err := checkPageName(output); err != nil {
				return err
			}
			if (output == "" || output == "-") && isTerminal(a.out.w) {
				return badInput(errors.New("form writes an HTML page: give -o with a file name, such as -o questionnaire.html (or redirect standard output)"))
			}
			defs, err := a.loadDefinitions()
			if err != nil {
				return err
			}
			page := defs.FormPage(e, pageID())
			if len(page) > maxPageSize {
				// Mail servers refuse or strip large attachments, and a phone
				// opens a large page slowly; the built-in questions make
				// about 60 KB.
				a.tellf("warning: the page is %s, over the %s a page emailed to each person should stay under; shorten the questions' help texts or options in --questions",
					sizeText(int64(len(page))), sizeText(maxPageSize))
			}
			return a.emit(page, output, force, a.inputs(""))
		},
	}
	const flag = "output"
	cmd.Flags().VarP(&pathFlag{path: &output, name: flag, fix: "give a file name ending in .html"},
		flag, "o", "write the page to this file (atomically) instead of standard output")
	_ = cmd.MarkFlagFilename(flag, "html", "htm")
	boolVarP(cmd, &force, "force", "", "let --output replace an existing file")
	cmd.Flags().Var((*textFlag)(&client), "client", "the client company the answers are for")
	cmd.Flags().Var((*textFlag)(&preparedBy), "prepared-by", "who sends the page and brings the answers together")
	cmd.Flags().StringVar(&date, "date", "", "the engagement's date, as YYYY-MM-DD (default: none)")
	completeNothing(cmd, "client", "prepared-by", "date")
	a.definitionFlags(cmd)
	return cmd
}

// pageID is a random name for a page, which keeps the answers a person
// types in it apart from another page's in the same browser (see
// advisor.FormPage).
func pageID() string {
	return rand.Text()[:16]
}

// maxPageSize is the size over which form warns that a page is too
// large to email (issue 19: under 150 KB).
const maxPageSize = 150 << 10

// checkPageName refuses an --output name that does not say it is a web
// page: a browser opens a file by its extension.
func checkPageName(output string) error {
	if output == "" || output == "-" || atomicfile.IsStream(output) {
		return nil
	}
	if st, err := os.Stat(output); err == nil && st.IsDir() {
		return badInput(fmt.Errorf("--output %s is a directory; give a file name ending in .html, such as %s", advisor.SafeText(output), advisor.SafeText(filepath.Join(output, "questionnaire.html"))))
	}
	switch strings.ToLower(filepath.Ext(output)) {
	case ".html", ".htm":
		return nil
	}
	return badInput(fmt.Errorf("--output %s: end the name in .html, so that a browser opens the page", advisor.SafeText(output)))
}
