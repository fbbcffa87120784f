package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
	"github.com/coo-advisor/coo-advisor/internal/testskip"
)

// The questionnaire page (coo-advisor form), filled in headless
// Chromium as a person would: by keyboard and by mouse. One browser
// serves every test of the page (TestFormPage's subtests), each in a tab
// of its own.

// formBrowser is headless Chromium for the page's tests.
type formBrowser struct {
	ctx context.Context
	bin string // coo-advisor, set up by TestMain
}

func newFormBrowser(t *testing.T) *formBrowser {
	t.Helper()
	chromium := testskip.LookPath(t, "browser test", "chromium", "chromium-browser", "google-chrome")
	bin, err := exec.LookPath("coo-advisor")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	return &formBrowser{ctx: ctx, bin: bin}
}

// page writes a questionnaire page with coo-advisor form and the
// arguments given, and returns its path.
func (b *formBrowser) page(t *testing.T, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "questionnaire.html")
	cmd := exec.Command(b.bin, append([]string{"form", "-o", out}, args...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("coo-advisor form: %v\n%s", err, msg)
	}
	return out
}

// tab is one open page: its tab, where its downloads go, and every
// request it made.
type tab struct {
	ctx       context.Context
	downloads string
	requests  *requests
}

// open opens page in a new tab of width by height pixels, with nothing
// kept in the browser's storage.
func (b *formBrowser) open(t *testing.T, page string, width, height int64) *tab {
	t.Helper()
	return b.openTab(t, page, width, height, true)
}

// openKeeping opens page in a new tab, keeping what the other tabs kept
// in the browser's storage.
func (b *formBrowser) openKeeping(t *testing.T, page string) *tab {
	t.Helper()
	return b.openTab(t, page, 1280, 900, false)
}

func (b *formBrowser) openTab(t *testing.T, page string, width, height int64, clear bool) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() {
		cancelTime()
		cancel()
	})
	tb := &tab{ctx: ctx, downloads: t.TempDir(), requests: &requests{}}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			tb.requests.add(e.Request.URL)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: tb.downloads}); err != nil {
		t.Fatal(err)
	}
	tb.run(t, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, network.Enable, network.EnableParams{})
		return err
	}),
		chromedp.EmulateViewport(width, height),
		chromedp.Navigate("file://"+page),
		chromedp.WaitVisible(chromedp.ID("actions")))
	// The tabs share the browser's storage: each starts with none.
	if clear {
		eval[bool](t, tb, "localStorage.clear(), true")
		tb.run(t, chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("actions")))
	}
	tb.requests.reset()
	return tb
}

// requests are the URLs a tab asked for.
type requests struct {
	mu   sync.Mutex
	urls []string
}

func (r *requests) add(u string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.urls = append(r.urls, u)
}

func (r *requests) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.urls = nil
}

func (r *requests) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.urls)
}

