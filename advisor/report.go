package advisor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// Format is a report format.
type Format string

// The report formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
)

// Formats lists the report formats, for flag help and messages.
var Formats = []string{string(FormatText), string(FormatMarkdown), string(FormatJSON)}

// ParseFormat checks a format name ("md" is accepted for markdown).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "json":
		return FormatJSON, nil
	}
	return "", fmt.Errorf("%q is not a format; formats are %s", s, quoteList(Formats))
}

// Extension is the usual file extension of a format.
func (f Format) Extension() string {
	switch f {
	case FormatMarkdown:
		return ".md"
	case FormatJSON:
		return ".json"
	}
	return ".txt"
}

// maxTitleColumn is the widest question title that still gets a column of
// its own in the answers of a text report.
const maxTitleColumn = 30

// reportWidth is where text reports wrap: narrow enough to paste into an
// email without the client re-wrapping it.
const reportWidth = 72

// Report renders a result in the given format. The output depends only on
// the definitions and the result: no dates, no environment.
func (d *Definitions) Report(r *Result, f Format) ([]byte, error) {
	switch f {
	case FormatText:
		return []byte(d.textReport(r)), nil
	case FormatMarkdown:
		return []byte(d.markdownReport(r)), nil
	case FormatJSON:
		return d.jsonReport(r)
	}
	return nil, fmt.Errorf("%q is not a format; formats are %s", f, quoteList(Formats))
}

func (d *Definitions) textReport(r *Result) string {
	var b strings.Builder
	rec, _ := d.Role(r.Recommended)
	b.WriteString("COO ADVISOR RECOMMENDATION\n\n")
	b.WriteString(d.Headline(r) + ".\n")
	b.WriteString(wrapIndent("Confidence: "+d.ConfidenceText(r)+".", reportWidth, "", ""))
	b.WriteString(wrapIndent("Scores: "+d.ScoresText(r)+".", reportWidth, "", ""))
	if note := d.CloseCallNote(r); note != "" {
		b.WriteString(wrapIndent(note, reportWidth, "", ""))
	}
	for _, x := range r.RuledOut {
		b.WriteString(wrapIndent(x.Reason, reportWidth, "Ruled out: ", "           "))
	}
	for _, p := range r.AlsoPlan {
		b.WriteString(wrapIndent(PlanText(p), reportWidth, "Also plan for: ", "               "))
	}
	for _, n := range r.AnswerNotes() {
		b.WriteString(wrapIndent(n.Text, reportWidth, "Note: ", "      "))
	}
	b.WriteString("\n")
	b.WriteString(wrapIndent(rec.Summary, reportWidth, "", ""))

	section := func(title string) { b.WriteString("\n" + title + "\n") }
	bullet := func(text string) { b.WriteString(wrapIndent(text, reportWidth, "  - ", "    ")) }

	why, against := d.ReasonHeadings(r)
	section(why)
	if len(r.Reasons) == 0 {
		bullet(d.NoReasonsText(r))
	}
	for _, c := range r.Reasons {
		bullet(d.ReasonText(c))
	}
	if r.MoreReasons > 0 {
		bullet(MorePoints(r.MoreReasons))
	}
	if len(r.Counterpoints) > 0 {
		section(against)
		for _, c := range r.Counterpoints {
			bullet(d.ReasonText(c))
		}
		if r.MoreCounterpoints > 0 {
			bullet(MorePoints(r.MoreCounterpoints))
		}
	}
	section("What would change the advice")
	if len(r.Changes) == 0 {
		bullet("No plausible change of a single answer would change the advice.")
	}
	for _, c := range r.Changes {
		bullet(d.ChangeText(c))
	}
	if hiring := r.RoleNotes(); len(hiring) > 0 {
		section("Before you decide")
		for _, n := range hiring {
			bullet(d.NoteText(r, n))
		}
	}

	section("Scores by factor")
	b.WriteString(d.factorTable(r))

	section("Your answers")
	titleW := 0
	for _, q := range d.Questions {
		titleW = max(titleW, textWidth(q.Title))
	}
	for _, q := range d.Questions {
		answer := q.Describe(r.Answers[q.ID])
		if titleW > maxTitleColumn {
			// Long titles (a user's questions file) get a line of their own.
			b.WriteString(wrapIndent(q.Title, reportWidth, "  ", "  "))
			b.WriteString(wrapIndent(answer, reportWidth, "    ", "    "))
			continue
		}
		first := "  " + padRight(q.Title, titleW) + "  "
		b.WriteString(wrapIndent(answer, reportWidth, first, strings.Repeat(" ", textWidth(first))))
	}

	section("The roles")
	for _, role := range d.Roles {
		b.WriteString(wrapIndent(role.Title+": "+role.Summary, reportWidth, "  ", "  "))
		b.WriteString(wrapIndent("Owns: "+responsibilityNames(role)+".", reportWidth, "  ", "  "))
	}
	section("How this was scored")
	for _, line := range d.scoringLines(r) {
		bullet(line)
	}
	b.WriteString("\n")
	b.WriteString(wrapIndent("Prepared with coo-advisor, offline. Every point comes from a weight in the role and question definitions; run `coo-advisor questions` to see them.", reportWidth, "", ""))
	return b.String()
}

