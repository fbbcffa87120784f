package data_test

import (
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
	"github.com/coo-advisor/coo-advisor/data"
)

// BenchmarkParseBuiltIn is what reading the built-in definitions costs
// once per process: the embedded YAML, parsed and checked.
func BenchmarkParseBuiltIn(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := advisor.LoadFS(data.FS, data.RolesFile, data.QuestionsFile, "built-in "); err != nil {
			b.Fatal(err)
		}
	}
}
