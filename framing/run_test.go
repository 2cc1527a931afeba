package framing

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// workersCorpus writes a JSONL corpus of the seed articles repeated under
// fresh ids, with documents of every length and a few empty ones, so that
// workers finish out of order.
func workersCorpus(t *testing.T, n int) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	var sb strings.Builder
	for i := range n {
		text := strings.Repeat(texts[i%len(texts)], 1+i%3)
		if i%17 == 5 {
			text = "Share\nRead more\n" // nothing but boilerplate: skipped
		}
		b, _ := json.Marshal(map[string]string{"id": "d" + strconv.Itoa(i), "outlet": "o" + strconv.Itoa(i%7), "date": "2023-06-2" + strconv.Itoa(i%7+1), "text": text})
		sb.Write(b)
		sb.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWorkersSameResult: one worker and many give the same scores, in the
// same order, and the same tally, byte for byte.
func TestWorkersSameResult(t *testing.T) {
	m := builtinMatcher(t)
	path := workersCorpus(t, 120)
	run := func(workers int) (string, string, Summary) {
		var scores strings.Builder
		tl := NewTally(m, "outlet")
		sum, err := runFiles([]string{path}, m, Options{Workers: workers}, func(_ Document, s *Score) error {
			b, err := json.Marshal(s)
			if err != nil {
				return err
			}
			scores.Write(b)
			scores.WriteByte('\n')
			tl.Add(s)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		tl.AddSummary(sum)
		return scores.String(), jsonOf(t, tl), sum
	}
	s1, t1, sum1 := run(1)
	if sum1.Scored == 0 || sum1.Skipped[NoContent] == 0 {
		t.Fatalf("the corpus did not exercise scoring and skipping: %v", sum1)
	}
	for _, w := range []int{2, 3, 8} {
		sn, tn, sumN := run(w)
		if sn != s1 {
			t.Errorf("%d workers: scores differ from one worker's", w)
		}
		if tn != t1 {
			t.Errorf("%d workers: tally differs from one worker's", w)
		}
		if sumN.String() != sum1.String() {
			t.Errorf("%d workers: summary %q, one worker %q", w, sumN, sum1)
		}
	}
}

// TestRunStops: an error from yield stops the run and is returned, with
// workers running.
func TestRunStops(t *testing.T) {
	m := builtinMatcher(t)
	path := workersCorpus(t, 200)
	boom := errors.New("boom")
	seen := 0
	_, err := runFiles([]string{path}, m, Options{Workers: 4}, func(_ Document, s *Score) error {
		seen++
		if seen == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || seen != 10 {
		t.Errorf("err %v after %d documents, want boom after 10", err, seen)
	}
}

// TestScorerReuse: a scorer that has scored other documents (and reuses
// their token and voice slices) scores each seed exactly as a fresh one.
func TestScorerReuse(t *testing.T) {
	m := builtinMatcher(t)
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	used := NewScorer(m)
	// Longest and shortest alternate, so that slices shrink and grow.
	for _, f := range append(files, files[0], files[len(files)-1], files[0]) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := Document{ID: filepath.Base(f), Text: string(b)}
		want, _ := json.Marshal(NewScorer(m).Score(doc))
		got, _ := json.Marshal(used.Score(doc))
		if string(got) != string(want) {
			t.Fatalf("%s: a used scorer gives\n%s\nwant\n%s", f, got, want)
		}
	}
}

// TestRunNotesIDsInMemory: a run past the duplicate check's memory budget
// where no temporary file can be made scores every document, still skips
// a repeated id, and says in its summary's notes that the ids stayed in
// memory and why; a run that could spill has no note.
func TestRunNotesIDsInMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 65,600 documents")
	}
	docs := func() Docs {
		var d []Document
		for i := range 65_600 {
			d = append(d, Document{ID: strconv.Itoa(i), Text: "A word.", Source: "many.jsonl"})
		}
		return Documents(append(d, Document{ID: "7", Text: "Again.", Source: "many.jsonl"})...)
	}
	for _, tc := range []struct {
		name, tmp string
		note      bool
	}{
		{"no temporary directory", t.TempDir() + "/missing", true},
		{"a temporary directory", t.TempDir(), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("TMPDIR", tc.tmp)
			sum, err := Run(t.Context(), docs(), nil, Options{}, func(*Result) error { return nil })
			if err != nil {
				t.Fatal(err)
			}
			if sum.Scored != 65_600 || sum.TotalSkipped() != 1 {
				t.Errorf("scored %d, skipped %d; want 65600 and the repeated id", sum.Scored, sum.TotalSkipped())
			}
			if got := len(sum.Notes) == 1 && strings.Contains(sum.Notes[0], "in memory") && strings.Contains(sum.Notes[0], "TMPDIR"); got != tc.note {
				t.Errorf("notes %q, want a note of ids in memory: %v", sum.Notes, tc.note)
			}
		})
	}
}
