package corpus

import (
	"io"
	"path/filepath"
	"strings"
)

// format is a kind of document file: its extensions and its reader. The
// one list of what Read takes; IsDocFile, DocFileKinds and the reading of
// a file all come from it.
type format struct {
	exts []string
	read func(r *reader, path string, in io.Reader, man *Manifest, rel string) error
}

// formats are the document files, by extension; a file with another
// extension in a directory is ignored (counted).
var formats = []format{
	{[]string{".txt"}, (*reader).text},
	{[]string{".jsonl", ".ndjson"}, (*reader).jsonl},
	{[]string{".csv"}, (*reader).csv},
	{[]string{".html", ".htm"}, (*reader).htmlFile},
	{[]string{".warc"}, func(r *reader, path string, in io.Reader, man *Manifest, _ string) error {
		return r.warc(path, in, man)
	}},
}

// compressions are the extensions of compressed document files, which Read
// reads as they stream ("news.jsonl.gz" is "news.jsonl").
var compressions = []string{".gz", ".zst"}

// formatOf is the format of a file by its extension, compression left
// aside; ok is false for a file that is no document.
func formatOf(path string) (f format, ok bool) {
	_, inner := compressed(path)
	ext := strings.ToLower(filepath.Ext(inner))
	for _, f := range formats {
		for _, e := range f.exts {
			if e == ext {
				return f, true
			}
		}
	}
	return format{}, false
}

// IsDocFile reports whether Read takes the file at path as documents, by
// its extensions (DocFileKinds); in a directory it ignores the others.
func IsDocFile(path string) bool {
	_, ok := formatOf(path)
	return ok
}

// DocFileKinds names the files Read takes as documents (IsDocFile), for
// messages about the others: ".txt, .jsonl, ... or .warc, or one of them
// compressed: .gz, .zst".
var DocFileKinds = func() string {
	var exts []string
	for _, f := range formats {
		exts = append(exts, f.exts...)
	}
	last := len(exts) - 1
	return strings.Join(exts[:last], ", ") + " or " + exts[last] + ", or one of them compressed: " + strings.Join(compressions, ", ")
}()
