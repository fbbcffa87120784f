package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// The rough edges a new user hit at 50x15, 120x40 and 250x70.

// clearField deletes what a text field holds.
func (d *driver) clearField() {
	d.t.Helper()
	for range 60 {
		d.key("backspace")
	}
}

// shortDir is a new directory with a short path, so that paths shown at
// 50 columns fit on a line; it is removed after the test.
func shortDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("/tmp", "c2")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

// lineOf is the index of the first line of the view holding s, or -1.
func (d *driver) lineOf(s string) int {
	for i, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

// TestNameFieldsLeaveOutInvisibleCharacters: a right-to-left override or a
// zero-width character typed or pasted into a name never shows raw and
// never reaches the file name: it is left out, and the screen says which,
// escaped. The full path escapes such characters in the directory.
func TestNameFieldsLeaveOutInvisibleCharacters(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	dir := filepath.Join(t.TempDir(), "acme\u202eevil")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	raw := func(d *driver) {
		t.Helper()
		if v := d.view(); strings.ContainsAny(v, "\u202e\u200b\u200d\u2066\x07") {
			t.Fatalf("the screen shows an invisible or direction-changing character raw: %q", v)
		}
	}
	for _, tc := range []struct {
		name, key string
		send      func(d *driver)
		want      string // the file written
		said      string // what the screen says it left out
	}{
		{"typed export name", "e", func(d *driver) { d.typeText("brief\u202etxt.html\u200b") }, "brieftxt.html", `Left out \u202e and \u200b`},
		{"pasted export name", "e", func(d *driver) { d.send(tea.PasteMsg{Content: "brief\u2066.md"}) }, "brief.md", `Left out \u2066`},
		{"typed answers name", "s", func(d *driver) { d.typeText("client\u200d.yaml") }, "client.yaml", `Left out \u200d`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, 80, 24)
			d.key(tc.key)
			d.clearField()
			tc.send(d)
			raw(d)
			d.mustSee("› "+tc.want, `acme\u202eevil`)
			d.mustSeeText(tc.said)
			d.key("enter")
			raw(d)
			d.mustSeeText("Saved to " + advisor.SafeText(filepath.Join(dir, tc.want)))
			if _, err := os.Stat(filepath.Join(dir, tc.want)); err != nil {
				t.Fatalf("the file was not written under the clean name: %v", err)
			}
		})
	}
	t.Run("client name", func(t *testing.T) {
		d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, 80, 24)
		d.key("d")
		d.typeText("ACME\u202e Corp")
		raw(d)
		d.mustSee("› ACME Corp")
		d.mustSeeText(`Left out \u202e`)
		for range 4 {
			d.key("enter")
		}
		d.mustBeOn(screenResults)
		if got := d.m.c.report.Engagement.Client; got != "ACME Corp" {
			t.Fatalf("client %q, want %q", got, "ACME Corp")
		}
	})
}

// TestExportShowsTheWritersError: when the file writer refuses (a missing
// directory here; a terminal as the target is another refusal), the export
// screen says why next to the name, at 50x15 too, and never says Saved.
func TestExportShowsTheWritersError(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	for _, size := range [][2]int{{80, 24}, {50, 15}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			dir := shortDir(t)
			d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, size[0], size[1])
			d.key("e")
			d.clearField()
			d.typeText("missing/brief.txt")
			d.key("enter")
			d.mustBeOn(screenExport)
			d.mustNotSee("Saved")
			d.mustSee("› missing/brief.txt", "✗ Cannot write")
			if len(d.m.exported) != 0 {
				t.Fatalf("a failed write counts as exported: %q", d.m.exported)
			}

			// What the writer says about a terminal, whatever it is.
			d.key("backspace")
			d.send(exportedMsg{path: "/dev/pts/9", err: errors.New("cannot write /dev/pts/9: a terminal \x1b[31mis not a file")})
			d.mustNotSee("Saved", "\x1b[31m")
			d.mustSeeText(`✗ Cannot write /dev/pts/9: a terminal \x1b[31mis not a file`)
			if len(d.m.exported) != 0 {
				t.Fatalf("a refused write counts as exported: %q", d.m.exported)
			}
		})
	}
}

