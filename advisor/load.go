package advisor

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Source is one definitions file: the name shown in messages and its bytes.
type Source struct {
	Name string
	Data []byte
	// BuiltIn marks the program's own file. Built-in questions read with a
	// user's roles file leave out the points, rules and plans of built-in
	// roles that file does not define (see Definitions.LeftOut), rather
	// than refuse the user's roles.
	BuiltIn bool
}

// LoadFS reads the roles and questions files from fsys and loads them; the
// names in messages are prefix + path.
func LoadFS(fsys fs.FS, rolesPath, questionsPath, prefix string) (*Definitions, error) {
	roles, err := ReadSource(fsys, rolesPath, prefix)
	if err != nil {
		return nil, err
	}
	questions, err := ReadSource(fsys, questionsPath, prefix)
	if err != nil {
		return nil, err
	}
	return Load(roles, questions)
}

// ReadSource reads one file of at most MaxFileSize bytes from fsys.
func ReadSource(fsys fs.FS, path, prefix string) (Source, error) {
	name := prefix + path
	f, err := fsys.Open(path)
	if err != nil {
		return Source{}, &InputError{Problems: []Problem{{File: name, Msg: "cannot be read: " + describeOpenError(err)}}}
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return Source{}, &InputError{Problems: []Problem{{File: name, Msg: "is a directory; give a YAML file"}}}
	}
	data, err := ReadLimited(f)
	if err != nil {
		return Source{}, &InputError{Problems: []Problem{{File: name, Msg: err.Error()}}}
	}
	return Source{Name: name, Data: data, BuiltIn: prefix != ""}, nil
}

// ReadLimited reads r up to MaxFileSize+1 bytes, so that parsers can report
// an over-long file without reading all of it.
func ReadLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	return data, nil
}

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// validID reports whether s matches ^[a-z][a-z0-9]*([_-][a-z0-9]+)*$,
// written out because every run checks dozens of ids and a compiled
// regular expression costs start-up time.
func validID(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	afterSep := false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			afterSep = false
		case c == '-' || c == '_':
			if afterSep {
				return false
			}
			afterSep = true
		default:
			return false
		}
	}
	return !afterSep
}

const idRule = "ids are lowercase letters and digits joined by - or _, like operations-director"

// Load parses and validates a roles file and a questions file. Every
// problem in either file is reported at once, as an *InputError.
func Load(roles, questions Source) (*Definitions, error) {
	// Parsing YAML is most of what a scripted command spends its time on,
	// and the two files are independent until their contents are checked:
	// parse the questions while the roles are read.
	type parsed struct {
		root *yaml.Node
		err  error
	}
	qc := make(chan parsed, 1)
	go func() {
		root, err := parseYAML(questions.Name, questions.Data, "questions")
		qc <- parsed{root, err}
	}()
	d := &Definitions{lenient: questions.BuiltIn && !roles.BuiltIn, builtInRoles: roles.BuiltIn && !questions.BuiltIn}
	rerr := d.loadRoles(roles)
	q := <-qc
	if rerr != nil && len(d.Roles) == 0 {
		// Without roles, weights cannot be checked; report the roles first.
		return nil, rerr
	}
	qerr := q.err
	if qerr == nil {
		qerr = d.loadQuestions(questions.Name, q.root)
	}
	if qerr == nil {
		// The roles' conditions name questions: check them now.
		pl := &problemList{file: roles.Name}
		d.checkConditions(pl)
		rerr = JoinInputErrors(rerr, pl.err())
	}
	if err := JoinInputErrors(rerr, qerr); err != nil {
		return nil, err
	}
	slices.Sort(d.LeftOut)
	d.LeftOut = slices.Compact(d.LeftOut)
	return d, nil
}

// Limits of a definitions file. They are far above any real
// questionnaire, and keep a file built to exhaust the machine (thousands
// of roles times thousands of options) to a few megabytes of memory and a
// fraction of a second.
const (
	MaxRoles     = 50
	MaxQuestions = 200
	MaxOptions   = 5000  // bands or options of one question
	MaxAnswers   = 20000 // bands and options of all the questions
)

var (
	rolesTopFields   = []string{"roles", "tie_break"}
	roleFields       = []string{"id", "title", "short", "summary", "responsibilities", "fits_when", "works_with", "before_hiring", "secondary", "brief"}
	briefFields      = []string{"mission", "reporting_line", "manager", "variants", "decision_rights", "covers", "first_90_days", "success_measures", "next_steps", "cost", "time_to_effect"}
	rightsFields     = []string{"ceo_keeps", "role_owns"}
	periodFields     = []string{"days", "title", "actions", "from_pains", "without_pains"}
	figureFields     = []string{"range", "region", "source"}
	roleRequired     = []string{"id", "title", "summary", "responsibilities", "fits_when", "works_with"}
	respFields       = []string{"id", "name", "description", "action", "measure"}
	respRequired     = []string{"id", "name", "description"}
	planFields       = []string{"recommended", "plan", "min_points", "min_confidence", "factors", "text", "why"}
	planRequired     = []string{"recommended", "plan", "min_points", "text"}
	questionsTop     = []string{"scoring", "factors", "questions", "also_plan_for"}
	factorFields     = []string{"id", "title", "description"}
	factorRequired   = []string{"id", "title"}
	questionFields   = []string{"id", "factor", "title", "prompt", "why", "help", "detail", "kind", "unit", "unit_one", "statement", "min", "max", "bands", "options", "none", "cap", "default"}
	questionRequired = []string{"id", "factor", "title", "prompt", "why", "kind"}
	partFields       = []string{"label", "statement", "weights", "notes", "rules_out", "why", "source", "lever"}
	bandFields       = append([]string{"max"}, partFields...)
	optionFields     = append([]string{"value", "unless", "percent", "off_scale"}, partFields...)
	percentFields    = []string{"from", "over", "below", "upto"}
	ruleFields       = []string{"role", "reason", "source"}
	scoringFields    = []string{"full_lead", "confidence", "close_call", "changes", "reasons", "team"}
	teamFields       = []string{"list_share", "spread", "camp_share", "max_listed"}
	confidenceFields = []string{"below", "word"}
	changesFields    = []string{"shrink", "grow", "option_steps", "toggles", "max_listed"}
)

