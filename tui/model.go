package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// Model is the root of the interactive advisor. It handles the global
// keys, the terminal size and the screen changes, and passes everything
// else to the screen on show. The whole frame is rendered in Update, when
// something changes; View only returns it.
type Model struct {
	c      *common
	screen screen

	welcome   welcomeModel
	questions []questionModel
	qi        int  // current question
	editing   bool // a question opened from the review screen
	results   resultsModel
	compare   compareModel
	review    reviewModel
	export    exportModel
	save      exportModel // the export screen saving answers
	details   detailsModel
	help      help.Model

	answers advisor.Answers
	result  *advisor.Result

	interrupted bool
	exported    []string // reports written
	saved       []string // answers files written
	quitting    bool
	// scoring numbers the recommendations asked for, so that only the
	// latest one is shown.
	scoring int
	// resuming is set while the questions a partial answers file left
	// open are asked: only those.
	resuming bool
	// dirty is set when answers were given or changed since they were
	// last saved; q then asks before throwing them away.
	dirty       bool
	confirmQuit bool

	frame string
}

// New builds the root model. With answers, it opens at the results.
func New(o Options) Model {
	dir := o.Dir
	if dir == "" {
		dir = "."
	}
	c := &common{defs: o.Defs, width: 80, height: 24, styles: newStyles(true) /* dark until the terminal says */, keys: newKeyMap(), exportDir: dir, protect: o.Protect, report: o.Report}
	format := o.Format
	if format == "" {
		format = advisor.FormatText
	}
	m := Model{
		c:       c,
		welcome: newWelcomeModel(c),
		results: newResultsModel(c),
		compare: newCompareModel(c),
		review:  newReviewModel(c),
		export:  newExportModel(c, o.ExportPath, format),
		save:    newSaveModel(c, o.SavePath),
		details: newDetailsModel(c),
		help:    help.New(),
		answers: advisor.Answers{},
	}
	m.help.Styles = c.styles.help
	if o.Answers != nil {
		m.answers = o.Answers.Clone()
	}
	m.resetQuestions()
	if o.Answers != nil {
		// A partial file resumes at the first question it leaves without
		// an answer or a default; a complete one opens at the results.
		if i := m.firstMissing(); i >= 0 {
			m.screen, m.qi, m.resuming = screenQuestion, i, true
		} else if err := m.computeResult(""); err == nil {
			m.screen = screenResults
		}
	}
	m.layout()
	return m
}

func (m *Model) resetQuestions() {
	m.questions = make([]questionModel, len(m.c.defs.Questions))
	for i, q := range m.c.defs.Questions {
		// A question with a default starts on it, so Enter takes it.
		prev := q.Default
		if a, ok := m.answers[q.ID]; ok {
			prev = &a
		}
		m.questions[i] = newQuestionModel(m.c, i, prev)
	}
	m.qi = 0
}

// Init asks the terminal for its background colour, to pick the palette.
func (m Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update handles a message and renders the new frame.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmds := []tea.Cmd{m.update(msg)}
	for len(m.c.pending) > 0 {
		next := m.c.pending[0]
		m.c.pending = m.c.pending[1:]
		cmds = append(cmds, m.update(next))
	}
	m.compose()
	return m, tea.Batch(cmds...)
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.layout()
		return nil
	case tea.BackgroundColorMsg:
		if dark := msg.IsDark(); dark != m.c.styles.isDark {
			m.c.styles = newStyles(dark)
			m.help.Styles = m.c.styles.help
			m.restyle()
		}
		return nil
	case tea.KeyPressMsg:
		if cmd, done := m.globalKey(msg); done {
			return cmd
		}
	case startMsg:
		m.screen, m.qi, m.editing = screenQuestion, 0, false
		return nil
	case answeredMsg:
		m.dirty = true
		return m.answered(msg)
	case detailsMsg:
		m.c.report.Engagement = msg.engagement
		if m.result != nil {
			m.results.setResult(m.result, "Client details saved; every report carries them.")
		}
		m.dirty = true
		m.show(msg.back)
		if msg.back == screenWelcome {
			m.screen = screenWelcome
		}
		return nil
	case backMsg:
		m.back()
		return nil
	case showMsg:
		m.show(msg.to)
		return nil
	case editMsg:
		q := m.c.defs.Questions[msg.index]
		a := m.answers[q.ID]
		m.questions[msg.index] = newQuestionModel(m.c, msg.index, &a)
		m.qi, m.editing, m.screen = msg.index, true, screenQuestion
		return nil
	case scoredMsg:
		m.scored(msg)
		return nil
	case restartMsg:
		m.scoring++ // a result still being worked out is stale
		m.resuming = false
		m.answers = advisor.Answers{}
		m.result = nil
		m.editing = false
		m.resetQuestions()
		m.screen = screenWelcome
		return nil
	case exportedMsg:
		if msg.err == nil && !msg.exists {
			if msg.answers {
				m.saved = append(m.saved, msg.path)
			} else {
				m.exported = append(m.exported, msg.path)
			}
			// Saved answers, and a JSON report (it reads back as answers),
			// keep the work.
			if msg.answers || msg.format == advisor.FormatJSON {
				m.dirty = false
			}
		}
		if msg.answers {
			var cmd tea.Cmd
			m.save, cmd = m.save.update(msg)
			return cmd
		}
	}
	return m.updateScreen(msg)
}

