package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// exportState is where the export screen is in its short dialogue.
type exportState int

const (
	exportEditing exportState = iota // choosing the path and the format
	exportWriting                    // the file is being written
	exportConfirm                    // the file exists: overwrite?
	exportDone                       // written
)

// DefaultExportName is the file name the export screen suggests.
const DefaultExportName = "coo-advisor-recommendation"

// exportModel writes the recommendation to a file, atomically, in text,
// Markdown or JSON. An existing file is replaced only after the user says
// so.
type exportModel struct {
	c       *common
	result  *advisor.Result
	input   textinput.Model
	format  int // index into advisor.Formats
	state   exportState
	written string // absolute path of the last file written
	err     string
	lines   []string
}

func newExportModel(c *common, path string, format advisor.Format) exportModel {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.CharLimit = 4096
	ti.SetStyles(inputStyles(c.styles))
	m := exportModel{c: c, input: ti}
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

func (m *exportModel) open(r *advisor.Result) {
	m.result = r
	m.state = exportEditing
	m.err = ""
	m.input.Focus()
	m.render()
}

func (m exportModel) currentFormat() advisor.Format { return advisor.Format(advisor.Formats[m.format]) }

// resolved is the absolute path the file would be written to.
func (m exportModel) resolved() string {
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

func (m exportModel) capturesText() bool { return m.state == exportEditing }

func (m exportModel) update(msg tea.Msg) (exportModel, tea.Cmd) {
	k := m.c.keys
	switch msg := msg.(type) {
	case exportedMsg:
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
		}
		m.render()
		return m, nil
	case tea.KeyPressMsg:
		switch m.state {
		case exportWriting:
			return m, nil
		case exportConfirm:
			switch msg.String() {
			case "y", "Y":
				m.state = exportWriting
				m.render()
				return m, m.write(true)
			case "n", "N", "esc":
				m.state = exportEditing
				m.err = ""
				m.render()
			}
			return m, nil
		case exportDone:
			if key.Matches(msg, k.Enter) || key.Matches(msg, k.Back) {
				m.state = exportEditing
				return m, m.c.show(screenResults)
			}
			return m, nil
		}
		switch {
		case key.Matches(msg, k.Results):
			return m, m.c.show(screenResults)
		case key.Matches(msg, k.Enter):
			if m.resolved() == "" {
				m.err = "Enter a file name."
				m.render()
				return m, nil
			}
			m.state = exportWriting
			m.err = ""
			m.render()
			return m, m.write(false)
		case msg.String() == "tab":
			m.setFormat((m.format + 1) % len(advisor.Formats))
			return m, nil
		case msg.String() == "shift+tab":
			m.setFormat((m.format - 1 + len(advisor.Formats)) % len(advisor.Formats))
			return m, nil
		}
	}
	var cmd tea.Cmd
	before := m.input.Value()
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.err = ""
	}
	m.render()
	return m, cmd
}

// setFormat switches the format and, when the file name ends in the old
// format's extension, the extension too.
func (m *exportModel) setFormat(i int) {
	old := m.currentFormat().Extension()
	m.format = i
	v := m.input.Value()
	if strings.HasSuffix(v, old) {
		m.input.SetValue(strings.TrimSuffix(v, old) + m.currentFormat().Extension())
		m.input.CursorEnd()
	}
	m.err = ""
	m.render()
}

// write renders the report and writes it atomically, off the update loop.
func (m exportModel) write(overwrite bool) tea.Cmd {
	defs, res, format, path := m.c.defs, m.result, m.currentFormat(), m.resolved()
	return func() tea.Msg {
		data, err := defs.Report(res, format)
		if err != nil {
			return exportedMsg{path: path, err: err}
		}
		err = atomicfile.Write(path, data, overwrite)
		if errors.Is(err, atomicfile.ErrExists) {
			return exportedMsg{path: path, exists: true}
		}
		return exportedMsg{path: path, err: err}
	}
}

func (m *exportModel) render() {
	s := m.c.styles
	w := m.c.contentWidth()
	var lines []string
	add := func(text string) { lines = append(lines, wrapLines(text, w)...) }
	add(s.title.Render("Export the recommendation"))
	add(s.faint.Render("A text file to paste into an email, Markdown for a document, or JSON for other tools."))
	lines = append(lines, "")
	lines = append(lines, s.text.Render("File"))
	m.input.SetWidth(max(4, w-3))
	lines = append(lines, m.input.View())
	if p := m.resolved(); p != "" {
		add(s.faint.Render("  " + p))
	}
	lines = append(lines, "")
	fmts := make([]string, len(advisor.Formats))
	for i, f := range advisor.Formats {
		if i == m.format {
			fmts[i] = s.selected.Render("(•) " + f)
		} else {
			fmts[i] = s.text.Render("( ) " + f)
		}
	}
	add(s.text.Render("Format  ") + strings.Join(fmts, "  ") + s.faint.Render("  (tab)"))
	lines = append(lines, "")
	switch m.state {
	case exportWriting:
		add(s.faint.Render("Writing…"))
	case exportConfirm:
		add(s.pain.Render(m.resolved() + " already exists. Replace it? (y/n)"))
	case exportDone:
		add(s.success.Render("✓ Saved to " + m.written))
		add(s.faint.Render("Enter to go back to the results, q to quit."))
	}
	if m.err != "" {
		add(s.errorText.Render("✗ " + capitalize(m.err)))
	}
	m.lines = lines
}

func (m exportModel) help() helpKeys {
	k := m.c.keys
	save := k.Enter
	save.SetHelp("enter", "save")
	back := k.Results
	back.SetHelp("esc", "results")
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
	}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}
