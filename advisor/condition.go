package advisor

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Condition limits a text of the role definitions to the answers it fits:
// a note about "your COO" only where there is one, a cheaper step only
// when it is still an option, a warning only when the call is close. The
// zero Condition always holds; every part given must hold.
type Condition struct {
	When   []AnswerIs // every one of these holds
	Unless []AnswerIs // none of these holds
	// AtLeast and Below compare number answers: {employees: 200}.
	AtLeast, Below []NumberIs
	UnlessRuledOut []string // none of these roles is ruled out
	WhenRuledOut   []string // every one of these roles is ruled out
	// Recommended holds when the advice is one of these roles.
	Recommended []string
	// ConfidenceBelow holds when the advice is less sure than this (0 when
	// not given): a close call, or advice that turns on one answer, is 0.
	ConfidenceBelow float64
	// AnyOf holds when at least one of its conditions holds (the "or"
	// between, say, a close call and a small company).
	AnyOf []Condition
	// Solo holds only in a brief for one person's answers: a team's
	// brief is read by the leaders it would speak of (the Operations
	// Director in post, about their candidacy).
	Solo bool
	path string
	line int // the condition's own line, where a caller knows it
	// The lines of the role lists and the confidence, for messages.
	unlessRuledLine, whenRuledLine, recommendedLine, confidenceLine int
}

// AnswerIs holds when the answer to Question is one of Values (a
// choice), or includes one (a list); "none" is a list answered with no
// value at all.
type AnswerIs struct {
	Question string
	Values   []string
	line     int
	path     string
}

// holds reports whether the answer a is one of x's values.
func (x AnswerIs) holds(a Answer) bool {
	if a.Share != nil {
		return x.holdsShared(a)
	}
	for _, v := range x.Values {
		if a.Choice == v || slices.Contains(a.Multi, v) || v == NoneValue && a.Choice == "" && len(a.Multi) == 0 {
			return true
		}
	}
	return false
}

// holdsShared is holds for a team's merged list: a value holds where the
// share that rules (Scoring.Team.ListShare) named it, as its rules do,
// and "none" where no value does. One member of five saying an
// Operations Director is in post is a fact to check, not the team's.
func (x AnswerIs) holdsShared(a Answer) bool {
	held := func(v string) bool {
		s, ok := a.Share[v]
		return slices.Contains(a.Multi, v) && (!ok || s >= a.Held)
	}
	for _, v := range x.Values {
		if v == NoneValue && !slices.ContainsFunc(a.Multi, held) || v != NoneValue && held(v) {
			return true
		}
	}
	return false
}

// NumberIs is a number answer compared with N.
type NumberIs struct {
	Question string
	N        int
	line     int
	path     string
}

// Conditional is a text that applies when its condition holds.
type Conditional struct {
	Text string
	If   Condition
}

// Texts is a list of texts, each shown when its condition holds.
type Texts []Conditional

// situation is what a condition is tested against: the answers, which
// roles the rules leave out (nil when not known: a scale rule is
// applied while the answers are scored) and how sure the advice is (-1
// when not known).
type situation struct {
	d           *Definitions
	answers     Answers
	ruled       []int
	confidence  float64
	recommended string // "" when not known
	team        bool   // a team's brief, read by several people
}

// situationOf is the situation of a result.
func (d *Definitions) situationOf(r *Result) situation {
	ruled := make([]int, len(d.Roles))
	for i, sc := range r.Scores {
		if sc.RuledOut {
			ruled[i] = 1
		}
	}
	return situation{d: d, answers: r.Answers, ruled: ruled, confidence: d.heldConfidence(r), recommended: r.Recommended}
}

// heldConfidence is the confidence a condition sees: 1 when the rules
// leave one role, 0 for advice that turns on one answer, whatever its
// lead (the confidence word says "a close call" then too).
func (d *Definitions) heldConfidence(r *Result) float64 {
	switch {
	case r.RunnerUp == "":
		return 1
	case len(r.TurnsOn) > 0:
		return 0
	}
	return r.Confidence
}

