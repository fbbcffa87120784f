package advisor

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Answer is the answer to one question. Which field is used depends on the
// question's kind; Multi is always in the question's option order, without
// duplicates, so that the order a user lists values in changes nothing.
type Answer struct {
	Int    int
	Choice string
	Multi  []string
	// Share, for a team's merged list, weighs each value of Multi by the
	// share of the team that named it, in hundredths (60: three of five);
	// "" is the share that named nothing. A value without a share counts
	// in full; nil for one person's answer. Of is how many people answered
	// the question.
	Share map[string]Points
	Of    int
	// Held is the share from which a value of a merged list holds in
	// conditions and rules (Scoring.Team.ListShare, in hundredths).
	Held Points
	// Range, for an anonymous team's number that fewer than
	// MinAnonymousDetail gave, is the lowest and highest answer: a brief
	// says the range, since the middle of two would tell one from the
	// other. Int is the middle, for the scoring.
	Range [2]int
}

// Answers maps question ids to answers.
type Answers map[string]Answer

// Clone returns a deep copy.
func (a Answers) Clone() Answers {
	out := make(Answers, len(a))
	for k, v := range a {
		v.Multi = append([]string(nil), v.Multi...)
		v.Share = maps.Clone(v.Share)
		out[k] = v
	}
	return out
}

// Engagement says who a brief is for, who prepared it and when. Answers
// files may carry it in an optional `engagement:` mapping.
type Engagement struct {
	Client     string // the client company
	PreparedBy string // the consultant or person who ran the questions
	Date       string // YYYY-MM-DD; "" when not given
	Respondent string // who answered, when several people do
	Role       string // the respondent's role (CEO, CFO, VP Operations...), when given
}

// Merge returns e with the fields of o that are set.
func (e Engagement) Merge(o Engagement) Engagement {
	for _, f := range []struct{ dst, src *string }{{&e.Client, &o.Client}, {&e.PreparedBy, &o.PreparedBy}, {&e.Date, &o.Date}, {&e.Respondent, &o.Respondent}, {&e.Role, &o.Role}} {
		if *f.src != "" {
			*f.dst = *f.src
		}
	}
	return e
}

// AnswersFile is what an answers file holds.
type AnswersFile struct {
	Answers    Answers
	Engagement Engagement
	// TeamReport is set for a team's JSON brief: its answers are the
	// team's, not one person's.
	TeamReport bool
	// Missing lists, in questionnaire order, the questions without an
	// answer or a default: empty for a complete file.
	Missing []string
	// Abstain lists, in questionnaire order, the questions a team member
	// left unanswered (see ReadOptions.Team); they are not in Answers.
	Abstain []string
	// Questionnaire is the fingerprint of the questions the answers were
	// given to (engagement.questionnaire, which a questionnaire page
	// writes; see Definitions.Fingerprint), or "" when the file names
	// none.
	Questionnaire string
}

// AbstainValue is the answer that leaves a question unanswered in a team
// member's file: "no answer from me".
const AbstainValue = "abstain"

// ReadOptions says how ReadAnswersWith reads an answers file.
type ReadOptions struct {
	// Partial lists the questions left out or left blank in Missing
	// rather than refusing the file: a session resumes by asking them.
	Partial bool
	// Team reads one member of a team's answers: `abstain` leaves a
	// question unanswered (listed in Abstain). Elsewhere it is refused:
	// one person's advice needs every answer.
	Team bool
	// AllowBlank, with Team, takes a question left blank, or left out
	// without a default, as abstained.
	AllowBlank bool
}

// ParseAnswers reads an answers file (YAML, question-id: value) and checks
// every answer against the questions. All problems are reported at once.
// Questions with a default may be left out; the result holds only what the
// file gives (Complete fills in defaults).
func (d *Definitions) ParseAnswers(file string, data []byte) (Answers, error) {
	f, err := d.ReadAnswers(file, data, false)
	if err != nil {
		return nil, err
	}
	return f.Answers, nil
}

// ReadAnswers reads an answers file with its engagement details. The file
// may also be a JSON report of coo-advisor, whose answers and engagement
// are read back. Without partial, every question without a default must be
// answered; with it, the ones left out or left blank are listed in Missing
// (a session resumes by asking them), and only wrong answers are refused.
func (d *Definitions) ReadAnswers(file string, data []byte, partial bool) (*AnswersFile, error) {
	return d.ReadAnswersWith(file, data, ReadOptions{Partial: partial})
}

