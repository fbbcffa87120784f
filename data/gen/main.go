// Command gen compiles the built-in definitions, roles.yaml and
// questions.yaml, into Go data (builtin_gen.go), so that coo-advisor
// starts without parsing YAML. `go generate ./data` runs it in the data
// directory; a test fails when the generated file no longer matches the
// YAML.
package main

import (
	"fmt"
	"os"

	"github.com/coo-advisor/coo-advisor/data/internal/compile"
)

func main() {
	src, err := compile.Source(os.DirFS("."))
	if err == nil {
		err = os.WriteFile("builtin_gen.go", src, 0o644) //nolint:gosec // G306: Go source, readable by all like the rest
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
