package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkKeypress measures Update plus View for one keypress on each
// screen at 120x40, the work Bubble Tea does for every key. Keys alternate
// so that the state stays put: each iteration is a real change (a scroll,
// a toggle, a typed digit), never a no-op.
func BenchmarkKeypress(b *testing.B) {
	defs := loadDefs(b)
	answers := readAnswers(b, defs, "close-call.yaml")
	cases := []struct {
		name    string
		answers bool
		setup   []string
		keys    []string
	}{
		{"welcome", false, nil, []string{"?", "?"}},
		{"question-integer", false, []string{"enter", "1", "2"}, []string{"0", "backspace"}},
		{"question-choice", false, []string{"enter", "9", "0", "enter", "5", "enter", "2", "enter"}, []string{"down", "up"}},
		{"question-multi", false, []string{"enter", "9", "0", "enter", "5", "enter", "2", "enter", "enter", "enter"}, []string{"space", "down", "space", "up"}},
		{"results", true, nil, []string{"down", "up"}},
		{"compare", true, []string{"c"}, []string{"down", "up"}},
		{"review", true, []string{"a"}, []string{"down", "up"}},
		{"export", true, []string{"e"}, []string{"x", "backspace"}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			o := Options{Defs: defs, Dir: b.TempDir()}
			if tc.answers {
				o.Answers = answers
			}
			d := newDriver(b, o, 120, 40)
			for _, k := range tc.setup {
				d.key(k)
			}
			want := d.m.screen
			msgs := make([]tea.Msg, len(tc.keys))
			for i, k := range tc.keys {
				msgs[i] = keyMsg(k)
			}
			var m tea.Model = d.m
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				m, _ = m.Update(msgs[i%len(msgs)])
				_ = m.View()
			}
			b.StopTimer()
			if got := m.(Model).screen; got != want {
				b.Fatalf("benchmark left screen %s for %s", want, got)
			}
		})
	}
}
