package advisor

import (
	"fmt"
	"html"
	"strings"
)

// htmlStyle is the brief's whole style sheet: a readable single column on
// a phone or a desk, and a clean A4 or Letter page when printed to PDF
// (the bars keep their colour, headings stay with what follows).
const htmlStyle = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #e3e3e6; --accent: #7a1f5c; --soft: #f6f2f5; --warn: #8a4b00; --warn-bg: #fff6e8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
header { border-bottom: 3px solid var(--accent); padding-bottom: .75rem; margin-bottom: 1.5rem; }
.kicker { margin: 0; color: var(--accent); font-size: .8rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
h1 { margin: .2rem 0 .3rem; font-size: 1.75rem; line-height: 1.25; }
.byline { margin: 0; color: var(--muted); }
h2 { margin: 2rem 0 .6rem; font-size: 1.25rem; color: var(--accent); break-after: avoid; }
h3 { margin: 1.4rem 0 .4rem; font-size: 1.05rem; break-after: avoid; }
p { margin: .5rem 0; }
ul { margin: .4rem 0; padding-left: 1.25rem; }
li { margin: .25rem 0; break-inside: avoid; }
.bottom-line { background: var(--soft); border-radius: 10px; padding: 1rem 1.25rem; }
.bottom-line h2 { margin-top: 0; }
.headline { font-size: 1.35rem; font-weight: 700; margin: .2rem 0 .4rem; }
.badge { display: inline-block; padding: .05rem .55rem; border-radius: 999px; background: var(--accent); color: #fff; font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin-right: .35rem; }
.bars { margin: .8rem 0 .4rem; }
.bar { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr 3.5rem; gap: .6rem; align-items: center; margin: .3rem 0; font-size: .92rem; }
.track { height: .8rem; background: #e9e4e8; border-radius: 999px; overflow: hidden; }
.fill { display: block; height: 100%; background: var(--accent); border-radius: 999px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.bar.out .fill { background: #b9b4b8; }
.bar.out .name { text-decoration: line-through; color: var(--muted); }
.value { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.callout { border-left: 4px solid var(--warn); background: var(--warn-bg); padding: .5rem .8rem; margin: .6rem 0; border-radius: 0 6px 6px 0; }
.plan { border-left: 4px solid var(--accent); background: #fff; padding: .5rem .8rem; margin: .6rem 0; border-radius: 0 6px 6px 0; }
.pain { font-weight: 700; color: var(--accent); }
.rights { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.rights > div { border: 1px solid var(--line); border-radius: 8px; padding: .4rem .9rem; break-inside: avoid; }
.days { border-left: 2px solid var(--line); margin-left: .3rem; padding-left: 1rem; }
.days h3 { margin-top: 1rem; }
.appendix { color: #333; font-size: .92rem; }
.appendix h2 { color: var(--ink); }
@media (max-width: 36rem) {
  main { padding: 1.2rem .9rem 2rem; }
  h1 { font-size: 1.45rem; }
  .rights { grid-template-columns: 1fr; }
  .bar { grid-template-columns: 7rem 1fr 3rem; }
}
@page { margin: 16mm 15mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .bottom-line { border: 1px solid var(--line); }
  section { break-inside: auto; }
  .appendix { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`

// HTML renders the brief as one self-contained page: no fonts, scripts
// or images from elsewhere, readable on a phone, and printable to PDF.
// Every text is escaped.
func (b *Brief) HTML() string {
	var w strings.Builder
	e := html.EscapeString
	list := func(items []string) {
		if len(items) == 0 {
			return
		}
		w.WriteString("<ul>\n")
		for _, it := range items {
			fmt.Fprintf(&w, "<li>%s</li>\n", e(it))
		}
		w.WriteString("</ul>\n")
	}
	section := func(s Section) {
		if len(s.Items) == 0 && s.Empty == "" {
			return
		}
		fmt.Fprintf(&w, "<section>\n<h2>%s</h2>\n", e(s.Title))
		items := s.Items
		if len(items) == 0 {
			items = []string{s.Empty}
		}
		if s.More != "" {
			items = append(append([]string(nil), items...), s.More+".")
		}
		list(items)
		w.WriteString("</section>\n")
	}
	w.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&w, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", e(b.Title), htmlStyle)

	w.WriteString("<header>\n<p class=\"kicker\">COO or Operations Director?</p>\n")
	fmt.Fprintf(&w, "<h1>%s</h1>\n", e(b.Title))
	if b.Byline != "" {
		fmt.Fprintf(&w, "<p class=\"byline\">%s</p>\n", e(b.Byline))
	}
	w.WriteString("</header>\n")

	w.WriteString("<section class=\"bottom-line\">\n<h2>Bottom line</h2>\n")
	fmt.Fprintf(&w, "<p class=\"headline\">%s.</p>\n", e(b.Headline))
	fmt.Fprintf(&w, "<p><span class=\"badge\">%s</span>%s</p>\n", e(b.Confidence), e(b.ConfidenceText))
	b.writeBars(&w)
	if b.TurnsOn != "" {
		fmt.Fprintf(&w, "<p class=\"callout\">%s</p>\n", e(b.TurnsOn))
	}
	if b.Rationale != "" {
		fmt.Fprintf(&w, "<p>%s</p>\n", e(b.Rationale))
	}
	if b.CloseCall != "" {
		fmt.Fprintf(&w, "<p class=\"callout\">%s</p>\n", e(b.CloseCall))
	}
	for _, x := range b.RuledOut {
		fmt.Fprintf(&w, "<p class=\"callout\">%s</p>\n", e(x))
	}
	for _, x := range b.AlsoPlan {
		fmt.Fprintf(&w, "<p class=\"plan\"><strong>Plan:</strong> %s</p>\n", e(x))
	}
	for _, x := range b.Notes {
		fmt.Fprintf(&w, "<p class=\"callout\"><strong>Note:</strong> %s</p>\n", e(x))
	}
	w.WriteString("</section>\n")

	section(b.Team)
	section(b.Disagree)
	section(b.Situation)
	section(b.Why)
	section(b.Against)
	section(b.Changes)
	section(b.Caveats)

	if b.Role != nil {
		htmlRole(&w, b.Role, list)
	}

	w.WriteString("<section class=\"appendix\">\n<h2>How this was scored</h2>\n")
	fmt.Fprintf(&w, "<p>Scores: %s.</p>\n<h3>By factor</h3>\n", e(strings.Join(b.Scores, "; ")))
	list(b.Factors)
	w.WriteString("<h3>Each answer's points, and why</h3>\n")
	list(b.Scoring)
	w.WriteString("</section>\n</main>\n</body>\n</html>\n")
	return w.String()
}

// writeBars draws each role's score as a bar, in CSS, the longest full
// width; a ruled-out role's bar is grey and its name struck through.
func (b *Brief) writeBars(w *strings.Builder) {
	if len(b.bars) == 0 {
		return
	}
	var top Points
	for _, s := range b.bars {
		top = max(top, s.Points)
	}
	w.WriteString("<div class=\"bars\" role=\"img\" aria-label=\"" + html.EscapeString(strings.Join(b.Scores, "; ")) + "\">\n")
	for _, s := range b.bars {
		pct := 0.0
		if top > 0 {
			pct = float64(s.Points) / float64(top) * 100
		}
		class := "bar"
		if s.RuledOut {
			class += " out"
		}
		fmt.Fprintf(w, "<div class=\"%s\"><span class=\"name\">%s</span><span class=\"track\"><span class=\"fill\" style=\"width:%.1f%%\"></span></span><span class=\"value\">%s</span></div>\n",
			class, html.EscapeString(s.Title), pct, FormatPoints(s.Points))
	}
	w.WriteString("</div>\n")
}

// htmlRole writes the brief for the recommended role.
func htmlRole(w *strings.Builder, r *RoleSection, list func([]string)) {
	e := html.EscapeString
	fmt.Fprintf(w, "<section class=\"role\">\n<h2>%s</h2>\n<p>%s</p>\n", e(r.Title), e(r.Summary))
	if r.Mission != "" {
		fmt.Fprintf(w, "<p><strong>Mission:</strong> %s</p>\n", e(r.Mission))
	}
	if len(r.Remit) > 0 {
		w.WriteString("<h3>Remit (your pains first)</h3>\n<ul>\n")
		for _, x := range r.Remit {
			mark := ""
			if x.YourPain {
				mark = " <span class=\"pain\">(your pain)</span>"
			}
			fmt.Fprintf(w, "<li><strong>%s</strong>%s: %s</li>\n", e(x.Name), mark, e(x.Text))
		}
		w.WriteString("</ul>\n")
	}
	if r.ReportingLine != "" {
		fmt.Fprintf(w, "<h3>Reporting line</h3>\n<p>%s</p>\n", e(r.ReportingLine))
	}
	if len(r.CEOKeeps)+len(r.RoleOwns) > 0 {
		w.WriteString("<h3>Decision rights</h3>\n<div class=\"rights\">\n")
		fmt.Fprintf(w, "<div>\n<p><strong>%s</strong></p>\n", e(r.CEOTitle))
		list(r.CEOKeeps)
		fmt.Fprintf(w, "</div>\n<div>\n<p><strong>%s</strong></p>\n", e(r.RoleTitle))
		list(r.RoleOwns)
		w.WriteString("</div>\n</div>\n")
	}
	if len(r.Days) > 0 {
		w.WriteString("<h3>The first 90 days</h3>\n<div class=\"days\">\n")
		for _, p := range r.Days {
			fmt.Fprintf(w, "<h3>Days %s: %s</h3>\n", e(p.Days), e(p.Title))
			list(p.Actions)
		}
		w.WriteString("</div>\n")
	}
	if len(r.Measures) > 0 {
		w.WriteString("<h3>Success measures for the first year</h3>\n")
		list(r.Measures)
	}
	if r.Cost.Range != "" || r.Effect.Range != "" {
		w.WriteString("<h3>Cost and time to full effect</h3>\n<ul>\n")
		if t := FigureText(r.Cost); t != "" {
			fmt.Fprintf(w, "<li><strong>Cost:</strong> %s</li>\n", e(t))
		}
		if t := FigureText(r.Effect); t != "" {
			fmt.Fprintf(w, "<li><strong>Time to full effect:</strong> %s</li>\n", e(t))
		}
		w.WriteString("</ul>\n")
	}
	fmt.Fprintf(w, "<h3>Working with the others</h3>\n<p>%s</p>\n", e(r.WorksWith))
	if len(r.NextSteps) > 0 {
		w.WriteString("<h3>Next steps</h3>\n")
		list(r.NextSteps)
	}
	if len(r.RevisitWhen) > 0 {
		fmt.Fprintf(w, "<h3>%s</h3>\n", e(RevisitTitle))
		list(r.RevisitWhen)
	}
	w.WriteString("</section>\n")
}
