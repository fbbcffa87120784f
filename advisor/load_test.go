package advisor_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// The ten responsibility ids of DOMAIN.md, by the role that owns them.
var domainResponsibilities = map[string][]string{
	"coo":                 {"strategy-alignment", "overall-management", "resource-allocation", "performance-monitoring", "risk-management"},
	"operations-director": {"operational-efficiency", "process-optimization", "team-leadership", "quality-assurance", "continuous-improvement"},
}

func allDomainResponsibilities() []string {
	return append(slices.Clone(domainResponsibilities["coo"]), domainResponsibilities["operations-director"]...)
}

// checkBuiltinRole checks that built-in role id has its title and every
// part a brief needs: a summary, how it works with the others, when it
// fits, five named responsibilities, and its place in the comparison of
// the options (the decision it is, and its remit there).
func checkBuiltinRole(t *testing.T, d *advisor.Definitions, id, title string) {
	t.Helper()
	r, ok := d.Role(id)
	if !ok {
		t.Fatalf("no role %q", id)
	}
	if r.Title != title {
		t.Errorf("role %s title = %q, want %q", id, r.Title, title)
	}
	if r.Summary == "" || r.WorksWith == "" || len(r.FitsWhen) == 0 || len(r.Responsibilities) != 5 || r.Brief.Decision == "" || len(r.Brief.Scorecard.Remit) == 0 {
		t.Errorf("role %s is incomplete: %+v", id, r)
	}
	for _, x := range r.Responsibilities {
		if x.Name == "" || x.Description == "" {
			t.Errorf("role %s responsibility %q lacks a name or description", id, x.ID)
		}
	}
}

func TestBuiltinDefinitionsLoad(t *testing.T) {
	d := builtin(t)

	wantRoles := map[string]string{"coo": "Chief Operating Officer", "operations-director": "Operations Director", "fractional-coo": "Fractional COO", "no-new-leader": "No new operations leader yet"}
	if got := d.RoleIDs(); !slices.Equal(got, []string{"coo", "operations-director", "fractional-coo", "no-new-leader"}) {
		t.Errorf("role ids = %q, want coo, operations-director, fractional-coo, no-new-leader", got)
	}
	// The COO and the Operations Director are the heart of the comparison.
	if got := d.PrimaryRoles(); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("primary roles %v, want the COO and the Operations Director", got)
	}
	// Ties go to the cheaper, more reversible step: no hire first.
	if d.TieOrder[3] != 0 || d.TieOrder[2] != 1 || d.TieOrder[1] != 2 || d.TieOrder[0] != 3 {
		t.Errorf("tie order %v, want no new leader, fractional COO, Operations Director, COO", d.TieOrder)
	}
	for id, title := range wantRoles {
		checkBuiltinRole(t, d, id, title)
	}
	var factors []string
	for _, f := range d.Factors {
		factors = append(factors, f.ID)
	}
	if want := []string{"size", "complexity", "growth", "leadership", "needs"}; !slices.Equal(factors, want) {
		t.Errorf("factors = %q, want %q", factors, want)
	}
	for _, q := range d.Questions {
		if _, ok := d.Factor(q.Factor); !ok {
			t.Errorf("question %s has unknown factor %q", q.ID, q.Factor)
		}
		if q.Prompt == "" || q.Why == "" || q.Title == "" {
			t.Errorf("question %s lacks a prompt, why or title", q.ID)
		}
		if strings.Contains(q.Why, "\n") {
			t.Errorf("question %s: why is not one line: %q", q.ID, q.Why)
		}
	}
}

// TestAnswersContract pins the answers contract of issue 3: the nine
// question ids in order, their kinds and allowed values. Answers files
// written against it must stay valid.
func TestAnswersContract(t *testing.T) {
	d := builtin(t)
	contract := []struct {
		id       string
		kind     advisor.Kind
		min, max int
		values   []string
	}{
		{id: "employees", kind: advisor.KindInteger, min: 1, max: 1000000},
		{id: "departments", kind: advisor.KindInteger, min: 1, max: 500},
		{id: "locations", kind: advisor.KindInteger, min: 1, max: 10000},
		{id: "regulation", kind: advisor.KindChoice, values: []string{"light", "moderate", "heavy"}},
		{id: "growth", kind: advisor.KindChoice, values: []string{"declining", "stable", "moderate", "rapid"}},
		{id: "expansion", kind: advisor.KindMulti, values: []string{"new-markets", "new-products", "acquisitions", "international"}},
		{id: "ceo_ops_time", kind: advisor.KindChoice, values: []string{"low", "medium", "high"}},
		{id: "leadership", kind: advisor.KindMulti, values: []string{"coo", "operations-director", "operations-managers"}},
		{id: "pain_points", kind: advisor.KindMulti, values: allDomainResponsibilities()},
	}
	if len(d.Questions) < len(contract) {
		t.Fatalf("%d questions, the contract has %d", len(d.Questions), len(contract))
	}
	for i, c := range contract {
		t.Run(c.id, func(t *testing.T) {
			q := d.Questions[i]
			if q.ID != c.id {
				t.Fatalf("question %d is %q, want %q", i+1, q.ID, c.id)
			}
			if q.Kind != c.kind {
				t.Errorf("kind = %q, want %q", q.Kind, c.kind)
			}
			switch c.kind {
			case advisor.KindInteger:
				if q.Min != c.min || q.Max != c.max {
					t.Errorf("range = %d..%d, want %d..%d", q.Min, q.Max, c.min, c.max)
				}
				// Bands tile the range with no gap and no overlap.
				next := q.Min
				for _, b := range q.Bands {
					if b.Min != next || b.Max < b.Min {
						t.Errorf("band %q is %d..%d, want it to start at %d", b.Label, b.Min, b.Max, next)
					}
					next = b.Max + 1
				}
				if next != q.Max+1 {
					t.Errorf("bands end at %d, want %d", next-1, q.Max)
				}
			default:
				got := q.Values()
				if c.id == "pain_points" {
					// Order is free; the set is the ten responsibilities.
					got, want := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(c.values))
					if !slices.Equal(got, want) {
						t.Errorf("values = %q, want %q", got, want)
					}
				} else if !slices.Equal(got, c.values) {
					t.Errorf("values = %q, want %q", got, c.values)
				}
			}
		})
	}
	// Further questions may follow, but files written against the nine
	// must stay valid: each needs a default.
	for _, q := range d.Questions[len(contract):] {
		if q.Required() {
			t.Errorf("question %s follows the contract's nine but has no default", q.ID)
		}
	}
	// The leadership values name the two full-time roles themselves.
	lead, _ := d.Question("leadership")
	for _, i := range d.PrimaryRoles() {
		if o, _ := lead.Option(d.Roles[i].ID); o == nil {
			t.Errorf("leadership has no option for role %s", d.Roles[i].ID)
		}
	}
}

