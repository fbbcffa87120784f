package advisor_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// The seed corpora are in testdata/fuzz/<FuzzName>/: the examples, the
// built-in data and nasty inputs (alias bombs, binary, deep nesting). Plain
// `go test` runs every seed; `make fuzz` searches further.

// checkFuzzError: a rejected input gives an *InputError whose every problem
// names the file, has a message and a line inside the file.
func checkFuzzError(t *testing.T, err error, data []byte, files ...string) {
	t.Helper()
	var ie *advisor.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %T is not an *advisor.InputError: %v", err, err)
	}
	if len(ie.Problems) == 0 || strings.TrimSpace(ie.Error()) == "" {
		t.Fatal("InputError without a message")
	}
	checkTerminalSafe(t, "error", ie.Error())
	lines := yamlLines(data)
	for _, p := range ie.Problems {
		if strings.TrimSpace(p.Msg) == "" {
			t.Fatalf("problem without a message: %+v", p)
		}
		known := false
		for _, f := range files {
			known = known || p.File == f
		}
		if !known {
			t.Fatalf("problem names file %q, want one of %q", p.File, files)
		}
		if p.Line < 0 || (len(files) == 1 && p.Line > lines) {
			t.Fatalf("problem on line %d of a %d-line file: %s", p.Line, lines, p)
		}
	}
}

