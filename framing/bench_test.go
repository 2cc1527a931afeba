package framing

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framingkit/framing/lexicon"
)

func lexiconTokens(text string) []lexicon.Token { return lexicon.NewTokenizer().Tokenize(text) }

// seedText is the five seed articles, one after another.
func seedText(b *testing.B) string {
	var sb strings.Builder
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkScore reports scoring throughput in MB/s on documents made of the
// seed articles repeated 1, 4 and 16 times: equal MB/s across sizes shows
// that the cost is linear in the length of a document.
func BenchmarkScore(b *testing.B) {
	m := builtinMatcher(b)
	seeds := seedText(b)
	for _, n := range []int{1, 4, 16} {
		text := strings.Repeat(seeds, n)
		b.Run("x"+strconv.Itoa(n), func(b *testing.B) {
			s := NewScorer(m)
			doc := Document{ID: "bench", Text: text}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				s.Score(doc)
			}
		})
	}
}
