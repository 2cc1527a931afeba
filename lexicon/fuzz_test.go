package lexicon

import (
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
