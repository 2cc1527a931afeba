package framing

import (
	"bytes"
	"encoding/json"
	"iter"
	"strings"
)

// Histogram counts a group's units by their vector of counts (a unit's
// pos and neg, its label counts of one concept, an indicator's k of n).
// In a file it is an object from each vector's CountsKey ("2,0,1") to its
// number of units. In memory a vector whose counts fit in 64/k bits each
// (k counts, k ≤ 8) is one 64-bit key: 24 bytes a vector where a map by
// CountsKey took 50 (BenchmarkHistogramMemory). By string the histograms
// were the largest thing a scoring run kept, and they grow with the
// number of distinct vectors: peak RSS on the 200 MB generated corpus
// 63.5 → 55.9 MB, on 800 MB 79.2 → 67.5 MB. Any other vector, and any key
// read from a file that is not a CountsKey (which Tally.Check reports),
// is kept by its key.
//
// The zero Histogram is empty; a nil *Histogram reads as empty.
type Histogram struct {
	width  int            // counts in each packed vector (0: none yet)
	packed map[uint64]int // vectors of width counts, packed (pack)
	byKey  map[string]int // every other key
}

// maxPacked is the most counts a packed key holds: 8 bits each.
const maxPacked = 8

// Add counts one unit with the counts v.
func (h *Histogram) Add(v ...int) {
	if p, ok := h.pack(v); ok {
		if h.packed == nil {
			h.packed = map[uint64]int{}
		}
		h.packed[p]++
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
			if h.packed == nil {
				h.packed = map[uint64]int{}
			}
			h.packed[p] += n
			return
		}
	}
	if h.byKey == nil {
		h.byKey = map[string]int{}
	}
	h.byKey[key] += n
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
		for p, n := range h.packed {
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

// Len is the number of keys.
func (h *Histogram) Len() int {
	if h == nil {
		return 0
	}
	return len(h.packed) + len(h.byKey)
}

// merge adds o's units to h: packed keys of one width as they are, the
// rest by their keys (addKey packs what h can).
func (h *Histogram) merge(o *Histogram) {
	if o == nil {
		return
	}
	if len(o.packed) > 0 && (h.width == 0 || h.width == o.width) {
		h.width = o.width
		if h.packed == nil {
			h.packed = make(map[uint64]int, len(o.packed))
		}
		for p, n := range o.packed {
			h.packed[p] += n
		}
	} else {
		for p, n := range o.packed {
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
