package tui

import (
	"strings"
	"testing"
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