// globalKey handles the keys that work everywhere. done is false when the
// key belongs to the screen.
func (m *Model) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.c.keys
	if m.confirmQuit {
		// "Quit without saving?": y quits, s saves first, anything else
		// stays.
		m.confirmQuit = false
		switch {
		case key.Matches(msg, k.ForceQuit), msg.String() == "y", msg.String() == "Y":
			m.quitting = true
			return tea.Quit, true
		case msg.String() == "s" && len(m.answers) > 0:
			m.show(screenSave)
		}
		return nil, true
	}
	switch {
	case key.Matches(msg, k.ForceQuit):
		// ctrl+c is an interruption, unless the work was saved.
		m.interrupted = len(m.exported)+len(m.saved) == 0
		m.quitting = true
		return tea.Quit, true
	case m.tooSmall():
		if key.Matches(msg, k.Quit) {
			m.quitting = true
			return tea.Quit, true
		}
		return nil, true
	case key.Matches(msg, k.Quit) && !m.capturesText():
		if m.dirty {
			// Answers nobody saved would be lost: ask first, as start
			// over does.
			m.confirmQuit = true
			return nil, true
		}
		m.quitting = true
		return tea.Quit, true
	case key.Matches(msg, k.Help) && !(m.screen == screenExport && m.export.capturesText()):
		m.help.ShowAll = !m.help.ShowAll
		m.setHeights()
		return nil, true
	}
	return nil, false
}

func (m *Model) capturesText() bool {
	switch m.screen {
	case screenQuestion:
		return m.questions[m.qi].capturesText()
	case screenExport:
		return m.export.capturesText()
	case screenSave:
		return m.save.capturesText()
	case screenDetails:
		return true
	}
	return false
}

func (m *Model) updateScreen(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.screen {
	case screenWelcome:
		m.welcome, cmd = m.welcome.update(msg)
	case screenQuestion:
		m.questions[m.qi], cmd = m.questions[m.qi].update(msg)
	case screenResults:
		m.results, cmd = m.results.update(msg)
	case screenCompare:
		m.compare, cmd = m.compare.update(msg)
	case screenReview:
		m.review, cmd = m.review.update(msg)
	case screenExport:
		m.export, cmd = m.export.update(msg)
	case screenSave:
		m.save, cmd = m.save.update(msg)
	case screenDetails:
		m.details, cmd = m.details.update(msg)
	}
	return cmd
}

func (m *Model) answered(msg answeredMsg) tea.Cmd {
	q := m.c.defs.Questions[msg.index]
	before := m.answers[q.ID]
	m.answers[q.ID] = msg.answer
	switch {
	case m.editing:
		// Edits come from the results, so every question has an answer
		// and a result exists to compare with.
		m.editing = false
		m.screen = screenResults
		was := m.result
		changed := q.FormatValue(before) != q.FormatValue(msg.answer)
		return m.score(func(res *advisor.Result) string {
			if !changed {
				return ""
			}
			return m.changeNotice(&q, before, msg.answer, was, res)
		})
	case m.resuming:
		// Resuming a partial file: only the questions it left open.
		if next := m.nextMissing(msg.index + 1); next >= 0 {
			m.qi = next
			return nil
		}
		m.resuming = false
		m.screen = screenResults
		return m.score(nil)
	case msg.index < len(m.questions)-1:
		m.qi = msg.index + 1
	default:
		m.screen = screenResults
		return m.score(nil)
	}
	return nil
}

