package advisor

import (
	"fmt"
	"strconv"
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

// answerFromNode converts a YAML value to an answer for q, or returns why it
// cannot.
func (q *Question) answerFromNode(n *yaml.Node) (Answer, string) {
	switch q.Kind {
	case KindInteger:
		v, msg := parseIntNode(n)
		if msg != "" {
			return Answer{}, msg
		}
		return q.checkInt(v)
	case KindChoice:
		if n.Kind != yaml.ScalarNode {
			return Answer{}, fmt.Sprintf("takes one value, got %s", kindName(n))
		}
		return q.checkChoice(n.Value)
	case KindMulti:
		var raw []string
		switch {
		case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		case n.Kind == yaml.ScalarNode:
			// "a, b" is accepted as a list: it is how people type it.
			raw = q.splitMulti(n.Value)
		case n.Kind == yaml.SequenceNode:
			for _, c := range n.Content {
				if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
					return Answer{}, fmt.Sprintf("list items must be values, got %s", kindName(c))
				}
				raw = append(raw, c.Value)
			}
		default:
			return Answer{}, fmt.Sprintf("expected a list, got %s", kindName(n))
		}
		return q.checkMulti(raw)
	}
	return Answer{}, "question has no kind"
}

func (q *Question) checkInt(v int) (Answer, string) {
	if v < q.Min || v > q.Max {
		return Answer{}, fmt.Sprintf("%s is out of range", GroupDigits(v))
	}
	return Answer{Int: v}, ""
}

func (q *Question) checkChoice(s string) (Answer, string) {
	s = strings.TrimSpace(s)
	if o := q.optionFold(s); o != nil {
		return Answer{Choice: o.Value}, ""
	}
	return Answer{}, q.notAValue(s)
}

// optionFold finds an option by its value, in any case ("Heavy" is
// heavy), as typed answers accept it too.
func (q *Question) optionFold(s string) *Option {
	if o, _ := q.Option(s); o != nil {
		return o
	}
	for i := range q.Options {
		if strings.EqualFold(q.Options[i].Value, s) {
			return &q.Options[i]
		}
	}
	return nil
}

func (q *Question) notAValue(s string) string {
	msg := fmt.Sprintf("%q is not an allowed value", s)
	if sg := suggest(s, q.Values()); sg != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", sg)
	}
	return msg
}

func (q *Question) checkMulti(values []string) (Answer, string) {
	chosen := make([]bool, len(q.Options))
	for _, v := range values {
		v = strings.TrimSpace(v)
		o := q.optionFold(v)
		if o == nil {
			return Answer{}, q.notAValue(v)
		}
		_, i := q.Option(o.Value)
		chosen[i] = true
	}
	return Answer{Multi: q.multiFromMask(chosen)}, ""
}

func (q *Question) multiFromMask(chosen []bool) []string {
	var out []string
	for i, c := range chosen {
		if c {
			out = append(out, q.Options[i].Value)
		}
	}
	return out
}

// splitMulti splits a typed list; "none" and "[]" (unless an option is
// called that) mean an empty list, as people write it.
func (q *Question) splitMulti(s string) []string {
	if t := strings.TrimSpace(s); t == "[]" || (strings.EqualFold(t, "none") && q.lookupInput(t) < 0) {
		return nil
	}
	return splitList(s)
}

func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == ';' })
	return f
}

