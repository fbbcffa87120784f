package advisor

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The keys of a questions file, by the mapping they are in.
var (
	questionsTop     = []string{"scoring", "factors", "questions", "also_plan_for"}
	factorFields     = []string{"id", "title", "description", "phrase"}
	factorRequired   = []string{"id", "title"}
	questionFields   = []string{"id", "factor", "title", "prompt", "why", "help", "detail", "kind", "unit", "unit_one", "statement", "min", "max", "bands", "options", "none", "cap", "scale", "default", "matters_when", "ordered", "fact", "self", "discuss"}
	questionRequired = []string{"id", "factor", "title", "prompt", "why", "kind"}
	partFields       = []string{"label", "statement", "weights", "notes", "rules_out", "why", "source", "lever"}
	bandFields       = append([]string{"max"}, partFields...)
	optionFields     = append([]string{"value", "unless", "percent", "off_scale"}, partFields...)
	percentFields    = []string{"from", "over", "below", "upto"}
	ruleFields       = []string{"role", "reason", "source"}
	scaleFields      = append([]string{"roles", "share", "why", "source"}, conditionFields...)
)

// loadQuestions reads a questions file: the scoring numbers, the factors,
// the plans and the questions, each question's answers with the points
// they give the roles (already loaded). It indexes the questions and
// their options by id once, for every lookup after.
func (d *Definitions) loadQuestions(file string, root *yaml.Node) error {
	pl := &problemList{file: file}
	top, _ := readFields(root, "", pl, questionsTop, []string{"factors", "questions"})
	d.Scoring = defaultScoring()
	top.with("scoring", func(n *yaml.Node, _ string) { d.readScoring(n, pl) })
	top.with("factors", func(n *yaml.Node, _ string) { d.loadFactors(n, pl) })
	top.with("also_plan_for", func(n *yaml.Node, _ string) { d.readPlans(n, pl) })
	list, ok := top.node("questions")
	if !ok {
		return pl.err()
	}
	if list.Kind != yaml.SequenceNode {
		pl.addf(list.Line, "questions", "expected a list of questions, got %s", kindName(list))
		return pl.err()
	}
	if len(list.Content) == 0 {
		pl.addf(list.Line, "questions", "needs at least one question")
	}
	if len(list.Content) > MaxQuestions {
		pl.addf(list.Line, "questions", "%s questions is more than the %d a questionnaire may have; keep it short enough to answer", GroupDigits(len(list.Content)), MaxQuestions)
		return pl.err()
	}
	d.questionIndex = map[string]int{}
	answers := 0 // bands and options of every question so far
	for i, qn := range list.Content {
		q, idLine, ok := d.readQuestion(qn, i, pl)
		if !ok {
			continue
		}
		if answers += len(q.Bands) + len(q.Options); answers > MaxAnswers {
			pl.addf(idLine, "questions["+q.ID+"]", "the questions have more than %s bands and options in all; split the questionnaire or shorten its lists", GroupDigits(MaxAnswers))
			return pl.err()
		}
		if prev, dup := d.questionIndex[q.ID]; dup {
			pl.addf(idLine, "questions["+q.ID+"].id", "duplicate question id %q (also question %d); question ids must be unique", q.ID, prev+1)
			continue
		}
		d.questionIndex[q.ID] = len(d.Questions)
		d.Questions = append(d.Questions, q)
	}
	if pl.count() == 0 {
		d.checkRulesLeaveARole(pl)
	}
	return pl.err()
}

// loadFactors reads the factors the questions are grouped by.
func (d *Definitions) loadFactors(n *yaml.Node, pl *problemList) {
	d.factorIndex = map[string]int{}
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, "factors", "expected a list of factors, got %s", kindName(n))
		return
	}
	if len(n.Content) == 0 {
		pl.addf(n.Line, "factors", "needs at least one factor")
	}
	for i, c := range n.Content {
		f, ok := readFields(c, fmt.Sprintf("factors[%d]", i), pl, factorFields, factorRequired)
		if !ok {
			continue
		}
		var fa Factor
		f.id("id", &fa.ID)
		if prev, dup := d.factorIndex[fa.ID]; dup && fa.ID != "" {
			idNode, _ := f.node("id")
			pl.addf(idNode.Line, f.at("id"), "duplicate factor id %q (also factor %d); factor ids must be unique", fa.ID, prev+1)
			continue
		}
		f.line("title", &fa.Title)
		f.text("description", &fa.Description)
		f.line("phrase", &fa.Phrase)
		if fa.ID == "" {
			continue
		}
		d.factorIndex[fa.ID] = len(d.Factors)
		d.Factors = append(d.Factors, fa)
	}
}

