package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/graphemes"
)

// TestContext: the context of a hit is counted in characters as a reader
// sees them: Cyrillic letters are one each (two bytes), a letter with its
// stress mark is one and never cut from it, a flag or a family emoji is
// one; line breaks fold to spaces, and the space next to the hit is kept.
func TestContext(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		hit         string // the text's first occurrence of it is the hit
		n           int
		left, right string
	}{
		{"ASCII", "the war in Ukraine goes on", "war", 4, "the ", " in"},
		{"Cyrillic", "Началась специальная военная операция на Украине", "военная", 10, "ециальная ", " операция"},
		{"stress mark stays with its letter", "за́мок или замо́к стоит", "или", 4, "мок ", " зам"},
		{"stress mark before the hit", "кто́ там", "там", 2, "о́ ", ""},
		{"a letter and its mark are one character", "замо́к или", "или", 3, "о́к ", ""},
		{"a mark after the hit is a character of its own", "война́ продолжается", "война", 3, "", "́ п"},
		{"emoji are one character", "👨‍👩‍👧 flag 🇺🇦 war", "war", 2, "🇺🇦 ", ""},
		{"line breaks fold", "конец\nначало войны", "войны", 9, "ц начало ", ""},
		{"zero context", "война и мир", "и", 0, "", ""},
		{"at the text's ends", "мир", "мир", 5, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			start := strings.Index(text, tt.hit)
			if start < 0 {
				t.Fatalf("no %q in %q", tt.hit, text)
			}
			left, right := LeftContext(text, start, tt.n), RightContext(text, start+len(tt.hit), tt.n)
			if left != tt.left || right != tt.right {
				t.Errorf("context %q … %q, want %q … %q", left, right, tt.left, tt.right)
			}
			if !utf8.ValidString(left) || !utf8.ValidString(right) {
				t.Errorf("context cut a character: %q … %q", left, right)
			}
		})
	}
}

func FuzzContext(f *testing.F) {
	for _, s := range []string{"война́ на Украине", "👨‍👩‍👧 🇺🇦", "a\u0301\u0301\u0301b", "Київ — столиця"} {
		f.Add(s, 3, 4)
	}
	f.Fuzz(func(t *testing.T, text string, off, n int) {
		if !utf8.ValidString(text) || n < 0 || n > 100 {
			return
		}
		off = ((off % (len(text) + 1)) + len(text) + 1) % (len(text) + 1)
		if off < len(text) && !utf8.RuneStart(text[off]) {
			return
		}
		left, right := LeftContext(text, off, n), RightContext(text, off, n)
		if !utf8.ValidString(left) || !utf8.ValidString(right) {
			t.Fatalf("invalid UTF-8 context %q %q", left, right)
		}
		for _, s := range []string{left, right} {
			if c := clusters(strings.TrimSpace(s)); c > n {
				t.Fatalf("context %q has %d characters, more than %d", s, c, n)
			}
		}
	})
}

func clusters(s string) int {
	n := 0
	for it := graphemes.FromString(s); it.Next(); {
		n++
	}
	return n
}

// TestWordWindow: evidence context is a window of words on each side
// (quanteda's kwic window), never cutting a word or a character, with the
// punctuation between them, on one line.
func TestWordWindow(t *testing.T) {
	tests := []struct {
		name, text, hit string
		n               int
		left, right     string
	}{
		{"two words each side", "On day 12 of the invasion the shelling went on.", "invasion", 2, "of the ", " the shelling"},
		{"punctuation kept", "Officials said: «the war», again, today.", "war", 3, "Officials said: «the ", "», again, today"},
		{"fewer words than the window", "war went on", "war", 5, "", " went on"},
		{"line breaks fold", "конец\nначало войны и мира", "войны", 2, "конец начало ", " и мира"},
		{"stress marks stay", "за́мок или замо́к стоит", "или", 1, "за́мок ", " замо́к"},
		{"numbers are words", "On 24 February 2022 the invasion began", "invasion", 3, "February 2022 the ", " began"},
		{"zero", "the war went on", "war", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.text, tt.hit)
			left, right := LeftWords(tt.text, start, tt.n), RightWords(tt.text, start+len(tt.hit), tt.n)
			if left != tt.left || right != tt.right {
				t.Errorf("window %q … %q, want %q … %q", left, right, tt.left, tt.right)
			}
		})
	}
}

func FuzzWordWindow(f *testing.F) {
	for _, s := range []string{"война́ на Украине", "👨‍👩‍👧 🇺🇦 war", "a\u0301\u0301\u0301b c", "Київ — столиця"} {
		f.Add(s, 3, 2)
	}
	f.Fuzz(func(t *testing.T, text string, off, n int) {
		if !utf8.ValidString(text) || n < 0 || n > 50 {
			return
		}
		off = ((off % (len(text) + 1)) + len(text) + 1) % (len(text) + 1)
		if off < len(text) && !utf8.RuneStart(text[off]) {
			return
		}
		left, right := LeftWords(text, off, n), RightWords(text, off, n)
		if !utf8.ValidString(left) || !utf8.ValidString(right) || strings.ContainsAny(left+right, "\n\r") {
			t.Fatalf("window %q %q", left, right)
		}
	})
}
