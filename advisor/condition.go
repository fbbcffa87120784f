package advisor

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Condition limits a text of the role definitions to the answers it fits:
// a note about "your COO" only where there is one, a cheaper step only
// when it is still an option. The zero Condition always holds.
type Condition struct {
	When           []AnswerIs // every one of these holds
	Unless         []AnswerIs // none of these holds
	UnlessRuledOut []string   // none of these roles is ruled out
	WhenRuledOut   []string   // every one of these roles is ruled out
	// The lines of the two role lists, for messages.
	unlessRuledLine, whenRuledLine int
}

// AnswerIs holds when the answer to Question is Value (a choice), or
// includes it (a list).
type AnswerIs struct {
	Question, Value string
	line            int
	path            string
}

// Conditional is a text that applies when its condition holds.
type Conditional struct {
	Text string
	If   Condition
}

// holds reports whether the condition holds for complete answers, and
// roles ruled out as ruled[i] > 0.
func (c *Condition) holds(d *Definitions, answers Answers, ruled []int) bool {
	is := func(x AnswerIs) bool {
		a := answers[x.Question]
		return a.Choice == x.Value || slices.Contains(a.Multi, x.Value)
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
	for _, id := range c.UnlessRuledOut {
		if i, ok := d.roleIndex[id]; ok && ruled[i] > 0 {
			return false
		}
	}
	for _, id := range c.WhenRuledOut {
		if i, ok := d.roleIndex[id]; ok && ruled[i] == 0 {
			return false
		}
	}
	return true
}

// holdsOn reports whether the condition's answers hold (when and unless;
// a scale rule has no ruled-out roles to test).
func (c *Condition) holdsOn(answers Answers) bool {
	is := func(x AnswerIs) bool {
		a, ok := answers[x.Question]
		return ok && (a.Choice == x.Value || slices.Contains(a.Multi, x.Value))
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
	return true
}

var (
	conditionFields   = []string{"when", "unless", "when_ruled_out", "unless_ruled_out"}
	conditionalFields = append([]string{"text"}, conditionFields...)
	variantFields     = append([]string{"reporting_line", "manager", "owner"}, conditionFields...)
)

// readCondition reads when, unless, when_ruled_out and unless_ruled_out
// from a mapping's fields. The questions and roles they name are checked
// once everything is loaded (checkConditions).
func readCondition(f fields) Condition {
	var c Condition
	answerIs := func(key string) []AnswerIs {
		var out []AnswerIs
		f.with(key, func(n *yaml.Node, p string) {
			if n.Kind != yaml.MappingNode {
				f.pl.addf(n.Line, p, "expected question-id: value pairs, such as {leadership: coo}, got %s", kindName(n))
				return
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if v.Kind != yaml.ScalarNode || k.Kind != yaml.ScalarNode {
					f.pl.addf(v.Line, p, "expected question-id: value, such as leadership: coo")
					continue
				}
				out = append(out, AnswerIs{Question: k.Value, Value: v.Value, line: v.Line, path: p + "." + k.Value})
			}
		})
		return out
	}
	c.When, c.Unless = answerIs("when"), answerIs("unless")
	f.texts("unless_ruled_out", &c.UnlessRuledOut)
	c.unlessRuledLine = f.lineOf("unless_ruled_out")
	f.texts("when_ruled_out", &c.WhenRuledOut)
	c.whenRuledLine = f.lineOf("when_ruled_out")
	return c
}

// readConditionals reads a list of texts, each plain or with a condition:
//
//   - A plain text.
//   - text: Only where there is a COO.
//     when: {leadership: coo}
func readConditionals(n *yaml.Node, path string, pl *problemList) []Conditional {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of texts, got %s", kindName(n))
		return nil
	}
	var out []Conditional
	for i, c := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		if c.Kind == yaml.ScalarNode {
			if s := readString(c, p, pl); s != "" {
				out = append(out, Conditional{Text: s})
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
// condition of the roles names a choice or list question and one of its
// values, and real roles.
func (d *Definitions) checkConditions(pl *problemList) {
	check := func(c *Condition, path string) {
		for _, x := range slices.Concat(c.When, c.Unless) {
			q, ok := d.Question(x.Question)
			switch {
			case !ok && d.builtInRoles:
				// The built-in roles with the user's own questions: a
				// condition on a question they do not ask never holds.
			case !ok:
				pl.addf(x.line, x.path, "unknown question %s; questions are %s", quoteInput(x.Question), quoteList(d.QuestionIDs()))
			case !q.rules().hasValues():
				pl.addf(x.line, x.path, "%s is a number question; a condition names a choice or a list question", x.Question)
			default:
				if o, _ := q.Option(x.Value); o == nil {
					pl.addf(x.line, x.path, "%s is not a value of %s; expected one of %s", quoteInput(x.Value), x.Question, quoteList(q.Values()))
				}
			}
		}
		for _, f := range []struct {
			key  string
			ids  []string
			line int
		}{{"when_ruled_out", c.WhenRuledOut, c.whenRuledLine}, {"unless_ruled_out", c.UnlessRuledOut, c.unlessRuledLine}} {
			for _, id := range f.ids {
				if _, ok := d.roleIndex[id]; !ok {
					pl.addf(f.line, path+"."+f.key, "unknown role %s; roles are %s", quoteInput(id), quoteList(d.RoleIDs()))
				}
			}
		}
	}
	for qi := range d.Questions {
		q := &d.Questions[qi]
		for i := range q.Scale {
			x := &q.Scale[i]
			check(&x.If, fmt.Sprintf("questions[%s].scale[%d]", q.ID, i))
			for _, c := range slices.Concat(x.If.When, x.If.Unless) {
				if c.Question == q.ID {
					pl.addf(c.line, c.path, "a question's scale cannot depend on its own answer; name another question")
				}
			}
		}
	}
	for ri := range d.Roles {
		r := &d.Roles[ri]
		for i := range r.BeforeHiring {
			check(&r.BeforeHiring[i].If, fmt.Sprintf("roles[%s].before_hiring[%d]", r.ID, i))
		}
		for i := range r.Brief.Variants {
			check(&r.Brief.Variants[i].If, fmt.Sprintf("roles[%s].brief.variants[%d]", r.ID, i))
		}
	}
}
