package framing

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// Fingerprint records exactly which documents a tally counted, compactly:
// the 64-bit FNV-1a hashes of their ids, sorted. It is a multiset (two ids
// with one hash, which for a million ids happens with odds of about 1 in
// 37 million, are both kept), so its count is always the number of
// documents. Two tallies whose fingerprints share a hash share a document,
// save for such a collision.
//
// In JSON it is {"count": N, "hashes": "..."}: the sorted hashes as
// differences from the one before (the first from 0), each an unsigned
// varint (encoding/binary), the bytes in standard base64. For N random
// hashes a difference takes about 64 − log₂ N bits, so a million ids take
// some 9 MB of base64.
type Fingerprint struct {
	hashes []uint64
	sorted bool // hashes are in order
}

// fnv1a is the 64-bit FNV-1a hash of s (Fowler, Noll and Vo; as hash/fnv's
// New64a, without its allocation).
func fnv1a(s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}

// Add records the document with this id.
func (f *Fingerprint) Add(id string) {
	f.hashes = append(f.hashes, fnv1a(id))
	f.sorted = len(f.hashes) == 1
}

// Count is the number of documents recorded.
func (f *Fingerprint) Count() int { return len(f.hashes) }

// union adds o's documents to f.
func (f *Fingerprint) union(o *Fingerprint) {
	if len(o.hashes) == 0 {
		return
	}
	f.hashes = append(f.hashes, o.hashes...)
	f.sorted = len(f.hashes) == len(o.hashes) && o.sorted
}

// inOrder returns the hashes sorted, sorting them in place once.
func (f *Fingerprint) inOrder() []uint64 {
	if !f.sorted {
		slices.Sort(f.hashes)
		f.sorted = true
	}
	return f.hashes
}

// shared counts the hashes two sorted multisets have in common.
func shared(a, b []uint64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// FingerprintFile is a Fingerprint as its MarshalJSON writes it; the
// output schema is made from it.
type FingerprintFile struct {
	Count  int    `json:"count"`
	Hashes string `json:"hashes"`
}

// MarshalJSON writes {"count": N, "hashes": "..."}; the same documents give
// the same bytes, in whatever order they were added or merged.
func (f Fingerprint) MarshalJSON() ([]byte, error) {
	h := f.hashes
	if !f.sorted {
		h = slices.Sorted(slices.Values(f.hashes))
	}
	buf := make([]byte, 0, len(h)*9)
	var prev uint64
	for _, x := range h {
		buf = binary.AppendUvarint(buf, x-prev)
		prev = x
	}
	return json.Marshal(FingerprintFile{Count: len(h), Hashes: base64.StdEncoding.EncodeToString(buf)})
}

// UnmarshalJSON reads what MarshalJSON writes, and checks that the count
// is the number of hashes.
func (f *Fingerprint) UnmarshalJSON(b []byte) error {
	var in FingerprintFile
	if err := json.Unmarshal(b, &in); err != nil {
		return errors.New("not a fingerprint: want {\"count\": N, \"hashes\": \"...\"}")
	}
	raw, err := base64.StdEncoding.DecodeString(in.Hashes)
	if err != nil {
		return errors.New("fingerprint hashes are not base64")
	}
	if in.Count < 0 || in.Count > len(raw) {
		return fmt.Errorf("fingerprint counts %d documents but holds at most %d hashes", in.Count, len(raw))
	}
	h := make([]uint64, 0, in.Count)
	var prev uint64
	for len(raw) > 0 {
		d, n := binary.Uvarint(raw)
		if n <= 0 {
			return errors.New("fingerprint hashes end inside a number")
		}
		if prev+d < prev {
			return errors.New("fingerprint hashes run past 2^64")
		}
		prev += d
		h = append(h, prev)
		raw = raw[n:]
	}
	if len(h) != in.Count {
		return fmt.Errorf("fingerprint counts %d documents but holds %d hashes", in.Count, len(h))
	}
	f.hashes, f.sorted = h, true
	return nil
}

// OverlapError says that two tallies counted some of the same documents:
// merging them would count those twice.
type OverlapError struct {
	Shared int // documents (ids, by their hash) in both
}

func (e *OverlapError) Error() string {
	return fmt.Sprintf("the tallies share %s: the same shard twice, or shards that overlap (give each document's shard once)", idCount(e.Shared))
}

// idCount is "1 document id" or "n document ids".
func idCount(n int) string {
	if n == 1 {
		return "1 document id"
	}
	return fmt.Sprintf("%d document ids", n)
}

// allHashes are the hashes of every group of t, sorted.
func (t *Tally) allHashes() []uint64 {
	var h []uint64
	for _, g := range t.Groups {
		h = append(h, g.Fingerprint.inOrder()...)
	}
	slices.Sort(h)
	return h
}
