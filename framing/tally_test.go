package framing

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// seedScoreList scores the seed corpus once.
func seedScoreList(t *testing.T) []*Score {
	t.Helper()
	m := builtinMatcher(t)
	var out []*Score
	if _, err := Run([]string{seedsDir}, m, RunOptions{}, func(_ Document, s *Score) error {
		out = append(out, s)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func tallyOf(t *testing.T, scores []*Score, by string) *Tally {
	t.Helper()
	tl := NewTally(builtinMatcher(t), by)
	for _, s := range scores {
		tl.Add(s)
	}
	return tl
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestTallyMergeProperties: for random splits of the seed scores (each
// document repeated to make groups of several documents), merging the parts
// in any order and grouping gives exactly the tally of the whole.
func TestTallyMergeProperties(t *testing.T) {
	base := seedScoreList(t)
	var scores []*Score
	for range 4 {
		scores = append(scores, base...)
	}
	whole := jsonOf(t, tallyOf(t, scores, "outlet"))
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 50 {
		parts := make([][]*Score, 1+rng.IntN(4))
		for _, s := range scores {
			k := rng.IntN(len(parts))
			parts[k] = append(parts[k], s)
		}
		tallies := make([]*Tally, len(parts))
		for k, p := range parts {
			tallies[k] = tallyOf(t, p, "outlet")
		}
		// Commutative: merge in a random order.
		rng.Shuffle(len(tallies), func(i, j int) { tallies[i], tallies[j] = tallies[j], tallies[i] })
		left := tallyOf(t, nil, "outlet")
		for _, p := range tallies {
			if err := left.Merge(p); err != nil {
				t.Fatal(err)
			}
		}
		if got := jsonOf(t, left); got != whole {
			t.Fatalf("trial %d: merge of %d parts differs from the whole", trial, len(parts))
		}
		// Associative: (a+b)+c == a+(b+c) for a three-way split.
		if len(tallies) == 3 {
			a, b, c := clone(t, tallies[0]), clone(t, tallies[1]), clone(t, tallies[2])
			ab := clone(t, a)
			must(t, ab.Merge(b))
			must(t, ab.Merge(c))
			bc := clone(t, b)
			must(t, bc.Merge(c))
			must(t, a.Merge(bc))
			if jsonOf(t, ab) != jsonOf(t, a) {
				t.Fatalf("trial %d: merge is not associative", trial)
			}
		}
	}
}

func clone(t *testing.T, tl *Tally) *Tally {
	t.Helper()
	var out Tally
	if err := json.Unmarshal([]byte(jsonOf(t, tl)), &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestTallyMergeRefusesMismatch(t *testing.T) {
	a := tallyOf(t, nil, "outlet")
	b := tallyOf(t, nil, "outlet_group")
	if err := a.Merge(b); err == nil {
		t.Error("merged tallies grouped by different fields")
	}
	c := tallyOf(t, nil, "outlet")
	c.Lexicon.Hash = "other"
	if err := a.Merge(c); err == nil {
		t.Error("merged tallies of different lexicons")
	}
}

func TestTallyCheck(t *testing.T) {
	tl := tallyOf(t, seedScoreList(t), "outlet")
	if err := clone(t, tl).Check(); err != nil {
		t.Fatalf("a written tally does not check: %v", err)
	}
	bad := clone(t, tl)
	bad.Groups["TASS"].DocIndex = map[string]int{"x": 1}
	if err := bad.Check(); err == nil {
		t.Error("accepted a bad doc_index key")
	}
	bad = clone(t, tl)
	bad.Groups["TASS"].Documents = 7
	if err := bad.Check(); err == nil {
		t.Error("accepted documents that doc_index does not count")
	}
}
