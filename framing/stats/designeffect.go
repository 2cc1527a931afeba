package stats

import (
	"fmt"
	"math"
)

// RatioSums are the sufficient statistics of a ratio estimate p̂ = Σx/Σm over
// units (see Ratio for x and m): the number of units and five sums. Sums of
// two sets of units are the sums of their RatioSums, so a tally can carry
// them instead of the units. D counts every unit, with or without hits.
// Index marks the sums of a framing index (x = pos, m = pos + neg), whose
// DesignEffect is reported on the scale of the index.
type RatioSums struct {
	D          float64 // units
	X, M       float64 // Σx, Σm
	XX, XM, MM float64 // Σx², Σxm, Σm²
	Index      bool
}

// Add adds n units with successes x among m hits.
func (s *RatioSums) Add(x, m float64, n int) {
	w := float64(n)
	s.D += w
	s.X += w * x
	s.M += w * m
	s.XX += w * x * x
	s.XM += w * x * m
	s.MM += w * m * m
}

// Merge returns the sums of the units of s and t together. It panics if
// one holds a framing index and the other a share.
func (s RatioSums) Merge(t RatioSums) RatioSums {
	if s.Index != t.Index {
		panic("stats: merging the sums of an index and of a share")
	}
	return RatioSums{D: s.D + t.D, X: s.X + t.X, M: s.M + t.M, XX: s.XX + t.XX, XM: s.XM + t.XM, MM: s.MM + t.MM, Index: s.Index}
}

// RatioSumsOf returns the RatioSums of one group's units under r. Invalid
// counts return a *CountError or a *UnitsError; it panics if group is not a
// group of u or r does not fit the vectors.
func RatioSumsOf(u Units, group int, r Ratio) (RatioSums, error) {
	pairs, _, err := groupPairs(u, group, r)
	s := RatioSums{Index: r.Index}
	for _, p := range pairs {
		s.Add(p.x, p.m, p.n)
	}
	return s, err
}

// DesignEffect is the result of RatioSums.DesignEffect and DesignEffectOf.
type DesignEffect struct {
	// Estimate is p̂ = Σx/Σm, or the framing index 2p̂ − 1 (see Ratio).
	Estimate float64
	// VarCluster is the cluster-robust (ratio-estimator) variance of
	// Estimate and VarBinomial its variance if hits were independent, both
	// in the squared unit of Estimate.
	VarCluster, VarBinomial float64
	// Deff is the design effect VarCluster/VarBinomial (dimensionless).
	Deff float64
	// EffectiveHits is Σm/Deff, the number of independent hits that would
	// give the same variance.
	EffectiveHits float64
	// EffectiveUnits is Kish's effective number of units (Σm)²/Σm², in
	// [1, units with hits]: the units the estimate effectively rests on
	// when unit i weighs m_i in it.
	EffectiveUnits float64
	// Units is the number of units D.
	Units float64
	// Reason says why values are NaN; it is empty otherwise.
	Reason string
}

// DesignEffect returns the design effect of the ratio estimate p̂ = Σx/Σm of
// the units summed in s (Kish 1965): the ratio of its cluster-robust
// variance, which treats units as independent and their hits as clustered,
// to the binomial variance, which treats hits as independent,
//
//	Var_cluster(p̂)  = D/(D−1) · Σ_i (x_i − p̂ m_i)² / (Σm)²
//	Var_binomial(p̂) = p̂(1 − p̂) / Σm
//	deff            = Var_cluster / Var_binomial,
//
// the first the linearisation variance of a ratio estimator with the
// small-sample factor D/(D−1) (Cochran 1977, ch. 6; the CR1 sandwich of
// cluster-robust regression). Σ(x_i − p̂ m_i)² = Σx² − 2p̂Σxm + p̂²Σm², which
// loses precision when the residuals are tiny beside the sums (a negative
// result from rounding is read as 0); DesignEffectOf sums the residuals
// themselves. The variances are multiplied by 4 for the index. deff is about
// 1 + (m̄−1)ρ for units of m̄ hits with intra-class correlation ρ (Kish
// 1965). EffectiveHits = Σm/deff and EffectiveUnits = (Σm)²/Σm², Kish's
// effective sample size for unequal weights (Kish 1992).
//
// The values are NaN, with Reason set, when there is no hit, when D < 2, and
// (Deff and EffectiveHits only) when p̂ is 0 or 1, where the binomial
// variance is 0.
//
// References: Kish L (1965) Survey Sampling. Wiley. Cochran WG (1977)
// Sampling Techniques, 3rd ed. Wiley. Kish L (1992) Weighting for unequal
// Pi. J Off Stat 8:183–200.
func (s RatioSums) DesignEffect() DesignEffect {
	p := s.X / s.M
	res := designEffect(s.D, s.X, s.M, s.MM, s.XX-2*p*s.XM+p*p*s.MM)
	if s.Index {
		res.scaleToIndex()
	}
	return res
}

