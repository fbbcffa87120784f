package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// The export screen writes the report; the save screen, the same
// component, writes the answers.
const (
	screenExport screen = "export"
	screenSave   screen = "save"
)

// exportState is where the export screen is in its short dialogue.
type exportState int

const (
	exportEditing exportState = iota // choosing the path and the format
	exportWriting                    // the file is being written
	exportConfirm                    // the file exists: overwrite?
	exportDone                       // written
)

// yes and no answer "Replace it?".
var (
	yes = key.NewBinding(key.WithKeys("y", "Y"))
	no  = key.NewBinding(key.WithKeys("n", "N"))
)

// DefaultExportName is the file name the export screen suggests.
const DefaultExportName = "coo-advisor-recommendation"

// DefaultSaveName is the file name the save screen suggests for answers.
const DefaultSaveName = "coo-advisor-answers.yaml"

// exportModel writes the recommendation to a file, atomically, in text,
// Markdown, HTML or JSON; or, as the save screen, the answers (with the
// engagement details) as an answers file. An existing file is replaced
// only after the user says so.
type exportModel struct {
	c *common
	// saving makes it the save screen: it writes answers, not a report.
	saving bool
	// answers are the answers to save, as they stood when the screen
	// opened.
	answers advisor.Answers
	back    screen // where esc and Enter go when done
	input   textinput.Model
	format  int // index into advisor.Formats
	state   exportState
	written string // absolute path of the last file written
	// replacing is set while a write replaces, without asking, a file
	// this screen wrote before (see isOurs), and after it.
	replacing bool
	// ours are the files this screen wrote, as they were just after: one
	// of them, unchanged since, is replaced without asking (saving again
	// to the file just saved is what the user means).
	ours map[string]os.FileInfo
	err  string
	note string // a remark on the last action ("Not saved.")
	// leftOut lists the characters left out of the name since the
	// screen opened (see cleanField).
	leftOut []string
	// renamed is set when the name may have changed since the format
	// followed it (see formatFromName): a typed key does not look at the
	// whole name.
	renamed bool
	// window scrolls the field sideways (see fieldWindow).
	window fieldWindow

	// The rendered parts, laid out by lines for the height.
	title    []string
	intro    []string
	noClient []string
	field    string
	path     []string
	formats  []string
	status   []string
	// stale is set when a key changed what the screen shows: it is
	// rendered again when next shown (see pacer), not for every key.
	stale bool
	// done and confirm hold the keys the screen acts on once the file
	// is written, and while it asks to replace one.
	done, confirm keySet
}

func newExportModel(c *common, path string, format advisor.Format) *exportModel {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.CharLimit = 4096
	ti.SetStyles(inputStyles(c.styles))
	m := &exportModel{c: c, input: ti, back: screenResults, done: keysOf(c.keys.Enter, c.keys.Back), confirm: keysOf(yes, no, c.keys.Results)}
	for i, f := range advisor.Formats {
		if advisor.Format(f) == format {
			m.format = i
		}
	}
	if path == "" {
		path = DefaultExportName + format.Extension()
	}
	m.input.SetValue(path)
	m.input.CursorEnd()
	m.input.Focus()
	return m
}

// newSaveModel is the export screen that saves answers.
func newSaveModel(c *common, path string) *exportModel {
	m := newExportModel(c, path, advisor.FormatText)
	m.saving = true
	if path == "" {
		m.input.SetValue(DefaultSaveName)
		m.input.CursorEnd()
	}
	return m
}

// open starts afresh. The save screen takes the answers as they stand,
// and goes back where it came from (to the results from the screens
// that lead to it).
func (m *exportModel) open(from screen) {
	if m.saving {
		m.answers = m.c.answers.Clone()
		m.back = from
		if from == screenSave || from == screenDetails {
			m.back = screenResults
		}
	}
	m.state = exportEditing
	m.err, m.note = "", ""
	// A name given on the command line is cleaned as a typed one is.
	m.leftOut = cleanField(&m.input, nil)
	m.input.Focus()
	m.render()
}

func (m *exportModel) currentFormat() advisor.Format {
	return advisor.Format(advisor.Formats[m.format])
}

// resolved is the absolute path the file would be written to.
func (m *exportModel) resolved() string {
	p := strings.TrimSpace(m.input.Value())
	if p == "" {
		return ""
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(m.c.exportDir, p)
	}
	return filepath.Clean(p)
}

// typing: the file name is free text while it is being edited.
func (m *exportModel) typing() typing {
	if m.state == exportEditing {
		return typingText
	}
	return typingNone
}

func (m *exportModel) header() (string, string) {
	if m.saving {
		return "Save answers", ""
	}
	return "Export", ""
}

