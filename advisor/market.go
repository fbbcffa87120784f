package advisor

import (
	"fmt"
	"math"
	"strings"
)

// Market is what the roles cost in one country, in its own currency and
// as its sources give it: the brief never converts currencies.
type Market struct {
	ID       string // "us"
	Name     string // "the United States"
	Currency string // "USD"
	Symbol   string // "$"
	Year     int    // the year the figures describe
	// By is the number question whose answer picks a role's cost band
	// ("employees").
	By string
	// SearchFee is a retained search's fee as a share of the hire's first-
	// year cash (commonly quoted at about a third).
	SearchFee float64
	Note      string   // what the figures are worth, with the role's own cost
	Caveat    string   // what a reader must know of them beside the comparison, or ""
	Sources   []string // where they come from, once per table
	Costs     []RoleCost
	line      int
}

// RoleCost is one role's cost in a market: a salary with a bonus, days
// bought at a day rate, or a yearly amount spent on something else.
type RoleCost struct {
	Role    string
	DayRate [2]int // a fractional role's day rate, low and high
	Note    Texts  // notes on the role's cost (equity, how rough the figures are), each where it holds
	What    string // what a yearly amount buys: "an analyst or a coordinator"
	Bands   []CostBand
	line    int
}

// CostBand is a role's cost for companies up to a size: UpTo is the
// largest answer it covers (0 for the last band, which has no end).
type CostBand struct {
	UpTo int
	// NoSearch marks a band hired without a retained search (a smaller
	// company hires directly or through a recruiter).
	NoSearch bool
	Base     [2]int // salary, low and high
	Bonus    [2]int // bonus, as a percentage of the salary
	Days     [2]int // days a month
	Yearly   [2]int
}

// Cost is one role's cost for one company, worked out from its market's
// band for the company's size.
type Cost struct {
	Market                    *Market
	Band                      string // "100 to 499 employees"
	Base, Bonus, Cash, Search [2]int
	Days, DayRate, Monthly    [2]int
	Yearly                    [2]int
	Note, What                string
	NoSearch                  bool
}

// Market returns the market with the given id, or the first (the
// default) for "".
func (d *Definitions) Market(id string) (*Market, bool) {
	if id == "" {
		if len(d.Markets) == 0 {
			return nil, false
		}
		return &d.Markets[0], true
	}
	for i := range d.Markets {
		if d.Markets[i].ID == id {
			return &d.Markets[i], true
		}
	}
	return nil, false
}

// MarketIDs lists the markets' ids, the default first.
func (d *Definitions) MarketIDs() []string {
	ids := make([]string, len(d.Markets))
	for i, m := range d.Markets {
		ids[i] = m.ID
	}
	return ids
}

// CostOf is role's cost in market m for the answers, and false when the
// market gives none for the role.
func (d *Definitions) CostOf(m *Market, role string, answers Answers) (Cost, bool) {
	if m == nil || m.By == "" {
		return Cost{}, false
	}
	for i := range m.Costs {
		rc := &m.Costs[i]
		if rc.Role != role || len(rc.Bands) == 0 {
			continue
		}
		v := answers[m.By].Int
		k := 0
		for k < len(rc.Bands)-1 && rc.Bands[k].UpTo > 0 && v > rc.Bands[k].UpTo {
			k++
		}
		b := rc.Bands[k]
		c := Cost{Market: m, Base: b.Base, Bonus: b.Bonus, Days: b.Days, DayRate: rc.DayRate, Yearly: b.Yearly, What: rc.What, NoSearch: b.NoSearch}
		c.Note = strings.Join(rc.Note.All(situation{d: d, answers: answers, confidence: -1}), " ")
		c.Band = d.bandText(m.By, rc.Bands, k)
		for j := range 2 {
			c.Cash[j] = roundMoney(float64(b.Base[j]) * (1 + float64(b.Bonus[j])/100))
			if !b.NoSearch {
				c.Search[j] = roundMoney(float64(c.Cash[j]) * m.SearchFee)
			}
			c.Monthly[j] = rc.DayRate[j] * b.Days[j]
		}
		return c, true
	}
	return Cost{}, false
}