// holds reports whether the condition holds in s.
func (c *Condition) holds(s situation) bool {
	is := func(x AnswerIs) bool {
		a, ok := s.answers[x.Question]
		return ok && x.holds(a)
	}
	number := func(x NumberIs) (int, bool) {
		a, ok := s.answers[x.Question]
		return a.Int, ok && a.Choice == "" && a.Multi == nil
	}
	for _, x := range c.When {
		if !is(x) {
			return false
		}
	}
	for _, x := range c.Unless {
		if is(x) {
			return false
		}
	}
	for _, x := range c.AtLeast {
		if v, ok := number(x); !ok || v < x.N {
			return false
		}
	}
	for _, x := range c.Below {
		if v, ok := number(x); !ok || v >= x.N {
			return false
		}
	}
	if !c.rolesHold(s) {
		return false
	}
	if c.ConfidenceBelow > 0 && (s.confidence < 0 || s.confidence >= c.ConfidenceBelow) {
		return false
	}
	if len(c.Recommended) > 0 && !slices.Contains(c.Recommended, s.recommended) {
		return false
	}
	if c.Solo && s.team {
		return false
	}
	if len(c.AnyOf) == 0 {
		return true
	}
	for i := range c.AnyOf {
		if c.AnyOf[i].holds(s) {
			return true
		}
	}
	return false
}

// rolesHold tests the ruled-out roles the condition names.
func (c *Condition) rolesHold(s situation) bool {
	if len(c.UnlessRuledOut)+len(c.WhenRuledOut) == 0 {
		return true
	}
	if s.ruled == nil {
		return false
	}
	for _, id := range c.UnlessRuledOut {
		if i, ok := s.d.roleIndex[id]; ok && s.ruled[i] > 0 {
			return false
		}
	}
	for _, id := range c.WhenRuledOut {
		if i, ok := s.d.roleIndex[id]; ok && s.ruled[i] == 0 {
			return false
		}
	}
	return true
}

// holdsOn reports whether the condition holds on answers alone (a scale
// rule has no ruled-out roles and no confidence to test).
func (c *Condition) holdsOn(answers Answers) bool {
	return c.holds(situation{answers: answers, confidence: -1})
}

// answersOnly reports whether the condition tests the answers alone.
func (c *Condition) answersOnly() bool {
	if len(c.UnlessRuledOut)+len(c.WhenRuledOut)+len(c.Recommended) > 0 || c.ConfidenceBelow > 0 || c.Solo {
		return false
	}
	for i := range c.AnyOf {
		if !c.AnyOf[i].answersOnly() {
			return false
		}
	}
	return true
}

// questions lists the questions the condition reads.
func (c *Condition) questions() []string {
	var out []string
	for _, x := range slices.Concat(c.When, c.Unless) {
		out = append(out, x.Question)
	}
	for _, x := range slices.Concat(c.AtLeast, c.Below) {
		out = append(out, x.Question)
	}
	for i := range c.AnyOf {
		out = append(out, c.AnyOf[i].questions()...)
	}
	return out
}

// empty reports whether the condition tests nothing.
func (c *Condition) empty() bool {
	return len(c.When)+len(c.Unless)+len(c.AtLeast)+len(c.Below)+len(c.UnlessRuledOut)+len(c.WhenRuledOut)+len(c.Recommended)+len(c.AnyOf) == 0 && c.ConfidenceBelow == 0
}

// All is the texts whose condition holds in s.
func (t Texts) All(s situation) []string {
	var out []string
	for i := range t {
		if t[i].If.holds(s) {
			out = append(out, t[i].Text)
		}
	}
	return out
}

// First is the first text whose condition holds in s, or "".
func (t Texts) First(s situation) string {
	for i := range t {
		if t[i].If.holds(s) {
			return t[i].Text
		}
	}
	return ""
}

var (
	conditionFields   = []string{"when", "unless", "at_least", "below", "when_ruled_out", "unless_ruled_out", "recommended", "confidence_below", "any_of", "solo"}
	conditionalFields = append([]string{"text"}, conditionFields...)
	variantFields     = append([]string{"reporting_line", "manager", "owner"}, conditionFields...)
)