func (d *Definitions) loadRoles(src Source) error {
	pl := &problemList{file: src.Name}
	root, err := parseYAML(src.Name, src.Data, "roles")
	if err != nil {
		return err
	}
	top, _ := readMapping(root, "", pl, rolesTopFields, rolesTopFields[:1])
	rolesNode, ok := top["roles"]
	if !ok {
		return pl.err()
	}
	list := rolesNode.value
	if list.Kind != yaml.SequenceNode {
		pl.addf(list.Line, "roles", "expected a list of roles, got %s", kindName(list))
		return pl.err()
	}
	if len(list.Content) < 2 {
		pl.addf(list.Line, "roles", "needs at least two roles to choose between, found %d", len(list.Content))
	}
	if len(list.Content) > MaxRoles {
		pl.addf(list.Line, "roles", "%s roles is more than the %d one advice can weigh; keep the roles you are choosing between", GroupDigits(len(list.Content)), MaxRoles)
		return pl.err()
	}
	d.roleIndex = map[string]int{}
	d.respOwner = map[string][2]int{}
	respSeen := map[string]string{} // responsibility id -> "role id (line n)"
	for i, rn := range list.Content {
		path := fmt.Sprintf("roles[%d]", i)
		fields, _ := readMapping(rn, path, pl, roleFields, roleRequired)
		if fields == nil {
			continue
		}
		var r Role
		if e, ok := fields["id"]; ok {
			r.ID = readID(e.value, path+".id", pl)
			if r.ID != "" {
				path = "roles[" + r.ID + "]"
			}
		}
		if e, ok := fields["title"]; ok {
			r.Title = readLine(e.value, path+".title", pl)
		}
		r.Short = r.Title
		if e, ok := fields["short"]; ok {
			r.Short = readLine(e.value, path+".short", pl)
		}
		if e, ok := fields["summary"]; ok {
			r.Summary = readString(e.value, path+".summary", pl)
		}
		if e, ok := fields["works_with"]; ok {
			r.WorksWith = readString(e.value, path+".works_with", pl)
		}
		if e, ok := fields["fits_when"]; ok {
			r.FitsWhen = readStringList(e.value, path+".fits_when", pl)
		}
		if e, ok := fields["before_hiring"]; ok {
			r.BeforeHiring = readConditionals(e.value, path+".before_hiring", pl)
		}
		if e, ok := fields["secondary"]; ok {
			r.Secondary = readBool(e.value, path+".secondary", pl)
		}
		if e, ok := fields["responsibilities"]; ok {
			r.Responsibilities = readResponsibilities(e.value, path+".responsibilities", r.ID, pl, respSeen)
		}
		if e, ok := fields["brief"]; ok {
			r.Brief = readRoleBrief(e.value, path+".brief", pl)
		}
		if r.ID == "" {
			continue
		}
		if prev, dup := d.roleIndex[r.ID]; dup {
			pl.addf(fields["id"].value.Line, path+".id", "duplicate role id %q (also role %d); role ids must be unique", r.ID, prev+1)
			continue
		}
		d.roleIndex[r.ID] = len(d.Roles)
		for j, x := range r.Responsibilities {
			if _, dup := d.respOwner[x.ID]; !dup && x.ID != "" {
				d.respOwner[x.ID] = [2]int{len(d.Roles), j}
			}
		}
		d.Roles = append(d.Roles, r)
	}
	d.TieOrder = make([]int, len(d.Roles))
	for i := range d.TieOrder {
		d.TieOrder[i] = i
	}
	if e, ok := top["tie_break"]; ok {
		d.readTieBreak(e.value, pl)
	}
	return pl.err()
}

// readTieBreak reads the order in which ties are settled: every role once,
// the cheaper and more reversible hire first.
func (d *Definitions) readTieBreak(n *yaml.Node, pl *problemList) {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, "tie_break", "expected a list of role ids, cheaper and more reversible first, got %s", kindName(n))
		return
	}
	seen := map[int]bool{}
	for k, c := range n.Content {
		id := readString(c, fmt.Sprintf("tie_break[%d]", k), pl)
		i, ok := d.roleIndex[id]
		switch {
		case id == "":
		case !ok:
			pl.addf(c.Line, fmt.Sprintf("tie_break[%d]", k), "unknown role %s; roles are %s", quoteInput(id), quoteList(d.RoleIDs()))
		case seen[i]:
			pl.addf(c.Line, fmt.Sprintf("tie_break[%d]", k), "role %q is listed twice; list each role once", id)
		default:
			seen[i] = true
			d.TieOrder[i] = k
		}
	}
	var missing []string
	for i, r := range d.Roles {
		if !seen[i] {
			missing = append(missing, r.ID)
		}
	}
	if len(missing) > 0 && len(seen) > 0 {
		pl.addf(n.Line, "tie_break", "does not list %s; list every role once, the cheaper and more reversible hire first", quoteList(missing))
	}
}

