package advisor

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Kind is the type of answer a question takes.
type Kind string

// The kinds of question.
const (
	KindInteger Kind = "integer"
	KindChoice  Kind = "choice"
	KindMulti   Kind = "multi-choice"
)

// kindRules is everything that differs between the kinds of question:
// how an answer is read, checked, written, turned into points and changed.
// Each kind implements it once, in this file; the rest of the package asks
// the question's kind and never switches on it, so a new kind of question
// touches one place.
type kindRules interface {
	// allowed describes the allowed answers, for messages and help.
	allowed(q *Question) string
	// fromNode reads an answer from an answers file's YAML value, or says
	// why it cannot: every wrong item of a list, not only the first.
	fromNode(q *Question, n *yaml.Node) (Answer, []valueProblem)
	// fromText reads an answer typed at a prompt.
	fromText(q *Question, text string) (Answer, string)
	// check validates a hand-built answer and returns it normalized.
	check(q *Question, a Answer) (Answer, string)
	// parts calls fn for each band or option the answer selects, with
	// whether its points count: the one place where an answer becomes
	// points (see score.go).
	parts(q *Question, a Answer, fn func(p *Part, counts bool))
	// format writes the answer the way an answers file holds it.
	format(q *Question, a Answer) string
	// value is the answer as a JSON report holds it.
	value(q *Question, a Answer) any
	// describe writes the answer for people.
	describe(q *Question, a Answer) string
	// describeChange says what an edit changed, for people.
	describeChange(q *Question, before, after Answer) string
	// change finds the nearest plausible change of the answer to question
	// qi that changes the advice, or nil.
	change(s *changeSearch, qi int) *Change
	// changeText says what a change would do, in a sentence ending in then.
	changeText(q *Question, c Change, then string) string
	// doubtText names what a change questions, for "this turns on
	// whether ...": "departments really number 5 rather than 3".
	doubtText(q *Question, c Change) string
	// plausible reports whether change c is a doubt the advice turns on
	// (see TurnsOnRule): near enough to today's answer to be a mistake.
	plausible(c Change, rule TurnsOnRule) bool
	// ruleChoices lists the sets of parts one answer can select at once,
	// for the check that no answers rule out every role: each band or
	// option alone, but all the values of a list together.
	ruleChoices(q *Question) [][]*Part
	// catalog lists every band or option with what it gives, for the
	// questions listing.
	catalog(q *Question) []catalogEntry
	// templateHint and templateValue write the question's part of an
	// answers template: the allowed values, and a default as YAML.
	templateHint(q *Question) string
	templateValue(q *Question, a Answer) string
	// random answers the question at random, for property tests.
	random(q *Question, intn func(int) int) Answer

	// name is the kind as a questions file writes it.
	name() Kind
	// noun names the kind in messages: "a number".
	noun() string
	// load reads the keys only this kind's questions have (bands, or
	// options and none), and refuses those they must not have.
	load(d *Definitions, q *Question, s questionSpec)
	// placeholders are the {words} the question's statements may use.
	placeholders() []string
	// eachPart calls fn for every band, option and none the question
	// defines, whether an answer selects it or not.
	eachPart(q *Question, fn func(p *Part))
	// valuesOf fills in the Value of the contributions the answer gave
	// (see Contribution), in the order parts gave them.
	valuesOf(q *Question, a Answer, cs []Contribution)
	// hasValues reports whether answers are named values that a
	// condition of the roles file may test.
	hasValues() bool
	// isList reports whether an answer is a list of values.
	isList() bool

	// merge combines a team's answers into the team's (see team.go),
	// with the tie it had to settle, if any.
	merge(d *Definitions, q *Question, all []Answer) (Answer, *ConsensusTie)
	// disagreements finds where the team's answers differ enough to
	// discuss.
	disagreements(s *teamDiff, qi int) []Disagreement
	// tieText says how the team's answer settled a tie.
	tieText(q *Question, tie ConsensusTie) string
	// standIn is some valid answer, to stand for one a person abstains
	// on while the rest of their answers are checked.
	standIn(q *Question) Answer
}

func (integerKind) standIn(q *Question) Answer { return Answer{Int: q.Min} }
func (choiceKind) standIn(q *Question) Answer  { return Answer{Choice: q.Options[0].Value} }
func (multiKind) standIn(*Question) Answer     { return Answer{Multi: []string{}} }

