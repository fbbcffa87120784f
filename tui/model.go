package tui

import (
	"bytes"
	"fmt"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// Model is the root of the interactive advisor. It handles the global
// keys, the terminal size and the screen changes, and passes everything
// else to the screen on show. The whole frame is rendered in Update, when
// something changes; View only returns it.
type Model struct {
	c *common
	// screen is the screen on show; only show changes it.
	screen screen
	// screens holds every screen of the registry, by its id: the root
	// reaches them through the component interface.
	screens map[screen]component
	// help is shared by pointer: Bubble Tea copies the model on every
	// message, and its styles make up most of it.
	help *help.Model

	interrupted bool
	exported    []string // reports written
	saved       []string // answers files written
	quitting    bool
	// scoring numbers the recommendations asked for, so that only the
	// latest one is shown.
	scoring int
	// keptAnswers (as an answers file writes them) and keptDetails are
	// what the last answers file or JSON report written holds, or what
	// the session opened with: q asks before throwing away anything else.
	keptAnswers []byte
	keptDetails advisor.Engagement
	confirmQuit bool

	frame string
	// stale is set while the frame does not show the state: the pacer
	// put off drawing it.
	stale bool
	pace  *pacer
	// suspend lets ctrl+z suspend the program (Options.suspend).
	suspend bool
	// still is set when a message changed nothing (a key a full field
	// drops): the frame is not drawn again.
	still bool
}

// New builds the root model. With answers, it opens at the results.
func New(o Options) Model {
	dir := o.Dir
	if dir == "" {
		dir = "."
	}
	c := &common{defs: o.Defs, width: 80, height: 24, styles: newStyles(true, colorprofile.ANSI256) /* dark and 256 colours until the terminal says */, keys: newKeyMap(), exportDir: dir, protect: o.Protect, report: o.Report}
	if o.Format == "" {
		o.Format = advisor.FormatText
	}
	c.answers = advisor.Answers{}
	if o.Answers != nil {
		c.answers = o.Answers.Clone()
	}
	h := help.New()
	m := Model{c: c, screen: screenWelcome, screens: make(map[screen]component, len(registry)), help: &h, suspend: o.suspend, pace: o.pace}
	for _, r := range registry {
		m.screens[r.id] = r.build(c, o)
	}
	m.help.Styles = c.styles.help
	if o.Team != nil {
		// A team's session opens at the team's results.
		c.team, c.teamBrief = o.Team, o.Defs.TeamBrief(o.Team)
		c.report.Team = o.Team
		c.answers = o.Team.Consensus.Clone()
		c.result = o.Team.Result
		m.results().setResult(o.Team.Result, "")
		m.show(screenResults)
	} else if o.Answers != nil {
		// A partial file resumes at the first question it leaves without
		// an answer or a default; a complete one opens at the results.
		if i := m.questions().nextMissing(0); i >= 0 {
			m.questions().resume(i)
			m.show(screenQuestion)
		} else if err := m.computeResult(""); err == nil {
			m.show(screenResults)
		}
	}
	if o.AnswersUnsaved {
		// The details (a date at least) came with them: saving the
		// answers saves those too, and q names the answers.
		m.keep(advisor.Answers{}, c.report.Engagement)
	} else {
		m.keep(c.answers, c.report.Engagement)
	}
	m.layout()
	return m
}

// keep records answers and details as kept in a file.
func (m *Model) keep(a advisor.Answers, e advisor.Engagement) {
	m.keptAnswers = m.c.defs.AnswersYAML(a, advisor.Engagement{})
	m.keptDetails = e
}

// unsaved says what q would throw away: answers given or changed, and
// client details typed in, since they were last written to a file that
// keeps them (an answers file, which holds both, or a JSON report). A
// team's answers are the team members' files, and are not saved here.
func (m *Model) unsaved() (answers, details bool) {
	if m.c.team != nil {
		return false, false
	}
	answers = len(m.c.answers) > 0 && !bytes.Equal(m.c.defs.AnswersYAML(m.c.answers, advisor.Engagement{}), m.keptAnswers)
	e := m.c.report.Engagement
	details = e != (advisor.Engagement{}) && e != m.keptDetails
	return answers, details
}

// questions and results are the screens whose flow the root drives: it
// moves through the questions, and hands the results their result.
func (m *Model) questions() *questionsScreen { return m.screens[screenQuestion].(*questionsScreen) }
func (m *Model) results() *resultsModel      { return m.screens[screenResults].(*resultsModel) }

// Init asks the terminal for its background colour, to pick the palette.
func (m Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update handles a message and renders the new frame, or has the pacer
// put it off while keys keep coming. Other messages (the window's size,
// its colours, a result worked out) are drawn at once: they do not come
// in bursts, and a frame put off is a frame that shows late.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	_, isKey := msg.(tea.KeyPressMsg)
	if _, ok := msg.(redrawMsg); ok {
		m.pace.redrawn()
	} else {
		m.still = false
		cmd = m.update(msg)
		m.stale = m.stale || !m.still
	}
	if m.stale {
		if m.quitting || !isKey || m.pace.ready() {
			m.compose()
			m.stale = false
		} else if later := m.pace.later(); later != nil {
			cmd = tea.Batch(cmd, later)
		}
	}
	return m, cmd
}

// drops reports whether msg is a key that changes nothing where the
// session stands: text for a full field, a letter a screen has no use
// for. Run drops such keys before they reach Update, which is what
// keeps a paste without bracketed paste (a key per character) from
// holding up the program and ctrl+c behind it.
func (m Model) drops(msg tea.Msg) bool {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || m.c == nil || m.quitting || m.confirmQuit {
		return false
	}
	k := m.c.keys
	name := nameOf(km)
	if key.Matches(name, k.ForceQuit) || key.Matches(name, k.Suspend) {
		return false
	}
	if m.tooSmall() {
		return !key.Matches(name, k.Quit)
	}
	typing := m.screens[m.screen].typing()
	if key.Matches(name, k.Quit) && typing == typingNone || key.Matches(name, k.Help) && typing != typingText {
		return false
	}
	return m.screens[m.screen].refuses(km)
}

// update handles a message: the root's own, or the screen's. A screen's
// message for the root is handled at once, in the same Update.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.layout()
		return nil
	case tea.BackgroundColorMsg:
		m.setPalette(msg.IsDark(), m.c.styles.profile)
		return nil
	case tea.ColorProfileMsg:
		// Colours chosen for the terminal's profile, not downsampled.
		m.setPalette(m.c.styles.isDark, msg.Profile)
		return nil
	case tea.KeyPressMsg:
		if cmd, done := m.globalKey(msg); done {
			return cmd
		}
		if m.screens[m.screen].refuses(msg) {
			m.still = true
			return nil
		}
	case startMsg:
		m.questions().start()
		m.show(screenQuestion)
		return nil
	case answeredMsg:
		return m.answered(msg)
	case detailsMsg:
		m.detailsSaved(msg)
		return nil
	case backMsg:
		m.back()
		return nil
	case showMsg:
		m.show(msg.to)
		return nil
	case editMsg:
		m.questions().edit(msg.index)
		m.show(screenQuestion)
		return nil
	case scoredMsg:
		m.scored(msg)
		return nil
	case restartMsg:
		m.restart()
		return nil
	case exportedMsg:
		return m.written(msg)
	}
	cmd, up := m.screens[m.screen].update(msg)
	return tea.Batch(cmd, m.up(up))
}

