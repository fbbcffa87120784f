package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// TestHTMLBriefPrintsInABrowser renders the HTML brief in a real headless
// browser and prints it to PDF, as a consultant's "Print to PDF" would:
// the PDF has a sensible number of pages and holds the brief's text, and
// no markup shows.
func TestHTMLBriefPrintsInABrowser(t *testing.T) {
	chromium := testskip.LookPath(t, "browser test", "chromium", "chromium-browser", "google-chrome")
	pdftotext := testskip.LookPath(t, "browser test", "pdftotext")
	pdfinfo := testskip.LookPath(t, "browser test", "pdfinfo")
	bin, err := exec.LookPath("coo-advisor") // the test binary, set up by TestMain
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	example, _ := filepath.Abs(filepath.Join("..", "..", "examples", "logistics.yaml"))
	html := filepath.Join(dir, "brief.html")
	out, err := exec.Command(bin, "recommend", "--answers", example, "--output", html,
		"--client", "Harbour Logistics", "--prepared-by", "Jane Doe", "--date", "2026-11-26").CombinedOutput()
	if err != nil {
		t.Fatalf("recommend: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "brief.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+html)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	info, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo says no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	if pages < 2 || pages > 10 {
		t.Errorf("the printed brief has %d pages, want 2 to 10", pages)
	}
	text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{
		"Recommendation for Harbour Logistics", "Prepared by Jane Doe · 26 November 2026", "Bottom line",
		"Hire an Operations Director.", "Why an Operations Director", "The role: Operations Director", "Remit (your pains first)",
		"Days 31-60: Fix what hurts most", "Success measures for the first year", "How this was scored",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the printed brief lacks %q", want)
		}
	}
	for _, bad := range []string{"<li>", "<p", "&lt;", "&amp;", "{", "</"} {
		if strings.Contains(string(text), bad) {
			t.Errorf("markup %q shows in the printed brief", bad)
		}
	}
}
