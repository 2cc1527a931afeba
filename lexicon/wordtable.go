package lexicon

import "math/bits"

// wordTable is a matcher's vocabulary (the words of vocab and vocabCase)
// as one open-addressing table, behind a filter of each. Most tokens of a
// text are no term's word and are turned away by the filter (wordFilter)
// with one bit test; a token that passes is hashed (hash) and costs one
// probe of an 8-byte slot, one read of its entry and a string comparison,
// which give its id and the roots it starts at together. It replaced the
// same filter (of three bytes) in front of two Go maps: 44 % of the tokens
// of English news are words of the built-in lexicon ("the", "of", "said"),
// and each cost a map lookup. Encoding tokens with the built-in lexicon
// went from 35 to 21 ns a token on English news, 36 to 25 on Russian
// (the best of 100 interleaved runs over 40 documents, each way).
type wordTable struct {
	normBits, formBits wordFilter
	slots              []wordSlot
	words              []tableWord
	shift              uint8 // 64 less the log2 of the number of slots
}

// wordSlot is a place in the table: empty when ref is 0, else the word
// words[ref-1] and 32 bits of its hash, which turn most other words away
// without reading it.
type wordSlot struct {
	tag uint32
	ref int32
}

// tableWord is a word of the vocabulary with its ids (-1 where the word is
// not in that map) and the roots (node.bit) a token whose Norm (Form) it
// is takes an edge out of.
type tableWord struct {
	word                   string
	norm, form             int32
	normStarts, formStarts uint64
}

// newWordTable makes the table of a matcher's words; starts and
// startsCase are indexed by the words' ids.
func newWordTable(vocab, vocabCase map[string]int32, starts, startsCase []uint64) wordTable {
	index := make(map[string]int, len(vocab)+len(vocabCase))
	var words []tableWord
	entry := func(w string) *tableWord {
		k, ok := index[w]
		if !ok {
			k = len(words)
			index[w] = k
			words = append(words, tableWord{word: w, norm: -1, form: -1})
		}
		return &words[k]
	}
	t := wordTable{normBits: newWordFilter(len(vocab)), formBits: newWordFilter(len(vocabCase))}
	// In id order, so that the table is laid out alike in every run.
	for id, w := range byID(vocab) {
		e := entry(w)
		e.norm, e.normStarts = int32(id), starts[id]
		t.normBits.add(w)
	}
	for id, w := range byID(vocabCase) {
		e := entry(w)
		e.form, e.formStarts = int32(id), startsCase[id]
		t.formBits.add(w)
	}
	// At most half full: a word that is not in meets an empty slot after
	// two probes on average, both mostly in one cache line.
	logSlots := max(4, bits.Len(uint(2*len(words))))
	t.slots, t.words, t.shift = make([]wordSlot, 1<<logSlots), words, uint8(64-logSlots)
	for k, w := range words {
		h := t.hash(w.word)
		i := t.home(h)
		for t.slots[i].ref != 0 {
			i = t.nextSlot(i)
		}
		t.slots[i] = wordSlot{tag: tagOf(h), ref: int32(k + 1)}
	}
	return t
}

// byID lists the words of vocab by their ids, which run from 0.
func byID(vocab map[string]int32) []string {
	words := make([]string, len(vocab))
	for w, id := range vocab {
		words[id] = w
	}
	return words
}

// hash is the hash of word w: of its length and six of its bytes, read
// without a branch on its length (clamped to the word in a short word): the
// first two, the fourth, the third from last and the last. In two-byte
// Cyrillic that is two letters from each end. Words that share these bytes
// and their length share a hash, and the table tells them apart by
// comparing them: in the built-in lexicon a third of the words (Russian
// forms) share one, but weighted by the tokens of Russian news a lookup
// compares 1.8 words where it finds one. Reading the first and last eight
// bytes took a branch on the length that was mispredicted on English
// tokens, short and long alternating; the runtime's hash of all the bytes
// cost twice this one.
func (t *wordTable) hash(w string) uint64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	l := n - 1
	x := uint64(n) | uint64(w[0])<<8 | uint64(w[l])<<16 | uint64(w[min(1, l)])<<24 |
		uint64(w[max(l-2, 0)])<<32 | uint64(w[min(3, l)])<<40
	hi, lo := bits.Mul64(x, 0x9E3779B97F4A7C15)
	return hi ^ lo
}