// bandText names band k of a cost: "100 to 499 employees".
func (d *Definitions) bandText(by string, bands []CostBand, k int) string {
	q, ok := d.Question(by)
	if !ok || len(bands) == 1 {
		return ""
	}
	lo := q.Min
	if k > 0 {
		lo = bands[k-1].UpTo + 1
	}
	hi := bands[k].UpTo
	unit := q.UnitFor(2)
	switch {
	case k == len(bands)-1 || hi == 0:
		return fmt.Sprintf("%s or more %s", GroupDigits(lo), unit)
	case k == 0 && lo <= 1:
		return fmt.Sprintf("up to %s %s", GroupDigits(hi), unit)
	}
	return fmt.Sprintf("%s to %s %s", GroupDigits(lo), GroupDigits(hi), unit)
}

// roundMoney rounds an amount to a figure worth quoting: to 5,000 from
// 100,000, to 1,000 from 10,000.
func roundMoney(x float64) int {
	step := 1.0
	switch {
	case x >= 100000:
		step = 5000
	case x >= 10000:
		step = 1000
	}
	return int(math.Round(x/step) * step)
}

// Money writes an amount in the market's currency: "$190K", "$1.2M",
// "£1,500".
func (m *Market) Money(n int) string { return m.money(n, n >= 10000) }

// money writes n in thousands ("$6K", "$1.6K") when short is set and n
// allows it, else in full ("$6,000").
func (m *Market) money(n int, short bool) string {
	switch {
	case short && n >= 1000000 && n%100000 == 0:
		return m.Symbol + strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/1e6), ".0") + "M"
	case short && n >= 1000 && n%100 == 0:
		return m.Symbol + strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/1e3), ".0") + "K"
	}
	return m.Symbol + GroupDigits(n)
}

// Range writes a low and a high amount alike: "$190K–$325K", "£1,600–
// £6,000", or one amount when they are the same.
func (m *Market) Range(r [2]int) string {
	short := r[1] >= 10000
	if r[0] == r[1] {
		return m.money(r[0], short)
	}
	return m.money(r[0], short) + "–" + m.money(r[1], short)
}

// numberRange writes "2–4", or "3" when both ends are the same.
func numberRange(r [2]int) string {
	if r[0] == r[1] {
		return GroupDigits(r[0])
	}
	return GroupDigits(r[0]) + "–" + GroupDigits(r[1])
}

// salaried reports whether the cost is a salary (with a search fee).
func (c Cost) salaried() bool { return c.Base[1] > 0 }

// Short is the cost in a few words, for the comparison of the options:
// "$190K–$325K a year in cash, and a search fee of about $65K–$110K".
func (c Cost) Short() string {
	m := c.Market
	switch {
	case c.salaried() && c.Search[1] > 0:
		return fmt.Sprintf("%s a year in cash; search fee about %s", m.Range(c.Cash), m.Range(c.Search))
	case c.salaried():
		return m.Range(c.Cash) + " a year in cash; hired directly or through a recruiter"
	case c.Monthly[1] > 0:
		return fmt.Sprintf("%s a month for %s days", m.Range(c.Monthly), numberRange(c.Days))
	}
	s := m.Range(c.Yearly) + " a year"
	if c.What != "" {
		s += " for " + c.What
	}
	return s
}

// Sentences break the cost down, for the role's own section: what the
// comparison's total is made of (the total itself is said there).
func (c Cost) Sentences() []string {
	m := c.Market
	var out []string
	switch {
	case c.salaried():
		s := "The cash is a salary of " + m.Range(c.Base)
		if c.Bonus[1] > 0 {
			s += fmt.Sprintf(" and a target bonus of %s%% of it", numberRange(c.Bonus))
		}
		switch {
		case c.Search[1] > 0:
			s += fmt.Sprintf("; a retained search costs %s of the first year's cash", shareWords(m.SearchFee))
		case c.NoSearch:
			s += "; at this size the role is usually filled directly or through a recruiter's fee, not a retained search"
		}
		out = append(out, s+".")
		if c.Note != "" {
			out = append(out, c.Note)
		}
	case c.Monthly[1] > 0:
		out = append(out, fmt.Sprintf("The retainer covers %s days a month at %s a day; most engagements run six to eighteen months.", numberRange(c.Days), m.Range(c.DayRate)))
	default:
		s := "About " + m.Range(c.Yearly) + " a year"
		if c.What != "" {
			s += " for " + c.What
		}
		out = append(out, s+"; the other steps cost what they replace.")
	}
	return out
}

// shareWords writes a share as words where it has a common name: "about
// a third".
func shareWords(f float64) string {
	switch {
	case math.Abs(f-1.0/3) < 0.02:
		return "about a third"
	case math.Abs(f-0.25) < 0.01:
		return "a quarter"
	}
	return fmt.Sprintf("%d%%", Percent(f))
}
