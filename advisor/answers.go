package advisor

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Answer is the answer to one question. Which field is used depends on the
// question's kind; Multi is always in the question's option order, without
// duplicates, so that the order a user lists values in changes nothing.
type Answer struct {
	Int    int
	Choice string
	Multi  []string
}

// Answers maps question ids to answers.
type Answers map[string]Answer

// Clone returns a deep copy.
func (a Answers) Clone() Answers {
	out := make(Answers, len(a))
	for k, v := range a {
		v.Multi = append([]string(nil), v.Multi...)
		out[k] = v
	}
	return out
}

// ParseAnswers reads an answers file (YAML, question-id: value) and checks
// every answer against the questions. All problems are reported at once.
// Questions with a default may be left out; the result holds only what the
// file gives (Complete fills in defaults).
func (d *Definitions) ParseAnswers(file string, data []byte) (Answers, error) {
	root, err := parseYAML(file, data, "answers")
	if err != nil {
		return nil, err
	}
	pl := &problemList{file: file}
	if root.Kind != yaml.MappingNode {
		pl.add(root.Line, "", "expected lines of question-id: value, got %s; run `coo-advisor questions --template` for a file to fill in", kindName(root))
		return nil, pl.err()
	}
	answers := Answers{}
	seen := map[string]int{}
	ids := d.QuestionIDs()
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			pl.add(k.Line, "", "keys must be question ids, got %s", kindName(k))
			continue
		}
		id := k.Value
		if prev, dup := seen[id]; dup {
			pl.add(k.Line, id, "answered twice (first on line %d); keep one", prev)
			continue
		}
		seen[id] = k.Line
		q, ok := d.Question(id)
		if !ok {
			hint := ""
			if pl.full() {
				pl.add(k.Line, id, "unknown question")
				continue
			}
			if s := suggest(id, ids); s != "" {
				hint = fmt.Sprintf("did you mean %s? ", s)
			}
			pl.add(k.Line, id, "unknown question; %squestions are %s", hint, quoteList(ids))
			continue
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			// Empty means not answered, for lists too: a list left blank in
			// a template must not quietly count as "none".
			pl.add(v.Line, id, "no answer given; expected %s", q.Allowed())
			continue
		}
		a, msg := q.answerFromNode(v)
		if msg != "" {
			pl.add(v.Line, id, "%s; expected %s", msg, q.Allowed())
			continue
		}
		answers[id] = a
	}
	for _, q := range d.Questions {
		if _, ok := seen[q.ID]; !ok && q.Required() {
			pl.add(0, q.ID, "missing answer; expected %s", q.Allowed())
		}
	}
	if err := pl.err(); err != nil {
		return nil, err
	}
	return answers, nil
}

// Complete returns the answers with defaults filled in, or an *InputError
// listing every required question that has no answer and every answer that
// does not fit its question.
func (d *Definitions) Complete(a Answers) (Answers, error) {
	pl := &problemList{file: "answers"}
	out := make(Answers, len(d.Questions))
	for id := range a {
		if _, ok := d.Question(id); !ok {
			pl.add(0, id, "unknown question; questions are %s", quoteList(d.QuestionIDs()))
		}
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		v, ok := a[q.ID]
		if !ok {
			if q.Default == nil {
				pl.add(0, q.ID, "missing answer; expected %s", q.Allowed())
				continue
			}
			v = *q.Default
		}
		if err := q.Validate(v); err != nil {
			pl.add(0, q.ID, "%s", strings.TrimPrefix(err.Error(), q.ID+": "))
			continue
		}
		out[q.ID] = q.Normalize(v)
	}
	if err := pl.err(); err != nil {
		return nil, err
	}
	return out, nil
}
