package advisor

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown renders the document as CommonMark with GitHub's pipe tables:
// "#" for the title, "##" for a section, "###" for a heading inside one,
// paragraphs, "-" and "1." lists, pipe tables and call-outs as block
// quotes. It holds no HTML and no hard line breaks, so that a paste into
// a document (Google Docs' "paste from Markdown", Notion) gives clean
// headings and lists. Every text is flattened to one paragraph and
// escaped with a backslash where, and only where, a character would
// otherwise mean something (see mdText).
func (d *Doc) Markdown() string {
	var blocks []string
	add := func(s string) {
		if s != "" {
			blocks = append(blocks, s)
		}
	}
	add(mdHeading("#", d.Title))
	var under []string
	for _, s := range []string{d.Kicker, d.Byline} {
		if s = flatText(s); s != "" {
			under = append(under, s)
		}
	}
	if len(under) > 0 {
		add("*" + mdText(strings.Join(under, " · "), false) + "*")
	}
	ruled := false
	for _, s := range d.Sections {
		if s.Appendix && !ruled {
			// A rule sets the appendix apart, as the page does. The blank
			// line before it keeps it from underlining a paragraph.
			add("---")
			ruled = true
		}
		add(mdHeading("##", s.Title))
		for _, b := range s.Blocks {
			add(mdBlock(b))
		}
	}
	if len(blocks) == 0 {
		return ""
	}
	return strings.Join(blocks, "\n\n") + "\n"
}

