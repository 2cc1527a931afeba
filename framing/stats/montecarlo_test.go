package stats

import (
	"fmt"
	"math"
	"testing"
)

// The Monte Carlo p-value estimates the exact conditional p-value, which
// gen.py computes by enumerating every table with the observed margins. With
// B draws its standard error is √(p(1−p)/B); the test allows 3 standard
// errors plus the 1/(B+1) offset of the (1 + #)/(B + 1) formula.
func TestMonteCarloChiSquareOracle(t *testing.T) {
	const draws = 20000
	for _, tc := range loadOracle(t).MonteCarlo {
		for _, seed := range []uint64{1, 2} {
			got, err := MonteCarloChiSquare(tc.Table, draws, seed)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("MonteCarloChiSquare(%v, %d, %d)", tc.Table, draws, seed)
			// Reference: scipy.stats.chi2_contingency statistic, relTol.
			check(t, name+".Stat", got.Stat, tc.Stat)
			p := float64(tc.ExactP)
			se := math.Sqrt(p * (1 - p) / draws)
			if math.Abs(got.P-p) > 3*se+1.0/(draws+1) {
				t.Errorf("%s.P = %g, want %g ± %g (exact conditional p)", name, got.P, p, 3*se)
			}
			if got.Draws != draws || got.Seed != seed || got.Reason != "" {
				t.Errorf("%s: Draws %d, Seed %d, Reason %q", name, got.Draws, got.Seed, got.Reason)
			}
			if want := float64(1+got.Exceed) / float64(draws+1); got.P != want {
				t.Errorf("%s.P = %g, want (1+Exceed)/(Draws+1) = %g", name, got.P, want)
			}
		}
	}
}

func TestMonteCarloChiSquareReproducible(t *testing.T) {
	table := [][]float64{{12, 5, 0, 3}, {4, 9, 2, 1}, {0, 3, 8, 6}}
	a, _ := MonteCarloChiSquare(table, 3000, 42)
	b, _ := MonteCarloChiSquare(table, 3000, 42)
	if a.P != b.P || a.Exceed != b.Exceed {
		t.Errorf("same seed gave P %v and %v", a.P, b.P)
	}
	c, _ := MonteCarloChiSquare(table, 3000, 43)
	if c.Exceed == a.Exceed {
		t.Logf("seeds 42 and 43 gave the same count %d (possible, unlikely)", a.Exceed)
	}
}

// With large expected counts the conditional distribution of X² is close to
// the chi-square distribution, so the simulated p-value should be within
// Monte Carlo error (3 standard errors, plus 0.01 for the approximation) of
// ChiSquare's asymptotic p-value.
func TestMonteCarloChiSquareAsymptotic(t *testing.T) {
	table := [][]float64{{210, 190, 100}, {180, 230, 95}}
	const draws = 5000
	mc, err := MonteCarloChiSquare(table, draws, 7)
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := ChiSquare(table)
	se := math.Sqrt(cs.P * (1 - cs.P) / draws)
	if math.Abs(mc.P-cs.P) > 3*se+0.01 {
		t.Errorf("Monte Carlo P = %g, asymptotic P = %g", mc.P, cs.P)
	}
}

// Every simulated table must keep the margins: checked through the sampler
// directly on a table with huge counts, where the work per draw grows with
// the square root of the counts.
func TestMonteCarloChiSquareHuge(t *testing.T) {
	table := [][]float64{{1e9, 2e9 + 5e4}, {1.5e9, 3e9}}
	got, err := MonteCarloChiSquare(table, 50, 1)
	if err != nil || math.IsNaN(got.P) || got.P <= 0 || got.P > 1 {
		t.Errorf("got %+v, %v", got, err)
	}
}

// The hypergeometric sampler reproduces the distribution's mean and variance
// (within 5 standard errors) and stays in its support.
func TestHypergeoRand(t *testing.T) {
	rng := newRand(3)
	h := hypergeo{good: 30, bad: 70, draws: 25}
	n := 40000
	var s, s2 float64
	lo, hi := h.support()
	for range n {
		x := h.rand(rng)
		if x < lo || x > hi || x != math.Trunc(x) {
			t.Fatalf("draw %g outside the support [%g, %g]", x, lo, hi)
		}
		s += x
		s2 += x * x
	}
	N := h.good + h.bad
	mean := h.draws * h.good / N
	variance := h.draws * h.good / N * h.bad / N * (N - h.draws) / (N - 1)
	m := s / float64(n)
	v := s2/float64(n) - m*m
	if math.Abs(m-mean) > 5*math.Sqrt(variance/float64(n)) {
		t.Errorf("mean %g, want %g", m, mean)
	}
	if math.Abs(v-variance) > 0.05*variance {
		t.Errorf("variance %g, want %g", v, variance)
	}
}

// The probabilities computed by logProb sum to 1 (to 1e-12) even for counts
// in the billions, and agree with log-gamma differences for small counts
// (to 1e-12 absolute in the logarithm).
func TestHypergeoLogProb(t *testing.T) {
	for _, h := range []hypergeo{
		{good: 5, bad: 7, draws: 6},
		{good: 300, bad: 20, draws: 100},
		{good: 1e9, bad: 3e9, draws: 2e9},
	} {
		lo, hi := h.support()
		m := h.mode()
		sum := math.Exp(h.logProb(m)) * (h.tailFrom(m, true) + h.tailFrom(m, false) - 1)
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("%+v: probabilities sum to %.15g", h, sum)
		}
		if h.good+h.bad > 1000 {
			continue
		}
		for x := lo; x <= hi; x++ {
			lg := func(v float64) float64 { r, _ := math.Lgamma(v + 1); return r }
			want := lg(h.good) - lg(x) - lg(h.good-x) + lg(h.bad) - lg(h.draws-x) - lg(h.bad-h.draws+x) -
				(lg(h.good+h.bad) - lg(h.draws) - lg(h.good+h.bad-h.draws))
			if got := h.logProb(x); math.Abs(got-want) > 1e-12 {
				t.Errorf("%+v: logProb(%g) = %.15g, want %.15g", h, x, got, want)
			}
		}
	}
}
