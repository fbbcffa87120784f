package advisor

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// The keys of a roles file, by the mapping they are in.
var (
	rolesTopFields  = []string{"roles", "tie_break", "markets", "caveats"}
	roleFields      = []string{"id", "title", "short", "advice", "headline", "summary", "responsibilities", "fits_when", "works_with", "before_hiring", "secondary", "brief"}
	roleRequired    = []string{"id", "title", "summary", "responsibilities", "fits_when", "works_with"}
	briefFields     = []string{"title", "decision", "case", "mission", "reporting_line", "manager", "owner", "variants", "in_post", "decision_rights", "covers", "hand_off", "first_90_days", "success_measures", "next_steps", "revisit_when", "cost", "time_to_effect", "scorecard"}
	scorecardFields = []string{"remit", "reports_to", "decides", "time_to_effect", "reversible", "risks"}
	handOffFields   = append([]string{"owner_of", "pains", "to", "remit"}, conditionFields...)
	rightsFields    = []string{"ceo_keeps", "role_owns"}
	periodFields    = []string{"days", "title", "actions", "from_pains", "without_pains"}
	figureFields    = []string{"range", "region", "source"}
	respFields      = append([]string{"id", "name", "description", "action", "measure"}, conditionFields...)
	respRequired    = []string{"id", "name", "description"}
)

// loadRoles reads a roles file: the roles, in the order given, and the
// order in which ties between them are settled. It indexes the roles and
// their responsibilities by id once, for every lookup after.
func (d *Definitions) loadRoles(src Source) error {
	pl := &problemList{file: src.Name}
	root, err := parseYAML(src.Name, src.Data, "roles")
	if err != nil {
		return err
	}
	top, _ := readFields(root, "", pl, rolesTopFields, rolesTopFields[:1])
	list, ok := top.node("roles")
	if !ok {
		return pl.err()
	}
	if list.Kind != yaml.SequenceNode {
		pl.addf(list.Line, "roles", "expected a list of roles, got %s", kindName(list))
		return pl.err()
	}
	if len(list.Content) < 2 {
		pl.addf(list.Line, "roles", "needs at least two roles to choose between, found %d", len(list.Content))
	}
	if len(list.Content) > MaxRoles {
		pl.addf(list.Line, "roles", "%s roles is more than the %d one advice can weigh; keep the roles you are choosing between", GroupDigits(len(list.Content)), MaxRoles)
		return pl.err()
	}
	d.roleIndex = map[string]int{}
	d.respOwner = map[string][2]int{}
	respSeen := map[string]string{} // responsibility id -> "role id, line n"
	for i, rn := range list.Content {
		r, idLine, ok := readRole(rn, fmt.Sprintf("roles[%d]", i), pl, respSeen)
		if !ok {
			continue
		}
		if prev, dup := d.roleIndex[r.ID]; dup {
			pl.addf(idLine, "roles["+r.ID+"].id", "duplicate role id %q (also role %d); role ids must be unique", r.ID, prev+1)
			continue
		}
		d.roleIndex[r.ID] = len(d.Roles)
		for j, x := range r.Responsibilities {
			if _, dup := d.respOwner[x.ID]; !dup && x.ID != "" {
				d.respOwner[x.ID] = [2]int{len(d.Roles), j}
			}
		}
		d.Roles = append(d.Roles, r)
	}
	d.TieOrder = make([]int, len(d.Roles))
	for i := range d.TieOrder {
		d.TieOrder[i] = i
	}
	top.with("tie_break", func(n *yaml.Node, _ string) { d.readTieBreak(n, pl) })
	top.with("markets", func(n *yaml.Node, _ string) { d.readMarkets(n, pl) })
	top.with("caveats", func(n *yaml.Node, p string) { d.Caveats = readConditionals(n, p, pl) })
	d.checkBriefIDs(pl)
	return pl.err()
}

