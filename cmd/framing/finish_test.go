package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fourOutlets is the corpus of issue 14, item 1: one outlet (D) without a
// single label hit, which gave it NaN coordinates on the correspondence
// analysis map.
const fourOutlets = `{"id":"1","outlet":"A","text":"The invasion went on and the mutiny."}
{"id":"2","outlet":"B","text":"The special military operation went on and the rebellion."}
{"id":"3","outlet":"C","text":"The invasion and the rebellion."}
{"id":"4","outlet":"D","text":"The weather was nice today."}
`

// wireStories writes 100 copies of three wire stories, run by 25 outlets,
// each copy with a few words of its own: with --dedupe every outlet but the
// first of each story keeps only its additions, which hit no label.
func wireStories(t *testing.T, path string) {
	t.Helper()
	stories := []string{
		"Moscow said the special military operation would go on. The invasion of Ukraine entered its second year, officials said, as the mutiny by Wagner mercenaries was put down. Prigozhin's rebellion ended within a day, the Kremlin said, and the fighters were offered contracts with the ministry of defence. Analysts said the war would continue through the winter and that the coup attempt had weakened the army.",
		"Kyiv reported heavy shelling overnight as the war went on. The annexation of the new regions was condemned, diplomats said, while the PMC Wagner fighters left Bakhmut after the march of justice was halted. Observers said the aggression would not stop soon and that the Kiev regime had asked for more weapons from the collective West.",
		"The treason of the mercenaries shocked the capital, state television said, and the paramilitary group was disbanded. Commentators called it a proxy war against Russophobia and hegemony, while others spoke of the occupied territories and of war crimes committed by the Putin regime since the invasion began last year in February.",
	}
	words := strings.Fields("local officials added that the city council met on tuesday")
	rng := rand.New(rand.NewPCG(1, 1))
	var b strings.Builder
	for i := range 100 {
		var extra []string
		for range 12 {
			extra = append(extra, words[rng.IntN(len(words))])
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("w%03d", i), "outlet": fmt.Sprintf("Outlet %02d", i%25),
			"date": fmt.Sprintf("2023-06-%02d", 1+i/4), "text": stories[i%3] + " " + strings.Join(extra, " ") + "."})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestChartsFinish runs report and plot ca on corpora where a group has no
// label hits: they finish, well within a minute (issue 14, item 1: they
// never did, gonum/plot's tick search looping on a NaN axis range).
func TestChartsFinish(t *testing.T) {
	dir := t.TempDir()
	four := filepath.Join(dir, "four.jsonl")
	if err := os.WriteFile(four, []byte(fourOutlets), 0o644); err != nil {
		t.Fatal(err)
	}
	wire := filepath.Join(dir, "wire.jsonl")
	wireStories(t, wire)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"plot ca", []string{"plot", "ca", "-q", four, "-o", filepath.Join(dir, "ca.svg")}},
		{"report", []string{"report", "-q", four, "-o", filepath.Join(dir, "four")}},
		{"report --dedupe", []string{"report", "-q", "--dedupe", wire, "-o", filepath.Join(dir, "wire")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type result struct {
				code     int
				out, err string
			}
			done := make(chan result, 1)
			go func() {
				code, out, errs := runCLI("", tc.args...)
				done <- result{code, out, errs}
			}()
			select {
			case r := <-done:
				if r.code != 0 {
					t.Errorf("exit %d: %s", r.code, r.err)
				}
			case <-time.After(time.Minute):
				t.Fatalf("framing %s did not finish in a minute", strings.Join(tc.args, " "))
			}
		})
	}
	svg, err := os.ReadFile(filepath.Join(dir, "ca.svg"))
	if err != nil || !strings.Contains(string(svg), "1 group not on the map (no own-voice hits of the labels compared): D") {
		t.Errorf("the map does not say D was left out (%v)", err)
	}
}
