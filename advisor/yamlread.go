package advisor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest input file coo-advisor reads (1 MiB). Real
// answers and definition files are a few kilobytes; the cap keeps a wrong
// file (a log, an image) from being parsed at all.
const MaxFileSize = 1 << 20

var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// parseYAML checks the raw bytes of a user file and parses them into the
// document's root node. It rejects files that are too big, binary, empty,
// malformed, hold more than one document, or use anchors and aliases (which
// no coo-advisor file needs and which alias bombs abuse).
func parseYAML(file string, data []byte, what string) (root *yaml.Node, err error) {
	pl := &problemList{file: file}
	if len(data) > MaxFileSize {
		pl.addf(0, "", "the file is larger than the 1 MiB limit; is this the right file? It should be a small %s YAML file", what)
		return nil, pl.err()
	}
	if line, msg := encodingProblem(data); msg != "" {
		if line == 0 && strings.Contains(msg, "binary") {
			msg += fmt.Sprintf("; give %s %s YAML file", article(what), what)
		}
		pl.addf(line, "", "%s", msg)
		return nil, pl.err()
	}
	defer func() {
		// The YAML parser is third-party code fed with user input: whatever
		// it does, the user gets a message, never a stack trace.
		if r := recover(); r != nil {
			root = nil
			pl.reset()
			pl.addf(0, "", "could not be parsed as YAML (%v)", r)
			err = pl.err()
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if derr := dec.Decode(&doc); derr != nil {
		if derr.Error() == "EOF" {
			pl.addf(0, "", "the file is empty; expected %s %s YAML file", article(what), what)
			return nil, pl.err()
		}
		line, msg := yamlErrorLine(data, derr)
		pl.addf(line, "", "malformed YAML: %s%s", msg, tabHint(data, line, msg))
		return nil, pl.err()
	}
	var extra yaml.Node
	if derr := dec.Decode(&extra); derr == nil {
		pl.addf(extra.Line, "", "holds more than one YAML document (a second \"---\"); keep one")
		return nil, pl.err()
	} else if derr.Error() != "EOF" {
		line, msg := yamlErrorLine(data, derr)
		pl.addf(line, "", "malformed YAML: %s", msg)
		return nil, pl.err()
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		pl.addf(0, "", "the file is empty; expected %s %s YAML file", article(what), what)
		return nil, pl.err()
	}
	root = doc.Content[0]
	checkNoAliases(root, pl)
	if e := pl.err(); e != nil {
		return nil, e
	}
	if root.Kind == yaml.ScalarNode && root.Tag == tagNull {
		pl.addf(0, "", "the file is empty; expected %s %s YAML file", article(what), what)
		return nil, pl.err()
	}
	return root, nil
}

// encodingProblem says why data is not UTF-8 text, or "" when it is:
// UTF-16 (as some Windows editors save), another 8-bit encoding, or binary.
func encodingProblem(data []byte) (line int, msg string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return 0, "the file is UTF-16 text; save it as UTF-8"
	case len(data) >= 4 && (data[0] == 0 && data[2] == 0 || data[1] == 0 && data[3] == 0) && bytes.Count(data, []byte{0}) >= len(data)/3:
		return 0, "the file looks like UTF-16 text without a byte order mark; save it as UTF-8"
	case bytes.IndexByte(data, 0) >= 0:
		return 0, "the file looks binary, not YAML text"
	case !utf8.Valid(data):
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		return line, "the file is not UTF-8 text (this line has a byte UTF-8 does not allow, as Latin-1 and Windows-1252 files do); save it as UTF-8"
	}
	return 0, ""
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// yamlErrorLine returns the line and the message of a YAML syntax error.
// The YAML library gives parser errors (an unclosed bracket, a list item
// among keys) the 0-based line where the enclosing block starts, which can
// be far above the mistake. The mistake is on the first line at which the
// file stops parsing with the same error, so that is the line reported,
// when the file is small enough to look for it.
func yamlErrorLine(data []byte, err error) (int, string) {
	line, msg := splitYAMLError(err)
	if l := firstBadLine(data, max(line, 1), msg); l > 0 {
		line = l
	}
	return line, msg
}

// splitYAMLError splits "yaml: line 4: did not find expected key" into 4
// and the message.
func splitYAMLError(err error) (int, string) {
	first, _, _ := strings.Cut(err.Error(), "\n")
	if m := yamlLineRE().FindStringSubmatch(first); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, m[2]
	}
	return 0, strings.TrimPrefix(first, "yaml: ")
}

// lineSearchBudget bounds the bytes firstBadLine parses in all: every
// prefix it needs of a real file, a few of a large one.
const lineSearchBudget = 2 << 20

// firstBadLine returns the first line, from line from on, such that the
// lines up to it fail to parse with the error msg, or 0 when the search
// would cost too much. Prefixes that fail otherwise (one that ends inside
// a quoted text or a bracket spanning lines) do not count. The search
// gallops forward from from, then halves the interval where the error
// first appears: a handful of parses even in a long file.
func firstBadLine(data []byte, from int, msg string) int {
	var ends []int // ends[k-1] is the offset just after line k
	for end := 0; end < len(data); {
		if nl := bytes.IndexByte(data[end:], '\n'); nl >= 0 {
			end += nl + 1
		} else {
			end = len(data)
		}
		ends = append(ends, end)
	}
	if from > len(ends) {
		return 0
	}
	budget := lineSearchBudget
	exhausted := false
	fails := func(line int) bool {
		end := ends[line-1]
		if budget -= end; budget < 0 {
			exhausted = true
			return false
		}
		return failsWith(data[:end], msg)
	}
	lo, hi := from-1, from // the prefix up to lo parses (or fails otherwise), up to hi fails
	for step := 1; !fails(hi); step *= 2 {
		if exhausted || hi == len(ends) {
			return 0
		}
		lo, hi = hi, min(len(ends), hi+step)
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else if exhausted {
			return hi // a line with the error, if not the first
		} else {
			lo = mid
		}
	}
	return hi
}

// failsWith reports whether data fails to parse as YAML with the message
// msg.
func failsWith(data []byte, msg string) (fails bool) {
	defer func() {
		if r := recover(); r != nil {
			fails = false
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return false
		}
		if err != nil {
			_, m := splitYAMLError(err)
			return m == msg
		}
	}
}

// checkNoAliases reports every anchor and alias, with the key it is on.
func checkNoAliases(root *yaml.Node, pl *problemList) {
	type item struct {
		n    *yaml.Node
		path string
	}
	stack := []item{{root, ""}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if n.Kind == yaml.AliasNode {
			pl.addf(n.Line, it.path, "YAML aliases (*%s) are not supported; write the value out", n.Value)
			continue
		}
		if n.Anchor != "" {
			pl.addf(n.Line, it.path, "YAML anchors (&%s) are not supported; write the value out", n.Anchor)
		}
		// Past the listed problems the rest are only counted ("and N
		// more"): the walk is linear, as aliases are not followed.
		// Children go on the stack last first, so problems come out in
		// document order.
		for i := len(n.Content) - 1; i >= 0; i-- {
			c := n.Content[i]
			switch {
			case n.Kind == yaml.MappingNode && i%2 == 1:
				k := n.Content[i-1]
				key := k.Value
				if k.Kind != yaml.ScalarNode {
					key = "?"
				}
				stack = append(stack, item{c, joinPath(it.path, key)})
			case n.Kind == yaml.SequenceNode:
				stack = append(stack, item{c, fmt.Sprintf("%s[%d]", it.path, i)})
			default:
				stack = append(stack, item{c, it.path})
			}
		}
	}
}

// tabHint explains the YAML errors a tab in the indentation causes, which
// the library words without the fix.
func tabHint(data []byte, line int, msg string) string {
	if strings.Contains(msg, "tab character") {
		return "; indent with spaces, not tabs"
	}
	if line > 0 && strings.Contains(msg, "cannot start any token") {
		lines := bytes.Split(data, []byte("\n"))
		if line <= len(lines) && bytes.HasPrefix(lines[line-1], []byte("\t")) {
			return "; the line starts with a tab: indent with spaces, not tabs"
		}
	}
	return ""
}

// The YAML tags the readers look at.
const (
	tagNull  = "!!null"
	tagInt   = "!!int"
	tagFloat = "!!float"
	tagBool  = "!!bool"
)

// kindName describes a node for messages ("a list", "a number").
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case tagNull:
			return "nothing"
		case tagInt, tagFloat:
			return "the number " + n.Value
		case tagBool:
			return "the boolean " + n.Value
		}
		return strconv.Quote(n.Value)
	default:
		return "an unsupported value"
	}
}

