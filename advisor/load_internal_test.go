package advisor

import (
	"regexp"
	"testing"
)

// TestValidIDMatchesTheDocumentedPattern checks the hand-written id check
// against the regular expression it replaces.
func TestValidIDMatchesTheDocumentedPattern(t *testing.T) {
	re := regexp.MustCompile(`^[a-z][a-z0-9]*([_-][a-z0-9]+)*$`)
	cases := []string{
		"", "a", "coo", "operations-director", "ceo_ops_time", "a1", "1a", "-a", "a-", "a--b", "a-_b",
		"A", "aB", "a b", "pain_points", "x-1-y", "é", "a\n", "new-markets", "_", "a_", "q9_z-0",
	}
	for _, s := range cases {
		if got, want := validID(s), re.MatchString(s); got != want {
			t.Errorf("validID(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzValidID(f *testing.F) {
	re := regexp.MustCompile(`^[a-z][a-z0-9]*([_-][a-z0-9]+)*$`)
	f.Add("operations-director")
	f.Add("a--b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validID(s), re.MatchString(s); got != want {
			t.Errorf("validID(%q) = %v, want %v", s, got, want)
		}
	})
}

// A statement's placeholders are filled in; braces that name none stay.
func TestPartStatementFillsPlaceholders(t *testing.T) {
	q := &Question{Unit: "employees", UnitOne: "employee", Statement: "The company has {value} {unit}"}
	cases := []struct {
		statement, label string
		n                int
		want             string
	}{
		{"", "", 1200, "The company has 1,200 employees"},
		{"", "", 1, "The company has one employee"}, // one to nine in words
		{"", "", 10, "The company has 10 employees"},
		{"{list} {value}{unit}", "New markets", 3, "new markets threeemployees"},
		{"{not one} {value", "X", 7, "{not one} {value"},
		{"{{value}} {", "X", 42, "{42} {"},
		{"no placeholders", "X", 5, "no placeholders"},
	}
	for _, c := range cases {
		got := q.partStatement(&Part{Statement: c.statement, Label: c.label}, Answer{Int: c.n})
		if got != c.want {
			t.Errorf("partStatement(%q, %d) = %q, want %q", c.statement, c.n, got, c.want)
		}
	}
}
