package tui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenScreens reaches every screen from a fresh driver.
var goldenScreens = []struct {
	name    string
	answers string // example file to open with, or "" for a fresh start
	keys    []string
}{
	{"welcome", "", nil},
	{"question-integer", "", []string{"enter", "1", "2", "0"}},
	{"question-integer-error", "", []string{"enter", "1", "2", "q"}},
	{"question-choice", "", []string{"enter", "1", "2", "0", "enter", "7", "enter", "3", "enter", "down"}},
	{"question-multi", "", []string{"enter", "1", "2", "0", "enter", "7", "enter", "3", "enter", "enter", "4", "enter", "space", "down", "down", "space"}},
	{"results", "close-call.yaml", nil},
	{"compare", "has-coo.yaml", []string{"c"}},
	{"review", "close-call.yaml", []string{"a", "down", "down"}},
	{"export", "close-call.yaml", []string{"e", "tab"}},
	// The file exists already (see existingExport): Enter asks first.
	{"export-confirm", "close-call.yaml", []string{"e", "enter"}},
	{"help", "close-call.yaml", []string{"?"}},
}

// TestGolden compares every screen at 80x24 and 120x40, on a dark
// background, with the 256-colour profile, to testdata/*.golden (and the
// same without escape codes, easier to review, in *.txt). Run
// `go test ./tui -run TestGolden -update` after a deliberate change.
func TestGolden(t *testing.T) {
	defs := loadDefs(t)
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, g := range goldenScreens {
			name := fmt.Sprintf("%s-%dx%d", g.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				o := Options{Defs: defs, Dir: "/home/founder/acme"}
				if g.answers != "" {
					o.Answers = readAnswers(t, defs, g.answers)
				}
				if g.name == "export-confirm" {
					// Write into a temporary directory shown by a relative
					// path, so that the frame is the same on every run.
					t.Chdir(t.TempDir())
					o.Dir = "."
					existingExport(t)
				}
				d := newDriver(t, o, size[0], size[1])
				d.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
				for _, k := range g.keys {
					d.key(k)
				}
				frame := d.m.View().Content
				var colored bytes.Buffer
				w := &colorprofile.Writer{Forward: &colored, Profile: colorprofile.ANSI256}
				if _, err := w.WriteString(frame); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join(testdata, name+".golden"), colored.Bytes())
				checkGolden(t, filepath.Join(testdata, name+".txt"), []byte(ansi.Strip(frame)))
			})
		}
	}
}

// TestGoldenANSI keeps the screens in the 16-colour profile, on dark and
// light backgrounds (testdata/*-ansi-*.golden): the highlight, the
// headings and the errors each in a colour of their own.
func TestGoldenANSI(t *testing.T) {
	defs := loadDefs(t)
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, bg := range []struct {
		name string
		dark bool
	}{{"dark", true}, {"light", false}} {
		for _, g := range goldenScreens {
			switch g.name {
			case "welcome", "question-integer-error", "question-choice", "results", "export-confirm":
			default:
				continue
			}
			t.Run(g.name+"-"+bg.name, func(t *testing.T) {
				o := Options{Defs: defs, Dir: "/home/founder/acme"}
				if g.answers != "" {
					o.Answers = readAnswers(t, defs, g.answers)
				}
				if g.name == "export-confirm" {
					t.Chdir(t.TempDir())
					o.Dir = "."
					existingExport(t)
				}
				d := newDriver(t, o, 80, 24)
				d.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI})
				d.send(backgroundMsg(bg.dark))
				for _, k := range g.keys {
					d.key(k)
				}
				var colored bytes.Buffer
				w := &colorprofile.Writer{Forward: &colored, Profile: colorprofile.ANSI}
				if _, err := w.WriteString(d.m.View().Content); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join(testdata, g.name+"-ansi-"+bg.name+".golden"), colored.Bytes())
			})
		}
	}
}

// existingExport leaves a file where the export screen writes by default,
// one the session did not write (a file it wrote itself is replaced
// without asking).
func existingExport(t *testing.T) {
	t.Helper()
	if err := os.WriteFile(DefaultExportName+".txt", []byte("an older brief\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update if the change is deliberate):\n--- got\n%s\n--- want\n%s", path, ansi.Strip(string(got)), ansi.Strip(string(want)))
	}
}

// TestScreenshotsAreCurrent: the README's pictures (docs/*.svg, drawn by
// make screenshots from the 120x40 goldens) record the golden each was
// drawn from; a screen that changed without new pictures fails here.
func TestScreenshotsAreCurrent(t *testing.T) {
	stamps, err := filepath.Glob(filepath.Join("..", "docs", "*.svg.golden-sha256"))
	if err != nil || len(stamps) < 4 {
		t.Fatalf("docs has %d pictures (%v); run make screenshots", len(stamps), err)
	}
	for _, stamp := range stamps {
		name := strings.TrimSuffix(filepath.Base(stamp), ".svg.golden-sha256")
		golden, err := os.ReadFile(filepath.Join("testdata", name+"-120x40.golden"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(stamp)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(golden)
		if strings.TrimSpace(string(want)) != hex.EncodeToString(sum[:]) {
			t.Errorf("docs/%s.svg was drawn from an older screen; run make screenshots", name)
		}
	}
}
