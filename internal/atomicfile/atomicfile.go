// Package atomicfile writes files so that a reader never sees half of one
// and nothing the user did not ask to replace is ever replaced:
//
//   - the data goes to a temporary file in the same directory, which is then
//     moved into place in one step;
//   - only regular files are replaced, and only when asked; a FIFO, a socket
//     or a directory is refused, naming what it is;
//   - a terminal is refused, whatever name reaches it (a link to /dev/tty,
//     /dev/stdout on a terminal): the raw report would be drawn over the
//     screen and called saved; so is every other device but /dev/null and
//     /dev/full, which are written to as streams, as is the process's own
//     standard output or error named as /dev/stdout, /dev/stderr or
//     /dev/fd/N when it is not a terminal (a pipe, a file a shell opened);
//     a failed write to a stream is an error;
//   - the program's own input files are never written;
//   - a replaced file keeps its mode (and owner, where allowed); a new one
//     gets 0666 less the umask, like any file a shell redirection creates;
//     the temporary file has that mode before it holds a byte, so that no
//     one reads a private file while it is replaced;
//   - on a signal, Abort removes the temporary files being written.
package atomicfile

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
)

// Errors Write and Check return, wrapped in a message naming the path.
var (
	// ErrExists: a regular file is there and replacing it was not allowed.
	ErrExists = errors.New("already exists")
	// ErrIsDir: the path names a directory.
	ErrIsDir = errors.New("is a directory")
	// ErrNoDir: the directory to write in is missing or is not one.
	ErrNoDir = errors.New("does not exist or is not a directory")
	// ErrNotRegular: the path names something that is neither a regular
	// file nor a device (a named pipe, a socket), which is never replaced.
	ErrNotRegular = errors.New("is not a regular file")
	// ErrProtected: the path is one of the program's own inputs.
	ErrProtected = errors.New("is an input of this run (the answers or a definitions file)")
	// ErrAborted: the program is stopping on a signal.
	ErrAborted = errors.New("the program is stopping")
	// ErrNotOutput: the path names standard input.
	ErrNotOutput = errors.New("standard input is not an output")
	// ErrTerminal: the path names a terminal, where a report would be
	// drawn over the screen.
	ErrTerminal = errors.New("is a terminal, not a file")
	// ErrDevice: the path names a device other than a terminal, /dev/null
	// or /dev/full.
	ErrDevice = errors.New("is a device, not a file")
)

