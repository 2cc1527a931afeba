package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestProgressLines (issue 19): on a terminal, a skipped document's line
// starts at the left edge, not inside the progress counter, and the stages
// after scoring (statistics, charts) show their names while they run.
func TestProgressLines(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	var b strings.Builder
	for i := range 300 {
		if i == 150 {
			b.WriteString("{not json\n")
		}
		b.WriteString(`{"id":"d` + itoa(i) + `","outlet":"O` + itoa(i%3) + `","text":"The invasion went on near the river for another day."}` + "\n")
	}
	if err := os.WriteFile(corpus, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	env := Env{In: strings.NewReader(""), Out: &out, Err: &errb, ErrIsTTY: true}
	if code := run(env, []string{"report", "-o", filepath.Join(dir, "r"), corpus}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	log := errb.String()
	skip := regexp.MustCompile(`(^|[\r\n])skipped [^\n]*bad-json`)
	if !skip.MatchString(log) {
		t.Errorf("the skipped document's line does not start a line:\n%q", log)
	}
	for _, name := range []string{"scoring", "statistics", "charts and tables"} {
		if !strings.Contains(log, name) {
			t.Errorf("no %q stage on stderr:\n%q", name, log)
		}
	}
}
