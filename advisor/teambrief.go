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
		return WithArticle(r.Title)
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
	counts := map[string]int{}
	for _, m := range t.Members {
		counts[m.Result.Recommended]++
	}
	var parts []string
	for _, r := range d.Roles {
		if c := counts[r.ID]; c > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c, title(r.ID)))
		}
	}
	if len(parts) > 0 {
		parts[0] = strings.Replace(parts[0], " ", " would hire ", 1)
	}
	team.Items = append(team.Items, "On their own answers, "+JoinWords(parts, "and")+".")
	if t.Detail {
		var each []string
		for _, m := range t.Members {
			each = append(each, fmt.Sprintf("%s: %s (%s)", m.Name, title(m.Result.Recommended), d.ConfidenceLabel(m.Result.Confidence)))
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
		if q.Kind == KindInteger {
			team.Items = append(team.Items, fmt.Sprintf("%s splits the team down the middle (%d in %s, %d in %s); the team's answers take the lower middle answer, %s.",
				q.Title, tie.Each, quoteLabel(tie.Options[0]), tie.Each, quoteLabel(tie.Options[1]), tie.Taken))
			continue
		}
		team.Items = append(team.Items, fmt.Sprintf("%s has no single most common answer (%d each for %s); the team's answers take %s, nearest the middle of all the answers.",
			q.Title, tie.Each, JoinWords(quoteAll(tie.Options), "and"), quoteLabel(tie.Taken)))
	}

	disagree.Title = "Where the team disagrees"
	disagree.Empty = "The team agrees on every answer that matters."
	limit := d.Scoring.Team.MaxListed
	for i, x := range t.Disagreements {
		if i >= limit {
			disagree.More = fmt.Sprintf("and %s smaller %s", GroupDigits(len(t.Disagreements)-limit), plural(len(t.Disagreements)-limit, "difference", "differences"))
			break
		}
		disagree.Items = append(disagree.Items, d.DisagreementText(t, x))
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
		var who []string
		if x.Value != "" {
			for i, v := range x.Values {
				if v == true {
					who = append(who, t.Members[i].Name)
				}
			}
			text += " (" + JoinWords(who, "and") + ")"
		} else {
			// Grouped by answer, in the question's order: "Stable (0-10%
			// a year): Ben; Moderate (10-30% a year): Ana and Dee".
			order := make([]int, len(x.Answers))
			for i := range order {
				order[i] = i
			}
			if len(x.positions) == len(order) {
				sort.SliceStable(order, func(a, b int) bool { return x.positions[order[a]] < x.positions[order[b]] })
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
			text += ". " + strings.Join(groups, "; ")
		}
	}
	text += "."
	if len(x.Changes) > 0 {
		text += " " + strings.Join(x.Changes, " ")
	} else {
		text += " Agreeing either way would not change the advice."
	}
	return text
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
func (t *TeamResult) Held(d *Definitions, question, value string) int {
	n := 0
	for _, m := range t.Members {
		a := m.Result.Answers[question]
		for _, v := range a.Multi {
			if v == value {
				n++
			}
		}
	}
	return n
}