func (m *exportModel) body(h int) []string {
	if m.stale {
		m.render()
	}
	return m.lines(h)
}

func (m *exportModel) relayout() {
	m.input.SetStyles(inputStyles(m.c.styles))
	m.render()
}

func (m *exportModel) update(msg tea.Msg) (tea.Cmd, tea.Msg) {
	k := m.c.keys
	switch msg := msg.(type) {
	case exportedMsg:
		m.finished(msg)
		return nil, nil
	case tea.KeyPressMsg:
		switch m.state {
		case exportWriting:
			return nil, nil
		case exportConfirm:
			switch {
			case key.Matches(msg, yes):
				m.state = exportWriting
				m.stale = true
				return m.write(true), nil
			case key.Matches(msg, no, k.Results):
				m.state = exportEditing
				m.err = ""
				m.note = "Not saved: the existing file is unchanged. Change the name, or press Enter to ask again."
				m.stale = true
			}
			return nil, nil
		case exportDone:
			if key.Matches(msg, k.Enter) || key.Matches(msg, k.Back) {
				m.state = exportEditing
				return nil, showMsg{to: m.back}
			}
			return nil, nil
		case exportEditing:
			// Typing the name: below.
		}
		switch {
		case key.Matches(msg, k.Results):
			return nil, showMsg{to: m.back}
		case key.Matches(msg, k.Enter):
			return m.submit(), nil
		case msg.String() == "tab" && !m.saving:
			m.formatFromName()
			m.setFormat((m.format + 1) % len(advisor.Formats))
			return nil, nil
		case msg.String() == "shift+tab" && !m.saving:
			m.formatFromName()
			m.setFormat((m.format - 1 + len(advisor.Formats)) % len(advisor.Formats))
			return nil, nil
		}
	}
	cmd, changed := typeInto(&m.input, msg)
	if changed {
		m.err, m.note = "", ""
		if mayBeUnsafe(msg) {
			m.leftOut = cleanField(&m.input, m.leftOut)
		}
		m.renamed = true
	}
	m.stale = true
	return cmd, nil
}

// finished takes the end of a write: asks before replacing a file,
// shows the error, or says where the file went.
func (m *exportModel) finished(msg exportedMsg) {
	switch {
	case msg.exists:
		m.state = exportConfirm
	case msg.err != nil:
		m.state = exportEditing
		m.err = msg.err.Error()
	default:
		m.state = exportDone
		m.written = msg.path
		m.err = ""
		if msg.info != nil {
			if m.ours == nil {
				m.ours = map[string]os.FileInfo{}
			}
			m.ours[msg.path] = msg.info
		}
	}
	m.stale = true
}

// isOurs reports whether the file at path is one this screen wrote, as it
// left it: the same file, size and time.
func (m *exportModel) isOurs(path string) bool {
	was, ok := m.ours[path]
	if !ok {
		return false
	}
	now, err := os.Stat(path)
	return err == nil && os.SameFile(was, now) && now.Size() == was.Size() && now.ModTime().Equal(was.ModTime())
}

// submit starts writing the file, or says what is wrong with its name.
func (m *exportModel) submit() tea.Cmd {
	m.formatFromName()
	if m.err = m.nameProblem(); m.err != "" {
		m.stale = true
		return nil
	}
	m.state = exportWriting
	m.note = ""
	m.replacing = m.isOurs(m.resolved())
	m.stale = true
	return m.write(m.replacing)
}

// nameProblem says what is wrong with the file name, if anything. The
// name says the format: nothing is written in a format its name does not
// say (brief.pdf would hold text).
func (m *exportModel) nameProblem() string {
	switch {
	case m.resolved() == "":
		return "Enter a file name."
	case m.saving:
		if ext := strings.ToLower(filepath.Ext(m.resolved())); ext != ".yaml" && ext != ".yml" {
			return "End the name in .yaml: the file is an answers file, which coo-advisor --answers opens again."
		}
	default:
		if f, ok := advisor.FormatForPath(m.resolved()); !ok || f != m.currentFormat() {
			return fmt.Sprintf("End the name in %s: the name must say which format the file holds (tab chooses another format).", m.currentFormat().Extension())
		}
	}
	return ""
}

// formatFromName follows the file name, if it changed: typing brief.md
// chooses Markdown, so that the extension and the contents never
// disagree.
func (m *exportModel) formatFromName() {
	if !m.renamed {
		return
	}
	m.renamed = false
	f, ok := advisor.FormatForPath(strings.TrimSpace(m.input.Value()))
	if !ok {
		return
	}
	for i, name := range advisor.Formats {
		if advisor.Format(name) == f {
			m.format = i
		}
	}
}

