package data_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
	"github.com/coo-advisor/coo-advisor/data/internal/compile"
)

// TestGeneratedDataIsCurrent fails when builtin_gen.go no longer matches
// the YAML: run `go generate ./data` after editing roles.yaml or
// questions.yaml.
func TestGeneratedDataIsCurrent(t *testing.T) {
	want, err := compile.Source(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("builtin_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("builtin_gen.go is stale: run `go generate ./data` and commit the result")
	}
}

// TestGeneratedDataAdvisesAsTheYAML: the Go data and the YAML give the
// same report, byte for byte, for many answer sets, and each Load is a
// copy of its own.
func TestGeneratedDataAdvisesAsTheYAML(t *testing.T) {
	gen, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	yml, err := data.LoadYAML()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 7))
	o := advisor.ReportOptions{Engagement: advisor.Engagement{Date: "2026-11-26"}}
	for range 300 {
		a := advisor.Answers{}
		for _, q := range yml.Questions {
			a[q.ID] = q.RandomAnswer(r.IntN)
		}
		for _, f := range []advisor.Format{advisor.FormatText, advisor.FormatJSON} {
			rg, err1 := gen.Recommend(a)
			ry, err2 := yml.Recommend(a)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			bg, _ := gen.Report(rg, f, o)
			by, _ := yml.Report(ry, f, o)
			if !bytes.Equal(bg, by) {
				t.Fatalf("the Go data and the YAML disagree for %v", a)
			}
		}
	}
	other, _ := data.Load()
	other.Roles[0].Title = "changed"
	if gen.Roles[0].Title == "changed" {
		t.Error("two Loads share their data")
	}
}
