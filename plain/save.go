package plain

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// DefaultSaveName is the answers file saving suggests when no answers file
// was opened: the full-screen program's name for it.
const DefaultSaveName = "coo-advisor-answers.yaml"

// saver is where and how a session saves its answers when asked to.
type saver struct {
	dir        string // where a relative name goes
	suggest    string // the name an empty line takes
	protect    atomicfile.Options
	engagement advisor.Engagement
}

// kept is every answer typed or given so far, including those taken back
// with back and not answered again: what saving keeps.
func (s *session) kept() advisor.Answers {
	a := s.answers.Clone()
	for id, v := range s.previous {
		if _, ok := a[id]; !ok {
			a[id] = v
		}
	}
	return a
}

// typed counts the answers in a that were typed in this session, not
// given.
func (s *session) typed(a advisor.Answers) int {
	n := 0
	for _, i := range s.ask {
		if _, ok := a[s.d.Questions[i].ID]; ok {
			n++
		}
	}
	return n
}

// quit stops the session on quit. Typed answers are not thrown away
// unasked: at a terminal it offers to save them first, as q does on the
// full screen (y quits, s saves them and quits, anything else goes back
// to the question). Input from a file or a pipe is never asked: it stops
// at once, as it always has, and the message says what was not saved.
// A nil error means: back to the question.
func (s *session) quit() error {
	a := s.kept()
	n := s.typed(a)
	if n == 0 {
		return ErrQuit
	}
	lost := &quitError{msg: "nothing was written; " + countAnswers(n, "typed", "was", "were") + " not saved"}
	if !s.interactive {
		return lost
	}
	s.out.printf("Quit without saving your %s? y quits, s saves them first, anything else goes back to the question.\n", countAnswers(n, "", "", ""))
	line, ok := s.reply()
	if !ok {
		return lost
	}
	switch strings.ToLower(line) {
	case "y", "yes":
		return lost
	case "s", "save":
		if path, ok := s.save(a); ok {
			return &quitError{msg: "the brief was not written; your answers are saved in " + path + " (coo-advisor --answers " + shellQuote(path) + " goes on from them)"}
		}
	}
	return nil
}

// finish ends a session at a terminal: it points to -o when the brief went
// to the screen, and offers to save the answers, which otherwise end with
// the program. It says nothing to input from a file or a pipe, and
// nothing on standard output, which scripts read.
func (s *session) finish(toScreen bool) {
	if s == nil || !s.interactive {
		return
	}
	if toScreen {
		s.out.println("\nTip: -o brief.md writes the brief to a file; the ending picks the format (.txt, .md, .html, .json).")
	}
	a := s.kept()
	for {
		s.out.println("Type save to save your answers (coo-advisor --answers FILE opens them again), or press Enter to finish.")
		line, ok := s.reply()
		switch strings.ToLower(line) {
		case "s", "save":
			if _, saved := s.save(a); saved {
				return
			}
		case "", "n", "no", "q", "quit", "exit":
			return
		}
		if !ok {
			return
		}
	}
}

// save asks for a file name and writes the answers there as an answers
// file, never over a file without a yes. It says where, or why not and
// asks for another name; ok is false when the person went back, or the
// input ended, with nothing saved.
func (s *session) save(a advisor.Answers) (path string, ok bool) {
	sv := s.saver
	data := s.d.AnswersYAML(a, sv.engagement)
	s.out.printf("Save your answers to which file? An empty line saves them to %s; back goes back.\n", advisor.SafeText(sv.suggest))
	for {
		name, ok := s.reply()
		switch {
		case !ok || strings.EqualFold(name, "back"):
			return "", false
		case name == "":
			name = sv.suggest
		}
		if path, err := s.write(name, data); err != nil {
			s.out.printf("Not saved: %s. Type another name, or back.\n", strings.TrimSuffix(advisor.SafeText(err.Error()), "."))
		} else if path != "" {
			s.out.printf("Answers saved to %s (open them again with --answers).\n", path)
			return path, true
		}
	}
}

// write writes an answers file to name (relative to the session's
// directory), asking before it replaces a file; it returns the path
// written, or "" when the person would not replace the file (and was
// asked for another name).
func (s *session) write(name string, data []byte) (string, error) {
	path := name
	if !filepath.IsAbs(path) && s.saver.dir != "" {
		path = filepath.Join(s.saver.dir, path)
	}
	opts := s.saver.protect
	opts.Overwrite = false
	err := atomicfile.Write(path, data, opts)
	if errors.Is(err, atomicfile.ErrExists) {
		s.out.printf("%s already exists. Replace it? y replaces it; anything else keeps it.\n", advisor.SafeText(name))
		if r, _ := s.reply(); r != "y" && r != "Y" && !strings.EqualFold(r, "yes") {
			s.out.println("Kept. Type another name, or back.")
			return "", nil
		}
		opts.Overwrite = true
		err = atomicfile.Write(path, data, opts)
	}
	if err != nil {
		return "", err
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return advisor.SafeText(path), nil
}

// reply reads a line typed in answer to a question of the program's own
// (quit, save), trimmed; ok is false when the input ended.
func (s *session) reply() (string, bool) {
	s.out.print("> ")
	if !s.sc.Scan() {
		s.out.println()
		return "", false
	}
	line := strings.TrimSpace(s.sc.Text())
	if s.echo {
		s.out.println(advisor.SafeText(line))
	}
	return line, true
}

// countAnswers says "3 answers" (with what, "3 typed answers"), and the
// verb that agrees with it.
func countAnswers(n int, what, one, many string) string {
	noun, verb := "answers", many
	if n == 1 {
		noun, verb = "answer", one
	}
	if what != "" {
		noun = what + " " + noun
	}
	return strings.TrimSpace(fmt.Sprintf("%d %s %s", n, noun, verb))
}
