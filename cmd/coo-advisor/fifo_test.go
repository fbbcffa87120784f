package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// lockedBuffer is a bytes.Buffer a process writes while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestNamedPipeSaysWhatItWaitsFor: an answers file that is a named pipe
// with nothing writing to it does not hang in silence: the program says
// what it waits for, and goes on once something writes.
func TestNamedPipeSaysWhatItWaitsFor(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "answers.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		testskip.Skip(t, fmt.Sprintf("no named pipes here (%v)", err), "test")
	}
	answers, err := os.ReadFile(filepath.Join("..", "..", "examples", "scale-up.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "recommend", fifo, "--format", "json", "--date", "2026-11-26")
	var stdout, stderr lockedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), "waiting for something to write to") {
		if time.Now().After(deadline) {
			t.Fatalf("no word on the named pipe after 10 s; stderr: %q", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), "answers.fifo, a named pipe (ctrl+c to stop)") {
		t.Errorf("the note does not name the pipe: %q", stderr.String())
	}
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(answers); err != nil {
		t.Fatal(err)
	}
	_ = w.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("recommend from a named pipe: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"recommended": "coo"`) {
		t.Errorf("no report after the pipe was written:\n%s", stdout.String())
	}
}
