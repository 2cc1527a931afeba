package lexicon

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: the loader meets whatever a user writes. It must never panic,
// and every error it returns carries a position and a message.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	files = append(files, "builtin/ru-ua-war.yaml")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("lexicon: x\nversion: 1\nconcepts: [{id: a, labels: [{id: b, terms: [x]}]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("f.yaml", data)
		if err == nil {
			if _, err := Compile(l); err != nil {
				t.Fatalf("Parse accepted what Compile rejects: %v", err)
			}
			return
		}
		list, ok := err.(ErrorList)
		if !ok || len(list) == 0 {
			t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
		}
		for _, e := range list {
			if e.Msg == "" || e.File != "f.yaml" || e.Line < 1 || e.Col < 1 {
				t.Fatalf("error without message, file or position: %+v", e)
			}
		}
	})
}

// FuzzImportLIWC: no .dic file makes the importer panic, and a dictionary
// it accepts with any category left writes a lexicon that loads.
func FuzzImportLIWC(f *testing.F) {
	if data, err := os.ReadFile("../testdata/dictionaries/liwc-sample.dic"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("%\n1\ta\n%\nx*\t1\n"))
	f.Add([]byte("%\n1 a b\n%\nkind of 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, _, err := ImportLIWC("f.dic", "f", data)
		if err == nil && len(l.Categories) > 0 {
			mustLoadWritten(t, l)
		}
	})
}

// mustLoadWritten writes l as framing's YAML and loads it back.
func mustLoadWritten(t *testing.T, l *Lexicon) *Lexicon {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteYAML(&buf, l); err != nil {
		t.Fatal(err)
	}
	back, err := Parse("imported.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("the written lexicon does not load: %v\n%s", err, buf.String())
	}
	return back
}

// FuzzImportQuanteda: likewise for quanteda YAML dictionaries.
func FuzzImportQuanteda(f *testing.F) {
	if data, err := os.ReadFile("../testdata/dictionaries/quanteda-sample.yml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("a:\n  - x\n"))
	f.Add([]byte("a:\n  b: [y*, \"z w\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, _, err := ImportQuanteda("f.yml", "f", data)
		if err == nil && len(l.Concepts) > 0 {
			mustLoadWritten(t, l)
		}
	})
}