// BadName reports whether err is the fault of the name given, not of the
// machine: a missing or wrong directory, one the user may not write to or
// on a read-only file system, a directory, a named pipe, an input of the
// run, standard input, a path through a file, a name too long. A target
// the user named that cannot be written is theirs to change, whether it
// is missing or locked. (A full disk, or a write that fails half way, is
// the machine's.)
func BadName(err error) bool {
	if errors.Is(err, fs.ErrPermission) {
		return true
	}
	for _, e := range []error{ErrExists, ErrIsDir, ErrNoDir, ErrNotRegular, ErrProtected, ErrNotOutput, ErrTerminal, ErrDevice, syscall.ENOTDIR, syscall.ENAMETOOLONG, syscall.EROFS} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// Options say what Write may do.
type Options struct {
	// Overwrite allows replacing an existing regular file.
	Overwrite bool
	// Protect names files that must never be written, whatever their
	// name: the program's inputs (an answers file, definitions).
	Protect []string
	// ProtectFiles are inputs known by what they are rather than a name:
	// a file redirected to standard input.
	ProtectFiles []fs.FileInfo
}

// protects reports whether st is one of the protected inputs.
func (o Options) protects(st fs.FileInfo) bool {
	for _, p := range o.Protect {
		if ps, err := os.Stat(p); err == nil && os.SameFile(ps, st) {
			return true
		}
	}
	for _, pf := range o.ProtectFiles {
		if os.SameFile(pf, st) {
			return true
		}
	}
	return false
}

// Delay is, when set, slept between writing the temporary file and moving
// it into place. Only tests set it, to interrupt a write half-way.
var Delay time.Duration

// registry holds the temporary files being written, for Abort.
var registry struct {
	sync.Mutex
	temps   map[string]bool
	aborted bool
}

// Abort removes every temporary file being written and makes any later
// Write fail: a signal handler calls it before the program exits.
func Abort() {
	registry.Lock()
	defer registry.Unlock()
	registry.aborted = true
	for name := range registry.temps {
		_ = os.Remove(name) // best effort: the process is ending on a signal
	}
	registry.temps = nil
}

// target is what a path names, once resolved.
type target struct {
	path   string      // the file to replace: symbolic links followed
	stream bool        // a device: written in place
	fd     int         // one of the process's own streams (by name), or -1
	old    fs.FileInfo // the regular file replaced, or nil
}

// resolve checks path against the options and says how to write it.
func resolve(path string, o Options) (target, error) {
	t := target{path: path, fd: -1}
	if fd, ok := streamFD(path); ok {
		// One of the process's own streams: written through the stream
		// itself (so that a shell's >> appends), never reopened by name,
		// and never when it is one of the inputs.
		t.stream, t.fd = true, fd
		f, err := fdFile(fd)
		if err != nil {
			return t, fmt.Errorf("cannot write %s: %w", path, err)
		}
		st, err := f.Stat()
		tty := term.IsTerminal(f.Fd())
		if fd > 2 {
			_ = f.Close() // only looked at
		}
		if tty {
			return t, fmt.Errorf("%s %w; give a file name", path, ErrTerminal)
		}
		if err == nil && st.Mode().IsRegular() && o.protects(st) {
			return t, fmt.Errorf("%s %w; choose another name for the output", path, ErrProtected)
		}
		return t, nil
	}
	if st, err := os.Stat(path); err == nil && o.protects(st) {
		return t, fmt.Errorf("%s %w; choose another name for the output", path, ErrProtected)
	}
	lst, lerr := os.Lstat(path)
	st, err := os.Stat(path)
	switch {
	case err == nil:
		if lst.Mode()&fs.ModeSymlink != 0 {
			// Replace what the link points to, and keep the link.
			if resolved, err := filepath.EvalSymlinks(path); err == nil {
				t.path = resolved
			}
		}
		switch m := st.Mode(); {
		case m.IsDir():
			return t, fmt.Errorf("%s %w; give a file name", path, ErrIsDir)
		case m.IsRegular():
			if !o.Overwrite {
				return t, fmt.Errorf("%s %w", path, ErrExists)
			}
			t.old = st
		case m&fs.ModeCharDevice != 0:
			t.stream = true
			return t, device(path, t.path, st)
		default:
			return t, fmt.Errorf("%s %w: it is %s; only regular files are replaced, so give another name", path, ErrNotRegular, describe(m))
		}
	case lerr == nil && lst.Mode()&fs.ModeSymlink != 0:
		return t, brokenLink(path, err)
	case !errors.Is(err, fs.ErrNotExist):
		return t, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	dir := filepath.Dir(t.path)
	if st, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return t, fmt.Errorf("cannot write %s: directory %s %w", path, dir, ErrNoDir)
		}
		return t, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	} else if !st.IsDir() {
		return t, fmt.Errorf("cannot write %s: %s %w", path, dir, ErrNoDir)
	}
	return t, nil
}

// brokenLink says why the symbolic link path, which err says cannot be
// followed, is no output.
func brokenLink(path string, err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return fmt.Errorf("%s %w: it is a symbolic link in a loop, which never reaches a file; give another name", path, ErrNotRegular)
	}
	return fmt.Errorf("%s %w: it is a symbolic link to a missing file; give another name", path, ErrNotRegular)
}

// sinks are the only devices written to: /dev/null drops the report (a
// run for its exit code alone), /dev/full refuses it as a full disk would.
var sinks = []string{"/dev/null", "/dev/full"}

