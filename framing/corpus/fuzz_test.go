package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The readers meet hostile input: they must never panic, and every line or
// record they meet is either a document or a counted skip.

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{"{\"id\":\"a\",\"text\":\"x\"}\n", "{bad\n", "\xff\n", "{\"text\":1}\n\n", "[]\n{\"id\":\"a\",\"text\":\"\"}",
		"\ufeff{\"id\":1,\"text\":\"x\",\"title\":\"T\"}\n", "{\"id\":[1],\"text\":null,\"html\":\"<p>x</p>\"}\n", "{\"text\":\"x\",\"date\":{}}\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs := 0
		sum, err := readChecked([]string{"-"}, Options{Stdin: bytes.NewReader(data)}, func(Document) error { docs++; return nil })
		if err != nil {
			t.Fatalf("error on stdin: %v", err)
		}
		checkSummary(t, sum, docs)
	})
}

// FuzzCSV: every record of a CSV file is read or skipped, whatever its
// quoting, and reading goes on after a broken one; records are capped at
// 256 bytes here, so that some are too large.
func FuzzCSV(f *testing.F) {
	for _, s := range []string{"id,text\na,b\n", "text\n\"unterminated\n", "id,text\na,b,c\n", "ID,TEXT\n,\n", "text\n\xff\n",
		"id,text\n1,a \"b\" c\n2,ok\n3,fine\n", "id,text\n1,\"open\n2,ok\n", "id,text\n1,\"a\n\"b\"\n2,ok\n", "id,text\r\n1,\"x\"\r\n\r\n2,y\r",
		"id,text\n1,\"" + strings.Repeat("long, ", 60) + "\"\n2,ok\n", "\ufeffid,text\n1,a\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		docs := 0
		sum, err := readChecked([]string{path}, Options{MaxDocBytes: 256}, func(Document) error { docs++; return nil })
		if err != nil {
			return // a header without a text column, or no header at all
		}
		checkSummary(t, sum, docs)
	})
}

func FuzzManifest(f *testing.F) {
	f.Add([]byte("id,outlet\na,A\n"), false)
	f.Add([]byte("documents:\n  - id: a\n    outlet: A\n"), true)
	f.Add([]byte("documents: [{path: x}]"), true)
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		name := "m.csv"
		if yaml {
			name = "m.yaml"
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := LoadManifest(path)
		if err != nil {
			// Every error says where: file:line:col for YAML (a nesting
			// too deep ended as "exceeded max depth"), file:line for CSV.
			if !regexp.MustCompile(`^`+regexp.QuoteMeta(path)+`:\d+(:\d+)?: `).MatchString(err.Error()) || yaml && !regexp.MustCompile(`^`+regexp.QuoteMeta(path)+`:\d+:\d+: `).MatchString(err.Error()) {
				t.Fatalf("error without a place: %v", err)
			}
			return
		}
		d := Document{ID: "a"}
		m.Apply(&d, "a.txt")
		m.Unmatched()
	})
}

func checkSummary(t *testing.T, sum Summary, docs int) {
	t.Helper()
	skipped := 0
	for _, n := range sum.Skipped {
		skipped += n
	}
	if sum.Read != docs+skipped {
		t.Fatalf("read %d != %d documents + %d skipped", sum.Read, docs, skipped)
	}
}

// FuzzOutlets: no outlets file makes ParseOutlets panic, and every outlet
// it accepts has a name among its aliases.
func FuzzOutlets(f *testing.F) {
	f.Add([]byte("outlets:\n  - {name: TASS, aliases: [ITAR-TASS], domains: [tass.com], state_media: true}\n"))
	f.Add([]byte("outlets: [{name: x}]"))
	f.Add([]byte("outlets:\n  - name: \"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := ParseOutlets("f.yaml", data)
		if err != nil {
			return
		}
		for _, x := range o.StateMedia() {
			if !slices.Contains(x.Aliases, x.Name) {
				t.Fatalf("outlet %q has no alias of its own name: %v", x.Name, x.Aliases)
			}
		}
	})
}

// FuzzCompressed: no gzip or zstd stream, however damaged, makes the reader
// panic or lose count: every line or document it meets is read or skipped.
func FuzzCompressed(f *testing.F) {
	for _, name := range []string{"wire.jsonl.gz", "wire-copy.jsonl.zst", "truncated.jsonl.gz", "brief.txt.gz"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/compressed", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, filepath.Ext(name) == ".zst", strings.Contains(name, ".jsonl"))
	}
	f.Fuzz(func(t *testing.T, data []byte, zst, jsonl bool) {
		name := "f.txt.gz"
		switch {
		case zst && jsonl:
			name = "f.jsonl.zst"
		case zst:
			name = "f.txt.zst"
		case jsonl:
			name = "f.jsonl.gz"
		}
		readAccounted(t, name, data)
	})
}

// readAccounted reads data as a file called name and checks that every
// document met was read or skipped.
func readAccounted(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	docs := 0
	sum, err := readChecked([]string{path}, Options{MaxDocBytes: 1 << 20}, func(Document) error { docs++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	skipped := 0
	for _, n := range sum.Skipped {
		skipped += n
	}
	if docs+skipped != sum.Read {
		t.Fatalf("read %d, but %d documents and %d skips", sum.Read, docs, skipped)
	}
}

// FuzzWARC: no WARC file, however broken its headers or lengths, makes the
// reader panic or lose count.
func FuzzWARC(f *testing.F) {
	for _, name := range []string{"crawl.warc", "bad-length.warc"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/web", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5\r\n\r\nHTTP/"))
	f.Add([]byte("not a warc"))
	f.Add(warcRecord("response", "https://news.test/a", 1, gzipResponse(articlePage(3))))
	f.Add([]byte("WARC/1.0\r\n" + strings.Repeat("X-Filler: x\r\n", 300)))
	f.Fuzz(func(t *testing.T, data []byte) {
		readAccounted(t, "f.warc", data)
	})
}

// FuzzHTML: no page, however broken its markup or charset, makes the
// decoder or the extractor panic; an article it returns has enough words,
// in paragraphs without stray blank lines.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"article.html", "divs.htm", "gallery.html", "blog.html", "legacy-1252.html"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/web", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add(`<html><head><meta name="date" content="2023-06-2"><link rel=canonical href="/x"></head><body><p>`)
	f.Add(`<time datetime="2023-13-40">x</time><article><h1>T</h1><p>By A</p></article>`)
	f.Fuzz(func(t *testing.T, page string) {
		text, _ := pageText([]byte(page), "")
		doc, err := fromHTML(text, "")
		if err != nil {
			return
		}
		if len(strings.Fields(doc.Text))-len(strings.Fields(doc.Title)) < minArticleWords {
			t.Errorf("an article of %d words: %q", len(strings.Fields(doc.Text)), doc.Text)
		}
		if doc.Text != strings.TrimSpace(doc.Text) || strings.Contains(doc.Text, "\n\n\n") {
			t.Errorf("stray space or blank lines: %q", doc.Text)
		}
		if doc.Date != "" && isoDate(doc.Date) != doc.Date {
			t.Errorf("date %q is not YYYY-MM-DD", doc.Date)
		}
	})
}
