package corpus

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"slices"
	"sort"

	"github.com/bits-and-blooms/bloom/v3"
	"github.com/framingkit/framing/internal/spill"
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

// idKeySize is the bytes of a key on disk: hi then lo, big-endian, so that
// the bytes sort as the keys do.
const idKeySize = 16

func (a idKey) bytes(b *[idKeySize]byte) []byte {
	binary.BigEndian.PutUint64(b[:8], a.hi)
	binary.BigEndian.PutUint64(b[8:], a.lo)
	return b[:]
}

func idKeyOf(b []byte) idKey {
	return idKey{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:16])}
}

// idSet is a set of id keys: at most a budget of them in memory, the rest
// in sorted runs on disk (idRun), so that the duplicate check, the one
// thing a read keeps per document, does not grow with the corpus beyond
// the runs' Bloom filters and indexes (about 1.3 bytes a key).
//
// In memory the keys take 16 to 20 bytes each (the live heap after a
// collection, measured every 50,000 keys from 200,000 to 2 million; see
// also BenchmarkIDSetMemory), and 32 for a moment while a merge holds the
// old sorted slice and the new: a Go map of the keys holds about 40 bytes
// per entry. New keys go into a small map; when it holds an eighth as many
// as the sorted slice (at least minIDBatch), the two are merged, so each
// key is copied about nine times before it spills.
//
// When the keys in memory reach the budget they are written as a run, and
// runs of like size are merged (size-tiered: a run at least a quarter the
// size of the one before it is merged into it), so there are about
// log₄(n/budget) runs and each key is rewritten as often. A key is looked
// for in a run only when the run's filter says it may be there (1 % of the
// keys that are not), and then in the one block the index points at.
//
// A temporary file that cannot be made or written (a missing or read-only
// TMPDIR, a full disk) loses nothing: the keys stay in memory, as before
// there were runs, for the rest of the set's life (spillErr says why). A
// run that cannot be read back leaves has without an answer: it returns
// the error.
type idSet struct {
	sorted []idKey
	recent map[idKey]struct{}
	runs   []idRun // oldest and largest first
	// budget is the keys held in memory before they spill; 0:
	// defaultIDBudget.
	budget   int
	spillErr error
	block    []byte // a block of a run, read for a lookup
}

// minIDBatch is the smallest batch merged into the sorted slice.
const minIDBatch = 1 << 12

// defaultIDBudget is the keys an idSet holds in memory, 256 KiB of them:
// runs of some thousands of documents never touch the disk, and a run's
// memory stops growing early (from 65,536 keys down to this, peak RSS on
// 800 MB of Russian 66.7 → 65.1 MB, time unchanged).
const defaultIDBudget = 1 << 14

// idBlock is the keys of a run per entry of its index: a lookup reads 4 KiB.
const idBlock = 256

// idFalsePositives is the share of absent keys a run's Bloom filter lets
// through to a read of its block: 1 %, 9.6 bits a key.
const idFalsePositives = 0.01

// idRun is a sorted run of keys on disk, in a temporary file of its own
// (freed when the run is merged into another), with a Bloom filter of
// its keys and the first key of each block of idBlock keys.
type idRun struct {
	run    spill.Run
	filter *bloom.BloomFilter
	index  []idKey
}

