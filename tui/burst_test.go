package tui

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// TestAPasteWithoutBracketsIsCheapOnEveryScreen: a terminal without
// bracketed paste sends a paste as one key per character, and a megabyte
// of them used to hold the program (and ctrl+c behind it) for up to a
// minute: each key drew the whole frame again, the live leaning and
// the results included, whether or not it changed anything. Here the
// real program reads a paste of 50,000 keys on each screen, then ctrl+c.
// The work is counted in allocations per key, not timed: the keys a
// screen has no use for are dropped before they reach the model, and a
// key that changes the state (a box ticked, a line scrolled) changes it
// at once while the frame is drawn at most as often as the terminal
// shows one (here the clock stands still, so that how many frames are
// drawn does not depend on how fast the machine is). Drawing a frame
// costs hundreds of allocations or more; a key now costs a handful.
func TestAPasteWithoutBracketsIsCheapOnEveryScreen(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	noPains := answers.Clone()
	delete(noPains, "pain_points")
	team := exampleTeam(t, defs, false)
	const n = 50000
	for _, tc := range []struct {
		name  string
		o     Options
		setup string // keys before the paste
		paste string // the character pasted n times
	}{
		{"welcome", Options{}, "", "1"},
		{"a choice question", Options{}, "\r90\r3\r1\r", "z"},
		{"a number question, full", Options{}, "\r", "7"},
		{"the pain points, ticked and unticked", Options{Answers: noPains}, "", "1"},
		{"the pain points, moved through", Options{Answers: noPains}, "", "j"},
		{"results", Options{Answers: answers}, "", "1"},
		{"results, why shown and hidden", Options{Answers: answers}, "", "w"},
		{"results, scrolled", Options{Answers: answers}, "", "j"},
		{"compare", Options{Answers: answers}, "c", "1"},
		{"compare, all roles and the main ones", Options{Answers: answers}, "c", "\t"},
		{"your answers, moved through", Options{Answers: answers}, "a", "j"},
		{"export file name", Options{Answers: answers}, "e", "x"},
		{"save file name", Options{Answers: answers}, "s", "x"},
		{"client details", Options{Answers: answers}, "d", "x"},
		{"team", Options{Team: team}, "t", "j"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.o
			o.Defs, o.Dir, o.Report = defs, t.TempDir(), testReport
			if o.Team != nil {
				o.Report.Team = o.Team
			}
			o.Input = strings.NewReader(tc.setup + strings.Repeat(tc.paste, n) + "\x03")
			o.Output = io.Discard
			stopped := time.Now()
			o.clock = func() time.Time { return stopped }
			o.ProgramOptions = []tea.ProgramOption{tea.WithWindowSize(120, 40), tea.WithColorProfile(colorprofile.ANSI256)}
			p, stop := newProgram(context.Background(), o)
			defer stop()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			final, err := p.Run()
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if m := final.(Model); !m.quitting {
				t.Fatalf("ctrl+c after the paste did not quit; on screen %s", m.screen)
			}
			// Bubble Tea's reading of a key and the update cost a few
			// allocations (a key without text, such as tab, is named
			// anew each time it is matched: up to ten); drawing a frame
			// costs hundreds or thousands.
			if per := float64(after.Mallocs-before.Mallocs) / n; per > 20 {
				t.Errorf("a pasted key costs %.0f allocations", per)
			}
		})
	}
}

// TestPacedFramesShowTheLastState: while keys come faster than frames
// are shown, each changes the state at once and the frame follows: the
// first key after a pause is drawn at once, the rest of the burst once
// the frame interval has passed, whatever the number of keys.
func TestPacedFramesShowTheLastState(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	delete(answers, "pain_points")
	d := newDriver(t, Options{Defs: defs, Answers: answers}, 120, 40)
	now := time.Now()
	d.m.pace = newPacer(func() time.Time { return now })
	d.mustSee("None chosen")
	d.key("1") // after a pause: drawn at once
	d.mustSee("1 chosen")
	frame := d.m.View().Content
	var asked int
	for range 1001 {
		next, cmd := d.m.Update(keyMsg("1"))
		d.m = next.(Model)
		if cmd != nil {
			asked++
		}
	}
	if d.m.View().Content != frame {
		t.Errorf("a frame was drawn within the frame interval:\n%s", d.view())
	}
	if asked != 1 {
		t.Errorf("%d redraws asked for, want one", asked)
	}
	now = now.Add(frameInterval)
	next, _ := d.m.Update(redrawMsg{})
	d.m = next.(Model)
	d.mustSee("None chosen") // 1,002 presses of 1 in all
}

// TestDroppedKeysChangeNothing: the keys Run drops before Update (see
// Model.drops) are those that would change nothing, on every screen and
// in every state checked: handed to the screen all the same, any of them
// leaves the frame as it was and asks nothing of the root.
func TestDroppedKeysChangeNothing(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	noPains := answers.Clone()
	delete(noPains, "pain_points")
	team := exampleTeam(t, defs, false)
	var keys []string
	for r := ' ' + 1; r < 127; r++ {
		keys = append(keys, string(r))
	}
	keys = append(keys, "enter", "esc", "tab", "shift+tab", "space", "up", "down", "backspace", "pgdown", "end", "ctrl+c")
	for _, tc := range []struct {
		name string
		o    Options
		open []string
		fill bool // a paste fills the field first
	}{
		{"welcome", Options{}, nil, false},
		{"full number question", Options{}, []string{"enter"}, true},
		{"choice question", Options{}, []string{"enter", "9", "0", "enter", "3", "enter", "1", "enter"}, false},
		{"pain points", Options{Answers: noPains}, nil, false},
		{"results", Options{Answers: answers}, nil, false},
		{"start over?", Options{Answers: answers}, []string{"r"}, false},
		{"compare", Options{Answers: answers}, []string{"c"}, false},
		{"compare, tab said all show", Options{Answers: answers}, []string{"c", "tab"}, false},
		{"your answers", Options{Answers: answers}, []string{"a"}, false},
		{"full export name", Options{Answers: answers}, []string{"e"}, true},
		{"export done", Options{Answers: answers}, []string{"e", "enter"}, false},
		{"full save name", Options{Answers: answers}, []string{"s"}, true},
		{"full client name", Options{Answers: answers}, []string{"d"}, true},
		{"team", Options{Team: team}, []string{"t"}, false},
		{"quit?", Options{Answers: answers}, []string{"a", "enter", "esc", "q"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.o
			o.Defs = defs
			if o.Team != nil {
				o.Report = testReport
				o.Report.Team = o.Team
			}
			d := newDriver(t, o, 120, 40)
			for _, open := range tc.open {
				d.key(open)
			}
			if tc.fill {
				d.send(tea.PasteMsg{Content: strings.Repeat("7", 5000)})
			}
			// A key kept is not sent: the same screen, unchanged, is
			// tried with the next.
			dropped := 0
			for _, k := range keys {
				if !d.m.drops(keyMsg(k)) {
					continue
				}
				dropped++
				before := d.view()
				// What Update would do but for the drop.
				cmd, up := d.m.screens[d.m.screen].update(keyMsg(k))
				d.m.compose()
				if d.view() != before || cmd != nil || up != nil {
					t.Errorf("%s is dropped, but changes the screen to:\n%s", k, d.view())
				}
			}
			if dropped == 0 && tc.name != "quit?" && tc.name != "start over?" {
				t.Errorf("no key is dropped")
			}
		})
	}
}
