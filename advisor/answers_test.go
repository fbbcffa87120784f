package advisor_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// validAnswers is a complete answers file in questionnaire order: question
// i is on line i+1.
const validAnswers = `employees: 40
departments: 3
locations: 1
regulation: light
growth: stable
expansion: []
ceo_ops_time: high
leadership: []
pain_points: [quality-assurance]
`

// edit replaces the line that answers id (the whole line) with repl; an
// empty repl removes the line.
func edit(t testing.TB, text, id, repl string) string {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, id+":") {
			if repl == "" {
				return strings.Join(slices.Delete(lines, i, i+1), "")
			}
			lines[i] = repl + "\n"
			return strings.Join(lines, "")
		}
	}
	t.Fatalf("no answer for %s", id)
	return ""
}

func TestParseAnswersRejects(t *testing.T) {
	d := builtin(t)
	allowedPains := "a list of any of " + strings.Join(allDomainResponsibilitiesInFileOrder(t), ", ") + " (an empty list [] for none)"
	type answersCase struct {
		name string
		text string
		at   string // substring on the problem's line; "" for no line
		key  string
		msgs []string
	}
	bomb := "employees: &a [1,1,1,1,1,1,1,1,1]\ndepartments: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nlocations: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	tests := []answersCase{
		// Unknown question ids.
		{
			name: "misspelt question id gets a suggestion", text: edit(t, validAnswers, "employees", "employes: 40"), at: "employes", key: "employes",
			msgs: []string{"unknown question", "did you mean employees?", "questions are employees, departments, locations, regulation, growth, expansion, ceo_ops_time, leadership, pain_points"},
		},
		{
			name: "unknown question id", text: validAnswers + "salary: 300000\n", at: "salary", key: "salary",
			msgs: []string{"unknown question;", "questions are employees,"},
		},
		{
			name: "question id in another case", text: edit(t, validAnswers, "growth", "Growth: stable"), at: "Growth", key: "Growth",
			msgs: []string{"did you mean growth?"},
		},

		// Values outside the allowed set; the message lists the allowed ones.
		{
			name: "choice outside the set", text: edit(t, validAnswers, "growth", "growth: fast"), at: "growth", key: "growth",
			msgs: []string{`"fast" is not an allowed value`, "expected one of declining, stable, moderate, rapid"},
		},
		{
			name: "a start that fits two labels", text: edit(t, validAnswers, "expansion", "expansion: new"), at: "expansion", key: "expansion",
			msgs: []string{`"new" is not an allowed value`},
		},
		{
			name: "words that are not a label are quoted whole", text: edit(t, validAnswers, "expansion", "expansion: new widgets"), at: "expansion", key: "expansion",
			msgs: []string{`"new widgets" is not an allowed value`},
		},
		{
			name: "a percentage outside every range", text: edit(t, validAnswers, "ceo_ops_time", "ceo_ops_time: 101%"), at: "ceo_ops_time", key: "ceo_ops_time",
			msgs: []string{`"101%" fits none of the options' ranges`, "expected one of low, medium, high"},
		},
		{
			name: "misspelt choice gets a suggestion", text: edit(t, validAnswers, "growth", "growth: rapd"), at: "growth", key: "growth",
			msgs: []string{`"rapd" is not an allowed value (did you mean rapid?)`, "expected one of declining, stable, moderate, rapid"},
		},
		{
			name: "choice close to a value", text: edit(t, validAnswers, "regulation", "regulation: heavvy"), at: "regulation", key: "regulation",
			msgs: []string{"did you mean heavy?", "one of light, moderate, heavy"},
		},
		{
			name: "no value for a multi-choice is not none", text: edit(t, validAnswers, "leadership", "leadership:"), at: "leadership", key: "leadership",
			msgs: []string{"no answer given", "[] for none"},
		},
		{
			name: "multi-choice value outside the set", text: edit(t, validAnswers, "pain_points", "pain_points: [quality-assurance, process]"), at: "pain_points", key: "pain_points",
			msgs: []string{`"process" is not an allowed value`, allowedPains},
		},
		{
			name: "multi-choice value close to one", text: edit(t, validAnswers, "leadership", "leadership: [ceo]"), at: "leadership", key: "leadership",
			msgs: []string{`"ceo" is not an allowed value (did you mean coo?)`, "coo, operations-director, operations-managers"},
		},
		{
			name: "comma-separated list with a wrong value", text: edit(t, validAnswers, "expansion", "expansion: new-markets, mars"), at: "expansion", key: "expansion",
			msgs: []string{`"mars" is not an allowed value`, "new-markets, new-products, acquisitions, international"},
		},

		// Wrong types.
		{
			name: "list for a choice", text: edit(t, validAnswers, "regulation", "regulation: [light]"), at: "regulation", key: "regulation",
			msgs: []string{"takes one value, got a list", "expected one of light, moderate, heavy"},
		},
		{
			name: "mapping for a choice", text: edit(t, validAnswers, "regulation", "regulation: {level: light}"), at: "regulation", key: "regulation",
			msgs: []string{"takes one value, got a mapping"},
		},
		{
			name: "word for a number", text: edit(t, validAnswers, "employees", "employees: forty"), at: "employees", key: "employees",
			msgs: []string{`"forty" is not a number`, "expected a whole number from 1 to 1,000,000"},
		},
		{
			name: "float for a number", text: edit(t, validAnswers, "employees", "employees: 40.5"), at: "employees", key: "employees",
			msgs: []string{`"40.5" is not a whole number`, "expected a whole number from 1 to 1,000,000"},
		},
		{
			name: "list for a number", text: edit(t, validAnswers, "departments", "departments: [3]"), at: "departments", key: "departments",
			msgs: []string{"got a list", "expected a whole number from 1 to 500"},
		},
		{
			name: "boolean for a number", text: edit(t, validAnswers, "locations", "locations: true"), at: "locations", key: "locations",
			msgs: []string{"got the boolean true", "from 1 to 10,000"},
		},
		{
			name: "mapping for a multi-choice", text: edit(t, validAnswers, "expansion", "expansion: {markets: yes}"), at: "expansion", key: "expansion",
			msgs: []string{"expected a list, got a mapping"},
		},
		{
			name: "nested list in a multi-choice", text: edit(t, validAnswers, "pain_points", "pain_points: [[quality-assurance]]"), at: "pain_points", key: "pain_points",
			msgs: []string{"list items must be values, got a list"},
		},
		{
			name: "no value for a number", text: edit(t, validAnswers, "employees", "employees:"), at: "employees", key: "employees",
			msgs: []string{"no answer given", "expected a whole number from 1 to 1,000,000"},
		},
		{
			name: "no value for a choice", text: edit(t, validAnswers, "growth", "growth: ~"), at: "growth", key: "growth",
			msgs: []string{"no answer given", "expected one of declining"},
		},

		// Negative and absurd numbers.
		{
			name: "negative number", text: edit(t, validAnswers, "employees", "employees: -3"), at: "employees", key: "employees",
			msgs: []string{"-3 is out of range", "expected a whole number from 1 to 1,000,000"},
		},
		{
			name: "zero departments", text: edit(t, validAnswers, "departments", "departments: 0"), at: "departments", key: "departments",
			msgs: []string{"0 is out of range", "from 1 to 500"},
		},
		{
			name: "above the maximum", text: edit(t, validAnswers, "employees", "employees: 5000000"), at: "employees", key: "employees",
			msgs: []string{"5,000,000 is out of range", "from 1 to 1,000,000"},
		},
		{
			name: "absurdly large number", text: edit(t, validAnswers, "employees", "employees: 99999999999999999999999"), at: "employees", key: "employees",
			msgs: []string{`"99999999999999999999999" is far too large`, "from 1 to 1,000,000"},
		},
		{
			name: "huge number in exponent form", text: edit(t, validAnswers, "locations", "locations: 1e300"), at: "locations", key: "locations",
			msgs: []string{"expected a whole number from 1 to 10,000"},
		},
		{
			name: "largest int64", text: edit(t, validAnswers, "employees", "employees: 9223372036854775807"), at: "employees", key: "employees",
			msgs: []string{"far too large"},
		},
		{
			name: "smallest int64", text: edit(t, validAnswers, "employees", "employees: -9223372036854775808"), at: "employees", key: "employees",
			msgs: []string{"far too small"},
		},
		{
			name: "digits run together with commas", text: edit(t, validAnswers, "employees", "employees: 1,2,3"), at: "employees", key: "employees",
			msgs: []string{`"1,2,3" is not a number: groups of digits after a separator have three digits`},
		},
		{
			name: "digits run together with spaces", text: edit(t, validAnswers, "employees", "employees: 1 2 3"), at: "employees", key: "employees",
			msgs: []string{`"1 2 3" is not a number`},
		},
		{
			name: "hexadecimal number", text: edit(t, validAnswers, "employees", "employees: 0x10"), at: "employees", key: "employees",
			msgs: []string{`"0x10" is not a number`},
		},
		{
			name: "exponent", text: edit(t, validAnswers, "employees", "employees: 1e3"), at: "employees", key: "employees",
			msgs: []string{`"1e3" is not a whole number as written (write the digits: 1000)`},
		},

		// Duplicate keys.
		{
			name: "question answered twice", text: validAnswers + "growth: rapid # again\n", at: "# again", key: "growth",
			msgs: []string{"answered twice (first on line 5)", "keep one"},
		},

		// The shape of the file.
		{
			name: "a list instead of answers", text: "- employees: 40\n- growth: stable\n", at: "- employees", key: "",
			msgs: []string{"expected lines of question-id: value, got a list", "coo-advisor questions --template"},
		},
		{
			name: "a word instead of answers", text: "hello\n", at: "hello", key: "",
			msgs: []string{`expected lines of question-id: value, got "hello"`},
		},
		{
			name: "a list as a key", text: validAnswers + "[a, b]: 1\n", at: "[a, b]", key: "",
			msgs: []string{"keys must be question ids, got a list"},
		},

		// Malformed YAML, with the line of the mistake.
		{
			name: "unclosed list in the middle", text: edit(t, validAnswers, "expansion", "expansion: [new-markets"), at: "expansion", key: "",
			msgs: []string{"malformed YAML", "did not find expected ',' or ']'"},
		},
		{
			name: "unclosed list on the last line", text: edit(t, validAnswers, "pain_points", "pain_points: [quality-assurance"), at: "pain_points", key: "",
			msgs: []string{"malformed YAML"},
		},
		{
			name: "unclosed quote", text: edit(t, validAnswers, "growth", `growth: "stable`), at: "growth", key: "",
			msgs: []string{"malformed YAML"},
		},
		{
			name: "two values on a line", text: edit(t, validAnswers, "growth", "growth: stable: rapid"), at: "growth", key: "",
			msgs: []string{"malformed YAML", "mapping values are not allowed in this context"},
		},
		{
			name: "indented answer after comments", text: "# my answers\n# for the client\n" + edit(t, validAnswers, "locations", "  locations: 1"), at: "  locations", key: "",
			msgs: []string{"malformed YAML"},
		},
		{
			name: "answer without a colon", text: "# my answers\n" + edit(t, validAnswers, "growth", "growth stable"), at: "growth stable", key: "",
			msgs: []string{"malformed YAML", "could not find expected ':'"},
		},
		{
			name: "list item among answers", text: "# my answers\n" + edit(t, validAnswers, "leadership", "- coo"), at: "- coo", key: "",
			msgs: []string{"malformed YAML"},
		},
		{
			name: "mistake after a list and a quote spanning lines", at: " - operations-director", key: "",
			text: "employees: 40\ndepartments: 3\nexpansion: [new-markets,\n  international]\nregulation: \"light\n  \"\nlocations: 1\ngrowth: stable\nceo_ops_time: high\nleadership:\n  - coo\n - operations-director\npain_points: []\n",
			msgs: []string{"malformed YAML", "did not find expected key"},
		},
		{
			name: "mistake after 20,000 lines", at: "- stray", key: "",
			text: "# generated\n" + strings.Repeat("growth: stable\n", 20000) + "- stray\n",
			msgs: []string{"malformed YAML", "did not find expected key"},
		},
		{
			name: "two documents", text: validAnswers + "---\ngrowth: rapid\n", at: "---", key: "",
			msgs: []string{"more than one YAML document"},
		},

		// Files that are not answers files at all.
		{name: "empty file", text: "", msgs: []string{"the file is empty; expected an answers YAML file"}},
		{name: "only comments", text: "# employees: 40\n", msgs: []string{"is empty"}},
		{name: "binary file", text: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", msgs: []string{"the file looks binary", "give an answers YAML file"}},
		{name: "invalid UTF-8", text: "growth: \xc3\x28\n", at: "growth", msgs: []string{"the file is not UTF-8 text", "save it as UTF-8"}},
		{name: "Latin-1", text: "employees: 40\n# caf\xe9\ngrowth: rapid\n", at: "# caf", msgs: []string{"the file is not UTF-8 text", "Latin-1"}},
		{name: "UTF-16 with a byte order mark", text: "\xff\xfee\x00m\x00p\x00", msgs: []string{"the file is UTF-16 text; save it as UTF-8"}},
		{name: "UTF-16 without a byte order mark", text: "e\x00m\x00p\x00l\x00o\x00y\x00", msgs: []string{"UTF-16 text without a byte order mark"}},
		{name: "file over 1 MiB", text: validAnswers + "# " + strings.Repeat("padding ", advisor.MaxFileSize/8) + "\n", msgs: []string{"larger than the 1 MiB limit", "is this the right file?"}},
		{name: "alias bomb", text: bomb, at: "employees: &a", key: "employees", msgs: []string{"YAML anchors (&a) are not supported", "write the value out"}},
		{name: "alias bomb alias", text: bomb, at: "departments: &b", key: "departments[0]", msgs: []string{"YAML aliases (*a) are not supported"}},
		{
			name: "anchor reused for another answer", text: edit(t, edit(t, validAnswers, "expansion", "expansion: &none []"), "leadership", "leadership: *none"), at: "leadership", key: "leadership",
			msgs: []string{"YAML aliases (*none) are not supported"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := d.ParseAnswers("client.yaml", []byte(tt.text))
			if err == nil {
				t.Fatalf("parsed %v, want an error", got)
			}
			if got != nil {
				t.Errorf("answers returned with an error: %v", got)
			}
			line := 0
			if tt.at != "" {
				line = lineOf(t, tt.text, tt.at)
			}
			requireProblem(t, err, wantProblem{file: "client.yaml", line: line, key: tt.key, msgs: tt.msgs})
		})
	}
}

