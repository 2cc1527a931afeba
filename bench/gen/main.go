// Command gen writes a deterministic synthetic news corpus as JSONL, for
// benchmarks and whole-run timings: articles assembled from the sentences
// of the seed articles (own-voice and quoted), with realistic lengths (a
// log-normal around 600 words, 120 to 3,000), a metadata line, navigation
// and related links, and now and then a donation appeal, spread over 60
// outlets and 26 weeks. The same -seed and -mb give the same bytes.
// With -lang ru the sentences are the invented Russian news of bench/gen/ru
// and the furniture is Russian, with now and then a foreign-agent notice.
//
//	go run ./bench/gen -mb 200 > corpus.jsonl
//	go run ./bench/gen -lang ru -mb 200 > corpus-ru.jsonl
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
	dir := flag.String("seeds", "", "directory of .txt articles whose sentences are used (default: testdata/seeds, or bench/gen/ru with -lang ru)")
	language := flag.String("lang", "en", "language of the furniture, and of the default sentences: en or ru")
	flag.Parse()
	fur, ok := furnitures[*language]
	if !ok {
		fmt.Fprintf(os.Stderr, "gen: -lang %q: want en or ru\n", *language)
		os.Exit(2)
	}
	if *dir == "" {
		*dir = fur.seeds
	}
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
			"text":   article(rng, fur, sentences, date),
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

// furniture is what a scraper brings along with an article in a language.
type furniture struct {
	seeds   string   // default directory of sentences
	links   []string // navigation lines
	related string   // prefix of a related-article line
	appeal  string   // donation appeal, now and then at the end
	notice  string   // printed at the top now and then; "" for none
}

var furnitures = map[string]furniture{
	"en": {
		seeds:   "testdata/seeds",
		links:   []string{"All news", "Share", "Read more", "Most read", "Related news", "Subscribe"},
		related: "Related: ",
		appeal:  "We need your help to keep providing you with the truth. Your support, no matter how small, makes a world of difference. Support us monthly starting from just $2.",
	},
	"ru": {
		seeds:   "bench/gen/ru",
		links:   []string{"Все новости", "Поделиться", "Читать далее", "Самое читаемое", "Новости по теме", "Подписаться"},
		related: "Читайте также: ",
		appeal:  "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости дня.",
		notice:  "ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА, И (ИЛИ) РОССИЙСКИМ ЮРИДИЧЕСКИМ ЛИЦОМ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА. 18+",
	},
}

// article draws a length and fills it with seed sentences, paragraphs of
// two to five, around them the furniture a scraper brings along.
func article(rng *rand.Rand, fur furniture, sentences []string, date string) string {
	words := int(math.Exp(rng.NormFloat64()*0.6 + math.Log(600)))
	words = min(max(words, 120), 3000)
	var b strings.Builder
	fmt.Fprintf(&b, " date %s https://example.org/news/%d\n\n", date, rng.IntN(1e9))
	// The notice is drawn only where there is one, so that the English
	// corpus stays what it was, byte for byte.
	if fur.notice != "" && rng.IntN(5) == 0 {
		b.WriteString(fur.notice + "\n\n")
	}
	b.WriteString(fur.links[rng.IntN(len(fur.links))] + "\n\n")
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
			b.WriteString(fur.related + sentences[rng.IntN(len(sentences))] + "\n\n")
		}
	}
	if rng.IntN(5) == 0 {
		b.WriteString(fur.appeal + "\n")
	}
	return b.String()
}

var sentenceEnd = regexp.MustCompile(`([.!?]["”»]?)\s+`)

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
