package framing

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strconv"
	"testing"
)

// TestHistogramPacking: vectors at the edges of what a packed key holds
// come back as the keys a map by CountsKey would have, and one vector is
// one key however it came in (added, or read back from its key).
func TestHistogramPacking(t *testing.T) {
	for _, tc := range []struct {
		name   string
		v      []int
		packed bool
	}{
		{"one count, any size", []int{1 << 62}, true},
		{"two counts of 32 bits", []int{1<<32 - 1, 0}, true},
		{"a count past 32 bits", []int{1 << 32, 0}, false},
		{"three counts of 21 bits", []int{1<<21 - 1, 5, 0}, true},
		{"a count past 21 bits", []int{0, 1 << 21, 0}, false},
		{"eight counts of 8 bits", []int{255, 0, 1, 2, 3, 4, 5, 255}, true},
		{"a count past 8 bits", []int{256, 0, 0, 0, 0, 0, 0, 0}, false},
		{"nine counts", []int{1, 2, 3, 4, 5, 6, 7, 8, 9}, false},
		{"a negative count", []int{-1, 2}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h Histogram
			h.Add(tc.v...)
			h.addKey(CountsKey(tc.v...), 2)
			if got := len(h.keys) == 1; got != tc.packed {
				t.Errorf("packed %v, want %v", got, tc.packed)
			}
			want := map[string]int{CountsKey(tc.v...): 3}
			if got := maps.Collect(h.All()); !reflect.DeepEqual(got, want) {
				t.Errorf("holds %v, want %v", got, want)
			}
		})
	}
}

// TestHistogramCountsPast32Bits: a vector's units past what its 32-bit
// count takes wait in recent, in a small histogram and a large one, added
// and merged, and count in full.
func TestHistogramCountsPast32Bits(t *testing.T) {
	for _, size := range []int{3, 3 * directInserts} {
		var h, o Histogram
		for i := range size {
			h.Add(i, 1)
			o.Add(i, 1)
		}
		h.addKey("0,1", math.MaxUint32)
		h.addKey("1,1", math.MaxUint32+5)
		h.addKey("7777,1", 3<<32)
		o.addKey("1,1", math.MaxUint32)
		for i := range 9 * size { // enough new vectors to settle
			h.Add(size+i, 2)
		}
		h.merge(&o)
		got := maps.Collect(h.All())
		// h's and o's one unit each beside what was added by key.
		for k, want := range map[string]int{"0,1": math.MaxUint32 + 2, "1,1": 2*math.MaxUint32 + 7, "7777,1": 3 << 32, "2,1": 2, fmt.Sprintf("%d,2", size): 1} {
			if got[k] != want {
				t.Errorf("size %d: %s holds %d units, want %d", size, k, got[k], want)
			}
		}
		if h.Len() != len(got) {
			t.Errorf("size %d: Len %d, All yields %d", size, h.Len(), len(got))
		}
	}
}

// TestHistogramAgreesWithMap: random vectors and keys (of one width and
// of several, small and large, and keys that are not a CountsKey) give the
// counts, the JSON and the merge of a map by key, and read back to it.
func TestHistogramAgreesWithMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	count := func() int {
		switch rng.IntN(10) {
		case 0:
			return rng.IntN(1 << 40)
		case 1:
			return 200 + rng.IntN(100)
		}
		return rng.IntN(4)
	}
	key := func(width int) (string, []int) {
		if rng.IntN(50) == 0 {
			return []string{"x", "01,2", "+1,2", "", "1,,2", "-3"}[rng.IntN(6)], nil
		}
		v := make([]int, width)
		for i := range v {
			v[i] = count()
		}
		return CountsKey(v...), v
	}
	for trial := range 300 {
		widths := []int{1 + rng.IntN(10)}
		if trial%3 == 0 {
			widths = append(widths, 1+rng.IntN(10))
		}
		var a, b Histogram
		want, wantA := map[string]int{}, map[string]int{}
		size := 1 + rng.IntN(200)
		if trial%4 == 1 {
			size = 1 + rng.IntN(20*directInserts) // past the direct inserts: settle
		}
		for i := range size {
			k, v := key(widths[rng.IntN(len(widths))])
			h := &a
			if i%2 == 1 {
				h = &b
			} else {
				wantA[k]++
			}
			if v != nil && rng.IntN(2) == 0 {
				h.Add(v...)
			} else {
				h.addKey(k, 1)
			}
			want[k]++
		}
		if got := maps.Collect(a.All()); !reflect.DeepEqual(got, wantA) || a.Len() != len(wantA) {
			t.Fatalf("trial %d: holds %v, want %v", trial, got, wantA)
		}
		a.merge(&b)
		if got := maps.Collect(a.All()); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: merged holds %v, want %v", trial, got, want)
		}
		got, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if wantJSON, _ := json.Marshal(want); string(got) != string(wantJSON) {
			t.Fatalf("trial %d: writes %s, want %s", trial, got, wantJSON)
		}
		var back Histogram
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatal(err)
		}
		if got := maps.Collect(back.All()); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: reads back %v, want %v", trial, got, want)
		}
	}
}

// BenchmarkHistogramMemory reports the heap a histogram of n distinct
// pairs holds per pair, against a map by CountsKey: what Histogram's
// comment says.
func BenchmarkHistogramMemory(b *testing.B) {
	const n = 100_000
	for _, packed := range []bool{true, false} {
		b.Run("packed="+strconv.FormatBool(packed), func(b *testing.B) {
			var perPair float64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				var h Histogram
				m := map[string]int{}
				for i := range n {
					if packed {
						h.Add(i%317, i/317)
					} else {
						m[CountsKey(i%317, i/317)]++
					}
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				perPair = float64(after.HeapAlloc-before.HeapAlloc) / n
				runtime.KeepAlive(&h)
				runtime.KeepAlive(m)
			}
			b.ReportMetric(perPair, "bytes/pair")
		})
	}
}
