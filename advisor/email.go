package advisor

import (
	"bytes"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FromEmail returns the answers file in data as a person pasted it into
// an email, or copied it back out of one: when its first line that is
// not blank starts with the quote marker "> ", that marker is taken off
// every line (a line of ">" alone is a quoted blank line), and a
// signature line ("-- ", or "--" where the mail program dropped the
// space) ends the file, with everything after it. Nothing else is taken
// off: a line quoted differently, text before or after the answers, a
// line the mail program broke in two or indented with non-breaking
// spaces, is an error that says which line and what to do, since
// guessing which text is the answers could take someone's words for an
// answer. The file keeps its line numbers, so that a problem in it is
// found where it shows. Data that is neither quoted nor signed is
// returned as it is.
func FromEmail(file string, data []byte) ([]byte, error) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	pl := &problemList{file: file}
	quoted := false
	if first, next := nextText(lines, 0), nextText(lines, nextText(lines, 0)+1); first < len(lines) {
		quoted = bytes.HasPrefix(lines[first], []byte(">"))
		if bytes.HasPrefix(lines[first], []byte("&gt;")) {
			pl.addf(first+1, "", "the quote marker > came as &gt;, the code of a web page; copy the answers out of the email as plain text, or paste them unquoted")
			return nil, pl.err()
		}
		if !quoted && next < len(lines) && bytes.HasPrefix(lines[next], []byte(">")) && !answerKey.Match(lines[first]) && bytes.HasSuffix(bytes.TrimSpace(lines[first]), []byte(":")) {
			// A reply's "On ... wrote:" above the quoted answers.
			pl.addf(first+1, "", "%s is the mail program's line above the quoted answers, not part of them; delete this line", quoteInput(string(bytes.TrimSpace(lines[first]))))
			return nil, pl.err()
		}
	}
	var out bytes.Buffer
	header := -1 // the line of the program's header, if any
	for i, l := range lines {
		body, eol := cutEOL(l)
		if isSignature(body) {
			break // a signature, quoted or not: the answers end above it
		}
		if quoted {
			var ok bool
			if body, ok = unquoteLine(pl, lines, i, body); !ok {
				continue
			}
			if isSignature(body) {
				break
			}
		} else if bytes.HasPrefix(body, []byte(">")) && (laterKey(lines, i+1, false) || answerKey.Match(bytes.TrimPrefix(body, []byte("> ")))) {
			pl.addf(i+1, "", "this line starts with the quote marker > but the first line does not; paste the answers either all quoted or not at all")
			continue
		}
		if bytes.HasPrefix(bytes.TrimLeft(body, " \t"), []byte("\u00a0")) {
			pl.addf(i+1, "", "this line is indented with non-breaking spaces (pasted from an email?); retype the spaces at its start")
		}
		if header < 0 && strings.HasPrefix(string(body), "# coo-advisor answers file") {
			header = i + 1
		}
		out.Write(body)
		out.Write(eol)
	}
	if err := pl.err(); err != nil {
		return nil, err
	}
	if header > 1 {
		if first := firstText(out.Bytes()); first > 0 && first < header {
			pl.addf(first, "", "text before the answers file, which starts on line %d (# coo-advisor answers file); remove the lines above it", header)
			return nil, pl.err()
		}
	}
	var doc yaml.Node
	if yaml.Unmarshal(out.Bytes(), &doc) != nil {
		// YAML that does not read: say what the mail did to it, where a
		// line shows it.
		strayLines(pl, out.Bytes())
		if err := pl.err(); err != nil {
			return nil, err
		}
	}
	return out.Bytes(), nil
}

// isSignature reports whether a line is a signature line: "-- ", or "--"
// where the mail program dropped the space.
func isSignature(body []byte) bool {
	s := string(body)
	return s == "-- " || s == "--"
}

// unquoteLine takes the quote marker "> " off line i of a quoted text;
// a line quoted otherwise is a problem (ok false), named for what it is.
func unquoteLine(pl *problemList, lines [][]byte, i int, body []byte) (_ []byte, ok bool) {
	switch {
	case len(bytes.TrimSpace(body)) == 0:
		return body, true
	case string(body) == ">":
		return nil, true
	case bytes.HasPrefix(body, []byte("> >")) || bytes.HasPrefix(body, []byte(">>")):
		pl.addf(i+1, "", "this line is quoted twice (> >); the answers are quoted once, with \"> \": paste them from the first email, or take one > off each line")
	case bytes.HasPrefix(body, []byte("> ")):
		return body[2:], true
	case bytes.HasPrefix(body, []byte(">")):
		pl.addf(i+1, "", "this line is quoted with > and no space after it; quote every line of the answers with \"> \" (a > and a space), or paste them unquoted")
	case !answerKey.Match(body) && !laterKey(lines, i+1, true):
		pl.addf(i+1, "", "the answers end above this line: %s and what follows is not part of them; delete from this line to the end", quoteInput(string(bytes.TrimSpace(body))))
		return nil, false // one message for all of it
	default:
		pl.addf(i+1, "", "this line is not quoted as the lines above it (with \"> \" once); quote every line of the answers the same way, or paste them unquoted")
	}
	return nil, false
}

