package advisor

import (
	"fmt"
	"slices"
	"strings"
)

// FormatPoints writes a number of points without trailing zeros: 3, 1.5.
func FormatPoints(p Points) string { return p.String() }

// PointsText lists the roles an answer gives points to, in role order:
// "+3 Operations Director" or "+2 Chief Operating Officer, +1 Operations
// Director". It is "no points" when the answer scores nothing.
func (d *Definitions) PointsText(w Weights) string {
	var parts []string
	for i, r := range d.Roles {
		if i < len(w) && w[i] != 0 {
			parts = append(parts, "+"+FormatPoints(w[i])+" "+r.Title)
		}
	}
	if len(parts) == 0 {
		return "no points"
	}
	return strings.Join(parts, ", ")
}

// ReasonText explains one contribution with the points the definitions
// give it: "Employees: 25 (20 to 49) — +4 Operations Director". A
// question's cap is explained once, in CapText.
func (d *Definitions) ReasonText(c Contribution) string {
	title := c.Question
	if q, ok := d.Question(c.Question); ok {
		title = q.Title
	}
	if c.Cancelled {
		return title + ": " + c.Label + " — no points with the other answers given"
	}
	if c.Scaled != "" && !slices.Equal(c.Points, c.Counted) {
		return title + ": " + c.Label + " — " + d.PointsText(c.Points) + "; counted: " + d.PointsText(c.Counted)
	}
	return title + ": " + c.Label + " — " + d.PointsText(c.Points)
}

func (q *Question) labels(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v
		if o, _ := q.Option(v); o != nil {
			out[i] = o.Label
		}
	}
	return out
}

func quoted(s string) string { return "“" + s + "”" }

// Subject is the question's title as the subject of a sentence: "growth",
// "pain points", but "CEO time on operations" (an acronym keeps its case).
func (q *Question) Subject() string {
	t := q.Title
	if len(t) >= 2 && t[0] >= 'A' && t[0] <= 'Z' && (t[1] < 'A' || t[1] > 'Z') {
		return strings.ToLower(t[:1]) + t[1:]
	}
	return t
}

// joinQuoted writes “a”, “b” and “c”.
func joinQuoted(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = quoted(s)
	}
	return JoinWords(q, "and")
}

// JoinWords writes a, b and c (conj is "and" or "or").
func JoinWords(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// Headline is the one-line recommendation: "Hire an Operations Director".
func (d *Definitions) Headline(r *Result) string {
	role, _ := d.Role(r.Recommended)
	return role.Headline
}

// WithArticle puts "a" or "an" before a role title.
func WithArticle(title string) string { return article(title) + " " + title }

func article(s string) string {
	if s != "" && strings.ContainsRune("AEIOUaeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

func (r *Result) scoreOf(role string) Points {
	for _, s := range r.Scores {
		if s.Role == role {
			return s.Points
		}
	}
	return 0
}

func pointsWord(p Points) string {
	if p == pointScale {
		return "point"
	}
	return "points"
}

// ScoresText lists every role's points, highest first (tie order on
// ties), marking the roles the answers rule out.
func (d *Definitions) ScoresText(r *Result) string {
	parts := make([]string, 0, len(r.Scores))
	for _, s := range d.sortedScores(r) {
		role, _ := d.Role(s.Role)
		text := fmt.Sprintf("%s %s %s", role.Title, FormatPoints(s.Points), pointsWord(s.Points))
		if s.RuledOut {
			text += ruledOutMark
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, ", ")
}

func (d *Definitions) sortedScores(r *Result) []RoleScore {
	s := append([]RoleScore(nil), r.Scores...)
	total := make(Weights, len(s))
	for i := range s {
		total[i] = s[i].Points
	}
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	// Insertion sort: stable, and there are only a few roles.
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && d.before(idx[j], idx[j-1], total); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	out := make([]RoleScore, len(s))
	for i, k := range idx {
		out[i] = s[k]
	}
	return out
}

// CloseCallNote explains a tie or a close call, or is "" when the result
// is clear.
func (d *Definitions) CloseCallNote(r *Result) string {
	if !d.IsCloseCall(r) || len(r.TurnsOn) > 0 && !r.Tie {
		// Advice that turns on an answer says which (TurnsOnText), a
		// closer warning than this one.
		return ""
	}
	ru, _ := d.Role(r.RunnerUp)
	rec, _ := d.Role(r.Recommended)
	if r.Tie {
		return fmt.Sprintf("The scores are tied: the answers point both ways equally. The advice goes to %s as the cheaper step that is easier to change later; read the reasons and the points to weigh on both sides before deciding.", rec.Advice)
	}
	return fmt.Sprintf("This is a close call: %s is only a few points behind. Read what would change the advice before deciding.", ru.Title)
}

// ReasonHeadings are the titles of the reasons and the counterpoints:
// "Why a Chief Operating Officer" and "What points to an Operations
// Director", or, for a tie, a title for each side.
func (d *Definitions) ReasonHeadings(r *Result) (why, against string) {
	rec, _ := d.Role(r.Recommended)
	if r.RunnerUp == "" {
		return "Why " + rec.Advice, ""
	}
	ru, _ := d.Role(r.RunnerUp)
	if !r.Tie {
		return "Why " + rec.Advice, "What points to " + ru.Advice
	}
	return "For " + rec.Advice, "For " + ru.Advice
}

// CapText explains what a question's cap took off, or is "" when it took
// nothing, as in "Pain points: at most 4 points per role count;
// Operations Director's 6 count as 4" and a full stop.
func (d *Definitions) CapText(r *Result, question string) string {
	q, ok := d.Question(question)
	if !ok || q.Cap <= 0 {
		return ""
	}
	raw := make(Weights, len(d.Roles))
	for _, c := range r.Contributions {
		if c.Question == question && !c.Cancelled {
			addTo(raw, c.Points)
		}
	}
	var over []string
	for i, v := range raw {
		if v > q.Cap {
			over = append(over, fmt.Sprintf("%s's %s count as %s", d.Roles[i].Title, FormatPoints(v), FormatPoints(q.Cap)))
		}
	}
	if len(over) == 0 {
		return ""
	}
	return fmt.Sprintf("%s: at most %s points per role count; %s.", q.Title, FormatPoints(q.Cap), JoinWords(over, "and"))
}

// PlanText is a plan to hire another role as well, with the pains it would
// take on, as in "Hire the COO first, then Operations Directors under
// them (for process optimization and quality assurance)" and a full stop.
func PlanText(p Plan) string {
	text := strings.TrimRight(p.Text, ".")
	if len(p.For) > 0 {
		names := make([]string, len(p.For))
		for i, n := range p.For {
			names[i] = strings.ToLower(n)
		}
		text += " (for " + JoinWords(names, "and") + ")"
	}
	return text + "."
}
