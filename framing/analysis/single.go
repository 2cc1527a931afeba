package analysis

import (
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
)

// SingleQuotes returns the spans of text in single quotation marks, ‘…’ or
// '…', outside the spans of outer (a single quotation inside a double one
// is already quoted), marks included, in order.
//
// A single mark is also an apostrophe (Wagner’s, soldiers’, rock 'n' roll,
// the '90s, Ukrainian п’ять), so a pair counts only when it opens and
// closes like quotation marks: the opening mark after a space, a line
// start, an opening bracket or a dash, with a letter after it; the closing
// mark after a letter, digit or sentence punctuation, with a space,
// punctuation or the end after it; both in one paragraph, with at least two
// letters between them. A mark inside a word is never either. An opening
// mark without a closing one is an apostrophe, not a problem: the words
// after it stay in the voice around them.
func SingleQuotes(text string, outer []Span) []Span {
	return singleQuotes(text, outer, false)
}

// singleQuotes is SingleQuotes decoding, while no quotation waits, only
// the runes that start with one of singleBytes, or, with every, every
// rune (the tests check that passing the others changes nothing).
func singleQuotes(text string, outer []Span, every bool) []Span {
	var spans []Span
	open := -1 // offset of the opening mark waiting for its closer
	blank := 0 // whether text has blank lines: 0 not yet known, 1 no, 2 yes
	o := 0     // the next outer span
	marks := newNextByte(text, singleBytes)
	for i := 0; i < len(text); {
		if open < 0 && !every {
			// With no quotation waiting, only a mark acts (the other
			// cases set open to -1, which it is).
			if i = marks.from(i); i == len(text) {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		for o < len(outer) && outer[o].End <= i {
			o++
		}
		inOuter := o < len(outer) && outer[o].Start <= i
		switch {
		case r == '\n' && open >= 0:
			if blank == 0 {
				blank = 1
				if hasBlankLine(text) {
					blank = 2
				}
			}
			if blank == 1 || blankLineAt(text, i) {
				open = -1 // a paragraph ends the waiting quotation
			}
		case inOuter:
			open = -1
		case r == '\'' || r == '‘' || r == '’':
			before, after := runeBefore(text, i), runeAfter(text, i+size)
			switch {
			case open >= 0 && r != '‘' && closesSingle(before, after) && letters(text[open:i]) >= 2:
				spans = append(spans, Span{Start: open, End: i + size})
				open = -1
			case r != '’' && opensSingle(before, after) && !elision(text[i+size:]):
				open = i
			}
		}
		i += size
	}
	return spans
}

// singleBytes are the bytes that start a mark SingleQuotes reads: ' and the
// lead byte of ‘ and ’ (E2). A lead byte is never part of another rune, so
// passing other bytes finds the marks at the offsets that decoding every
// rune finds them, even in invalid UTF-8.
const singleBytes = "'\xE2"

// opensSingle: after a space, line start, opening bracket or quotation
// mark, or a dash, and before a letter.
func opensSingle(before, after rune) bool {
	return (lang.IsSpace(before) || unicode.Is(unicode.Ps, before) || unicode.Is(unicode.Pi, before) ||
		before == '"' || before == '—' || before == '–' || before == '-') && lang.IsLetter(after)
}

// closesSingle: after a letter, digit or sentence punctuation, and before
// a space, punctuation or the end; never between two letters.
func closesSingle(before, after rune) bool {
	return (lang.IsLetter(before) || unicode.IsDigit(before) || before == '.' || before == '!' || before == '?' || before == ',') &&
		(lang.IsSpace(after) || unicode.IsPunct(after) && after != '\'')
}

// elision reports whether the text after a mark is a one-letter elision
// closed by another mark: the n of rock 'n' roll.
func elision(rest string) bool {
	r, size := utf8.DecodeRuneInString(rest)
	if !lang.IsLetter(r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest[size:])
	return next == '\'' || next == '’'
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if lang.IsLetter(r) {
			n++
		}
	}
	return n
}
