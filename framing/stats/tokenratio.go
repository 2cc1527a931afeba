package stats

import (
	"math"
	"math/big"

	"gonum.org/v1/gonum/stat/distuv"
)

// Variance names the variance function of a quasi-likelihood model of hits
// counted out of tokens: how the variance of a unit's count k out of n
// tokens grows with its mean under independent hits.
type Variance int

const (
	// PoissonVariance: a rate of hits per token, Var(k) = φ n r.
	PoissonVariance Variance = iota
	// BinomialVariance: a share of tokens, Var(k) = φ n p(1 − p).
	BinomialVariance
)

// v is the variance function at the mean μ per token.
func (v Variance) v(mu float64) float64 {
	if v == BinomialVariance {
		return mu * (1 - mu)
	}
	return mu
}

// TokenSums are the sufficient statistics of a ratio k/n of hits to tokens
// over units (documents): D units with tokens, Σk, Σn, Σk², Σkn and Σn², all
// whole numbers, so that the sums of two corpora are the sums of their
// TokenSums.
type TokenSums struct {
	D, K, N, KK, KN, NN float64
}

// Add adds one unit with k of n: counted in D when it has tokens (n > 0),
// as a tally counts the units of a rate.
func (s *TokenSums) Add(k, n float64) {
	if n > 0 {
		s.D++
	}
	s.K += k
	s.N += n
	s.KK += k * k
	s.KN += k * n
	s.NN += n * n
}

// rss is Σ_i (k_i − r n_i)² at the units' own ratio r = K/N, from the sums:
// (N²Σk² − 2KNΣkn + K²Σn²)/N², the numerator in 256-bit arithmetic, which
// is exact for whole-number sums below 2⁶⁴. In float64 the three terms
// cancel to rounding noise (of the order of 1e-16 Σk²) when every unit is
// at the ratio, where the sum is exactly 0 and QuasiHomogeneity must see
// φ̂ = 0. Sums that are not finite are left to float64.
func (s TokenSums) rss() float64 {
	r := s.K / s.N
	for _, x := range []float64{s.K, s.N, s.KK, s.KN, s.NN} {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return math.Max(s.KK-2*r*s.KN+r*r*s.NN, 0)
		}
	}
	prod := func(a, b, c float64) *big.Float {
		z := new(big.Float).SetPrec(256).SetFloat64(a)
		z.Mul(z, new(big.Float).SetFloat64(b))
		return z.Mul(z, new(big.Float).SetFloat64(c))
	}
	num, cross := prod(s.N, s.N, s.KK), prod(s.K, s.N, s.KN)
	num.Sub(num, cross)
	num.Sub(num, cross)
	num.Add(num, prod(s.K, s.K, s.NN))
	v, _ := num.Float64()
	return math.Max(v/(s.N*s.N), 0)
}

// TokenRatio is the result of TokenRatioInterval.
type TokenRatio struct {
	// Estimate is Σk/Σn (hits per token, or a share) and Lo and Hi its
	// interval.
	Estimate, Lo, Hi float64
	// Deff is the design effect: the cluster-robust variance of Estimate
	// over its variance if hits were independent (Poisson or binomial);
	// NaN when there is no hit or fewer than two units.
	Deff float64
	// DeffUsed is the design effect the interval used: Deff, but at least
	// 1, and 1 when Deff is NaN.
	DeffUsed float64
	// EffectiveHits is Σk/DeffUsed.
	EffectiveHits float64
	// Units is D.
	Units float64
	// Reason says why values are NaN, or (with the values set) why the
	// interval could not allow for clustering; it is empty otherwise.
	Reason string
}

