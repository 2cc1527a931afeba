package stats

import "math"

// CramersV returns Cramér's V of a table with r rows and c columns, grand total
// n and Pearson statistic x2, together with its bias-corrected form Ṽ of
// Bergsma (2013):
//
//	V  = √(φ² / min(r−1, c−1)),  φ² = x2/n
//	φ̃² = max(0, φ² − (r−1)(c−1)/(n−1))
//	r̃  = r − (r−1)²/(n−1),  c̃ = c − (c−1)²/(n−1)
//	Ṽ  = √(φ̃² / min(r̃−1, c̃−1))
//
// Both lie in [0, 1] and are dimensionless; where rounding would put either
// a hair outside (a perfect association, V = 1 in exact arithmetic, comes
// out as 1.0000000000000002) it is clamped to the interval. V is NaN when n is not positive or
// min(r, c) < 2; Ṽ is NaN also when n ≤ 1 or min(r̃−1, c̃−1) ≤ 0.
//
// References: Cramér H (1946) Mathematical Methods of Statistics, p. 282.
// Princeton. Bergsma W (2013) A bias-correction for Cramér's V and Tschuprow's
// T. J Korean Stat Soc 42:323–328.
func CramersV(x2, n float64, r, c int) (v, corrected float64) {
	v, corrected = math.NaN(), math.NaN()
	k := min(r, c)
	if !(n > 0) || k < 2 || math.IsNaN(x2) {
		return v, corrected
	}
	phi2 := x2 / n
	v = unit(math.Sqrt(phi2 / float64(k-1)))
	if !(n > 1) {
		return v, corrected
	}
	rf, cf := float64(r), float64(c)
	phi2c := math.Max(0, phi2-(rf-1)*(cf-1)/(n-1))
	rc := rf - (rf-1)*(rf-1)/(n-1)
	cc := cf - (cf-1)*(cf-1)/(n-1)
	d := math.Min(rc-1, cc-1)
	if d > 0 {
		corrected = unit(math.Sqrt(phi2c / d))
	}
	return v, corrected
}

// unit clamps x to [0, 1], the range of a statistic that only rounding
// error can take outside it; NaN stays NaN.
func unit(x float64) float64 {
	switch {
	case x > 1:
		return 1
	case x < 0:
		return 0
	}
	return x
}
