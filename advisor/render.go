package advisor

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// What the three renderings of a Doc share: every text goes through
// flatText before any format's escaping, so that text, Markdown and HTML
// agree on what a client's or a definition's text says.

// flatText is one text of a document as one line that is safe to print.
// A definition's folded or multi-line text becomes one paragraph (line
// breaks, tabs and runs of spaces become one space; no space at either
// end), so that no format reads structure into it. A character that could
// act on a terminal or hide or reorder text (a control, a zero-width or a
// direction-changing character) comes out as a visible Go escape, as
// SafeText does: the loaders refuse such characters, so one that gets
// this far is a mistake to see, not to hide.
func flatText(s string) string {
	if isFlat(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isDocSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if unsafeForTerminal(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isFlat reports whether flatText would leave s as it is: printable ASCII
// with single spaces inside, most of any document, checked without
// building a copy.
func isFlat(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		}
	}
	return true
}

// isDocSpace reports the characters that separate words and lines:
// flatText turns a run of them into one space. A no-break space is not
// one of them: it keeps "10 000" or "Page 1" together on purpose.
func isDocSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// leadIn is a paragraph's lead-in as every format prints it: "Cost:". The
// builder may write it with its colon ("Cost:") or without ("Cost"); a
// lead that ends in a colon, a full stop, a question or an exclamation
// mark gets no colon of its own.
func leadIn(lead string) string {
	lead = flatText(lead)
	if lead == "" {
		return ""
	}
	switch lead[len(lead)-1] {
	case ':', '.', '?', '!':
		return lead
	}
	return lead + ":"
}

// marked is the index in t.Head of the column to set apart, or -1. Mark
// counts as Head does: 0 is the rows' heads' own column, which is never
// an option, so that both 0 (a Table's zero value) and -1 mean none, and
// column i > 0 holds each row's Cells[i-1].
func (t *Table) marked() int {
	if t.Mark < 1 || t.Mark >= t.columns() {
		return -1
	}
	return t.Mark
}

// columns is the number of columns of t, the rows' heads' included: as
// many as it has heads, or as its longest row needs.
func (t *Table) columns() int {
	n := len(t.Head)
	for _, r := range t.Rows {
		n = max(n, len(r.Cells)+1)
	}
	return n
}

// cell is row r's cell in column i > 0, "" where the row is short.
func (r TableRow) cell(i int) string {
	if i-1 < len(r.Cells) {
		return r.Cells[i-1]
	}
	return ""
}

// head is the head of column i, "" where there is none.
func (t *Table) head(i int) string {
	if i < len(t.Head) {
		return t.Head[i]
	}
	return ""
}

// summaryID is the ID of the section the HTML sets apart as page one's
// summary, in a box.
const summaryID = "summary"

// recommendedLabel marks the recommended option's column in every
// format: a word, not only a colour.
const recommendedLabel = "recommended"
