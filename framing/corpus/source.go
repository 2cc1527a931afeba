package corpus

import (
	"errors"
	"io"
	"iter"
)

// Files is the corpus under paths as a stream: the documents Read reads,
// and as an error each input it skips (a Skip, which a consumer counts and
// goes on) or the problem that ends the reading (any other error). Its
// Summary is ready once the stream has been read to its end.
type Files struct {
	read func(Options, func(Document) error) (Summary, error)
	opt  Options
	sum  Summary
}

// NewFiles returns the corpus under paths (see Read), read with opt; its
// OnSkip and Strict are left to the consumer, which sees every skip.
func NewFiles(paths []string, opt Options) *Files {
	return &Files{opt: opt, read: func(o Options, y func(Document) error) (Summary, error) { return Read(paths, o, y) }}
}

// NewStream returns one document file read from in (see ReadStream).
func NewStream(name, rel string, in io.Reader, opt Options) *Files {
	return &Files{opt: opt, read: func(o Options, y func(Document) error) (Summary, error) {
		return ReadStream(name, rel, in, o, y)
	}}
}

// errStop ends a reading whose consumer has stopped.
var errStop = errors.New("corpus: stopped")

// All is the stream of documents and skips, in corpus order.
func (f *Files) All() iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		stopped := false
		opt := f.opt
		opt.Strict = false
		opt.OnSkip = func(s Skip) {
			if !stopped && !yield(Document{}, s) {
				stopped = true
			}
		}
		sum, err := f.read(opt, func(d Document) error {
			if stopped || !yield(d, nil) {
				stopped = true
				return errStop
			}
			return nil
		})
		f.sum = sum
		if err != nil && !errors.Is(err, errStop) && !stopped {
			yield(Document{}, err)
		}
	}
}

// Summary counts what the reading saw: files read and ignored.
func (f *Files) Summary() Summary { return f.sum }
