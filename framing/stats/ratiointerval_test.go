package stats

import (
	"math"
	"testing"
)

// The rule picks the beta-binomial below MinBootstrapUnits units with hits
// and the cluster bootstrap-t from there on, with the same estimate; units
// without hits do not count towards R.
func TestRatioInterval(t *testing.T) {
	var docs [][]float64
	for i := range MinBootstrapUnits - 1 {
		docs = append(docs, []float64{float64(i % 3), float64(1 + i%2)}, []float64{0, 0})
	}
	u := UnitsOf(docs)
	few, err := RatioInterval(u, 0, Ratio{Index: true}, 500, 1, 0.95)
	bb, _ := BetaBinomialFit(u, 0, Ratio{Index: true}, 0.95)
	if err != nil || few.Method != "beta-binomial" || few.Lo != bb.Lo || few.Hi != bb.Hi || few.UnitsWithHits != MinBootstrapUnits-1 || few.Units != 2*(MinBootstrapUnits-1) {
		t.Errorf("few units: %+v, %v; beta-binomial %+v", few, err, bb)
	}
	docs = append(docs, []float64{2, 2})
	u = UnitsOf(docs)
	many, _ := RatioInterval(u, 0, Ratio{Index: true}, 500, 1, 0.95)
	cb, _ := ClusterBootstrap(u, 0, Ratio{Index: true}, 500, 1, 0.95)
	if many.Method != "cluster-bootstrap" || many.Lo != cb.TLo || many.Hi != cb.THi || many.Estimate != cb.Estimate {
		t.Errorf("enough units: %+v; bootstrap %+v", many, cb)
	}
	if !UseClusterBootstrap(MinBootstrapUnits) || UseClusterBootstrap(MinBootstrapUnits-1) {
		t.Error("UseClusterBootstrap disagrees with MinBootstrapUnits")
	}
	// One unit carrying every hit: one effective unit.
	one, _ := RatioInterval(UnitsOf([][]float64{{5, 2}, {0, 0}}), 0, Ratio{Index: true}, 100, 1, 0.95)
	if one.EffectiveUnits != 1 || one.Method != "beta-binomial" || math.IsNaN(one.Lo) {
		t.Errorf("one unit: %+v", one)
	}
	none, _ := RatioInterval(UnitsOf([][]float64{{0, 0}}), 0, Ratio{Index: true}, 100, 1, 0.95)
	if !math.IsNaN(none.Estimate) || none.Reason == "" {
		t.Errorf("no hits: %+v", none)
	}
	for name, call := range map[string]func(){
		"draws": func() { RatioInterval(u, 0, Ratio{}, 0, 1, 0.95) },
		"conf":  func() { RatioInterval(u, 0, Ratio{}, 10, 1, 2) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			call()
		}()
	}
}

// Whatever the method, the estimate is the ratio of the group's hits,
// Σx/Σm (what the counts beside it give, and what a framing index's
// concepts add up to), and it lies in its interval: on random groups of
// every size the rule meets, from one document with hits to sixty.
func TestRatioIntervalEstimateIsRatioOfHits(t *testing.T) {
	rng := newRand(21)
	methods := map[string]int{}
	for trial := range 400 {
		docs := 1 + rng.IntN(60)
		var units [][]float64
		var pos, neg float64
		for range docs {
			// Some documents carry many hits, most few, some none.
			scale := 1 + rng.IntN(3)
			if rng.IntN(8) == 0 {
				scale = 12
			}
			v := []float64{float64(rng.IntN(scale + 1)), float64(rng.IntN(scale + 1))}
			pos, neg = pos+v[0], neg+v[1]
			units = append(units, v)
		}
		if pos+neg == 0 {
			continue
		}
		res, err := RatioInterval(UnitsOf(units), 0, Ratio{Index: true}, 199, uint64(trial), 0.95)
		if err != nil {
			t.Fatal(err)
		}
		methods[res.Method]++
		if want := (pos - neg) / (pos + neg); math.Abs(res.Estimate-want) > 1e-12 {
			t.Errorf("trial %d (%s): estimate %v, want the ratio of hits %v", trial, res.Method, res.Estimate, want)
		}
		if !math.IsNaN(res.Lo) && (res.Estimate < res.Lo-1e-12 || res.Estimate > res.Hi+1e-12) {
			t.Errorf("trial %d (%s): estimate %v outside [%v, %v]", trial, res.Method, res.Estimate, res.Lo, res.Hi)
		}
	}
	for _, m := range []string{"cluster-bootstrap", "cluster-robust-cr2", "beta-binomial"} {
		if methods[m] == 0 {
			t.Errorf("no trial took the %s interval: %v", m, methods)
		}
	}
}
