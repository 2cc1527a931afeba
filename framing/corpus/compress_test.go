package corpus

import (
	"reflect"
	"slices"
	"testing"
)

// TestCompressed reads a folder of gzip and zstd files beside a plain one:
// every document of the intact files, the documents before the cut of a
// truncated one, and a counted skip for the cut, a file that is not gzip,
// and a decompression bomb.
func TestCompressed(t *testing.T) {
	var ids []string
	var skips []Skip
	sum, err := readChecked([]string{"../../testdata/compressed"}, Options{OnSkip: func(s Skip) { skips = append(skips, s) }}, func(d Document) error {
		ids = append(ids, d.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	want := []string{"brief", "cut-1", "gz-1", "gz-2", "gz-3", "plain", "t-1", "t-2", "t-3", "zst-1", "zst-2", "zst-3"} // cut-1 came whole before the cut
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("documents %v, want %v", ids, want)
	}
	wantSkips := map[Reason]int{TooLarge: 1, Unreadable: 1, Truncated: 1}
	if !reflect.DeepEqual(sum.Skipped, wantSkips) {
		t.Errorf("skipped %v, want %v (%+v)", sum.Skipped, wantSkips, skips)
	}
	if sum.Read != len(ids)+3 {
		t.Errorf("read %d, want %d documents and 3 skips", sum.Read, len(ids))
	}
	for _, s := range skips {
		if s.Reason == Truncated && s.File != "../../testdata/compressed/truncated.jsonl.gz" {
			t.Errorf("the truncated skip names %q", s.File)
		}
	}
}

// TestMaxDocBytes: a JSONL line over the cap is skipped, the lines around
// it are read.
func TestMaxDocBytes(t *testing.T) {
	var ids []string
	sum, err := readChecked([]string{"testdata/rows.jsonl"}, Options{MaxDocBytes: 60}, func(d Document) error {
		ids = append(ids, d.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Skipped[TooLarge] == 0 || len(ids) == 0 {
		t.Errorf("read %v, skipped %v: want some lines over 60 bytes skipped and some read", ids, sum.Skipped)
	}
}
