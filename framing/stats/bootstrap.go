package stats

import (
	"math"
	"slices"
)

// Bootstrap is the result of BootstrapIndex.
type Bootstrap struct {
	// Index is the framing index of the summed counts of all documents.
	Index float64
	// Lo and Hi bound the percentile bootstrap interval of Index.
	Lo, Hi float64
	// Draws is the number of resamples drawn and Usable the number whose
	// documents had at least one hit and so a defined index.
	Draws, Usable int
	// Seed is the seed the resamples were drawn with.
	Seed uint64
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// BootstrapIndex returns the framing index of a set of documents, each given
// as its pair of counts {pos, neg}, with a percentile bootstrap interval that
// treats documents, not tokens, as the sampling unit (Efron and Tibshirani
// 1993, ch. 13).
//
// The index is the ratio of summed counts, I = (Σpos − Σneg)/(Σpos + Σneg).
// Each of draws resamples picks len(docs) documents with replacement and
// computes the same ratio; resamples without any hit have no index and are
// skipped, and Usable counts the others. Lo and Hi are the (1−conf)/2 and
// (1+conf)/2 quantiles of the usable resampled indices, interpolated linearly
// between order statistics (Hyndman and Fan 1996, definition 7, as NumPy's
// percentile and R's quantile by default).
//
// Documents are drawn with rand.New(rand.NewPCG(seed, seed)).IntN, so the same
// seed, draws and documents give the same result bit for bit.
//
// The values are NaN, with Reason set, when docs is empty or has no hit. An
// invalid count returns a *CountError. BootstrapIndex panics if draws < 1 or
// conf is outside (0, 1).
//
// Reference: Efron B, Tibshirani RJ (1993) An Introduction to the Bootstrap.
// Chapman & Hall.
func BootstrapIndex(docs [][2]float64, draws int, seed uint64, conf float64) (Bootstrap, error) {
	checkConf(conf)
	if draws < 1 {
		panic("stats: draws < 1")
	}
	res := Bootstrap{Index: math.NaN(), Lo: math.NaN(), Hi: math.NaN(), Draws: draws, Seed: seed}
	var pos, neg float64
	for i, d := range docs {
		for j, x := range d {
			if !validCount(x) {
				return res, &CountError{Row: i, Col: j, Value: x}
			}
		}
		pos += d[0]
		neg += d[1]
	}
	if len(docs) == 0 {
		res.Reason = "no documents"
		return res, nil
	}
	if pos+neg == 0 {
		res.Reason = "no document has a hit"
		return res, nil
	}
	res.Index = (pos - neg) / (pos + neg)

	rng := newRand(seed)
	n := len(docs)
	idx := make([]float64, 0, draws)
	for range draws {
		var p, q float64
		for range n {
			d := docs[rng.IntN(n)]
			p += d[0]
			q += d[1]
		}
		if p+q > 0 {
			idx = append(idx, (p-q)/(p+q))
		}
	}
	res.Usable = len(idx)
	if res.Usable == 0 {
		res.Reason = "no resample had a hit"
		return res, nil
	}
	slices.Sort(idx)
	res.Lo = quantile7(idx, (1-conf)/2)
	res.Hi = quantile7(idx, (1+conf)/2)
	return res, nil
}
