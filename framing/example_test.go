package framing_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lexicon"
)

// Score a stream of documents with the built-in lexicon: the pipeline every
// command of framing uses. The outlet's own words count for the framing
// index; the words it quotes do not.
func ExampleRun() {
	m, err := lexicon.CompileBuiltin()
	if err != nil {
		log.Fatal(err)
	}
	docs := framing.Documents(
		framing.Document{ID: "a", Outlet: "Wire", Text: "Russia's invasion of Ukraine went on."},
		framing.Document{ID: "b", Outlet: "Agency", Text: `The special military operation went on. Critics said it was "an invasion".`},
		framing.Document{ID: "c", Outlet: "Agency", Text: "All news"},
	)
	sum, err := framing.Run(context.Background(), docs, m, framing.Options{}, func(r *framing.Result) error {
		s := r.Score
		fmt.Printf("%s %s: index %+.0f, own tokens %d, quoted %d, reported %d\n", s.ID, s.Outlet, s.Index, s.Tokens.Own, s.Tokens.Quoted, s.Tokens.Reported)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sum)
	// Output:
	// a Wire: index -1, own tokens 6, quoted 0, reported 0
	// b Agency: index +1, own tokens 8, quoted 2, reported 2
	// read 3, scored 2, skipped 1 (no-content 1); languages: en 2
}

// A histogram counts units of evidence (documents) by their vector of
// counts, here a concept's three labels: what the document-level
// statistics resample. It is written as the object of its keys.
func ExampleHistogram() {
	var h framing.Histogram
	h.Add(2, 0, 1) // a document with two hits of the first label and one of the third
	h.Add(0, 1, 0)
	h.Add(2, 0, 1)
	b, err := json.Marshal(h)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b), h.Len())
	// Output: {"0,1,0":1,"2,0,1":2} 2
}
