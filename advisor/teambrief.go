package advisor

import (
	"fmt"
	"slices"
	"strings"
)

// TeamBrief is what a team's brief says beyond one person's, built once
// for every format and for the team screen: the team's conclusion, the
// agenda, the facts to check, the perceptions, the grid of answers and
// every disagreement.
type TeamBrief struct {
	Size int // how many answered
	// Conclusion is the team's conclusion for page one, in a sentence or
	// two: how many reach the advice on their own answers, and when the
	// merged answers differ, what they give and what separates the two.
	Conclusion string
	// View says who answered, how the answers were combined and the even
	// splits the merge had to settle.
	View []string
	// Landings says why each person lands where they do ("Head of Sales:
	// an Operations Director – 45 people rules out a full-time COO"); under
	// anonymity, counts.
	Landings []string
	Agenda   []AgendaItem
	// Facts are the answers to check, with who said what; Agreed the
	// facts everyone gave alike, in a line.
	Facts  []string
	Agreed string
	// Perceptions are the spread of the answers that are views, not
	// facts; SelfGaps the leaders who rate themselves unlike the rest.
	Perceptions []string
	SelfGaps    []string
	Grid        *Table
	GridNote    string
	// Disagreements are every difference kept, most important first;
	// MoreDisagreements counts the smaller ones left out of a report
	// (only definitions of thousands of values have them).
	Disagreements     []string
	MoreDisagreements int
}

// mergeText says in one sentence how a team's answers are combined.
const mergeText = "The team's answers take the middle answer of each scale and number, the most common answer to other choices, and weigh each item of a list by the share of the team that named it."

// TeamBrief explains a team's result (see TeamBrief).
func (d *Definitions) TeamBrief(t *TeamResult) *TeamBrief {
	n := len(t.Members)
	tb := &TeamBrief{Size: n}
	if n == 1 {
		tb.Conclusion = "One person answered: this is one view, not yet a team's. Ask the others to answer too."
		tb.View = []string{fmt.Sprintf("One person answered: %s.", d.memberName(t, 0))}
		return tb
	}
	tb.Conclusion = d.conclusion(t)
	tb.View = d.teamViewLines(t)
	tb.Landings = d.landings(t)
	tb.Agenda = t.Agenda
	for _, f := range t.Facts {
		if f.Agree {
			continue
		}
		text := f.Text
		if len(f.Who) > 0 {
			sep := ", "
			if slices.ContainsFunc(f.Who, func(w string) bool { return strings.Contains(w, ",") }) {
				sep = "; "
			}
			text += " (" + strings.Join(f.Who, sep) + ")"
		}
		tb.Facts = append(tb.Facts, text+".")
	}
	tb.Agreed = agreedFacts(t)
	for _, g := range t.SelfGaps {
		tb.SelfGaps = append(tb.SelfGaps, g.Text)
	}
	if !t.Anonymous {
		tb.Perceptions = d.perceptions(t)
	}
	tb.Grid, tb.GridNote = d.grid(t)
	for _, x := range t.Disagreements {
		tb.Disagreements = append(tb.Disagreements, d.DisagreementText(t, x))
	}
	tb.MoreDisagreements = t.MoreDisagreements
	return tb
}

// memberName is how the brief names member i: by their label, or "one
// member" under anonymity.
func (d *Definitions) memberName(t *TeamResult, i int) string {
	if t.Members[i].Label == "" {
		return "one member"
	}
	return t.Members[i].Label
}

