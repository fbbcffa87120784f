package advisor

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// The keys of a questions file's scoring section and plans.
var (
	scoringFields    = []string{"full_lead", "confidence", "close_call", "turns_on", "changes", "reasons", "team"}
	teamFields       = []string{"list_share", "majority", "agenda", "spread", "camp_share", "max_listed"}
	turnsOnFields    = []string{"steps", "numbers"}
	confidenceFields = []string{"below", "word", "meaning"}
	changesFields    = []string{"shrink", "grow", "option_steps", "toggles", "max_listed"}
	planFields       = []string{"recommended", "plan", "min_points", "min_confidence", "factors", "text", "why"}
	planRequired     = []string{"recommended", "plan", "min_points", "text"}
)

// readScoring reads the numbers that turn scores into advice; any left
// out keep their defaults.
func (d *Definitions) readScoring(n *yaml.Node, pl *problemList) {
	f, _ := readFields(n, "scoring", pl, scoringFields, nil)
	s := &d.Scoring
	f.with("full_lead", func(n *yaml.Node, p string) {
		switch v, msg := parsePoints(n); {
		case msg != "":
			pl.addf(n.Line, p, "%s; expected the lead, in points, that reads as a confidence of 100%%", msg)
		case v <= 0:
			pl.addf(n.Line, p, "must be above 0: it is the lead, in points, that reads as a confidence of 100%%")
		default:
			s.FullLead = v
		}
	})
	f.share("close_call", &s.CloseCall)
	f.with("turns_on", func(n *yaml.Node, p string) {
		tf, _ := readFields(n, p, pl, turnsOnFields, nil)
		tf.smallInt("steps", 0, 100, &s.TurnsOn.Steps)
		tf.share("numbers", &s.TurnsOn.Numbers)
	})
	f.smallInt("reasons", 1, 100, &s.Reasons)
	f.with("confidence", func(n *yaml.Node, _ string) { d.readConfidence(n, pl) })
	f.with("changes", func(n *yaml.Node, _ string) { d.readChanges(n, pl) })
	f.with("team", func(n *yaml.Node, _ string) { d.readTeamScoring(n, pl) })
}

// readChanges reads the bounds of "what would change the advice".
func (d *Definitions) readChanges(n *yaml.Node, pl *problemList) {
	s := &d.Scoring
	f, _ := readFields(n, "scoring.changes", pl, changesFields, nil)
	f.with("shrink", func(n *yaml.Node, p string) {
		switch v, ok := readShare(n, p, pl); {
		case !ok:
		case v <= 0 || v >= 1:
			pl.addf(n.Line, p, "expected a share between 0 and 1 (0.5: half of today's answer)")
		default:
			s.Shrink = v
		}
	})
	f.with("grow", func(n *yaml.Node, p string) {
		switch v, msg := parseDecimal(n); {
		case msg != "":
			pl.addf(n.Line, p, "%s; expected a factor above 1 (2: double today's answer)", msg)
		case v <= 1 || v > 1000:
			pl.addf(n.Line, p, "%s is out of range; expected a factor above 1 and up to 1000 (2: double today's answer)", n.Value)
		default:
			s.Grow = v
		}
	})
	f.smallInt("option_steps", 0, 100, &s.OptionSteps)
	f.smallInt("toggles", 0, 5, &s.Toggles)
	f.smallInt("max_listed", 0, 100, &s.MaxChanges)
}

// readTeamScoring reads how a team's answers are merged.
func (d *Definitions) readTeamScoring(n *yaml.Node, pl *problemList) {
	f, _ := readFields(n, "scoring.team", pl, teamFields, nil)
	t := &d.Scoring.Team
	positiveShare := func(key string, dst *float64) {
		f.with(key, func(n *yaml.Node, p string) {
			switch v, ok := readShare(n, p, pl); {
			case !ok:
			case v <= 0:
				pl.addf(n.Line, p, "expected a share above 0 and up to 1 (0.5: half the team)")
			default:
				*dst = v
			}
		})
	}
	positiveShare("list_share", &t.ListShare)
	positiveShare("camp_share", &t.CampShare)
	positiveShare("majority", &t.Majority)
	f.smallInt("agenda", 1, 20, &t.Agenda)
	f.smallInt("spread", 1, 100, &t.Spread)
	f.smallInt("max_listed", 1, 1000, &t.MaxListed)
}

