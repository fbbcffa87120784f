package tui

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
)

func loadDefs(t testing.TB) *advisor.Definitions {
	t.Helper()
	d, err := data.Load()
	if err != nil {
		t.Fatalf("built-in definitions: %v", err)
	}
	return d
}

// readAnswers parses one of the example answers files of the repository.
func readAnswers(t testing.TB, d *advisor.Definitions, name string) advisor.Answers {
	t.Helper()
	path := filepath.Join("..", "examples", name)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.ParseAnswers(path, b)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// driver drives the root model the way Bubble Tea would: every message
// goes through Update, and the commands it returns are run and their
// messages fed back (except the program-level ones, such as quitting).
type driver struct {
	t    testing.TB
	m    Model
	quit bool
}

func newDriver(t testing.TB, o Options, w, h int) *driver {
	t.Helper()
	if o.Defs == nil {
		o.Defs = loadDefs(t)
	}
	if o.Dir == "" {
		o.Dir = t.TempDir()
	}
	if o.Report == (advisor.ReportOptions{}) {
		o.Report = testReport
	}
	d := &driver{t: t, m: New(o)}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	d.run(cmd, 0)
}

// run executes a command and feeds back what it returns, following
// batches; blink and tick commands of text fields are skipped by type.
func (d *driver) run(cmd tea.Cmd, depth int) {
	if cmd == nil || depth > 8 {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c, depth+1)
		}
	case tea.QuitMsg:
		d.quit = true
	case exportedMsg, answeredMsg, backMsg, showMsg, editMsg, restartMsg, startMsg, scoredMsg:
		next, c := d.m.Update(msg)
		d.m = next.(Model)
		d.run(c, depth+1)
	}
}

// key sends one key: "enter", "esc", "shift+tab", "ctrl+c", "space",
// "up", "down", "tab", "backspace", or a single character.
func (d *driver) key(k string) {
	d.t.Helper()
	d.send(keyMsg(k))
}

// typeText sends each character of s as a key.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// view is the frame without escape codes.
func (d *driver) view() string { return ansi.Strip(d.m.View().Content) }

func (d *driver) mustSee(parts ...string) {
	d.t.Helper()
	v := d.view()
	for _, p := range parts {
		if !strings.Contains(v, p) {
			d.t.Fatalf("screen %s does not show %q:\n%s", d.m.Screen(), p, v)
		}
	}
}

func (d *driver) mustNotSee(parts ...string) {
	d.t.Helper()
	v := d.view()
	for _, p := range parts {
		if strings.Contains(v, p) {
			d.t.Fatalf("screen %s shows %q but should not:\n%s", d.m.Screen(), p, v)
		}
	}
}

func (d *driver) mustBeOn(s screen) {
	d.t.Helper()
	if d.m.screen != s {
		d.t.Fatalf("on screen %s, want %s:\n%s", d.m.screen, s, d.view())
	}
}

// answer types the keys that give answer a to question q, the one on
// show, from a fresh question screen.
func (d *driver) answer(q *advisor.Question, a advisor.Answer) {
	d.t.Helper()
	switch d.m.questions().cur().input.(type) {
	case *integerField:
		// Clear whatever the field holds.
		for range 20 {
			d.key("backspace")
		}
		d.typeText(q.FormatValue(a))
	case *choiceField:
		_, i := q.Option(a.Choice)
		d.key(string(rune('1' + i)))
	case *multiField:
		for _, v := range a.Multi {
			_, i := q.Option(v)
			for range i {
				d.key("down")
			}
			d.key("space")
			for range i {
				d.key("up")
			}
		}
	}
	d.key("enter")
}

// answerFirst answers the first n questions, from the first one.
func (d *driver) answerFirst(n int, a advisor.Answers) {
	d.t.Helper()
	for i := range n {
		q := &d.m.c.defs.Questions[i]
		d.answer(q, a[q.ID])
	}
}

// walk answers every question from the welcome screen.
func (d *driver) walk(a advisor.Answers) {
	d.t.Helper()
	d.mustBeOn(screenWelcome)
	d.key("enter")
	for i := range d.m.c.defs.Questions {
		q := &d.m.c.defs.Questions[i]
		d.mustBeOn(screenQuestion)
		if d.m.questions().qi != i {
			d.t.Fatalf("on question %d, want %d", d.m.questions().qi, i)
		}
		d.answer(q, a[q.ID])
	}
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// mustSeeText is mustSee for text that may be wrapped over several lines:
// it compares with all whitespace removed.
func (d *driver) mustSeeText(parts ...string) {
	d.t.Helper()
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	v := squash(d.view())
	for _, p := range parts {
		if !strings.Contains(v, squash(p)) {
			d.t.Fatalf("screen %s does not show %q:\n%s", d.m.Screen(), p, d.view())
		}
	}
}

// testReport is what reports carry in tests: a fixed date, so that they
// are the same every day.
var testReport = advisor.ReportOptions{Engagement: advisor.Engagement{Date: "2026-11-26"}, Version: "test"}

// backgroundMsg is the terminal reporting a dark or a light background.
func backgroundMsg(dark bool) tea.BackgroundColorMsg {
	if dark {
		return tea.BackgroundColorMsg{Color: color.Black}
	}
	return tea.BackgroundColorMsg{Color: color.White}
}
