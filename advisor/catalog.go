package advisor

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// minColumn is the narrowest a role column may be in the side-by-side
// table; below it the roles are listed one after another. A secondary
// role (the fractional COO) joins the columns from wideColumn on, or when
// asked for; otherwise it follows the table.
// rolesKey holds the roles in a JSON listing, as in a roles file.
const rolesKey = "roles"

const (
	minColumn  = 24
	wideColumn = 30
)

// RolesTable renders the roles side by side, one column each, wrapped to
// width cells: summary, responsibilities, when each fits and how it works
// with the others. The COO and the Operations Director come first, side by
// side; a secondary role joins them where the width allows or when all is
// set, and is listed after the table otherwise. Narrow widths list the
// roles one after another instead.
func (d *Definitions) RolesTable(width int, all, ids bool) string {
	cols := d.PrimaryRoles()
	if all || (width-3*(len(d.Roles)-1))/len(d.Roles) >= wideColumn || len(cols) == 0 {
		cols = make([]int, len(d.Roles))
		for i := range cols {
			cols[i] = i
		}
	}
	var rest []int
	for i := range d.Roles {
		if !slices.Contains(cols, i) {
			rest = append(rest, i)
		}
	}
	table := d.rolesColumns(cols, width, ids)
	if len(rest) == 0 {
		return table
	}
	return table + "\n" + d.rolesStacked(rest, width, ids)
}

func (d *Definitions) rolesColumns(idx []int, width int, ids bool) string {
	n := len(idx)
	gutter := " │ "
	colW := (width - textWidth(gutter)*(n-1)) / n
	if colW < minColumn {
		return d.rolesStacked(idx, width, ids)
	}
	var b strings.Builder
	writeRow := func(cells []string) {
		wrapped := make([][]string, n)
		height := 0
		for i, c := range cells {
			wrapped[i] = wrapCell(c, colW)
			height = max(height, len(wrapped[i]))
		}
		for l := 0; l < height; l++ {
			var line strings.Builder
			for i := range cells {
				if i > 0 {
					line.WriteString(gutter)
				}
				s := ""
				if l < len(wrapped[i]) {
					s = wrapped[i][l]
				}
				if i < n-1 {
					s = padRight(s, colW)
				}
				line.WriteString(s)
			}
			b.WriteString(strings.TrimRight(line.String(), " "))
			b.WriteByte('\n')
		}
	}
	rule := func() {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = strings.Repeat("─", colW)
		}
		b.WriteString(strings.Join(parts, "─┼─") + "\n")
	}
	cells := func(f func(r Role) string) []string {
		out := make([]string, n)
		for k, i := range idx {
			out[k] = f(d.Roles[i])
		}
		return out
	}
	writeRow(cells(func(r Role) string { return strings.ToUpper(r.Title) }))
	rule()
	writeRow(cells(func(r Role) string { return r.Summary }))
	rule()
	writeRow(cells(func(Role) string { return "Responsibilities" }))
	rows := 0
	for _, i := range idx {
		rows = max(rows, len(d.Roles[i].Responsibilities))
	}
	for i := 0; i < rows; i++ {
		writeRow(cells(func(Role) string { return "" }))
		writeRow(cells(func(r Role) string {
			if i >= len(r.Responsibilities) {
				return ""
			}
			x := r.Responsibilities[i]
			return respText(i, x, ids)
		}))
	}
	rule()
	writeRow(cells(func(Role) string { return "When it fits" }))
	writeRow(cells(func(r Role) string {
		lines := make([]string, len(r.FitsWhen))
		for i, f := range r.FitsWhen {
			lines[i] = "- " + f
		}
		return strings.Join(lines, "\n")
	}))
	rule()
	writeRow(cells(func(Role) string { return "Working together" }))
	writeRow(cells(func(r Role) string { return r.WorksWith }))
	return b.String()
}

// wrapCell wraps a cell to width, hanging list items ("- ", "1. ") so
// their continuation lines line up with the text.
func wrapCell(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		hang := ""
		if strings.HasPrefix(para, "- ") {
			hang = "  "
		} else if i := strings.Index(para, ". "); i > 0 && i <= 3 && strings.Trim(para[:i], "0123456789") == "" {
			hang = strings.Repeat(" ", i+2)
		}
		for _, w := range strings.Fields(para) {
			if textWidth(w) > width-len(hang) {
				// A word (an id) that only fits without the indent: give
				// up the indent rather than break the word.
				hang = ""
			}
		}
		lines := Wrap(para, width-len(hang))
		for j := 1; j < len(lines); j++ {
			lines[j] = hang + lines[j]
		}
		out = append(out, lines...)
	}
	return out
}

