package advisor_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
)

func builtin(t testing.TB) *advisor.Definitions {
	t.Helper()
	d, err := data.Load()
	if err != nil {
		t.Fatalf("built-in definitions do not load: %v", err)
	}
	return d
}

// builtinSource returns the bytes of a built-in definitions file.
func builtinSource(t testing.TB, name string) string {
	t.Helper()
	b, err := data.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// threeRolesYAML and threeQuestionsYAML define three roles, to prove that
// nothing in the engine assumes two. Each role can win: a Chief of Staff
// for a small company whose CEO is overloaded.
const threeRolesYAML = `roles:
  - id: coo
    title: Chief Operating Officer
    short: COO
    summary: Runs the whole company's operations and turns strategy into execution.
    responsibilities:
      - id: strategy-alignment
        name: Strategy alignment
        description: Keeps operations in line with the strategy.
      - id: risk-management
        name: Risk management
        description: Plans for the risks of the whole business.
    fits_when:
      - The company is large and growing fast.
    works_with: Sets the direction the others execute.
  - id: operations-director
    title: Operations Director
    short: Ops Director
    summary: Runs and improves the operational functions day by day.
    responsibilities:
      - id: process-optimization
        name: Process optimization
        description: Finds the bottlenecks and fixes them.
    fits_when:
      - Processes are weak and growth is steady.
    works_with: Reports to the COO where there is one.
  - id: chief-of-staff
    title: Chief of Staff
    short: CoS
    summary: Takes the CEO's operational load so the CEO can lead.
    responsibilities:
      - id: ceo-overload
        name: CEO leverage
        description: Handles what the CEO should not have to.
    fits_when:
      - The company is small and the CEO is overloaded.
    works_with: Works for the CEO, next to both other roles.
`

const threeQuestionsYAML = `factors:
  - id: size
    title: Size
  - id: growth
    title: Growth
  - id: leadership
    title: Leadership
  - id: needs
    title: Needs
questions:
  - id: employees
    factor: size
    title: Employees
    prompt: How many people work here?
    why: Size decides how much oversight is needed.
    kind: integer
    unit: employees
    unit_one: employee
    min: 1
    max: 100000
    bands:
      - max: 20
        label: 20 or fewer
        weights: {chief-of-staff: 3}
      - max: 99
        label: 21 to 99
        weights: {operations-director: 2, chief-of-staff: 1}
      - max: 999
        label: 100 to 999
        weights: {operations-director: 1, coo: 1}
      - label: 1,000 or more
        weights: {coo: 3}
  - id: growth
    factor: growth
    title: Growth
    prompt: How fast are you growing?
    why: Fast growth needs someone to steer it.
    kind: choice
    options:
      - value: stable
        label: Stable
        weights: {operations-director: 2}
      - value: moderate
        label: Moderate
        weights: {coo: 1, chief-of-staff: 1}
      - value: rapid
        label: Rapid
        weights: {coo: 3}
  - id: ceo_ops_time
    factor: leadership
    title: CEO time on operations
    prompt: How much of the CEO's week goes to operations?
    why: An overloaded CEO needs leverage.
    kind: choice
    options:
      - value: low
        label: Low
        weights: {operations-director: 1}
      - value: high
        label: High
        weights: {chief-of-staff: 3}
  - id: pain_points
    factor: needs
    title: Pain points
    prompt: Where does it hurt?
    why: Pains map onto responsibilities.
    kind: multi-choice
    options:
      - value: strategy-alignment
        label: Strategy drift
        weights: {coo: 2}
      - value: process-optimization
        label: Bottlenecks
        weights: {operations-director: 2}
      - value: ceo-overload
        label: The CEO does everything
        weights: {chief-of-staff: 2}
    none:
      label: No pain
      weights: {}
  - id: locations
    factor: size
    title: Locations
    prompt: How many sites?
    why: Sites add coordination.
    kind: integer
    unit: locations
    unit_one: location
    min: 1
    max: 1000
    default: 1
    bands:
      - max: 1
        label: one site
        weights: {}
      - max: 9
        label: 2 to 9
        weights: {coo: 1}
      - label: 10 or more
        weights: {coo: 2}
`

func threeRoles(t testing.TB) *advisor.Definitions {
	t.Helper()
	return mustLoad(t, threeRolesYAML, threeQuestionsYAML)
}

// load loads definitions from text, named roles.yaml and questions.yaml in
// messages.
func load(roles, questions string) (*advisor.Definitions, error) {
	return advisor.Load(
		advisor.Source{Name: "roles.yaml", Data: []byte(roles)},
		advisor.Source{Name: "questions.yaml", Data: []byte(questions)},
	)
}

func mustLoad(t testing.TB, roles, questions string) *advisor.Definitions {
	t.Helper()
	d, err := load(roles, questions)
	if err != nil {
		t.Fatalf("definitions do not load:\n%v", err)
	}
	return d
}

// inputError asserts that err is an *advisor.InputError whose problems all
// carry a file name and a message.
func inputError(t testing.TB, err error) *advisor.InputError {
	t.Helper()
	if err == nil {
		t.Fatal("got no error")
	}
	var ie *advisor.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error is %T, not *advisor.InputError: %v", err, err)
	}
	if len(ie.Problems) == 0 {
		t.Fatal("InputError without problems")
	}
	for _, p := range ie.Problems {
		if p.File == "" || p.Msg == "" {
			t.Errorf("problem without file or message: %+v", p)
		}
	}
	return ie
}

