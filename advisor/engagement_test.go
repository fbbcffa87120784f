package advisor_test

import (
	"strings"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// TestEngagementRole: engagement.role is read as the respondent is (one
// line of text, no control characters, not too long), written back with
// the answers, carried into the JSON report and given way to by a flag.
func TestEngagementRole(t *testing.T) {
	d := builtin(t)
	f, err := d.ReadAnswers("ana.yaml", []byte("engagement:\n  respondent: Ana Ruiz\n  role: CEO\n"+validAnswers), false)
	if err != nil {
		t.Fatal(err)
	}
	if f.Engagement.Role != "CEO" || f.Engagement.Respondent != "Ana Ruiz" {
		t.Fatalf("engagement %+v, want the role CEO", f.Engagement)
	}
	// Written back, and read again to the same.
	back, err := d.ReadAnswers("saved.yaml", d.AnswersYAML(f.Answers, f.Engagement), false)
	if err != nil {
		t.Fatal(err)
	}
	if back.Engagement != f.Engagement {
		t.Errorf("saved and read again: %+v, want %+v", back.Engagement, f.Engagement)
	}
	if got := f.Engagement.Merge(advisor.Engagement{Role: "CFO"}).Role; got != "CFO" {
		t.Errorf("a --role of CFO over the file's CEO gives %q", got)
	}
	if got := f.Engagement.Merge(advisor.Engagement{Client: "Acme"}).Role; got != "CEO" {
		t.Errorf("a flag that gives no role drops the file's: %q", got)
	}
	out, err := d.Report(recommend(t, d, f.Answers), advisor.FormatJSON, advisor.ReportOptions{Engagement: f.Engagement})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"role": "CEO"`) {
		t.Errorf("the JSON engagement has no role:\n%s", out[:min(len(out), 400)])
	}
	// The brief names the person with their role, once.
	for _, tc := range []struct{ respondent, role, want string }{
		{"Ana Ruiz", "CEO", "Answers by Ana Ruiz (CEO)"},
		{"Ben (CFO)", "CFO", "Answers by Ben (CFO) ·"},
		{"", "VP Operations", "Answers by the VP Operations"},
	} {
		e := advisor.Engagement{Respondent: tc.respondent, Role: tc.role, Date: "2026-03-10"}
		out, err := d.Report(recommend(t, d, f.Answers), advisor.FormatText, advisor.ReportOptions{Engagement: e})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("%q as %q: the byline does not say %q", tc.respondent, tc.role, tc.want)
		}
	}

	for _, tc := range []struct{ name, role, want string }{
		{"a control character", `"CEO\e[2J"`, `engagement.role: `},
		{"too long", strings.Repeat("x", 201), "engagement.role: is 201 characters long; keep it to 200"},
		{"a list", "[CEO, CFO]", "engagement.role: "},
	} {
		_, err := d.ReadAnswers("bad.yaml", []byte("engagement:\n  role: "+tc.role+"\n"+validAnswers), false)
		if err == nil || !strings.Contains(err.Error(), "bad.yaml:2: "+tc.want) {
			t.Errorf("%s: %v, want a problem on line 2 starting %q", tc.name, err, tc.want)
		}
	}
}
