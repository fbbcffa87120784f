package advisor

import (
	"slices"
	"strconv"
	"strings"
)

// Text renders the document as plain text. With width 0 it is for an
// email: one line per paragraph and per list item, so that the reader's
// mail client wraps it to its own window (hard-wrapped lines come out
// ragged in a proportional font), and names as written, never
// upper-cased. With width > 0 it is the same text wrapped to width cells
// for a terminal, with a hanging indent for list items.
//
// Titles are underlined ("=" under the title, "-" under a section's), as
// plain-text mail has long done; a table becomes a short list per column
// (aligned columns fall apart in a proportional font); the running
// footer, a printed page's, is left out. Nothing is escaped, but no
// control or invisible character gets through (see flatText).
func (d *Doc) Text(width int) string {
	t := textDoc{width: width}
	var top []string
	if k := flatText(d.Kicker); k != "" {
		top = append(top, t.lines(k, "", ""))
	}
	if title := flatText(d.Title); title != "" {
		top = append(top, t.underlined(title, '='))
	}
	if by := flatText(d.Byline); by != "" {
		top = append(top, t.lines(by, "", ""))
	}
	if len(top) > 0 {
		t.add(strings.Join(top, "\n"))
	}
	for _, s := range d.Sections {
		if title := flatText(s.Title); title != "" {
			t.add(t.underlined(title, '-'))
		}
		for _, b := range s.Blocks {
			t.block(b)
		}
	}
	if len(t.blocks) == 0 {
		return ""
	}
	return strings.Join(t.blocks, "\n\n") + "\n"
}

// textDoc gathers the blocks of a text document, each one or more lines
// without a line break at its end; a blank line goes between them.
type textDoc struct {
	width  int
	blocks []string
}

func (t *textDoc) add(block string) {
	if block != "" {
		t.blocks = append(t.blocks, block)
	}
}

// lines is text (already flat) as one line, or wrapped to the width with
// first before its first line and hang before the others.
func (t *textDoc) lines(text, first, hang string) string {
	if t.width <= 0 {
		return first + text
	}
	return strings.TrimSuffix(wrapIndent(text, max(t.width, textWidth(first)+1), first, hang), "\n")
}

// underlined is a title with a row of ch under it as long as its longest
// line.
func (t *textDoc) underlined(title string, ch byte) string {
	text := t.lines(title, "", "")
	w := 0
	for _, l := range strings.Split(text, "\n") {
		w = max(w, textWidth(l))
	}
	return text + "\n" + strings.Repeat(string(ch), w)
}

// paraText is a paragraph's text with its lead-in: "Cost: $150K".
func paraText(p Para) string {
	text := flatText(p.Text)
	if lead := leadIn(p.Lead); lead != "" {
		if text == "" {
			return lead
		}
		return lead + " " + text
	}
	return text
}

func (t *textDoc) block(b Block) {
	switch {
	case b.Para != nil:
		t.add(t.lines(paraText(*b.Para), "", ""))
	case b.Callout != nil:
		// Set apart by its lead-in; one without a lead gets "Note:", once.
		p := *b.Callout
		if flatText(p.Lead) == "" {
			p.Lead = "Note"
		}
		if flatText(p.Text) != "" {
			t.add(t.lines(paraText(p), "", ""))
		}
	case b.List != nil:
		t.add(t.list(b.List))
	case b.Table != nil:
		t.table(b.Table)
	case b.Sub != nil:
		t.add(t.lines(flatText(b.Sub.Text), "", ""))
	}
}

// list is one line per item, "- " or "1. " before it.
func (t *textDoc) list(l *List) string {
	var out []string
	n := 0
	for _, it := range l.Items {
		text := paraText(it)
		if text == "" {
			continue
		}
		n++
		marker := "- "
		if l.Ordered {
			marker = strconv.Itoa(n) + ". "
		}
		out = append(out, t.lines(text, marker, strings.Repeat(" ", len(marker))))
	}
	return strings.Join(out, "\n")
}

// table writes a table as its caption, then one short block per column:
// the column's head, then "- Row head: cell" for each row. The
// recommended column comes first, its head marked "(recommended)": the
// reader of a plain email reads down, not across, and meets the advice
// before the alternatives. The note (the figures' sources) comes last.
func (t *textDoc) table(tb *Table) {
	t.add(t.lines(flatText(tb.Caption), "", ""))
	if tb.ByRow {
		t.tableByRow(tb)
		return
	}
	mark := tb.marked()
	order := make([]int, 0, tb.columns())
	if mark > 0 {
		order = append(order, mark)
	}
	for i := 1; i < tb.columns(); i++ {
		if i != mark {
			order = append(order, i)
		}
	}
	for _, i := range order {
		var lines []string
		head := flatText(tb.head(i))
		if i == mark {
			head = strings.TrimSpace(head + " (" + recommendedLabel + ")")
		}
		if head != "" {
			lines = append(lines, t.lines(head, "", ""))
		}
		for _, r := range tb.Rows {
			cell := flatText(r.cell(i))
			if cell == "" {
				continue
			}
			if rh := leadIn(r.Head); rh != "" {
				cell = rh + " " + cell
			}
			lines = append(lines, t.lines(cell, "- ", "  "))
		}
		t.add(strings.Join(lines, "\n"))
	}
	t.add(t.lines(flatText(tb.Note), "", ""))
}

// everyone marks a grid's row whose cells are all alike.
const everyone = "everyone"

// tableByRow writes a table row by row: "- Row head: column head: cell ·
// column head: cell" (a row whose cells are alike: "- Row head: cell
// (everyone)"), the note last.
func (t *textDoc) tableByRow(tb *Table) {
	lines := make([]string, 0, len(tb.Rows))
	for _, r := range tb.Rows {
		var cells []string
		if same := flatText(r.cell(1)); tb.columns() > 2 && !slices.ContainsFunc(r.Cells, func(c string) bool { return flatText(c) != same }) {
			// Everyone alike: said once.
			lines = append(lines, t.lines(leadIn(r.Head)+" "+same+" ("+everyone+")", "- ", "  "))
			continue
		}
		for i := 1; i < tb.columns(); i++ {
			cell := flatText(r.cell(i))
			if h := flatText(tb.head(i)); h != "" {
				cell = h + ": " + cell
			}
			cells = append(cells, cell)
		}
		lines = append(lines, t.lines(leadIn(r.Head)+" "+strings.Join(cells, " · "), "- ", "  "))
	}
	t.add(strings.Join(lines, "\n"))
	t.add(t.lines(flatText(tb.Note), "", ""))
}
