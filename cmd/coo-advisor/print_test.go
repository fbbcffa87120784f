package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/doctest"
	"github.com/coo-advisor/coo-advisor/internal/pdftest"
)

// papers are the sheets a document must print well on: A4, which it
// asks for; Letter, to which Chromium shrinks it; and Letter as a
// browser that ignores its page size lays it out.
var papers = []pdftest.Paper{pdftest.A4, pdftest.Letter, pdftest.LetterLayout}

// TestDocumentPrintsLikeABrief prints a brief-sized document, its HTML
// rendering, in headless Chromium, and reads each page back: at most
// four pages, each with the running footer and "Page N of M", none but
// the last less than a third full, none ending with a heading cut from
// what it heads, and no markup showing.
func TestDocumentPrintsLikeABrief(t *testing.T) {
	p := pdftest.NewPrinter(t)
	doc := doctest.Sample()
	path := writeHTML(t, doc)
	headings := doctest.Headings(doc)
	for _, paper := range papers {
		t.Run(paper.Name, func(t *testing.T) {
			pages := p.Print(t, path, paper)
			for i, pg := range pages {
				t.Logf("page %d: %.0f%% full, %d lines", i+1, 100*pg.Fill, len(pg.Body))
			}
			for _, problem := range pdftest.Check(pages, pdftest.Expect{
				MaxPages: 4, Footer: doctest.Footer, Headings: headings, MinFill: 1.0 / 3,
			}) {
				t.Error(problem)
			}
			flat := printedText(pages)
			for _, want := range append([]string{doc.Title, doc.Byline, "RECOMMENDED", "US market, 2026."}, headings...) {
				if !strings.Contains(flat, want) {
					t.Errorf("the printed document lacks %q", want)
				}
			}
			for _, bad := range []string{"<", ">", "&amp;", "&lt;", "{", "}", "\\"} {
				if strings.Contains(flat, bad) {
					t.Errorf("markup %q shows in the printed document", bad)
				}
			}
		})
	}
}

// TestHeadingsStayWithWhatFollows prints a long document whose headings,
// each followed by a long list, a long table, a long paragraph or a short
// list, fall at every height of a page: no page ends with a heading or a
// table's caption, whether the block after it is held whole or may break.
func TestHeadingsStayWithWhatFollows(t *testing.T) {
	p := pdftest.NewPrinter(t)
	doc := &advisor.Doc{Title: "Headings", Footer: "Footer"}
	for i := range 12 {
		s := advisor.DocSection{Title: fmt.Sprintf("Section %d", i+1)}
		for j := range 4 {
			// Paragraphs of 3 to 25 sentences move the headings down the
			// pages by uneven steps.
			filler := strings.Repeat("A sentence that fills the page. ", 3+(i*7+j*5)%23)
			s.Blocks = append(s.Blocks,
				advisor.Block{Para: &advisor.Para{Text: filler}},
				advisor.Block{Sub: &advisor.Sub{Text: fmt.Sprintf("Heading %d.%d", i+1, j+1)}},
				headedBlock(j))
		}
		doc.Sections = append(doc.Sections, s)
	}
	path := writeHTML(t, doc)
	for _, paper := range []pdftest.Paper{pdftest.A4, pdftest.LetterLayout} {
		t.Run(paper.Name, func(t *testing.T) {
			pages := p.Print(t, path, paper)
			if len(pages) < 10 {
				t.Fatalf("%d pages: too few for the headings to fall at every height", len(pages))
			}
			for _, problem := range pdftest.Check(pages, pdftest.Expect{MaxPages: 99, Footer: doc.Footer, Headings: doctest.Headings(doc)}) {
				t.Error(problem)
			}
		})
	}
}

// headedBlock is the block under a heading: a list of 14 items, a table
// of 16 rows (both too long to hold whole), a long paragraph, or a list of
// two.
func headedBlock(kind int) advisor.Block {
	switch kind {
	case 0:
		l := &advisor.List{}
		for k := range 14 {
			l.Items = append(l.Items, advisor.Para{Text: fmt.Sprintf("Item %d of a long list, long enough to take two lines on a page of A4 or of Letter, or nearly.", k+1)})
		}
		return advisor.Block{List: l}
	case 1:
		tb := &advisor.Table{Caption: "A long table", Head: []string{"", "First", "Second"}}
		for k := range 16 {
			tb.Rows = append(tb.Rows, advisor.TableRow{Head: fmt.Sprintf("Row %d", k+1), Cells: []string{"a cell", "another cell"}})
		}
		return advisor.Block{Table: tb}
	case 2:
		return advisor.Block{Para: &advisor.Para{Text: strings.Repeat("Words of a long paragraph. ", 60)}}
	}
	return advisor.Block{List: &advisor.List{Items: []advisor.Para{{Text: "One."}, {Text: "Two."}}}}
}

// TestHostileTextPrintsAsWritten prints a document whose every text, its
// running footer's included, is markup and escapes: each prints as
// written, no script runs, and the footer's CSS string holds.
func TestHostileTextPrintsAsWritten(t *testing.T) {
	p := pdftest.NewPrinter(t)
	doc := doctest.WithText(doctest.Hostile)
	footer := `Ha "rb" \o\ </style><script>x</script> · Confidential`
	doc.Footer = footer
	pages := p.Print(t, writeHTML(t, doc), pdftest.A4)
	for i, pg := range pages {
		if want := fmt.Sprintf("%s Page %d of %d", footer, i+1, len(pages)); pg.Footer != want {
			t.Errorf("page %d: footer %q, want %q", i+1, pg.Footer, want)
		}
	}
	flat := printedText(pages)
	if strings.Contains(flat, "PWNED") {
		t.Error("a script in the text ran")
	}
	for _, want := range []string{
		"<script>document.body.innerHTML='PWN'+'ED'</script></style><b>", `"q" 'a' \ \x1b[31mred\x1b[0m \u202eevil\u200b`,
		"& &amp; AT&T &rlm; _id_ *x* [l](u) | # line two",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the printed document lacks %q as written", want)
		}
	}
}

// writeHTML writes the document's HTML rendering to a file of the test's.
func writeHTML(t *testing.T, d *advisor.Doc) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "document.html")
	if err := os.WriteFile(path, []byte(d.HTML()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// printedText is the text of the pages, its white space made single.
func printedText(pages []pdftest.Page) string {
	var all strings.Builder
	for _, pg := range pages {
		all.WriteString(pg.Text + "\n")
	}
	return strings.Join(strings.Fields(all.String()), " ")
}
