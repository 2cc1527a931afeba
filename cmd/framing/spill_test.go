package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSpillNotes: a corpus past the memory budget of the duplicate check
// and of the tally's fingerprints (16,384 documents), scored where no
// temporary file can be made, gives the same tally as where one can, and
// its summary says, once each, that the ids and the hashes stayed in
// memory and what to do; where the files can be made there is no note.
func TestSpillNotes(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 16,500 documents")
	}
	exe := framingExe(t)
	corpus := filepath.Join(t.TempDir(), "many.jsonl")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range 16_500 {
		enc.Encode(map[string]string{"id": strconv.Itoa(i), "outlet": "Outlet " + strconv.Itoa(i%3), "text": "The invasion went on."})
	}
	if err := os.WriteFile(corpus, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	score := func(tmp string) (tally, stderr string) {
		cmd := exec.Command(exe, "score", "--format", "tally", corpus)
		cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %s", err, errb.String())
		}
		return out.String(), errb.String()
	}
	spilled, quiet := score(t.TempDir())
	inMemory, noted := score(t.TempDir() + "/missing")
	if spilled != inMemory {
		t.Error("the tally kept in memory differs from the one spilled")
	}
	if strings.Contains(quiet, "note:") {
		t.Errorf("notes where temporary files could be made:\n%s", quiet)
	}
	for _, want := range []string{
		"note: the duplicate-id check kept every document id in memory: cannot make a temporary file",
		"note: the tally kept every document's fingerprint hash in memory: cannot make a temporary file",
	} {
		if strings.Count(noted, want) != 1 || !strings.Contains(noted, "set TMPDIR") {
			t.Errorf("stderr does not say once %q and what to do:\n%s", want, noted)
		}
	}
}
