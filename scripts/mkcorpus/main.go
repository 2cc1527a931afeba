// Command mkcorpus writes a synthetic JSONL corpus of a given size for timing
// runs: the seed articles repeated under fresh ids, cycling through their
// outlets, so every document is real news text.
//
//	go run ./scripts/mkcorpus -mb 200 > corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	mb := flag.Int("mb", 20, "size of the corpus in MB")
	dir := flag.String("seeds", "testdata/seeds", "directory of .txt articles to repeat")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*dir, "*.txt"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "mkcorpus: no .txt files in %s\n", *dir)
		os.Exit(2)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "mkcorpus:", err)
			os.Exit(2)
		}
		texts = append(texts, string(b))
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	limit := int64(*mb) << 20
	var written int64
	for i := 0; written < limit; i++ {
		k := i % len(texts)
		doc := map[string]string{
			"id":     fmt.Sprintf("doc%07d", i),
			"outlet": fmt.Sprintf("outlet-%02d", k),
			"text":   texts[k],
		}
		var sb strings.Builder
		e := json.NewEncoder(&sb)
		e.SetEscapeHTML(false)
		if err := e.Encode(doc); err != nil {
			fmt.Fprintln(os.Stderr, "mkcorpus:", err)
			os.Exit(2)
		}
		n, _ := w.WriteString(sb.String())
		written += int64(n)
	}
}
