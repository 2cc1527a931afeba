package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// NotHTML is the skip reason of a WARC response that is not an HTML page
// (an image, a script, a PDF).
const NotHTML Reason = "not-html"

// warc reads a WARC file (ISO 28500, as crawlers and Common Crawl's news
// crawl write it; .warc.gz is read through the decompressor): every
// response record holding an HTML page becomes a document, with the URL
// and date of the record's headers and the outlet of the URL's domain.
// Other records (warcinfo, request, metadata) are no documents. A record
// whose block is shorter than its Content-Length ends the file with a
// truncated skip, since what follows cannot be trusted to start a record.
func (r *reader) warc(name string, in io.Reader, man *Manifest) error {
	br := bufio.NewReaderSize(in, 64<<10)
	var off int64 // bytes read, uncompressed: where a record starts
	for {
		start := off
		// Skip the blank lines between records.
		var first string
		for {
			line, over, err := readWARCLine(br)
			off += int64(len(line))
			if over {
				return r.warcSkip(name, start, Unreadable, fmt.Sprintf("a line between records is over %d bytes (is this a WARC file?): the rest of the file is left", maxWARCLine))
			}
			if err == io.EOF && line == "" {
				return nil
			}
			if err != nil && err != io.EOF {
				return r.warcSkip(name, start, Unreadable, err.Error())
			}
			if t := strings.TrimSpace(line); t != "" {
				first = t
				break
			}
			if err == io.EOF {
				return nil
			}
			start = off
		}
		if !strings.HasPrefix(first, "WARC/") {
			return r.warcSkip(name, start, Unreadable, fmt.Sprintf("not a WARC record (it starts %q): the rest of the file is left", clip(first)))
		}
		hdr := map[string]string{}
		for n := 0; ; n++ {
			if n == maxWARCHeaders {
				return r.warcSkip(name, start, Unreadable, fmt.Sprintf("the record has over %d header lines (is this a WARC file?): the rest of the file is left", maxWARCHeaders))
			}
			line, over, err := readWARCLine(br)
			off += int64(len(line))
			if over {
				return r.warcSkip(name, start, Unreadable, fmt.Sprintf("a header line of the record is over %d bytes (is this a WARC file?): the rest of the file is left", maxWARCLine))
			}
			if t := strings.TrimRight(line, "\r\n"); t == "" {
				break
			} else if k, v, ok := strings.Cut(t, ":"); ok {
				hdr[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
			}
			if err != nil {
				return r.warcSkip(name, start, Truncated, "the file ends inside a record's headers")
			}
		}
		n, err := strconv.ParseInt(hdr["content-length"], 10, 64)
		if err != nil || n < 0 {
			return r.warcSkip(name, start, Unreadable, fmt.Sprintf("the record has no valid Content-Length (%q): the rest of the file is left", hdr["content-length"]))
		}
		if n > r.maxDoc() {
			// Read past it, then go on: its length is known.
			got, _ := io.CopyN(io.Discard, br, n)
			off += got
			if e := r.warcSkip(name, start, TooLarge, fmt.Sprintf("the record is over %d bytes", r.maxDoc())); e != nil || got < n {
				return e
			}
			continue
		}
		block := make([]byte, n)
		got, err := io.ReadFull(br, block)
		off += int64(got)
		if err != nil {
			return r.warcSkip(name, start, Truncated, fmt.Sprintf("the record's Content-Length is %d but the file ends %d bytes into its block: a cut or a wrong length", n, got))
		}
		if hdr["warc-type"] != "response" || !strings.HasPrefix(strings.ToLower(hdr["content-type"]), "application/http") {
			continue
		}
		if e := r.warcResponse(name, start, hdr, block, man); e != nil {
			return e
		}
	}
}

// The limits of a WARC record's header: a line, and the lines. Records
// have a dozen short lines; more is a file that is no WARC file, or a
// decompression bomb.
const (
	maxWARCLine    = 64 << 10
	maxWARCHeaders = 256
)

// readWARCLine reads a line of a record's header, its end included, of at
// most maxWARCLine bytes; over says it is longer, and then it stops
// reading at once: the rest of the file is not read.
func readWARCLine(br *bufio.Reader) (line string, over bool, err error) {
	var b []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(b)+len(chunk) > maxWARCLine {
			return "", true, nil
		}
		b = append(b, chunk...)
		if err != bufio.ErrBufferFull {
			return string(b), false, err
		}
	}
}

// warcResponse turns one HTTP response record into a document.
func (r *reader) warcResponse(name string, start int64, hdr map[string]string, block []byte, man *Manifest) error {
	where := fmt.Sprintf("%s@%d", name, start)
	r.sum.Read++
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return r.skip(Skip{File: where, Reason: Unreadable, Msg: "the record's HTTP response does not parse: " + err.Error()})
	}
	defer resp.Body.Close()
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return r.skip(Skip{File: where, Reason: NotHTML, Msg: fmt.Sprintf("the response is %s, not an HTML page", mt)})
	}
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return r.skip(Skip{File: where, Reason: Unreadable, Msg: "the response says gzip but is not: " + err.Error()})
		}
		body = zr
	}
	page, err := io.ReadAll(io.LimitReader(body, r.maxDoc()+1))
	switch {
	case err != nil:
		return r.skip(Skip{File: where, Reason: Unreadable, Msg: err.Error()})
	case int64(len(page)) > r.maxDoc():
		// Only a gzip-encoded page can be larger than its record.
		return r.skip(Skip{File: where, Reason: TooLarge, Msg: fmt.Sprintf("the page is over %d bytes once its gzip encoding is undone", r.maxDoc())})
	}
	target := hdr["warc-target-uri"]
	text, enc := pageText(page, resp.Header.Get("Content-Type"))
	doc, err := fromHTML(text, target)
	if err != nil {
		return r.skip(htmlSkip(where, 0, err))
	}
	if enc != "utf-8" {
		doc.Meta["encoding"] = enc
	}
	if doc.Date != "" {
		doc.Meta["published"] = doc.Date // the page's own date; the record's is the date of the document
	}
	doc.Date = ""
	if d := hdr["warc-date"]; len(d) >= 10 {
		doc.Date = d[:10]
	}
	doc.ID = hdr["warc-record-id"]
	if doc.ID == "" {
		doc.ID = target
	}
	doc.ID = strings.Trim(doc.ID, "<>")
	doc.Source = where
	if u, err := url.Parse(target); err == nil && u.Hostname() != "" {
		doc.Outlet = normalHost(u.Hostname())
	}
	if man != nil {
		man.Apply(&doc, "")
	}
	return r.emit(doc, 0)
}

// warcSkip reports a problem at a record; the caller then stops reading
// the file (but for a record too large, whose length is known). In a
// damaged .warc.gz it reports nothing: the problem is the damage, which
// stream reports once for the file.
func (r *reader) warcSkip(name string, start int64, reason Reason, msg string) error {
	if r.streamCut() {
		return nil
	}
	r.sum.Read++
	return r.skip(Skip{File: fmt.Sprintf("%s@%d", name, start), Reason: reason, Msg: msg})
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
