package tui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

func TestWalkThroughReachesTheAdvisorsResult(t *testing.T) {
	for _, name := range []string{"small-business.yaml", "scale-up.yaml", "has-coo.yaml", "close-call.yaml"} {
		t.Run(name, func(t *testing.T) {
			defs := loadDefs(t)
			want, err := defs.Recommend(readAnswers(t, defs, name))
			if err != nil {
				t.Fatal(err)
			}
			d := newDriver(t, Options{Defs: defs}, 80, 24)
			d.mustSee("Press Enter to start", "stay on this computer")
			d.walk(want.Answers)
			d.mustBeOn(screenResults)
			got := d.m.Result()
			if got.Recommended != want.Recommended || got.Confidence != want.Confidence {
				t.Fatalf("result %s %.3f, want %s %.3f", got.Recommended, got.Confidence, want.Recommended, want.Confidence)
			}
			role, _ := defs.Role(want.Recommended)
			d.mustSee(defs.Headline(want), defs.ResultConfidence(want))
			d.mustSee(role.Title)
			for qid, a := range want.Answers {
				q, _ := defs.Question(qid)
				if q.FormatValue(got.Answers[qid]) != q.FormatValue(a) {
					t.Errorf("%s: answered %q, want %q", qid, q.FormatValue(got.Answers[qid]), q.FormatValue(a))
				}
			}
		})
	}
}

func TestQuestionHeaderShowsFactorAndPosition(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs}, 80, 24)
	d.key("enter")
	d.mustSee("Size · 1 of 12", defs.Questions[0].Prompt)
	d.mustSeeText(defs.Questions[0].Why)
	a := readAnswers(t, defs, "small-business.yaml")
	d.answerFirst(4, a)
	d.mustSee("Growth · 5 of 12", defs.Questions[4].Prompt)
}

func TestBackKeepsAnswers(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs}, 80, 24)
	d.key("enter")
	d.typeText("345")
	d.key("enter")
	d.typeText("7")
	d.key("enter")
	d.mustSee("3 of 12")
	d.key("esc")
	d.mustSee("2 of 12", "› 7")
	d.key("shift+tab")
	d.mustSee("1 of 12", "› 345", "345 employees")
	// Forward again: the kept answers are still accepted as they are.
	d.key("enter")
	d.mustSee("2 of 12", "› 7")
	d.key("enter")
	// A choice keeps its place too.
	d.typeText("4")
	d.key("enter")
	d.key("3") // regulation: heavy
	d.key("enter")
	d.mustSee("5 of 12")
	d.key("esc")
	d.mustSee("4 of 12", "› 3 (•) Heavy")
	// Back from the first question is the welcome screen.
	for range 3 {
		d.key("esc")
	}
	d.mustSee("1 of 12")
	d.key("esc")
	d.mustBeOn(screenWelcome)
}

func TestMultiChoiceTogglesAndKeepsChoices(t *testing.T) {
	defs := loadDefs(t)
	a := readAnswers(t, defs, "small-business.yaml")
	d := newDriver(t, Options{Defs: defs}, 80, 24)
	d.key("enter")
	d.answerFirst(5, a)
	d.mustSee(defs.Questions[5].Prompt, "None chosen")
	d.key("space") // new-markets
	d.key("down")
	d.key("down")
	d.key("x") // acquisitions
	d.key("4") // international
	d.key("4") // and off again
	d.mustSee("[x] New markets", "[ ] New products", "[x] Acquisitions", "[ ] International", "2 chosen")
	d.key("enter")
	d.key("esc")
	d.mustSee("[x] New markets", "[x] Acquisitions", "2 chosen")
	d.key("enter")
	if got := d.m.c.answers["expansion"].Multi; strings.Join(got, ",") != "new-markets,acquisitions" {
		t.Fatalf("expansion = %v", got)
	}
}

func TestNumberFieldValidatesAsYouType(t *testing.T) {
	cases := []struct {
		name, typed, want string
	}{
		{"letters, q among them", "q", "is not a number"},
		{"zero is below the range", "0", "out of range"},
		{"above the range", "2000000", "out of range"},
		{"a fraction", "12.5", "not a whole number"},
		{"negative", "-4", "out of range"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := newDriver(t, Options{}, 80, 24)
			d.key("enter")
			d.typeText(tc.typed)
			d.mustBeOn(screenQuestion)
			d.mustSeeText(tc.want, "1 to 1,000,000")
			d.key("enter")
			d.mustSee("1 of 12") // Enter does not accept it
			if d.quit {
				t.Fatal("a key typed into the number field quit the program")
			}
		})
	}
	t.Run("empty field on Enter", func(t *testing.T) {
		d := newDriver(t, Options{}, 80, 24)
		d.key("enter")
		d.mustNotSee("✗")
		d.key("enter")
		d.mustSee("1 of 12", "✗", "1 to 1,000,000")
	})
	t.Run("thousands separators are fine", func(t *testing.T) {
		d := newDriver(t, Options{}, 80, 24)
		d.key("enter")
		d.typeText("1,200")
		d.mustSee("1,200 employees")
		d.key("enter")
		d.mustSee("2 of 12")
		if d.m.c.answers["employees"].Int != 1200 {
			t.Fatalf("employees = %d", d.m.c.answers["employees"].Int)
		}
	})
}