// conclusion is the team's conclusion for page one.
func (d *Definitions) conclusion(t *TeamResult) string {
	n := len(t.Members)
	advice := func(id string) string {
		r, _ := d.Role(id)
		return r.Advice
	}
	switch {
	case t.MajorityRuledOut:
		return fmt.Sprintf("%s of %s members reach %s on their own answers, but the team's answers combined rule it out, and give %s. The difference turns on %s: settle it first (the agenda's first item).",
			capitalize(Spelled(t.Outcomes[d.roleIndex[t.Majority]])), Spelled(n), advice(t.Majority), advice(t.Overruled), d.cruxText(t))
	case t.Overruled != "":
		crux := d.cruxText(t)
		return fmt.Sprintf("%s of %s members reach %s on their own answers, and the advice follows them; the team's answers combined would give %s instead. The difference turns on %s: settle it first (the agenda's first item).",
			capitalize(Spelled(t.Outcomes[d.roleIndex[t.Majority]])), Spelled(n), advice(t.Majority), advice(t.Overruled), crux)
	case t.Majority != "":
		return fmt.Sprintf("%s of %s members reach %s on their own answers, and the team's answers combined agree.",
			capitalize(Spelled(t.Outcomes[d.roleIndex[t.Majority]])), Spelled(n), advice(t.Majority))
	}
	return fmt.Sprintf("No clear majority: %s. The advice is what the team's answers combined give; the agenda says what to settle.", lowerFirst(d.TeamSplit(t)))
}

// cruxText names the questions that separate the members' conclusion
// from the merged answers'.
func (d *Definitions) cruxText(t *TeamResult) string {
	titles := make([]string, 0, len(t.Crux))
	for _, id := range t.Crux {
		q, _ := d.Question(id)
		titles = append(titles, q.Subject())
	}
	if len(titles) == 0 {
		return "several answers together"
	}
	return JoinWords(titles, "and")
}

// teamViewLines says who answered, how the answers were combined, the
// even splits settled, and the answers left to the others.
func (d *Definitions) teamViewLines(t *TeamResult) []string {
	n := len(t.Members)
	var out []string
	if t.Anonymous {
		out = append(out, fmt.Sprintf("%s people answered, each on their own and anonymously: no answer is shown by person, and numbers that fewer than %s gave are shown as a range.", capitalize(Spelled(n)), Spelled(MinAnonymousDetail)))
	} else {
		names := make([]string, n)
		for i := range t.Members {
			names[i] = t.Members[i].Label
		}
		out = append(out, fmt.Sprintf("%s people answered, each on their own: %s.", capitalize(Spelled(n)), JoinWords(names, "and")))
	}
	out = append(out, mergeText)
	for _, tie := range t.Ties {
		q, _ := d.Question(tie.Question)
		out = append(out, q.rules().tieText(q, tie))
	}
	abstained := 0
	var left []string
	for i, m := range t.Members {
		if len(m.Abstained) == 0 {
			continue
		}
		abstained += len(m.Abstained)
		var subjects []string
		for _, id := range m.Abstained {
			if q, ok := d.Question(id); ok {
				subjects = append(subjects, q.Subject())
			}
		}
		left = append(left, fmt.Sprintf("%s (%s)", d.memberName(t, i), JoinWords(subjects, "and")))
	}
	if !t.Anonymous && len(left) > 0 {
		out = append(out, "Left to the others: "+strings.Join(left, "; ")+".")
	}
	if t.Anonymous && abstained > 0 {
		out = append(out, fmt.Sprintf("%s %s left to the others.", capitalize(Spelled(abstained)), plural(abstained, "answer was", "answers were")))
	}
	if t.MeanRecommended != t.Result.Recommended && t.MeanRecommended != "" {
		r, _ := d.Role(t.MeanRecommended)
		out = append(out, fmt.Sprintf("The average of everyone's own scores puts %s first.", r.Advice))
	}
	return out
}

// landings says why each person lands where they do, or under anonymity
// how many land where.
func (d *Definitions) landings(t *TeamResult) []string {
	if t.Anonymous {
		return []string{d.TeamSplit(t) + "."}
	}
	out := make([]string, 0, len(t.Members))
	for i, m := range t.Members {
		r, _ := d.Role(m.Result.Recommended)
		where := r.Advice
		if m.Result.Tie {
			ru, _ := d.Role(m.Result.RunnerUp)
			where = "a tie between " + r.Advice + " and " + ru.Advice
		}
		line := capitalize(d.memberName(t, i)) + ": " + where
		if m.Why != "" {
			line += " – " + m.Why
		}
		out = append(out, line+".")
	}
	return out
}

