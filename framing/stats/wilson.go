package stats

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// Wilson returns the proportion p = x/n of successes x in n trials and the
// Wilson (1927) score interval at level conf:
//
//	centre = (p + z²/(2n)) / (1 + z²/n)
//	half   = z / (1 + z²/n) · √(p(1−p)/n + z²/(4n²))
//	lo, hi = centre − half, centre + half
//
// where z is the 1 − α/2 quantile of the standard normal distribution and
// α = 1 − conf. The values are proportions in [0, 1]; lo is exactly 0 when
// x = 0 and hi exactly 1 when x = n.
//
// The result is NaN when n is not positive, or when x is negative, NaN or
// greater than n. Wilson panics if conf is outside (0, 1).
//
// Reference: Wilson EB (1927) Probable inference, the law of succession, and
// statistical inference. J Am Stat Assoc 22:209–212.
func Wilson(successes, n, conf float64) (p, lo, hi float64) {
	checkConf(conf)
	if !(n > 0) || math.IsInf(n, 1) || !validCount(successes) || successes > n {
		return math.NaN(), math.NaN(), math.NaN()
	}
	z := -mathext.NormalQuantile((1 - conf) / 2)
	z2 := z * z
	p = Proportion(successes, n)
	denom := 1 + z2/n
	centre := (p + z2/(2*n)) / denom
	half := z * math.Sqrt(p*(1-p)/n+z2/(4*n*n)) / denom
	lo, hi = centre-half, centre+half
	if successes == 0 {
		lo = 0
	}
	if successes == n {
		hi = 1
	}
	return p, math.Max(lo, 0), math.Min(hi, 1)
}

// Proportion is k / n, the point estimate of Wilson, for a caller that
// needs no interval: NaN when n is not positive.
func Proportion(k, n float64) float64 {
	if !(n > 0) {
		return math.NaN()
	}
	return k / n
}
