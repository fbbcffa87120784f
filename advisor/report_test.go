package advisor_test

import (
	"bytes"
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/rivo/uniseg"

	"github.com/coo-advisor/coo-advisor/advisor"
)

var allFormats = []advisor.Format{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatHTML, advisor.FormatJSON}

// sampleResults are the results of the examples and of random answers,
// on the built-in definitions and on three roles.
func sampleResults(t *testing.T, n int) []struct {
	d   *advisor.Definitions
	res *advisor.Result
} {
	t.Helper()
	type pair = struct {
		d   *advisor.Definitions
		res *advisor.Result
	}
	var out []pair
	d := builtin(t)
	for _, name := range exampleNames(t) {
		out = append(out, pair{d, recommend(t, d, parse(t, d, string(example(t, name))))})
	}
	r := newRand(11)
	three := threeRoles(t)
	for i := 0; i < n; i++ {
		out = append(out, pair{d, recommend(t, d, randomAnswers(d, r))})
		out = append(out, pair{three, recommend(t, three, randomAnswers(three, r))})
	}
	return out
}

type jsonReport struct {
	Recommended      string             `json:"recommended"`
	RecommendedTitle string             `json:"recommended_title"`
	RunnerUp         string             `json:"runner_up"`
	Confidence       float64            `json:"confidence"`
	ConfidenceLabel  string             `json:"confidence_label"`
	Scores           map[string]float64 `json:"scores"`
	Shares           map[string]float64 `json:"shares"`
	Factors          []struct {
		ID     string             `json:"id"`
		Title  string             `json:"title"`
		Scores map[string]float64 `json:"scores"`
	} `json:"factors"`
	Reasons []struct {
		Question  string             `json:"question"`
		Value     string             `json:"value"`
		Answer    string             `json:"answer"`
		Points    map[string]float64 `json:"points"`
		Advantage float64            `json:"advantage"`
		Text      string             `json:"text"`
	} `json:"reasons"`
	WhatWouldChange []struct {
		Question    string `json:"question"`
		From        any    `json:"from"`
		To          any    `json:"to"`
		Recommended string `json:"recommended"`
		Steps       int    `json:"steps"`
		Text        string `json:"text"`
	} `json:"what_would_change"`
	Answers map[string]any `json:"answers"`
}

// TestJSONReport: the JSON carries the recommendation, confidence, scores,
// factors with per-role scores, reasons, what would change it and the
// answers used, all agreeing with the result.
func TestJSONReport(t *testing.T) {
	for _, p := range sampleResults(t, 100) {
		d, res := p.d, p.res
		out, err := d.Report(res, advisor.FormatJSON, testReport)
		if err != nil {
			t.Fatal(err)
		}
		got := decodeJSONReport(t, out)
		checkJSONRecommendation(t, d, res, got)
		checkJSONScores(t, d, res, got)
		checkJSONFactors(t, d, res, got)
		checkJSONReasons(t, d, res, got)
		checkJSONChanges(t, d, res, got)
		checkJSONAnswers(t, d, res, out, got.Answers)
	}
}

// decodeJSONReport checks that out is valid JSON with every key of a
// report, its lists being lists even when empty rather than null, and
// returns it decoded.
func decodeJSONReport(t *testing.T, out []byte) jsonReport {
	t.Helper()
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(out, &keys); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"recommended", "confidence", "scores", "factors", "reasons", "what_would_change", "answers"} {
		if _, ok := keys[k]; !ok {
			t.Fatalf("JSON lacks %q", k)
		}
	}
	for _, k := range []string{"reasons", "what_would_change", "factors"} {
		if string(keys[k]) == "null" {
			t.Errorf("%s is null, want a list", k)
		}
	}
	var got jsonReport
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