func (tb *tab) run(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval returns what the expression gives in the page (a promise's
// value, for a promise).
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// text is the text of the element with id.
func (tb *tab) text(t *testing.T, id string) string {
	t.Helper()
	return eval[string](t, tb, "document.getElementById("+strconv.Quote(id)+").textContent")
}

// person is who fills in a page, and how.
type person struct {
	name, role string
	keyboard   bool // by keyboard only; else with the mouse where a person would
}

// fill answers every question of defs that a gives, as p would, and
// leaves the others as they are.
func (tb *tab) fill(t *testing.T, defs *advisor.Definitions, a advisor.Answers, p person) {
	t.Helper()
	tb.typeInto(t, "#respondent", p.name, p.keyboard)
	tb.typeInto(t, "#role", p.role, p.keyboard)
	for i := range defs.Questions {
		q := &defs.Questions[i]
		v, ok := a[q.ID]
		if !ok {
			continue
		}
		switch q.Kind {
		case advisor.KindInteger:
			text := strconv.Itoa(v.Int)
			if v.Int >= 1000 && i%2 == 0 {
				text = advisor.GroupDigits(v.Int) // as people write it: 1,200
			}
			tb.typeInto(t, "#in-"+q.ID, text, p.keyboard)
		case advisor.KindChoice:
			_, idx := q.Option(v.Choice)
			tb.choose(t, q.ID, idx, p.keyboard)
		default:
			for k, o := range q.Options {
				tb.tick(t, "#in-"+q.ID+"-"+strconv.Itoa(k+1), slices.Contains(v.Multi, o.Value), p.keyboard)
			}
			tb.tick(t, "#in-"+q.ID+"-none", len(v.Multi) == 0, p.keyboard)
		}
	}
}

// typeInto replaces the text of a field: clicked into, or reached by
// keyboard, then typed, then left with Tab (after Escape).
func (tb *tab) typeInto(t *testing.T, sel, text string, keyboard bool) {
	t.Helper()
	reach := chromedp.Click(chromedp.CSS(sel))
	if keyboard {
		reach = chromedp.Focus(chromedp.CSS(sel))
	}
	tb.run(t, reach,
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(kb.Delete),
		chromedp.KeyEvent(text),
		// Escape closes the suggestions of a field with a list (the
		// role's), which would otherwise cover the next field.
		chromedp.KeyEvent(kb.Escape),
		chromedp.KeyEvent(kb.Tab))
}

// choose picks the idx-th option of a choice: its label clicked, or by
// keyboard, the arrows in the group of radio buttons (Space on the first).
func (tb *tab) choose(t *testing.T, id string, idx int, keyboard bool) {
	t.Helper()
	if !keyboard {
		tb.run(t, chromedp.Click(chromedp.CSS(`label:has(> #in-`+id+`-`+strconv.Itoa(idx+1)+`) span`)))
		return
	}
	actions := []chromedp.Action[chromedp.Void]{chromedp.Focus(chromedp.CSS("#in-" + id + "-1"))}
	if idx == 0 {
		actions = append(actions, chromedp.KeyEvent(" "))
	}
	for range idx {
		actions = append(actions, chromedp.KeyEvent(kb.ArrowDown))
	}
	tb.run(t, actions...)
}

// tick makes a check box checked or not: Space on it, or a click on its
// label.
func (tb *tab) tick(t *testing.T, sel string, want, keyboard bool) {
	t.Helper()
	if eval[bool](t, tb, "document.querySelector("+strconv.Quote(sel)+").checked") == want {
		return
	}
	if keyboard {
		tb.run(t, chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent(" "))
	} else {
		tb.run(t, chromedp.Click(chromedp.CSS(`label:has(> `+sel+`) span`)))
	}
}

// press presses a button: Enter on it, or a click.
func (tb *tab) press(t *testing.T, id string, keyboard bool) {
	t.Helper()
	if keyboard {
		tb.run(t, chromedp.Focus(chromedp.ID(id)), chromedp.KeyEvent(kb.Enter))
		return
	}
	tb.run(t, chromedp.Click(chromedp.ID(id)))
}

// download waits for the file the page saved, by its name.
func (tb *tab) download(t *testing.T, name string) []byte {
	t.Helper()
	path := filepath.Join(tb.downloads, name)
	// Chromium may create the file before it writes it: a download is
	// done when it holds something and no more comes.
	var last []byte
	for range 100 {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			if bytes.Equal(b, last) {
				return b
			}
			last = b
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(last) > 0 {
		return last
	}
	entries, _ := os.ReadDir(tb.downloads)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("no %s downloaded (the folder holds %v); the page says %q", name, names, tb.text(t, "status"))
	return nil
}

// noDownload checks that the page saved nothing.
func (tb *tab) noDownload(t *testing.T) {
	t.Helper()
	time.Sleep(500 * time.Millisecond)
	if entries, _ := os.ReadDir(tb.downloads); len(entries) > 0 {
		t.Errorf("the page saved %s", entries[0].Name())
	}
}

// cli runs coo-advisor, and returns its standard output.
func (b *formBrowser) cli(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(b.bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("coo-advisor %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// recommended is the role coo-advisor recommends on an answers file.
func (b *formBrowser) recommended(t *testing.T, file string, defArgs ...string) string {
	t.Helper()
	var r struct {
		Recommended string             `json:"recommended"`
		Scores      map[string]float64 `json:"scores"`
	}
	out := b.cli(t, append([]string{"recommend", "--format", "json", "--date", "2026-11-26", "--answers", file}, defArgs...)...)
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	scores, _ := json.Marshal(r.Scores)
	return r.Recommended + " " + string(scores)
}

// readAnswers reads an answers file with defs, with its defaults.
func readAnswers(t *testing.T, defs *advisor.Definitions, file string) (advisor.Answers, *advisor.AnswersFile) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := defs.ReadAnswers(file, b, true)
	if err != nil {
		t.Fatal(err)
	}
	all, err := defs.Complete(f.Answers)
	if err != nil {
		t.Fatal(err)
	}
	return all, f
}

// customDefs are the three roles and five questions of
// testdata/form, as files and loaded.
func customDefs(t *testing.T) ([]string, *advisor.Definitions) {
	t.Helper()
	roles, questions := filepath.Join("testdata", "form", "roles3.yaml"), filepath.Join("testdata", "form", "questions3.yaml")
	defs, err := advisor.LoadFS(os.DirFS(filepath.Join("testdata", "form")), "roles3.yaml", "questions3.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	return []string{"--roles", roles, "--questions", questions}, defs
}

// TestFormPage fills the questionnaire page in a real browser.
func TestFormPage(t *testing.T) {
	b := newFormBrowser(t)
	defs, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("examples saved by keyboard and by mouse give the CLI's advice", func(t *testing.T) {
		testFormExamples(t, b, defs)
	})
	t.Run("custom questions", func(t *testing.T) { testFormCustom(t, b) })
	t.Run("bad answers are said and nothing is saved", func(t *testing.T) { testFormBadAnswers(t, b, defs) })
	t.Run("number checks say what the program says", func(t *testing.T) { testFormNumberMessages(t, b, defs) })
	t.Run("file names are cleaned", func(t *testing.T) { testFormFileNames(t, b) })
	t.Run("half saved, loaded again, finished", func(t *testing.T) { testFormResume(t, b, defs) })
	t.Run("loading a file changes only what it holds", func(t *testing.T) { testFormLoadOther(t, b, defs) })
	t.Run("kept in the browser until saved", func(t *testing.T) { testFormKept(t, b, defs) })
	t.Run("copy answers", func(t *testing.T) { testFormCopy(t, b, defs) })
	t.Run("unfinished copied, progress, long labels, printed footer", func(t *testing.T) { testFormDetails(t, b, defs) })
	t.Run("every option ticked: short lines, loaded again", func(t *testing.T) { testFormLongLists(t, b, defs) })
	t.Run("without a script", func(t *testing.T) { testFormWithoutScript(t, b) })
	t.Run("no network and every control named", func(t *testing.T) { testFormOffline(t, b, defs) })
	t.Run("five people, then team", func(t *testing.T) { testFormTeam(t, b, defs) })
	t.Run("screenshots", func(t *testing.T) { testFormScreenshots(t, b) })
}

// formEngagement is the engagement of the pages the tests make.
var formEngagement = advisor.Engagement{Client: "Harbour & Sons <Ltd>", PreparedBy: "Jane Doe", Date: "2026-11-26"}

func formArgs(e advisor.Engagement) []string {
	return []string{"--client", e.Client, "--prepared-by", e.PreparedBy, "--date", e.Date}
}

// testFormExamples fills the page with each example profile, by keyboard
// and by mouse in turn, and checks the saved file: byte for byte what
// the program writes for the same answers, valid, and the same advice as
// the example's.
func testFormExamples(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	page := b.page(t, formArgs(formEngagement)...)
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(examples) < 7 {
		t.Fatalf("the examples: %v, %v", examples, err)
	}
	for i, example := range examples {
		name := strings.TrimSuffix(filepath.Base(example), ".yaml")
		p := person{name: "Ana Ruiz " + name, role: "CFO", keyboard: i%2 == 0}
		t.Run(name, func(t *testing.T) {
			answers, _ := readAnswers(t, defs, example)
			tb := b.open(t, page, 1280, 900)
			tb.fill(t, defs, answers, p)
			// (An answer left at its default is said as one.)
			if got, want := tb.text(t, "progress"), strconv.Itoa(len(defs.Questions))+" of "+strconv.Itoa(len(defs.Questions))+" answered"; !strings.HasPrefix(got, want) {
				t.Errorf("progress: %q, want %q", got, want)
			}
			tb.press(t, "save", p.keyboard)
			file := "ana-ruiz-" + name + "-answers.yaml"
			got := tb.download(t, file)
			e := formEngagement
			e.Respondent, e.Role = p.name, p.role
			if want := defs.FormAnswersYAML(answers, e); !bytes.Equal(got, want) {
				t.Errorf("the page saved\n%s\nthe program writes\n%s", got, want)
			}
			saved := filepath.Join(t.TempDir(), file)
			if err := os.WriteFile(saved, got, 0o600); err != nil {
				t.Fatal(err)
			}
			b.cli(t, "validate", "--answers", saved)
			if got, want := b.recommended(t, saved), b.recommended(t, example); got != want {
				t.Errorf("advice on the saved file: %s; on the example: %s", got, want)
			}
		})
	}
}

// testFormCustom fills a page made from a custom questions and roles
// file, whose questions the page takes from its model.
func testFormCustom(t *testing.T, b *formBrowser) {
	defArgs, defs := customDefs(t)
	page := b.page(t, append(defArgs, "--client", "Small Co")...)
	for i, name := range []string{"small", "steady", "big"} {
		t.Run(name, func(t *testing.T) {
			example := filepath.Join("testdata", "form", name+".yaml")
			answers, _ := readAnswers(t, defs, example)
			tb := b.open(t, page, 1280, 900)
			p := person{name: "Cy " + name, role: "COO", keyboard: i%2 == 1}
			tb.fill(t, defs, answers, p)
			tb.press(t, "save", p.keyboard)
			got := tb.download(t, "cy-"+name+"-answers.yaml")
			e := advisor.Engagement{Client: "Small Co", Respondent: p.name, Role: p.role}
			if want := defs.FormAnswersYAML(answers, e); !bytes.Equal(got, want) {
				t.Errorf("the page saved\n%s\nthe program writes\n%s", got, want)
			}
			saved := filepath.Join(t.TempDir(), name+".yaml")
			if err := os.WriteFile(saved, got, 0o600); err != nil {
				t.Fatal(err)
			}
			b.cli(t, append([]string{"validate", "--answers", saved}, defArgs...)...)
			if got, want := b.recommended(t, saved, defArgs...), b.recommended(t, example, defArgs...); got != want {
				t.Errorf("advice on the saved file: %s; on the example: %s", got, want)
			}
		})
	}
}

// testFormBadAnswers types wrong answers: each is said next to its
// question, in words, and nothing is saved.
func testFormBadAnswers(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	page := b.page(t, "--client", "Bad Answers Ltd")
	tb := b.open(t, page, 1280, 900)
	answers, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "scale-up.yaml"))
	tb.fill(t, defs, answers, person{name: "Ben", role: "CEO", keyboard: true})
	for _, c := range []struct{ id, typed, want string }{
		{"employees", "1,2", `Error: "1,2" is not a number: groups of digits after a separator have three digits (1,200 or 1 200); enter a whole number from 1 to 1,000,000.`},
		{"departments", "0", "Error: 0 is out of range; enter a whole number from 1 to 500."},
		{"locations", "", "Error: Enter a whole number from 1 to 10,000."},
	} {
		tb.typeInto(t, "#in-"+c.id, c.typed, true)
		if c.typed == "" {
			continue // a blank is said when saving
		}
		if got := eval[string](t, tb, `document.querySelector("#`+c.id+`-error").innerText`); got != strings.TrimPrefix(c.want, "Error: ") {
			t.Errorf("%s %q: the page says %q, want %q", c.id, c.typed, got, c.want)
		}
	}
	tb.press(t, "save", false)
	tb.noDownload(t)
	for _, c := range []struct{ id, want string }{
		{"employees", "1,2"}, {"departments", "0 is out of range"}, {"locations", "Enter a whole number"},
	} {
		if got := tb.text(t, c.id+"-error"); !strings.Contains(got, c.want) {
			t.Errorf("%s: the error says %q, want %q", c.id, got, c.want)
		}
		if got := eval[string](t, tb, `document.getElementById("in-`+c.id+`").getAttribute("aria-invalid")`); got != "true" {
			t.Errorf("%s: aria-invalid is %q", c.id, got)
		}
	}
	if got, want := tb.text(t, "status"), "Nothing was saved: 2 answers need attention (questions 1 and 2), and question 3 is not answered yet."; got != want {
		t.Errorf("the status says %q, want %q", got, want)
	}
	if got := eval[string](t, tb, "document.activeElement.id"); got != "in-employees" {
		t.Errorf("the focus is on %q, not the first wrong answer", got)
	}
	// Copying is refused too.
	tb.press(t, "copy", true)
	if got := eval[bool](t, tb, `document.getElementById("copy-box").hidden`); !got {
		t.Error("copy showed the answers despite the wrong ones")
	}
	// Fixed, the answers save.
	tb.typeInto(t, "#in-employees", "1 200", true)
	tb.typeInto(t, "#in-departments", "14", false)
	tb.typeInto(t, "#in-locations", "12", true)
	if got := tb.text(t, "employees-error"); got != "" {
		t.Errorf("the fixed answer still shows %q", got)
	}
	tb.press(t, "save", true)
	got := tb.download(t, "ben-answers.yaml")
	if !bytes.Contains(got, []byte("\nemployees: 1200\n")) {
		t.Errorf("1 200 was saved as\n%s", got)
	}
}

// testFormNumberMessages checks the page's checks of a number against
// the program's, message for message.
func testFormNumberMessages(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	tb := b.open(t, b.page(t), 800, 600)
	q, _ := defs.Question("employees")
	inputs := []string{
		"", " ", "1", "1200", "1,200", "1 200", "1_200", "1\u00a0200", "1\u202f200", "1,2", "1,20,000", "1.200", "1.5", "1e3", "1E3", "1e400", "-5", "+7", "0", "1000001",
		"1,000,000", "12,34", "abc", "1,200 200", "9999999999999", "-9999999999999", "0000000000000001", "1.", ".5", "inf", "NaN", "x1", "1\x1b[2J", "\u202e12", "٣", strings.Repeat("9", 70),
		"1,2,3", "1 2 3", "12.345.678", "١٢", "1,,200", ",200", "200,", "- 5", "--5", "5-",
	}
	for _, in := range inputs {
		got := eval[struct {
			Value *int   `json:"value"`
			Msg   string `json:"msg"`
		}](t, tb, "window.cooAdvisorForm.numberAnswer("+mustJSON(t, map[string]any{"min": q.Min, "max": q.Max, "allowed": q.Allowed()})+", "+mustJSON(t, in)+")")
		a, err := q.ParseInput(in)
		switch {
		case err != nil && got.Msg != err.Error():
			t.Errorf("%q: the page says %q; the program %q", in, got.Msg, err)
		case err == nil && (got.Value == nil || *got.Value != a.Int):
			t.Errorf("%q: the page reads %v (%q); the program %d", in, got.Value, got.Msg, a.Int)
		}
	}
}

// waitStatus waits, up to five seconds, for the page to say something,
// and gives what it says.
const waitStatus = `(async () => {
	const s = document.getElementById("status");
	for (let i = 0; i < 50 && !s.textContent; i++) await new Promise(r => setTimeout(r, 100));
	return s.textContent;
})()`

// testFormFileNames: the saved file is named after the person, without
// the characters no name may hold (control, right-to-left, zero-width),
// nor those a file name cannot.
func testFormFileNames(t *testing.T, b *formBrowser) {
	tb := b.open(t, b.page(t), 800, 600)
	for _, c := range []struct{ name, want string }{
		{"Ana Ruiz", "ana-ruiz-answers.yaml"},
		{"  Zoë  Ng ", "zoë-ng-answers.yaml"},
		{"Ana\u202egnp.exe", "anagnp.exe-answers.yaml"},
		{"Ben\u200b\u200dCFO\x1b[2J", "bencfo[2j-answers.yaml"},
		{"../../etc/passwd", "etc-passwd-answers.yaml"},
		{"C:\\Users\\x*?", "c-users-x-answers.yaml"},
		{"\u202e", "my-answers.yaml"},
		{"", "my-answers.yaml"},
	} {
		if got := eval[string](t, tb, "document.getElementById(\"respondent\").value = "+mustJSON(t, c.name)+", window.cooAdvisorForm.fileName()"); got != c.want {
			t.Errorf("%q: saved as %q, want %q", c.name, got, c.want)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testFormResume saves half the answers, loads the file into a fresh
// page, finishes and saves again.
func testFormResume(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	page := b.page(t, formArgs(formEngagement)...)
	all, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "logistics.yaml"))
	half := advisor.Answers{}
	for i, q := range defs.Questions {
		if i < 5 {
			half[q.ID] = all[q.ID]
		}
	}
	tb := b.open(t, page, 1280, 900)
	p := person{name: "Dee", role: "Head of Sales"}
	tb.fill(t, defs, half, p)
	tb.press(t, "save", false)
	tb.noDownload(t)
	if got := tb.text(t, "unfinished-text"); !strings.Contains(got, "are not answered yet") {
		t.Errorf("the page says %q of the unanswered questions", got)
	}
	if got := eval[string](t, tb, "document.activeElement.id"); got != "save-unfinished" {
		t.Errorf("the focus is on %q, not on saving unfinished answers", got)
	}
	tb.press(t, "save-unfinished", true)
	saved := tb.download(t, "dee-answers.yaml")
	e := formEngagement
	e.Respondent, e.Role = p.name, p.role
	// The defaults the page starts with count as answers.
	want := advisor.Answers{}
	for _, q := range defs.Questions {
		if v, ok := half[q.ID]; ok {
			want[q.ID] = v
		} else if q.Default != nil {
			want[q.ID] = *q.Default
		}
	}
	if w := defs.FormAnswersYAML(want, e); !bytes.Equal(saved, w) {
		t.Errorf("the page saved\n%s\nthe program writes\n%s", saved, w)
	}
	file := filepath.Join(t.TempDir(), "dee-answers.yaml")
	if err := os.WriteFile(file, saved, 0o600); err != nil {
		t.Fatal(err)
	}
	if f, err := defs.ReadAnswers(file, saved, true); err != nil {
		t.Errorf("the unfinished file: %v", err)
	} else if len(f.Missing) != 4 {
		t.Errorf("the unfinished file leaves %v open, want four", f.Missing)
	}

	fresh := b.open(t, page, 1280, 900)
	fresh.run(t, chromedp.SetUploadFiles(chromedp.CSS("#load-file"), []string{file}))
	if got := eval[string](t, fresh, waitStatus); !strings.HasPrefix(got, "Loaded 8 of 12 answers;") {
		t.Errorf("loading says %q", got)
	}
	if got := fresh.text(t, "progress"); got != "8 of 12 answered" {
		t.Errorf("progress after loading: %q", got)
	}
	if got := eval[string](t, fresh, `document.getElementById("respondent").value + "/" + document.getElementById("role").value`); got != "Dee/Head of Sales" {
		t.Errorf("name and role loaded as %q", got)
	}
	fresh.fill(t, defs, all, person{name: p.name, role: p.role, keyboard: true})
	fresh.press(t, "save", true)
	if got, w := fresh.download(t, "dee-answers.yaml"), defs.FormAnswersYAML(all, e); !bytes.Equal(got, w) {
		t.Errorf("finished, the page saved\n%s\nthe program writes\n%s", got, w)
	}
}

// testFormLoadOther loads files that are not this page's answers: one
// that holds none changes nothing, on the page or in the browser's
// keeping; one that holds some answers changes only those.
func testFormLoadOther(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	tb := b.open(t, b.page(t, "--client", "Load Ltd"), 1280, 900)
	all, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "agency.yaml"))
	tb.fill(t, defs, advisor.Answers{"employees": all["employees"]}, person{name: "Ivy", role: "CFO"})
	before := eval[string](t, tb, "window.cooAdvisorForm.answersYAML()")
	kept := eval[string](t, tb, "JSON.stringify(window.localStorage)")
	eval[any](t, tb, `window.cooAdvisorForm.readFile("Hi Jane,\nplease find attached the minutes.\nRegards\n"), null`)
	if got := tb.text(t, "status"); !strings.HasPrefix(got, "Nothing was loaded, and the page is as it was") {
		t.Errorf("loading a letter says %q", got)
	}
	if got := eval[string](t, tb, "window.cooAdvisorForm.answersYAML()"); got != before {
		t.Errorf("loading a letter changed the answers to\n%s", got)
	}
	if got := eval[string](t, tb, "JSON.stringify(window.localStorage)"); got != kept {
		t.Errorf("loading a letter changed what the browser keeps to %s", got)
	}
	eval[any](t, tb, `window.cooAdvisorForm.readFile("growth: rapid\nregulation:\n"), null`)
	if got := tb.text(t, "status"); !strings.HasPrefix(got, "Loaded 1 of 12 answers; the others are as they were on the page.") {
		t.Errorf("loading one answer says %q", got)
	}
	want := strings.Replace(before, "growth:\n", "growth: rapid\n", 1)
	if got := eval[string](t, tb, "window.cooAdvisorForm.answersYAML()"); !strings.Contains(got, "growth: rapid\n") || !strings.Contains(got, "employees: "+strconv.Itoa(all["employees"].Int)+"\n") || !strings.Contains(got, `respondent: "Ivy"`) {
		t.Errorf("loading one answer left\n%s\nwant\n%s", got, want)
	}
	for _, q := range defs.Questions {
		if q.Default != nil && q.ID != "growth" && eval[bool](t, tb, `window.cooAdvisorForm.answersYAML().indexOf("\n`+q.ID+`:\n") >= 0`) {
			t.Errorf("loading one answer blanked %s, which has a default", q.ID)
		}
	}
}

// testFormKept reloads a page half filled: the answers are back, and
// saving forgets them.
func testFormKept(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	page := b.page(t, "--client", "Kept Ltd")
	tb := b.open(t, page, 1280, 900)
	if got := tb.text(t, "storage-note"); !strings.Contains(got, "this browser keeps what you type here (your name, your role and your answers, on this computer only, for 14 days at most)") {
		t.Errorf("the page says %q of keeping answers", got)
	}
	all, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "agency.yaml"))
	tb.fill(t, defs, advisor.Answers{"employees": all["employees"], "growth": all["growth"]}, person{name: "Eve", role: "CTO"})
	tb.run(t, chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("actions")))
	if got := tb.text(t, "storage-note"); !strings.Contains(got, "are back") {
		t.Errorf("after a reload the page says %q", got)
	}
	if got := eval[string](t, tb, `document.getElementById("in-employees").value + "/" + document.querySelector("[name=growth]:checked").value + "/" + document.getElementById("respondent").value`); got != strconv.Itoa(all["employees"].Int)+"/"+all["growth"].Choice+"/Eve" {
		t.Errorf("after a reload the page holds %q", got)
	}
	// Another page for the same client, made without the same run of
	// coo-advisor form, does not share the answers.
	other := b.openKeeping(t, b.page(t, "--client", "Kept Ltd"))
	if got := eval[string](t, other, `document.getElementById("respondent").value`); got != "" {
		t.Errorf("another page for the same client shows the name %q", got)
	}
	if got := other.text(t, "storage-note"); strings.Contains(got, "are back") {
		t.Errorf("another page for the same client says %q", got)
	}
	// What a page kept longer ago than 14 days is forgotten.
	eval[any](t, other, `(function(){ var s = window.localStorage; for (var i = 0; i < s.length; i++) { var k = s.key(i), v = JSON.parse(s.getItem(k)); v.kept -= 15 * 24 * 3600 * 1000; s.setItem(k, JSON.stringify(v)); } })(), null`)
	other.run(t, chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("actions")))
	if got := eval[int](t, other, "window.localStorage.length"); got != 0 {
		t.Errorf("after 15 days the browser keeps %d items", got)
	}
	if kept := eval[int](t, tb, "window.localStorage.length"); kept != 0 {
		t.Errorf("the first page's answers, kept, are gone too: %d items", kept)
	}
	// (A tab of its own, opened last: downloads go to the last tab's
	// folder.)
	tb = b.openKeeping(t, page)
	if got := eval[string](t, tb, `document.getElementById("respondent").value`); got != "" {
		t.Errorf("after 15 days the page shows the name %q", got)
	}
	tb.fill(t, defs, all, person{name: "Eve", role: "CTO"})
	// Forget what this browser kept: gone, and nothing kept after.
	tb.press(t, "forget", true)
	if got := eval[int](t, tb, "window.localStorage.length"); got != 0 {
		t.Errorf("after Forget, the browser keeps %d items", got)
	}
	tb.typeInto(t, "#role", "CIO", true)
	if got := eval[int](t, tb, "window.localStorage.length"); got != 0 {
		t.Errorf("after Forget and a change, the browser keeps %d items", got)
	}
	tb.press(t, "save", false)
	tb.download(t, "eve-answers.yaml")
	if got := eval[int](t, tb, "window.localStorage.length"); got != 0 {
		t.Errorf("after saving, the browser keeps %d items", got)
	}
}

