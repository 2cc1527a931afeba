package compare

import (
	"context"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
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
	return tallyBy(t, scores, by, token.OwnVoice)
}

// tallyVoices tallies scores by outlet, counting the voices v.
func tallyVoices(t *testing.T, scores []*framing.Score, v token.VoiceSet) *framing.Tally {
	t.Helper()
	return tallyBy(t, scores, "outlet", v)
}

// tallyBy tallies scores by field by, counting the voices v (set before a
// document is added: a unit's counts are taken as it is added).
func tallyBy(t *testing.T, scores []*framing.Score, by string, v token.VoiceSet) *framing.Tally {
	t.Helper()
	tl := framing.NewTally(builtinMatcher(t), by)
	tl.Voices = v
	for _, s := range scores {
		tl.Add(s)
	}
	return tl
}
