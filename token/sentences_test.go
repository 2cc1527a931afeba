package token

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// sentencesOf lists the [start, end) of every sentence of text, split with
// the table (or, libOnly, by the library alone).
func sentencesOf(text string, libOnly bool) [][2]int {
	it := &sentenceIter{text: text, libOnly: libOnly}
	var out [][2]int
	for it.Next() {
		out = append(out, [2]int{it.Start(), it.Start() + len(it.Value())})
	}
	return out
}

// checkSentences fails when the table's sentences of text are not the
// library's.
func checkSentences(t *testing.T, text string) {
	t.Helper()
	if got, want := sentencesOf(text, false), sentencesOf(text, true); !slices.Equal(got, want) {
		t.Fatalf("sentences of %q: %v with the table, %v by the library", text, got, want)
	}
}

// TestSentenceTable: on sentences that exercise each rule of UAX #29
// (numbers, abbreviations, closing quotes, continuations, line breaks)
// the table splits as the library does; the comments say which rule.
func TestSentenceTable(t *testing.T) {
	for _, text := range []string{
		"",
		"One. Two! Three? four.",               // SB11, SB8 (lower case after a period)
		"It cost 3.5 mln. The U.S. Army left.", // SB6, SB7
		`He said: "It is over." Then he left.`, // SB9, SB10 after a closing quote
		"“It is over.” — he said. «Всё.» — сказал он.", // curly quotes and dashes as Close and SContinue
		"Line one\nLine two.\r\nLine three.\rFour",     // SB3, SB4
		"Wait... what? (Yes.) [No!] {Maybe;} ok",       // SB8a, Close after ATerm
		"т. е. это так. В. В. Путин сказал.",           // Cyrillic capitals and lower case
		"Ґалина і Євген. …а потім\u00a0ні.",            // Ukrainian letters, ellipsis, no-break space
		"mixed 東京. line\nnext – line. 😀 end.",          // lines the table does not know go to the library
		"\xe2\x80 broken\n\xff. Next.",                 // invalid UTF-8
	} {
		checkSentences(t, text)
	}
}

// sentenceAlphabet are characters of every sentence-break property the
// table knows, and some it does not.
var sentenceAlphabet = []string{
	"a", "b", "Z", "Q", "5", "0", ".", "!", "?", " ", "  ", "\t", "\v", "\f", "\n", "\r", "\r\n",
	`"`, "'", "(", ")", "[", "]", "{", "}", ",", "-", ":", ";", "#", "%", "_", "/", "\x00",
	"\u00a0", "«", "»", "‘", "’", "“", "”", "„", "–", "—", "…",
	"а", "Я", "ё", "Ё", "ґ", "Ґ", "і", "Ї", "ѐ", "Џ",
	"é", "東", "\u00ad", "\u0301", "\u2028", "\u0085", "٫", "。", "\xe2", "\xff",
}

// TestSentenceTableRandom: 100,000 random strings over sentenceAlphabet
// split alike with the table and by the library, half of them of the
// characters the table knows only (the first 54), whose lines the table
// splits.
func TestSentenceTableRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 29))
	known := slices.IndexFunc(sentenceAlphabet, func(s string) bool { return s == "é" })
	var b strings.Builder
	for i := range 100_000 {
		n := len(sentenceAlphabet)
		if i%2 == 0 {
			n = known
		}
		b.Reset()
		for range 1 + rng.IntN(24) {
			b.WriteString(sentenceAlphabet[rng.IntN(n)])
		}
		if i%2 == 0 && !tableLine(b.String()) {
			t.Fatalf("%q: the table does not know a character of sentenceAlphabet[:%d]", b.String(), known)
		}
		checkSentences(t, b.String())
	}
}

// FuzzSentences: on any text, the table's sentences are the library's.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"One. Two", "U.S. army.\r\nЯ. т. е.", "“Go.” — he said; «да.» …", "a.\u00a0b"} {
		f.Add(s)
	}
	f.Fuzz(checkSentences)
}
