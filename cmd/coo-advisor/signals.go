package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/coo-advisor/coo-advisor/internal/atomicfile"
)

// stopSignals are the signals that end the program. Each ends it the
// same way: temporary files removed, the terminal restored, and the
// conventional exit code, 128 plus the signal's number (130 for SIGINT,
// 143 for SIGTERM, 129 for SIGHUP, 131 for SIGQUIT).
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// signalCode is the exit code of a process ended by sig.
func signalCode(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitFailure
}

// stopper turns a signal into a clean exit. While the full-screen program
// runs, it cancels the context and lets the program restore the terminal;
// otherwise it exits at once.
type stopper struct {
	ctx         context.Context
	cancel      context.CancelFunc
	stderr      io.Writer
	interactive atomic.Bool
	got         atomic.Value // the os.Signal received
	exit        func(int)
	// restore puts the terminal back as the full-screen program found
	// it, for an exit that cannot wait for the program to do it.
	restore atomic.Pointer[func()]
}

// errStopped is the error of a run a signal ended.
var errStopped = errors.New("stopped by a signal")

// watchSignals starts the stopper: from now on the stop signals end the
// program cleanly.
func watchSignals(stderr io.Writer) *stopper {
	ctx, cancel := context.WithCancel(context.Background())
	s := &stopper{ctx: ctx, cancel: cancel, stderr: stderr, exit: os.Exit}
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, stopSignals...)
	go func() {
		sig := <-ch
		s.got.Store(sig)
		// No half-written file may outlive the program.
		atomicfile.Abort()
		if !s.interactive.Load() {
			if sig == syscall.SIGINT {
				// ^C was echoed on the prompt's line: end it, so the
				// shell's prompt starts on a line of its own.
				_, _ = fmt.Fprintln(s.stderr)
			}
			s.exit(signalCode(sig))
			return
		}
		s.cancel()
		// The program stops and restores the terminal; should it not, a
		// second signal or a few seconds end it anyway.
		select {
		case <-ch:
		case <-time.After(3 * time.Second):
		}
		if restore := s.restore.Load(); restore != nil {
			(*restore)()
		}
		s.exit(signalCode(sig))
	}()
	return s
}

// signal is the signal that stopped the run, or nil.
func (s *stopper) signal() os.Signal {
	if s == nil {
		return nil
	}
	sig, _ := s.got.Load().(os.Signal)
	return sig
}