func TestEditingAnAnswerRecomputesTheResults(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "small-business.yaml")
	before, _ := defs.Recommend(answers)
	changed := answers.Clone()
	changed["leadership"] = advisor.Answer{Multi: []string{"operations-director"}}
	changed["employees"] = advisor.Answer{Int: 2500}
	changed["growth"] = advisor.Answer{Choice: "rapid"}
	after, _ := defs.Recommend(changed)
	if before.Recommended == after.Recommended {
		t.Fatal("test needs edits that change the advice")
	}

	d := newDriver(t, Options{Defs: defs, Answers: answers}, 80, 24)
	d.mustBeOn(screenResults)
	d.mustSee(defs.Headline(before))
	flipped := false
	for _, id := range []string{"employees", "growth", "leadership"} {
		d.key("a")
		d.mustBeOn(screenReview)
		q, _ := defs.Question(id)
		for range defs.QuestionIDs() {
			d.key("up") // to the top, wherever the cursor was
			if d.m.screens[screenReview].(*reviewModel).cursor == 0 {
				break
			}
		}
		for d.m.screens[screenReview].(*reviewModel).cursor != indexOf(defs.QuestionIDs(), id) {
			d.key("down")
		}
		d.key("enter")
		d.mustSee("Editing · " + q.Title)
		if f, ok := d.m.questions().cur().input.(*multiField); ok {
			// Untick what is there, then tick the new values.
			for i, on := range f.checked {
				if on {
					d.key(string(rune('1' + i)))
				}
			}
		}
		d.answer(q, changed[id])
		d.mustBeOn(screenResults)
		d.mustSee(q.Title + ":") // the notice names what changed
		flipped = flipped || strings.Contains(strings.Join(strings.Fields(d.view()), " "), "The advice changed from")
	}
	d.mustSee(defs.Headline(after))
	if !flipped {
		t.Fatal("no notice said the advice changed")
	}
	if got := d.m.Result().Recommended; got != after.Recommended {
		t.Fatalf("recommended %s, want %s", got, after.Recommended)
	}
}

func TestEditCanBeCancelled(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	d := newDriver(t, Options{Defs: defs, Answers: answers}, 80, 24)
	d.key("a")
	d.key("enter")
	d.typeText("000")
	d.key("esc")
	d.mustBeOn(screenReview)
	d.mustSee("90 (50 to 149)")
	if d.m.c.answers["employees"].Int != 90 {
		t.Fatalf("a cancelled edit changed the answer to %d", d.m.c.answers["employees"].Int)
	}
	d.key("esc")
	d.mustBeOn(screenResults)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestExportWritesAndRefusesToOverwrite(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "has-coo.yaml")
	res, _ := defs.Recommend(answers)
	dir := t.TempDir()
	d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, 80, 24)
	d.key("e")
	d.mustBeOn(screenExport)
	path := filepath.Join(dir, DefaultExportName+".txt")
	d.mustSee(DefaultExportName + ".txt")
	d.mustSeeText(path)
	d.key("enter")
	d.mustSeeText("Saved to " + path)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := defs.Report(res, advisor.FormatText, testReport)
	if string(got) != string(want) {
		t.Fatalf("exported text differs from the report:\n%s", got)
	}
	if strings.Contains(string(got), "\x1b") {
		t.Fatal("text export holds escape codes")
	}

	// Again: the file exists, and "n" keeps it.
	if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.key("enter") // back to the results
	d.key("e")
	d.key("enter")
	d.mustSee("already exists", "Replace it?")
	d.key("n")
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Fatalf("file replaced without confirmation: %q", b)
	}
	d.mustNotSee("Replace it?")
	d.key("enter")
	d.mustSee("Replace it?")
	d.key("y")
	d.mustSeeText("Saved to " + path)
	if b, _ := os.ReadFile(path); string(b) != string(want) {
		t.Fatalf("confirmed overwrite did not write the report: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("export left other files behind: %v", entries)
	}
}

// TestExportNeverOffersToReplaceTheInput: exporting to the answers file
// the session was opened with is refused outright, not offered as
// "Replace it? (y/n)".
func TestExportNeverOffersToReplaceTheInput(t *testing.T) {
	defs := loadDefs(t)
	dir := t.TempDir()
	input := filepath.Join(dir, "client.yaml")
	src, _ := os.ReadFile(filepath.Join("..", "examples", "has-coo.yaml"))
	if err := os.WriteFile(input, src, 0o644); err != nil {
		t.Fatal(err)
	}
	answers, err := defs.ParseAnswers(input, src)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir, Protect: atomicfile.Options{Protect: []string{input}}}, 80, 24)
	d.key("s")
	for range len(DefaultSaveName) {
		d.key("backspace")
	}
	d.typeText("client.yaml")
	d.key("enter")
	d.mustSeeText("is an input of this run")
	d.mustNotSee("Replace it?")
	d.key("y")
	if b, _ := os.ReadFile(input); string(b) != string(src) {
		t.Fatal("the answers file was replaced")
	}
}

func TestExportFormatSwitchChangesTheExtension(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "scale-up.yaml")
	dir := t.TempDir()
	d := newDriver(t, Options{Defs: defs, Answers: answers, Dir: dir}, 120, 40)
	d.key("e")
	d.key("tab")
	d.mustSee(DefaultExportName+".md", "(•) markdown")
	d.key("tab")
	d.mustSee(DefaultExportName+".html", "(•) html")
	d.key("tab")
	d.mustSee(DefaultExportName+".json", "(•) json")
	// q is text in the path field, not quit.
	for range len(".json") {
		d.key("backspace")
	}
	d.typeText("-q.json")
	if d.quit {
		t.Fatal("q in the path field quit the program")
	}
	d.key("enter")
	b, err := os.ReadFile(filepath.Join(dir, DefaultExportName+"-q.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"recommended": "coo"`) {
		t.Fatalf("json export:\n%s", b)
	}
}

