package stats

import (
	"math"
	"testing"
)

func TestDesignEffectEdges(t *testing.T) {
	share := Ratio{Label: 0}
	for _, c := range []struct {
		name     string
		u        Units
		estimate bool // Estimate defined
	}{
		{"no units", Units{}, false},
		{"no hits", UnitsOf([][]float64{{0, 0}, {0, 0}}), false},
		{"one unit", UnitsOf([][]float64{{2, 1}}), true},
		{"all successes", UnitsOf([][]float64{{2, 0}, {1, 0}}), true},
	} {
		got, err := DesignEffectOf(c.u, 0, share)
		if err != nil || math.IsNaN(got.Deff) == false || got.Reason == "" || c.estimate == math.IsNaN(got.Estimate) {
			t.Errorf("%s: %+v, %v", c.name, got, err)
		}
	}
	// One hit per unit: the cluster variance is the binomial one times
	// D/(D−1), and Kish's effective units are the units.
	var one [][]float64
	for i := range 20 {
		one = append(one, []float64{float64(i % 2), float64(1 - i%2)})
	}
	got, _ := DesignEffectOf(UnitsOf(one), 0, share)
	if math.Abs(got.Deff-20.0/19) > 1e-12 || math.Abs(got.EffectiveUnits-20) > 1e-12 {
		t.Errorf("one hit per unit: %+v", got)
	}
	// One unit carrying every hit among units without: effective units 1.
	got, _ = DesignEffectOf(UnitsOf([][]float64{{5, 3}, {0, 0}, {0, 0}}), 0, share)
	if got.EffectiveUnits != 1 || got.Units != 3 {
		t.Errorf("one unit with hits: %+v", got)
	}
	// Huge counts stay finite.
	got, _ = DesignEffectOf(UnitsOf([][]float64{{1e12, 2e12}, {3e12, 1e12}, {0, 5}}), 0, Ratio{Index: true})
	if math.IsNaN(got.Deff) || math.IsInf(got.Deff, 0) || got.Deff <= 0 {
		t.Errorf("huge: %+v", got)
	}
}

// Merging the sums of two halves gives the sums of the whole.
func TestRatioSumsMerge(t *testing.T) {
	docs := [][]float64{{3, 1}, {0, 2}, {5, 0}, {1, 1}, {0, 0}, {2, 4}}
	whole, _ := RatioSumsOf(UnitsOf(docs), 0, Ratio{Index: true})
	a, _ := RatioSumsOf(UnitsOf(docs[:2]), 0, Ratio{Index: true})
	b, _ := RatioSumsOf(UnitsOf(docs[2:]), 0, Ratio{Index: true})
	if m := a.Merge(b); m != whole {
		t.Errorf("merged %+v, whole %+v", m, whole)
	}
	direct, _ := DesignEffectOf(UnitsOf(docs), 0, Ratio{Index: true})
	if d := whole.DesignEffect(); math.Abs(d.Deff-direct.Deff) > 1e-12*direct.Deff || d.Estimate != direct.Estimate {
		t.Errorf("sums %+v, units %+v", d, direct)
	}
	defer func() {
		if recover() == nil {
			t.Error("merging an index with a share: no panic")
		}
	}()
	a.Merge(RatioSums{})
}

func TestRateDispersionEdges(t *testing.T) {
	for _, c := range []struct {
		name string
		u    Units
		rate bool // Rate defined
	}{
		{"no units", Units{}, false},
		{"no tokens", UnitsOf([][]float64{{0, 0}}), false},
		{"no hits", UnitsOf([][]float64{{0, 10}, {0, 20}}), true},
		{"one unit", UnitsOf([][]float64{{3, 10}}), true},
	} {
		got, err := RateDispersionOf(c.u, 0)
		if err != nil || !math.IsNaN(got.Phi) || got.Reason == "" || c.rate == math.IsNaN(got.Rate) {
			t.Errorf("%s: %+v, %v", c.name, got, err)
		}
	}
	if _, err := RateDispersionOf(UnitsOf([][]float64{{2, 0}}), 0); err == nil {
		t.Error("hits without tokens: no error")
	}
	// Equal rates in every unit: no dispersion at all.
	got, _ := RateDispersionOf(UnitsOf([][]float64{{1, 100}, {2, 200}, {3, 300}}), 0)
	if got.Phi != 0 || !math.IsInf(got.EffectiveHits, 1) {
		t.Errorf("equal rates: %+v", got)
	}
	var s RateSums
	s.Add(1, 100, 1)
	if m := s.Merge(RateSums{D: 1, K: 2, N: 200, KKOverN: 0.02}); m.D != 2 || m.K != 3 || m.N != 300 {
		t.Errorf("merge: %+v", m)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("RateSums.Add(2, 0): no panic")
			}
		}()
		s.Add(2, 0, 1)
	}()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("RateDispersionOf with k = 3: no panic")
			}
		}()
		RateDispersionOf(UnitsOf([][]float64{{1, 2, 3}}), 0)
	}()
}
