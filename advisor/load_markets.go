package advisor

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// The keys of a roles file's markets.
var (
	marketFields     = []string{"id", "name", "currency", "symbol", "year", "by", "search_fee", "note", "caveat", "sources", "costs"}
	marketRequired   = []string{"id", "name", "currency", "symbol", "by", "sources", "costs"}
	roleCostFields   = []string{"role", "day_rate", "note", "what", "bands"}
	costBandFields   = []string{"up_to", "salary", "bonus", "search", "days", "yearly"}
	maxMoney         = 100_000_000
	maxMarketsInFile = 50
)

// readMarkets reads what the roles cost, market by market; the first is
// the default. The question each market's bands follow is checked once
// the questions are loaded (checkMarkets).
func (d *Definitions) readMarkets(n *yaml.Node, pl *problemList) {
	if n.Kind == yaml.SequenceNode && len(n.Content) > maxMarketsInFile {
		pl.addf(n.Line, "markets", "%d markets is more than the %d a file may hold", len(n.Content), maxMarketsInFile)
		return
	}
	seen := map[string]int{}
	eachItem(n, "markets", "markets", pl, func(c *yaml.Node, p string) {
		f, ok := readFields(c, p, pl, marketFields, marketRequired)
		if !ok {
			return
		}
		m := Market{SearchFee: 0, line: c.Line}
		f.id("id", &m.ID)
		if m.ID != "" {
			if prev, dup := seen[m.ID]; dup {
				pl.addf(f.lineOf("id"), f.at("id"), "duplicate market id %q (also on line %d); market ids must be unique", m.ID, prev)
			}
			seen[m.ID] = f.lineOf("id")
			f.path = "markets[" + m.ID + "]"
		}
		f.line("name", &m.Name)
		f.line("currency", &m.Currency)
		f.line("symbol", &m.Symbol)
		f.smallInt("year", 1900, 2200, &m.Year)
		f.id("by", &m.By)
		f.share("search_fee", &m.SearchFee)
		f.text("note", &m.Note)
		f.text("caveat", &m.Caveat)
		f.texts("sources", &m.Sources)
		f.with("costs", func(n *yaml.Node, p string) {
			d.readRoleCosts(n, p, &m, pl)
		})
		d.Markets = append(d.Markets, m)
	})
}

// readRoleCosts reads a market's costs, one role at a time.
func (d *Definitions) readRoleCosts(n *yaml.Node, path string, m *Market, pl *problemList) {
	listed := map[string]bool{}
	eachItem(n, path, "role costs", pl, func(c *yaml.Node, p string) {
		f, ok := readFields(c, p, pl, roleCostFields, []string{"role", "bands"})
		if !ok {
			return
		}
		rc := RoleCost{line: c.Line}
		f.id("role", &rc.Role)
		switch _, known := d.roleIndex[rc.Role]; {
		case rc.Role == "":
		case !known:
			pl.addf(f.lineOf("role"), f.at("role"), "unknown role %s; roles are %s", quoteInput(rc.Role), quoteList(d.RoleIDs()))
		case listed[rc.Role]:
			pl.addf(f.lineOf("role"), f.at("role"), "%s is given twice in this market; give each role's cost once", rc.Role)
		}
		listed[rc.Role] = true
		f.with("day_rate", func(n *yaml.Node, p string) { rc.DayRate = readAmounts(n, p, pl) })
		f.with("note", func(n *yaml.Node, p string) { rc.Note = readConditionals(n, p, pl) })
		f.text("what", &rc.What)
		f.with("bands", func(n *yaml.Node, p string) { rc.Bands = readCostBands(n, p, pl) })
		checkCostKind(&rc, f, pl)
		m.Costs = append(m.Costs, rc)
	})
}