// TokenRatioInterval returns the ratio Σk/Σn of the units summed in s with an
// interval at level conf that allows for hits clustering in units: the
// interval for independent hits — the exact Poisson interval of Garwood
// (PoissonRateCI) for a rate, the Wilson interval for a share — computed at
// the effective sample size, every count divided by the design effect
// (Kish 1965; Korn and Graubard 1998, who do the same for proportions from
// complex surveys):
//
//	Var_cluster = D/(D−1) · Σ_i (k_i − p̂ n_i)² / (Σn)²     (ratio estimator, CR1)
//	Var_indep   = v(p̂) / Σn,   v(p) = p (rate) or p(1 − p) (share)
//	deff        = Var_cluster / Var_indep
//	used        = max(deff · (t_{df, (1+conf)/2} / z_{(1+conf)/2})², 1),  df = (Σn)²/Σn² − 1 (at least 1)
//	interval    = interval(Σk/used out of Σn/used).
//
// The factor (t/z)² is Korn and Graubard's allowance for a variance
// estimated from few units, with Kish's effective number of units by tokens
// as their number: a group whose tokens sit mostly in one long document
// gets a wide interval. The design effect used is not allowed below 1, as
// Korn and Graubard truncate it, so the interval is never narrower than that
// of independent hits; without
// a hit, or with fewer than two units, the variance cannot be estimated
// from the units and the interval is that of independent hits, Reason
// saying so. Estimate and the interval are NaN when Σn is 0. TokenRatioInterval
// panics if conf is outside (0, 1).
//
// References: Kish L (1965) Survey Sampling. Wiley. Korn EL, Graubard BI
// (1998) Confidence intervals for proportions with small expected number of
// positive counts estimated from survey data. Surv Methodol 24:193–201.
func TokenRatioInterval(s TokenSums, v Variance, conf float64) TokenRatio {
	checkConf(conf)
	nan := math.NaN()
	res := TokenRatio{Estimate: nan, Lo: nan, Hi: nan, Deff: nan, DeffUsed: nan, EffectiveHits: nan, Units: s.D}
	if !(s.N > 0) {
		res.Reason = "no tokens"
		return res
	}
	p := s.K / s.N
	res.DeffUsed = 1
	switch {
	case s.K == 0:
		res.Reason = "no hits: no variance between documents to estimate; interval as for independent hits"
	case s.D < 2:
		res.Reason = "one document: no variance between documents to estimate; interval as for independent hits"
	case v.v(p) == 0:
		res.Reason = "the share is 1: no variance to compare with; interval as for independent hits"
	default:
		vc := s.D / (s.D - 1) * s.rss() / (s.N * s.N)
		res.Deff = vc / (v.v(p) / s.N)
		res.DeffUsed = math.Max(res.Deff*dfFactor(s.N*s.N/s.NN-1, conf), 1)
	}
	k, n := s.K/res.DeffUsed, s.N/res.DeffUsed
	res.EffectiveHits = k
	if v == BinomialVariance {
		res.Estimate, res.Lo, res.Hi = Wilson(k, n, conf)
	} else {
		res.Estimate, res.Lo, res.Hi = PoissonRateCI(k, n, 1, conf)
	}
	res.Estimate = p // the same ratio, without the rounding of k/n
	return res
}

// dfFactor is Korn and Graubard's (1998) allowance for a design effect
// estimated from few units: (t_{df, (1+conf)/2} / z_{(1+conf)/2})², df the
// Kish effective number of units less one (at least 1).
func dfFactor(df, conf float64) float64 {
	q := (1 + conf) / 2
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: math.Max(df, 1)}.Quantile(q)
	z := distuv.UnitNormal.Quantile(q)
	return t * t / (z * z)
}

