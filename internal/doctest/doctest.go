// Package doctest holds documents for the tests of the brief's
// renderings: a brief-sized document of every kind of block, and one
// whose every text is hostile. The renderers' unit tests (in advisor)
// and the browser test that prints a document (in cmd/coo-advisor)
// share them, so that both read the same document.
package doctest

import (
	"fmt"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// Footer is the sample's running footer, for the tests to look for.
const Footer = "Harbour & Sons Logistics · 26 November 2026 · Confidential"

// Sample is a realistic brief: a boxed summary, the decision with a
// call-out, a scorecard of four options over seven rows of short text
// (the recommended one marked), the role with its headings and lists, a
// cost table with a note of its sources, what would change the advice,
// and an appendix of 30 items. It is as long as a real brief, which must
// print on at most four A4 or Letter pages.
func Sample() *advisor.Doc {
	return &advisor.Doc{
		Title:  "Recommendation for Harbour & Sons Logistics",
		Kicker: "Operations leadership",
		Byline: "Prepared by Jane Doe, Northwind Advisory · 26 November 2026",
		Footer: Footer,
		Sections: []advisor.DocSection{
			{ID: "summary", Blocks: []advisor.Block{
				para("", "Hire an Operations Director this quarter, reporting to the CEO."),
				para("Why", "Your six operations managers have no one above them, work is slow and costly at the bottlenecks you named, and the CEO spends over half the week on day-to-day operations."),
				para("Cost and time", "About $170K to $210K a year in total cash, plus a search fee; full effect in four to six months."),
			}},
			{ID: "decision", Title: "The decision you are taking", Blocks: []advisor.Block{
				para("", "Whether to give operations one accountable leader now, and how senior that leader should be. A Director runs operations; a Chief Operating Officer would also run the company's priorities across every function, which your CEO still does well."),
				callout("What it turns on", "Whether departments work together without the CEO. If they stop doing so as you open the new markets, a COO becomes the better step."),
				para("", "A fractional COO for two days a month would help set up the operating rhythm, but would not be there when the bottlenecks need daily work."),
			}},
			{ID: "options", Title: "The options side by side", Blocks: []advisor.Block{
				table(&advisor.Table{
					Caption: "Four ways to lead operations at Harbour & Sons",
					Head:    []string{"", "No new leader", "Fractional COO", "Operations Director", "COO"},
					Mark:    3,
					Rows: []advisor.TableRow{
						{Head: "Remit", Cells: []string{"CEO keeps operations", "Set-up and rhythm, two days a month", "Run and improve operations", "Run the company's execution"}},
						{Head: "Reports to", Cells: []string{"-", "CEO", "CEO", "CEO, often the board"}},
						{Head: "Decides", Cells: []string{"Nothing new", "Advises; CEO decides", "How operations work, within budget", "Priorities across functions"}},
						{Head: "Cost a year", Cells: []string{"None", "$60K to $90K", "$170K to $210K cash", "$300K to $450K cash"}},
						{Head: "Full effect", Cells: []string{"-", "1 to 2 months", "4 to 6 months", "6 to 9 months"}},
						{Head: "Reversible", Cells: []string{"Yes", "Yes, month to month", "Hard after a year", "Hard, and costly"}},
						{Head: "Risks for you", Cells: []string{"CEO stays the bottleneck", "Too little time on site", "Narrow remit if you grow fast", "Overlaps the CEO's role"}},
					},
				}),
			}},
			{ID: "role", Title: "The role: Operations Director", Blocks: []advisor.Block{
				para("", "A senior leader who runs and improves the operational functions themselves: how the work gets done, day by day, across your four sites."),
				para("Mission", "Run operations well every day: processes that flow, quality that holds, and teams that know what to do."),
				sub("Remit"),
				list(false,
					advisor.Para{Lead: "Process optimization (your pain)", Text: "Studies how work flows, finds the bottlenecks, and puts the fixes in place."},
					advisor.Para{Lead: "Operational efficiency (your pain)", Text: "Makes processes leaner and brings costs down by managing resources carefully."},
					advisor.Para{Lead: "Company-wide performance (your pain)", Text: "Sets the operations measures and reports them every month."},
					advisor.Para{Lead: "Team leadership", Text: "Manages the six operations managers and gives them clear direction."},
					advisor.Para{Lead: "Quality assurance", Text: "Owns the checks that keep the service consistent at every site."},
				),
				sub("Reporting line"),
				para("", "Reports to the CEO. The six operations managers report to the Director; the site leads stay with their managers."),
				sub("Decision rights"),
				list(false,
					advisor.Para{Lead: "The CEO keeps", Text: "the strategy and priorities, the operations budget (on the Director's proposal), and changes that reach into other departments."},
					advisor.Para{Lead: "The Director owns", Text: "how operational work is done, the operations team within the budget, the quality checks, and improvement projects within operations."},
				),
				sub("The first 90 days"),
				sub("Days 1-30: Listen and map"),
				list(false,
					advisor.Para{Text: "Walk the main workflows end to end at each site with the people who do them."},
					advisor.Para{Text: "Meet every operations manager and learn what gets in their way."},
					advisor.Para{Text: "Set baselines for cost, cycle time, quality and on-time delivery."},
				),
				sub("Days 31-60: Fix what hurts most"),
				list(false,
					advisor.Para{Text: "Find the two costliest steps of the main workflow and take the waste out of them."},
					advisor.Para{Text: "Fix the worst bottleneck of the slowest workflow."},
					advisor.Para{Text: "Publish the first monthly operations report."},
				),
				sub("Days 61-90: Make it stick"),
				list(false,
					advisor.Para{Text: "Start a weekly operations review against the baselines."},
					advisor.Para{Text: "Agree the operations plan and its measures for the year."},
				),
				sub("Success measures for the first year"),
				list(false,
					advisor.Para{Text: "Cost per shipment down, quarter on quarter."},
					advisor.Para{Text: "Cycle times of the main workflows down, and the list of bottlenecks shorter each quarter."},
					advisor.Para{Text: "Operations run day to day without the CEO stepping in."},
					advisor.Para{Text: "On-time delivery up, and held there."},
				),
			}},
			{ID: "cost", Title: "Cost and time to full effect", Blocks: []advisor.Block{
				table(&advisor.Table{
					Caption: "What an Operations Director costs a company of your size",
					Head:    []string{"", "Low", "Typical", "High"},
					Mark:    -1,
					Rows: []advisor.TableRow{
						{Head: "Base salary", Cells: []string{"$140K", "$160K", "$185K"}},
						{Head: "Bonus", Cells: []string{"10%", "15%", "20%"}},
						{Head: "Total cash", Cells: []string{"$155K", "$185K", "$220K"}},
						{Head: "Search fee", Cells: []string{"$50K", "$60K", "$75K"}},
					},
					Note: "US market, 2026. Sources: practitioners' salary surveys for operations leaders in logistics; retained search commonly quoted at about a third of first-year cash. Equity is rare at this level in private firms.",
				}),
				para("Time to full effect", "Four to six months: sooner than a COO, as the remit is narrower."),
			}},
			{ID: "changes", Title: "What would change the advice", Blocks: []advisor.Block{
				list(false,
					advisor.Para{Text: "If departments stopped working together as you open new markets, a COO would be the better step."},
					advisor.Para{Text: "If the CEO's time on operations fell below a day a week, a fractional COO would be enough for a year."},
				),
			}},
			{ID: "how-scored", Title: "How this was scored", Appendix: true, Blocks: []advisor.Block{
				para("", "Each answer gives points to the roles it favours; the role with the most points is the advice, unless a rule rules it out. The list below is every answer's points and the reason for them."),
				list(false, scoringItems()...),
			}},
		},
	}
}

// scoringItems are the appendix's 30 items, each a line or two.
func scoringItems() []advisor.Para {
	topics := []string{
		"Employees: 140", "Departments: 6", "Locations: 4", "Regulation: moderate", "Growth: 10-30% a year",
		"New markets: planned", "CEO's time on operations: over half", "Operations managers: no director above",
		"Company-wide performance: nobody tracks it", "Work: slow or costly",
	}
	items := make([]advisor.Para, 30)
	for i := range items {
		items[i] = advisor.Para{
			Lead: topics[i%len(topics)],
			Text: fmt.Sprintf("+%d Operations Director, +%d.5 Chief Operating Officer. Between about 50 and 150 people the choice is real; complexity and growth decide whether a COO is needed (rule %d).", 1+i%3, i%2, i+1),
		}
	}
	return items
}

func para(lead, text string) advisor.Block {
	return advisor.Block{Para: &advisor.Para{Lead: lead, Text: text}}
}

func callout(lead, text string) advisor.Block {
	return advisor.Block{Callout: &advisor.Para{Lead: lead, Text: text}}
}

func sub(text string) advisor.Block        { return advisor.Block{Sub: &advisor.Sub{Text: text}} }
func table(t *advisor.Table) advisor.Block { return advisor.Block{Table: t} }
func list(ordered bool, items ...advisor.Para) advisor.Block {
	return advisor.Block{List: &advisor.List{Items: items, Ordered: ordered}}
}

// Headings are a document's headings and tables' captions, which no
// printed page may end with.
func Headings(d *advisor.Doc) []string {
	var out []string
	for _, s := range d.Sections {
		if s.Title != "" {
			out = append(out, s.Title)
		}
		for _, b := range s.Blocks {
			switch {
			case b.Sub != nil:
				out = append(out, b.Sub.Text)
			case b.Table != nil && b.Table.Caption != "":
				out = append(out, b.Table.Caption)
			}
		}
	}
	return out
}

// Hostile is text that must come out of every format as written and do
// nothing else: markup of HTML, CSS and Markdown, quotes and backslashes,
// a control character (an ANSI escape), a right-to-left override and a
// zero-width space, and a real line break.
const Hostile = "<script>document.body.innerHTML='PWN'+'ED'</script></style><b>\"q\" 'a' \\ \x1b[31mred\x1b[0m \u202eevil\u200b & &amp; AT&T &rlm; _id_ *x* [l](u) | #\nline two"

// WithText is a small document with text in every field that holds text,
// of every kind of block, and a marked table column.
func WithText(s string) *advisor.Doc {
	return &advisor.Doc{
		Title: s, Kicker: s, Byline: s, Footer: s,
		Sections: []advisor.DocSection{
			{ID: "summary", Blocks: []advisor.Block{para("", s), para(s, s)}},
			{ID: s, Title: s, Blocks: []advisor.Block{
				callout("", s), callout(s, s), sub(s),
				list(false, advisor.Para{Text: s}, advisor.Para{Lead: s, Text: s}),
				list(true, advisor.Para{Text: s}),
				table(&advisor.Table{Caption: s, Head: []string{s, s, s}, Mark: 1, Rows: []advisor.TableRow{{Head: s, Cells: []string{s, s}}}, Note: s}),
			}},
			{ID: "appendix", Title: s, Appendix: true, Blocks: []advisor.Block{para(s, s)}},
		},
	}
}