// checkJSONRecommendation checks that the JSON names the result's
// recommended role, with its title, and runner-up, and gives its
// confidence to three places with the result's label ("decided by the
// rules" exactly when there is no runner-up).
func checkJSONRecommendation(t *testing.T, d *advisor.Definitions, res *advisor.Result, got jsonReport) {
	t.Helper()
	if got.Recommended != res.Recommended || got.RunnerUp != res.RunnerUp {
		t.Errorf("recommended %s (runner-up %s), result %s (%s)", got.Recommended, got.RunnerUp, res.Recommended, res.RunnerUp)
	}
	if rec, _ := d.Role(res.Recommended); got.RecommendedTitle != rec.Title {
		t.Errorf("recommended_title %q, want %q", got.RecommendedTitle, rec.Title)
	}
	if math.Abs(got.Confidence-res.Confidence) > 0.0005+1e-12 || got.ConfidenceLabel != d.ResultConfidence(res) || (res.RunnerUp == "") != (got.ConfidenceLabel == advisor.DecidedByRules) {
		t.Errorf("confidence %v %q, result %v", got.Confidence, got.ConfidenceLabel, res.Confidence)
	}
}

// checkJSONScores checks that the JSON has a score for every role, each
// the result's points, and each role's share to three places.
func checkJSONScores(t *testing.T, d *advisor.Definitions, res *advisor.Result, got jsonReport) {
	t.Helper()
	if len(got.Scores) != len(d.Roles) {
		t.Errorf("%d scores for %d roles", len(got.Scores), len(d.Roles))
	}
	for _, s := range res.Scores {
		if got.Scores[s.Role] != s.Points.Float() {
			t.Errorf("scores[%s] = %v, want %v", s.Role, got.Scores[s.Role], s.Points)
		}
		if math.Abs(got.Shares[s.Role]-s.Share) > 0.0005+1e-12 {
			t.Errorf("shares[%s] = %v, want %v", s.Role, got.Shares[s.Role], s.Share)
		}
	}
}

// checkJSONFactors checks that the JSON lists the result's factors in
// order, each with its points for every role.
func checkJSONFactors(t *testing.T, d *advisor.Definitions, res *advisor.Result, got jsonReport) {
	t.Helper()
	if len(got.Factors) != len(res.Factors) {
		t.Fatalf("%d factors, want %d", len(got.Factors), len(res.Factors))
	}
	for i, f := range res.Factors {
		if got.Factors[i].ID != f.Factor {
			t.Errorf("factor %d is %q, want %q", i, got.Factors[i].ID, f.Factor)
		}
		for j, r := range d.Roles {
			if v, ok := got.Factors[i].Scores[r.ID]; !ok || v != f.Points[j].Float() {
				t.Errorf("factor %s scores[%s] = %v, want %v", f.Factor, r.ID, v, f.Points[j])
			}
		}
	}
}

// checkJSONReasons checks that the JSON lists the result's reasons in
// order, each with its question, answer, text, advantage and points for
// every role.
func checkJSONReasons(t *testing.T, d *advisor.Definitions, res *advisor.Result, got jsonReport) {
	t.Helper()
	if len(got.Reasons) != len(res.Reasons) {
		t.Fatalf("%d reasons, want %d", len(got.Reasons), len(res.Reasons))
	}
	for i, c := range res.Reasons {
		g := got.Reasons[i]
		if g.Question != c.Question || g.Text != d.ReasonText(c) || g.Advantage != c.Advantage.Float() || g.Answer != c.Label {
			t.Errorf("reason %d = %+v, want %+v", i, g, c)
		}
		for j, r := range d.Roles {
			if g.Points[r.ID] != c.Points[j].Float() {
				t.Errorf("reason %d points[%s] = %v, want %v", i, r.ID, g.Points[r.ID], c.Points[j])
			}
		}
	}
}

// checkJSONChanges checks that what_would_change lists the result's
// changes in order, each with its question, role, steps and text.
func checkJSONChanges(t *testing.T, d *advisor.Definitions, res *advisor.Result, got jsonReport) {
	t.Helper()
	if len(got.WhatWouldChange) != len(res.Changes) {
		t.Fatalf("%d changes, want %d", len(got.WhatWouldChange), len(res.Changes))
	}
	for i, c := range res.Changes {
		g := got.WhatWouldChange[i]
		if g.Question != c.Question || g.Recommended != c.Role || g.Steps != c.Steps || g.Text != d.ChangeText(c) {
			t.Errorf("change %d = %+v, want %+v", i, g, c)
		}
	}
}

