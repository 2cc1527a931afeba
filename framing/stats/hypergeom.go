package stats

import (
	"math"
	"math/rand/v2"
)

// This file holds the hypergeometric distribution used by FisherExact2x2 and
// MonteCarloChiSquare: an urn of good + bad balls from which draws balls are
// taken without replacement, x of them good.
//
// The log-probability is computed with the saddle-point expansion of Loader
// (2000), which stays accurate to a few ulps of the probability even when the
// counts are in the billions, where differences of log-gamma values lose all
// precision.
//
// Reference: Loader C (2000) Fast and accurate computation of binomial
// probabilities. Technical report, Bell Labs.

const lnSqrt2Pi = 0.918938533204672741780329736406 // ln √(2π)

// stirlingErr returns ln(n!) − ln(√(2πn) (n/e)^n) for n ≥ 1.
func stirlingErr(n float64) float64 {
	if n <= 15 {
		lg, _ := math.Lgamma(n + 1)
		return lg - (n+0.5)*math.Log(n) + n - lnSqrt2Pi
	}
	// Asymptotic series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹);
	// the first omitted term is below 3e-16 for n > 15.
	n2 := n * n
	return (1.0/12 - (1.0/360-(1.0/1260-(1.0/1680-1.0/(1188*n2))/n2)/n2)/n2) / n
}

// devianceTerm returns x ln(x/μ) + μ − x, summing a series when x is close to μ
// so that the cancellation is avoided.
func devianceTerm(x, mu float64) float64 {
	if math.Abs(x-mu) < 0.1*(x+mu) {
		v := (x - mu) / (x + mu)
		s := (x - mu) * v
		term := 2 * x * v
		v2 := v * v
		for j := 3.0; ; j += 2 {
			term *= v2
			next := s + term/j
			if next == s {
				return s
			}
			s = next
		}
	}
	return x*math.Log(x/mu) + mu - x
}

// logBinom returns the log-probability of x successes in n Bernoulli trials of
// success probability p (q = 1 − p given separately for precision).
func logBinom(x, n, p, q float64) float64 {
	switch {
	case x < 0 || x > n:
		return math.Inf(-1)
	case p == 0:
		if x == 0 {
			return 0
		}
		return math.Inf(-1)
	case q == 0:
		if x == n {
			return 0
		}
		return math.Inf(-1)
	case x == 0:
		if n == 0 {
			return 0
		}
		if p < 0.1 {
			return -devianceTerm(n, n*q) - n*p
		}
		return n * math.Log(q)
	case x == n:
		if q < 0.1 {
			return -devianceTerm(n, n*p) - n*q
		}
		return n * math.Log(p)
	}
	lc := stirlingErr(n) - stirlingErr(x) - stirlingErr(n-x) - devianceTerm(x, n*p) - devianceTerm(n-x, n*q)
	lf := 2*lnSqrt2Pi + math.Log(x) + math.Log1p(-x/n)
	return lc - 0.5*lf
}

// hypergeo is the distribution of the number of good balls among draws balls
// taken without replacement from an urn of good and bad balls.
type hypergeo struct {
	good, bad, draws float64
}

// support returns the smallest and largest possible counts.
func (h hypergeo) support() (lo, hi float64) {
	return math.Max(0, h.draws-h.bad), math.Min(h.draws, h.good)
}

// mode returns ⌊(draws+1)(good+1)/(N+2)⌋ clamped to the support; the
// probabilities do not decrease up to it and do not increase after it.
func (h hypergeo) mode() float64 {
	lo, hi := h.support()
	m := math.Floor((h.draws + 1) * (h.good + 1) / (h.good + h.bad + 2))
	return math.Min(math.Max(m, lo), hi)
}

// logProb returns ln P(X = x), as the ratio of three binomial probabilities
// with the same success probability draws/N:
// C(good,x)C(bad,draws−x)/C(N,draws) = b(x;good)·b(draws−x;bad)/b(draws;N).
func (h hypergeo) logProb(x float64) float64 {
	lo, hi := h.support()
	if x < lo || x > hi {
		return math.Inf(-1)
	}
	n := h.good + h.bad
	p := h.draws / n
	q := (n - h.draws) / n
	return logBinom(x, h.good, p, q) + logBinom(h.draws-x, h.bad, p, q) - logBinom(h.draws, n, p, q)
}

// ratioUp returns P(X = x+1) / P(X = x).
func (h hypergeo) ratioUp(x float64) float64 {
	return (h.good - x) * (h.draws - x) / ((x + 1) * (h.bad - h.draws + x + 1))
}

// ratioDown returns P(X = x−1) / P(X = x).
func (h hypergeo) ratioDown(x float64) float64 {
	return x * (h.bad - h.draws + x) / ((h.good - x + 1) * (h.draws - x + 1))
}

// tailFrom returns Σ_{k≥0} P(X = x∓k)/P(X = x), summing towards lower counts
// if down and higher ones otherwise, from x to the end of the support or until
// the terms no longer change the sum.
func (h hypergeo) tailFrom(x float64, down bool) float64 {
	lo, hi := h.support()
	s, t := 1.0, 1.0
	for {
		if down {
			if x <= lo {
				return s
			}
			t *= h.ratioDown(x)
			x--
		} else {
			if x >= hi {
				return s
			}
			t *= h.ratioUp(x)
			x++
		}
		s += t
		if t < s*1e-18 {
			return s
		}
	}
}

// rand draws from the distribution by inversion, walking outwards from the
// mode and alternating sides, so the expected work is of the order of the
// standard deviation, in the manner of Patefield (1981).
func (h hypergeo) rand(rng *rand.Rand) float64 {
	lo, hi := h.support()
	if lo == hi {
		return lo
	}
	m := h.mode()
	pm := math.Exp(h.logProb(m))
	u := rng.Float64() - pm
	if u < 0 {
		return m
	}
	l, r := m, m
	pl, pr := pm, pm
	for l > lo || r < hi {
		if r < hi {
			pr *= h.ratioUp(r)
			r++
			if u -= pr; u < 0 {
				return r
			}
		}
		if l > lo {
			pl *= h.ratioDown(l)
			l--
			if u -= pl; u < 0 {
				return l
			}
		}
	}
	// u exceeded the total probability by rounding: return the mode.
	return m
}