// kindList is every kind, in the order messages list them.
var kindList = []kindRules{integerKind{}, choiceKind{}, multiKind{}}

var kinds = func() map[Kind]kindRules {
	m := make(map[Kind]kindRules, len(kindList))
	for _, k := range kindList {
		m[k.name()] = k
	}
	return m
}()

func (q *Question) rules() kindRules { return kinds[q.Kind] }

// readKind reads a question's kind, and the line it is on; nil when it
// is missing or unknown (reported).
func readKind(f fields) (kindRules, int) {
	n, ok := f.node("kind")
	if !ok {
		return nil, 0
	}
	k := readString(n, f.at("kind"), f.pl)
	if k == "" {
		return nil, n.Line
	}
	rules, ok := kinds[Kind(k)]
	if !ok {
		names := make([]string, len(kindList))
		for i, r := range kindList {
			names[i] = string(r.name())
		}
		f.pl.addf(n.Line, f.at("kind"), "%s is not a kind; kinds are %s", quoteInput(k), quoteList(names))
		return nil, n.Line
	}
	return rules, n.Line
}

func (integerKind) name() Kind             { return KindInteger }
func (integerKind) noun() string           { return "a number" }
func (integerKind) placeholders() []string { return []string{"{value}", "{unit}"} }
func (integerKind) hasValues() bool        { return false }
func (integerKind) isList() bool           { return false }

func (integerKind) load(d *Definitions, q *Question, s questionSpec) {
	s.forbid(KindInteger, "options", "none", "ordered")
	s.need(KindInteger, "unit", "min", "max", "bands")
	d.readBands(q, s)
}

func (integerKind) eachPart(q *Question, fn func(p *Part)) {
	for i := range q.Bands {
		fn(&q.Bands[i].Part)
	}
}

// valuesOf: a number's Value is its band's label, and its Label the
// number as answered.
func (integerKind) valuesOf(q *Question, a Answer, cs []Contribution) {
	for i := range cs {
		cs[i].Value = cs[i].Label
		cs[i].Label = q.Describe(a)
	}
}

func (choiceKind) name() Kind             { return KindChoice }
func (choiceKind) noun() string           { return "a choice" }
func (choiceKind) placeholders() []string { return nil }
func (choiceKind) hasValues() bool        { return true }
func (choiceKind) isList() bool           { return false }

func (choiceKind) load(d *Definitions, q *Question, s questionSpec) {
	s.forbid(KindChoice, "unit", "unit_one", "min", "max", "bands")
	s.need(KindChoice, "options")
	s.forbid(KindChoice, "none")
	d.readOptions(q, s, false)
}

func (choiceKind) eachPart(q *Question, fn func(p *Part)) {
	for i := range q.Options {
		fn(&q.Options[i].Part)
	}
	fn(&q.None.Part)
}

func (choiceKind) valuesOf(_ *Question, a Answer, cs []Contribution) {
	for i := range cs {
		cs[i].Value = a.Choice
	}
}

func (multiKind) name() Kind             { return KindMulti }
func (multiKind) noun() string           { return "a list" }
func (multiKind) placeholders() []string { return []string{"{list}"} }
func (multiKind) hasValues() bool        { return true }
func (multiKind) isList() bool           { return true }

func (multiKind) load(d *Definitions, q *Question, s questionSpec) {
	s.forbid(KindMulti, "ordered")
	s.forbid(KindMulti, "unit", "unit_one", "min", "max", "bands")
	s.need(KindMulti, "options")
	d.readOptions(q, s, true)
	d.readNone(q, s)
}

func (multiKind) eachPart(q *Question, fn func(p *Part)) {
	for i := range q.Options {
		fn(&q.Options[i].Part)
	}
	fn(&q.None.Part)
}

// valuesOf: each chosen value, in the order of the answer; an empty
// answer's part has none.
func (multiKind) valuesOf(_ *Question, a Answer, cs []Contribution) {
	for i := range cs {
		if i < len(a.Multi) {
			cs[i].Value = a.Multi[i]
		}
	}
}

// IsList reports whether the question's answer is a list of values (a
// multi-choice question), for views that show lists their own way.
func (q *Question) IsList() bool { return q.rules().isList() }

