package plain

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPlainBackThenAnEmptyLineKeepsTheAnswer: after back, the question
// asked again says what was answered, and an empty line keeps it, for
// every kind of question (an empty line would otherwise mean none, or
// the default).
func TestPlainBackThenAnEmptyLineKeepsTheAnswer(t *testing.T) {
	defs := loadDefs(t)
	want, lines := answerLines(t, defs)
	cases := []struct {
		name  string
		input []string
		ids   []string // the questions whose answers were kept
	}{
		{"number", slices.Concat(lines[:1], []string{"back", ""}, lines[1:]), []string{"employees"}},
		{"choice", slices.Concat(lines[:5], []string{"back", ""}, lines[5:]), []string{"growth"}},
		{"list", slices.Concat(lines[:9], []string{"back", ""}, lines[9:]), []string{"pain_points"}},
		{"twice back", slices.Concat(lines[:3], []string{"back", "back", "", ""}, lines[3:]), []string{"departments", "locations"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, echo := range []bool{false, true} {
				out, res, err := runPlain(t, Options{Defs: defs, Echo: echo}, strings.Join(tc.input, "\n")+"\n")
				if err != nil {
					t.Fatal(err)
				}
				for _, id := range tc.ids {
					q, _ := defs.Question(id)
					if got := res.Result.Answers[id]; q.FormatValue(got) != q.FormatValue(want[id]) {
						t.Errorf("%s = %s after back and an empty line, want %s kept", id, q.FormatValue(got), q.FormatValue(want[id]))
					}
					if !strings.Contains(out, "Your answer was: "+q.Describe(want[id])+". An empty line keeps it") {
						t.Errorf("%s: back does not say that an empty line keeps the answer:\n%s", id, out)
					}
				}
			}
		})
	}
	// For a list, none is typed: the question says so.
	out, _, _ := runPlain(t, Options{Defs: defs}, strings.Join(slices.Concat(lines[:9], []string{"back"}), "\n")+"\n")
	if q, _ := defs.Question("pain_points"); !strings.Contains(out, "An empty line keeps it; type another, or none for "+q.None.Label+".") {
		t.Errorf("the list question asked again does not say how to answer none:\n%s", out)
	}
}

// questionText is what plain mode prints for question id, up to its
// first answer.
func questionText(t *testing.T, out, prompt string) string {
	t.Helper()
	_, after, ok := strings.Cut(out, prompt)
	if !ok {
		t.Fatalf("%q was not asked:\n%s", prompt, out)
	}
	text, _, _ := strings.Cut(after, "\n> ")
	return text
}

// TestPlainSaysWherePercentagesAreAccepted: questions whose options stand
// for ranges of percentages say that "20%" is an answer; others ask for
// a number.
func TestPlainSaysWherePercentagesAreAccepted(t *testing.T) {
	defs := loadDefs(t)
	_, lines := answerLines(t, defs)
	out, _, err := runPlain(t, Options{Defs: defs}, strings.Join(slices.Concat(lines[:4], []string{"?"}, lines[4:]), "\n")+"\n")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"growth":       "Answer with one number, or with a percentage, such as 20%.",
		"ceo_ops_time": "Answer with one number, or with a percentage, such as 20%.",
		"regulation":   "Answer with one number.",
	} {
		q, _ := defs.Question(id)
		if text := questionText(t, out, q.Prompt); !strings.Contains(text, want) || want == "Answer with one number." && strings.Contains(text, "percent") {
			t.Errorf("%s does not say %q:\n%s", id, want, text)
		}
	}
	if !strings.Contains(out, ", and a percentage picks the option whose range holds it.") {
		t.Errorf("help on growth does not say percentages are accepted:\n%s", out)
	}
}

// terminal runs a session as a person at a terminal: the prompts apart
// from the report, both on the terminal.
func terminal(t *testing.T, o Options, input string) (stdout, prompts string, err error) {
	t.Helper()
	var out, pr strings.Builder
	if o.Defs == nil {
		o.Defs = loadDefs(t)
	}
	o.Input, o.Output, o.Prompts, o.Interactive, o.OnTerminal, o.Report = strings.NewReader(input), &out, &pr, true, true, testReport
	_, err = Run(o)
	return out.String(), pr.String(), err
}

