package framing

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/framingkit/framing/internal/spill"
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
//
// The fingerprints of a tally's groups hold at most a budget of hashes in
// memory together (hashSpill); the rest are in sorted runs in a temporary
// file, which every reader of the hashes merges with those in memory.
type Fingerprint struct {
	hashes []uint64 // in memory
	sorted bool     // hashes are in order
	// runs are the hashes written to the tally's temporary file, each run
	// sorted.
	runs []spill.Run
	// store is the tally's, where the hashes go past its budget; nil: all
	// in memory (a fingerprint read from a file, or of one document).
	store *hashSpill
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
	if f.store != nil {
		f.store.added(1)
	}
}

// Count is the number of documents recorded.
func (f *Fingerprint) Count() int {
	n := len(f.hashes)
	for _, r := range f.runs {
		n += int(r.Len())
	}
	return n
}

// union adds o's documents to f. o's runs are shared, not copied: a run
// is never written again, and its file lives as long as a run of it.
func (f *Fingerprint) union(o *Fingerprint) {
	f.runs = append(f.runs, o.runs...)
	if len(o.hashes) == 0 {
		return
	}
	f.hashes = append(f.hashes, o.hashes...)
	f.sorted = len(f.hashes) == len(o.hashes) && o.sorted
	if f.store != nil {
		f.store.added(len(o.hashes))
	}
}

// inMemoryOrder returns the hashes in memory sorted, sorting them in place
// once.
func (f *Fingerprint) inMemoryOrder() []uint64 {
	if !f.sorted {
		slices.Sort(f.hashes)
		f.sorted = true
	}
	return f.hashes
}

// mergeBuffer is the memory a merge of spilled runs reads them with, in
// all.
const mergeBuffer = 1 << 20

// each calls yield with every hash, in order: those in memory (sorted in
// place) merged with the runs. The error is a run that could not be read
// back.
func (f *Fingerprint) each(yield func(uint64)) error {
	mem := f.inMemoryOrder()
	if len(f.runs) == 0 {
		for _, h := range mem {
			yield(h)
		}
		return nil
	}
	m := spill.Merge(f.runs, mergeBuffer)
	for key, ok := m.Next(); ok; key, ok = m.Next() {
		h := binary.BigEndian.Uint64(key)
		for len(mem) > 0 && mem[0] <= h {
			yield(mem[0])
			mem = mem[1:]
		}
		yield(h)
	}
	if m.Err() != nil {
		return fmt.Errorf("documents_fingerprint: %w", m.Err())
	}
	for _, h := range mem {
		yield(h)
	}
	return nil
}

// hashSpill is where the fingerprints of a tally's groups put their
// hashes past a budget they share (a tally of 60 groups holds one budget,
// not 60): one temporary file, which each spill appends a run of every
// group's hashes to. The runs are not merged while the tally grows, since
// nothing looks a hash up; the reader of a fingerprint merges them once,
// with what is in memory, each hash read once and written once.
//
// A temporary file that cannot be made or written (a missing or read-only
// TMPDIR, a full disk) loses nothing: the hashes stay in memory, as before
// there were runs, for the rest of the tally's life (err says why); the
// runs written before are kept. A run that cannot be read back is an error
// of whatever reads it (MarshalJSON, WriteTally, Merge).
//
// The file has no Close: it closes, and its disk space is freed, when no
// fingerprint holds a run of it any more (spill.File's cleanup), since
// tallies are made and dropped by many callers, and a merge shares the
// runs of the tally merged. On Unix its name is gone from the start.
type hashSpill struct {
	budget int // hashes in memory, all groups together
	// limit is when the next spill happens: the budget, or more while
	// groups too small to spill hold more than half of it.
	limit   int
	held    int
	members []*Fingerprint
	file    *spill.File
	err     error
}

// SpillErr says why the tally keeps its documents' fingerprint hashes in
// memory past the budget, nil when it does not: a temporary file could not
// be made or written (a missing or read-only TMPDIR, a full disk). The
// tally is the same; only memory grows.
func (t *Tally) SpillErr() error {
	if t.hashSpill == nil {
		return nil
	}
	return t.hashSpill.err
}

