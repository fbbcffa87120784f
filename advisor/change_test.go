package advisor_test

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// leader is the role Recommend would give complete answers, computed
// without the explanation so that brute-force searches stay cheap.
func leader(d *advisor.Definitions, a advisor.Answers) string { return d.Winner(a) }

// grouped writes 1000000 as 1,000,000, as the change texts do.
func grouped(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// toggled returns cur with the options at idx switched on or off, in
// option order.
func toggled(q *advisor.Question, cur []string, idx []int) []string {
	on := map[string]bool{}
	for _, v := range cur {
		on[v] = true
	}
	for _, i := range idx {
		v := q.Options[i].Value
		on[v] = !on[v]
	}
	var out []string
	for _, o := range q.Options {
		if on[o.Value] {
			out = append(out, o.Value)
		}
	}
	return out
}

// subsets calls f with every set of k indexes below n.
func subsets(n, k int, f func([]int)) {
	idx := make([]int, 0, k)
	var walk func(start int)
	walk = func(start int) {
		if len(idx) == k {
			f(idx)
			return
		}
		for i := start; i < n; i++ {
			idx = append(idx, i)
			walk(i + 1)
			idx = idx[:len(idx)-1]
		}
	}
	walk(0)
}

func symmetricDifference(a, b []string) (added, removed []string) {
	for _, v := range b {
		if !slices.Contains(a, v) {
			added = append(added, v)
		}
	}
	for _, v := range a {
		if !slices.Contains(b, v) {
			removed = append(removed, v)
		}
	}
	return added, removed
}

// checkChanges proves every property of res.Changes by trying answers
// itself: each change really flips the advice to its role, no smaller
// plausible change of that question flips it, open thresholds hold all the
// way, the list is nearest first and at most Scoring.MaxChanges long, and
// a question without a change cannot flip the advice within the bounds
// (or would come after the last one listed).
func checkChanges(t *testing.T, d *advisor.Definitions, res *advisor.Result) {
	t.Helper()
	a := res.Answers
	changed := checkChangeList(t, d, res)
	flips := func(id string, v advisor.Answer) bool {
		return leader(d, withAnswer(a, id, v)) != res.Recommended
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		c, ok := changed[q.ID]
		where := fmt.Sprintf("%s (answers %s)", q.ID, answersYAML(d, a))
		if !ok {
			// Not listed: no plausible change flips the advice, or the
			// nearest one would come after the last listed.
			checkNoChange(t, d, q, a[q.ID], flips, unlistedAfter(d, res, i), where)
			continue
		}
		checkChangeFlips(t, d, q, c, res, where)
		switch q.Kind {
		case advisor.KindInteger:
			checkIntegerChange(t, d, q, c, a, res.Recommended, flips, where)
		case advisor.KindChoice:
			checkChoiceChange(t, d, q, c, flips, where)
		case advisor.KindMulti:
			checkMultiChange(t, d, q, c, a[q.ID], flips, where)
		}
	}
}

// checkChangeList checks the list of changes as a whole: Winner agrees
// with Recommend, the changes are sorted by steps, there are at most
// Scoring.MaxChanges of them and no question has two. It returns the
// changes by question.
func checkChangeList(t *testing.T, d *advisor.Definitions, res *advisor.Result) map[string]advisor.Change {
	t.Helper()
	sc := d.Scoring
	if got := leader(d, res.Answers); got != res.Recommended {
		t.Fatalf("Winner picks %s, Recommend %s", got, res.Recommended)
	}
	if !slices.IsSortedFunc(res.Changes, func(x, y advisor.Change) int { return x.Steps - y.Steps }) {
		t.Errorf("changes are not sorted by steps: %+v", res.Changes)
	}
	if len(res.Changes) > sc.MaxChanges {
		t.Errorf("%d changes listed, at most %d", len(res.Changes), sc.MaxChanges)
	}
	changed := map[string]advisor.Change{}
	for _, c := range res.Changes {
		if _, dup := changed[c.Question]; dup {
			t.Errorf("two changes for %s", c.Question)
		}
		changed[c.Question] = c
	}
	return changed
}

// unlistedAfter returns the steps from which a change of the i-th question,
// which has none listed, could have been left off: 0 (none could) unless
// the list is full, else the last listed change's steps, one more when the
// question comes after the last listed one's.
func unlistedAfter(d *advisor.Definitions, res *advisor.Result, i int) int {
	if len(res.Changes) != d.Scoring.MaxChanges {
		return 0
	}
	last := res.Changes[len(res.Changes)-1]
	after := last.Steps
	if d.QuestionIndex(last.Question) > i {
		after++
	}
	return after
}

// checkChangeFlips checks that change c of q goes from the current answer
// to a valid one and to another role, that applying it through the real
// Recommend flips the advice to the role it names (ruled-out roles
// staying out), and that its text names that role.
func checkChangeFlips(t *testing.T, d *advisor.Definitions, q *advisor.Question, c advisor.Change, res *advisor.Result, where string) {
	t.Helper()
	a := res.Answers
	if c.Role == res.Recommended || d.RoleIndex(c.Role) < 0 {
		t.Errorf("%s: change to role %q, recommended %s", where, c.Role, res.Recommended)
	}
	if err := q.Validate(c.To); err != nil {
		t.Errorf("%s: change to an invalid answer: %v", where, err)
	}
	if !answersEqual(q, c.From, a[q.ID]) {
		t.Errorf("%s: change from %+v, answer is %+v", where, c.From, a[q.ID])
	}
	flipped, err := d.Recommend(withAnswer(a, q.ID, c.To))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if flipped.Recommended != c.Role {
		t.Errorf("%s: answering %+v gives %s, the change says %s", where, c.To, flipped.Recommended, c.Role)
	}
	text := d.ChangeText(c)
	if role, _ := d.Role(c.Role); !strings.Contains(text, role.Advice) {
		t.Errorf("%s: change text %q does not name %s", where, text, role.Advice)
	}
}

// checkChoiceChange checks change c of choice question q: its steps are
// the options moved, at least one and at most Scoring.OptionSteps, to an
// option that is a lever; no nearer lever flips the advice; and its text
// quotes both answers.
func checkChoiceChange(t *testing.T, d *advisor.Definitions, q *advisor.Question, c advisor.Change, flips func(string, advisor.Answer) bool, where string) {
	t.Helper()
	_, ci := q.Option(c.From.Choice)
	to, tj := q.Option(c.To.Choice)
	if c.Steps != abs(tj-ci) || c.Steps == 0 || c.Steps > d.Scoring.OptionSteps || to.NoLever {
		t.Errorf("%s: %d steps from option %d to %d (lever %v)", where, c.Steps, ci, tj, !to.NoLever)
	}
	for k, o := range q.Options {
		if k != ci && abs(k-ci) < c.Steps && !o.NoLever && flips(q.ID, advisor.Answer{Choice: o.Value}) {
			t.Errorf("%s: %q is nearer than %q and flips the advice too", where, o.Value, c.To.Choice)
		}
	}
	text := d.ChangeText(c)
	for _, s := range []string{q.Describe(c.From), q.Describe(c.To)} {
		if !strings.Contains(text, s) {
			t.Errorf("%s: change text %q does not quote %q", where, text, s)
		}
	}
}

// checkMultiChange checks change c of multi question q, answered cur: its
// steps are the values toggled, at least one and at most Scoring.Toggles,
// all levers, and its Added and Removed are those values; no toggle of
// fewer levers flips the advice; and its text names every toggled value
// without joining values that must all go with "or".
func checkMultiChange(t *testing.T, d *advisor.Definitions, q *advisor.Question, c advisor.Change, cur advisor.Answer, flips func(string, advisor.Answer) bool, where string) {
	t.Helper()
	added, removed := symmetricDifference(c.From.Multi, c.To.Multi)
	if c.Steps != len(added)+len(removed) || c.Steps == 0 || c.Steps > d.Scoring.Toggles {
		t.Errorf("%s: %d steps for +%q -%q", where, c.Steps, added, removed)
	}
	if !sameStrings(c.Added, added) || !sameStrings(c.Removed, removed) {
		t.Errorf("%s: change adds %q and removes %q, the answers differ by +%q -%q", where, c.Added, c.Removed, added, removed)
	}
	for _, v := range slices.Concat(added, removed) {
		if o, _ := q.Option(v); o.NoLever {
			t.Errorf("%s: the change toggles %q, which is not a lever", where, v)
		}
	}
	for k := 1; k < c.Steps; k++ {
		levers(q, k, func(idx []int) {
			if v := toggled(q, cur.Multi, idx); flips(q.ID, advisor.Answer{Multi: v}) {
				t.Errorf("%s: toggling %d values (%q) flips the advice, fewer than the change's %d", where, k, v, c.Steps)
			}
		})
	}
	text := d.ChangeText(c)
	for _, v := range slices.Concat(added, removed) {
		o, _ := q.Option(v)
		if !strings.Contains(text, o.Label) {
			t.Errorf("%s: change text %q does not name %q", where, text, o.Label)
		}
	}
	if len(removed) >= 2 && strings.Contains(text, "” or “") {
		t.Errorf("%s: %q: values that must all go are joined with or", where, text)
	}
}

// levers calls f with every set of k options that are levers.
func levers(q *advisor.Question, k int, f func([]int)) {
	var lv []int
	for i, o := range q.Options {
		if !o.NoLever {
			lv = append(lv, i)
		}
	}
	subsets(len(lv), k, func(idx []int) {
		set := make([]int, len(idx))
		for j, i := range idx {
			set[j] = lv[i]
		}
		f(set)
	})
}

// inRange reports whether v is within the plausible range of a change of
// the integer answer cur.
func inRange(d *advisor.Definitions, q *advisor.Question, cur, v int) bool {
	lo := max(q.Min, int(math.Ceil(float64(cur)*d.Scoring.Shrink)))
	hi := min(q.Max, int(math.Floor(float64(cur)*d.Scoring.Grow)))
	return v >= lo && v <= hi
}

// checkIntegerChange checks change c of integer question q: it moves to
// the nearest value of a band that is a lever and in range, no nearer band
// flips the advice, an open change holds all the way, and its text holds
// the threshold and the current answer.
func checkIntegerChange(t *testing.T, d *advisor.Definitions, q *advisor.Question, c advisor.Change, a advisor.Answers, rec string, flips func(string, advisor.Answer) bool, where string) {
	t.Helper()
	ci, tj := q.BandIndex(c.From.Int), q.BandIndex(c.To.Int)
	if tj < 0 || q.Bands[tj].Min != c.Lo || q.Bands[tj].Max != c.Hi {
		t.Errorf("%s: change range %d..%d is not the band of %d", where, c.Lo, c.Hi, c.To.Int)
		return
	}
	threshold := checkIntegerThreshold(t, d, q, c, ci, tj, where)
	checkNoNearerBandFlips(t, d, q, c, ci, flips, where)
	if c.Open {
		checkOpenChange(t, d, q, c, a, rec, tj, threshold, where)
	}
	text := d.ChangeText(c)
	if !strings.Contains(text, grouped(threshold)+" ") {
		t.Errorf("%s: change text %q does not hold the threshold %s", where, text, grouped(threshold))
	}
	if !strings.Contains(text, "(now "+grouped(c.From.Int)+")") {
		t.Errorf("%s: change text %q does not hold the current answer", where, text)
	}
}

// checkIntegerThreshold checks that change c of q from band ci to band tj
// counts the bands crossed as its steps (at least one) and goes Down
// exactly when tj is below ci, to the threshold: the value of band tj
// nearest the current answer, within half to double of it, in a band that
// is a lever. It returns the threshold.
func checkIntegerThreshold(t *testing.T, d *advisor.Definitions, q *advisor.Question, c advisor.Change, ci, tj int, where string) int {
	t.Helper()
	if c.Steps != abs(tj-ci) || c.Steps == 0 {
		t.Errorf("%s: %d steps from band %d to band %d", where, c.Steps, ci, tj)
	}
	if c.Down != (tj < ci) {
		t.Errorf("%s: Down = %v from band %d to %d", where, c.Down, ci, tj)
	}
	threshold := c.Lo
	if c.Down {
		threshold = c.Hi
	}
	if c.To.Int != threshold {
		t.Errorf("%s: change to %d, the nearest value of the band is %d", where, c.To.Int, threshold)
	}
	if !inRange(d, q, c.From.Int, c.To.Int) || q.Bands[tj].NoLever {
		t.Errorf("%s: change to %d is outside half to double of %d, or not a lever", where, c.To.Int, c.From.Int)
	}
	return threshold
}

// checkNoNearerBandFlips checks that crossing fewer bands than change c
// from band ci never flips the advice: every plausible value of a nearer
// band that is a lever (all score alike, so its ends in range stand for
// it) keeps the advice.
func checkNoNearerBandFlips(t *testing.T, d *advisor.Definitions, q *advisor.Question, c advisor.Change, ci int, flips func(string, advisor.Answer) bool, where string) {
	t.Helper()
	for k, b := range q.Bands {
		if k == ci || abs(k-ci) >= c.Steps || b.NoLever {
			continue
		}
		for _, v := range []int{b.Min, b.Max} {
			if inRange(d, q, c.From.Int, v) && flips(q.ID, advisor.Answer{Int: v}) {
				t.Errorf("%s: %d crosses fewer bands than %d and flips the advice too", where, v, c.To.Int)
			}
		}
	}
}

// checkOpenChange checks that an open change c, to band tj, holds all the
// way: every value from the threshold on, in its direction, takes the
// advice from rec to the role the text names.
func checkOpenChange(t *testing.T, d *advisor.Definitions, q *advisor.Question, c advisor.Change, a advisor.Answers, rec string, tj, threshold int, where string) {
	t.Helper()
	for k, b := range q.Bands {
		if (c.Down && k > tj) || (!c.Down && k < tj) {
			continue
		}
		for _, v := range []int{b.Min, b.Max} {
			got := leader(d, withAnswer(a, q.ID, advisor.Answer{Int: v}))
			if got == rec || got != c.Role {
				t.Errorf("%s: open change to %s from %d, but %d gives %s", where, c.Role, threshold, v, got)
			}
		}
	}
}

// checkNoChange proves that a question listed without a change cannot flip
// the advice with a plausible change nearer than after steps (any
// distance when after is 0): no other band in range, no option within
// reach, no toggle of up to Toggles values that are levers.
func checkNoChange(t *testing.T, d *advisor.Definitions, q *advisor.Question, cur advisor.Answer, flips func(string, advisor.Answer) bool, after int, where string) {
	t.Helper()
	near := func(steps int) bool { return after == 0 || steps < after }
	switch q.Kind {
	case advisor.KindInteger:
		ci := q.BandIndex(cur.Int)
		if q.Bands[ci].NoLever {
			return // not a lever: never changed
		}
		for k, b := range q.Bands {
			if k == ci || b.NoLever || !near(abs(k-ci)) {
				continue
			}
			for _, v := range []int{b.Min, b.Max} {
				if inRange(d, q, cur.Int, v) && flips(q.ID, advisor.Answer{Int: v}) {
					t.Errorf("%s: no change listed, but %d flips the advice", where, v)
				}
			}
		}
	case advisor.KindChoice:
		from, ci := q.Option(cur.Choice)
		if from.NoLever {
			return // not a lever: never changed
		}
		for k, o := range q.Options {
			if k == ci || o.NoLever || abs(k-ci) > d.Scoring.OptionSteps || !near(abs(k-ci)) {
				continue
			}
			if flips(q.ID, advisor.Answer{Choice: o.Value}) {
				t.Errorf("%s: no change listed, but %q flips the advice", where, o.Value)
			}
		}
	case advisor.KindMulti:
		for k := 1; k <= min(d.Scoring.Toggles, len(q.Options)) && near(k); k++ {
			levers(q, k, func(idx []int) {
				if v := toggled(q, cur.Multi, idx); flips(q.ID, advisor.Answer{Multi: v}) {
					t.Errorf("%s: no change listed, but %q flips the advice", where, v)
				}
			})
		}
	}
}

func answersEqual(q *advisor.Question, x, y advisor.Answer) bool {
	switch q.Kind {
	case advisor.KindInteger:
		return x.Int == y.Int
	case advisor.KindChoice:
		return x.Choice == y.Choice
	}
	return sameStrings(x.Multi, y.Multi)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestWhatWouldChange checks every change of many random results, on the
// built-in definitions and on three roles.
func TestWhatWouldChange(t *testing.T) {
	defs := []struct {
		name string
		d    *advisor.Definitions
		n    int
	}{
		{"built-in", builtin(t), 400},
		{"three roles", threeRoles(t), 400},
	}
	for _, tt := range defs {
		t.Run(tt.name, func(t *testing.T) {
			r := newRand(7)
			kinds := map[advisor.Kind]int{}
			open, closed := 0, 0
			for i := 0; i < tt.n && !t.Failed(); i++ {
				res := recommend(t, tt.d, randomAnswers(tt.d, r))
				checkChanges(t, tt.d, res)
				for _, c := range res.Changes {
					q, _ := tt.d.Question(c.Question)
					kinds[q.Kind]++
					if q.Kind == advisor.KindInteger {
						if c.Open {
							open++
						} else {
							closed++
						}
					}
				}
			}
			// The random answers must reach every kind of change, or the
			// checks above prove little.
			for _, k := range []advisor.Kind{advisor.KindInteger, advisor.KindChoice, advisor.KindMulti} {
				if kinds[k] == 0 {
					t.Errorf("no %s change in %d random results", k, tt.n)
				}
			}
			if open == 0 {
				t.Errorf("no open integer change in %d random results", tt.n)
			}
			t.Logf("changes by kind %v; integer changes open %d, bounded %d", kinds, open, closed)
		})
	}
}

// TestWhatWouldChangeExamples checks the changes of the sample answers.
func TestWhatWouldChangeExamples(t *testing.T) {
	d := builtin(t)
	for _, name := range exampleNames(t) {
		t.Run(name, func(t *testing.T) {
			res := recommend(t, d, parse(t, d, string(example(t, name))))
			checkChanges(t, d, res)
			// A close call always has a change; a strong result may have
			// none.
			if d.IsCloseCall(res) && len(res.Changes) == 0 {
				t.Error("close call without a change listed")
			}
		})
	}
}

// TestChangeTextThreshold: an integer threshold reads "at about N ... or
// fewer/more", with N the first value that changes the advice.
func TestChangeTextThreshold(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		name     string
		answers  string
		question string
		want     string
	}{
		{
			// A 400-person company with nobody over operations and some COO
			// signals tips to a COO once it passes 500 people, and stays
			// there however big it gets.
			name: "more employees",
			answers: "employees: 400\ndepartments: 8\nlocations: 3\nregulation: moderate\ngrowth: moderate\nexpansion: [new-markets]\n" +
				"ceo_ops_time: high\nleadership: []\npain_points: [process-optimization, quality-assurance]\n",
			question: "employees",
			want:     "At 500 employees or more (now 400), the advice would be a Chief Operating Officer.",
		},
		{
			// A 30-person company is told where a new leader stops paying
			// for itself.
			name: "fewer employees",
			answers: "employees: 30\ndepartments: 3\nlocations: 1\nregulation: light\ngrowth: stable\nexpansion: []\n" +
				"ceo_ops_time: high\nleadership: []\npain_points: [process-optimization]\n",
			question: "employees",
			want:     "At 19 employees or fewer (now 30), the advice would be no new operations leader yet.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := recommend(t, d, parse(t, d, tt.answers))
			for _, c := range res.Changes {
				if c.Question == tt.question {
					if got := d.ChangeText(c); got != tt.want {
						t.Errorf("change text %q, want %q", got, tt.want)
					}
					return
				}
			}
			t.Fatalf("no change for %s in %+v", tt.question, res.Changes)
		})
	}
}