// checkJSONAnswers: the answers in the JSON are every question's answer as
// an answers file holds it, in questionnaire order, and read back as an
// answers file (JSON is YAML) they give the same result.
func checkJSONAnswers(t *testing.T, d *advisor.Definitions, res *advisor.Result, out []byte, got map[string]any) {
	t.Helper()
	if len(got) != len(d.Questions) {
		t.Fatalf("%d answers, want %d", len(got), len(d.Questions))
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		a := res.Answers[q.ID]
		switch v := got[q.ID].(type) {
		case float64:
			if q.Kind != advisor.KindInteger || v != float64(a.Int) {
				t.Errorf("answers.%s = %v, want %+v", q.ID, v, a)
			}
		case string:
			if q.Kind != advisor.KindChoice || v != a.Choice {
				t.Errorf("answers.%s = %q, want %+v", q.ID, v, a)
			}
		case []any:
			var vs []string
			for _, x := range v {
				vs = append(vs, x.(string))
			}
			if q.Kind != advisor.KindMulti || !sameStrings(vs, a.Multi) {
				t.Errorf("answers.%s = %q, want %+v", q.ID, vs, a)
			}
		default:
			t.Errorf("answers.%s = %#v: want a number, a string or a list", q.ID, v)
		}
	}
	start := bytes.Index(out, []byte(`"answers": {`))
	prev := start
	for _, id := range d.QuestionIDs() {
		i := bytes.Index(out[start:], []byte(`"`+id+`":`)) + start
		if i < prev {
			t.Errorf("answers.%s is out of questionnaire order", id)
		}
		prev = i
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatal(err)
	}
	back, err := d.ParseAnswers("report.json", raw["answers"])
	if err != nil {
		t.Fatalf("the JSON answers are not a valid answers file: %v", err)
	}
	again := recommend(t, d, back)
	x, _ := d.Report(res, advisor.FormatJSON, testReport)
	y, _ := d.Report(again, advisor.FormatJSON, testReport)
	if !bytes.Equal(x, y) {
		t.Error("the answers of a JSON report do not reproduce it")
	}
}

// TestTextReport: the text brief is for an email: it keeps names as
// written (no upper-casing), puts each paragraph and each list item on
// one line (a mail client wraps it to its window), has no escape codes
// and no columns aligned with spaces; with a width, for a terminal, the
// same words wrap within it.
func TestTextReport(t *testing.T) {
	results := sampleResults(t, 100)
	// Hard-to-wrap text, and three roles without short names.
	noShort := mustLoad(t, regexp.MustCompile(`(?m)^    short: .*\n`).ReplaceAllString(threeRolesYAML, ""), threeQuestionsYAML)
	for _, d := range []*advisor.Definitions{longWordDefs(t), noShort} {
		results = append(results, struct {
			d   *advisor.Definitions
			res *advisor.Result
		}{d, recommend(t, d, parse(t, d, "employees: 12\ngrowth: moderate\nceo_ops_time: high\npain_points: [ceo-overload, strategy-alignment]\n"))})
	}
	opts := testReport
	opts.Engagement.Client, opts.Engagement.PreparedBy = "McKinsey & Company, eBay Inc.", "Jane Doe"
	for _, p := range results {
		d, res := p.d, p.res
		b, err := d.Report(res, advisor.FormatText, opts)
		if err != nil {
			t.Fatal(err)
		}
		out := string(b)
		checkPlainText(t, out, 1<<20)
		lines := strings.Split(out, "\n")
		if lines[0] != "Operations leadership" || lines[1] != "Recommendation for McKinsey & Company, eBay Inc." || lines[3] != "Prepared by Jane Doe · 26 November 2026" {
			t.Fatalf("the brief does not open with the client as written, the preparer and the date:\n%s", out)
		}
		// Every paragraph and list item of the document is one line.
		doc := d.Document(res, opts)
		for _, text := range docTexts(doc) {
			if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, text) }) {
				t.Fatalf("%q is not on one line of the text brief", text)
			}
		}
		if regexp.MustCompile(`\S {3,}\S`).MatchString(out) {
			t.Errorf("text aligned with runs of spaces (a proportional font breaks it):\n%s", out)
		}
		// On a terminal: the same words, wrapped within the width.
		o := opts
		o.Width = 72
		wrapped, _ := d.Report(res, advisor.FormatText, o)
		checkPlainText(t, string(wrapped), 72)
		// (A word wider than the terminal is broken: compare the text
		// without its spaces.)
		if squeeze(string(wrapped)) != squeeze(out) {
			t.Fatal("the text wrapped for a terminal says something else than the text for an email")
		}
	}
}

