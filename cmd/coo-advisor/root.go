package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=..." (make
// build and the release do); otherwise it comes from the build info.
var version = ""

// programVersion is the version: the one the build set, or the module's
// version, or the commit it was built from.
func programVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return strings.TrimPrefix(v, "v")
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 7 {
			return "dev-" + s.Value[:7]
		}
	}
	return "dev"
}

// app holds what every command shares: the streams and the definition
// flags.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// out is what stdout writes through: it keeps the first write error,
	// so that a report lost to a full disk or a closed pipe is a failure
	// even where nothing checks the write (help, version).
	out           *checkedWriter
	rolesPath     string
	questionsPath string
	// fromStdin says who read standard input (a flag, or a file given as
	// an argument), as "-" or under any name that opened the same file
	// (/dev/stdin, /dev/fd/0, the file redirected to it): nothing else can
	// read it then, and no question can be answered there.
	fromStdin []string
	stop      *stopper // nil in tests that run commands in-process
	// quiet is how a run ended that has nothing more to say (a signal,
	// an interruption): main exits with its code.
	quiet error
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer, stop *stopper) (*cobra.Command, *app) {
	cw := &checkedWriter{w: stdout}
	a := &app{stdin: stdin, stdout: cw, stderr: stderr, stop: stop, out: cw}
	var out outputFlags
	var plain, showVersion bool
	root := &cobra.Command{
		Use:   "coo-advisor",
		Short: "Decide whether your next operations leader is a COO or an Operations Director",
		Long: `coo-advisor asks about your company's size, complexity, growth, leadership and pains, and recommends a Chief Operating Officer, an Operations Director or, when it is too early for either, a fractional COO: with its confidence, the reasons, what would change the advice, and a brief to hand over.

Run it without a command for the interactive advisor. Everything stays on this machine.`,
		Example: `# The questions, then the results:
coo-advisor
# Open at the results of a client's answers (or ask what the file leaves open):
coo-advisor --answers client.yaml
# Line prompts, for screen readers and pipes:
coo-advisor --plain
# The brief for an answers file, as HTML to send or print:
coo-advisor recommend client.yaml -o brief.html`,
		// --version is ours, not cobra's (no Version here): cobra prints
		// the version before it looks at the arguments, and so ran
		// "--version extra" without a word.
		Args: func(cmd *cobra.Command, args []string) error {
			if showVersion && len(args) > 0 {
				return badInput(fmt.Errorf("--version takes no arguments, got %s; run coo-advisor --version alone", quoted(args[0])))
			}
			return unknownCommand(cmd, args)
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		SilenceErrors:     true,
		SilenceUsage:      true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if showVersion {
				_, _ = fmt.Fprintf(a.stdout, "coo-advisor version %s\n", programVersion())
				return nil
			}
			return a.runInteractive(cmd, &out, plain)
		},
	}
	root.SetIn(stdin)
	root.SetOut(cw)
	root.SetErr(stderr)
	a.definitionFlags(root)
	out.register(root, "an answers file to open at the results, or to resume (- for standard input)")
	boolVarP(root, &plain, "plain", "", "plain line prompts, no screen drawing (automatic with ACCESSIBLE=1, TERM=dumb, or off a terminal)")
	boolVarP(root, &showVersion, "version", "v", "print the version")
	root.SetFlagErrorFunc(flagError)

	root.AddCommand(a.recommendCmd(), a.teamCmd(), a.formCmd(), a.rolesCmd(), a.questionsCmd(), a.validateCmd(), a.manCmd())
	root.SetHelpFunc(a.help)
	root.SetHelpCommand(helpCmd())
	completionCmd(root)
	return root, a
}

// noArgs rejects arguments to a command that takes only flags, saying so
// (cobra's own message calls them unknown commands).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return badInput(fmt.Errorf("unexpected argument %q: %s takes flags only; run '%s --help' for usage", args[0], cmd.Name(), cmd.CommandPath()))
	}
	return nil
}
