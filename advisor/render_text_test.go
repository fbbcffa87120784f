package advisor_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/doctest"
)

// TestTextForEmail: at width 0 the text is for an email: names as
// written, one line per paragraph and per item, titles underlined, a
// table as one short list per column with the recommended one first,
// call-outs by their lead-in, no running footer.
func TestTextForEmail(t *testing.T) {
	d := doctest.Sample()
	out := d.Text(0)
	lines := strings.Split(out, "\n")
	has := func(line string) bool {
		for _, l := range lines {
			if l == line {
				return true
			}
		}
		return false
	}
	for _, want := range []string{
		"Operations leadership",
		"Recommendation for Harbour & Sons Logistics", // as written, not upper-cased
		strings.Repeat("=", len("Recommendation for Harbour & Sons Logistics")),
		"Prepared by Jane Doe, Northwind Advisory · 26 November 2026",
		"Hire an Operations Director this quarter, reporting to the CEO.",
		"Why: Your six operations managers have no one above them, work is slow and costly at the bottlenecks you named, and the CEO spends over half the week on day-to-day operations.",
		"The decision you are taking", strings.Repeat("-", len("The decision you are taking")),
		"What it turns on: Whether departments work together without the CEO. If they stop doing so as you open the new markets, a COO becomes the better step.",
		"Remit",
		"- Process optimization (your pain): Studies how work flows, finds the bottlenecks, and puts the fixes in place.",
		"Four ways to lead operations at Harbour & Sons",
		"Operations Director (recommended)", "- Cost a year: $170K to $210K cash",
		"No new leader", "- Risks for you: CEO stays the bottleneck",
		"Time to full effect: Four to six months: sooner than a COO, as the remit is narrower.",
		"How this was scored",
	} {
		if !has(want) {
			t.Errorf("no line %q in the text", want)
		}
	}
	if strings.Contains(out, doctest.Footer) || strings.Contains(out, "Confidential") {
		t.Error("the running footer of a printed page is in the text")
	}
	if strings.Contains(out, "HARBOUR") {
		t.Error("a name is upper-cased")
	}
	// Each of the 30 items of the appendix is one line; no line starts
	// with the spaces of a hard wrap's hanging indent.
	if n := strings.Count(out, "\n- Employees: 140: "); n != 3 {
		t.Errorf("%d appendix lines start with an item's start, want 3", n)
	}
	for i, l := range lines {
		if strings.HasPrefix(l, " ") {
			t.Errorf("line %d is indented, a hard wrap's hanging indent: %q", i+1, l)
		}
	}
	// The table reads down: caption, the recommended column, then the
	// others in their order, then the note.
	order := []string{"Four ways to lead", "Operations Director (recommended)", "No new leader\n", "Fractional COO\n", "COO\n- Remit: Run the company's execution"}
	at := 0
	for _, s := range order {
		i := strings.Index(out[at:], s)
		if i < 0 {
			t.Fatalf("%q not after %q in the text", s, out[:at])
		}
		at += i
	}
	cost := out[strings.Index(out, "What an Operations Director costs"):]
	if a, b := strings.Index(cost, "High\n"), strings.Index(cost, "US market, 2026."); a < 0 || b < a {
		t.Error("the cost table's note is not after its columns")
	}
	if strings.Contains(out, "\n\n\n") || !strings.HasSuffix(out, ".\n") || strings.HasSuffix(out, "\n\n") {
		t.Error("blocks are not one blank line apart, or the text does not end with one line break")
	}
}

// TestTextCallout: a call-out without a lead-in gets "Note:" once; one
// with a lead-in, or an empty one, gets nothing more.
func TestTextCallout(t *testing.T) {
	for _, c := range []struct {
		name string
		p    advisor.Para
		want string
	}{
		{"no lead", advisor.Para{Text: "Check the budget.\nTwice."}, "Note: Check the budget. Twice.\n"},
		{"lead", advisor.Para{Lead: "Warning", Text: "Check it."}, "Warning: Check it.\n"},
		{"lead with its colon", advisor.Para{Lead: "Warning:", Text: "Check it."}, "Warning: Check it.\n"},
		{"lead with a question", advisor.Para{Lead: "Why now?", Text: "Growth."}, "Why now? Growth.\n"},
		{"empty", advisor.Para{}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &advisor.Doc{Sections: []advisor.DocSection{{Blocks: []advisor.Block{{Callout: &c.p}}}}}
			if got := d.Text(0); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestTextWrapsForATerminal: at width 80 the same words, in the same
// order, in lines of at most 80 cells, a list item's lines after its
// first under its text.
func TestTextWrapsForATerminal(t *testing.T) {
	d := doctest.Sample()
	wide, narrow := d.Text(0), d.Text(80)
	if strings.Join(strings.Fields(wide), " ") != strings.Join(strings.Fields(narrow), " ") {
		t.Error("the wrapped text's words differ from the email's")
	}
	var item bool
	for i, l := range strings.Split(narrow, "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("line %d is %d wide: %q", i+1, w, l)
		}
		if strings.HasPrefix(l, " ") && (!item || !strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "   ")) {
			t.Errorf("line %d is indented but does not go on a list item: %q", i+1, l)
		}
		item = strings.HasPrefix(l, "- ") || (item && strings.HasPrefix(l, "  "))
	}
	if !strings.Contains(narrow, "\n- Employees: 140: +1 Operations Director, +0.5 Chief Operating Officer. Between\n  about 50") {
		t.Error("a list item does not wrap under its text")
	}
	if len(strings.Split(narrow, "\n")) <= len(strings.Split(wide, "\n")) {
		t.Error("nothing wrapped at 80")
	}
}

// TestTextHostile: the text escapes nothing, so markup reads as written,
// but no control, zero-width or direction-changing character gets
// through: each shows as an escape.
func TestTextHostile(t *testing.T) {
	d := doctest.WithText(doctest.Hostile)
	for _, width := range []int{0, 40} {
		out := d.Text(width)
		for i, r := range out {
			if r != '\n' && (r < 0x20 || r == 0x7f || unicode.Is(unicode.Cf, r)) {
				t.Fatalf("width %d: %U at byte %d gets through", width, r, i)
			}
		}
		// A word longer than the width is cut, so the wrapped text is
		// looked at in shorter pieces.
		want := []string{`'a' \ \x1b[31mred\x1b[0m \u202eevil\u200b & &amp; AT&T &rlm; _id_ *x* [l](u) | # line two`}
		if width == 0 {
			want = []string{
				`<script>document.body.innerHTML='PWN'+'ED'</script></style><b>"q" 'a' \ \x1b[31mred\x1b[0m \u202eevil\u200b & &amp; AT&T &rlm; _id_ *x* [l](u) | # line two`,
				"\nNote: <script>",
			}
		}
		flat := strings.Join(strings.Fields(out), " ")
		for _, w := range want {
			if !strings.Contains(flat, w) && !strings.Contains(out, w) {
				t.Errorf("width %d: %q is not in the text as written", width, w)
			}
		}
	}
}