// Allowed describes the allowed answers, for messages and help.
func (q *Question) Allowed() string { return q.rules().allowed(q) }

// FormatValue writes an answer the way an answers file holds it: "120",
// "rapid", "new-markets, international" or "[]" for an empty list.
func (q *Question) FormatValue(a Answer) string { return q.rules().format(q, a) }

// Describe writes an answer for people: "120 (50 to 149)", "Rapid (over
// 30% a year)", "New markets; International expansion" or the none label.
func (q *Question) Describe(a Answer) string { return q.rules().describe(q, a) }

// DescribeChange says what changed from one answer to another, without
// repeating what stayed: "from 120 to 160", "from Stable (0-10% a year)
// to Rapid (over 30% a year)", "removed: New markets; added: New
// products or services".
func (q *Question) DescribeChange(before, after Answer) string {
	return q.rules().describeChange(q, before, after)
}

// JSONValue is an answer as a JSON report (and an answers file) holds it:
// a number, a value, or a list of values.
func (q *Question) JSONValue(a Answer) any { return q.rules().value(q, a) }

// RandomAnswer answers the question at random with intn (like
// rand.IntN), for property tests and benchmarks.
func (q *Question) RandomAnswer(intn func(int) int) Answer { return q.rules().random(q, intn) }

// ParseInput reads an answer typed at a prompt: for integers a number
// ("1,200" and "1 200" are accepted); for choices the value or its number in
// the list; for multi-choice, values or numbers separated by commas or
// spaces, an empty line meaning none. The error says what is allowed.
func (q *Question) ParseInput(text string) (Answer, error) {
	a, msg := q.rules().fromText(q, strings.TrimSpace(text))
	if msg != "" {
		return Answer{}, fmt.Errorf("%s", msg)
	}
	return a, nil
}

// Validate checks a (possibly hand-built) answer against the question.
func (q *Question) Validate(a Answer) error {
	if _, msg := q.rules().check(q, a); msg != "" {
		return fmt.Errorf("%s: %s; expected %s", q.ID, msg, q.Allowed())
	}
	return nil
}

// Normalize returns a with its multi-choice values in option order and
// without duplicates.
func (q *Question) Normalize(a Answer) Answer {
	if n, msg := q.rules().check(q, a); msg == "" {
		return n
	}
	return a
}

// answerFromNode converts a YAML value to an answer for q, or returns why it
// cannot.
func (q *Question) answerFromNode(n *yaml.Node) (Answer, []valueProblem) {
	return q.rules().fromNode(q, n)
}

// valueProblem is one thing wrong with an answer's YAML value: what, and
// where when it is not the value's own line (a list's item on a line of
// its own). like names the kind of problem for a list's wrong items, so
// that a list of a hundred wrong values is one problem with a count, as
// problemList groups problems with the same message.
type valueProblem struct {
	line int
	msg  string
	like string
}

// problem is msg as the problems of a value, none when it is "".
func problem(msg string) []valueProblem {
	if msg == "" {
		return nil
	}
	return []valueProblem{{msg: msg}}
}

// addValueProblems adds the problems of question q's value n (id is the
// key it is answered under) to pl, each message followed by suffix (what
// is expected).
func addValueProblems(pl *problemList, id string, n *yaml.Node, ps []valueProblem, suffix string) {
	for _, p := range ps {
		line := n.Line
		if p.line > 0 {
			line = p.line
		}
		msg := p.msg + suffix
		like := msg
		if p.like != "" {
			like = id + "\x00" + p.like
		}
		pl.addLike(like, line, id, msg)
	}
}

// integerKind: a whole number, scored by the band it falls in.
type integerKind struct{}

func (integerKind) allowed(q *Question) string {
	return fmt.Sprintf("a whole number from %s to %s", GroupDigits(q.Min), GroupDigits(q.Max))
}

func (k integerKind) fromNode(q *Question, n *yaml.Node) (Answer, []valueProblem) {
	v, msg := parseIntNode(n)
	if msg != "" {
		return Answer{}, problem(msg)
	}
	a, msg := k.check(q, Answer{Int: v})
	return a, problem(msg)
}

