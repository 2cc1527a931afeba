package corpus

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

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
