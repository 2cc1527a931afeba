package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// maxCSVHeader caps a CSV file's header line: a header longer than this
// is no header of news articles.
const maxCSVHeader = 1 << 20

// csv reads a CSV file with a header row naming the fields. Records are
// split by csvSplitter, which follows the quoting rules as encoding/csv
// does (LazyQuotes off) and recovers from a broken record where
// encoding/csv cannot; each record is then parsed by encoding/csv.
func (r *reader) csv(name string, in io.Reader, man *Manifest, rel string) error {
	sp := newCSVSplitter(in, maxCSVHeader)
	h, err := sp.next()
	switch {
	case err == io.EOF:
		return nil
	case err != nil && r.streamCut():
		return nil // a damaged stream: stream reports it as truncated
	case err != nil:
		return fmt.Errorf("%s: %w", name, err)
	case h.over:
		return fmt.Errorf("%s:%d: the CSV header is over %d bytes (is this a CSV file?)", name, h.line, maxCSVHeader)
	case h.broken != "":
		return fmt.Errorf("%s:%d: cannot read the CSV header: %s at line %d, column %d", name, h.line, h.broken, h.errLine, h.errCol)
	}
	parse := newCSVParser()
	header, err := parse.fields(h.data)
	if err != nil {
		return fmt.Errorf("%s:%d: cannot read the CSV header: %w", name, h.line, err)
	}
	cols := make([]string, len(header))
	for i, c := range header {
		cols[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(c, utf8BOM)))
	}
	if !slices.Contains(cols, "text") {
		return fmt.Errorf("%s:%d: the CSV header has no text column (have: %s)", name, h.line, strings.Join(cols, ", "))
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	sp.max = r.maxDoc()
	for {
		rec, err := sp.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if r.streamCut() {
				return nil // a damaged stream: stream reports it as truncated
			}
			return fmt.Errorf("%s:%d: %w", name, sp.line, err)
		}
		r.sum.Read++
		values, problem := r.csvValues(parse, name, rec, len(cols))
		if problem != nil {
			if e := r.skip(*problem); e != nil {
				return e
			}
			continue
		}
		fields := map[string]string{}
		for i, v := range values {
			if cols[i] != "" {
				fields[cols[i]] = v
			}
		}
		doc := fromFields(fields)
		doc.Text = withTitle(doc.Title, doc.Text)
		if doc.ID == "" {
			doc.ID = fmt.Sprintf("%s:%d", base, rec.line)
		}
		doc.Source = fmt.Sprintf("%s:%d", name, rec.line)
		if man != nil {
			man.Apply(&doc, "")
		}
		if e := r.emit(doc, rec.line); e != nil {
			return e
		}
	}
}

// csvValues parses a record into its values, or says why it is skipped:
// it is over the size cap, its quoting breaks, or it has not the header's
// number of fields.
func (r *reader) csvValues(parse *csvParser, name string, rec csvRecord, fields int) ([]string, *Skip) {
	s := &Skip{File: name, Line: rec.line, Reason: BadCSVRow}
	switch {
	case rec.over:
		s.Reason, s.Msg = TooLarge, fmt.Sprintf("the record is over %d bytes (a decompression bomb, a quote left open, or not an article?)", r.maxDoc())
	case rec.broken != "":
		then := rec.then
		if then == "" {
			then = "the record is skipped; reading goes on at the next line"
		}
		s.Msg = fmt.Sprintf("%s at line %d, column %d (%s)", rec.broken, rec.errLine, rec.errCol, then)
	case rec.fields != fields:
		s.Msg = fmt.Sprintf("wrong number of fields: %d, the header has %d", rec.fields, fields)
	default:
		values, err := parse.fields(rec.data)
		if err == nil && len(values) == fields {
			return values, nil
		}
		// The splitter and encoding/csv disagree (FuzzCSVSplitter says
		// they do not): a row skipped, not a run stopped.
		s.Msg = fmt.Sprintf("the record does not parse (%d fields): %v", len(values), err)
	}
	return nil, s
}