// device refuses a device that is not a sink. A terminal would show the
// raw report over the screen it is on; no other device is a place for a
// file. resolved is path with symbolic links followed.
func device(path, resolved string, st fs.FileInfo) error {
	for _, s := range sinks {
		if ss, err := os.Stat(s); err == nil && os.SameFile(ss, st) {
			return nil
		}
	}
	name := path
	if resolved != path {
		name = fmt.Sprintf("%s (a link to %s)", path, resolved)
	}
	if isTerminal(resolved, st) {
		return fmt.Errorf("%s %w; give a file name", name, ErrTerminal)
	}
	return fmt.Errorf("%s %w; give a file name (of the devices, only /dev/null and /dev/full are written to)", name, ErrDevice)
}

// isTerminal reports whether the device st, at resolved, is a terminal:
// one of the process's own, or one by its name. It is not opened to ask:
// opening a device can have effects of its own.
func isTerminal(resolved string, st fs.FileInfo) bool {
	for _, f := range []*os.File{os.Stdin, os.Stdout, os.Stderr} {
		if fst, err := f.Stat(); err == nil && os.SameFile(fst, st) && term.IsTerminal(f.Fd()) {
			return true
		}
	}
	base := filepath.Base(resolved)
	return strings.HasPrefix(resolved, "/dev/pts/") || strings.HasPrefix(base, "tty") || base == "console" || base == "ptmx"
}