// testFormCopy copies the answers: the same text as the file.
func testFormCopy(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	tb := b.open(t, b.page(t, formArgs(formEngagement)...), 1280, 900)
	all, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "has-coo.yaml"))
	p := person{name: "Fay", role: "CEO", keyboard: true}
	tb.fill(t, defs, all, p)
	tb.press(t, "copy", true)
	e := formEngagement
	e.Respondent, e.Role = p.name, p.role
	if got := eval[string](t, tb, `document.getElementById("copy-text").value`); got != string(defs.FormAnswersYAML(all, e)) {
		t.Errorf("copied\n%s", got)
	}
	if got := eval[string](t, tb, waitStatus); !strings.Contains(got, "Copied") && !strings.Contains(got, "copy them with Ctrl+C") {
		t.Errorf("after copying the page says %q", got)
	} else if strings.Contains(got, "Copied") && eval[int](t, tb, "window.localStorage.length") != 0 {
		t.Errorf("after copying, the browser keeps the answers: %s", eval[string](t, tb, "JSON.stringify(window.localStorage)"))
	}
}

// testFormDetails: an unfinished page still copies (for people whose
// downloads are blocked), and says what is left; the progress of an
// untouched page says its answers are defaults; a label with a long
// address stays within a narrow phone's width; the printed footer,
// without the fingerprint, reads as a sentence.
func testFormDetails(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	tb := b.open(t, b.page(t, formArgs(formEngagement)...), 1280, 900)
	defaults := 0
	for _, q := range defs.Questions {
		if q.Default != nil {
			defaults++
		}
	}
	if got, want := tb.text(t, "progress"), fmt.Sprintf("%d of 12 answered (%d of them by default)", defaults, defaults); got != want {
		t.Errorf("an untouched page says %q, want %q", got, want)
	}
	all, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "scale-up.yaml"))
	half := advisor.Answers{"employees": all["employees"], "growth": all["growth"]}
	p := person{name: "Jo", role: "CFO"}
	tb.fill(t, defs, half, p)
	if got, want := tb.text(t, "progress"), fmt.Sprintf("%d of 12 answered (%d of them by default)", defaults+2, defaults); got != want {
		t.Errorf("two answers typed, the page says %q, want %q", got, want)
	}
	tb.press(t, "copy", true)
	if got := eval[string](t, tb, waitStatus); !strings.Contains(got, "not answered yet: the copy leaves them blank") && !strings.Contains(got, "copy them with Ctrl+C") {
		t.Errorf("copying an unfinished page says %q", got)
	}
	want := advisor.Answers{}
	for _, q := range defs.Questions {
		if v, ok := half[q.ID]; ok {
			want[q.ID] = v
		} else if q.Default != nil {
			want[q.ID] = *q.Default
		}
	}
	e := formEngagement
	e.Respondent, e.Role = p.name, p.role
	if got := eval[string](t, tb, `document.getElementById("copy-text").value`); got != string(defs.FormAnswersYAML(want, e)) {
		t.Errorf("copied unfinished\n%s", got)
	}

	defArgs, _ := customDefs(t)
	questions, err := os.ReadFile(defArgs[3])
	if err != nil {
		t.Fatal(err)
	}
	long := filepath.Join(t.TempDir(), "questions.yaml")
	url := "https://intranet.example.com/" + strings.Repeat("operationsleadership", 3)
	if err := os.WriteFile(long, bytes.Replace(questions, []byte("label: Stable\n"), []byte("label: Stable, as "+url+"\n"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	narrow := b.open(t, b.page(t, "--roles", defArgs[1], "--questions", long), 320, 700)
	if got := eval[bool](t, narrow, "document.body.textContent.indexOf("+strconv.Quote(url)+") >= 0"); !got {
		t.Fatal("the page does not show the long label")
	}
	if got := eval[string](t, narrow, "document.documentElement.scrollWidth + ' of ' + document.documentElement.clientWidth"); got != "320 of 320" {
		t.Errorf("at 320 pixels the page is %s wide", got)
	}
	if _, err := chromedp.Call(narrow.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, narrow, `document.querySelector(".page-footer").innerText.trim()`); got != "Made with coo-advisor." {
		t.Errorf("the printed footer reads %q", got)
	}
}

// testFormLongLists ticks every option of every list: the page writes
// the program's file, whose lines a mail program leaves alone (a list
// goes on over several lines), and loads it back.
func testFormLongLists(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	page := b.page(t, formArgs(formEngagement)...)
	all, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "scale-up.yaml"))
	for _, q := range defs.Questions {
		if q.IsList() {
			var a advisor.Answer
			for _, o := range q.Options {
				a.Multi = append(a.Multi, o.Value)
			}
			all[q.ID] = a
		}
	}
	p := person{name: "Hal", role: "CEO"}
	e := formEngagement
	e.Respondent, e.Role = p.name, p.role
	want := defs.FormAnswersYAML(all, e)
	for i, l := range strings.Split(string(want), "\n") {
		if len([]rune(l)) > 66 {
			t.Errorf("line %d is too long for an email: %q", i+1, l)
		}
	}
	tb := b.open(t, page, 1280, 900)
	tb.fill(t, defs, all, p)
	tb.press(t, "save", false)
	got := tb.download(t, "hal-answers.yaml")
	if !bytes.Equal(got, want) {
		t.Errorf("the page saved\n%s\nthe program writes\n%s", got, want)
	}
	fresh := b.open(t, page, 1280, 900)
	eval[any](t, fresh, "window.cooAdvisorForm.readFile("+strconv.Quote(string(got))+"), null")
	if again := eval[string](t, fresh, "window.cooAdvisorForm.answersYAML()"); again != string(want) {
		t.Errorf("loaded and saved again, the page writes\n%s", again)
	}
}