// csvParser parses the records csvSplitter splits, one at a time, with
// one encoding/csv reader, whose buffers then serve every record.
type csvParser struct {
	src bytes.Reader
	br  *bufio.Reader
	cr  *csv.Reader
}

func newCSVParser() *csvParser {
	p := &csvParser{}
	p.br = bufio.NewReader(&p.src)
	p.cr = csv.NewReader(p.br) // reads from p.br itself, not a copy
	p.cr.FieldsPerRecord, p.cr.ReuseRecord = -1, true
	return p
}

// fields parses one record. The values are good until the next call.
func (p *csvParser) fields(rec []byte) ([]string, error) {
	p.src.Reset(rec)
	p.br.Reset(&p.src)
	start := p.cr.InputOffset()
	fields, err := p.cr.Read()
	if err != nil {
		return nil, err
	}
	if p.cr.InputOffset()-start != int64(len(rec)) {
		return fields, errors.New("more than one record")
	}
	return fields, nil
}

// csvRecord is one record of a CSV file as csvSplitter splits it.
type csvRecord struct {
	// data is the record's bytes, its lines' ends included; nil when it
	// is over the size cap or its quoting breaks.
	data []byte
	// line is its first line (1-based).
	line int
	// fields is how many fields it has.
	fields int
	// over says it is larger than the size cap.
	over bool
	// broken says how its quoting breaks, at errLine and errCol (1-based,
	// in bytes), in encoding/csv's words; "" when it does not. then says
	// what is skipped, when it is not the record alone.
	broken, then    string
	errLine, errCol int
}

// csvSplitter splits a CSV stream into records by the rules of RFC 4180 as
// encoding/csv reads them with LazyQuotes off: a record starts at the
// start of a line; a field that starts with a quote runs to the quote
// that closes it, over lines if need be, and a doubled quote in it is a
// quote; a blank line is no record.
//
// A record whose quoting breaks, a quote in a field that does not start
// with one, or a closing quote followed by something other than a comma
// or the end of the line, is the bad record: it runs from its first line
// to the end of the line where the break is found, and the next line
// starts a fresh record. A quoted field still open at the end of the
// input has no such line: its record's first line alone is the bad
// record, and the lines after it are read again as records (once: if a
// quote is left open again, that record runs to the end).
//
// It holds no more than one record, and not even that of a record over
// its size cap: such a record is scanned to its end, to find where the
// next starts, and reported without its bytes.
type csvSplitter struct {
	br     *bufio.Reader
	max    int64 // size cap of a record
	line   int   // lines read so far
	reread bool  // the lines after a quote left open are being read again
	buf    []byte
}

func newCSVSplitter(in io.Reader, max int64) *csvSplitter {
	return &csvSplitter{br: bufio.NewReaderSize(in, 64<<10), max: max}
}

// csvState is where a scan is within a record.
type csvState int

const (
	fieldStart   csvState = iota // at the start of a field
	unquoted                     // in a field that does not start with a quote
	quoted                       // in a quoted field
	quoteInQuote                 // just after a quote in a quoted field
	quoteThenCR                  // just after a quote and a carriage return
)

// next returns the next record, or io.EOF after the last.
func (s *csvSplitter) next() (csvRecord, error) {
	rec, open, err := s.scan()
	if err != nil || !open {
		return rec, err
	}
	// A quoted field left open at the end of the input, at errLine and
	// errCol: the lines after the record's first are read again, unless
	// there are none, they were not kept, or they are being read again.
	rec.broken = "quoted field not closed by the end of the file, opened"
	first := bytes.IndexByte(rec.data, '\n') + 1
	if s.reread || rec.over || first == 0 || first == len(rec.data) {
		rec.data, rec.then = nil, "the record runs to the end of the file"
		return rec, nil
	}
	s.br.Reset(bytes.NewReader(bytes.Clone(rec.data[first:])))
	s.line, s.reread = rec.line, true
	rec.data, rec.then = nil, "this line is skipped; the lines after it are read again as records"
	return rec, nil
}

