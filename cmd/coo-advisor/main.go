// Command coo-advisor helps decide whether a company's next operations
// leader should be a Chief Operating Officer or an Operations Director.
package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	err := newRootCmd(os.Stdin, os.Stdout, os.Stderr).ExecuteContext(context.Background())
	code := exitCode(err)
	if err != nil && code != exitAborted && !isSilent(err) {
		fmt.Fprintln(os.Stderr, errorText(err))
	}
	os.Exit(code)
}
