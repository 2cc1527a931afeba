package stats

import (
	"errors"
	"math"
	"testing"
	"time"
)

// The closed forms of the rising sums against the sums themselves, summed
// here in long hand (Kahan-compensated): n from just above directMax to
// 40000, steps large enough for the gamma-function branch and small enough
// for the Taylor branch. Tolerance: relative 1e-11 (the gamma branch of sRising, with its
// cancellation of up to 8 digits, 1e-7).
func TestRisingSums(t *testing.T) {
	kahan := func(n float64, term func(r float64) float64) float64 {
		var s, c float64
		for r := 0.0; r < n; r++ {
			y := term(r) - c
			u := s + y
			c = (u - s) - y
			s = u
		}
		return s
	}
	for _, c := range []struct{ a, n, g float64 }{
		{0.3, 1500, 0.5}, {0.3, 1500, 1e-3}, {2.5, 40000, 0.01}, {0.7, 1500, 1e-14}, {0.05, 40000, 3},
		{0.4, 65, 0.2}, {0.9, 100, 1e-5}, {0.01, 200, 7},
	} {
		for _, f := range []struct {
			name string
			got  float64
			term func(r float64) float64
			tol  float64
		}{
			{"lnRising", lnRising(c.a, c.n, c.g), func(r float64) float64 { return math.Log(c.a + r*c.g) }, 1e-11},
			{"dRising", dRising(c.a, c.n, c.g), func(r float64) float64 { return 1 / (c.a + r*c.g) }, 1e-11},
			{"d2Rising", d2Rising(c.a, c.n, c.g), func(r float64) float64 { d := c.a + r*c.g; return 1 / (d * d) }, 1e-11},
			{"sRising", sRising(c.a, c.n, c.g), func(r float64) float64 { return r / (c.a + r*c.g) }, 1e-7},
		} {
			want := kahan(c.n, f.term)
			if math.Abs(f.got-want) > f.tol*math.Abs(want) {
				t.Errorf("%s(%v, %v, %v) = %.17g, want %.17g", f.name, c.a, c.n, c.g, f.got, want)
			}
		}
	}
	// γ = 0: the binomial terms, exactly.
	if lnRising(0.5, 3, 0) != 3*math.Log(0.5) || dRising(0.5, 3, 0) != 6 || sRising(0.5, 3, 0) != 6 || lnRising(0.5, 0, 2) != 0 {
		t.Error("γ = 0 or n = 0")
	}
}

// trigamma(1) = π²/6, trigamma(½) = π²/2 (Abramowitz and Stegun 6.4.2, 6.4.4);
// digammaDiff against mpmath.digamma differences at 30 digits (gonum's
// Digamma is good to about 1e-11 only, too coarse to check against); lnPoch
// against math.Lgamma differences, which do not cancel here. Tolerance
// relative 1e-13.
func TestGammaDifferences(t *testing.T) {
	for _, c := range [][2]float64{{1, math.Pi * math.Pi / 6}, {0.5, math.Pi * math.Pi / 2}} {
		if got := trigamma(c[0]); math.Abs(got-c[1]) > 1e-13*c[1] {
			t.Errorf("trigamma(%v) = %v, want %v", c[0], got, c[1])
		}
	}
	for _, c := range [][3]float64{
		{3, 50, 3.03804395069744919029048687592},
		{0.2, 70, 9.53324879080864899664634322092},
		{20, 20, 0.705803381792694075032881660727},
		{16, 1000, 4.18212309309739455975126167506},
		{300, 16, 0.0520442185070340961001403624616},
	} {
		if got := digammaDiff(c[0], c[1]); math.Abs(got-c[2]) > 1e-13*c[2] {
			t.Errorf("digammaDiff(%v, %v) = %.17g, want %.17g", c[0], c[1], got, c[2])
		}
	}
	for _, c := range [][2]float64{{20, 7}, {16, 1000}, {300, 2}, {3, 50}} {
		a, _ := math.Lgamma(c[0] + c[1])
		b, _ := math.Lgamma(c[0])
		if got := lnPoch(c[0], c[1]); math.Abs(got-(a-b)) > 1e-13*(a-b) {
			t.Errorf("lnPoch(%v, %v) = %v, want %v", c[0], c[1], got, a-b)
		}
	}
}

