package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rivo/uniseg"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// These tests run the real binary in a real terminal (tmux), type keys at
// it and read the screen, as a user would. tmux is installed by .ci/run;
// where it is missing the tests are skipped, except in CI, where that is a
// failure.

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	sessions  atomic.Int64 // tmux sessions started, to name their sockets
)

func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "coo-advisor-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "coo-advisor")
		out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// tmuxSession is one detached tmux server and session running the binary.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func startTmux(t *testing.T, w, h int, dir string, args ...string) *tmuxSession {
	t.Helper()
	return startTmuxEnv(t, w, h, dir, nil, args...)
}

// startTmuxEnv is startTmux with more environment (NAME=value).
func startTmuxEnv(t *testing.T, w, h int, dir string, env []string, args ...string) *tmuxSession {
	t.Helper()
	testskip.LookPath(t, "end-to-end test", "tmux")
	bin := binary(t)
	// A socket of its own: the server of a test run before (go test
	// -count) may still be going away under the same name.
	s := &tmuxSession{t: t, socket: fmt.Sprintf("coo-e2e-%d-%d-%s", os.Getpid(), sessions.Add(1), strings.ReplaceAll(t.Name(), "/", "-"))}
	// The program writes its pid to .pid (for the signal tests); after it
	// exits, the shell shows its exit code and whether the terminal is back
	// in its normal (canonical, echoing) mode.
	command := fmt.Sprintf("cd %q && sh -c 'echo $$ > .pid; exec \"$0\" \"$@\"' %q %s; echo EXIT=$?; echo STTY=$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | tr '\\n' ' '); sleep 60", dir, bin, strings.Join(args, " "))
	tmuxArgs := []string{
		"new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "TERM=xterm-256color", "COLORTERM=", "NO_COLOR=",
	}
	tmuxArgs = append(tmuxArgs, env...)
	s.tmux(append(tmuxArgs, "sh", "-c", command)...)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", "e2e") }

// keys sends tmux key names ("Enter", "Down", "Space") or literal text.
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// waitFor waits until the screen shows every part, and returns it.
func (s *tmuxSession) waitFor(parts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var screen string
	for time.Now().Before(deadline) {
		screen = s.screen()
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(screen, p)
		}
		if ok {
			return screen
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q:\n%s", parts, screen)
	return ""
}

func TestTmuxWalkThroughAndExport(t *testing.T) {
	defs, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s := startTmux(t, 80, 24, dir, "--date", "2026-11-26")
	s.waitFor("Press Enter to start")
	s.keys("Enter")
	s.waitFor("Size · 1 of 12")
	s.keys("2", "5", "Enter") // employees
	s.waitFor("2 of 12")
	s.keys("3", "Enter") // departments
	s.waitFor("3 of 12")
	s.keys("1", "Enter") // locations
	s.waitFor("4 of 12")
	s.keys("Enter") // nothing chosen yet: refused
	s.waitFor("Choose one")
	s.keys("1", "Enter") // regulation: light
	s.waitFor("5 of 12")
	s.keys("Down", "Down", "Enter") // growth: stable
	s.waitFor("6 of 12")
	s.keys("Enter") // expansion: none
	s.waitFor("7 of 12")
	s.keys("3", "Enter") // ceo_ops_time: high
	s.waitFor("8 of 12")
	s.keys("Enter") // leadership: none
	s.waitFor("9 of 12")
	s.keys("7", "9", "Enter") // pains: process-optimization, quality-assurance
	// The questions added after the nine start on their defaults: Enter
	// takes them.
	s.waitFor("10 of 12", "Not given")
	s.keys("Enter") // revenue: not given
	s.waitFor("11 of 12")
	s.keys("Enter") // site_model: owned
	s.waitFor("12 of 12")
	s.keys("Enter") // operating_model: not given
	screen := s.waitFor("Results", "Hire an Operations Director", "Confidence")

	answers := advisor.Answers{
		"employees": {Int: 25}, "departments": {Int: 3}, "locations": {Int: 1},
		"regulation": {Choice: "light"}, "growth": {Choice: "stable"}, "expansion": {},
		"ceo_ops_time": {Choice: "high"}, "leadership": {},
		"pain_points": {Multi: []string{"process-optimization", "quality-assurance"}},
	}
	res, err := defs.Recommend(answers)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(screen, "Confidence: "+defs.ResultConfidence(res)) {
		t.Fatalf("results do not show the confidence %q:\n%s", defs.ResultConfidence(res), screen)
	}
	checkScreenFits(t, screen, 80, 24)

	s.keys("e")
	s.waitFor("Export the recommendation")
	s.keys("Enter")
	s.waitFor("Saved to")
	got, err := os.ReadFile(filepath.Join(dir, "coo-advisor-recommendation.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := defs.Report(res, advisor.FormatText, advisor.ReportOptions{Engagement: advisor.Engagement{Date: "2026-11-26"}})
	if string(got) != string(want) {
		t.Fatalf("exported file differs from the report:\n%s", got)
	}
	// The answers themselves were not saved: q asks before it quits.
	s.keys("q")
	s.waitFor("Quit without saving your answers?")
	s.keys("y")
	screen = s.waitFor("EXIT=0", "Exported to")
	if !strings.Contains(strings.ReplaceAll(screen, "\n", ""), filepath.Join(dir, "coo-advisor-recommendation.txt")) {
		t.Fatalf("the exit summary does not name the file:\n%s", screen)
	}
}

func TestTmuxResizeTo30x8AndBack(t *testing.T) {
	dir := t.TempDir()
	examples, _ := filepath.Abs(filepath.Join("..", "..", "examples", "has-coo.yaml"))
	s := startTmux(t, 80, 24, dir, "--answers", examples)
	s.waitFor("Hire an Operations Director", "BY FACTOR")

	s.tmux("resize-window", "-t", "e2e", "-x", "30", "-y", "8")
	screen := s.waitFor("Hire an Operations")
	checkScreenFits(t, screen, 30, 8)
	if strings.Contains(screen, "BY FACTOR") {
		t.Fatalf("30x8 should not have room for the factors:\n%s", screen)
	}
	s.keys("c")
	// At 30x8 the notes above the columns fill the screen: scroll to them.
	s.keys("Down", "Down", "Down", "Down")
	screen = s.waitFor("CHIEF OPERATING")
	checkScreenFits(t, screen, 30, 8)

	s.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	s.keys("Escape")
	screen = s.waitFor("Hire an Operations Director", "BY FACTOR", "c compare roles")
	checkScreenFits(t, screen, 80, 24)

	s.keys("C-c")
	s.waitFor("EXIT=130")
}

// TestTmuxSaveThenQuitAt50x15: a consultant at 50x15 exports, saves the
// answers, names the client and quits. The footer keeps ? help and q quit;
// the export screen keeps its order after saving; q asks about the client
// details alone; s from there saves over the file just written without
// asking and quits; the exit summary names the file once.
func TestTmuxSaveThenQuitAt50x15(t *testing.T) {
	dir := t.TempDir()
	// The answers are saved next to the file opened: a copy.
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "close-call.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "close-call.yaml"), example, 0o600); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 50, 15, dir, "--answers", "close-call.yaml", "--output", "brief.txt")
	screen := s.waitFor("Hire an Operations Director")
	checkScreenFits(t, screen, 50, 15)
	if lines := strings.Split(strings.TrimRight(screen, "\n"), "\n"); !strings.Contains(lines[len(lines)-1], "? help") || !strings.Contains(lines[len(lines)-1], "q quit") {
		t.Fatalf("the footer at 50x15 hides ? help or q quit:\n%s", screen)
	}

	s.keys("e")
	s.waitFor("Export the recommendation")
	s.keys("Enter")
	screen = s.waitFor("✓ Saved to")
	checkScreenFits(t, screen, 50, 15)
	at := func(part string) int { return strings.Index(screen, part) }
	// The full path under the field breaks after a slash: its start.
	path := filepath.Dir(dir)
	if !(at("Export the recommendation") < at("› brief.txt") && at("› brief.txt") < at(path) && at(path) < at("Format") && at("Format") < at("✓ Saved")) {
		t.Fatalf("the export screen at 50x15 is out of order after saving:\n%s", screen)
	}
	s.keys("Enter")
	s.waitFor("Results")
	s.keys("s")
	s.waitFor("Save your answers")
	s.keys("Enter")
	s.waitFor("✓ Saved to")
	s.keys("Enter")
	s.waitFor("Results")
	s.keys("d")
	s.waitFor("Who the brief is for")
	s.keys("ACME", "Enter", "Enter", "Enter", "Enter")
	s.waitFor("For ACME")
	s.keys("q")
	screen = s.waitFor("Quit without saving the client")
	if strings.Contains(screen, "your answers") {
		t.Fatalf("q says the answers are unsaved, though only the client details changed:\n%s", screen)
	}
	s.keys("s")
	s.waitFor("then quit")
	s.keys("Enter")
	screen = s.waitFor("EXIT=0", "Answers saved to")
	if strings.Contains(screen, "already exists") || strings.Count(screen, "Answers saved to") != 1 || strings.Count(screen, "Exported to") != 1 {
		t.Fatalf("the exit summary should name each file once, after no question:\n%s", screen)
	}
	b, err := os.ReadFile(filepath.Join(dir, "close-call-saved.yaml"))
	if err != nil || !strings.Contains(string(b), `client: "ACME"`) {
		t.Fatalf("the answers file does not hold the client (%v)", err)
	}
}

// TestTmuxSignalsRestoreTheTerminal: every signal that ends the program
// leaves the terminal as it found it (out of the alternate screen, in its
// normal mode) and exits with the conventional code: 128 + the signal.
func TestTmuxSignalsRestoreTheTerminal(t *testing.T) {
	for _, tc := range []struct {
		sig  string
		code int
	}{{"TERM", 143}, {"HUP", 129}, {"QUIT", 131}, {"INT", 130}} {
		t.Run(tc.sig, func(t *testing.T) {
			dir := t.TempDir()
			s := startTmux(t, 80, 24, dir)
			s.waitFor("Press Enter to start")
			s.keys("Enter")
			s.waitFor("1 of 12")
			pid, err := os.ReadFile(filepath.Join(dir, ".pid"))
			if err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("kill", "-"+tc.sig, strings.TrimSpace(string(pid))).CombinedOutput(); err != nil {
				t.Fatalf("kill: %v %s", err, out)
			}
			screen := s.waitFor(fmt.Sprintf("EXIT=%d", tc.code), "STTY=")
			if !strings.Contains(screen, "STTY=icanon echo") {
				t.Errorf("the terminal is not restored after SIG%s:\n%s", tc.sig, screen)
			}
			if strings.Contains(screen, "How many people") || strings.Contains(screen, "goroutine") {
				t.Errorf("SIG%s left the program's screen or a stack dump:\n%s", tc.sig, screen)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != ".pid" {
					t.Errorf("SIG%s left %s behind", tc.sig, e.Name())
				}
			}
		})
	}
}

func checkScreenFits(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) > h {
		t.Errorf("%d lines on a %d-line screen", len(lines), h)
	}
	for _, l := range lines {
		if uniseg.StringWidth(l) > w {
			t.Errorf("line wider than %d: %q", w, l)
		}
	}
}

// TestTmuxTeam: a facilitator runs coo-advisor team on five people's
// files in a terminal: the team's results, the team screen with every
// disagreement, the roles with pains counted, and an HTML brief, at 80x24
// and after a resize to 50x15.
func TestTmuxTeam(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, n := range []string{"ana", "ben", "cy", "dee", "eve"} {
		f, _ := filepath.Abs(filepath.Join("..", "..", "examples", "team", n+".yaml"))
		files = append(files, f)
	}
	s := startTmux(t, 80, 24, dir, append([]string{"team"}, files...)...)
	screen := s.waitFor("Answers from 5 people", "Hire an Operations Director", "t team")
	checkScreenFits(t, screen, 80, 24)

	s.keys("t")
	screen = s.waitFor("The team", "THE AGENDA")
	checkScreenFits(t, screen, 80, 24)
	s.keys("G")
	s.waitFor("! would change the advice")
	// Escape and a letter sent together read as alt+letter: wait between.
	s.keys("Escape")
	s.waitFor("t team")
	s.keys("c")
	s.waitFor("of 5 named it", "recommended for the team")

	s.tmux("resize-window", "-t", "e2e", "-x", "50", "-y", "15")
	s.keys("Escape")
	s.waitFor("Results")
	s.keys("t")
	screen = s.waitFor("THE TEAM")
	checkScreenFits(t, screen, 50, 15)
	s.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")

	s.keys("Escape")
	s.waitFor("Results")
	s.keys("e")
	s.waitFor("Export the recommendation")
	s.keys("Tab", "Tab", "Enter")
	s.waitFor("Saved to")
	b, err := os.ReadFile(filepath.Join(dir, "coo-advisor-team.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<h2>Where the team disagrees</h2>") {
		t.Error("the exported HTML is not the team's brief")
	}
	s.keys("Enter", "q")
	s.waitFor("EXIT=0", "Exported to")
}

// TestTmuxAccessible: ACCESSIBLE=1 in a real terminal gives the plain
// line prompts, not the full-screen program.
func TestTmuxAccessible(t *testing.T) {
	dir := t.TempDir()
	s := startTmuxEnv(t, 80, 24, dir, []string{"ACCESSIBLE=1"})
	s.waitFor("Question 1 of 12, Size: How many people work in the organisation?", "Answer with a whole number")
	s.keys("quit", "Enter")
	screen := s.waitFor("EXIT=0")
	if strings.Contains(screen, "COO Advisor  Size") {
		t.Errorf("ACCESSIBLE=1 drew the full-screen program:\n%s", screen)
	}
}

// TestTmuxStyledError: on a terminal an error comes under a coloured
// ERROR header, with the same message as off one, and the same exit code.
func TestTmuxStyledError(t *testing.T) {
	dir := t.TempDir()
	s := startTmux(t, 80, 24, dir, "recommend", "missing.yaml")
	screen := s.waitFor("EXIT=2")
	if !strings.Contains(screen, "ERROR") || !strings.Contains(screen, "coo-advisor: missing.yaml: no such file") {
		t.Errorf("the error on a terminal:\n%s", screen)
	}
}

// TestTmuxSecondSignalStillRestoresTheTerminal: a second signal ends the
// program at once, before it has put the terminal back itself; the
// terminal is restored all the same.
func TestTmuxSecondSignalStillRestoresTheTerminal(t *testing.T) {
	dir := t.TempDir()
	s := startTmux(t, 80, 24, dir)
	s.waitFor("Press Enter to start")
	s.keys("Enter")
	s.waitFor("1 of 12")
	pid, err := os.ReadFile(filepath.Join(dir, ".pid"))
	if err != nil {
		t.Fatal(err)
	}
	// The first signal starts the program's own shutdown; more follow at
	// once, until it has gone, so that one may arrive while the first is
	// still being handled. Whether one does is a race the test cannot
	// see (about half the runs, measured); either way the terminal must
	// be restored. Two kills in a row hardly ever raced it (a signal sent
	// while the same one is still pending is merged into it), and on a
	// busy machine the program could be gone before the second kill,
	// which then failed ("kill: No such process"), the flake.
	p := strings.TrimSpace(string(pid))
	script := `kill -TERM "$1" || exit 1; i=0; while [ $i -lt 20000 ] && kill -TERM "$1" 2>/dev/null; do i=$((i+1)); done`
	if out, err := exec.Command("sh", "-c", script, "sh", p).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	screen := s.waitFor("EXIT=143", "STTY=")
	if !strings.Contains(screen, "STTY=icanon echo") {
		t.Errorf("the terminal is not restored after two signals:\n%s", screen)
	}
	if strings.Contains(screen, "How many people") {
		t.Errorf("two signals left the program's screen:\n%s", screen)
	}
}