func (k integerKind) fromText(q *Question, text string) (Answer, string) {
	if text == "" {
		return Answer{}, "enter " + q.Allowed()
	}
	v, msg := parseGroupedInt(text)
	if msg != "" {
		return Answer{}, msg + "; enter " + q.Allowed()
	}
	a, msg := k.check(q, Answer{Int: v})
	if msg != "" {
		return Answer{}, msg + "; enter " + q.Allowed()
	}
	return a, ""
}

func (integerKind) check(q *Question, a Answer) (Answer, string) {
	if a.Int < q.Min || a.Int > q.Max {
		return Answer{}, fmt.Sprintf("%s is out of range", GroupDigits(a.Int))
	}
	return Answer{Int: a.Int, Range: a.Range}, ""
}

func (integerKind) parts(q *Question, a Answer, fn func(*Part, bool)) {
	if b := q.BandIndex(a.Int); b >= 0 {
		fn(&q.Bands[b].Part, true)
	}
}

func (integerKind) format(_ *Question, a Answer) string { return strconv.Itoa(a.Int) }

func (integerKind) value(_ *Question, a Answer) any {
	if a.Range[1] > a.Range[0] {
		return fmt.Sprintf("%d–%d", a.Range[0], a.Range[1])
	}
	return a.Int
}

func (integerKind) describe(q *Question, a Answer) string {
	s := GroupDigits(a.Int)
	if a.Range[1] > a.Range[0] {
		s = GroupDigits(a.Range[0]) + "–" + GroupDigits(a.Range[1])
	}
	if b := q.BandIndex(a.Int); b >= 0 {
		s += " (" + q.Bands[b].Label + ")"
	}
	return s
}

func (integerKind) describeChange(_ *Question, before, after Answer) string {
	return "from " + GroupDigits(before.Int) + " to " + GroupDigits(after.Int)
}

func (integerKind) random(q *Question, intn func(int) int) Answer {
	// Half the time a band's edge, where mistakes hide.
	b := q.Bands[intn(len(q.Bands))]
	switch intn(4) {
	case 0:
		return Answer{Int: b.Min}
	case 1:
		return Answer{Int: b.Max}
	}
	return Answer{Int: b.Min + intn(min(b.Max-b.Min, 1<<30)+1)}
}

func (integerKind) ruleChoices(q *Question) [][]*Part {
	out := make([][]*Part, len(q.Bands))
	for i := range q.Bands {
		out[i] = []*Part{&q.Bands[i].Part}
	}
	return out
}

// choiceKind: one option, scored by its weights.
type choiceKind struct{}

func (choiceKind) allowed(q *Question) string { return "one of " + quoteList(q.Values()) }

func (k choiceKind) fromNode(q *Question, n *yaml.Node) (Answer, []valueProblem) {
	if n.Kind != yaml.ScalarNode {
		return Answer{}, problem(fmt.Sprintf("takes one value, got %s", kindName(n)))
	}
	a, msg := k.check(q, Answer{Choice: n.Value})
	return a, problem(msg)
}

func (choiceKind) fromText(q *Question, text string) (Answer, string) {
	if text == "" {
		return Answer{}, "choose one: " + q.numberedValues()
	}
	i := q.lookupInput(text)
	if i < 0 {
		return Answer{}, fmt.Sprintf("%q is not one of the choices; enter a number from 1 to %d or one of %s", text, len(q.Options), quoteList(q.Values()))
	}
	return Answer{Choice: q.Options[i].Value}, ""
}

func (choiceKind) check(q *Question, a Answer) (Answer, string) {
	s := strings.TrimSpace(a.Choice)
	if i := q.optionFold(s); i >= 0 {
		return Answer{Choice: q.Options[i].Value}, ""
	}
	return Answer{}, q.notAValue(s)
}

func (choiceKind) parts(q *Question, a Answer, fn func(*Part, bool)) {
	if _, i := q.Option(a.Choice); i >= 0 {
		fn(&q.Options[i].Part, true)
	}
}

func (choiceKind) format(_ *Question, a Answer) string { return a.Choice }

func (choiceKind) value(_ *Question, a Answer) any { return a.Choice }

func (choiceKind) describe(q *Question, a Answer) string {
	if o, _ := q.Option(a.Choice); o != nil {
		return o.Label
	}
	return a.Choice
}

func (choiceKind) describeChange(q *Question, before, after Answer) string {
	return "from " + q.Describe(before) + " to " + q.Describe(after)
}

