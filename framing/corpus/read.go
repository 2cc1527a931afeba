package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Reason is why a document or row was skipped: a stable key for summaries
// and machine output.
type Reason string

// The skip reasons.
const (
	BadJSON     Reason = "bad-json"     // a JSONL line that is not a JSON object
	BadCSVRow   Reason = "bad-csv-row"  // a CSV record that does not parse or has the wrong number of fields
	InvalidUTF8 Reason = "invalid-utf8" // text that is not valid UTF-8
	Empty       Reason = "empty"        // text that is empty or only white space
	MissingText Reason = "missing-text" // a JSONL object or CSV row without a text field
	DuplicateID Reason = "duplicate-id" // a second document with an ID already seen in the run
	Unreadable  Reason = "unreadable"   // a file inside a directory that cannot be read
	Truncated   Reason = "truncated"    // a compressed file cut short or damaged: what came before the damage was read
	TooLarge    Reason = "too-large"    // a document over the size cap (Options.MaxDocBytes)
	BadText     Reason = "bad-text"     // a JSONL text (or html) that is a number, an array, an object or a boolean
	BadField    Reason = "bad-field"    // a JSONL id, outlet, date, url, title or lang that is not a string (an id may be a number)
	NotAFile    Reason = "not-a-file"   // a named pipe, socket or device met in a folder, not opened
)

// Skip is a document or row that was not read, and why.
type Skip struct {
	File   string
	Line   int // 1-based; 0 for a whole file
	Reason Reason
	Msg    string
}

func (s Skip) Error() string {
	if s.Line == 0 {
		return fmt.Sprintf("%s: %s", s.File, s.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", s.File, s.Line, s.Msg)
}

// Options control Read.
type Options struct {
	// Manifest describes the documents. When nil, a directory argument's
	// top-level manifest.yaml, manifest.yml or manifest.csv (the first
	// found) describes the documents under it, and is not read as one.
	Manifest *Manifest
	// Stdin is what the path "-" reads, as JSONL.
	Stdin io.Reader
	// Strict ends the run at the first skip, with the skip as the error.
	Strict bool
	// OnSkip is told of every skipped document or row; may be nil.
	OnSkip func(Skip)
	// OnManifest is told of every manifest found in a directory; may be nil.
	OnManifest func(path string)
	// MaxDocBytes caps one document's bytes (0: DefaultMaxDocBytes).
	MaxDocBytes int64
}

// Summary counts what a Read saw.
type Summary struct {
	Files int // document files opened
	// Read counts documents and rows met, skipped ones included.
	Read    int
	Skipped map[Reason]int
	// IgnoredFiles counts files in directories that are not document
	// files (IsDocFile).
	IgnoredFiles int
}

// manifestNames are the files a directory may describe itself with.
var manifestNames = []string{"manifest.yaml", "manifest.yml", "manifest.csv"}

// reader is one Read call.
type reader struct {
	opt   Options
	yield func(Document) error
	sum   Summary
	// dc is the decompressor of the compressed file being read (nil for a
	// plain one), whose damage stream reports once for the whole file.
	dc *decompressor
}

// streamCut reports whether the compressed file being read is cut short or
// damaged. A format reader that meets a read error then stops without a
// skip of its own: stream reports the file as truncated, once.
func (r *reader) streamCut() bool {
	return r.dc != nil && r.dc.err != nil
}

// Read streams every document under paths to yield, one at a time: files
// and directories (recursively, in lexical order, so runs are
// reproducible), and "-" for JSONL on opt.Stdin. A document that cannot be
// read is skipped, reported to opt.OnSkip and counted; a missing path, an
// unknown file type named explicitly, or an error from yield ends the run.
// The rules every document must meet whatever its source (valid UTF-8,
// some text, a new id) are Check's, which the pipeline applies.
func Read(paths []string, opt Options, yield func(Document) error) (Summary, error) {
	r := &reader{opt: opt, yield: yield, sum: Summary{Skipped: map[Reason]int{}}}
	for _, p := range paths {
		if err := r.path(p); err != nil {
			return r.sum, err
		}
	}
	return r.sum, nil
}

func (r *reader) path(p string) error {
	if p == "-" {
		if r.opt.Stdin == nil {
			return errors.New("-: no standard input to read")
		}
		return r.jsonl("stdin", r.opt.Stdin, r.opt.Manifest, "")
	}
	info, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("%s: %w", p, unwrapPath(err))
	}
	if !info.IsDir() {
		if !IsDocFile(p) {
			return fmt.Errorf("%s: unknown file type (want %s)", p, DocFileKinds)
		}
		return r.file(p, "", r.opt.Manifest)
	}
	man := r.opt.Manifest
	if man == nil {
		for _, name := range manifestNames {
			mp := filepath.Join(p, name)
			if info, err := os.Stat(mp); err == nil {
				if !info.Mode().IsRegular() {
					return fmt.Errorf("%s: %s, not a file: a manifest found in a folder must be a file (give it with --manifest to read it)", mp, fileKind(info.Mode()))
				}
				if man, err = LoadManifest(mp); err != nil {
					return err
				}
				if r.opt.OnManifest != nil {
					r.opt.OnManifest(mp)
				}
				break
			}
		}
	}
	// WalkDir visits in lexical order. Every entry that is not read is
	// counted as read and skipped, once: a folder that cannot be listed, a
	// link that leads nowhere, a named pipe.
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == p {
				return err
			}
			r.sum.Read++
			return r.skip(Skip{File: path, Reason: Unreadable, Msg: unwrapPath(err).Error()})
		}
		// A manifest at the top of a directory describes it, used or not
		// (--manifest may name another); it is never a document.
		if d.IsDir() || filepath.Dir(path) == filepath.Clean(p) && slices.Contains(manifestNames, d.Name()) {
			return nil
		}
		if !IsDocFile(path) {
			r.sum.IgnoredFiles++
			return nil
		}
		if !d.Type().IsRegular() {
			// A link, a pipe, a socket, a device: what is it, or where does
			// it lead? Only a file is opened.
			info, err := os.Stat(path)
			if err != nil {
				r.sum.Read++
				return r.skip(Skip{File: path, Reason: Unreadable, Msg: unwrapPath(err).Error()})
			}
			if !info.Mode().IsRegular() {
				r.sum.Read++
				return r.skip(notAFile(path, info.Mode(), d.Type()&fs.ModeSymlink != 0))
			}
		}
		return r.file(path, p, man)
	})
}

