package plain

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// plainLines turns answers into the lines a user would type: values for
// choices, comma-separated values for lists, an empty line for none.
func plainLines(d *advisor.Definitions, a advisor.Answers) string {
	var b strings.Builder
	for i := range d.Questions {
		q := &d.Questions[i]
		v := q.FormatValue(a[q.ID])
		if v == "[]" {
			v = "" // an empty list: the empty line people type
		}
		b.WriteString(v + "\n")
	}
	return b.String()
}

func runPlain(t *testing.T, o Options, input string) (string, Outcome, error) {
	t.Helper()
	if o.Defs == nil {
		o.Defs = loadDefs(t)
	}
	if o.Report == (advisor.ReportOptions{}) {
		o.Report = testReport
	}
	var out strings.Builder
	o.Input = strings.NewReader(input)
	o.Output = &out
	res, err := Run(o)
	return out.String(), res, err
}

func TestPlainAnswersEveryQuestionAndPrintsTheReport(t *testing.T) {
	defs := loadDefs(t)
	for _, name := range []string{"small-business.yaml", "scale-up.yaml", "has-coo.yaml", "close-call.yaml"} {
		t.Run(name, func(t *testing.T) {
			answers := readAnswers(t, defs, name)
			want, _ := defs.Recommend(answers)
			out, res, err := runPlain(t, Options{Defs: defs}, plainLines(defs, answers))
			if err != nil {
				t.Fatal(err)
			}
			if res.Result.Recommended != want.Recommended {
				t.Fatalf("recommended %s, want %s", res.Result.Recommended, want.Recommended)
			}
			report, _ := defs.Report(want, advisor.FormatText, testReport)
			if !strings.HasSuffix(out, string(report)) {
				t.Fatalf("output does not end with the text report:\n%s", out)
			}
			if strings.ContainsRune(out, '\x1b') {
				t.Fatal("plain mode wrote an escape code")
			}
			for i, q := range defs.Questions {
				if !strings.Contains(out, q.Prompt) {
					t.Errorf("question %d (%s) was not asked", i+1, q.ID)
				}
				for j, o := range q.Options {
					// Numbered, in words only: a screen reader reads ids aloud.
					if !strings.Contains(out, "\n  "+strconv.Itoa(j+1)+". "+o.Label+"\n") || strings.Contains(out, ". "+o.Value+": ") {
						t.Errorf("%s: option %d is not numbered, or shows its id", q.ID, j+1)
					}
				}
			}
		})
	}
}

func TestPlainAcceptsNumbersAndExplainsBadAnswers(t *testing.T) {
	defs := loadDefs(t)
	input := strings.Join([]string{
		"lots",   // employees: not a number
		"0",      // out of range
		"1 200",  // accepted: 1200
		"12",     // departments
		"3",      // locations
		"strict", // regulation: not a value
		"3",      // heavy, by its number
		"RAPID",  // growth, any case
		"1, 4",   // expansion: numbers
		"9",      // ceo_ops_time: no such number
		"high",
		"",                  // leadership: none
		"risk-management,2", // pain points: value and number
	}, "\n") + "\n"
	out, res, err := runPlain(t, Options{Defs: defs}, input)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`Not accepted: "lots" is not a number; enter a whole number from 1 to 1,000,000`,
		"Not accepted: 0 is out of range",
		`Not accepted: "strict" is not one of the choices; enter a number from 1 to 3 or one of light, moderate, heavy`,
		`Not accepted: "9" is not one of the choices`,
		"Recorded: 1,200 (500 to 1,999)",
		"Recorded: Heavy",
		"Recorded: Rapid",
		"Recorded: New markets; International expansion",
		"Recorded: Nobody in these roles",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	a := res.Result.Answers
	if a["employees"].Int != 1200 || a["regulation"].Choice != "heavy" || a["growth"].Choice != "rapid" ||
		strings.Join(a["expansion"].Multi, ",") != "new-markets,international" || len(a["leadership"].Multi) != 0 ||
		strings.Join(a["pain_points"].Multi, ",") != "overall-management,risk-management" {
		t.Fatalf("answers = %+v", a)
	}
}

