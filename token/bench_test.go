package token

import (
	"strings"
	"testing"

	"github.com/framingkit/framing/internal/testseeds"
	"golang.org/x/text/cases"
)

// seedText is the seed articles one after another, four times (see
// internal/testseeds).
func seedText(b *testing.B) string { return strings.Repeat(testseeds.Text(b), 4) }

// BenchmarkTokenize is the tokeniser alone, with the fast path and
// with the Unicode path throughout, in MB/s of text: English (the seed
// articles) and Russian (ru-).
func BenchmarkTokenize(b *testing.B) {
	en := seedText(b)
	ru := testseeds.RussianText(b, len(en))
	for _, tc := range []struct {
		name, text string
		tk         *Tokenizer
	}{
		{"fast", en, NewTokenizer()},
		{"unicode", en, &Tokenizer{fold: cases.Fold(), unicodeOnly: true}},
		{"ru-fast", ru, NewTokenizer()},
		{"ru-unicode", ru, &Tokenizer{fold: cases.Fold(), unicodeOnly: true}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			dst := make([]Token, 0, len(tc.text)/6)
			for b.Loop() {
				dst = tc.tk.Append(dst[:0], tc.text)
			}
		})
	}
}