// ReadAnswersWith reads an answers file as ReadAnswers does, as o says.
func (d *Definitions) ReadAnswersWith(file string, data []byte, o ReadOptions) (*AnswersFile, error) {
	root, err := parseYAML(file, data, "answers")
	if err != nil {
		return nil, err
	}
	pl := &problemList{file: file}
	if root.Kind != yaml.MappingNode {
		pl.addf(root.Line, "", "expected lines of question-id: value, got %s; run `coo-advisor questions --template` for a file to fill in", kindName(root))
		return nil, pl.err()
	}
	r := &answersReader{d: d, o: o, pl: pl, out: &AnswersFile{Answers: Answers{}}, seen: map[string]int{}, ids: d.QuestionIDs()}
	body := readReport(root, r.out, pl)
	if body == root && !r.answersKeys(root) {
		// A file of something else (a roles file, a config) would get a
		// line for each of its keys and each missing answer: one says it.
		fix := "give an answers file (coo-advisor questions --template writes one to fill in)"
		if o.Team {
			fix = "give each person's answers"
		}
		pl.addf(0, "", "not an answers file: none of its keys is a question (%s, ...); %s", strings.Join(r.ids[:min(3, len(r.ids))], ", "), fix)
		return nil, pl.err()
	}
	for i := 0; i+1 < len(body.Content); i += 2 {
		k, v := body.Content[i], body.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == keyEngagement && body == root {
			if r.firstTime(k) {
				r.out.Engagement, r.out.Questionnaire = readEngagement(v, pl)
			}
			continue
		}
		r.answer(k, v)
	}
	r.unanswered()
	if err := pl.err(); err != nil {
		if ie, ok := err.(*InputError); ok && r.gaps == pl.count() {
			ie.OnlyGaps = true
		}
		return nil, err
	}
	return r.out, nil
}

// answersReader reads the answers of an answers file, one by one.
type answersReader struct {
	d    *Definitions
	o    ReadOptions
	pl   *problemList
	out  *AnswersFile
	seen map[string]int // question id (or engagement) -> its line
	ids  []string       // the question ids, for messages
	gaps int            // problems that are answers left out or left blank
	// abstained holds the questions abstained on, in the file's order.
	abstained []string
}

// answersKeys reports whether a mapping may be an answers file: it has no
// keys, or one of them is a question, a near miss of one, the engagement
// or a key of a JSON report.
func (r *answersReader) answersKeys(root *yaml.Node) bool {
	if len(root.Content) == 0 {
		return true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		switch k.Value {
		case keyEngagement, "schema_version", keyRecommended, keyAnswers, "tool", "report_date":
			return true
		}
		if _, ok := r.d.Question(k.Value); ok || suggest(k.Value, r.ids) != "" {
			return true
		}
	}
	return false
}

// firstTime records key k, or reports it as given twice.
func (r *answersReader) firstTime(k *yaml.Node) bool {
	if prev, dup := r.seen[k.Value]; dup {
		r.pl.addf(k.Line, k.Value, "answered twice (first on line %d); keep one", prev)
		return false
	}
	r.seen[k.Value] = k.Line
	return true
}

// answer reads the answer v to the question k names.
func (r *answersReader) answer(k, v *yaml.Node) {
	pl := r.pl
	if k.Kind != yaml.ScalarNode {
		pl.addf(k.Line, "", "keys must be question ids, got %s", kindName(k))
		return
	}
	id := k.Value
	if !r.firstTime(k) {
		return
	}
	q, ok := r.d.Question(id)
	if !ok {
		hint := ""
		if pl.full() {
			pl.addf(k.Line, id, "unknown question")
			return
		}
		if s := suggest(id, r.ids); s != "" {
			hint = fmt.Sprintf("did you mean %s? ", s)
		}
		pl.addf(k.Line, id, "unknown question; %squestions are %s", hint, quoteList(r.ids))
		return
	}
	if v.Kind == yaml.ScalarNode && strings.EqualFold(strings.TrimSpace(v.Value), AbstainValue) {
		if !r.o.Team {
			pl.addf(v.Line, id, "abstain is for a team's answers (coo-advisor team); answer the question, or leave it out if it has a default")
			return
		}
		r.abstained = append(r.abstained, id)
		return
	}
	if v.Kind == yaml.ScalarNode && (v.Tag == tagNull || strings.TrimSpace(v.Value) == "") {
		// Empty means not answered, for lists too: a list left blank in
		// a template (or "" typed in it) must not quietly count as
		// "none". A question with a default then takes it, as when it
		// is left out.
		if r.o.Partial || q.Default != nil || r.o.Team && r.o.AllowBlank {
			delete(r.seen, id)
			return
		}
		pl.addf(v.Line, id, "no answer given; expected %s%s", q.Allowed(), r.abstainHint())
		r.gaps++
		return
	}
	a, ps := q.answerFromNode(v)
	if len(ps) > 0 {
		addValueProblems(pl, id, v, ps, "; expected "+q.Allowed())
		return
	}
	r.out.Answers[id] = a
}

