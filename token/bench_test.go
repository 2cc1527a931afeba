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
// with the Unicode path throughout, in MB/s of text.
func BenchmarkTokenize(b *testing.B) {
	text := seedText(b)
	for _, tc := range []struct {
		name string
		tk   *Tokenizer
	}{{"fast", NewTokenizer()}, {"unicode", &Tokenizer{fold: cases.Fold(), unicodeOnly: true}}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			dst := make([]Token, 0, len(text)/6)
			for b.Loop() {
				dst = tc.tk.Append(dst[:0], text)
			}
		})
	}
}
