package spill

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
)

// File is a temporary file of runs, written one after another and read
// back at their offsets. Its name is removed as soon as the file is made
// where the system allows it (not on Windows, which keeps an open file's
// name), so that a crash leaves nothing behind; elsewhere Close removes
// it. A File nobody can reach any more is closed and removed by a cleanup,
// so an owner that drops its runs need not close them.
type File struct {
	h       *handle
	cleanup runtime.Cleanup
	size    int64         // bytes written: where the next run starts
	buf     *bufio.Writer // the writers' buffer, one for all the runs
	writing bool          // a Writer is open
	err     error         // a write failed: the end of the file is not to be trusted
}

// handle is what closing a File needs, apart from the File, so that the
// cleanup can hold it without keeping the File alive.
type handle struct {
	f    *os.File
	name string // still to remove; "" once removed
}

func (h *handle) close() error {
	err := h.f.Close()
	if h.name != "" {
		if rerr := os.Remove(h.name); err == nil {
			err = rerr
		}
		h.name = ""
	}
	return err
}

// Create makes a temporary file in os.TempDir() ($TMPDIR on Unix). Its
// error names the directory and says what to do.
func Create() (*File, error) {
	f, err := os.CreateTemp("", "framing-spill-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file: %w (set TMPDIR to a writable directory with free space)", err)
	}
	h := &handle{f: f, name: f.Name()}
	if runtime.GOOS != "windows" && os.Remove(h.name) == nil {
		h.name = ""
	}
	file := &File{h: h}
	file.cleanup = runtime.AddCleanup(file, func(h *handle) { h.close() }, h)
	return file, nil
}

// Close closes the file and removes it if its name is left. Runs in it
// cannot be read after.
func (f *File) Close() error {
	f.cleanup.Stop()
	return f.h.close()
}

// writeErr says that a write to the file failed, and what to do.
func writeErr(err error) error {
	return fmt.Errorf("cannot write a temporary file: %w (set TMPDIR to a directory with free space)", err)
}

// readErr says that reading a run back failed.
func readErr(err error) error {
	return fmt.Errorf("cannot read back a temporary file: %w", err)
}
