package lang

import (
	"testing"
	"unicode"
)

// TestLettersAgreeWithUnicode: the fast answers are Unicode's, for every
// code point of the Basic Multilingual Plane and beyond.
func TestLettersAgreeWithUnicode(t *testing.T) {
	for r := rune(0); r <= 0x1FFFF; r++ {
		if got, want := Lower(r), unicode.ToLower(r); got != want {
			t.Errorf("Lower(%U) = %U, want %U", r, got, want)
		}
		if got, want := IsLetter(r), unicode.IsLetter(r); got != want {
			t.Errorf("IsLetter(%U) = %v, want %v", r, got, want)
		}
		if got, want := IsSpace(r), unicode.IsSpace(r); got != want {
			t.Errorf("IsSpace(%U) = %v, want %v", r, got, want)
		}
	}
}