// TestExportKeepsItsOrderOnSmallTerminals: the export screen gives way
// from its explanation up, but what it shows is always in the same
// order: the title, the field with its full path right under it, the
// format, then what happened.
func TestExportKeepsItsOrderOnSmallTerminals(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	for _, size := range [][2]int{{50, 15}, {30, 8}, {40, 12}, {60, 18}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			dir := shortDir(t)
			d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, size[0], size[1])
			d.key("e")
			d.key("enter")
			d.mustSee("✓ Saved")
			order := []int{d.lineOf("Export the recommendation"), d.lineOf("› "), d.lineOf(dir + "/"), d.lineOf("Format"), d.lineOf("✓ Saved")}
			if order[2] >= order[4] {
				order[2] = -1 // the path saved to, not the full path under the field
			}
			shown := slices.DeleteFunc(slices.Clone(order), func(i int) bool { return i < 0 })
			if !slices.IsSorted(shown) {
				t.Fatalf("title, field, path, format and status out of order (lines %v):\n%s", order, d.view())
			}
			if order[1] < 0 || size == [2]int{50, 15} && slices.Contains(order, -1) {
				t.Fatalf("at 50x15 the export screen leaves out a part (lines %v):\n%s", order, d.view())
			}
			if order[2] >= 0 && order[2] != order[1]+1 {
				t.Fatalf("the full path came away from the field:\n%s", d.view())
			}
		})
	}
}

// TestQuitAsksOnlyAboutWhatIsUnsaved: q names what no file holds, the
// answers or the client details (an answers file holds both); nothing
// changed since the last save, it quits at once; saved from the quit
// question, the program quits, without asking to replace the file it just
// wrote, and lists that file once.
func TestQuitAsksOnlyAboutWhatIsUnsaved(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	setClient := func(d *driver, name string) {
		d.t.Helper()
		d.key("d")
		d.clearField()
		d.typeText(name)
		for range 4 {
			d.key("enter")
		}
		d.mustBeOn(screenResults)
	}

	t.Run("only the client details changed after a save", func(t *testing.T) {
		dir := shortDir(t)
		d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, 50, 15)
		d.key("s")
		d.key("enter")
		d.mustSee("✓ Saved")
		d.key("enter")
		setClient(d, "ACME")
		d.key("q")
		d.mustSeeText("Quit without saving the client details?")
		d.mustNotSee("your answers")
		d.key("s")
		d.mustBeOn(screenSave)
		d.mustSee("then quit")
		d.key("enter")
		d.mustNotSee("already exists")
		if !d.quit {
			t.Fatalf("saved from the quit question, the program did not quit:\n%s", d.view())
		}
		if want := []string{filepath.Join(dir, DefaultSaveName)}; !slices.Equal(d.m.saved, want) {
			t.Fatalf("saved %q, want %q once", d.m.saved, want)
		}
		b, err := os.ReadFile(filepath.Join(dir, DefaultSaveName))
		if err != nil || !strings.Contains(string(b), `client: "ACME"`) {
			t.Fatalf("the answers file does not hold the client (%v):\n%s", err, b)
		}
	})

	t.Run("nothing changed since the save", func(t *testing.T) {
		d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: shortDir(t)}, 80, 24)
		setClient(d, "ACME")
		d.key("s")
		d.key("enter")
		d.key("enter")
		setClient(d, "ACME") // the same again
		d.key("q")
		if !d.quit {
			t.Fatalf("q asked though everything is saved:\n%s", d.view())
		}
	})

	t.Run("answers and client details", func(t *testing.T) {
		d := newDriver(t, Options{Defs: defs, Dir: shortDir(t)}, 80, 24)
		d.key("d")
		d.typeText("ACME")
		for range 4 {
			d.key("enter")
		}
		d.mustBeOn(screenWelcome)
		d.key("q")
		d.mustSeeText("Quit without saving the client details?")
		d.key("n")
		d.key("enter")
		d.answerFirst(3, answers)
		d.key("q")
		d.mustSeeText("Quit without saving your answers and the client details?")
	})

	t.Run("the same file saved twice is listed once", func(t *testing.T) {
		dir := shortDir(t)
		d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, 80, 24)
		for range 2 {
			d.key("s")
			d.key("enter")
			d.mustSee("✓ Saved")
			d.key("enter")
		}
		if len(d.m.saved) != 1 {
			t.Fatalf("saved %q", d.m.saved)
		}
		// A file changed by someone else since is not replaced without
		// asking.
		if err := os.WriteFile(filepath.Join(dir, DefaultSaveName), []byte("someone else's\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		d.key("s")
		d.key("enter")
		d.mustSee("already exists. Replace it? (y/n)")
	})
}

