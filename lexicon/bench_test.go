package lexicon

import (
	"strings"
	"testing"

	"github.com/framingkit/framing/internal/testseeds"
	"github.com/framingkit/framing/token"
)

// seedText is the seed articles one after another, four times (see
// internal/testseeds).
func seedText(b *testing.B) string { return strings.Repeat(testseeds.Text(b), 4) }

// BenchmarkMatch is label and category matching alone, on tokens made
// once, in MB/s of the text they came from.
func BenchmarkMatch(b *testing.B) {
	text := seedText(b)
	m, err := CompileBuiltin()
	if err != nil {
		b.Fatal(err)
	}
	toks := token.NewTokenizer().Tokenize(text)
	var enc Encoded
	var hits []Hit
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		e := m.Encode(toks, &enc)
		hits = m.MatchLabelsIn(hits[:0], e)
		hits = m.MatchCategoriesIn(hits, e)
	}
}

// BenchmarkLoadBuiltin is what every run pays before its first document:
// the built-in lexicon parsed, validated (its inflected forms checked for
// overlaps) and compiled.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadMatcher(""); err != nil {
			b.Fatal(err)
		}
	}
}
