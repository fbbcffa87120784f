package advisor_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/doctest"
)

// TestMarkdownDocument: headings, paragraphs, lists, a pipe table with
// the recommended column said in words, call-outs as block quotes, a
// rule before the appendix, and nothing a paste into a document would
// trip on: no HTML, no hard line break, no indented line.
func TestMarkdownDocument(t *testing.T) {
	md := doctest.Sample().Markdown()
	lines := strings.Split(md, "\n")
	for _, want := range []string{
		"# Recommendation for Harbour & Sons Logistics",
		"*Operations leadership · Prepared by Jane Doe, Northwind Advisory · 26 November 2026*",
		"Hire an Operations Director this quarter, reporting to the CEO.",
		"**Why:** Your six operations managers have no one above them, work is slow and costly at the bottlenecks you named, and the CEO spends over half the week on day-to-day operations.",
		"## The decision you are taking",
		"> **What it turns on:** Whether departments work together without the CEO. If they stop doing so as you open the new markets, a COO becomes the better step.",
		"*Four ways to lead operations at Harbour & Sons*",
		"|  | No new leader | Fractional COO | Operations Director (recommended) | COO |",
		"| --- | --- | --- | --- | --- |",
		"| **Cost a year** | None | $60K to $90K | $170K to $210K cash | $300K to $450K cash |",
		"### Remit",
		"- **Process optimization (your pain):** Studies how work flows, finds the bottlenecks, and puts the fixes in place.",
		"### Days 1-30: Listen and map",
		"US market, 2026. Sources: practitioners' salary surveys for operations leaders in logistics; retained search commonly quoted at about a third of first-year cash. Equity is rare at this level in private firms.",
		"---",
		"## How this was scored",
	} {
		if !slicesContains(lines, want) {
			t.Errorf("no line %q in the Markdown", want)
		}
	}
	if i, j := strings.Index(md, "\n---\n"), strings.Index(md, "## How this was scored"); i < 0 || i > j || strings.Count(md, "\n---\n") != 1 {
		t.Error("one rule, before the appendix, is wanted")
	}
	for i, l := range lines {
		if strings.HasSuffix(l, " ") || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			t.Errorf("line %d starts or ends with white space: %q", i+1, l)
		}
		if regexp.MustCompile(`<[a-zA-Z/!?]`).MatchString(l) {
			t.Errorf("line %d holds HTML: %q", i+1, l)
		}
	}
	if strings.Contains(md, "\n\n\n") || !strings.HasSuffix(md, ").\n") {
		t.Error("blocks are not one blank line apart, or the Markdown does not end with one line break")
	}
	if strings.Contains(md, doctest.Footer) {
		t.Error("the running footer of a printed page is in the Markdown")
	}
	// A parser reads it as it is meant: one title, the sections, the
	// subheadings, every list and the table.
	out := commonMark(t, md)
	for tag, n := range map[string]int{"<h1>": 1, "<h2>": 6, "<h3>": 8, "<table>": 2, "<blockquote>": 1, "<hr>": 1, "<li>": 51} {
		if got := strings.Count(out, tag); got != n {
			t.Errorf("%d %s in the parsed Markdown, want %d", got, tag, n)
		}
	}
}

func slicesContains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// TestMarkdownEscapes: a character is escaped with a backslash where, and
// only where, it would otherwise mean something, so that a definition's
// text reads as written in any renderer and stays readable as it is.
// Each case is a paragraph's text and its Markdown; a CommonMark parser
// (goldmark, with GitHub's extensions) must read the text back.
func TestMarkdownEscapes(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a name with an ampersand", "AT&T and M&S", "AT&T and M&S"},
		{"an entity", "AT&T &rlm; &amp; &#38; &#x26;", `AT&T \&rlm; \&amp; \&#38; \&#x26;`},
		{"not an entity", "& ; &#; &#x; &; R&D;", `& ; &#; &#x; &; R\&D;`},
		{"a list's number", "1. plan", `1\. plan`},
		{"a list's number with a bracket", "2024) the year", `2024\) the year`},
		{"a number that starts no list", "Q1. plan", "Q1. plan"},
		{"a decimal", "1.5 points", "1.5 points"},
		{"too long a number for a list", "1234567890. x", "1234567890. x"},
		{"emphasis by underscores", "_id_", `\_id\_`},
		{"underscores inside a word", "snake_case_name and a_b", "snake_case_name and a_b"},
		{"a lone underscore", "_", `\_`},
		{"a multiplication", "2 * 3 = 6", "2 * 3 = 6"},
		{"stars inside a word", "5*3*2", `5\*3\*2`},
		{"strong emphasis", "**bold**", `\*\*bold\*\*`},
		{"strikethrough", "~~gone~~", `\~\~gone\~\~`},
		{"a tilde before a number", "about ~5 people", `about \~5 people`},
		{"a tilde alone", "a ~ b", "a ~ b"},
		{"less than", "a < b and a<3", "a < b and a<3"},
		{"a tag", "<b>bold</b>", `\<b>bold\</b>`},
		{"a comment", "<!-- c -->", `\<!-- c -->`},
		{"an autolink", "see <https://example.com>", `see \<https://example.com>`},
		{"code", "`code`", "\\`code\\`"},
		{"a link", "[link](url) and [ref]", `\[link\](url) and \[ref\]`},
		{"a heading", "# Heading", `\# Heading`},
		{"a deep heading", "###### Six", `\###### Six`},
		{"too deep for a heading", "####### Seven", "####### Seven"},
		{"a hashtag", "#hashtag", "#hashtag"},
		{"sharps inside", "C# and F#", "C# and F#"},
		{"a bullet", "- item", `\- item`},
		{"a minus", "-5 degrees", "-5 degrees"},
		{"a plus bullet", "+ item", `\+ item`},
		{"a star bullet", "* item", `\* item`},
		{"a quote", "> quote", `\> quote`},
		{"greater than", "a > b", "a > b"},
		{"a rule", "---", `\---`},
		{"a spaced rule", "- - -", `\- - -`},
		{"a rule of stars", "***", `\*\*\*`},
		{"a fence", "~~~ go", `\~\~\~ go`},
		{"a code fence", "```go", "\\`\\`\\`go"},
		{"backslashes", `C:\path\* and \`, `C:\path\\\* and \\`},
		{"a pipe outside a table", "a | b", "a | b"},
		{"lines of a definition", "line one\nline two\n\n- item\n", "line one line two - item"},
		{"a definition's Markdown", "# Summary\n\n1. a\n2. b", `\# Summary 1. a 2. b`},
		{"spaces and tabs", "  a \t b  ", "a b"},
		{"an escape sequence", "\x1b[31mred", `\x1b\[31mred`},
		{"invisible characters", "a\u200bb\u202ec", `a\u200bb\u202ec`},
		{"a URL with underscores", "https://a_b_c.example/x_y", "https://a_b_c.example/x_y"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &advisor.Doc{Sections: []advisor.DocSection{{Blocks: []advisor.Block{{Para: &advisor.Para{Text: c.in}}}}}}
			md := d.Markdown()
			if md != c.want+"\n" {
				t.Errorf("Markdown of %q:\n got %s want %s", c.in, md, c.want+"\n")
			}
			// What the text renderer prints (the text, flattened and made
			// safe) is what a parser must read.
			text := strings.TrimSuffix(d.Text(0), "\n")
			if got := commonMark(t, md); !strings.HasPrefix(got, "<p>") || plain(got) != text+"\n" {
				t.Errorf("a parser reads %q as %q, want %q", md, got, text)
			}
		})
	}
}

