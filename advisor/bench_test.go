package advisor_test

import "testing"

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
				if _, err := d.Report(res, f); err != nil {
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
