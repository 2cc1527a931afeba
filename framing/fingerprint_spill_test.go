package framing

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// marshalWhole is Fingerprint.MarshalJSON as it was before the hashes
// could spill, the reference: all the hashes sorted in one slice, their
// varints in one buffer, base64 of it whole.
func marshalWhole(hashes []uint64) []byte {
	h := slices.Sorted(slices.Values(hashes))
	buf := make([]byte, 0, len(h)*9)
	var prev uint64
	for _, x := range h {
		buf = binary.AppendUvarint(buf, x-prev)
		prev = x
	}
	b, _ := json.Marshal(FingerprintFile{Count: len(h), Hashes: base64.StdEncoding.EncodeToString(buf)})
	return b
}

// TestFingerprintSpill: fingerprints sharing a small budget, fed ids one
// at a time and whole fingerprints at once (in memory, or spilled by
// another store), give the counts, the order and the bytes of the
// reference, which keeps every hash in memory. Some ids come twice (a
// multiset keeps both); some hashes are near 0 and 2^64, where the
// differences are largest and smallest.
func TestFingerprintSpill(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	for _, tt := range []struct{ n, groups, budget int }{
		{0, 1, 1}, {1, 1, 1}, {1000, 1, 1}, {5000, 3, 7}, {20_000, 60, 256}, {20_000, 2, 1000}, {3000, 500, 64},
	} {
		rng := rand.New(rand.NewPCG(uint64(tt.n), uint64(tt.budget)))
		store := newHashSpill(tt.budget)
		other := newHashSpill(max(tt.budget/2, 1))
		fps := make([]*Fingerprint, tt.groups)
		want := make([][]uint64, tt.groups)
		for i := range fps {
			fps[i] = &Fingerprint{}
			store.keep(fps[i])
		}
		var ids []string
		for i := 0; i < tt.n; i++ {
			g := rng.IntN(tt.groups)
			switch r := rng.IntN(100); {
			case r < 2 && len(ids) > 0: // an id again
				id := ids[rng.IntN(len(ids))]
				fps[g].Add(id)
				want[g] = append(want[g], fnv1a(id))
			case r < 6: // a fingerprint of many, in memory or spilled by another store
				var o Fingerprint
				prefix := "bulk"
				if r >= 4 {
					other.keep(&o)
					prefix = "other"
				}
				for range rng.IntN(300) {
					id := fmt.Sprint(prefix, i, "-", len(ids))
					ids = append(ids, id)
					o.Add(id)
					want[g] = append(want[g], fnv1a(id))
				}
				fps[g].union(&o)
			default: // one document, as Tally.Add adds it
				id := fmt.Sprint(i)
				ids = append(ids, id)
				var one Fingerprint
				one.Add(id)
				fps[g].union(&one)
				want[g] = append(want[g], fnv1a(id))
			}
			if store.held > store.limit {
				t.Fatalf("%+v: %d hashes in memory, over the limit %d", tt, store.held, store.limit)
			}
		}
		spilled := 0
		for g, f := range fps {
			if f.Count() != len(want[g]) {
				t.Fatalf("%+v: group %d counts %d, want %d", tt, g, f.Count(), len(want[g]))
			}
			got, err := json.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			if ref := marshalWhole(want[g]); !bytes.Equal(got, ref) {
				t.Fatalf("%+v: group %d: %.200s, want %.200s", tt, g, got, ref)
			}
			var order []uint64
			if err := f.each(func(h uint64) { order = append(order, h) }); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(order, slices.Sorted(slices.Values(want[g]))) {
				t.Fatalf("%+v: group %d: hashes out of order or lost", tt, g)
			}
			spilled += f.Count() - len(f.hashes)
		}
		if tt.n > 10*tt.budget && spilled < tt.n/2 {
			t.Errorf("%+v: only %d hashes spilled", tt, spilled)
		}
	}
}

// manyScores are the seed scores copied under new ids to n documents in
// several outlets.
func manyScores(t *testing.T, n int) []*Score {
	base := seedScoreList(t)
	out := make([]*Score, n)
	for i := range out {
		c := *base[i%len(base)]
		c.ID = fmt.Sprintf("%s#%d", c.ID, i)
		c.Outlet = fmt.Sprintf("%s %d", c.Outlet, i%7)
		out[i] = &c
	}
	return out
}

// spillingTally is the tally of scores whose fingerprints hold at most
// budget hashes in memory.
func spillingTally(t *testing.T, scores []*Score, budget int) *Tally {
	tl := NewTally(builtinMatcher(t), "outlet")
	tl.hashSpill = newHashSpill(budget)
	for _, s := range scores {
		tl.Add(s)
	}
	return tl
}

