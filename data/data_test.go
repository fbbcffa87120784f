package data_test

import (
	"testing"

	"github.com/coo-advisor/coo-advisor/data"
)

// TestBuiltInDefinitionsLoad: the embedded YAML loads without a problem,
// with the nine questions of the answers contract first, and a second
// Load is the same definitions, not a second parse.
func TestBuiltInDefinitionsLoad(t *testing.T) {
	d, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	contract := []string{"employees", "departments", "locations", "regulation", "growth", "expansion", "ceo_ops_time", "leadership", "pain_points"}
	ids := d.QuestionIDs()
	if len(ids) < len(contract) {
		t.Fatalf("questions %v, want the nine of the contract first", ids)
	}
	for i, id := range contract {
		if ids[i] != id {
			t.Errorf("question %d is %s, want %s", i+1, ids[i], id)
		}
	}
	for _, q := range d.Questions[len(contract):] {
		if q.Required() {
			t.Errorf("question %s comes after the nine but has no default: answers files written for the nine would stop validating", q.ID)
		}
	}
	again, err := data.Load()
	if err != nil || again != d {
		t.Errorf("a second Load parsed again (%p, %p, %v)", d, again, err)
	}
}