// readPlans reads also_plan_for: for a recommended role, another role to
// plan for beside it when that role's own points (from the factors named)
// reach min_points.
func (d *Definitions) readPlans(n *yaml.Node, pl *problemList) {
	const path = "also_plan_for"
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of {recommended, plan, min_points, text}, got %s", kindName(n))
		return
	}
	role := func(fields map[string]entry, key, p string) int {
		e, found := fields[key]
		if !found {
			return -1
		}
		id := readString(e.value, p+"."+key, pl)
		i, known := d.roleIndex[id]
		if id != "" && !known {
			d.unknownRole(e.value.Line, p+"."+key, id, pl)
			return -1
		}
		if !known {
			return -1
		}
		return i
	}
	for k, c := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, k)
		fields, _ := readMapping(c, p, pl, planFields, planRequired)
		if fields == nil {
			continue
		}
		rec, other := role(fields, "recommended", p), role(fields, "plan", p)
		ok := rec >= 0 && other >= 0
		if ok && rec == other {
			pl.addf(fields["plan"].value.Line, p+".plan", "a role cannot plan for itself; name another role")
			ok = false
		}
		ap := AlsoPlan{Role: other}
		if e, found := fields["min_points"]; found {
			v, msg := parsePoints(e.value)
			if msg != "" {
				pl.addf(e.value.Line, p+".min_points", "%s; expected points, a number of 0 or more", msg)
				ok = false
			}
			ap.MinPoints = v
		}
		if e, found := fields["min_confidence"]; found {
			v, valid := readShare(e.value, p+".min_confidence", pl)
			ap.MinConfidence = v
			ok = ok && valid
		}
		if e, found := fields["text"]; found {
			ap.Text = readString(e.value, p+".text", pl)
		}
		if e, found := fields["why"]; found {
			ap.Why = readString(e.value, p+".why", pl)
		}
		if e, found := fields["factors"]; found {
			for _, f := range readStringList(e.value, p+".factors", pl) {
				if _, known := d.factorIndex[f]; !known {
					pl.addf(e.value.Line, p+".factors", "unknown factor %s; factors are %s", quoteInput(f), quoteList(d.factorIDs()))
					ok = false
				}
				ap.Factors = append(ap.Factors, f)
			}
		}
		if ok {
			d.Roles[rec].AlsoPlan = append(d.Roles[rec].AlsoPlan, ap)
		}
	}
}

// readRoleBrief reads what a client receives about a role.
// eachItem calls fn for each item of a list, with the item's path, or
// says the node is not a list of what.
func eachItem(n *yaml.Node, path, what string, pl *problemList, fn func(c *yaml.Node, p string)) {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of %s, got %s", what, kindName(n))
		return
	}
	for i, c := range n.Content {
		fn(c, fmt.Sprintf("%s[%d]", path, i))
	}
}

// readVariant reads one variant of a role brief: a condition, and the
// reporting line and manager it gives (the brief's own where it says
// nothing).
func readVariant(c *yaml.Node, p string, b RoleBrief, pl *problemList) (BriefVariant, bool) {
	vf, _ := readMapping(c, p, pl, variantFields, nil)
	if vf == nil {
		return BriefVariant{}, false
	}
	v := BriefVariant{If: readCondition(vf, p, pl), ReportingLine: b.ReportingLine, Manager: b.Manager}
	if f, ok := vf["reporting_line"]; ok {
		v.ReportingLine = readString(f.value, p+".reporting_line", pl)
	}
	if f, ok := vf["manager"]; ok {
		v.Manager = readLine(f.value, p+".manager", pl)
	}
	return v, true
}

// readPeriod reads one period of the first 90 days.
func readPeriod(c *yaml.Node, p string, pl *problemList) Period {
	pf, _ := readMapping(c, p, pl, periodFields, []string{"days", "title"})
	var per Period
	if f, ok := pf["days"]; ok {
		per.Days = readLine(f.value, p+".days", pl)
	}
	if f, ok := pf["title"]; ok {
		per.Title = readLine(f.value, p+".title", pl)
	}
	if f, ok := pf["actions"]; ok {
		per.Actions = readStringList(f.value, p+".actions", pl)
	}
	if f, ok := pf["from_pains"]; ok {
		per.FromPains = readSmallInt(f.value, p+".from_pains", 0, 10, pl, 0)
	}
	if f, ok := pf["without_pains"]; ok {
		per.WithoutPains = readStringList(f.value, p+".without_pains", pl)
	}
	if len(per.Actions) == 0 && len(per.WithoutPains) == 0 {
		pl.addf(c.Line, p, "a period needs actions, or without_pains (the actions used when the client's pains give none)")
	}
	return per
}

func readRoleBrief(n *yaml.Node, path string, pl *problemList) RoleBrief {
	var b RoleBrief
	fields, _ := readMapping(n, path, pl, briefFields, nil)
	if e, ok := fields["mission"]; ok {
		b.Mission = readString(e.value, path+".mission", pl)
	}
	if e, ok := fields["reporting_line"]; ok {
		b.ReportingLine = readString(e.value, path+".reporting_line", pl)
	}
	b.Manager = "CEO"
	if e, ok := fields["manager"]; ok {
		b.Manager = readLine(e.value, path+".manager", pl)
	}
	if e, ok := fields["variants"]; ok {
		eachItem(e.value, path+".variants", "{when, reporting_line, manager}", pl, func(c *yaml.Node, p string) {
			if v, ok := readVariant(c, p, b, pl); ok {
				b.Variants = append(b.Variants, v)
			}
		})
	}
	if e, ok := fields["decision_rights"]; ok {
		rf, _ := readMapping(e.value, path+".decision_rights", pl, rightsFields, rightsFields)
		if c, ok := rf["ceo_keeps"]; ok {
			b.CEOKeeps = readStringList(c.value, path+".decision_rights.ceo_keeps", pl)
		}
		if c, ok := rf["role_owns"]; ok {
			b.RoleOwns = readStringList(c.value, path+".decision_rights.role_owns", pl)
		}
	}
	if e, ok := fields["covers"]; ok {
		b.Covers = readStringList(e.value, path+".covers", pl)
	}
	if e, ok := fields["first_90_days"]; ok {
		eachItem(e.value, path+".first_90_days", "{days, title, actions}", pl, func(c *yaml.Node, p string) {
			b.Periods = append(b.Periods, readPeriod(c, p, pl))
		})
	}
	if e, ok := fields["success_measures"]; ok {
		b.Measures = readStringList(e.value, path+".success_measures", pl)
	}
	if e, ok := fields["next_steps"]; ok {
		b.NextSteps = readStringList(e.value, path+".next_steps", pl)
	}
	figure := func(key string, dst *Figure) {
		e, ok := fields[key]
		if !ok {
			return
		}
		ff, _ := readMapping(e.value, path+"."+key, pl, figureFields, []string{"range"})
		if f, ok := ff["range"]; ok {
			dst.Range = readString(f.value, path+"."+key+".range", pl)
		}
		if f, ok := ff["region"]; ok {
			dst.Region = readLine(f.value, path+"."+key+".region", pl)
		}
		if f, ok := ff["source"]; ok {
			dst.Source = readString(f.value, path+"."+key+".source", pl)
		}
	}
	figure("cost", &b.Cost)
	figure("time_to_effect", &b.Effect)
	return b
}

