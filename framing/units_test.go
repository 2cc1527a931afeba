package framing

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// copies are n copies of the seed scores under new ids; unit names the
// unit of each copy ("" for none).
func copies(t *testing.T, n int, unit func(s *Score, k int) string) []*Score {
	t.Helper()
	var out []*Score
	for k := range n {
		for _, s := range seedScoreList(t) {
			c := *s
			c.ID = fmt.Sprintf("%s#%d", s.ID, k)
			c.Unit = unit(&c, k)
			out = append(out, &c)
		}
	}
	return out
}

// TestUnits: every document is a unit of its own unless it names one
// (Score.Unit, a syndicated story with --dedupe): then the documents of a
// unit in one group count once, their counts summed, and the histograms
// and sums add up to the group's counts.
func TestUnits(t *testing.T) {
	alone := tallyOf(t, copies(t, 3, func(*Score, int) string { return "" }), "outlet")
	story := tallyOf(t, copies(t, 3, func(s *Score, _ int) string { return "story " + s.Outlet }), "outlet")
	alone.Seal()
	story.Seal()
	for name, g := range alone.Groups {
		s := story.Groups[name]
		if g.Units != 3 || s.Units != 1 || g.Documents != 3 || s.Documents != 3 {
			t.Errorf("%s: %d and %d units of %d and %d documents, want 3 and 1 of 3", name, g.Units, s.Units, g.Documents, s.Documents)
		}
		// The story's one unit holds the three copies' pole hits.
		if want := CountsKey(g.Pos, g.Neg); histCount(s.UnitIndex, want) != 1 {
			t.Errorf("%s: unit_index %v, want one unit %s", name, s.UnitIndex, want)
		}
		pos, neg := 0, 0
		for k, n := range g.UnitIndex.All() {
			v, err := ParseCountsKey(k, 2)
			if err != nil {
				t.Fatal(err)
			}
			pos, neg = pos+n*v[0], neg+n*v[1]
		}
		if pos != g.Pos || neg != g.Neg {
			t.Errorf("%s: unit_index sums to %d, %d; the group has %d, %d", name, pos, neg, g.Pos, g.Neg)
		}
		for _, c := range alone.concepts() {
			total := 0
			for k, n := range g.UnitLabels[c.id].All() {
				v, _ := ParseCountsKey(k, len(c.idx))
				for _, x := range v {
					total += n * x
				}
			}
			want := 0
			for _, i := range c.idx {
				want += g.Labels[i].In(alone.Voices)
			}
			if total != want {
				t.Errorf("%s, %s: unit_labels count %d hits, the group %d", name, c.id, total, want)
			}
		}
		if g.UnitTokens.N != int64(g.Tokens.In(alone.Voices)) || g.UnitTokens.Units != 3 {
			t.Errorf("%s: unit_tokens %+v, tokens %d", name, g.UnitTokens, g.Tokens.In(alone.Voices))
		}
		// Three identical documents: Σk² of a label is 3k², and Σkn 3kn.
		for i, l := range alone.Labels {
			k := int64(g.Labels[i].In(alone.Voices) / 3)
			n := int64(g.Tokens.In(alone.Voices) / 3)
			if s := g.LabelSums(l.ID); s.K != 3*k || s.KK != 3*k*k || s.KN != 3*k*n || s.NN != 3*n*n {
				t.Errorf("%s, %s: sums %+v, want k %d n %d thrice", name, l.ID, s, k, n)
			}
		}
	}
	if err := clone(t, story).Check(); err != nil {
		t.Errorf("a tally of stories does not check: %v", err)
	}
}