// setFormat switches the format and, when the file name ends in a
// format's extension, the extension too.
func (m *exportModel) setFormat(i int) {
	m.format = i
	v := m.input.Value()
	if _, ok := advisor.FormatForPath(v); ok {
		m.input.SetValue(strings.TrimSuffix(v, filepath.Ext(v)) + m.currentFormat().Extension())
		m.input.CursorEnd()
	}
	m.err, m.note = "", ""
	m.stale = true
}

// write renders the report and writes it atomically, off the update loop.
func (m *exportModel) write(overwrite bool) tea.Cmd {
	defs, res, format, path, protect, opts := m.c.defs, m.c.result, m.currentFormat(), m.resolved(), m.c.protect, m.c.report
	saving, answers := m.saving, m.answers
	opts.Width = 0 // a file is for an email client to flow, whatever the window
	if !saving {
		// A JSON report reads back as answers: the root counts them as
		// kept once it is written.
		answers = m.c.answers.Clone()
	}
	return func() tea.Msg {
		var data []byte
		var err error
		if saving {
			data = defs.AnswersYAML(answers, opts.Engagement)
		} else if data, err = defs.Report(res, format, opts); err != nil {
			return exportedMsg{path: path, err: err}
		}
		protect.Overwrite = overwrite
		err = atomicfile.Write(path, data, protect)
		if errors.Is(err, atomicfile.ErrExists) {
			return exportedMsg{path: path, exists: true, answers: saving}
		}
		msg := exportedMsg{path: path, err: err, answers: saving, format: format, engagement: opts.Engagement}
		if err == nil {
			msg.info, _ = os.Stat(path)
			msg.saved = answers
		}
		return msg
	}
}

func (m *exportModel) render() {
	m.stale = false
	m.formatFromName()
	s := m.c.styles
	w := min(m.c.contentWidth(), readingWidth)
	wrappedAt := func(text string, st lipgloss.Style, breakpoints string) []string {
		lines := strings.Split(wrapAt(text, w, breakpoints), "\n")
		for i, l := range lines {
			lines[i] = st.Render(l)
		}
		return lines
	}
	wrapped := func(text string, st lipgloss.Style) []string { return wrappedAt(text, st, "") }
	m.noClient = nil
	if m.saving {
		title := "Save your answers"
		if m.c.quitAfterSave {
			title = "Save your answers, then quit"
		}
		m.title = wrapped(title, s.title)
		m.intro = wrapped("An answers file, with the client's details: coo-advisor --answers FILE opens it again, and any question left out is asked then.", s.faint)
	} else {
		m.title = wrapped("Export the recommendation", s.title)
		m.intro = wrapped("Text to paste into an email, Markdown for a document, HTML to send or print to PDF, or JSON for other tools.", s.faint)
		if m.c.report.Engagement.Client == "" {
			// The client's name is optional, but a brief to send usually
			// wants it: say where it goes.
			m.noClient = wrapped("The brief names no client: esc, then d on the results, to add one.", s.faint)
		}
	}
	m.field = m.window.view(m.input, w)
	m.path = nil
	// The full path, when it says more than the name typed; the
	// directory may hold characters that act on the terminal.
	if p := m.resolved(); p != "" && p != strings.TrimSpace(m.input.Value()) {
		m.path = pathLines(advisor.SafeText(p), w, s.faint)
	}
	fmts := make([]string, len(advisor.Formats))
	plain := "Format  "
	for i, f := range advisor.Formats {
		mark := "( ) "
		st := s.text
		if i == m.format {
			mark, st = "(•) ", s.selected
		}
		fmts[i] = st.Render(mark + f)
		plain += mark + f + "  "
	}
	if m.saving {
		m.formats = nil
	} else if lipgloss.Width(plain+"(tab)") <= w {
		m.formats = []string{s.text.Render("Format  ") + strings.Join(fmts, "  ") + s.faint.Render("  (tab)")}
	} else {
		// Too narrow for the three choices side by side: the current one.
		m.formats = wrapped("Format: "+advisor.Formats[m.format]+" (tab to change)", s.text)
	}
	var status []string
	switch m.state {
	case exportWriting:
		status = wrapped("Writing…", s.faint)
	case exportConfirm:
		status = wrappedAt(advisor.SafeText(m.resolved())+" already exists. Replace it? (y/n)", s.pain, "/")
	case exportDone:
		done := "✓ Saved to " + advisor.SafeText(m.written)
		if m.replacing {
			done += " (replacing the copy saved before)"
		}
		status = append(wrappedAt(done, s.success, "/"), wrapped("Enter to go back, q to quit.", s.faint)...)
	case exportEditing:
		// Nothing to report while the name is being typed.
	}
	if m.state == exportEditing && len(m.leftOut) > 0 {
		status = append(status, wrapped(leftOutNote(m.leftOut), s.faint)...)
	}
	if m.note != "" {
		status = append(status, wrapped(m.note, s.faint)...)
	}
	if m.err != "" {
		status = append(status, wrapped("✗ "+capitalize(advisor.SafeText(m.err)), s.errorText)...)
	}
	m.status = status
}

