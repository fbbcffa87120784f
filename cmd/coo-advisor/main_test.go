package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rivo/uniseg"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// TestMain lets the test binary act as coo-advisor itself, so the scripts
// run the real main function in a separate process: exit codes, standard
// streams and files are what a user gets. After the tests, it says which
// were skipped, and why.
func TestMain(m *testing.M) {
	// Tests that interrupt a write half-way slow it down; the real program
	// never reads this variable.
	if d, err := time.ParseDuration(os.Getenv("COO_ADVISOR_TEST_WRITE_DELAY")); err == nil {
		atomicfile.Delay = d
	}
	testscript.Main(testskip.M{M: m}, map[string]func(){
		"coo-advisor": main,
	})
}

// TestScripts runs testdata/script/*.txtar. Each script names the
// behaviour it proves.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// The examples are the sample answers files users start from.
			examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
			if err != nil {
				return err
			}
			env.Setenv("EXAMPLES", examples)
			// The built-in definitions, as files to give with --roles.
			env.Setenv("DATA", filepath.Join(examples, "..", "data"))
			env.Setenv("NO_COLOR", "1")
			// A real escape character, for hostile input ("\x1b" typed in
			// a script is four characters, not one).
			env.Setenv("ESC", "\x1b")
			env.Setenv("COLUMNS", "")
			return nil
		},
		// [exists:/dev/full] holds when the path exists on this machine.
		Condition: func(cond string) (bool, error) {
			if path, ok := strings.CutPrefix(cond, "exists:"); ok {
				_, err := os.Stat(path)
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":       cmdExits,
			"maxwidth":    cmdMaxWidth,
			"dircontents": cmdDirContents,
		},
	})
}

// cmdExits runs a program and checks its exit code:
//
//	exits 2 coo-advisor recommend
//
// stdout and stderr can be checked afterwards as after exec.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// cmdMaxWidth checks that no line of a file (or stdout/stderr) is wider
// than N terminal cells; with ! that at least one is.
func cmdMaxWidth(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: maxwidth N file")
	}
	limit, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("maxwidth: bad width %q", args[0])
	}
	text := ts.ReadFile(args[1])
	if strings.TrimSpace(text) == "" {
		ts.Fatalf("maxwidth: %s is empty", args[1])
	}
	widest, widestLine := 0, ""
	for _, line := range strings.Split(text, "\n") {
		if w := uniseg.StringWidth(line); w > widest {
			widest, widestLine = w, line
		}
	}
	switch {
	case !neg && widest > limit:
		ts.Fatalf("%s has a line of %d cells, over %d: %q", args[1], widest, limit, widestLine)
	case neg && widest <= limit:
		ts.Fatalf("%s has no line over %d cells (widest %d)", args[1], limit, widest)
	}
}

// cmdDirContents checks that a directory holds exactly the named entries
// (hidden temporary files included).
func cmdDirContents(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: dircontents DIR [name...]")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("dircontents: %v", err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := slices.Clone(args[1:])
	slices.Sort(want)
	if !slices.Equal(got, want) {
		ts.Fatalf("%s holds %q, want %q", args[0], got, want)
	}
}

// TestErrorTextEscapesWhatWasTyped: cobra's messages repeat what was typed
// (an unknown flag); the message shown never carries it raw.
func TestErrorTextEscapesWhatWasTyped(t *testing.T) {
	got := errorText(errors.New("unknown flag: --\x1b]0;PWNED\a\x1b[2J"))
	if strings.ContainsAny(got, "\x1b\a") || !strings.Contains(got, `--\x1b]0;PWNED\a\x1b[2J`) {
		t.Fatalf("errorText = %q", got)
	}
}
