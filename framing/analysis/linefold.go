package analysis

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
)

// A line's lower case and its repeated-line key in one reading of it: the
// rules of short lines read the first, every long line needs the second,
// and most lines (the paragraphs of 8 to 80 words) need both.

// runeFold is what the line rules need of a rune below 0x800, the one-
// and two-byte runes (ASCII, Latin, Greek, Cyrillic, ...): its lower case
// (lang.Lower) and whether it is a space (lang.IsSpace), looked up instead
// of worked out rune by rune.
type runeFold struct {
	lower [0x800]rune
	space [0x800]bool
	// word2 is, for the two bytes of a two-byte rune (first byte high)
	// that is no space and whose lower case has two bytes too, the UTF-8
	// of its lower case; 0 for any other two bytes: a word's letter is
	// known and lower-cased with one look.
	word2 [1 << 16]uint16
}

// runeFolds is the table of every rune below 0x800; nothing writes it
// after it is made.
var runeFolds = newRuneFold()

func newRuneFold() *runeFold {
	f := &runeFold{}
	for r := range rune(len(f.lower)) {
		f.lower[r], f.space[r] = lang.Lower(r), lang.IsSpace(r)
		if lr := f.lower[r]; r >= utf8.RuneSelf && !f.space[r] && utf8.RuneSelf <= lr && lr < 0x800 {
			f.word2[0xC000|r<<2&0x1F00|0x80|r&0x3F] = uint16(0xC0|lr>>6)<<8 | uint16(0x80|lr&0x3F)
		}
	}
	return f
}

// lineFold is a trimmed line read once for the rules: its lower case, and
// where in it the line's repeated-line key is. The key is the line's
// words, lower case, one space apart, without the punctuation and spaces
// at its end: two lines with the same key are the same line. Reused from
// line to line.
type lineFold struct {
	lower []byte
	// keyEnd is where the key ends in lower. gaps are the runs of spaces
	// in lower[:keyEnd] that the key does not keep as they are: a run
	// other than one ' ' between two words (a tab, a no-break space, two
	// spaces) is one ' ' in the key, and a run before the first word is
	// nothing.
	keyEnd int
	gaps   []Span
	// words is how many words the key has.
	words int
	key   []byte // the memory of key, when the line has gaps
}

// fold reads the trimmed line s: lower is lang.Lower of every rune of it
// (an invalid byte is utf8.RuneError, as a range loop reads it), and the
// words of the key are the runs of runes that are not lang.IsSpace.
func (lf *lineFold) fold(s string) {
	f := runeFolds
	cut := len(strings.TrimRightFunc(s, isPunctOrSpace)) // the key ends here
	dst, gaps, words := slices.Grow(lf.lower[:0], len(s)), lf.gaps[:0], 0
	gap, plain := -1, false     // the start in dst of the spaces being read (-1: none), and whether they are one ' ' after a word
	startWord := func(at int) { // a word starts at dst[at]
		if gap >= 0 && !plain {
			gaps = append(gaps, Span{Start: gap, End: at})
		}
		gap = -1
		words++
	}
	for i := 0; i < cut; {
		// Words of one- and two-byte runes whose lower case has their
		// length, one space apart: most of a line of English, Russian or
		// Ukrainian, in a loop of their own.
		from, next, spaces := len(dst), 0, 0
		if dst, next, spaces = f.appendWords(dst, s[:cut], i); next > i {
			if gap >= 0 || words == 0 {
				startWord(from)
			}
			words += spaces
			i = next
			continue
		}
		lower, space, size := foldRune(f, s, i)
		switch {
		case !space:
			if gap >= 0 || words == 0 {
				startWord(len(dst))
			}
		case gap < 0:
			gap, plain = len(dst), s[i] == ' ' && words > 0
		default:
			plain = false
		}
		dst = utf8.AppendRune(dst, lower)
		i += size
	}
	lf.keyEnd = len(dst)
	for i := cut; i < len(s); { // the punctuation after the key
		lower, _, size := foldRune(f, s, i)
		dst = utf8.AppendRune(dst, lower)
		i += size
	}
	lf.lower, lf.gaps, lf.words = dst, gaps, words
}

// maxKeptLine bounds the memory of a line a lineFold keeps for the next
// text.
const maxKeptLine = 1 << 16

// release forgets the memory of a long line.
func (lf *lineFold) release() {
	if cap(lf.lower) > maxKeptLine || cap(lf.key) > maxKeptLine || cap(lf.gaps) > maxKeptLine {
		*lf = lineFold{}
	}
}

// keyBytes is the line's repeated-line key, valid until the next line.
func (lf *lineFold) keyBytes() []byte {
	if len(lf.gaps) == 0 {
		return lf.lower[:lf.keyEnd]
	}
	key, prev := lf.key[:0], 0
	for _, g := range lf.gaps {
		key = append(key, lf.lower[prev:g.Start]...)
		if g.Start > 0 { // a gap after a word
			key = append(key, ' ')
		}
		prev = g.End
	}
	lf.key = append(key, lf.lower[prev:lf.keyEnd]...)
	return lf.key
}