func TestPlainEndOfInputNamesTheQuestion(t *testing.T) {
	defs := loadDefs(t)
	cases := []struct {
		name  string
		input string
		index int
	}{
		{"no input at all", "", 0},
		{"ends after two answers", "25\n3\n", 2},
		{"ends on a rejected answer", "25\n3\n1\nnope\n", 3},
		{"last line without newline still counts", "25\n3\n1\nlight", 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runPlain(t, Options{Defs: defs}, tc.input)
			var ended *InputEndedError
			if !errors.As(err, &ended) {
				t.Fatalf("err = %v, want InputEndedError", err)
			}
			q := defs.Questions[tc.index]
			if ended.ID != q.ID || !strings.Contains(err.Error(), q.ID) || !strings.Contains(err.Error(), "question "+strconv.Itoa(tc.index+1)+" of "+strconv.Itoa(len(defs.Questions))) {
				t.Fatalf("err = %v, want question %d (%s)", err, tc.index+1, q.ID)
			}
		})
	}
}

func TestPlainRejectsAnOverlongLine(t *testing.T) {
	_, _, err := runPlain(t, Options{}, strings.Repeat("9", maxLine+10)+"\n")
	var perr *InputError
	if !errors.As(err, &perr) || !strings.Contains(err.Error(), "longer than") {
		t.Fatalf("err = %v", err)
	}
}

func TestPlainWritesOutputAndFormat(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "scale-up.yaml")
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.json")
	out, _, err := runPlain(t, Options{Defs: defs, ExportPath: path, Format: advisor.FormatJSON}, plainLines(defs, answers))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := defs.Recommend(answers)
	want, _ := defs.Report(res, advisor.FormatJSON, testReport)
	if string(b) != string(want) {
		t.Fatalf("written:\n%s", b)
	}
	if !strings.Contains(out, "written to "+path) {
		t.Fatalf("output does not say where the report went:\n%s", out)
	}
	// A second run refuses to overwrite, then --force replaces.
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = runPlain(t, Options{Defs: defs, ExportPath: path, Format: advisor.FormatJSON}, plainLines(defs, answers))
	var werr *WriteError
	if !errors.As(err, &werr) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatal("overwritten without --force")
	}
	if _, _, err = runPlain(t, Options{Defs: defs, ExportPath: path, Format: advisor.FormatJSON, Force: true}, plainLines(defs, answers)); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != string(want) {
		t.Fatal("--force did not replace the file")
	}
}

func TestPlainWithAnswersPrintsTheReportOnly(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "has-coo.yaml")
	out, _, err := runPlain(t, Options{Defs: defs, Answers: answers, Format: advisor.FormatMarkdown}, "")
	if err != nil {
		t.Fatal(err)
	}
	res, _ := defs.Recommend(answers)
	want, _ := defs.Report(res, advisor.FormatMarkdown, testReport)
	if out != string(want) {
		t.Fatalf("output:\n%s", out)
	}
}

