package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
	"github.com/coo-advisor/coo-advisor/tui"
)

func (a *app) teamCmd() *cobra.Command {
	var out outputFlags
	var anonymous, plain bool
	cmd := &cobra.Command{
		Use:   "team FILE...",
		Short: "One recommendation for a leadership team, and where its members disagree",
		Long: `Each member of a leadership team answers on their own (saving their answers with s, in plain mode, or by filling in 'coo-advisor questions --template'); team reads their answers files and shows the team's recommendation, what each person would hire on their own answers, and where the team disagrees, most important first, with what agreeing would do to the advice.

The team's answers are the middle answer to each number, the most common choice (an even split is named) and the list values at least half the team chose; the average of everyone's own scores is shown beside them.

A person's name is engagement.respondent in their file, or else the file's name. --anonymous shows "Person 1".."Person N" instead, and keeps per-person answers out when fewer than three people answered.

On a terminal, team opens the interactive results; with --output, --format or --plain, or when not on a terminal, it prints the brief.`,
		Example: `coo-advisor team ana.yaml ben.yaml cy.yaml dee.yaml eve.yaml
coo-advisor team answers/*.yaml --anonymous -o team-brief.html
coo-advisor team answers/*.yaml --format json | jq .disagreements`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: answersFiles(0),
		RunE: func(cmd *cobra.Command, files []string) error {
			if len(files) == 0 {
				return badInput(errors.New("team needs the answers files, one per person: coo-advisor team ana.yaml ben.yaml ...; each person saves theirs with s, or fills in 'coo-advisor questions --template'"))
			}
			p, err := a.prepare(&out, false)
			if err != nil {
				return err
			}
			people, eng, err := a.readTeam(p.defs, files, out.client)
			if err != nil {
				return err
			}
			if anonymous {
				// A preparer named in a member's file is often the member.
				eng.PreparedBy = ""
			}
			tr, err := p.defs.Team(people, advisor.TeamOptions{Anonymous: anonymous})
			if err != nil {
				return badInput(err)
			}
			// The brief is for the client the files name, unless the flags
			// say otherwise; it is dated today unless --date says so.
			p.engagement = advisor.Engagement{Client: eng.Client, PreparedBy: eng.PreparedBy}.Merge(advisor.Engagement{Client: out.client, PreparedBy: out.preparedBy, Date: out.date})
			opts := p.reportOptions()
			opts.Team = tr
			inputs := a.inputs("")
			inputs.Protect = append(inputs.Protect, files...)
			interactive := !plainWanted(plain) && out.output == "" && !cmd.Flags().Changed("format") &&
				isTerminal(a.stdin) && isTerminal(a.out.w)
			if !interactive {
				report, err := p.defs.Report(tr.Result, p.format, opts)
				if err != nil {
					return failure(err)
				}
				return a.emit(report, out.output, out.force, inputs)
			}
			return a.runTeamInteractive(cmd, p, opts, inputs)
		},
	}
	out.registerBrief(cmd, "the one the files name", "today")
	boolVarP(cmd, &anonymous, "anonymous", "", `show "Person 1".."Person N" instead of names; no per-person answers under three people`)
	boolVarP(cmd, &plain, "plain", "", "print the brief instead of opening the interactive results")
	a.definitionFlags(cmd)
	return cmd
}

// maxTeamInput bounds what a team's answers files hold in all. A
// person's file is a few kilobytes (a JSON brief a few dozen), so a team
// of hundreds fits with room to spare, while files that are not answers
// (a pattern that takes in logs or exports) are refused before any is
// read: each could cost a second to parse.
const maxTeamInput = 4 << 20

// maxBadInput is how much of files with problems a team reads before it
// stops and reports them: a whole team of wrong files costs no more than
// one or two, and the first problems are the ones to fix. A person's
// answers file with a mistake is a few kilobytes: a team of them is
// read to the end.
const maxBadInput = 256 << 10