// appendWords appends to dst the lower case of the words of s from i on
// as far as they are made of one- and two-byte runes that are not spaces
// and whose lower case has their length, with single ' ' between them
// (the key keeps those as they are), and returns it with the offset of the
// first rune it did not read and the number of spaces it read.
func (f *runeFold) appendWords(dst []byte, s string, i int) ([]byte, int, int) {
	// What is read here is written at the same length: into the room
	// made for it, without an append a byte.
	dst = slices.Grow(dst, len(s)-i)
	out := dst[len(dst):cap(dst)]
	w, spaces := 0, 0
	for start := i; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(s) {
				if lower, n, ok := f.asciiWords(s, i, i > start); ok {
					binary.LittleEndian.PutUint64(out[w:], lower)
					w, i, spaces = w+8, i+8, spaces+n
					continue
				}
			}
			if f.space[c] {
				// One ' ' after a word and before a word's rune: read on.
				if c != ' ' || i == start || !f.wordRuneAt(s, i+1) {
					break
				}
				spaces++
			}
			out[w] = byte(f.lower[c])
			w, i = w+1, i+1
			continue
		}
		// Two-byte runes, the letters of Cyrillic words, in a loop of
		// their own.
		n := f.lowerLetters(out[w:], s[i:])
		if n == 0 { // not a rune of a word
			break
		}
		w, i = w+n, i+n
	}
	return dst[:len(dst)+w], i, spaces
}

// lowerLetters writes to out the lower case of the two-byte runes of words
// that s starts with (word2), and returns how many bytes that is.
func (f *runeFold) lowerLetters(out []byte, s string) int {
	n := 0
	for n+1 < len(s) && n+1 < len(out) {
		v := f.word2[uint(s[n])<<8|uint(s[n+1])]
		if v == 0 {
			break
		}
		out[n], out[n+1] = byte(v>>8), byte(v)
		n += 2
	}
	return n
}

// Bytes of a uint64, eight at a time.
const (
	eachByte = 0x0101010101010101
	highBits = 0x8080808080808080
)

// asciiWords reads the eight bytes s[i:i+8] as appendWords does, at once,
// when they are ASCII words with single ' ' between them (afterWord: the
// rune before s[i] is a word's): it returns them in lower case, as a
// little-endian uint64, and how many spaces they hold; not ok for eight
// bytes of anything else (a byte not ASCII, a byte below ' ', two spaces
// side by side, a space first that follows no word, or a space last that
// precedes no word), which appendWords reads a rune at a time.
func (f *runeFold) asciiWords(s string, i int, afterWord bool) (lower uint64, spaces int, ok bool) {
	x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
	if x&highBits != 0 || ^(x+(0x80-' ')*eachByte)&highBits != 0 {
		return 0, 0, false // a byte of 0x80 or more, or below ' '
	}
	// The high bit of each byte that is ' ': its byte of eq is zero, and
	// only zero plus 0x7F leaves the high bit clear (no byte of eq is
	// above 0x7F, so none carries into the next).
	eq := x ^ ' '*eachByte
	sp := ^(eq + 0x7F*eachByte | 0x7F*eachByte)
	switch {
	case sp&(sp<<8) != 0, // two spaces side by side
		sp&0x80 != 0 && !afterWord,
		sp>>63 != 0 && !f.wordRuneAt(s, i+8):
		return 0, 0, false
	}
	// A to Z, by their high bit after adding: at least 'A', not above 'Z'
	// (no byte carries into the next: all are below 0x80).
	upper := (x + (0x80-'A')*eachByte) ^ (x + (0x80-'Z'-1)*eachByte)
	return x | upper&highBits>>2, bits.OnesCount64(sp), true
}

// wordRuneAt reports whether s[i] starts a rune appendWords reads in a
// word: a one-byte rune that is not a space, or a two-byte one that is not
// a space and whose lower case has two bytes.
func (f *runeFold) wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return !f.space[c]
	}
	return i+1 < len(s) && f.word2[uint(c)<<8|uint(s[i+1])] != 0
}

// foldRune is the rune of s at i in lower case, whether it is a space,
// and its size, as lang.Lower and lang.IsSpace say of
// utf8.DecodeRuneInString's rune: one- and two-byte runes by the table.
func foldRune(f *runeFold, s string, i int) (lower rune, space bool, size int) {
	if c := s[i]; c < utf8.RuneSelf {
		return f.lower[c], f.space[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r < rune(len(f.lower)) {
		return f.lower[r], f.space[r], size
	}
	return lang.Lower(r), lang.IsSpace(r), size
}

func isPunctOrSpace(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }

// lineSet is the long lines of a text by their repeated-line key: a map
// from the key's hash to the line, and on a hash found, the line read
// again and the keys compared, so that two lines are the same only when
// their keys are (a hash shared by two keys takes the next free hash).
// The lines are the text's own strings; nothing is copied.
type lineSet struct {
	hash  func(key []byte) uint64
	lines map[uint64]string
	other lineFold // an earlier line, read again
}

func newLineSet() lineSet {
	seed := maphash.MakeSeed() // which keys share a hash changes nothing
	return lineSet{hash: func(key []byte) uint64 { return maphash.Bytes(seed, key) }, lines: map[uint64]string{}}
}

// maxKeptLines bounds the lines whose memory a lineSet keeps for the next
// text.
const maxKeptLines = 1 << 12

// reset empties the set, which holds strings of the text it was last used
// on, and a long line's memory.
func (s *lineSet) reset() {
	if len(s.lines) > maxKeptLines {
		s.lines = map[uint64]string{} // a long text's memory goes with it
	}
	clear(s.lines)
	s.other.release()
}

// add reports whether the set holds a line with the key of line, read
// into lf, and adds line when not.
func (s *lineSet) add(line string, lf *lineFold) bool {
	key := lf.keyBytes()
	for h := s.hash(key); ; h++ {
		earlier, ok := s.lines[h]
		if !ok {
			s.lines[h] = line
			return false
		}
		s.other.fold(earlier)
		if bytes.Equal(s.other.keyBytes(), key) {
			return true
		}
	}
}
