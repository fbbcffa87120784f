package advisor

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
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
	size := int64(0)
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return Source{}, &InputError{Problems: []Problem{{File: name, Msg: "is a directory; give a YAML file"}}}
	} else if err == nil {
		size = st.Size()
	}
	data, err := readSized(io.LimitReader(f, MaxFileSize+1), size)
	if err != nil {
		return Source{}, &InputError{Problems: []Problem{{File: name, Msg: err.Error()}}}
	}
	return Source{Name: name, Data: data, BuiltIn: prefix != ""}, nil
}

// readSized reads r to its end into a buffer the size the file says it
// is (one more byte, to see the end), rather than doubling a buffer up
// to it as io.ReadAll does: the built-in files are read at every start.
func readSized(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, min(max(size, 0), MaxFileSize)+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		switch {
		case errors.Is(err, io.EOF):
			return b, nil
		case err != nil:
			return b, fmt.Errorf("cannot be read: %w", err)
		case len(b) == cap(b):
			b = append(b, 0)[:len(b)] // longer than it said: grow
		}
	}
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
		// The roles' conditions and markets name questions: check them
		// now.
		rpl, qpl := &problemList{file: roles.Name}, &problemList{file: questions.Name}
		d.checkConditions(rpl, qpl)
		d.checkMarkets(rpl)
		rerr = JoinInputErrors(rerr, rpl.err())
		qerr = qpl.err()
	}
	if err := JoinInputErrors(rerr, qerr); err != nil {
		return nil, err
	}
	for qi := range d.Questions {
		d.Questions[qi].listShare = Points(math.Round(d.Scoring.Team.ListShare * float64(pointScale)))
	}
	d.scaledBy = make([]bool, len(d.Questions))
	for qi := range d.Questions {
		for _, x := range d.Questions[qi].Scale {
			for _, id := range x.If.questions() {
				if i := d.QuestionIndex(id); i >= 0 {
					d.scaledBy[i] = true
				}
			}
		}
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

// readID reads an id (see validID), or says why it is none.
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
