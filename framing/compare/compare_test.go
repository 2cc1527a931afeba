package compare

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/token"
)

// TestCompareSeeds is the acceptance test of the comparison: the war-naming
// concept splits TASS and Sputnik (special operation) from the other three
// (invasion, war), and with counts this small the p-value to read is the
// Monte Carlo one, with its seed and draws reported. The agencies write
// "special military operation" in reported speech ("…, the spokesman
// added"), so the split is counted in the own and reported voices
// (--voice own+reported).
func TestCompareSeeds(t *testing.T) {
	ownReported := token.VoiceSet(1<<token.Own | 1<<token.Reported)
	c, err := Groups(tallyVoices(t, seedScoreList(t), ownReported), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var war *ConceptResult
	for k := range c.Concepts {
		if c.Concepts[k].ID == "war" {
			war = &c.Concepts[k]
		}
	}
	if war == nil {
		t.Fatal("no war concept")
	}
	smo := -1
	for k, l := range war.Labels {
		if l.String() == "war.special_operation" {
			smo = k
		}
	}
	for r, g := range war.Groups {
		share := float64(war.Shares[r][smo].P)
		switch g {
		case "TASS", "Sputnik":
			if share != 1 {
				t.Errorf("%s: special operation share %v, want 1", g, share)
			}
		default:
			if share != 0 {
				t.Errorf("%s: special operation share %v, want 0", g, share)
			}
		}
	}
	// One document per outlet: no group has two documents with hits, so no
	// document-level test, and says why.
	if war.PValue != "none" || war.Unit != UnitDocuments || !strings.Contains(war.Note, "two documents with hits") {
		t.Errorf("war test: %q %q %q; want none, with one document per group", war.PValue, war.Unit, war.Note)
	}
	for _, r := range c.Index {
		if r.Unit != UnitDocuments || r.Method != "beta-binomial-profile" || r.Dispersion == nil || r.Dispersion.Units != 1 {
			t.Errorf("%s: %+v; one document must give the beta-binomial interval, with its one unit", r.Group, r)
		}
	}
	// With hits as the unit (--unit hits): 5 groups × 2 labels, 6 hits,
	// every table with these margins enumerated (89 of them), ordered by X²
	// as the Monte Carlo test.
	opt := DefaultOptions()
	opt.Unit = UnitHits
	h, err := Groups(tallyVoices(t, seedScoreList(t), ownReported), opt)
	if err != nil {
		t.Fatal(err)
	}
	war = conceptOf(t, h, "war")
	if war.PValue != "exact" || war.Unit != UnitHits || war.HitLevel == nil || war.HitLevel.Exact == nil ||
		war.HitLevel.Exact.Method != "freeman-halton" || war.HitLevel.Exact.Tables != 89 {
		t.Errorf("war test with hits as the unit: %+v; want Freeman-Halton over 89 tables", war.TableTest)
	} else if p := float64(war.HitLevel.Exact.P); !(p > 0 && p <= 1) {
		t.Errorf("exact p = %v", p)
	}
	for _, r := range h.Index {
		if r.Unit != UnitHits || r.Method != "wilson" || r.Dispersion != nil {
			t.Errorf("%s: %+v; want the Wilson interval of the hits", r.Group, r)
		}
	}
}

// conceptOf is concept id of c.
func conceptOf(t *testing.T, c *Comparison, id string) *ConceptResult {
	t.Helper()
	for k := range c.Concepts {
		if c.Concepts[k].ID == id {
			return &c.Concepts[k]
		}
	}
	t.Fatalf("no concept %s", id)
	return nil
}

// TestCompareReproducible: the same tally and seed give the same numbers, a
// different seed a different Monte Carlo p.
func TestCompareReproducible(t *testing.T) {
	tl := tallyOf(t, seedScoreList(t), "outlet")
	a, _ := Groups(tl, DefaultOptions())
	b, _ := Groups(tl, DefaultOptions())
	if jsonOf(t, a) != jsonOf(t, b) {
		t.Error("two runs with one seed differ")
	}
	opt := DefaultOptions()
	opt.Seed = 2
	c, _ := Groups(tl, opt)
	if jsonOf(t, a) == jsonOf(t, c) {
		t.Error("a different seed changed nothing")
	}
}

// TestCompareDocumentIntervals: the rule on documents with hits — from
// stats.MinBootstrapUnits of them a cluster bootstrap-t interval, seeded,
// below it the beta-binomial — and, when every document has the same
// share, the beta-binomial whatever their number (a bootstrap would give
// an interval of no width).
func TestCompareDocumentIntervals(t *testing.T) {
	base := seedScoreList(t)
	for _, tc := range []struct {
		name   string
		copies int
		vary   bool
		method string
	}{
		{"few", 6, true, "beta-binomial-profile"},
		{"many", 2 * stats.MinBootstrapUnits, true, "cluster-bootstrap-t"},
		{"many, all alike", stats.MinBootstrapUnits, false, "beta-binomial-profile"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var scores []*framing.Score
			for i := range tc.copies {
				for _, s := range base {
					c := *s
					c.ID = fmt.Sprintf("%s-%d", s.ID, i)
					if tc.vary && i%2 == 1 && c.Pos+c.Neg > 0 { // every other copy has one more of each pole
						c.Pos++
						c.Neg++
					}
					scores = append(scores, &c)
				}
			}
			c, err := Groups(tallyOf(t, scores, "outlet"), DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range c.Index {
				if r.Pos+r.Neg == 0 {
					continue
				}
				if r.Method != tc.method || r.Unit != UnitDocuments {
					t.Errorf("%s: method %q unit %q, want %q", r.Group, r.Method, r.Unit, tc.method)
				}
				if (r.Method == "cluster-bootstrap-t") != (r.Draws == 2000 && r.Seed == 1) {
					t.Errorf("%s: draws %d seed %d with method %s", r.Group, r.Draws, r.Seed, r.Method)
				}
				if !(r.Lo <= r.Index && r.Index <= r.Hi) || !(r.Hi > r.Lo) {
					t.Errorf("%s: index %v, interval [%v, %v]: want a proper interval around it", r.Group, r.Index, r.Lo, r.Hi)
				}
			}
		})
	}
}

// TestCompareEdgeCases: one group, no hits, nothing at all: NaN with a
// reason, never a panic or a silent zero.
func TestCompareEdgeCases(t *testing.T) {
	scores := seedScoreList(t)
	one := tallyOf(t, scores[:1], "outlet")
	c, err := Groups(one, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, cr := range c.Concepts {
		if !math.IsNaN(cr.Primary()) || cr.PValue != "none" || cr.Note == "" {
			t.Errorf("one group, concept %s: p = %v (%s), note %q; want none with a reason", cr.ID, cr.Primary(), cr.PValue, cr.Note)
		}
	}
	if len(c.Distinctive) != 0 {
		t.Errorf("one group has distinctive terms: %v", c.Distinctive)
	}
	empty := tallyOf(t, nil, "outlet")
	if _, err := Groups(empty, DefaultOptions()); err != nil {
		t.Errorf("empty tally: %v", err)
	}
	nosuch := DefaultOptions()
	nosuch.Concept = "nosuch"
	if _, err := Groups(one, nosuch); err == nil || !strings.Contains(err.Error(), "no concept") {
		t.Error("an unknown concept was accepted")
	}
}

// scoreTexts scores documents given as outlet and text, ids d0, d1, ...
func scoreTexts(t *testing.T, docs ...[2]string) []*framing.Score {
	t.Helper()
	sc := framing.NewScorer(builtinMatcher(t))
	var out []*framing.Score
	for i, d := range docs {
		out = append(out, sc.Score(framing.Document{ID: fmt.Sprintf("d%d", i), Outlet: d[0], Text: d[1]}))
	}
	return out
}

// TestCompareRateIndicatorsAsRates: a group whose scare quotes outnumber
// its own-voice tokens (an all-quotation document) is a rate above 1 per
// token, not a share: the rate indicators are tested as counts against
// exposure, and no table cell is ever negative (issue 14, item 19: the
// groups × (k, n − k) table made "count -3" and an error).
func TestCompareRateIndicatorsAsRates(t *testing.T) {
	scores := scoreTexts(t,
		[2]string{"Q", "Kremlin: “operation”, “liberation”, “response”, “defence”."},
		[2]string{"A", "The invasion went on, the ministry said. So-called experts were allegedly wrong."},
		[2]string{"A", "The war went on and on and on, the agency reported, in many places for many days."},
	)
	if s := scores[0]; s.Reliability.ScareQuotes+s.Reliability.Distancing <= s.Tokens.Own {
		t.Fatalf("the test needs more distancing markers than own tokens: %d + %d, %d tokens", s.Reliability.ScareQuotes, s.Reliability.Distancing, s.Tokens.Own)
	}
	tl := tallyOf(t, scores, "outlet")
	for _, run := range []struct {
		name string
		fn   func(*framing.Tally, Options) (*Comparison, error)
	}{{"Groups", Groups}, {"Reliability", Reliability}} {
		c, err := run.fn(tl, DefaultOptions())
		if err != nil {
			t.Fatalf("%s: %v", run.name, err)
		}
		kinds := map[string]string{}
		for _, info := range reliability.IndicatorList {
			kinds[info.Name] = info.Kind
		}
		for _, tt := range c.Reliability.Tests {
			if kinds[tt.Name] == "rate" && tt.Kind != "rate" {
				t.Errorf("%s: %s tested as %q, want as a rate", run.name, tt.Name, tt.Kind)
			}
			if tt.Name == "distancing_rate" && (tt.Primary() <= 0 || tt.Primary() > 1) {
				t.Errorf("%s: distancing_rate p = %v, want a p-value", run.name, tt.Primary())
			}
		}
	}
}

// TestCompareShareAboveItsWhole: a share whose count exceeds its whole (a
// damaged tally) is no share; its test is n/a with the reason, and no table
// gets a negative cell.
func TestCompareShareAboveItsWhole(t *testing.T) {
	tl := tallyOf(t, seedScoreList(t), "outlet")
	g := tl.Groups["TASS"]
	g.Reliability.Named = g.Reliability.Attributions + 3
	c, err := Reliability(tl, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range c.Reliability.Tests {
		if tt.Name == "named_share" && (!math.IsNaN(tt.Primary()) || !strings.Contains(tt.Note, "group TASS counts")) {
			t.Errorf("named_share: p %v, note %q; want n/a with the reason", tt.Primary(), tt.Note)
		}
	}
}

// TestCompareCALeavesOutEmptyGroups: a group with no own-voice hits of the
// labels compared has no place on the correspondence analysis map, and a
// label no group used none either: both are left out, named with the
// reason, and every coordinate of the map is a number (issue 14, item 1:
// they were NaN, and the chart of them never finished).
func TestCompareCALeavesOutEmptyGroups(t *testing.T) {
	scores := scoreTexts(t,
		[2]string{"A", "The invasion went on and the mutiny."},
		[2]string{"B", "The special military operation went on and the rebellion."},
		[2]string{"C", "The invasion and the rebellion."},
		[2]string{"D", "The weather was nice today."},
	)
	c, err := Groups(tallyOf(t, scores, "outlet"), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	ca := c.CA
	if got := strings.Join(ca.Groups, ","); got != "A,B,C" {
		t.Errorf("groups on the map %s, want A,B,C", got)
	}
	if len(ca.GroupsLeftOut) != 1 || ca.GroupsLeftOut[0].Name != "D" || ca.GroupsLeftOut[0].Reason == "" {
		t.Errorf("groups left out %+v, want D with a reason", ca.GroupsLeftOut)
	}
	want := []string{"war.special_operation", "war.invasion", "mutiny.mutiny", "mutiny.rebellion"}
	if !slices.Equal(ca.Labels, want) {
		t.Errorf("labels on the map %v, want %v", ca.Labels, want)
	}
	if len(ca.LabelsLeftOut)+len(ca.Labels) != len(tallyOf(t, nil, "outlet").Labels) {
		t.Errorf("%d labels on the map and %d left out, want every label in one or the other", len(ca.Labels), len(ca.LabelsLeftOut))
	}
	if len(ca.RowCoords) != len(ca.Groups) || len(ca.ColCoords) != len(ca.Labels) || len(ca.Inertia) != 2 {
		t.Fatalf("%d group and %d label coordinates, %d axes", len(ca.RowCoords), len(ca.ColCoords), len(ca.Inertia))
	}
	for _, rows := range [][][]stats.Num{ca.RowCoords, ca.ColCoords} {
		for _, r := range rows {
			for _, x := range r {
				if x.IsNaN() {
					t.Errorf("a coordinate is %v: %v", x, rows)
				}
			}
		}
	}
}

// TestCompareOptionsCheck: options out of range are an error from Compare,
// not a panic deep in a statistic (issue 14, item 20).
func TestCompareOptionsCheck(t *testing.T) {
	tl := tallyOf(t, seedScoreList(t), "outlet")
	for _, tt := range []struct {
		name string
		edit func(*Options)
		want string
	}{
		{"top", func(o *Options) { o.Top = -1 }, "top labels and terms must be 0 or more"},
		{"conf", func(o *Options) { o.Conf = 1 }, "confidence level must be between 0 and 1"},
		{"conf NaN", func(o *Options) { o.Conf = math.NaN() }, "confidence level must be between 0 and 1"},
		{"draws", func(o *Options) { o.MonteCarlo = 0 }, "Monte Carlo draws must be 1 or more"},
		{"unit", func(o *Options) { o.Unit = "words" }, "unit must be documents or hits"},
		{"bootstrap", func(o *Options) { o.Bootstrap = -3 }, "bootstrap resamples must be 1 or more"},
		{"per tokens", func(o *Options) { o.PerTokens = 0 }, "rates must be per a positive number of tokens"},
		{"js alpha", func(o *Options) { o.JSAlpha = -0.5 }, "smoothing must be 0 or more"},
		{"prior", func(o *Options) { o.PriorA0 = math.Inf(1) }, "prior size must be 0 or more"},
		{"min expected", func(o *Options) { o.MinExpectedCut = math.NaN() }, "expected count must be 0 or more"},
	} {
		opt := DefaultOptions()
		tt.edit(&opt)
		for name, fn := range map[string]func() error{
			"Compare":     func() error { _, err := Groups(tl, opt); return err },
			"Reliability": func() error { _, err := Reliability(tl, opt); return err },
			"IndexRows":   func() error { _, err := IndexRows(tl, opt); return err },
		} {
			if err := fn(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s, %s: error %v, want %q", name, tt.name, err, tt.want)
			}
		}
	}
}

// TestDistanceSameDistribution: two groups that name a concept the same
// way are 0 apart whatever their sizes (issue 18: with 0.5 added to every
// label count, 40 hits of "mutiny" against 1 were 0.51 apart).
func TestDistanceSameDistribution(t *testing.T) {
	m := builtinMatcher(t)
	tl := framing.NewTally(m, "outlet")
	mutiny := m.LabelIndex("mutiny.mutiny")
	for i, c := range []struct {
		outlet string
		hits   int
	}{{"A", 40}, {"B", 1}} {
		s := &framing.Score{ID: fmt.Sprint(i), Outlet: c.outlet, Index: math.NaN(),
			Labels: make([]framing.VoiceCount, len(m.Labels())), Categories: make([]framing.VoiceCount, len(m.Categories()))}
		s.Labels[mutiny].Own = c.hits
		tl.Add(s)
	}
	c, err := Groups(tl, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if d := float64(c.Distance.Matrix[0][1]); d != 0 {
		t.Errorf("distance %v between the same distributions, want 0", d)
	}
}

// TestExactFallsBackToMonteCarlo: a sparse table with more tables than
// stats.MaxExactTables is tested by Monte Carlo with its seed and draws, the
// same X² ordering, and says so.
func TestExactFallsBackToMonteCarlo(t *testing.T) {
	var tab [][]float64
	for i := range 12 {
		tab = append(tab, []float64{float64(8 + i%3), float64(7 + i%4), float64(i % 2)})
	}
	opt := DefaultOptions()
	tt, err := tableTests(tab, opt)
	if err != nil {
		t.Fatal(err)
	}
	if ex := tt.HitLevel.Exact; ex == nil || ex.Method != "monte-carlo" || ex.Seed != opt.Seed || ex.Draws != opt.MonteCarlo || ex.Tables != 0 || tt.Unit != UnitHits {
		t.Errorf("exact %+v; want a Monte Carlo p with the run's seed and draws", ex)
	}
}

// TestOneFamily: the adjusted p-value of a concept is the same whether
// the run prints every concept or that one (--concept), and the family
// names every concept, the index and every indicator.
func TestOneFamily(t *testing.T) {
	for _, unit := range []string{UnitDocuments, UnitHits} {
		t.Run(unit, func(t *testing.T) {
			// Three copies of each seed: groups with three documents, so
			// that the document-level tests have something to permute.
			var scores []*framing.Score
			for i := range 3 {
				for _, s := range seedScoreList(t) {
					c := *s
					c.ID = fmt.Sprintf("%s-%d", s.ID, i)
					scores = append(scores, &c)
				}
			}
			tl := tallyOf(t, scores, "outlet")
			opt := DefaultOptions()
			opt.Unit = unit
			all, err := Groups(tl, opt)
			if err != nil {
				t.Fatal(err)
			}
			opt.Concept = "wagner"
			one, err := Groups(tl, opt)
			if err != nil {
				t.Fatal(err)
			}
			want := conceptOf(t, all, "wagner")
			got := conceptOf(t, one, "wagner")
			if got.PValue == "none" || got.primary() == nil || *got.primary().adjusted != *want.primary().adjusted || math.IsNaN(float64(*got.primary().adjusted)) {
				t.Errorf("wagner alone: %+v; in the whole run: %+v", got.TableTest, want.TableTest)
			}
			if n := len(all.Multiplicity.Family); n != len(all.Concepts)+1+len(all.Reliability.Tests) || !reflect.DeepEqual(all.Multiplicity, one.Multiplicity) {
				t.Errorf("family %+v (whole run) and %+v (--concept)", all.Multiplicity, one.Multiplicity)
			}
			if !slices.Contains(all.Multiplicity.Family, "index") || all.IndexTest.Unit != unit {
				t.Errorf("family %v, index test %+v", all.Multiplicity.Family, all.IndexTest)
			}
		})
	}
}

// TestIndexDrivers: each group's index splits by concept, and the
// concepts' contributions add up to the index (issue 19).
func TestIndexDrivers(t *testing.T) {
	c, err := Groups(tallyOf(t, seedScoreList(t), "outlet"), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	sum := map[string]float64{}
	for _, d := range c.Drivers {
		sum[d.Group] += float64(d.Contribution)
		if d.Pos+d.Neg == 0 {
			t.Errorf("%s %s: a driver without pole hits", d.Group, d.Concept)
		}
	}
	if len(c.Drivers) == 0 {
		t.Fatal("no drivers")
	}
	for _, r := range c.Index {
		if r.Pos+r.Neg == 0 {
			continue
		}
		want := float64(r.Pos-r.Neg) / float64(r.Pos+r.Neg)
		if math.Abs(sum[r.Group]-want) > 1e-12 {
			t.Errorf("%s: contributions add up to %v, index %v", r.Group, sum[r.Group], want)
		}
	}
}
