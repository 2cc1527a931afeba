package compare

import (
	"context"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lexicon"
)

// seedsDir is the seed corpus.
const seedsDir = "../../testdata/seeds"

func builtinMatcher(testing.TB) *lexicon.Matcher { return lexicon.MustCompileBuiltin() }

// seedScoreList scores the seeds through the pipeline.
func seedScoreList(t *testing.T) []*framing.Score {
	t.Helper()
	var out []*framing.Score
	docs := corpus.NewFiles([]string{seedsDir}, corpus.Options{}).All()
	if _, err := framing.Run(context.Background(), docs, builtinMatcher(t), framing.Options{}, func(r *framing.Result) error {
		out = append(out, r.Score)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// tallyOf tallies scores by field by.
func tallyOf(t *testing.T, scores []*framing.Score, by string) *framing.Tally {
	t.Helper()
	tl := framing.NewTally(builtinMatcher(t), by)
	for _, s := range scores {
		tl.Add(s)
	}
	return tl
}