// mapping reads a YAML mapping into key -> (key node, value node), reporting
// duplicate keys, keys not in allowed, and required keys that are missing.
// A nil allowed list accepts any key.
type entry struct {
	key, value *yaml.Node
}

func readMapping(n *yaml.Node, path string, pl *problemList, allowed, required []string) (map[string]entry, []string) {
	if n.Kind != yaml.MappingNode {
		pl.addf(n.Line, path, "expected a mapping of keys to values, got %s", kindName(n))
		return nil, nil
	}
	out := make(map[string]entry, len(n.Content)/2)
	var order []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			pl.addf(k.Line, path, "keys must be plain words, got %s", kindName(k))
			continue
		}
		name := k.Value
		keyPath := joinPath(path, name)
		if prev, dup := out[name]; dup {
			pl.addf(k.Line, keyPath, "given twice (first on line %d); keep one", prev.key.Line)
			continue
		}
		if allowed != nil && !contains(allowed, name) {
			hint := ""
			if s := suggest(name, allowed); s != "" {
				hint = fmt.Sprintf("did you mean %s? ", s)
			}
			pl.addf(k.Line, keyPath, "unknown field; %sallowed fields are %s", hint, quoteList(allowed))
			continue
		}
		out[name] = entry{k, v}
		order = append(order, name)
	}
	for _, r := range required {
		if _, ok := out[r]; !ok {
			pl.addf(n.Line, path, "missing required field %q", r)
		}
	}
	return out, order
}

