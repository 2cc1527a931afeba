package lang

import (
	"unicode"
	"unicode/utf8"
)

// The basic Cyrillic block: upper case А-Я (U+0410-042F) and Ѐ-Џ
// (U+0400-040F, with Ё, Є, І, Ї), lower case а-я (U+0430-044F) and ѐ-џ
// (U+0450-045F). Ґ and the rest of U+0460-04FF alternate upper and lower
// case and go through Unicode's tables.
const (
	cyrUpperStart, cyrUpperEnd = 0x0410, 0x042F
	cyrExtUpperStart           = 0x0400
	cyrLowerEnd                = 0x045F
)

// Lower is unicode.ToLower, answered without Unicode's tables for ASCII and
// the basic Cyrillic block: most letters of English, Russian and Ukrainian
// text, lower-cased on every line and word.
func Lower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case cyrUpperStart <= r && r <= cyrUpperEnd:
		return r + 0x20
	case cyrExtUpperStart <= r && r < cyrUpperStart:
		return r + 0x50
	case cyrUpperEnd < r && r <= cyrLowerEnd:
		return r
	}
	return unicode.ToLower(r)
}

// IsLetter is unicode.IsLetter, answered at once for ASCII and the basic
// Cyrillic block.
func IsLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case cyrExtUpperStart <= r && r <= cyrLowerEnd:
		return true
	}
	return unicode.IsLetter(r)
}

// IsSpace is unicode.IsSpace, answered at once for ASCII and the basic
// Cyrillic block.
func IsSpace(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || '\t' <= r && r <= '\r'
	case cyrExtUpperStart <= r && r <= cyrLowerEnd:
		return false
	}
	return unicode.IsSpace(r)
}
