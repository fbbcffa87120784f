package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/coo-advisor/coo-advisor/data"
)

// teamPeople are the labels of examples/team on the team screen (each
// person's role), or their first word where a narrow column puts the
// rest on a second line.
var teamPeople = []string{"CEO", "CFO", "Head of Sales", "Head of Depots", "Board member"}

func startTeam(t *testing.T, w, h int) *tmuxSession {
	t.Helper()
	var files []string
	for _, n := range []string{"ana", "ben", "cy", "dee", "eve"} {
		f, err := filepath.Abs(filepath.Join("..", "..", "examples", "team", n+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	s := startTmux(t, w, h, t.TempDir(), append([]string{"team"}, files...)...)
	s.waitFor("t team")
	s.keys("t")
	s.waitFor("THE TEAM", "THE AGENDA")
	return s
}

// pageDownUntil presses PgDn until the screen shows want, checking that
// every page fits the terminal, and returns that screen and every page
// it saw.
func (s *tmuxSession) pageDownUntil(want string, w, h int) (string, []string) {
	s.t.Helper()
	prev := ""
	var pages []string
	for range 60 {
		screen := s.screen()
		pages = append(pages, screen)
		checkScreenFits(s.t, screen, w, h)
		checkWholeCharacters(s.t, screen)
		if strings.Contains(screen, want) {
			return screen, pages
		}
		if screen == prev {
			s.t.Fatalf("the screen stopped scrolling before %q:\n%s", want, screen)
		}
		prev = screen
		s.keys("PgDn")
		s.waitForChange(screen)
	}
	s.t.Fatalf("%q is not on the team screen", want)
	return "", nil
}

// waitForChange waits a little for the screen to differ from before.
func (s *tmuxSession) waitForChange(before string) {
	for range 40 {
		if s.screen() != before {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkWholeCharacters fails on a character cut in half: invalid UTF-8
// or a replacement character where a wide or multi-byte one was split.
func checkWholeCharacters(t *testing.T, screen string) {
	t.Helper()
	if !utf8.ValidString(screen) || strings.ContainsRune(screen, utf8.RuneError) {
		t.Errorf("a character is cut on screen:\n%s", screen)
	}
}

// gridRow finds the grid's header (a line naming every person) and
// returns it with the first line under it that starts with a question's
// title and has an answer under each person's name.
func gridRow(t *testing.T, screen string) (head, row string, ok bool) {
	t.Helper()
	defs, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		var cols []int
		from := 0
		for _, p := range teamPeople {
			// Columns in cells: the labels are ASCII, what is before them
			// may not be. A label's first word, left to right (a narrow
			// column puts the rest under it).
			w := strings.Fields(p)[0]
			if k := strings.Index((l + " ")[from:], " "+w+" "); k >= 0 {
				cols = append(cols, uniseg.StringWidth(l[:from+k+1]))
				from += k + 1 + len(w)
			}
		}
		if len(cols) != len(teamPeople) {
			continue
		}
		for _, r := range lines[i+1:] {
			title := ""
			for _, q := range defs.Questions {
				if strings.HasPrefix(strings.TrimSpace(r), q.Title+" ") {
					title = q.Title
				}
			}
			if title == "" {
				continue
			}
			cells := []rune(r)
			filled := true
			for _, c := range cols {
				// The rule and the answers: something at each column.
				filled = filled && c < len(cells) && cells[c] != ' '
			}
			if filled {
				return l, r, true
			}
		}
	}
	return "", "", false
}

// TestTmuxTeamScreen: the t screen a facilitator projects, at 100x30 and
// 80x24: the conclusion and the agenda on the first page, then a grid of
// people against questions (each person's name over a column, a
// question's row with an answer in each), and, scrolling on, every
// disagreement with the legend of its marks.
func TestTmuxTeamScreen(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			s := startTeam(t, w, h)
			screen := s.waitFor("THE TEAM", "THE AGENDA", "1. ")
			checkScreenFits(t, screen, w, h)
			if strings.Index(screen, "THE AGENDA") > strings.Index(screen, "WHERE EACH MEMBER LANDS") && strings.Contains(screen, "WHERE EACH MEMBER LANDS") {
				t.Errorf("the agenda is not before where each member lands:\n%s", screen)
			}

			screen, _ = s.pageDownUntil("THE ANSWERS", w, h)
			// The grid may start on the next page.
			head, row, ok := gridRow(t, screen)
			for range 3 {
				if ok {
					break
				}
				s.keys("PgDn")
				s.waitForChange(screen)
				screen = s.screen()
				head, row, ok = gridRow(t, screen)
			}
			if !ok {
				t.Fatalf("no grid of people against questions on screen:\n%s", screen)
			}
			t.Logf("grid:\n%s\n%s", head, row)

			s.pageDownUntil("WHERE THE TEAM DISAGREES", w, h)
			s.keys("G")
			screen = s.waitFor("! would change the advice", "⇄ two camps")
			checkScreenFits(t, screen, w, h)
		})
	}
}

// TestTmuxTeamScreenAt50x15: on a narrow terminal the team screen still
// fits: every page, from the agenda through the answers (a paragraph per
// question instead of columns) to the disagreements, has no line wider
// than the terminal and no character cut in half.
func TestTmuxTeamScreenAt50x15(t *testing.T) {
	s := startTeam(t, 50, 15)
	s.pageDownUntil("THE ANSWERS", 50, 15)
	_, pages := s.pageDownUntil("Everyone alike", 50, 15)
	// Each person's answers are there, and no line of them (a line with
	// the grid's " · " between people) breaks inside a label ("Head of" at
	// the end of a line, "Sales" on the next).
	all := strings.Join(pages, "\n")
	for _, p := range teamPeople {
		if !strings.Contains(strings.Join(strings.Fields(all), " "), p+" ") {
			t.Errorf("the answers at 50 columns do not name %s:\n%s", p, all)
		}
	}
	for _, l := range strings.Split(all, "\n") {
		l = strings.TrimSpace(l)
		if !strings.Contains(l, " · ") {
			continue
		}
		for _, p := range teamPeople {
			words := strings.Fields(p)
			for k := 1; k < len(words); k++ {
				if part := strings.Join(words[:k], " "); strings.HasSuffix(l, " "+part) || l == part {
					t.Errorf("a line breaks inside the label %s: %q", p, l)
				}
			}
		}
	}
	s.pageDownUntil("WHERE THE TEAM DISAGREES", 50, 15)
	s.keys("G")
	screen := s.waitFor("! would change the advice")
	checkScreenFits(t, screen, 50, 15)
	checkWholeCharacters(t, screen)
}