// fields is one mapping of a definitions file, read key by key: each
// reader does nothing when its key is absent, and reports a bad value at
// its line under the mapping's path. Reading a file is mostly this, so
// that every key is read, checked and reported the same way.
type fields struct {
	m     map[string]entry
	order []string // the keys in the order the file gives them
	path  string
	pl    *problemList
}

// readFields reads the mapping n at path (see readMapping); ok is false
// when n is not a mapping, and every reader then does nothing.
func readFields(n *yaml.Node, path string, pl *problemList, allowed, required []string) (f fields, ok bool) {
	m, order := readMapping(n, path, pl, allowed, required)
	return fields{m: m, order: order, path: path, pl: pl}, m != nil
}

// at is the path of key k, for messages.
func (f fields) at(k string) string { return joinPath(f.path, k) }

// node returns the value of key k.
func (f fields) node(k string) (*yaml.Node, bool) {
	e, ok := f.m[k]
	return e.value, ok
}

// has reports whether key k is given.
func (f fields) has(k string) bool {
	_, ok := f.m[k]
	return ok
}

// with calls fn with the value of key k and its path, when k is given.
func (f fields) with(k string, fn func(n *yaml.Node, path string)) {
	if e, ok := f.m[k]; ok {
		fn(e.value, f.at(k))
	}
}

// line reads text shown on one line (a title, a label) into dst.
func (f fields) line(k string, dst *string) {
	f.with(k, func(n *yaml.Node, p string) { *dst = readLine(n, p, f.pl) })
}

// text reads text that may hold line breaks (a summary, a rationale).
func (f fields) text(k string, dst *string) {
	f.with(k, func(n *yaml.Node, p string) { *dst = readString(n, p, f.pl) })
}

// texts reads a list of texts.
func (f fields) texts(k string, dst *[]string) {
	f.with(k, func(n *yaml.Node, p string) { *dst = readStringList(n, p, f.pl) })
}

// id reads an id (see validID).
func (f fields) id(k string, dst *string) {
	f.with(k, func(n *yaml.Node, p string) { *dst = readID(n, p, f.pl) })
}

