package corpus

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestWARCGzipCut: a .warc.gz cut short anywhere in a record (its first
// line, its headers, its block) gives the documents before the cut and one
// truncated skip, not a second skip for the same cut.
func TestWARCGzipCut(t *testing.T) {
	crawl, err := os.ReadFile("../../testdata/web/crawl.warc")
	if err != nil {
		t.Fatal(err)
	}
	// What the cut must not change: the records before it.
	beforeDocs := 0
	before, err := readChecked([]string{"../../testdata/web/crawl.warc"}, Options{}, func(Document) error { beforeDocs++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, tail string }{
		{"first line", "WARC/1."},
		{"headers", "WARC/1.0\r\nWARC-Type: response\r\nContent-Le"},
		{"block", "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 100\r\n\r\nHTTP/1.1 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cut.warc.gz")
			if err := os.WriteFile(path, gzipCut(t, append(crawl[:len(crawl):len(crawl)], tt.tail...)), 0o644); err != nil {
				t.Fatal(err)
			}
			var skips []Skip
			docs := 0
			sum, err := readChecked([]string{path}, Options{OnSkip: func(s Skip) { skips = append(skips, s) }}, func(Document) error { docs++; return nil })
			if err != nil {
				t.Fatal(err)
			}
			want := maps.Clone(before.Skipped)
			want[Truncated]++
			if !reflect.DeepEqual(sum.Skipped, want) || sum.Read != before.Read+1 {
				t.Errorf("read %d, skipped %v; want %d, %v (%+v)", sum.Read, sum.Skipped, before.Read+1, want, skips)
			}
			for _, s := range skips {
				if s.Reason == Truncated && s.File != path {
					t.Errorf("the truncated skip names %q, want the file %q", s.File, path)
				}
			}
			if docs != beforeDocs || sum.Read != docs+len(skips) {
				t.Errorf("read %d: %d documents (want %d) and %d skips", sum.Read, docs, beforeDocs, len(skips))
			}
		})
	}
}

// gzipCut compresses data as a gzip stream cut short after it: no final
// block, no trailer, as a download that stopped.
func gzipCut(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Flush(); err != nil { // data decompresses whole; the stream does not end
		t.Fatal(err)
	}
	return b.Bytes()
}

// warcRecord is a WARC record of the given type holding block.
func warcRecord(typ, uri string, id int, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%d>\r\nWARC-Date: 2023-06-26T01:00:00Z\r\nWARC-Target-URI: %s\r\n", typ, id, uri)
	fmt.Fprintf(&b, "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// articlePage is an HTML page with an article of about 40 words a
// paragraph.
func articlePage(paragraphs int) []byte {
	var b bytes.Buffer
	b.WriteString("<html><head><title>A test article</title></head><body><article><h1>A test article</h1>")
	for range paragraphs {
		b.WriteString("<p>The ministry said on Monday that the talks would go on, and officials in both capitals declined to say more about what the delegations had agreed or when they would meet again in the city.</p>")
	}
	b.WriteString("</article></body></html>")
	return b.Bytes()
}

// gzipResponse is an HTTP response whose body is page, gzip-encoded.
func gzipResponse(page []byte) []byte {
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(page)
	zw.Close()
	return fmt.Appendf(nil, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n%s", z.Len(), z.Bytes())
}

// TestWARCGzipTooLarge: a response whose gzip-encoded page inflates past
// the size cap is skipped as too-large, and the records after it are
// read; it was cut at the cap and scored (issue 14.7).
func TestWARCGzipTooLarge(t *testing.T) {
	big := articlePage(2000) // about 450 KB, 7 KB gzipped
	var w bytes.Buffer
	w.Write(warcRecord("response", "https://news.test/big", 1, gzipResponse(big)))
	w.Write(warcRecord("response", "https://news.test/small", 2, gzipResponse(articlePage(3))))
	var ids []string
	var skips []Skip
	sum, err := readStreamChecked("f.warc", "f.warc", &w, Options{MaxDocBytes: 64 << 10, OnSkip: func(s Skip) { skips = append(skips, s) }}, func(d Document) error {
		ids = append(ids, d.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids, []string{"urn:uuid:2"}) || len(skips) != 1 || skips[0].Reason != TooLarge || sum.Read != 2 {
		t.Errorf("documents %q, skips %+v, read %d; want the second, after the first skipped as too-large", ids, skips, sum.Read)
	}
	if len(skips) == 1 && skips[0].Error() != "f.warc@0: the page is over 65536 bytes once its gzip encoding is undone" {
		t.Errorf("skip %q", skips[0].Error())
	}
}

// TestWARCHeaderLimits: a header line or a header block without end, as a
// decompression bomb makes them, is a skip that ends the file, located at
// its record, after reading little more than the limit: header lines were
// read whole (a 67 KB file took 4.2 GB; issue 14.6).
func TestWARCHeaderLimits(t *testing.T) {
	const tb = 1 << 40 // what the bombs would give: a terabyte
	good := warcRecord("response", "https://news.test/a", 1, gzipResponse(articlePage(3)))
	tests := []struct {
		name string
		in   *bombReader
		msg  string
	}{
		{"a first line without end", &bombReader{head: string(good), fill: 'W', n: tb},
			"@%d: a line between records is over 65536 bytes (is this a WARC file?): the rest of the file is left"},
		{"a header line without end", &bombReader{head: string(good) + "WARC/1.0\r\nWARC-Type: response\r\nX-Filler: ", fill: 'x', n: tb},
			"@%d: a header line of the record is over 65536 bytes (is this a WARC file?): the rest of the file is left"},
		{"headers without end", &bombReader{head: string(good) + "WARC/1.0\r\n", fill: 0, n: 0, tail: strings.Repeat("X-Filler: x\r\n", 1000)},
			"@%d: the record has over 256 header lines (is this a WARC file?): the rest of the file is left"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var skips []Skip
			ids := 0
			bomb := tt.in.n
			sum, err := readStreamChecked("f.warc", "f.warc", tt.in, Options{OnSkip: func(s Skip) { skips = append(skips, s) }}, func(Document) error { ids++; return nil })
			if err != nil {
				t.Fatal(err)
			}
			want := "f.warc" + fmt.Sprintf(tt.msg, len(good))
			if ids != 1 || len(skips) != 1 || skips[0].Reason != Unreadable || skips[0].Error() != want || sum.Read != 2 {
				t.Errorf("%d documents, skips %+v, read %d; want one document, then %s", ids, skips, sum.Read, want)
			}
			if read := bomb - tt.in.n; read > 1<<20 {
				t.Errorf("read %d bytes of the bomb", read)
			}
		})
	}
}
