package advisor

import (
	"bytes"
	"strings"
)

// FromEmail returns the answers file in data as a person pasted it into
// an email, or copied it back out of one: when its first line that is
// not blank starts with the quote marker "> ", that marker is taken off
// every line (a line of ">" alone is a quoted blank line), and a
// signature line ("-- ", or "--" where the mail program dropped the
// space) ends the file, with everything after it. Nothing else is taken
// off: a line quoted differently, or text before the answers, is an
// error that says which line and what to do, since guessing which text
// is the answers could take someone's words for an answer. The file
// keeps its line numbers, so that a problem in it is found where it
// shows. Data that is neither quoted nor signed is returned as it is.
func FromEmail(file string, data []byte) ([]byte, error) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	quoted := false
	for _, l := range lines {
		if t := bytes.TrimSpace(l); len(t) > 0 {
			quoted = t[0] == '>' && bytes.HasPrefix(l, []byte(">"))
			break
		}
	}
	pl := &problemList{file: file}
	var out bytes.Buffer
	header := -1 // the line of the program's header, if any
	for i, l := range lines {
		body, eol := cutEOL(l)
		if quoted {
			switch {
			case len(bytes.TrimSpace(body)) == 0:
			case string(body) == ">":
				body = nil
			case bytes.HasPrefix(body, []byte("> ")) && !bytes.HasPrefix(body, []byte("> >")):
				body = body[2:]
			default:
				pl.addf(i+1, "", "this line is not quoted as the lines above it (with \"> \" once); quote every line of the answers the same way, or paste them unquoted")
				continue
			}
		} else if bytes.HasPrefix(body, []byte(">")) {
			pl.addf(i+1, "", "this line starts with the quote marker > but the first line does not; paste the answers either all quoted or not at all")
			continue
		}
		if s := string(body); s == "-- " || s == "--" {
			break // a signature: the answers end above it
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
	return out.Bytes(), nil
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
