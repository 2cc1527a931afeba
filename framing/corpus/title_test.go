package corpus_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lexicon"
)

// TestTitleCounts: one article counts the same whether it comes as a text
// file (headline on the first line), a JSONL object or a CSV row with a
// title, or a scraper's page: the title is the first paragraph of every
// one. JSONL and CSV titles were not scored (issue 14.16).
func TestTitleCounts(t *testing.T) {
	const headline = "Special military operation enters a new phase"
	const body = "Kyiv said the invasion must end. \"It is a war,\" an official said on Monday, and the ministry " +
		"added that talks would go on in the capital while both delegations prepared for another round of meetings."
	dir := t.TempDir()
	jsonl := func(fields map[string]string) string {
		b, err := json.Marshal(fields)
		if err != nil {
			t.Fatal(err)
		}
		return string(b) + "\n"
	}
	page := fmt.Sprintf("<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article></body></html>", headline, headline, body)
	files := map[string]string{
		"article.txt":      headline + "\n\n" + body + "\n",
		"title.jsonl":      jsonl(map[string]string{"id": "j", "title": headline, "text": body}),
		"title.csv":        fmt.Sprintf("id,title,text\nc,%s,\"%s\"\n", headline, `Kyiv said the invasion must end. ""It is a war,"" an official said on Monday, and the ministry added that talks would go on in the capital while both delegations prepared for another round of meetings.`),
		"headed.jsonl":     jsonl(map[string]string{"id": "k", "title": headline, "text": "  " + headline + "\n\n" + body}),
		"page.jsonl":       jsonl(map[string]string{"id": "h", "title": headline, "html": page}),
		"spaced-out.jsonl": jsonl(map[string]string{"id": "s", "title": "  " + headline + "\n", "text": body}),
	}
	m, err := lexicon.CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	type counts struct {
		Tokens             framing.TokenCounts
		Labels, Categories []framing.VoiceCount
		Pos, Neg           int
	}
	got := map[string]counts{}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		docs := corpus.NewFiles([]string{path}, corpus.Options{}).All()
		sum, err := framing.Run(context.Background(), docs, m, framing.Options{Workers: 1}, func(r *framing.Result) error {
			s := r.Score
			got[name] = counts{s.Tokens, s.Labels, s.Categories, s.Pos, s.Neg}
			return nil
		})
		if err != nil || sum.Scored != 1 {
			t.Fatalf("%s: scored %d, %v", name, sum.Scored, err)
		}
	}
	want := got["article.txt"]
	if want.Pos+want.Neg == 0 {
		t.Fatalf("the text file has no hits: %+v", want)
	}
	for name, c := range got {
		if !reflect.DeepEqual(c, want) {
			t.Errorf("%s counts\n%+v\nwant, as article.txt,\n%+v", name, c, want)
		}
	}
}
