//go:build !unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
)

// keepOwner does nothing where files have no Unix owner and group: the
// mode's group bits mean nothing to lose there.
func keepOwner(*os.File, fs.FileInfo) bool { return true }

// dupFile is only for the process's standard streams here.
func dupFile(int) (*os.File, error) {
	return nil, errors.New("only standard output and standard error can be named as streams here")
}