// TestChangesArePlausible: a large company is never offered a change to
// a handful of people, nor one to declining growth, and a company with a
// COO is never offered a COO.
func TestChangesArePlausible(t *testing.T) {
	d := builtin(t)
	big := parse(t, d, "employees: 3000\ndepartments: 40\nlocations: 60\nregulation: heavy\ngrowth: rapid\nexpansion: [acquisitions]\n"+
		"ceo_ops_time: low\nleadership: [operations-managers]\npain_points: [process-optimization, quality-assurance, team-leadership]\n")
	res := recommend(t, d, big)
	for _, c := range res.Changes {
		text := d.ChangeText(c)
		switch c.Question {
		case "employees", "departments", "locations":
			if c.To.Int*2 < c.From.Int || c.To.Int > 2*c.From.Int {
				t.Errorf("implausible change %q", text)
			}
		case "growth":
			if c.To.Choice == "declining" || c.To.Choice == "stable" {
				t.Errorf("implausible change %q", text)
			}
		}
	}
}

// manyOptionsQuestions is a questions file with one multi-choice question
// of n options, alternately for the COO and the Operations Director.
func manyOptionsQuestions(n int) string {
	var b strings.Builder
	b.WriteString("factors:\n  - {id: needs, title: Needs}\nquestions:\n  - id: pains\n    factor: needs\n    title: Pains\n    prompt: Where does it hurt?\n    why: Pains map onto roles.\n    kind: multi-choice\n    options:\n")
	for i := 0; i < n; i++ {
		role := []string{"coo", "operations-director"}[i%2]
		fmt.Fprintf(&b, "      - {value: p%d, label: Pain %d, weights: {%s: %d}}\n", i, i, role, 1+i%3)
	}
	return b.String()
}

// TestWhatWouldChangeManyOptions: a user's file with thousands of options
// is explained in bounded time, and a list of a few dozen options is still
// searched in full.
func TestWhatWouldChangeManyOptions(t *testing.T) {
	roles := builtinSource(t, "roles.yaml")
	tests := []struct {
		options int
		answer  string
		full    bool // every change of up to maxToggles values is searched
	}{
		{options: 12, answer: "pains: [p0, p2, p4, p6]\n", full: true},
		{options: 40, answer: "pains: [p0, p2, p4]\n", full: true},
		{options: 3000, answer: "pains: [p0, p2, p4, p6, p8, p10, p12]\n"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.options, " options"), func(t *testing.T) {
			// The built-in roles with a user's questions, as --questions
			// alone gives them.
			d, err := advisor.Load(advisor.Source{Name: "roles.yaml", Data: []byte(roles), BuiltIn: true}, advisor.Source{Name: "questions.yaml", Data: []byte(manyOptionsQuestions(tt.options))})
			if err != nil {
				t.Fatal(err)
			}
			res := recommend(t, d, parse(t, d, tt.answer))
			if tt.full {
				checkChanges(t, d, res)
				if len(res.Changes) == 0 {
					t.Error("no change found")
				}
			}
		})
	}
}
