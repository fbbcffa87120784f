package advisor_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// internalWords are the scoring's machinery: a client reads none of them
// before the appendix ("How this was scored"). Whole words, any case;
// "pain points" (the question's name) is the one use of "points" allowed.
var internalWords = []string{
	"point", "points", "factor", "factors", "cap", "caps", "capped", "weight", "weights",
	"score", "scores", "scored", "scoring", "tally", "second-hand", "tie_break", "full_lead",
}

// internalShapes are word endings of the machinery: "a Director-shaped
// gap".
var internalShapes = []string{"-shaped"}

// internalIDs are the definitions' ids a client never reads: every role's
// and responsibility's, and every question's and option value's written
// as an id, with a hyphen or an underscore (an id that is a plain word,
// "growth", is a word of the text too). Matched as written, so that "coo"
// the id is caught and "COO" the title is not.
func internalIDs(d *advisor.Definitions) []string {
	var out []string
	for _, q := range d.Questions {
		if strings.ContainsAny(q.ID, "-_") {
			out = append(out, q.ID)
		}
		for _, v := range q.Values() {
			if strings.ContainsAny(v, "-_") {
				out = append(out, v)
			}
		}
	}
	for _, r := range d.Roles {
		out = append(out, r.ID)
		for _, x := range r.Responsibilities {
			out = append(out, x.ID)
		}
	}
	return out
}

// beforeAppendix is the document a client reads before the appendix, as
// text.
func beforeAppendix(doc *advisor.Doc) string {
	front := *doc
	front.Sections = slices.DeleteFunc(slices.Clone(doc.Sections), func(s advisor.DocSection) bool { return s.Appendix })
	return front.Text(0)
}

// briefCases are the results the brief tests read: every example, the
// profiles the brief's review named, and random answers.
func briefCases(t *testing.T, random int) []*advisor.Result {
	t.Helper()
	d := builtin(t)
	var out []*advisor.Result
	for _, name := range exampleNames(t) {
		out = append(out, recommend(t, d, parse(t, d, string(example(t, name)))))
	}
	for _, text := range reviewProfiles {
		out = append(out, recommend(t, d, parse(t, d, text)))
	}
	r := newRand(17)
	for range random {
		out = append(out, recommend(t, d, randomAnswers(d, r)))
	}
	return out
}

// reviewProfiles are the companies of the review of the brief: a
// 35-person agency nobody leads operations in, a single-site
// manufacturer, a 1,800-person regulated health group buying practices
// with a Director in post, a 250-person company with a strong case for a
// COO, and 20 people, 284 departments and no pains (a tie).
var reviewProfiles = map[string]string{
	"agency": "employees: 35\ndepartments: 4\nlocations: 1\nregulation: light\ngrowth: moderate\nexpansion: []\n" +
		"ceo_ops_time: high\nleadership: []\npain_points: [team-leadership, quality-assurance, performance-monitoring, resource-allocation]\noperating_model: client-projects\n",
	"manufacturer": "employees: 120\ndepartments: 6\nlocations: 1\nregulation: moderate\ngrowth: moderate\nexpansion: [new-products]\n" +
		"ceo_ops_time: medium\nleadership: [operations-managers]\npain_points: [process-optimization, quality-assurance]\nrevenue: up-to-20m\noperating_model: single-operation\n",
	"health-group": "employees: 1800\ndepartments: 12\nlocations: 24\nregulation: heavy\ngrowth: moderate\nexpansion: [acquisitions]\n" +
		"ceo_ops_time: high\nleadership: [operations-director]\npain_points: [strategy-alignment, risk-management, overall-management, quality-assurance]\nrevenue: over-100m\noperating_model: multi-unit\n",
	"coo-250": "employees: 250\ndepartments: 9\nlocations: 3\nregulation: moderate\ngrowth: rapid\nexpansion: [new-markets, international]\n" +
		"ceo_ops_time: high\nleadership: [operations-managers]\npain_points: [strategy-alignment, overall-management, quality-assurance, process-optimization, team-leadership]\nrevenue: up-to-100m\noperating_model: own-products\n",
	"tie": "employees: 20\ndepartments: 284\nlocations: 1\nregulation: light\ngrowth: stable\nexpansion: []\n" +
		"ceo_ops_time: low\nleadership: []\npain_points: []\n",
}