func TestExportToMissingDirectoryExplains(t *testing.T) {
	defs := loadDefs(t)
	dir := t.TempDir()
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "scale-up.yaml"), Dir: dir}, 80, 24)
	d.key("e")
	for range 60 {
		d.key("backspace")
	}
	d.typeText("nowhere/report.txt")
	d.key("enter")
	d.mustSeeText("does not exist")
	d.mustBeOn(screenExport)
}

func TestQuitAndInterrupt(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "scale-up.yaml")
	t.Run("q quits from the results", func(t *testing.T) {
		d := newDriver(t, Options{Defs: defs, Answers: answers}, 80, 24)
		d.key("q")
		if !d.quit || d.m.interrupted {
			t.Fatalf("quit=%v interrupted=%v", d.quit, d.m.interrupted)
		}
	})
	t.Run("q quits from a choice question", func(t *testing.T) {
		d := newDriver(t, Options{Defs: defs}, 80, 24)
		d.key("enter")
		d.answer(&defs.Questions[0], answers["employees"])
		d.answer(&defs.Questions[1], answers["departments"])
		d.answer(&defs.Questions[2], answers["locations"])
		// Three answers given and not saved: q asks first; any key but y
		// stays.
		d.key("q")
		d.mustSee("Quit without saving your answers?")
		d.key("n")
		if d.quit {
			t.Fatal("q quit without asking, throwing the answers away")
		}
		d.mustNotSee("Quit without saving")
		d.key("q")
		d.key("y")
		if !d.quit {
			t.Fatal("y did not quit")
		}
	})
	t.Run("s on the quit question saves first", func(t *testing.T) {
		dir := t.TempDir()
		d := newDriver(t, Options{Defs: defs, Dir: dir}, 80, 24)
		d.key("enter")
		d.answerFirst(3, answers)
		d.key("q")
		d.key("s")
		d.mustBeOn(screenSave)
		d.mustSee("Save your answers, then quit", "enter save and quit")
		// Saved from the quit question, the program quits once the
		// file is written.
		d.key("enter")
		if !d.quit {
			t.Fatalf("the answers were saved from the quit question, but the program stayed:\n%s", d.view())
		}
		// The answers file is told apart from the reports on the way out.
		if want := []string{filepath.Join(dir, DefaultSaveName)}; !slices.Equal(d.m.saved, want) || len(d.m.exported) != 0 {
			t.Errorf("saved %q, exported %q; want saved %q", d.m.saved, d.m.exported, want)
		}
	})
	t.Run("ctrl+c is an interruption", func(t *testing.T) {
		d := newDriver(t, Options{Defs: defs}, 80, 24)
		d.key("enter")
		d.key("ctrl+c")
		if !d.quit || !d.m.interrupted {
			t.Fatalf("quit=%v interrupted=%v", d.quit, d.m.interrupted)
		}
	})
	t.Run("ctrl+c after an export is a normal exit", func(t *testing.T) {
		d := newDriver(t, Options{Defs: defs, Answers: answers}, 80, 24)
		d.key("e")
		d.key("enter")
		d.mustSee("Saved to")
		d.key("ctrl+c")
		if !d.quit || d.m.interrupted {
			t.Fatalf("quit=%v interrupted=%v", d.quit, d.m.interrupted)
		}
	})
}

func TestHelpToggles(t *testing.T) {
	defs := loadDefs(t)
	// On the results the full help has keys the short one leaves out.
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "close-call.yaml")}, 80, 24)
	short := d.view()
	d.mustSee("? help")
	d.mustNotSee("pgup", "ctrl+c")
	d.key("?")
	d.mustSee("pgup", "page up", "home", "ctrl+c", "quit now")
	d.key("?")
	if d.view() != short {
		t.Fatalf("? did not toggle the help back:\n%s", d.view())
	}
}

// TestCompareKeepsTheColumnTitles: side by side, the titles stay above
// the lines that scroll, so the columns are named at every position; a
// window too short for both scrolls them with the rest.
func TestCompareKeepsTheColumnTitles(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	d := newDriver(t, Options{Defs: defs, Answers: answers}, 80, 24)
	d.key("c")
	for range 30 {
		d.key("down")
	}
	lines := strings.Split(d.view(), "\n")
	if !strings.Contains(lines[0], "31–") || !strings.Contains(strings.Join(lines[1:8], "\n"), "CHIEF OPERATING OFFICER") || !strings.Contains(strings.Join(lines[1:8], "\n"), "OPERATIONS DIRECTOR") {
		t.Errorf("scrolled, compare lost its column titles:\n%s", d.view())
	}
	d.mustSee("◆ marks the responsibilities") // the legend stays above the titles
	d.key("end")
	d.mustSee("WORKING TOGETHER", "CHIEF OPERATING OFFICER")

	d = newDriver(t, Options{Defs: defs, Answers: answers}, 80, 8)
	d.key("c")
	for range 30 {
		d.key("down")
	}
	d.mustNotSee("CHIEF OPERATING OFFICER")
}

