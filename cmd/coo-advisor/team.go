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
	var anonymous, plain, allowBlank bool
	cmd := &cobra.Command{
		Use:   "team FILE...",
		Short: "One recommendation for a leadership team, and where its members disagree",
		Long: `Each member of a leadership team answers on their own (in the page 'coo-advisor form' writes, saving their answers with s, in plain mode, or by filling in 'coo-advisor questions --template'); team reads their answers files, as saved or pasted into an email (a "> " quote marker on every line and a signature are taken off), and shows the team's conclusion, a facilitator's agenda, what each person would hire on their own answers and why, the facts to check, everyone's answers side by side, and where the team disagrees, most important first, with what agreeing would do to the advice.

When two thirds of the members reach the same advice on their own answers, the headline is theirs, and the brief says when the merged answers differ and on what. The merged answers take the middle answer to each number and scale, the most common answer to other choices, and weigh each list value by the share of the team that named it.

A person's name is engagement.respondent in their file, or else the file's name; engagement.role gives their role (CEO, CFO...), and names them in the brief when it is theirs alone. --anonymous names and labels nobody: counts instead of people, each question's spread instead of the grid, and numbers fewer than three gave as a range; the preparer stays when --prepared-by names them, or when every file that names one names the same.

A person who cannot answer a question writes abstain as the answer, and is left out of that question only; with --allow-blank, an answer left blank (or left out, when the question has no default) abstains too. Two files with the same answers count as two people, with a warning. Files for different companies are refused: run team once per company. The brief takes the files' client, and their date when they agree; the flags win.

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
			t, err := a.readTeam(p.defs, files, teamReading{client: out.client, allowBlank: allowBlank})
			if err != nil {
				return err
			}
			tr, err := p.defs.Team(t.respondents(), advisor.TeamOptions{Anonymous: anonymous})
			if err != nil {
				return badInput(err)
			}
			for _, w := range t.warnings(out.date) {
				a.tellf("%s", w)
			}
			// The brief is for the client, preparer and date the files
			// give, unless the flags say otherwise; dated today when the
			// files give no date, or disagree.
			p.engagement = t.engagement(anonymous).Merge(advisor.Engagement{Client: out.client, PreparedBy: out.preparedBy, Date: out.date})
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
	out.registerBrief(cmd, "the one the files name", "the files' date when they agree, or today")
	boolVarP(cmd, &anonymous, "anonymous", "", "name and label nobody: counts and spreads instead of people's answers")
	boolVarP(cmd, &allowBlank, "allow-blank", "", "take a question a person left blank (or left out, without a default) as abstaining, like abstain")
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

// teamReading says how readTeam reads a team's files: the client
// --client names, and whether a blank answer abstains.
type teamReading struct {
	client     string
	allowBlank bool
}

// member is one person's answers as a team reads them.
type member struct {
	advisor.Respondent
	eng  advisor.Engagement // the file's
	same string             // the answers, abstentions included, as one text
}

// team is what a team's answers files hold.
type team struct {
	people []member
	// other lists the files saved from a questionnaire page of other
	// questions than the ones in use (see advisor.OtherQuestionnaire).
	other []string
}

// respondents are the people, for advisor.Team.
func (t *team) respondents() []advisor.Respondent {
	out := make([]advisor.Respondent, len(t.people))
	for i, m := range t.people {
		out[i] = m.Respondent
	}
	return out
}

// readTeam reads every person's answers file, listing the problems of
// all the bad ones at once (past maxBadInput of bad files, the rest are
// left unread, and the user told so). A person's name is
// engagement.respondent, or the file's name without its extension. The
// files must name one client, unless --client names it.
func (a *app) readTeam(defs *advisor.Definitions, files []string, o teamReading) (*team, error) {
	if err := checkTeamFiles(files); err != nil {
		return nil, err
	}
	type file struct {
		info os.FileInfo
		name string
	}
	t := &team{}
	var seen []file   // the files read so far
	var errs []error  // each bad file's problems, in order
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
				return nil, err // not the input: the machine
			}
			// Every bad file is named, whatever is wrong with it.
			errs = append(errs, fileProblem(f, strings.TrimPrefix(err.Error(), f+": ")))
			continue
		}
		if read += len(b); read > maxTeamInput {
			// Past checkTeamFiles only when they are not regular files.
			return nil, badInput(fmt.Errorf("the answers files hold more than the %s one team report reads, and a person's answers are a few kilobytes; is the wrong file among them?", sizeText(maxTeamInput)))
		}
		// A person may send their answers pasted into an email, or a
		// reply may quote them.
		size := len(b)
		if b, err = advisor.FromEmail(displayName(f), b); err != nil {
			bad += size
			errs = append(errs, err)
			continue
		}
		af, err := defs.ReadAnswersWith(displayName(f), b, advisor.ReadOptions{Team: true, AllowBlank: o.allowBlank})
		if err != nil {
			bad += len(b)
			errs = append(errs, err)
			continue
		}
		if af.TeamReport {
			errs = append(errs, fileProblem(f, "this is a team's brief, not one person's answers; give each person's own file"))
			continue
		}
		if defs.OtherQuestionnaire(af) {
			t.other = append(t.other, advisor.SafeText(f))
		}
		t.people = append(t.people, newMember(defs, f, af))
	}
	if o.client == "" {
		errs = append(errs, t.oneClient())
	}
	err := advisor.JoinInputErrors(errs...)
	if err == nil {
		return t, nil
	}
	if ie := (*advisor.InputError)(nil); errors.As(err, &ie) && unread > 0 {
		files := "files were"
		if unread == 1 {
			files = "file was"
		}
		ie.Hint = fmt.Sprintf("%s more answers %s not read after these problems; fix them first", advisor.GroupDigits(unread), files)
	}
	return nil, badInput(err)
}

// newMember is the person whose answers file f holds af.
func newMember(defs *advisor.Definitions, f string, af *advisor.AnswersFile) member {
	name := af.Engagement.Respondent
	if name == "" {
		// A name from a file name is the user's text like any other.
		name = advisor.SafeText(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
	}
	// Two files hold the same answers when each question has the same
	// answer, or default, or is abstained on in both.
	var same strings.Builder
	for i := range defs.Questions {
		q := &defs.Questions[i]
		v, ok := af.Answers[q.ID]
		switch {
		case slices.Contains(af.Abstain, q.ID):
			same.WriteString("\x00abstain")
		case !ok && q.Default != nil:
			v, ok = *q.Default, true
		}
		if ok {
			same.WriteString("\x00" + q.FormatValue(v))
		}
		same.WriteString("\n")
	}
	return member{
		Respondent: advisor.Respondent{Name: name, File: f, Role: af.Engagement.Role, Answers: af.Answers, Abstain: af.Abstain, NameFromFile: af.Engagement.Respondent == ""},
		eng:        af.Engagement, same: same.String(),
	}
}

// oneClient refuses files that name different clients: they are
// different companies' teams, unless one company goes by two names (and
// --client says which). Files that name none go with any.
func (t *team) oneClient() error {
	type client struct {
		name  string
		files []string
	}
	var clients []client
	for _, m := range t.people {
		c := m.eng.Client
		if c == "" {
			continue
		}
		key := strings.ToLower(strings.Join(strings.Fields(c), " "))
		i := slices.IndexFunc(clients, func(o client) bool { return strings.ToLower(strings.Join(strings.Fields(o.name), " ")) == key })
		if i < 0 {
			clients = append(clients, client{name: c})
			i = len(clients) - 1
		}
		clients[i].files = append(clients[i].files, m.File)
	}
	if len(clients) < 2 {
		return nil
	}
	var named []string
	for _, c := range clients[:min(3, len(clients))] {
		named = append(named, fmt.Sprintf("%s (%s)", advisor.QuoteInput(c.name), someFiles(c.files)))
	}
	if len(clients) > 3 {
		more := "companies"
		if len(clients) == 4 {
			more = "company"
		}
		named = append(named, fmt.Sprintf("%s more %s", advisor.Spelled(len(clients)-3), more))
	}
	// Named at the first file of the second client.
	return &advisor.InputError{Problems: []advisor.Problem{{File: clients[1].files[0], Key: "engagement.client", Msg: fmt.Sprintf(
		"the files are for different companies: %s; run coo-advisor team once per company, with that company's files (if they are the same company under two names, give --client with the name to use)",
		advisor.JoinWords(named, "and"))}}}
}

// someFiles names the first two of files, and counts the rest.
func someFiles(files []string) string {
	names := make([]string, 0, 3)
	for _, f := range files[:min(2, len(files))] {
		names = append(names, advisor.SafeText(f))
	}
	if len(files) > 2 {
		names = append(names, fmt.Sprintf("%s more", advisor.Spelled(len(files)-2)))
	}
	return advisor.JoinWords(names, "and")
}

// engagement is what the files agree on for the brief: the client the
// first of them names (readTeam refused others), their date when every
// file that gives one gives the same, and the preparer. Under anonymous,
// the preparer is kept only when it is a facilitator's: the same in
// every file that names one, and named in more than one (or in the only
// file); a preparer in one member's file alone is often the member.
func (t *team) engagement(anonymous bool) advisor.Engagement {
	var e advisor.Engagement
	var dates, preparers []string
	givers := 0 // files that name a preparer
	for _, m := range t.people {
		if e.Client == "" {
			e.Client = m.eng.Client
		}
		if d := m.eng.Date; d != "" && !slices.Contains(dates, d) {
			dates = append(dates, d)
		}
		if p := m.eng.PreparedBy; p != "" {
			givers++
			if !slices.Contains(preparers, p) {
				preparers = append(preparers, p)
			}
		}
	}
	if len(dates) == 1 {
		e.Date = dates[0]
	}
	switch {
	case len(preparers) == 0:
	case !anonymous:
		e.PreparedBy = preparers[0]
	case len(preparers) == 1 && (givers > 1 || len(t.people) == 1):
		e.PreparedBy = preparers[0]
	}
	return e
}

// warnings are what the user should know of the files that does not stop
// the brief: identical answers in several files (each counts as a
// person), and dates that disagree (the brief is dated today) unless
// --date gives one.
func (t *team) warnings(dateFlag string) []string {
	var out []string
	if len(t.other) > 0 {
		were := "was"
		if len(t.other) > 1 {
			were = "were"
		}
		out = append(out, fmt.Sprintf("warning: %s %s saved from a questionnaire page of other questions than the ones in use here (engagement.questionnaire differs): give the --questions and --roles the page was made with, or check the answers still mean the same",
			advisor.JoinWords(shortList(t.other), "and"), were))
	}
	groups := map[string][]string{}
	var order []string
	for _, m := range t.people {
		if _, ok := groups[m.same]; !ok {
			order = append(order, m.same)
		}
		groups[m.same] = append(groups[m.same], advisor.SafeText(m.File))
	}
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		which := "one"
		if len(g) > 2 {
			which = "the copies"
		}
		out = append(out, fmt.Sprintf("warning: %s hold the same answers; they count as %s people: remove %s if they are the same person's",
			advisor.JoinWords(shortList(g), "and"), advisor.Spelled(len(g)), which))
	}
	if dateFlag != "" {
		return out
	}
	var dated []string
	for _, m := range t.people {
		if d := m.eng.Date; d != "" && !slices.ContainsFunc(dated, func(s string) bool { return strings.HasPrefix(s, d+" ") }) {
			dated = append(dated, fmt.Sprintf("%s in %s", d, advisor.SafeText(m.File)))
		}
	}
	if len(dated) > 1 {
		out = append(out, fmt.Sprintf("coo-advisor: the brief is dated today, as the files give different dates (%s); give --date to date it", advisor.JoinWords(shortList(dated), "and")))
	}
	return out
}

// shortList is the first five of items, and a count of the rest.
func shortList(items []string) []string {
	if len(items) <= 5 {
		return items
	}
	return append(slices.Clone(items[:4]), fmt.Sprintf("%s more", advisor.Spelled(len(items)-4)))
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
