package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTeamScreenReadsInOrder: the t screen gives, in this order, the
// team's conclusion, the agenda numbered with each opening question,
// where each member lands, the answers, the facts to check, how the views
// differ and every disagreement.
func TestTeamScreenReadsInOrder(t *testing.T) {
	defs := loadDefs(t)
	tr := exampleTeam(t, defs, false)
	report := testReport
	report.Team = tr
	d := newDriver(t, Options{Defs: defs, Team: tr, Report: report}, 100, 400)
	d.key("t")
	d.mustBeOn(screenTeam)
	v := d.view()
	last := -1
	for _, h := range []string{"THE TEAM", "THE AGENDA", "WHERE EACH MEMBER LANDS", "THE ANSWERS", "FACTS TO CHECK", "HOW THE VIEWS DIFFER", "WHERE THE TEAM DISAGREES"} {
		i := strings.Index(v, "\n "+h+"\n")
		if i < 0 || i < last {
			t.Fatalf("%s is missing or out of order:\n%s", h, v)
		}
		last = i
	}
	tb := defs.TeamBrief(tr)
	if len(tb.Agenda) == 0 {
		t.Fatal("the example team has no agenda")
	}
	d.mustSeeText(tb.Conclusion)
	// The opening questions hang under a bar: read without it.
	squash := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "│", "")), "") }
	for i, it := range tb.Agenda {
		d.mustSeeText(string(rune('1'+i)) + ". " + it.Title)
		if !strings.Contains(squash(v), squash(it.Open)) {
			t.Errorf("agenda item %d does not open with %q:\n%s", i+1, it.Open, v)
		}
	}
	for _, l := range tb.Landings {
		d.mustSeeText(l)
	}
	for _, x := range tb.Disagreements {
		d.mustSeeText(x)
	}
	d.mustSee("! would change the advice")
}

// gridOf is the team screen's grid as shown at width w: the lines from
// THE ANSWERS to the next heading.
func gridOf(t *testing.T, anonymous bool, w int) string {
	t.Helper()
	defs := loadDefs(t)
	tr := exampleTeam(t, defs, anonymous)
	report := testReport
	report.Team = tr
	d := newDriver(t, Options{Defs: defs, Team: tr, Report: report}, w, 400)
	d.key("t")
	v := d.view()
	from := strings.Index(v, " THE ANSWERS\n")
	to := strings.Index(v, " FACTS TO CHECK\n")
	if from < 0 || to < from {
		t.Fatalf("no answers on the team screen:\n%s", v)
	}
	return v[from:to]
}

// TestTeamGrid: the answers are a table of people against questions
// where it reads (a label over two lines when it is wider than its
// column), a paragraph per question on a narrow terminal, and each
// question's spread under anonymity, with no one's label in it. An answer
// that is not the team's is marked * in the table, with a legend.
func TestTeamGrid(t *testing.T) {
	labels := []string{"CEO", "CFO", "Head of Sales", "Head of Depots", "Board member"}
	lineWith := func(grid string, parts ...string) string {
		for _, l := range strings.Split(grid, "\n") {
			ok := true
			for _, p := range parts {
				ok = ok && strings.Contains(l, p)
			}
			if ok {
				return l
			}
		}
		return ""
	}
	t.Run("wide: one column per person", func(t *testing.T) {
		g := gridOf(t, false, 120)
		if lineWith(g, append([]string{"Question"}, labels...)...) == "" {
			t.Errorf("no header naming everyone:\n%s", g)
		}
		// Cy alone says 150 employees, the team's middle is 140.
		if l := lineWith(g, "Employees", "140", "150*"); !strings.HasPrefix(strings.TrimSpace(l), "Employees") {
			t.Errorf("no Employees row with Cy's 150 marked:\n%s", g)
		}
		if !strings.Contains(g, "* not the team's answer") || !strings.Contains(g, "Everyone alike: Locations: 4") {
			t.Errorf("no legend or no line for the answers everyone gave:\n%s", g)
		}
	})
	t.Run("80 columns: labels over two lines", func(t *testing.T) {
		g := gridOf(t, false, 80)
		if lineWith(g, "Question", "CEO", "CFO", "Head of", "Head of", "Board") == "" || lineWith(g, "Sales", "Depots", "member") == "" {
			t.Errorf("no two-line header:\n%s", g)
		}
		if !strings.HasPrefix(strings.TrimSpace(lineWith(g, "Growth", "Moderate", "Declining*", "Rapid*")), "Growth") {
			t.Errorf("no Growth row, its answers without their brackets:\n%s", g)
		}
		for _, l := range strings.Split(g, "\n") {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("line wider than 80: %q", l)
			}
		}
	})
	t.Run("50 columns: a paragraph per question", func(t *testing.T) {
		g := gridOf(t, false, 50)
		if lineWith(g, "Question") != "" {
			t.Errorf("a table at 50 columns:\n%s", g)
		}
		if l := lineWith(g, "Employees:", "CEO 140"); l == "" {
			t.Errorf("no paragraph for Employees:\n%s", g)
		}
		if !strings.Contains(g, "Head of Sales 150*") {
			t.Errorf("Cy's 150 is not marked:\n%s", g)
		}
		for _, l := range strings.Split(g, "\n") {
			if ansi.StringWidth(l) > 50 {
				t.Errorf("line wider than 50: %q", l)
			}
		}
	})
	t.Run("anonymous: each question's spread", func(t *testing.T) {
		g := gridOf(t, true, 80)
		if lineWith(g, "Question", "Answers") == "" || lineWith(g, "Employees", "140–150") == "" {
			t.Errorf("no spread per question:\n%s", g)
		}
		for _, l := range labels {
			// "CEO time on operations" is a question, not a label.
			if strings.Contains(strings.ReplaceAll(g, "CEO time", ""), l) {
				t.Errorf("the anonymous grid names %s:\n%s", l, g)
			}
		}
		if strings.Contains(g, "*") {
			t.Errorf("the anonymous grid marks a person's answer:\n%s", g)
		}
	})
}

// TestShortCell: an answer cut to its column loses its brackets first,
// then a list keeps its first value and how many more, then an ellipsis.
func TestShortCell(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		width    int
		want     string
	}{
		{"fits", "High", 8, "High"},
		{"brackets dropped", "Moderate (10-30% a year)", 10, "Moderate"},
		{"brackets then ellipsis", "Declining (shrinking)", 6, "Decli…"},
		{"a list", "Work is slow or costly; Processes have bottlenecks", 11, "Work is… +1"},
		{"a long list", "A; B; C", 5, "A; B…"},
		{"ellipsis", "$20M to $100M", 8, "$20M to…"},
		{"nothing", "anything", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := shortCell(tc.in, tc.width)
			if got != tc.want {
				t.Errorf("shortCell(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
			}
			if ansi.StringWidth(got) > tc.width {
				t.Errorf("%q is wider than %d", got, tc.width)
			}
		})
	}
}

// TestResultsTeamLines: the results screen's team view is the team's
// conclusion, the first point of the agenda and the way to the rest.
func TestResultsTeamLines(t *testing.T) {
	defs := loadDefs(t)
	tr := exampleTeam(t, defs, false)
	report := testReport
	report.Team = tr
	d := newDriver(t, Options{Defs: defs, Team: tr, Report: report}, 100, 200)
	tb := defs.TeamBrief(tr)
	d.mustSeeText("THE TEAM", tb.Conclusion, "1. First on the agenda: "+tb.Agenda[0].Title, "Press t for the agenda and everyone's answers side by side")
}