func TestCompareMarksPainPoints(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "has-coo.yaml")
	for _, size := range [][2]int{{160, 40}, {120, 40}, {50, 30}} {
		d := newDriver(t, Options{Defs: defs, Answers: answers}, size[0], size[1])
		d.key("c")
		d.mustBeOn(screenCompare)
		all := ansi.Strip(strings.Join(compareContent(d.m.screens[screenCompare].(*compareModel)), "\n"))
		// The COO and the Operations Director side by side first; the
		// fractional COO and no new leader where the width allows four
		// columns, or on tab.
		frac, _ := defs.Role("fractional-coo")
		none, _ := defs.Role("no-new-leader")
		wide := size[0] >= 130
		for _, r := range []*advisor.Role{frac, none} {
			if shown := titleShown(all, r.Title); shown != wide {
				t.Errorf("%dx%d: %s shown %v", size[0], size[1], r.Title, shown)
			}
		}
		if !wide {
			d.mustSeeText("Press tab to show Fractional COO and No new operations leader yet as well")
			d.key("tab")
			all = ansi.Strip(strings.Join(compareContent(d.m.screens[screenCompare].(*compareModel)), "\n"))
			for _, r := range []*advisor.Role{frac, none} {
				if !titleShown(all, r.Title) {
					t.Errorf("%dx%d: tab does not show %s", size[0], size[1], r.Title)
				}
			}
		}
		if !strings.Contains(all, "✓ recommended for you") {
			t.Errorf("%dx%d: the recommended role is not marked", size[0], size[1])
		}
		for _, r := range defs.Roles {
			if !titleShown(all, r.Title) {
				t.Errorf("%dx%d: compare lacks %s", size[0], size[1], r.Title)
			}
			for _, x := range r.Responsibilities {
				pain := false
				for _, v := range answers["pain_points"].Multi {
					pain = pain || v == x.ID
				}
				marked := strings.Contains(all, "◆ "+x.Name)
				if marked != pain {
					t.Errorf("%dx%d: %s marked=%v, pain=%v", size[0], size[1], x.ID, marked, pain)
				}
			}
		}
		if !strings.Contains(all, "WORKING TOGETHER") {
			t.Errorf("compare lacks how the roles work together")
		}
		// Scrolling reaches the end.
		for range 300 {
			d.key("down")
		}
		d.mustSee(lastWords(ansi.Strip(d.m.screens[screenCompare].(*compareModel).scroll.lines[len(d.m.screens[screenCompare].(*compareModel).scroll.lines)-1])))
		d.key("esc")
		d.mustBeOn(screenResults)
	}
}

// titleShown reports whether a role's title heads a column of the compare
// screen's text: its first words in capitals (a long title wraps in a
// narrow column).
func titleShown(text, title string) bool {
	words := strings.Fields(strings.ToUpper(title))
	return strings.Contains(text, strings.Join(words[:min(3, len(words))], " "))
}

// TestCompareShowsARecommendedFractionalCOO: a recommended secondary
// role is always on the compare screen, however narrow; the other is a
// tab away.
func TestCompareShowsARecommendedFractionalCOO(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "small-business.yaml")
	answers["employees"] = advisor.Answer{Int: 15}
	answers["growth"] = advisor.Answer{Choice: "rapid"}
	answers["pain_points"] = advisor.Answer{Multi: []string{"strategy-alignment", "resource-allocation"}}
	d := newDriver(t, Options{Defs: defs, Answers: answers}, 60, 24)
	if d.m.Result().Recommended != "fractional-coo" {
		t.Fatalf("recommended %s", d.m.Result().Recommended)
	}
	d.key("c")
	all := ansi.Strip(strings.Join(compareContent(d.m.screens[screenCompare].(*compareModel)), "\n"))
	for _, r := range defs.Roles {
		if shown := titleShown(all, r.Title); shown != (r.ID != "no-new-leader") {
			t.Errorf("compare shows %s: %v", r.Title, shown)
		}
	}
	// The other secondary outcome is a tab away.
	d.mustSeeText("Press tab to show No new operations leader yet as well")
	d.key("tab")
	all = ansi.Strip(strings.Join(compareContent(d.m.screens[screenCompare].(*compareModel)), "\n"))
	if !titleShown(all, "No new operations leader yet") {
		t.Error("tab does not show no new leader")
	}
}

func lastWords(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func TestRestartClearsAnswers(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "scale-up.yaml")}, 80, 24)
	d.key("r")
	d.mustSee("Start over?")
	d.key("n")
	d.mustBeOn(screenResults)
	d.mustNotSee("Start over?")
	if len(d.m.c.answers) == 0 {
		t.Fatal("n cleared the answers")
	}
	d.key("r")
	d.key("y")
	d.mustBeOn(screenWelcome)
	d.key("enter")
	d.mustSee("1 of 12")
	if len(d.m.c.answers) != 0 || d.m.questions().qs[0].input.(*integerField).input.Value() != "" {
		t.Fatalf("answers kept after restart: %v", d.m.c.answers)
	}
}

func TestSidePanelShowsLiveLeaning(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs}, 120, 40)
	d.key("enter")
	d.mustSee("LEANING SO FAR", "on 0 of 12 answers")
	// thisAnswer is what the panel says an employee count gives, written
	// from the band's weights.
	thisAnswer := func(n int) string {
		q := &defs.Questions[0]
		var parts []string
		for i, w := range q.Bands[q.BandIndex(n)].Weights {
			if w != 0 {
				parts = append(parts, "+"+w.String()+" "+defs.Roles[i].Short)
			}
		}
		// The panel wraps after the first role: check that one.
		return "This answer: " + parts[0]
	}
	share := func(role int) string {
		for _, l := range strings.Split(d.view(), "\n") {
			if strings.Contains(l, "│ "+defs.Roles[role].Short+" ") {
				return l
			}
		}
		return ""
	}
	d.typeText("20")
	d.mustSee(thisAnswer(20))
	d.mustSee("on 1 of 12 answers")
	small := share(0)
	if !strings.Contains(small, " 0%") {
		t.Fatalf("20 employees alone should not lean to the COO: %q", small)
	}
	for range 2 {
		d.key("backspace")
	}
	d.typeText("5000")
	d.mustSee(thisAnswer(5000))
	if share(0) == small {
		t.Fatal("the leaning did not follow the typed answer")
	}
	// Narrow terminals hide the panel.
	d.send(windowSize(80, 24))
	d.mustNotSee("LIVE LEANING")
}