// squeeze removes all white space.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// checkPlainText: text with no escape or control characters but newlines,
// ending in a newline, no line wider than width cells.
func checkPlainText(t *testing.T, out string, width int) {
	t.Helper()
	if strings.Contains(out, "\x1b") {
		t.Fatalf("escape code in plain text:\n%q", out)
	}
	for _, r := range out {
		if r != '\n' && (unicode.IsControl(r) || r == '\t') {
			t.Fatalf("control character %U in plain text", r)
		}
	}
	if !strings.HasSuffix(out, "\n") {
		t.Error("text does not end in a newline")
	}
	for _, line := range strings.Split(out, "\n") {
		if w := uniseg.StringWidth(line); w > width {
			t.Fatalf("line of %d cells, over %d:\n%q", w, width, line)
		}
		if strings.TrimRight(line, " ") != line {
			t.Errorf("trailing spaces: %q", line)
		}
	}
}

// longWordDefs are the three-role definitions with text that is hard to
// wrap: an unbreakable word, wide characters.
func longWordDefs(t *testing.T) *advisor.Definitions {
	t.Helper()
	roles := replaceOnce(t, threeRolesYAML, "summary: Takes the CEO's operational load so the CEO can lead.",
		`summary: "Takes the CEO's load: https://example.com/a-very-long-link-that-cannot-be-broken-at-a-space/and/goes/on/and/on 運営の責任者として全社の業務を見る。"`)
	questions := replaceOnce(t, threeQuestionsYAML, "label: The CEO does everything", "label: Theceodoeseverythingandeverythingandeverythingandeverythingandeverythingandmore")
	return mustLoad(t, roles, questions)
}

// specialDefs put Markdown syntax and HTML in every kind of user text.
func specialDefs(t *testing.T) *advisor.Definitions {
	t.Helper()
	roles := replaceOnce(t, threeRolesYAML, "title: Chief of Staff", `title: "Chief <b>of</b> *Staff* [x](y) a|b `+"`c`"+` _d_ #1"`)
	roles = replaceOnce(t, roles, "summary: Takes the CEO's operational load so the CEO can lead.", `summary: "# Not a heading | <img src=x onerror=alert(1)> **loud**"`)
	roles = replaceOnce(t, roles, "name: CEO leverage", `name: "CEO *leverage* <i>"`)
	roles = replaceOnce(t, roles, "      - The company is small and the CEO is overloaded.", `      - "The CEO [is](overloaded) _always_"`)
	questions := replaceOnce(t, threeQuestionsYAML, "label: The CEO does everything", "label: \"The CEO does *everything* | <script>alert(1)</script> `rm -rf` [link](http://x) _u_\"")
	questions = replaceOnce(t, questions, "    title: Pain points", `    title: "Pain | points"`)
	questions = replaceOnce(t, questions, "    title: Needs", `    title: "Needs & *wants*"`)
	return mustLoad(t, roles, questions)
}

// markdownSpecials is user text with Markdown syntax and HTML in it:
// a Markdown report shows each as written, and no parser makes markup
// of it.
var markdownSpecials = []string{
	"<b>of</b>", "*Staff*", "[x](y)", "a|b", "`c`", "_d_", "#1", "# Not a heading", "<img src=x onerror=alert(1)>", "**loud**",
	"*leverage*", "<i>", "*everything*", "<script>alert(1)</script>", "`rm -rf`", "[link](http://x)", "_u_", "Pain | points", "Needs & *wants*",
}

