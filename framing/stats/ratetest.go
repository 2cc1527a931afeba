package stats

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// RateTest is the result of RateHomogeneity: a test of whether groups share
// one rate of events per unit of exposure.
type RateTest struct {
	// Stat is Pearson's X² = Σ (k_i − E_i)² / E_i of the groups' counts
	// against the counts E_i expected under one common rate.
	Stat float64
	// G is the likelihood-ratio statistic 2 Σ k_i ln(k_i / E_i).
	G float64
	// DF is the number of groups tested less one.
	DF float64
	// P and GP are the upper-tail probabilities of Stat and G under the
	// chi-square distribution with DF degrees of freedom.
	P, GP float64
	// N is the total count K of the groups tested.
	N float64
	// Expected holds E_i = K n_i / Σn for every group, in input order (0
	// for a group left out). MinExpected is the smallest E_i of a group
	// tested and Below5 the number of them below 5, the usual check of
	// the chi-square approximation (Cochran 1954).
	Expected    []float64
	MinExpected float64
	Below5      int
	// Dropped are the indices of the groups without exposure, left out:
	// their rate is undefined.
	Dropped []int
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// RateHomogeneity tests whether groups with counts k_i of events in
// exposures n_i (hits in own-voice tokens, say) share one Poisson rate.
// Given the total K = Σ k_i the counts are then multinomial with
// probabilities p_i = n_i / Σ n_j, and the test is Pearson's chi-square
// goodness of fit of the counts to their expectations E_i = K p_i, with
// groups − 1 degrees of freedom (as scipy.stats.chisquare(k, E)), and the
// likelihood-ratio G alongside (scipy.stats.power_divergence with
// lambda_="log-likelihood"):
//
//	X² = Σ (k_i − E_i)² / E_i,  G = 2 Σ k_i ln(k_i / E_i)
//
// Unlike a groups × (k, n − k) table, which treats a rate as a share of its
// exposure, it is right however the counts compare with the exposures (a
// group may have more events than exposure units). Both statistics are
// dimensionless. When an expected count is below 5, read
// RateHomogeneityExact.
//
// Groups without exposure are left out (Dropped). The values are NaN, with
// Reason set, when fewer than two groups remain or no group has an event.
// A count or exposure that is negative, NaN or infinite returns a
// *CountError (Col 0 for a count, 1 for an exposure). RateHomogeneity
// panics if counts and exposures have different lengths.
//
// Reference: Cochran WG (1954) Some methods for strengthening the common χ²
// tests. Biometrics 10:417–451 (§5, the Poisson variance test). Agresti A
// (2013) Categorical Data Analysis, 3rd ed., §1.5. Wiley.
func RateHomogeneity(counts, exposures []float64) (RateTest, error) {
	nan := math.NaN()
	res := RateTest{Stat: nan, G: nan, DF: nan, P: nan, GP: nan, N: nan, MinExpected: nan}
	r, err := newRates(counts, exposures)
	if err != nil {
		return res, err
	}
	res.Dropped, res.N = r.dropped, r.total
	if res.Reason = r.degenerate(); res.Reason != "" {
		return res, nil
	}
	res.Expected = make([]float64, len(counts))
	res.MinExpected = math.Inf(1)
	var x2, g float64
	for a, i := range r.kept {
		e, k := r.exp[a], r.counts[a]
		res.Expected[i] = e
		res.MinExpected = math.Min(res.MinExpected, e)
		if e < 5 {
			res.Below5++
		}
		x2 += (k - e) * (k - e) / e
		if k > 0 {
			g += k * math.Log(k/e)
		}
	}
	res.Stat, res.G = x2, 2*g
	res.DF = float64(len(r.kept) - 1)
	res.P, res.GP = chiSquareSurvival(res.Stat, res.DF), chiSquareSurvival(res.G, res.DF)
	return res, nil
}

// RateExact is the result of RateHomogeneityExact.
type RateExact struct {
	// Stat is Pearson's X² of the observed counts (see RateHomogeneity).
	Stat float64
	// P is the probability, under one common rate and given the total, of
	// counts whose X² reaches Stat.
	P float64
	// Method is "exact" when every outcome was enumerated (Outcomes of
	// them), "monte-carlo" when Draws outcomes were drawn with Seed, of
	// which Exceed reached Stat, and P = (1 + Exceed) / (Draws + 1).
	Method   string
	Outcomes float64
	Exceed   int
	Draws    int
	Seed     uint64
	// Dropped are the groups without exposure, left out.
	Dropped []int
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// maxOutcomes is the most outcomes RateHomogeneityExact enumerates; a
// larger sample space is sampled.
const maxOutcomes = 1 << 20

// RateHomogeneityExact returns the p-value of RateHomogeneity's X² from the
// exact distribution of the counts given their total K: multinomial with
// K trials and probabilities p_i = n_i / Σ n_j,
//
//	P = Σ_{x: X²(x) ≥ X²_obs} K! Π p_i^x_i / x_i!
//
// summed over every outcome when there are at most 2²⁰ of them (there are
// C(K + g − 1, g − 1) for g groups); otherwise estimated from draws
// outcomes drawn with seed, P = (1 + #{X²_b ≥ X²_obs}) / (draws + 1) (Hope
// 1968). As in MonteCarloChiSquare, an outcome reaches X²_obs when its X²
// is at least (1 − 64ε) X²_obs, so that ties are not lost to rounding.
// Outcomes are drawn group by group, each count binomial given the ones
// before it, from rand.NewPCG(seed, seed).
//
// Groups without exposure are left out. The values are NaN, with Reason set,
// when fewer than two groups remain, no group has an event, a count is not a
// whole number or the total exceeds 2⁵³. Invalid counts and exposures
// return a *CountError as in RateHomogeneity. RateHomogeneityExact panics if
// draws < 1 or the slices have different lengths.
//
// Reference: Hope ACA (1968) A simplified Monte Carlo significance test
// procedure. J R Stat Soc B 30:582–598. Read TRC, Cressie NAC (1988)
// Goodness-of-Fit Statistics for Discrete Multivariate Data, §5. Springer.
func RateHomogeneityExact(counts, exposures []float64, draws int, seed uint64) (RateExact, error) {
	return rateExact(counts, exposures, draws, seed, maxOutcomes)
}

func rateExact(counts, exposures []float64, draws int, seed uint64, limit float64) (RateExact, error) {
	if draws < 1 {
		panic("stats: draws < 1")
	}
	res := RateExact{Stat: math.NaN(), P: math.NaN(), Outcomes: math.NaN()}
	r, err := newRates(counts, exposures)
	if err != nil {
		return res, err
	}
	res.Dropped = r.dropped
	if res.Reason = r.degenerate(); res.Reason != "" {
		return res, nil
	}
	for _, k := range r.counts {
		if k != math.Trunc(k) {
			res.Reason = "counts are not whole numbers"
			return res, nil
		}
	}
	if r.total > maxExactCount {
		res.Reason = "total count exceeds 2⁵³"
		return res, nil
	}
	res.Stat = r.pearson(r.counts)
	floor := (1 - 64*epsilon) * res.Stat
	if n := outcomes(r.total, len(r.kept), limit); n <= limit {
		res.Method, res.Outcomes = "exact", n
		res.P = math.Min(1, r.exactTail(floor))
		return res, nil
	}
	res.Method, res.Draws, res.Seed = "monte-carlo", draws, seed
	src := rand.NewPCG(seed, seed)
	g := len(r.kept)
	// The probability of group a given that the event is in a or after.
	cond := make([]float64, g)
	tail := 0.0
	for a := g - 1; a >= 0; a-- {
		tail += r.exposure[a]
		cond[a] = math.Min(1, r.exposure[a]/tail)
	}
	x := make([]float64, g)
	for range draws {
		left := r.total
		for a := range g - 1 {
			x[a] = 0
			if left > 0 {
				x[a] = distuv.Binomial{N: left, P: cond[a], Src: src}.Rand()
			}
			left -= x[a]
		}
		x[g-1] = left
		if r.pearson(x) >= floor {
			res.Exceed++
		}
	}
	res.P = float64(1+res.Exceed) / float64(draws+1)
	return res, nil
}

// rates are counts and exposures with the groups without exposure left out.
type rates struct {
	kept               []int     // indices of the groups tested
	dropped            []int     // indices of the groups without exposure
	counts, exposure   []float64 // of the kept groups
	exp                []float64 // their expected counts K n_i / N
	total, totalExpose float64   // K and N
}

func newRates(counts, exposures []float64) (rates, error) {
	if len(counts) != len(exposures) {
		panic("stats: counts and exposures of unequal length")
	}
	var r rates
	for i := range counts {
		if !validCount(counts[i]) {
			return r, &CountError{Row: i, Col: 0, Value: counts[i]}
		}
		if !validCount(exposures[i]) {
			return r, &CountError{Row: i, Col: 1, Value: exposures[i]}
		}
	}
	for i, n := range exposures {
		if n == 0 {
			r.dropped = append(r.dropped, i)
			continue
		}
		r.kept = append(r.kept, i)
		r.counts = append(r.counts, counts[i])
		r.exposure = append(r.exposure, n)
		r.total += counts[i]
		r.totalExpose += n
	}
	for _, n := range r.exposure {
		r.exp = append(r.exp, r.total*(n/r.totalExpose))
	}
	return r, nil
}

// degenerate returns a reason when the test is undefined, and "" otherwise.
func (r *rates) degenerate() string {
	switch {
	case len(r.kept) < 2:
		return "fewer than two groups have exposure"
	case r.total == 0:
		return "no group has an event"
	}
	return ""
}

// pearson returns Σ (x_a − E_a)² / E_a over the kept groups.
func (r *rates) pearson(x []float64) float64 {
	var x2 float64
	for a, e := range r.exp {
		d := x[a] - e
		x2 += d * d / e
	}
	return x2
}

// outcomes returns C(k + g − 1, g − 1), the number of ways to put k events
// into g groups, or a number above limit as soon as it passes it.
func outcomes(k float64, g int, limit float64) float64 {
	n := 1.0
	for j := 1; j < g; j++ {
		n = n * (k + float64(j)) / float64(j)
		if n > limit {
			return math.Inf(1)
		}
	}
	return math.Round(n)
}

// exactTail sums the multinomial probabilities of the outcomes whose X²
// reaches floor, enumerating the counts group by group.
func (r *rates) exactTail(floor float64) float64 {
	k := int(r.total)
	g := len(r.kept)
	logFact := make([]float64, k+1) // ln x!
	for x := range logFact {
		logFact[x], _ = math.Lgamma(float64(x) + 1)
	}
	logP := make([]float64, g)
	for a, n := range r.exposure {
		logP[a] = math.Log(n / r.totalExpose)
	}
	var p float64
	var walk func(a, left int, x2, lp float64)
	walk = func(a, left int, x2, lp float64) {
		if a == g-1 {
			x := float64(left)
			d := x - r.exp[a]
			if x2+d*d/r.exp[a] >= floor {
				p += math.Exp(lp + x*logP[a] - logFact[left])
			}
			return
		}
		for x := 0; x <= left; x++ {
			d := float64(x) - r.exp[a]
			walk(a+1, left-x, x2+d*d/r.exp[a], lp+float64(x)*logP[a]-logFact[x])
		}
	}
	walk(0, k, 0, logFact[k])
	return p
}
