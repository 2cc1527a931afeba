package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSpillNotes: a corpus past the memory budget of the duplicate check
// and of the tallies' fingerprints (16,384 documents), scored where no
// temporary file can be made, gives the same tally as where one can, and
// the summary of each command that fills tallies (score, report with its
// tally by outlet beside groups by desk, baseline) says once each, with
// what to do, that the ids and the hashes stayed in memory; where the
// files can be made there is no note.
func TestSpillNotes(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 16,500 documents four times")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "many.jsonl")
	var b strings.Builder
	for i := range 16_500 {
		b.WriteString(`{"id":"` + strconv.Itoa(i) + `","outlet":"Outlet ` + strconv.Itoa(i%3) + `","desk":"D` + strconv.Itoa(i%2) + `","text":"The invasion went on."}` + "\n")
	}
	if err := os.WriteFile(corpus, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	frame := func(tmp string, args ...string) (out, stderr string) {
		t.Setenv("TMPDIR", tmp)
		var o, e bytes.Buffer
		if code := run(Env{In: strings.NewReader(""), Out: &o, Err: &e}, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, e.String())
		}
		return o.String(), e.String()
	}
	missing := filepath.Join(dir, "missing")
	spilled, quiet := frame(t.TempDir(), "score", "--format", "tally", corpus)
	inMemory, noted := frame(missing, "score", "--format", "tally", corpus)
	if spilled != inMemory {
		t.Error("the tally kept in memory differs from the one spilled")
	}
	if strings.Contains(quiet, "note:") {
		t.Errorf("notes where temporary files could be made:\n%s", quiet)
	}
	_, reported := frame(missing, "report", "--quiet", "--by", "desk", "-o", filepath.Join(dir, "report"), corpus)
	_, based := frame(missing, "baseline", "write", "--quiet", "-o", filepath.Join(dir, "b.json"), corpus)
	for name, stderr := range map[string]string{"score": noted, "report": reported, "baseline": based} {
		for _, want := range []string{
			"note: the duplicate-id check kept every document id in memory: cannot make a temporary file",
			"note: the tally kept every document's fingerprint hash in memory: cannot make a temporary file",
		} {
			lines := 0
			for _, line := range strings.Split(stderr, "\n") {
				if strings.HasPrefix(line, want) {
					lines++
					if !strings.HasSuffix(line, "(set TMPDIR to a writable directory with free space)") {
						t.Errorf("%s: %q does not say what to do", name, line)
					}
				}
			}
			if lines != 1 {
				t.Errorf("%s: stderr says %q %d times, want once:\n%s", name, want, lines, stderr)
			}
		}
	}
}
