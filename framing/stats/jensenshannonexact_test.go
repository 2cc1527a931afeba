package stats

import (
	"math"
	"testing"
)

func TestJensenShannonExactEdges(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		p, q []float64
		want float64 // NaN or exact value
	}{
		{[]float64{0, 0}, []float64{0, 0}, nan},
		{[]float64{0, 0}, []float64{1, 2}, nan},
		{[]float64{-1, 2}, []float64{1, 2}, nan},
		{[]float64{math.Inf(1), 2}, []float64{1, 2}, nan},
		{nil, nil, nan},
		{[]float64{5}, []float64{9}, 0},
		{[]float64{1, 0}, []float64{0, 1}, 1},
		{[]float64{1e9, 3e9}, []float64{1, 3}, 0},         // proportional, any sizes
		{[]float64{3, 7, 0}, []float64{3e-9, 7e-9, 0}, 0}, // fractional counts too
		{[]float64{1e300, 1e300}, []float64{1e300, 3e300}, JensenShannonExact([]float64{1, 1}, []float64{1, 3})},
	} {
		got := JensenShannonExact(c.p, c.q)
		if !(got == c.want || math.IsNaN(got) && math.IsNaN(c.want)) && !(math.Abs(got-c.want) < 1e-15) {
			t.Errorf("JensenShannonExact(%v, %v) = %v, want %v", c.p, c.q, got, c.want)
		}
	}
	// The series and the closed form of t(δ) meet at δ = ½ (relative 1e-15).
	lo, hi := jsTerm(math.Nextafter(0.5, 0)), jsTerm(0.5)
	if math.Abs(lo-hi) > 1e-15*hi {
		t.Errorf("jsTerm at ½: %v and %v", lo, hi)
	}
	defer func() {
		if recover() == nil {
			t.Error("unequal lengths: no panic")
		}
	}()
	JensenShannonExact([]float64{1}, []float64{1, 2})
}

func TestJensenShannonBootstrapEdges(t *testing.T) {
	for _, u := range []Units{{}, UnitsOf([][]float64{{1, 2}}, [][]float64{{0, 0}})} {
		got, err := JensenShannonBootstrap(u, 0, 1, 10, 1, 0.95)
		if err != nil || !math.IsNaN(got.Distance) || got.Reason == "" {
			t.Errorf("%+v: %+v, %v", u, got, err)
		}
	}
	// Identical groups of identical units: every resample is at 0.
	same := [][]float64{{2, 1}, {2, 1}, {2, 1}}
	got, _ := JensenShannonBootstrap(UnitsOf(same, same), 0, 1, 200, 1, 0.95)
	if got.Distance != 0 || got.Lo != 0 || got.Hi != 0 {
		t.Errorf("identical: %+v", got)
	}
	// Mostly empty units: refused, with the count.
	got, _ = JensenShannonBootstrap(UnitsOf([][]float64{{1, 0}, {0, 0}, {0, 0}, {0, 0}}, [][]float64{{0, 1}}), 0, 1, 1000, 1, 0.95)
	if !math.IsNaN(got.Lo) || got.Undefined < 200 || got.Reason == "" || got.Distance != 1 {
		t.Errorf("mostly empty: %+v", got)
	}
	for name, call := range map[string]func(){
		"draws": func() { JensenShannonBootstrap(UnitsOf(same, same), 0, 1, 0, 1, 0.95) },
		"group": func() { JensenShannonBootstrap(UnitsOf(same, same), 0, 2, 10, 1, 0.95) },
		"conf":  func() { JensenShannonBootstrap(UnitsOf(same, same), 0, 1, 10, 1, 0) },
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