// yamlLines counts lines as YAML does: a carriage return alone, the
// Unicode line and paragraph separators and NEL break lines too.
func yamlLines(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

func FuzzParseAnswers(f *testing.F) {
	d := builtin(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := d.ParseAnswers("fuzz.yaml", data)
		if err != nil {
			if a != nil {
				t.Fatal("answers returned with an error")
			}
			checkFuzzError(t, err, data, "fuzz.yaml")
			return
		}
		// Whatever parses is complete and valid: it scores and reports.
		res, err := d.Recommend(a)
		if err != nil {
			t.Fatalf("parsed answers do not score: %v", err)
		}
		for _, f := range allFormats {
			out, err := d.Report(res, f, testReport)
			if err != nil || len(out) == 0 {
				t.Fatalf("%s report: %v", f, err)
			}
		}
		// Written back as an answers file, the answers read the same.
		back, err := d.ParseAnswers("again.yaml", []byte(answersYAML(d, res.Answers)))
		if err != nil {
			t.Fatalf("answers do not survive a round trip: %v", err)
		}
		for _, q := range d.Questions {
			if !answersEqual(&q, back[q.ID], res.Answers[q.ID]) {
				t.Fatalf("%s: %+v after a round trip, was %+v", q.ID, back[q.ID], res.Answers[q.ID])
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	f.Fuzz(func(t *testing.T, roles, questions []byte) {
		d, err := advisor.Load(advisor.Source{Name: "roles.yaml", Data: roles}, advisor.Source{Name: "questions.yaml", Data: questions})
		if err != nil {
			if d != nil {
				t.Fatal("definitions returned with an error")
			}
			checkFuzzError(t, err, nil, "roles.yaml", "questions.yaml")
			return
		}
		if len(d.Roles) < 2 || len(d.Questions) == 0 {
			t.Fatalf("loaded %d roles and %d questions", len(d.Roles), len(d.Questions))
		}
		// Whatever loads can be asked, scored, explained and shown.
		a := advisor.Answers{}
		for i := range d.Questions {
			q := &d.Questions[i]
			switch q.Kind {
			case advisor.KindInteger:
				a[q.ID] = advisor.Answer{Int: q.Max}
			case advisor.KindChoice:
				a[q.ID] = advisor.Answer{Choice: q.Options[len(q.Options)-1].Value}
			case advisor.KindMulti:
				a[q.ID] = advisor.Answer{Multi: q.Values()[:1]}
			default:
				t.Fatalf("question %s has kind %q", q.ID, q.Kind)
			}
		}
		res, err := d.Recommend(a)
		if err != nil {
			t.Fatalf("valid answers do not score: %v", err)
		}
		for _, f := range allFormats {
			if _, err := d.Report(res, f, testReport); err != nil {
				t.Fatalf("%s report: %v", f, err)
			}
		}
		for _, c := range res.Changes {
			if d.ChangeText(c) == "" {
				t.Fatalf("change without a text: %+v", c)
			}
		}
		if _, err := d.RolesJSON(); err != nil {
			t.Fatal(err)
		}
		_ = d.RolesMarkdown()
		_ = d.QuestionsText(80)
		for _, line := range strings.Split(d.RolesTable(80, false, true), "\n") {
			if w := uniseg.StringWidth(line); w > 80 {
				t.Fatalf("roles table line of %d cells at width 80: %q", w, line)
			}
		}
		// The template, with its blanks, parses or is rejected cleanly.
		tpl := []byte(d.Template())
		if _, err := d.ParseAnswers("template.yaml", tpl); err != nil {
			checkFuzzError(t, err, tpl, "template.yaml")
		}
	})
}

// checkTerminalSafe fails when text holds a character that could act on a
// terminal (an escape sequence, a carriage return) or hide text: every
// output must have them escaped or refused.
func checkTerminalSafe(t *testing.T, what, text string) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if safe := advisor.SafeText(line); safe != line {
			t.Fatalf("%s carries unsafe characters: %q", what, line)
		}
	}
}

// hostileDefs writes definitions with the fuzzer's text in the places a
// user's file puts free text: a role's title and summary, a question's
// title and an option's label.
func hostileDefs(title, summary, label string) (roles, questions []byte) {
	q := func(s string) string { return strconv.Quote(s) } // a YAML double-quoted scalar
	roles = []byte(strings.NewReplacer("TITLE", q(title), "SUMMARY", q(summary)).Replace(`roles:
  - id: coo
    title: TITLE
    summary: SUMMARY
    responsibilities: [{id: strategy-alignment, name: Strategy, description: Keeps to the strategy.}]
    fits_when: [Large companies.]
    works_with: Sets the direction.
  - id: operations-director
    title: Operations Director
    summary: Runs operations.
    responsibilities: [{id: process-optimization, name: Processes, description: Fixes bottlenecks.}]
    fits_when: [Small companies.]
    works_with: Reports to the COO.
`))
	questions = []byte(strings.NewReplacer("TITLE", q(title), "LABEL", q(label)).Replace(`factors: [{id: size, title: Size}]
questions:
  - id: growth
    factor: size
    title: TITLE
    prompt: How fast?
    why: Growth needs steering.
    kind: choice
    options:
      - {value: stable, label: LABEL, weights: {operations-director: 2}}
      - {value: rapid, label: Rapid, weights: {coo: 3}}
  - id: pains
    factor: size
    title: Pains
    prompt: Where does it hurt?
    why: Pains map onto roles.
    kind: multi-choice
    options:
      - {value: strategy-alignment, label: LABEL, weights: {coo: 1}}
      - {value: process-optimization, label: Bottlenecks, weights: {operations-director: 1}}
`))
	return roles, questions
}

// FuzzReportsWithHostileText: definitions whose free text holds escape
// sequences, NUL bytes, zero-width or right-to-left characters are either
// refused (with a message that does not carry them) or shown in every
// report and listing without them reaching the output.
func FuzzReportsWithHostileText(f *testing.F) {
	for _, s := range []string{"\x1b]0;PWNED\a\x1b[2J\x1b[31mEVIL", "a\x00b", "zero\u200bwidth", "right\u202eleft", "bell\a", "cr\rlf", "plain", "tab\there", "nel\u0085", "\x9b31m"} {
		f.Add(s, "Summary "+s, "Label "+s, uint64(1))
	}
	f.Fuzz(func(t *testing.T, title, summary, label string, seed uint64) {
		roles, questions := hostileDefs(title, summary, label)
		d, err := advisor.Load(advisor.Source{Name: "roles.yaml", Data: roles}, advisor.Source{Name: "questions.yaml", Data: questions})
		if err != nil {
			checkFuzzError(t, err, nil, "roles.yaml", "questions.yaml")
			return
		}
		r := newRand(seed)
		res, err := d.Recommend(randomAnswers(d, r))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range allFormats {
			out, err := d.Report(res, f, testReport)
			if err != nil {
				t.Fatal(err)
			}
			checkTerminalSafe(t, string(f)+" report", string(out))
		}
		checkTerminalSafe(t, "roles table", d.RolesTable(80, true, true))
		checkTerminalSafe(t, "roles markdown", d.RolesMarkdown())
		js, _ := d.RolesJSON()
		checkTerminalSafe(t, "roles json", string(js))
		checkTerminalSafe(t, "questions", d.QuestionsText(80))
		checkTerminalSafe(t, "template", d.Template())
		for _, c := range res.Changes {
			checkTerminalSafe(t, "change", d.ChangeText(c))
		}
	})
}

func FuzzParseInput(f *testing.F) {
	d := builtin(f)
	f.Fuzz(func(t *testing.T, index int, text string) {
		q := &d.Questions[(index%len(d.Questions)+len(d.Questions))%len(d.Questions)]
		a, err := q.ParseInput(text)
		if err != nil {
			if strings.TrimSpace(err.Error()) == "" {
				t.Fatal("error without a message")
			}
			// Typed text comes back quoted and escaped, never raw.
			checkTerminalSafe(t, "error", err.Error())
			return
		}
		if err := q.Validate(a); err != nil {
			t.Fatalf("ParseInput(%q) for %s gave an invalid answer: %v", text, q.ID, err)
		}
		if n := q.Normalize(a); !answersEqual(q, n, a) || (q.Kind == advisor.KindMulti && !sameStrings(n.Multi, a.Multi)) {
			t.Fatalf("ParseInput(%q) for %s is not normalised: %+v", text, q.ID, a)
		}
		// What the question writes back, it reads back.
		in := q.FormatValue(a)
		if q.Kind == advisor.KindMulti && len(a.Multi) == 0 {
			in = ""
		}
		back, err := q.ParseInput(in)
		if err != nil || !answersEqual(q, back, a) {
			t.Fatalf("ParseInput(FormatValue(%+v)) = %+v, %v", a, back, err)
		}
	})
}