// testFormOffline checks that the page, loaded, filled, saved and
// copied, asks for nothing but itself, and that every control has an
// accessible name.
func testFormOffline(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	page := b.page(t, formArgs(formEngagement)...)
	tb := b.open(t, page, 1280, 900)
	tb.requests.reset()
	tb.run(t, chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("actions")))
	all, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "scale-up.yaml"))
	tb.fill(t, defs, all, person{name: "Gil", role: "CEO"})
	tb.press(t, "save", false)
	tb.download(t, "gil-answers.yaml")
	tb.press(t, "copy", false)
	eval[string](t, tb, waitStatus)
	if got := tb.requests.all(); len(got) != 1 || got[0] != "file://"+page {
		t.Errorf("the page made requests %v, want only itself", got)
	}
	tree, err := chromedp.Call(tb.ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, n := range tree.Nodes {
		role := axString(n.Role)
		if n.Ignored || !slices.Contains([]string{"textbox", "radio", "checkbox", "button", "combobox", "spinbutton"}, role) {
			continue
		}
		if strings.TrimSpace(axString(n.Name)) == "" {
			t.Errorf("a %s has no accessible name", role)
		}
		named++
	}
	if named < 40 {
		t.Errorf("only %d controls in the accessibility tree", named)
	}
	if info, err := os.Stat(page); err != nil || info.Size() > 150<<10 {
		t.Errorf("the page is %d bytes, over 150 KB (%v)", info.Size(), err)
	}
}

