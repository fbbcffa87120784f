package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
	"github.com/coo-advisor/coo-advisor/internal/doctest"
	"github.com/coo-advisor/coo-advisor/internal/pdftest"
)

// TestEveryExampleBriefPrints writes the HTML brief of every example
// profile with coo-advisor itself, as a consultant would, prints it in
// headless Chromium on A4, on Letter (the A4 layout shrunk, as Chromium prints it) and laid out on Letter (as a browser that ignores the page size would), and reads each page back: at
// most four pages, the running footer (client, date, "Confidential")
// and "Page N of M" on each, no page but the last under a third full,
// no heading cut from what it heads, page one holding the decision and
// the whole comparison of the options, and no markup showing.
func TestEveryExampleBriefPrints(t *testing.T) {
	p := pdftest.NewPrinter(t)
	bin, err := exec.LookPath("coo-advisor") // the test binary, set up by TestMain
	if err != nil {
		t.Fatal(err)
	}
	defs, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(examples) < 7 {
		t.Fatalf("the examples: %v, %v", examples, err)
	}
	for _, example := range examples {
		name := strings.TrimSuffix(filepath.Base(example), ".yaml")
		t.Run(name, func(t *testing.T) {
			html := filepath.Join(t.TempDir(), name+".html")
			out, err := exec.Command(bin, "recommend", "--answers", example, "--output", html,
				"--client", "Harbour & Sons <Ltd>", "--date", "2026-11-26").CombinedOutput()
			if err != nil {
				t.Fatalf("recommend: %v\n%s", err, out)
			}
			// The document the file was written from, for its headings.
			b, _ := os.ReadFile(example)
			file, err := defs.ReadAnswers(example, b, false)
			if err != nil {
				t.Fatal(err)
			}
			res, err := defs.Recommend(file.Answers)
			if err != nil {
				t.Fatal(err)
			}
			doc := defs.Document(res, advisor.ReportOptions{Engagement: advisor.Engagement{Client: "Harbour & Sons <Ltd>", Date: "2026-11-26"}})
			for _, paper := range []pdftest.Paper{pdftest.A4, pdftest.Letter, pdftest.LetterLayout} {
				pages := p.Print(t, html, paper)
				for i, pg := range pages {
					t.Logf("%s page %d: %.0f%% full", paper.Name, i+1, 100*pg.Fill)
				}
				for _, problem := range pdftest.Check(pages, pdftest.Expect{
					MaxPages: 4, Footer: "Harbour & Sons <Ltd> · 26 November 2026 · Confidential", Headings: doctest.Headings(doc), MinFill: 1.0 / 3,
				}) {
					t.Errorf("%s: %s", paper.Name, problem)
				}
				first := strings.Join(strings.Fields(pages[0].Text), " ")
				for _, want := range []string{"Recommendation for Harbour & Sons <Ltd>", "The decision", "The options side by side", "Risks here"} {
					if !strings.Contains(first, want) {
						t.Errorf("%s: page one lacks %q", paper.Name, want)
					}
				}
				for _, bad := range []string{"<li>", "<p", "&lt;", "&amp;", "{", "</"} {
					if strings.Contains(printedText(pages), bad) {
						t.Errorf("%s: markup %q shows in the printed brief", paper.Name, bad)
					}
				}
			}
		})
	}
}

// TestTeamBriefPrintsEveryDisagreement prints the example team's HTML
// brief, whose screen folds the long tail of the disagreements behind a
// button: the paper shows them all, the grid of answers, the agenda,
// and no control of the fold.
func TestTeamBriefPrintsEveryDisagreement(t *testing.T) {
	p := pdftest.NewPrinter(t)
	bin, err := exec.LookPath("coo-advisor")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "team", "*.yaml"))
	if err != nil || len(files) != 5 {
		t.Fatalf("the example team: %v, %v", files, err)
	}
	html := filepath.Join(t.TempDir(), "team.html")
	out, err := exec.Command(bin, append([]string{"team", "--output", html, "--date", "2026-11-26"}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("team: %v\n%s", err, out)
	}
	b, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `class="fold-toggle"`) {
		t.Fatal("the team's brief folds nothing on screen: the test needs a long tail")
	}
	pages := p.Print(t, html, pdftest.A4)
	text := strings.Join(strings.Fields(printedText(pages)), " ")
	for _, want := range []string{"The agenda", "Each person's answers", "Head of Depots", "Facts to check"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed brief lacks %q", want)
		}
	}
	if strings.Contains(text, "Show the other") {
		t.Error("the fold's button is printed")
	}
	// Every disagreement, in the JSON's order, is on paper.
	js, err := exec.Command(bin, append([]string{"team", "--format", "json", "--date", "2026-11-26"}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	var report struct {
		Disagreements []struct{ Summary string } `json:"disagreements"`
	}
	if err := json.Unmarshal(js, &report); err != nil {
		t.Fatal(err)
	}
	for _, x := range report.Disagreements {
		if s := strings.Join(strings.Fields(x.Summary), " "); !strings.Contains(text, s[:min(len(s), 30)]) {
			t.Errorf("the printed brief lacks the disagreement %q", x.Summary)
		}
	}
}