// allDomainResponsibilitiesInFileOrder is the pain_points values in the
// order questions.yaml lists them, for the allowed-values message.
func allDomainResponsibilitiesInFileOrder(t testing.TB) []string {
	q, ok := builtin(t).Question("pain_points")
	if !ok {
		t.Fatal("no pain_points question")
	}
	return q.Values()
}

// TestParseAnswersListsAllMissing: missing required answers are listed all
// at once, in questionnaire order, each with what it expects.
func TestParseAnswersListsAllMissing(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		name    string
		text    string
		missing []string
	}{
		{"three missing", edit(t, edit(t, edit(t, validAnswers, "locations", ""), "growth", ""), "pain_points", ""), []string{"locations", "growth", "pain_points"}},
		{"all missing", "{}\n", requiredIDs(d)},
		{"missing and wrong at once", edit(t, edit(t, validAnswers, "growth", ""), "employees", "employees: many"), []string{"growth"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.ParseAnswers("client.yaml", []byte(tt.text))
			ie := inputError(t, err)
			var got []string
			for _, p := range ie.Problems {
				if strings.HasPrefix(p.Msg, "missing answer") {
					if p.Line != 0 {
						t.Errorf("missing answer %s has line %d", p.Key, p.Line)
					}
					q, _ := d.Question(p.Key)
					if !strings.Contains(p.Msg, "expected "+q.Allowed()) {
						t.Errorf("%q does not say what %s expects", p.Msg, p.Key)
					}
					got = append(got, p.Key)
				}
			}
			if !slices.Equal(got, tt.missing) {
				t.Errorf("missing %q, want %q", got, tt.missing)
			}
			for _, id := range tt.missing {
				if !strings.Contains(err.Error(), "client.yaml: "+id+": missing answer") {
					t.Errorf("error does not list %s:\n%v", id, err)
				}
			}
		})
	}
	// A wrong answer and a missing one come in the same error.
	_, err := d.ParseAnswers("client.yaml", []byte(tests[2].text))
	requireProblem(t, err, wantProblem{file: "client.yaml", line: 1, key: "employees", msgs: []string{`"many" is not a number`}})
}

