package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
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
	s.waitFor("1 of 11")
	s.tmux("load-buffer", paste)
	// No -p: the text goes in as typed keys, never as a bracketed paste.
	s.tmux("paste-buffer", "-t", "e2e")
	s.waitFor("7777777777777777")
	// The keys after the paste come after every pasted key: answering
	// them means the paste has been got through.
	s.tmux("send-keys", "-t", "e2e", "-N", "16", "BSpace")
	s.keys("25", "Enter")
	s.waitFor("2 of 11")
	s.tmux("paste-buffer", "-t", "e2e")
	s.keys("C-c")
	s.waitFor("EXIT=130")
}