// score works out the recommendation off the update loop: a user's
// definitions may make it slow, and keys (ctrl+c above all) must still
// work meanwhile. A newer request makes an older one's result stale;
// notice, when given, says what the change did.
func (m *Model) score(notice func(*advisor.Result) string) tea.Cmd {
	m.scoring++
	gen, defs, answers := m.scoring, m.c.defs, m.answers.Clone()
	m.results.setWorking()
	return func() tea.Msg {
		res, err := defs.Recommend(answers)
		return scoredMsg{gen: gen, res: res, err: err, notice: notice}
	}
}

// scored takes a recommendation worked out by score.
func (m *Model) scored(msg scoredMsg) {
	if msg.gen != m.scoring {
		return // answers changed since: a newer result is on its way
	}
	if msg.err != nil {
		m.results.setError(msg.err.Error())
		return
	}
	notice := ""
	if msg.notice != nil {
		notice = msg.notice(msg.res)
	}
	m.result = msg.res
	m.results.setResult(msg.res, notice)
}

// changeNotice says what an edit did to the advice, from the result before
// the edit (was) to the one after (res).
func (m *Model) changeNotice(q *advisor.Question, before, after advisor.Answer, was, res *advisor.Result) string {
	if was == nil {
		return ""
	}
	title := func(id string) string {
		r, _ := m.c.defs.Role(id)
		return r.Title
	}
	head := fmt.Sprintf("%s: %s → %s.", q.Title, q.Describe(before), q.Describe(after))
	if res.Recommended != was.Recommended {
		return fmt.Sprintf("%s The advice changed from %s to %s.", head, title(was.Recommended), title(res.Recommended))
	}
	return fmt.Sprintf("%s The advice is still %s; confidence %d%% (was %d%%).", head, title(res.Recommended), advisor.Percent(res.Confidence), advisor.Percent(was.Confidence))
}

// firstMissing is the index of the first question from start without an
// answer or a default, or -1.
func (m *Model) firstMissing() int {
	return m.nextMissing(0)
}

func (m *Model) nextMissing(from int) int {
	for i := from; i < len(m.c.defs.Questions); i++ {
		q := &m.c.defs.Questions[i]
		if _, ok := m.answers[q.ID]; !ok && q.Required() {
			return i
		}
	}
	return -1
}

func (m *Model) computeResult(notice string) error {
	res, err := m.c.defs.Recommend(m.answers)
	if err != nil {
		return err
	}
	m.result = res
	m.results.setResult(res, notice)
	return nil
}

func (m *Model) back() {
	switch {
	case m.screen != screenQuestion:
		m.screen = screenResults
	case m.editing:
		m.editing = false
		// Drop the unsaved edit: the answer stays what it was.
		a := m.answers[m.c.defs.Questions[m.qi].ID]
		m.questions[m.qi] = newQuestionModel(m.c, m.qi, &a)
		m.show(screenReview)
	case m.qi > 0:
		m.qi--
	default:
		m.screen = screenWelcome
	}
}

func (m *Model) show(s screen) {
	switch s {
	case screenDetails:
		m.details.open(m.c.report.Engagement, m.screen)
		m.screen = s
		return
	case screenSave:
		back := m.screen
		if back == screenSave || back == screenDetails {
			back = screenResults
		}
		m.save.openSave(m.answers, back)
		m.screen = s
		return
	}
	if m.result == nil && s != screenWelcome && s != screenQuestion {
		return
	}
	switch s {
	case screenCompare:
		m.compare.setResult(m.result)
	case screenReview:
		m.review.setAnswers(m.answers)
	case screenExport:
		m.export.open(m.result)
	}
	m.screen = s
}

// tooSmall reports whether the terminal is below the smallest layout.
func (m *Model) tooSmall() bool { return m.c.width < minWidth || m.c.height < minHeight }

// chrome returns the number of lines above and below the body.
func (m *Model) chrome() (top, bottom int) {
	spacious := m.c.height >= 16
	top, bottom = 1, 1
	if spacious {
		top, bottom = 2, 2
	}
	if m.help.ShowAll {
		bottom += len(m.helpLines()) - 1
	}
	return top, bottom
}