// Note is what a run's summary says of the tally (Summary.AddNote): that
// it kept its documents' fingerprint hashes in memory, and why; "" when it
// did not.
func (t *Tally) Note() string {
	if err := t.SpillErr(); err != nil {
		return fmt.Sprintf("the tally kept every document's fingerprint hash in memory: %v", err)
	}
	return ""
}

// defaultHashBudget is the hashes the fingerprints of a tally hold in
// memory, 128 KiB of them: runs of some thousands of documents never
// touch the disk (see defaultIDBudget).
const defaultHashBudget = 1 << 14

func newHashSpill(budget int) *hashSpill {
	return &hashSpill{budget: budget, limit: budget}
}

// keep makes s hold f's hashes past the budget; f holds none yet.
func (s *hashSpill) keep(f *Fingerprint) {
	f.store = s
	s.members = append(s.members, f)
}

// added counts n more hashes in memory, and spills when they pass the
// limit.
func (s *hashSpill) added(n int) {
	s.held += n
	if s.held > s.limit && s.err == nil {
		s.spill()
	}
}

// spill writes the hashes in memory of every group holding at least a
// 256th of the budget as a run (smaller ones stay: a group's spill is one
// run however small, and many small runs would each cost a merge a
// buffer). On a failure nothing moves.
func (s *hashSpill) spill() {
	minRun := max(1, s.budget>>8)
	if s.file == nil {
		if s.file, s.err = spill.Create(); s.err != nil {
			s.file = nil
			return
		}
	}
	type written struct {
		f   *Fingerprint
		run spill.Run
	}
	var done []written
	var key [8]byte
	for _, f := range s.members {
		if f.store != s || len(f.hashes) < minRun {
			continue
		}
		w := s.file.NewWriter(len(key))
		for _, h := range f.inMemoryOrder() {
			binary.BigEndian.PutUint64(key[:], h)
			w.Add(key[:])
		}
		run, err := w.Finish()
		if err != nil {
			s.err = err
			return
		}
		done = append(done, written{f, run})
	}
	for _, d := range done {
		d.f.runs = append(d.f.runs, d.run)
		d.f.hashes, d.f.sorted = nil, false
	}
	s.held = 0
	for _, f := range s.members {
		if f.store == s {
			s.held += len(f.hashes)
		}
	}
	s.limit = max(s.budget, 2*s.held)
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
	var b bytes.Buffer
	if err := f.writeHashes(&b); err != nil {
		return nil, err
	}
	return json.Marshal(FingerprintFile{Count: f.Count(), Hashes: b.String()})
}

// writeHashes writes the hashes as the file holds them: sorted, as
// differences in varints, in base64. f is a copy, so the hashes in memory
// are sorted in a copy when they are not in order.
func (f Fingerprint) writeHashes(w io.Writer) error {
	if !f.sorted {
		f.hashes = slices.Sorted(slices.Values(f.hashes))
		f.sorted = true
	}
	enc := base64.NewEncoder(base64.StdEncoding, w)
	buf := make([]byte, 0, min(f.Count()*binary.MaxVarintLen64, 64<<10))
	var prev uint64
	var werr error
	err := f.each(func(h uint64) {
		if len(buf)+binary.MaxVarintLen64 > cap(buf) {
			if _, e := enc.Write(buf); werr == nil {
				werr = e
			}
			buf = buf[:0]
		}
		buf = binary.AppendUvarint(buf, h-prev)
		prev = h
	})
	if _, e := enc.Write(buf); werr == nil {
		werr = e
	}
	return cmp.Or(err, werr, enc.Close())
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
	*f = Fingerprint{hashes: h, sorted: true}
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
func (t *Tally) allHashes() ([]uint64, error) {
	var h []uint64
	for _, g := range t.Groups {
		if err := g.Fingerprint.each(func(x uint64) { h = append(h, x) }); err != nil {
			return nil, err
		}
	}
	slices.Sort(h)
	return h, nil
}