// agreedFacts names in a line the facts everyone gave alike.
func agreedFacts(t *TeamResult) string {
	var agreed []string
	for _, f := range t.Facts {
		if f.Agree {
			agreed = append(agreed, strings.TrimSuffix(f.Text, ", all agree"))
		}
	}
	if len(agreed) == 0 {
		return ""
	}
	return "Everyone agrees on: " + strings.Join(agreed, "; ") + "."
}

// perceptions are the spread of each view (not a fact) the team does not
// all share: "CEO time on operations: “High” 4, “Medium” 1".
func (d *Definitions) perceptions(t *TeamResult) []string {
	var out []string
	for qi := range d.Questions {
		q := &d.Questions[qi]
		if q.Fact {
			continue
		}
		if s, agree := d.distribution(t, q); !agree && s != "" {
			out = append(out, q.Title+": "+s+".")
		}
	}
	return out
}

// distribution is the spread of a question's answers, without names:
// each answer with how many gave it, in the question's order (a list's
// values by how many named them); a number's range and middle. It says
// whether everyone answered alike.
func (d *Definitions) distribution(t *TeamResult, q *Question) (string, bool) {
	var as []Answer
	for _, m := range t.Members {
		if slices.Contains(m.Abstained, q.ID) {
			continue
		}
		as = append(as, m.Result.Answers[q.ID])
	}
	if len(as) == 0 {
		return "left to the others", true
	}
	switch {
	case q.Kind == KindInteger:
		lo, hi := as[0].Int, as[0].Int
		for _, a := range as {
			lo, hi = min(lo, a.Int), max(hi, a.Int)
		}
		if lo == hi {
			return GroupDigits(lo), true
		}
		if t.Anonymous {
			// A middle beside the ends tells a small team's three answers.
			return fmt.Sprintf("%s–%s", GroupDigits(lo), GroupDigits(hi)), false
		}
		return fmt.Sprintf("%s–%s, middle %s", GroupDigits(lo), GroupDigits(hi), GroupDigits(t.Consensus[q.ID].Int)), false
	case q.IsList():
		counts, none := q.named(as)
		order := make([]int, 0, len(q.Options))
		for i, c := range counts {
			if c > 0 {
				order = append(order, i)
			}
		}
		slices.SortStableFunc(order, func(a, b int) int { return counts[b] - counts[a] })
		var parts []string
		agree := true
		for k, i := range order {
			if k == maxListed {
				parts = append(parts, fmt.Sprintf("%s more", GroupDigits(len(order)-k)))
				break
			}
			agree = agree && counts[i] == len(as)
			parts = append(parts, fmt.Sprintf("%s %d of %d", lowerFirst(q.Options[i].Label), counts[i], len(as)))
		}
		if none > 0 {
			agree = agree && none == len(as)
			parts = append(parts, fmt.Sprintf("%s %d of %d", lowerFirst(q.None.Label), none, len(as)))
		}
		return strings.Join(parts, "; "), agree
	}
	counts := make([]int, len(q.Options))
	for _, a := range as {
		if _, i := q.Option(a.Choice); i >= 0 {
			counts[i]++
		}
	}
	var parts []string
	distinct := 0
	for i, c := range counts {
		if c > 0 {
			distinct++
			parts = append(parts, fmt.Sprintf("%s %d", quoteLabel(q.Options[i].Label), c))
		}
	}
	return strings.Join(parts, ", "), distinct == 1
}

// maxGridPeople is the most people a grid shows one column each: more
// do not fit a printed page's width, and the grid gives each question's
// spread instead.
const maxGridPeople = 8

