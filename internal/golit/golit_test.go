package golit

import (
	"strings"
	"testing"
)

type points int64

type part struct {
	Label   string
	Weights []points
	Ratio   float64
	Default *inner
	Index   map[string]int
	Any     any
	hidden  int
}

type inner struct{ N int }

// TestLiteral: every kind the definitions use comes out as Go source,
// zero fields and unexported ones left out, map keys sorted.
func TestLiteral(t *testing.T) {
	got, err := Literal([]part{{Label: "a \"b\"\n", Weights: []points{1, -2}, Ratio: 2, Default: &inner{N: 3}, Index: map[string]int{"z": 1, "a": 2}, hidden: 9}, {}})
	if err != nil {
		t.Fatal(err)
	}
	want := `[]golit.part{
	golit.part{
		Label: "a \"b\"\n",
		Weights: []golit.points{
			golit.points(1),
			golit.points(-2),
		},
		Ratio: 2.0,
		Default: &golit.inner{
			N: 3,
		},
		Index: map[string]int{
			"a": 2,
			"z": 1,
		},
	},
	golit.part{},
}`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := Literal(part{Any: make(chan int)}); err == nil || !strings.Contains(err.Error(), "no literal") {
		t.Errorf("a channel: %v", err)
	}
}