// NoReasonsText is what stands in for the reasons when there are none.
func (d *Definitions) NoReasonsText(r *Result) string {
	if r.RunnerUp == "" {
		return "The rules leave no other role to weigh it against."
	}
	return "No answer favours one role over the other."
}

// MorePoints stands for the reasons a list leaves out, so that the
// reader knows the list is not the whole story.
func MorePoints(n int) string {
	if n == 1 {
		return "and 1 smaller point"
	}
	return fmt.Sprintf("and %d smaller points", n)
}

// NoteText is a role's point to weigh; on a tie, with the role it is about.
func (d *Definitions) NoteText(r *Result, n Note) string {
	if !r.Tie {
		return n.Text
	}
	role, _ := d.Role(n.Role)
	return role.Title + ": " + n.Text
}

// scoringLines explain every answer's points and every rule with the
// definitions' rationale, for the appendix a consultant defends the advice
// from.
func (d *Definitions) scoringLines(r *Result) []string {
	var out []string
	for i, c := range r.Contributions {
		line := d.ReasonText(c) + "."
		if c.Why != "" {
			line += " " + c.Why
		}
		if c.Source != "" {
			line += " (Source: " + strings.TrimRight(c.Source, ".") + ".)"
		}
		out = append(out, line)
		if last := i == len(r.Contributions)-1 || r.Contributions[i+1].Question != c.Question; last {
			if cap := d.CapText(r, c.Question); cap != "" {
				out = append(out, cap)
			}
		}
	}
	for _, x := range r.RuledOut {
		line := x.Reason
		if x.Source != "" {
			line += " (Source: " + strings.TrimRight(x.Source, ".") + ".)"
		}
		out = append(out, line)
	}
	return out
}

func responsibilityNames(r Role) string {
	names := make([]string, len(r.Responsibilities))
	for i, x := range r.Responsibilities {
		names[i] = x.Name
	}
	return strings.Join(names, ", ")
}

