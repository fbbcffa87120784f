// Package pdftest prints HTML pages to PDF in headless Chromium, as a
// reader's "Print to PDF" would, and reads each printed page back as
// text, so that tests can check how a document prints: how many pages,
// how full each is, what its running footer says, where a heading fell.
//
// It drives Chromium over the DevTools protocol (chromedp), not its
// command line, because only the protocol's Page.printToPDF sets the
// paper: the command line prints on the page's CSS size or on Letter.
// It reads the PDF with poppler's pdftotext. A test without Chromium or
// pdftotext is skipped, and counted, through internal/testskip.
package pdftest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// Paper is a sheet to print on.
type Paper struct {
	Name          string
	Width, Height float64 // inches, as Page.printToPDF takes them
	// CSS prints on the page's own @page size when it has one, and on
	// this paper otherwise. Without it, Chromium lays the page out on
	// its @page size and scales it to fit this paper.
	CSS bool
	// Force lays the page out on this paper, whatever size its @page
	// asks for, as a browser that ignores that size would.
	Force bool
}

// The papers a brief must print well on: A4, which the brief asks for;
// Letter, on which a reader in North America prints it (Chromium then
// shrinks the A4 page to fit); and Letter as a browser that ignores the
// brief's page size lays it out, 18 mm shorter and 6 mm wider than A4.
var (
	A4           = Paper{Name: "A4", Width: 8.27, Height: 11.69, CSS: true}
	Letter       = Paper{Name: "Letter", Width: 8.5, Height: 11}
	LetterLayout = Paper{Name: "Letter-layout", Width: 8.5, Height: 11, CSS: true, Force: true}
)

// Page is one printed page.
type Page struct {
	// Text is the page's text as pdftotext -layout reads it, the footer
	// included.
	Text string
	// Body is the page's non-blank lines of text above its footer.
	Body []string
	// Footer is the text of the page's last line, if it says "Page N of
	// M": the running footer. "" when the page has none.
	Footer string
	// Fill is how far down the page its body reaches, from 0 (empty) to
	// 1 (down to the footer). It measures the page's height, not its
	// lines, so that a page of smaller type is not counted fuller.
	Fill float64
}

// Printer is a headless Chromium that prints pages; one browser serves
// every print of a test.
type Printer struct {
	ctx       context.Context
	dir       string
	pdftotext string
}

// NewPrinter starts headless Chromium for t, or skips t when Chromium
// or pdftotext is not installed. The browser ends with t. The machine's
// network may be closed: Chromium is told to reach for nothing.
func NewPrinter(t testing.TB) *Printer {
	t.Helper()
	const kind = "browser test"
	chromium := testskip.LookPath(t, kind, "chromium", "chromium-browser", "google-chrome")
	pdftotext := testskip.LookPath(t, kind, "pdftotext")
	dir := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// Start the browser now, so that a failure to start says so. (The
	// browser lives as long as the context of the first action: this one
	// cannot have a time limit of its own. chromedp gives up on a browser
	// that does not start within 20 seconds.)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	return &Printer{ctx: ctx, dir: dir, pdftotext: pdftotext}
}

// Print prints the HTML file at path on paper, and returns its pages.
func (p *Printer) Print(t testing.TB, path string, paper Paper) []Page {
	t.Helper()
	pdf := p.PDF(t, path, paper)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, p.pdftotext, "-layout", pdf, "-").Output() //nolint:gosec // G204: the test's own pdftotext reads the PDF it printed
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	// pdftotext ends every page with a form feed.
	texts := strings.Split(string(out), "\f")
	texts = texts[:len(texts)-1]
	bbox, err := exec.CommandContext(ctx, p.pdftotext, "-bbox", pdf, "-").Output() //nolint:gosec // G204: as above
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", pdf, err)
	}
	sheets := strings.Split(string(bbox), "<page ")[1:]
	if len(sheets) != len(texts) {
		t.Fatalf("pdftotext reads %d pages of %s, and %d with -bbox", len(texts), pdf, len(sheets))
	}
	pages := make([]Page, len(texts))
	boxes := make([]pageBoxes, len(texts))
	top := 0.0
	for i, text := range texts {
		pages[i] = readPage(text)
		var ok bool
		if boxes[i], ok = readBoxes("<page " + sheets[i]); !ok {
			t.Fatalf("pdftotext -bbox %s: page %d has no size", pdf, i+1)
		}
		if i == 0 || boxes[i].top < top {
			top = boxes[i].top
		}
	}
	for i := range pages {
		pages[i].Fill = boxes[i].fill(top)
	}
	return pages
}

