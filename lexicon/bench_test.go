package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framingkit/framing/token"
)

// seedText is the seed articles, one after another, four times.
func seedText(b *testing.B) string {
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return strings.Repeat(sb.String(), 4)
}

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
