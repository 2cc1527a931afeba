package lexicon

import "math/bits"

// globIndex finds the globs of a node that may match a token without
// trying each: a glob's prefix has three letters or more (ErrShortGlob),
// so the globs that match a word are among those whose prefix starts with
// the word's first bytes. (Testing the first byte alone let every Cyrillic
// word through, as each starts with 0xD0 or 0xD1, to a loop over all the
// globs of a root: a Russian voice rule has some thirty.)
type globIndex struct {
	// keyLen is how many first bytes a bucket is taken from: four where
	// every prefix of the node has four (two Cyrillic letters), else
	// three.
	keyLen int
	// buckets hold, by bucket, the globs (bit k: the node's globs[k])
	// whose prefix falls in it.
	buckets [globBuckets]uint64
	// sensitive holds the case-sensitive globs, which are matched against
	// a token's Form; the others against its Norm.
	sensitive uint64
}

// globBuckets is the number of buckets of globBucket.
const globBuckets = 256

// maxIndexedGlobs is the most globs a node's index holds; a node with more
// tries them all.
const maxIndexedGlobs = 64

// newGlobIndex indexes a node's globs; nil when there are none or too
// many.
func newGlobIndex(globs []globEdge) *globIndex {
	if len(globs) == 0 || len(globs) > maxIndexedGlobs {
		return nil
	}
	x := &globIndex{keyLen: globKeyLen(globs)}
	for k, g := range globs {
		b, _ := globBucket(g.prefix, x.keyLen)
		x.buckets[b] |= 1 << k
		if g.caseSensitive {
			x.sensitive |= 1 << k
		}
	}
	return x
}

// globKeyLen is the number of first bytes every prefix of globs has, up
// to four.
func globKeyLen(globs []globEdge) int {
	n := 4
	for _, g := range globs {
		n = min(n, len(g.prefix))
	}
	return n
}

// candidates are the globs (bit k: globs[k]) that may match a token with
// this norm and form: a superset of those that do. Taken from the lowest
// bit, they come in the node's order.
func (x *globIndex) candidates(norm, form string) uint64 {
	var c uint64
	if b, ok := globBucket(norm, x.keyLen); ok {
		c = x.buckets[b] &^ x.sensitive
	}
	if x.sensitive != 0 {
		if b, ok := globBucket(form, x.keyLen); ok {
			c |= x.buckets[b] & x.sensitive
		}
	}
	return c
}

// globBucket is the bucket of the first keyLen bytes (three or four) of
// s; ok is false for a shorter s, which no glob of that index matches.
func globBucket(s string, keyLen int) (b uint, ok bool) {
	if len(s) < keyLen {
		return 0, false
	}
	x := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16
	if keyLen > 3 {
		x |= uint32(s[3]) << 24
	}
	return uint(x * 0x9E3779B1 >> (32 - bits.Len(globBuckets-1))), true
}