// up handles a screen's message for the root, if any.
func (m *Model) up(msg tea.Msg) tea.Cmd {
	if msg == nil {
		return nil
	}
	return m.update(msg)
}

// setPalette renders every screen again when the terminal's background
// or colour profile is not the one the styles were built for.
func (m *Model) setPalette(dark bool, profile colorprofile.Profile) {
	if dark == m.c.styles.isDark && profile == m.c.styles.profile {
		return
	}
	m.c.styles = newStyles(dark, profile)
	m.help.Styles = m.c.styles.help
	m.restyle()
}

// globalKey handles the keys that work everywhere. done is false when the
// key belongs to the screen.
func (m *Model) globalKey(km tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.c.keys
	msg := nameOf(km)
	if key.Matches(msg, k.Suspend) {
		// As in any terminal program: the shell's fg brings it back as it
		// was, a question asked included.
		if m.suspend {
			return tea.Suspend, true
		}
		return nil, true
	}
	if m.confirmQuit {
		// "Quit without saving?": y quits, s saves first, anything else
		// stays.
		m.confirmQuit = false
		switch {
		case key.Matches(msg, k.ForceQuit), msg == "y", msg == "Y":
			m.quitting = true
			return tea.Quit, true
		case msg == "s":
			// Saved from here, the program quits once the file is
			// written.
			m.c.quitAfterSave = true
			m.show(screenSave)
		}
		return nil, true
	}
	typing := m.screens[m.screen].typing()
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
	case key.Matches(msg, k.Quit) && typing == typingNone:
		if answers, details := m.unsaved(); answers || details {
			// Answers nobody saved would be lost: ask first, as start
			// over does.
			m.confirmQuit = true
			return nil, true
		}
		m.quitting = true
		return tea.Quit, true
	case key.Matches(msg, k.Help) && typing != typingText:
		m.help.ShowAll = !m.help.ShowAll
		m.c.fullHelp = m.help.ShowAll // the question on show adds its detail
		m.setHeights()
		return nil, true
	}
	return nil, false
}