func (d *Definitions) rolesStacked(idx []int, width int, ids bool) string {
	var b strings.Builder
	for k, i := range idx {
		r := d.Roles[i]
		if k > 0 {
			b.WriteString("\n")
		}
		b.WriteString(wrapIndent(strings.ToUpper(r.Title), width, "", ""))
		b.WriteString(strings.Repeat("─", max(1, min(width, textWidth(r.Title)))) + "\n")
		b.WriteString(wrapIndent(r.Summary, width, "", ""))
		b.WriteString("\nResponsibilities\n")
		for j, x := range r.Responsibilities {
			for _, l := range wrapCell(respText(j, x, ids), width) {
				b.WriteString(l + "\n")
			}
		}
		b.WriteString("\nWhen it fits\n")
		for _, f := range r.FitsWhen {
			for _, l := range wrapCell("- "+f, width) {
				b.WriteString(l + "\n")
			}
		}
		b.WriteString("\nWorking together\n")
		b.WriteString(wrapIndent(r.WorksWith, width, "", ""))
	}
	return b.String()
}

// RolesMarkdown renders the roles as a Markdown table, responsibilities
// side by side, followed by when each role fits.
func (d *Definitions) RolesMarkdown() string {
	var b strings.Builder
	b.WriteString("# The roles side by side\n\n|")
	for _, r := range d.Roles {
		fmt.Fprintf(&b, " %s |", mdCellText(flatText(r.Title)))
	}
	b.WriteString("\n|" + strings.Repeat("---|", len(d.Roles)) + "\n|")
	for _, r := range d.Roles {
		fmt.Fprintf(&b, " %s |", mdCellText(flatText(r.Summary)))
	}
	b.WriteString("\n")
	rows := 0
	for _, r := range d.Roles {
		rows = max(rows, len(r.Responsibilities))
	}
	for i := 0; i < rows; i++ {
		b.WriteString("|")
		for _, r := range d.Roles {
			cell := ""
			if i < len(r.Responsibilities) {
				x := r.Responsibilities[i]
				cell = "**" + mdCellText(flatText(x.Name)) + "**: " + mdCellText(flatText(x.Description))
			}
			fmt.Fprintf(&b, " %s |", cell)
		}
		b.WriteString("\n")
	}
	b.WriteString("|")
	for _, r := range d.Roles {
		fmt.Fprintf(&b, " *Working together:* %s |", mdCellText(flatText(r.WorksWith)))
	}
	b.WriteString("\n")
	for _, r := range d.Roles {
		fmt.Fprintf(&b, "\n## When %s fits\n\n", article(r.Title)+" "+mdText(flatText(r.Title), false))
		for _, f := range r.FitsWhen {
			fmt.Fprintf(&b, "- %s\n", mdText(flatText(f), false))
		}
	}
	return b.String()
}

type jsonResponsibility struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

type jsonRole struct {
	ID               string               `json:"id"`
	Title            string               `json:"title"`
	Short            string               `json:"short"`
	Summary          string               `json:"summary"`
	Responsibilities []jsonResponsibility `json:"responsibilities"`
	FitsWhen         []string             `json:"fits_when"`
	WorksWith        string               `json:"works_with"`
}

// RolesJSON renders the roles as JSON.
func (d *Definitions) RolesJSON() ([]byte, error) {
	roles := make([]jsonRole, 0, len(d.Roles))
	for _, r := range d.Roles {
		jr := jsonRole{ID: r.ID, Title: r.Title, Short: r.Short, Summary: r.Summary, FitsWhen: r.FitsWhen, WorksWith: r.WorksWith}
		for _, x := range r.Responsibilities {
			jr.Responsibilities = append(jr.Responsibilities, jsonResponsibility{ID: x.ID, Name: x.Name, Description: x.Description})
		}
		roles = append(roles, jr)
	}
	out, err := json.MarshalIndent(map[string]any{rolesKey: roles}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("roles as JSON: %w", err)
	}
	return append(out, '\n'), nil
}

// QuestionsText lists the questions in order with their ids, kinds,
// allowed values, the points each answer gives, the roles it rules out,
// and why, wrapped to width.
func (d *Definitions) QuestionsText(width int) string {
	var b strings.Builder
	for i := range d.Questions {
		q := &d.Questions[i]
		if i > 0 {
			b.WriteString("\n")
		}
		req := "required"
		if q.Default != nil {
			req = "optional, default " + q.FormatValue(*q.Default)
		}
		f, _ := d.Factor(q.Factor)
		b.WriteString(wrapIndent(fmt.Sprintf("%d. %s (%s, %s; factor %s)", i+1, q.ID, q.Kind, req, f.Title), width, "", "   "))
		b.WriteString(wrapIndent(q.Prompt, width, "   ", "   "))
		b.WriteString(wrapIndent("Why: "+q.Why, width, "   ", "   "))
		answer := "Answer: " + q.Allowed() + "."
		if q.Cap > 0 {
			answer += fmt.Sprintf(" At most %s points per role count from this question.", FormatPoints(q.Cap))
		}
		b.WriteString(wrapIndent(answer, width, "   ", "   "))
		for _, e := range q.rules().catalog(q) {
			line := e.key + ": " + d.PointsText(e.part.Weights)
			if e.label != "" && e.label != e.key {
				line = e.key + " (" + e.label + "): " + d.PointsText(e.part.Weights)
			}
			if e.part.NoLever {
				line += "; never offered as a change"
			}
			b.WriteString(wrapIndent(line, width, "   - ", "     "))
			if e.part.Why != "" {
				b.WriteString(wrapIndent("Why: "+e.part.Why, width, "     ", "     "))
			}
			if e.part.Source != "" {
				b.WriteString(wrapIndent("Source: "+e.part.Source, width, "     ", "     "))
			}
			for _, r := range e.part.RulesOut {
				text := "Rules out " + d.Roles[r.Role].Title + ": " + r.Reason
				if r.Source != "" {
					text += " Source: " + strings.TrimRight(r.Source, ".") + "."
				}
				b.WriteString(wrapIndent(text, width, "     ", "     "))
			}
		}
	}
	return b.String()
}