// readCondition reads a condition's keys from a mapping's fields. The
// questions and roles they name are checked once everything is loaded
// (checkConditions).
func readCondition(f fields) Condition {
	c := Condition{path: f.path}
	pairs := func(key, example string, lists bool, fn func(k, v *yaml.Node, p string)) {
		f.with(key, func(n *yaml.Node, p string) {
			if n.Kind != yaml.MappingNode {
				f.pl.addf(n.Line, p, "expected question-id: value pairs, such as %s, got %s", example, kindName(n))
				return
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode && (!lists || v.Kind != yaml.SequenceNode) {
					f.pl.addf(v.Line, p, "expected question-id: value, such as %s", example)
					continue
				}
				fn(k, v, p+"."+k.Value)
			}
		})
	}
	answerIs := func(key string) []AnswerIs {
		var out []AnswerIs
		pairs(key, "{leadership: coo} or {growth: [stable, declining]}", true, func(k, v *yaml.Node, p string) {
			x := AnswerIs{Question: k.Value, line: v.Line, path: p}
			if v.Kind == yaml.SequenceNode {
				x.Values = readStringList(v, p, f.pl)
			} else {
				x.Values = []string{v.Value}
			}
			if len(x.Values) == 0 {
				f.pl.addf(v.Line, p, "names no value; give one, or a list of the values that count")
				return
			}
			out = append(out, x)
		})
		return out
	}
	numberIs := func(key string) []NumberIs {
		var out []NumberIs
		pairs(key, "{employees: 200}", false, func(k, v *yaml.Node, p string) {
			n, msg := parseIntNode(v)
			if msg != "" {
				f.pl.addf(v.Line, p, "%s; expected a whole number, such as {employees: 200}", msg)
				return
			}
			out = append(out, NumberIs{Question: k.Value, N: n, line: v.Line, path: p})
		})
		return out
	}
	c.When, c.Unless = answerIs("when"), answerIs("unless")
	c.AtLeast, c.Below = numberIs("at_least"), numberIs("below")
	f.texts("unless_ruled_out", &c.UnlessRuledOut)
	c.unlessRuledLine = f.lineOf("unless_ruled_out")
	f.texts("when_ruled_out", &c.WhenRuledOut)
	c.whenRuledLine = f.lineOf("when_ruled_out")
	f.texts("recommended", &c.Recommended)
	c.recommendedLine = f.lineOf("recommended")
	f.with("confidence_below", func(n *yaml.Node, p string) {
		if v, ok := readShare(n, p, f.pl); ok {
			if v == 0 {
				f.pl.addf(n.Line, p, "0 never holds; expected a confidence above 0 and up to 1, such as 0.35")
			}
			c.ConfidenceBelow = v
		}
	})
	c.confidenceLine = f.lineOf("confidence_below")
	f.boolean("solo", &c.Solo)
	f.with("any_of", func(n *yaml.Node, p string) {
		eachItem(n, p, "conditions", f.pl, func(x *yaml.Node, p string) {
			if xf, ok := readFields(x, p, f.pl, conditionFields, nil); ok {
				c.AnyOf = append(c.AnyOf, readCondition(xf))
			}
		})
	})
	return c
}

// readConditionals reads a list of texts, each plain or with a condition:
//
//   - A plain text.
//   - text: Only where there is a COO.
//     when: {leadership: coo}
//
// A single plain text stands for a list of one.
func readConditionals(n *yaml.Node, path string, pl *problemList) Texts {
	if n.Kind == yaml.ScalarNode {
		if s := readString(n, path, pl); s != "" {
			return Texts{{Text: s, If: Condition{path: path}}}
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a text or a list of texts, got %s", kindName(n))
		return nil
	}
	var out Texts
	for i, c := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		if c.Kind == yaml.ScalarNode {
			if s := readString(c, p, pl); s != "" {
				out = append(out, Conditional{Text: s, If: Condition{path: p}})
			}
			continue
		}
		f, ok := readFields(c, p, pl, conditionalFields, []string{"text"})
		if !ok {
			continue
		}
		x := Conditional{If: readCondition(f)}
		f.text("text", &x.Text)
		out = append(out, x)
	}
	return out
}

