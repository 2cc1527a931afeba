package corpus

import (
	"math/rand/v2"
	"testing"
)

// TestIDSet checks the set against a map over enough hashes to merge many
// times, with every value asked before and after it is added.
func TestIDSet(t *testing.T) {
	for _, n := range []int{0, 1, minIDBatch - 1, minIDBatch, 100_000} {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		var s idSet
		want := map[uint64]bool{}
		for range n {
			h := rng.Uint64() >> rng.IntN(64) // small values too, and repeats
			if s.has(h) != want[h] {
				t.Fatalf("n=%d: has(%d) = %v before adding, want %v", n, h, s.has(h), want[h])
			}
			if !want[h] {
				s.add(h)
				want[h] = true
			}
			if !s.has(h) {
				t.Fatalf("n=%d: has(%d) = false after adding", n, h)
			}
		}
		if s.len() != len(want) {
			t.Fatalf("n=%d: %d hashes, want %d", n, s.len(), len(want))
		}
		for h := range want {
			if !s.has(h) {
				t.Fatalf("n=%d: lost %d", n, h)
			}
		}
	}
}

func BenchmarkIDSet(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var s idSet
	for b.Loop() {
		h := rng.Uint64()
		if !s.has(h) {
			s.add(h)
		}
	}
}