// TestParseAnswersAccepts covers the forms an answer may take.
func TestParseAnswersAccepts(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		name string
		text string
		id   string
		want advisor.Answer
	}{
		{"quoted number", edit(t, validAnswers, "employees", `employees: "120"`), "employees", advisor.Answer{Int: 120}},
		{"smallest number", edit(t, validAnswers, "employees", "employees: 1"), "employees", advisor.Answer{Int: 1}},
		{"largest number", edit(t, validAnswers, "employees", "employees: 1000000"), "employees", advisor.Answer{Int: 1000000}},
		{"number with a comment", edit(t, validAnswers, "departments", "departments: 12 # sales, finance..."), "departments", advisor.Answer{Int: 12}},
		{"quoted choice", edit(t, validAnswers, "growth", `growth: "rapid"`), "growth", advisor.Answer{Choice: "rapid"}},
		{"multi-choice out of order", edit(t, validAnswers, "pain_points", "pain_points: [quality-assurance, process-optimization]"), "pain_points", advisor.Answer{Multi: []string{"process-optimization", "quality-assurance"}}},
		{"multi-choice with duplicates", edit(t, validAnswers, "pain_points", "pain_points: [quality-assurance, process-optimization, quality-assurance]"), "pain_points", advisor.Answer{Multi: []string{"process-optimization", "quality-assurance"}}},
		{"multi-choice as a block list", edit(t, validAnswers, "expansion", "expansion:\n  - international\n  - new-markets"), "expansion", advisor.Answer{Multi: []string{"new-markets", "international"}}},
		{"comma-separated scalar", edit(t, validAnswers, "expansion", "expansion: international, new-markets"), "expansion", advisor.Answer{Multi: []string{"new-markets", "international"}}},
		{"space-separated scalar", edit(t, validAnswers, "expansion", "expansion: acquisitions new-products"), "expansion", advisor.Answer{Multi: []string{"new-products", "acquisitions"}}},
		{"single value scalar", edit(t, validAnswers, "leadership", "leadership: coo"), "leadership", advisor.Answer{Multi: []string{"coo"}}},
		{"empty list", edit(t, validAnswers, "leadership", "leadership: []"), "leadership", advisor.Answer{}},
		{"none for a multi-choice", edit(t, validAnswers, "leadership", "leadership: none"), "leadership", advisor.Answer{}},
		{"choice in capitals", edit(t, validAnswers, "regulation", "regulation: Heavy"), "regulation", advisor.Answer{Choice: "heavy"}},
		{"multi-choice in capitals", edit(t, validAnswers, "leadership", "leadership: [COO]"), "leadership", advisor.Answer{Multi: []string{"coo"}}},
		{"number with thousands separators", edit(t, validAnswers, "employees", "employees: 1,200"), "employees", advisor.Answer{Int: 1200}},
		{"the label shown, for a choice", edit(t, validAnswers, "growth", "growth: Rapid (over 30% a year)"), "growth", advisor.Answer{Choice: "rapid"}},
		{"a growth percentage", edit(t, validAnswers, "growth", "growth: 25%"), "growth", advisor.Answer{Choice: "moderate"}},
		// The edges follow the labels: "Moderate (10-30%)" holds 30,
		// "Stable (0-10%)" holds 10, "Medium (25-50%)" holds 50.
		{"a percentage on a range's upper edge", edit(t, validAnswers, "growth", "growth: 30 %"), "growth", advisor.Answer{Choice: "moderate"}},
		{"just over a range's edge", edit(t, validAnswers, "growth", "growth: 30.5%"), "growth", advisor.Answer{Choice: "rapid"}},
		{"ten per cent is still stable", edit(t, validAnswers, "growth", "growth: 10%"), "growth", advisor.Answer{Choice: "stable"}},
		{"half the CEO's week is medium", edit(t, validAnswers, "ceo_ops_time", "ceo_ops_time: 50%"), "ceo_ops_time", advisor.Answer{Choice: "medium"}},
		{"all of the CEO's week", edit(t, validAnswers, "ceo_ops_time", "ceo_ops_time: 100%"), "ceo_ops_time", advisor.Answer{Choice: "high"}},
		{"a negative percentage", edit(t, validAnswers, "growth", "growth: -5%"), "growth", advisor.Answer{Choice: "declining"}},
		{"a CEO's share of the week", edit(t, validAnswers, "ceo_ops_time", "ceo_ops_time: 60%"), "ceo_ops_time", advisor.Answer{Choice: "high"}},
		{"the start of a label, in whole words", edit(t, validAnswers, "expansion", "expansion: new products, international"), "expansion", advisor.Answer{Multi: []string{"new-products", "international"}}},
		{"labels in a list, in any case", edit(t, validAnswers, "expansion", "expansion: new markets, International Expansion"), "expansion", advisor.Answer{Multi: []string{"new-markets", "international"}}},
		{"a label with a comma in a list", edit(t, validAnswers, "leadership", "leadership: Operations managers, without a director above them, coo"), "leadership", advisor.Answer{Multi: []string{"coo", "operations-managers"}}},
		{"labels as a YAML list", edit(t, validAnswers, "pain_points", "pain_points: [Processes have bottlenecks, Quality is inconsistent]"), "pain_points", advisor.Answer{Multi: []string{"process-optimization", "quality-assurance"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parse(t, d, tt.text)
			q, _ := d.Question(tt.id)
			if got := a[tt.id]; !answersEqual(q, got, tt.want) {
				t.Errorf("%s = %+v, want %+v", tt.id, got, tt.want)
			}
			if len(a) != len(requiredIDs(d)) {
				t.Errorf("%d answers, want %d", len(a), len(requiredIDs(d)))
			}
		})
	}
}

