package advisor

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"

	"go.yaml.in/yaml/v3"
)

// Source is one definitions file: the name shown in messages and its bytes.
type Source struct {
	Name string
	Data []byte
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
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return Source{}, &InputError{Problems: []Problem{{File: name, Msg: "is a directory; give a YAML file"}}}
	}
	data, err := ReadLimited(f)
	if err != nil {
		return Source{}, &InputError{Problems: []Problem{{File: name, Msg: err.Error()}}}
	}
	return Source{Name: name, Data: data}, nil
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
	d := &Definitions{}
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
	if err := joinInputErrors(rerr, qerr); err != nil {
		return nil, err
	}
	return d, nil
}

var (
	rolesTopFields   = []string{"roles"}
	roleFields       = []string{"id", "title", "short", "summary", "responsibilities", "fits_when", "works_with", "before_hiring"}
	roleRequired     = []string{"id", "title", "summary", "responsibilities", "fits_when", "works_with"}
	respFields       = []string{"id", "name", "description"}
	questionsTop     = []string{"factors", "questions"}
	factorFields     = []string{"id", "title", "description"}
	factorRequired   = []string{"id", "title"}
	questionFields   = []string{"id", "factor", "title", "prompt", "why", "help", "kind", "unit", "unit_one", "min", "max", "bands", "options", "none", "default"}
	questionRequired = []string{"id", "factor", "title", "prompt", "why", "kind"}
	bandFields       = []string{"max", "label", "weights", "notes"}
	optionFields     = []string{"value", "label", "weights", "notes"}
	noneFields       = []string{"label", "weights", "notes"}
)

func (d *Definitions) loadRoles(src Source) error {
	pl := &problemList{file: src.Name}
	root, err := parseYAML(src.Name, src.Data, "roles")
	if err != nil {
		return err
	}
	top, _ := readMapping(root, "", pl, rolesTopFields, rolesTopFields)
	rolesNode, ok := top["roles"]
	if !ok {
		return pl.err()
	}
	list := rolesNode.value
	if list.Kind != yaml.SequenceNode {
		pl.add(list.Line, "roles", "expected a list of roles, got %s", kindName(list))
		return pl.err()
	}
	if len(list.Content) < 2 {
		pl.add(list.Line, "roles", "needs at least two roles to choose between, found %d", len(list.Content))
	}
	d.roleIndex = map[string]int{}
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
			r.Title = readString(e.value, path+".title", pl)
		}
		r.Short = r.Title
		if e, ok := fields["short"]; ok {
			r.Short = readString(e.value, path+".short", pl)
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
			r.BeforeHiring = readStringList(e.value, path+".before_hiring", pl)
		}
		if e, ok := fields["responsibilities"]; ok {
			r.Responsibilities = readResponsibilities(e.value, path+".responsibilities", r.ID, pl, respSeen)
		}
		if r.ID == "" {
			continue
		}
		if prev, dup := d.roleIndex[r.ID]; dup {
			pl.add(fields["id"].value.Line, path+".id", "duplicate role id %q (also role %d); role ids must be unique", r.ID, prev+1)
			continue
		}
		d.roleIndex[r.ID] = len(d.Roles)
		d.Roles = append(d.Roles, r)
	}
	return pl.err()
}

func readResponsibilities(n *yaml.Node, path, roleID string, pl *problemList, seen map[string]string) []Responsibility {
	if n.Kind != yaml.SequenceNode {
		pl.add(n.Line, path, "expected a list of responsibilities, got %s", kindName(n))
		return nil
	}
	if len(n.Content) == 0 {
		pl.add(n.Line, path, "needs at least one responsibility")
	}
	var out []Responsibility
	for i, c := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		fields, _ := readMapping(c, p, pl, respFields, respFields)
		if fields == nil {
			continue
		}
		var r Responsibility
		if e, ok := fields["id"]; ok {
			r.ID = readID(e.value, p+".id", pl)
			if r.ID != "" {
				where := fmt.Sprintf("role %s, line %d", roleID, e.value.Line)
				if prev, dup := seen[r.ID]; dup {
					pl.add(e.value.Line, p+".id", "duplicate responsibility id %q (also in %s); responsibility ids must be unique across roles", r.ID, prev)
				}
				seen[r.ID] = where
			}
		}
		if e, ok := fields["name"]; ok {
			r.Name = readString(e.value, p+".name", pl)
		}
		if e, ok := fields["description"]; ok {
			r.Description = readString(e.value, p+".description", pl)
		}
		out = append(out, r)
	}
	return out
}

func readID(n *yaml.Node, path string, pl *problemList) string {
	s := readString(n, path, pl)
	if s == "" {
		return ""
	}
	if !validID(s) {
		pl.add(n.Line, path, "%q is not a valid id; %s", s, idRule)
		return ""
	}
	return s
}

