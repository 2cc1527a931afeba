package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// htmlFile reads a file that is one HTML page.
func (r *reader) htmlFile(path string, in io.Reader, man *Manifest, rel string) error {
	data, ok, err := r.wholeFile(path, in, "the page is over %d bytes")
	if !ok {
		return err
	}
	page, enc := pageText(data, "")
	doc, err := fromHTML(page, "")
	if err != nil {
		return r.skip(htmlSkip(path, 0, err))
	}
	if enc != "utf-8" {
		doc.Meta["encoding"] = enc
	}
	doc.ID, doc.Source = strings.TrimSuffix(rel, filepath.Ext(rel)), path
	if man != nil {
		man.Apply(&doc, rel)
	}
	return r.emit(doc, 0)
}

// maxDoc is the size cap of one document.
func (r *reader) maxDoc() int64 {
	if r.opt.MaxDocBytes > 0 {
		return r.opt.MaxDocBytes
	}
	return DefaultMaxDocBytes
}

// wholeFile reads in, a file that is one document, up to the size cap.
// ok is false when there is no document to go on with: the compressed
// stream is cut (stream reports it), or the file is unreadable or over the
// cap, a skip (err is the skip under Strict) whose message for the latter
// is tooLarge, a format of the cap.
func (r *reader) wholeFile(path string, in io.Reader, tooLarge string) (data []byte, ok bool, err error) {
	data, rerr := io.ReadAll(io.LimitReader(in, r.maxDoc()+1))
	if r.streamCut() {
		return nil, false, nil
	}
	r.sum.Read++
	switch {
	case rerr != nil:
		return nil, false, r.skip(Skip{File: path, Reason: Unreadable, Msg: rerr.Error()})
	case int64(len(data)) > r.maxDoc():
		return nil, false, r.skip(Skip{File: path, Reason: TooLarge, Msg: fmt.Sprintf(tooLarge, r.maxDoc())})
	}
	return data, true, nil
}

