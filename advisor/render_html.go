package advisor

import (
	"fmt"
	"hash/fnv"
	"html"
	"strings"
)

// docStyle is the document's style sheet but for its printed pages'
// running footer (see pageStyle). On screen: one readable column, the
// summary in a soft box, as the brief has always looked. On a phone: the
// same column, and a table's rows stacked, each cell under its column's
// head. Printed: A4 (margins that fit Letter too), headings kept with
// what follows, table rows whole and their heads repeated on each page,
// the appendix in smaller type after a rule, with no page break of its
// own.
const docStyle = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #e3e3e6; --accent: #7a1f5c; --soft: #f6f2f5; --warn: #8a4b00; --warn-bg: #fff6e8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 1rem; }
header { border-bottom: 3px solid var(--accent); padding-bottom: .75rem; margin-bottom: 1.5rem; }
.kicker { margin: 0; color: var(--accent); font-size: .8rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
h1 { margin: .2rem 0 .3rem; font-size: 1.75rem; line-height: 1.25; }
.byline { margin: 0; color: var(--muted); }
h2 { margin: 2rem 0 .6rem; font-size: 1.25rem; line-height: 1.3; color: var(--accent); break-after: avoid; }
h3 { margin: 1.3rem 0 .4rem; font-size: 1.05rem; line-height: 1.3; break-after: avoid; }
section > .keep:first-child > h2, section > h2:first-child { margin-top: 0; }
section { margin-top: 2rem; }
header + section { margin-top: 0; }
p { margin: .5rem 0; orphans: 3; widows: 3; }
ul, ol { margin: .4rem 0; padding-left: 1.25rem; }
li { margin: .25rem 0; break-inside: avoid; }
.keep { break-inside: avoid; }
p.lead { break-after: avoid; }
.table.whole { break-inside: avoid; }
.summary { background: var(--soft); border-radius: 10px; padding: 1rem 1.25rem; }
.summary > :first-child { margin-top: 0; }
.summary > :last-child { margin-bottom: 0; }
.summary > p:first-child { font-size: 1.2rem; font-weight: 700; line-height: 1.35; }
.callout { border-left: 4px solid var(--warn); background: var(--warn-bg); padding: .5rem .8rem; margin: .7rem 0; border-radius: 0 6px 6px 0; break-inside: avoid; }
.callout p { margin: 0; }
.table { margin: .8rem 0; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; line-height: 1.4; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 .4rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
thead th, thead td { border-bottom: 2px solid var(--ink); line-height: 1.3; }
tbody th { font-weight: 600; min-width: 6.5em; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
caption, thead { break-after: avoid; }
.mark { background: var(--soft); }
thead .mark { border-top: 3px solid var(--accent); }
.rec { display: block; margin-top: .1rem; color: var(--accent); font-size: .78em; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; }
.note { color: var(--muted); font-size: .88em; }
.appendix { margin-top: 2.5rem; padding-top: .2rem; border-top: 1px solid var(--line); color: #333; font-size: .9rem; }
.appendix h2 { color: var(--ink); font-size: 1.1rem; }
.appendix + .appendix { border-top: 0; margin-top: 1.5rem; }
.doc-footer { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 2.5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
.fold-toggle { position: absolute; opacity: 0; width: 1px; height: 1px; }
.fold label { display: inline-block; margin: .3rem 0; padding: .3rem .8rem; border: 1px solid var(--accent); border-radius: 6px; color: var(--accent); font-weight: 600; cursor: pointer; }
.fold-toggle:focus-visible + label { outline: 3px solid var(--accent); outline-offset: 2px; }
.fold-toggle:not(:checked) ~ .folded, .fold-toggle:checked + label .more, .fold-toggle:not(:checked) + label .less { display: none; }
@media (max-width: 36rem) {
  main { padding: 1.2rem .9rem 1rem; }
  h1 { font-size: 1.45rem; }
  .doc-footer { padding: 1rem .9rem 2rem; }
  .stack table, .stack tbody, .stack tr, .stack th, .stack td, .stack caption { display: block; width: auto; }
  .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .stack tbody tr { padding: .5rem 0 .3rem; border-top: 2px solid var(--ink); }
  .stack tbody th { border: 0; padding: 0 0 .25rem; font-size: 1rem; }
  .stack td { border: 0; padding: .25rem 0 .25rem .7rem; border-left: 3px solid var(--line); margin: .2rem 0; }
  .stack td::before { content: attr(data-label); display: block; color: var(--muted); font-size: .75rem; font-weight: 700; letter-spacing: .03em; text-transform: uppercase; }
  .stack td.mark { border-left-color: var(--accent); }
  .stack td.mark::before { color: var(--accent); }
}
@media print {
  body { font-size: 9.5pt; line-height: 1.4; }
  main { max-width: none; padding: 0; }
  header { margin-bottom: .9rem; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; margin: 1.2rem 0 .35rem; }
  h3 { font-size: 11pt; margin: .8rem 0 .25rem; }
  section { margin-top: 1.2rem; }
  p { margin: .35rem 0; }
  table { font-size: 8.5pt; }
  /* The comparison of the options fits page one with the decision. */
  #options table { font-size: 8pt; line-height: 1.24; }
  #options th, #options td { padding: .16rem .35rem; }
  #options h2 { margin-bottom: .2rem; }
  .summary { padding: .7rem 1rem; }
  .summary p { margin: .3rem 0; }
  #options .note { font-size: 7pt; line-height: 1.3; }
  .table { overflow: visible; }
  .summary { border: 1px solid var(--line); }
  .summary, .callout, .mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .appendix { margin-top: 1.6rem; font-size: 8pt; }
  /* Short items (the reasons, the answers against) read in two columns. */
  ul.short, ol.short { column-count: 2; column-gap: 7mm; }
  /* The appendix's long lists read in two columns, as a reference does. */
  .appendix ul, .appendix ol { column-count: 2; column-gap: 7mm; }
  .appendix li { margin: 0 0 .2rem; }
  .appendix th, .appendix td { padding: .12rem .4rem; }
  li { margin: .15rem 0; }
  .doc-footer { display: none; }
  .fold label { display: none; }
  .fold-toggle:not(:checked) ~ .folded { display: block; }
  a { color: inherit; text-decoration: none; }
}
`

// pageStyle is the printed page: A4, with margins that fit Letter too
// (A4 is the narrower, Letter the shorter), and on every page a running
// footer, the document's Footer on the left and "Page 1 of 4" on the
// right, in CSS's page-margin boxes (Chromium prints them; its own
// header and footer are then left off).
func pageStyle(footer string) string {
	// A margin box's style is its own (it inherits from the page, not
	// from the body), and margin rules cannot share one by a selector list.
	const box = `font: 7.5pt/1.3 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #5f6368; vertical-align: top; padding-top: 4mm;`
	left := ""
	if f := flatText(footer); f != "" {
		left = "@bottom-left { content: " + cssString(f) + "; " + box + " }\n  "
	}
	return `@page {
  size: A4;
  margin: 16mm 17mm 18mm;
  ` + left + `@bottom-right { content: "Page " counter(page) " of " counter(pages); text-align: right; ` + box + ` }
}
`
}

// cssString quotes s as a CSS string that is safe inside a <style>
// element: letters, digits, spaces and punctuation that means nothing
// in a string stay as they are; everything else, quotes, backslashes,
// "<" and ">" (so "</style>" cannot close the element), "&", any control
// and any character beyond ASCII ("·"), becomes a hex escape, "\b7 ",
// whose space ends it (and is not printed).
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if isASCIILetter(r) || r >= '0' && r <= '9' || strings.ContainsRune(" .,:;-_()!?'/+=@#%*$", r) {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, `\%x `, r)
	}
	b.WriteByte('"')
	return b.String()
}

// esc is a text of the document for HTML: flat (see flatText), then
// escaped, quotes included, so that it is safe in an attribute too.
func esc(s string) string { return html.EscapeString(flatText(s)) }

// HTML renders the document as one self-contained page: no fonts,
// scripts or images from elsewhere, one <style>, semantic elements
// (header, section and h2, h3, p, ul and ol, tables with a caption and
// scoped heads, aside for a call-out), every text escaped. It reads as a
// single column on a phone or a desk and prints as an A4 document with
// a running footer and page numbers.
//
// The section with ID "summary" is page one's boxed summary; an Appendix
// section is in smaller type, set apart by a rule. A heading is kept on
// one page with the block that follows it when that block is short (see
// keepWith); a longer one may break, but never right after the heading.
func (d *Doc) HTML() string {
	var w strings.Builder
	title := esc(d.Title)
	w.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&w, "<title>%s</title>\n<style>%s%s</style>\n</head>\n<body>\n<main>\n", title, docStyle, pageStyle(d.Footer))
	w.WriteString("<header>\n")
	if k := esc(d.Kicker); k != "" {
		fmt.Fprintf(&w, "<p class=\"kicker\">%s</p>\n", k)
	}
	fmt.Fprintf(&w, "<h1>%s</h1>\n", title)
	if by := esc(d.Byline); by != "" {
		fmt.Fprintf(&w, "<p class=\"byline\">%s</p>\n", by)
	}
	w.WriteString("</header>\n")
	for _, s := range d.Sections {
		htmlSection(&w, s)
	}
	w.WriteString("</main>\n")
	if f := esc(d.Footer); f != "" {
		fmt.Fprintf(&w, "<footer class=\"doc-footer\">%s</footer>\n", f)
	}
	w.WriteString("</body>\n</html>\n")
	return w.String()
}

// htmlSection writes a section, each heading in one piece with what
// follows it (see keepWith).
func htmlSection(w *strings.Builder, s DocSection) {
	var class []string
	if s.ID == summaryID {
		class = append(class, "summary")
	}
	if s.Appendix {
		class = append(class, "appendix")
	}
	w.WriteString("<section")
	if id := htmlID(s.ID); id != "" {
		fmt.Fprintf(w, " id=\"%s\"", id)
	}
	if len(class) > 0 {
		fmt.Fprintf(w, " class=\"%s\"", strings.Join(class, " "))
	}
	title := esc(s.Title)
	if title == "" && s.ID == summaryID {
		w.WriteString(" aria-label=\"Summary\"")
	}
	w.WriteString(">\n")
	var heads strings.Builder // headings waiting for the block they head
	if title != "" {
		fmt.Fprintf(&heads, "<h2>%s</h2>\n", title)
	}
	for i, b := range s.Blocks {
		if b.Sub != nil {
			if t := esc(b.Sub.Text); t != "" {
				fmt.Fprintf(&heads, "<h3>%s</h3>\n", t)
			}
			continue
		}
		// A short paragraph that leads into a list ("The CEO keeps:",
		// "Days 1–30: Listen and learn") stays with it, as a heading does.
		if leadsIntoList(s.Blocks, i) {
			if p := htmlPara(*b.Para); p != "" {
				fmt.Fprintf(&heads, "<p class=\"lead\">%s</p>\n", p)
			}
			continue
		}
		body := htmlBlock(b)
		if body == "" {
			continue
		}
		switch {
		case heads.Len() == 0:
			w.WriteString(body)
		case keepWith(b):
			// A table's note (its sources) may follow on the next page:
			// the table is kept with its heading, not the note.
			body, note, _ := strings.Cut(body, "<p class=\"note\">")
			if note != "" {
				note = "<p class=\"note\">" + note
			}
			fmt.Fprintf(w, "<div class=\"keep\">\n%s%s</div>\n%s", heads.String(), body, note)
		default:
			w.WriteString(heads.String())
			w.WriteString(body)
		}
		heads.Reset()
	}
	w.WriteString(heads.String())
	w.WriteString("</section>\n")
}

// leadsIntoList reports whether block i is a short paragraph followed by
// a list, which it introduces.
func leadsIntoList(blocks []Block, i int) bool {
	const most = 200 // characters: a line or two
	b := blocks[i]
	return b.Para != nil && i+1 < len(blocks) && blocks[i+1].List != nil && len(b.Para.Lead)+len(b.Para.Text) <= most
}

// keepWith reports whether a block is short enough to print on the same
// page as the heading before it, in one piece: moving it whole to the
// next page leaves at most a short gap (about a sixth of a page). A
// longer block keeps to its heading through the heading's break-after:
// avoid; kept whole, it would leave a page blank above it.
func keepWith(b Block) bool {
	const most = 600 // characters: some six lines of a printed page
	n := 0
	switch {
	case b.Para != nil:
		n = len(b.Para.Lead) + len(b.Para.Text)
	case b.Callout != nil:
		n = len(b.Callout.Lead) + len(b.Callout.Text)
	case b.List != nil:
		if len(b.List.Items) > 6 {
			return false
		}
		for _, it := range b.List.Items {
			n += len(it.Lead) + len(it.Text) + 40 // and a line's end
		}
	case b.Table != nil:
		if len(b.Table.Rows) > 10 {
			return false
		}
		for _, r := range b.Table.Rows {
			n += len(r.Head)
			for _, c := range r.Cells {
				n += len(c)
			}
		}
		n /= 2 // a table's type is smaller, its cells short lines
	}
	return n <= most
}

// htmlID is a section's ID as an HTML id: its letters, digits, "-" and
// "_" only.
func htmlID(id string) string {
	return strings.Map(func(r rune) rune {
		if isASCIILetter(r) || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, id)
}

func htmlBlock(b Block) string {
	switch {
	case b.Para != nil:
		if p := htmlPara(*b.Para); p != "" {
			return "<p>" + p + "</p>\n"
		}
	case b.Callout != nil:
		if p := htmlPara(*b.Callout); p != "" {
			return "<aside class=\"callout\"><p>" + p + "</p></aside>\n"
		}
	case b.List != nil:
		return htmlList(b.List)
	case b.Table != nil:
		return htmlTable(b.Table)
	}
	return ""
}

// htmlPara is a paragraph's content, its lead-in in bold.
func htmlPara(p Para) string {
	text := esc(p.Text)
	if lead := html.EscapeString(leadIn(p.Lead)); lead != "" {
		if text == "" {
			return "<strong>" + lead + "</strong>"
		}
		return "<strong>" + lead + "</strong> " + text
	}
	return text
}

func htmlList(l *List) string {
	if l.Fold > 0 && l.Fold < len(l.Items) {
		return htmlFolded(l)
	}
	var items strings.Builder
	for _, it := range l.Items {
		if p := htmlPara(it); p != "" {
			fmt.Fprintf(&items, "<li>%s</li>\n", p)
		}
	}
	if items.Len() == 0 {
		return ""
	}
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	if shortItems(l) {
		// Five or more short items: two columns on paper.
		return "<" + tag + " class=\"short\">\n" + items.String() + "</" + tag + ">\n"
	}
	return "<" + tag + ">\n" + items.String() + "</" + tag + ">\n"
}

// htmlFolded is a long list whose first l.Fold items show on screen and
// the rest behind a check box styled as a button (no script: a brief's
// page runs none), which print ignores: the paper shows every item. The
// box's id follows the list's first item, so that the same brief is the
// same bytes.
func htmlFolded(l *List) string {
	head, tail := *l, *l
	head.Items, head.Fold = l.Items[:l.Fold], 0
	tail.Items, tail.Fold = l.Items[l.Fold:], 0
	h := fnv.New32a()
	_, _ = h.Write([]byte(l.Items[0].Lead + l.Items[0].Text)) // a hash never fails
	id := fmt.Sprintf("fold-%08x", h.Sum32())
	n := len(tail.Items)
	return htmlList(&head) + fmt.Sprintf("<div class=\"fold\">\n<input type=\"checkbox\" class=\"fold-toggle\" id=\"%s\">\n<label for=\"%s\"><span class=\"more\">Show the other %d</span><span class=\"less\">Hide the other %d</span></label>\n<div class=\"folded\">\n%s</div>\n</div>\n", id, id, n, n, htmlList(&tail))
}

// wholeTableRows is the most rows a table may have to print on one page,
// never split.
const wholeTableRows = 12

// shortItems reports whether a list has five or more items, each short
// enough (about half a printed line) to read in two columns.
func shortItems(l *List) bool {
	const most = 60 // characters
	if len(l.Items) < 5 {
		return false
	}
	for _, it := range l.Items {
		if len(it.Lead)+len(it.Text) > most {
			return false
		}
	}
	return true
}

// tooWideForAPhone reports whether a table's rows are too long to read
// across on a phone, about 40 characters of its text a line: a phone
// then stacks them (the scorecard), and keeps a table of short figures
// as it is. A column counts for its longest cell, but no more than a
// cell of 16 characters, which wraps in a couple of lines.
func tooWideForAPhone(t *Table) bool {
	width := 0
	for i := range t.columns() {
		col := len(flatText(t.head(i)))
		for _, r := range t.Rows {
			c := r.Head
			if i > 0 {
				c = r.cell(i)
			}
			col = max(col, len(flatText(c)))
		}
		width += min(col, 16)
	}
	return width > 40
}

// htmlTable is a table with its caption and scoped heads, the marked
// column's head labelled "Recommended" (a word, not only a tint), and its
// note under it. Each cell carries its column's head in data-label, which
// a phone shows above the cell when the rows are stacked (see
// tooWideForAPhone).
func htmlTable(t *Table) string {
	n := t.columns()
	if n == 0 {
		return ""
	}
	mark := t.marked()
	var w strings.Builder
	class := "table"
	if tooWideForAPhone(t) {
		class += " stack"
	}
	if len(t.Rows) <= wholeTableRows {
		class += " whole" // a short table prints on one page
	}
	fmt.Fprintf(&w, "<div class=\"%s\">\n<table>\n", class)
	if c := esc(t.Caption); c != "" {
		fmt.Fprintf(&w, "<caption>%s</caption>\n", c)
	}
	labels := make([]string, n)
	w.WriteString("<thead>\n<tr>")
	for i := range n {
		h := esc(t.head(i))
		labels[i] = h
		switch {
		case i == mark:
			labels[i] = strings.TrimSpace(h + " (" + recommendedLabel + ")")
			fmt.Fprintf(&w, "<th scope=\"col\" class=\"mark\">%s <span class=\"rec\">%s</span></th>", h, "Recommended")
		case i == 0 && h == "":
			w.WriteString("<td></td>")
		default:
			fmt.Fprintf(&w, "<th scope=\"col\">%s</th>", h)
		}
	}
	w.WriteString("</tr>\n</thead>\n<tbody>\n")
	for _, r := range t.Rows {
		fmt.Fprintf(&w, "<tr><th scope=\"row\">%s</th>", esc(r.Head))
		for i := 1; i < n; i++ {
			class := ""
			if i == mark {
				class = " class=\"mark\""
			}
			fmt.Fprintf(&w, "<td%s data-label=\"%s\">%s</td>", class, labels[i], esc(r.cell(i)))
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n</div>\n")
	if note := esc(t.Note); note != "" {
		fmt.Fprintf(&w, "<p class=\"note\">%s</p>\n", note)
	}
	return w.String()
}
