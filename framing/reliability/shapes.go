package reliability

// shapes is a filter of words by their shape: a word added always passes,
// and few others do, since one must have the length of a word added with
// the same first byte, of one with the same second byte and of one with
// the same last byte. Most words the rules look up are in no list; the
// filter tells most of them so with three loads from a table, without
// hashing the word.
type shapes struct {
	// first, second and last hold, for each byte, the lengths (bits 1 to
	// 63, 63 for all longer) of the words added with that byte there.
	first, second, last [256]uint64
}

func (f *shapes) add(w string) {
	if w == "" {
		return
	}
	n := lengthBit(w)
	f.first[w[0]] |= n
	f.second[w[min(1, len(w)-1)]] |= n
	f.last[w[len(w)-1]] |= n
}

// has reports whether w may have been added: false means it was not.
func (f *shapes) has(w string) bool {
	if w == "" {
		return false
	}
	n := lengthBit(w)
	return f.first[w[0]]&n != 0 && f.last[w[len(w)-1]]&n != 0 && f.second[w[min(1, len(w)-1)]]&n != 0
}

// lengthBit is the bit of a word's length in shapes' tables.
func lengthBit(w string) uint64 { return 1 << min(len(w), 63) }