// text reads a file that is one document.
func (r *reader) text(path string, in io.Reader, man *Manifest, rel string) error {
	data, ok, err := r.wholeFile(path, in, "the document is over %d bytes (a decompression bomb, or not an article?)")
	if !ok {
		return err
	}
	// A byte-order mark is no text: the document starts after it, and the
	// offsets of its words count from there.
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	doc := Document{ID: strings.TrimSuffix(rel, filepath.Ext(rel)), Source: path, Text: string(data)}
	if man != nil {
		man.Apply(&doc, rel)
	}
	return r.emit(doc, 0)
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

// jsonl reads one JSON object per line. Lines may be megabytes long, so it
// reads with a bufio.Reader rather than a Scanner and its line limit.
func (r *reader) jsonl(name string, in io.Reader, man *Manifest, rel string) error {
	br := bufio.NewReaderSize(in, 64<<10)
	_, inner := compressed(name)
	base := strings.TrimSuffix(filepath.Base(inner), filepath.Ext(inner))
	for line := 1; ; line++ {
		raw, over, err := readLine(br, r.maxDoc())
		// A byte-order mark, at the start of a file or of one joined onto
		// another, is not JSON.
		raw = bytes.TrimPrefix(raw, []byte(utf8BOM))
		switch {
		case over:
			r.sum.Read++
			if e := r.skip(Skip{File: name, Line: line, Reason: TooLarge, Msg: fmt.Sprintf("the line is over %d bytes (a decompression bomb, or not an article?)", r.maxDoc())}); e != nil {
				return e
			}
		case len(bytes.TrimSpace(raw)) > 0 && (err == nil || err == io.EOF):
			if e := r.jsonlLine(name, line, raw, base, man); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// A damaged stream (reported by stream as truncated) or a failing
			// disk: the lines before it were read.
			if r.streamCut() {
				return nil
			}
			r.sum.Read++
			return r.skip(Skip{File: name, Line: line, Reason: Unreadable, Msg: err.Error()})
		}
	}
}

// readLine reads one line (with its newline) of at most max bytes; over
// says it was longer, and its rest was read past.
func readLine(br *bufio.Reader, max int64) (line []byte, over bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			if int64(len(line)+len(chunk)) > max {
				over, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err != bufio.ErrBufferFull {
			return line, over, err
		}
	}
}

// utf8BOM is the byte-order mark some editors put at the start of a UTF-8
// file (Windows Notepad, Excel's "CSV UTF-8").
const utf8BOM = "\ufeff"

func (r *reader) jsonlLine(name string, line int, raw []byte, base string, man *Manifest) error {
	r.sum.Read++
	if !utf8.Valid(raw) {
		return r.skip(Skip{File: name, Line: line, Reason: InvalidUTF8, Msg: "line is not valid UTF-8 (convert the file, e.g. with iconv)"})
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return r.skip(Skip{File: name, Line: line, Reason: BadJSON, Msg: "not a JSON object: " + jsonProblem(err)})
	}
	if s, bad := badFieldKind(obj); bad {
		s.File, s.Line = name, line
		return r.skip(s)
	}
	fields := map[string]string{}
	for k, v := range obj {
		var s string
		switch kind := jsonKind(v); {
		case kind == "null": // as if the field were not there
		case json.Unmarshal(v, &s) == nil:
			fields[k] = s
		case k == "id": // a number, as written
			fields[k] = string(bytes.TrimSpace(v))
		default: // metadata: its JSON
			var compact bytes.Buffer
			if json.Compact(&compact, v) == nil {
				fields[k] = compact.String()
			}
		}
	}
	_, hasText := fields["text"]
	page, hasHTML := fields["html"]
	if !hasText && !hasHTML {
		return r.skip(Skip{File: name, Line: line, Reason: MissingText, Msg: `object has no "text" (or "html") field`})
	}
	doc := fromFields(fields)
	if hasText {
		doc.Text = withTitle(doc.Title, doc.Text)
	} else {
		// A scraper's page: the article is extracted from its HTML, headed
		// by its headline, and the object's own fields win over what the
		// page says.
		got, err := fromHTML(page, doc.URL)
		if err != nil {
			return r.skip(htmlSkip(name, line, err))
		}
		doc.Text = got.Text
		fill(&doc, got)
	}
	delete(doc.Meta, "html")
	if doc.ID == "" {
		doc.ID = fmt.Sprintf("%s:%d", base, line)
	}
	doc.Source = fmt.Sprintf("%s:%d", name, line)
	if man != nil {
		man.Apply(&doc, "")
	}
	return r.emit(doc, line)
}

// badFieldKind finds the first well-known field of a JSONL object that
// is not a string (or null, which is no field): a text (or html) that is
// a number, a list or an object would be scored as its JSON, so the
// object is skipped as bad-text; an id may also be a number (exports
// number their rows), any other well-known field is a string or the
// object is skipped as bad-field. Other fields are metadata, kept as
// their JSON.
func badFieldKind(obj map[string]json.RawMessage) (Skip, bool) {
	for _, k := range []string{"text", "html", "id", "outlet", "date", "url", "title", "lang"} {
		v, ok := obj[k]
		if !ok {
			continue
		}
		switch kind := jsonKind(v); {
		case kind == "string" || kind == "null" || k == "id" && kind == "a number":
		case k == "text" || k == "html":
			return Skip{Reason: BadText, Msg: fmt.Sprintf("%q is %s, not a string", k, kind)}, true
		case k == "id":
			return Skip{Reason: BadField, Msg: fmt.Sprintf("%q is %s, not a string or a number", k, kind)}, true
		case k == "date":
			return Skip{Reason: BadField, Msg: fmt.Sprintf(`%q is %s, not a string (write it as one, e.g. "2024-01-05")`, k, kind)}, true
		default:
			return Skip{Reason: BadField, Msg: fmt.Sprintf("%q is %s, not a string", k, kind)}, true
		}
	}
	return Skip{}, false
}

// jsonKind names the kind of a JSON value by its first byte: "string",
// "null", or with its article "a number", "a boolean", "an array", "an
// object".
func jsonKind(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "null"
	}
	switch v[0] {
	case '"':
		return "string"
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	case '[':
		return "an array"
	case '{':
		return "an object"
	}
	return "a number"
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	return err.Error()
}

// withTitle is the text of a JSONL object or a CSV row headed by its own
// title, as a text file's first line and an HTML page's headline head
// theirs, so that the same article counts the same in every format: the
// title (without the space around it) and a blank line, then the text,
// unless the text already starts with the title, or is empty. Offsets in
// the text then count from the start of the title.
func withTitle(title, text string) string {
	title = strings.TrimSpace(title)
	if title == "" || strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimLeftFunc(text, unicode.IsSpace), title) {
		return text
	}
	return title + "\n\n" + text
}

// fromFields builds a document from named fields: the well-known ones to
// their places, the rest to Meta.
func fromFields(fields map[string]string) Document {
	doc := Document{Meta: map[string]string{}}
	for k, v := range fields {
		switch k {
		case "id":
			doc.ID = v
		case "text":
			doc.Text = v
		case "outlet":
			doc.Outlet = v
		case "date":
			doc.Date = v
		case "url":
			doc.URL = v
		case "title":
			doc.Title = v
		default:
			doc.Meta[k] = v
		}
	}
	return doc
}
