package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// jsonl reads one JSON object per line. Lines may be megabytes long, so it
// reads with a bufio.Reader rather than a Scanner and its line limit.
func (r *reader) jsonl(name string, in io.Reader, man *Manifest, rel string) error {
	br := bufio.NewReaderSize(in, 64<<10)
	_, inner := compressed(name)
	base := strings.TrimSuffix(filepath.Base(inner), filepath.Ext(inner))
	var buf []byte // the last line's memory, for the next: a line's fields are copied out of it
	for line := 1; ; line++ {
		raw, over, err := readLine(br, r.maxDoc(), buf)
		if cap(raw) <= maxReusedLine {
			buf = raw[:0]
		}
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

// maxReusedLine bounds the line buffer the reader keeps for the next
// line: one long document must not hold its memory for the rest of a run.
const maxReusedLine = 1 << 20

// readLine reads one line (with its newline) of at most max bytes into
// buf's memory; over says it was longer, and its rest was read past.
func readLine(br *bufio.Reader, max int64, buf []byte) (line []byte, over bool, err error) {
	line = buf[:0]
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
	obj, err := parseObject(raw)
	if err != nil {
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
		case stringField(v, &s):
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
		// The line was valid UTF-8, and so is what its strings decode to
		// (escapes are ASCII, json writes U+FFFD for a lone surrogate).
		doc.Text = withTitle(doc.Title, doc.Text)
		doc.validText = doc.Text
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
func badFieldKind(obj map[string]rawField) (Skip, bool) {
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
func jsonKind(v rawField) string {
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
		default:
			doc.Set(k, v)
		}
	}
	return doc
}
