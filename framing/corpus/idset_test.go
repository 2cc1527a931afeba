package corpus

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestIDSet checks the set against a map over enough keys to merge many
// times, with every value asked before and after it is added; keys share
// their high half often, so that the low half decides. Small budgets make
// it spill and merge runs many times over, and a key asked again at every
// age (in the map, the sorted slice, a run new or merged) is a duplicate.
func TestIDSet(t *testing.T) {
	for _, tt := range []struct{ n, budget int }{
		{0, 0}, {1, 0}, {minIDBatch - 1, 0}, {minIDBatch, 0}, {100_000, 0},
		{100_000, 1000}, {30_000, 1}, {50_000, idBlock}, {50_000, idBlock + 1}, {200_000, 5000},
	} {
		rng := rand.New(rand.NewPCG(1, uint64(tt.n)))
		s := idSet{budget: tt.budget}
		want := map[idKey]bool{}
		var added []idKey
		has := func(h idKey) bool {
			t.Helper()
			ok, err := s.has(h)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		for range tt.n {
			h := idKey{rng.Uint64N(16), rng.Uint64() >> rng.IntN(64)} // small values too, and repeats
			if rng.IntN(8) == 0 && len(added) > 0 {
				h = added[rng.IntN(len(added))] // a duplicate of any age
			}
			if has(h) != want[h] {
				t.Fatalf("%+v: has(%v) = %v before adding, want %v", tt, h, !want[h], want[h])
			}
			if !want[h] {
				s.add(h)
				want[h] = true
				added = append(added, h)
			}
			if !has(h) {
				t.Fatalf("%+v: has(%v) = false after adding", tt, h)
			}
		}
		if s.len() != len(want) {
			t.Fatalf("%+v: %d hashes, want %d", tt, s.len(), len(want))
		}
		for h := range want {
			if !has(h) {
				t.Fatalf("%+v: lost %v", tt, h)
			}
		}
		if tt.budget > 0 && tt.n > 2*tt.budget {
			if len(s.runs) == 0 {
				t.Fatalf("%+v: nothing spilled", tt)
			}
			// Size-tiered: each run is less than a quarter of the one before.
			for i := 1; i < len(s.runs); i++ {
				if s.runs[i].run.Len()*4 >= s.runs[i-1].run.Len() {
					t.Fatalf("%+v: runs of %d then %d keys, not merged", tt, s.runs[i-1].run.Len(), s.runs[i].run.Len())
				}
			}
			if max := 2 + math.Log(float64(tt.n)/float64(tt.budget))/math.Log(4)*2; float64(len(s.runs)) > max {
				t.Errorf("%+v: %d runs, want at most %.0f", tt, len(s.runs), max)
			}
		}
		s.close()
	}
}

// TestIDSetWithoutTempFiles: where no temporary file can be made the keys
// stay in memory and the answers are the same; a run that cannot be read
// back is an error, not an answer.
func TestIDSetWithoutTempFiles(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()+"/missing")
	s := idSet{budget: 100}
	for i := range 1000 {
		s.add(idKey{uint64(i), 0})
	}
	if s.spillErr == nil || !strings.Contains(s.spillErr.Error(), "TMPDIR") || len(s.runs) > 0 || s.len() != 1000 {
		t.Fatalf("no temporary directory: %v, %d runs, %d keys", s.spillErr, len(s.runs), s.len())
	}
	if ids := (IDs{set: s}); ids.SpillErr() != s.spillErr {
		t.Fatalf("IDs.SpillErr %v, want the set's %v", ids.SpillErr(), s.spillErr)
	}
	for i := range 1001 {
		if ok, err := s.has(idKey{uint64(i), 0}); ok != (i < 1000) || err != nil {
			t.Fatalf("has %d = %v, %v", i, ok, err)
		}
	}

	t.Setenv("TMPDIR", t.TempDir())
	var ids IDs
	ids.set.budget = 10
	doc := func(id string) Document { return Document{ID: id, Text: "text", Source: "a.jsonl"} }
	for i := range 100 {
		if _, ok := Check(doc(fmt.Sprint(i)), &ids); !ok {
			t.Fatalf("document %d skipped", i)
		}
	}
	for _, r := range ids.set.runs {
		r.run.File().Close() // as if the disk failed
	}
	for i := range 100 {
		if _, ok := Check(doc(fmt.Sprint(i)), &ids); ok {
			t.Fatalf("document %d again passed", i)
		}
		if ids.Err() != nil {
			break
		}
	}
	if ids.Err() == nil {
		t.Fatal("ids on a closed file read without error")
	}
	if _, ok := Check(doc("new"), &ids); ok {
		t.Error("a check after an error passed")
	}
}

func BenchmarkIDSet(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var s idSet
	for b.Loop() {
		h := idKey{rng.Uint64(), rng.Uint64()}
		if ok, _ := s.has(h); !ok {
			s.add(h)
		}
	}
}

// BenchmarkIDSetMemory reports the heap a set of n keys holds, per key,
// after the collector has run: what the comment of idSet says.
func BenchmarkIDSetMemory(b *testing.B) {
	for _, n := range []int{1000, 100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var perKey float64
			for b.Loop() {
				rng := rand.New(rand.NewPCG(1, 2))
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				var s idSet
				for range n {
					s.add(idKey{rng.Uint64(), rng.Uint64()})
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				perKey = float64(after.HeapAlloc-before.HeapAlloc) / float64(n)
				runtime.KeepAlive(&s)
			}
			b.ReportMetric(perKey, "bytes/key")
		})
	}
}

func BenchmarkIDHash(b *testing.B) {
	for b.Loop() {
		idHash("urn:uuid:00000000-0000-0000-0000-000000000003")
	}
}

// TestReadIDsSharingFNV: two ids whose 64-bit FNV-1a hashes are equal are
// two documents, not a duplicate (issue 14.14). The pair was found by a
// Pollard rho search with distinguished points over 16-hex-digit ids (8
// billion hashes, 13 minutes on one core): testdata/fnv-collision.go.
func TestReadIDsSharingFNV(t *testing.T) {
	a, b := "53df47fbaff75327", "60c4f0a17db34274"
	ha, hb := fnv.New64a(), fnv.New64a()
	ha.Write([]byte(a))
	hb.Write([]byte(b))
	if ha.Sum64() != hb.Sum64() {
		t.Fatalf("%s and %s do not share an FNV-1a hash: %x, %x", a, b, ha.Sum64(), hb.Sum64())
	}
	in := fmt.Sprintf("{\"id\":%q,\"text\":\"One.\"}\n{\"id\":%q,\"text\":\"Two.\"}\n{\"id\":%q,\"text\":\"Again.\"}\n", a, b, a)
	var ids []string
	sum, err := readChecked([]string{"-"}, Options{Stdin: strings.NewReader(in)}, func(d Document) error { ids = append(ids, d.ID); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids, []string{a, b}) || sum.Skipped[DuplicateID] != 1 {
		t.Errorf("documents %q, skipped %v; want both ids, and the third line a duplicate", ids, sum.Skipped)
	}
}