func TestPlainPromptsApartFromTheReport(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "small-business.yaml")
	var out, prompts strings.Builder
	_, err := Run(Options{Defs: defs, Input: strings.NewReader("\ufeff" + plainLines(defs, answers)), Output: &out, Prompts: &prompts, Format: advisor.FormatJSON, Report: testReport})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := defs.Recommend(answers)
	want, _ := defs.Report(res, advisor.FormatJSON, testReport)
	if out.String() != string(want) {
		t.Fatalf("standard output is not the JSON report alone:\n%s", out.String())
	}
	if !strings.Contains(prompts.String(), defs.Questions[0].Prompt) || strings.Contains(prompts.String(), `"recommended"`) {
		t.Fatalf("prompts:\n%s", prompts.String())
	}
	// Off a terminal (a file, a pipe), the brief is not announced there.
	if strings.Contains(prompts.String(), "the brief follows") {
		t.Errorf("the prompts announce a brief that goes elsewhere:\n%s", prompts.String())
	}
	// On the terminal the prompts are on, it is set apart and announced.
	prompts.Reset()
	out.Reset()
	if _, err := Run(Options{Defs: defs, Input: strings.NewReader(plainLines(defs, answers)), Output: &out, Prompts: &prompts, OnTerminal: true, Report: testReport}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(prompts.String(), "\n\nEvery question is answered; the brief follows.\n\n") {
		t.Errorf("on a terminal the prompts do not end by announcing the brief:\n%s", prompts.String())
	}
}

func TestPlainChecksTheOutputBeforeAsking(t *testing.T) {
	defs := loadDefs(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "brief.txt")
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{existing, filepath.Join(dir, "missing", "brief.txt")} {
		var out, prompts strings.Builder
		input := strings.NewReader(plainLines(defs, readAnswers(t, defs, "scale-up.yaml")))
		_, err := Run(Options{Defs: defs, Input: input, Output: &out, Prompts: &prompts, ExportPath: path})
		var werr *WriteError
		if !errors.As(err, &werr) {
			t.Fatalf("%s: err = %v", path, err)
		}
		if prompts.Len() != 0 || input.Len() == 0 {
			t.Fatalf("%s: questions were asked before the output was refused:\n%s", path, prompts.String())
		}
	}
	if b, _ := os.ReadFile(existing); string(b) != "old" {
		t.Fatal("existing file changed")
	}
}

