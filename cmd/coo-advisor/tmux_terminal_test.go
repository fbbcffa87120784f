package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// TestTmuxLargePasteDoesNotFreeze: a terminal without bracketed paste (or
// a paste that bypasses it) sends half a megabyte as that many keys. The
// number field keeps its 16 characters and drops the rest at once: keys
// typed after the paste, and ctrl+c, are answered within the usual wait,
// not minutes later.
func TestTmuxLargePasteDoesNotFreeze(t *testing.T) {
	dir := t.TempDir()
	paste := filepath.Join(t.TempDir(), "paste.txt")
	if err := os.WriteFile(paste, bytes.Repeat([]byte("7"), 512<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 80, 24, dir)
	s.waitFor("Press Enter to start")
	s.keys("Enter")
	s.waitFor("1 of 12")
	s.tmux("load-buffer", paste)
	// No -p: the text goes in as typed keys, never as a bracketed paste.
	s.tmux("paste-buffer", "-t", "e2e")
	s.waitFor("7777777777777777")
	// The keys after the paste come after every pasted key: answering
	// them means the paste has been got through.
	s.tmux("send-keys", "-t", "e2e", "-N", "16", "BSpace")
	s.keys("25", "Enter")
	s.waitFor("2 of 12")
	s.tmux("paste-buffer", "-t", "e2e")
	s.keys("C-c")
	s.waitFor("EXIT=130")
}

// TestTmuxPasteOnScreensWithoutFields: a paste without bracketed paste
// is keys, one per character, on screens without a field too. Each key
// used to draw the whole screen again, whether or not it changed
// anything: 200 KB of 1 on the pain points (each one ticks or unticks
// the first box) held the program for over a minute, a megabyte on the
// results for half a minute, and ctrl+c waited behind them. Now ctrl+c
// after the paste is answered within the usual wait, with the last state
// drawn: 200,000 presses of 1 leave the first box as it was.
func TestTmuxPasteOnScreensWithoutFields(t *testing.T) {
	dir := t.TempDir()
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "close-call.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(example), "\n") {
		if !strings.HasPrefix(l, "pain_points:") {
			kept = append(kept, l)
		}
	}
	partial := filepath.Join(dir, "partial.yaml")
	if err := os.WriteFile(partial, []byte(strings.Join(kept, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		size   int
		answer string
		shows  string
	}{
		{"the pain points", 200_000, partial, "Where does it hurt today?"},
		{"the results", 1 << 20, "close-call.yaml", "BY FACTOR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			paste := filepath.Join(t.TempDir(), "paste.txt")
			if err := os.WriteFile(paste, bytes.Repeat([]byte("1"), tc.size), 0o600); err != nil {
				t.Fatal(err)
			}
			answers, _ := filepath.Abs(filepath.Join("..", "..", "examples", tc.answer))
			if filepath.IsAbs(tc.answer) {
				answers = tc.answer
			}
			s := startTmux(t, 120, 40, dir, "--answers", answers)
			s.waitFor(tc.shows)
			s.tmux("load-buffer", paste)
			// No -p: the text goes in as typed keys, never as a bracketed
			// paste.
			s.tmux("paste-buffer", "-t", "e2e")
			if tc.size == 200_000 {
				// The keys after the paste come after every pasted key.
				s.keys("2")
				s.waitFor("[ ] Daily decisions", "[x] Departments do not work together", "1 chosen")
			}
			s.keys("C-c")
			s.waitFor("EXIT=130")
		})
	}
}

// TestTmuxSuspendAndResume: in a shell with job control, ctrl+z and a
// SIGTSTP from outside both suspend the program as any terminal program
// is suspended: the shell's prompt on the normal screen, the cursor
// shown, typing echoed and run by the shell; fg brings the program back,
// drawn again and answering keys.
func TestTmuxSuspendAndResume(t *testing.T) {
	testskip.LookPath(t, "end-to-end test", "bash")
	dir := t.TempDir()
	s := startShell(t, 80, 24, dir)
	// sh records its pid and becomes the program: the job's pid is the
	// program's.
	s.keys(fmt.Sprintf(`sh -c 'echo $$ > .pid; exec "$0"' %q`, binary(t)), "Enter")
	s.waitFor("Press Enter to start")
	s.keys("Enter")
	s.waitFor("1 of 12")
	pid, err := os.ReadFile(filepath.Join(dir, ".pid"))
	if err != nil {
		t.Fatal(err)
	}
	for i, stop := range []struct {
		name string
		do   func()
	}{
		{"ctrl+z", func() { s.keys("C-z") }},
		{"kill -TSTP", func() {
			if out, err := exec.Command("kill", "-TSTP", strings.TrimSpace(string(pid))).CombinedOutput(); err != nil {
				t.Fatalf("kill: %v %s", err, out)
			}
		}},
	} {
		stop.do()
		deadline := time.Now().Add(15 * time.Second)
		for strings.Count(s.screen(), "Stopped") < i+1 {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the shell never said the program stopped:\n%s", stop.name, s.screen())
			}
			time.Sleep(50 * time.Millisecond)
		}
		if got := strings.TrimSpace(s.tmux("display-message", "-p", "-t", "e2e", "#{alternate_on} #{cursor_flag}")); got != "0 1" {
			t.Errorf("%s: alternate screen and cursor shown are %q, want the normal screen and the cursor (0 1)", stop.name, got)
		}
		// The shell has the terminal back, in its normal mode: what is
		// typed shows, and Enter runs it.
		s.keys(fmt.Sprintf("echo typed-$((%d*7))", i+6), "Enter")
		s.waitFor(fmt.Sprintf("echo typed-$((%d*7))", i+6), fmt.Sprintf("typed-%d\n", (i+6)*7))
		s.keys("fg", "Enter")
		s.waitFor(fmt.Sprintf("%d of 12", i+1), "ctrl+c quit now")
		s.keys([]string{"25", "3"}[i], "Enter")
		s.waitFor(fmt.Sprintf("%d of 12", i+2))
	}
	s.keys("C-c")
	s.waitFor("SHELL$")
	s.keys("echo STTY=$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | tr '\\n' ' ')", "Enter")
	s.waitFor("STTY=icanon echo")
}

