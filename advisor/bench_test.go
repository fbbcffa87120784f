package advisor_test

import (
	"fmt"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// BenchmarkRecommend is scoring plus explanation of one answers file:
// parsing examples/close-call.yaml and recommending. A close call is the
// expensive case: every question has a change to find.
func BenchmarkRecommend(b *testing.B) {
	d := builtin(b)
	data := example(b, "close-call.yaml")
	res := recommend(b, d, parse(b, d, string(data)))
	if res.Confidence >= 0.15 || len(res.Changes) == 0 {
		b.Fatalf("close-call.yaml is not a close call any more (confidence %v, %d changes)", res.Confidence, len(res.Changes))
	}
	b.ReportAllocs()
	for b.Loop() {
		a, err := d.ParseAnswers("close-call.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.Recommend(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReport renders the close call in each format.
func BenchmarkReport(b *testing.B) {
	d := builtin(b)
	res := recommend(b, d, parse(b, d, string(example(b, "close-call.yaml"))))
	for _, f := range allFormats {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.Report(res, f, testReport); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRecommendOnly is the scoring and explanation without parsing.
func BenchmarkRecommendOnly(b *testing.B) {
	d := builtin(b)
	a := parse(b, d, string(example(b, "close-call.yaml")))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Recommend(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChangeSearchManyOptions is the search of what would change the
// advice for a user's question of 2,000 options, every one ticked: the
// case that was cubic in the options (10 s at 2,000). It must stay far
// under 100 ms.
func BenchmarkChangeSearchManyOptions(b *testing.B) {
	const n = 2000
	// The built-in roles with a user's questions, as --questions alone
	// gives them.
	d, err := advisor.Load(advisor.Source{Name: "roles.yaml", Data: []byte(builtinSource(b, "roles.yaml")), BuiltIn: true}, advisor.Source{Name: "questions.yaml", Data: []byte(manyOptionsQuestions(n))})
	if err != nil {
		b.Fatal(err)
	}
	var all []string
	for i := 0; i < n; i++ {
		all = append(all, fmt.Sprintf("p%d", i))
	}
	a := advisor.Answers{"pains": {Multi: all}}
	res := recommend(b, d, a)
	if len(res.Changes) == 0 {
		b.Fatal("no change found: the benchmark would not exercise the search")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Recommend(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTeam50 is a team of 50: merging their answers, scoring each
// person and the team, finding the disagreements, and rendering the text
// and JSON briefs. The budget is 50 ms.
func BenchmarkTeam50(b *testing.B) {
	d := builtin(b)
	r := newRand(50)
	people := make([]advisor.Respondent, 50)
	for i := range people {
		people[i] = advisor.Respondent{Name: fmt.Sprintf("Person %d", i+1), File: fmt.Sprintf("p%d.yaml", i), Answers: randomAnswers(d, r)}
	}
	b.ReportAllocs()
	for b.Loop() {
		t, err := d.Team(people, advisor.TeamOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(t.Disagreements) == 0 {
			b.Fatal("fifty random people agree on everything")
		}
		o := testReport
		o.Team = t
		for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatJSON} {
			if _, err := d.Report(t.Result, f, o); err != nil {
				b.Fatal(err)
			}
		}
	}
}