// TestPlainBackHelpAndQuit: plain mode understands back (the previous
// question, whose answer is asked again), help or ? (how to answer) and
// quit (stop; nothing written).
func TestPlainBackHelpAndQuit(t *testing.T) {
	defs := loadDefs(t)
	answers := readAnswers(t, defs, "small-business.yaml")
	lines := strings.Split(strings.TrimSuffix(plainLines(defs, answers), "\n"), "\n")
	// 999 employees, then back, then the right number; help on the second.
	input := strings.Join(append([]string{"999", "back", lines[0], "?", "help"}, lines[1:]...), "\n") + "\n"
	out, res, err := runPlain(t, Options{Defs: defs}, input)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Result.Answers["employees"].Int; got != answers["employees"].Int {
		t.Errorf("employees = %d after back, want %d", got, answers["employees"].Int)
	}
	if q := defs.Questions[0]; !strings.Contains(out, "Your answer was: "+q.Describe(advisor.Answer{Int: 999})+". An empty line keeps it, or type another.") {
		t.Errorf("back does not say what was answered before:\n%s", out)
	}
	if strings.Count(out, "Question 1 of 12") != 2 || strings.Count(out, "Help: "+defs.Questions[1].Prompt) != 2 {
		t.Errorf("back did not ask question 1 again, or help was not given twice:\n%s", out)
	}
	if !strings.Contains(out, "Commands: back (the previous question)") {
		t.Error("help does not list the commands")
	}
	// back on the first question says so.
	out, _, _ = runPlain(t, Options{Defs: defs}, "back\n")
	if !strings.Contains(out, "This is the first question.") {
		t.Errorf("back on question 1:\n%s", out)
	}
	// quit stops at once, with nothing written.
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.txt")
	_, _, err = runPlain(t, Options{Defs: defs, ExportPath: path}, lines[0]+"\nquit\n"+strings.Join(lines[1:], "\n"))
	if !errors.Is(err, ErrQuit) {
		t.Fatalf("quit: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("quit wrote the report")
	}
}

// TestPlainAcceptsLabelsAndPercentages: the labels people see, in any
// case, and a percentage for growth are answers too.
func TestPlainAcceptsLabelsAndPercentages(t *testing.T) {
	defs := loadDefs(t)
	input := strings.Join([]string{
		"1 200", "8", "3", "Moderate", "25%", "New markets, international expansion", "60%",
		"Operations managers, without a director above them", "Quality is inconsistent; processes have bottlenecks", "", "",
	}, "\n") + "\n"
	_, res, err := runPlain(t, Options{Defs: defs}, input)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Result.Answers
	if a["employees"].Int != 1200 || a["regulation"].Choice != "moderate" || a["growth"].Choice != "moderate" ||
		strings.Join(a["expansion"].Multi, ",") != "new-markets,international" || a["ceo_ops_time"].Choice != "high" ||
		strings.Join(a["leadership"].Multi, ",") != "operations-managers" ||
		strings.Join(a["pain_points"].Multi, ",") != "process-optimization,quality-assurance" {
		t.Errorf("answers %+v", a)
	}
}

// TestPlainResumesAPartialFile: given a partial answers file, plain mode
// asks only the questions it leaves open, then prints the report.
func TestPlainResumesAPartialFile(t *testing.T) {
	defs := loadDefs(t)
	full := readAnswers(t, defs, "close-call.yaml")
	partial := full.Clone()
	delete(partial, "growth")
	delete(partial, "pain_points")
	delete(partial, "revenue") // has a default: not asked
	out, res, err := runPlain(t, Options{Defs: defs, Answers: partial}, "rapid\nperformance-monitoring, operational-efficiency, process-optimization\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "10 of 12 questions are answered; 2 to go") || strings.Count(out, "\nQuestion ") != 2 {
		t.Errorf("resume asked more than the two open questions:\n%s", out)
	}
	want, _ := defs.Recommend(full)
	if res.Result.Recommended != want.Recommended || res.Result.Confidence != want.Confidence {
		t.Errorf("resumed to %s %v, want %s %v", res.Result.Recommended, res.Result.Confidence, want.Recommended, want.Confidence)
	}
}

// TestPlainGivesUpOnInputGoingRoundInCircles: piped input that reaches
// no new question (help for ever, back on the first question, an answer
// and back again) ends, naming the question, instead of running for ever;
// a transcript with a few helps and backs still goes through.
func TestPlainGivesUpOnInputGoingRoundInCircles(t *testing.T) {
	defs := loadDefs(t)
	for name, input := range map[string]string{
		"help":         strings.Repeat("help\n", 1000),
		"?":            strings.Repeat("?\n", 1000),
		"back":         strings.Repeat("back\n", 1000),
		"answer, back": strings.Repeat("25\nback\n", 1000),
	} {
		_, _, err := runPlain(t, Options{Defs: defs, Echo: true}, input)
		var perr *InputError
		if !errors.As(err, &perr) || !strings.Contains(err.Error(), "reached no new question") {
			t.Errorf("%s for ever: err = %v", name, err)
		}
	}
	answers := readAnswers(t, defs, "small-business.yaml")
	lines := strings.Split(strings.TrimSuffix(plainLines(defs, answers), "\n"), "\n")
	var input []string
	for i, l := range lines {
		input = append(input, "?", l)
		if i == 3 {
			input = append(input, "back", "help", l)
		}
	}
	if _, _, err := runPlain(t, Options{Defs: defs, Echo: true}, strings.Join(input, "\n")+"\n"); err != nil {
		t.Fatalf("a transcript with helps and a back: %v", err)
	}
	// Back over every question but the last and answer them all again:
	// a long way round, but it gets somewhere.
	last := len(lines) - 1
	long := slices.Concat(lines[:last], slices.Repeat([]string{"back"}, last), lines)
	if _, _, err := runPlain(t, Options{Defs: defs, Echo: true}, strings.Join(long, "\n")+"\n"); err != nil {
		t.Fatalf("back over %d questions and answered again: %v", last, err)
	}
}
