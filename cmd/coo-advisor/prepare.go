package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// prepared is what a command that writes a report works from.
type prepared struct {
	format     advisor.Format
	defs       *advisor.Definitions
	file       *advisor.AnswersFile // nil without --answers
	engagement advisor.Engagement   // the file's, with the flags' on top
	market     string               // --market: whose costs the brief quotes
	// width is where a text brief on a terminal wraps; 0 when standard
	// output is not a terminal (each paragraph on one line, for email).
	width int
}

// answers are the answers given, or nil.
func (p *prepared) answers() advisor.Answers {
	if p.file == nil {
		return nil
	}
	return p.file.Answers
}

// reportOptions are the engagement (dated today when no date was given)
// and the program's version.
func (p *prepared) reportOptions() advisor.ReportOptions {
	e := p.engagement
	if e.Date == "" {
		e.Date = today()
	}
	return advisor.ReportOptions{Engagement: e, Version: programVersion(), Market: p.market, Width: p.width}
}

// today is the date a report carries when none is given.
func today() string { return time.Now().Format("2006-01-02") }

// prepare checks the format and the engagement flags, and loads the
// definitions and, when --answers names a file, the answers (a partial
// file too, with partial: the interactive modes ask what is missing).
func (a *app) prepare(o *outputFlags, partial bool) (*prepared, error) {
	p := &prepared{}
	format, err := o.reportFormat()
	if err != nil {
		return nil, err
	}
	p.format = format
	flags := advisor.Engagement{Client: o.client, PreparedBy: o.preparedBy, Date: o.date, Respondent: o.respondent, Role: o.role}
	for _, f := range []struct{ name, value string }{{"--client", o.client}, {"--prepared-by", o.preparedBy}, {"--respondent", o.respondent}, {"--role", o.role}} {
		if msg := advisor.CheckEngagementText(f.value); msg != "" {
			return nil, badInput(fmt.Errorf("%s %s", f.name, msg))
		}
	}
	if o.date != "" {
		if msg := advisor.CheckDate(o.date); msg != "" {
			return nil, badInput(fmt.Errorf("--date: %s", msg))
		}
	}
	if err := a.oneStdinReader(map[string]string{flagAnswers: o.answers}); err != nil {
		return nil, err
	}
	if p.defs, err = a.loadDefinitions(); err != nil {
		return nil, err
	}
	if p.market, err = checkMarket(p.defs, o.market); err != nil {
		return nil, err
	}
	if o.output == "" && isTerminal(a.out.w) {
		// On a terminal the brief wraps to the window, as the help does,
		// and no wider than a line is comfortable to read.
		p.width = min(a.terminalWidth(), maxHelpWidth)
	}
	if o.answers != "" {
		if p.file, err = a.readAnswersFile(p.defs, flagAnswers, o.answers, partial); err != nil {
			return nil, err
		}
		p.engagement = p.file.Engagement
	}
	p.engagement = p.engagement.Merge(flags)
	return p, nil
}

// reportFormat is --format when given, or else the format the --output
// file's extension names (brief.md is Markdown); text for standard output.
// An --output name without a known extension needs --format: nothing is
// written in a format its name does not say.
func (o *outputFlags) reportFormat() (advisor.Format, error) {
	if o.cmd != nil && o.cmd.Flags().Changed("format") {
		f, err := advisor.ParseFormat(o.format)
		if err != nil {
			return "", badInput(fmt.Errorf("--format: %w", err))
		}
		// A name that says another format would mislead whoever opens
		// it (and a JSON brief named .md would not read back).
		if named, ok := advisor.FormatForPath(o.output); ok && named != f && !atomicfile.IsStream(o.output) {
			return "", badInput(fmt.Errorf("--format %s, but --output %s names %s; end the name in %s, or leave out --format", f, advisor.SafeText(o.output), named, f.Extension()))
		}
		return f, nil
	}
	if o.output == "" || o.output == "-" || atomicfile.IsStream(o.output) {
		return advisor.FormatText, nil
	}
	if f, ok := advisor.FormatForPath(o.output); ok {
		return f, nil
	}
	return "", badInput(fmt.Errorf("--output %s: the name does not say which format to write; end it in %s, or give --format", o.output, strings.Join(advisor.Extensions, ", ")))
}

// checkMarket checks --market against the markets the roles file gives.
func checkMarket(d *advisor.Definitions, id string) (string, error) {
	if id == "" {
		return "", nil
	}
	if _, ok := d.Market(id); ok {
		return id, nil
	}
	if len(d.Markets) == 0 {
		return "", badInput(fmt.Errorf("--market %s: the roles file gives no markets; leave out --market", advisor.QuoteInput(id)))
	}
	return "", badInput(fmt.Errorf("--market %s is not a market of the roles file; markets are %s", advisor.QuoteInput(id), strings.Join(d.MarketIDs(), ", ")))
}