// mdHeading is an ATX heading, "" for no text. A run of "#" at its end
// after a space would be read as the heading's closing sequence and
// dropped: its first "#" is escaped.
func mdHeading(level, text string) string {
	text = mdText(flatText(text), false)
	if text == "" {
		return ""
	}
	if i := strings.TrimRight(text, "#"); len(i) < len(text) && (i == "" || strings.HasSuffix(i, " ")) {
		text = i + `\` + text[len(i):]
	}
	return level + " " + text
}

func mdBlock(b Block) string {
	switch {
	case b.Para != nil:
		return mdPara(*b.Para)
	case b.Callout != nil:
		if p := mdPara(*b.Callout); p != "" {
			return "> " + p
		}
	case b.List != nil:
		return mdList(b.List)
	case b.Table != nil:
		return mdTable(b.Table)
	case b.Sub != nil:
		return mdHeading("###", b.Sub.Text)
	}
	return ""
}

// mdPara is a paragraph, its lead-in in bold: "**Cost:** $150K". It may
// start a line (a paragraph, a list item, a block quote's content), so
// what would start a block there is escaped.
func mdPara(p Para) string {
	text := flatText(p.Text)
	lead := leadIn(p.Lead)
	if lead == "" {
		return mdText(text, true)
	}
	out := "**" + mdText(lead, false) + "**"
	if text != "" {
		out += " " + mdText(text, false)
	}
	return out
}

func mdList(l *List) string {
	var out []string
	for _, it := range l.Items {
		text := mdPara(it)
		if text == "" {
			continue
		}
		marker := "- "
		if l.Ordered {
			marker = strconv.Itoa(len(out)+1) + ". "
		}
		out = append(out, marker+text)
	}
	return strings.Join(out, "\n")
}

// mdTable is a caption in italics, a pipe table, and the note under it.
// The recommended column's head says so in words; the rows' heads are in
// bold.
func mdTable(t *Table) string {
	var out []string
	if c := flatText(t.Caption); c != "" {
		out = append(out, "*"+mdText(c, false)+"*", "")
	}
	n := t.columns()
	if n == 0 {
		return ""
	}
	row := func(cells []string) string {
		return "| " + strings.Join(cells, " | ") + " |"
	}
	heads := make([]string, n)
	rule := make([]string, n)
	for i := range n {
		h := flatText(t.head(i))
		if i == t.marked() {
			h = strings.TrimSpace(h + " (" + recommendedLabel + ")")
		}
		heads[i] = mdCellText(h)
		rule[i] = "---"
	}
	out = append(out, row(heads), row(rule))
	for _, r := range t.Rows {
		cells := make([]string, n)
		if h := mdCellText(flatText(r.Head)); h != "" {
			cells[0] = "**" + h + "**"
		}
		for i := 1; i < n; i++ {
			cells[i] = mdCellText(flatText(r.cell(i)))
		}
		out = append(out, row(cells))
	}
	if note := flatText(t.Note); note != "" {
		out = append(out, "", mdText(note, true))
	}
	return strings.Join(out, "\n")
}

// mdCellText escapes a table cell: as any text, and its "|", which would
// end the cell (GitHub's tables read "\|" as a "|" even in code).
func mdCellText(s string) string {
	return strings.ReplaceAll(mdText(s, false), "|", `\|`)
}

// mdText escapes flat text for Markdown with a backslash, and only where
// a character would otherwise mean something, so that the text reads as
// written and stays readable as plain text:
//
//   - "\" before a punctuation mark or at the end, where it would escape;
//   - "`", "[" and "]" always (a code span or a link needs a partner that
//     may be anywhere in the paragraph);
//   - "*", "_" and "~" where a run of them could open or close emphasis
//     or strikethrough, as CommonMark's flanking rules say ("snake_case"
//     and "2 * 3" stay as they are, "_id_" does not);
//   - "&" where it starts an entity ("&rlm;", "&#38;"; "AT&T" stays);
//   - "<" before a letter, "/", "!" or "?" (a tag or an autolink);
//
// and, when the text starts a line (start is true), what would start a
// block there: a heading's "#", a list's "-", "+", "*" or "1." or "1)",
// a quote's ">", a code fence, or a rule ("---").
func mdText(s string, start bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	from := 0
	if start {
		from = mdLineStart(&b, s)
	}
	for i := from; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 == len(s) || isASCIIPunct(s[i+1]) {
				b.WriteByte('\\')
			}
		case '`', '[', ']':
			b.WriteByte('\\')
		case '*', '_', '~':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			run := s[i:j]
			if mdDelimiterActs(s, i, j) {
				run = strings.ReplaceAll(run, string(c), `\`+string(c))
			}
			b.WriteString(run)
			i = j - 1
			continue
		case '&':
			if startsEntity(s[i+1:]) {
				b.WriteByte('\\')
			}
		case '<':
			if i+1 < len(s) && (isASCIILetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdLineStart escapes what would start a block at the start of s: it
// writes s up to and including the character that needs the backslash,
// with the backslash, and says how much of s it wrote.
func mdLineStart(b *strings.Builder, s string) int {
	i := mdBlockMarker(s)
	if i < 0 {
		return 0
	}
	b.WriteString(s[:i])
	b.WriteByte('\\')
	b.WriteByte(s[i])
	return i + 1
}

// mdBlockMarker is where a backslash keeps s, at the start of a line, from
// starting a block: 0, before a heading's "#", a bullet, a quote's ">", a
// rule or a "~~~" fence (mdText escapes every "`" of a "```" one), or the
// index of the "." or ")" after a list's number; -1 where s starts none.
func mdBlockMarker(s string) int {
	switch {
	case s == "":
		return -1
	case isThematicBreak(s), s[0] == '>', strings.HasPrefix(s, "~~~"):
		return 0
	case strings.IndexByte("-+*", s[0]) >= 0:
		if len(s) == 1 || s[1] == ' ' {
			return 0
		}
	case s[0] == '#':
		n := countWhile(s, func(c byte) bool { return c == '#' })
		if n <= 6 && (n == len(s) || s[n] == ' ') {
			return 0
		}
	default:
		n := countWhile(s, func(c byte) bool { return c >= '0' && c <= '9' })
		if n > 0 && n <= 9 && n < len(s) && (s[n] == '.' || s[n] == ')') && (n+1 == len(s) || s[n+1] == ' ') {
			return n
		}
	}
	return -1
}

// isThematicBreak reports a line that CommonMark reads as a rule: three
// or more of one of "-", "*" or "_", with spaces between them only.
func isThematicBreak(s string) bool {
	if s == "" || strings.IndexByte("-*_", s[0]) < 0 {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// mdDelimiterActs reports whether the run s[i:j] of "*", "_" or "~"
// could open or close emphasis (or strikethrough), by CommonMark's
// rules for a delimiter run: left-flanking, it could open; right-flanking,
// close; "_" inside a word does neither. Where s ends counts as
// punctuation, the most cautious guess at what the text is set next to
// (a "**" lead-in, a table's "|", a line's end).
func mdDelimiterActs(s string, i, j int) bool {
	before, after := rune('.'), rune('.')
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		after, _ = utf8.DecodeRuneInString(s[j:])
	}
	left := !unicode.IsSpace(after) && (!isPunct(after) || unicode.IsSpace(before) || isPunct(before))
	right := !unicode.IsSpace(before) && (!isPunct(before) || unicode.IsSpace(after) || isPunct(after))
	if s[i] != '_' {
		return left || right
	}
	canOpen := left && (!right || isPunct(before))
	canClose := right && (!left || isPunct(after))
	return canOpen || canClose
}

// isPunct is CommonMark's punctuation: ASCII punctuation and Unicode's P
// and S categories.
func isPunct(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIPunct(r)
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

func isASCIIPunct[C byte | rune](c C) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isASCIILetter[C byte | rune](c C) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// startsEntity reports whether s, the text after an "&", would make it an
// entity or a numeric character reference: a name or "#" and digits (or
// "#x" and hex digits), then ";".
func startsEntity(s string) bool {
	var n int
	switch {
	case strings.HasPrefix(s, "#x") || strings.HasPrefix(s, "#X"):
		n = 2 + countWhile(s[2:], isHexDigit)
		if n == 2 {
			return false
		}
	case strings.HasPrefix(s, "#"):
		n = 1 + countWhile(s[1:], func(c byte) bool { return c >= '0' && c <= '9' })
		if n == 1 {
			return false
		}
	default:
		n = countWhile(s, func(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' })
		if n == 0 || !isASCIILetter(s[0]) {
			return false
		}
	}
	return n < len(s) && s[n] == ';'
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f'
}

// countWhile counts the bytes at the start of s that ok accepts.
func countWhile(s string, ok func(byte) bool) int {
	n := 0
	for n < len(s) && ok(s[n]) {
		n++
	}
	return n
}
