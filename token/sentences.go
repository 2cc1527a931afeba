package token

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// sentenceIter splits a text into sentences by Unicode's rules (UAX #29),
// exactly as github.com/clipperhouse/uax29/v2/sentences does, a line at a
// time. A line break always ends a sentence (rule SB4) and no rule looks
// past one, so each line, with its break, is split on its own. A line
// whose characters all have a sentence-break property in sbClass (ASCII,
// the quotation marks and dashes of news, and the Russian and Ukrainian
// alphabets: all but a few lines of English and Russian news) is split by
// splitLine, the library's own rules read with that table; any other line
// by the library. The table replaces the library's Unicode trie, a third
// of the tokeniser's time. FuzzSentences checks that both give the same
// sentences.
type sentenceIter struct {
	text string
	// start and end are the current sentence's bytes.
	start, end int
	// lineEnd is the end of the line being split by splitLine; lib splits
	// a line with other characters, libOff its offset in text.
	lineEnd int
	lib     *sentences.Iterator[string]
	libOff  int
	// libOnly splits every line with the library: the reference the tests
	// hold the table to.
	libOnly bool
}

// Next moves to the next sentence, false at the end of the text.
func (it *sentenceIter) Next() bool {
	if it.lib != nil {
		if it.lib.Next() {
			it.start, it.end = it.libOff+it.lib.Start(), it.libOff+it.lib.End()
			return true
		}
		it.lib = nil
	}
	pos := it.end
	if pos >= len(it.text) {
		return false
	}
	if pos >= it.lineEnd {
		it.lineEnd = len(it.text)
		if i := strings.IndexByte(it.text[pos:], '\n'); i >= 0 {
			it.lineEnd = pos + i + 1
		}
		if line := it.text[pos:it.lineEnd]; it.libOnly || !tableLine(line) {
			it.lib, it.libOff, it.end = sentences.FromString(line), pos, it.lineEnd
			return it.Next()
		}
	}
	it.start, it.end = pos, pos+nextSentence(it.text[pos:it.lineEnd])
	return true
}

// Start is the offset of the sentence in the text.
func (it *sentenceIter) Start() int { return it.start }

// Value is the sentence's text.
func (it *sentenceIter) Value() string { return it.text[it.start:it.end] }

// Tabled reports that every character of the sentence is in sbClass: its
// line was split with the table.
func (it *sentenceIter) Tabled() bool { return it.lib == nil }

// The sentence-break properties (Unicode Standard Annex #29, table 4), as
// bits, in the library's terms.
type sbProp uint16

const (
	sbATerm sbProp = 1 << iota
	sbCR
	sbClose
	sbExtend
	sbFormat
	sbLF
	sbLower
	sbNumeric
	sbOLetter
	sbSContinue
	sbSTerm
	sbSep
	sbSp
	sbUpper

	sbSATerm  = sbSTerm | sbATerm
	sbParaSep = sbSep | sbCR | sbLF
	sbIgnore  = sbExtend | sbFormat
)

// sbNotFound is the library's notfound.
const sbNotFound = -1

func (p sbProp) is(q sbProp) bool { return p&q != 0 }

// asciiSB are the properties of ASCII (SentenceBreakProperty.txt, Unicode
// 17.0, as the library generates them).
var asciiSB = func() (t [utf8.RuneSelf]sbProp) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = sbLower, sbUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = sbNumeric
	}
	t['\t'], t['\v'], t['\f'], t[' '] = sbSp, sbSp, sbSp, sbSp
	t['\r'], t['\n'] = sbCR, sbLF
	t['.'], t['!'], t['?'] = sbATerm, sbSTerm, sbSTerm
	for _, c := range `"'()[]{}` {
		t[c] = sbClose
	}
	for _, c := range ",-:;" {
		t[c] = sbSContinue
	}
	return t
}()

