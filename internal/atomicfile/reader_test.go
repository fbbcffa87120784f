package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// readerEnv, when set in the environment, makes the test binary the other
// user's reader instead of running the tests (see TestMain): it names the
// directory to read in a loop.
const readerEnv = "COO_ADVISOR_TEST_READ_DIR"

// runReader is the other user: it reads every file in dir, in a loop,
// until its input closes, and then says what it read.
func runReader(dir string) int {
	if _, err := os.ReadDir(dir); err != nil {
		fmt.Fprintln(os.Stderr, "reader:", err)
		return 1
	}
	fmt.Println("ready")
	var stop atomic.Bool
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop.Store(true)
	}()
	read := "read nothing"
	for !stop.Load() {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				fmt.Println("temp")
			}
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err == nil && len(b) > 0 {
				read = fmt.Sprintf("read %d bytes of %s: %q", len(b), e.Name(), b[:min(len(b), 16)])
			}
		}
	}
	fmt.Println(read)
	return 0
}
