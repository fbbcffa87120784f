package advisor_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
)

// TestFingerprintFollowsWhatAnAnswerMeans: the questionnaire's
// fingerprint changes with what a question asks or takes, and not with
// the weights, which change the advice, not what an answer says.
func TestFingerprintFollowsWhatAnAnswerMeans(t *testing.T) {
	roles, questions := builtinSource(t, data.RolesFile), builtinSource(t, data.QuestionsFile)
	base := builtin(t).Fingerprint()
	if !regexp.MustCompile(`^sha256:[0-9a-f]{16}$`).MatchString(base) {
		t.Fatalf("fingerprint %q", base)
	}
	for _, c := range []struct {
		name, old, new string
		same           bool
	}{
		{"a prompt", "prompt: How many people work in the organisation?", "prompt: How many people work here?", false},
		{"a range", "    max: 500\n", "    max: 600\n", false},
		{"a label", "label: New markets\n", "label: New regions\n", false},
		{"a weight", "full_lead: 10", "full_lead: 12", true},
		{"a help text", "help: Count full-time equivalents, including contractors who work like staff.", "help: Count everyone.", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(questions, c.old) {
				t.Fatalf("the built-in questions lack %q", c.old)
			}
			d, err := load(roles, strings.Replace(questions, c.old, c.new, 1))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Fingerprint(); (got == base) != c.same {
				t.Errorf("changing %s: fingerprint %s, before %s; same wanted: %v", c.name, got, base, c.same)
			}
		})
	}
}