// QuasiTest is the result of QuasiHomogeneity.
type QuasiTest struct {
	// X2 is Pearson's X² of the groups' counts against a common ratio,
	// Phi the dispersion φ̂ estimated from the units, F = X²/(G−1)/φ̂ the
	// statistic, DF1 = G − 1 and DF2 (see QuasiHomogeneity) its degrees of freedom, and P
	// its p-value.
	X2, Phi, F, DF1, DF2, P float64
	// Dropped are the groups without tokens, left out.
	Dropped []int
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// QuasiHomogeneity tests whether several groups of units share one ratio of
// hits to tokens, allowing the hits to cluster in units by the
// quasi-likelihood model Var(k_i) = φ n_i v(p) (Wedderburn 1974; McCullagh
// and Nelder 1989, §4.5): Pearson's X² of the groups' counts K_g against the
// common ratio p̂₀ = ΣK/ΣN,
//
//	X² = Σ_g (K_g − p̂₀N_g)² / (N_g v(p̂₀))   (a rate; for a share the 2-column table's X²),
//
// is divided by its degrees of freedom and by the dispersion φ̂ estimated
// from the units within the groups,
//
//	φ̂ = Σ_g Σ_i (k_i − p̂_g n_i)² / Σ_g v(p̂₀) (N_g − Σ_i n_i²/N_g),
//
// a moment estimator (E Σ_i (k_i − p̂_g n_i)² = φ v (N_g − Σn_i²/N_g) under the
// model), and F = X²/(G−1)/φ̂ is referred to the F distribution with G − 1 and
// Σ_g (E_g − 1) degrees of freedom (at least 1), E_g = N_g²/Σ_i n_i² Kish's
// effective number of units of group g by tokens: D − G when the units are of
// one size, fewer when a long document carries much of a group's tokens and
// φ̂ rests on little. φ̂ = 1 would give the test for independent hits
// (chi-square with G − 1 degrees of freedom as D grows); φ̂ is not
// truncated at 1.
//
// Groups without tokens are left out (Dropped). The values are NaN, with
// Reason set, when fewer than two groups have tokens, there is no hit, the
// share is 1 everywhere (or more hits than tokens: sums no documents make),
// or D ≤ G; when φ̂ is 0 (every unit at its group's ratio) X², DF1 and DF2
// are given and φ̂, F and P are NaN, with Reason set.
//
// References: Wedderburn RWM (1974) Quasi-likelihood functions, generalized
// linear models, and the Gauss–Newton method. Biometrika 61:439–447.
// McCullagh P, Nelder JA (1989) Generalized Linear Models, 2nd ed. Chapman &
// Hall.
func QuasiHomogeneity(groups []TokenSums, v Variance) QuasiTest {
	nan := math.NaN()
	res := QuasiTest{X2: nan, Phi: nan, F: nan, DF1: nan, DF2: nan, P: nan}
	var kept []TokenSums
	var k, n, d float64
	for g, s := range groups {
		if !(s.N > 0) {
			res.Dropped = append(res.Dropped, g)
			continue
		}
		kept = append(kept, s)
		k, n, d = k+s.K, n+s.N, d+s.D
	}
	G := float64(len(kept))
	p0 := 0.0
	if n > 0 {
		p0 = k / n
	}
	switch {
	case len(kept) < 2:
		res.Reason = "fewer than two groups with tokens"
		return res
	case k == 0:
		res.Reason = "no hits in any group"
		return res
	case v.v(p0) == 0:
		res.Reason = "the share is 1 in every group"
		return res
	case v.v(p0) < 0:
		res.Reason = "more hits than tokens: not a share"
		return res
	case d <= G:
		res.Reason = "no more documents than groups: no dispersion to estimate"
		return res
	}
	var x2, rss, scale, df2 float64
	for _, s := range kept {
		e := p0 * s.N
		x2 += (s.K - e) * (s.K - e) / (s.N * v.v(p0))
		rss += s.rss()
		scale += v.v(p0) * (s.N - s.NN/s.N)
		df2 += s.N*s.N/s.NN - 1 // Kish's effective documents, less one
	}
	res.X2, res.DF1, res.DF2 = x2, G-1, math.Max(df2, 1)
	if !(scale > 0) || rss == 0 {
		res.Reason = "no dispersion within groups (every document at its group's ratio)"
		return res
	}
	res.Phi = rss / scale
	res.F = x2 / res.DF1 / res.Phi
	res.P = distuv.F{D1: res.DF1, D2: res.DF2}.Survival(res.F)
	return res
}