func (d *Definitions) factorIDs() []string {
	ids := make([]string, len(d.Factors))
	for i, f := range d.Factors {
		ids[i] = f.ID
	}
	return ids
}

// readQuestion reads one question; ok is false when it is too broken to
// keep. What differs by kind (bands, or options) its kind reads.
func (d *Definitions) readQuestion(n *yaml.Node, i int, pl *problemList) (q Question, idLine int, ok bool) {
	f, ok := readFields(n, fmt.Sprintf("questions[%d]", i), pl, questionFields, questionRequired)
	if !ok {
		return q, 0, false
	}
	before := pl.count()
	f.id("id", &q.ID)
	if idNode, ok := f.node("id"); ok {
		idLine = idNode.Line
	}
	if q.ID != "" {
		f.path = "questions[" + q.ID + "]"
	}
	f.line("title", &q.Title)
	f.text("prompt", &q.Prompt)
	f.text("why", &q.Why)
	f.text("help", &q.Help)
	f.text("detail", &q.Detail)
	f.line("unit", &q.Unit)
	f.line("unit_one", &q.UnitOne)
	f.line("statement", &q.Statement)
	if q.UnitOne == "" {
		q.UnitOne = q.Unit
	}
	f.with("factor", func(n *yaml.Node, p string) {
		q.Factor = readString(n, p, pl)
		if _, known := d.factorIndex[q.Factor]; q.Factor != "" && d.factorIndex != nil && !known {
			pl.addf(n.Line, p, "unknown factor %s; factors are %s", quoteInput(q.Factor), quoteList(d.factorIDs()))
		}
	})
	f.with("cap", func(n *yaml.Node, p string) {
		switch v, msg := parsePoints(n); {
		case msg != "":
			pl.addf(n.Line, p, "%s; expected the most points one role can get from this question", msg)
		case v <= 0:
			pl.addf(n.Line, p, "must be above 0: it is the most points one role can get from this question")
		default:
			q.Cap = v
		}
	})
	f.with("scale", func(n *yaml.Node, p string) { q.Scale = d.readScale(n, p, pl) })
	f.boolean("ordered", &q.Ordered)
	f.boolean("fact", &q.Fact)
	f.texts("self", &q.Self)
	f.text("discuss", &q.Discuss)
	f.with("matters_when", func(n *yaml.Node, p string) {
		if cf, ok := readFields(n, p, pl, conditionFields, nil); ok {
			q.MattersWhen = readCondition(cf)
			q.MattersWhen.line = n.Line
		}
	})
	kind, kindLine := readKind(f)
	if kind == nil {
		return q, idLine, false
	}
	q.Kind = kind.name()
	kind.load(d, &q, questionSpec{f, kindLine})
	checkStatements(&q, f)
	f.with("default", func(n *yaml.Node, p string) {
		if pl.count() != before {
			return
		}
		a, ps := q.answerFromNode(n)
		if len(ps) > 0 {
			addValueProblems(pl, p, n, ps, "; allowed: "+q.Allowed())
			return
		}
		q.Default = &a
	})
	return q, idLine, q.ID != "" && pl.count() == before
}

// questionSpec is a question's fields as its kind reads them: what it
// needs and what it must not have are said at the line of its kind.
type questionSpec struct {
	fields
	kindLine int
}

// forbid refuses keys the question's kind does not use.
func (s questionSpec) forbid(k Kind, keys ...string) {
	for _, key := range keys {
		if s.has(key) {
			s.pl.addf(s.keyLine(key), s.at(key), "not used by %s questions; remove it", k)
		}
	}
}