// answerKey is the start of a line of an answers file that holds a key.
var answerKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*:(\s|$)`)

// laterKey reports whether a line from the i-th on holds an answer's key
// (quoted with "> ", when quoted): whether the answers go on there.
func laterKey(lines [][]byte, i int, quoted bool) bool {
	for ; i < len(lines); i++ {
		l, _ := cutEOL(lines[i])
		if quoted {
			var ok bool
			if l, ok = bytes.CutPrefix(l, []byte("> ")); !ok {
				continue
			}
		}
		if isSignature(l) {
			return false
		}
		if answerKey.Match(l) {
			return true
		}
	}
	return false
}

// strayLines finds, in an answers file that is not YAML, the lines a
// mail program made: the end of a line it broke in two (a line at the
// margin that neither holds a key, nor starts a comment or a list item)
// and text after the answers (a "Sent from" line, a signature with a
// space too many, a quoted earlier message).
func strayLines(pl *problemList, data []byte) {
	lines := bytes.Split(data, []byte("\n"))
	prev, inList := "", false
	for i, raw := range lines {
		l := strings.TrimRight(string(raw), "\r")
		stray := !inList && strayLine(l)
		switch {
		case stray && !laterKey(lines, i+1, false) && !unfinished(prev):
			pl.addf(i+1, "", "the answers end above this line: %s and what follows is not part of them (a mail program's text, a signature or an earlier message); delete from this line to the end", quoteInput(l))
			return
		case stray && strings.TrimSpace(prev) != "":
			pl.addf(i+1, "", "this line looks like the end of line %d, which the mail program broke in two (it wraps long lines); join it to the end of line %d", i, i)
		}
		if answerKey.MatchString(l) {
			inList = unfinished(l) && strings.Contains(l, "[")
		} else if inList && strings.HasSuffix(strings.TrimSpace(l), "]") {
			inList = false
		}
		prev = l
	}
}

// quotedKey is a line that starts with a quoted key.
var quotedKey = regexp.MustCompile(`^("[^"]*"|'[^']*')\s*:`)

// strayLine reports whether line l of an answers file is at the margin
// and holds neither a key, a comment, a list item, nor a document mark.
func strayLine(l string) bool {
	switch {
	case l == "" || strings.ContainsAny(l[:1], " \t#[]{}"):
		return false
	case l == "-" || strings.HasPrefix(l, "- ") || l == "---" || l == "...":
		return false
	}
	return !answerKey.MatchString(l) && !quotedKey.MatchString(l)
}

// unfinished reports whether a line holding a key ends before its value
// does: a list not closed, or a quote not closed.
func unfinished(l string) bool {
	if !answerKey.MatchString(l) && !quotedKey.MatchString(l) {
		return false
	}
	_, v, _ := strings.Cut(l, ":")
	v = strings.TrimSpace(v)
	return v == "" && strings.HasSuffix(l, " ") || strings.HasPrefix(v, "[") && !strings.HasSuffix(v, "]") ||
		strings.HasPrefix(v, `"`) && (len(v) == 1 || !strings.HasSuffix(v, `"`))
}

// nextText is the index of the first line from the i-th on that is not
// blank, or len(lines).
func nextText(lines [][]byte, i int) int {
	for ; i < len(lines); i++ {
		if len(bytes.TrimSpace(lines[i])) > 0 {
			return i
		}
	}
	return len(lines)
}

// cutEOL splits a line into its text and its line ending.
func cutEOL(l []byte) (body, eol []byte) {
	body = bytes.TrimSuffix(l, []byte("\n"))
	body = bytes.TrimSuffix(body, []byte("\r"))
	return body, l[len(body):]
}

// firstText is the number of the first line of data that holds
// something other than a comment, or 0.
func firstText(data []byte) int {
	for i, l := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			return i + 1
		}
	}
	return 0
}
