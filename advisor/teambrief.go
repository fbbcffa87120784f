package advisor

import (
	"fmt"
	"sort"
	"strings"
)

// teamSections explains a team's result: who answered and what each
// would hire, whether the two ways of combining the answers agree, the
// even splits the team's answers had to settle, and where the team
// disagrees, most important first.
func (d *Definitions) teamSections(t *TeamResult) (team, disagree Section) {
	n := len(t.Members)
	team.Title = "The team"
	title := func(id string) string {
		r, _ := d.Role(id)
		return r.Advice
	}
	names := make([]string, n)
	for i, m := range t.Members {
		names[i] = m.Name
	}
	if n == 1 {
		team.Items = append(team.Items, fmt.Sprintf("One person answered: %s. This is one view, not yet a team's; ask the others to answer too.", names[0]))
		return team, disagree
	}
	if t.Detail {
		team.Items = append(team.Items, fmt.Sprintf("%d people answered, each on their own: %s.", n, JoinWords(names, "and")))
	} else {
		team.Items = append(team.Items, fmt.Sprintf("%d people answered, each on their own. Their answers are anonymous, and with fewer than %d people they are not shown one by one: they would tell who said what.", n, MinAnonymousDetail))
	}
	// What each would hire on their own answers: counts always, names
	// when they may be shown.
	team.Items = append(team.Items, d.TeamSplit(t)+".")
	if t.Detail {
		var each []string
		for _, m := range t.Members {
			if m.Result.Tie {
				each = append(each, fmt.Sprintf("%s: a tie between %s and %s", m.Name, title(m.Result.Recommended), title(m.Result.RunnerUp)))
				continue
			}
			each = append(each, fmt.Sprintf("%s: %s (%s)", m.Name, title(m.Result.Recommended), d.ResultConfidence(m.Result)))
		}
		team.Items = append(team.Items, strings.Join(each, "; ")+".")
	}
	// The two ways of combining the answers.
	how := "the team's answers (the middle answer to each number, the most common choice, the list values at least half chose)"
	if t.MeanRecommended == t.Result.Recommended {
		team.Items = append(team.Items, fmt.Sprintf("Both ways of combining the answers agree: %s give %s, and so does the average of everyone's own scores.", how, title(t.Result.Recommended)))
	} else {
		team.Items = append(team.Items, fmt.Sprintf("The two ways of combining the answers disagree: %s give %s, while the average of everyone's own scores puts %s first. Settle the disagreements below before deciding.", how, title(t.Result.Recommended), title(t.MeanRecommended)))
	}
	for _, tie := range t.Ties {
		q, _ := d.Question(tie.Question)
		team.Items = append(team.Items, q.rules().tieText(q, tie))
	}

	// List values some named but fewer than half: not the team's, and
	// worth seeing all the same.
	for i := range d.Questions {
		q := &d.Questions[i]
		if !q.IsList() {
			continue
		}
		var thin []string
		others := 0 // named past the first maxListed: counted, not listed
		inTeam := map[string]bool{}
		for _, v := range t.Consensus[q.ID].Multi {
			inTeam[v] = true
		}
		for _, o := range q.Options {
			if h := t.Held(q.ID, o.Value); h > 0 && !inTeam[o.Value] {
				if len(thin) == maxListed {
					others++
					continue
				}
				thin = append(thin, fmt.Sprintf("%s (%d of %d)", lowerFirst(o.Label), h, n))
			}
		}
		if others > 0 {
			thin = append(thin, fmt.Sprintf("%s more", GroupDigits(others)))
		}
		if len(thin) > 0 {
			team.Items = append(team.Items, fmt.Sprintf("%s: %s %s named by fewer than half the team, so the team's answers leave %s out.", q.Title, joinList(thin), plural(len(thin), "was", "were"), plural(len(thin), "it", "them")))
		}
	}

	disagree.Title = "Where the team disagrees"
	disagree.Empty = "The team agrees on every answer that matters."
	limit := d.Scoring.Team.MaxListed
	for i, x := range t.Disagreements {
		if i >= limit {
			break
		}
		disagree.Items = append(disagree.Items, d.DisagreementText(t, x))
	}
	if more := len(t.Disagreements) + t.MoreDisagreements - len(disagree.Items); more > 0 {
		disagree.More = fmt.Sprintf("and %s smaller %s", GroupDigits(more), plural(more, "difference", "differences"))
	}
	return team, disagree
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
	switch {
	case len(x.Changes) > 0:
		text += " " + strings.Join(x.Changes, " ")
	case x.Value != "":
		text += " Agreeing either way would not change the advice."
	default:
		text += " Agreeing on any of these answers would not change the advice."
	}
	return text
}

// whoSaidWhat names who chose a list value (": Ana and Ben": names may
// hold brackets of their own, "Ben (CFO)"), or who gave
// each answer, grouped by answer in the question's order ("Stable: Ben;
// Moderate: Ana and Dee").
func whoSaidWhat(t *TeamResult, x Disagreement) string {
	if x.Value != "" {
		var who []string
		for i, v := range x.Values {
			if v == true {
				who = append(who, t.Members[i].Name)
			}
		}
		return ": " + JoinWords(who, "and")
	}
	order := make([]int, len(x.Answers))
	for i := range order {
		order[i] = i
	}
	if len(x.ranks) == len(order) {
		sort.SliceStable(order, func(a, b int) bool { return x.ranks[order[a]] < x.ranks[order[b]] })
	}
	var groups []string
	for k := 0; k < len(order); {
		a := x.Answers[order[k]]
		var names []string
		j := k
		for ; j < len(order) && x.Answers[order[j]] == a; j++ {
			names = append(names, t.Members[order[j]].Name)
		}
		groups = append(groups, a+": "+JoinWords(names, "and"))
		k = j
	}
	return ". " + strings.Join(groups, "; ")
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = quoteLabel(x)
	}
	return out
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
		parts = append(parts, fmt.Sprintf("%d %s a tie", ties, plural(ties, "is", "are")))
	}
	return "On their own answers, " + JoinWords(parts, "and")
}

// teamNotes are the bottom line's warnings for a team: a team split on
// its own answers, and a disagreement that would change the advice.
func (d *Definitions) teamNotes(t *TeamResult) []string {
	var out []string
	first := ""
	split := false
	for _, m := range t.Members {
		r := m.Result.Recommended
		if m.Result.Tie {
			r = "tie"
		}
		if first == "" {
			first = r
		} else if r != first {
			split = true
		}
	}
	if split {
		out = append(out, "The team is split: "+lowerFirst(d.TeamSplit(t))+". Weigh the disagreements below before deciding.")
	}
	changing := t.MoreChanging
	for _, x := range t.Disagreements {
		if x.ChangesAdvice {
			changing++
		}
	}
	if changing > 0 {
		out = append(out, fmt.Sprintf("%d %s between the team's answers would change the advice: settle %s first.", changing, plural(changing, "difference", "differences"), plural(changing, "it", "them")))
	}
	return out
}

// joinList joins items that may hold commas themselves with semicolons,
// others as words: "a, b and c".
func joinList(items []string) string {
	for _, it := range items {
		if strings.Contains(it, ",") {
			return strings.Join(items, "; ")
		}
	}
	return JoinWords(items, "and")
}