// need asks for keys the question's kind cannot do without.
func (s questionSpec) need(k Kind, keys ...string) {
	for _, key := range keys {
		if !s.has(key) {
			s.pl.addf(s.kindLine, s.path, "%s questions need %q", k, key)
		}
	}
}

// checkStatements refuses a {word} in a statement that the question's
// kind does not fill in: it would reach the client as it is.
func checkStatements(q *Question, f fields) {
	line := 0
	if n, ok := f.node("statement"); ok {
		line = n.Line
	}
	k := q.rules()
	checkPlaceholders(q.Statement, line, f.at("statement"), k, f.pl)
	for i := range q.Bands {
		checkPlaceholders(q.Bands[i].Statement, q.Bands[i].Line, fmt.Sprintf("%s.bands[%d].statement", f.path, i), k, f.pl)
	}
	for i := range q.Options {
		checkPlaceholders(q.Options[i].Statement, q.Options[i].Line, fmt.Sprintf("%s.options[%d].statement", f.path, i), k, f.pl)
	}
	checkPlaceholders(q.None.Statement, q.None.Line, f.at("none.statement"), k, f.pl)
}

func checkPlaceholders(s string, line int, key string, k kindRules, pl *problemList) {
	allowed := k.placeholders()
	for rest := s; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return
		}
		rest = rest[i:]
		j := strings.IndexByte(rest, '}')
		if j < 0 {
			return
		}
		word := rest[:j+1]
		rest = rest[1:]
		if strings.ContainsAny(word[1:], "{ ") || slices.Contains(allowed, word) {
			continue // not a placeholder, or one the question fills in
		}
		may := "take no placeholders"
		if len(allowed) > 0 {
			may = "may use " + strings.Join(allowed, " and ")
		}
		pl.addf(line, key, "%s is not filled in for %s question; its statements %s", quoteInput(word), k.noun(), may)
	}
}

// readBands reads an integer question's min, max and bands: each band
// runs from the previous band's max + 1 to its own max.
func (d *Definitions) readBands(q *Question, s questionSpec) {
	okMin, okMax := false, false
	s.with("min", func(n *yaml.Node, p string) { q.Min, okMin = readInt(n, p, s.pl, "a whole number") })
	s.with("max", func(n *yaml.Node, p string) { q.Max, okMax = readInt(n, p, s.pl, "a whole number") })
	if okMin && okMax && q.Min >= q.Max {
		n, _ := s.node("max")
		s.pl.addf(n.Line, s.at("max"), "must be greater than min (%d)", q.Min)
		return
	}
	n, ok := s.node("bands")
	if !ok || !okMin || !okMax {
		return
	}
	path, pl := s.at("bands"), s.pl
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of bands, got %s", kindName(n))
		return
	}
	if len(n.Content) == 0 {
		pl.addf(n.Line, path, "needs at least one band; give each band a max (and a label and weights), leaving max out of the last")
		return
	}
	if len(n.Content) > MaxOptions {
		pl.addf(n.Line, path, "%s bands is more than the %s one question may have", GroupDigits(len(n.Content)), GroupDigits(MaxOptions))
		return
	}
	lo := q.Min
	for i, bn := range n.Content {
		last := i == len(n.Content)-1
		req := []string{"label", "max"}
		if last {
			req = []string{"label"}
		}
		bf, ok := readFields(bn, fmt.Sprintf("%s[%d]", path, i), pl, bandFields, req)
		if !ok {
			return
		}
		b := Band{Min: lo, Max: q.Max}
		d.readPart(&b.Part, bf, bn.Line)
		if m, ok := bf.node("max"); ok {
			v, ok := d.bandMax(m, bf.at("max"), lo, q.Max, last, pl)
			if !ok {
				return
			}
			b.Max = v
		}
		q.Bands = append(q.Bands, b)
		lo = b.Max + 1
	}
}

// bandMax reads where a band ends: from lo, where it starts, up to the
// question's max, which only the last band reaches.
func (d *Definitions) bandMax(m *yaml.Node, path string, lo, hi int, last bool, pl *problemList) (int, bool) {
	v, ok := readInt(m, path, pl, "a whole number")
	switch {
	case !ok:
	case v < lo:
		pl.addf(m.Line, path, "%d is below where this band starts (%d); band maxima must rise", v, lo)
	case v > hi:
		pl.addf(m.Line, path, "%d is above the question's max (%d)", v, hi)
	case last && v != hi:
		pl.addf(m.Line, path, "the last band ends at %d but answers go up to %d; drop max from the last band", v, hi)
	case !last && v == hi:
		pl.addf(m.Line, path, "this band already reaches the question's max (%d); bands after it can never apply", hi)
	default:
		return v, true
	}
	return 0, false
}

