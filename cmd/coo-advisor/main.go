// Command coo-advisor helps decide whether a company's next operations
// leader should be a Chief Operating Officer or an Operations Director.
package main

import (
	"fmt"
	"os"
)

func main() {
	stop := watchSignals(os.Stderr)
	root, a := newRootCmd(os.Stdin, os.Stdout, os.Stderr, stop)
	err := root.ExecuteContext(stop.ctx)
	if err == nil {
		err = a.outputError()
	}
	code := exitCode(err)
	if err != nil && code != exitAborted && !isSilent(err) {
		fmt.Fprintln(os.Stderr, errorText(err))
	}
	os.Exit(code)
}
