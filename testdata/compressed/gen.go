//go:build ignore

// Command gen writes the compressed fixtures of this folder:
//
//	go run testdata/compressed/gen.go testdata/compressed
package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 9)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func zs(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := zstd.NewWriter(&buf, zstd.WithEncoderConcurrency(1))
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func main() {
	dir := os.Args[1]
	os.MkdirAll(dir, 0o755)
	var lines bytes.Buffer
	for _, d := range []map[string]string{
		{"id": "gz-1", "outlet": "Gzip Gazette", "text": "Russia's invasion of Ukraine went on, the agency said."},
		{"id": "gz-2", "outlet": "Gzip Gazette", "text": "The special military operation continued, officials said."},
		{"id": "gz-3", "outlet": "Gzip Gazette", "text": "The mutiny ended on Saturday."},
	} {
		b, _ := json.Marshal(d)
		lines.Write(b)
		lines.WriteByte('\n')
	}
	g := gz(lines.Bytes())
	os.WriteFile(filepath.Join(dir, "wire.jsonl.gz"), g, 0o644)
	os.WriteFile(filepath.Join(dir, "wire-copy.jsonl.zst"), zs(bytes.ReplaceAll(lines.Bytes(), []byte(`"gz-`), []byte(`"zst-`))), 0o644)
	os.WriteFile(filepath.Join(dir, "brief.txt.gz"), gz([]byte("Kremlin spokesman Dmitry Peskov said the invasion would go on.\n")), 0o644)
	// A gzip file cut in the middle of its second member's data.
	two := append(gz(bytes.ReplaceAll(lines.Bytes(), []byte(`"gz-`), []byte(`"t-`))), gz(bytes.ReplaceAll(lines.Bytes(), []byte(`"gz-`), []byte(`"cut-`)))...)
	os.WriteFile(filepath.Join(dir, "truncated.jsonl.gz"), two[:len(two)-30], 0o644)
	os.WriteFile(filepath.Join(dir, "plain.txt"), []byte("The war in Ukraine went on.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notgzip.txt.gz"), []byte("this is not gzip at all\n"), 0o644)
	// A bomb: 70 MB of the same byte in a few hundred KB.
	os.WriteFile(filepath.Join(dir, "bomb.txt.gz"), gz(bytes.Repeat([]byte("a"), 70<<20)), 0o644)
}