// readOptions reads a choice or list question's options, indexes them by
// value, and gives the question an empty answer's part (None). A list
// (list is true) takes one option or more, each of which may be
// cancelled by others ("unless"); a choice takes two or more.
func (d *Definitions) readOptions(q *Question, s questionSpec, list bool) {
	q.None = Option{Part: Part{Label: "None", Weights: make(Weights, len(d.Roles))}}
	n, ok := s.node("options")
	if !ok {
		return
	}
	path, pl := s.at("options"), s.pl
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of options, got %s", kindName(n))
		return
	}
	minOpts, what := 2, "options"
	if list {
		minOpts, what = 1, "option"
	}
	if len(n.Content) > MaxOptions {
		pl.addf(n.Line, path, "%s options is more than the %s one question may have", GroupDigits(len(n.Content)), GroupDigits(MaxOptions))
		return
	}
	if len(n.Content) < minOpts {
		pl.addf(n.Line, path, "%s questions need at least %d %s, found %d", q.Kind, minOpts, what, len(n.Content))
	}
	seen := map[string]int{}
	for i, on := range n.Content {
		if o, ok := d.readOption(on, fmt.Sprintf("%s[%d]", path, i), list, q.Options, seen, pl); ok {
			q.Options = append(q.Options, o)
		}
	}
	q.optionIndex = make(map[string]int, len(q.Options))
	for j, o := range q.Options {
		if _, dup := q.optionIndex[o.Value]; !dup {
			q.optionIndex[o.Value] = j
		}
	}
	if list {
		d.resolveUnless(q, path, pl)
	}
}

// readOption reads one option of a choice or list question (list), after
// the options before it (seen holds their values and lines).
func (d *Definitions) readOption(on *yaml.Node, p string, list bool, before []Option, seen map[string]int, pl *problemList) (Option, bool) {
	f, ok := readFields(on, p, pl, optionFields, []string{"value", "label"})
	if !ok {
		return Option{}, false
	}
	var o Option
	f.id("value", &o.Value)
	if n, ok := f.node("value"); ok {
		if list && o.Value == "none" {
			pl.addf(n.Line, f.at("value"), `"none" means an empty list in answers; call the option something else`)
			o.Value = ""
		}
		if prev, dup := seen[o.Value]; dup && o.Value != "" {
			pl.addf(n.Line, f.at("value"), "duplicate value %q (also on line %d); values must be unique", o.Value, prev)
		}
		seen[o.Value] = n.Line
	}
	d.readPart(&o.Part, f, on.Line)
	f.boolean("off_scale", &o.OffScale)
	f.with("percent", func(n *yaml.Node, p string) {
		o.Range = readPercentRange(n, p, pl)
		for _, prev := range before {
			if overlaps(prev.Range, o.Range) {
				pl.addf(n.Line, p, "overlaps the range of %q; a percentage must pick one option", prev.Value)
			}
		}
	})
	f.with("unless", func(n *yaml.Node, p string) {
		if !list {
			pl.addf(f.keyLine("unless"), p, "only multi-choice options can be cancelled by another option; remove it")
			return
		}
		o.unlessNode = n // resolved to indexes once every value is known
	})
	return o, true
}

// readNone reads what a list question's empty answer says and gives.
func (d *Definitions) readNone(q *Question, s questionSpec) {
	s.with("none", func(n *yaml.Node, p string) {
		if nf, ok := readFields(n, p, s.pl, partFields, []string{"label"}); ok {
			d.readPart(&q.None.Part, nf, n.Line)
		}
	})
}