// TestMarkdownEscapesUserText: text from the definitions (titles, labels,
// summaries) reads back as written from a Markdown report, as a
// CommonMark parser with GitHub's extensions reads it: it injects no
// Markdown and no HTML. The text report shows it as written too, and
// JSON carries it unchanged.
func TestMarkdownEscapesUserText(t *testing.T) {
	d := specialDefs(t)
	res := recommend(t, d, parse(t, d, "employees: 12\ngrowth: moderate\nceo_ops_time: high\npain_points: [ceo-overload]\n"))
	if res.Recommended != "chief-of-staff" {
		t.Fatalf("recommended %s, want chief-of-staff", res.Recommended)
	}
	b, err := d.Report(res, advisor.FormatMarkdown, testReport)
	if err != nil {
		t.Fatal(err)
	}
	for what, md := range map[string]string{"report": string(b), "roles": d.RolesMarkdown()} {
		out := commonMark(t, md)
		for _, bad := range []string{"<b>", "<i>", "<img", "<script", "<em>Staff", "<em>d<", "<em>u<", "<em>always", "<strong>loud", "<strong>Staff", "<code>", `<a href`, "<h1>Not", "<h1>1", "<em>everything", "<em>wants", "<em>leverage"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: the Markdown makes %s of the user's text:\n%s", what, bad, out)
			}
		}
		text := strings.Join(strings.Fields(plain(out)), " ")
		// Each special the definitions put where this output shows it
		// reads back as written.
		source := string(b)
		if what == "roles" {
			var all []string
			for _, r := range d.Roles {
				all = append(all, r.Title, r.Summary, r.WorksWith)
				all = append(all, r.FitsWhen...)
				for _, x := range r.Responsibilities {
					all = append(all, x.Name, x.Description)
				}
			}
			source = strings.Join(all, "\n")
		}
		for _, s := range markdownSpecials {
			if strings.Contains(source, s) && !strings.Contains(text, s) {
				t.Errorf("%s: %q does not read back as written", what, s)
			}
		}
	}
	for _, s := range []string{"*Staff*", "<script>alert(1)</script>", "Pain | points", "a|b"} {
		if !strings.Contains(plain(commonMark(t, string(b))), s) {
			t.Errorf("the Markdown report does not read %q as written", s)
		}
	}

	// The text report shows the same text as written.
	txt, _ := d.Report(res, advisor.FormatText, testReport)
	flat := strings.Join(strings.Fields(string(txt)), " ")
	for _, s := range []string{"*Staff*", "<script>alert(1)</script>", "Pain | points"} {
		if !strings.Contains(flat, s) {
			t.Errorf("text report does not show %q as written", s)
		}
	}
	// JSON carries it unchanged.
	js, _ := d.Report(res, advisor.FormatJSON, testReport)
	var got jsonReport
	if err := json.Unmarshal(js, &got); err != nil {
		t.Fatal(err)
	}
	if role, _ := d.Role("chief-of-staff"); got.RecommendedTitle != role.Title {
		t.Errorf("JSON title %q, want %q", got.RecommendedTitle, role.Title)
	}
}

// TestMarkdownReport: the Markdown brief has the document's title, each
// section and sub-heading as a heading, and every text of the document,
// as a parser reads it.
func TestMarkdownReport(t *testing.T) {
	for _, p := range sampleResults(t, 20) {
		d, res := p.d, p.res
		b, err := d.Report(res, advisor.FormatMarkdown, testReport)
		if err != nil {
			t.Fatal(err)
		}
		md := string(b)
		doc := d.Document(res, testReport)
		heads := []string{"# " + doc.Title + "\n"}
		for _, s := range doc.Sections {
			if s.Title != "" {
				heads = append(heads, "\n## "+s.Title+"\n")
			}
			for _, bl := range s.Blocks {
				if bl.Sub != nil {
					heads = append(heads, "\n### "+bl.Sub.Text+"\n")
				}
			}
		}
		for _, h := range heads {
			if !strings.Contains(md, h) {
				t.Errorf("markdown lacks %q", h)
			}
		}
		if strings.Contains(md, "\x1b") {
			t.Error("escape code in markdown")
		}
		read := strings.Join(strings.Fields(plain(commonMark(t, md))), " ")
		for _, want := range docTexts(doc) {
			if !strings.Contains(read, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%q not in the Markdown brief", want)
			}
		}
	}
}

