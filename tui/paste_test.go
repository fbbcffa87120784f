package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// TestAFullFieldDropsKeysCheaply: without bracketed paste a terminal
// sends a paste as one key per character. Once a field is full, each of
// them is dropped with next to no work: the field is not updated and the
// frame is not drawn again (drawing it allocates a hundred times or
// more), so that a megabyte pasted neither freezes the program nor holds
// up ctrl+c behind it. The keys that are not text still work.
func TestAFullFieldDropsKeysCheaply(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "close-call.yaml")
	for _, tc := range []struct {
		name  string
		o     Options
		open  []string // keys that reach the field
		limit int
	}{
		{"number question", Options{Defs: defs}, []string{"enter"}, 16},
		{"client details", Options{Defs: defs, Answers: answers}, []string{"d"}, 200},
		{"export file name", Options{Defs: defs, Answers: answers}, []string{"e"}, 4096},
		{"save file name", Options{Defs: defs, Answers: answers}, []string{"s"}, 4096},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDriver(t, tc.o, 80, 24)
			for _, k := range tc.open {
				d.key(k)
			}
			// A bracketed paste fills the field to its limit in one go;
			// the keys after it come one by one.
			d.send(tea.PasteMsg{Content: strings.Repeat("7", tc.limit+100)})
			d.typeText("777")
			before := d.m.View().Content
			key := tea.KeyPressMsg{Code: '7', Text: "7"}
			var m tea.Model = d.m
			allocs := testing.AllocsPerRun(200, func() { m, _ = m.Update(key) })
			// Update returns the model as an interface: that, and no
			// more.
			if allocs > 4 {
				t.Errorf("a key the full field drops costs %.0f allocations; drawing the frame again costs about a hundred", allocs)
			}
			d.m = m.(Model)
			if d.m.View().Content != before {
				t.Errorf("a dropped key changed the screen:\n%s", d.view())
			}
			if n := utf8.RuneCountInString(fieldValue(d)); n != tc.limit {
				t.Errorf("the field holds %d characters, want %d", n, tc.limit)
			}
			// Keys that are not text still reach the field: backspace
			// makes room for one more.
			d.key("backspace")
			d.typeText("8")
			if v := fieldValue(d); !strings.HasSuffix(v, "8") || utf8.RuneCountInString(v) != tc.limit {
				t.Errorf("after backspace and 8 the field holds %q", v)
			}
			d.key("ctrl+c")
			if !d.quit {
				t.Error("ctrl+c did not quit from a full field")
			}
		})
	}
}

// TestAFullNumberFieldStillTakesHelp: ? is help on a number question,
// full or not.
func TestAFullNumberFieldStillTakesHelp(t *testing.T) {
	d := newDriver(t, Options{}, 80, 24)
	d.key("enter")
	d.typeText(strings.Repeat("1", 20))
	d.key("?")
	if !d.m.help.ShowAll {
		t.Fatalf("? on a full number field did not show the full help:\n%s", d.view())
	}
}

// fieldValue is the text of the field being typed in.
func fieldValue(d *driver) string {
	switch s := d.m.screens[d.m.screen].(type) {
	case *questionsScreen:
		return s.cur().input.(*integerField).input.Value()
	case *detailsModel:
		return s.inputs[s.focus].Value()
	case *exportModel:
		return s.input.Value()
	}
	d.t.Fatalf("no field on screen %s", d.m.screen)
	return ""
}
