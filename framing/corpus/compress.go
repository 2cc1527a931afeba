package corpus

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// DefaultMaxDocBytes caps one document (a text file, a JSONL line, a CSV
// record) at 64 MB: a decompression bomb, or a file that is not news, is
// skipped as too-large, not read into memory.
const DefaultMaxDocBytes = 64 << 20

// compressed returns the compression suffix of path (".gz", ".zst") and
// the path without it, or "" and path.
func compressed(path string) (suffix, inner string) {
	ext := strings.ToLower(filepath.Ext(path))
	if slices.Contains(compressions, ext) {
		return ext, strings.TrimSuffix(path, filepath.Ext(path))
	}
	return "", path
}

// decompressor wraps a compressed file. Its Err is the first error the
// stream gave other than its end: a damaged or cut-short file, which the
// reader reports as a skip after the documents it could read.
type decompressor struct {
	r     io.Reader
	close func()
	err   error
}

func (d *decompressor) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF && d.err == nil {
		d.err = err
	}
	return n, err
}

// openCompressed starts decompressing f by its suffix.
func openCompressed(suffix string, f io.Reader) (*decompressor, error) {
	switch suffix {
	case ".gz":
		zr, err := gzip.NewReader(f) // reads every member of a multi-member file
		if err != nil {
			return nil, fmt.Errorf("not a gzip file: %w", err)
		}
		return &decompressor{r: zr, close: func() { zr.Close() }}, nil
	case ".zst":
		// One goroutine and bounded window memory: a reader of many files
		// must not start a pool per file, nor trust a frame's header.
		zr, err := zstd.NewReader(f, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(1<<27), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			return nil, fmt.Errorf("not a zstd file: %w", err)
		}
		return &decompressor{r: zr, close: zr.Close}, nil
	}
	return nil, errors.New("unknown compression " + suffix)
}

// streamProblem says what went wrong with a compressed stream, for a skip.
func streamProblem(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "the compressed stream is cut short (a truncated download?); the documents before the cut were read"
	}
	return "the compressed stream is damaged: " + err.Error() + "; the documents before the damage were read"
}