// TestUnitsMergeOpen: the documents of one story scored in different
// shards are one unit once the shards merge, whatever the order; sealing
// twice changes nothing.
func TestUnitsMergeOpen(t *testing.T) {
	scores := copies(t, 4, func(s *Score, k int) string { return fmt.Sprintf("story %s %d", s.Outlet, k%2) })
	whole := tallyOf(t, scores, "outlet")
	whole.Seal()
	want := jsonOf(t, whole)
	for _, split := range [][2]int{{0, 7}, {7, 13}, {3, 20}} {
		a := tallyOf(t, scores[:split[0]], "outlet")
		b := tallyOf(t, scores[split[0]:split[1]], "outlet")
		c := tallyOf(t, scores[split[1]:], "outlet")
		must(t, c.Merge(a))
		must(t, c.Merge(b))
		c.Seal()
		c.Seal()
		if got := jsonOf(t, c); got != want {
			t.Errorf("split %v: the merged tally differs from the whole", split)
		}
	}
	for name, g := range whole.Groups {
		if g.Units != 2 {
			t.Errorf("%s: %d units, want the 2 stories", name, g.Units)
		}
	}
}

// TestUnitsCheck: a tally file whose units do not add up is refused, with
// the group and the field.
func TestUnitsCheck(t *testing.T) {
	tl := tallyOf(t, seedScoreList(t), "outlet")
	for _, tc := range []struct {
		name string
		edit func(g *GroupTally)
		want string
	}{
		{"more units than documents", func(g *GroupTally) { g.Units = 9; g.UnitIndex.addKey("0,0", 8) }, "9 units of 1 documents"},
		{"units unlike unit_index", func(g *GroupTally) { g.Units = 0 }, "unit_index counts 1"},
		{"bad key", func(g *GroupTally) { g.UnitLabels["war"] = histogramOf(map[string]int{"1,x": 1}) }, `unit_labels war: key "1,x"`},
		{"short key", func(g *GroupTally) { g.UnitLabels["war"] = histogramOf(map[string]int{"1,0": 1}) }, "does not hold 5 counts"},
		{"no such concept", func(g *GroupTally) { g.UnitLabels["nosuch"] = histogramOf(map[string]int{"1": 1}) }, "no concept nosuch"},
		{"too many units", func(g *GroupTally) { g.UnitLabels["war"] = histogramOf(map[string]int{"1,0,0,0,0": 2}) }, "counts 2 units of 1"},
		{"share above its total", func(g *GroupTally) { g.UnitShares["named_share"] = histogramOf(map[string]int{"3,2": 1}) }, "counts more than it is out of"},
		{"negative sums", func(g *GroupTally) { g.TokenSums["indicator hedge_rate"] = TokenSums{Units: 1, K: -1} }, "token_sums indicator hedge_rate"},
		{"no units", func(g *GroupTally) { g.UnitIndex = nil }, "no units of evidence"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := clone(t, tl)
			tc.edit(bad.Groups["TASS"])
			err := bad.Check()
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), `"TASS"`) {
				t.Errorf("error %v, want one naming TASS that says %q", err, tc.want)
			}
		})
	}
}

// FuzzParseCountsKey: a key is read back into the counts it was written
// from (one key for one vector: no sign, no leading zero), and anything
// else is refused without a panic.
func FuzzParseCountsKey(f *testing.F) {
	for _, s := range []string{"0,0", "3,1", "1,2,3,4,5", "", ",", "-1,2", "1,,2", "99999999999999999999,1", "１,2", "+1,2", "01,2", "0,0,"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, key string, k int) {
		if k < 0 || k > 64 {
			return
		}
		v, err := ParseCountsKey(key, k)
		if err != nil {
			return
		}
		if len(v) != k || slices.ContainsFunc(v, func(x int) bool { return x < 0 }) {
			t.Fatalf("%q: %v", key, v)
		}
		if k > 0 && CountsKey(v...) != key {
			t.Fatalf("%q read as %v, written back as %q", key, v, CountsKey(v...))
		}
	})
}

// histCount is the number of units h counts under key.
func histCount(h *Histogram, key string) int {
	for k, n := range h.All() {
		if k == key {
			return n
		}
	}
	return 0
}