// TestParseAnswersDefaults: a question with a default may be left out; the
// parsed answers hold only what the file gives, and Complete fills in the
// rest.
func TestParseAnswersDefaults(t *testing.T) {
	d := threeRoles(t)
	a := parse(t, d, "employees: 12\ngrowth: stable\nceo_ops_time: low\npain_points: []\n")
	if _, ok := a["locations"]; ok {
		t.Error("ParseAnswers filled in a default")
	}
	full, err := d.Complete(a)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := d.Question("locations")
	if got := full["locations"]; got.Int != q.Default.Int {
		t.Errorf("locations = %d, want the default %d", got.Int, q.Default.Int)
	}
	// Left blank, as a saved file leaves a question not asked, it takes
	// the default too; a required question left blank is still refused.
	b := parse(t, d, "employees: 12\ngrowth: stable\nceo_ops_time: low\npain_points: []\nlocations:\n")
	if _, ok := b["locations"]; ok {
		t.Error("a blank answer with a default parsed as an answer")
	}
	if _, err := d.ParseAnswers("a.yaml", []byte("employees: 12\ngrowth:\nceo_ops_time: low\npain_points: []\n")); err == nil {
		t.Error("a required question left blank parsed")
	} else {
		requireProblem(t, err, wantProblem{file: "a.yaml", line: 2, key: "growth", msgs: []string{"no answer given"}})
	}
	if _, err := d.ParseAnswers("a.yaml", []byte("employees: 12\n")); err == nil {
		t.Error("answers without required questions parsed")
	} else {
		requireProblem(t, err, wantProblem{file: "a.yaml", key: "growth", msgs: []string{"missing answer"}})
	}
}

