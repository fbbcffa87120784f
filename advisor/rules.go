package advisor

import (
	"fmt"
	"sort"
	"strings"
)

// maxRuleSets bounds the combinations checkRulesLeaveARole keeps. Real
// files have a handful of rules; a file built to explode the search is
// cut short, and Recommend still refuses answers that rule out every
// role.
const maxRuleSets = 4096

// ruleSet is a set of ruled-out roles that some answers reach, with the
// answers that reach it (question index, part) for the message.
type ruleSet struct {
	roles []bool
	count int
	by    []ruleWitness
}

type ruleWitness struct {
	question int
	part     *Part
}

// checkRulesLeaveARole reports a rule set that could rule out every role:
// some combination of answers, one per question (any values at once for a
// multi-choice question), that leaves nothing to recommend.
func (d *Definitions) checkRulesLeaveARole(pl *problemList) {
	n := len(d.Roles)
	named := make([]bool, n)
	for qi := range d.Questions {
		d.Questions[qi].eachPart(func(p *Part) {
			for _, r := range p.RulesOut {
				named[r.Role] = true
			}
		})
	}
	for _, x := range named {
		if !x {
			return // a role no rule names can always be recommended
		}
	}
	sets := []ruleSet{{roles: make([]bool, n)}}
	for qi := range d.Questions {
		q := &d.Questions[qi]
		// The answers to this question that rule anything out; for a
		// multi-choice question, all its values at once rule out the most.
		var choices [][]ruleWitness
		for _, parts := range q.rules().ruleChoices(q) {
			var c []ruleWitness
			for _, p := range parts {
				if len(p.RulesOut) > 0 {
					c = append(c, ruleWitness{qi, p})
				}
			}
			if len(c) > 0 {
				choices = append(choices, c)
			}
		}
		next := sets
		for _, s := range sets {
			for _, c := range choices {
				ns := ruleSet{roles: append([]bool(nil), s.roles...), count: s.count, by: append(append([]ruleWitness(nil), s.by...), c...)}
				for _, w := range c {
					for _, r := range w.part.RulesOut {
						if !ns.roles[r.Role] {
							ns.roles[r.Role] = true
							ns.count++
						}
					}
				}
				if ns.count == n {
					d.reportAllRuledOut(ns, pl)
					return
				}
				next = append(next, ns)
			}
		}
		sets = keepLargest(next)
	}
}

// keepLargest drops the sets another set contains, and bounds the rest.
func keepLargest(sets []ruleSet) []ruleSet {
	sort.SliceStable(sets, func(i, j int) bool { return sets[i].count > sets[j].count })
	var out []ruleSet
	for _, s := range sets {
		covered := false
		for _, o := range out {
			if contained(s.roles, o.roles) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, s)
		}
		if len(out) == maxRuleSets {
			break
		}
	}
	return out
}

func contained(a, b []bool) bool {
	for i := range a {
		if a[i] && !b[i] {
			return false
		}
	}
	return true
}

func (d *Definitions) reportAllRuledOut(s ruleSet, pl *problemList) {
	answers := make([]string, 0, len(s.by))
	line := 0
	for _, w := range s.by {
		q := &d.Questions[w.question]
		answers = append(answers, fmt.Sprintf("%s %s (line %d)", q.ID, quoteInput(w.part.Label), w.part.Line))
		line = max(line, w.part.Line)
	}
	if d.lenient {
		// The built-in questions with a user's roles: their rules were
		// written for roles the file may leave out. Not the file's fault:
		// said, and such answers get no advice.
		d.NoAdvice = strings.Join(answers, ", ")
		return
	}
	pl.addf(line, "rules_out", "these answers together rule out every role: %s; remove a rule so that some role can always be recommended", strings.Join(answers, ", "))
}

// eachPart calls fn for every band, option and none of the question.
func (q *Question) eachPart(fn func(p *Part)) { q.rules().eachPart(q, fn) }
