package main

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// TestManPageRenders reads the manual page as groff lays it out for man:
// a header that is the title twice around "User Commands" (the one-line
// summary used to run into it), the synopsis of each command, options as
// typed, and the sections a manual has. groff comes with groff-base,
// which .ci/run installs.
func TestManPageRenders(t *testing.T) {
	groff := testskip.LookPath(t, "man page test", "groff")
	bin, err := exec.LookPath("coo-advisor") // the test binary, set up by TestMain
	if err != nil {
		t.Fatal(err)
	}
	page, err := exec.Command(bin, "man").Output()
	if err != nil {
		t.Fatalf("coo-advisor man: %v", err)
	}
	// -Tascii: a minus is "-" whatever the system's man macros say; -P-cbou:
	// no overstriking for bold and underline.
	cmd := exec.Command(groff, "-man", "-Tascii", "-P-cbou", "-rLL=80n", "-ww")
	cmd.Stdin = strings.NewReader(string(page))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("groff: %v\n%s", err, stderr.String())
	}
	text := string(out)
	for _, want := range []string{
		`^COO-ADVISOR\(1\) +User Commands +COO-ADVISOR\(1\)$`,
		`^NAME\n +coo-advisor - decide whether`,
		`^SYNOPSIS\n +coo-advisor \[options\] \[command\]\n +coo-advisor completion bash\|fish\|powershell\|zsh\n`,
		`^ +coo-advisor recommend \[options\] FILE$`,
		`^ +coo-advisor team \[options\] FILE\.\.\.$`,
		`^ +-a, --answers FILE$`,
		`^ +-f, --format FORMAT$`,
		`^ +-o, --output FILE$`,
		`^ +-t, --template$`,
		`^ +-w, --width N$`,
		`^EXIT STATUS\n +0 +Done\.$`,
		`^ +2 +Bad usage or bad input`,
		`^ENVIRONMENT\n +ACCESSIBLE\n`,
		`^ +NO_COLOR\n`,
		`^EXAMPLES\n +# The questions, then the results:\n +coo-advisor\n`,
	} {
		if !regexp.MustCompile(`(?m)` + want).MatchString(text) {
			t.Errorf("the rendered page has no match for %s", want)
		}
	}
	for _, bad := range []string{`--a --answers`, `--f --format`, `--o --output`, `options\.\.\.`, `argument\.\.\.`} {
		if regexp.MustCompile(bad).MatchString(text) {
			t.Errorf("the rendered page has %s", bad)
		}
	}
	if t.Failed() {
		t.Logf("the page:\n%s", text)
	}
}
