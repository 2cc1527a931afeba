package stats

import (
	"math"
	"math/rand/v2"
)

// binomialRand draws from the binomial distribution of n trials (a whole
// number) with success probability p = 1 − q, by inversion walking outwards
// from the mode and alternating sides, as hypergeo.rand does: the expected
// work is of the order of the standard deviation √(npq), and the draw uses
// one uniform number.
func binomialRand(rng *rand.Rand, n, p, q float64) float64 {
	switch {
	case n == 0 || p <= 0:
		return 0
	case q <= 0:
		return n
	}
	m := math.Min(math.Floor((n+1)*p), n)
	pm := math.Exp(logBinom(m, n, p, q))
	u := rng.Float64() - pm
	if u < 0 {
		return m
	}
	l, r := m, m
	pl, pr := pm, pm
	odds := p / q
	for l > 0 || r < n {
		if r < n {
			pr *= (n - r) / (r + 1) * odds
			r++
			if u -= pr; u < 0 {
				return r
			}
		}
		if l > 0 {
			pl *= l / (n - l + 1) / odds
			l--
			if u -= pl; u < 0 {
				return l
			}
		}
	}
	// u exceeded the total probability by rounding: return the mode.
	return m
}

// multinomialUnits draws, into c, how many times each of the len(n) unit
// types is picked when total units are drawn with replacement from a
// population holding n[i] units of type i (total = Σ n): a multinomial draw
// with probabilities n[i]/total, made as a sequence of binomial draws, each
// of what is left from what is left of the population.
func multinomialUnits(rng *rand.Rand, n []int, total int, c []float64) {
	left := float64(total)
	pop := total
	for i, ni := range n {
		if i == len(n)-1 || left == 0 {
			c[i] = left
			left = 0
			continue
		}
		p := float64(ni) / float64(pop)
		q := float64(pop-ni) / float64(pop)
		x := binomialRand(rng, left, p, q)
		c[i] = x
		left -= x
		pop -= ni
	}
}

// unitSampler returns a function that draws, into c, how many times each
// unit type is picked when total units are drawn with replacement from n[i]
// units of each type, as multinomialUnits does: by drawing the units one by
// one when there are few of them beside the types (a bootstrap of a group
// whose documents are nearly all different, where a binomial per type
// costs far more), else by multinomialUnits. Both draw from the same
// distribution; the random numbers they take differ.
func unitSampler(n []int, total int) func(rng *rand.Rand, c []float64) {
	if total > unitsPerTypeForBinomials*len(n) {
		return func(rng *rand.Rand, c []float64) { multinomialUnits(rng, n, total, c) }
	}
	types := make([]int32, 0, total)
	for i, ni := range n {
		for range ni {
			types = append(types, int32(i))
		}
	}
	return func(rng *rand.Rand, c []float64) {
		clear(c)
		for range total {
			c[types[rng.IntN(total)]]++
		}
	}
}

// unitsPerTypeForBinomials is about how many units per type make a
// sequence of binomial draws (one per type, each tens of logarithms) cheaper
// than drawing the units one by one.
const unitsPerTypeForBinomials = 16