// ParseInput reads an answer typed at a prompt: for integers a number
// ("1,200" and "1 200" are accepted); for choices the value or its number in
// the list; for multi-choice, values or numbers separated by commas or
// spaces, an empty line meaning none. The error says what is allowed.
func (q *Question) ParseInput(text string) (Answer, error) {
	text = strings.TrimSpace(text)
	switch q.Kind {
	case KindInteger:
		if text == "" {
			return Answer{}, fmt.Errorf("enter %s", q.Allowed())
		}
		clean := strings.NewReplacer(",", "", " ", "", "_", "").Replace(text)
		v, err := strconv.ParseInt(clean, 10, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return Answer{}, fmt.Errorf("%s is out of range; enter %s", text, q.Allowed())
			}
			if _, ferr := strconv.ParseFloat(clean, 64); ferr == nil {
				return Answer{}, fmt.Errorf("%s is not a whole number; enter %s", text, q.Allowed())
			}
			return Answer{}, fmt.Errorf("%q is not a number; enter %s", text, q.Allowed())
		}
		if v < int64(q.Min) || v > int64(q.Max) {
			return Answer{}, fmt.Errorf("%s is out of range; enter %s", text, q.Allowed())
		}
		return Answer{Int: int(v)}, nil
	case KindChoice:
		if text == "" {
			return Answer{}, fmt.Errorf("choose one: %s", q.numberedValues())
		}
		i := q.lookupInput(text)
		if i < 0 {
			return Answer{}, fmt.Errorf("%q is not one of the choices; enter a number from 1 to %d or one of %s", text, len(q.Options), quoteList(q.Values()))
		}
		return Answer{Choice: q.Options[i].Value}, nil
	case KindMulti:
		chosen := make([]bool, len(q.Options))
		for _, item := range q.splitMulti(text) {
			i := q.lookupInput(item)
			if i < 0 {
				return Answer{}, fmt.Errorf("%q is not one of the choices; enter numbers from 1 to %d or values (%s) separated by commas, or an empty line for none", item, len(q.Options), quoteList(q.Values()))
			}
			chosen[i] = true
		}
		return Answer{Multi: q.multiFromMask(chosen)}, nil
	}
	return Answer{}, fmt.Errorf("question %s has no kind", q.ID)
}

// lookupInput finds an option by 1-based number or by value (any case).
func (q *Question) lookupInput(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(q.Options) {
			return n - 1
		}
		return -1
	}
	for i, o := range q.Options {
		if strings.EqualFold(o.Value, s) {
			return i
		}
	}
	return -1
}

func (q *Question) numberedValues() string {
	parts := make([]string, len(q.Options))
	for i, o := range q.Options {
		parts[i] = fmt.Sprintf("%d %s", i+1, o.Value)
	}
	return strings.Join(parts, ", ")
}

// Validate checks a (possibly hand-built) answer against the question.
func (q *Question) Validate(a Answer) error {
	var msg string
	switch q.Kind {
	case KindInteger:
		_, msg = q.checkInt(a.Int)
	case KindChoice:
		_, msg = q.checkChoice(a.Choice)
	case KindMulti:
		_, msg = q.checkMulti(a.Multi)
	}
	if msg != "" {
		return fmt.Errorf("%s: %s; expected %s", q.ID, msg, q.Allowed())
	}
	return nil
}

// Normalize returns a with its multi-choice values in option order and
// without duplicates.
func (q *Question) Normalize(a Answer) Answer {
	if q.Kind == KindMulti {
		n, _ := q.checkMulti(a.Multi)
		return n
	}
	return a
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

// FormatValue writes an answer the way an answers file holds it: "120",
// "rapid", "new-markets, international" or "[]" for an empty list.
func (q *Question) FormatValue(a Answer) string {
	switch q.Kind {
	case KindInteger:
		return strconv.Itoa(a.Int)
	case KindChoice:
		return a.Choice
	case KindMulti:
		if len(a.Multi) == 0 {
			return "[]"
		}
		return strings.Join(a.Multi, ", ")
	}
	return ""
}

// Describe writes an answer for people: "120 (50 to 149)", "Rapid (over
// 30% a year)", "New markets; International expansion" or the none label.
func (q *Question) Describe(a Answer) string {
	switch q.Kind {
	case KindInteger:
		s := GroupDigits(a.Int)
		if b := q.BandIndex(a.Int); b >= 0 {
			s += " (" + q.Bands[b].Label + ")"
		}
		return s
	case KindChoice:
		if o, _ := q.Option(a.Choice); o != nil {
			return o.Label
		}
		return a.Choice
	case KindMulti:
		if len(a.Multi) == 0 {
			return q.None.Label
		}
		labels := make([]string, 0, len(a.Multi))
		for _, v := range a.Multi {
			if o, _ := q.Option(v); o != nil {
				labels = append(labels, o.Label)
			}
		}
		return strings.Join(labels, "; ")
	}
	return ""
}