// factorTable renders the per-factor scores as an aligned text table.
func (d *Definitions) factorTable(r *Result) string {
	header := []string{"Factor"}
	for _, role := range d.Roles {
		header = append(header, role.Short)
	}
	rows := [][]string{header}
	for _, fs := range r.Factors {
		f, _ := d.Factor(fs.Factor)
		row := []string{f.Title}
		for i := range d.Roles {
			row = append(row, FormatPoints(fs.Points[i]))
		}
		rows = append(rows, row)
	}
	total := []string{"Total"}
	for _, s := range r.Scores {
		total = append(total, FormatPoints(s.Points))
	}
	rows = append(rows, total)
	widths := make([]int, len(header))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], textWidth(c))
		}
	}
	var b strings.Builder
	tableWidth := 2 + widths[len(widths)-1]
	for _, w := range widths[:len(widths)-1] {
		tableWidth += w + 3
	}
	if tableWidth > reportWidth {
		// Too many roles, or titles too long, for columns on the page:
		// one line per factor instead.
		for _, row := range rows[1:] {
			parts := make([]string, 0, len(d.Roles))
			for i, role := range d.Roles {
				parts = append(parts, role.Short+" "+row[i+1])
			}
			b.WriteString(wrapIndent(row[0]+": "+strings.Join(parts, ", "), reportWidth, "  ", "    "))
		}
		return b.String()
	}
	for _, row := range rows {
		b.WriteString("  ")
		for i, c := range row {
			if i == len(row)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(padRight(c, widths[i]+3))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (d *Definitions) markdownReport(r *Result) string {
	var b strings.Builder
	rec, _ := d.Role(r.Recommended)
	b.WriteString("# COO advisor recommendation\n\n")
	fmt.Fprintf(&b, "**%s.**\n\n", mdEscape(d.Headline(r)))
	fmt.Fprintf(&b, "Confidence: %s.  \nScores: %s.\n", mdEscape(d.ConfidenceText(r)), mdEscape(d.ScoresText(r)))
	if note := d.CloseCallNote(r); note != "" {
		fmt.Fprintf(&b, "\n> %s\n", mdEscape(note))
	}
	for _, x := range r.RuledOut {
		fmt.Fprintf(&b, "\n> **Ruled out:** %s\n", mdEscape(x.Reason))
	}
	for _, p := range r.AlsoPlan {
		fmt.Fprintf(&b, "\n**Also plan for:** %s\n", mdEscape(PlanText(p)))
	}
	for _, n := range r.AnswerNotes() {
		fmt.Fprintf(&b, "\n> **Note:** %s\n", mdEscape(n.Text))
	}
	fmt.Fprintf(&b, "\n%s\n", mdEscape(rec.Summary))

	why, against := d.ReasonHeadings(r)
	fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(why))
	if len(r.Reasons) == 0 {
		fmt.Fprintf(&b, "- %s\n", mdEscape(d.NoReasonsText(r)))
	}
	for _, c := range r.Reasons {
		fmt.Fprintf(&b, "- %s\n", mdEscape(d.ReasonText(c)))
	}
	if r.MoreReasons > 0 {
		fmt.Fprintf(&b, "- %s\n", MorePoints(r.MoreReasons))
	}
	if len(r.Counterpoints) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(against))
		for _, c := range r.Counterpoints {
			fmt.Fprintf(&b, "- %s\n", mdEscape(d.ReasonText(c)))
		}
		if r.MoreCounterpoints > 0 {
			fmt.Fprintf(&b, "- %s\n", MorePoints(r.MoreCounterpoints))
		}
	}
	b.WriteString("\n## What would change the advice\n\n")
	if len(r.Changes) == 0 {
		b.WriteString("- No plausible change of a single answer would change the advice.\n")
	}
	for _, c := range r.Changes {
		fmt.Fprintf(&b, "- %s\n", mdEscape(d.ChangeText(c)))
	}
	if hiring := r.RoleNotes(); len(hiring) > 0 {
		b.WriteString("\n## Before you decide\n\n")
		for _, n := range hiring {
			fmt.Fprintf(&b, "- %s\n", mdEscape(d.NoteText(r, n)))
		}
	}

	b.WriteString("\n## Scores by factor\n\n| Factor |")
	for _, role := range d.Roles {
		fmt.Fprintf(&b, " %s |", mdCell(role.Title))
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(d.Roles)) + "\n")
	for _, fs := range r.Factors {
		f, _ := d.Factor(fs.Factor)
		fmt.Fprintf(&b, "| %s |", mdCell(f.Title))
		for i := range d.Roles {
			fmt.Fprintf(&b, " %s |", FormatPoints(fs.Points[i]))
		}
		b.WriteString("\n")
	}
	b.WriteString("| **Total** |")
	for _, s := range r.Scores {
		fmt.Fprintf(&b, " **%s** |", FormatPoints(s.Points))
	}
	b.WriteString("\n\n## Your answers\n\n| Question | Answer |\n|---|---|\n")
	for _, q := range d.Questions {
		fmt.Fprintf(&b, "| %s | %s |\n", mdCell(q.Title), mdCell(q.Describe(r.Answers[q.ID])))
	}
	b.WriteString("\n## The roles\n")
	for _, role := range d.Roles {
		fmt.Fprintf(&b, "\n### %s\n\n%s\n\n", mdEscape(role.Title), mdEscape(role.Summary))
		for _, x := range role.Responsibilities {
			fmt.Fprintf(&b, "- **%s**: %s\n", mdEscape(x.Name), mdEscape(x.Description))
		}
	}
	b.WriteString("\n## How this was scored\n\n")
	for _, line := range d.scoringLines(r) {
		fmt.Fprintf(&b, "- %s\n", mdEscape(line))
	}
	b.WriteString("\n---\n\n*Prepared with coo-advisor, offline. Every point comes from a weight in the role and question definitions.*\n")
	return b.String()
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`)

// mdEscape keeps user-supplied text (role titles, labels) from being read
// as Markdown syntax.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

func mdCell(s string) string { return mdEscape(strings.ReplaceAll(s, "\n", " ")) }

// ordered is a JSON object whose keys keep the order they were added in.
type ordered []struct {
	key   string
	value any
}

func (o *ordered) add(k string, v any) {
	*o = append(*o, struct {
		key   string
		value any
	}{k, v})
}

func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(kv.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(kv.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

func (d *Definitions) roleMap(w Weights) ordered {
	var o ordered
	for i, r := range d.Roles {
		o.add(r.ID, w[i].Float())
	}
	return o
}

type jsonContribution struct {
	Question  string  `json:"question"`
	Value     string  `json:"value,omitempty"`
	Answer    string  `json:"answer"`
	Points    ordered `json:"points"`
	Counted   ordered `json:"counted"`
	Advantage float64 `json:"advantage"`
	Text      string  `json:"text"`
	Why       string  `json:"why,omitempty"`
	Source    string  `json:"source,omitempty"`
}

type jsonChange struct {
	Question string `json:"question"`
	From     any    `json:"from"`
	To       any    `json:"to"`
	Role     string `json:"recommended"`
	Steps    int    `json:"steps"`
	Text     string `json:"text"`
}

type jsonNote struct {
	Question string `json:"question,omitempty"`
	Role     string `json:"role"`
	Text     string `json:"text"`
}

type jsonRuledOut struct {
	Role     string `json:"role"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Reason   string `json:"reason"`
	Source   string `json:"source,omitempty"`
}