// checkConditions checks, once the questions are loaded, that every
// condition names real questions with values they have, and real roles.
func (d *Definitions) checkConditions(pl, qpl *problemList) {
	for qi := range d.Questions {
		q := &d.Questions[qi]
		d.checkCondition(&q.MattersWhen, qpl)
		if !q.MattersWhen.answersOnly() {
			qpl.addf(q.MattersWhen.line, q.MattersWhen.path, "matters_when can name answers only, not ruled-out roles or the confidence")
		}
		for i := range q.Scale {
			x := &q.Scale[i]
			d.checkCondition(&x.If, qpl)
			if !x.If.answersOnly() {
				qpl.addf(x.Line, fmt.Sprintf("questions[%s].scale[%d]", q.ID, i), "a scale rule is applied while the answers are scored: it can name answers only, not ruled-out roles or the confidence")
			}
			if slices.Contains(x.If.questions(), q.ID) {
				qpl.addf(x.Line, fmt.Sprintf("questions[%s].scale[%d]", q.ID, i), "a question's scale cannot depend on its own answer; name another question")
			}
		}
	}
	for i := range d.Caveats {
		d.checkCondition(&d.Caveats[i].If, pl)
	}
	for ri := range d.Roles {
		for _, c := range d.Roles[ri].conditions() {
			d.checkCondition(c, pl)
		}
		// also_plan_for is in the questions file.
		for _, ap := range d.Roles[ri].AlsoPlan {
			for i := range ap.Text {
				d.checkCondition(&ap.Text[i].If, qpl)
			}
		}
	}
}

// checkCondition checks one condition (see checkConditions).
func (d *Definitions) checkCondition(c *Condition, pl *problemList) {
	for _, x := range slices.Concat(c.When, c.Unless) {
		q, ok := d.Question(x.Question)
		switch {
		case !ok && d.builtInRoles:
			// The built-in roles with the user's own questions: a
			// condition on a question they do not ask never holds.
		case !ok:
			pl.addf(x.line, x.path, "unknown question %s; questions are %s", quoteInput(x.Question), quoteList(d.QuestionIDs()))
		case !q.rules().hasValues():
			pl.addf(x.line, x.path, "%s is a number question; compare it with at_least or below, such as at_least: {%s: 50}", x.Question, x.Question)
		default:
			for _, v := range x.Values {
				if o, _ := q.Option(v); o == nil && (v != NoneValue || !q.IsList()) && !d.builtInRoles {
					// (The built-in roles with the user's own questions: a
					// value they do not have never holds.)
					pl.addf(x.line, x.path, "%s is not a value of %s; expected one of %s", quoteInput(v), x.Question, quoteList(q.Values()))
				}
			}
		}
	}
	for _, x := range slices.Concat(c.AtLeast, c.Below) {
		q, ok := d.Question(x.Question)
		switch {
		case !ok && d.builtInRoles:
		case !ok:
			pl.addf(x.line, x.path, "unknown question %s; questions are %s", quoteInput(x.Question), quoteList(d.QuestionIDs()))
		case q.rules().hasValues():
			pl.addf(x.line, x.path, "%s is not a number question; name one of its values with when or unless instead", x.Question)
		}
	}
	for _, f := range []struct {
		key  string
		ids  []string
		line int
	}{{"when_ruled_out", c.WhenRuledOut, c.whenRuledLine}, {"unless_ruled_out", c.UnlessRuledOut, c.unlessRuledLine}, {"recommended", c.Recommended, c.recommendedLine}} {
		for _, id := range f.ids {
			if _, ok := d.roleIndex[id]; !ok {
				pl.addf(f.line, joinPath(c.path, f.key), "unknown role %s; roles are %s", quoteInput(id), quoteList(d.RoleIDs()))
			}
		}
	}
	for i := range c.AnyOf {
		d.checkCondition(&c.AnyOf[i], pl)
	}
}

// NoneValue in a condition names a list answered with no value at all:
// when: {leadership: none}, nobody leads operations today.
const NoneValue = "none"