func TestBrentRoot(t *testing.T) {
	f := func(x float64) float64 { return x*x*x - 2*x - 5 } // Newton's cubic, root 2.0945514815423265
	got := brentRoot(f, 2, 3, f(2), f(3), 1e-15)
	if math.Abs(got-2.0945514815423265) > 1e-14 {
		t.Errorf("root %v", got)
	}
	if brentRoot(f, 0, 1, 0, 1, 1e-9) != 0 {
		t.Error("fa = 0 must return a")
	}
}

func TestBetaBinomialFitEdges(t *testing.T) {
	share := Ratio{Label: 0}
	for _, c := range []struct {
		name string
		u    Units
	}{
		{"no units", Units{}},
		{"no hits", UnitsOf([][]float64{{0, 0}, {0, 0}})},
		{"fractional", UnitsOf([][]float64{{1.5, 2}})},
	} {
		got, err := BetaBinomialFit(c.u, 0, share, 0.95)
		if err != nil || !math.IsNaN(got.Estimate) || !math.IsNaN(got.Lo) || got.Reason == "" {
			t.Errorf("%s: %+v, %v", c.name, got, err)
		}
	}
	// Identical units: ρ̂ = 0, the binomial MLE, an interval inside (0, 1).
	var same [][]float64
	for range 8 {
		same = append(same, []float64{2, 1})
	}
	got, _ := BetaBinomialFit(UnitsOf(same), 0, share, 0.95)
	if got.Rho != 0 || math.Abs(got.Estimate-2.0/3) > 1e-12 || !(got.Lo > 0.4 && got.Hi < 0.9) || !math.IsInf(got.Alpha, 1) {
		t.Errorf("identical units: %+v", got)
	}
	// All hits one side: p̂ = 1, ρ not identified, Hi = 1.
	got, _ = BetaBinomialFit(UnitsOf([][]float64{{3, 0}, {1, 0}, {0, 0}}), 0, Ratio{Index: true}, 0.95)
	if got.Estimate != 1 || got.Hi != 1 || !(got.Lo > -1 && got.Lo < 1) || !math.IsNaN(got.Rho) || got.Reason == "" || got.UnitsWithHits != 2 || got.Units != 3 {
		t.Errorf("all pos: %+v", got)
	}
	// Huge counts: finite, fast, the estimate between the units' shares
	// (1/3, 3/4 and 1/2) and an interval inside (0, 1).
	start := time.Now()
	got, _ = BetaBinomialFit(UnitsOf([][]float64{{1e9, 2e9}, {3e9, 1e9}, {2e9, 2e9 + 7}}), 0, share, 0.95)
	if !(0 < got.Lo && got.Lo < got.Estimate && got.Estimate < got.Hi && got.Hi < 1 && got.Estimate > 1.0/3 && got.Estimate < 0.75 && got.Rho > 0) || time.Since(start) > 5*time.Second {
		t.Errorf("huge: %+v in %v", got, time.Since(start))
	}
	var ue *UnitsError
	if _, err := BetaBinomialFit(Units{Types: [][]float64{{1, 1}}, Count: [][]int{{-2}}}, 0, share, 0.95); !errors.As(err, &ue) {
		t.Errorf("negative units: %v", err)
	}
}

// Overdispersion widens the interval: the same pooled counts 24 of 48 in
// twelve units of 4 hits, spread evenly (2 of 4 each) or all-or-nothing
// (4 of 4 or 0 of 4), give ρ̂ = 0 with the binomial-width interval, and
// ρ̂ = 1 with the interval of 12 Bernoulli units, much wider.
func TestBetaBinomialFitOverdispersion(t *testing.T) {
	var even, split [][]float64
	for i := range 12 {
		even = append(even, []float64{2, 2})
		split = append(split, []float64{float64(4 * (i % 2)), float64(4 * (1 - i%2))})
	}
	e, _ := BetaBinomialFit(UnitsOf(even), 0, Ratio{Index: true}, 0.95)
	s, _ := BetaBinomialFit(UnitsOf(split), 0, Ratio{Index: true}, 0.95)
	if e.Rho != 0 || s.Rho != 1 || math.Abs(e.Estimate) > 1e-9 || math.Abs(s.Estimate) > 1e-9 || !(s.Hi-s.Lo > 1.8*(e.Hi-e.Lo)) {
		t.Errorf("even %+v, split %+v", e, s)
	}
}

