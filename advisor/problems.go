package advisor

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a user's input file: where it is and how
// to fix it.
type Problem struct {
	File string // file name as the user gave it ("stdin" for standard input)
	Line int    // 1-based line, 0 when unknown
	Key  string // the key or path the problem is about, if any
	Msg  string // what is wrong and, where possible, the fix
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Key != "" {
		b.WriteString(p.Key)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// InputError reports everything wrong with a user's input at once. The
// command line maps it to exit code 2.
type InputError struct {
	Problems []Problem
}

func (e *InputError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// problemList gathers problems while a file is read.
type problemList struct {
	file     string
	problems []Problem
}

func (l *problemList) add(line int, key, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: l.file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// err returns the gathered problems, sorted by line, as an *InputError, or
// nil when there are none.
func (l *problemList) err() error {
	if len(l.problems) == 0 {
		return nil
	}
	ps := append([]Problem(nil), l.problems...)
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
	return &InputError{Problems: ps}
}

// joinInputErrors merges several *InputError values (nil ones are skipped).
func joinInputErrors(errs ...error) error {
	var all []Problem
	for _, err := range errs {
		if err == nil {
			continue
		}
		if ie, ok := err.(*InputError); ok {
			all = append(all, ie.Problems...)
			continue
		}
		all = append(all, Problem{Msg: err.Error()})
	}
	if len(all) == 0 {
		return nil
	}
	return &InputError{Problems: all}
}

// quoteList renders values as `a, b, c`.
func quoteList(values []string) string {
	return strings.Join(values, ", ")
}

// suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "".
func suggest(s string, candidates []string) string {
	best, bestDist := "", 3
	ls := strings.ToLower(s)
	for _, c := range candidates {
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
