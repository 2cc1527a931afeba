package framing

import (
	"bytes"
	"encoding/json"
	"iter"
	"maps"
	"math"
	"slices"
	"strings"
)

// Histogram counts a group's units by their vector of counts (a unit's
// pos and neg, its label counts of one concept, an indicator's k of n).
// In a file it is an object from each vector's CountsKey ("2,0,1") to its
// number of units. In memory a vector whose counts fit in 64/k bits each
// (k counts, k ≤ 8) is one 64-bit key, kept with a 32-bit count in two
// sorted slices: 14 bytes a vector with the slack, where a map by key took
// 24 and a map by CountsKey 50 (BenchmarkHistogramMemory). By string
// the histograms were the largest thing a scoring run kept, and they grow
// with the number of distinct vectors (on 800 MB of Russian 164,000 of
// them). Any other vector, and any key read from a file that is not a
// CountsKey (which Tally.Check reports), is kept by its key.
//
// The zero Histogram is empty; a nil *Histogram reads as empty.
type Histogram struct {
	width int // counts in each packed vector (0: none yet)
	// keys are the packed vectors in order, counts their units. A
	// vector new to a large histogram waits in recent until recent holds
	// an eighth as many as keys, and they are merged in at once (settle),
	// so that adding one costs no copy of the slices; recent also holds
	// what a count would take past 2³²−1. A vector's units are its count
	// and its units in recent.
	keys   []uint64
	counts []uint32
	recent map[uint64]int
	byKey  map[string]int // every other key
}

// directInserts is the size up to which a new vector goes straight into a
// histogram's sorted slices.
const directInserts = 512

// maxPacked is the most counts a packed key holds: 8 bits each.
const maxPacked = 8

// Add counts one unit with the counts v.
func (h *Histogram) Add(v ...int) {
	if p, ok := h.pack(v); ok {
		h.addPacked(p, 1)
		return
	}
	h.addKey(CountsKey(v...), 1)
}

// addKey counts n units under key, packed when key is the CountsKey of a
// vector that packs, so that one vector is counted under one key however
// it came in.
func (h *Histogram) addKey(key string, n int) {
	if v, err := ParseCountsKey(key, strings.Count(key, ",")+1); err == nil {
		if p, ok := h.pack(v); ok {
			h.addPacked(p, n)
			return
		}
	}
	if h.byKey == nil {
		h.byKey = map[string]int{}
	}
	h.byKey[key] += n
}

// addPacked counts n units of the packed vector p.
func (h *Histogram) addPacked(p uint64, n int) {
	i, found := slices.BinarySearch(h.keys, p)
	switch {
	case found && uint64(h.counts[i])+uint64(n) <= math.MaxUint32:
		h.counts[i] += uint32(n)
		return
	case !found && len(h.keys) < directInserts && uint64(n) <= math.MaxUint32:
		h.keys = slices.Insert(h.keys, i, p)
		h.counts = slices.Insert(h.counts, i, uint32(n))
		return
	}
	if h.recent == nil {
		h.recent = map[uint64]int{}
	}
	h.recent[p] += n
	if len(h.recent) > len(h.keys)/8 {
		h.settle()
	}
}

// settle merges the vectors waiting in recent into the sorted slices, in
// slices of the size they need; what a count cannot take stays.
func (h *Histogram) settle() {
	waiting := slices.Sorted(maps.Keys(h.recent))
	keys := make([]uint64, 0, len(h.keys)+len(waiting))
	counts := make([]uint32, 0, len(h.keys)+len(waiting))
	i := 0
	for _, p := range waiting {
		for ; i < len(h.keys) && h.keys[i] < p; i++ {
			keys, counts = append(keys, h.keys[i]), append(counts, h.counts[i])
		}
		c := uint64(0)
		if i < len(h.keys) && h.keys[i] == p {
			c = uint64(h.counts[i])
			i++
		}
		n := uint64(h.recent[p])
		if c+n <= math.MaxUint32 {
			c += n
			delete(h.recent, p)
		}
		if c > 0 || h.recent[p] == 0 {
			keys, counts = append(keys, p), append(counts, uint32(c))
		}
	}
	keys, counts = append(keys, h.keys[i:]...), append(counts, h.counts[i:]...)
	h.keys, h.counts = keys, counts
	if len(h.recent) == 0 {
		h.recent = nil
	}
}

// pack returns v as one key and whether it packs: the histogram's first
// packed vector sets the width, and a vector of another width, a negative
// count or one too large for its bits does not pack.
func (h *Histogram) pack(v []int) (uint64, bool) {
	if len(v) == 0 || len(v) > maxPacked || (h.width != 0 && len(v) != h.width) {
		return 0, false
	}
	bits := 64 / len(v)
	var p uint64
	for _, x := range v {
		if x < 0 || (bits < 64 && x >= 1<<bits) {
			return 0, false
		}
		p = p<<bits | uint64(x)
	}
	h.width = len(v)
	return p, true
}

// unpack is the CountsKey of a packed key.
func (h *Histogram) unpack(p uint64) string {
	bits := 64 / h.width
	v := make([]int, h.width)
	for i := h.width - 1; i >= 0; i-- {
		v[i] = int(p & (1<<bits - 1)) // all of p when bits is 64
		p >>= bits
	}
	return CountsKey(v...)
}

// All yields every key and its number of units, in no order.
func (h *Histogram) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		if h == nil {
			return
		}
		for p, n := range h.packed() {
			if !yield(h.unpack(p), n) {
				return
			}
		}
		for k, n := range h.byKey {
			if !yield(k, n) {
				return
			}
		}
	}
}

// packed yields every packed vector and its units, once each.
func (h *Histogram) packed() iter.Seq2[uint64, int] {
	return func(yield func(uint64, int) bool) {
		for i, p := range h.keys {
			if !yield(p, int(h.counts[i])+h.recent[p]) {
				return
			}
		}
		for p, n := range h.recent {
			if _, found := slices.BinarySearch(h.keys, p); !found && !yield(p, n) {
				return
			}
		}
	}
}

// Len is the number of keys.
func (h *Histogram) Len() int {
	if h == nil {
		return 0
	}
	n := len(h.byKey)
	for range h.packed() {
		n++
	}
	return n
}

// merge adds o's units to h: packed keys of one width as they are, the
// rest by their keys (addKey packs what h can).
func (h *Histogram) merge(o *Histogram) {
	if o == nil {
		return
	}
	if h.width == 0 || h.width == o.width {
		if o.width != 0 {
			h.width = o.width
		}
		for p, n := range o.packed() {
			h.addPacked(p, n)
		}
	} else {
		for p, n := range o.packed() {
			h.addKey(o.unpack(p), n)
		}
	}
	for k, n := range o.byKey {
		h.addKey(k, n)
	}
}

// histogramOf is the histogram of the keys and counts of m.
func histogramOf(m map[string]int) *Histogram {
	h := &Histogram{}
	for k, n := range m {
		h.addKey(k, n)
	}
	return h
}

// MarshalJSON writes the histogram as the object of its keys, as
// encoding/json writes a map[string]int: keys in order, text as it is.
func (h Histogram) MarshalJSON() ([]byte, error) {
	m := make(map[string]int, h.Len())
	for k, n := range h.All() {
		m[k] = n
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads the object MarshalJSON writes. Its keys are checked
// by Tally.Check, as they were when a histogram was a map.
func (h *Histogram) UnmarshalJSON(b []byte) error {
	var m map[string]int
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*h = *histogramOf(m)
	return nil
}