// IsStream reports whether Write would write path in place, as a stream:
// the process's own streams and devices.
func IsStream(path string) bool {
	if _, ok := streamFD(path); ok {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode()&fs.ModeCharDevice != 0
}

// streamFD is the file descriptor a path names when it names one of the
// process's own streams: /dev/stdout, /dev/stderr, /dev/fd/N or
// /proc/self/fd/N.
func streamFD(path string) (int, bool) {
	switch path {
	case "/dev/stdout":
		return 1, true
	case "/dev/stderr":
		return 2, true
	}
	for _, prefix := range []string{"/dev/fd/", "/proc/self/fd/"} {
		if n, ok := strings.CutPrefix(path, prefix); ok && n != "" && len(n) < 6 && strings.Trim(n, "0123456789") == "" {
			fd, err := strconv.Atoi(n)
			return fd, err == nil
		}
	}
	return 0, false
}

// fdFile is the open file of descriptor fd: standard output and error as
// the program holds them, another descriptor duplicated (the caller
// closes it).
func fdFile(fd int) (*os.File, error) {
	switch fd {
	case 1:
		return os.Stdout, nil
	case 2:
		return os.Stderr, nil
	case 0:
		return nil, ErrNotOutput
	}
	return dupFile(fd)
}

// describe names a file type for messages.
func describe(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "not a regular file"
}

// Check reports, without writing anything, the reasons Write would fail
// for path that can be known in advance. Programs that ask questions first
// call it before the first one, so that no answers are lost to a name
// that cannot be used.
func Check(path string, o Options) error {
	_, err := resolve(path, o)
	return err
}

// Write writes data to path. A regular file is written atomically: to a
// temporary file in the same directory, moved into place in one step; a
// device is written in place. Without Overwrite an existing file is never
// replaced, and the check cannot race with another writer: the file is
// linked into place, which fails if the name is taken. On any error nothing
// is left behind.
func Write(path string, data []byte, o Options) error {
	t, err := resolve(path, o)
	if err != nil {
		return err
	}
	if t.stream {
		if t.fd >= 0 {
			return writeFD(path, t.fd, data)
		}
		// A link names what it leads to: "full.txt: no space left"
		// would puzzle.
		shown := path
		if t.path != path {
			shown = fmt.Sprintf("%s (a link to %s)", path, t.path)
		}
		return writeStream(path, shown, data)
	}
	return writeAtomic(path, t, data, o.Overwrite)
}

// writeFD writes to one of the process's own streams.
func writeFD(path string, fd int, data []byte) error {
	f, err := fdFile(fd)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if fd > 2 {
		defer func() { _ = f.Close() }() // a duplicate; the write's own errors are checked
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// writeStream writes a device in place; shown is its name for messages.
func writeStream(path, shown string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", shown, unwrapPath(err))
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil {
		return fmt.Errorf("cannot write %s: %w", shown, unwrapPath(werr))
	}
	if cerr != nil {
		return fmt.Errorf("cannot write %s: %w", shown, unwrapPath(cerr))
	}
	return nil
}

// tempName is a short name in dir: its length does not depend on the
// target's, so a name of 255 bytes can still be written.
func tempName(dir string) string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand never fails on Linux; a rare clash is retried
	return filepath.Join(dir, fmt.Sprintf(".coo-advisor-%x.tmp", b))
}

// createTemp creates a temporary file in dir, registered for Abort, with
// its final permissions before a byte is written: another user who may
// not read the file it becomes cannot read it half-way either. A new file
// gets 0666 less the umask (the kernel applies it), as any file a shell
// redirection creates; one that replaces old is created 0600, given old's
// owner and group where the system allows, then old's mode.
func createTemp(dir string, old fs.FileInfo) (*os.File, error) {
	registry.Lock()
	defer registry.Unlock()
	if registry.aborted {
		return nil, ErrAborted
	}
	perm := os.FileMode(0o666)
	if old != nil {
		perm = 0o600
	}
	for range 100 {
		name := tempName(dir)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("creating a temporary file: %w", err)
		}
		if old != nil {
			if err := keepMode(f, old); err != nil {
				_ = f.Close()
				_ = os.Remove(name)
				return nil, err
			}
		}
		if registry.temps == nil {
			registry.temps = map[string]bool{}
		}
		registry.temps[name] = true
		return f, nil
	}
	return nil, errors.New("cannot find a free temporary name")
}

// keepMode gives f, still empty, the owner, group and permissions of the
// file it replaces: a 0600 report stays private. Where the group cannot be
// kept, the group's permissions are dropped rather than handed to the
// writer's own group.
func keepMode(f *os.File, old fs.FileInfo) error {
	perm := old.Mode().Perm()
	if !keepOwner(f, old) {
		perm &^= 0o070
	}
	if err := f.Chmod(perm); err != nil {
		return fmt.Errorf("setting the mode of a temporary file: %w", err)
	}
	return nil
}

func unregister(name string) {
	registry.Lock()
	delete(registry.temps, name)
	registry.Unlock()
}

func writeAtomic(path string, t target, data []byte, overwrite bool) (err error) {
	fail := func(err error) error { return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err)) }
	tmp, err := createTemp(filepath.Dir(t.path), t.old)
	if err != nil {
		return dirError(path, t, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			// Already failing: the temporary file goes, whatever else fails.
			_ = tmp.Close()
			_ = os.Remove(tmpName)
		}
		unregister(tmpName)
	}()
	if _, err = tmp.Write(data); err != nil {
		return fail(err)
	}
	if err = tmp.Sync(); err != nil {
		return fail(err)
	}
	if err = tmp.Close(); err != nil {
		return fail(err)
	}
	if Delay > 0 {
		time.Sleep(Delay)
	}
	if overwrite {
		if err = os.Rename(tmpName, t.path); err != nil {
			return fail(err)
		}
		return nil
	}
	if err = os.Link(tmpName, t.path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
		// Some file systems have no hard links: fall back to a checked
		// rename, which is still atomic for readers.
		if _, serr := os.Lstat(t.path); serr == nil {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
		if err = os.Rename(tmpName, t.path); err != nil {
			return fail(err)
		}
		return nil
	}
	// The report is in place under its name; the temporary name is a
	// second link to it, and the registry removes it on a signal anyway.
	_ = os.Remove(tmpName)
	return nil
}

// dirError words a failure to create the temporary file: the directory is
// at fault, not the file (which may well be writable), so it is named.
func dirError(path string, t target, err error) error {
	dir := filepath.Dir(t.path)
	if abs, aerr := filepath.Abs(dir); aerr == nil {
		dir = abs
	}
	why := "write it in a directory you can write to"
	if t.old != nil {
		why = "a file is replaced by a new one written beside it, so " + why
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: the directory %s cannot be written to (%w); %s", path, dir, unwrapPath(err), why)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("cannot write %s: the directory %s is on a read-only file system (%w); %s", path, dir, unwrapPath(err), why)
	}
	return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
}

// unwrapPath drops the *PathError wrapper, whose temporary file name would
// only confuse the user.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