// testFormWithoutScript opens the page as a mail program's preview
// does, with no script: the questions show, the page says it cannot
// save here and what to do, and no button that would do nothing shows.
func testFormWithoutScript(t *testing.T, b *formBrowser) {
	page := b.page(t, formArgs(formEngagement)...)
	ctx, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb := &tab{ctx: ctx}
	tb.run(t, chromedp.Navigate("file://"+page), chromedp.WaitVisible(chromedp.ID("static-note")))
	// DevTools still evaluates; the page's own script did not run.
	if ran := eval[bool](t, tb, "window.cooAdvisorForm !== undefined"); ran {
		t.Fatal("the page's script ran")
	}
	shown, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"This page cannot save your answers here", "open the saved file in a web browser", "How many people work in the organisation?"} {
		if !strings.Contains(shown, want) {
			t.Errorf("without a script the page does not show %q", want)
		}
	}
	if strings.Contains(shown, "Save my answers\n") || strings.Contains(shown, "Load saved answers") {
		t.Error("without a script the page shows its buttons")
	}
}

// axString is an accessibility value as text.
func axString(v *accessibility.Value) string {
	if v == nil {
		return ""
	}
	var s string
	if err := json.Unmarshal(v.Value, &s); err != nil {
		return ""
	}
	return s
}