func (choiceKind) random(q *Question, intn func(int) int) Answer {
	return Answer{Choice: q.Options[intn(len(q.Options))].Value}
}

func (choiceKind) ruleChoices(q *Question) [][]*Part {
	out := make([][]*Part, len(q.Options))
	for i := range q.Options {
		out[i] = []*Part{&q.Options[i].Part}
	}
	return out
}

// multiKind: any number of options, each scored by its weights, or none.
type multiKind struct{}

func (multiKind) allowed(q *Question) string {
	return "a list of any of " + quoteList(q.Values()) + " (an empty list [] for none)"
}

func (k multiKind) fromNode(q *Question, n *yaml.Node) (Answer, []valueProblem) {
	var raw []string
	var lines []int // each item's line
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == tagNull:
	case n.Kind == yaml.ScalarNode:
		// "a, b" is accepted as a list: it is how people type it.
		raw = q.splitMulti(n.Value)
		lines = slices.Repeat([]int{n.Line}, len(raw))
	case n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode || c.Tag == tagNull {
				return Answer{}, problem(fmt.Sprintf("list items must be values, got %s", kindName(c)))
			}
			raw = append(raw, c.Value)
			lines = append(lines, c.Line)
		}
	default:
		return Answer{}, problem(fmt.Sprintf("expected a list, got %s", kindName(n)))
	}
	// Every wrong item is said, each on its line: fixing the first only
	// to hear of the second is what "every problem at once" spares. A
	// typo gets its own line, for its "did you mean"; the others are one
	// kind, counted after the first.
	var ps []valueProblem
	for i, v := range raw {
		if v = strings.TrimSpace(v); q.optionFold(v) < 0 {
			p := valueProblem{line: lines[i], msg: q.notAValue(v), like: "a value not allowed"}
			if strings.Contains(p.msg, "did you mean") {
				p.like = ""
			}
			ps = append(ps, p)
		}
	}
	if len(ps) > 0 {
		return Answer{}, ps
	}
	a, msg := k.check(q, Answer{Multi: raw})
	return a, problem(msg)
}

func (multiKind) fromText(q *Question, text string) (Answer, string) {
	chosen := make([]bool, len(q.Options))
	for _, item := range q.splitMulti(text) {
		i := q.lookupInput(item)
		if i < 0 {
			return Answer{}, fmt.Sprintf("%q is not one of the choices; enter numbers from 1 to %d or values (%s) separated by commas, or an empty line for none", item, len(q.Options), quoteList(q.Values()))
		}
		chosen[i] = true
	}
	return Answer{Multi: q.multiFromMask(chosen)}, ""
}

func (multiKind) check(q *Question, a Answer) (Answer, string) {
	chosen := make([]bool, len(q.Options))
	for _, v := range a.Multi {
		v = strings.TrimSpace(v)
		i := q.optionFold(v)
		if i < 0 {
			return Answer{}, q.notAValue(v)
		}
		chosen[i] = true
	}
	// A team's merged list keeps the share that named each value.
	return Answer{Multi: q.multiFromMask(chosen), Share: a.Share, Of: a.Of, Held: a.Held}, ""
}

func (k multiKind) parts(q *Question, a Answer, fn func(*Part, bool)) {
	if a.Share != nil {
		q.sharedParts(a, fn)
		return
	}
	if len(a.Multi) == 0 {
		fn(&q.None.Part, true)
		return
	}
	if !q.hasUnless() {
		for _, v := range a.Multi {
			if _, i := q.Option(v); i >= 0 {
				fn(&q.Options[i].Part, true)
			}
		}
		return
	}
	chosen := make([]bool, len(q.Options))
	for _, v := range a.Multi {
		if _, i := q.Option(v); i >= 0 {
			chosen[i] = true
		}
	}
	q.maskParts(chosen, fn)
}

// maskParts calls fn for every chosen option (the none part when nothing
// is chosen), with whether its points count: an option's points do not
// count when an option it names in `unless` is chosen too.
func (q *Question) maskParts(chosen []bool, fn func(*Part, bool)) {
	chosenAny := false
	for i, c := range chosen {
		if !c {
			continue
		}
		chosenAny = true
		o := &q.Options[i]
		counts := true
		for _, u := range o.Unless {
			if chosen[u] {
				counts = false
				break
			}
		}
		fn(&o.Part, counts)
	}
	if !chosenAny {
		fn(&q.None.Part, true)
	}
}