// catalogEntry is one answer (a band, an option, or none) as the
// questions listing and the template show it.
type catalogEntry struct {
	key   string // "1 to 19", "rapid", "[]"
	label string
	part  *Part
}

func (integerKind) catalog(q *Question) []catalogEntry {
	out := make([]catalogEntry, len(q.Bands))
	for i := range q.Bands {
		b := &q.Bands[i]
		span := GroupDigits(b.Min) + " to " + GroupDigits(b.Max)
		if b.Min == b.Max {
			span = GroupDigits(b.Min)
		}
		out[i] = catalogEntry{span, b.Label, &b.Part}
	}
	return out
}

func (choiceKind) catalog(q *Question) []catalogEntry {
	out := make([]catalogEntry, len(q.Options))
	for i := range q.Options {
		out[i] = catalogEntry{q.Options[i].Value, q.Options[i].Label, &q.Options[i].Part}
	}
	return out
}

func (multiKind) catalog(q *Question) []catalogEntry {
	out := choiceKind{}.catalog(q)
	return append(out, catalogEntry{"[]", q.None.Label, &q.None.Part})
}

// Template is a commented answers file to fill in: every question in
// order, with its allowed values; required answers are left blank.
func (d *Definitions) Template() string {
	var b strings.Builder
	b.WriteString("# coo-advisor answers file.\n")
	b.WriteString("# Fill in every answer, then run:\n#   coo-advisor recommend answers.yaml\n")
	b.WriteString("# or, when each member of a leadership team fills in their own:\n#   coo-advisor team ana.yaml ben.yaml ...\n")
	b.WriteString("\n# Optional: who the brief is for, and who answered (in a team, name and role).\n")
	b.WriteString("# engagement:\n#   client: Acme Ltd\n#   prepared_by: Jane Doe\n#   date: 2026-11-26\n#   respondent: Ana Ruiz\n#   role: CEO\n")
	for i := range d.Questions {
		q := &d.Questions[i]
		b.WriteString("\n")
		for _, l := range Wrap(fmt.Sprintf("%d. %s", i+1, q.Prompt), 76) {
			b.WriteString("# " + l + "\n")
		}
		if q.Help != "" {
			for _, l := range Wrap(q.Help, 76) {
				b.WriteString("# " + l + "\n")
			}
		}
		b.WriteString(q.rules().templateHint(q))
		value := ""
		if q.Default != nil {
			value = q.rules().templateValue(q, *q.Default)
		}
		if value == "" {
			fmt.Fprintf(&b, "%s:\n", q.ID)
		} else {
			fmt.Fprintf(&b, "%s: %s\n", q.ID, value)
		}
	}
	return b.String()
}

func (integerKind) templateHint(q *Question) string {
	return fmt.Sprintf("# A whole number from %s to %s.\n", GroupDigits(q.Min), GroupDigits(q.Max))
}

func (integerKind) templateValue(q *Question, a Answer) string { return q.FormatValue(a) }

func (choiceKind) templateHint(q *Question) string {
	return "# One of:\n" + optionLines(q)
}

func (choiceKind) templateValue(q *Question, a Answer) string { return q.FormatValue(a) }

func (multiKind) templateHint(q *Question) string {
	return "# A list of any of these, like [a, b]; write [] for none:\n" + optionLines(q)
}

func (multiKind) templateValue(_ *Question, a Answer) string {
	return "[" + strings.Join(a.Multi, ", ") + "]"
}

func optionLines(q *Question) string {
	var b strings.Builder
	for _, o := range q.Options {
		fmt.Fprintf(&b, "#   %-24s %s\n", o.Value, o.Label)
	}
	return b.String()
}

// respText is a responsibility in a roles table: "1. Strategy alignment"
// and its description; with ids, the id that answers files use too.
func respText(i int, x Responsibility, ids bool) string {
	if ids {
		return fmt.Sprintf("%d. %s (%s)\n%s", i+1, x.Name, x.ID, x.Description)
	}
	return fmt.Sprintf("%d. %s\n%s", i+1, x.Name, x.Description)
}
