package advisor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Format is a report format.
type Format string

// The report formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json"
)

// Formats lists the report formats, for flag help and messages.
var Formats = []string{string(FormatText), string(FormatMarkdown), string(FormatHTML), string(FormatJSON)}

// ParseFormat checks a format name ("md", "txt" and "htm" are accepted).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case string(FormatText), "txt":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "html", "htm":
		return FormatHTML, nil
	case "json":
		return FormatJSON, nil
	}
	return "", fmt.Errorf("%s is not a format; formats are %s", quoteInput(s), quoteList(Formats))
}

// The keys of a JSON report that reading one back as answers looks for.
const (
	keyRecommended = "recommended"
	keyAnswers     = "answers"
	keyTeam        = "team"
)

// extensions are the file extensions that name a format, the usual one
// of each first.
var extensions = []struct {
	ext string
	f   Format
}{
	{".txt", FormatText},
	{".md", FormatMarkdown},
	{".markdown", FormatMarkdown},
	{".html", FormatHTML},
	{".htm", FormatHTML},
	{".json", FormatJSON},
}

// Extensions lists the file extensions that name a format, for messages.
var Extensions = func() []string {
	out := make([]string, len(extensions))
	for i, e := range extensions {
		out[i] = e.ext
	}
	return out
}()

// FormatForPath is the format a file name's extension asks for: brief.md
// is Markdown. ok is false for a name without one of Extensions (or
// .text).
func FormatForPath(path string) (f Format, ok bool) {
	ext := ""
	if i := strings.LastIndexByte(path, '.'); i >= 0 && !strings.ContainsAny(path[i:], "/\\") {
		ext = strings.ToLower(path[i:])
	}
	if ext == ".text" {
		return FormatText, true
	}
	for _, e := range extensions {
		if e.ext == ext {
			return e.f, true
		}
	}
	return "", false
}

// Extension is the usual file extension of a format.
func (f Format) Extension() string {
	for _, e := range extensions {
		if e.f == f {
			return e.ext
		}
	}
	return ".txt"
}

// Report renders a result in the given format. The output depends only on
// the definitions, the result and the options: the same inputs give the
// same bytes.
func (d *Definitions) Report(r *Result, f Format, o ReportOptions) ([]byte, error) {
	switch f {
	case FormatText:
		return []byte(d.Document(r, o).Text(o.Width)), nil
	case FormatMarkdown:
		return []byte(d.Document(r, o).Markdown()), nil
	case FormatHTML:
		return []byte(d.Document(r, o).HTML()), nil
	case FormatJSON:
		return d.jsonReport(r, o)
	}
	return nil, fmt.Errorf("%s is not a format; formats are %s", quoteInput(string(f)), quoteList(Formats))
}

// NoReasonsText is what stands in for the reasons when there are none.
func (d *Definitions) NoReasonsText(r *Result) string {
	if r.RunnerUp == "" {
		return "The rules leave no other role to weigh it against."
	}
	return "No answer favours one role over the other."
}

// MorePoints stands for the reasons a list leaves out, so that the
// reader knows the list is not the whole story.
func MorePoints(n int) string {
	if n == 1 {
		return "and 1 smaller point"
	}
	return fmt.Sprintf("and %d smaller points", n)
}

// NoteText is a role's point to weigh; on a tie, with the role it is about.
func (d *Definitions) NoteText(r *Result, n Note) string {
	if !r.Tie {
		return n.Text
	}
	role, _ := d.Role(n.Role)
	return role.Title + ": " + n.Text
}

