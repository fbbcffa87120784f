package advisor

import (
	"bytes"
	"encoding/json"
	"testing"
)

type jsonSample struct {
	S     string            `json:"s"`
	O     string            `json:"o,omitempty"`
	F     float64           `json:"f"`
	I     int               `json:"i,omitempty"`
	B     bool              `json:"b"`
	L     []string          `json:"l"`
	N     []string          `json:"n"`
	M     map[string]int    `json:"m"`
	P     *ordered          `json:"p,omitempty"`
	A     any               `json:"a"`
	Inner struct{ X int }   `json:"inner"`
	Empty map[string]string `json:"empty"`
}

// FuzzIndentJSON: the one-pass JSON writer gives exactly what
// encoding/json's MarshalIndent gives, for every string and number.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{"plain", "<a & b>", "quote \" back \\ slash", "\x00\x1f\t\n\r\b\f", "\u2028\u2029", "\xff\xfe bad", "zürich — “x”", ""} {
		f.Add(s, 1.5, 3)
	}
	f.Add("x", 1e21, -7)
	f.Add("x", 1e-7, 0)
	f.Add("x", -0.000001, 1)
	f.Fuzz(func(t *testing.T, s string, x float64, n int) {
		if x != x || x > 1e300 || x < -1e300 {
			return // NaN and infinities are not JSON
		}
		var o ordered
		o.add(s, x)
		o.add("list", []any{s, n, nil, true})
		v := jsonSample{S: s, O: s, F: x, I: n, B: n > 0, L: []string{s, s}, M: map[string]int{s: n, "b": 1, "a": 2}, P: &o, A: o}
		v.Inner.X = n
		var j ordered
		j.add("v", v)
		j.add(s, []jsonSample{v, {}})
		want, err := json.MarshalIndent(j, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(j); !bytes.Equal(got, want) {
			t.Fatalf("got\n%s\nwant\n%s", got, want)
		}
	})
}