// readRole reads one role; ok is false when it has no usable id.
func readRole(n *yaml.Node, path string, pl *problemList, respSeen map[string]string) (r Role, idLine int, ok bool) {
	f, ok := readFields(n, path, pl, roleFields, roleRequired)
	if !ok {
		return r, 0, false
	}
	f.id("id", &r.ID)
	if r.ID != "" {
		f.path = "roles[" + r.ID + "]"
	}
	f.line("title", &r.Title)
	r.Short = r.Title
	f.line("short", &r.Short)
	r.Advice = WithArticle(r.Title)
	f.line("advice", &r.Advice)
	r.Headline = "Hire " + r.Advice
	f.line("headline", &r.Headline)
	f.text("summary", &r.Summary)
	f.text("works_with", &r.WorksWith)
	f.texts("fits_when", &r.FitsWhen)
	f.boolean("secondary", &r.Secondary)
	f.with("before_hiring", func(n *yaml.Node, p string) { r.BeforeHiring = readConditionals(n, p, pl) })
	f.with("responsibilities", func(n *yaml.Node, p string) { r.Responsibilities = readResponsibilities(n, p, r.ID, pl, respSeen) })
	f.with("brief", func(n *yaml.Node, p string) { r.Brief = readRoleBrief(n, p, pl) })
	if n, ok := f.node("id"); ok {
		idLine = n.Line
	}
	return r, idLine, r.ID != ""
}

// readTieBreak reads the order in which ties are settled: every role once,
// the cheaper and more reversible hire first.
func (d *Definitions) readTieBreak(n *yaml.Node, pl *problemList) {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, "tie_break", "expected a list of role ids, cheaper and more reversible first, got %s", kindName(n))
		return
	}
	seen := map[int]bool{}
	for k, c := range n.Content {
		id := readString(c, fmt.Sprintf("tie_break[%d]", k), pl)
		i, ok := d.roleIndex[id]
		switch {
		case id == "":
		case !ok:
			pl.addf(c.Line, fmt.Sprintf("tie_break[%d]", k), "unknown role %s; roles are %s", quoteInput(id), quoteList(d.RoleIDs()))
		case seen[i]:
			pl.addf(c.Line, fmt.Sprintf("tie_break[%d]", k), "role %q is listed twice; list each role once", id)
		default:
			seen[i] = true
			d.TieOrder[i] = k
		}
	}
	var missing []string
	for i, r := range d.Roles {
		if !seen[i] {
			missing = append(missing, r.ID)
		}
	}
	if len(missing) > 0 && len(seen) > 0 {
		pl.addf(n.Line, "tie_break", "does not list %s; list every role once, the cheaper and more reversible hire first", quoteList(missing))
	}
}

// eachItem calls fn for each item of a list, with the item's path, or
// says the node is not a list of what.
func eachItem(n *yaml.Node, path, what string, pl *problemList, fn func(c *yaml.Node, p string)) {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of %s, got %s", what, kindName(n))
		return
	}
	for i, c := range n.Content {
		fn(c, fmt.Sprintf("%s[%d]", path, i))
	}
}