// startShell starts an interactive shell, with job control, in a tmux
// session: the session's commands are typed at its prompt, "SHELL$ ".
func startShell(t *testing.T, w, h int, dir string) *tmuxSession {
	t.Helper()
	testskip.LookPath(t, "end-to-end test", "tmux")
	s := &tmuxSession{t: t, socket: fmt.Sprintf("coo-e2e-%d-%d-%s", os.Getpid(), sessions.Add(1), strings.ReplaceAll(t.Name(), "/", "-"))}
	s.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-c", dir,
		"env", "TERM=xterm-256color", "COLORTERM=", "NO_COLOR=", "PS1=SHELL$ ", "bash", "--norc", "--noprofile", "-i")
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.waitFor("SHELL$")
	return s
}

// TestTmuxHugeWindowKeepsMemoryBounded: started in a 2000x500 window and
// resized in a storm, the program keeps to the memory of its largest
// drawing size (480x160, in the top left of the window): its peak
// resident memory stays far below the 274 MB a 2000x500 window took,
// and the 470 MB after a storm. Back at 80x24 it fits the window.
func TestTmuxHugeWindowKeepsMemoryBounded(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		testskip.Skip(t, "no /proc to read the memory from", "end-to-end test")
	}
	dir := t.TempDir()
	example, _ := filepath.Abs(filepath.Join("..", "..", "examples", "close-call.yaml"))
	s := startTmux(t, 2000, 500, dir, "--answers", example)
	s.waitFor("Hire an Operations Director", "BY FACTOR")
	pid, err := os.ReadFile(filepath.Join(dir, ".pid"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 20; i++ {
		s.tmux("resize-window", "-t", "e2e", "-x", fmt.Sprint(100+i*95), "-y", fmt.Sprint(30+i*23))
	}
	s.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	screen := s.waitFor("Hire an Operations Director", "c compare roles")
	checkScreenFits(t, screen, 80, 24)
	status, err := os.ReadFile(filepath.Join("/proc", strings.TrimSpace(string(pid)), "status"))
	if err != nil {
		t.Fatal(err)
	}
	var peakKB int
	for _, l := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			peakKB, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	if peakKB == 0 || peakKB > 128<<10 {
		t.Errorf("peak resident memory %d kB, want under 128 MB:\n%s", peakKB, status)
	}
	s.keys("q")
	s.waitFor("EXIT=0")
}

// TestTmuxMessagesWrapBetweenWords: what the program leaves on the
// terminal outside the help is wrapped between words too, at the
// terminal's width: the terminal would break a long line wherever its
// edge falls ("did you mean reco" / "mmend?" at 60 columns, "a close c" /
// "all" in the exit summary at 50).
func TestTmuxMessagesWrapBetweenWords(t *testing.T) {
	example, _ := filepath.Abs(filepath.Join("..", "..", "examples", "close-call.yaml"))
	for _, tc := range []struct {
		name  string
		width int
		args  []string
		keys  []string
		words string // each shows whole on some line
	}{
		{"an error at 60 columns", 60, []string{"recomend"}, nil, `coo-advisor: unknown command "recomend"; did you mean recommend?`},
		{"an error at 120 columns", 120, []string{"xyzzy"}, nil, `coo-advisor: unknown command "xyzzy"; commands are completion, man, questions, recommend, roles, team, validate (run 'coo-advisor --help')`},
		{"the exit summary at 50 columns", 50, []string{"--answers", example}, []string{"q"}, "Hire an Operations Director (confidence: a close call"},
		{"the exit summary at 42 columns", 42, []string{"--answers", example}, []string{"q"}, "Hire an Operations Director (confidence: a close call"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startTmux(t, tc.width, 20, t.TempDir(), tc.args...)
			if tc.keys != nil {
				s.waitFor("c compare roles")
				s.keys(tc.keys...)
			}
			screen := s.waitFor("EXIT=")
			lines := strings.Split(screen, "\n")
			for _, w := range strings.Fields(tc.words) {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, w) }) {
					t.Errorf("%q is broken over two lines:\n%s", w, screen)
				}
			}
		})
	}
}