func readResponsibilities(n *yaml.Node, path, roleID string, pl *problemList, seen map[string]string) []Responsibility {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of responsibilities, got %s", kindName(n))
		return nil
	}
	if len(n.Content) == 0 {
		pl.addf(n.Line, path, "needs at least one responsibility")
	}
	var out []Responsibility
	for i, c := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		fields, _ := readMapping(c, p, pl, respFields, respRequired)
		if fields == nil {
			continue
		}
		var r Responsibility
		if e, ok := fields["id"]; ok {
			r.ID = readID(e.value, p+".id", pl)
			if r.ID != "" {
				where := fmt.Sprintf("role %s, line %d", roleID, e.value.Line)
				if prev, dup := seen[r.ID]; dup {
					pl.addf(e.value.Line, p+".id", "duplicate responsibility id %q (also in %s); responsibility ids must be unique across roles", r.ID, prev)
				}
				seen[r.ID] = where
			}
		}
		if e, ok := fields["name"]; ok {
			r.Name = readLine(e.value, p+".name", pl)
		}
		if e, ok := fields["description"]; ok {
			r.Description = readString(e.value, p+".description", pl)
		}
		if e, ok := fields["action"]; ok {
			r.Action = readString(e.value, p+".action", pl)
		}
		if e, ok := fields["measure"]; ok {
			r.Measure = readString(e.value, p+".measure", pl)
		}
		out = append(out, r)
	}
	return out
}

func readID(n *yaml.Node, path string, pl *problemList) string {
	if n.Kind != yaml.ScalarNode || n.Tag == tagNull {
		pl.addf(n.Line, path, "expected an id, got %s", kindName(n))
		return ""
	}
	s := strings.TrimSpace(n.Value)
	if !validID(s) {
		pl.addf(n.Line, path, "%s is not a valid id; %s", quoteInput(s), idRule)
		return ""
	}
	return s
}

func (d *Definitions) loadQuestions(file string, root *yaml.Node) error {
	pl := &problemList{file: file}
	top, _ := readMapping(root, "", pl, questionsTop, []string{"factors", "questions"})
	d.Scoring = defaultScoring()
	if e, ok := top["scoring"]; ok {
		d.readScoring(e.value, pl)
	}
	if e, ok := top["factors"]; ok {
		d.loadFactors(e.value, pl)
	}
	if e, ok := top["also_plan_for"]; ok {
		d.readPlans(e.value, pl)
	}
	e, ok := top["questions"]
	if !ok {
		return pl.err()
	}
	list := e.value
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
	if len(pl.problems) == 0 {
		d.checkRulesLeaveARole(pl)
	}
	return pl.err()
}

// readScoring reads the numbers that turn scores into advice; any left
// out keep their defaults.
func (d *Definitions) readScoring(n *yaml.Node, pl *problemList) {
	fields, _ := readMapping(n, "scoring", pl, scoringFields, nil)
	s := &d.Scoring
	if e, ok := fields["full_lead"]; ok {
		switch v, msg := parsePoints(e.value); {
		case msg != "":
			pl.addf(e.value.Line, "scoring.full_lead", "%s; expected the lead, in points, that reads as a confidence of 100%%", msg)
		case v <= 0:
			pl.addf(e.value.Line, "scoring.full_lead", "must be above 0: it is the lead, in points, that reads as a confidence of 100%%")
		default:
			s.FullLead = v
		}
	}
	share := func(e entry, path string, dst *float64) {
		v, ok := readShare(e.value, path, pl)
		if ok {
			*dst = v
		}
	}
	if e, ok := fields["close_call"]; ok {
		share(e, "scoring.close_call", &s.CloseCall)
	}
	if e, ok := fields["reasons"]; ok {
		s.Reasons = readSmallInt(e.value, "scoring.reasons", 1, 100, pl, s.Reasons)
	}
	if e, ok := fields["confidence"]; ok {
		d.readConfidence(e.value, pl)
	}
	if e, ok := fields["changes"]; ok {
		d.readChanges(e.value, pl)
	}
	if e, ok := fields["team"]; ok {
		d.readTeamScoring(e.value, pl)
	}
}

// readChanges reads the bounds of "what would change the advice".
func (d *Definitions) readChanges(n *yaml.Node, pl *problemList) {
	s := &d.Scoring
	cf, _ := readMapping(n, "scoring.changes", pl, changesFields, nil)
	if c, ok := cf["shrink"]; ok {
		v, ok := readShare(c.value, "scoring.changes.shrink", pl)
		switch {
		case !ok:
		case v <= 0 || v >= 1:
			pl.addf(c.value.Line, "scoring.changes.shrink", "expected a share between 0 and 1 (0.5: half of today's answer)")
		default:
			s.Shrink = v
		}
	}
	if c, ok := cf["grow"]; ok {
		switch v, msg := parseDecimal(c.value); {
		case msg != "":
			pl.addf(c.value.Line, "scoring.changes.grow", "%s; expected a factor above 1 (2: double today's answer)", msg)
		case v <= 1 || v > 1000:
			pl.addf(c.value.Line, "scoring.changes.grow", "%s is out of range; expected a factor above 1 and up to 1000 (2: double today's answer)", c.value.Value)
		default:
			s.Grow = v
		}
	}
	if c, ok := cf["option_steps"]; ok {
		s.OptionSteps = readSmallInt(c.value, "scoring.changes.option_steps", 0, 100, pl, s.OptionSteps)
	}
	if c, ok := cf["toggles"]; ok {
		s.Toggles = readSmallInt(c.value, "scoring.changes.toggles", 0, 5, pl, s.Toggles)
	}
	if c, ok := cf["max_listed"]; ok {
		s.MaxChanges = readSmallInt(c.value, "scoring.changes.max_listed", 0, 100, pl, s.MaxChanges)
	}
}