// wantProblem describes one expected problem: where it is and words its
// message must hold.
type wantProblem struct {
	file string
	line int
	key  string
	msgs []string
}

// requireProblem asserts that err holds a problem at the file, line and key
// whose message contains every msgs string, and that the rendered error
// line is file:line: key: message.
func requireProblem(t testing.TB, err error, want wantProblem) {
	t.Helper()
	ie := inputError(t, err)
	for _, p := range ie.Problems {
		if p.File != want.file || p.Line != want.line || p.Key != want.key {
			continue
		}
		for _, m := range want.msgs {
			if !strings.Contains(p.Msg, m) {
				t.Errorf("problem %q lacks %q", p.String(), m)
			}
		}
		prefix := want.file
		if want.line > 0 {
			prefix += fmt.Sprintf(":%d", want.line)
		}
		prefix += ": "
		if want.key != "" {
			prefix += want.key + ": "
		}
		if !strings.HasPrefix(p.String(), prefix) || !strings.Contains(ie.Error(), p.String()) {
			t.Errorf("problem renders as %q, want the prefix %q in the error", p.String(), prefix)
		}
		return
	}
	t.Errorf("no problem at %s:%d key %q; got:\n%v", want.file, want.line, want.key, err)
}

// lineOf is the 1-based line of the first occurrence of substr in text.
func lineOf(t testing.TB, text, substr string) int {
	t.Helper()
	i := strings.Index(text, substr)
	if i < 0 {
		t.Fatalf("%q not in text", substr)
	}
	return strings.Count(text[:i], "\n") + 1
}

// replaceOnce replaces the one occurrence of old in s.
func replaceOnce(t testing.TB, s, old, new string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("%q occurs %d times, want once", old, n)
	}
	return strings.Replace(s, old, new, 1)
}

// example reads a sample answers file from examples/.
func example(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func exampleNames(t testing.TB) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil || len(m) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for i := range m {
		m[i] = filepath.Base(m[i])
	}
	return m
}

func parse(t testing.TB, d *advisor.Definitions, text string) advisor.Answers {
	t.Helper()
	a, err := d.ParseAnswers("answers.yaml", []byte(text))
	if err != nil {
		t.Fatalf("answers do not parse:\n%v\n%s", err, text)
	}
	return a
}

func recommend(t testing.TB, d *advisor.Definitions, a advisor.Answers) *advisor.Result {
	t.Helper()
	r, err := d.Recommend(a)
	if err != nil {
		t.Fatalf("Recommend: %v", err)
	}
	return r
}

// randomAnswers is a complete, valid random answer set. Integers pick a
// band first, so that every band is as likely as any other, and then a
// value in it, often one of its ends.
func randomAnswers(d *advisor.Definitions, r *rand.Rand) advisor.Answers {
	a := advisor.Answers{}
	for i := range d.Questions {
		q := &d.Questions[i]
		a[q.ID] = randomAnswer(q, r)
	}
	return a
}

func randomAnswer(q *advisor.Question, r *rand.Rand) advisor.Answer {
	return q.RandomAnswer(r.IntN)
}

// answersYAML writes answers as an answers file, one line per question in
// questionnaire order, so question i is on line i+1.
func answersYAML(d *advisor.Definitions, a advisor.Answers) string {
	var b strings.Builder
	for i := range d.Questions {
		q := &d.Questions[i]
		v, ok := a[q.ID]
		if !ok {
			continue
		}
		switch q.Kind {
		case advisor.KindMulti:
			fmt.Fprintf(&b, "%s: [%s]\n", q.ID, strings.Join(v.Multi, ", "))
		default:
			fmt.Fprintf(&b, "%s: %s\n", q.ID, q.FormatValue(v))
		}
	}
	return b.String()
}

// withAnswer returns a copy of a with question id answered v.
func withAnswer(a advisor.Answers, id string, v advisor.Answer) advisor.Answers {
	out := a.Clone()
	out[id] = v
	return out
}

// share is a role's share of all points, as the result states it.
func share(r *advisor.Result, role string) float64 {
	for _, s := range r.Scores {
		if s.Role == role {
			return s.Share
		}
	}
	panic("no role " + role)
}

func points(r *advisor.Result, role string) advisor.Points {
	for _, s := range r.Scores {
		if s.Role == role {
			return s.Points
		}
	}
	panic("no role " + role)
}

func total(r *advisor.Result) advisor.Points {
	var t advisor.Points
	for _, s := range r.Scores {
		t += s.Points
	}
	return t
}

// newRand is the fixed-seed source of every property test, so a failure
// reproduces.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed)) }

// sameStrings compares two lists of values ignoring nil versus empty.
func sameStrings(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || slices.Equal(a, b))
}

// testReport is what reports carry in tests: a fixed date, so that they
// are the same every day.
var testReport = advisor.ReportOptions{Engagement: advisor.Engagement{Date: "2026-11-26"}, Version: "test"}
