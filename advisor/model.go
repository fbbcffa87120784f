package advisor

import (
	"fmt"
	"strconv"
	"strings"
)

// Role is one kind of leader the advisor can recommend.
type Role struct {
	ID               string
	Title            string // "Chief Operating Officer"
	Short            string // "COO"; the title when the file gives none
	Summary          string
	Responsibilities []Responsibility
	FitsWhen         []string
	WorksWith        string
	BeforeHiring     []string // points to weigh before hiring this role (optional)
}

// Responsibility is one thing a role owns. Its id is stable: pain points
// in answers files refer to it.
type Responsibility struct {
	ID          string
	Name        string
	Description string
}

// Factor groups questions for the per-factor scores (size, complexity...).
type Factor struct {
	ID          string
	Title       string
	Description string
}

// Kind is the type of answer a question takes.
type Kind string

// The kinds of question.
const (
	KindInteger Kind = "integer"
	KindChoice  Kind = "choice"
	KindMulti   Kind = "multi-choice"
)

var allKinds = []string{string(KindInteger), string(KindChoice), string(KindMulti)}

// Question is one question of the questionnaire, with the weights its
// answers give to each role.
type Question struct {
	ID     string
	Factor string
	Title  string // short name: "Employees", "Growth"
	Prompt string
	Why    string // one line: why we ask
	Help   string // optional: how to answer
	Kind   Kind

	// Integer questions.
	Unit     string // plural noun for sentences: "employees"
	UnitOne  string // singular: "employee"; Unit when the file gives none
	Min, Max int
	Bands    []Band

	// Choice and multi-choice questions.
	Options []Option
	None    Option // multi-choice: label and weights of an empty answer

	// Default is used when an answers file leaves the question out; nil
	// means the question must be answered.
	Default *Answer
}

// Band is a range of integer answers that score alike.
type Band struct {
	Min, Max int
	Label    string
	Weights  Weights
	Notes    Notes
}

// Option is one allowed value of a choice or multi-choice question.
type Option struct {
	Value   string
	Label   string
	Weights Weights
	Notes   Notes
}

// Notes holds, per role index, what to tell the user when an answer was
// given and that role is recommended ("" for nothing); nil when none.
type Notes []string

// For returns the note for role i, or "".
func (n Notes) For(i int) string {
	if i < len(n) {
		return n[i]
	}
	return ""
}

// Weights holds the points an answer gives each role, indexed like
// Definitions.Roles.
type Weights []float64

// Definitions is a validated set of roles and questions.
type Definitions struct {
	Roles     []Role
	Factors   []Factor
	Questions []Question

	roleIndex     map[string]int
	questionIndex map[string]int
	factorIndex   map[string]int
}

// Role returns the role with the given id.
func (d *Definitions) Role(id string) (*Role, bool) {
	i, ok := d.roleIndex[id]
	if !ok {
		return nil, false
	}
	return &d.Roles[i], true
}

// RoleIndex returns the position of role id in Roles, or -1.
func (d *Definitions) RoleIndex(id string) int {
	if i, ok := d.roleIndex[id]; ok {
		return i
	}
	return -1
}

// Question returns the question with the given id.
func (d *Definitions) Question(id string) (*Question, bool) {
	i, ok := d.questionIndex[id]
	if !ok {
		return nil, false
	}
	return &d.Questions[i], true
}

// Factor returns the factor with the given id.
func (d *Definitions) Factor(id string) (*Factor, bool) {
	i, ok := d.factorIndex[id]
	if !ok {
		return nil, false
	}
	return &d.Factors[i], true
}

// RoleIDs lists the role ids in file order.
func (d *Definitions) RoleIDs() []string {
	ids := make([]string, len(d.Roles))
	for i, r := range d.Roles {
		ids[i] = r.ID
	}
	return ids
}

// QuestionIDs lists the question ids in questionnaire order.
func (d *Definitions) QuestionIDs() []string {
	ids := make([]string, len(d.Questions))
	for i, q := range d.Questions {
		ids[i] = q.ID
	}
	return ids
}

// ResponsibilityOwner returns the role that owns the responsibility id.
func (d *Definitions) ResponsibilityOwner(id string) (*Role, *Responsibility, bool) {
	for i := range d.Roles {
		for j := range d.Roles[i].Responsibilities {
			if d.Roles[i].Responsibilities[j].ID == id {
				return &d.Roles[i], &d.Roles[i].Responsibilities[j], true
			}
		}
	}
	return nil, nil, false
}

// Values lists the allowed values of a choice or multi-choice question.
func (q *Question) Values() []string {
	vs := make([]string, len(q.Options))
	for i, o := range q.Options {
		vs[i] = o.Value
	}
	return vs
}

// Option returns the option with the given value.
func (q *Question) Option(value string) (*Option, int) {
	for i := range q.Options {
		if q.Options[i].Value == value {
			return &q.Options[i], i
		}
	}
	return nil, -1
}

// BandIndex returns the index of the band holding v, or -1 when v is out of
// range.
func (q *Question) BandIndex(v int) int {
	for i, b := range q.Bands {
		if v >= b.Min && v <= b.Max {
			return i
		}
	}
	return -1
}

// Allowed describes the allowed answers, for messages and help.
func (q *Question) Allowed() string {
	switch q.Kind {
	case KindInteger:
		return fmt.Sprintf("a whole number from %s to %s", GroupDigits(q.Min), GroupDigits(q.Max))
	case KindChoice:
		return "one of " + quoteList(q.Values())
	case KindMulti:
		return "a list of any of " + quoteList(q.Values()) + " (an empty list [] for none)"
	}
	return ""
}

// UnitFor is the unit for n: singular for 1.
func (q *Question) UnitFor(n int) string {
	if n == 1 && q.UnitOne != "" {
		return q.UnitOne
	}
	return q.Unit
}

// Required reports whether the question must be answered.
func (q *Question) Required() bool { return q.Default == nil }

// GroupDigits writes 1000000 as 1,000,000.
func GroupDigits(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
