package plain

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
)

func loadDefs(t testing.TB) *advisor.Definitions {
	t.Helper()
	d, err := data.Load()
	if err != nil {
		t.Fatalf("built-in definitions: %v", err)
	}
	return d
}

// readAnswers parses one of the example answers files of the repository.
func readAnswers(t testing.TB, d *advisor.Definitions, name string) advisor.Answers {
	t.Helper()
	path := filepath.Join("..", "examples", name)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.ParseAnswers(path, b)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// testReport is what reports carry in tests: a fixed date, so that they
// are the same every day.
var testReport = advisor.ReportOptions{Engagement: advisor.Engagement{Date: "2026-11-26"}, Version: "test"}
