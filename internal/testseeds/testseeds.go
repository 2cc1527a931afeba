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

// RussianText is the invented Russian news of bench/gen/ru (its two
// articles, a line apart), repeated to about size bytes: the Russian
// counterpart of Text for benchmarks that compare the languages.
func RussianText(tb testing.TB, size int) string {
	tb.Helper()
	dir := filepath.Join(Dir(), "..", "..", "bench", "gen", "ru")
	var ru strings.Builder
	for _, f := range []string{"state.txt", "exiled.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			tb.Fatal(err)
		}
		ru.Write(data)
		ru.WriteString("\n")
	}
	return strings.Repeat(ru.String(), max(1, size/ru.Len()))
}
