package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/coo-advisor/coo-advisor/advisor"
)

// TestSmallTerminalsSayWhatTheyHide: every screen that cannot show it all
// says so, keeps the selected row whole and the way forward in view.
func TestSmallTerminalsSayWhatTheyHide(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")

	// The welcome keeps how to start in view.
	d := newDriver(t, Options{Defs: defs}, 50, 15)
	d.mustSee("Press Enter to start.", "↓ more below")

	// The answers review keeps the selected answer whole.
	d = newDriver(t, Options{Defs: defs, Answers: answers}, 50, 15)
	d.key("a")
	for range 8 {
		d.key("down")
	}
	d.mustSee("› Pain points", "bottlenecks", "↑ more above")

	// A long list scrolled down says so above it.
	d = newDriver(t, Options{Defs: defs}, 34, 10)
	d.key("enter")
	d.answerFirst(8, answers)
	for range 9 {
		d.key("down")
	}
	d.mustSee("↑ more above", "› 0 [ ] Nothing ever gets")
	// The full help keeps every key, quit and scrolling among them.
	d.key("?")
	d.mustSeeText("q quit", "↑/k up", "end bottom", "ctrl+c quit now")

	// The position in a long screen shows on the narrowest terminals.
	d = newDriver(t, Options{Defs: defs, Answers: answers}, 34, 10)
	d.key("c")
	if first := strings.SplitN(d.view(), "\n", 2)[0]; !strings.Contains(first, "1–") {
		t.Errorf("compare at 34x10 has no position: %q", first)
	}
	d = newDriver(t, Options{Defs: defs, Answers: answers}, 30, 8)
	if first := strings.SplitN(d.view(), "\n", 2)[0]; !strings.Contains(first, "1–") {
		t.Errorf("results at 30x8 have no position: %q", first)
	}
}

// TestQuestionSaysWhatExplanationItHides: a question too long for the
// window keeps whole paragraphs of its explanation, says how many lines it
// leaves out, and puts the detail asked for with ? first.
func TestQuestionSaysWhatExplanationItHides(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	pains, _ := defs.Question("pain_points")
	if pains.Detail == "" {
		t.Fatal("the pains question has no detail to show")
	}
	firstWords := func(s string) string { return strings.Join(strings.Fields(s)[:4], " ") }

	// At 80x24 the full help leaves no room for the explanation: it says so.
	d := newDriver(t, Options{Defs: defs}, 80, 24)
	d.key("enter")
	d.answerFirst(8, answers)
	d.mustSee(firstWords(pains.Why))
	d.key("?")
	d.mustSee("more lines in a taller window", "› 1 [")
	d.mustNotSee(firstWords(pains.Why))

	// A little taller, the detail asked for shows first, and what is
	// still left out is counted.
	d = newDriver(t, Options{Defs: defs}, 80, 26)
	d.key("enter")
	d.answerFirst(8, answers)
	d.key("?")
	d.mustSee(firstWords(pains.Detail), "more lines in a taller window")
	d.mustNotSee(firstWords(pains.Why))

	// Narrow and short, the list scrolls and the marker still shows.
	d = newDriver(t, Options{Defs: defs}, 50, 15)
	d.key("enter")
	d.answerFirst(8, answers)
	d.mustSee("more lines in a taller window", "↓ more below", "› 1 [")

	// Tall enough, everything shows, and no marker.
	d = newDriver(t, Options{Defs: defs}, 120, 60)
	d.key("enter")
	d.answerFirst(8, answers)
	d.key("?")
	d.mustSee(firstWords(pains.Why), firstWords(pains.Detail))
	d.mustNotSee("in a taller window")
}

