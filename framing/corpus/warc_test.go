package corpus

import (
	"bytes"
	"compress/gzip"
	"maps"
	"os"
	"path/filepath"
	"reflect"
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
	before, err := Read([]string{"../../testdata/web/crawl.warc"}, Options{}, func(Document) error { beforeDocs++; return nil })
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
			sum, err := Read([]string{path}, Options{OnSkip: func(s Skip) { skips = append(skips, s) }}, func(Document) error { docs++; return nil })
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