func TestEverySizeFitsTheTerminal(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	sizes := [][2]int{{30, 8}, {31, 9}, {40, 12}, {60, 15}, {80, 24}, {99, 30}, {100, 30}, {120, 40}, {250, 80}, {20, 5}, {1, 1}}
	type step struct {
		name string
		keys []string
	}
	steps := []step{
		{"welcome", nil},
		{"first question", []string{"enter"}},
		{"choice question", []string{"enter", "3", "0", "enter", "5", "enter", "2", "enter"}},
		{"help", []string{"?"}},
	}
	for _, size := range sizes {
		for _, st := range steps {
			d := newDriver(t, Options{Defs: defs}, size[0], size[1])
			for _, k := range st.keys {
				d.key(k)
			}
			checkFits(t, d, size, st.name)
		}
		d := newDriver(t, Options{Defs: defs, Answers: answers}, size[0], size[1])
		for _, k := range []string{"", "c", "esc", "a", "enter", "esc", "esc", "e"} {
			if k != "" {
				d.key(k)
			}
			checkFits(t, d, size, d.m.Screen())
		}
	}
}

func checkFits(t *testing.T, d *driver, size [2]int, what string) {
	t.Helper()
	lines := strings.Split(d.view(), "\n")
	if len(lines) > size[1] {
		t.Errorf("%dx%d %s: %d lines", size[0], size[1], what, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > size[0] {
			t.Errorf("%dx%d %s: line %d is %d wide: %q", size[0], size[1], what, i, w, l)
		}
	}
}

func TestResizeRedrawsAtOnce(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "scale-up.yaml")}, 120, 40)
	wide := d.view()
	d.send(windowSize(30, 8))
	narrow := d.view()
	if narrow == wide || len(strings.Split(narrow, "\n")) > 8 {
		t.Fatalf("no redraw for 30x8:\n%s", narrow)
	}
	d.send(windowSize(120, 40))
	if d.view() != wide {
		t.Fatalf("resizing back does not give the same screen:\n%s", d.view())
	}
}

func TestBackgroundColourPicksThePalette(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "has-coo.yaml")
	d := newDriver(t, Options{Defs: defs, Answers: answers}, 80, 24)
	dark := d.m.View().Content
	d.send(tea.BackgroundColorMsg{Color: color.White})
	if d.m.c.styles.isDark {
		t.Fatal("a white background kept the dark palette")
	}
	light := d.m.View().Content
	if light == dark {
		t.Fatal("the light palette renders the same colours as the dark one")
	}
	if ansi.Strip(light) != ansi.Strip(dark) {
		t.Fatal("the palette changed the text, not only its colours")
	}
	d.send(tea.BackgroundColorMsg{Color: color.Black})
	if d.m.View().Content != dark {
		t.Fatal("back on a dark background, the frame differs")
	}
}

func TestChoiceNeedsAPick(t *testing.T) {
	defs := loadDefs(t)
	a := readAnswers(t, defs, "small-business.yaml")
	d := newDriver(t, Options{Defs: defs}, 80, 24)
	d.key("enter")
	d.answerFirst(3, a)
	d.mustSee("4 of 12")
	d.mustNotSee("(•)")
	d.key("enter")
	d.mustSee("4 of 12", "Choose one")
	if _, ok := d.m.c.answers["regulation"]; ok {
		t.Fatal("Enter alone recorded an answer")
	}
	d.key("up") // from nothing, up is the last option
	d.mustSee("› 3 (•) Heavy")
	d.mustNotSee("Choose one")
	d.key("enter")
	d.mustSee("5 of 12")
	if got := d.m.c.answers["regulation"].Choice; got != "heavy" {
		t.Fatalf("regulation = %q", got)
	}
}

func TestZeroPicksTheTenthOption(t *testing.T) {
	defs := loadDefs(t)
	a := readAnswers(t, defs, "small-business.yaml")
	d := newDriver(t, Options{Defs: defs}, 120, 40)
	d.key("enter")
	d.answerFirst(8, a)
	q := defs.Questions[8]
	d.mustSee("0 [ ] " + q.Options[9].Label)
	d.key("0")
	d.mustSee("0 [x] " + q.Options[9].Label)
}

func TestExportNameChoosesTheFormat(t *testing.T) {
	defs := loadDefs(t)
	dir := t.TempDir()
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "scale-up.yaml"), Dir: dir}, 80, 24)
	d.key("e")
	for range 60 {
		d.key("backspace")
	}
	d.typeText("brief.md")
	d.mustSee("(•) markdown")
	d.key("enter")
	b, err := os.ReadFile(filepath.Join(dir, "brief.md"))
	if err != nil || !strings.HasPrefix(string(b), "# Operations leadership: our recommendation\n") || !strings.Contains(string(b), "\n## The decision\n") {
		t.Fatalf("brief.md is not Markdown: %v\n%s", err, b)
	}
	// A name that does not say a format is refused, and nothing written.
	d.key("enter")
	d.key("e")
	for range 60 {
		d.key("backspace")
	}
	d.typeText("brief.pdf")
	d.key("enter")
	d.mustSeeText("End the name in .md: the name must say which format the file holds")
	if _, err := os.Stat(filepath.Join(dir, "brief.pdf")); err == nil {
		t.Fatal("brief.pdf was written")
	}
}