// TestStackedBarDrawsEqualPointsEqually: each role's cells come from its
// own points, so equal points are equal lengths at every width, and the
// bar never runs past its width.
func TestStackedBarDrawsEqualPointsEqually(t *testing.T) {
	c := &common{defs: loadDefs(t), styles: newStyles(true, colorprofile.NoTTY)}
	for width := 3; width <= 40; width++ {
		for _, pts := range [][]float64{{4, 4, 4}, {1, 2, 0}, {10, 0.5, 0.5}, {0.01, 0, 0}, {7, 3, 2}, {5, 4.5, 2.5}, {2, 2, 1}} {
			w := make(advisor.Weights, len(pts))
			for i, p := range pts {
				w[i] = advisor.Points(p * 100)
			}
			bar := ansi.Strip(c.stackedBar(w, width, 12))
			if n := utf8.RuneCountInString(bar); n != width {
				t.Fatalf("width %d, points %v: the bar is %d cells: %q", width, pts, n, bar)
			}
			var cells [3]int
			for _, r := range bar {
				for i := range 3 {
					if string(r) == roleGlyph(i) {
						cells[i]++
					}
				}
			}
			for i := range pts {
				for j := range pts {
					if pts[i] == pts[j] && cells[i] != cells[j] {
						t.Errorf("width %d, points %v: equal points drawn %d and %d cells: %q", width, pts, cells[i], cells[j], bar)
					}
				}
			}
			drawn := cells[0] + cells[1] + cells[2]
			if drawn == 0 {
				t.Errorf("width %d, points %v: a bar with points draws nothing", width, pts)
			}
			// The length follows the total: short of it by less than the
			// roles that share a cell, never over.
			total := pts[0] + pts[1] + pts[2]
			want := max(1, min(width, int(total/12*float64(width)+0.5))) // never vanishes
			if drawn > want || drawn < want-2 {
				t.Errorf("width %d, points %v: %d cells for a total worth %d", width, pts, drawn, want)
			}
			if pts[0] != pts[1] && pts[1] != pts[2] && pts[0] != pts[2] && drawn != want && want > 0 {
				t.Errorf("width %d, points %v: distinct points drew %d cells, want %d", width, pts, drawn, want)
			}
		}
	}
}

// TestResultsKeepTheDateWhole: the byline wraps where it must, never
// inside the date.
func TestResultsKeepTheDateWhole(t *testing.T) {
	defs := loadDefs(t)
	report := advisor.ReportOptions{Engagement: advisor.Engagement{Client: "Swift Freight Ltd", PreparedBy: "Alex Morgan, Meridian Partners", Date: "2026-11-26"}}
	for _, w := range []int{60, 70, 80, 90} {
		d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "close-call.yaml"), Report: report}, w, 24)
		if v := d.view(); !strings.Contains(v, "26\u00a0November\u00a02026") {
			t.Errorf("at %d columns the date is split:\n%s", w, v)
		}
	}
}

// TestQuestionUsesEveryLine: a question shows its whole explanation when
// the height holds it exactly, and one line less still says what it
// leaves out, down to the marker taking the blank line's place.
func TestQuestionUsesEveryLine(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	d := newDriver(t, Options{Defs: defs}, 80, 24)
	d.key("enter")
	d.answerFirst(8, answers)
	q := &d.m.questions().qs[d.m.questions().qi]
	q.render()
	info := 0
	for _, p := range q.info {
		info += len(p)
	}
	exact := len(q.prompt) + info + 1 + len(q.inputLines)
	if got := q.lines(exact); len(got) != exact || strings.Contains(ansi.Strip(strings.Join(got, "\n")), "taller window") {
		t.Errorf("at %d lines, exactly enough, the question hides something:\n%s", exact, strings.Join(got, "\n"))
	}
	for h := exact - 1; h >= len(q.prompt)+1+len(q.inputLines); h-- {
		got := ansi.Strip(strings.Join(q.lines(h), "\n"))
		if !strings.Contains(got, "in a taller window") || len(q.lines(h)) > h {
			t.Errorf("at %d lines the question hides its explanation without saying so:\n%s", h, got)
		}
	}
}
