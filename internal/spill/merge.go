package spill

import "bytes"

// Merger reads several runs as one, in order: a k-way merge with a heap of
// the runs' next keys. Keys in more than one run are returned once for
// each.
type Merger struct {
	heap []head
	key  []byte // the key last returned
	err  error
}

type head struct {
	key []byte
	rd  *Reader
}

// Merge merges runs of one width, reading them with bufBytes of buffer
// in all (at least one key each).
func Merge(runs []Run, bufBytes int) *Merger {
	m := &Merger{}
	per := bufBytes / max(len(runs), 1)
	for _, r := range runs {
		rd := r.NewReader(per)
		if key, ok := rd.Next(); ok {
			m.heap = append(m.heap, head{key, rd})
		} else if rd.Err() != nil {
			m.err = rd.Err()
		}
	}
	for i := len(m.heap)/2 - 1; i >= 0; i-- {
		m.down(i)
	}
	return m
}

// Next returns the least key not yet returned, valid until the following
// call; false when every run is read, or on an error (Err).
func (m *Merger) Next() ([]byte, bool) {
	if m.err != nil || len(m.heap) == 0 {
		return nil, false
	}
	top := &m.heap[0]
	// The reader may refill its buffer, where the key lies, on the next
	// call: the key returned is a copy.
	m.key = append(m.key[:0], top.key...)
	next, ok := top.rd.Next()
	switch {
	case ok:
		top.key = next
		m.down(0)
	case top.rd.Err() != nil:
		m.err = top.rd.Err()
		return nil, false
	default:
		last := len(m.heap) - 1
		m.heap[0] = m.heap[last]
		m.heap = m.heap[:last]
		m.down(0)
	}
	return m.key, true
}

// Err is the error that ended the merge, if any.
func (m *Merger) Err() error { return m.err }

// down restores the heap order below i.
func (m *Merger) down(i int) {
	h := m.heap
	for {
		least := i
		if l := 2*i + 1; l < len(h) && bytes.Compare(h[l].key, h[least].key) < 0 {
			least = l
		}
		if r := 2*i + 2; r < len(h) && bytes.Compare(h[r].key, h[least].key) < 0 {
			least = r
		}
		if least == i {
			return
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
}