// TestPlainEndPointsToOutputAndSaving: at a terminal, the end points to
// -o and offers to save the answers, on the prompts' stream, never on
// standard output; piped input gets neither.
func TestPlainEndPointsToOutputAndSaving(t *testing.T) {
	defs := loadDefs(t)
	want, lines := answerLines(t, defs)
	dir := t.TempDir()
	input := strings.Join(lines, "\n") + "\nsave\n\n"
	stdout, prompts, err := terminal(t, Options{Defs: defs, Dir: dir}, input)
	if err != nil {
		t.Fatal(err)
	}
	for _, hint := range []string{"Tip: -o brief.md writes the brief to a file; the ending picks the format (.txt, .md, .html, .json).", "Type save to save your answers"} {
		if !strings.Contains(prompts, hint) || strings.Contains(stdout, hint) {
			t.Errorf("the hint %q is not on the prompts' stream alone", hint)
		}
	}
	saved := filepath.Join(dir, DefaultSaveName)
	if !strings.Contains(prompts, "Answers saved to "+saved+" (open them again with --answers).") {
		t.Errorf("saving does not say where:\n%s", prompts)
	}
	b, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	got, err := defs.ParseAnswers(saved, b)
	if err != nil || got["employees"].Int != want["employees"].Int || strings.Join(got["pain_points"].Multi, ",") != strings.Join(want["pain_points"].Multi, ",") {
		t.Fatalf("saved answers %v (%v)", got, err)
	}
	// With -o the brief is in a file: only the offer to save, after the
	// note saying where the brief is.
	_, prompts, err = terminal(t, Options{Defs: defs, Dir: dir, ExportPath: "brief.md"}, strings.Join(lines, "\n")+"\n\n")
	if err != nil || strings.Contains(prompts, "-o brief.md") || !strings.Contains(prompts, "Type save to save your answers") {
		t.Errorf("with -o (%v):\n%s", err, prompts)
	}
	// Input from a file or a pipe is asked nothing more, and scripts
	// parse no hints.
	var out, pr strings.Builder
	if _, err := Run(Options{Defs: defs, Input: strings.NewReader(input), Output: &out, Prompts: &pr, Echo: true, OnTerminal: true, Report: testReport}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(pr.String()+out.String(), "Type save") || strings.Contains(pr.String()+out.String(), "-o brief.md") {
		t.Errorf("piped input got the terminal's hints:\n%s", pr.String())
	}
}

// TestPlainQuitOffersToSave: quit after answers, at a terminal, asks
// first, as q does on the full screen: y quits, s saves them and quits,
// anything else goes back to the question. Piped input stops at once and
// says what was not saved.
func TestPlainQuitOffersToSave(t *testing.T) {
	defs := loadDefs(t)
	_, lines := answerLines(t, defs)
	three := strings.Join(lines[:3], "\n") + "\nquit\n"
	dir := t.TempDir()

	_, prompts, err := terminal(t, Options{Defs: defs, Dir: dir}, three+"s\nmine.yaml\n")
	saved := filepath.Join(dir, "mine.yaml")
	if !errors.Is(err, ErrQuit) || err.Error() != "the brief was not written; your answers are saved in "+saved+" (coo-advisor --answers "+shellQuote(saved)+" goes on from them)" {
		t.Fatalf("quit, s: %v", err)
	}
	if !strings.Contains(prompts, "Quit without saving your 3 answers? y quits, s saves them first, anything else goes back to the question.") {
		t.Errorf("quit did not ask:\n%s", prompts)
	}
	b, _ := os.ReadFile(saved)
	got, perr := defs.ReadAnswers(saved, b, true)
	if perr != nil || len(got.Answers) != 3 || got.Answers["employees"].Int != 25 {
		t.Errorf("saved %v (%v)", got, perr)
	}
	// Saving over a file asks first; no keeps it and asks for another
	// name.
	_, prompts, err = terminal(t, Options{Defs: defs, Dir: dir}, three+"s\nmine.yaml\nn\nother.yaml\n")
	if !errors.Is(err, ErrQuit) || !strings.Contains(prompts, "mine.yaml already exists. Replace it? y replaces it; anything else keeps it.\n> Kept. Type another name, or back.") ||
		!strings.HasSuffix(err.Error(), filepath.Join(dir, "other.yaml")+" (coo-advisor --answers "+shellQuote(filepath.Join(dir, "other.yaml"))+" goes on from them)") {
		t.Errorf("saving over a file (%v):\n%s", err, prompts)
	}
	if _, _, err = terminal(t, Options{Defs: defs, Dir: dir}, three+"s\nmine.yaml\ny\n"); !errors.Is(err, ErrQuit) || !strings.Contains(err.Error(), "saved in "+saved) {
		t.Errorf("replacing the file: %v", err)
	}
	// back from saving goes back to the question.
	if _, _, err = terminal(t, Options{Defs: defs, Dir: dir}, three+"s\nback\n"+strings.Join(lines[3:], "\n")+"\n\n"); err != nil {
		t.Errorf("back from saving: %v", err)
	}

	_, _, err = terminal(t, Options{Defs: defs}, three+"y\n")
	if !errors.Is(err, ErrQuit) || err.Error() != "nothing was written; 3 typed answers were not saved" {
		t.Errorf("quit, y: %v", err)
	}
	_, res, err := func() (string, Outcome, error) {
		var out, pr strings.Builder
		res, err := Run(Options{Defs: defs, Input: strings.NewReader(three + "no\n" + strings.Join(lines[3:], "\n") + "\n\n"), Output: &out, Prompts: &pr, Interactive: true, Report: testReport})
		return out.String(), res, err
	}()
	if err != nil || res.Result == nil {
		t.Errorf("quit, then anything else: the session did not go on: %v", err)
	}

	// Piped: no question, and the message says what was lost.
	out, _, err := runPlain(t, Options{Defs: defs, Echo: true}, three+"y\n")
	if !errors.Is(err, ErrQuit) || err.Error() != "nothing was written; 3 typed answers were not saved" || strings.Contains(out, "Quit without saving") {
		t.Errorf("piped quit: %v\n%s", err, out)
	}
	// Nothing typed: nothing to lose.
	if _, _, err := terminal(t, Options{Defs: defs}, "quit\n"); err != ErrQuit {
		t.Errorf("quit before any answer: %v", err)
	}
}