// maxPathLines is the most lines the full path takes under the field: a
// name thousands of characters long must not push the rest of the
// screen out.
const maxPathLines = 3

// shortened cuts the middle out of s, a path, to fit n cells: the start
// says where it goes, the end its name.
func shortened(s string, n int) string {
	w := lipgloss.Width(s)
	if w <= n {
		return s
	}
	head := n / 3
	if n < 8 {
		head = 0 // the name only
	}
	return ansi.Truncate(s, head, "") + ansi.TruncateLeft(s, w-(n-head)+1, "…")
}

// pathLines wraps a path into at most maxPathLines lines of w cells that
// start with two spaces, each styled st, breaking them after a slash
// where it can; the middle of a longer path is left out.
func pathLines(path string, w int, st lipgloss.Style) []string {
	var lines []string
	// Breaks after slashes may leave lines short: less of the path
	// then, until it fits.
	line := max(1, w-2)
	for n := maxPathLines * line; ; n = max(line, n-line/2) {
		lines = strings.Split(wrapAt(shortened(path, n), line, "/"), "\n")
		if len(lines) <= maxPathLines || n == line {
			break
		}
	}
	for i, l := range lines {
		lines[i] = st.Render("  " + l)
	}
	return lines
}

// lines lays the screen out in at most h lines, always in the same
// order. The field being typed in and the status always show; on small
// terminals the explanation, the spacing, the label, the full path, the
// title and the formats give way, in that order.
func (m *exportModel) lines(h int) []string {
	var status []string
	if len(m.status) > 0 {
		status = []string{""}
	}
	parts := []struct {
		lines []string
		keep  int // parts with a lower keep give way first
	}{
		{m.title, 6},
		{m.intro, 0},
		{m.noClient, 1},
		{[]string{""}, 2},
		{[]string{m.c.styles.text.Render("File")}, 3},
		{[]string{m.field}, 10},
		{m.path, 5},
		{[]string{""}, 2},
		{m.formats, 7},
		{status, 2},
		{m.status, 9},
	}
	total := 0
	for _, p := range parts {
		total += len(p.lines)
	}
	// Drop the part that matters least (the last of equals) until the
	// rest fits.
	for total > h {
		drop, least := -1, 9 // the field and the status (9 and up) stay
		for i, p := range parts {
			if len(p.lines) > 0 && p.keep < 9 && p.keep <= least {
				drop, least = i, p.keep
			}
		}
		if drop < 0 {
			break
		}
		total -= len(parts[drop].lines)
		parts[drop].lines = nil
	}
	out := make([]string, 0, total)
	for _, p := range parts {
		out = append(out, p.lines...)
	}
	return clip(out, h, 0)
}

func (m *exportModel) help() helpKeys {
	k := m.c.keys
	save := k.Enter
	save.SetHelp("enter", "save")
	if m.saving && m.c.quitAfterSave {
		save.SetHelp("enter", "save and quit")
	}
	back := k.Results
	back.SetHelp("esc", "back")
	if m.back == screenResults {
		back.SetHelp("esc", "results")
	}
	var short []key.Binding
	switch m.state {
	case exportConfirm:
		short = []key.Binding{
			key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "replace")),
			key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "keep it")),
		}
	case exportDone:
		done := k.Enter
		done.SetHelp("enter", "results")
		short = []key.Binding{done, k.Quit}
	default:
		short = []key.Binding{save, k.NextFormat, back, k.ForceQuit}
		if m.saving {
			// Answers have one format: tab does nothing here.
			short = []key.Binding{save, back, k.ForceQuit}
		}
	}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}

// refuses text for a full file name while it is typed (the keys the
// screen takes itself then, enter, esc and tab, are not text), and the
// keys the other states have no use for.
func (m *exportModel) refuses(km tea.KeyPressMsg) bool {
	switch m.state {
	case exportWriting:
		return true
	case exportConfirm:
		return m.confirm.lacks(km)
	case exportDone:
		return m.done.lacks(km)
	case exportEditing:
	}
	return noRoom(&m.input, km)
}