// scoringLines explain every answer's points and every rule with the
// definitions' rationale, for the appendix a consultant defends the advice
// from.
func (d *Definitions) scoringLines(r *Result) []string {
	var out []string
	for i, c := range r.Contributions {
		line := d.ReasonText(c) + "."
		if c.Why != "" {
			line += " " + c.Why
		}
		if c.Scaled != "" {
			line += " " + c.Scaled
		}
		if c.Source != "" {
			line += " Source: " + strings.TrimRight(c.Source, ".") + "."
		}
		out = append(out, line)
		if last := i == len(r.Contributions)-1 || r.Contributions[i+1].Question != c.Question; last {
			if capText := d.CapText(r, c.Question); capText != "" {
				out = append(out, capText)
			}
		}
	}
	for _, x := range r.RuledOut {
		line := x.Reason
		if x.Source != "" {
			line += " Source: " + strings.TrimRight(x.Source, ".") + "."
		}
		out = append(out, line)
	}
	return out
}

// ordered is a JSON object whose keys keep the order they were added in.
type ordered []struct {
	key   string
	value any
}

func (o *ordered) add(k string, v any) {
	*o = append(*o, struct {
		key   string
		value any
	}{k, v})
}

func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(kv.key)
		if err != nil {
			return nil, fmt.Errorf("%s as JSON: %w", kv.key, err)
		}
		v, err := json.Marshal(kv.value)
		if err != nil {
			return nil, fmt.Errorf("%s as JSON: %w", kv.key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

func (d *Definitions) roleMap(w Weights) ordered {
	var o ordered
	for i, r := range d.Roles {
		o.add(r.ID, w[i].Float())
	}
	return o
}

type jsonContribution struct {
	Question  string  `json:"question"`
	Value     string  `json:"value,omitempty"`
	Answer    string  `json:"answer"`
	Points    ordered `json:"points"`
	Counted   ordered `json:"counted"`
	Advantage float64 `json:"advantage"`
	Text      string  `json:"text"`
	Sentence  string  `json:"sentence,omitempty"`
	Why       string  `json:"why,omitempty"`
	Source    string  `json:"source,omitempty"`
	Scaled    string  `json:"scaled,omitempty"`
}

type jsonChange struct {
	Question string `json:"question"`
	From     any    `json:"from"`
	To       any    `json:"to"`
	Role     string `json:"recommended"`
	Steps    int    `json:"steps"`
	Text     string `json:"text"`
}

type jsonNote struct {
	Question string `json:"question,omitempty"`
	Role     string `json:"role"`
	Text     string `json:"text"`
}

type jsonRuledOut struct {
	Role     string `json:"role"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Reason   string `json:"reason"`
	Source   string `json:"source,omitempty"`
}

type jsonPlan struct {
	Role string   `json:"role"`
	Text string   `json:"text"`
	For  []string `json:"for"`
	Why  string   `json:"why,omitempty"`
}

type jsonFactor struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Scores  ordered `json:"scores"`
	Leaning string  `json:"leaning"`
}

// SchemaVersion is the version of the JSON report's layout, documented in
// the README. It grows when a field changes meaning or goes; new fields
// may appear without it.
const SchemaVersion = 2

type jsonEngagement struct {
	Client     string `json:"client,omitempty"`
	PreparedBy string `json:"prepared_by,omitempty"`
	Date       string `json:"date,omitempty"`
	Respondent string `json:"respondent,omitempty"`
	Role       string `json:"role,omitempty"`
}

type jsonRemit struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	YourPain    bool   `json:"your_pain"`
}

type jsonPeriod struct {
	Days    string   `json:"days"`
	Title   string   `json:"title"`
	Actions []string `json:"actions"`
}

type jsonFigure struct {
	Range  string `json:"range"`
	Region string `json:"region,omitempty"`
	Source string `json:"source,omitempty"`
}

type jsonRights struct {
	CEOKeeps []string `json:"ceo_keeps"`
	RoleOwns []string `json:"role_owns"`
}

type jsonBrief struct {
	Role            string       `json:"role"`
	Title           string       `json:"title"`
	Summary         string       `json:"summary"`
	Mission         string       `json:"mission"`
	Remit           []jsonRemit  `json:"remit"`
	ReportingLine   string       `json:"reporting_line"`
	DecisionRights  jsonRights   `json:"decision_rights"`
	First90Days     []jsonPeriod `json:"first_90_days"`
	SuccessMeasures []string     `json:"success_measures"`
	Cost            jsonFigure   `json:"cost"`
	TimeToEffect    jsonFigure   `json:"time_to_effect"`
	WorksWith       string       `json:"works_with"`
	NextSteps       []string     `json:"next_steps"`
	RevisitWhen     []string     `json:"revisit_when,omitempty"`
	// What happens to the leaders in post, and who takes on each pain
	// named that the role does not.
	InPost    []string      `json:"in_post"`
	HandedOff []jsonHandoff `json:"handed_off"`
}

type jsonHandoff struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	To   string `json:"to"`
}

// nonNil keeps empty lists as [] in JSON.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// jsonDoc is a JSON report, its keys in the order the README documents.
// A struct rather than an ordered list of keys: encoding/json writes it
// in one pass, where a MarshalJSON of its own is checked and indented
// again at every level.
type jsonDoc struct {
	SchemaVersion     int                `json:"schema_version"`
	Tool              jsonTool           `json:"tool"`
	ReportDate        string             `json:"report_date"`
	Engagement        jsonEngagement     `json:"engagement"`
	Recommended       string             `json:"recommended"`
	RecommendedTitle  string             `json:"recommended_title"`
	Headline          string             `json:"headline"`
	RunnerUp          string             `json:"runner_up"`
	Tie               bool               `json:"tie"`
	Lead              float64            `json:"lead"`
	Confidence        float64            `json:"confidence"`
	ConfidenceLabel   string             `json:"confidence_label"`
	ConfidenceText    string             `json:"confidence_text"`
	TurnsOn           []jsonChange       `json:"turns_on"`
	Rationale         string             `json:"rationale"`
	Scores            ordered            `json:"scores"`
	Shares            ordered            `json:"shares"`
	RuledOut          []jsonRuledOut     `json:"ruled_out"`
	AlsoPlanFor       []jsonPlan         `json:"also_plan_for"`
	Factors           []jsonFactor       `json:"factors"`
	Reasons           []jsonContribution `json:"reasons"`
	MoreReasons       int                `json:"more_reasons"`
	Counterpoints     []jsonContribution `json:"counterpoints"`
	MoreCounterpoints int                `json:"more_counterpoints"`
	WhatWouldChange   []jsonChange       `json:"what_would_change"`
	Notes             []jsonNote         `json:"notes"`
	Brief             *jsonBrief         `json:"brief,omitempty"`
	// A team's report only.
	Team          *jsonTeamInfo       `json:"team,omitempty"`
	Respondents   *[]jsonRespondent   `json:"respondents,omitempty"`
	Disagreements *[]jsonDisagreement `json:"disagreements,omitempty"`
	// MoreDisagreements counts the smaller ones left out of the list.
	MoreDisagreements *int `json:"more_disagreements,omitempty"`

	Answers       ordered            `json:"answers"`
	Contributions []jsonContribution `json:"contributions"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

func (d *Definitions) jsonReport(r *Result, o ReportOptions) ([]byte, error) {
	rec, _ := d.Role(r.Recommended)
	b := d.Brief(r, o)
	e := o.Engagement
	if o.Team != nil {
		// A team's brief answers for the team: a name typed for one person
		// must not make it read as theirs.
		e.Respondent, e.Role = "", ""
	}
	j := jsonDoc{
		SchemaVersion: SchemaVersion, Tool: jsonTool{Name: "coo-advisor", Version: o.Version},
		ReportDate: o.Engagement.Date, Engagement: jsonEngagement(e),
		Recommended: r.Recommended, RecommendedTitle: rec.Title, Headline: b.Headline,
		RunnerUp: r.RunnerUp, Tie: r.Tie, Lead: r.Lead.Float(), Confidence: round3(r.Confidence),
		ConfidenceLabel: d.ResultConfidence(r), ConfidenceText: b.ConfidenceText, Rationale: b.Rationale,
		RuledOut: make([]jsonRuledOut, 0, len(r.RuledOut)), AlsoPlanFor: make([]jsonPlan, 0, len(r.AlsoPlan)),
		Factors: make([]jsonFactor, 0, len(r.Factors)), MoreReasons: r.MoreReasons, MoreCounterpoints: r.MoreCounterpoints,
		WhatWouldChange: make([]jsonChange, 0, len(r.Changes)), Notes: make([]jsonNote, 0, len(r.Notes)),
		TurnsOn: make([]jsonChange, 0, len(r.TurnsOn)),
	}
	for _, c := range r.TurnsOn {
		j.TurnsOn = append(j.TurnsOn, d.jsonChangeOf(c))
	}
	for _, s := range r.Scores {
		j.Scores.add(s.Role, s.Points.Float())
		j.Shares.add(s.Role, round3(s.Share))
	}
	for _, x := range r.RuledOut {
		j.RuledOut = append(j.RuledOut, jsonRuledOut(x))
	}
	for _, p := range r.AlsoPlan {
		j.AlsoPlanFor = append(j.AlsoPlanFor, jsonPlan{Role: p.Role, Text: PlanText(p), For: nonNil(p.For), Why: p.Why})
	}
	for _, fs := range r.Factors {
		f, _ := d.Factor(fs.Factor)
		j.Factors = append(j.Factors, jsonFactor{ID: f.ID, Title: f.Title, Scores: d.roleMap(fs.Points), Leaning: d.leaningOf(fs.Points)})
	}
	contrib := func(cs []Contribution, role string) []jsonContribution {
		out := make([]jsonContribution, 0, len(cs))
		for _, c := range cs {
			jc := jsonContribution{Question: c.Question, Value: c.Value, Answer: c.Label, Points: d.roleMap(c.Points), Counted: d.roleMap(c.Counted), Advantage: c.Advantage.Float(), Text: d.ReasonText(c), Why: c.Why, Source: c.Source, Scaled: c.Scaled}
			if role != "" {
				jc.Sentence = d.ReasonSentence(r, c, role)
			}
			out = append(out, jc)
		}
		return out
	}
	j.Reasons = contrib(r.Reasons, r.Recommended)
	j.Counterpoints = contrib(r.Counterpoints, r.RunnerUp)
	for _, c := range r.Changes {
		j.WhatWouldChange = append(j.WhatWouldChange, d.jsonChangeOf(c))
	}
	for _, n := range r.Notes {
		j.Notes = append(j.Notes, jsonNote(n))
	}
	if rs := b.Role; rs != nil {
		jb := &jsonBrief{
			Role: rs.Role, Title: rs.Title, Summary: rs.Summary, Mission: rs.Mission, Remit: []jsonRemit{},
			ReportingLine: rs.ReportingLine, DecisionRights: jsonRights{CEOKeeps: nonNil(rs.CEOKeeps), RoleOwns: nonNil(rs.RoleOwns)},
			First90Days: []jsonPeriod{}, SuccessMeasures: nonNil(rs.Measures), Cost: jsonFigure(rs.Cost), TimeToEffect: jsonFigure(rs.Effect),
			WorksWith: rs.WorksWith, NextSteps: nonNil(rs.NextSteps), RevisitWhen: rs.RevisitWhen,
			InPost: nonNil(rs.InPost), HandedOff: []jsonHandoff{},
		}
		if c := rs.Market; c != nil {
			// The cost for this company in the market chosen, its sources
			// once.
			jb.Cost = jsonFigure{Range: strings.Join(c.Sentences(), " "), Region: c.Market.Name, Source: strings.Join(trimStops(c.Market.Sources), "; ")}
		}
		for _, h := range rs.HandedOff {
			jb.HandedOff = append(jb.HandedOff, jsonHandoff(h))
		}
		for _, x := range rs.Remit {
			jb.Remit = append(jb.Remit, jsonRemit{ID: x.ID, Name: x.Name, Description: x.Text, YourPain: x.YourPain})
		}
		for _, p := range rs.Days {
			jb.First90Days = append(jb.First90Days, jsonPeriod{Days: p.Days, Title: p.Title, Actions: nonNil(p.Actions)})
		}
		j.Brief = jb
	}
	if t := o.Team; t != nil {
		d.jsonTeam(&j, t, b.Team)
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		j.Answers.add(q.ID, q.JSONValue(r.Answers[q.ID]))
	}
	j.Contributions = contrib(r.Contributions, "")
	out, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("the report as JSON: %w", err)
	}
	return append(out, '\n'), nil
}

// jsonChangeOf is a change of one answer as a JSON report holds it.
func (d *Definitions) jsonChangeOf(c Change) jsonChange {
	q, _ := d.Question(c.Question)
	return jsonChange{Question: c.Question, From: q.JSONValue(c.From), To: q.JSONValue(c.To), Role: c.Role, Steps: c.Steps, Text: d.ChangeText(c)}
}

// leaningOf is the role a factor's points favour, or "" when no role has
// more than every other.
func (d *Definitions) leaningOf(w Weights) string {
	best := 0
	for i := range w {
		if w[i] > w[best] {
			best = i
		}
	}
	for i := range w {
		if i != best && w[i] == w[best] {
			return ""
		}
	}
	return d.Roles[best].ID
}

type jsonRespondent struct {
	Name            string   `json:"name"`
	Role            string   `json:"role,omitempty"`
	Recommended     string   `json:"recommended"`
	Confidence      float64  `json:"confidence"`
	ConfidenceLabel string   `json:"confidence_label"`
	Why             string   `json:"why"`
	Abstained       []string `json:"abstained"`
	Answers         ordered  `json:"answers"`
	// Cut are the lists cut to their first hundred values.
	Cut []string `json:"cut,omitempty"`
}

type jsonFact struct {
	Question string   `json:"question"`
	Agree    bool     `json:"agree"`
	Text     string   `json:"text"`
	Who      []string `json:"who"`
}

type jsonSelfGap struct {
	Question string `json:"question"`
	Text     string `json:"text"`
}

type jsonAgendaItem struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Open  string `json:"open"`
}

type jsonTie struct {
	Question string   `json:"question"`
	Options  []string `json:"options"`
	Each     int      `json:"each"`
	Taken    string   `json:"taken"`
	AsNear   bool     `json:"as_near"`
	Median   bool     `json:"median,omitempty"`
}

type jsonDisagreement struct {
	Question      string   `json:"question"`
	Value         string   `json:"value,omitempty"`
	Summary       string   `json:"summary"`
	Answers       *ordered `json:"answers,omitempty"`
	Spread        int      `json:"spread"`
	Of            int      `json:"of"`
	Split         bool     `json:"split"`
	ChangesAdvice bool     `json:"changes_advice"`
	Changes       []string `json:"changes"`
}

// jsonTeam adds a team's parts to a JSON report: the team (its size, how
// its answers were combined and whether the two ways agree), each
// person's own recommendation, and the disagreements, most important
// first. Per-person parts are left out when they may not be shown.
func (d *Definitions) jsonTeam(j *jsonDoc, t *TeamResult, tb *TeamBrief) {
	team := &jsonTeamInfo{
		Size: len(t.Members), Anonymous: t.Anonymous, PerPerson: t.Detail, MeanRecommended: t.MeanRecommended,
		MethodsAgree: t.MeanRecommended == t.Result.Recommended, Ties: make([]jsonTie, 0, len(t.Ties)),
	}
	for _, sc := range t.Mean {
		team.MeanScores.add(sc.Role, sc.Points.Float())
	}
	for _, x := range t.Ties {
		team.Ties = append(team.Ties, jsonTie(x))
	}
	d.jsonTeamView(team, t, tb)
	j.Team = team
	people := make([]jsonRespondent, 0, len(t.Members))
	if t.Detail {
		for _, m := range t.Members {
			p := jsonRespondent{
				Name: m.Name, Role: m.Role, Recommended: m.Result.Recommended, Confidence: round3(m.Result.Confidence),
				ConfidenceLabel: d.ResultConfidence(m.Result), Why: m.Why, Abstained: nonNil(m.Abstained),
			}
			for _, q := range d.Questions {
				if slices.Contains(m.Abstained, q.ID) {
					continue
				}
				a := m.Result.Answers[q.ID]
				if len(a.Multi) > maxMergedValues {
					// Definitions of thousands of values: the first
					// hundred, as the team's list keeps (see merge).
					a.Multi = a.Multi[:maxMergedValues]
					p.Cut = append(p.Cut, q.ID)
				}
				p.Answers.add(q.ID, q.JSONValue(a))
			}
			people = append(people, p)
		}
	}
	j.Respondents = &people
	dis := make([]jsonDisagreement, 0, len(t.Disagreements))
	for _, x := range t.Disagreements {
		jd := jsonDisagreement{Question: x.Question, Value: x.Value, Summary: x.Summary, Spread: x.Spread, Of: x.Of, Split: x.Split, ChangesAdvice: x.ChangesAdvice, Changes: nonNil(x.Changes)}
		if t.Detail && len(x.Values) == len(t.Members) {
			var a ordered
			for i, v := range x.Values {
				a.add(t.Members[i].Name, v)
			}
			jd.Answers = &a
		}
		dis = append(dis, jd)
	}
	j.Disagreements = &dis
	more := t.MoreDisagreements
	j.MoreDisagreements = &more
}

// jsonTeamView adds the team's conclusion, the facts, the self-gaps and
// the agenda to a team's part of a JSON report.
func (d *Definitions) jsonTeamView(team *jsonTeamInfo, t *TeamResult, tb *TeamBrief) {
	team.Majority, team.Overruled, team.Crux, team.MajorityRuledOut = t.Majority, t.Overruled, nonNil(t.Crux), t.MajorityRuledOut
	for i, r := range d.Roles {
		team.Outcomes.add(r.ID, t.Outcomes[i])
	}
	team.Conclusion = tb.Conclusion
	team.Merge = mergeText
	team.Facts = make([]jsonFact, 0, len(t.Facts))
	for _, f := range t.Facts {
		team.Facts = append(team.Facts, jsonFact{Question: f.Question, Agree: f.Agree, Text: f.Text, Who: nonNil(f.Who)})
	}
	team.SelfGaps = make([]jsonSelfGap, 0, len(t.SelfGaps))
	for _, g := range t.SelfGaps {
		team.SelfGaps = append(team.SelfGaps, jsonSelfGap(g))
	}
	team.Agenda = make([]jsonAgendaItem, 0, len(t.Agenda))
	for _, a := range t.Agenda {
		team.Agenda = append(team.Agenda, jsonAgendaItem(a))
	}
	if t.Anonymous && len(t.Members) < MinAnonymousDetail {
		// Two people's average would tell one's scores from the other's.
		team.MeanScores = ordered{}
	}
}

// jsonTeamInfo is a team's part of a JSON report.
type jsonTeamInfo struct {
	Size       int    `json:"size"`
	Anonymous  bool   `json:"anonymous"`
	PerPerson  bool   `json:"per_person"`
	Conclusion string `json:"conclusion"`
	Majority   string `json:"majority"`
	Overruled  string `json:"overruled"`
	// MajorityRuledOut: the merged answers rule the majority's advice
	// out, and the advice is theirs.
	MajorityRuledOut bool             `json:"majority_ruled_out"`
	Crux             []string         `json:"crux"`
	Outcomes         ordered          `json:"outcomes"`
	Merge            string           `json:"merge"`
	MeanRecommended  string           `json:"mean_recommended"`
	MeanScores       ordered          `json:"mean_scores"`
	MethodsAgree     bool             `json:"methods_agree"`
	Ties             []jsonTie        `json:"ties"`
	Facts            []jsonFact       `json:"facts"`
	SelfGaps         []jsonSelfGap    `json:"self_gaps"`
	Agenda           []jsonAgendaItem `json:"agenda"`
}