// readTeamScoring reads how a team's answers are merged.
func (d *Definitions) readTeamScoring(n *yaml.Node, pl *problemList) {
	tf, _ := readMapping(n, "scoring.team", pl, teamFields, nil)
	t := &d.Scoring.Team
	positiveShare := func(key string, dst *float64) {
		c, ok := tf[key]
		if !ok {
			return
		}
		v, ok := readShare(c.value, "scoring.team."+key, pl)
		switch {
		case !ok:
		case v <= 0:
			pl.addf(c.value.Line, "scoring.team."+key, "expected a share above 0 and up to 1 (0.5: half the team)")
		default:
			*dst = v
		}
	}
	positiveShare("list_share", &t.ListShare)
	positiveShare("camp_share", &t.CampShare)
	if c, ok := tf["spread"]; ok {
		t.Spread = readSmallInt(c.value, "scoring.team.spread", 1, 100, pl, t.Spread)
	}
	if c, ok := tf["max_listed"]; ok {
		t.MaxListed = readSmallInt(c.value, "scoring.team.max_listed", 1, 1000, pl, t.MaxListed)
	}
}

// readConfidence reads the confidence words, smallest lead first: every
// step but the last has a rising bound.
func (d *Definitions) readConfidence(n *yaml.Node, pl *problemList) {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, "scoring.confidence", "expected a list of {below, word}, the smallest lead first, got %s", kindName(n))
		return
	}
	if len(n.Content) == 0 {
		pl.addf(n.Line, "scoring.confidence", "needs at least one word; list {below, word} steps, the smallest lead first, the last without below")
		return
	}
	var steps []ConfidenceStep
	prev := 0.0
	for i, c := range n.Content {
		p := fmt.Sprintf("scoring.confidence[%d]", i)
		last := i == len(n.Content)-1
		req := []string{"below", "word"}
		if last {
			req = []string{"word"}
		}
		fields, _ := readMapping(c, p, pl, confidenceFields, req)
		if fields == nil {
			return
		}
		var st ConfidenceStep
		if e, ok := fields["word"]; ok {
			st.Word = readLine(e.value, p+".word", pl)
		}
		if e, ok := fields["below"]; ok {
			v, ok := readShare(e.value, p+".below", pl)
			switch {
			case !ok:
			case last:
				pl.addf(e.value.Line, p+".below", "the last word has no bound; drop below")
			case v <= prev:
				pl.addf(e.value.Line, p+".below", "bounds must rise above %s", strconv.FormatFloat(prev, 'f', -1, 64))
			default:
				st.Below, prev = v, v
			}
		}
		steps = append(steps, st)
	}
	d.Scoring.Confidence = steps
}

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
		p := fmt.Sprintf("factors[%d]", i)
		fields, _ := readMapping(c, p, pl, factorFields, factorRequired)
		if fields == nil {
			continue
		}
		var f Factor
		if e, ok := fields["id"]; ok {
			f.ID = readID(e.value, p+".id", pl)
			if prev, dup := d.factorIndex[f.ID]; dup && f.ID != "" {
				pl.addf(e.value.Line, p+".id", "duplicate factor id %q (also factor %d); factor ids must be unique", f.ID, prev+1)
				continue
			}
		}
		if e, ok := fields["title"]; ok {
			f.Title = readLine(e.value, p+".title", pl)
		}
		if e, ok := fields["description"]; ok {
			f.Description = readString(e.value, p+".description", pl)
		}
		if f.ID == "" {
			continue
		}
		d.factorIndex[f.ID] = len(d.Factors)
		d.Factors = append(d.Factors, f)
	}
}