func TestReportFormats(t *testing.T) {
	tests := []struct {
		in   string
		want advisor.Format
		ext  string
	}{
		{"text", advisor.FormatText, ".txt"},
		{"txt", advisor.FormatText, ".txt"},
		{"markdown", advisor.FormatMarkdown, ".md"},
		{"md", advisor.FormatMarkdown, ".md"},
		{"json", advisor.FormatJSON, ".json"},
		{" JSON ", advisor.FormatJSON, ".json"},
		{"html", advisor.FormatHTML, ".html"},
		{"HTM", advisor.FormatHTML, ".html"},
	}
	for _, tt := range tests {
		f, err := advisor.ParseFormat(tt.in)
		if err != nil || f != tt.want || f.Extension() != tt.ext {
			t.Errorf("ParseFormat(%q) = %q, %v (extension %q); want %q, %q", tt.in, f, err, f.Extension(), tt.want, tt.ext)
		}
	}
	for _, bad := range []string{"xml", "", "pdf"} {
		_, err := advisor.ParseFormat(bad)
		if err == nil || !strings.Contains(err.Error(), "formats are text, markdown, html, json") {
			t.Errorf("ParseFormat(%q) error = %v, want the list of formats", bad, err)
		}
	}
	// The file name's extension names the format.
	for name, want := range map[string]advisor.Format{
		"brief.md": advisor.FormatMarkdown, "b.MARKDOWN": advisor.FormatMarkdown, "dir.d/brief.html": advisor.FormatHTML,
		"x.htm": advisor.FormatHTML, "r.json": advisor.FormatJSON, "mail.txt": advisor.FormatText,
	} {
		if f, ok := advisor.FormatForPath(name); !ok || f != want {
			t.Errorf("FormatForPath(%q) = %q, %v; want %q", name, f, ok, want)
		}
	}
	for _, name := range []string{"brief.pdf", "brief", "dir.md/brief", "brief.docx"} {
		if f, ok := advisor.FormatForPath(name); ok {
			t.Errorf("FormatForPath(%q) = %q, want no format", name, f)
		}
	}
	d := builtin(t)
	res := recommend(t, d, parse(t, d, validAnswers))
	if _, err := d.Report(res, advisor.Format("xml"), testReport); err == nil || !strings.Contains(err.Error(), "formats are") {
		t.Errorf("Report in xml: %v, want an error listing formats", err)
	}
}

// TestRolesTable: the side-by-side table fits the width it is given, for
// every width, and keeps every responsibility.
func TestRolesTable(t *testing.T) {
	for _, defs := range []struct {
		name string
		d    *advisor.Definitions
	}{{"built-in", builtin(t)}, {"three roles", threeRoles(t)}, {"hard to wrap", longWordDefs(t)}} {
		t.Run(defs.name, func(t *testing.T) {
			d := defs.d
			for width := 20; width <= 200; width++ {
				out := d.RolesTable(width, false, true)
				checkPlainText(t, out, width)
				// Columns interleave their lines, so each word of each
				// responsibility is looked for on its own.
				for _, r := range d.Roles {
					for _, x := range r.Responsibilities {
						for _, w := range strings.Fields(x.Name) {
							if !strings.Contains(out, w) {
								t.Fatalf("width %d: %q of %s missing", width, w, x.Name)
							}
						}
					}
				}
			}
			// Wide enough, the roles stand side by side: one row holds
			// every title.
			first := strings.SplitN(d.RolesTable(200, false, false), "\n", 2)[0]
			for _, r := range d.Roles {
				if !strings.Contains(first, strings.ToUpper(r.Title)) {
					t.Errorf("first row %q lacks %s", first, r.Title)
				}
			}
		})
	}
	// At 80 columns the built-in table is side by side and uses the width.
	out := builtin(t).RolesTable(80, false, false)
	widest := 0
	for _, l := range strings.Split(out, "\n") {
		widest = max(widest, uniseg.StringWidth(l))
	}
	if widest < 75 || !strings.Contains(out, "│") {
		t.Errorf("80-column table is %d wide, side by side %v", widest, strings.Contains(out, "│"))
	}
	// Names, not ids, unless asked: an answers file's ids are for those
	// who write one.
	if strings.Contains(out, "(strategy-alignment)") || !strings.Contains(out, "1. Strategy alignment") {
		t.Error("the roles table shows ids by default")
	}
	if !strings.Contains(builtin(t).RolesTable(80, false, true), "(strategy-alignment)") {
		t.Error("the roles table does not show ids when asked")
	}
}