// readPercentRange reads the percentages an option stands for: a lower
// bound, from (included) or over (not included), an upper bound, below
// (not included) or upto (included), or both.
func readPercentRange(n *yaml.Node, path string, pl *problemList) PercentRange {
	var r PercentRange
	f, _ := readFields(n, path, pl, percentFields, nil)
	read := func(key string) (v float64, ok bool) {
		f.with(key, func(n *yaml.Node, p string) {
			var msg string
			if v, msg = parseSignedDecimal(n); msg != "" {
				pl.addf(n.Line, p, "%s; expected a percentage, like 10", msg)
				return
			}
			ok = true
		})
		return v, ok
	}
	both := func(a, b string) {
		if f.has(a) && f.has(b) {
			pl.addf(n.Line, path, "give %s or %s, not both", a, b)
		}
	}
	both("from", "over")
	both("below", "upto")
	if v, ok := read("from"); ok {
		r.Lo, r.HasLo = v, true
	}
	if v, ok := read("over"); ok {
		r.Lo, r.HasLo, r.LoExcluded = v, true, true
	}
	if v, ok := read("below"); ok {
		r.Hi, r.HasHi = v, true
	}
	if v, ok := read("upto"); ok {
		r.Hi, r.HasHi, r.HiIncluded = v, true, true
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case !r.HasLo && !r.HasHi:
		pl.addf(n.Line, path, "give a lower bound (from or over), an upper bound (below or upto), or both")
	case r.HasLo && r.HasHi && (r.Hi < r.Lo || r.Hi == r.Lo && (!r.HiIncluded || r.LoExcluded)):
		pl.addf(n.Line, path, "the range from %s to %s holds no percentage; the upper bound must be above the lower", num(r.Lo), num(r.Hi))
	}
	return r
}

// overlaps reports whether two percentage ranges share a value.
func overlaps(a, b PercentRange) bool {
	if (!a.HasLo && !a.HasHi) || (!b.HasLo && !b.HasHi) {
		return false
	}
	return !a.endsBefore(b) && !b.endsBefore(a)
}

// resolveUnless turns each option's `unless` values into option indexes.
func (d *Definitions) resolveUnless(q *Question, path string, pl *problemList) {
	for i := range q.Options {
		o := &q.Options[i]
		n := o.unlessNode
		o.unlessNode = nil
		if n == nil {
			continue
		}
		p := fmt.Sprintf("%s[%s].unless", path, o.Value)
		for _, v := range readStringList(n, p, pl) {
			_, j := q.Option(v)
			switch {
			case j < 0:
				pl.addf(n.Line, p, "unknown value %s; values are %s", quoteInput(v), quoteList(q.Values()))
			case j == i:
				pl.addf(n.Line, p, "an option cannot cancel itself; name another value")
			case slices.Contains(o.Unless, j):
				// Named twice: it cancels once.
			default:
				o.Unless = append(o.Unless, j)
			}
		}
	}
}

// readPart reads what a band, option or none says: label, weights, notes,
// rules, rationale and whether it is a lever.
func (d *Definitions) readPart(pt *Part, f fields, line int) {
	pt.Line = line
	pt.Weights = make(Weights, len(d.Roles))
	f.line("label", &pt.Label)
	f.with("weights", func(n *yaml.Node, p string) { pt.Weights = d.readWeights(n, p, f.pl) })
	f.with("notes", func(n *yaml.Node, p string) { pt.Notes = d.readNotes(n, p, f.pl) })
	f.text("why", &pt.Why)
	f.line("statement", &pt.Statement)
	f.text("source", &pt.Source)
	lever := true
	f.boolean("lever", &lever)
	pt.NoLever = !lever
	f.with("rules_out", func(n *yaml.Node, p string) { pt.RulesOut = d.readRules(n, p, f.pl) })
}

// readRules reads a list of {role, reason, source}: the roles an answer
// rules out.
func (d *Definitions) readRules(n *yaml.Node, path string, pl *problemList) []Rule {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of {role, reason}, got %s", kindName(n))
		return nil
	}
	var out []Rule
	seen := map[int]bool{}
	for k, c := range n.Content {
		f, ok := readFields(c, fmt.Sprintf("%s[%d]", path, k), pl, ruleFields, []string{"role", "reason"})
		if !ok {
			continue
		}
		r := Rule{Line: c.Line, Role: -1}
		f.with("role", func(n *yaml.Node, p string) {
			id := readString(n, p, pl)
			i, known := d.roleIndex[id]
			switch {
			case id == "":
			case !known:
				d.unknownRole(n.Line, p, id, pl)
			case seen[i]:
				pl.addf(n.Line, p, "role %q is ruled out twice by this answer; keep one rule", id)
			default:
				r.Role = i
			}
			if known {
				seen[i] = true
			}
		})
		f.text("reason", &r.Reason)
		f.text("source", &r.Source)
		if r.Role >= 0 {
			out = append(out, r)
		}
	}
	return out
}

