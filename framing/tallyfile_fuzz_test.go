package framing

import (
	"bytes"
	"testing"
)

// FuzzParseTally: a tally file, damaged anyhow, is read or refused with an
// error, never a panic; one that is read writes back to a file that reads
// to the same tally.
func FuzzParseTally(f *testing.F) {
	// A small real tally: two documents with hits, one a story's copy.
	m := builtinMatcher(f)
	tl := NewTally(m, "outlet")
	for i, unit := range []string{"", "story a"} {
		s := &Score{ID: string(rune('a' + i)), Outlet: "O", Unit: unit, Labels: make([]VoiceCount, len(m.Labels())), Categories: make([]VoiceCount, len(m.Categories()))}
		s.Labels[i].Own, s.Tokens.Own, s.Pos = 2, 40, 1
		tl.Add(s)
	}
	var b bytes.Buffer
	if err := WriteTally(&b, tl); err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"format": 7}`))
	f.Add([]byte(`{"format": 7, "lexicon": {"name": "x", "version": "1", "hash": "h"}, "by": "outlet", "labels": [], "poles": [], "categories": [], "read": 0, "skipped": {}, "groups": {}}`))
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseTally("f.json", data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteTally(&out, got); err != nil {
			t.Fatal(err)
		}
		again, err := ParseTally("again.json", out.Bytes())
		if err != nil {
			t.Fatalf("a tally read and written back does not read: %v", err)
		}
		var out2 bytes.Buffer
		if err := WriteTally(&out2, again); err != nil || out2.String() != out.String() {
			t.Fatalf("written twice differently")
		}
	})
}