func TestExportFitsSmallTerminals(t *testing.T) {
	defs := loadDefs(t)
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "scale-up.yaml"), Dir: t.TempDir()}, 30, 8)
	d.key("e")
	d.mustSee("› ", "recommendation.txt", "Format: text")
	d.key("enter")
	d.mustSee("› ", "Saved to")
	// Back at a large size, the field shows the whole name again.
	d.key("enter")
	d.key("e")
	d.key("end")
	d.send(windowSize(80, 24))
	d.mustSee("› " + DefaultExportName + ".txt")
}

func TestFullHelpListsEachKeyOnce(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	check := func(d *driver) {
		t.Helper()
		seen := map[string]bool{}
		for _, group := range d.m.keysFor().FullHelp() {
			for _, b := range group {
				if seen[b.Help().Key] {
					t.Errorf("%s: %q listed twice in the full help", d.m.Screen(), b.Help().Key)
				}
				seen[b.Help().Key] = true
			}
		}
		if !seen["?"] && d.m.screen != screenExport {
			t.Errorf("%s: the full help does not say how to close it", d.m.Screen())
		}
	}
	d := newDriver(t, Options{Defs: defs}, 80, 24)
	check(d)
	d.key("enter")
	for i := range defs.Questions {
		check(d)
		d.answer(&defs.Questions[i], answers[defs.Questions[i].ID])
	}
	for _, k := range []string{"", "c", "esc", "a", "esc", "e"} {
		if k != "" {
			d.key(k)
		}
		check(d)
	}
}

func TestLongListsSayThereIsMore(t *testing.T) {
	defs := loadDefs(t)
	a := readAnswers(t, defs, "small-business.yaml")
	d := newDriver(t, Options{Defs: defs}, 40, 10)
	d.key("enter")
	d.answerFirst(8, a)
	d.mustSee("↓ more below")
	for range 9 {
		d.key("down")
	}
	d.mustNotSee("↓ more below")
	d.mustSee("Nothing ever gets")
}

// TestResultsShowRulesPlansAndWhy: the results screen says which roles
// are ruled out and why, what else to plan for, and, on w, the rationale
// of every reason.
func TestResultsShowRulesPlansAndWhy(t *testing.T) {
	defs := loadDefs(t)
	has := readAnswers(t, defs, "has-coo.yaml")
	d := newDriver(t, Options{Defs: defs, Answers: has}, 80, 60)
	// One reason per ruled-out role: the fractional COO is ruled out
	// twice (size, and the COO in place), and shown once.
	if len(d.m.Result().RuledOut) != 3 {
		t.Fatalf("ruled out %+v", d.m.Result().RuledOut)
	}
	seen := map[string]bool{}
	for _, x := range d.m.Result().RuledOut {
		if seen[x.Role] {
			d.mustNotSee(x.Reason[:40])
			continue
		}
		seen[x.Role] = true
		d.mustSeeText("✕ " + x.Reason)
	}

	group := advisor.Answers{
		"employees": {Int: 10000}, "departments": {Int: 20}, "locations": {Int: 40},
		"regulation": {Choice: "heavy"}, "growth": {Choice: "rapid"}, "expansion": {Multi: []string{"acquisitions"}},
		"ceo_ops_time": {Choice: "medium"}, "leadership": {},
		"pain_points": {Multi: []string{"strategy-alignment", "process-optimization", "quality-assurance"}},
	}
	d = newDriver(t, Options{Defs: defs, Answers: group}, 80, 80)
	res := d.m.Result()
	if len(res.AlsoPlan) != 1 {
		t.Fatalf("also plan %+v", res.AlsoPlan)
	}
	d.mustSeeText("+ Plan: " + advisor.PlanText(res.AlsoPlan[0]))
	why := res.Reasons[0].Why
	if why == "" {
		t.Fatal("the first reason has no why")
	}
	d.mustNotSee(why[:30])
	d.key("w")
	d.mustSeeText(why)
	d.key("w")
	d.mustNotSee(why[:30])
}

// TestScoringIsOffTheUpdateLoop: the advice is worked out in a command,
// not in Update, so keys keep working while it runs (a user's definitions
// may make it slow): the screen says so, ctrl+c quits at once, and a
// result that arrives after a restart is dropped.
func TestScoringIsOffTheUpdateLoop(t *testing.T) {
	defs := loadDefs(t)
	a := readAnswers(t, defs, "close-call.yaml")
	full, _ := defs.Complete(a)
	m := New(Options{Defs: defs, Dir: t.TempDir()})
	step := func(msg tea.Msg) tea.Cmd {
		next, cmd := m.Update(msg)
		m = next.(Model)
		return cmd
	}
	step(tea.WindowSizeMsg{Width: 80, Height: 24})
	step(startMsg{})
	var pending tea.Cmd
	for i, q := range defs.Questions {
		pending = step(answeredMsg{index: i, answer: full[q.ID]})
	}
	if m.Screen() != "results" || m.Result() != nil || pending == nil {
		t.Fatalf("screen %s, result %v, command %v: scoring ran inside Update", m.Screen(), m.Result(), pending)
	}
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "Working out the advice") {
		t.Fatalf("no sign of the work:\n%s", v)
	}
	msg := pending()
	scored, ok := msg.(scoredMsg)
	if !ok || scored.res == nil {
		t.Fatalf("the command returned %T", msg)
	}
	// A restart before the result arrives makes it stale.
	step(restartMsg{})
	step(scored)
	if m.Result() != nil {
		t.Fatal("a stale result was shown after a restart")
	}
	// ctrl+c while working quits at once.
	for i, q := range defs.Questions {
		step(answeredMsg{index: i, answer: full[q.ID]})
	}
	if cmd := step(keyMsg("ctrl+c")); cmd == nil || cmd() != tea.Quit() {
		t.Fatal("ctrl+c did not quit while the advice was being worked out")
	}
}