func (m *Model) bodyHeight() int {
	top, bottom := m.chrome()
	return max(1, m.c.height-top-bottom)
}

// layout renders every screen again for the current size.
func (m *Model) layout() {
	m.help.SetWidth(m.c.contentWidth())
	m.restyle()
}

// restyle renders every screen again (size or palette changed).
func (m *Model) restyle() {
	for i := range m.questions {
		m.questions[i].input.SetStyles(inputStyles(m.c.styles))
		m.questions[i].render()
	}
	m.export.input.SetStyles(inputStyles(m.c.styles))
	m.save.input.SetStyles(inputStyles(m.c.styles))
	for i := range m.details.inputs {
		m.details.inputs[i].SetStyles(inputStyles(m.c.styles))
	}
	m.welcome.render()
	m.results.render()
	if m.compare.pains != nil {
		m.compare.render()
	}
	m.review.render()
	m.export.render()
	m.save.render()
	m.details.render()
	m.setHeights()
}

// setHeights gives the scrolling screens the height left by the header
// and the help, which is all a help toggle changes.
func (m *Model) setHeights() {
	h := m.bodyHeight()
	m.results.setHeight(h)
	m.compare.scroll.setHeight(h)
}

func (m *Model) keysFor() helpKeys {
	switch m.screen {
	case screenQuestion:
		return m.questions[m.qi].help(m.editing)
	case screenResults:
		return m.results.help()
	case screenCompare:
		return m.compare.help()
	case screenReview:
		return m.review.help()
	case screenExport:
		return m.export.help()
	case screenSave:
		return m.save.help()
	case screenDetails:
		return m.details.help()
	}
	return m.welcome.help()
}

// headerText is the context shown next to the brand.
func (m *Model) headerText() string {
	switch m.screen {
	case screenQuestion:
		return m.questions[m.qi].header(m.editing)
	case screenResults:
		return "Results"
	case screenCompare:
		return "Compare the roles"
	case screenReview:
		return "Your answers"
	case screenExport:
		return "Export"
	case screenSave:
		return "Save answers"
	case screenDetails:
		return "Client details"
	}
	return "Welcome"
}

// bodyLines returns the screen's lines for a body of the given height.
func (m *Model) bodyLines(h int) []string {
	switch m.screen {
	case screenQuestion:
		lines := m.questions[m.qi].lines(h)
		if m.c.width >= sidePanelMin {
			return m.withPanel(lines, h)
		}
		return lines
	case screenResults:
		return m.results.scroll.window()
	case screenCompare:
		return m.compare.scroll.window()
	case screenReview:
		return clip(m.review.lines, h, m.review.focus)
	case screenExport:
		return m.export.lines(h)
	case screenSave:
		return m.save.lines(h)
	case screenDetails:
		focus := 0
		if m.details.focus < len(m.details.fields) {
			focus = m.details.fields[m.details.focus]
		}
		return clip(m.details.lines, h, focus)
	}
	return clip(m.welcome.lines, h, -1)
}

