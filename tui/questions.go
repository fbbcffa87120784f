package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/coo-advisor/coo-advisor/advisor"
)

const screenQuestion screen = "question"

// questionsScreen asks the questions, one at a time, with the live
// leaning beside them on wide terminals. It keeps every question's state
// while the user moves back and forth, so an answer is never lost.
type questionsScreen struct {
	c  *common
	qs []questionModel
	qi int // the question on show
	// editing is set for a question opened from the review screen.
	editing bool
	// resuming is set while the questions a partial answers file left
	// open are asked: only those.
	resuming bool
}

func newQuestionsScreen(c *common) *questionsScreen {
	m := &questionsScreen{c: c}
	m.reset()
	return m
}

// reset builds every question afresh from the answers as they stand, and
// goes back to the first.
func (m *questionsScreen) reset() {
	m.qs = make([]questionModel, len(m.c.defs.Questions))
	for i, q := range m.c.defs.Questions {
		// A question with a default starts on it, so Enter takes it.
		prev := q.Default
		if a, ok := m.c.answers[q.ID]; ok {
			prev = &a
		}
		m.qs[i] = newQuestionModel(m.c, i, prev)
	}
	m.qi, m.editing, m.resuming = 0, false, false
}

// open changes nothing: the root says which question to show (start,
// edit, resume), and each keeps its state between visits.
func (m *questionsScreen) open(screen) {}

// start goes to the first question.
func (m *questionsScreen) start() { m.qi, m.editing = 0, false }

// resume goes to question i, the first a partial answers file leaves
// open, to ask only those.
func (m *questionsScreen) resume(i int) { m.qi, m.resuming = i, true }

// edit opens question i for editing, with its answer as it stands.
func (m *questionsScreen) edit(i int) {
	a := m.c.answers[m.c.defs.Questions[i].ID]
	m.qs[i] = newQuestionModel(m.c, i, &a)
	m.qi, m.editing = i, true
}

// cancelEdit drops an edit not confirmed: the answer stays what it was.
func (m *questionsScreen) cancelEdit() {
	m.edit(m.qi)
	m.editing = false
}

// advance moves on once question index is answered: to the next question
// to ask, or done when there is none (a whole walk-through, or the gaps of
// a partial file, is answered).
func (m *questionsScreen) advance(index int) (done bool) {
	next := index + 1
	if m.resuming {
		next = m.nextMissing(next)
	}
	if next < 0 || next >= len(m.qs) {
		m.resuming = false
		return true
	}
	m.qi = next
	return false
}

// back leaves the question on show: for the previous question (the
// screen stays), the review screen (an edit dropped) or the welcome
// screen (from the first question).
func (m *questionsScreen) back() screen {
	switch {
	case m.editing:
		m.cancelEdit()
		return screenReview
	case m.qi > 0:
		m.qi--
		return screenQuestion
	}
	return screenWelcome
}

// nextMissing is the index of the first question from `from` on without
// an answer or a default, or -1.
func (m *questionsScreen) nextMissing(from int) int {
	return m.c.defs.NextToAsk(m.c.answers, from)
}

func (m *questionsScreen) cur() *questionModel { return &m.qs[m.qi] }

func (m *questionsScreen) update(msg tea.Msg) (tea.Cmd, tea.Msg) { return m.cur().update(msg) }

func (m *questionsScreen) help() helpKeys { return m.cur().help(m.editing) }

func (m *questionsScreen) typing() typing { return m.cur().typing() }

func (m *questionsScreen) relayout() {
	for i := range m.qs {
		m.qs[i].input.restyle()
		m.qs[i].render()
	}
}

// header is the question's place; while resuming, how many of the
// file's gaps are left.
func (m *questionsScreen) header() (string, string) {
	status := ""
	if m.resuming {
		left := 0
		for i := m.nextMissing(m.qi); i >= 0; i = m.nextMissing(i + 1) {
			left++
		}
		status = fmt.Sprintf("resuming · %d to go", max(1, left))
	}
	return m.cur().header(m.editing), status
}

func (m *questionsScreen) body(h int) []string {
	lines := m.cur().lines(h)
	if m.c.width >= sidePanelMin {
		return m.withPanel(lines, h)
	}
	return lines
}

// withPanel puts the live leaning beside the question.
func (m *questionsScreen) withPanel(question []string, h int) []string {
	panel := strings.Split(m.leaningPanel(), "\n")
	qw := m.cur().width()
	out := make([]string, 0, h)
	for i := 0; i < min(h, max(len(question), len(panel))); i++ {
		l, r := "", ""
		if i < len(question) {
			l = question[i]
		}
		if i < len(panel) {
			r = panel[i]
		}
		out = append(out, padTo(l, qw)+"  "+r)
	}
	return out
}

// leaningPanel shows how the answers so far, with the one on screen,
// share out between the roles.
func (m *questionsScreen) leaningPanel() string {
	s := m.c.styles
	d := m.c.defs
	q := m.cur()
	answers := m.c.answers.Clone()
	cur, ok := q.tentative()
	if ok {
		answers[q.q.ID] = cur
	} else {
		delete(answers, q.q.ID)
	}
	scores := d.Leaning(answers)
	inner := panelWidth - 4
	nameW := 0
	for _, r := range d.Roles {
		nameW = max(nameW, lipgloss.Width(r.Short))
	}
	nameW = min(nameW, inner/2)
	// The leaning says what it rests on: after one answer, a role's 100%
	// means little, and says so.
	answered := len(answers)
	var lines []string
	lines = append(lines, s.section.Render("LEANING SO FAR"))
	lines = append(lines, wrapLines(s.faint.Render(fmt.Sprintf("on %d of %d answers", answered, len(d.Questions))), inner)...)
	total := 0.0
	shares := make([]float64, len(scores))
	for i, sc := range scores {
		total += sc.Points.Float()
		shares[i] = sc.Share
	}
	// Whole percentages that add up to 100.
	pcts := advisor.Percents(shares)
	for i, sc := range scores {
		pct := fmt.Sprintf("%3d%%", pcts[i])
		barW := inner - nameW - 6
		name := ansi.Truncate(d.Roles[i].Short, nameW, "…")
		if total == 0 {
			lines = append(lines, s.text.Render(padTo(name, nameW))+" "+s.barEmpty.Render(strings.Repeat("·", max(1, barW)))+" "+s.faint.Render(" --%"))
			continue
		}
		lines = append(lines, s.text.Render(padTo(name, nameW))+" "+m.c.bar(sc.Share, max(1, barW), roleGlyph(i), s.role(i))+" "+s.text.Render(pct))
	}
	if ok {
		lines = append(lines, "")
		pts := make(advisor.Weights, len(d.Roles))
		for i, sc := range d.Leaning(advisor.Answers{q.q.ID: cur}) {
			pts[i] = sc.Points
		}
		lines = append(lines, wrapLines(s.faint.Render("This answer: ")+s.text.Render(shortPoints(d, pts)), inner)...)
	}
	return m.c.box(lines, panelWidth)
}

// shortPoints is "+3 Ops Director" with the roles' short names.
func shortPoints(d *advisor.Definitions, w advisor.Weights) string {
	var parts []string
	for i, r := range d.Roles {
		if w[i] != 0 {
			parts = append(parts, "+"+advisor.FormatPoints(w[i])+" "+r.Short)
		}
	}
	if len(parts) == 0 {
		return "no points"
	}
	return strings.Join(parts, ", ")
}

func (m *questionsScreen) refuses(km tea.KeyPressMsg) bool { return m.cur().refuses(km) }
