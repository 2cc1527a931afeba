package syndication_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/framing/syndication"
	"github.com/framingkit/framing/lexicon"
)

// TestDedupe: one wire story run by three outlets, each with its own intro,
// is one cluster, and unrelated stories of the same event are not; counted
// once, the wire text's hits count in the first outlet only, while each
// later outlet keeps its own intro.
func TestDedupe(t *testing.T) {
	m, err := lexicon.CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	docs := corpus.NewFiles([]string{"../testdata/syndication.jsonl"}, corpus.Options{}).All()
	idx, exclude, err := syndication.Dedupe(context.Background(), docs, framing.Options{}, syndication.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	clusters := idx.Clusters(syndication.DefaultOptions())
	if len(clusters) != 1 {
		t.Fatalf("%d clusters, want 1: %+v", len(clusters), clusters)
	}
	var ids []string
	for _, mb := range clusters[0].Members {
		ids = append(ids, mb.ID)
	}
	if got, _ := json.Marshal(ids); string(got) != `["wire-a","wire-b","wire-c"]` {
		t.Errorf("cluster %s", got)
	}
	if !clusters[0].Members[0].First {
		t.Error("the earliest copy is not the first")
	}

	invasion := m.LabelIndex("war.invasion")
	count := func(opt framing.Options) map[string]*framing.Score {
		out := map[string]*framing.Score{}
		if _, err := framing.Run(context.Background(), docs, m, opt, func(r *framing.Result) error {
			out[r.Score.ID] = r.Score
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	all := count(framing.Options{})
	once := count(framing.Options{Exclude: exclude})
	for _, id := range []string{"wire-a", "wire-b", "wire-c", "own-d"} {
		if all[id].Labels[invasion].Own != 1 {
			t.Errorf("%s: %d own-voice invasion hits counting every copy, want 1", id, all[id].Labels[invasion].Own)
		}
	}
	for id, want := range map[string]int{"wire-a": 1, "wire-b": 0, "wire-c": 0, "own-d": 1} {
		if got := once[id].Labels[invasion].Own; got != want {
			t.Errorf("%s: %d invasion hits counting copy once, want %d", id, got, want)
		}
	}
	// The later copies keep their intros (and the Courier its closing) as
	// their own voice, and say what was dropped and why.
	for _, id := range []string{"wire-b", "wire-c"} {
		s := once[id]
		if s.Tokens.Own < 10 || s.Tokens.Own > 30 {
			t.Errorf("%s: %d own tokens left, want its intro's (10 to 30)", id, s.Tokens.Own)
		}
		found := false
		for _, d := range s.Dropped {
			found = found || d.Reason == analysis.ReasonSyndicated
		}
		if !found {
			t.Errorf("%s: no text dropped as syndicated", id)
		}
	}
	if once["wire-a"].Tokens != all["wire-a"].Tokens {
		t.Error("the first copy lost text")
	}
}