// readQuestion reads one question; ok is false when it is too broken to keep.
func (d *Definitions) readQuestion(n *yaml.Node, i int, pl *problemList) (q Question, idLine int, ok bool) {
	path := fmt.Sprintf("questions[%d]", i)
	fields, _ := readMapping(n, path, pl, questionFields, questionRequired)
	if fields == nil {
		return q, 0, false
	}
	before := len(pl.problems)
	if e, ok := fields["id"]; ok {
		q.ID = readID(e.value, path+".id", pl)
		idLine = e.value.Line
		if q.ID != "" {
			path = "questions[" + q.ID + "]"
		}
	}
	str := func(key string, dst *string, oneLine bool) {
		if e, ok := fields[key]; ok {
			if oneLine {
				*dst = readLine(e.value, path+"."+key, pl)
			} else {
				*dst = readString(e.value, path+"."+key, pl)
			}
		}
	}
	str("title", &q.Title, true)
	str("prompt", &q.Prompt, false)
	str("why", &q.Why, false)
	str("help", &q.Help, false)
	str("detail", &q.Detail, false)
	str("unit", &q.Unit, true)
	str("unit_one", &q.UnitOne, true)
	str("statement", &q.Statement, true)
	if q.UnitOne == "" {
		q.UnitOne = q.Unit
	}
	if e, ok := fields["factor"]; ok {
		q.Factor = readString(e.value, path+".factor", pl)
		if q.Factor != "" && d.factorIndex != nil {
			if _, known := d.factorIndex[q.Factor]; !known {
				pl.addf(e.value.Line, path+".factor", "unknown factor %s; factors are %s", quoteInput(q.Factor), quoteList(d.factorIDs()))
			}
		}
	}
	var kindLine int
	if e, ok := fields["kind"]; ok {
		kindLine = e.value.Line
		k := readString(e.value, path+".kind", pl)
		if k != "" && !contains(allKinds, k) {
			pl.addf(e.value.Line, path+".kind", "%s is not a kind; kinds are %s", quoteInput(k), quoteList(allKinds))
		} else {
			q.Kind = Kind(k)
		}
	}
	if e, ok := fields["cap"]; ok {
		switch v, msg := parsePoints(e.value); {
		case msg != "":
			pl.addf(e.value.Line, path+".cap", "%s; expected the most points one role can get from this question", msg)
		case v <= 0:
			pl.addf(e.value.Line, path+".cap", "must be above 0: it is the most points one role can get from this question")
		default:
			q.Cap = v
		}
	}
	forbid := func(keys ...string) {
		for _, k := range keys {
			if e, ok := fields[k]; ok {
				pl.addf(e.key.Line, path+"."+k, "not used by %s questions; remove it", q.Kind)
			}
		}
	}
	need := func(keys ...string) {
		for _, k := range keys {
			if _, ok := fields[k]; !ok {
				pl.addf(kindLine, path, "%s questions need %q", q.Kind, k)
			}
		}
	}
	switch q.Kind {
	case KindInteger:
		forbid("options", "none")
		need("unit", "min", "max", "bands")
		d.readIntegerSpec(&q, fields, path, pl)
	case KindChoice, KindMulti:
		forbid("unit", "unit_one", "min", "max", "bands")
		need("options")
		if q.Kind == KindChoice {
			forbid("none")
		}
		if e, ok := fields["options"]; ok {
			q.Options = d.readOptions(e.value, path+".options", q.Kind, pl)
		}
		q.optionIndex = make(map[string]int, len(q.Options))
		for j, o := range q.Options {
			if _, dup := q.optionIndex[o.Value]; !dup {
				q.optionIndex[o.Value] = j
			}
		}
		if q.Kind == KindMulti {
			d.resolveUnless(&q, path+".options", pl)
		}
		q.None = Option{Part: Part{Label: "None", Weights: make(Weights, len(d.Roles))}}
		if e, ok := fields["none"]; ok && q.Kind == KindMulti {
			nf, _ := readMapping(e.value, path+".none", pl, partFields, []string{"label"})
			if nf != nil {
				d.readPart(&q.None.Part, nf, e.value.Line, path+".none", pl)
			}
		}
	}
	if q.Kind != "" {
		line := 0
		if e, ok := fields["statement"]; ok {
			line = e.value.Line
		}
		checkPlaceholders(q.Statement, line, path+".statement", q.Kind, pl)
		for i := range q.Bands {
			checkPlaceholders(q.Bands[i].Statement, q.Bands[i].Line, fmt.Sprintf("%s.bands[%d].statement", path, i), q.Kind, pl)
		}
		for i := range q.Options {
			checkPlaceholders(q.Options[i].Statement, q.Options[i].Line, fmt.Sprintf("%s.options[%d].statement", path, i), q.Kind, pl)
		}
		checkPlaceholders(q.None.Statement, q.None.Line, path+".none.statement", q.Kind, pl)
	}
	if e, ok := fields["default"]; ok && q.Kind != "" && len(pl.problems) == before {
		a, msg := q.answerFromNode(e.value)
		if msg != "" {
			pl.addf(e.value.Line, path+".default", "%s; allowed: %s", msg, q.Allowed())
		} else {
			q.Default = &a
		}
	}
	return q, idLine, q.ID != "" && len(pl.problems) == before
}

func (d *Definitions) factorIDs() []string {
	ids := make([]string, len(d.Factors))
	for i, f := range d.Factors {
		ids[i] = f.ID
	}
	return ids
}

// placeholders are what a statement may name, by kind of question: a
// number's value and unit, a list's values.
var placeholders = map[Kind][]string{
	KindInteger: {"{value}", "{unit}"},
	KindMulti:   {"{list}"},
}

// checkPlaceholders refuses a {word} in a statement that the question's
// kind does not fill in: it would reach the client as it is.
func checkPlaceholders(s string, line int, key string, k Kind, pl *problemList) {
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
		if strings.ContainsAny(word[1:], "{ ") || slices.Contains(placeholders[k], word) {
			continue // not a placeholder, or one the question fills in
		}
		allowed := "take no placeholders"
		if len(placeholders[k]) > 0 {
			allowed = "may use " + strings.Join(placeholders[k], " and ")
		}
		kind := map[Kind]string{KindInteger: "a number", KindChoice: "a choice", KindMulti: "a list"}[k]
		pl.addf(line, key, "%s is not filled in for %s question; its statements %s", quoteInput(word), kind, allowed)
	}
}