func TestDirichletMultinomialFitEdges(t *testing.T) {
	for _, c := range []struct {
		name string
		u    Units
	}{
		{"no units", Units{}},
		{"no hits", UnitsOf([][]float64{{0, 0, 0}})},
		{"one label", UnitsOf([][]float64{{3}, {1}})},
	} {
		got, err := DirichletMultinomialFit(c.u, 0, 0.95)
		if err != nil || !math.IsNaN(got.Rho) || got.Reason == "" {
			t.Errorf("%s: %+v, %v", c.name, got, err)
		}
	}
	// One unit: shares of its counts; a single label with counts leaves ρ
	// unidentified and the others' shares at 0.
	got, _ := DirichletMultinomialFit(UnitsOf([][]float64{{0, 4, 0}}), 0, 0.9)
	if got.Shares[1] != 1 || got.Shares[0] != 0 || got.Lo[0] != 0 || got.Hi[1] != 1 || !(got.Lo[1] > 0 && got.Lo[1] < 1) || got.Reason == "" {
		t.Errorf("one unit: %+v", got)
	}
	// Shares sum to 1 and each interval holds its share.
	got, _ = DirichletMultinomialFit(UnitsOf([][]float64{{3, 1, 0, 2}, {0, 2, 1, 0}, {5, 0, 0, 1}, {1, 1, 1, 1}}), 0, 0.95)
	var sum float64
	for l, p := range got.Shares {
		sum += p
		if !(got.Lo[l] <= p && p <= got.Hi[l]) {
			t.Errorf("share %d: %v outside [%v, %v]", l, p, got.Lo[l], got.Hi[l])
		}
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("shares sum to %v", sum)
	}
	// Huge counts: finite shares summing to 1, fast.
	start := time.Now()
	got, _ = DirichletMultinomialFit(UnitsOf([][]float64{{1e9, 2e9, 5e8}, {3e9, 1e9, 1e9}, {2e9, 2e9 + 7, 0}}), 0, 0.95)
	sum = 0
	for l, p := range got.Shares {
		sum += p
		if !(got.Lo[l] <= p && p <= got.Hi[l]) || math.IsNaN(p) {
			t.Errorf("huge: share %d: %v, [%v, %v]", l, p, got.Lo[l], got.Hi[l])
		}
	}
	if math.Abs(sum-1) > 1e-12 || time.Since(start) > 5*time.Second {
		t.Errorf("huge: shares sum to %v in %v", sum, time.Since(start))
	}
	// Two labels: the beta-binomial fit of the first, to rounding.
	u := UnitsOf([][]float64{{3, 1}, {0, 2}, {1, 1}, {4, 0}, {0, 3}, {2, 2}})
	dm, _ := DirichletMultinomialFit(u, 0, 0.95)
	bb, _ := BetaBinomialFit(u, 0, Ratio{Label: 0}, 0.95)
	if math.Abs(dm.Shares[0]-bb.Estimate) > 1e-12 || math.Abs(dm.Lo[0]-bb.Lo) > 1e-12 || math.Abs(dm.Rho-bb.Rho) > 1e-12 {
		t.Errorf("k = 2: DM %+v, BB %+v", dm, bb)
	}
}

func TestModelPanics(t *testing.T) {
	u := UnitsOf([][]float64{{1, 2}})
	for name, call := range map[string]func(){
		"BB conf":  func() { BetaBinomialFit(u, 0, Ratio{}, 0) },
		"BB group": func() { BetaBinomialFit(u, 2, Ratio{}, 0.9) },
		"BB label": func() { BetaBinomialFit(u, 0, Ratio{Label: 2}, 0.9) },
		"DM conf":  func() { DirichletMultinomialFit(u, 0, 1) },
		"DM group": func() { DirichletMultinomialFit(u, -1, 0.9) },
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
