package spill

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// Run is n keys of width bytes each, in ascending order (bytes.Compare),
// at an offset of a File. A Run is a value: copies read the same keys.
type Run struct {
	file  *File
	off   int64
	n     int64
	width int
}

// Len is the number of keys in the run.
func (r Run) Len() int64 { return r.n }

// File is the file that holds the run.
func (r Run) File() *File { return r.file }

// ReadKeys reads the keys i, i+1, … of r into dst, as many as it holds
// (len(dst) is a multiple of the width, and the keys are in the run).
func (r Run) ReadKeys(dst []byte, i int64) error {
	if len(dst)%r.width != 0 || i < 0 || i+int64(len(dst)/r.width) > r.n {
		panic(fmt.Sprintf("spill: keys %d to %d of a run of %d", i, i+int64(len(dst)/r.width), r.n))
	}
	if _, err := r.file.h.f.ReadAt(dst, r.off+i*int64(r.width)); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return readErr(err)
	}
	return nil
}

// writeBuffer is the buffer of a File's writers.
const writeBuffer = 32 << 10

// Writer writes one run at the end of a File, key by key.
type Writer struct {
	file  *File
	width int
	off   int64
	n     int64
	last  []byte
	buf   *bufio.Writer
	err   error
}

// NewWriter starts a run of keys of width bytes at the end of f; f takes
// one run at a time, and none once a write to it failed (Finish says so).
func (f *File) NewWriter(width int) *Writer {
	if width <= 0 {
		panic("spill: key width must be positive")
	}
	if f.writing {
		panic("spill: a second run begun before the first was finished")
	}
	f.writing = true
	w := &Writer{file: f, width: width, off: f.size, last: make([]byte, width), err: f.err}
	if _, err := f.h.f.Seek(f.size, io.SeekStart); err != nil && w.err == nil {
		w.err = writeErr(err)
	}
	if f.buf == nil {
		f.buf = bufio.NewWriterSize(f.h.f, writeBuffer)
	}
	f.buf.Reset(f.h.f)
	w.buf = f.buf
	return w
}

// Add appends key, which must be as wide as the run's keys and not less
// than the key before.
func (w *Writer) Add(key []byte) {
	if len(key) != w.width {
		panic(fmt.Sprintf("spill: a key of %d bytes in a run of %d", len(key), w.width))
	}
	if w.n > 0 && bytes.Compare(key, w.last) < 0 {
		panic("spill: keys out of order")
	}
	copy(w.last, key)
	w.n++
	if w.err == nil {
		if _, err := w.buf.Write(key); err != nil {
			w.err = writeErr(err)
		}
	}
}

// Finish writes what is buffered and returns the run. On an error the
// run is not to be used, and the file takes no more runs: the caller keeps
// its keys another way.
func (w *Writer) Finish() (Run, error) {
	f := w.file
	f.writing = false
	if w.err == nil {
		if err := w.buf.Flush(); err != nil {
			w.err = writeErr(err)
		}
	}
	if w.err != nil {
		f.err = w.err
		return Run{}, w.err
	}
	f.size += w.n * int64(w.width)
	return Run{file: f, off: w.off, n: w.n, width: w.width}, nil
}

// Reader reads a run's keys in order, a buffer at a time.
type Reader struct {
	run  Run
	buf  []byte // keys read and not yet returned, from pos
	pos  int
	next int64 // the index of the first key not yet read from the file
	err  error
}

// NewReader reads r with a buffer of about bufBytes (at least one key).
func (r Run) NewReader(bufBytes int) *Reader {
	keys := int64(max(bufBytes/r.width, 1))
	return &Reader{run: r, buf: make([]byte, 0, min(keys, r.n)*int64(r.width))}
}

// Next returns the next key, valid until the following call; false at the
// end of the run or on an error (Err).
func (rd *Reader) Next() ([]byte, bool) {
	w := rd.run.width
	if rd.pos == len(rd.buf) {
		if rd.err != nil || rd.next == rd.run.n {
			return nil, false
		}
		k := min(int64(cap(rd.buf)/w), rd.run.n-rd.next)
		rd.buf, rd.pos = rd.buf[:k*int64(w)], 0
		if err := rd.run.ReadKeys(rd.buf, rd.next); err != nil {
			rd.buf, rd.err = rd.buf[:0], err
			return nil, false
		}
		rd.next += k
	}
	key := rd.buf[rd.pos : rd.pos+w]
	rd.pos += w
	return key, true
}

// Err is the error that ended the reading, if any.
func (rd *Reader) Err() error { return rd.err }
