package advisor

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with a user's input file: where it is and how
// to fix it.
type Problem struct {
	File string // file name as the user gave it ("stdin" for standard input)
	Line int    // 1-based line, 0 when unknown
	Key  string // the key or path the problem is about, if any
	Msg  string // what is wrong and, where possible, the fix
	// Like counts the problems of the same kind as this one (the same
	// message about other keys or values) that are not listed, and
	// LikeLines gives the first of their lines: a file that makes one
	// mistake eighty times gets one line about it, not eighty.
	Like      int
	LikeLines []int
	sameLine  bool // every problem like it is on this problem's line
}

// String is the problem as the user reads it: file:line: key: message.
// The file name and the key come from the user (a key of an answers file,
// a name on the command line): a key that is not plain text is quoted, and
// no part can carry a control character to the terminal.
func (p Problem) String() string {
	var b strings.Builder
	// A problem of no one file (there is always one where a file is
	// read) starts with its key or its message.
	if p.File != "" {
		b.WriteString(SafeText(p.File))
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Key != "" {
		b.WriteString(safeKey(p.Key))
		b.WriteString(": ")
	}
	b.WriteString(SafeText(p.Msg))
	if p.Like > 0 {
		where := linesText(p.LikeLines, p.Like)
		if p.sameLine {
			where = ", on the same line"
		}
		fmt.Fprintf(&b, " (and %s more like it%s)", GroupDigits(p.Like), where)
	}
	return b.String()
}

// linesText lists where the grouped problems are: ", on lines 4, 9 and
// 12", or the first few "and 70 others".
func linesText(lines []int, of int) string {
	if len(lines) == 0 {
		return ""
	}
	words := make([]string, len(lines))
	for i, l := range lines {
		words[i] = strconv.Itoa(l)
	}
	if of > len(lines) {
		words = append(words, GroupDigits(of-len(lines))+" others")
	}
	if len(words) == 1 {
		return ", on line " + words[0]
	}
	return ", on lines " + JoinWords(words, "and")
}

// safeKey writes a key as it is when it is plain (letters, digits and the
// punctuation of paths like questions[growth].options[0]), quoted and
// escaped otherwise.
func safeKey(k string) string {
	for _, r := range k {
		plain := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.[]", r)
		if !plain {
			return quoteInput(k)
		}
	}
	// A path of ours (roles[operations-director].before_hiring[0].when)
	// may be long; a key much longer than any path is someone's text.
	if len(k) > 2*maxQuoted {
		return quoteInput(k)
	}
	return k
}

// SafeText escapes, in text bound for a terminal, every character that
// could act on it or hide text: control characters (escape sequences
// start with one), and invisible or direction-changing characters. They
// come out as Go escapes (\x1b, \u202e); everything else is unchanged.
func SafeText(s string) string {
	clean := true
	for _, r := range s {
		if unsafeForTerminal(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeForTerminal(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// UnsafeForTerminal reports whether SafeText escapes r: a control,
// invisible or direction-changing character, which a field that takes a
// name (a file's, a client's) leaves out.
func UnsafeForTerminal(r rune) bool { return unsafeForTerminal(r) }

// unsafeForTerminal reports whether r must never reach a terminal as it
// is: a control character (but a tab); a format character (Unicode's Cf:
// zero-width, direction-changing, soft hyphen, tags); a noncharacter; an
// invisible filler; a line or paragraph separator.
func unsafeForTerminal(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f, r == '\t':
		return false // printable ASCII, most of any text: no table to search
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case unicode.Is(unicode.Cf, r), isNoncharacter(r), isInvisibleFiller(r):
		return true
	case r == 0x2028 || r == 0x2029 || r == utf8.RuneError:
		return true
	}
	return false
}

// isNoncharacter reports Unicode's noncharacters: U+FDD0 to U+FDEF and the
// last two code points of every plane.
func isNoncharacter(r rune) bool {
	return (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe
}

// isInvisibleFiller reports the Hangul fillers and the like, letters that
// show as nothing.
func isInvisibleFiller(r rune) bool {
	switch r {
	case 0x115f, 0x1160, 0x3164, 0xffa0, 0x2800:
		return true
	}
	return false
}

// InputError reports everything wrong with a user's input at once. The
// command line maps it to exit code 2. A long list is cut: More counts the
// problems left out.
type InputError struct {
	Problems []Problem
	More     int
	Hint     string // a last line, when there is a better way to go about it
	// OnlyGaps is set when every problem is an answer left out or left
	// blank: the file is a partial answers file, which an interactive
	// session completes.
	OnlyGaps bool
}

func (e *InputError) Error() string {
	lines := make([]string, len(e.Problems), len(e.Problems)+1)
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	if e.More > 0 {
		lines = append(lines, fmt.Sprintf("... and %s more problems; fix these first", GroupDigits(e.More)))
	}
	if e.Hint != "" {
		lines = append(lines, SafeText(e.Hint))
	}
	return strings.Join(lines, "\n")
}

// maxProblems is how many problems one error lists: enough to fix a file
// in one go, few enough that a wrong file does not flood the terminal.
const maxProblems = 30

// maxKinds bounds the kinds of problem a list keeps: past it problems
// are only counted, so that a file built to make millions of different
// mistakes costs no more than one that makes a few thousand.
const maxKinds = 5000

// groupFrom is how many problems of one kind make a group: two are both
// listed, three or more become one line with a count.
const groupFrom = 3

// maxLikeLines is how many lines a group names.
const maxLikeLines = 6

// problemList gathers problems while a file is read. Problems with the
// same message about other keys (an alias used eighty times, a hundred
// unknown keys) are one kind, grouped as they come; a message that
// differs (each missing answer says what it takes) is a kind of its own.
type problemList struct {
	file  string
	kinds []problemKind
	byMsg map[string]int // kind (a message) -> index in kinds
	more  int            // problems beyond maxKinds kinds, counted only
	added int            // every problem added, counted or kept
}

// problemKind is the problems with one message: the first two in full,
// how many there are, and the first of their lines.
type problemKind struct {
	first, second Problem
	count         int
	lines         []int
}

func (l *problemList) addf(line int, key, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	l.addLike(msg, line, key, msg)
}

// addLike adds a problem of kind like (its message, unless problems with
// messages of their own are one kind: a list's wrong values).
func (l *problemList) addLike(like string, line int, key, msg string) {
	l.added++
	p := Problem{File: l.file, Line: line, Key: key, Msg: msg}
	if i, ok := l.byMsg[like]; ok {
		k := &l.kinds[i]
		k.count++
		if k.count == 2 {
			k.second = p
		}
		if line > 0 && len(k.lines) < maxLikeLines+1 && !slices.Contains(k.lines, line) {
			k.lines = append(k.lines, line)
		}
		return
	}
	if l.full() {
		l.more++
		return
	}
	if l.byMsg == nil {
		l.byMsg = map[string]int{}
	}
	l.byMsg[like] = len(l.kinds)
	k := problemKind{first: p, count: 1}
	if line > 0 {
		k.lines = []int{line}
	}
	l.kinds = append(l.kinds, k)
}

// count is how many problems were added so far: a reader compares it
// before and after a part to tell whether that part had any.
func (l *problemList) count() int { return l.added }

// reset forgets every problem gathered.
func (l *problemList) reset() { *l = problemList{file: l.file} }

// full reports whether further problems of a new kind are only counted,
// so that callers can skip the work of a message (a suggestion) nobody
// will read.
func (l *problemList) full() bool { return len(l.kinds) >= maxKinds }

// err returns the gathered problems as an *InputError, or nil when there
// are none: sorted by line, each kind of three or more on one line with
// a count, cut to maxProblems lines.
func (l *problemList) err() error {
	if len(l.kinds) == 0 {
		return nil
	}
	var ps []Problem
	for _, k := range l.kinds {
		switch {
		case k.count >= groupFrom:
			p := k.first
			p.Like = k.count - 1
			p.sameLine = len(k.lines) == 1 && p.Line > 0
			if len(k.lines) > 1 {
				p.LikeLines = append([]int(nil), k.lines[1:]...)
				if len(p.LikeLines) > maxLikeLines {
					p.LikeLines = p.LikeLines[:maxLikeLines]
				}
			}
			ps = append(ps, p)
		case k.count == 2:
			ps = append(ps, k.first, k.second)
		default:
			ps = append(ps, k.first)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		// Problems without a line (missing keys) go last.
		li, lj := ps[i].Line, ps[j].Line
		if li == 0 {
			li = int(^uint(0) >> 1)
		}
		if lj == 0 {
			lj = int(^uint(0) >> 1)
		}
		return li < lj
	})
	more := l.more
	if len(ps) > maxProblems {
		more += countProblems(ps[maxProblems:])
		ps = ps[:maxProblems]
	}
	return &InputError{Problems: ps, More: more}
}

// countProblems counts the problems ps stand for, the grouped ones
// included.
func countProblems(ps []Problem) int {
	n := 0
	for _, p := range ps {
		n += 1 + p.Like
	}
	return n
}

// JoinInputErrors merges several *InputError values (nil ones are
// skipped), each one's problems together, in the order given. When they
// hold more than one list shows, the lines are shared out: each error
// gets its turn, one line at a time, so that every file with problems is
// named (up to maxProblems of them), and the problems left out, grouped
// ones and those each error had already left out included, are counted.
func JoinInputErrors(errs ...error) error {
	var lists [][]Problem
	more := 0
	for _, err := range errs {
		if err == nil {
			continue
		}
		var ie *InputError
		if errors.As(err, &ie) {
			if len(ie.Problems) > 0 {
				lists = append(lists, ie.Problems)
			}
			more += ie.More
			continue
		}
		lists = append(lists, []Problem{{Msg: err.Error()}})
	}
	if len(lists) == 0 {
		if more > 0 {
			return &InputError{More: more}
		}
		return nil
	}
	// Turn by turn, a line more for each list that has one left.
	shown := make([]int, len(lists))
	for left, placed := maxProblems, true; left > 0 && placed; {
		placed = false
		for i, l := range lists {
			if left > 0 && shown[i] < len(l) {
				shown[i]++
				left--
				placed = true
			}
		}
	}
	var all []Problem
	for i, l := range lists {
		all = append(all, l[:shown[i]]...)
		more += countProblems(l[shown[i]:])
	}
	return &InputError{Problems: all, More: more}
}

// maxListed is how many values a message lists before "and N more".
const maxListed = 12

// quoteList renders values as `a, b, c`, cut after maxListed values.
func quoteList(values []string) string {
	if len(values) == 0 {
		return "(none yet)"
	}
	if len(values) > maxListed {
		return strings.Join(values[:maxListed], ", ") + fmt.Sprintf(" and %s more", GroupDigits(len(values)-maxListed))
	}
	return strings.Join(values, ", ")
}

// maxSuggestCandidates bounds the work of one suggestion: a typo is
// looked for among at most this many candidates.
const maxSuggestCandidates = 2000

// suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "".
func suggest(s string, candidates []string) string {
	best, bestDist := "", 3
	ls := strings.ToLower(s)
	if len(ls) > 64 {
		return "" // not a typo of an id
	}
	if len(candidates) > maxSuggestCandidates {
		candidates = candidates[:maxSuggestCandidates]
	}
	for _, c := range candidates {
		if d := len(c) - len(ls); d > 2 || d < -2 {
			continue // too far apart to be a typo
		}
		if strings.ToLower(c) == ls {
			return c
		}
		d := editDistance(ls, strings.ToLower(c))
		limit := 2
		if len(c) <= 4 {
			limit = 1
		}
		if d <= limit && d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, by runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20 // not a typo of a short id; keep the work bounded
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// maxQuoted is how much of a user's text a message repeats.
const maxQuoted = 60

// quoteInput quotes text a user gave for a message: in double quotes, with
// control, zero-width and direction-changing characters escaped (so a
// message can never move the cursor, retitle a terminal or reorder what is
// shown), and cut to maxQuoted characters.
func quoteInput(s string) string {
	r := []rune(s)
	cut := len(r) > maxQuoted
	if cut {
		r = r[:maxQuoted]
	}
	q := strconv.Quote(string(r))
	if cut {
		q = q[:len(q)-1] + `…"`
	}
	return q
}

// QuoteInput quotes text a user gave, for a message outside this package
// (see quoteInput).
func QuoteInput(s string) string { return quoteInput(s) }
