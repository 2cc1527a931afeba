//go:build ignore

// Command gen writes the WARC and JSONL fixtures of this folder from its
// HTML pages, so that every Content-Length is right (and one is wrong on
// purpose):
//
//	go run testdata/web/gen.go testdata/web
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

func record(typ, uri, date, contentType string, block []byte, id int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nWARC-Date: %s\r\n", typ, id, date)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func response(contentType string, body []byte) []byte {
	return []byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(body), body))
}

func main() {
	dir := os.Args[1]
	article, _ := os.ReadFile(filepath.Join(dir, "article.html"))
	divs, _ := os.ReadFile(filepath.Join(dir, "divs.htm"))
	gallery, _ := os.ReadFile(filepath.Join(dir, "gallery.html"))
	var w bytes.Buffer
	w.Write(record("warcinfo", "", "2023-06-26T00:00:00Z", "application/warc-fields", []byte("software: framing test fixture\r\n"), 1))
	w.Write(record("request", "https://example-times.test/world/north-korea-backs-moscow", "2023-06-26T01:00:00Z", "application/http; msgtype=request", []byte("GET /world/north-korea-backs-moscow HTTP/1.1\r\nHost: example-times.test\r\n\r\n"), 2))
	w.Write(record("response", "https://www.example-times.test/world/north-korea-backs-moscow", "2023-06-26T01:00:01Z", "application/http; msgtype=response", response("text/html; charset=utf-8", article), 3))
	w.Write(record("response", "https://dailywire.test/news/wagner-ends-march", "2023-06-26T01:05:00Z", "application/http; msgtype=response", response("text/html", divs), 4))
	w.Write(record("response", "https://dailywire.test/logo.png", "2023-06-26T01:05:01Z", "application/http; msgtype=response", response("image/png", []byte("\x89PNG\r\n\x1a\n")), 5))
	w.Write(record("response", "https://dailywire.test/gallery", "2023-06-26T01:06:00Z", "application/http; msgtype=response", response("text/html", gallery), 6))
	os.WriteFile(filepath.Join(dir, "crawl.warc"), w.Bytes(), 0o644)
	// The .warc.gz of crawlers: one gzip member per record. (The copy has
	// other record ids, so that both files can be read in one run.)
	var z bytes.Buffer
	copyOf := bytes.ReplaceAll(w.Bytes(), []byte("urn:uuid:00000000-0000-0000-0000-"), []byte("urn:uuid:11111111-0000-0000-0000-"))
	for _, rec := range bytes.SplitAfter(copyOf, []byte("\r\n\r\n\r\n")) {
		if len(rec) == 0 {
			continue
		}
		zw := gzip.NewWriter(&z)
		zw.Write(rec)
		zw.Close()
	}
	os.WriteFile(filepath.Join(dir, "crawl-copy.warc.gz"), z.Bytes(), 0o644)
	// A record whose Content-Length says more than the file holds.
	bad := record("response", "https://dailywire.test/cut", "2023-06-26T02:00:00Z", "application/http; msgtype=response", response("text/html", divs), 7)
	bad = bytes.Replace(bad, []byte(fmt.Sprintf("Content-Length: %d\r\n\r\nHTTP", len(response("text/html", divs)))), []byte(fmt.Sprintf("Content-Length: %d\r\n\r\nHTTP", len(response("text/html", divs))+5000)), 1)
	os.WriteFile(filepath.Join(dir, "bad-length.warc"), append(record("response", "https://example-times.test/ok", "2023-06-26T02:00:00Z", "application/http; msgtype=response", response("text/html", article), 8), bad...), 0o644)
	// A scraper's JSONL with the page in an html field.
	line, _ := json.Marshal(map[string]string{"id": "scraped-1", "outlet": "The Example Times", "html": string(article)})
	os.WriteFile(filepath.Join(dir, "scraped.jsonl"), append(line, '\n'), 0o644)
}