func (d *Definitions) readIntegerSpec(q *Question, fields map[string]entry, path string, pl *problemList) {
	okMin, okMax := false, false
	if e, ok := fields["min"]; ok {
		q.Min, okMin = readInt(e.value, path+".min", pl, "a whole number")
	}
	if e, ok := fields["max"]; ok {
		q.Max, okMax = readInt(e.value, path+".max", pl, "a whole number")
	}
	if okMin && okMax && q.Min >= q.Max {
		pl.addf(fields["max"].value.Line, path+".max", "must be greater than min (%d)", q.Min)
		return
	}
	e, ok := fields["bands"]
	if !ok || !okMin || !okMax {
		return
	}
	n := e.value
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path+".bands", "expected a list of bands, got %s", kindName(n))
		return
	}
	if len(n.Content) == 0 {
		pl.addf(n.Line, path+".bands", "needs at least one band; give each band a max (and a label and weights), leaving max out of the last")
		return
	}
	if len(n.Content) > MaxOptions {
		pl.addf(n.Line, path+".bands", "%s bands is more than the %s one question may have", GroupDigits(len(n.Content)), GroupDigits(MaxOptions))
		return
	}
	lo := q.Min
	for i, bn := range n.Content {
		p := fmt.Sprintf("%s.bands[%d]", path, i)
		last := i == len(n.Content)-1
		req := []string{"label", "max"}
		if last {
			req = []string{"label"}
		}
		bf, _ := readMapping(bn, p, pl, bandFields, req)
		if bf == nil {
			return
		}
		b := Band{Min: lo, Max: q.Max}
		d.readPart(&b.Part, bf, bn.Line, p, pl)
		if m, ok := bf["max"]; ok {
			v, ok := readInt(m.value, p+".max", pl, "a whole number")
			if !ok {
				return
			}
			switch {
			case v < lo:
				pl.addf(m.value.Line, p+".max", "%d is below where this band starts (%d); band maxima must rise", v, lo)
				return
			case v > q.Max:
				pl.addf(m.value.Line, p+".max", "%d is above the question's max (%d)", v, q.Max)
				return
			case last && v != q.Max:
				pl.addf(m.value.Line, p+".max", "the last band ends at %d but answers go up to %d; drop max from the last band", v, q.Max)
				return
			case !last && v == q.Max:
				pl.addf(m.value.Line, p+".max", "this band already reaches the question's max (%d); bands after it can never apply", q.Max)
				return
			}
			b.Max = v
		}
		q.Bands = append(q.Bands, b)
		lo = b.Max + 1
	}
}

func (d *Definitions) readOptions(n *yaml.Node, path string, kind Kind, pl *problemList) []Option {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of options, got %s", kindName(n))
		return nil
	}
	minOpts := 2
	if kind == KindMulti {
		minOpts = 1
	}
	if len(n.Content) > MaxOptions {
		pl.addf(n.Line, path, "%s options is more than the %s one question may have", GroupDigits(len(n.Content)), GroupDigits(MaxOptions))
		return nil
	}
	if len(n.Content) < minOpts {
		what := "options"
		if minOpts == 1 {
			what = "option"
		}
		pl.addf(n.Line, path, "%s questions need at least %d %s, found %d", kind, minOpts, what, len(n.Content))
	}
	var out []Option
	seen := map[string]int{}
	for i, on := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		of, _ := readMapping(on, p, pl, optionFields, []string{"value", "label"})
		if of == nil {
			continue
		}
		var o Option
		if e, ok := of["value"]; ok {
			o.Value = readID(e.value, p+".value", pl)
			if kind == KindMulti && o.Value == "none" {
				pl.addf(e.value.Line, p+".value", `"none" means an empty list in answers; call the option something else`)
				o.Value = ""
			}
			if prev, dup := seen[o.Value]; dup && o.Value != "" {
				pl.addf(e.value.Line, p+".value", "duplicate value %q (also on line %d); values must be unique", o.Value, prev)
			}
			seen[o.Value] = e.value.Line
		}
		d.readPart(&o.Part, of, on.Line, p, pl)
		if e, ok := of["off_scale"]; ok {
			o.OffScale = readBool(e.value, p+".off_scale", pl)
		}
		if e, ok := of["percent"]; ok {
			o.Range = readPercentRange(e.value, p+".percent", pl)
			for _, prev := range out {
				if overlaps(prev.Range, o.Range) {
					pl.addf(e.value.Line, p+".percent", "overlaps the range of %q; a percentage must pick one option", prev.Value)
				}
			}
		}
		if e, ok := of["unless"]; ok {
			if kind != KindMulti {
				pl.addf(e.key.Line, p+".unless", "only multi-choice options can be cancelled by another option; remove it")
			} else {
				// Resolved to indexes once every value is known.
				o.unlessNode = e.value
			}
		}
		out = append(out, o)
	}
	return out
}

// readPercentRange reads the percentages an option stands for: a lower
// bound, from (included) or over (not included), an upper bound, below
// (not included) or upto (included), or both.
func readPercentRange(n *yaml.Node, path string, pl *problemList) PercentRange {
	var r PercentRange
	fields, _ := readMapping(n, path, pl, percentFields, nil)
	read := func(key string) (float64, bool) {
		e, ok := fields[key]
		if !ok {
			return 0, false
		}
		v, msg := parseSignedDecimal(e.value)
		if msg != "" {
			pl.addf(e.value.Line, path+"."+key, "%s; expected a percentage, like 10", msg)
			return 0, false
		}
		return v, true
	}
	both := func(a, b string) {
		if _, ok := fields[a]; ok {
			if _, ok := fields[b]; ok {
				pl.addf(n.Line, path, "give %s or %s, not both", a, b)
			}
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

// parseSignedDecimal reads a plain decimal that may be negative.
func parseSignedDecimal(n *yaml.Node) (float64, string) {
	if n.Kind == yaml.ScalarNode && strings.HasPrefix(strings.TrimSpace(n.Value), "-") {
		c := *n
		c.Value = strings.TrimPrefix(strings.TrimSpace(n.Value), "-")
		v, msg := parseDecimal(&c)
		return -v, msg
	}
	return parseDecimal(n)
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
			default:
				o.Unless = append(o.Unless, j)
			}
		}
	}
}