// lookup is the entry of a token's Norm or Form w, nil when no term has
// the word: its ids in vocab and vocabCase and the roots it starts at.
// Encode asks only for words that pass normBits or formBits.
func (t *wordTable) lookup(w string) *tableWord { return t.find(t.hash(w), w) }

// find returns the entry of w, whose hash is h, or nil when no term has
// the word w.
func (t *wordTable) find(h uint64, w string) *tableWord {
	for i := t.home(h); ; i = t.nextSlot(i) {
		s := t.slots[i]
		if s.ref == 0 {
			return nil
		}
		if s.tag == tagOf(h) {
			if e := &t.words[s.ref-1]; e.word == w {
				return e
			}
		}
	}
}

// tagOf is the part of a hash a slot keeps: its low 32 bits, other than
// those of the slot (home takes the high ones) up to 2³² slots.
func tagOf(h uint64) uint32 { return uint32(h) }

// home is the first slot a word of hash h is looked for in.
func (t *wordTable) home(h uint64) int { return int(h >> t.shift) }

// nextSlot is the slot after i, the first after the last.
func (t *wordTable) nextSlot(i int) int { return (i + 1) & (len(t.slots) - 1) }

// wordFilter is a one-hash Bloom filter of words, keyed by a word's
// length and four of its bytes (the first two, the last and the third
// from last), of about 32 bits a word (from 4 to 128 KB). It says
// "no" to most words of a text that no term has, at a cost of a few
// instructions, before the table computes its hash of six bytes: most
// tokens are looked up by a matcher of few words (voice, appeals, names)
// that has none of them. It never says "no" to a word of the vocabulary.
// (The third from last byte is for Cyrillic: with the first two bytes and
// the last alone, a letter and the last letter's second byte, 72 % of the
// tokens of Russian news passed the built-in lexicon's filter and 31 %
// were in; with it, 55 %.)
type wordFilter struct {
	bits  []uint64
	shift uint8 // 64 less the log2 of the number of bits
	// lengths has bit min(len(w), 63) set for each word w: a test of a
	// filter of few words without a load, which Encode makes of the
	// case-sensitive words (the built-in lexicon's have three bytes or
	// six; a lexicon without any has none).
	lengths uint64
}

func newWordFilter(words int) wordFilter {
	n := max(1<<15, min(1<<20, 32*words))
	logBits := bits.Len(uint(n - 1))
	return wordFilter{bits: make([]uint64, 1<<logBits/64), shift: uint8(64 - logBits)}
}

// slot is w's bit: a multiplicative hash of its length less one and four
// of its bytes, which an empty word does not have (ok false).
func (f *wordFilter) slot(w string) (k uint64, ok bool) {
	l := len(w) - 1
	if l < 0 {
		return 0, false
	}
	x := uint64(l) | uint64(w[0])<<8 | uint64(w[l])<<16 | uint64(w[min(1, l)])<<24 | uint64(w[max(l-2, 0)])<<32
	return x * 0x9E3779B97F4A7C15 >> f.shift, true
}

// add puts w in the filter.
func (f *wordFilter) add(w string) {
	f.lengths |= 1 << min(len(w), 63)
	if k, ok := f.slot(w); ok {
		f.bits[k/64] |= 1 << (k % 64)
	}
}

// mayHaveLength is false when no word of the filter has w's length.
func (f *wordFilter) mayHaveLength(w string) bool { return f.lengths>>min(len(w), 63)&1 != 0 }

// set tells whether bit k is set. Encode tests a word with slot and set
// (and mayHaveLength) itself: one function of all three would be over the
// compiler's inlining budget.
func (f *wordFilter) set(k uint64) bool { return f.bits[k/64]&(1<<(k%64)) != 0 }