// TestPartialAnswersResumeAtTheFirstOpenQuestion: a partial answers file
// opens at the first question it leaves without an answer or a default,
// asks only the open ones, then shows the results.
func TestPartialAnswersResumeAtTheFirstOpenQuestion(t *testing.T) {
	defs := loadDefs(t)
	full := readAnswers(t, defs, "close-call.yaml")
	partial := full.Clone()
	delete(partial, "growth")
	delete(partial, "pain_points")
	delete(partial, "revenue") // has a default: not asked
	d := newDriver(t, Options{Defs: defs, Answers: partial}, 100, 30)
	d.mustBeOn(screenQuestion)
	growth, _ := defs.Question("growth")
	pains, _ := defs.Question("pain_points")
	d.mustSee(growth.Prompt, "resuming · 2 to go")
	d.answer(growth, full["growth"])
	d.mustBeOn(screenQuestion)
	d.mustSee(pains.Prompt, "resuming · 1 to go")
	d.answer(pains, full["pain_points"])
	d.mustBeOn(screenResults)
	// revenue, not asked, takes its default.
	given := full.Clone()
	delete(given, "revenue")
	want, err := defs.Recommend(given)
	if err != nil {
		t.Fatal(err)
	}
	if d.m.c.result == nil || d.m.c.result.Recommended != want.Recommended || d.m.c.result.Confidence != want.Confidence {
		t.Fatalf("resumed result %+v, want %s at %v", d.m.c.result, want.Recommended, want.Confidence)
	}
	if _, asked := d.m.c.answers["revenue"]; asked {
		t.Error("revenue, which has a default, was asked")
	}
}

// TestDetailsNameTheClientInEveryReport: d on the results asks for the
// client, the preparer and the date; a bad date is explained and kept
// from the report; the details then head the results and the export.
func TestDetailsNameTheClientInEveryReport(t *testing.T) {
	defs := loadDefs(t)
	dir := t.TempDir()
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "small-business.yaml"), Dir: dir}, 100, 30)
	d.mustBeOn(screenResults)
	d.mustNotSee("Acme Ltd")
	d.key("e")
	d.mustSeeText("The brief names no client: esc, then d on the results, to add one.")
	d.key("esc")
	d.key("d")
	d.mustBeOn(screenDetails)
	d.typeText("Acme Ltd")
	d.key("tab")
	d.typeText("Jane Doe")
	d.key("tab")
	for range 10 {
		d.key("backspace")
	}
	d.typeText("2026-02-30")
	d.key("tab")
	d.typeText("Ana (CEO)")
	d.key("enter")
	d.mustBeOn(screenDetails)
	d.mustSee("Date:")
	d.key("shift+tab")
	for range 2 {
		d.key("backspace")
	}
	d.typeText("27")
	d.key("enter") // on to the last field
	d.key("enter")
	d.mustBeOn(screenResults)
	d.mustSeeText("For Acme Ltd · Prepared by Jane Doe · Answers by Ana (CEO) · 27 February 2026")

	// esc leaves the details as they were.
	d.key("d")
	d.typeText(" Group")
	d.key("esc")
	d.mustBeOn(screenResults)
	d.mustNotSee("Acme Ltd Group")

	d.key("e")
	d.mustBeOn(screenExport)
	d.mustNotSee("names no client")
	d.key("enter")
	b, err := os.ReadFile(filepath.Join(dir, DefaultExportName+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Recommendation for Acme Ltd", "Prepared by Jane Doe", "27 February 2026"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("exported brief lacks %q", want)
		}
	}
}

// TestFactorBarsShareOneWidth: at any width, the bars by factor are all
// as long, so that they compare (a factor with longer numbers once got a
// shorter bar).
func TestFactorBarsShareOneWidth(t *testing.T) {
	defs := loadDefs(t)
	for _, w := range []int{50, 64, 80} {
		d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "logistics.yaml")}, w, 60)
		lengths := map[int]bool{}
		for _, l := range strings.Split(d.view(), "\n") {
			n := 0
			for _, r := range l {
				if strings.ContainsRune("█▒▓·", r) {
					n++
				}
			}
			for _, f := range defs.Factors {
				if strings.HasPrefix(strings.TrimSpace(l), f.Title+" ") && n > 0 {
					lengths[n] = true
				}
			}
		}
		if len(lengths) != 1 {
			t.Errorf("at %d columns the factor bars have lengths %v:\n%s", w, lengths, d.view())
		}
	}
}

// exampleTeam is the five answers files of examples/team.
func exampleTeam(t *testing.T, defs *advisor.Definitions, anonymous bool) *advisor.TeamResult {
	t.Helper()
	var people []advisor.Respondent
	for _, n := range []string{"ana", "ben", "cy", "dee", "eve"} {
		path := filepath.Join("..", "examples", "team", n+".yaml")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := defs.ReadAnswers(path, b, false)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, advisor.Respondent{Name: f.Engagement.Respondent, Role: f.Engagement.Role, File: path, Answers: f.Answers})
	}
	tr, err := defs.Team(people, advisor.TeamOptions{Anonymous: anonymous})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestTeamSession: a team's session opens at the team's results, t shows