// designEffect computes the DesignEffect from the residual sum of squares.
func designEffect(d, x, m, mm, rss float64) DesignEffect {
	nan := math.NaN()
	res := DesignEffect{Estimate: nan, VarCluster: nan, VarBinomial: nan, Deff: nan, EffectiveHits: nan, EffectiveUnits: nan, Units: d}
	if m == 0 {
		res.Reason = "no unit has a hit"
		return res
	}
	p := x / m
	res.Estimate = p
	res.EffectiveUnits = m * m / mm
	if d < 2 {
		res.Reason = "fewer than two units"
		return res
	}
	res.VarCluster = d / (d - 1) * math.Max(rss, 0) / (m * m)
	res.VarBinomial = p * (1 - p) / m
	if res.VarBinomial > 0 {
		res.Deff = res.VarCluster / res.VarBinomial
		res.EffectiveHits = m / res.Deff
	} else {
		res.Reason = "the share is 0 or 1: no binomial variance to compare with"
	}
	return res
}

// DesignEffectOf returns the DesignEffect of one group's units under r,
// computed from the units themselves (the residuals x_i − p̂ m_i summed
// directly, not through the sums of squares). Invalid counts return a
// *CountError or a *UnitsError; it panics if group is not a group of u or r
// does not fit the vectors.
func DesignEffectOf(u Units, group int, r Ratio) (DesignEffect, error) {
	pairs, d, err := groupPairs(u, group, r)
	if err != nil {
		return designEffect(0, 0, 0, 0, 0), err
	}
	var x, m, mm float64
	for _, q := range pairs {
		w := float64(q.n)
		x += w * q.x
		m += w * q.m
		mm += w * q.m * q.m
	}
	var rss float64
	if m > 0 {
		p := x / m
		for _, q := range pairs {
			e := q.x - p*q.m
			rss += float64(q.n) * e * e
		}
	}
	res := designEffect(float64(d), x, m, mm, rss)
	if r.Index {
		res.scaleToIndex()
	}
	return res, nil
}

// scaleToIndex maps a share's result to the framing index 2p − 1.
func (res *DesignEffect) scaleToIndex() {
	res.Estimate = 2*res.Estimate - 1
	res.VarCluster *= 4
	res.VarBinomial *= 4
}

// RateSums are the sufficient statistics of a rate r̂ = Σk/Σn of hits k per
// token n over units, for the quasi-Poisson dispersion: the number of units
// with tokens, Σk, Σn and Σk²/n. Sums of two sets of units are the sums of
// their RateSums.
type RateSums struct {
	D, K, N, KKOverN float64
}

// Add adds units units with k hits in n tokens; units without tokens (n = 0)
// carry no exposure and are not added. Add panics if n = 0 < k, which a
// tally cannot produce.
func (s *RateSums) Add(k, n float64, units int) {
	if n == 0 {
		if k > 0 {
			panic("stats: hits in a unit without tokens")
		}
		return
	}
	w := float64(units)
	s.D += w
	s.K += w * k
	s.N += w * n
	s.KKOverN += w * k * k / n
}

// Merge returns the sums of the units of s and t together.
func (s RateSums) Merge(t RateSums) RateSums {
	return RateSums{D: s.D + t.D, K: s.K + t.K, N: s.N + t.N, KKOverN: s.KKOverN + t.KKOverN}
}