func (m *Model) answered(msg answeredMsg) tea.Cmd {
	qs := m.questions()
	q := m.c.defs.Questions[msg.index]
	before := m.c.answers[q.ID]
	m.c.answers[q.ID] = msg.answer
	switch {
	case qs.editing:
		// Edits come from the results, so every question has an answer
		// and a result exists to compare with.
		qs.editing = false
		m.show(screenResults)
		was := m.c.result
		changed := q.FormatValue(before) != q.FormatValue(msg.answer)
		return m.score(func(res *advisor.Result) string {
			if !changed {
				return ""
			}
			return m.changeNotice(&q, before, msg.answer, was, res)
		})
	case qs.advance(msg.index):
		m.show(screenResults)
		return m.score(nil)
	}
	return nil
}

// detailsSaved takes the client's details typed in, which every report
// carries from now on.
func (m *Model) detailsSaved(msg detailsMsg) {
	m.c.report.Engagement = msg.engagement
	if m.c.result != nil {
		// Taken for the reports, not yet written anywhere: say where
		// they are kept, so that q asking about them is no surprise.
		notice := "Client details set: every report carries them, and s saves them with the answers."
		if m.c.team != nil {
			notice = "Client details set: every report carries them."
		}
		m.results().setResult(m.c.result, notice)
	}
	m.show(msg.back)
}

// restart clears every answer and goes back to the welcome screen.
func (m *Model) restart() {
	m.scoring++ // a result still being worked out is stale
	m.c.answers = advisor.Answers{}
	m.c.result = nil
	m.questions().reset()
	m.show(screenWelcome)
}

// written takes the end of an export or a save.
func (m *Model) written(msg exportedMsg) tea.Cmd {
	if msg.err == nil && !msg.exists {
		// A file written again is listed once.
		if msg.answers && !slices.Contains(m.saved, msg.path) {
			m.saved = append(m.saved, msg.path)
		} else if !msg.answers && !slices.Contains(m.exported, msg.path) {
			m.exported = append(m.exported, msg.path)
		}
		// Saved answers, and a JSON report (it reads back as answers),
		// keep the work.
		if msg.answers || msg.format == advisor.FormatJSON {
			m.keep(msg.saved, msg.engagement)
		}
		if msg.answers && m.c.quitAfterSave {
			// Saved from the quit prompt: done.
			m.quitting = true
			return tea.Quit
		}
	}
	// The screen that started the write hears how it went, wherever the
	// user is now.
	to := screenExport
	if msg.answers {
		to = screenSave
	}
	cmd, up := m.screens[to].update(msg)
	return tea.Batch(cmd, m.up(up))
}

// score works out the recommendation off the update loop: a user's
// definitions may make it slow, and keys (ctrl+c above all) must still
// work meanwhile. A newer request makes an older one's result stale;
// notice, when given, says what the change did.
func (m *Model) score(notice func(*advisor.Result) string) tea.Cmd {
	m.scoring++
	gen, defs, answers := m.scoring, m.c.defs, m.c.answers.Clone()
	m.results().setWorking()
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
		m.results().setError(msg.err.Error())
		return
	}
	notice := ""
	if msg.notice != nil {
		notice = msg.notice(msg.res)
	}
	m.c.result = msg.res
	m.results().setResult(msg.res, notice)
}

// changeNotice says what an edit did to the advice, from the result before
// the edit (was) to the one after (res).
func (m *Model) changeNotice(q *advisor.Question, before, after advisor.Answer, was, res *advisor.Result) string {
	if was == nil {
		return ""
	}
	d := m.c.defs
	advice := func(id string) string {
		r, _ := d.Role(id)
		return r.Advice
	}
	// What changed, not both answers whole: a list of ten pains would
	// show twice.
	head := fmt.Sprintf("%s: %s.", q.Title, q.DescribeChange(before, after))
	if res.Recommended != was.Recommended {
		return fmt.Sprintf("%s The advice changed from %s to %s.", head, advice(was.Recommended), advice(res.Recommended))
	}
	now, then := d.ResultConfidence(res), d.ResultConfidence(was)
	if now == then {
		return fmt.Sprintf("%s The advice is still %s, confidence %s.", head, advice(res.Recommended), now)
	}
	return fmt.Sprintf("%s The advice is still %s; confidence %s (was %s).", head, advice(res.Recommended), now, then)
}

func (m *Model) computeResult(notice string) error {
	res, err := m.c.defs.Recommend(m.c.answers)
	if err != nil {
		return err
	}
	m.c.result = res
	m.results().setResult(res, notice)
	return nil
}

func (m *Model) back() {
	if m.screen != screenQuestion {
		m.show(screenResults)
		return
	}
	m.show(m.questions().back())
}

// show opens screen s, the only way the screen on show changes. A screen
// that shows the result does not open before there is one.
func (m *Model) show(s screen) {
	if needsResult(s) && m.c.result == nil {
		return
	}
	if s != screenSave {
		m.c.quitAfterSave = false // the save was given up
	}
	m.screens[s].open(m.screen)
	m.screen = s
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
func (m Model) Result() *advisor.Result {
	if m.c == nil {
		return nil // not a model New built
	}
	return m.c.result
}