// has says whether k is in the set.
func (s *idSet) has(k idKey) (bool, error) {
	if _, ok := s.recent[k]; ok {
		return true, nil
	}
	if _, ok := slices.BinarySearchFunc(s.sorted, k, idKey.compare); ok {
		return true, nil
	}
	if len(s.runs) == 0 {
		return false, nil
	}
	var kb [idKeySize]byte
	key := k.bytes(&kb)
	for i := range s.runs {
		if !s.runs[i].filter.Test(key) {
			continue
		}
		if ok, err := s.inRun(&s.runs[i], k, key); ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}

// inRun looks for k (key in bytes) in the block of r where it would be.
func (s *idSet) inRun(r *idRun, k idKey, key []byte) (bool, error) {
	b, ok := slices.BinarySearchFunc(r.index, k, idKey.compare)
	if ok {
		return true, nil
	}
	if b == 0 {
		return false, nil // before the run's first key
	}
	b--
	first := int64(b) * idBlock
	n := min(int64(idBlock), r.run.Len()-first)
	if cap(s.block) < idBlock*idKeySize {
		s.block = make([]byte, idBlock*idKeySize)
	}
	block := s.block[:n*idKeySize]
	if err := r.run.ReadKeys(block, first); err != nil {
		return false, err
	}
	at := func(i int) []byte { return block[i*idKeySize : (i+1)*idKeySize] }
	i := sort.Search(int(n), func(i int) bool { return bytes.Compare(at(i), key) >= 0 })
	return i < int(n) && bytes.Equal(at(i), key), nil
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
	if s.spillErr == nil && len(s.sorted)+len(s.recent) >= s.limit() {
		s.spill()
	}
}

func (s *idSet) limit() int {
	if s.budget > 0 {
		return s.budget
	}
	return defaultIDBudget
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

// spill writes the keys in memory as a run, then merges runs of like
// size. On a failure the keys stay where they were.
func (s *idSet) spill() {
	if len(s.recent) > 0 {
		s.merge()
	}
	r, err := writeIDRun(func(yield func(idKey) bool) {
		for _, k := range s.sorted {
			if !yield(k) {
				return
			}
		}
	}, len(s.sorted))
	if err != nil {
		s.spillErr = err
		return
	}
	s.sorted = nil
	s.runs = append(s.runs, r)
	for len(s.runs) >= 2 {
		last, prev := s.runs[len(s.runs)-1], s.runs[len(s.runs)-2]
		if last.run.Len()*4 < prev.run.Len() {
			break
		}
		merged, err := mergeIDRuns(prev, last)
		if err != nil {
			s.spillErr = err // the two runs stay as they are
			return
		}
		prev.run.File().Close()
		last.run.File().Close()
		s.runs = append(s.runs[:len(s.runs)-2], merged)
	}
}

// writeIDRun writes n sorted keys as a run in a file of its own, with its
// filter and index.
func writeIDRun(keys func(yield func(idKey) bool), n int) (idRun, error) {
	f, err := spill.Create()
	if err != nil {
		return idRun{}, err
	}
	r := idRun{filter: bloom.NewWithEstimates(uint(max(n, 1)), idFalsePositives)}
	w := f.NewWriter(idKeySize)
	var kb [idKeySize]byte
	i := 0
	for k := range keys {
		b := k.bytes(&kb)
		w.Add(b)
		r.filter.Add(b)
		if i%idBlock == 0 {
			r.index = append(r.index, k)
		}
		i++
	}
	if r.run, err = w.Finish(); err != nil {
		f.Close()
		return idRun{}, err
	}
	return r, nil
}

// mergeIDRuns writes the keys of a and b as one run.
func mergeIDRuns(a, b idRun) (idRun, error) {
	m := spill.Merge([]spill.Run{a.run, b.run}, 2*idBlock*idKeySize)
	r, err := writeIDRun(func(yield func(idKey) bool) {
		for key, ok := m.Next(); ok; key, ok = m.Next() {
			if !yield(idKeyOf(key)) {
				return
			}
		}
	}, int(a.run.Len()+b.run.Len()))
	if err == nil && m.Err() != nil {
		r.run.File().Close()
		return idRun{}, m.Err()
	}
	return r, err
}

// len is the number of keys in the set.
func (s *idSet) len() int {
	n := len(s.sorted) + len(s.recent)
	for _, r := range s.runs {
		n += int(r.run.Len())
	}
	return n
}

// close frees the set's runs; the set is empty after.
func (s *idSet) close() {
	for _, r := range s.runs {
		r.run.File().Close()
	}
	*s = idSet{budget: s.budget}
}