func (d *Definitions) loadQuestions(file string, root *yaml.Node) error {
	pl := &problemList{file: file}
	top, _ := readMapping(root, "", pl, questionsTop, questionsTop)
	if e, ok := top["factors"]; ok {
		d.loadFactors(e.value, pl)
	}
	e, ok := top["questions"]
	if !ok {
		return pl.err()
	}
	list := e.value
	if list.Kind != yaml.SequenceNode {
		pl.add(list.Line, "questions", "expected a list of questions, got %s", kindName(list))
		return pl.err()
	}
	if len(list.Content) == 0 {
		pl.add(list.Line, "questions", "needs at least one question")
	}
	d.questionIndex = map[string]int{}
	for i, qn := range list.Content {
		q, idLine, ok := d.readQuestion(qn, i, pl)
		if !ok {
			continue
		}
		if prev, dup := d.questionIndex[q.ID]; dup {
			pl.add(idLine, "questions["+q.ID+"].id", "duplicate question id %q (also question %d); question ids must be unique", q.ID, prev+1)
			continue
		}
		d.questionIndex[q.ID] = len(d.Questions)
		d.Questions = append(d.Questions, q)
	}
	return pl.err()
}

func (d *Definitions) loadFactors(n *yaml.Node, pl *problemList) {
	d.factorIndex = map[string]int{}
	if n.Kind != yaml.SequenceNode {
		pl.add(n.Line, "factors", "expected a list of factors, got %s", kindName(n))
		return
	}
	if len(n.Content) == 0 {
		pl.add(n.Line, "factors", "needs at least one factor")
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
				pl.add(e.value.Line, p+".id", "duplicate factor id %q (also factor %d); factor ids must be unique", f.ID, prev+1)
				continue
			}
		}
		if e, ok := fields["title"]; ok {
			f.Title = readString(e.value, p+".title", pl)
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
	str := func(key string, dst *string) {
		if e, ok := fields[key]; ok {
			*dst = readString(e.value, path+"."+key, pl)
		}
	}
	str("title", &q.Title)
	str("prompt", &q.Prompt)
	str("why", &q.Why)
	str("help", &q.Help)
	str("unit", &q.Unit)
	str("unit_one", &q.UnitOne)
	if q.UnitOne == "" {
		q.UnitOne = q.Unit
	}
	if e, ok := fields["factor"]; ok {
		q.Factor = readString(e.value, path+".factor", pl)
		if q.Factor != "" && d.factorIndex != nil {
			if _, known := d.factorIndex[q.Factor]; !known {
				pl.add(e.value.Line, path+".factor", "unknown factor %q; factors are %s", q.Factor, quoteList(d.factorIDs()))
			}
		}
	}
	var kindLine int
	if e, ok := fields["kind"]; ok {
		kindLine = e.value.Line
		k := readString(e.value, path+".kind", pl)
		if k != "" && !contains(allKinds, k) {
			pl.add(e.value.Line, path+".kind", "%q is not a kind; kinds are %s", k, quoteList(allKinds))
		} else {
			q.Kind = Kind(k)
		}
	}
	forbid := func(keys ...string) {
		for _, k := range keys {
			if e, ok := fields[k]; ok {
				pl.add(e.key.Line, path+"."+k, "not used by %s questions; remove it", q.Kind)
			}
		}
	}
	need := func(keys ...string) {
		for _, k := range keys {
			if _, ok := fields[k]; !ok {
				pl.add(kindLine, path, "%s questions need %q", q.Kind, k)
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
		q.None = Option{Label: "None", Weights: make(Weights, len(d.Roles))}
		if e, ok := fields["none"]; ok && q.Kind == KindMulti {
			nf, _ := readMapping(e.value, path+".none", pl, noneFields, []string{"label"})
			if l, ok := nf["label"]; ok {
				q.None.Label = readString(l.value, path+".none.label", pl)
			}
			if w, ok := nf["weights"]; ok {
				q.None.Weights = d.readWeights(w.value, path+".none.weights", pl)
			}
			if n, ok := nf["notes"]; ok {
				q.None.Notes = d.readNotes(n.value, path+".none.notes", pl)
			}
		}
	}
	if e, ok := fields["default"]; ok && q.Kind != "" && len(pl.problems) == before {
		a, msg := q.answerFromNode(e.value)
		if msg != "" {
			pl.add(e.value.Line, path+".default", "%s; allowed: %s", msg, q.Allowed())
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

func (d *Definitions) readIntegerSpec(q *Question, fields map[string]entry, path string, pl *problemList) {
	okMin, okMax := false, false
	if e, ok := fields["min"]; ok {
		q.Min, okMin = readInt(e.value, path+".min", pl, "a whole number")
	}
	if e, ok := fields["max"]; ok {
		q.Max, okMax = readInt(e.value, path+".max", pl, "a whole number")
	}
	if okMin && okMax && q.Min >= q.Max {
		pl.add(fields["max"].value.Line, path+".max", "must be greater than min (%d)", q.Min)
		return
	}
	e, ok := fields["bands"]
	if !ok || !okMin || !okMax {
		return
	}
	n := e.value
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		pl.add(n.Line, path+".bands", "expected a list of bands, got %s", kindName(n))
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
		b := Band{Min: lo, Max: q.Max, Weights: make(Weights, len(d.Roles))}
		if l, ok := bf["label"]; ok {
			b.Label = readString(l.value, p+".label", pl)
		}
		if w, ok := bf["weights"]; ok {
			b.Weights = d.readWeights(w.value, p+".weights", pl)
		}
		if n, ok := bf["notes"]; ok {
			b.Notes = d.readNotes(n.value, p+".notes", pl)
		}
		if m, ok := bf["max"]; ok {
			v, ok := readInt(m.value, p+".max", pl, "a whole number")
			if !ok {
				return
			}
			switch {
			case v < lo:
				pl.add(m.value.Line, p+".max", "%d is below where this band starts (%d); band maxima must rise", v, lo)
				return
			case v > q.Max:
				pl.add(m.value.Line, p+".max", "%d is above the question's max (%d)", v, q.Max)
				return
			case last && v != q.Max:
				pl.add(m.value.Line, p+".max", "the last band ends at %d but answers go up to %d; drop max from the last band", v, q.Max)
				return
			case !last && v == q.Max:
				pl.add(m.value.Line, p+".max", "this band already reaches the question's max (%d); bands after it can never apply", q.Max)
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
		pl.add(n.Line, path, "expected a list of options, got %s", kindName(n))
		return nil
	}
	minOpts := 2
	if kind == KindMulti {
		minOpts = 1
	}
	if len(n.Content) < minOpts {
		pl.add(n.Line, path, "%s questions need at least %d options, found %d", kind, minOpts, len(n.Content))
	}
	var out []Option
	seen := map[string]int{}
	for i, on := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		of, _ := readMapping(on, p, pl, optionFields, []string{"value", "label"})
		if of == nil {
			continue
		}
		o := Option{Weights: make(Weights, len(d.Roles))}
		if e, ok := of["value"]; ok {
			o.Value = readID(e.value, p+".value", pl)
			if prev, dup := seen[o.Value]; dup && o.Value != "" {
				pl.add(e.value.Line, p+".value", "duplicate value %q (also on line %d); values must be unique", o.Value, prev)
			}
			seen[o.Value] = e.value.Line
		}
		if e, ok := of["label"]; ok {
			o.Label = readString(e.value, p+".label", pl)
		}
		if e, ok := of["weights"]; ok {
			o.Weights = d.readWeights(e.value, p+".weights", pl)
		}
		if e, ok := of["notes"]; ok {
			o.Notes = d.readNotes(e.value, p+".notes", pl)
		}
		out = append(out, o)
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
			pl.add(e.key.Line, path+"."+id, "unknown role %q; roles are %s", id, quoteList(d.RoleIDs()))
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

// readWeights reads {role-id: points}; unknown roles and negative or
// non-finite points are reported.
func (d *Definitions) readWeights(n *yaml.Node, path string, pl *problemList) Weights {
	w := make(Weights, len(d.Roles))
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return w
	}
	fields, order := readMapping(n, path, pl, nil, nil)
	for _, id := range order {
		e := fields[id]
		i, ok := d.roleIndex[id]
		if !ok {
			hint := ""
			if s := suggest(id, d.RoleIDs()); s != "" {
				hint = fmt.Sprintf("did you mean %s? ", s)
			}
			pl.add(e.key.Line, path+"."+id, "unknown role %q; %sroles are %s", id, hint, quoteList(d.RoleIDs()))
			continue
		}
		v, msg := parseNumberNode(e.value)
		if msg != "" {
			pl.add(e.value.Line, path+"."+id, "%s; expected points, a number of 0 or more", msg)
			continue
		}
		w[i] = v
	}
	return w
}

func parseNumberNode(n *yaml.Node) (float64, string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, "got " + kindName(n)
	}
	var v float64
	if err := n.Decode(&v); err != nil {
		return 0, fmt.Sprintf("%q is not a number", n.Value)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || v > 1e6 {
		return 0, fmt.Sprintf("%s is not a usable weight (keep weights below 1,000,000)", n.Value)
	}
	if v < 0 {
		return 0, fmt.Sprintf("%s is negative (give points to the other roles instead)", n.Value)
	}
	return v, ""
}