// readConfidence reads the confidence words, smallest lead first: every
// step but the last has a rising bound.
func (d *Definitions) readConfidence(n *yaml.Node, pl *problemList) {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, "scoring.confidence", "expected a list of {below, word}, the smallest lead first, got %s", kindName(n))
		return
	}
	if len(n.Content) == 0 {
		pl.addf(n.Line, "scoring.confidence", "needs at least one word; list {below, word} steps, the smallest lead first, the last without below")
		return
	}
	var steps []ConfidenceStep
	prev := 0.0
	for i, c := range n.Content {
		last := i == len(n.Content)-1
		req := []string{"below", "word"}
		if last {
			req = []string{"word"}
		}
		f, ok := readFields(c, fmt.Sprintf("scoring.confidence[%d]", i), pl, confidenceFields, req)
		if !ok {
			return
		}
		var st ConfidenceStep
		f.line("word", &st.Word)
		f.line("meaning", &st.Meaning)
		f.with("below", func(n *yaml.Node, p string) {
			switch v, ok := readShare(n, p, pl); {
			case !ok:
			case last:
				pl.addf(n.Line, p, "the last word has no bound; drop below")
			case v <= prev:
				pl.addf(n.Line, p, "bounds must rise above %s", strconv.FormatFloat(prev, 'f', -1, 64))
			default:
				st.Below, prev = v, v
			}
		})
		steps = append(steps, st)
	}
	d.Scoring.Confidence = steps
}

// readPlans reads also_plan_for: for a recommended role, another role to
// plan for beside it when that role's own points (from the factors named)
// reach min_points.
func (d *Definitions) readPlans(n *yaml.Node, pl *problemList) {
	eachItem(n, "also_plan_for", "{recommended, plan, min_points, text}", pl, func(c *yaml.Node, p string) {
		f, ok := readFields(c, p, pl, planFields, planRequired)
		if !ok {
			return
		}
		rec, other := d.roleField(f, "recommended"), d.roleField(f, "plan")
		ok = rec >= 0 && other >= 0
		if ok && rec == other {
			pl.addf(f.keyLine("plan"), f.at("plan"), "a role cannot plan for itself; name another role")
			ok = false
		}
		ap := AlsoPlan{Role: other}
		f.with("min_points", func(n *yaml.Node, p string) {
			v, msg := parsePoints(n)
			if msg != "" {
				pl.addf(n.Line, p, "%s; expected points, a number of 0 or more", msg)
				ok = false
			}
			ap.MinPoints = v
		})
		f.with("min_confidence", func(n *yaml.Node, p string) {
			v, valid := readShare(n, p, pl)
			ap.MinConfidence = v
			ok = ok && valid
		})
		f.with("text", func(n *yaml.Node, p string) { ap.Text = readConditionals(n, p, pl) })
		f.text("why", &ap.Why)
		f.with("factors", func(n *yaml.Node, p string) {
			for _, id := range readStringList(n, p, pl) {
				if _, known := d.factorIndex[id]; !known {
					pl.addf(n.Line, p, "unknown factor %s; factors are %s", quoteInput(id), quoteList(d.factorIDs()))
					ok = false
				}
				ap.Factors = append(ap.Factors, id)
			}
		})
		if ok {
			d.Roles[rec].AlsoPlan = append(d.Roles[rec].AlsoPlan, ap)
		}
	})
}

// roleField reads a role id at key k: its index, or -1 when it is missing
// or unknown (reported).
func (d *Definitions) roleField(f fields, k string) int {
	i := -1
	f.with(k, func(n *yaml.Node, p string) {
		id := readString(n, p, f.pl)
		j, known := d.roleIndex[id]
		switch {
		case id == "":
		case !known:
			d.unknownRole(n.Line, p, id, f.pl)
		default:
			i = j
		}
	})
	return i
}
