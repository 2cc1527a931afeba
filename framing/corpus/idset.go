package corpus

import (
	"maps"
	"slices"
)

// idSet is a set of 64-bit id hashes in about 12 bytes each, so that the
// duplicate check, the one thing a read keeps per document, stays small: a
// Go map of them holds 28 to 38 bytes per entry (measured at 42,000 to a
// million). New hashes go into a small map; when it holds an eighth as many
// as the sorted slice (at least minIDBatch), the two are merged, so each
// hash is copied about nine times over a run.
type idSet struct {
	sorted []uint64
	recent map[uint64]struct{}
}

// minIDBatch is the smallest batch merged into the sorted slice.
const minIDBatch = 1 << 12

func (s *idSet) has(h uint64) bool {
	if _, ok := s.recent[h]; ok {
		return true
	}
	_, ok := slices.BinarySearch(s.sorted, h)
	return ok
}

// add adds h, which must not be in the set.
func (s *idSet) add(h uint64) {
	if s.recent == nil {
		s.recent = make(map[uint64]struct{})
	}
	s.recent[h] = struct{}{}
	if len(s.recent) >= max(minIDBatch, len(s.sorted)/8) {
		s.merge()
	}
}

func (s *idSet) merge() {
	batch := slices.Sorted(maps.Keys(s.recent))
	out := make([]uint64, 0, len(s.sorted)+len(batch))
	i, j := 0, 0
	for i < len(s.sorted) && j < len(batch) {
		if s.sorted[i] < batch[j] {
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
