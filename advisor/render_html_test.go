package advisor_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/doctest"
)

// TestHTMLDocument: one self-contained, semantic page: the summary boxed,
// the call-out set apart, the scorecard a captioned table with scoped
// heads and the recommended column labelled in words, each heading held
// with a short block that follows it, the appendix set apart without a
// page break, and a printed page of A4 with a running footer and page
// numbers.
func TestHTMLDocument(t *testing.T) {
	out := doctest.Sample().HTML()
	for _, want := range []string{
		"<!DOCTYPE html>\n<html lang=\"en\">\n",
		"<title>Recommendation for Harbour &amp; Sons Logistics</title>",
		"<header>\n<p class=\"kicker\">Operations leadership</p>\n<h1>Recommendation for Harbour &amp; Sons Logistics</h1>\n<p class=\"byline\">Prepared by Jane Doe, Northwind Advisory · 26 November 2026</p>\n</header>\n",
		"<section id=\"summary\" class=\"summary\" aria-label=\"Summary\">\n<p>Hire an Operations Director this quarter, reporting to the CEO.</p>\n<p><strong>Why:</strong> Your six",
		"<section id=\"decision\">\n<div class=\"keep\">\n<h2>The decision you are taking</h2>\n<p>Whether",
		"<aside class=\"callout\"><p><strong>What it turns on:</strong> Whether departments work together without the CEO.",
		"<div class=\"keep\">\n<h2>The options side by side</h2>\n<div class=\"table stack whole\">\n<table>\n<caption>Four ways to lead operations at Harbour &amp; Sons</caption>\n<thead>\n<tr><td></td><th scope=\"col\">No new leader</th>",
		"<th scope=\"col\" class=\"mark\">Operations Director <span class=\"rec\">Recommended</span></th>",
		"<tr><th scope=\"row\">Cost a year</th><td data-label=\"No new leader\">None</td><td data-label=\"Fractional COO\">$60K to $90K</td><td class=\"mark\" data-label=\"Operations Director (recommended)\">$170K to $210K cash</td><td data-label=\"COO\">$300K to $450K cash</td></tr>",
		"</table>\n</div>\n</div>\n<p class=\"note\">US market, 2026. Sources:", // the note outside what is kept whole
		"<div class=\"table stack whole\">\n<table>\n<caption>Four ways",        // too wide for a phone: stacked there; short: whole on paper
		"<div class=\"table whole\">\n<table>\n<caption>What an Operations Director costs",
		"<h3>Remit</h3>\n<ul>\n<li><strong>Process optimization (your pain):</strong> Studies", // a long list: not held whole
		"<div class=\"keep\">\n<h3>The first 90 days</h3>\n<h3>Days 1-30: Listen and map</h3>\n<ul>\n",
		"<section id=\"how-scored\" class=\"appendix\">\n<h2>How this was scored</h2>\n<p class=\"lead\">Each answer", // it leads into the list
		"</p>\n<ul>\n<li><strong>Employees: 140:</strong> +1 Operations Director",                                     // 30 items: not held whole
		"<footer class=\"doc-footer\">Harbour &amp; Sons Logistics · 26 November 2026 · Confidential</footer>\n</body>\n</html>\n",
		"size: A4;",
		`@bottom-left { content: "Harbour \26  Sons Logistics \b7  26 November 2026 \b7  Confidential";`,
		`@bottom-right { content: "Page " counter(page) " of " counter(pages);`,
		".appendix {", "thead { display: table-header-group; }", "tr { break-inside: avoid; }", "break-after: avoid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", "<img", "src=", "url(", "@import", "http:", "https:", "break-before: page", "page-break-before"} {
		if strings.Contains(out, bad) {
			t.Errorf("the HTML holds %q: it must stand alone and break no page on purpose", bad)
		}
	}
	for _, tag := range []string{"section", "div", "ul", "table", "thead", "tbody", "tr", "aside", "header", "main", "footer", "style"} {
		if o, c := strings.Count(out, "<"+tag+">")+strings.Count(out, "<"+tag+" "), strings.Count(out, "</"+tag+">"); o != c {
			t.Errorf("%d <%s> but %d </%s>", o, tag, c, tag)
		}
	}
	if n := strings.Count(out, "<style>"); n != 1 {
		t.Errorf("%d style elements, want 1", n)
	}
	if n := strings.Count(out, "<li>"); n != 51 {
		t.Errorf("%d list items, want 51", n)
	}
}