// TestMarkdownHostile: every text of a document, hostile, reads back as
// written from every place it can stand: a heading, a paragraph, a
// lead-in, a list item, a block quote, a table's caption, head, row head
// and cell (where "|" would end the cell), a note.
func TestMarkdownHostile(t *testing.T) {
	d := doctest.WithText(doctest.Hostile)
	md := d.Markdown()
	flat := strings.TrimSuffix((&advisor.Doc{Title: doctest.Hostile}).Text(0), "\n")
	flat = strings.SplitN(flat, "\n", 2)[0]
	ok := map[string]bool{
		flat: true, flat + ": " + flat: true, flat + " (recommended)": true, flat + " · " + flat: true,
	}
	out := commonMark(t, md)
	blocks := regexp.MustCompile(`(?s)<(h[1-3]|p|li|th|td)>(.*?)</(?:h[1-3]|p|li|th|td)>`).FindAllStringSubmatch(out, -1)
	counts := map[string]int{}
	for _, b := range blocks {
		counts[b[1]]++
		if text := plain(b[2]); !ok[text] {
			t.Errorf("a <%s> reads %q", b[1], text)
		}
	}
	for tag, n := range map[string]int{"h1": 1, "h2": 2, "h3": 1, "th": 3, "td": 3, "li": 3} {
		if counts[tag] != n {
			t.Errorf("%d <%s> in the parsed Markdown, want %d", counts[tag], tag, n)
		}
	}
	if strings.Count(out, "<blockquote>") != 2 || strings.Count(out, "<ol>") != 1 || strings.Count(out, "<hr>") != 1 {
		t.Errorf("the call-outs, the numbered list or the rule are not what a parser reads:\n%s", out)
	}
}

// FuzzMarkdownText: whatever a paragraph or a table cell says, a
// CommonMark parser reads from the Markdown what the text rendering
// says, and nothing more.
func FuzzMarkdownText(f *testing.F) {
	for _, s := range []string{"_id_", "AT&T &rlm;", "1. plan", "a*b*c", "**x**", "<b>", "`x`", "[a](b)", "# x", "x | y", `\*`, "~~x~~", doctest.Hostile} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := strings.TrimSuffix((&advisor.Doc{Title: s}).Text(0), "\n")
		text = strings.SplitN(text, "\n", 2)[0]
		if text == "" {
			return
		}
		para := &advisor.Doc{Sections: []advisor.DocSection{{Blocks: []advisor.Block{{Para: &advisor.Para{Text: s}}}}}}
		if got := plain(strings.TrimSuffix(strings.TrimPrefix(commonMark(t, para.Markdown()), "<p>"), "</p>\n")); got != text {
			t.Errorf("paragraph %q: a parser reads %q, want %q", para.Markdown(), got, text)
		}
		cell := &advisor.Doc{Sections: []advisor.DocSection{{Blocks: []advisor.Block{{Table: &advisor.Table{Head: []string{"h", "i"}, Rows: []advisor.TableRow{{Head: "r", Cells: []string{s}}}}}}}}}
		m := regexp.MustCompile(`(?s)<td>(.*?)</td>`).FindAllStringSubmatch(commonMark(t, cell.Markdown()), -1)
		if len(m) != 2 || plain(m[1][1]) != text {
			t.Errorf("cell %q: a parser reads %q, want %q", cell.Markdown(), m, text)
		}
	})
}

// commonMark is Markdown as goldmark, with GitHub's extensions (tables,
// strikethrough, autolinks), renders it.
func commonMark(t testing.TB, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var tag = regexp.MustCompile(`<[^>]*>`)

// plain is the text of an HTML fragment: its tags dropped, its character
// references read.
func plain(s string) string { return html.UnescapeString(tag.ReplaceAllString(s, "")) }
