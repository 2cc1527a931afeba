// Command gen writes a deterministic synthetic news corpus as JSONL, for
// benchmarks and whole-run timings: articles assembled from the sentences
// of the seed articles (own-voice and quoted), with realistic lengths (a
// log-normal around 600 words, 120 to 3,000), a metadata line, navigation
// and related links, and now and then a donation appeal, spread over 60
// outlets and 26 weeks. The same -seed and -mb give the same bytes.
//
//	go run ./bench/gen -mb 200 > corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

func main() {
	mb := flag.Int("mb", 20, "size of the corpus in MB (10 to 1000 and more)")
	seed := flag.Uint64("seed", 1, "seed of the generator")
	dir := flag.String("seeds", "testdata/seeds", "directory of .txt articles whose sentences are used")
	flag.Parse()
	sentences, err := loadSentences(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	rng := rand.New(rand.NewPCG(*seed, 0x5eed))
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	limit := int64(*mb) << 20
	start := time.Date(2023, 6, 5, 0, 0, 0, 0, time.UTC)
	var written int64
	for i := 0; written < limit; i++ {
		outlet := fmt.Sprintf("Outlet %02d", rng.IntN(60))
		date := start.AddDate(0, 0, rng.IntN(26*7)).Format("2006-01-02")
		doc := map[string]string{
			"id":     fmt.Sprintf("a%08d", i),
			"outlet": outlet,
			"date":   date,
			"text":   article(rng, sentences, date),
		}
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(2)
		}
		n, _ := w.WriteString(sb.String())
		written += int64(n)
	}
}

var furniture = []string{"All news", "Share", "Read more", "Most read", "Related news", "Subscribe"}

var appeal = "We need your help to keep providing you with the truth. Your support, no matter how small, makes a world of difference. Support us monthly starting from just $2."

// article draws a length and fills it with seed sentences, paragraphs of
// two to five, around them the furniture a scraper brings along.
func article(rng *rand.Rand, sentences []string, date string) string {
	words := int(math.Exp(rng.NormFloat64()*0.6 + math.Log(600)))
	words = min(max(words, 120), 3000)
	var b strings.Builder
	fmt.Fprintf(&b, " date %s https://example.org/news/%d\n\n", date, rng.IntN(1e9))
	b.WriteString(furniture[rng.IntN(len(furniture))] + "\n\n")
	n := 0
	for n < words {
		for k := 2 + rng.IntN(4); k > 0 && n < words; k-- {
			s := sentences[rng.IntN(len(sentences))]
			b.WriteString(s)
			b.WriteByte(' ')
			n += strings.Count(s, " ") + 1
		}
		b.WriteString("\n\n")
		if rng.IntN(12) == 0 {
			b.WriteString("Related: " + sentences[rng.IntN(len(sentences))] + "\n\n")
		}
	}
	if rng.IntN(5) == 0 {
		b.WriteString(appeal + "\n")
	}
	return b.String()
}

var sentenceEnd = regexp.MustCompile(`([.!?]["”]?)\s+`)

// loadSentences splits the seed articles into sentences, without their
// metadata lines; quotation marks stay, so quoted voice is mixed in.
func loadSentences(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no .txt files in %s", dir)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if strings.Count(line, " ") < 6 || strings.HasPrefix(line, "date ") {
				continue
			}
			for _, s := range strings.Split(sentenceEnd.ReplaceAllString(line, "$1\n"), "\n") {
				if s = strings.TrimSpace(s); strings.Count(s, " ") >= 4 {
					out = append(out, s)
				}
			}
		}
	}
	return out, nil
}
