package tui

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// TestResizeStormKeepsMemoryBounded: Bubble Tea keeps buffers of cells
// for the largest terminal it has drawn on. A storm of sizes up to
// 2000x500 and back, ending large, leaves the program with the memory of
// its largest drawing size (480x160), not of the window's: about 10 MB
// in use, where drawing at 2000x500 kept over 100.
func TestResizeStormKeepsMemoryBounded(t *testing.T) {
	defs := loadDefs(t)
	p, stop := newProgram(context.Background(), Options{
		Defs: defs, Answers: readAnswers(t, defs, "close-call.yaml"), Dir: t.TempDir(), Report: testReport,
		Input: strings.NewReader(""), Output: io.Discard,
		ProgramOptions: []tea.ProgramOption{tea.WithWindowSize(100, 30), tea.WithColorProfile(colorprofile.ANSI256)},
	})
	defer stop()
	type result struct {
		m   tea.Model
		err error
	}
	done := make(chan result)
	go func() {
		m, err := p.Run()
		done <- result{m, err}
	}()
	var sizes []tea.WindowSizeMsg
	for i := 0; i <= 40; i++ {
		sizes = append(sizes, tea.WindowSizeMsg{Width: 100 + i*190/4, Height: 30 + i*47/4})
	}
	for i := len(sizes) - 1; i >= 0; i-- {
		sizes = append(sizes, sizes[i])
	}
	// Ending at the largest: Bubble Tea draws once more as it quits, at
	// the last size it was given.
	sizes = append(sizes, tea.WindowSizeMsg{Width: 2000, Height: 500})
	for _, s := range sizes {
		p.Send(s)
	}
	p.Quit()
	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	m := res.m.(Model)
	if m.c.width != maxWidth || m.c.height != maxHeight {
		t.Errorf("the program laid itself out at %dx%d, want %dx%d", m.c.width, m.c.height, maxWidth, maxHeight)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if mb := ms.HeapAlloc >> 20; mb > 64 {
		t.Errorf("%d MB in use after the storm; the program's largest drawing size takes about 10", mb)
	}
	runtime.KeepAlive(p) // its buffers are what is measured
}
