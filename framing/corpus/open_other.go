//go:build !unix

package corpus

import "os"

// openNoWait opens a file found in a folder for reading; where there are
// no named pipes to wait on, as any file.
func openNoWait(path string) (*os.File, error) { return os.Open(path) }