// sbClass is the property of r and true, or false when the table does not
// know r (the library's trie does).
func sbClass(r rune) (sbProp, bool) {
	switch {
	case r < utf8.RuneSelf:
		return asciiSB[r], true
	case 0x0400 <= r && r <= 0x042F, r == 0x0490: // Cyrillic capitals: Ѐ–Я, Ґ
		return sbUpper, true
	case 0x0430 <= r && r <= 0x045F, r == 0x0491: // а–я, ѐ–џ, ґ
		return sbLower, true
	}
	switch r {
	case '\u00a0': // no-break space
		return sbSp, true
	case '«', '»', '‘', '’', '“', '”', '„':
		return sbClose, true
	case '–', '—':
		return sbSContinue, true
	case '…':
		return 0, true
	}
	return 0, false
}

// sbTwoByte are the two-byte characters (U+0080–U+07FF) that sbClass
// knows.
var sbTwoByte = func() (t [0x800]bool) {
	for r := rune(utf8.RuneSelf); r < 0x800; r++ {
		_, t[r] = sbClass(r)
	}
	return t
}()

// twoByteIn reports whether s[i:] starts with a two-byte character
// (U+0080–U+07FF) that table holds, read without decoding: C2–DF 80–BF.
func twoByteIn(table *[0x800]bool, s string, i int) bool {
	return i+1 < len(s) && s[i]-0xC2 < 0xE0-0xC2 && s[i+1]&0xC0 == 0x80 && table[twoByteRune(s[i], s[i+1])]
}

// twoByteRune is the character of the two bytes c d of a two-byte UTF-8
// sequence, which it does not check.
func twoByteRune(c, d byte) rune { return rune(c&0x1F)<<6 | rune(d&0x3F) }

// tableLine reports whether sbClass knows every character of line (and
// line is valid UTF-8).
func tableLine(line string) bool {
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if twoByteIn(&sbTwoByte, line, i) { // А–я among them
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if _, ok := sbClass(r); !ok || r == utf8.RuneError {
			return false
		}
		i += size
	}
	return true
}

// sbAt is the property of the character at the start of s, and its size.
// s is not empty and every character of it is in sbClass.
func sbAt(s string) (sbProp, int) {
	if c := s[0]; c < utf8.RuneSelf {
		return asciiSB[c], 1
	}
	r, size := utf8.DecodeRuneInString(s)
	p, _ := sbClass(r)
	return p, size
}

// isASCIIAlphanumericOrSpace is the library's shortcut test.
func isASCIIAlphanumericOrSpace(b byte) bool {
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ' '
}

// nextSentence is the length of the first sentence of a line that sbClass
// knows: the library's Iterator.Next (its shortcut over letters, digits
// and spaces, then one step back) and its splitFunc with atEOF, read with
// sbAt (github.com/clipperhouse/uax29/v2, MIT licence, Copyright (c) 2020
// Matt Sherman). Keep it line for line with the library's: the tests
// compare the two.
func nextSentence(data string) int {
	pos := 0
	for pos < len(data) && isASCIIAlphanumericOrSpace(data[pos]) {
		pos++
	}
	if pos >= len(data) {
		return pos
	}
	if pos > 0 {
		pos--
	}
	return pos + splitSentence(data[pos:])
}