// grid is the answer grid: people against questions, or under anonymity
// (and for a large team) each question's spread; nothing for an
// anonymous team too small to hide who said what, with a note.
func (d *Definitions) grid(t *TeamResult) (*Table, string) {
	n := len(t.Members)
	if t.Anonymous && n < MinAnonymousDetail {
		return nil, fmt.Sprintf("With fewer than %s people, the answers are not shown side by side: they would tell who said what.", Spelled(MinAnonymousDetail))
	}
	tb := &Table{Caption: "Each person's answers", Mark: -1}
	if t.Anonymous || n > maxGridPeople {
		tb.Caption = "The answers to each question"
		tb.Head = []string{"Question", "Answers"}
		for qi := range d.Questions {
			q := &d.Questions[qi]
			s, _ := d.distribution(t, q)
			tb.Rows = append(tb.Rows, TableRow{Head: q.Title, Cells: []string{s}})
		}
		return tb, ""
	}
	tb.Head = []string{"Question"}
	for i := range t.Members {
		tb.Head = append(tb.Head, d.memberName(t, i))
	}
	for qi := range d.Questions {
		q := &d.Questions[qi]
		row := TableRow{Head: q.Title}
		for _, m := range t.Members {
			cell := "–"
			if !slices.Contains(m.Abstained, q.ID) {
				cell = q.shortAnswer(m.Result.Answers[q.ID])
			}
			row.Cells = append(row.Cells, cell)
		}
		tb.Rows = append(tb.Rows, row)
	}
	tb.ByRow = true
	for _, m := range t.Members {
		if len(m.Abstained) > 0 {
			return tb, "A dash is a question the person left to the others."
		}
	}
	return tb, ""
}

// DisagreementText is one disagreement in a paragraph: the question, the
// spread, who answered what (when that may be shown), and what agreeing
// with each side would do to the advice.
func (d *Definitions) DisagreementText(t *TeamResult, x Disagreement) string {
	q, _ := d.Question(x.Question)
	text := q.Title + ": " + lowerFirst(x.Summary)
	if t.Detail && len(x.Answers) == len(t.Members) {
		text += whoSaidWhat(t, x)
	}
	text += "."
	if len(x.Changes) > 0 {
		text += " " + strings.Join(x.Changes, " ")
	}
	return text
}

// whoSaidWhat names who chose a list value (": Ana and Ben"), or who gave
// each answer, grouped by answer in the question's order ("Stable: Ben;
// Moderate: Ana and Dee").
func whoSaidWhat(t *TeamResult, x Disagreement) string {
	if x.Value != "" {
		var who []string
		for i, v := range x.Values {
			if v == true {
				who = append(who, t.Members[i].Label)
			}
		}
		return ": " + JoinWords(who, "and")
	}
	order := make([]int, len(x.Answers))
	for i := range order {
		order[i] = i
	}
	if len(x.ranks) == len(order) {
		slices.SortStableFunc(order, func(a, b int) int { return x.ranks[a] - x.ranks[b] })
	}
	// Those who left the question to the others have no answer.
	order = slices.DeleteFunc(order, func(i int) bool { return x.Answers[i] == "" })
	var groups []string
	for k := 0; k < len(order); {
		a := x.Answers[order[k]]
		var names []string
		j := k
		for ; j < len(order) && x.Answers[order[j]] == a; j++ {
			names = append(names, t.Members[order[j]].Label)
		}
		groups = append(groups, a+": "+JoinWords(names, "and"))
		k = j
	}
	return ". " + strings.Join(groups, "; ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Held is how many people chose a list value, for screens that mark the
// team's pains ("3 of 5").
func (t *TeamResult) Held(question, value string) int {
	return t.held[question][value]
}

// TeamSplit says what each would hire on their own answers: "On their
// own answers, 2 would hire a Chief Operating Officer, 3 an Operations
// Director and 1 is a tie".
func (d *Definitions) TeamSplit(t *TeamResult) string {
	counts := map[string]int{}
	ties := 0
	for _, m := range t.Members {
		if m.Result.Tie {
			ties++
			continue
		}
		counts[m.Result.Recommended]++
	}
	var parts []string
	for _, r := range d.Roles {
		if c := counts[r.ID]; c > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c, r.Advice))
		}
	}
	if len(parts) > 0 {
		parts[0] = strings.Replace(parts[0], " ", " would hire ", 1)
	}
	if ties > 0 {
		parts = append(parts, fmt.Sprintf("%d %s between two", ties, plural(ties, "is torn", "are torn")))
	}
	return "On their own answers, " + JoinWords(parts, "and")
}
