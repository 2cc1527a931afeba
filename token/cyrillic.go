package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldCyrillic makes the spellings of one Cyrillic word that news text
// mixes match alike, as Russian and Ukrainian readers read them:
//
//   - ё is е (Ё is Е): most Russian text writes е for both;
//   - soft hyphens, stress marks (combining acute and grave accents), and
//     the zero-width joiners and word joiner inside a word are dropped:
//     they are invisible (a zero-width space parts two words, as UAX #29
//     has it);
//   - a Latin letter that looks like a Cyrillic one (a, c, e, o, p, x, y, i,
//     and the capitals A B C E H I K M O P T X) inside a word that has
//     Cyrillic letters is that Cyrillic letter ("Kиeв" typed with a Latin K
//     and e is Київ's Russian spelling, and an i is Ukrainian і).
//
// Words without any of these are returned as they are, without an
// allocation. Offsets are unaffected: tokens keep the bytes of the text as
// written, and only their matching forms are folded.
func foldCyrillic(w string) string {
	cyrillic, change := false, false
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
			if r == 'ё' || r == 'Ё' {
				change = true
			}
		case invisible(r):
			change = true
		}
	}
	if !cyrillic && !change {
		return w
	}
	if cyrillic && !change {
		change = strings.ContainsFunc(w, func(r rune) bool { _, ok := latinLookalike[r]; return ok })
	}
	if !change {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case invisible(r):
			continue
		case r == 'ё':
			r = 'е'
		case r == 'Ё':
			r = 'Е'
		case cyrillic && r < utf8.RuneSelf:
			if c, ok := latinLookalike[r]; ok {
				r = c
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// invisible reports the characters that may stand inside a written word
// without being seen: the soft hyphen, the stress marks, the zero-width
// joiners and the word joiners.
func invisible(r rune) bool {
	switch r {
	case '\u00AD', '\u0300', '\u0301', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// latinLookalike maps the Latin letters that are drawn like Cyrillic ones
// to those Cyrillic letters (after Unicode's confusables, the letters of
// the Russian and Ukrainian alphabets only).
var latinLookalike = map[rune]rune{
	'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у', 'i': 'і',
	'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'I': 'І', 'K': 'К', 'M': 'М',
	'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х',
}
