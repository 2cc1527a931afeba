package corpus

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"slices"
)

// idKey is the 128-bit hash of a document id: the first 16 bytes of its
// SHA-256. The duplicate check keeps it, not the id: two of n ids share a
// key with odds of about n²/2¹²⁹ (3 in 10²⁷ for a million documents, 3 in
// 10¹⁹ for ten billion), where the 64-bit FNV-1a hash it replaced gave n²/2⁶⁵
// (1 in 40 million for a million), and a pair of ids sharing an FNV-1a
// hash is found in minutes (TestReadIDsSharingFNV). SHA-256, not a seeded
// hash such as maphash, so that runs are the same from one to the next.
type idKey struct{ hi, lo uint64 }

func idHash(id string) idKey {
	sum := sha256.Sum256([]byte(id))
	return idKey{binary.BigEndian.Uint64(sum[:8]), binary.BigEndian.Uint64(sum[8:16])}
}

func (a idKey) compare(b idKey) int { return cmp.Or(cmp.Compare(a.hi, b.hi), cmp.Compare(a.lo, b.lo)) }

// idSet is a set of id keys in 16 to 20 bytes each (the live heap after a
// collection, measured every 50,000 keys from 200,000 to 2 million; see
// also BenchmarkIDSetMemory), and 32 for a moment while a merge holds the
// old sorted slice and the new, so that the duplicate check, the one
// thing a read keeps per document, stays small: a Go map of the keys
// holds about 40 bytes per entry. New keys go into a small map; when it
// holds an eighth as many as the sorted slice (at least minIDBatch), the
// two are merged, so each key is copied about nine times over a run.
type idSet struct {
	sorted []idKey
	recent map[idKey]struct{}
}

// minIDBatch is the smallest batch merged into the sorted slice.
const minIDBatch = 1 << 12

func (s *idSet) has(k idKey) bool {
	if _, ok := s.recent[k]; ok {
		return true
	}
	_, ok := slices.BinarySearchFunc(s.sorted, k, idKey.compare)
	return ok
}

// add adds k, which must not be in the set.
func (s *idSet) add(k idKey) {
	if s.recent == nil {
		s.recent = make(map[idKey]struct{})
	}
	s.recent[k] = struct{}{}
	if len(s.recent) >= max(minIDBatch, len(s.sorted)/8) {
		s.merge()
	}
}

func (s *idSet) merge() {
	batch := slices.SortedFunc(maps.Keys(s.recent), idKey.compare)
	out := make([]idKey, 0, len(s.sorted)+len(batch))
	i, j := 0, 0
	for i < len(s.sorted) && j < len(batch) {
		if s.sorted[i].compare(batch[j]) < 0 {
			out = append(out, s.sorted[i])
			i++
		} else {
			out = append(out, batch[j])
			j++
		}
	}
	out = append(append(out, s.sorted[i:]...), batch[j:]...)
	s.sorted = out
	s.recent = nil // a fresh map: a cleared one keeps its largest size
}

func (s *idSet) len() int { return len(s.sorted) + len(s.recent) }
