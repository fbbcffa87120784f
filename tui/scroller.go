package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// scroller shows a window of pre-rendered lines. It replaces the bubbles
// viewport for our screens: the lines are rendered once when the content
// or the size changes, and showing a window of them is a slice, which
// keeps every keypress cheap.
type scroller struct {
	lines  []string
	offset int
	height int
}

func (s *scroller) setLines(lines []string) {
	s.lines = lines
	s.clamp()
}

func (s *scroller) setHeight(h int) {
	s.height = max(1, h)
	s.clamp()
}

func (s *scroller) clamp() {
	s.offset = max(0, min(s.offset, len(s.lines)-s.height))
}

func (s *scroller) scroll(n int) {
	s.offset += n
	s.clamp()
}

// window is the visible part.
func (s *scroller) window() []string {
	end := min(len(s.lines), s.offset+s.height)
	return s.lines[s.offset:end]
}

// canScroll reports whether the content is taller than the window.
func (s *scroller) canScroll() bool { return len(s.lines) > s.height }

// position is "12-31 of 58" for the header, or "" when all lines show.
func (s *scroller) position() string {
	if !s.canScroll() {
		return ""
	}
	end := min(len(s.lines), s.offset+s.height)
	return strconv.Itoa(s.offset+1) + "–" + strconv.Itoa(end) + " of " + strconv.Itoa(len(s.lines))
}

// handleKey scrolls for the navigation keys; other keys do nothing.
func (s *scroller) handleKey(k keyMap, km tea.KeyPressMsg) {
	msg := nameOf(km)
	switch {
	case key.Matches(msg, k.Up):
		s.scroll(-1)
	case key.Matches(msg, k.Down):
		s.scroll(1)
	case key.Matches(msg, k.PageUp):
		s.scroll(-max(1, s.height-1))
	case key.Matches(msg, k.PageDn):
		s.scroll(max(1, s.height-1))
	case key.Matches(msg, k.Top):
		s.offset = 0
	case key.Matches(msg, k.Bottom):
		s.offset = len(s.lines)
		s.clamp()
	}
}
