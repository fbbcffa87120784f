package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
)

func displayName(path string) string {
	if path == "-" {
		return "stdin"
	}
	// A file's name is the user's: shown escaped, never raw.
	return advisor.SafeText(path)
}

// oneStdinReader refuses two flags that both read standard input ("-"):
// the second would find it empty.
func (a *app) oneStdinReader(more map[string]string) error {
	var readers []string
	flags := map[string]string{flagRoles: a.rolesPath, flagQuestions: a.questionsPath}
	for k, v := range more {
		flags[k] = v
	}
	for _, name := range []string{flagAnswers, flagRoles, flagQuestions} {
		if flags[name] == "-" {
			readers = append(readers, name)
		}
	}
	if len(readers) > 1 {
		both := "all"
		if len(readers) == 2 {
			both = "both"
		}
		return badInput(fmt.Errorf("%s %s read standard input (-); only one can: give the others as files", advisor.JoinWords(readers, "and"), both))
	}
	return nil
}

// loadDefinitions loads the built-in definitions, or the user's files
// where --roles or --questions name them.
func (a *app) loadDefinitions() (*advisor.Definitions, error) {
	if err := a.oneStdinReader(nil); err != nil {
		return nil, err
	}
	if a.rolesPath == "" && a.questionsPath == "" {
		defs, err := data.Load()
		if err != nil {
			return nil, failure(fmt.Errorf("built-in definitions are broken (a bug): %w", err))
		}
		return defs, nil
	}
	roles, err := a.source(flagRoles, a.rolesPath, data.RolesFile)
	if err != nil {
		return nil, err
	}
	questions, err := a.source(flagQuestions, a.questionsPath, data.QuestionsFile)
	if err != nil {
		return nil, err
	}
	defs, err := advisor.Load(roles, questions)
	if err != nil {
		return nil, badInput(err)
	}
	return defs, nil
}

// source reads the definitions file flag names at path, or the built-in
// one.
func (a *app) source(flag, path, builtin string) (advisor.Source, error) {
	if path == "" {
		src, err := advisor.ReadSource(data.FS, builtin, "built-in ")
		if err != nil {
			return src, failure(err)
		}
		return src, nil
	}
	b, err := a.readInput(flag, path)
	if err != nil {
		return advisor.Source{}, err
	}
	return advisor.Source{Name: displayName(path), Data: b}, nil
}

// readInput reads a user file, or standard input for "-", up to the size
// limit (the parser reports an over-long file). who is the flag that names
// it, or the file itself when an argument does.
func (a *app) readInput(who, path string) ([]byte, error) {
	if path == "-" {
		if err := a.readsStdin(who); err != nil {
			return nil, err
		}
		b, err := advisor.ReadLimited(a.stdin)
		if err != nil {
			return nil, badInput(fmt.Errorf("stdin: %w", err))
		}
		return b, nil
	}
	f, err := a.open(path)
	if err != nil {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, badInput(fmt.Errorf("%s: no such file", path))
		case errors.Is(err, os.ErrPermission):
			return nil, badInput(fmt.Errorf("%s: permission denied", path))
		}
		return nil, badInput(err)
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		return nil, badInput(fmt.Errorf("%s: is a directory; give a YAML file", path))
	}
	if err == nil && a.isStdin(st) {
		if err := a.readsStdin(who); err != nil {
			return nil, err
		}
	}
	b, err := advisor.ReadLimited(f)
	if err != nil {
		return nil, badInput(fmt.Errorf("%s: %w", path, err))
	}
	return b, nil
}

// isStdin reports whether st is the file standard input is, whatever name
// opened it: /dev/stdin, /dev/fd/0 and /proc/self/fd/0 open standard
// input's file (a pipe, a terminal, a redirected file) under other names.
func (a *app) isStdin(st os.FileInfo) bool {
	in, ok := a.stdin.(*os.File)
	if !ok {
		return false
	}
	ist, err := in.Stat()
	return err == nil && os.SameFile(ist, st)
}

// readsStdin records that who (a flag, or a file given as an argument)
// reads standard input, and refuses a second reader, by whatever name it
// reaches standard input: it would find it empty.
func (a *app) readsStdin(who string) error {
	if len(a.fromStdin) > 0 {
		return badInput(fmt.Errorf("%s and %s both read standard input; only one can: give the others as files", a.fromStdin[0], who))
	}
	a.fromStdin = append(a.fromStdin, who)
	if isTerminal(a.stdin) {
		// Standard input is the keyboard: a blank screen would leave the
		// user wondering what the program waits for (cat and sort say
		// nothing, but they are not asked for a file by name).
		a.tellf("coo-advisor: reading %s from the keyboard: type it, then press ctrl+d on a line of its own (ctrl+c stops)", displayName(who))
	}
	return nil
}

// fifoPatience is how long opening a named pipe may wait for a writer
// before the user is told what the program is waiting for.
const fifoPatience = 500 * time.Millisecond

// open opens an input file. A named pipe opens only once something
// writes to it: when that takes a while, say so rather than hang in
// silence (ctrl+c still stops it).
func (a *app) open(path string) (*os.File, error) {
	if st, err := os.Stat(path); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		return os.Open(path) //nolint:wrapcheck // readInput words every error, by its kind
	}
	type opened struct {
		f   *os.File
		err error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := os.Open(path)
		done <- opened{f, err}
	}()
	select {
	case o := <-done:
		return o.f, o.err
	case <-time.After(fifoPatience):
		a.tellf("coo-advisor: waiting for something to write to %s, a named pipe (ctrl+c to stop)", advisor.SafeText(path))
	}
	o := <-done
	return o.f, o.err
}

func (a *app) readAnswers(defs *advisor.Definitions, path string) (advisor.Answers, error) {
	f, err := a.readAnswersFile(defs, flagAnswers, path, false)
	if err != nil {
		return nil, err
	}
	return f.Answers, nil
}

// readAnswersFile reads and checks an answers file; who names it as
// readInput's does.
func (a *app) readAnswersFile(defs *advisor.Definitions, who, path string, partial bool) (*advisor.AnswersFile, error) {
	b, err := a.readInput(who, path)
	if err != nil {
		return nil, err
	}
	f, err := defs.ReadAnswers(displayName(path), b, partial)
	if err != nil {
		// A file whose only problem is its gaps is a partial file: say
		// where it is welcome.
		var ie *advisor.InputError
		if !partial && path != "-" && errors.As(err, &ie) && ie.OnlyGaps {
			ie.Hint = "to answer the open questions, run coo-advisor --answers " + path + " (without recommend or validate)"
		}
		return nil, badInput(err)
	}
	if f.TeamReport {
		// Its lists are every value anyone named, without the share that
		// weighed each in the team's advice.
		a.tellf("warning: %s is a team's brief: read as one person's answers, its lists hold every value anyone in the team named, so the advice may differ from the team's; to see the team's again, run coo-advisor team on the members' own files", advisor.SafeText(displayName(path)))
	}
	return f, nil
}