func TestDomainResponsibilitiesInRoles(t *testing.T) {
	d := builtin(t)
	for role, ids := range domainResponsibilities {
		for _, id := range ids {
			owner, x, ok := d.ResponsibilityOwner(id)
			if !ok {
				t.Errorf("responsibility %s is not in roles.yaml", id)
				continue
			}
			if owner.ID != role {
				t.Errorf("responsibility %s belongs to %s, want %s", id, owner.ID, role)
			}
			if x.ID != id {
				t.Errorf("ResponsibilityOwner(%s) returned %s", id, x.ID)
			}
		}
	}
	// The pain points are exactly the ten responsibilities of the COO and
	// the Operations Director; the fractional COO's own five are not pains.
	n := 0
	for _, i := range d.PrimaryRoles() {
		n += len(d.Roles[i].Responsibilities)
	}
	if n != 10 {
		t.Errorf("the COO and the Operations Director have %d responsibilities, want the ten of DOMAIN.md", n)
	}
	pains, _ := d.Question("pain_points")
	for _, v := range pains.Values() {
		if owner, _, ok := d.ResponsibilityOwner(v); !ok || owner.Secondary {
			t.Errorf("pain %s is not a responsibility of the COO or the Operations Director", v)
		}
	}
}

// TestThreeRolesEndToEnd proves that nothing assumes exactly two roles:
// each of three roles can be recommended, explained and reported.
func TestThreeRolesEndToEnd(t *testing.T) {
	d := threeRoles(t)
	if len(d.Roles) != 3 {
		t.Fatalf("%d roles, want 3", len(d.Roles))
	}
	tests := []struct {
		name    string
		answers string
		want    string
	}{
		{"large fast-growing company with strategy pains gets a COO", "employees: 5000\ngrowth: rapid\nceo_ops_time: low\npain_points: [strategy-alignment]\nlocations: 12\n", "coo"},
		{"mid-sized steady company with bottlenecks gets an Operations Director", "employees: 60\ngrowth: stable\nceo_ops_time: low\npain_points: [process-optimization]\n", "operations-director"},
		{"small company with an overloaded CEO gets a Chief of Staff", "employees: 12\ngrowth: moderate\nceo_ops_time: high\npain_points: [ceo-overload]\n", "chief-of-staff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parse(t, d, tt.answers)
			res := recommend(t, d, a)
			if res.Recommended != tt.want {
				t.Fatalf("recommended %s, want %s (scores %+v)", res.Recommended, tt.want, res.Scores)
			}
			if len(res.Scores) != 3 {
				t.Errorf("%d scores, want 3", len(res.Scores))
			}
			if res.RunnerUp == res.Recommended || d.RoleIndex(res.RunnerUp) < 0 {
				t.Errorf("runner-up %q", res.RunnerUp)
			}
			// The runner-up has the second-highest score.
			for _, s := range res.Scores {
				if s.Role != res.Recommended && s.Points > points(res, res.RunnerUp) {
					t.Errorf("%s has %v points, more than runner-up %s", s.Role, s.Points, res.RunnerUp)
				}
			}
			// Defaults are filled in for the question the file leaves out.
			if _, ok := res.Answers["locations"]; !ok {
				t.Error("default for locations not filled in")
			}
			checkChanges(t, d, res)

			js, err := d.Report(res, advisor.FormatJSON, testReport)
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Recommended string             `json:"recommended"`
				Scores      map[string]float64 `json:"scores"`
			}
			if err := json.Unmarshal(js, &got); err != nil {
				t.Fatal(err)
			}
			if got.Recommended != tt.want || len(got.Scores) != 3 {
				t.Errorf("JSON recommended %q with %d scores", got.Recommended, len(got.Scores))
			}
			text, err := d.Report(res, advisor.FormatText, testReport)
			if err != nil {
				t.Fatal(err)
			}
			// Every role is among the options compared, by its title, and
			// scored in the appendix, by its short name.
			options := string(text)[:strings.Index(string(text), "How this was scored")]
			appendix := string(text)[len(options):]
			for _, r := range d.Roles {
				if !strings.Contains(options, r.Title) || !strings.Contains(appendix, r.Short) {
					t.Errorf("the text report does not compare and score %s", r.Title)
				}
			}
		})
	}

	table := d.RolesTable(120, false, true)
	lines := strings.Split(table, "\n")
	if got := strings.Count(lines[0], "│"); got != 2 {
		t.Errorf("roles table header has %d column separators, want 2: %q", got, lines[0])
	}
	for _, r := range d.Roles {
		if !strings.Contains(lines[0], strings.ToUpper(r.Title)) {
			t.Errorf("roles table header lacks %s: %q", r.Title, lines[0])
		}
	}
	md := d.RolesMarkdown()
	if !strings.Contains(md, "| Chief Operating Officer | Operations Director | Chief of Staff |") {
		t.Errorf("roles markdown lacks a three-column header:\n%s", md)
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"defs/roles.yaml":     {Data: []byte(threeRolesYAML)},
		"defs/questions.yaml": {Data: []byte(threeQuestionsYAML)},
		"defs/bad.yaml":       {Data: []byte("roles:\n  - id: coo\n")},
		"defs/sub/x.yaml":     {Data: []byte("x")},
	}
	d, err := advisor.LoadFS(fsys, "defs/roles.yaml", "defs/questions.yaml", "my ")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Roles) != 3 || len(d.Questions) != 5 {
		t.Errorf("loaded %d roles and %d questions, want 3 and 5", len(d.Roles), len(d.Questions))
	}

	tests := []struct {
		name             string
		roles, questions string
		want             wantProblem
	}{
		{"missing roles file", "defs/nope.yaml", "defs/questions.yaml", wantProblem{file: "my defs/nope.yaml", msgs: []string{"cannot be read", "no such file"}}},
		{"missing questions file", "defs/roles.yaml", "defs/gone.yaml", wantProblem{file: "my defs/gone.yaml", msgs: []string{"no such file"}}},
		{"directory instead of a file", "defs/sub", "defs/questions.yaml", wantProblem{file: "my defs/sub", msgs: []string{"is a directory"}}},
		{"problems name the file with its prefix", "defs/bad.yaml", "defs/questions.yaml", wantProblem{file: "my defs/bad.yaml", line: 2, key: "roles[0]", msgs: []string{`missing required field "title"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := advisor.LoadFS(fsys, tt.roles, tt.questions, "my ")
			requireProblem(t, err, tt.want)
		})
	}

	// ReadSource reads at most one byte over the limit, so that a huge
	// file is reported without being read whole.
	big := fstest.MapFS{"big.yaml": {Data: make([]byte, 3*advisor.MaxFileSize)}}
	src, err := advisor.ReadSource(big, "big.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Data) != advisor.MaxFileSize+1 {
		t.Errorf("read %d bytes, want %d", len(src.Data), advisor.MaxFileSize+1)
	}
	if _, err := advisor.ReadSource(fsys, "missing.yaml", ""); !errors.As(err, new(*advisor.InputError)) {
		t.Errorf("ReadSource of a missing file: %v, want an InputError", err)
	}
}

// defsCase is one broken definitions file, made by changing one thing in
// the valid three-role files.
type defsCase struct {
	name string
	file string // "roles" or "questions"
	old  string // text of the valid file to replace
	new  string
	at   string // where the problem is: a substring of the broken file; its line is the expected line
	key  string
	msgs []string
}

func TestLoadRejectsBadRoles(t *testing.T) {
	tests := []defsCase{
		{
			name: "duplicate role id",
			old:  "  - id: chief-of-staff\n", new: "  - id: coo # again\n", at: "coo # again",
			key: "roles[coo].id", msgs: []string{`duplicate role id "coo"`, "role ids must be unique"},
		},
		{
			name: "responsibility id used by two roles",
			old:  "      - id: ceo-overload\n", new: "      - id: strategy-alignment # again\n", at: "strategy-alignment # again",
			key: "roles[chief-of-staff].responsibilities[0].id", msgs: []string{`duplicate responsibility id "strategy-alignment"`, "role coo", "unique across roles"},
		},
		{
			name: "responsibility id twice in one role",
			old:  "      - id: risk-management\n", new: "      - id: strategy-alignment # again\n", at: "strategy-alignment # again",
			key: "roles[coo].responsibilities[1].id", msgs: []string{`duplicate responsibility id "strategy-alignment"`},
		},
		{
			name: "unknown field in a role",
			old:  "    short: CoS\n", new: "    short: CoS\n    salary: 300000\n", at: "salary",
			key: "roles[2].salary", msgs: []string{"unknown field", "allowed fields are id, title, short, advice, headline, summary, responsibilities, fits_when, works_with"},
		},
		{
			name: "misspelt field gets a suggestion",
			old:  "    summary: Takes", new: "    summery: Takes", at: "summery",
			key: "roles[2].summery", msgs: []string{"unknown field", "did you mean summary?"},
		},
		{
			name: "unknown top-level field",
			old:  "roles:\n", new: "version: 2\nroles:\n", at: "version",
			key: "version", msgs: []string{"unknown field", "allowed fields are roles"},
		},
		{
			name: "unknown field in a responsibility",
			old:  "        name: CEO leverage\n", new: "        name: CEO leverage\n        owner: ceo\n", at: "owner",
			key: "roles[chief-of-staff].responsibilities[0].owner", msgs: []string{"unknown field", "allowed fields are id, name, description"},
		},
		{
			name: "missing required field",
			old:  "    works_with: Works for the CEO, next to both other roles.\n", new: "", at: "id: chief-of-staff",
			key: "roles[2]", msgs: []string{`missing required field "works_with"`},
		},
		{
			name: "missing responsibility description",
			old:  "        description: Handles what the CEO should not have to.\n", new: "", at: "id: ceo-overload",
			key: "roles[chief-of-staff].responsibilities[0]", msgs: []string{`missing required field "description"`},
		},
		{
			name: "empty title",
			old:  "    title: Chief of Staff\n", new: "    title: \"\"\n", at: `title: ""`,
			key: "roles[chief-of-staff].title", msgs: []string{"must not be empty"},
		},
		{
			name: "id that is not an id",
			old:  "  - id: chief-of-staff\n", new: "  - id: Chief of Staff\n", at: "id: Chief of Staff",
			key: "roles[2].id", msgs: []string{`"Chief of Staff" is not a valid id`, "lowercase letters and digits joined by -"},
		},
		{
			name: "fits_when that is not a list",
			old:  "    fits_when:\n      - The company is small and the CEO is overloaded.\n", new: "    fits_when: always\n", at: "fits_when: always",
			key: "roles[chief-of-staff].fits_when", msgs: []string{`expected a list of text lines, got "always"`},
		},
		{
			name: "roles that is not a list",
			old:  threeRolesYAML, new: "roles: coo\n", at: "roles: coo",
			key: "roles", msgs: []string{`expected a list of roles, got "coo"`},
		},
		{
			name: "a single role",
			old:  threeRolesYAML[strings.Index(threeRolesYAML, "  - id: operations-director"):], new: "", at: "  - id: coo",
			key: "roles", msgs: []string{"needs at least two roles", "found 1"},
		},
		{
			name: "a list instead of a mapping",
			old:  threeRolesYAML, new: "- coo\n- operations-director\n", at: "- coo",
			key: "", msgs: []string{"expected a mapping of keys to values, got a list"},
		},
	}
	for _, tt := range tests {
		tt.file = "roles"
		runDefsCase(t, tt)
	}
}

func TestLoadRejectsBadQuestions(t *testing.T) {
	tests := []defsCase{
		{
			name: "unknown placeholder",
			old:  "    unit_one: employee\n", new: "    unit_one: employee\n    statement: \"{value} {unit} {nope}\"\n", at: "{nope}",
			key: "questions[employees].statement", msgs: []string{`"{nope}" is not filled in for a number question`, "may use {value} and {unit}"},
		},
		{
			name: "a list's placeholder on a number",
			old:  "    unit_one: employee\n", new: "    unit_one: employee\n    statement: \"{list} people\"\n", at: "{list}",
			key: "questions[employees].statement", msgs: []string{`"{list}" is not filled in`},
		},
		{
			name: "a placeholder in an option's statement",
			old:  "        label: Rapid\n", new: "        label: Rapid\n        statement: \"Grows {value}\"\n", at: "- value: rapid",
			key: "questions[growth].options[2].statement", msgs: []string{`"{value}" is not filled in for a choice question; its statements take no placeholders`},
		},
		{
			name: "duplicate question id",
			old:  "  - id: locations\n", new: "  - id: growth # again\n", at: "growth # again",
			key: "questions[growth].id", msgs: []string{`duplicate question id "growth"`, "question ids must be unique"},
		},
		{
			name: "duplicate option value",
			old:  "      - value: moderate\n", new: "      - value: stable # again\n", at: "stable # again",
			key: "questions[growth].options[1].value", msgs: []string{`duplicate value "stable"`, "values must be unique"},
		},
		{
			name: "duplicate factor id",
			old:  "  - id: leadership\n    title: Leadership\n", new: "  - id: size # again\n    title: Leadership\n", at: "size # again",
			key: "factors[2].id", msgs: []string{`duplicate factor id "size"`},
		},
		{
			name: "weights naming an unknown role",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {cooo: 3}", at: "cooo",
			key: "questions[growth].options[2].weights.cooo", msgs: []string{`unknown role "cooo"`, "did you mean coo?", "roles are coo, operations-director, chief-of-staff"},
		},
		{
			name: "weights naming a role only another file has",
			old:  "label: Bottlenecks\n        weights: {operations-director: 2}", new: "label: Bottlenecks\n        weights: {fractional-coo: 2}", at: "fractional-coo",
			key: "questions[pain_points].options[1].weights.fractional-coo", msgs: []string{`unknown role "fractional-coo"`, "roles are coo, operations-director, chief-of-staff"},
		},
		{
			name: "unknown field in a question",
			old:  "    why: Fast growth needs someone to steer it.\n", new: "    why: Fast growth needs someone to steer it.\n    weight: 2\n", at: "weight: 2",
			key: "questions[1].weight", msgs: []string{"unknown field", "allowed fields are id, factor, title, prompt, why, help, detail, kind"},
		},
		{
			name: "unknown field in an option",
			old:  "        label: Stable\n", new: "        label: Stable\n        points: 2\n", at: "points: 2",
			key: "questions[growth].options[0].points", msgs: []string{"unknown field", "allowed fields are value, unless, percent, off_scale, label, statement, weights, notes, rules_out, why, source, lever"},
		},
		{
			name: "unknown field in a band",
			old:  "        label: 20 or fewer\n", new: "        label: 20 or fewer\n        min: 1\n", at: "        min: 1",
			key: "questions[employees].bands[0].min", msgs: []string{"unknown field", "allowed fields are max, label, statement, weights"},
		},
		{
			name: "unknown top-level field",
			old:  "questions:\n", new: "version: 1\nquestions:\n", at: "version",
			key: "version", msgs: []string{"unknown field", "allowed fields are scoring, factors, questions, also_plan_for"},
		},
		{
			name: "bad kind",
			old:  "    kind: choice\n    options:\n      - value: stable\n", new: "    kind: select\n    options:\n      - value: stable\n", at: "kind: select",
			key: "questions[growth].kind", msgs: []string{`"select" is not a kind`, "kinds are integer, choice, multi-choice"},
		},
		{
			name: "bands not reaching the question's max",
			old:  "      - label: 1,000 or more\n", new: "      - max: 5000\n        label: 1,000 or more\n", at: "max: 5000",
			key: "questions[employees].bands[3].max", msgs: []string{"the last band ends at 5000 but answers go up to 100000", "drop max from the last band"},
		},
		{
			name: "decreasing bands",
			old:  "      - max: 999\n", new: "      - max: 50\n", at: "max: 50\n",
			key: "questions[employees].bands[2].max", msgs: []string{"50 is below where this band starts (100)", "band maxima must rise"},
		},
		{
			name: "band above the question's max",
			old:  "      - max: 999\n", new: "      - max: 200000\n", at: "max: 200000",
			key: "questions[employees].bands[2].max", msgs: []string{"200000 is above the question's max (100000)"},
		},
		{
			name: "band reaching the max before the last",
			old:  "      - max: 999\n", new: "      - max: 100000 # too far\n", at: "# too far",
			key: "questions[employees].bands[2].max", msgs: []string{"already reaches the question's max", "can never apply"},
		},
		{
			name: "negative weight",
			old:  "label: 20 or fewer\n        weights: {chief-of-staff: 3}", new: "label: 20 or fewer\n        weights: {chief-of-staff: -3}", at: "chief-of-staff: -3",
			key: "questions[employees].bands[0].weights.chief-of-staff", msgs: []string{"-3 is negative", "give points to the other roles instead"},
		},
		{
			name: "weight that is not a number",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {coo: lots}", at: "coo: lots",
			key: "questions[growth].options[2].weights.coo", msgs: []string{`got "lots"`, "expected points, a number of 0 or more"},
		},
		{
			name: "weight that is not finite",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {coo: .inf}", at: "coo: .inf",
			key: "questions[growth].options[2].weights.coo", msgs: []string{`".inf" is not written as points`},
		},
		{
			name: "weight in hexadecimal",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {coo: 0x10}", at: "coo: 0x10",
			key: "questions[growth].options[2].weights.coo", msgs: []string{`"0x10" is not written as points (write decimal digits, like 2 or 1.5)`},
		},
		{
			name: "weight with too many decimals",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {coo: 1e-300}", at: "coo: 1e-300",
			key: "questions[growth].options[2].weights.coo", msgs: []string{"is not written as points"},
		},
		{
			name: "weight finer than a hundredth",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {coo: 0.125}", at: "coo: 0.125",
			key: "questions[growth].options[2].weights.coo", msgs: []string{"0.125 has more than two decimals"},
		},
		{
			name: "rule for an unknown role",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {coo: 3}\n        rules_out: [{role: ceo, reason: No.}]", at: "role: ceo",
			key: "questions[growth].options[2].rules_out[0].role", msgs: []string{`unknown role "ceo"`, "roles are coo, operations-director, chief-of-staff"},
		},
		{
			name: "rule without a reason",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {coo: 3}\n        rules_out: [{role: coo}]", at: "role: coo",
			key: "questions[growth].options[2].rules_out[0]", msgs: []string{`missing required field "reason"`},
		},
		{
			name: "cap that is not points",
			old:  "    kind: multi-choice\n", new: "    kind: multi-choice\n    cap: 0\n", at: "cap: 0",
			key: "questions[pain_points].cap", msgs: []string{"must be above 0"},
		},
		{
			name: "unless naming an unknown value",
			old:  "        label: Bottlenecks\n", new: "        label: Bottlenecks\n        unless: [strategy]\n", at: "unless: [strategy]",
			key: "questions[pain_points].options[process-optimization].unless", msgs: []string{`unknown value "strategy"`, "values are strategy-alignment, process-optimization, ceo-overload"},
		},
		{
			name: "lever that is not a boolean",
			old:  "        label: Bottlenecks\n", new: "        label: Bottlenecks\n        lever: no way\n", at: "lever: no way",
			key: "questions[pain_points].options[1].lever", msgs: []string{"expected true or false"},
		},
		{
			name: "title with an escape sequence",
			old:  "    title: Employees\n", new: "    title: \"Employees\\e]0;PWNED\\a\"\n", at: "PWNED",
			key: "questions[employees].title", msgs: []string{"contains a control character (U+001B)"},
		},
		{
			name: "label with a right-to-left override",
			old:  "        label: Stable\n", new: "        label: \"Sta\\u202Eble\"\n", at: "Sta",
			key: "questions[growth].options[0].label", msgs: []string{"an invisible formatting character (U+202E)"},
		},
		{
			name: "label with an Arabic letter mark",
			old:  "        label: Stable\n", new: "        label: \"Sta\\u061Cble\"\n", at: "Sta",
			key: "questions[growth].options[0].label", msgs: []string{"an invisible formatting character (U+061C)"},
		},
		{
			name: "label with a soft hyphen",
			old:  "        label: Stable\n", new: "        label: \"Sta\\u00ADble\"\n", at: "Sta",
			key: "questions[growth].options[0].label", msgs: []string{"(U+00AD)"},
		},
		{
			name: "label with a tag character",
			old:  "        label: Stable\n", new: "        label: \"Stable\\U000E0041\"\n", at: "Stable\\U",
			key: "questions[growth].options[0].label", msgs: []string{"(U+E0041)"},
		},
		{
			name: "label with a Hangul filler",
			old:  "        label: Stable\n", new: "        label: \"Stable\\u3164\"\n", at: "Stable\\u",
			key: "questions[growth].options[0].label", msgs: []string{"(U+3164)"},
		},
		{
			name: "label far too long",
			old:  "        label: Stable\n", new: "        label: " + strings.Repeat("S", 300) + "\n", at: "SSSS",
			key: "questions[growth].options[0].label", msgs: []string{"is 300 characters long; keep it to 200"},
		},
		{
			name: "also_plan_for an unknown role",
			old:  "factors:\n", new: "also_plan_for:\n  - {recommended: coo, plan: ceo, min_points: 2, text: Plan it}\nfactors:\n", at: "plan: ceo",
			key: "also_plan_for[0].plan", msgs: []string{`unknown role "ceo"`},
		},
		{
			name: "scoring confidence bounds that do not rise",
			old:  "factors:\n", new: "scoring:\n  confidence:\n    - {below: 0.5, word: close}\n    - {below: 0.2, word: clear}\n    - {word: strong}\nfactors:\n", at: "below: 0.2",
			key: "scoring.confidence[1].below", msgs: []string{"bounds must rise above 0.5"},
		},
		{
			name: "weights given twice for a role",
			old:  "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights:\n          coo: 3\n          coo: 1 # again", at: "coo: 1 # again",
			key: "questions[growth].options[2].weights.coo", msgs: []string{"given twice", "keep one"},
		},
		{
			name: "missing required field",
			old:  "    why: Fast growth needs someone to steer it.\n", new: "", at: "  - id: growth\n    factor: growth",
			key: "questions[1]", msgs: []string{`missing required field "why"`},
		},
		{
			name: "integer question without a unit",
			old:  "    unit: locations\n", new: "", at: "    kind: integer\n    unit_one: location",
			key: "questions[locations]", msgs: []string{`integer questions need "unit"`},
		},
		{
			name: "integer question without bands",
			old:  threeQuestionsYAML[strings.LastIndex(threeQuestionsYAML, "    bands:\n"):], new: "", at: "    kind: integer\n    unit: locations",
			key: "questions[locations]", msgs: []string{`integer questions need "bands"`},
		},
		{
			name: "empty bands",
			old:  threeQuestionsYAML[strings.LastIndex(threeQuestionsYAML, "    bands:\n"):], new: "    bands: []\n", at: "bands: []",
			key: "questions[locations].bands", msgs: []string{"needs at least one band; give each band a max"},
		},
		{
			name: "option value that is null",
			old:  "      - value: stable\n", new: "      - value: null\n", at: "value: null",
			key: "questions[growth].options[0].value", msgs: []string{"expected an id, got nothing"},
		},
		{
			name: "multi-choice question without options",
			old:  "    kind: multi-choice\n    options:\n      - value: strategy-alignment\n        label: Strategy drift\n        weights: {coo: 2}\n      - value: process-optimization\n        label: Bottlenecks\n        weights: {operations-director: 2}\n      - value: ceo-overload\n        label: The CEO does everything\n        weights: {chief-of-staff: 2}\n",
			new:  "    kind: multi-choice\n    options: []\n", at: "options: []",
			key: "questions[pain_points].options", msgs: []string{"multi-choice questions need at least 1 option, found 0"},
		},
		{
			name: "choice question with one option",
			old:  "      - value: high\n        label: High\n        weights: {chief-of-staff: 3}\n", new: "", at: "      - value: low",
			key: "questions[ceo_ops_time].options", msgs: []string{"choice questions need at least 2 options, found 1"},
		},
		{
			name: "field another kind uses",
			old:  "    why: Fast growth needs someone to steer it.\n", new: "    why: Fast growth needs someone to steer it.\n    min: 1\n", at: "    min: 1\n    kind: choice",
			key: "questions[growth].min", msgs: []string{"not used by choice questions", "remove it"},
		},
		{
			name: "unknown factor",
			old:  "    factor: needs\n", new: "    factor: wants\n", at: "factor: wants",
			key: "questions[pain_points].factor", msgs: []string{`unknown factor "wants"`, "factors are size, growth, leadership, needs"},
		},
		{
			name: "min not below max",
			old:  "    max: 1000\n", new: "    max: 1\n", at: "    max: 1\n    default",
			key: "questions[locations].max", msgs: []string{"must be greater than min (1)"},
		},
		{
			name: "default out of range",
			old:  "    default: 1\n", new: "    default: 0\n", at: "default: 0",
			key: "questions[locations].default", msgs: []string{"0 is out of range", "allowed: a whole number from 1 to 1,000"},
		},
		{
			name: "option value that is not an id",
			old:  "      - value: stable\n", new: "      - value: Stable growth\n", at: "Stable growth",
			key: "questions[growth].options[0].value", msgs: []string{`"Stable growth" is not a valid id`},
		},
		{
			name: "min that is not a number",
			old:  "    min: 1\n    max: 1000\n", new: "    min: one\n    max: 1000\n", at: "min: one",
			key: "questions[locations].min", msgs: []string{`"one" is not a number`},
		},
		{
			name: "no questions",
			old:  threeQuestionsYAML[strings.Index(threeQuestionsYAML, "  - id: employees"):], new: "", at: "questions:",
			key: "questions", msgs: []string{`expected a list of questions, got nothing`},
		},
	}
	for _, tt := range tests {
		tt.file = "questions"
		runDefsCase(t, tt)
	}
}

// TestLoadRejectsBadFiles covers what is wrong with a file as a whole.
func TestLoadRejectsBadFiles(t *testing.T) {
	bomb := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for c := 'b'; c <= 'i'; c++ {
		p := string(c - 1)
		bomb += fmt.Sprintf("%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", c, c, p, p, p, p, p, p, p, p, p)
	}
	huge := threeRolesYAML + "# " + strings.Repeat("x", advisor.MaxFileSize) + "\n"
	for _, file := range []string{"roles", "questions"} {
		valid := threeRolesYAML
		if file == "questions" {
			valid = threeQuestionsYAML
		}
		tests := []defsCase{
			{name: "empty file", old: valid, new: "", msgs: []string{"is empty", "expected a " + file + " YAML file"}},
			{name: "only comments", old: valid, new: "# nothing here\n\n", msgs: []string{"is empty"}},
			{name: "only a document marker", old: valid, new: "---\n", msgs: []string{"is empty"}},
			{name: "binary file", old: valid, new: "\x7fELF\x02\x01\x01\x00\x00\x00", msgs: []string{"the file looks binary", "give a " + file + " YAML file"}},
			{name: "invalid UTF-8", old: valid, new: "roles: \xff\xfe\n", at: "roles", msgs: []string{"the file is not UTF-8 text"}},
			{name: "file over 1 MiB", old: valid, new: huge, msgs: []string{"larger than the 1 MiB limit", "is this the right file?"}},
			{name: "alias bomb", old: valid, new: bomb, at: "a: &a", key: "a", msgs: []string{"YAML anchors (&a) are not supported", "write the value out"}},
			{name: "alias bomb aliases", old: valid, new: bomb, at: "b: &b", key: "b[0]", msgs: []string{"YAML aliases (*a) are not supported"}},
			{name: "two documents", old: valid, new: valid + "---\nroles: []\n", at: "---\nroles: []", msgs: []string{"more than one YAML document", "keep one"}},
			{name: "deep nesting", old: valid, new: strings.Repeat("[", 20000), at: "[", msgs: []string{"malformed YAML", "exceeded max depth"}},
			{name: "tab indentation", old: valid, new: "a:\n\tb: 1\n", at: "\tb", msgs: []string{"malformed YAML"}},
			{name: "unclosed quote", old: valid, new: "a: 1\nb: \"open\nc: 2\n", at: "b: \"open", msgs: []string{"malformed YAML"}},
		}
		for _, tt := range tests {
			tt.file = file
			runDefsCase(t, tt)
		}
	}

	// Malformed YAML inside an otherwise valid file, with the line of the
	// mistake (the YAML library alone points above it).
	tests := []defsCase{
		{
			name: "unclosed flow mapping", file: "questions",
			old: "label: Rapid\n        weights: {coo: 3}", new: "label: Rapid\n        weights: {coo: 3", at: "weights: {coo: 3\n",
			msgs: []string{"malformed YAML", "did not find expected ',' or '}'"},
		},
		{
			name: "list item among keys", file: "roles",
			old: "    short: CoS\n", new: "    short: CoS\n    - stray\n", at: "- stray",
			msgs: []string{"malformed YAML"},
		},
		{
			name: "list item after a quoted summary spanning lines", file: "roles",
			old: "    summary: Takes the CEO's operational load so the CEO can lead.\n    responsibilities:\n",
			new: "    summary: \"Takes the CEO's operational load\n      so the CEO can lead.\"\n    - stray\n    responsibilities:\n", at: "- stray",
			msgs: []string{"malformed YAML"},
		},
		{
			name: "key indented under a scalar", file: "questions",
			old: "    why: Sites add coordination.\n", new: "    why: Sites add coordination.\n     extra: 1\n", at: "extra: 1",
			msgs: []string{"malformed YAML", "mapping values are not allowed"},
		},
		{
			name: "anchored weights", file: "questions",
			old: "label: Stable\n        weights: {operations-director: 2}", new: "label: Stable\n        weights: &w {operations-director: 2}", at: "&w",
			key: "questions[1].options[0].weights", msgs: []string{"YAML anchors (&w) are not supported"},
		},
		{
			name: "alias without its anchor", file: "questions",
			old: "label: Low\n        weights: {operations-director: 1}", new: "label: Low\n        weights: *w", at: "*w",
			msgs: []string{"malformed YAML", "unknown anchor"},
		},
	}
	for _, tt := range tests {
		runDefsCase(t, tt)
	}
}

func runDefsCase(t *testing.T, tt defsCase) {
	t.Helper()
	t.Run(tt.file+"/"+tt.name, func(t *testing.T) {
		roles, questions := threeRolesYAML, threeQuestionsYAML
		broken := ""
		if tt.file == "roles" {
			roles = replaceOnce(t, roles, tt.old, tt.new)
			broken = roles
		} else {
			questions = replaceOnce(t, questions, tt.old, tt.new)
			broken = questions
		}
		d, err := load(roles, questions)
		if err == nil {
			t.Fatalf("loaded %d roles and %d questions, want an error", len(d.Roles), len(d.Questions))
		}
		line := 0
		if tt.at != "" {
			line = lineOf(t, broken, tt.at)
		}
		requireProblem(t, err, wantProblem{file: tt.file + ".yaml", line: line, key: tt.key, msgs: tt.msgs})
	})
}

// TestLoadReportsAllProblems: every problem in both files comes at once,
// sorted by line within a file.
func TestLoadReportsAllProblems(t *testing.T) {
	roles := replaceOnce(t, threeRolesYAML, "    short: CoS\n", "    short: CoS\n    salary: 1\n")
	roles = replaceOnce(t, roles, "  - id: operations-director\n", "  - id: coo\n")
	questions := replaceOnce(t, threeQuestionsYAML, "    kind: choice\n    options:\n      - value: stable\n", "    kind: select\n    options:\n      - value: stable\n")
	questions = replaceOnce(t, questions, "label: Rapid\n        weights: {coo: 3}", "label: Rapid\n        weights: {ceo: 3}")
	_, err := load(roles, questions)
	ie := inputError(t, err)
	var got []string
	for _, p := range ie.Problems {
		got = append(got, fmt.Sprintf("%s:%d", p.File, p.Line))
	}
	want := []string{
		fmt.Sprintf("roles.yaml:%d", lineOf(t, roles, "  - id: coo\n    title: Operations")),
		fmt.Sprintf("roles.yaml:%d", lineOf(t, roles, "salary")),
		fmt.Sprintf("questions.yaml:%d", lineOf(t, questions, "kind: select")),
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("no problem at %s; got %q", w, got)
		}
	}
	if len(ie.Problems) < len(want) {
		t.Errorf("%d problems, want at least %d:\n%v", len(ie.Problems), len(want), err)
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != len(ie.Problems) {
		t.Errorf("error has %d lines for %d problems", n, len(ie.Problems))
	}
}

func TestDefinitionLookups(t *testing.T) {
	d := threeRoles(t)
	if i := d.RoleIndex("chief-of-staff"); i != 2 {
		t.Errorf("RoleIndex(chief-of-staff) = %d, want 2", i)
	}
	if i := d.RoleIndex("ceo"); i != -1 {
		t.Errorf("RoleIndex(ceo) = %d, want -1", i)
	}
	if _, ok := d.Role("ceo"); ok {
		t.Error("Role(ceo) found a role")
	}
	if _, ok := d.Question("salary"); ok {
		t.Error("Question(salary) found a question")
	}
	if _, _, ok := d.ResponsibilityOwner("nothing"); ok {
		t.Error("ResponsibilityOwner(nothing) found an owner")
	}
	q, _ := d.Question("employees")
	tests := []struct {
		v    int
		want int
	}{{1, 0}, {20, 0}, {21, 1}, {99, 1}, {100, 2}, {999, 2}, {1000, 3}, {100000, 3}, {0, -1}, {100001, -1}}
	for _, tt := range tests {
		if got := q.BandIndex(tt.v); got != tt.want {
			t.Errorf("BandIndex(%d) = %d, want %d", tt.v, got, tt.want)
		}
	}
}

// TestHugeDefinitionsAreRefused: files built to exhaust memory or time
// (many roles times many options, thousands of questions) are refused
// with a message naming the limit, quickly.
func TestHugeDefinitionsAreRefused(t *testing.T) {
	var roles strings.Builder
	roles.WriteString("roles:\n")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&roles, "  - {id: r%d, title: Role %d, summary: S., responsibilities: [{id: x%d, name: N, description: D.}], fits_when: [F.], works_with: W.}\n", i, i, i)
	}
	_, err := load(roles.String(), threeQuestionsYAML)
	requireProblem(t, err, wantProblem{file: "roles.yaml", line: 2, key: "roles", msgs: []string{"60 roles is more than the 50 one advice can weigh"}})

	var q strings.Builder
	q.WriteString("factors: [{id: f, title: F}]\nquestions:\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&q, "  - {id: q%d, factor: f, title: Q, prompt: Pick one., why: W., kind: choice, options: [{value: a, label: A}, {value: b, label: B}]}\n", i)
	}
	_, err = load(threeRolesYAML, q.String())
	requireProblem(t, err, wantProblem{file: "questions.yaml", line: 3, key: "questions", msgs: []string{"300 questions is more than the 200"}})

	q.Reset()
	q.WriteString("factors: [{id: f, title: F}]\nquestions:\n  - id: pains\n    factor: f\n    title: Pains\n    prompt: P?\n    why: W.\n    kind: multi-choice\n    options:\n")
	for i := 0; i < 6000; i++ {
		fmt.Fprintf(&q, "      - {value: p%d, label: P}\n", i)
	}
	_, err = load(threeRolesYAML, q.String())
	requireProblem(t, err, wantProblem{file: "questions.yaml", line: 10, key: "questions[pains].options", msgs: []string{"6,000 options is more than the 5,000 one question may have"}})
}