// boolean reads true or false.
func (f fields) boolean(k string, dst *bool) {
	f.with(k, func(n *yaml.Node, p string) { *dst = readBool(n, p, f.pl) })
}

// smallInt reads a whole number from lo to hi; dst keeps its value when
// the number is refused.
func (f fields) smallInt(k string, lo, hi int, dst *int) {
	f.with(k, func(n *yaml.Node, p string) { *dst = readSmallInt(n, p, lo, hi, f.pl, *dst) })
}

// share reads a number from 0 to 1; dst keeps its value when the number
// is refused.
func (f fields) share(k string, dst *float64) {
	f.with(k, func(n *yaml.Node, p string) {
		if v, ok := readShare(n, p, f.pl); ok {
			*dst = v
		}
	})
}

// lineOf is the line of key k's value, or 0 when k is not given.
func (f fields) lineOf(k string) int {
	if e, ok := f.m[k]; ok {
		return e.value.Line
	}
	return 0
}

// keyLine is the line of key k itself, for a message about the key.
func (f fields) keyLine(k string) int {
	if e, ok := f.m[k]; ok {
		return e.key.Line
	}
	return 0
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func readString(n *yaml.Node, path string, pl *problemList) string {
	return readText(n, path, pl, true)
}

// readLine reads text that is shown on one line: a title, a label, a
// name. Line breaks are refused there.
func readLine(n *yaml.Node, path string, pl *problemList) string {
	return readText(n, path, pl, false)
}

// Longest texts a definitions file may give: a title, a label or a name
// on one line; a summary or a rationale.
const (
	maxLineText = 200
	maxLongText = 2000
)

func readText(n *yaml.Node, path string, pl *problemList, multiLine bool) string {
	if n.Kind != yaml.ScalarNode || n.Tag == tagNull {
		pl.addf(n.Line, path, "expected text, got %s", kindName(n))
		return ""
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		pl.addf(n.Line, path, "must not be empty")
		return ""
	}
	if bad, what := unsafeRune(s, multiLine); bad >= 0 {
		// The same words for a definitions file and an answers file (the
		// client details).
		pl.addf(n.Line, path, "contains %s (%U); the text is shown in terminals and documents, so remove it", what, bad)
		return ""
	}
	limit := maxLongText
	if !multiLine {
		limit = maxLineText
	}
	if count := utf8.RuneCountInString(s); count > limit {
		pl.addf(n.Line, path, "is %s characters long; keep it to %s", GroupDigits(count), GroupDigits(limit))
		return ""
	}
	return s
}

// unsafeRune finds a character that must never reach a terminal or a
// document from a definitions file: control characters (escape sequences
// start with one), and invisible characters that hide or reorder text.
// Line breaks are allowed in long text only.
func unsafeRune(s string, multiLine bool) (rune, string) {
	for _, r := range s {
		switch {
		case r == '\n' && multiLine:
		case r == '\n':
			return r, "a line break (keep it on one line)"
		case r == 0x2028 || r == 0x2029:
			return r, "a line or paragraph separator"
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return r, "a control character"
		case unsafeForTerminal(r):
			return r, "an invisible formatting character"
		}
	}
	return -1, ""
}

func readStringList(n *yaml.Node, path string, pl *problemList) []string {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of text lines, got %s", kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		if s := readString(c, fmt.Sprintf("%s[%d]", path, i), pl); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// readInt reads a whole number. Quoted digits are accepted: people write
// "120" as often as 120.
func readInt(n *yaml.Node, path string, pl *problemList, allowedDesc string) (int, bool) {
	v, msg := parseIntNode(n)
	if msg != "" {
		pl.addf(n.Line, path, "%s; expected %s", msg, allowedDesc)
		return 0, false
	}
	return v, true
}

func parseIntNode(n *yaml.Node) (int, string) {
	if n.Kind != yaml.ScalarNode || n.Tag == tagNull || n.Tag == tagBool {
		return 0, fmt.Sprintf("got %s", kindName(n))
	}
	// The same rules as typed answers: "1,200" and "1 200" are a number,
	// "1,2,3" and "1 2 3" are not (they are not 123).
	return parseGroupedInt(n.Value)
}

// maxWeight is the largest number of points a weight may give.
const maxWeight = 10000 * pointScale

// parsePoints reads points as a decimal with at most two decimals ("3",
// "1.5", "0.25"): scores are exact sums of them.
func parsePoints(n *yaml.Node) (Points, string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != tagInt && n.Tag != tagFloat) {
		return 0, "got " + kindName(n)
	}
	s := strings.TrimPrefix(strings.TrimSpace(n.Value), "+")
	if strings.HasPrefix(s, "-") {
		return 0, fmt.Sprintf("%s is negative (give points to the other roles instead)", s)
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if !allDigits(whole) || (hasDot && frac != "" && !allDigits(frac)) || (hasDot && frac == "") {
		return 0, fmt.Sprintf("%s is not written as points (write decimal digits, like 2 or 1.5)", quoteInput(s))
	}
	if len(frac) > 2 {
		return 0, fmt.Sprintf("%s has more than two decimals (points go to the hundredth, like 1.25)", s)
	}
	if len(strings.TrimLeft(whole, "0")) > 6 {
		return 0, fmt.Sprintf("%s is too large (keep points at %s or below)", s, Points(maxWeight))
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt((frac + "0")[:2], 10, 64)
	}
	v := Points(w*pointScale + f)
	if v > maxWeight {
		return 0, fmt.Sprintf("%s is too large (keep points at %s or below)", s, Points(maxWeight))
	}
	return v, ""
}

// parseDecimal reads a plain decimal number (a share or a factor).
func parseDecimal(n *yaml.Node) (float64, string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != tagInt && n.Tag != tagFloat) {
		return 0, "got " + kindName(n)
	}
	s := strings.TrimSpace(n.Value)
	whole, frac, _ := strings.Cut(s, ".")
	switch {
	case strings.HasPrefix(s, "-"):
		return 0, fmt.Sprintf("%s is negative", s)
	case !allDigits(whole) || (frac != "" && !allDigits(frac)):
		return 0, fmt.Sprintf("%s is not a plain decimal like 0.5", quoteInput(s))
	case len(frac) > 4:
		return 0, fmt.Sprintf("%s has more than four decimals", s)
	case len(strings.TrimLeft(whole, "0")) > 6:
		return 0, fmt.Sprintf("%s is too large", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Sprintf("%s is not a number", quoteInput(s))
	}
	return v, ""
}

// readShare reads a number from 0 to 1.
func readShare(n *yaml.Node, path string, pl *problemList) (float64, bool) {
	v, msg := parseDecimal(n)
	if msg == "" && (v < 0 || v > 1) {
		msg = fmt.Sprintf("%s is not between 0 and 1", n.Value)
	}
	if msg != "" {
		pl.addf(n.Line, path, "%s; expected a share from 0 to 1, like 0.15", msg)
		return 0, false
	}
	return v, true
}

func readSmallInt(n *yaml.Node, path string, lo, hi int, pl *problemList, def int) int {
	v, ok := readInt(n, path, pl, fmt.Sprintf("a whole number from %d to %d", lo, hi))
	if !ok {
		return def
	}
	if v < lo || v > hi {
		pl.addf(n.Line, path, "%d is out of range; expected a whole number from %d to %d", v, lo, hi)
		return def
	}
	return v
}

func readBool(n *yaml.Node, path string, pl *problemList) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == tagBool {
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	}
	pl.addf(n.Line, path, "expected true or false, got %s", kindName(n))
	return false
}

// parseSignedDecimal reads a plain decimal that may be negative.
func parseSignedDecimal(n *yaml.Node) (float64, string) {
	if n.Kind == yaml.ScalarNode && strings.HasPrefix(strings.TrimSpace(n.Value), "-") {
		c := *n
		c.Value = strings.TrimPrefix(strings.TrimSpace(n.Value), "-")
		v, msg := parseDecimal(&c)
		return -v, msg
	}
	return parseDecimal(n)
}