// fileKind names what a file that is not a regular one is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "not a regular file"
}

// notAFile is the skip of a folder's entry that is not a file, with what
// it is; link says it was reached through a symbolic link.
func notAFile(path string, m fs.FileMode, link bool) Skip {
	msg := fileKind(m) + ", not a file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		msg += ": skipped, since reading one in a folder could wait forever (name it on the command line to read it)"
	case m.IsDir() && link:
		msg = "a symbolic link to a directory, not a file (links to folders are not followed)"
	}
	return Skip{File: path, Reason: NotAFile, Msg: msg}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// file reads one document file; root is the directory argument it was found
// under ("" for a file named directly). A file named directly may be a
// named pipe (a shell's process substitution is one), and is read as
// what its name says; one found in a folder is opened without waiting and
// read only if it is a file.
func (r *reader) file(path, root string, man *Manifest) error {
	open := os.Open
	if root != "" {
		open = openNoWait
	}
	f, err := open(path)
	if err != nil {
		r.sum.Read++
		return r.skip(Skip{File: path, Reason: Unreadable, Msg: unwrapPath(err).Error()})
	}
	defer f.Close()
	if root != "" {
		if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
			r.sum.Read++
			return r.skip(notAFile(path, info.Mode(), false))
		}
	}
	rel := filepath.Base(path)
	if root != "" {
		if p, err := filepath.Rel(root, path); err == nil {
			rel = filepath.ToSlash(p)
		}
	}
	return r.stream(path, rel, f, man)
}

// ReadStream reads one document file from in, as Read reads a file: name
// (a path, or any name with the file's extensions) chooses the format and
// names the documents' sources, rel (its path below the corpus directory,
// or its base name) gives text files their ids. It serves readers of files
// that are not on this machine, such as a Beam pipeline's.
func ReadStream(name, rel string, in io.Reader, opt Options, yield func(Document) error) (Summary, error) {
	r := &reader{opt: opt, yield: yield, sum: Summary{Skipped: map[Reason]int{}}}
	err := r.stream(name, rel, in, opt.Manifest)
	return r.sum, err
}

// stream reads one opened document file.
func (r *reader) stream(path, rel string, f io.Reader, man *Manifest) error {
	r.sum.Files++
	var in io.Reader = f
	suffix, inner := compressed(path)
	if suffix != "" {
		dc, err := openCompressed(suffix, f)
		if err != nil {
			r.sum.Read++
			return r.skip(Skip{File: path, Reason: Unreadable, Msg: err.Error()})
		}
		defer dc.close()
		r.dc = dc
		defer func() { r.dc = nil }()
		in = dc
		_, rel = compressed(rel)
	}
	kind, ok := formatOf(inner)
	if !ok {
		kind = formats[0] // a stream of no known kind (ReadStream) is text
	}
	ferr := kind.read(r, path, in, man, rel)
	if ferr == nil && r.streamCut() {
		// The documents before the damage were read; say what was lost.
		r.sum.Read++
		return r.skip(Skip{File: path, Reason: Truncated, Msg: streamProblem(r.dc.err)})
	}
	return ferr
}

// fill sets the fields of doc that are empty from those of got.
func fill(doc *Document, got Document) {
	if doc.Title == "" {
		doc.Title = got.Title
	}
	if doc.Date == "" {
		doc.Date = got.Date
	}
	if doc.URL == "" {
		doc.URL = got.URL
	}
	if doc.Meta == nil {
		doc.Meta = map[string]string{}
	}
	for k, v := range got.Meta {
		if _, ok := doc.Meta[k]; !ok {
			doc.Meta[k] = v
		}
	}
}

// emit hands a document on, with the line it was read from (0 for a
// whole file). The rules on its text and id apply to every document of
// every source alike, so they run in the pipeline (Check).
func (r *reader) emit(doc Document, line int) error {
	doc.Line = line
	return r.yield(doc)
}

// skip counts and reports a skip; under Strict it ends the run.
func (r *reader) skip(s Skip) error {
	r.sum.Skipped[s.Reason]++
	if r.opt.OnSkip != nil {
		r.opt.OnSkip(s)
	}
	if r.opt.Strict {
		return s
	}
	return nil
}
