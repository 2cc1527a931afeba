package corpus

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestIDSet checks the set against a map over enough keys to merge many
// times, with every value asked before and after it is added; keys share
// their high half often, so that the low half decides.
func TestIDSet(t *testing.T) {
	for _, n := range []int{0, 1, minIDBatch - 1, minIDBatch, 100_000} {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		var s idSet
		want := map[idKey]bool{}
		for range n {
			h := idKey{rng.Uint64N(16), rng.Uint64() >> rng.IntN(64)} // small values too, and repeats
			if s.has(h) != want[h] {
				t.Fatalf("n=%d: has(%v) = %v before adding, want %v", n, h, s.has(h), want[h])
			}
			if !want[h] {
				s.add(h)
				want[h] = true
			}
			if !s.has(h) {
				t.Fatalf("n=%d: has(%v) = false after adding", n, h)
			}
		}
		if s.len() != len(want) {
			t.Fatalf("n=%d: %d hashes, want %d", n, s.len(), len(want))
		}
		for h := range want {
			if !s.has(h) {
				t.Fatalf("n=%d: lost %v", n, h)
			}
		}
	}
}

func BenchmarkIDSet(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var s idSet
	for b.Loop() {
		h := idKey{rng.Uint64(), rng.Uint64()}
		if !s.has(h) {
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