// TestTmuxAnswersTypedAtTheKeyboard: --answers - (or /dev/stdin) on a
// terminal reads the keyboard: the program says so, and how to end, where
// it showed a blank screen. Answers typed that way are in no file: q asks
// before it throws them away, and s saves them in the directory the
// program was started from.
func TestTmuxAnswersTypedAtTheKeyboard(t *testing.T) {
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "close-call.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"-", "/dev/stdin"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s := startTmux(t, 80, 24, dir, "--answers", name)
			s.waitFor("reading --answers from the keyboard", "ctrl+d")
			for _, l := range strings.Split(strings.TrimSpace(string(example)), "\n") {
				s.tmux("send-keys", "-t", "e2e", "-l", l)
				s.keys("Enter")
			}
			s.keys("C-d")
			s.waitFor("Hire an Operations Director", "c compare roles")
			s.keys("q")
			s.waitFor("Quit without saving your answers?")
			s.keys("s")
			s.waitFor("Save your answers, then quit", "coo-advisor-answers.yaml")
			s.keys("Enter")
			s.waitFor("Answers saved to", "EXIT=0")
			if _, err := os.Stat(filepath.Join(dir, "coo-advisor-answers.yaml")); err != nil {
				t.Fatalf("the answers were not saved: %v", err)
			}
		})
	}
}

// TestTmuxEnvironmentAsTheManPageSays: ACCESSIBLE and NO_COLOR act when
// set to anything but the empty string, as the man page says: ACCESSIBLE
// set but empty keeps the full screen, ACCESSIBLE=0 asks plain line
// prompts, NO_COLOR=yes leaves colour off (it was read as a boolean,
// which "yes" is not).
func TestTmuxEnvironmentAsTheManPageSays(t *testing.T) {
	for _, tc := range []struct {
		env    string
		shows  string
		colour bool
	}{
		{"ACCESSIBLE=", "Press Enter to start", true},
		{"ACCESSIBLE=0", "Answer with a whole number", false},
		{"NO_COLOR=yes", "Press Enter to start", false},
		{"NO_COLOR=", "Press Enter to start", true},
	} {
		t.Run(tc.env, func(t *testing.T) {
			s := startTmuxEnv(t, 80, 24, t.TempDir(), []string{tc.env})
			s.waitFor(tc.shows)
			screen := s.tmux("capture-pane", "-p", "-e", "-t", "e2e")
			if coloured := hasColour(screen); coloured != tc.colour {
				t.Errorf("coloured: %v, want %v:\n%q", coloured, tc.colour, screen)
			}
		})
	}
}

// hasColour reports whether text sets a colour (a foreground or a
// background, not the default one) with an SGR escape sequence.
func hasColour(text string) bool {
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;:]*)m`).FindAllStringSubmatch(text, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if n >= 30 && n <= 38 || n >= 40 && n <= 48 || n >= 90 && n <= 97 || n >= 100 && n <= 107 {
				return true
			}
		}
	}
	return false
}