// abstainHint is what a team member's missing answer may also be.
func (r *answersReader) abstainHint() string {
	if r.o.Team {
		return ", or write abstain, or give --allow-blank"
	}
	return ""
}

// unanswered deals with the questions the file leaves out (or blank):
// a default applies; else they are missing (listed in a partial file),
// abstained (a team's, with AllowBlank) or a problem. The abstained
// questions are then listed in questionnaire order.
func (r *answersReader) unanswered() {
	for i := range r.d.Questions {
		q := &r.d.Questions[i]
		if slices.Contains(r.abstained, q.ID) {
			r.out.Abstain = append(r.out.Abstain, q.ID)
			continue
		}
		if _, ok := r.seen[q.ID]; ok || !q.Required() {
			continue
		}
		switch {
		case r.o.Partial:
			r.out.Missing = append(r.out.Missing, q.ID)
		case r.o.Team && r.o.AllowBlank:
			r.out.Abstain = append(r.out.Abstain, q.ID)
		default:
			r.pl.addf(0, q.ID, "missing answer; expected %s%s", q.Allowed(), r.abstainHint())
			r.gaps++
		}
	}
}

// readReport reads what a JSON report of coo-advisor holds besides its
// answers (its engagement, whether it is a team's), and returns the
// mapping of its answers; for an answers file, it returns root.
func readReport(root *yaml.Node, out *AnswersFile, pl *problemList) *yaml.Node {
	report, eng, team := jsonReportParts(root)
	if report == nil {
		return root
	}
	// The YAML reader keeps the last of two keys of the same name without
	// a word, so a report given two answers would be read as its last:
	// every key given twice is refused, in the report as in an answers
	// file (the answers and the engagement report their own).
	checkDuplicateKeys(root, pl, report, eng)
	out.TeamReport = team
	if eng != nil {
		out.Engagement, out.Questionnaire = readEngagement(eng, pl)
	}
	return report
}

// jsonReportParts returns the answers and engagement mappings of a JSON
// report of coo-advisor (a mapping with "recommended" and an "answers"
// mapping), or nil when root is an answers file.
func jsonReportParts(root *yaml.Node) (answers, engagement *yaml.Node, team bool) {
	var hasRecommended bool
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch k, v := root.Content[i].Value, root.Content[i+1]; k {
		case keyRecommended, "schema_version":
			hasRecommended = true
		case keyTeam:
			team = true
		case keyAnswers:
			if v.Kind == yaml.MappingNode && answers == nil {
				answers = v
			}
		case keyEngagement:
			if v.Kind == yaml.MappingNode && engagement == nil {
				engagement = v
			}
		}
	}
	if !hasRecommended || answers == nil {
		return nil, nil, false
	}
	return answers, engagement, team
}

// checkDuplicateKeys reports every key given twice in a mapping of the
// document root, but in the mappings skip, whose readers report their
// own.
func checkDuplicateKeys(root *yaml.Node, pl *problemList, skip ...*yaml.Node) {
	type item struct {
		n    *yaml.Node
		path string
	}
	stack := []item{{root, ""}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if n == nil || slices.Contains(skip, n) {
			continue
		}
		var first map[string]int // key -> its line
		if n.Kind == yaml.MappingNode {
			first = make(map[string]int, len(n.Content)/2)
		}
		// Children go on the stack last first, so that problems come out
		// in document order.
		for i := len(n.Content) - 1; i >= 0; i-- {
			c := n.Content[i]
			switch {
			case n.Kind == yaml.MappingNode && i%2 == 1:
				stack = append(stack, item{c, joinPath(it.path, n.Content[i-1].Value)})
			case n.Kind == yaml.SequenceNode:
				stack = append(stack, item{c, fmt.Sprintf("%s[%d]", it.path, i)})
			}
		}
		for i := 0; first != nil && i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			if prev, dup := first[k.Value]; dup {
				pl.addf(k.Line, joinPath(it.path, k.Value), "given twice (first on line %d); keep one", prev)
				continue
			}
			first[k.Value] = k.Line
		}
	}
}