// readRoleBrief reads what a client receives about a role.
func readRoleBrief(n *yaml.Node, path string, pl *problemList) RoleBrief {
	b := RoleBrief{Manager: "CEO"}
	f, _ := readFields(n, path, pl, briefFields, nil)
	f.line("decision", &b.Decision)
	f.line("title", &b.Title)
	f.with("mission", func(n *yaml.Node, p string) { b.Mission = readConditionals(n, p, pl) })
	f.text("reporting_line", &b.ReportingLine)
	f.line("manager", &b.Manager)
	f.line("owner", &b.Owner)
	f.with("variants", func(n *yaml.Node, p string) {
		eachItem(n, p, "{when, reporting_line, manager}", pl, func(c *yaml.Node, p string) {
			if v, ok := readVariant(c, p, b, pl); ok {
				b.Variants = append(b.Variants, v)
			}
		})
	})
	texts := func(k string, dst *Texts) {
		f.with(k, func(n *yaml.Node, p string) { *dst = readConditionals(n, p, pl) })
	}
	texts("in_post", &b.InPost)
	texts("case", &b.Case)
	f.with("decision_rights", func(n *yaml.Node, p string) {
		rf, _ := readFields(n, p, pl, rightsFields, rightsFields)
		rf.with("ceo_keeps", func(n *yaml.Node, p string) { b.CEOKeeps = readConditionals(n, p, pl) })
		rf.with("role_owns", func(n *yaml.Node, p string) { b.RoleOwns = readConditionals(n, p, pl) })
	})
	f.texts("covers", &b.Covers)
	b.coversLine, b.coversPath = f.lineOf("covers"), f.at("covers")
	f.with("hand_off", func(n *yaml.Node, p string) {
		eachItem(n, p, "{owner_of, to, when}", pl, func(c *yaml.Node, p string) {
			hf, ok := readFields(c, p, pl, handOffFields, nil)
			if !ok {
				return
			}
			h := HandOff{If: readCondition(hf), line: c.Line}
			hf.id("owner_of", &h.OwnerOf)
			hf.texts("pains", &h.Pains)
			hf.line("to", &h.To)
			hf.text("remit", &h.Remit)
			if (h.To == "") == (h.Remit == "") {
				pl.addf(c.Line, p, "give to (who takes the pain on) or remit (what the role itself does about it), one of the two")
			}
			b.HandOff = append(b.HandOff, h)
		})
	})
	f.with("first_90_days", func(n *yaml.Node, p string) {
		eachItem(n, p, "{days, title, actions}", pl, func(c *yaml.Node, p string) {
			b.Periods = append(b.Periods, readPeriod(c, p, pl))
		})
	})
	texts("success_measures", &b.Measures)
	texts("next_steps", &b.NextSteps)
	texts("revisit_when", &b.RevisitWhen)
	f.with("cost", func(n *yaml.Node, p string) { b.Cost = readFigure(n, p, pl) })
	f.with("time_to_effect", func(n *yaml.Node, p string) { b.Effect = readFigure(n, p, pl) })
	f.with("scorecard", func(n *yaml.Node, p string) {
		sf, _ := readFields(n, p, pl, scorecardFields, nil)
		sc := &b.Scorecard
		for i, dst := range []*Texts{&sc.Remit, &sc.ReportsTo, &sc.Decides, &sc.Effect, &sc.Reversible, &sc.Risks} {
			sf.with(scorecardFields[i], func(n *yaml.Node, p string) { *dst = readConditionals(n, p, pl) })
		}
	})
	return b
}

// readFigure reads a second-hand range: what it is, where it holds and
// where it comes from.
func readFigure(n *yaml.Node, path string, pl *problemList) Figure {
	var fig Figure
	f, _ := readFields(n, path, pl, figureFields, []string{"range"})
	f.text("range", &fig.Range)
	f.line("region", &fig.Region)
	f.text("source", &fig.Source)
	return fig
}

// readVariant reads one variant of a role brief: a condition, and the
// reporting line and manager it gives (the brief's own where it says
// nothing).
func readVariant(c *yaml.Node, p string, b RoleBrief, pl *problemList) (BriefVariant, bool) {
	f, ok := readFields(c, p, pl, variantFields, nil)
	if !ok {
		return BriefVariant{}, false
	}
	v := BriefVariant{If: readCondition(f), ReportingLine: b.ReportingLine, Manager: b.Manager, Owner: b.Owner}
	f.text("reporting_line", &v.ReportingLine)
	f.line("manager", &v.Manager)
	f.line("owner", &v.Owner)
	return v, true
}

// readPeriod reads one period of the first 90 days.
func readPeriod(c *yaml.Node, p string, pl *problemList) PeriodPlan {
	f, _ := readFields(c, p, pl, periodFields, []string{"days", "title"})
	var per PeriodPlan
	f.line("days", &per.Days)
	f.line("title", &per.Title)
	f.with("actions", func(n *yaml.Node, p string) { per.Actions = readConditionals(n, p, pl) })
	f.smallInt("from_pains", 0, 10, &per.FromPains)
	f.with("without_pains", func(n *yaml.Node, p string) { per.WithoutPains = readConditionals(n, p, pl) })
	if len(per.Actions) == 0 && len(per.WithoutPains) == 0 {
		pl.addf(c.Line, p, "a period needs actions, or without_pains (the actions used when the client's pains give none)")
	}
	return per
}