// TestNothingInternalBeforeTheAppendix: the words of the scoring
// (internalWords, internalShapes) and the definitions' ids
// (internalIDs) appear nowhere a client reads before "How this was
// scored".
func TestNothingInternalBeforeTheAppendix(t *testing.T) {
	d := builtin(t)
	var words []string
	for _, w := range internalWords {
		words = append(words, regexp.QuoteMeta(w))
	}
	wordRE := regexp.MustCompile(`(?i)\b(` + strings.Join(words, "|") + `)\b`)
	var ids []string
	for _, id := range internalIDs(d) {
		ids = append(ids, regexp.QuoteMeta(id))
	}
	idRE := regexp.MustCompile(`(^|[^\w-])(` + strings.Join(ids, "|") + `)([^\w-]|$)`)
	opts := testReport
	opts.Engagement.Client = "Harbour Logistics"
	for _, res := range briefCases(t, 300) {
		doc := d.Document(res, opts)
		if !doc.Sections[len(doc.Sections)-1].Appendix {
			t.Fatal("the last section is not the appendix")
		}
		front := beforeAppendix(doc)
		allowed := strings.NewReplacer("pain points", "", "Pain points", "").Replace(front)
		if m := wordRE.FindString(allowed); m != "" {
			t.Fatalf("%q before the appendix:\n%s", m, context(allowed, m))
		}
		for _, s := range internalShapes {
			if strings.Contains(front, s) {
				t.Fatalf("%q before the appendix:\n%s", s, context(front, s))
			}
		}
		if m := idRE.FindStringSubmatch(front); m != nil {
			t.Fatalf("the id %q before the appendix:\n%s", m[2], context(front, m[2]))
		}
	}
}

// context is the line of text that holds s.
func context(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(strings.ToLower(l), strings.ToLower(s)) {
			return l
		}
	}
	return ""
}

// TestEveryPainNamedHasAnOwner: each pain the client named is in the
// remit of the role the brief is for, or handed to someone by name; none
// is dropped. It holds for every pain alone and in pairs, with each
// leadership answer, and for random answers.
func TestEveryPainNamedHasAnOwner(t *testing.T) {
	d := builtin(t)
	pains, _ := d.Question("pain_points")
	var cases []advisor.Answers
	base := parse(t, d, string(example(t, "logistics.yaml")))
	leaderships := [][]string{nil, {"coo"}, {"operations-director"}, {"operations-managers"}}
	for _, size := range []int{12, 40, 140, 900} {
		for _, lead := range leaderships {
			for i, a := range pains.Values() {
				for _, b := range pains.Values()[i:] {
					a := withAnswer(base, "pain_points", advisor.Answer{Multi: slices.Compact([]string{a, b})})
					a = withAnswer(a, "leadership", advisor.Answer{Multi: lead})
					cases = append(cases, withAnswer(a, "employees", advisor.Answer{Int: size}))
				}
			}
		}
	}
	r := newRand(23)
	for range 300 {
		cases = append(cases, randomAnswers(d, r))
	}
	for _, a := range cases {
		res := recommend(t, d, a)
		doc := d.Document(res, testReport)
		role := docSection(doc, "role")
		if role == nil {
			t.Fatal("no role section")
		}
		// A pain is named in the remit's "pains named" list (or the line
		// that names those past the described) or in the list of those
		// handed on (which names several that go to the same people
		// together).
		var named []string
		for _, b := range role.Blocks {
			if b.Para != nil && strings.HasPrefix(b.Para.Text, "Also named: ") {
				named = append(named, strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(b.Para.Text, "Also named: "), ".")))
			}
			if b.List != nil {
				for _, it := range b.List.Items {
					named = append(named, strings.ToLower(it.Lead), strings.ToLower(it.Text))
				}
			}
		}
		for _, v := range res.Answers["pain_points"].Multi {
			_, x, _ := d.ResponsibilityOwner(v)
			if !slices.ContainsFunc(named, func(s string) bool {
				name := strings.ToLower(x.Name)
				return s == name || strings.HasPrefix(s, name+", ") || strings.HasPrefix(s, name+" and ") || strings.Contains(s, ", "+name+",") || strings.Contains(s, ", "+name+" and ") || strings.HasSuffix(s, " and "+name) || strings.HasSuffix(s, ", "+name)
			}) {
				t.Fatalf("the pain %q is neither in the remit nor handed on (%s recommended):\n%s", x.Name, res.Recommended, doc.Text(0))
			}
		}
		// What a pain is handed to is said, not left blank.
		for _, h := range d.Brief(res, testReport).Role.HandedOff {
			if strings.TrimSpace(h.To) == "" {
				t.Errorf("%s is handed to nobody", h.Name)
			}
		}
	}
}

// docSection is the section of doc with the given id, or nil.
func docSection(doc *advisor.Doc, id string) *advisor.DocSection {
	for i := range doc.Sections {
		if doc.Sections[i].ID == id {
			return &doc.Sections[i]
		}
	}
	return nil
}