// who answered and every disagreement, compare counts who named each
// pain, the team's answers are not edited, saved or cleared, and the
// export is the team's brief.
func TestTeamSession(t *testing.T) {
	defs := loadDefs(t)
	tr := exampleTeam(t, defs, false)
	dir := t.TempDir()
	report := testReport
	report.Team = tr
	d := newDriver(t, Options{Defs: defs, Team: tr, Report: report, Dir: dir}, 100, 60)
	d.mustBeOn(screenResults)
	tb := defs.TeamBrief(tr)
	d.mustSeeText("Answers from 5 people", "THE TEAM", tb.Conclusion)
	d.mustSee("t team")

	d.key("t")
	d.mustBeOn(screenTeam)
	d.mustSeeText("THE AGENDA", tb.Landings[0])
	d.key("G")
	d.mustSeeText(defs.DisagreementText(tr, tr.Disagreements[len(tr.Disagreements)-1]), "! would change the advice")
	d.key("esc")
	d.mustBeOn(screenResults)

	d.key("c")
	d.mustBeOn(screenCompare)
	want := tr.Held("pain_points", "performance-monitoring")
	d.mustSeeText(fmt.Sprintf("%d of 5 named it", want), "recommended for the team")
	d.key("esc")

	// a, s and r do nothing: the answers are the team's.
	for _, k := range []string{"a", "s", "r"} {
		d.key(k)
		d.mustBeOn(screenResults)
	}
	d.mustNotSee("Start over?")

	d.key("e")
	d.key("enter")
	b, err := os.ReadFile(filepath.Join(dir, DefaultExportName+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Where the team disagrees") || !strings.Contains(string(b), "Answers from 5 people") {
		t.Errorf("the export is not the team's brief:\n%s", b)
	}
	// Nothing to lose: q quits at once.
	d.key("enter")
	d.key("q")
	if !d.quit {
		t.Error("q did not quit a team's session")
	}
}

// TestErrorsAndHighlightsDifferInEveryProfile: in 16 colours, 256 colours
// and true colour, on light and dark backgrounds, an error never has the
// colour of the highlight, the headings, the brand or a warning.
func TestErrorsAndHighlightsDifferInEveryProfile(t *testing.T) {
	for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor} {
		for _, dark := range []bool{true, false} {
			s := newStyles(dark, p)
			conv := func(c color.Color) string { r, g, b, _ := p.Convert(c).RGBA(); return fmt.Sprint(r, g, b) }
			err := conv(s.errorText.GetForeground())
			for name, c := range map[string]color.Color{
				"selected": s.selected.GetForeground(), "section": s.section.GetForeground(),
				"brand": s.brand.GetBackground(), "warning": s.pain.GetForeground(), "success": s.success.GetForeground(),
			} {
				if conv(c) == err {
					t.Errorf("profile %v, dark %v: the %s colour is the error colour", p, dark, name)
				}
			}
			if conv(s.selected.GetForeground()) == conv(s.text.GetForeground()) {
				t.Errorf("profile %v, dark %v: the selection looks like text", p, dark)
			}
		}
	}
}

// TestPainsMappingOnlyOnRequest: the pain-points question does not say
// which role each pain points to unless the full help is asked for.
func TestPainsMappingOnlyOnRequest(t *testing.T) {
	defs := loadDefs(t)
	pains, _ := defs.Question("pain_points")
	if pains.Detail == "" || strings.Contains(pains.Help+pains.Why, "Operations Director's") {
		t.Fatalf("the question's help still maps pains to roles: %q", pains.Help)
	}
	d := newDriver(t, Options{Defs: defs}, 80, 40)
	d.key("enter")
	d.answerFirst(8, readAnswers(t, defs, "close-call.yaml"))
	d.mustSee(pains.Prompt)
	d.mustNotSee("are a COO's responsibilities")
	d.key("?")
	d.mustSeeText(pains.Detail)
	d.key("?")
	d.mustNotSee("are a COO's responsibilities")
}

// compareContent is every line the compare screen holds, pinned or
// scrolled.
func compareContent(m *compareModel) []string {
	return slices.Concat(m.titles, m.notes, m.rest)
}

// TestDetailsKeepTheRole: the role an answers file or --role gives is not
// typed on the details screen, and editing the details there keeps it:
// the answers saved with s still carry it.
func TestDetailsKeepTheRole(t *testing.T) {
	defs := loadDefs(t)
	dir := t.TempDir()
	report := advisor.ReportOptions{Engagement: advisor.Engagement{Date: "2026-11-26", Respondent: "Ben", Role: "CFO"}, Version: "test"}
	d := newDriver(t, Options{Defs: defs, Answers: readAnswers(t, defs, "small-business.yaml"), Dir: dir, Report: report}, 100, 30)
	d.mustBeOn(screenResults)
	d.mustSeeText("Answers by Ben (CFO)")
	d.key("d")
	d.mustBeOn(screenDetails)
	d.typeText("Acme Ltd")
	for range 4 {
		d.key("enter")
	}
	d.mustBeOn(screenResults)
	d.mustSeeText("For Acme Ltd · Answers by Ben (CFO)")
	d.key("s")
	d.key("enter")
	b, err := os.ReadFile(filepath.Join(dir, DefaultSaveName))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `role: "CFO"`) || !strings.Contains(string(b), `client: "Acme Ltd"`) {
		t.Errorf("the saved answers lose the role:\n%s", b[:min(len(b), 300)])
	}
}