// TestHTMLHostile: every text is escaped wherever it stands, in an
// element, an attribute, an id or the footer's CSS string, and no
// control or invisible character gets through.
func TestHTMLHostile(t *testing.T) {
	out := doctest.WithText(doctest.Hostile).HTML()
	for tag, n := range map[string]int{"<script": 0, "<b>": 0, "<style>": 1, "</style>": 1, "<section": 3, "<table>": 1} {
		if got := strings.Count(out, tag); got != n {
			t.Errorf("%d %q in the HTML, want %d", got, tag, n)
		}
	}
	for i, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || unicode.Is(unicode.Cf, r)) {
			t.Fatalf("%U at byte %d gets through", r, i)
		}
	}
	escaped := `&lt;script&gt;document.body.innerHTML=&#39;PWN&#39;+&#39;ED&#39;&lt;/script&gt;&lt;/style&gt;&lt;b&gt;&#34;q&#34; &#39;a&#39; \ \x1b[31mred\x1b[0m \u202eevil\u200b &amp; &amp;amp; AT&amp;T &amp;rlm; _id_ *x* [l](u) | # line two`
	if n := strings.Count(out, escaped); n < 20 {
		t.Errorf("the escaped text is in the HTML %d times, want it in every field", n)
	}
	for _, attr := range regexp.MustCompile(`\s([a-z-]+)="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		if strings.ContainsAny(attr[2], "<>'") {
			t.Errorf("attribute %s holds markup: %q", attr[1], attr[2])
		}
		if attr[1] == "id" && !regexp.MustCompile(`^[A-Za-z0-9_-]+$`).MatchString(attr[2]) {
			t.Errorf("id %q is not a plain name", attr[2])
		}
	}
	footer := `Ha "rb" \ </style><script>x</script>` + "\n\u00b7\u202e Confidential"
	d := &advisor.Doc{Footer: footer}
	if got, want := cssFooter(t, d.HTML()), flatTextOf(footer); got != want {
		t.Errorf("the footer's CSS string reads %q, want %q", got, want)
	}
}

// TestHTMLFooterCSS: the running footer's text, in a CSS string inside the
// <style> element, is ASCII without a quote, an angle bracket or a line
// break, and a CSS parser reads it back as written: every other character
// is a hex escape ended by one space.
func TestHTMLFooterCSS(t *testing.T) {
	for _, footer := range []string{
		"Harbour & Sons · 26 November 2026 · Confidential",
		`a"b'c`, `back\slash\`, `\31 `, "</style><script>alert(1)</script>", "</STYLE >", "line\nbreak\r\nand\ttab",
		"a\u00b7 b", "Zoë Łódź 東京 😀", "\u202eevil\u200b\x1b[0m", "{}; } @import url(x); /* c */",
	} {
		t.Run(strconv.Quote(footer), func(t *testing.T) {
			out := (&advisor.Doc{Footer: footer}).HTML()
			raw := regexp.MustCompile(`@bottom-left \{ content: ("[^"]*");`).FindStringSubmatch(out)
			if raw == nil {
				t.Fatalf("no footer in:\n%s", out)
			}
			if !regexp.MustCompile(`^"[A-Za-z0-9 .,:;\-_()!?'/+=@#%*$\\]*"$`).MatchString(raw[1]) {
				t.Errorf("the CSS string %s holds a character it must escape", raw[1])
			}
			if got, want := cssFooter(t, out), flatTextOf(footer); got != want {
				t.Errorf("the CSS string %s reads %q, want %q", raw[1], got, want)
			}
		})
	}
}

// cssFooter reads the footer's CSS string back as CSS Syntax (4.3.7)
// does: a backslash and up to six hex digits, then one white space
// dropped, is that code point; a backslash and another character is the
// character.
func cssFooter(t *testing.T, out string) string {
	t.Helper()
	m := regexp.MustCompile(`@bottom-left \{ content: "([^"]*)";`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no footer in the HTML")
	}
	s := m[1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		j := i + 1
		for j < len(s) && j < i+7 && strings.IndexByte("0123456789abcdefABCDEF", s[j]) >= 0 {
			j++
		}
		if j == i+1 {
			b.WriteByte(s[j])
			i = j
			continue
		}
		r, _ := strconv.ParseUint(s[i+1:j], 16, 32)
		b.WriteRune(rune(r))
		if j < len(s) && s[j] == ' ' {
			j++
		}
		i = j - 1
	}
	return b.String()
}

// flatTextOf is a text as every rendering prints it: flattened to one
// line, an unsafe character as an escape (the text rendering's title).
func flatTextOf(s string) string {
	return strings.SplitN((&advisor.Doc{Title: s}).Text(0), "\n", 2)[0]
}