// TestBriefFollowsTheClient: the wording, the measures and the first 90
// days follow the operating model, the sites, regulation, acquisitions
// and the leaders in post, as the brief's review asked.
func TestBriefFollowsTheClient(t *testing.T) {
	d := builtin(t)
	brief := func(name string) string {
		t.Helper()
		return beforeAppendix(d.Document(recommend(t, d, parse(t, d, reviewProfiles[name])), testReport))
	}
	tests := []struct {
		name       string
		has, lacks []string
	}{
		{
			"agency",
			[]string{"Nobody leads operations today", "project", "Projects delivered on time and on budget"},
			[]string{"The operations managers and team leads report to the Director", "Cost per unit of work", "run every site"},
		},
		{
			"manufacturer",
			[]string{"The operations managers in post report to the Director"},
			[]string{"franchised", "run every site", "sites"},
		},
		{
			"health-group",
			[]string{"inspection", "compliance", "integration", "company bought", "The Operations Director in post", "candidate"},
			[]string{"Cheaper steps"},
		},
		{"coo-250", []string{"then an Operations Director under them"}, []string{"Operations Directors under them", "Cheaper steps"}},
		{"tie", nil, []string{"the only role to hire", "No plausible change"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := brief(tt.name)
			for _, s := range tt.has {
				if !strings.Contains(text, s) {
					t.Errorf("lacks %q:\n%s", s, text)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(text, s) {
					t.Errorf("holds %q:\n%s", s, context(text, s))
				}
			}
		})
	}
}

// TestWarningsFollowTheConfidence: "cheaper steps first" is said of a COO
// only where the call is close or the company small for one, never to a
// large company with a strong case.
func TestWarningsFollowTheConfidence(t *testing.T) {
	d := builtin(t)
	seen := map[bool]bool{}
	for _, res := range briefCases(t, 400) {
		if res.Recommended != "coo" {
			continue
		}
		text := beforeAppendix(d.Document(res, testReport))
		cheaper := strings.Contains(text, "Cheaper steps")
		close := d.ResultConfidence(res) == d.Scoring.Confidence[0].Word || d.ResultConfidence(res) == d.Scoring.Confidence[1].Word
		small := res.Answers["employees"].Int < 150
		if cheaper && !close && !small {
			t.Errorf("a %s COO call for %d people warns of cheaper steps", d.ResultConfidence(res), res.Answers["employees"].Int)
		}
		seen[cheaper] = true
	}
	if !seen[true] || !seen[false] {
		t.Errorf("the cases never show the warning both ways (%v)", seen)
	}
}

// TestCostsFitTheCompany: a role's cost follows the company's size, is
// total cash with a search fee for a hire and by the day for a
// fractional COO, names its market once with its sources, and a market
// chosen is quoted in its own currency, never converted.
func TestCostsFitTheCompany(t *testing.T) {
	d := builtin(t)
	costOf := func(employees int, role, market string) string {
		t.Helper()
		a := parse(t, d, reviewProfiles["coo-250"])
		a = withAnswer(a, "employees", advisor.Answer{Int: employees})
		m, ok := d.Market(market)
		if !ok {
			t.Fatalf("no market %q", market)
		}
		c, ok := d.CostOf(m, role, a)
		if !ok {
			t.Fatalf("no cost for %s in %s", role, market)
		}
		return c.Short()
	}
	if small, large := costOf(60, "coo", ""), costOf(1800, "coo", ""); small == large {
		t.Errorf("a COO costs %q at 60 people and at 1,800", small)
	}
	if small, large := costOf(40, "operations-director", ""), costOf(3000, "operations-director", ""); small == large {
		t.Errorf("a Director costs %q at 40 people and at 3,000", small)
	}
	for _, c := range []string{costOf(250, "coo", ""), costOf(250, "operations-director", "us")} {
		if !strings.Contains(c, "a year in cash") || !strings.Contains(c, "search fee") || !strings.Contains(c, "$") {
			t.Errorf("a hire's cost %q is not total cash with a search fee in dollars", c)
		}
	}
	if c := costOf(30, "fractional-coo", ""); !strings.Contains(c, "a month") || !strings.Contains(c, "days") {
		t.Errorf("a fractional COO's cost %q is not by the days of a month", c)
	}

	res := recommend(t, d, parse(t, d, reviewProfiles["coo-250"]))
	for _, market := range d.MarketIDs() {
		opts := testReport
		opts.Market = market
		m, _ := d.Market(market)
		text := d.Document(res, opts).Text(0)
		if n := strings.Count(text, "Sources: "); n != 1 {
			t.Errorf("%s: the sources of the costs are given %d times", market, n)
		}
		if !strings.Contains(text, m.Name) || !strings.Contains(text, m.Currency) {
			t.Errorf("%s: the brief does not say which market and currency its costs describe", market)
		}
		// The costs (the summary's and the comparison's) are in the
		// market's currency only; a revenue answer in dollars is the
		// client's, not a cost.
		var costs []string
		for _, l := range strings.Split(text, "\n") {
			if strings.HasPrefix(l, "Cost and time: ") || strings.HasPrefix(l, "- Cost: ") || strings.HasPrefix(l, "Total cash of ") {
				costs = append(costs, l)
			}
		}
		if len(costs) < 3 {
			t.Fatalf("%s: the costs are not where the brief puts them:\n%s", market, text)
		}
		for _, other := range d.Markets {
			for _, c := range costs {
				if other.Symbol != m.Symbol && strings.Contains(c, other.Symbol) {
					t.Errorf("%s: a cost in %s: %q", market, other.Currency, c)
				}
			}
		}
		if strings.Contains(text, "(second-hand)") {
			t.Errorf("%s: a figure is labelled one by one", market)
		}
	}
}

// TestEveryFormatRendersTheDocument: the text, the Markdown and the HTML
// of a brief carry every text of its document, in its order.
func TestEveryFormatRendersTheDocument(t *testing.T) {
	d := builtin(t)
	opts := testReport
	opts.Engagement.Client, opts.Engagement.PreparedBy = "Harbour Logistics", "Jane Doe"
	for _, res := range briefCases(t, 20) {
		doc := d.Document(res, opts)
		texts := docTexts(doc)
		for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatMarkdown, advisor.FormatHTML} {
			out, err := d.Report(res, f, opts)
			if err != nil {
				t.Fatal(err)
			}
			flat := squeeze(plainOf(string(out), f))
			at := 0
			for _, s := range texts {
				i := strings.Index(flat[at:], squeeze(s))
				if i < 0 {
					t.Fatalf("%s: %q missing or out of order", f, s)
				}
				at += i
			}
		}
	}
}

