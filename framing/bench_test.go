package framing

import (
	"context"

	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/internal/testseeds"
	"github.com/framingkit/framing/lang"

	"github.com/framingkit/framing/token"

	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/framingkit/framing/lexicon"
)

func lexiconTokens(text string) []token.Token { return token.NewTokenizer().Tokenize(text) }

// seedText is the seed articles: see internal/testseeds.
func seedText(b *testing.B) string { return testseeds.Text(b) }

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

// BenchmarkScoreLanguage reports scoring throughput on English (the seed
// articles) and Russian (the invented news of bench/gen/ru) documents of
// about the same size, with the language detected as in a corpus without a
// lang field: the languages issue asks Russian to cost at most 1.5 times as
// much per MB. Both texts are news with quotations, attributions and
// lexicon terms, so the comparison is of like with like.
func BenchmarkScoreLanguage(b *testing.B) {
	m := builtinMatcher(b)
	en := seedText(b)
	for _, c := range []struct{ name, text string }{
		{"en", en},
		{"ru", testseeds.RussianText(b, len(en))},
	} {
		b.Run(c.name, func(b *testing.B) {
			s := NewScorer(m)
			doc := Document{ID: "bench", Text: c.text}
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				s.Score(doc)
			}
		})
	}
}

// BenchmarkRun is a whole run over a JSONL corpus (reading, scoring with
// the workers, tallying), as score --format tally runs it, in MB/s of
// input, with 1 worker and with one per CPU.
func BenchmarkRun(b *testing.B) {
	m := builtinMatcher(b)
	path := os.Getenv("FRAMING_BENCH_CORPUS")
	if path == "" {
		b.Skip("set FRAMING_BENCH_CORPUS to a JSONL corpus (go run ./bench/gen -mb 20 > c.jsonl)")
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []int{1, 0} {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			b.SetBytes(info.Size())
			for b.Loop() {
				tl := NewTally(m, "outlet")
				docs := corpus.NewFiles([]string{path}, corpus.Options{}).All()
				// As score --format tally runs.
				sum, err := Run(context.Background(), docs, m, Options{Workers: w, CountsOnly: true}, func(r *Result) error {
					tl.Add(r.Score)
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				tl.AddSummary(sum)
			}
		})
	}
}

// BenchmarkLexiconSize scores the seeds with the built-in lexicon and with
// one 20 times larger (5,000 more terms of one to three made-up words, as
// a large dictionary has): the trie walk's cost per token should barely
// change.
func BenchmarkLexiconSize(b *testing.B) {
	base := builtinMatcher(b)
	src, err := os.ReadFile("../lexicon/builtin/ru-ua-war.yaml")
	if err != nil {
		b.Fatal(err)
	}
	var big strings.Builder
	big.Write(src)
	// Extra concepts go before the categories block.
	text := big.String()
	i := strings.Index(text, "\ncategories:")
	var extra strings.Builder
	syll := []string{"ka", "lo", "mir", "zan", "te", "vo", "dar", "sen", "pu", "rik", "ol", "ven"}
	word := func(k int) string { // distinct for k below 12⁴
		return syll[k%12] + syll[(k/12)%12] + syll[(k/144)%12] + syll[(k/1728)%12]
	}
	n := 0
	for c := range 50 {
		fmt.Fprintf(&extra, "  - id: extra%d\n    labels:\n", c)
		for l := range 4 {
			fmt.Fprintf(&extra, "      - id: l%d\n        terms: [", l)
			for t := range 26 {
				if t > 0 {
					extra.WriteString(", ")
				}
				term := word(n)
				if n%2 == 1 {
					term += " " + word(n+1) // a two-word term
				}
				n++
				fmt.Fprintf(&extra, "%q", term)
			}
			extra.WriteString("]\n")
		}
	}
	text = text[:i] + "\n" + extra.String() + text[i:]
	l, err := lexicon.Parse("big.yaml", []byte(text))
	if err != nil {
		b.Fatal(err)
	}
	bigM, err := lexicon.Compile(l)
	if err != nil {
		b.Fatal(err)
	}
	seeds := strings.Repeat(seedText(b), 4)
	for _, tc := range []struct {
		name string
		m    *lexicon.Matcher
	}{{"builtin", base}, {"20x", bigM}} {
		b.Run(tc.name+"-"+strconv.Itoa(len(tc.m.Terms()))+"terms", func(b *testing.B) {
			s := NewScorer(tc.m)
			doc := Document{ID: "bench", Text: seeds}
			b.SetBytes(int64(len(seeds)))
			for b.Loop() {
				s.Score(doc)
			}
		})
	}
}

// BenchmarkAnalyze is the text analysis alone: tokens, quotations,
// boilerplate lines and voices.
func BenchmarkAnalyze(b *testing.B) {
	text := strings.Repeat(seedText(b), 4)
	an, err := analysis.New(lang.English())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		an.Analyze(analysis.Input{Text: text})
	}
}