// readNotes reads {role-id: text}: what to tell the user when this answer
// was given and that role is recommended.
func (d *Definitions) readNotes(n *yaml.Node, path string, pl *problemList) Notes {
	f, _ := readFields(n, path, pl, nil, nil)
	var notes Notes
	for _, id := range f.order {
		i, ok := d.roleIndex[id]
		if !ok {
			d.unknownRole(f.keyLine(id), f.at(id), id, pl)
			continue
		}
		var text string
		f.text(id, &text)
		if text != "" {
			if notes == nil {
				notes = make(Notes, len(d.Roles))
			}
			notes[i] = text
		}
	}
	return notes
}

// readWeights reads {role-id: points}; unknown roles and points that are
// negative, too large or too precise are reported.
func (d *Definitions) readWeights(n *yaml.Node, path string, pl *problemList) Weights {
	w := make(Weights, len(d.Roles))
	if n.Kind == yaml.ScalarNode && n.Tag == tagNull {
		return w
	}
	f, _ := readFields(n, path, pl, nil, nil)
	for _, id := range f.order {
		i, ok := d.roleIndex[id]
		if !ok {
			d.unknownRole(f.keyLine(id), f.at(id), id, pl)
			continue
		}
		f.with(id, func(n *yaml.Node, p string) {
			v, msg := parsePoints(n)
			if msg != "" {
				pl.addf(n.Line, p, "%s; expected points, a number of 0 or more", msg)
				return
			}
			w[i] = v
		})
	}
	return w
}

// unknownRole reports a role id the roles file does not define, or, for
// built-in questions read with a user's roles, notes it as left out.
func (d *Definitions) unknownRole(line int, path, id string, pl *problemList) {
	if d.lenient && validID(id) {
		d.LeftOut = append(d.LeftOut, id)
		return
	}
	hint := ""
	if s := suggest(id, d.RoleIDs()); s != "" {
		hint = fmt.Sprintf("did you mean %s? ", s)
	}
	pl.addf(line, path, "unknown role %s; %sroles are %s", quoteInput(id), hint, quoteList(d.RoleIDs()))
}

// readScale reads a question's scale rules: when other answers hold, the
// share of its points that still counts for some roles, and why.
func (d *Definitions) readScale(n *yaml.Node, path string, pl *problemList) []ScaleRule {
	var out []ScaleRule
	eachItem(n, path, "{when, roles, share, why}", pl, func(c *yaml.Node, p string) {
		f, ok := readFields(c, p, pl, scaleFields, []string{"share", "why"})
		if !ok {
			return
		}
		x := ScaleRule{If: readCondition(f), Line: c.Line}
		if x.If.empty() {
			pl.addf(c.Line, p, "a scale rule needs a condition: when or unless, such as when: {leadership: coo}")
		}
		f.with("roles", func(n *yaml.Node, p string) {
			for _, id := range readStringList(n, p, pl) {
				if i, known := d.roleIndex[id]; known {
					x.Roles = append(x.Roles, i)
				} else {
					d.unknownRole(n.Line, p, id, pl)
				}
			}
		})
		f.with("share", func(n *yaml.Node, p string) {
			v, msg := parsePoints(n)
			switch {
			case msg != "":
				pl.addf(n.Line, p, "%s; expected the share that still counts, from 0 to 1, like 0.5", msg)
			case v > pointScale:
				pl.addf(n.Line, p, "%s is above 1; expected the share that still counts, from 0 to 1, like 0.5", n.Value)
			default:
				x.Share = v
			}
		})
		f.text("why", &x.Why)
		f.text("source", &x.Source)
		out = append(out, x)
	})
	return out
}
