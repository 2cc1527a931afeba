package stats

import "math"

// FramingIndex returns the framing index of a group that used the label of
// one side pos times and the label of the other side neg times:
//
//	I = (pos − neg) / (pos + neg)
//
// I runs from −1 (only neg) to +1 (only pos) and is dimensionless. It is NaN
// when pos + neg = 0 or when either count is negative, NaN or infinite.
func FramingIndex(pos, neg float64) float64 {
	if !validCount(pos) || !validCount(neg) || pos+neg == 0 {
		return math.NaN()
	}
	return (pos - neg) / (pos + neg)
}

// FramingIndexCI returns the framing index of pos and neg with a confidence
// interval at level conf. Since I = 2p − 1 with p = pos/(pos+neg), the
// interval is the Wilson score interval of p (see Wilson) mapped through
// p ↦ 2p − 1:
//
//	lo = 2·lo_p − 1,  hi = 2·hi_p − 1.
//
// All three values are NaN when pos + neg = 0 or a count is invalid.
// FramingIndexCI panics if conf is outside (0, 1).
func FramingIndexCI(pos, neg, conf float64) (index, lo, hi float64) {
	checkConf(conf)
	if !validCount(pos) || !validCount(neg) || pos+neg == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	_, plo, phi := Wilson(pos, pos+neg, conf)
	return FramingIndex(pos, neg), 2*plo - 1, 2*phi - 1
}