// testFormTeam is the "done when": five people fill in the page,
// and team reads the five files as saved.
func testFormTeam(t *testing.T, b *formBrowser, defs *advisor.Definitions) {
	page := b.page(t, "--client", "Acme", "--prepared-by", "Jane Doe")
	dir := t.TempDir()
	people := []string{"ana", "ben", "cy", "dee", "eve"}
	for i, name := range people {
		answers, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "team", name+".yaml"))
		tb := b.open(t, page, 390, 844)
		p := person{name: strings.ToUpper(name[:1]) + name[1:], role: []string{"CEO", "CFO", "COO", "Head of Sales", "CTO"}[i], keyboard: i%2 == 0}
		tb.fill(t, defs, answers, p)
		tb.press(t, "save", p.keyboard)
		file := name + "-answers.yaml"
		if err := os.WriteFile(filepath.Join(dir, file), tb.download(t, file), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	cmd := exec.Command(b.bin, append([]string{"team", "--format", "json"}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("team: %v\n%s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("team warns: %s", stderr.String())
	}
	var r struct {
		Recommended string `json:"recommended"`
		Engagement  struct {
			Client string `json:"client"`
		} `json:"engagement"`
	}
	if err := json.Unmarshal(out, &r); err != nil || r.Recommended == "" || r.Engagement.Client != "Acme" {
		t.Errorf("team: %+v, %v", r, err)
	}
	var team struct {
		Recommended string `json:"recommended"`
	}
	examples := make([]string, len(people))
	for i, name := range people {
		examples[i] = filepath.Join("..", "..", "examples", "team", name+".yaml")
	}
	if err := json.Unmarshal([]byte(b.cli(t, append([]string{"team", "--format", "json"}, examples...)...)), &team); err != nil || team.Recommended != r.Recommended {
		t.Errorf("the saved files recommend %s; the examples %s (%v)", r.Recommended, team.Recommended, err)
	}
}

// testFormScreenshots draws the page, half filled with one wrong
// answer and the keyboard's focus on a choice, on a phone and on a
// desktop, and compares each picture with
// its golden in testdata (go test -run TestFormPage -update draws them
// again). Fonts and the browser's version move a few pixels: a picture
// differs when more than 2% of its pixels differ noticeably, or its
// height by more than 5%.
func testFormScreenshots(t *testing.T, b *formBrowser) {
	defs, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	page := b.page(t, formArgs(formEngagement)...)
	all, _ := readAnswers(t, defs, filepath.Join("..", "..", "examples", "scale-up.yaml"))
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"phone", 390, 844}, {"desktop", 1280, 900}} {
		t.Run(size.name, func(t *testing.T) {
			tb := b.open(t, page, size.width, size.height)
			tb.fill(t, defs, advisor.Answers{"employees": all["employees"], "growth": all["growth"], "expansion": all["expansion"]}, person{name: "Ana Ruiz", role: "CFO"})
			tb.typeInto(t, "#in-departments", "1,2", false)
			// The focus, by keyboard, on a choice: its ring shows.
			tb.choose(t, "regulation", 1, true)
			png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			comparePicture(t, filepath.Join("testdata", "form-"+size.name+".png"), png)
		})
	}
}

// comparePicture compares a PNG with its golden, or writes it with
// -update.
func comparePicture(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *updateGolden {
		if err := os.WriteFile(golden, got, 0o644); err != nil { //nolint:gosec // G306: a golden file in the repository
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v; run go test -run TestFormPage/screenshots -update", err)
	}
	if msg := pictureDiff(want, got); msg != "" {
		bad := filepath.Join(t.TempDir(), filepath.Base(golden))
		_ = os.WriteFile(bad, got, 0o600)
		t.Errorf("%s: %s (the new picture: %s); if the change is meant, run go test -run TestFormPage/screenshots -update and look at it", golden, msg, bad)
	}
}