// scan reads the next record; open says a quoted field is still open at
// the end of the input, where the record's errLine and errCol say it
// opened.
//
// It is one function on purpose, longer than our usual: a state machine
// over bytes reads best with every state and transition in one place.
func (s *csvSplitter) scan() (rec csvRecord, open bool, err error) {
	s.buf = s.buf[:0]
	keep := true // the record's bytes are kept
	state := fieldStart
	col := 0                  // column of the last byte scanned, on its line
	quoteCol := 0             // column of the last quote in a quoted field
	openLine, openCol := 0, 0 // where the last quoted field opened
	started := false
	var size int64
	for {
		chunk, rerr := s.br.ReadSlice('\n')
		if rerr != nil && rerr != bufio.ErrBufferFull && rerr != io.EOF {
			return rec, false, rerr
		}
		if !started {
			// A blank line is no record, as the end of the input is not.
			switch {
			case string(chunk) == "\n" || string(chunk) == "\r\n":
				s.line++
				continue
			case rerr == io.EOF && (len(chunk) == 0 || string(chunk) == "\r"):
				return rec, false, io.EOF
			}
			started, rec.line, rec.fields = true, s.line+1, 1
		}
		size += int64(len(chunk))
		if keep && size > s.max {
			keep, rec.over, s.buf = false, true, s.buf[:0]
		}
		if keep {
			s.buf = append(s.buf, chunk...)
		}
		for i := 0; i < len(chunk); i++ {
			c := chunk[i]
			col++
			switch state {
			case quoted:
				// Most of a text is inside quotes: go to the next quote or
				// line end.
				// line end (a chunk's last byte, if any).
				j := bytes.IndexByte(chunk[i:], '"')
				if j >= 0 {
					col += j
					i += j
					state, quoteCol = quoteInQuote, col
					continue
				}
				col += len(chunk) - i - 1
				i = len(chunk)
				if chunk[len(chunk)-1] == '\n' {
					s.line++
					col = 0
				}
				continue
			case quoteInQuote:
				switch c {
				case '"':
					state = quoted
					continue
				case ',':
					state = fieldStart
					rec.fields++
					continue
				case '\n':
					s.line++
					return s.done(rec, keep), false, nil
				case '\r':
					state = quoteThenCR
					continue
				}
				rec.broken, rec.errLine, rec.errCol = `extraneous or missing " in quoted-field`, s.line+1, quoteCol
			case quoteThenCR:
				if c == '\n' {
					s.line++
					return s.done(rec, keep), false, nil
				}
				rec.broken, rec.errLine, rec.errCol = `extraneous or missing " in quoted-field`, s.line+1, quoteCol
			default: // fieldStart, unquoted
				switch c {
				case ',':
					state = fieldStart
					rec.fields++
					continue
				case '\n':
					s.line++
					return s.done(rec, keep), false, nil
				case '"':
					if state == fieldStart {
						state = quoted
						openLine, openCol = s.line+1, col
						continue
					}
					rec.broken, rec.errLine, rec.errCol = `bare " in non-quoted-field`, s.line+1, col
				default:
					// Go to the next comma, quote or line end.
					state = unquoted
					j := bytes.IndexAny(chunk[i+1:], ",\"\n")
					if j < 0 {
						j = len(chunk) - i - 1
					}
					col += j
					i += j
					continue
				}
			}
			// The quoting broke: the record ends with this line.
			s.line++
			if chunk[len(chunk)-1] != '\n' && rerr == bufio.ErrBufferFull {
				if err := s.skipLine(); err != nil {
					return rec, false, err
				}
			}
			return s.done(rec, false), false, nil
		}
		if rerr == io.EOF {
			// The end of the input ends the record, unless a quoted field
			// is still open.
			s.line++
			if state == quoted {
				rec.errLine, rec.errCol = openLine, openCol
				return s.done(rec, keep), true, nil
			}
			return s.done(rec, keep), false, nil
		}
	}
}

// skipLine reads past the rest of a line.
func (s *csvSplitter) skipLine() error {
	for {
		_, err := s.br.ReadSlice('\n')
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil, io.EOF:
			return nil
		}
		return err
	}
}

// done finishes a record: its bytes if they were kept.
func (s *csvSplitter) done(rec csvRecord, keep bool) csvRecord {
	if keep {
		rec.data = s.buf
	}
	return rec
}