func TestComplete(t *testing.T) {
	d := builtin(t)
	base := parse(t, d, validAnswers)
	tests := []struct {
		name    string
		answers advisor.Answers
		key     string
		msgs    []string
	}{
		{"unknown question", withAnswer(base, "salary", advisor.Answer{Int: 1}), "salary", []string{"unknown question"}},
		{"number out of range", withAnswer(base, "employees", advisor.Answer{Int: 0}), "employees", []string{"0 is out of range"}},
		{"choice outside the set", withAnswer(base, "growth", advisor.Answer{Choice: "fast"}), "growth", []string{`"fast" is not an allowed value`}},
		{"multi-choice value outside the set", withAnswer(base, "leadership", advisor.Answer{Multi: []string{"ceo"}}), "leadership", []string{`"ceo" is not an allowed value`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.Complete(tt.answers)
			requireProblem(t, err, wantProblem{file: "answers", key: tt.key, msgs: tt.msgs})
			if _, err := d.Recommend(tt.answers); err == nil {
				t.Error("Recommend accepted the answers")
			}
		})
	}
	missing := base.Clone()
	delete(missing, "growth")
	delete(missing, "employees")
	_, err := d.Complete(missing)
	ie := inputError(t, err)
	if len(ie.Problems) != 2 {
		t.Errorf("%d problems, want 2: %v", len(ie.Problems), err)
	}
	// Complete normalises hand-built multi-choice answers.
	shuffled := withAnswer(base, "pain_points", advisor.Answer{Multi: []string{"quality-assurance", "strategy-alignment", "quality-assurance"}})
	full, err := d.Complete(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if got := full["pain_points"].Multi; !slices.Equal(got, []string{"strategy-alignment", "quality-assurance"}) {
		t.Errorf("pain_points = %q, want option order without duplicates", got)
	}
}

// TestParseInput covers answers typed at a prompt in plain mode.
func TestParseInput(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		name    string
		id      string
		input   string
		want    advisor.Answer
		wantErr []string
	}{
		{name: "number", id: "employees", input: "120", want: advisor.Answer{Int: 120}},
		{name: "number with spaces around", id: "employees", input: "  120 \n", want: advisor.Answer{Int: 120}},
		{name: "number with thousands commas", id: "employees", input: "1,200", want: advisor.Answer{Int: 1200}},
		{name: "number with a thousands space", id: "employees", input: "1 200", want: advisor.Answer{Int: 1200}},
		{name: "number with underscores", id: "employees", input: "1_000", want: advisor.Answer{Int: 1000}},
		{name: "smallest number", id: "departments", input: "1", want: advisor.Answer{Int: 1}},
		{name: "largest number", id: "departments", input: "500", want: advisor.Answer{Int: 500}},
		{name: "empty number", id: "employees", input: "", wantErr: []string{"enter a whole number from 1 to 1,000,000"}},
		{name: "word for a number", id: "employees", input: "many", wantErr: []string{`"many" is not a number`, "enter a whole number from 1 to 1,000,000"}},
		{name: "fraction", id: "employees", input: "12.5", wantErr: []string{`"12.5" is not a whole number`}},
		{name: "badly grouped digits", id: "employees", input: "1,2", wantErr: []string{`"1,2" is not a number: groups of digits after a separator have three digits`}},
		{name: "groups of two", id: "employees", input: "12,00", wantErr: []string{"groups of digits after a separator have three digits"}},
		{name: "doubled separator", id: "employees", input: "1,,2", wantErr: []string{"groups of digits after a separator have three digits"}},
		{name: "spaced digits", id: "employees", input: "1 2 3", wantErr: []string{"groups of digits after a separator have three digits"}},
		{name: "mixed separators", id: "employees", input: "1,200 000", wantErr: []string{"mixes separators"}},
		{name: "exponent", id: "employees", input: "1e3", wantErr: []string{`"1e3" is not a whole number as written (write the digits: 1000)`}},
		{name: "hexadecimal", id: "employees", input: "0x10", wantErr: []string{`"0x10" is not a number`}},
		{name: "millions grouped", id: "employees", input: "1,000,000", want: advisor.Answer{Int: 1000000}},
		{name: "a dot as thousands separator", id: "employees", input: "1.000", wantErr: []string{`"1.000" is ambiguous; write the whole number without a dot`}},
		{name: "zero", id: "employees", input: "0", wantErr: []string{"0 is out of range", "from 1 to 1,000,000"}},
		{name: "negative", id: "locations", input: "-4", wantErr: []string{"-4 is out of range", "from 1 to 10,000"}},
		{name: "above the maximum", id: "departments", input: "501", wantErr: []string{"501 is out of range"}},
		{name: "beyond int64", id: "employees", input: "99999999999999999999", wantErr: []string{"far too large"}},

		{name: "choice by value", id: "growth", input: "rapid", want: advisor.Answer{Choice: "rapid"}},
		{name: "choice in capitals", id: "growth", input: "RAPID", want: advisor.Answer{Choice: "rapid"}},
		{name: "choice by number", id: "growth", input: "1", want: advisor.Answer{Choice: "declining"}},
		{name: "choice by last number", id: "growth", input: "4", want: advisor.Answer{Choice: "rapid"}},
		{name: "choice number zero", id: "growth", input: "0", wantErr: []string{`"0" is not one of the choices`, "a number from 1 to 4", "declining, stable, moderate, rapid"}},
		{name: "choice number past the end", id: "growth", input: "5", wantErr: []string{"a number from 1 to 4"}},
		{name: "choice not in the list", id: "growth", input: "fast", wantErr: []string{`"fast" is not one of the choices`}},
		{name: "empty choice", id: "ceo_ops_time", input: " ", wantErr: []string{"choose one: 1 low, 2 medium, 3 high"}},
		{name: "two choices", id: "growth", input: "stable, rapid", wantErr: []string{"is not one of the choices"}},

		{name: "empty multi-choice is none", id: "pain_points", input: "", want: advisor.Answer{}},
		{name: "blank multi-choice is none", id: "expansion", input: "   ", want: advisor.Answer{}},
		{name: "multi-choice values comma-separated", id: "pain_points", input: "quality-assurance, process-optimization", want: advisor.Answer{Multi: []string{"process-optimization", "quality-assurance"}}},
		{name: "multi-choice numbers", id: "expansion", input: "4,1", want: advisor.Answer{Multi: []string{"new-markets", "international"}}},
		{name: "multi-choice numbers and values mixed", id: "leadership", input: "3 COO", want: advisor.Answer{Multi: []string{"coo", "operations-managers"}}},
		{name: "multi-choice duplicates", id: "leadership", input: "1, coo, 1", want: advisor.Answer{Multi: []string{"coo"}}},
		{name: "multi-choice with semicolons", id: "expansion", input: "acquisitions; new-products", want: advisor.Answer{Multi: []string{"new-products", "acquisitions"}}},
		{name: "multi-choice unknown value", id: "pain_points", input: "quality-assurance, morale", wantErr: []string{`"morale" is not one of the choices`, "numbers from 1 to 10", "an empty line for none"}},
		{name: "multi-choice number past the end", id: "leadership", input: "4", wantErr: []string{`"4" is not one of the choices`, "numbers from 1 to 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := d.Question(tt.id)
			if !ok {
				t.Fatalf("no question %s", tt.id)
			}
			got, err := q.ParseInput(tt.input)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("ParseInput(%q) = %+v, want an error", tt.input, got)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseInput(%q): %v", tt.input, err)
			}
			if !answersEqual(q, got, tt.want) {
				t.Errorf("ParseInput(%q) = %+v, want %+v", tt.input, got, tt.want)
			}
			if err := q.Validate(got); err != nil {
				t.Errorf("ParseInput(%q) gave an invalid answer: %v", tt.input, err)
			}
		})
	}
}