// splitSentence is the library's splitFunc on data at its end (atEOF).
func splitSentence(data string) int {
	var pos int
	var lastExIgnore sbProp     // "last excluding ignored categories"
	var lastLastExIgnore sbProp // "last one before that"
	var lastExIgnoreSp sbProp
	var lastExIgnoreClose sbProp
	var lastExIgnoreSpClose sbProp
	var lastExIgnoreParaSepSpClose sbProp

	current, w := sbAt(data[pos:])
	pos += w // SB1

	for pos < len(data) { // SB2 at the end
		last := current
		if !last.is(sbIgnore) {
			lastLastExIgnore = lastExIgnore
			lastExIgnore = last
		}
		if !lastExIgnore.is(sbSp) {
			lastExIgnoreSp = lastExIgnore
		}
		if !lastExIgnore.is(sbClose) {
			lastExIgnoreClose = lastExIgnore
		}
		if !lastExIgnoreSp.is(sbClose) {
			lastExIgnoreSpClose = lastExIgnoreSp
		}
		if !lastExIgnoreSpClose.is(sbParaSep) {
			lastExIgnoreParaSepSpClose = lastExIgnoreSpClose
		}

		// Not the library's: with no terminator in what it remembers, only
		// a terminator or a line break can end the sentence (skipTo).
		if (lastExIgnore|lastExIgnoreSp|lastExIgnoreClose|lastExIgnoreSpClose|lastExIgnoreParaSepSpClose).is(sbSATerm) == false && !last.is(sbParaSep) {
			if o, prop, ok := skipTo(data, pos); ok {
				pos, current = o, prop
				continue
			}
		}

		current, w = sbAt(data[pos:])

		if current|last == 0 { // no rule can apply
			pos += w
			continue
		}
		if current.is(sbLF) && last.is(sbCR) { // SB3
			pos += w
			continue
		}
		if last.is(sbParaSep) { // SB4
			break
		}
		if current.is(sbExtend | sbFormat) { // SB5
			pos += w
			continue
		}
		if current.is(sbNumeric) && lastExIgnore.is(sbATerm) { // SB6
			pos += w
			continue
		}
		if current.is(sbUpper) && lastExIgnore.is(sbATerm) && lastLastExIgnore.is(sbUpper|sbLower) { // SB7
			pos += w
			continue
		}
		if lastExIgnoreSpClose.is(sbATerm) { // SB8
			p := pos
			for p < len(data) {
				prop, w := sbAt(data[p:])
				if prop.is(sbOLetter | sbUpper | sbLower | sbParaSep | sbSATerm) {
					break
				}
				p += w
			}
			if advance := subsequentSB(sbLower, data[p:]); advance != sbNotFound {
				pos = p + advance
				continue
			}
		}
		if current.is(sbSContinue|sbSATerm) && lastExIgnoreSpClose.is(sbSATerm) { // SB8a
			pos += w
			continue
		}
		if current.is(sbClose|sbSp|sbParaSep) && lastExIgnoreClose.is(sbSATerm) { // SB9
			pos += w
			continue
		}
		if current.is(sbSp|sbParaSep) && lastExIgnoreSpClose.is(sbSATerm) { // SB10
			pos += w
			continue
		}
		if lastExIgnore.is(sbSATerm) || // SB11
			(lastExIgnore.is(sbClose) && lastExIgnoreClose.is(sbSATerm)) ||
			(lastExIgnore.is(sbSp) && lastExIgnoreSpClose.is(sbSATerm)) ||
			(lastExIgnore.is(sbParaSep) && lastExIgnoreParaSepSpClose.is(sbSATerm)) {
			break
		}
		pos += w // SB998
	}
	return pos
}

// skipTo is where splitSentence may go on from pos when what it remembers
// holds no terminator (SATerm) and its last character is no line break:
// the offset after the last ordinary character o (one that is no space,
// closing mark, terminator or line break) before the next terminator or
// line break, and o's property. Up to there every step of splitSentence
// only goes on (SB998): the rules that end a sentence or look ahead (SB4,
// SB8, SB11) need a terminator remembered, and none is met; and after o
// what it remembers is o alone, so going on from there remembers what
// stepping would have. ok is false when there is no such o.
func skipTo(data string, pos int) (next int, prop sbProp, ok bool) {
	end := pos
	for end < len(data) && !stopsSkip[data[end]] {
		end++
	}
	for i := end; i > pos; {
		p, size := sbBefore(data[pos:i])
		i -= size
		if !p.is(sbSp | sbClose) {
			return i + size, p, i+size > pos
		}
	}
	return 0, 0, false
}

// stopsSkip are the bytes of the terminators and line breaks sbClass knows:
// all are ASCII.
var stopsSkip = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiSB[c].is(sbSATerm | sbParaSep)
	}
	return t
}()

// sbBefore is the property of the character at the end of s, and its size.
func sbBefore(s string) (sbProp, int) {
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return asciiSB[c], 1
	}
	r, size := utf8.DecodeLastRuneInString(s)
	p, _ := sbClass(r)
	return p, size
}

// subsequentSB is the library's subsequent at the end of data: the offset
// of the first character of data not ignored when it has property prop,
// else sbNotFound.
func subsequentSB(prop sbProp, data string) int {
	for i := 0; i < len(data); {
		p, w := sbAt(data[i:])
		if p.is(sbIgnore) {
			i += w
			continue
		}
		if p.is(prop) {
			return i
		}
		return sbNotFound
	}
	return sbNotFound
}
