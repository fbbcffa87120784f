package data_test

import (
	"testing"

	"github.com/coo-advisor/coo-advisor/data"
)

// BenchmarkLoad is what reading the built-in definitions costs at start:
// Go data, not YAML.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := data.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadYAML is the same from the YAML, for comparison.
func BenchmarkLoadYAML(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := data.LoadYAML(); err != nil {
			b.Fatal(err)
		}
	}
}