// readPage is a page of pdftotext -layout's text: its body lines and its
// footer.
func readPage(text string) Page {
	pg := Page{Text: strings.TrimRight(text, "\n")}
	for _, l := range strings.Split(pg.Text, "\n") {
		if strings.TrimSpace(l) != "" {
			pg.Body = append(pg.Body, strings.TrimSpace(l))
		}
	}
	if k := len(pg.Body); k > 0 && pageNumber.MatchString(pg.Body[k-1]) {
		pg.Footer = strings.Join(strings.Fields(pg.Body[k-1]), " ")
		pg.Body = pg.Body[:k-1]
	}
	return pg
}

// PDF prints the HTML file at path on paper into a PDF file in the
// test's directory, and returns its path (for pdftoppm, to look at).
func (p *Printer) PDF(t testing.TB, path string, paper Paper) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(p.ctx)
	defer cancel()
	tab, cancelTime := context.WithTimeout(tab, 60*time.Second)
	defer cancelTime()
	if err := chromedp.Do(tab, chromedp.Navigate("file://"+filepath.ToSlash(abs))); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	if paper.Force {
		// A style added last wins over the page's own @page size.
		js := fmt.Sprintf(`{const s = document.createElement("style"); s.textContent = "@page { size: %gin %gin; }"; document.head.append(s)}`, paper.Width, paper.Height)
		if _, err := chromedp.Run(tab, chromedp.Evaluate[any](js)); err != nil {
			t.Fatalf("set the page size of %s to %s: %v", path, paper.Name, err)
		}
	}
	opts := []chromedp.PDFOption{chromedp.PDFPaper(chromedp.PaperSize{Width: paper.Width, Height: paper.Height})}
	if paper.CSS {
		opts = append(opts, chromedp.PDFPreferCSSPageSize())
	}
	buf, err := chromedp.Run(tab, chromedp.PrintToPDF(opts...))
	if err != nil {
		t.Fatalf("print %s on %s: %v", path, paper.Name, err)
	}
	name := t.Name()
	if !strings.HasSuffix(name, "/"+paper.Name) { // a subtest per paper names it already
		name += "/" + paper.Name
	}
	name = strings.NewReplacer("/", "-", " ", "_").Replace(name) + ".pdf"
	out := filepath.Join(p.dir, name)
	if err := os.WriteFile(out, buf, 0o600); err != nil {
		t.Fatal(err)
	}
	// To look at what a test printed (pdftoppm -png -r 60 turns it into
	// pictures), name a directory to keep a copy in.
	if keep := os.Getenv(KeepEnv); keep != "" {
		if err := os.WriteFile(filepath.Join(keep, name), buf, 0o600); err != nil { //nolint:gosec // G703: the directory is the tester's own choice
			t.Fatal(err)
		}
	}
	return out
}

// KeepEnv names the environment variable that names a directory to keep
// a copy of every printed PDF in.
const KeepEnv = "COO_ADVISOR_PRINT_DIR"

// pageNumber is a running footer's page number.
var pageNumber = regexp.MustCompile(`Page (\d+) of (\d+)`)

var (
	pageBox = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)"`)
	wordBox = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
)