// readPart reads what a band, option or none says: label, weights, notes,
// rules, rationale and whether it is a lever.
func (d *Definitions) readPart(pt *Part, fields map[string]entry, line int, path string, pl *problemList) {
	pt.Line = line
	pt.Weights = make(Weights, len(d.Roles))
	if e, ok := fields["label"]; ok {
		pt.Label = readLine(e.value, path+".label", pl)
	}
	if e, ok := fields["weights"]; ok {
		pt.Weights = d.readWeights(e.value, path+".weights", pl)
	}
	if e, ok := fields["notes"]; ok {
		pt.Notes = d.readNotes(e.value, path+".notes", pl)
	}
	if e, ok := fields["why"]; ok {
		pt.Why = readString(e.value, path+".why", pl)
	}
	if e, ok := fields["statement"]; ok {
		pt.Statement = readLine(e.value, path+".statement", pl)
	}
	if e, ok := fields["source"]; ok {
		pt.Source = readString(e.value, path+".source", pl)
	}
	if e, ok := fields["lever"]; ok {
		pt.NoLever = !readBool(e.value, path+".lever", pl)
	}
	if e, ok := fields["rules_out"]; ok {
		pt.RulesOut = d.readRules(e.value, path+".rules_out", pl)
	}
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
		p := fmt.Sprintf("%s[%d]", path, k)
		fields, _ := readMapping(c, p, pl, ruleFields, []string{"role", "reason"})
		if fields == nil {
			continue
		}
		r := Rule{Line: c.Line}
		ok := true
		if e, found := fields["role"]; found {
			id := readString(e.value, p+".role", pl)
			i, known := d.roleIndex[id]
			switch {
			case id == "":
				ok = false
			case !known:
				d.unknownRole(e.value.Line, p+".role", id, pl)
				ok = false
			case seen[i]:
				pl.addf(e.value.Line, p+".role", "role %q is ruled out twice by this answer; keep one rule", id)
				ok = false
			}
			r.Role = i
			if known {
				seen[i] = true
			}
		}
		if e, found := fields["reason"]; found {
			r.Reason = readString(e.value, p+".reason", pl)
		}
		if e, found := fields["source"]; found {
			r.Source = readString(e.value, p+".source", pl)
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// readNotes reads {role-id: text}: what to tell the user when this answer
// was given and that role is recommended.
func (d *Definitions) readNotes(n *yaml.Node, path string, pl *problemList) Notes {
	fields, order := readMapping(n, path, pl, nil, nil)
	var notes Notes
	for _, id := range order {
		e := fields[id]
		i, ok := d.roleIndex[id]
		if !ok {
			d.unknownRole(e.key.Line, joinPath(path, id), id, pl)
			continue
		}
		if text := readString(e.value, path+"."+id, pl); text != "" {
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
	fields, order := readMapping(n, path, pl, nil, nil)
	for _, id := range order {
		e := fields[id]
		i, ok := d.roleIndex[id]
		if !ok {
			d.unknownRole(e.key.Line, joinPath(path, id), id, pl)
			continue
		}
		v, msg := parsePoints(e.value)
		if msg != "" {
			pl.addf(e.value.Line, path+"."+id, "%s; expected points, a number of 0 or more", msg)
			continue
		}
		w[i] = v
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

// maxWeight is the largest number of points a weight may give.
const maxWeight = 10000 * pointScale

// parsePoints reads points as a decimal with at most two decimals ("3",
// "1.5", "0.25"): scores are exact sums of them.
func parsePoints(n *yaml.Node) (Points, string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != tagInt && n.Tag != tagFloat) {
		return 0, "got " + kindName(n)
	}
	s := strings.TrimPrefix(strings.TrimSpace(n.Value), "+")
	if strings.HasPrefix(s, "-") {
		return 0, fmt.Sprintf("%s is negative (give points to the other roles instead)", s)
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if !allDigits(whole) || (hasDot && frac != "" && !allDigits(frac)) || (hasDot && frac == "") {
		return 0, fmt.Sprintf("%s is not written as points (write decimal digits, like 2 or 1.5)", quoteInput(s))
	}
	if len(frac) > 2 {
		return 0, fmt.Sprintf("%s has more than two decimals (points go to the hundredth, like 1.25)", s)
	}
	if len(strings.TrimLeft(whole, "0")) > 6 {
		return 0, fmt.Sprintf("%s is too large (keep points at %s or below)", s, Points(maxWeight))
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt((frac + "0")[:2], 10, 64)
	}
	v := Points(w*pointScale + f)
	if v > maxWeight {
		return 0, fmt.Sprintf("%s is too large (keep points at %s or below)", s, Points(maxWeight))
	}
	return v, ""
}

// parseDecimal reads a plain decimal number (a share or a factor).
func parseDecimal(n *yaml.Node) (float64, string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != tagInt && n.Tag != tagFloat) {
		return 0, "got " + kindName(n)
	}
	s := strings.TrimSpace(n.Value)
	whole, frac, _ := strings.Cut(s, ".")
	switch {
	case strings.HasPrefix(s, "-"):
		return 0, fmt.Sprintf("%s is negative", s)
	case !allDigits(whole) || (frac != "" && !allDigits(frac)):
		return 0, fmt.Sprintf("%s is not a plain decimal like 0.5", quoteInput(s))
	case len(frac) > 4:
		return 0, fmt.Sprintf("%s has more than four decimals", s)
	case len(strings.TrimLeft(whole, "0")) > 6:
		return 0, fmt.Sprintf("%s is too large", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Sprintf("%s is not a number", quoteInput(s))
	}
	return v, ""
}

// readShare reads a number from 0 to 1.
func readShare(n *yaml.Node, path string, pl *problemList) (float64, bool) {
	v, msg := parseDecimal(n)
	if msg == "" && (v < 0 || v > 1) {
		msg = fmt.Sprintf("%s is not between 0 and 1", n.Value)
	}
	if msg != "" {
		pl.addf(n.Line, path, "%s; expected a share from 0 to 1, like 0.15", msg)
		return 0, false
	}
	return v, true
}

func readSmallInt(n *yaml.Node, path string, lo, hi int, pl *problemList, def int) int {
	v, ok := readInt(n, path, pl, fmt.Sprintf("a whole number from %d to %d", lo, hi))
	if !ok {
		return def
	}
	if v < lo || v > hi {
		pl.addf(n.Line, path, "%d is out of range; expected a whole number from %d to %d", v, lo, hi)
		return def
	}
	return v
}

func readBool(n *yaml.Node, path string, pl *problemList) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == tagBool {
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	}
	pl.addf(n.Line, path, "expected true or false, got %s", kindName(n))
	return false
}
