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
