package testseeds

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Dir is the seed corpus, testdata/seeds at the repository's root.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "seeds")
}

// Text is the five seed articles, one after another, a blank line apart.
func Text(tb testing.TB) string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(Dir(), "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed articles in %s: %v", Dir(), err)
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}
