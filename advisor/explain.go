package advisor

import (
	"fmt"
	"strconv"
	"strings"
)

// FormatPoints writes a number of points without trailing zeros: 3, 1.5.
func FormatPoints(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// PointsText lists the roles an answer gives points to, largest first in
// role order: "+3 Operations Director" or "+2 Chief Operating Officer, +1
// Operations Director". It is "no points" when the answer scores nothing.
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

// ReasonText explains one contribution: "Employees: 25 (fewer than 50) —
// +3 Operations Director".
func (d *Definitions) ReasonText(c Contribution) string {
	title := c.Question
	if q, ok := d.Question(c.Question); ok {
		title = q.Title
	}
	return title + ": " + c.Label + " — " + d.PointsText(c.Points)
}

// ChangeText explains one change in a sentence: "At about 150 employees or
// more (now 25), the advice would be Chief Operating Officer."
func (d *Definitions) ChangeText(c Change) string {
	q, ok := d.Question(c.Question)
	if !ok {
		return ""
	}
	role := c.Role
	if r, ok := d.Role(c.Role); ok {
		role = r.Title
	}
	then := "the advice would be " + role + "."
	switch q.Kind {
	case KindInteger:
		now := GroupDigits(c.From.Int)
		switch {
		case c.Lo == c.Hi || (c.Open && c.Down && c.Hi == q.Min) || (c.Open && !c.Down && c.Lo == q.Max):
			v := c.Lo
			if c.Down {
				v = c.Hi
			}
			return fmt.Sprintf("At %s %s (now %s), %s", GroupDigits(v), q.UnitFor(v), now, then)
		case c.Open && c.Down:
			return fmt.Sprintf("At about %s %s or fewer (now %s), %s", GroupDigits(c.Hi), q.UnitFor(c.Hi), now, then)
		case c.Open:
			return fmt.Sprintf("At about %s %s or more (now %s), %s", GroupDigits(c.Lo), q.UnitFor(c.Lo), now, then)
		}
		return fmt.Sprintf("At %s to %s %s (now %s), %s", GroupDigits(c.Lo), GroupDigits(c.Hi), q.Unit, now, then)
	case KindChoice:
		return fmt.Sprintf("If %s were %s instead of %s, %s", q.Subject(), quoted(q.Describe(c.To)), quoted(q.Describe(c.From)), then)
	case KindMulti:
		added := q.labels(c.Added)
		removed := q.labels(c.Removed)
		switch {
		case len(removed) == 0:
			verb := "also included"
			if len(c.From.Multi) == 0 {
				verb = "included"
			}
			return fmt.Sprintf("If %s %s %s, %s", q.Subject(), verb, joinQuoted(added, "and"), then)
		case len(added) == 0:
			return fmt.Sprintf("If %s no longer included %s, %s", q.Subject(), joinQuoted(removed, "or"), then)
		}
		return fmt.Sprintf("If %s included %s but no longer %s, %s", q.Subject(), joinQuoted(added, "and"), joinQuoted(removed, "or"), then)
	}
	return ""
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
	if len(t) >= 2 && t[0] >= 'A' && t[0] <= 'Z' && !(t[1] >= 'A' && t[1] <= 'Z') {
		return strings.ToLower(t[:1]) + t[1:]
	}
	return t
}

// joinQuoted writes “a”, “b” and “c” (or "or" for conj).
func joinQuoted(items []string, conj string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = quoted(s)
	}
	return JoinWords(q, conj)
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

// Headline is the one-line recommendation: "Hire an Operations Director",
// or "A tie between a Chief Operating Officer and an Operations Director"
// when the scores are level.
func (d *Definitions) Headline(r *Result) string {
	role, _ := d.Role(r.Recommended)
	if r.Confidence <= 0 {
		ru, _ := d.Role(r.RunnerUp)
		return "A tie between " + WithArticle(role.Title) + " and " + WithArticle(ru.Title)
	}
	return "Hire " + WithArticle(role.Title)
}

// WithArticle puts "a" or "an" before a role title.
func WithArticle(title string) string { return article(title) + " " + title }

func article(s string) string {
	if s != "" && strings.ContainsRune("AEIOUaeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

// ConfidenceText explains the confidence in words and as the lead the
// recommended role has over the runner-up: "clear. Operations Director
// leads by 18 of the 41 points (44%)". The percentage is the lead's share
// of all points, not a probability, and the sentence says so.
func (d *Definitions) ConfidenceText(r *Result) string {
	rec, _ := d.Role(r.Recommended)
	ru, _ := d.Role(r.RunnerUp)
	var top, second, total float64
	for _, s := range r.Scores {
		total += s.Points
		switch s.Role {
		case r.Recommended:
			top = s.Points
		case r.RunnerUp:
			second = s.Points
		}
	}
	label := ConfidenceLabel(r.Confidence)
	if r.Confidence <= 0 {
		return fmt.Sprintf("%s. %s and %s have %s %s each", label, rec.Title, ru.Title, FormatPoints(top), pointsWord(top))
	}
	return fmt.Sprintf("%s. %s leads by %s of the %s points (%d%%)", label, rec.Title, FormatPoints(top-second), FormatPoints(total), Percent(r.Confidence))
}

func pointsWord(f float64) string {
	if f == 1 {
		return "point"
	}
	return "points"
}

// ScoresText lists every role's points, highest first (role order on ties).
func (d *Definitions) ScoresText(r *Result) string {
	parts := make([]string, 0, len(r.Scores))
	for _, s := range d.sortedScores(r) {
		role, _ := d.Role(s.Role)
		parts = append(parts, fmt.Sprintf("%s %s %s", role.Title, FormatPoints(s.Points), pointsWord(s.Points)))
	}
	return strings.Join(parts, ", ")
}

func (d *Definitions) sortedScores(r *Result) []RoleScore {
	s := append([]RoleScore(nil), r.Scores...)
	// Insertion sort: stable, and there are only a few roles.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Points > s[j-1].Points; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// CloseCallNote explains a close call, or is "" when the result is clear.
func (d *Definitions) CloseCallNote(r *Result) string {
	if r.Confidence >= closeCallBelow {
		return ""
	}
	ru, _ := d.Role(r.RunnerUp)
	if r.Confidence <= 0 {
		return "The scores are tied: the answers point both ways equally. Read the reasons on both sides and what would change the advice before deciding."
	}
	return fmt.Sprintf("This is a close call: %s is only a few points behind. Read what would change the advice before deciding.", ru.Title)
}

// ReasonHeadings are the titles of the reasons and the counterpoints:
// "Why" and "Pointing the other way", or, for a tie, a title for each side.
func (d *Definitions) ReasonHeadings(r *Result) (why, against string) {
	if r.Confidence > 0 {
		return "Why", "Pointing the other way"
	}
	rec, _ := d.Role(r.Recommended)
	ru, _ := d.Role(r.RunnerUp)
	return "For " + WithArticle(rec.Title), "For " + WithArticle(ru.Title)
}