// RateDispersion is the result of RateSums.Dispersion and RateDispersionOf.
type RateDispersion struct {
	// Rate is r̂ = Σk/Σn, in hits per token.
	Rate float64
	// Phi is the quasi-Poisson dispersion φ̂ (dimensionless): 1 for
	// Poisson hits, larger when hits cluster in units.
	Phi float64
	// EffectiveHits is Σk/φ̂, the number of Poisson hits with the same
	// relative variance.
	EffectiveHits float64
	// Units is the number of units with tokens.
	Units float64
	// Reason says why values are NaN; it is empty otherwise.
	Reason string
}

// Dispersion returns the rate r̂ = Σk/Σn of the units summed in s and the
// quasi-Poisson dispersion of their hit counts around it, Pearson's X² over
// its degrees of freedom (Wedderburn 1974; McCullagh and Nelder 1989):
//
//	φ̂ = Σ_i (k_i − n_i r̂)² / (n_i r̂) / (D − 1) = (Σ(k_i²/n_i)/r̂ − Σk) / (D − 1),
//
// so that Var(k_i) ≈ φ n_i r: the variance of r̂ is φ̂ times its Poisson
// variance r̂/Σn, and EffectiveHits = Σk/φ̂. The second form, from the sums,
// loses precision when φ̂ is far below 1 with large counts (a negative result
// from rounding is read as 0).
//
// The values are NaN, with Reason set, when there are no tokens, no hits
// (φ̂ and EffectiveHits only) or fewer than two units.
//
// References: Wedderburn RWM (1974) Quasi-likelihood functions, generalized
// linear models, and the Gauss–Newton method. Biometrika 61:439–447.
// McCullagh P, Nelder JA (1989) Generalized Linear Models, 2nd ed. Chapman &
// Hall.
func (s RateSums) Dispersion() RateDispersion {
	nan := math.NaN()
	res := RateDispersion{Rate: nan, Phi: nan, EffectiveHits: nan, Units: s.D}
	if s.N == 0 {
		res.Reason = "no unit has tokens"
		return res
	}
	res.Rate = s.K / s.N
	switch {
	case s.K == 0:
		res.Reason = "no hits: no dispersion around a zero rate"
		return res
	case s.D < 2:
		res.Reason = "fewer than two units"
		return res
	}
	res.Phi = math.Max(s.KKOverN/res.Rate-s.K, 0) / (s.D - 1)
	res.EffectiveHits = s.K / res.Phi
	return res
}

// RateDispersionOf returns the rate and quasi-Poisson dispersion of one
// group's units, whose vectors are {hits, tokens}, summing the Pearson
// residuals themselves. Units without tokens are left out. A unit with hits
// but no tokens returns an error, as do invalid counts (*CountError,
// *UnitsError); it panics if group is not a group of u or the vectors are not
// of length 2.
func RateDispersionOf(u Units, group int) (RateDispersion, error) {
	k, groups, err := u.check()
	if err != nil {
		return RateSums{}.Dispersion(), err
	}
	if len(u.Types) == 0 {
		return RateSums{}.Dispersion(), nil
	}
	if group < 0 || group >= groups {
		panic("stats: group outside Units.Count")
	}
	if k != 2 {
		panic("stats: rate units need vectors {hits, tokens} of length 2")
	}
	var s RateSums
	for t, v := range u.Types {
		n := u.Count[t][group]
		if n == 0 {
			continue
		}
		if v[1] == 0 && v[0] > 0 {
			return RateSums{}.Dispersion(), fmt.Errorf("stats: unit type %d has %v hits in 0 tokens", t, v[0])
		}
		s.Add(v[0], v[1], n)
	}
	res := s.Dispersion()
	if math.IsNaN(res.Phi) {
		return res, nil
	}
	var x2 float64
	for t, v := range u.Types {
		if n := u.Count[t][group]; n > 0 && v[1] > 0 {
			mu := v[1] * res.Rate
			e := v[0] - mu
			x2 += float64(n) * e * e / mu
		}
	}
	res.Phi = x2 / (s.D - 1)
	res.EffectiveHits = s.K / res.Phi
	return res, nil
}