// pageBoxes is where a page's text lies, in points from its top edge.
type pageBoxes struct {
	top    float64 // the top of its highest word
	low    float64 // the bottom of its lowest word above the footer
	footer float64 // the top of its footer, or of its bottom margin
}

// readBoxes reads where a page's words lie from pdftotext -bbox's HTML.
// The footer is the line of the word "Page" that starts "Page N of M" in
// the page's lower half; a page without one is taken to have a bottom
// margin of a twelfth of its height, about Chromium's and the brief's.
func readBoxes(bbox string) (pageBoxes, bool) {
	m := pageBox.FindStringSubmatch(bbox)
	if m == nil {
		return pageBoxes{}, false
	}
	height, _ := strconv.ParseFloat(m[2], 64)
	type word struct {
		top, bottom float64
		text        string
	}
	var words []word
	for _, w := range wordBox.FindAllStringSubmatch(bbox, -1) {
		top, _ := strconv.ParseFloat(w[1], 64)
		bottom, _ := strconv.ParseFloat(w[2], 64)
		words = append(words, word{top, bottom, w[3]})
	}
	b := pageBoxes{top: height, footer: height - height/12}
	for i := 0; i+2 < len(words); i++ {
		if words[i].text == "Page" && words[i+2].text == "of" && words[i].top > height/2 {
			b.footer = words[i].top
			break
		}
	}
	for _, w := range words {
		if w.bottom < b.footer {
			b.top = min(b.top, w.top)
			b.low = max(b.low, w.bottom)
		}
	}
	return b, true
}

// fill is how far down the page its body reaches, as a share of the
// space between top, the top margin, and its footer.
func (b pageBoxes) fill(top float64) float64 {
	if b.low <= top || b.footer <= top {
		return 0
	}
	return min(1, (b.low-top)/(b.footer-top))
}

// Expect is what a printed document must be.
type Expect struct {
	MaxPages int
	// Footer is the running footer's text, which every page must carry
	// with "Page N of M".
	Footer string
	// Headings are texts no page may end with: a heading cut from what
	// it heads.
	Headings []string
	// MinFill is how full every page but the last must be (a third).
	MinFill float64
}

// Check reports everything wrong with pages against e, one line each,
// naming the page.
func Check(pages []Page, e Expect) []string {
	var out []string
	if len(pages) > e.MaxPages {
		out = append(out, fmt.Sprintf("%d pages, want at most %d", len(pages), e.MaxPages))
	}
	for i, pg := range pages {
		n := i + 1
		want := fmt.Sprintf("Page %d of %d", n, len(pages))
		if !strings.HasSuffix(pg.Footer, want) {
			out = append(out, fmt.Sprintf("page %d: footer %q, want one ending %q", n, pg.Footer, want))
		}
		if e.Footer != "" && !strings.Contains(pg.Footer, strings.Join(strings.Fields(e.Footer), " ")) {
			out = append(out, fmt.Sprintf("page %d: footer %q lacks %q", n, pg.Footer, e.Footer))
		}
		if n < len(pages) && pg.Fill < e.MinFill {
			out = append(out, fmt.Sprintf("page %d is %.0f%% full, want at least %.0f%%", n, 100*pg.Fill, 100*e.MinFill))
		}
		if h := endsWithHeading(pg.Body, e.Headings); h != "" {
			out = append(out, fmt.Sprintf("page %d ends with the heading %q, cut from what it heads", n, h))
		}
	}
	return out
}

// endsWithHeading is the heading the body's last line (or last two, for
// a heading that wraps) is, or "".
func endsWithHeading(body, headings []string) string {
	if len(body) == 0 {
		return ""
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	last := flat(body[len(body)-1])
	two := last
	if len(body) > 1 {
		two = flat(body[len(body)-2]) + " " + last
	}
	for _, h := range headings {
		h = strings.Join(strings.Fields(h), " ")
		if h != "" && (last == h || two == h) {
			return h
		}
	}
	return ""
}