// keyEngagement is the key of an answers file's engagement details.
const keyEngagement = "engagement"

// engagementField is a field of the engagement details: its key in an
// answers file, and where it is kept.
type engagementField struct {
	key   string
	value *string
}

// fields are e's fields, in the order an answers file writes them.
func (e *Engagement) fields() []engagementField {
	//nolint:goconst // keys of the answers file, not the brief's section ids
	return []engagementField{{"client", &e.Client}, {"prepared_by", &e.PreparedBy}, {"date", &e.Date}, {"respondent", &e.Respondent}, {"role", &e.Role}}
}

var engagementFields = func() []string {
	fields := (&Engagement{}).fields()
	keys := make([]string, 0, len(fields))
	for _, f := range fields {
		keys = append(keys, f.key)
	}
	return keys
}()

// maxEngagementText bounds a name or a client in the engagement details.
const maxEngagementText = 200

// keyQuestionnaire is the engagement's key for the fingerprint of the
// questions the answers were given to: not a detail of the engagement
// (who, when), so it is no field of Engagement, and no brief shows it.
const keyQuestionnaire = "questionnaire"

// readEngagement reads an engagement mapping: each field one line of text;
// the date as YYYY-MM-DD; and the questionnaire's fingerprint, if given.
func readEngagement(n *yaml.Node, pl *problemList) (Engagement, string) {
	var e Engagement
	if n.Kind == yaml.ScalarNode && n.Tag == tagNull {
		return e, ""
	}
	fields, _ := readMapping(n, keyEngagement, pl, append(slices.Clip(engagementFields), keyQuestionnaire), nil)
	fingerprint := ""
	if f, ok := fields[keyQuestionnaire]; ok {
		fingerprint = readFingerprint(f.value, pl)
	}
	text := func(key string, dst *string) {
		f, ok := fields[key]
		if !ok || (f.value.Kind == yaml.ScalarNode && f.value.Tag == tagNull) {
			return
		}
		v := readLine(f.value, "engagement."+key, pl)
		if len([]rune(v)) > maxEngagementText {
			pl.addf(f.value.Line, "engagement."+key, "is longer than %d characters; shorten it", maxEngagementText)
			return
		}
		*dst = v
	}
	for _, f := range e.fields() {
		if f.key != "date" {
			text(f.key, f.value)
		}
	}
	if f, ok := fields["date"]; ok && (f.value.Kind != yaml.ScalarNode || f.value.Tag != tagNull) {
		v := strings.TrimSpace(f.value.Value)
		if f.value.Kind != yaml.ScalarNode {
			pl.addf(f.value.Line, "engagement.date", "expected a date, got %s; write it as YYYY-MM-DD, like 2026-11-26", kindName(f.value))
		} else if msg := CheckDate(v); msg != "" {
			pl.addf(f.value.Line, "engagement.date", "%s", msg)
		} else {
			e.Date = v
		}
	}
	return e, fingerprint
}

// CheckDate says what is wrong with a date that should be YYYY-MM-DD, or
// "" when it is a real date in that form.
func CheckDate(s string) string {
	if _, err := time.Parse("2006-01-02", s); err != nil || len(s) != 10 {
		return fmt.Sprintf("%s is not a date; write it as YYYY-MM-DD, like 2026-11-26", quoteInput(s))
	}
	return ""
}

// CheckEngagementText says what is wrong with a name or a client given on
// the command line or typed in, or "" when it can be used.
func CheckEngagementText(s string) string {
	if bad, what := unsafeRune(s, false); bad >= 0 {
		return fmt.Sprintf("contains %s (%U); remove it", what, bad)
	}
	if len([]rune(s)) > maxEngagementText {
		return fmt.Sprintf("is longer than %d characters; shorten it", maxEngagementText)
	}
	return ""
}

// NextToAsk is the index of the first question, from index from on,
// that has neither an answer in a nor a default: what an interactive
// session asks next. It is -1 when there is none.
func (d *Definitions) NextToAsk(a Answers, from int) int {
	for i := max(from, 0); i < len(d.Questions); i++ {
		q := &d.Questions[i]
		if _, ok := a[q.ID]; !ok && q.Required() {
			return i
		}
	}
	return -1
}

