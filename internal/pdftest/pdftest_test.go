package pdftest

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestReadPage: a page's body is its non-blank lines above the footer,
// which is the last line when it says "Page N of M".
func TestReadPage(t *testing.T) {
	pg := readPage("Title\n\n   A line   of text\n\n\nClient · Confidential              Page 2 of 3\n")
	if want := []string{"Title", "A line   of text"}; !slices.Equal(pg.Body, want) {
		t.Errorf("body %q, want %q", pg.Body, want)
	}
	if pg.Footer != "Client · Confidential Page 2 of 3" {
		t.Errorf("footer %q", pg.Footer)
	}
	if pg := readPage("Title\nNo footer\n"); pg.Footer != "" || len(pg.Body) != 2 {
		t.Errorf("a page without a footer reads as %+v", pg)
	}
}

// TestReadBoxes: a page's fill runs from the top margin to its lowest
// word above the footer.
func TestReadBoxes(t *testing.T) {
	bbox := `<page width="600.000000" height="800.000000">
<word xMin="50.0" yMin="50.000000" xMax="90.0" yMax="60.000000">Title</word>
<word xMin="50.0" yMin="290.000000" xMax="90.0" yMax="300.000000">lowest</word>
<word xMin="50.0" yMin="750.000000" xMax="90.0" yMax="760.000000">Client</word>
<word xMin="500.0" yMin="750.000000" xMax="520.0" yMax="760.000000">Page</word>
<word xMin="521.0" yMin="750.000000" xMax="525.0" yMax="760.000000">1</word>
<word xMin="526.0" yMin="750.000000" xMax="535.0" yMax="760.000000">of</word>
<word xMin="536.0" yMin="750.000000" xMax="540.0" yMax="760.000000">4</word>
</page>`
	b, ok := readBoxes(bbox)
	if !ok || b.top != 50 || b.low != 300 || b.footer != 750 {
		t.Fatalf("boxes %+v, %v", b, ok)
	}
	if f := b.fill(50); f != 250.0/700 {
		t.Errorf("fill %v, want %v", f, 250.0/700)
	}
	if _, ok := readBoxes("no page"); ok {
		t.Error("a page without a size reads")
	}
}

// TestCheck: each way a printed document can fail is named, with its page.
func TestCheck(t *testing.T) {
	full := func(n, of int, body ...string) Page {
		return Page{Body: body, Footer: "Client · Confidential Page " + strconv.Itoa(n) + " of " + strconv.Itoa(of), Fill: 0.9}
	}
	e := Expect{MaxPages: 2, Footer: "Client · Confidential", Headings: []string{"The first 90 days", "A heading that wraps onto two lines"}, MinFill: 1.0 / 3}
	for _, c := range []struct {
		name  string
		pages []Page
		want  []string
	}{
		{"good", []Page{full(1, 2, "text"), full(2, 2, "text")}, nil},
		{"too many pages", []Page{full(1, 3, "a"), full(2, 3, "b"), full(3, 3, "c")}, []string{"3 pages, want at most 2"}},
		{"no footer", []Page{{Body: []string{"a"}, Fill: 1}, full(2, 2, "b")}, []string{`page 1: footer "", want one ending "Page 1 of 2"`, `page 1: footer "" lacks "Client · Confidential"`}},
		{"nearly empty", []Page{{Body: []string{"a"}, Footer: "Client · Confidential Page 1 of 2", Fill: 0.2}, {Body: []string{"b"}, Footer: "Client · Confidential Page 2 of 2", Fill: 0.1}}, []string{"page 1 is 20% full, want at least 33%"}},
		{"a heading last", []Page{full(1, 2, "text", "The first   90 days"), full(2, 2, "b")}, []string{`page 1 ends with the heading "The first 90 days", cut from what it heads`}},
		{"a wrapped heading last", []Page{full(1, 2, "text", "A heading that wraps", "onto two lines"), full(2, 2, "b")}, []string{`page 1 ends with the heading "A heading that wraps onto two lines", cut from what it heads`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Check(c.pages, e); !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