// TestQuestionTextHasAReadingWidth: on a very wide terminal the question
// reads in lines of at most readingWidth cells, with the leaning panel
// right beside it rather than 200 columns away.
func TestQuestionTextHasAReadingWidth(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs}, 250, 70)
	d.key("enter")
	d.typeText("120")
	for i, l := range strings.Split(d.view(), "\n") {
		left, _, panel := strings.Cut(l, "│")
		if i < 2 || !panel && !strings.Contains(l, "╭") {
			continue
		}
		if strings.Contains(l, "╭") {
			left, _, _ = strings.Cut(l, "╭")
		}
		if col := lipgloss.Width(left); col > 1+readingWidth+2 {
			t.Fatalf("the leaning panel starts at column %d, not beside the text:\n%s", col, d.view())
		}
		if w := lipgloss.Width(strings.TrimRight(left, " ")); w > 1+readingWidth {
			t.Fatalf("a line of the question is %d cells wide:\n%s", w, l)
		}
	}
	d.mustSee("LEANING SO FAR", "How many people")
}

// TestFooterKeepsTheWayOut: however narrow, the footer keeps ? help and q
// quit (ctrl+c where q is text), dropping other keys first.
func TestFooterKeepsTheWayOut(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	footer := func(d *driver) string {
		lines := strings.Split(d.view(), "\n")
		return lines[len(lines)-1]
	}
	for _, size := range [][2]int{{50, 15}, {40, 12}, {30, 8}} {
		for _, tc := range []struct {
			name string
			file string
			keys []string
			want []string
		}{
			{"welcome", "", nil, []string{"? help", "q quit"}},
			{"number question", "", []string{"enter"}, []string{"? help", "ctrl+c quit now"}},
			{"choice question", "", []string{"enter", "1", "2", "0", "enter", "7", "enter", "3", "enter"}, []string{"? help", "q quit"}},
			{"results", "close-call.yaml", nil, []string{"? help", "q quit"}},
			{"compare", "close-call.yaml", []string{"c"}, []string{"? help", "q quit"}},
			{"review", "close-call.yaml", []string{"a"}, []string{"? help", "q quit"}},
			{"export", "close-call.yaml", []string{"e"}, []string{"ctrl+c quit now"}},
		} {
			t.Run(fmt.Sprintf("%s %dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				o := Options{Defs: defs}
				if tc.file != "" {
					o.Answers = answers
				}
				d := newDriver(t, o, size[0], size[1])
				for _, k := range tc.keys {
					d.key(k)
				}
				f := footer(d)
				for _, w := range tc.want {
					if !strings.Contains(f, w) {
						t.Fatalf("the footer %q has no %q", f, w)
					}
				}
				if strings.HasSuffix(f, "…") {
					t.Fatalf("the footer is cut: %q", f)
				}
			})
		}
	}
}