// withPanel puts the live leaning beside the question.
func (m *Model) withPanel(question []string, h int) []string {
	panel := strings.Split(m.leaningPanel(), "\n")
	qw := m.questions[m.qi].width()
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
func (m *Model) leaningPanel() string {
	s := m.c.styles
	d := m.c.defs
	q := &m.questions[m.qi]
	answers := m.answers.Clone()
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
	var lines []string
	lines = append(lines, s.section.Render("LIVE LEANING"))
	total := 0.0
	for _, sc := range scores {
		total += sc.Points.Float()
	}
	for i, sc := range scores {
		pct := fmt.Sprintf("%3d%%", advisor.Percent(sc.Share))
		barW := inner - nameW - 6
		name := ansi.Truncate(d.Roles[i].Short, nameW, "…")
		if total == 0 {
			lines = append(lines, s.text.Render(padTo(name, nameW))+" "+s.barEmpty.Render(strings.Repeat("·", max(1, barW)))+" "+s.faint.Render(" --%"))
			continue
		}
		lines = append(lines, s.text.Render(padTo(name, nameW))+" "+m.c.bar(sc.Share, max(1, barW), roleGlyph(i), s.role(i))+" "+s.text.Render(pct))
	}
	answered := len(answers)
	lines = append(lines, "", s.faint.Render(fmt.Sprintf("%d of %d answered", answered, len(d.Questions))))
	if ok {
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

// compose renders the whole frame: header, body and help footer.
func (m *Model) compose() {
	if m.quitting {
		m.frame = ""
		return
	}
	s := m.c.styles
	w, h := m.c.width, m.c.height
	if m.tooSmall() {
		msg := fmt.Sprintf("COO Advisor needs a terminal of at least %d×%d (this one is %d×%d). Make it bigger, or press q to quit.", minWidth, minHeight, w, h)
		lines := wrapLines(msg, max(1, w))
		m.frame = strings.Join(clip(lines, max(1, h), -1), "\n")
		return
	}
	cw := m.c.contentWidth()
	top, bottom := m.chrome()
	bh := max(1, h-top-bottom)

	lines := make([]string, 0, h)
	brand := s.brand.Render("COO Advisor")
	ctx := s.header.Render(m.headerText())
	right := ""
	switch m.screen {
	case screenResults:
		right = m.results.scroll.position()
	case screenCompare:
		right = m.compare.scroll.position()
	case screenQuestion:
		if m.resuming {
			// Resuming a partial file: how many of its gaps are left.
			left := 0
			for i := m.nextMissing(m.qi); i >= 0; i = m.nextMissing(i + 1) {
				left++
			}
			right = fmt.Sprintf("resuming · %d to go", max(1, left))
		}
	}
	headerLine := brand + " " + ctx
	if lipgloss.Width(headerLine) > cw {
		headerLine = ctx // narrow: the context matters more than the name
	}
	if right != "" {
		if gap := cw - lipgloss.Width(headerLine) - lipgloss.Width(right); gap >= 2 {
			headerLine += strings.Repeat(" ", gap) + s.faint.Render(right)
		}
	}
	lines = append(lines, fit(headerLine, cw))
	if top > 1 {
		lines = append(lines, "")
	}
	// Body lines are wrapped to the width when rendered (the tests check
	// every screen at many sizes), so they are not measured again here.
	body := m.bodyLines(bh)
	if m.confirmQuit {
		prompt := wrapLines(s.pain.Render("Quit without saving your answers? y quits, s saves them first, any other key stays."), cw)
		body = append(prompt, body...)
	}
	for i := 0; i < bh; i++ {
		if i < len(body) {
			lines = append(lines, body[i])
		} else {
			lines = append(lines, "")
		}
	}
	if bottom > 1 && !m.help.ShowAll {
		lines = append(lines, "")
	}
	lines = append(lines, m.helpLines()...)
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = " " + l
	}
	m.frame = strings.Join(lines, "\n")
}

// helpLines renders the footer help, reusing the last rendering while the
// bindings, the width and the mode stay the same.
func (m *Model) helpLines() []string {
	keys := m.keysFor()
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%t|%t|", m.c.width, m.help.ShowAll, m.c.styles.isDark)
	for _, group := range keys.FullHelp() {
		for _, k := range group {
			if k.Enabled() {
				b.WriteString(k.Help().Key + "=" + k.Help().Desc + ";")
			}
		}
	}
	for _, k := range keys.ShortHelp() {
		b.WriteString(k.Help().Key + "=" + k.Help().Desc + ",")
	}
	cacheKey := b.String()
	if m.c.helpCache.key != cacheKey {
		lines := strings.Split(m.help.View(keys), "\n")
		for i, l := range lines {
			lines[i] = fit(l, m.c.contentWidth())
		}
		m.c.helpCache.key, m.c.helpCache.lines = cacheKey, lines
	}
	return m.c.helpCache.lines
}

// fit cuts a line that is wider than width; lines are wrapped when
// rendered, so this only guards against the unforeseen.
func fit(line string, width int) string {
	if lipgloss.Width(line) > width {
		return ansi.Truncate(line, width, "…")
	}
	return line
}

// View returns the frame rendered by the last Update.
func (m Model) View() tea.View {
	v := tea.NewView(m.frame)
	v.AltScreen = true
	v.WindowTitle = "COO Advisor"
	return v
}

// Screen is the name of the screen on show, for tests.
func (m Model) Screen() string { return m.screen.String() }

// Result is the current recommendation, or nil before the last answer.
func (m Model) Result() *advisor.Result { return m.result }