// docTexts are the texts of a document in reading order, the section
// titles, paragraphs and list items; a table's are left to the
// renderers' own tests, as the text rendering reads it by column.
func docTexts(doc *advisor.Doc) []string {
	out := []string{doc.Title}
	for _, s := range doc.Sections {
		out = append(out, s.Title)
		for _, b := range s.Blocks {
			switch {
			case b.Para != nil:
				out = append(out, b.Para.Text)
			case b.Callout != nil:
				out = append(out, b.Callout.Text)
			case b.Sub != nil:
				out = append(out, b.Sub.Text)
			case b.List != nil:
				for _, it := range b.List.Items {
					out = append(out, it.Text)
				}
			}
		}
	}
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

var (
	tagRE       = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]*>`)
	entityRE    = regexp.MustCompile(`&(amp|lt|gt|quot|#39);`)
	mdEscapeRE  = regexp.MustCompile(`\\([[:punct:]])`)
	entityPlain = map[string]string{"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": `"`, "&#39;": "'"}
)

// plainOf is a report's text without its markup, for comparing what it
// says.
func plainOf(out string, f advisor.Format) string {
	switch f {
	case advisor.FormatHTML:
		out = tagRE.ReplaceAllString(out, " ")
		out = entityRE.ReplaceAllStringFunc(out, func(e string) string { return entityPlain[e] })
	case advisor.FormatMarkdown:
		out = mdEscapeRE.ReplaceAllString(out, "$1")
		out = strings.NewReplacer("**", "", "#", "").Replace(out)
	}
	return out
}

// TestEachAnswerIsSaidOnce: before the appendix, each answer's sentence
// appears at most once (the reasons, what favours the next best, and the
// rest of the picture share them out), and every answer worth saying is
// said.
func TestEachAnswerIsSaidOnce(t *testing.T) {
	d := builtin(t)
	for _, res := range briefCases(t, 200) {
		front := beforeAppendix(d.Document(res, testReport))
		for _, c := range res.Contributions {
			if c.Statement == "" || c.Cancelled {
				continue
			}
			q, _ := d.Question(c.Question)
			o, _ := q.Option(c.Value)
			if n := strings.Count(front, c.Statement+"."); n > 1 {
				t.Fatalf("%q is said %d times before the appendix:\n%s", c.Statement, n, front)
			} else if n == 0 && strings.Count(front, lowerFirstTest(c.Statement)) == 0 && (o == nil || !o.OffScale) && q.ID != "site_model" && q.ID != "pain_points" && q.ID != "expansion" {
				t.Fatalf("%q is not said before the appendix:\n%s", c.Statement, front)
			}
		}
	}
}

// lowerFirstTest is s with its first letter lowered, as a sentence put
// inside another reads it.
func lowerFirstTest(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