// readCostBands reads a role's cost bands, smallest companies first.
func readCostBands(n *yaml.Node, path string, pl *problemList) []CostBand {
	var out []CostBand
	if n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		pl.addf(n.Line, path, "needs at least one band")
	}
	eachItem(n, path, "bands", pl, func(c *yaml.Node, p string) {
		f, ok := readFields(c, p, pl, costBandFields, nil)
		if !ok {
			return
		}
		var b CostBand
		f.with("up_to", func(n *yaml.Node, p string) {
			if v, ok := readInt(n, p, pl, "the largest answer the band covers, a whole number"); ok {
				b.UpTo = v
				if v < 1 {
					pl.addf(n.Line, p, "%d is below 1; expected the largest answer the band covers", v)
				}
			}
		})
		f.with("salary", func(n *yaml.Node, p string) { b.Base = readAmounts(n, p, pl) })
		search := true
		f.boolean("search", &search)
		b.NoSearch = !search
		f.with("days", func(n *yaml.Node, p string) { b.Days = readAmounts(n, p, pl) })
		f.with("yearly", func(n *yaml.Node, p string) { b.Yearly = readAmounts(n, p, pl) })
		f.with("bonus", func(n *yaml.Node, p string) {
			b.Bonus = readAmounts(n, p, pl)
			if b.Bonus[1] > 200 {
				pl.addf(n.Line, p, "a bonus of %d%% is more than twice the salary; give it as a percentage of the salary, like [20, 30]", b.Bonus[1])
			}
		})
		last := len(out) == len(n.Content)-1
		switch {
		case last && b.UpTo != 0:
			pl.addf(c.Line, p, "the last band covers every larger company: leave out up_to")
		case !last && b.UpTo == 0:
			pl.addf(c.Line, p, "only the last band may leave out up_to; give the largest answer this band covers")
		case len(out) > 0 && b.UpTo != 0 && b.UpTo <= out[len(out)-1].UpTo:
			pl.addf(f.lineOf("up_to"), f.at("up_to"), "%d is not above the previous band's %d; list the bands from the smallest companies up", b.UpTo, out[len(out)-1].UpTo)
		}
		out = append(out, b)
	})
	return out
}

// checkCostKind checks that every band of a role's cost is of one kind:
// a salary (and bonus), days at the role's day rate, or a yearly amount.
func checkCostKind(rc *RoleCost, f fields, pl *problemList) {
	for i, b := range rc.Bands {
		kinds := 0
		for _, r := range [][2]int{b.Base, b.Days, b.Yearly} {
			if r[1] > 0 {
				kinds++
			}
		}
		p := fmt.Sprintf("%s[%d]", f.at("bands"), i)
		switch {
		case kinds != 1:
			pl.addf(f.lineOf("bands"), p, "give exactly one of salary (with bonus), days (with the role's day_rate) or yearly")
		case b.Days[1] > 0 && rc.DayRate[1] == 0:
			pl.addf(f.lineOf("bands"), p, "days needs the role's day_rate, such as day_rate: [1500, 3000]")
		case b.Bonus[1] > 0 && b.Base[1] == 0:
			pl.addf(f.lineOf("bands"), p, "a bonus is a percentage of a salary: give salary too")
		}
	}
}

// readAmounts reads a low and a high amount: [150000, 250000].
func readAmounts(n *yaml.Node, path string, pl *problemList) [2]int {
	var r [2]int
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		pl.addf(n.Line, path, "expected a low and a high amount, such as [150000, 250000], got %s", kindName(n))
		return r
	}
	for i, c := range n.Content {
		v, ok := readInt(c, path, pl, "a whole amount, such as 150000")
		if !ok {
			return r
		}
		if v < 0 || v > maxMoney {
			pl.addf(c.Line, path, "%s is out of range; expected an amount from 0 to %s", GroupDigits(v), GroupDigits(maxMoney))
			return r
		}
		r[i] = v
	}
	if r[0] > r[1] {
		pl.addf(n.Line, path, "the low amount %s is above the high %s; give the low one first", GroupDigits(r[0]), GroupDigits(r[1]))
		return [2]int{}
	}
	return r
}

// checkMarkets checks, once the questions are loaded, that each market's
// bands follow a number question, and the conditions of its notes.
func (d *Definitions) checkMarkets(pl *problemList) {
	for i := range d.Markets {
		m := &d.Markets[i]
		for _, rc := range m.Costs {
			for k := range rc.Note {
				d.checkCondition(&rc.Note[k].If, pl)
			}
		}
		q, ok := d.Question(m.By)
		p := "markets[" + m.ID + "].by"
		switch {
		case m.By == "":
		case !ok && d.builtInRoles:
			// The built-in roles with the user's own questions: no cost
			// band can be found; the brief says so.
			m.By = ""
		case !ok:
			pl.addf(m.line, p, "unknown question %s; name a number question such as employees", quoteInput(m.By))
		case q.rules().hasValues():
			pl.addf(m.line, p, "%s is not a number question; the bands follow a number, such as employees", m.By)
		}
	}
}