// TestNamesAreNeverBrokenAtTheirHyphen: the command's name and file names
// wrap whole, at any width where they fit on a line.
func TestNamesAreNeverBrokenAtTheirHyphen(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	dir := shortDir(t)
	for w := 30; w <= 100; w++ {
		for _, keys := range [][]string{{"s"}, {"e", "enter"}, {"d"}} {
			d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, w, 40)
			for _, k := range keys {
				d.key(k)
			}
			for _, l := range strings.Split(d.view(), "\n") {
				// A word longer than the line (a long path) is cut where
				// it must be, and fills its line alone.
				if l = strings.TrimSpace(l); strings.HasSuffix(l, "-") && strings.Contains(l, " ") {
					t.Fatalf("at %d columns a line ends in a hyphen, breaking a name:\n%s", w, d.view())
				}
			}
		}
	}
	if got := wrap("run coo-advisor --answers client-saved.yaml", 20); got != "run coo-advisor\n--answers\nclient-saved.yaml" {
		t.Fatalf("wrap broke names: %q", got)
	}
	// A word longer than the line is still cut where it must be.
	if got := wrapLines("a-very-long-name-indeed", 10); len(got) != 3 || lipgloss.Width(got[0]) != 10 {
		t.Fatalf("a long word: %q", got)
	}
}

// TestEditNoticeSaysWhatChanged: after an edit, the notice names what was
// removed and added, or the number's old and new values, not both answers
// whole.
func TestEditNoticeSaysWhatChanged(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	edit := func(d *driver, id string) *advisor.Question {
		d.t.Helper()
		d.key("a")
		for d.m.screens[screenReview].(*reviewModel).cursor != indexOf(defs.QuestionIDs(), id) {
			d.key("down")
		}
		d.key("enter")
		q, _ := defs.Question(id)
		return q
	}
	d := newDriver(t, Options{Defs: defs, Answers: answers}, 80, 24)
	q := edit(d, "pain_points")
	drop, _ := q.Option("performance-monitoring")
	_, i := q.Option("performance-monitoring")
	d.key(strconv.Itoa(i + 1))
	d.key("enter")
	d.mustBeOn(screenResults)
	d.mustSeeText(q.Title + ": removed: " + drop.Label + ".")
	for _, v := range []string{"operational-efficiency", "process-optimization"} {
		kept, _ := q.Option(v)
		d.mustNotSee(kept.Label) // named neither before nor after
	}

	q = edit(d, "employees")
	d.clearField()
	d.typeText("160")
	d.key("enter")
	d.mustSeeText(q.Title + ": from 90 to 160.")
}

// TestLeaningPercentagesAddUpTo100: the live leaning's whole percentages
// add up to 100, even where rounding each would make 101 (17 + 67 + 17).
func TestLeaningPercentagesAddUpTo100(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs}, 120, 40)
	d.key("enter")
	d.answerFirst(3, advisor.Answers{"employees": {Int: 149}, "departments": {Int: 1}, "locations": {Int: 2}})
	d.mustSee("on 3 of 12 answers")
	sum := 0
	for _, m := range regexp.MustCompile(`(\d+)% │`).FindAllStringSubmatch(d.view(), -1) {
		n, _ := strconv.Atoi(m[1])
		sum += n
	}
	if sum != 100 {
		t.Fatalf("the leaning's percentages add up to %d:\n%s", sum, d.view())
	}
}

// TestCompareTabSaysWhenEveryRoleShows: where every role shows already
// (wide enough, or the secondary one recommended), tab says so instead of
// doing nothing; the next key takes the note away.
func TestCompareTabSaysWhenEveryRoleShows(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "close-call.yaml")}, 250, 70)
	d.key("c")
	d.mustSee("FRACTIONAL COO")
	d.key("tab")
	d.mustSeeText("All the roles show already: the window is wide enough for every one, so tab has none to add.")
	d.key("down")
	d.mustNotSee("All the roles show already")

	// The fractional COO recommended, at 80 columns.
	small := readAnswers(t, defs, "small-business.yaml")
	if res, err := defs.Recommend(small); err != nil || res.Recommended != "fractional-coo" {
		t.Skipf("small-business.yaml no longer recommends the fractional COO (%v)", err)
	}
	d = newDriver(t, Options{Defs: defs, Answers: small}, 80, 24)
	d.key("c")
	d.key("tab")
	d.mustSeeText("because it is recommended")
}
