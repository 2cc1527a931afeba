package corpus

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// readCSV reads data as a CSV file and returns its documents as id:text
// and its skips as "line reason".
func readCSV(t *testing.T, data string, opt Options) (docs, skips []string, sum Summary) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f.csv")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opt.OnSkip = func(s Skip) { skips = append(skips, fmt.Sprintf("%d %s", s.Line, s.Reason)) }
	sum, err := readChecked([]string{path}, opt, func(d Document) error {
		docs = append(docs, d.ID+":"+d.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, skips, sum
}

// TestCSVRecords: a record whose quoting is broken is skipped alone, and
// the next line starts a fresh record; every record is read or skipped.
// One bare quote in the first row lost the 1,000 rows after it, uncounted
// (issue 14.9). The records and where they break were worked out by hand
// from RFC 4180 (as encoding/csv reads it, LazyQuotes off).
func TestCSVRecords(t *testing.T) {
	var many strings.Builder
	many.WriteString("id,text\n1,He said \"no\" twice\n")
	var manyDocs []string
	for i := 2; i <= 1001; i++ {
		fmt.Fprintf(&many, "%d,Row %d.\n", i, i)
		manyDocs = append(manyDocs, fmt.Sprintf("%d:Row %d.", i, i))
	}
	tests := []struct {
		name, csv string
		docs      []string
		skips     []string
	}{
		{"a bare quote in the first of 1,001 rows", many.String(), manyDocs, []string{"2 bad-csv-row"}},
		{"a quote inside a quoted field", "id,text\n1,\"a \"b\" c\"\n2,ok\n", []string{"2:ok"}, []string{"2 bad-csv-row"}},
		{"a field over lines", "id,text\n1,\"a,\nb\"\n2,ok\n", []string{"1:a,\nb", "2:ok"}, nil},
		{"doubled quotes", "id,text\n1,\"say \"\"hi\"\"\"\n", []string{`1:say "hi"`}, nil},
		// The record runs from line 2 to line 3, where its quoting breaks.
		{"a break on a later line of a record", "id,text\n1,\"para\nmore \"bad\" text\"\n2,ok\n", []string{"2:ok"}, []string{"2 bad-csv-row"}},
		// A quote left open to the end of the file: its first line is the
		// bad record, the lines after it are read again.
		{"a quote left open", "id,text\n1,\"open\n2,ok\n3,fine\n", []string{"2:ok", "3:fine"}, []string{"2 bad-csv-row"}},
		{"a quote left open on the last line", "id,text\n1,ok\n2,\"open", []string{"1:ok"}, []string{"3 bad-csv-row"}},
		{"too many fields", "id,text\n1,a,b\n2,ok\n", []string{"2:ok"}, []string{"2 bad-csv-row"}},
		{"too few fields", "id,text\n1\n2,ok\n", []string{"2:ok"}, []string{"2 bad-csv-row"}},
		{"blank lines are no records", "\nid,text\n\n1,a\r\n\r\n2,b\n\n", []string{"1:a", "2:b"}, nil},
		{"CRLF", "id,text\r\n1,\"a\"\r\n2,\"b\r\nc\"\r\n", []string{"1:a", "2:b\nc"}, nil},
		{"a carriage return inside a field", "id,text\n1,a\rb\n", []string{"1:a\rb"}, nil},
		{"a quote then a carriage return", "id,text\n1,\"a\"\rb\n2,ok\n", []string{"2:ok"}, []string{"2 bad-csv-row"}},
		{"no newline at the end", "id,text\n1,\"a\"", []string{"1:a"}, nil},
		{"a carriage return at the end", "id,text\n1,a\r", []string{"1:a"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, skips, sum := readCSV(t, tt.csv, Options{})
			if !slices.Equal(docs, tt.docs) || !slices.Equal(skips, tt.skips) {
				t.Errorf("documents %q\nskips %q\nwant %q\nand %q", docs, skips, tt.docs, tt.skips)
			}
			if sum.Read != len(docs)+len(skips) {
				t.Errorf("read %d: %d documents, %d skips", sum.Read, len(docs), len(skips))
			}
		})
	}
}

// TestCSVTooLarge: a record over the size cap is skipped as too-large and
// reading goes on with the next record, even when the record is one
// quoted field over many lines that would read as records of their own.
// An 80 MB field was scored (issue 14.6).
func TestCSVTooLarge(t *testing.T) {
	long := "id,text\n1,\"" + strings.Repeat("One line, with a comma\n", 20) + "\"\n2,ok\n"
	tests := []struct {
		name, csv string
		docs      []string
		skips     []string
	}{
		{"a long field", "id,text\n1," + strings.Repeat("x", 300) + "\n2,ok\n", []string{"2:ok"}, []string{"2 too-large"}},
		{"a long field over lines", long, []string{"2:ok"}, []string{"2 too-large"}},
		{"a long field left open", "id,text\n1,\"" + strings.Repeat("One line, with a comma\n", 20), nil, []string{"2 too-large"}},
		{"at the cap", "id,text\n1," + strings.Repeat("x", 200-len("1,\n")) + "\n", []string{"1:" + strings.Repeat("x", 197)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, skips, sum := readCSV(t, tt.csv, Options{MaxDocBytes: 200})
			if !slices.Equal(docs, tt.docs) || !slices.Equal(skips, tt.skips) {
				t.Errorf("documents %q\nskips %q\nwant %q\nand %q", docs, skips, tt.docs, tt.skips)
			}
			if sum.Read != len(docs)+len(skips) {
				t.Errorf("read %d: %d documents, %d skips", sum.Read, len(docs), len(skips))
			}
		})
	}
}

// bombReader yields head, then n bytes of fill, then tail, without ever
// holding the fill: a decompression bomb's output.
type bombReader struct {
	head, tail string
	fill       byte
	n          int64
}

func (b *bombReader) Read(p []byte) (int, error) {
	switch {
	case b.head != "":
		n := copy(p, b.head)
		b.head = b.head[n:]
		return n, nil
	case b.n > 0:
		n := int(min(int64(len(p)), b.n))
		for i := range n {
			p[i] = b.fill
		}
		b.n -= int64(n)
		return n, nil
	case b.tail != "":
		n := copy(p, b.tail)
		b.tail = b.tail[n:]
		return n, nil
	}
	return 0, io.EOF
}

// TestCSVBombMemory: a 128 MB field, or a record of 128 million fields,
// costs memory of the cap, not of the record: it is skipped while it
// streams by, and the row after it is read. A record of half a million
// fields under the cap is not split into them.
func TestCSVBombMemory(t *testing.T) {
	const n = 128 << 20
	tests := []struct {
		name string
		in   *bombReader
		skip Reason
	}{
		{"one long quoted field", &bombReader{head: "id,text\n1,\"", fill: 'x', n: n, tail: "\"\n2,ok\n"}, TooLarge},
		{"one long field", &bombReader{head: "id,text\n1,", fill: 'x', n: n, tail: "\n2,ok\n"}, TooLarge},
		{"many fields", &bombReader{head: "id,text\n1,", fill: ',', n: n, tail: "\n2,ok\n"}, TooLarge},
		{"many fields under the cap", &bombReader{head: "id,text\n1,", fill: ',', n: 1 << 19, tail: "\n2,ok\n"}, BadCSVRow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var ids []string
			var skips []Skip
			sum, err := readStreamChecked("bomb.csv", "bomb.csv", tt.in, Options{MaxDocBytes: 1 << 20, OnSkip: func(s Skip) { skips = append(skips, s) }}, func(d Document) error {
				ids = append(ids, d.ID)
				return nil
			})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids, []string{"2"}) || len(skips) != 1 || skips[0].Reason != tt.skip || sum.Read != 2 {
				t.Errorf("documents %q, skips %+v, read %d; want 2 after one %s", ids, skips, sum.Read, tt.skip)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 8<<20 {
				t.Errorf("allocated %d MB reading a %d MB record with a 1 MB cap", got>>20, tt.in.n>>20)
			}
		})
	}
}

// FuzzCSVSplitter: the splitter and encoding/csv read the same records,
// fields and first lines, up to the first record whose quoting breaks,
// where both stop.
func FuzzCSVSplitter(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,\"x\ny\"\n", "a\n\"b\"\"c\"\r\n\r\nd", "a,\"b\nc", "a\"b\n", "\"a\"b\n", "\"a\"\rb\n", "\r", "\n\r\n\"\"", "x\r\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		type record struct {
			line   int
			fields []string
		}
		var want []record
		cr := csv.NewReader(bytes.NewReader(data))
		cr.FieldsPerRecord = -1
		for {
			fields, err := cr.Read()
			if err != nil {
				break
			}
			line, _ := cr.FieldPos(0)
			want = append(want, record{line, fields})
		}
		var got []record
		sp := newCSVSplitter(bytes.NewReader(data), 1<<20)
		parse := newCSVParser()
		for {
			rec, err := sp.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if rec.broken != "" {
				break
			}
			fields, err := parse.fields(rec.data)
			if err != nil || len(fields) != rec.fields {
				t.Fatalf("record at line %d %q: %d fields counted, encoding/csv: %q, %v", rec.line, rec.data, rec.fields, fields, err)
			}
			got = append(got, record{rec.line, slices.Clone(fields)})
		}
		if len(got) != len(want) {
			t.Fatalf("splitter: %d records %v; encoding/csv: %d %v", len(got), got, len(want), want)
		}
		for i := range got {
			if got[i].line != want[i].line || !slices.Equal(got[i].fields, want[i].fields) {
				t.Fatalf("record %d: splitter %v, encoding/csv %v", i, got[i], want[i])
			}
		}
	})
}

// TestCSVHeaderErrors: a CSV file whose header cannot be read ends the run
// with where and why.
func TestCSVHeaderErrors(t *testing.T) {
	tests := []struct{ csv, want string }{
		{"id,te\"xt\n1,a\n", `:1: cannot read the CSV header: bare " in non-quoted-field at line 1, column 6`},
		{"\nid,\"text\n1,a\n", ":2: cannot read the CSV header: quoted field not closed by the end of the file, opened at line 2, column 4"},
		{"id,body\n1,a\n", ":1: the CSV header has no text column (have: id, body)"},
		{"id,text," + strings.Repeat("x", 1<<20) + "\n", ":1: the CSV header is over 1048576 bytes (is this a CSV file?)"},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "h.csv")
		if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := readChecked([]string{path}, Options{}, func(Document) error { return nil })
		if err == nil || err.Error() != path+tt.want {
			t.Errorf("%.20q: error %v, want %s%s", tt.csv, err, path, tt.want)
		}
	}
}