func (q *Question) hasUnless() bool {
	for i := range q.Options {
		if len(q.Options[i].Unless) > 0 {
			return true
		}
	}
	return false
}

func (multiKind) format(_ *Question, a Answer) string {
	if len(a.Multi) == 0 {
		return "[]"
	}
	return strings.Join(a.Multi, ", ")
}

func (multiKind) value(_ *Question, a Answer) any {
	if a.Multi == nil {
		return []string{}
	}
	return a.Multi
}

func (multiKind) describe(q *Question, a Answer) string {
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

// describeChange names the values removed and added, by their labels
// (each may hold a comma or an "and": they are joined by semicolons, as
// describe does, and the groups by a dot), and the none label when
// nothing is left.
func (multiKind) describeChange(q *Question, before, after Answer) string {
	var removed, added []string
	for _, o := range q.Options {
		was, is := slices.Contains(before.Multi, o.Value), slices.Contains(after.Multi, o.Value)
		switch {
		case was && !is:
			removed = append(removed, o.Label)
		case is && !was:
			added = append(added, o.Label)
		}
	}
	var parts []string
	if len(removed) > 0 {
		parts = append(parts, "removed: "+strings.Join(removed, "; "))
	}
	if len(added) > 0 {
		parts = append(parts, "added: "+strings.Join(added, "; "))
	}
	if len(after.Multi) == 0 {
		parts = append(parts, "now: "+q.None.Label)
	}
	if len(parts) == 0 {
		return "unchanged"
	}
	return strings.Join(parts, " · ")
}

func (multiKind) random(q *Question, intn func(int) int) Answer {
	chosen := make([]bool, len(q.Options))
	for i := range chosen {
		chosen[i] = intn(3) == 0
	}
	return Answer{Multi: q.multiFromMask(chosen)}
}

func (multiKind) ruleChoices(q *Question) [][]*Part {
	all := make([]*Part, len(q.Options))
	for i := range q.Options {
		all[i] = &q.Options[i].Part
	}
	return [][]*Part{all, {&q.None.Part}}
}

// optionFold finds an option by what a person would write for it: its
// value or the label they were shown, in any case ("Heavy", "New
// markets"), or a percentage inside the option's range ("25%" is growth
// from 10% to 30%); -1 when none matches.
func (q *Question) optionFold(s string) int {
	s = strings.TrimSpace(s)
	if _, i := q.Option(s); i >= 0 {
		return i
	}
	if _, i := q.Option(strings.ToLower(s)); i >= 0 {
		return i
	}
	norm := strings.Join(strings.Fields(s), " ")
	for i := range q.Options {
		if strings.EqualFold(q.Options[i].Value, s) || strings.EqualFold(q.Options[i].Label, norm) {
			return i
		}
	}
	if p, ok := parsePercent(s); ok {
		for i := range q.Options {
			if q.Options[i].Range.holds(p) {
				return i
			}
		}
	}
	// The start of one label, in whole words ("new products" for "New
	// products or services"); "new" alone, which starts two, is no answer.
	found := -1
	for i := range q.Options {
		l := strings.ToLower(q.Options[i].Label)
		if n := strings.ToLower(norm); len(n) >= 3 && strings.HasPrefix(l, n) && (len(l) == len(n) || l[len(n)] == ' ') {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// parsePercent reads "25%", "-5 %" or "12.5%".
func parsePercent(s string) (float64, bool) {
	num, ok := strings.CutSuffix(strings.TrimSpace(s), "%")
	if !ok {
		return 0, false
	}
	num = strings.TrimSpace(num)
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || strings.ContainsAny(num, "eExXpP_") || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// ungroup takes the separators out of t, a number grouped with sep in
// thousands (1,200 or 1 200), or says why it is not one; s is what was
// typed, for the message.
func ungroup(t string, sep rune, s string) (string, string) {
	groups := strings.Split(t, string(sep))
	ok := len(groups[0]) >= 1 && len(groups[0]) <= 3
	for _, g := range groups[1:] {
		ok = ok && len(g) == 3
	}
	joined := strings.Join(groups, "")
	switch {
	case ok && sep == '.' && allDigits(joined):
		// 1.000 is a thousand in much of Europe and one to a reader of
		// English: too ambiguous to guess.
		return "", fmt.Sprintf("%s is ambiguous; write the whole number without a dot, like 1000 or 1,000", quoteInput(s))
	case ok && allDigits(joined):
		return joined, ""
	case sep == '.' && len(groups) == 2 && allDigits(groups[0]) && allDigits(groups[1]):
		return "", fmt.Sprintf("%s is not a whole number (no decimals)", quoteInput(s))
	case allDigits(joined):
		return "", fmt.Sprintf("%s is not a number: groups of digits after a separator have three digits (1,200 or 1 200)", quoteInput(s))
	default:
		return "", notANumber(s)
	}
}

func (q *Question) notAValue(s string) string {
	if _, ok := parsePercent(s); ok {
		for i := range q.Options {
			if r := q.Options[i].Range; r.HasLo || r.HasHi {
				return fmt.Sprintf("%s fits none of the options' ranges", quoteInput(s))
			}
		}
	}
	msg := fmt.Sprintf("%s is not an allowed value", quoteInput(s))
	if sg := suggest(s, q.Values()); sg != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", sg)
	}
	return msg
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

// allKnown reports whether every field names an option (by number or
// value).
func allKnown(q *Question, fields []string) bool {
	for _, f := range fields {
		if q.lookupInput(f) < 0 {
			return false
		}
	}
	return len(fields) > 0
}

// splitMulti splits a typed list; "none" and "[]" (unless an option is
// called that) mean an empty list, as people write it. Items are
// separated by commas or semicolons; an item that is not a value or a
// label as a whole ("New markets" is one) is split at its spaces
// ("acquisitions new-products" is two).
func (q *Question) splitMulti(s string) []string {
	if t := strings.TrimSpace(s); t == "[]" || (strings.EqualFold(t, "none") && q.lookupInput(t) < 0) {
		return nil
	}
	// Split at commas and semicolons, but keep together the pieces that
	// make up one label ("Operations managers, without a director above
	// them"): the longest run of pieces that names an option wins.
	pieces := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
	var out []string
	for i := 0; i < len(pieces); {
		j := len(pieces)
		for ; j > i+1; j-- {
			if q.optionFold(strings.Join(pieces[i:j], ",")) >= 0 {
				break
			}
		}
		piece := strings.TrimSpace(strings.Join(pieces[i:j], ","))
		i = j
		switch {
		case piece == "":
		case q.lookupInput(piece) >= 0:
			out = append(out, piece)
		case allKnown(q, strings.Fields(piece)):
			// "1 2 3" or "coo operations-managers": values apart.
			out = append(out, strings.Fields(piece)...)
		default:
			// Kept whole, so that the message quotes what was typed.
			out = append(out, piece)
		}
	}
	return out
}

// lookupInput finds an option by 1-based number or by value (any case).
func (q *Question) lookupInput(s string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		if n >= 1 && n <= len(q.Options) {
			return n - 1
		}
		return -1
	}
	return q.optionFold(s)
}

func (q *Question) numberedValues() string {
	parts := make([]string, len(q.Options))
	for i, o := range q.Options {
		parts[i] = fmt.Sprintf("%d %s", i+1, o.Value)
	}
	return strings.Join(parts, ", ")
}

// parseGroupedInt reads a whole number as people type it: "1200", "1,200",
// "1 200" or "1_200". Groups must be proper thousands: "1,2", "12,00" and
// "1,,2" are refused rather than read as 12, 1200 or 12.
func parseGroupedInt(s string) (int, string) {
	t := strings.TrimSpace(s)
	neg := false
	switch {
	case strings.HasPrefix(t, "-"):
		neg, t = true, t[1:]
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	}
	if t == "" {
		return 0, fmt.Sprintf("%s is not a number", quoteInput(s))
	}
	sep := rune(0)
	for _, r := range t {
		if r == ',' || r == ' ' || r == '_' || r == '\u00a0' || r == '\u202f' || r == '.' {
			if sep != 0 && r != sep {
				return 0, fmt.Sprintf("%s mixes separators; write the number as 1200 or 1,200", quoteInput(s))
			}
			sep = r
		}
	}
	digits := t
	if sep != 0 {
		var msg string
		if digits, msg = ungroup(t, sep, s); msg != "" {
			return 0, msg
		}
	}
	if !allDigits(digits) {
		return 0, notANumber(s)
	}
	if len(strings.TrimLeft(digits, "0")) > 12 {
		if neg {
			return 0, fmt.Sprintf("%s is far too small", quoteInput(s))
		}
		return 0, fmt.Sprintf("%s is far too large", quoteInput(s))
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, notANumber(s)
	}
	if neg {
		v = -v
	}
	return int(v), ""
}

// notANumber explains why s is not a whole number.
func notANumber(s string) string {
	t := strings.TrimSpace(s)
	if f, err := strconv.ParseFloat(t, 64); err == nil && !strings.ContainsAny(t, "xXpP") {
		if f == float64(int64(f)) && strings.ContainsAny(t, "eE") {
			return fmt.Sprintf("%s is not a whole number as written (write the digits: %s)", quoteInput(s), strconv.FormatFloat(f, 'f', -1, 64))
		}
		return fmt.Sprintf("%s is not a whole number", quoteInput(s))
	}
	return fmt.Sprintf("%s is not a number", quoteInput(s))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sharedParts calls fn for the parts of a team's merged list: each value
// some named, its weights scaled by the share that named it (and "none"'s
// by the share that named nothing). A value's rules, and its cancelling
// of others, hold only where at least Scoring.Team.ListShare named it:
// a pain two of five named weighs two fifths, but one person's "there is
// a COO" rules nothing out.
func (q *Question) sharedParts(a Answer, fn func(*Part, bool)) {
	q.eachShared(a, func(p *Part, share Points, counts bool) {
		fn(scaledPart(p, share, q.listShare), counts)
	})
}

// eachShared calls fn for each part of a team's merged list with the
// share that named it, unscaled, and whether its points count.
func (q *Question) eachShared(a Answer, fn func(p *Part, share Points, counts bool)) {
	var shares []Points // by option, where values cancel others
	if q.hasUnless() {
		shares = q.shares(a)
	}
	for _, v := range a.Multi {
		o, i := q.Option(v)
		if o == nil {
			continue
		}
		share, ok := a.Share[v]
		if !ok {
			share = pointScale
		}
		fn(&o.Part, share, shares == nil || q.countsShared(i, shares))
	}
	if s := a.Share[""]; s > 0 {
		fn(&q.None.Part, s, true)
	}
}

// scoreShared adds a team's merged list's points and rules to pts and
// ruled as sharedParts gives them, without a part for each value: the
// searches score lists of thousands of values many times.
func (q *Question) scoreShared(a Answer, pts Weights, ruled []int) {
	q.eachShared(a, func(p *Part, share Points, counts bool) {
		if counts {
			for r, w := range p.Weights {
				if r < len(pts) {
					pts[r] += scaleShare(w, share)
				}
			}
		}
		if share >= q.listShare {
			for _, r := range p.RulesOut {
				ruled[r.Role]++
			}
		}
	})
}

// shares is, by option, the share of the team that named each value of a
// merged list (in hundredths; a value without a share was named by all).
func (q *Question) shares(a Answer) []Points {
	shares := make([]Points, len(q.Options))
	for _, v := range a.Multi {
		if _, i := q.Option(v); i >= 0 {
			s, ok := a.Share[v]
			if !ok {
				s = pointScale
			}
			shares[i] = s
		}
	}
	return shares
}

// countsShared reports whether option i's points count in a merged list
// of these shares: not when a value it names in `unless` is held by the
// share that rules.
func (q *Question) countsShared(i int, shares []Points) bool {
	for _, u := range q.Options[i].Unless {
		if shares[u] >= q.listShare {
			return false
		}
	}
	return true
}

// scaledPart is p with its weights scaled by share, and its rules only
// where the share reaches held.
func scaledPart(p *Part, share, held Points) *Part {
	c := *p
	c.Weights = make(Weights, len(p.Weights))
	for i, w := range p.Weights {
		c.Weights[i] = scaleShare(w, share)
	}
	if share < held {
		c.RulesOut = nil
	}
	return &c
}

// scaleShare is points w weighed by share (in hundredths), rounded.
func scaleShare(w, share Points) Points { return (w*share + pointScale/2) / pointScale }
