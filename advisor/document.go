package advisor

// Doc is a brief as a document: what a client reads, in order, built once
// (see Definitions.Document) and rendered as text, Markdown and HTML, so
// that a change of wording or of order is made in one place.
type Doc struct {
	Title  string // "Recommendation for Harbour Logistics"
	Kicker string // a line above the title: "Operations leadership"
	Byline string // "Prepared by Jane Doe · 26 November 2026"
	// Footer is the running footer of a printed page: the client, the
	// date and "Confidential".
	Footer   string
	Sections []DocSection
}

// DocSection is a titled part of a document. The first sections are the
// decision (page one); an appendix comes last, without a page break of
// its own.
type DocSection struct {
	Title    string // "" for the summary at the top, which has none
	ID       string // an anchor: "summary", "options", "how-scored"
	Appendix bool   // "How this was scored": set apart, smaller
	Blocks   []Block
}

// Block is one part of a section: exactly one of its fields is set.
// Renderers switch on which (the kinds of block are few and fixed).
type Block struct {
	Para    *Para
	List    *List
	Table   *Table
	Callout *Para // a paragraph set apart: what the advice turns on, a warning
	Sub     *Sub  // a heading inside a section ("The first 90 days")
}

// Sub is a heading inside a section.
type Sub struct{ Text string }

// Para is a paragraph: an optional bold lead-in ("Cost:") and its text,
// plain (no markup of any format: each renderer escapes it).
type Para struct {
	Lead string
	Text string
}

// List is a bulleted (or numbered) list of paragraphs.
type List struct {
	Items   []Para
	Ordered bool
	// Fold is how many items a screen shows before folding the rest
	// behind a control (0: none folded); print and the other formats
	// show them all.
	Fold int
}

// Table is a small table: a caption, column heads, rows with a head cell
// each, and a note under it (the sources of its figures). Mark is the
// column to set apart (the recommended option), or -1.
type Table struct {
	Caption string
	Head    []string // the first is the rows' heads' column
	Rows    []TableRow
	Mark    int
	Note    string
	// ByRow makes plain text read the table row by row, "Row head: column
	// head cell; ...", where it reads a comparison column by column: a
	// grid of people against questions reads by question.
	ByRow bool
}

// TableRow is one row: its head and a cell per column.
type TableRow struct {
	Head  string
	Cells []string
}

// The builder's shorthands for blocks.

func paraBlock(text string) Block       { return Block{Para: &Para{Text: text}} }
func leadBlock(lead, text string) Block { return Block{Para: &Para{Lead: lead, Text: text}} }
func calloutBlock(text string) Block    { return Block{Callout: &Para{Text: text}} }
func headingBlock(text string) Block    { return Block{Sub: &Sub{Text: text}} }
func tableBlock(t *Table) Block         { return Block{Table: t} }

// bulletsBlock is a list of plain items.
func bulletsBlock(items ...string) Block {
	l := &List{}
	for _, it := range items {
		l.Items = append(l.Items, Para{Text: it})
	}
	return Block{List: l}
}