func TestFormatAndDescribe(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		id             string
		a              advisor.Answer
		format, prefix string
	}{
		{"employees", advisor.Answer{Int: 1200}, "1200", "1,200 (500 to 1,999)"},
		{"growth", advisor.Answer{Choice: "rapid"}, "rapid", "Rapid (over 30% a year)"},
		{"expansion", advisor.Answer{Multi: []string{"new-markets", "international"}}, "new-markets, international", "New markets; International expansion"},
		{"expansion", advisor.Answer{}, "[]", "None planned"},
	}
	for _, tt := range tests {
		q, _ := d.Question(tt.id)
		if got := q.FormatValue(tt.a); got != tt.format {
			t.Errorf("%s FormatValue = %q, want %q", tt.id, got, tt.format)
		}
		if got := q.Describe(tt.a); got != tt.prefix {
			t.Errorf("%s Describe = %q, want %q", tt.id, got, tt.prefix)
		}
		// What FormatValue writes, ParseInput and an answers file read back.
		back, err := q.ParseInput(tt.format)
		if err != nil || !answersEqual(q, back, tt.a) {
			t.Errorf("%s: ParseInput(FormatValue) = %+v, %v; want %+v", tt.id, back, err, tt.a)
		}
		file, err := d.ParseAnswers("a.yaml", []byte(tt.id+": "+tt.format+"\n"+fullAnswersExcept(d, tt.id)))
		if err != nil || !answersEqual(q, file[tt.id], tt.a) {
			t.Errorf("%s: answers file with %q = %+v, %v; want %+v", tt.id, tt.format, file[tt.id], err, tt.a)
		}
	}
}