// Complete returns the answers with defaults filled in, or an *InputError
// listing every required question that has no answer and every answer that
// does not fit its question.
func (d *Definitions) Complete(a Answers) (Answers, error) {
	pl := &problemList{file: keyAnswers}
	out := make(Answers, len(d.Questions))
	for id := range a {
		if _, ok := d.Question(id); !ok {
			pl.addf(0, id, "unknown question; questions are %s", quoteList(d.QuestionIDs()))
		}
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		v, ok := a[q.ID]
		if !ok {
			if q.Default == nil {
				pl.addf(0, q.ID, "missing answer; expected %s", q.Allowed())
				continue
			}
			v = *q.Default
		}
		if err := q.Validate(v); err != nil {
			pl.addf(0, q.ID, "%s", strings.TrimPrefix(err.Error(), q.ID+": "))
			continue
		}
		out[q.ID] = q.Normalize(v)
	}
	if err := pl.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// AnswersYAML writes answers, with their engagement details, as an answers
// file that ReadAnswers reads back to the same answers: a comment with
// each question's prompt, then its value. Text is written quoted, so a
// client's name can hold any character YAML gives a meaning to.
func (d *Definitions) AnswersYAML(a Answers, e Engagement) []byte {
	return d.answersYAML(a, e, "")
}

// answersHeader is the first line of an answers file the program writes.
// Its first line starts "# coo-advisor answers file", which FromEmail
// looks for; two lines keep each short (see maxAnswersLine).
const answersHeader = "# coo-advisor answers file:\n# `coo-advisor --answers FILE` opens it again.\n"

// answersYAML writes an answers file (see AnswersYAML), with the
// questionnaire's fingerprint in the engagement when it is not "". A
// questionnaire page writes the same bytes in its script, from the parts
// FormModel gives it.
func (d *Definitions) answersYAML(a Answers, e Engagement, fingerprint string) []byte {
	var b strings.Builder
	b.WriteString(answersHeader)
	if e != (Engagement{}) || fingerprint != "" {
		b.WriteString("\n" + keyEngagement + ":\n")
		for _, f := range e.fields() {
			if *f.value != "" {
				fmt.Fprintf(&b, "  %s: %s\n", f.key, strconv.Quote(*f.value))
			}
		}
		if fingerprint != "" {
			fmt.Fprintf(&b, "  %s: %s\n", keyQuestionnaire, strconv.Quote(fingerprint))
		}
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		v, ok := a[q.ID]
		b.WriteString("\n")
		if !ok {
			b.WriteString(answerComment(q, false))
			fmt.Fprintf(&b, "%s:\n", q.ID)
			continue
		}
		b.WriteString(answerComment(q, true))
		b.WriteString(answerLine(q, v))
	}
	return []byte(b.String())
}

// maxAnswersLine is the longest line of an answers file the program
// writes, in characters. People send the file pasted into an email, and
// mail programs break lines longer than 72 to 78 characters into two;
// a comment or a value broken in two is no longer YAML. The margin is
// for the "> " of a reply that quotes it, twice.
const maxAnswersLine = 66

// answerLine is question q's line in an answers file, answer v: a list
// too long for one line goes on over the next ones, indented (YAML reads
// a list in brackets across lines as one).
func answerLine(q *Question, v Answer) string {
	line := q.ID + ": " + q.rules().templateValue(q, v)
	if !q.IsList() || utf8.RuneCountInString(line) <= maxAnswersLine {
		return line + "\n"
	}
	var b strings.Builder
	cur := q.ID + ": ["
	for i, value := range v.Multi {
		item := value + ","
		if i == len(v.Multi)-1 {
			item = value + "]"
		}
		if i > 0 && utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(item) > maxAnswersLine {
			b.WriteString(cur + "\n")
			cur = "  " + item
			continue
		}
		if i > 0 {
			cur += " "
		}
		cur += item
	}
	b.WriteString(cur + "\n")
	return b.String()
}

// answerComment is the comment above question q's answer in an answers
// file: its prompt and, when it is not answered and has a default, that
// the default applies (the answer is left blank, to be asked on resuming,
// or to take its default).
func answerComment(q *Question, answered bool) string {
	var b strings.Builder
	for _, l := range Wrap(q.Prompt, maxAnswersLine-2) {
		b.WriteString("# " + l + "\n")
	}
	if !answered && q.Default != nil {
		for _, l := range Wrap("Not asked: the default, "+q.Describe(*q.Default)+" ("+q.rules().templateValue(q, *q.Default)+"), applies.", maxAnswersLine-2) {
			b.WriteString("# " + l + "\n")
		}
	}
	return b.String()
}