func writeTally(t *testing.T, tl *Tally) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteTally(&b, tl); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTallySpilled: a tally whose fingerprints spill writes the bytes of
// one that keeps them in memory, checks, and merges as it does, refusing
// shared documents; and where there is no temporary directory it keeps
// them in memory and writes the same bytes.
func TestTallySpilled(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	scores := manyScores(t, 3000)
	// The reference: the tally in memory, encoded whole (as
	// TestWriteTallyAsEncoded).
	var ref bytes.Buffer
	enc := json.NewEncoder(&ref)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(tallyOf(t, scores, "outlet")); err != nil {
		t.Fatal(err)
	}
	whole := ref.String()
	for _, budget := range []int{1, 50, 1000} {
		tl := spillingTally(t, scores, budget)
		if tl.hashSpill.file == nil || tl.hashSpill.err != nil {
			t.Fatalf("budget %d: nothing spilled (%v)", budget, tl.hashSpill.err)
		}
		if got := writeTally(t, tl); got != whole {
			t.Fatalf("budget %d: the tally written differs from the one in memory", budget)
		}
		if err := clone(t, tl).Check(); err != nil {
			t.Fatal(err)
		}
		// Merged: two spilled halves make the whole, and a tally shares
		// all of its documents with itself.
		a, b := spillingTally(t, scores[:1700], budget), spillingTally(t, scores[1700:], budget)
		if err := a.Merge(b); err != nil {
			t.Fatal(err)
		}
		if got := writeTally(t, a); got != whole {
			t.Fatalf("budget %d: the merge of two spilled halves differs from the whole", budget)
		}
		var oe *OverlapError
		if err := a.Merge(tl); !errors.As(err, &oe) || oe.Shared != len(scores) {
			t.Fatalf("budget %d: a tally merged with itself: %v", budget, err)
		}
	}

	t.Setenv("TMPDIR", t.TempDir()+"/missing")
	tl := spillingTally(t, scores, 50)
	if err := tl.SpillErr(); err == nil || !strings.Contains(err.Error(), "TMPDIR") {
		t.Fatalf("no temporary directory: %v", err)
	}
	if got := writeTally(t, tl); got != whole {
		t.Fatal("a tally that could not spill differs from the one in memory")
	}
}

// TestTallySpilledUnreadable: a spilled run that cannot be read back is an
// error of WriteTally and Merge, not a tally with documents missing.
func TestTallySpilledUnreadable(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	scores := manyScores(t, 500)
	tl := spillingTally(t, scores, 10)
	tl.hashSpill.file.Close() // as if the disk failed
	if err := WriteTally(&bytes.Buffer{}, tl); err == nil || !strings.Contains(err.Error(), "temporary file") {
		t.Errorf("WriteTally: %v", err)
	}
	if err := tallyOf(t, nil, "outlet").Merge(tl); err == nil {
		t.Error("Merge read a closed file without error")
	}
}

// TestFingerprintSpillEdges: hashes in memory before, between, after and
// equal to those spilled, in one run or several, merge in order.
func TestFingerprintSpillEdges(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	const top = ^uint64(0)
	for _, tt := range []struct{ spills [][]uint64 }{
		{[][]uint64{{1, 2, 3}, {4, 5}}},
		{[][]uint64{{4, 5, 6}, {1, 2}}},
		{[][]uint64{{1, 5, 9}, {9, top}}},
		{[][]uint64{{1, 5, 9}, {0, 3}}},
		{[][]uint64{{10, 20, 30}, {5, 25, 35}, {0, 40}}},
		{[][]uint64{{top, top, 0}, {top}}},
		{[][]uint64{{7, 7, 7}, {7, 7, 7}, {7}}},
	} {
		store := newHashSpill(2) // three hashes spill, two stay
		var f Fingerprint
		store.keep(&f)
		var all []uint64
		for _, hs := range tt.spills {
			f.hashes, f.sorted = append(f.hashes, hs...), false
			store.added(len(hs))
			all = append(all, hs...)
		}
		if spilled := f.Count() - len(f.hashes); spilled == 0 || len(f.hashes) == 0 {
			t.Fatalf("%v: %d spilled, %d in memory: the case tests too little", tt.spills, spilled, len(f.hashes))
		}
		var got []uint64
		if err := f.each(func(h uint64) { got = append(got, h) }); err != nil {
			t.Fatal(err)
		}
		if want := slices.Sorted(slices.Values(all)); !slices.Equal(got, want) {
			t.Errorf("%v: %v, want %v", tt.spills, got, want)
		}
		if js, _ := json.Marshal(f); !bytes.Equal(js, marshalWhole(all)) {
			t.Errorf("%v: %s, want %s", tt.spills, js, marshalWhole(all))
		}
	}
}
