//go:build unix

package corpus

import (
	"os"
	"syscall"
)

// openNoWait opens a file found in a folder for reading without waiting:
// a named pipe put in place of the file after the folder was listed opens
// at once (its type is then checked) instead of waiting for a writer.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
