package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTmuxPlainOffersToSave: at a real terminal, plain mode's quit asks
// before it throws typed answers away (anything else goes back to the
// question, s saves them and quits), and the end points to -o and offers
// to save the answers (issue 15, point 26).
func TestTmuxPlainOffersToSave(t *testing.T) {
	t.Run("quit", func(t *testing.T) {
		dir := t.TempDir()
		s := startTmuxEnv(t, 80, 24, dir, []string{"ACCESSIBLE=1"}, "--date", "2026-11-26")
		s.waitFor("Question 1 of 12")
		s.keys("25", "Enter")
		s.waitFor("Question 2 of 12")
		s.keys("3", "Enter")
		s.waitFor("Question 3 of 12")
		s.keys("quit", "Enter")
		s.waitFor("Quit without saving your 2 answers? y quits, s saves them first")
		s.keys("n", "Enter")
		s.waitFor("Question 3 of 12 again: ")
		s.keys("quit", "Enter")
		s.waitFor("Quit without saving your 2 answers?")
		s.keys("s", "Enter")
		s.waitFor("Save your answers to which file?")
		s.keys("Enter")
		screen := s.waitFor("EXIT=0")
		saved := filepath.Join(dir, "coo-advisor-answers.yaml")
		if !strings.Contains(screen, "Stopped: the brief was not written; your answers are saved") {
			t.Errorf("quit after saving:\n%s", screen)
		}
		if b, err := os.ReadFile(saved); err != nil || !strings.Contains(string(b), "\nemployees: 25\n") || !strings.Contains(string(b), "\ndepartments: 3\n") {
			t.Errorf("saved answers (%v):\n%s", err, b)
		}
	})
	t.Run("end", func(t *testing.T) {
		dir := t.TempDir()
		s := startTmuxEnv(t, 80, 24, dir, []string{"ACCESSIBLE=1"}, "--date", "2026-11-26")
		s.waitFor("Question 1 of 12")
		for i, line := range []string{"25", "3", "1", "light", "20%", "", "high", "", "7,9", "", "", ""} {
			if i == 4 {
				s.waitFor("Answer with one number, or with a percentage, such as 20%")
			}
			if line != "" {
				s.keys(line)
			}
			s.keys("Enter")
		}
		s.waitFor("Tip: -o brief.md writes the brief to a file", "Type save to save your answers")
		s.keys("save", "Enter")
		s.waitFor("Save your answers to which file?")
		s.keys("Enter")
		s.waitFor("Answers saved to", "EXIT=0")
		if b, err := os.ReadFile(filepath.Join(dir, "coo-advisor-answers.yaml")); err != nil || !strings.Contains(string(b), "\ngrowth: moderate\n") {
			t.Errorf("saved answers (%v):\n%s", err, b)
		}
	})
}