func TestRolesJSON(t *testing.T) {
	d := threeRoles(t)
	b, err := d.RolesJSON()
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Roles []struct {
			ID               string `json:"id"`
			Title            string `json:"title"`
			Responsibilities []struct {
				ID string `json:"id"`
			} `json:"responsibilities"`
		} `json:"roles"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Roles) != len(d.Roles) {
		t.Fatalf("%d roles, want %d", len(got.Roles), len(d.Roles))
	}
	for i, r := range d.Roles {
		if got.Roles[i].ID != r.ID || got.Roles[i].Title != r.Title || len(got.Roles[i].Responsibilities) != len(r.Responsibilities) {
			t.Errorf("role %d = %+v, want %s", i, got.Roles[i], r.ID)
		}
	}
}

// TestQuestionsText lists every question with its allowed values and the
// points of each, within the width.
func TestQuestionsText(t *testing.T) {
	d := builtin(t)
	for _, width := range []int{40, 72, 80, 120} {
		out := d.QuestionsText(width)
		checkPlainText(t, out, width)
		flat := strings.Join(strings.Fields(out), " ")
		for i, q := range d.Questions {
			if !strings.Contains(out, q.ID+" ("+string(q.Kind)) {
				t.Errorf("question %d %s not listed with its kind", i+1, q.ID)
			}
			for _, o := range q.Options {
				want := strings.Join(strings.Fields(o.Value+" ("+o.Label+"): "+d.PointsText(o.Weights)), " ")
				if !strings.Contains(flat, want) {
					t.Errorf("%s: %q not listed", q.ID, want)
				}
				if o.Why != "" && !strings.Contains(flat, "Why: "+strings.Join(strings.Fields(o.Why), " ")) {
					t.Errorf("%s: the why of %s is not listed", q.ID, o.Value)
				}
				for _, r := range o.RulesOut {
					if !strings.Contains(flat, "Rules out "+d.Roles[r.Role].Title+": "+strings.Join(strings.Fields(r.Reason), " ")) {
						t.Errorf("%s: the rule of %s is not listed", q.ID, o.Value)
					}
				}
			}
			if q.Cap > 0 && !strings.Contains(flat, "At most "+q.Cap.String()+" points per role count") {
				t.Errorf("%s: the cap is not listed", q.ID)
			}
		}
	}
}

// TestTemplate: the template lists every question in order, does not
// parse until the required answers are filled in, and then does.
func TestTemplate(t *testing.T) {
	for _, defs := range []struct {
		name string
		d    *advisor.Definitions
	}{{"built-in", builtin(t)}, {"three roles", threeRoles(t)}} {
		t.Run(defs.name, func(t *testing.T) {
			d := defs.d
			tpl := d.Template()
			checkPlainText(t, tpl, 80)
			prev := -1
			for _, id := range d.QuestionIDs() {
				i := strings.Index(tpl, "\n"+id+":")
				if i < prev {
					t.Errorf("%s is missing or out of order", id)
				}
				prev = i
			}
			_, err := d.ParseAnswers("answers.yaml", []byte(tpl))
			ie := inputError(t, err)
			for _, p := range ie.Problems {
				if !strings.Contains(p.Msg, "no answer given") {
					t.Errorf("unfilled template: unexpected problem %s", p)
				}
			}
			r := newRand(12)
			for i := 0; i < 50; i++ {
				a := randomAnswers(d, r)
				filled := tpl
				for _, q := range d.Questions {
					if q.Required() {
						filled = replaceOnce(t, filled, "\n"+q.ID+":\n", "\n"+q.ID+": "+q.FormatValue(a[q.ID])+"\n")
					}
				}
				got := parse(t, d, filled)
				for _, q := range d.Questions {
					if q.Required() && !answersEqual(&q, got[q.ID], a[q.ID]) {
						t.Errorf("%s = %+v, filled in %+v", q.ID, got[q.ID], a[q.ID])
					}
				}
			}
		})
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "a short line", 20, []string{"a short line"}},
		{"breaks between words", "one two three four", 9, []string{"one two", "three", "four"}},
		{"exact width", "abc def", 7, []string{"abc def"}},
		{"long word broken", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"long word after a word", "ab abcdefgh", 4, []string{"ab", "abcd", "efgh"}},
		{"newlines kept", "a\n\nb", 10, []string{"a", "", "b"}},
		{"spaces collapse", "  a   b  ", 10, []string{"a b"}},
		{"wide characters", "運営責任者", 4, []string{"運営", "責任", "者"}},
		{"zero width", "ab", 0, []string{"a", "b"}},
		{"empty", "", 5, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := advisor.Wrap(tt.text, tt.width)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
	// Wrapping keeps every word, in order, within the width.
	r := newRand(13)
	words := []string{"a", "operations", "director", "運営", "COO", "—", "x-very-long-hyphenated-identifier-that-overflows"}
	for i := 0; i < 2000; i++ {
		var in []string
		for j := r.IntN(30); j > 0; j-- {
			in = append(in, words[r.IntN(len(words))])
		}
		width := 2 + r.IntN(60)
		lines := advisor.Wrap(strings.Join(in, " "), width)
		for _, l := range lines {
			if uniseg.StringWidth(l) > width {
				t.Fatalf("Wrap(%q, %d) has line %q", in, width, l)
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, " ")), ""), strings.Join(in, ""); got != want {
			t.Fatalf("Wrap lost text: %q, want %q", got, want)
		}
	}
}

func TestTextReportWithLongQuestionTitles(t *testing.T) {
	long := "How many people, counting contractors and part-timers, work here"
	questions := replaceOnce(t, builtinSource(t, "questions.yaml"), "title: Employees", "title: "+long)
	d := mustLoad(t, builtinSource(t, "roles.yaml"), questions)
	res := recommend(t, d, parse(t, d, string(example(t, "has-coo.yaml"))))
	o := testReport
	o.Width = 72
	out, err := d.Report(res, advisor.FormatText, o)
	if err != nil {
		t.Fatal(err)
	}
	checkPlainText(t, string(out), 72)
	if !strings.Contains(squeeze(string(out)), squeeze(long+": 300 (150 to 499)")) {
		t.Fatalf("the long title is not in the appendix:\n%s", out)
	}
}

// TestFirst90DaysNeverRepeatThemselves: over many answer sets, every
// period of the first 90 days has actions and none appears twice; the
// client's pains lead the period that takes them, and the period's
// stand-in actions show only when no pain gives one.
func TestFirst90DaysNeverRepeatThemselves(t *testing.T) {
	d := builtin(t)
	r := newRand(90)
	sawPains, sawNone := false, false
	for range 500 {
		a := randomAnswers(d, r)
		if r.IntN(4) == 0 {
			a["pain_points"] = advisor.Answer{Multi: []string{}}
		}
		res := recommend(t, d, a)
		b := d.Brief(res, advisor.ReportOptions{})
		if b.Role == nil {
			continue
		}
		role, _ := d.Role(res.Recommended)
		var pains []string
		for _, x := range b.Role.Remit {
			if x.YourPain {
				pains = append(pains, x.ID)
			}
		}
		seen := map[string]bool{}
		for i, p := range b.Role.Days {
			if len(p.Actions) == 0 {
				t.Fatalf("%s: days %s have no action (pains %v)", res.Recommended, p.Days, pains)
			}
			for _, x := range p.Actions {
				if seen[x] {
					t.Fatalf("%s: %q appears twice in the first 90 days (pains %v)", res.Recommended, x, pains)
				}
				seen[x] = true
			}
			def := role.Brief.Periods[i]
			if def.FromPains == 0 {
				continue
			}
			stand := slices.ContainsFunc(def.WithoutPains, func(c advisor.Conditional) bool { return slices.Contains(p.Actions, c.Text) })
			if len(pains) > 0 {
				sawPains = true
				if _, x, _ := d.ResponsibilityOwner(pains[0]); !slices.ContainsFunc(x.Action, func(c advisor.Conditional) bool { return c.Text == p.Actions[0] }) {
					t.Fatalf("%s: days %s start with %q, not one of the first pain's actions %v", res.Recommended, p.Days, p.Actions[0], x.Action)
				}
				if stand {
					t.Fatalf("%s: stand-in action shown next to the pains %v", res.Recommended, pains)
				}
			} else {
				sawNone = true
				if !stand {
					t.Fatalf("%s: no pains, and days %s lack the stand-in action: %q", res.Recommended, p.Days, p.Actions)
				}
			}
		}
	}
	if !sawPains || !sawNone {
		t.Fatal("the answer sets did not cover both briefs with and without pains")
	}
}