// TestFormAnswersReadBack: the file a page saves is the program's answers
// file with the fingerprint in the engagement; it reads back to the same
// answers and engagement, and its fingerprint is the definitions'.
func TestFormAnswersReadBack(t *testing.T) {
	d := builtin(t)
	answers, err := d.ParseAnswers("scale-up.yaml", example(t, "scale-up.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	e := advisor.Engagement{Client: `Harbour "&" Sons`, PreparedBy: "Jane Doe", Date: "2026-11-26", Respondent: "Zoë \u00a0Ng", Role: "CFO"}
	got := d.FormAnswersYAML(answers, e)
	plain := d.AnswersYAML(answers, e)
	line := "  questionnaire: \"" + d.Fingerprint() + "\"\n"
	if !bytes.Equal(got, bytes.Replace(plain, []byte("  role: \"CFO\"\n"), []byte("  role: \"CFO\"\n"+line), 1)) {
		t.Errorf("the page's file is not the program's with the fingerprint:\n%s", got)
	}
	if bytes.Contains(plain, []byte("questionnaire")) {
		t.Error("AnswersYAML writes a fingerprint")
	}
	f, err := d.ReadAnswers("a.yaml", got, false)
	if err != nil {
		t.Fatal(err)
	}
	if f.Engagement != e || f.Questionnaire != d.Fingerprint() || d.OtherQuestionnaire(f) {
		t.Errorf("read back %+v, fingerprint %q", f.Engagement, f.Questionnaire)
	}
	for id, a := range answers {
		q, _ := d.Question(id)
		if q.FormatValue(f.Answers[id]) != q.FormatValue(a) {
			t.Errorf("%s: read back %v, saved %v", id, f.Answers[id], a)
		}
	}
	// A file from another questionnaire is read, and says so.
	other := bytes.Replace(got, []byte(d.Fingerprint()), []byte("sha256:"+strings.Repeat("0", 64)), 1)
	if f, err := d.ReadAnswers("a.yaml", other, false); err != nil || !d.OtherQuestionnaire(f) {
		t.Errorf("another questionnaire's file: %v, %v", f, err)
	}
	// Half a page saved: blanks, which a session resumes.
	half := advisor.Answers{"employees": answers["employees"]}
	f, err = d.ReadAnswers("a.yaml", d.FormAnswersYAML(half, advisor.Engagement{}), true)
	if err != nil || len(f.Missing) != 8 || f.Questionnaire != d.Fingerprint() {
		t.Errorf("half saved: %+v, %v", f, err)
	}
}

// TestFormPage: one page under 150 KB, whose policy allows its own style
// sheet and script by their hashes and nothing else, naming no address,
// asking every question with a label, and carrying the model its script
// reads.
func TestFormPage(t *testing.T) {
	d := builtin(t)
	page := string(d.FormPage(advisor.Engagement{Client: "<script>alert(1)</script>", PreparedBy: "Jane & Co", Date: "2026-11-26"}, "test"))
	if len(page) > 150<<10 {
		t.Errorf("the page is %d bytes, over 150 KB", len(page))
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src '([^']+)'; style-src '([^']+)'; connect-src 'none'; form-action 'none'; base-uri 'none';[^"]*">`).FindStringSubmatch(page)
	if csp == nil {
		t.Fatal("no Content-Security-Policy as wanted")
	}
	inline := func(tag string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`(?s)<`+tag+`>(.*?)</`+tag+`>`).FindAllStringSubmatch(page, -1) {
			sum := sha256.Sum256([]byte(m[1]))
			out = append(out, "sha256-"+base64.StdEncoding.EncodeToString(sum[:]))
		}
		return out
	}
	if got := inline("script"); len(got) != 1 || got[0] != csp[1] {
		t.Errorf("the inline scripts hash to %v; the policy allows %s", got, csp[1])
	}
	if got := inline("style"); len(got) != 1 || got[0] != csp[2] {
		t.Errorf("the style sheets hash to %v; the policy allows %s", got, csp[2])
	}
	for _, bad := range []string{"http:", "https:", "//fonts", " src=", "<script>alert", "<link", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, q := range d.Questions {
		if !strings.Contains(page, `data-q="`+q.ID+`"`) || !strings.Contains(page, q.Prompt) {
			t.Errorf("the page does not ask %s", q.ID)
		}
	}
	if !strings.Contains(page, `"fingerprint":"`+d.Fingerprint()+`"`) {
		t.Error("the page's model lacks the fingerprint")
	}
	for _, want := range []string{"This page shows no recommendation", "Your answers stay on this computer until you send them", "its script is not running", "Save my answers", "Copy answers", "Load saved answers"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
}

// TestFromEmail: answers pasted into an email lose their quote markers
// and the signature, keep their line numbers, and nothing else; anything
// else is an error at its line.
func TestFromEmail(t *testing.T) {
	for _, c := range []struct {
		name, in, want, err string
	}{
		{"unquoted, unsigned", "employees: 5\n# > a comment\ngrowth: rapid\n", "employees: 5\n# > a comment\ngrowth: rapid\n", ""},
		{"quoted", "> employees: 5\n>\n> growth: rapid\n", "employees: 5\n\ngrowth: rapid\n", ""},
		{"quoted with CRLF", "> employees: 5\r\n> growth: rapid\r\n", "employees: 5\r\ngrowth: rapid\r\n", ""},
		{"quoted after blank lines", "\n\n> employees: 5\n", "\n\nemployees: 5\n", ""},
		{"signed", "employees: 5\n-- \nAna\n> quoted: x\n", "employees: 5\n", ""},
		{"signed without the space", "employees: 5\n--\nAna\n", "employees: 5\n", ""},
		{"quoted and signed", "> employees: 5\n> -- \n> Ana\n", "employees: 5\n", ""},
		{"a YAML document start is no signature", "---\nemployees: 5\n", "---\nemployees: 5\n", ""},
		{"quoted twice", "> employees: 5\n> > growth: rapid\n", "", "a.txt:2: this line is quoted twice (> >); the answers are quoted once"},
		{"quoted twice from the start", "> > employees: 5\n> > growth: rapid\n", "", "a.txt:1: this line is quoted twice"},
		{"quoted unevenly", "> employees: 5\ngrowth: rapid\n", "", "a.txt:2: this line is not quoted"},
		{"no space after the marker", "> employees: 5\n>growth: rapid\n", "", "a.txt:2: this line is quoted with > and no space after it; quote every line of the answers with \"> \""},
		{"a reply's line above the quoted answers", "On Mon, 7 Dec 2026, Ben <b@x.com> wrote:\n> employees: 5\n", "", `a.txt:1: "On Mon, 7 Dec 2026, Ben <b@x.com> wrote:" is the mail program's line above the quoted answers, not part of them; delete this line`},
		{"an earlier message quoted below", "employees: 5\n\nOn Mon, Jane wrote:\n> Hi Ben\n", "", `a.txt:3: the answers end above this line: "On Mon, Jane wrote:" and what follows is not part of them`},
		{"sent from a phone", "employees: 5\n\nSent from my iPhone\n", "", `a.txt:3: the answers end above this line: "Sent from my iPhone"`},
		{"quoted, then a phone's line unquoted", "> employees: 5\n\nSent from my iPhone\n", "", `a.txt:3: the answers end above this line: "Sent from my iPhone"`},
		{"a signature with two spaces", "employees: 5\n--  \nAna\n", "", `a.txt:2: the answers end above this line: "--  "`},
		{"a signature unquoted below quoted answers", "> employees: 5\n--\nAna\n", "employees: 5\n", ""},
		{"indented with non-breaking spaces", "engagement:\n\u00a0\u00a0client: Acme\n", "", "a.txt:2: this line is indented with non-breaking spaces (pasted from an email?); retype the spaces"},
		{"quote markers as HTML", "&gt; employees: 5\n", "", "a.txt:1: the quote marker > came as &gt;"},
		{"a comment broken in two", "# How many people work in the\norganisation?\nemployees: 5\n", "", "a.txt:2: this line looks like the end of line 1, which the mail program broke in two"},
		{"a value broken in two", "engagement:\n  questionnaire: \n\"sha256:0123\"\nemployees: 5\n", "", "a.txt:3: this line looks like the end of line 2"},
		{"a list broken in two still reads", "employees: 5\nexpansion: [new-markets,\ninternational]\n", "employees: 5\nexpansion: [new-markets,\ninternational]\n", ""},
		{"a list over two lines, indented, is YAML", "expansion: [new-markets,\n  international]\n", "expansion: [new-markets,\n  international]\n", ""},
		{"a quote later", "employees: 5\n> growth: rapid\n", "", "a.txt:2: this line starts with the quote marker >"},
		{"words before the answers", "Hi Jane,\n\n# coo-advisor answers file: x\nemployees: 5\n", "", "a.txt:1: text before the answers file, which starts on line 3"},
		{"comments before the answers", "# mine\n# coo-advisor answers file: x\nemployees: 5\n", "# mine\n# coo-advisor answers file: x\nemployees: 5\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := advisor.FromEmail("a.txt", []byte(c.in))
			switch {
			case c.err != "":
				var ie *advisor.InputError
				if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), c.err) {
					t.Errorf("error %v, want %q", err, c.err)
				}
			case err != nil:
				t.Errorf("error %v", err)
			case string(got) != c.want:
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzFromEmail: any text gives text no longer than it, with no more
// lines, or an *InputError at a line of it; text neither quoted nor
// signed comes back as it is.
func FuzzFromEmail(f *testing.F) {
	for _, s := range []string{"employees: 5\n", "> a: 1\n>\n> -- \n", "x\n-- \ny", "> a\r\nb", ">", "\n>>\n", "Hi\n# coo-advisor answers file\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := advisor.FromEmail("a.txt", in)
		if err != nil {
			checkFuzzError(t, err, in, "a.txt")
			return
		}
		if len(out) > len(in) || bytes.Count(out, []byte("\n")) > bytes.Count(in, []byte("\n")) {
			t.Fatalf("%q became the longer %q", in, out)
		}
		quoted := bytes.HasPrefix(bytes.TrimLeft(in, " \t\r\n"), []byte(">"))
		signed := regexp.MustCompile(`(?m)^--( )?\r?$`).Match(in)
		if !quoted && !signed && !bytes.Equal(out, in) {
			t.Fatalf("%q, neither quoted nor signed, became %q", in, out)
		}
	})
}

// TestAnswersLinesFitAnEmail: no line of an answers file is longer than a
// mail program leaves alone, with room for two quote markers: a comment
// or a value a mail program breaks in two is no longer YAML. The longest
// file ticks every option of every list; it reads back to the same
// answers.
func TestAnswersLinesFitAnEmail(t *testing.T) {
	d := builtin(t)
	all := advisor.Answers{}
	for i := range d.Questions {
		q := &d.Questions[i]
		switch {
		case q.IsList():
			var a advisor.Answer
			for _, o := range q.Options {
				a.Multi = append(a.Multi, o.Value)
			}
			all[q.ID] = a
		case q.Kind == advisor.KindInteger:
			all[q.ID] = advisor.Answer{Int: q.Max}
		default:
			all[q.ID] = advisor.Answer{Choice: q.Options[len(q.Options)-1].Value}
		}
	}
	e := advisor.Engagement{Client: "Harbour and Sons Logistics", PreparedBy: "Jane Doe", Date: "2026-11-26", Respondent: "Ana Ruiz", Role: "Head of Sales"}
	for name, file := range map[string][]byte{
		"every option": d.FormAnswersYAML(all, e),
		"nothing":      d.FormAnswersYAML(advisor.Answers{}, e),
		"from the TUI": d.AnswersYAML(all, e),
	} {
		for i, l := range strings.Split(string(file), "\n") {
			if n := len([]rune(l)); n > 66 {
				t.Errorf("%s: line %d has %d characters: %q", name, i+1, n, l)
			}
		}
	}
	f, err := d.ReadAnswers("a.yaml", d.FormAnswersYAML(all, e), false)
	if err != nil {
		t.Fatal(err)
	}
	for id, a := range all {
		q, _ := d.Question(id)
		if q.FormatValue(f.Answers[id]) != q.FormatValue(a) {
			t.Errorf("%s: read back %v, saved %v", id, f.Answers[id], a)
		}
	}
}