// fullAnswersExcept is a valid answers file for every question but id.
func fullAnswersExcept(d *advisor.Definitions, id string) string {
	all := map[string]string{
		"employees": "25", "departments": "3", "locations": "1", "regulation": "light",
		"growth": "stable", "expansion": "[]", "ceo_ops_time": "high", "leadership": "[]", "pain_points": "[quality-assurance]",
	}
	var b strings.Builder
	for _, q := range requiredIDs(d) {
		if q != id {
			b.WriteString(q + ": " + all[q] + "\n")
		}
	}
	return b.String()
}

// requiredIDs lists the questions an answers file must answer: the nine
// of the contract (questions added later have defaults).
func requiredIDs(d *advisor.Definitions) []string {
	var out []string
	for _, q := range d.Questions {
		if q.Required() {
			out = append(out, q.ID)
		}
	}
	return out
}

func TestEmptyListSpellings(t *testing.T) {
	d := builtin(t)
	q, _ := d.Question("expansion")
	for _, in := range []string{"", "[]", "none", "None", " [] "} {
		a, err := q.ParseInput(in)
		if err != nil || len(a.Multi) != 0 {
			t.Errorf("ParseInput(%q) = %+v, %v; want an empty list", in, a, err)
		}
	}
	for _, in := range []string{"none", "[]"} {
		file, err := d.ParseAnswers("a.yaml", []byte("expansion: "+in+"\n"+fullAnswersExcept(d, "expansion")))
		if err != nil || len(file["expansion"].Multi) != 0 {
			t.Errorf("expansion: %q = %+v, %v; want an empty list", in, file["expansion"], err)
		}
	}
	for _, in := range []string{"~", ""} {
		if _, err := d.ParseAnswers("a.yaml", []byte("expansion: "+in+"\n"+fullAnswersExcept(d, "expansion"))); err == nil || !strings.Contains(err.Error(), "no answer given") {
			t.Errorf("expansion: %q accepted (%v); a blank list is not an answer", in, err)
		}
	}
	if _, err := q.ParseInput("none, new-markets"); err == nil {
		t.Error(`"none, new-markets" accepted`)
	}
}

