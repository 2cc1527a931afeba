package syndication

import (
	"github.com/framingkit/framing/token"

	"hash/fnv"
	"math"
)

// ShingleWords is the length of a shingle in words.
const ShingleWords = 8

// Index collects documents' shingles. The zero Index is ready to use.
//
// An Index is not safe for concurrent use, not even by Clusters and Copied
// alone: they keep the last linking, so that Copied asked for each document
// in turn does not recount the pairs each time.
type Index struct {
	docs []doc
	byID map[string]int32 // the first document added under each id
	// first maps a shingle hash to the first document holding it and more to
	// the further ones, in the order added. Most shingles occur in one
	// document only, and a map entry to one int32 costs a fraction of a slice.
	first map[uint64]int32
	more  map[uint64][]int32
	memo  *linking // the last linking; nil after Add
}

// doc is one indexed document.
type doc struct {
	id, outlet, order string
	hashes            []uint64 // shingle k covers own[k : k+ShingleWords]
	own               []ownTok
	distinct          int // distinct hashes
}

// ownTok is where an own-voice token stands: its index among all tokens,
// which tells whether two runs touch, and its byte offsets for the spans.
type ownTok struct {
	idx, start, end int32
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{
		byID:  make(map[string]int32),
		first: make(map[uint64]int32),
		more:  make(map[uint64][]int32),
	}
}

// Add indexes one document: the own-voice words of toks. order is the
// document's place for "first published": documents are ordered by
// (order, id), so the caller may pass the date string ("2023-06-25", or ""
// when unknown) as order.
//
// A second Add under an id already added indexes a separate document; it
// takes part in clusters like any other, ordered after the first by
// insertion when order and id tie, but Copied(id) addresses the first.
//
// Add panics when a token offset does not fit in 32 bits (a text over 2
// GiB), a mistake of the calling program.
func (x *Index) Add(id, outlet, order string, toks []token.Token) {
	if len(toks) > math.MaxInt32 || len(x.docs) >= math.MaxInt32 {
		panic("syndication: too many tokens or documents")
	}
	if x.byID == nil {
		x.byID = make(map[string]int32)
		x.first = make(map[uint64]int32)
		x.more = make(map[uint64][]int32)
	}
	x.memo = nil
	n := int32(len(x.docs))
	if _, ok := x.byID[id]; !ok {
		x.byID[id] = n
	}

	d := doc{id: id, outlet: outlet, order: order}
	var norms []string
	for i, t := range toks {
		if !t.Voice.Prose() {
			continue
		}
		if int(int32(t.Start)) != t.Start || int(int32(t.End)) != t.End {
			panic("syndication: token offset does not fit in 32 bits")
		}
		d.own = append(d.own, ownTok{idx: int32(i), start: int32(t.Start), end: int32(t.End)})
		norms = append(norms, t.Norm)
	}
	if len(norms) >= ShingleWords {
		d.hashes = make([]uint64, 0, len(norms)-ShingleWords+1)
	}
	h := fnv.New64a()
	var buf []byte
	for k := 0; k+ShingleWords <= len(norms); k++ {
		buf = buf[:0]
		for _, w := range norms[k : k+ShingleWords] {
			buf = append(buf, w...)
			buf = append(buf, 0xFF)
		}
		h.Reset()
		h.Write(buf)
		s := h.Sum64()
		d.hashes = append(d.hashes, s)
		if x.post(s, n) {
			d.distinct++
		}
	}
	x.docs = append(x.docs, d)
}

// post records that document n holds shingle s and reports whether that is
// new. n is the latest document, so it can only be the last one posted.
func (x *Index) post(s uint64, n int32) bool {
	f, ok := x.first[s]
	if !ok {
		x.first[s] = n
		return true
	}
	if f == n {
		return false
	}
	m := x.more[s]
	if len(m) > 0 && m[len(m)-1] == n {
		return false
	}
	x.more[s] = append(m, n)
	return true
}

// anyHolder reports whether some document holding shingle s satisfies ok.
func (x *Index) anyHolder(s uint64, ok func(int32) bool) bool {
	f, found := x.first[s]
	if !found {
		return false
	}
	if ok(f) {
		return true
	}
	for _, e := range x.more[s] {
		if ok(e) {
			return true
		}
	}
	return false
}
