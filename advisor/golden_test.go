package advisor_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/coo-advisor/coo-advisor/advisor"
)

var update = flag.Bool("update", false, "rewrite the golden briefs in testdata/")

// goldenBriefs are the briefs kept in testdata/brief-*: a consultant's
// 140-person client with every engagement detail, a small company where a
// rule rules the COO out, a company with a COO, a close call without a
// client's name, a steady company with a Director in post (no new
// leader), a multi-site restaurant group, a fast-growing fintech (a COO),
// a 35-person agency priced in the UK, and a regulated health group
// buying practices with a Director in post.
var goldenBriefs = []struct {
	name    string
	example string
	e       advisor.Engagement
	market  string // "" for the default
}{
	{"logistics", "logistics.yaml", advisor.Engagement{Client: "Harbour Logistics", PreparedBy: "Jane Doe, Northwind Advisory", Date: "2026-11-26"}, ""},
	{"small-business", "small-business.yaml", advisor.Engagement{PreparedBy: "Sam Lee", Date: "2026-11-26"}, ""},
	{"has-coo", "has-coo.yaml", advisor.Engagement{Client: "Alder Manufacturing", Date: "2026-11-26"}, ""},
	{"close-call", "close-call.yaml", advisor.Engagement{Date: "2026-11-26"}, ""},
	{"steady-with-director", "steady-with-director.yaml", advisor.Engagement{Client: "Brightline Software", PreparedBy: "Sam Lee", Date: "2026-11-26"}, ""},
	{"restaurant-group", "restaurant-group.yaml", advisor.Engagement{Client: "Tavola Restaurants", Date: "2026-11-26"}, ""},
	{"scale-up", "scale-up.yaml", advisor.Engagement{Client: "Ledger & Co", PreparedBy: "Jane Doe", Date: "2026-11-26"}, ""},
	{"agency", "agency.yaml", advisor.Engagement{Client: "Studio North", Date: "2026-11-26"}, "uk"},
	{"health-group", "health-group.yaml", advisor.Engagement{Client: "Meridian Health Group", Date: "2026-11-26"}, ""},
}

// TestGoldenBriefs compares the brief in every format with the files in
// testdata: a change to the wording or the layout shows as a diff to
// read. Run `go test ./advisor -run TestGoldenBriefs -update` after a
// deliberate change.
func TestGoldenBriefs(t *testing.T) {
	d := builtin(t)
	for _, g := range goldenBriefs {
		res := recommend(t, d, parse(t, d, string(example(t, g.example))))
		for _, f := range allFormats {
			t.Run(g.name+"-"+string(f), func(t *testing.T) {
				out, err := d.Report(res, f, advisor.ReportOptions{Engagement: g.e, Version: "golden", Market: g.market})
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", "brief-"+g.name+f.Extension())
				if *update {
					if err := os.WriteFile(path, out, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to write it)", err)
				}
				if string(out) != string(want) {
					t.Errorf("%s differs from the brief rendered now (run with -update if the change is deliberate)", path)
				}
			})
		}
	}
}