type jsonPlan struct {
	Role string   `json:"role"`
	Text string   `json:"text"`
	For  []string `json:"for"`
	Why  string   `json:"why,omitempty"`
}

type jsonFactor struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Scores  ordered `json:"scores"`
	Leaning string  `json:"leaning"`
}

func (d *Definitions) jsonReport(r *Result) ([]byte, error) {
	rec, _ := d.Role(r.Recommended)
	var o ordered
	o.add("recommended", r.Recommended)
	o.add("recommended_title", rec.Title)
	o.add("runner_up", r.RunnerUp)
	o.add("tie", r.Tie)
	o.add("lead", r.Lead.Float())
	o.add("confidence", round3(r.Confidence))
	o.add("confidence_label", d.ConfidenceLabel(r.Confidence))
	var scores, shares ordered
	for _, s := range r.Scores {
		scores.add(s.Role, s.Points.Float())
		shares.add(s.Role, round3(s.Share))
	}
	o.add("scores", scores)
	o.add("shares", shares)
	ruled := make([]jsonRuledOut, 0, len(r.RuledOut))
	for _, x := range r.RuledOut {
		ruled = append(ruled, jsonRuledOut(x))
	}
	o.add("ruled_out", ruled)
	plans := make([]jsonPlan, 0, len(r.AlsoPlan))
	for _, p := range r.AlsoPlan {
		jp := jsonPlan{Role: p.Role, Text: PlanText(p), For: p.For, Why: p.Why}
		if jp.For == nil {
			jp.For = []string{}
		}
		plans = append(plans, jp)
	}
	o.add("also_plan_for", plans)
	factors := make([]jsonFactor, 0, len(r.Factors))
	for _, fs := range r.Factors {
		f, _ := d.Factor(fs.Factor)
		factors = append(factors, jsonFactor{ID: f.ID, Title: f.Title, Scores: d.roleMap(fs.Points), Leaning: d.leaningOf(fs.Points)})
	}
	o.add("factors", factors)
	contrib := func(cs []Contribution) []jsonContribution {
		out := make([]jsonContribution, 0, len(cs))
		for _, c := range cs {
			out = append(out, jsonContribution{Question: c.Question, Value: c.Value, Answer: c.Label, Points: d.roleMap(c.Points), Counted: d.roleMap(c.Counted), Advantage: c.Advantage.Float(), Text: d.ReasonText(c), Why: c.Why, Source: c.Source})
		}
		return out
	}
	o.add("reasons", contrib(r.Reasons))
	o.add("more_reasons", r.MoreReasons)
	o.add("counterpoints", contrib(r.Counterpoints))
	o.add("more_counterpoints", r.MoreCounterpoints)
	changes := make([]jsonChange, 0, len(r.Changes))
	for _, c := range r.Changes {
		q, _ := d.Question(c.Question)
		changes = append(changes, jsonChange{Question: c.Question, From: q.JSONValue(c.From), To: q.JSONValue(c.To), Role: c.Role, Steps: c.Steps, Text: d.ChangeText(c)})
	}
	o.add("what_would_change", changes)
	var answers ordered
	for i := range d.Questions {
		q := &d.Questions[i]
		answers.add(q.ID, q.JSONValue(r.Answers[q.ID]))
	}
	notes := make([]jsonNote, 0, len(r.Notes))
	for _, n := range r.Notes {
		notes = append(notes, jsonNote(n))
	}
	o.add("notes", notes)
	o.add("answers", answers)
	o.add("contributions", contrib(r.Contributions))
	out, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// leaningOf is the role a factor's points favour, or "" when no role has
// more than every other.
func (d *Definitions) leaningOf(w Weights) string {
	best := 0
	for i := range w {
		if w[i] > w[best] {
			best = i
		}
	}
	for i := range w {
		if i != best && w[i] == w[best] {
			return ""
		}
	}
	return d.Roles[best].ID
}