func TestTabIndentationNamesTheFix(t *testing.T) {
	d := builtin(t)
	for _, text := range []string{"employees: 25\n\tdepartments: 3\n", "\temployees: 25\n\tdepartments: 3\n"} {
		_, err := d.ParseAnswers("tab.yaml", []byte(text))
		if err == nil || !strings.Contains(err.Error(), "indent with spaces, not tabs") {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// TestMessagesNeverCarryControlCharacters: text from the user (a key of an
// answers file, a value, a file name) comes back in messages quoted and
// escaped, so an error can never retitle or clear a terminal.
func TestMessagesNeverCarryControlCharacters(t *testing.T) {
	d := builtin(t)
	evil := "\x1b]0;PWNED\a\x1b[2J"
	_, err := d.ParseAnswers("a\x1b[31m.yaml", []byte(`"`+strings.ReplaceAll(strings.ReplaceAll(evil, "\x1b", `\e`), "\a", `\a`)+`": 5`+"\ngrowth: \"fast\\e[2J\"\n"))
	ie := inputError(t, err)
	text := ie.Error()
	if strings.ContainsAny(text, "\x1b\a") {
		t.Fatalf("message carries control characters: %q", text)
	}
	for _, want := range []string{`a\x1b[31m.yaml:1: "\x1b]0;PWNED\a\x1b[2J": unknown question`, `growth: "fast\x1b[2J" is not an allowed value`} {
		if !strings.Contains(text, want) {
			t.Errorf("message %q lacks %q", text, want)
		}
	}
	q, _ := d.Question("growth")
	if _, err := q.ParseInput("\u202efast"); err == nil || strings.ContainsRune(err.Error(), '\u202e') || !strings.Contains(err.Error(), `"\u202efast"`) {
		t.Errorf("typed answer: %v", err)
	}
}

// TestManyProblemsAreCut: a file that makes one mistake thousands of
// times gets one line about it, with the count and the first lines, and
// still every other problem (here the eight missing answers); a file with
// thousands of different mistakes lists the first ones and counts the
// rest. Either way the message stays short.
func TestManyProblemsAreCut(t *testing.T) {
	d := builtin(t)
	var b strings.Builder
	// One answer makes it an answers file, not a file of something else.
	b.WriteString("employees: 140\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "unknown_%d: 1\n", i)
	}
	_, err := d.ParseAnswers("many.yaml", []byte(b.String()))
	ie := inputError(t, err)
	text := ie.Error()
	if !strings.Contains(text, "many.yaml:2: unknown_0: unknown question;") || !strings.Contains(text, "(and 4,999 more like it, on lines 3, 4, 5, 6, 7, 8 and 4,993 others)") {
		t.Errorf("one mistake 5,000 times is not one line with its count:\n%s", text[:min(len(text), 600)])
	}
	if strings.Count(text, "unknown question") != 1 {
		t.Errorf("the same mistake is listed %d times", strings.Count(text, "unknown question"))
	}
	for _, q := range d.Questions[1:9] {
		if !strings.Contains(text, q.ID+": missing answer") {
			t.Errorf("the missing answer to %s is not listed", q.ID)
		}
	}
	if len(text) > 10000 {
		t.Errorf("the message is %d bytes long", len(text))
	}

	// Many different mistakes: the first 30, and a count of the rest.
	var q strings.Builder
	q.WriteString("factors:\n  - {id: size, title: Size}\nquestions:\n  - id: q\n    factor: size\n    title: Q\n    prompt: Q?\n    why: Why.\n    kind: choice\n    options:\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&q, "      - {value: v%d, label: V%d, weights: {nobody-%d: 1}}\n", i, i, i)
	}
	_, err = load(threeRolesYAML, q.String())
	ie = inputError(t, err)
	if len(ie.Problems) != 30 || ie.More != 70 || !strings.Contains(ie.Error(), "... and 70 more problems; fix these first") {
		t.Errorf("100 different mistakes: %d listed, %d more:\n%s", len(ie.Problems), ie.More, ie)
	}
}

// TestManyAliasesAreCounted: a file using one alias sixty times says so
// in one line, with how many more and where they start.
func TestManyAliasesAreCounted(t *testing.T) {
	d := builtin(t)
	var b strings.Builder
	b.WriteString("a: &a [1, 2]\n")
	for i := range 60 {
		fmt.Fprintf(&b, "k%d: *a\n", i)
	}
	_, err := d.ReadAnswers("aliases.yaml", []byte(b.String()), true)
	ie := inputError(t, err)
	want := []string{
		"aliases.yaml:1: a: YAML anchors (&a) are not supported; write the value out",
		"aliases.yaml:2: k0: YAML aliases (*a) are not supported; write the value out (and 59 more like it, on lines 3, 4, 5, 6, 7, 8 and 53 others)",
	}
	if got := strings.Split(ie.Error(), "\n"); !slices.Equal(got, want) {
		t.Errorf("61 anchors and aliases:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBlankTextIsNotAnAnswer: "" or spaces, quoted, are as blank as an
// empty value, for lists too: not answered, never "none".
func TestBlankTextIsNotAnAnswer(t *testing.T) {
	d := builtin(t)
	for _, v := range []string{`""`, `" "`, `''`} {
		for _, q := range []string{"leadership", "expansion", "growth"} {
			f, err := d.ReadAnswers("blank.yaml", []byte(q+": "+v+"\n"), true)
			if err != nil {
				t.Fatalf("%s: %s: %v", q, v, err)
			}
			if _, ok := f.Answers[q]; ok || !slices.Contains(f.Missing, q) {
				t.Errorf("%s: %s read as %+v, want not answered", q, v, f.Answers[q])
			}
			_, err = d.ReadAnswers("blank.yaml", []byte(q+": "+v+"\n"), false)
			if err == nil || !strings.Contains(err.Error(), "blank.yaml:1: "+q+": no answer given") {
				t.Errorf("%s: %s in a full file: %v", q, v, err)
			}
		}
	}
}

// TestNextToAsk: the next question to ask is the first, from where the
// session is, with neither an answer nor a default; none once every
// required question is answered.
func TestNextToAsk(t *testing.T) {
	d := builtin(t)
	full := example(t, "logistics.yaml")
	a := parse(t, d, string(full))
	growth := d.QuestionIndex("growth")
	partial := a.Clone()
	delete(partial, "growth")
	delete(partial, "revenue") // has a default: never asked again
	for _, tc := range []struct {
		name    string
		answers advisor.Answers
		from    int
		want    int
	}{
		{"nothing answered", nil, 0, 0},
		{"every required question answered", a, 0, -1},
		{"one missing", partial, 0, growth},
		{"from past the missing one", partial, growth + 1, -1},
		{"from before zero", partial, -3, growth},
	} {
		if got := d.NextToAsk(tc.answers, tc.from); got != tc.want {
			t.Errorf("%s: NextToAsk = %d, want %d", tc.name, got, tc.want)
		}
	}
}
