package analysis

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/framingkit/framing/lang"
)

// FuzzSkipsChangeNothing: on any text, each reading that passes bytes,
// reads them eight at a time or looks them up finds what the reading it
// replaced finds: the quotation finders' spans and problems as when they
// decode every rune; blank lines and paragraph ends as byte by byte; the
// breaks between words, a source shortened and fields counted as with
// runes and slices of them; and the fold's lower case and repeated-line
// key as rune by rune (and its count of words as the rules read it
// before). The seeds mix every mark with invalid UTF-8 and letters of
// several scripts.
func FuzzSkipsChangeNothing(f *testing.F) {
	for _, s := range skipSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkSkips(t, text) })
}

// TestSkipsChangeNothing is the fuzz target's check on its seeds and on
// thousands of random real-looking texts of the three languages, for
// every go test run.
func TestSkipsChangeNothing(t *testing.T) {
	for _, s := range skipSeeds {
		checkSkips(t, s)
	}
	lines, phrases := realLines(t), packPhrases()
	rng := rand.New(rand.NewPCG(20261206, 3))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for range n {
		checkSkips(t, randomText(rng, lines, phrases))
	}
}

var skipSeeds = []string{
	"",
	`He said "it is a \"war\"" and left.`,
	"“War,” he said. «Спецоперация» „Zitat“ „cytat”\n\nNext “open\n\n“continued” end.",
	"rock 'n' roll, the '90s, ‘quoted words’ and п’ять ‘unclosed\n‘next’",
	"\xe2\x80\x9c\xe2\x80\xff\xc2\xab\xc2\n\xe2\"\xd0\xe2\x80\x9d\xc2\xbb",
	"Фото: Иван Петров / ТАСС\n  Some   Long line, with  MANY words in it, repeated here!!  \nsome long line with many words in it repeated here",
	"\u00ad\u0301«„»“\n\n—'x'",
}

func checkSkips(t *testing.T, text string) {
	t.Helper()
	spans, problems := quotes(text, false)
	wantSpans, wantProblems := quotes(text, true)
	if !reflect.DeepEqual(spans, wantSpans) || !reflect.DeepEqual(problems, wantProblems) {
		t.Fatalf("quotes of %q: %v %v passing bytes, %v %v decoding every rune", text, spans, problems, wantSpans, wantProblems)
	}
	if got, want := singleQuotes(text, spans, false), singleQuotes(text, spans, true); !reflect.DeepEqual(got, want) {
		t.Fatalf("single quotes of %q: %v passing bytes, %v decoding every rune", text, got, want)
	}
	if got, want := hasBlankLine(text), refHasBlankLine(text); got != want {
		t.Fatalf("hasBlankLine(%q) = %v, byte by byte %v", text, got, want)
	}
	for _, blank := range []bool{false, true} {
		for start := 0; start <= len(text); start += 1 + len(text)/7 {
			if got, want := paragraphEnd(text, start, blank), refParagraphEnd(text, start, blank); got != want {
				t.Fatalf("paragraphEnd(%q, %d, %v) = %d, byte by byte %d", text, start, blank, got, want)
			}
		}
	}
	fields := strings.Fields(text)
	for limit := 2; limit <= 6; limit++ {
		n, first := fieldsUpTo(text, limit)
		if n != min(len(fields), limit) || n > 0 && n < limit && first != fields[0] {
			t.Fatalf("fieldsUpTo(%q, %d) = %d, %q; strings.Fields has %d, %q", text, limit, n, first, len(fields), fields)
		}
	}
	for from := 0; from <= len(text); from += 1 + len(text)/11 {
		for to := from; to <= len(text); to += 1 + len(text)/5 {
			if got, want := breakBetween(text, from, to), refBreakBetween(text, from, to); got != want {
				t.Fatalf("breakBetween(%q) = %v, rune by rune %v", text[from:to], got, want)
			}
		}
	}
	var lf lineFold
	lf.fold(text)
	key, wantKey := string(lf.keyBytes()), refLineKey(text)
	if key != wantKey {
		t.Fatalf("fold(%q): key %q; rune by rune %q", text, key, wantKey)
	}
	if want := refLower(text); string(lf.lower) != want {
		t.Fatalf("fold(%q): lower case %q, rune by rune %q", text, lf.lower, want)
	}
	// The key is refLineKey, which the old hash (runeLineKey) read: only
	// the count of words is left to compare.
	if _, oldWords := runeLineKey(text); lf.words != oldWords {
		t.Fatalf("fold(%q): key %q, %d words; rune by rune %d words", text, key, lf.words, oldWords)
	}
}

// refLineKey is the repeated-line key of a line written with a range loop
// over runes: its words, lower case, one space apart, without trailing
// punctuation and spaces.
func refLineKey(s string) string {
	var key []byte
	inWord, words := false, 0
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	for _, r := range s {
		if lang.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			if words > 0 {
				key = append(key, ' ')
			}
			words++
			inWord = true
		}
		key = utf8.AppendRune(key, lang.Lower(r))
	}
	return string(key)
}

// runeLineKey is the old repeated-line key: the 64-bit FNV-1a hash of
// refLineKey's bytes, and the line's number of words.
func runeLineKey(s string) (key uint64, words int) {
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	k := refLineKey(s)
	for i := 0; i < len(k); i++ {
		h = (h ^ uint64(k[i])) * prime64
	}
	if k != "" {
		words = strings.Count(k, " ") + 1
	}
	return h, words
}

// refHasBlankLine and refParagraphEnd read every byte, as hasBlankLine
// and paragraphEnd did before they searched for line breaks.
func refHasBlankLine(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && blankLineAt(text, i) {
			return true
		}
	}
	return false
}

func refParagraphEnd(text string, start int, blankLines bool) int {
	for i := start; i < len(text); i++ {
		if text[i] == '\n' && (!blankLines || blankLineAt(text, i)) {
			return i
		}
	}
	return len(text)
}

// TestFoldEveryShortRune: every rune below 0x800, the runes the fold
// reads by its tables, alone, in a word, after a space and doubled, is
// lower-cased and keyed as rune-by-rune reading does it; and so are
// some runes above.
func TestFoldEveryShortRune(t *testing.T) {
	var lf lineFold
	for r := range rune(0x800) {
		for _, s := range []string{string(r), "a" + string(r) + "b", "я " + string(r) + string(r) + " Ж", "A" + strings.Repeat(string(r), 9)} {
			lf.fold(s)
			if string(lf.lower) != refLower(s) || string(lf.keyBytes()) != refLineKey(s) {
				t.Fatalf("fold(%q): lower case %q, key %q; rune by rune %q, %q", s, lf.lower, lf.keyBytes(), refLower(s), refLineKey(s))
			}
		}
	}
	for _, r := range []rune{0x1680, 0x1c80, 0x1e9e, 0x2000, 0x2028, 0x202f, 0x212a, 0x2c65, 0x3000, 0xa640, 0xfeff, 0xffff, 0x10400, utf8.MaxRune} {
		s := "x" + string(r) + "y " + string(r)
		lf.fold(s)
		if string(lf.lower) != refLower(s) || string(lf.keyBytes()) != refLineKey(s) {
			t.Fatalf("fold(%q): lower case %q, key %q; rune by rune %q, %q", s, lf.lower, lf.keyBytes(), refLower(s), refLineKey(s))
		}
	}
}
