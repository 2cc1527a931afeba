package stats

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// PoissonRateCI returns the rate of count events in exposure units, expressed
// per `per` units (for example per 1,000 tokens), together with the exact
// two-sided Poisson confidence interval of Garwood (1936) at level conf:
//
//	rate = k / E · per
//	lo   = χ²_{α/2}(2k) / 2 / E · per
//	hi   = χ²_{1−α/2}(2k+2) / 2 / E · per
//
// where k is count, E is exposure, α = 1 − conf and χ²_q(ν) is the q-quantile
// of the chi-square distribution with ν degrees of freedom. Equivalently lo
// and hi are the means λ·E/per at which P(X ≥ k) and P(X ≤ k) equal α/2. When
// count is 0, lo is 0. The unit of all three values is events per `per` units
// of exposure.
//
// The result is NaN when exposure is not positive or when count is negative,
// NaN or infinite. PoissonRateCI panics if conf is outside (0, 1) or per is not
// positive.
//
// Reference: Garwood F (1936) Fiducial limits for the Poisson distribution.
// Biometrika 28:437–442.
func PoissonRateCI(count, exposure, per, conf float64) (rate, lo, hi float64) {
	checkConf(conf)
	if !(per > 0) || math.IsInf(per, 1) {
		panic("stats: per is not a positive number")
	}
	if !validCount(count) || !(exposure > 0) || math.IsInf(exposure, 1) {
		return math.NaN(), math.NaN(), math.NaN()
	}
	alpha := 1 - conf
	scale := per / exposure
	rate = Rate(count, exposure, per)
	if count > 0 {
		// χ²_q(2k)/2 is the q-quantile of the Gamma(k, 1) distribution.
		lo = mathext.GammaIncRegInv(count, alpha/2) * scale
	}
	hi = mathext.GammaIncRegCompInv(count+1, alpha/2) * scale
	return rate, lo, hi
}

// Rate is count per per units of exposure, count × (per / exposure): the
// point estimate of PoissonRateCI, for a caller that needs no interval.
// It is NaN when exposure is not positive.
func Rate(count, exposure, per float64) float64 {
	if !(exposure > 0) {
		return math.NaN()
	}
	return count * (per / exposure)
}