// readTeam reads every person's answers file, listing the problems of
// all the bad ones at once (past maxBadInput of bad files, the rest are
// left unread, and the user told so). A person's name is
// engagement.respondent, or the file's name without its extension. eng
// is the client the files name (they must agree unless --client names
// it) and the first preparer.
func (a *app) readTeam(defs *advisor.Definitions, files []string, clientFlag string) ([]advisor.Respondent, advisor.Engagement, error) {
	var people []advisor.Respondent
	var eng advisor.Engagement
	if err := checkTeamFiles(files); err != nil {
		return nil, eng, err
	}
	type file struct {
		info os.FileInfo
		name string
	}
	var seen []file                // the files read so far
	var errs []error               // each bad file's problems, in order
	clients := map[string]string{} // normalised client -> first file naming it
	var clientOrder []string
	read, bad := 0, 0 // bytes read, and of them in files with problems
	unread := 0       // files left unread after too many bad ones
	for k, f := range files {
		if bad >= maxBadInput {
			unread = len(files) - k
			break
		}
		// The same file twice, under any name (a symbolic or a hard link
		// included), is one person twice.
		if st, err := os.Stat(f); err == nil {
			if i := slices.IndexFunc(seen, func(o file) bool { return os.SameFile(o.info, st) }); i >= 0 {
				errs = append(errs, fileProblem(f, fmt.Sprintf("the same file as %s; give each person's answers once", advisor.SafeText(seen[i].name))))
				continue
			}
			seen = append(seen, file{st, f})
		}
		b, err := a.readInput(displayName(f), f)
		if err != nil {
			if exitCode(err) != exitUsage {
				return nil, eng, err // not the input: the machine
			}
			// Every bad file is named, whatever is wrong with it.
			errs = append(errs, fileProblem(f, strings.TrimPrefix(err.Error(), f+": ")))
			continue
		}
		if read += len(b); read > maxTeamInput {
			// Past checkTeamFiles only when they are not regular files.
			return nil, eng, badInput(fmt.Errorf("the answers files hold more than the %s one team report reads, and a person's answers are a few kilobytes; is the wrong file among them?", sizeText(maxTeamInput)))
		}
		af, err := defs.ReadAnswers(displayName(f), b, false)
		if err != nil {
			bad += len(b)
			errs = append(errs, err)
			continue
		}
		if af.TeamReport {
			errs = append(errs, fileProblem(f, "this is a team's brief, not one person's answers; give each person's own file"))
			continue
		}
		name := af.Engagement.Respondent
		if name == "" {
			// A name from a file name is the user's text like any other.
			name = advisor.SafeText(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
		}
		if c := af.Engagement.Client; c != "" {
			key := strings.ToLower(strings.Join(strings.Fields(c), " "))
			if _, ok := clients[key]; !ok {
				clients[key] = f
				clientOrder = append(clientOrder, key)
			}
			if eng.Client == "" {
				eng.Client = c
			}
		}
		if eng.PreparedBy == "" {
			eng.PreparedBy = af.Engagement.PreparedBy
		}
		people = append(people, advisor.Respondent{Name: name, File: f, Answers: af.Answers, NameFromFile: af.Engagement.Respondent == ""})
	}
	if len(clientOrder) > 1 && clientFlag == "" {
		var named []string
		for _, k := range clientOrder {
			named = append(named, advisor.SafeText(clients[k]))
		}
		// Named at the first file that differs from the first client.
		errs = append(errs, &advisor.InputError{Problems: []advisor.Problem{{File: clients[clientOrder[1]], Key: "engagement.client", Msg: fmt.Sprintf("the files name different clients (%s); give --client to name the brief, or correct the files", strings.Join(named, ", "))}}})
	}
	err := advisor.JoinInputErrors(errs...)
	if err == nil {
		return people, eng, nil
	}
	if ie := (*advisor.InputError)(nil); errors.As(err, &ie) && unread > 0 {
		files := "files were"
		if unread == 1 {
			files = "file was"
		}
		ie.Hint = fmt.Sprintf("%s more answers %s not read after these problems; fix them first", advisor.GroupDigits(unread), files)
	}
	return nil, eng, badInput(err)
}

// fileProblem is one problem with a team member's file.
func fileProblem(f, msg string) error {
	return &advisor.InputError{Problems: []advisor.Problem{{File: f, Msg: msg}}}
}

// checkTeamFiles refuses, before any is read, a list of answers files
// that cannot be a team's: too many, standard input, an empty name, or
// more than maxTeamInput in all.
func checkTeamFiles(files []string) error {
	if len(files) > advisor.MaxTeam {
		return badInput(fmt.Errorf("%s answers files is more than the %d one team report weighs; split the team", advisor.GroupDigits(len(files)), advisor.MaxTeam))
	}
	type sized struct {
		name string
		size int64
	}
	var all []sized
	var total int64
	for _, f := range files {
		if f == "-" {
			return badInput(errors.New("team reads each person's answers from a file; standard input (-) cannot tell one person from the next"))
		}
		if strings.TrimSpace(f) == "" {
			return badInput(errors.New("an empty file name among the answers files; give each person's file (an unset variable?)"))
		}
		if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() {
			all = append(all, sized{f, st.Size()})
			total += st.Size()
		}
	}
	if total <= maxTeamInput {
		return nil
	}
	slices.SortStableFunc(all, func(x, y sized) int { return cmp.Compare(y.size, x.size) })
	var largest []string
	for _, s := range all[:min(3, len(all))] {
		largest = append(largest, fmt.Sprintf("%s (%s)", advisor.SafeText(s.name), sizeText(s.size)))
	}
	return badInput(fmt.Errorf("the answers files hold %s in all, more than the %s one team report reads, and a person's answers are a few kilobytes; the largest: %s. Is the wrong file among them?", sizeText(total), sizeText(maxTeamInput), advisor.JoinWords(largest, "and")))
}

// sizeText is a file size for a message: "1.5 MiB", "20 KiB", "300 bytes".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".0") + " MiB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// teamExportName is the name the team's export screen suggests, before
// the format's extension.
const teamExportName = "coo-advisor-team"

// runTeamInteractive opens the team's results in the full-screen program.
func (a *app) runTeamInteractive(cmd *cobra.Command, p *prepared, opts advisor.ReportOptions, inputs atomicfile.Options) error {
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	o := tui.Options{
		Defs: p.defs, Team: opts.Team, Report: opts, Input: a.stdin, Output: a.out.w, Format: p.format, Dir: dir, Protect: inputs,
		ExportPath: teamExportName + p.format.Extension(),
	}
	return a.runProgram(cmd, o)
}