// readResponsibilities reads a role's responsibilities; their ids must
// be unique across roles (seen holds those read so far).
func readResponsibilities(n *yaml.Node, path, roleID string, pl *problemList, seen map[string]string) []Responsibility {
	if n.Kind != yaml.SequenceNode {
		pl.addf(n.Line, path, "expected a list of responsibilities, got %s", kindName(n))
		return nil
	}
	if len(n.Content) == 0 {
		pl.addf(n.Line, path, "needs at least one responsibility")
	}
	var out []Responsibility
	for i, c := range n.Content {
		f, ok := readFields(c, fmt.Sprintf("%s[%d]", path, i), pl, respFields, respRequired)
		if !ok {
			continue
		}
		var r Responsibility
		f.id("id", &r.ID)
		if idNode, ok := f.node("id"); ok && r.ID != "" {
			if prev, dup := seen[r.ID]; dup {
				pl.addf(idNode.Line, f.at("id"), "duplicate responsibility id %q (also in %s); responsibility ids must be unique across roles", r.ID, prev)
			}
			seen[r.ID] = fmt.Sprintf("role %s, line %d", roleID, idNode.Line)
		}
		f.line("name", &r.Name)
		f.text("description", &r.Description)
		f.with("action", func(n *yaml.Node, p string) { r.Action = readConditionals(n, p, pl) })
		f.with("measure", func(n *yaml.Node, p string) { r.Measure = readConditionals(n, p, pl) })
		r.If = readCondition(f)
		out = append(out, r)
	}
	return out
}

// conditions lists every condition of a role, for checking.
func (r *Role) conditions() []*Condition {
	var out []*Condition
	texts := func(ts ...Texts) {
		for _, t := range ts {
			for i := range t {
				out = append(out, &t[i].If)
			}
		}
	}
	b := &r.Brief
	sc := &b.Scorecard
	texts(r.BeforeHiring, b.Case, b.Mission, b.InPost, b.CEOKeeps, b.RoleOwns, b.Measures, b.NextSteps, b.RevisitWhen,
		sc.Remit, sc.ReportsTo, sc.Decides, sc.Effect, sc.Reversible, sc.Risks)
	for i := range r.Responsibilities {
		texts(r.Responsibilities[i].Action, r.Responsibilities[i].Measure)
		out = append(out, &r.Responsibilities[i].If)
	}
	for i := range b.Periods {
		texts(b.Periods[i].Actions, b.Periods[i].WithoutPains)
	}
	for i := range b.Variants {
		out = append(out, &b.Variants[i].If)
	}
	for i := range b.HandOff {
		out = append(out, &b.HandOff[i].If)
	}
	return out
}

// checkBriefIDs checks the ids the role briefs name once every role is
// read: the responsibilities a role covers and hands on, and the roles
// whose responsibilities a hand-off is for.
func (d *Definitions) checkBriefIDs(pl *problemList) {
	resp := func(id string) bool {
		_, _, ok := d.ResponsibilityOwner(id)
		return ok
	}
	for ri := range d.Roles {
		b := &d.Roles[ri].Brief
		for _, id := range b.Covers {
			if !resp(id) {
				pl.addf(b.coversLine, b.coversPath, "unknown responsibility %s; name a responsibility id of a role, such as %s", quoteInput(id), d.firstResponsibility())
			}
		}
		for i, h := range b.HandOff {
			p := fmt.Sprintf("roles[%s].brief.hand_off[%d]", d.Roles[ri].ID, i)
			if _, ok := d.roleIndex[h.OwnerOf]; h.OwnerOf != "" && !ok {
				pl.addf(h.line, p+".owner_of", "unknown role %s; roles are %s", quoteInput(h.OwnerOf), quoteList(d.RoleIDs()))
			}
			for _, id := range h.Pains {
				if !resp(id) {
					pl.addf(h.line, p+".pains", "unknown responsibility %s; name a responsibility id of a role, such as %s", quoteInput(id), d.firstResponsibility())
				}
			}
		}
	}
}

// firstResponsibility is an example responsibility id for a message.
func (d *Definitions) firstResponsibility() string {
	for _, r := range d.Roles {
		for _, x := range r.Responsibilities {
			return x.ID
		}
	}
	return "strategy-alignment"
}
