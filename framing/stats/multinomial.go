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
	multinomialDraws(rng, n, total, float64(total), c)
}

// multinomialDraws is multinomialUnits drawing draws units (a whole
// number) from the population of pop = Σ n units.
func multinomialDraws(rng *rand.Rand, n []int, pop int, draws float64, c []float64) {
	left := draws
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
// units of each type, as multinomialUnits does (see drawSampler).
func unitSampler(n []int, total int) func(rng *rand.Rand, c []float64) {
	draw := drawSampler(n, total)
	return func(rng *rand.Rand, c []float64) { draw(rng, float64(total), c) }
}

// drawSampler returns a function that draws, into c, how many times each
// unit type is picked when draws units are drawn with replacement from n[i]
// units of each type (pop = Σ n): by drawing the units one by one when
// there are few of them beside the types (a bootstrap of a group whose
// documents are nearly all different, where a binomial per type costs far
// more), else by multinomialDraws. Both draw from the same distribution;
// the random numbers they take differ.
func drawSampler(n []int, pop int) func(rng *rand.Rand, draws float64, c []float64) {
	if pop > unitsPerTypeForBinomials*len(n) {
		return func(rng *rand.Rand, draws float64, c []float64) { multinomialDraws(rng, n, pop, draws, c) }
	}
	types := make([]int32, 0, pop)
	for i, ni := range n {
		for range ni {
			types = append(types, int32(i))
		}
	}
	n32 := uint32(pop)
	return func(rng *rand.Rand, draws float64, c []float64) {
		clear(c)
		k := int(draws)
		for i := 0; i < k; i += 2 {
			// Two picks from one 64-bit number: the random numbers
			// are most of a resample's cost.
			x := rng.Uint64()
			c[types[below(rng, uint32(x), n32)]]++
			if i+1 < k {
				c[types[below(rng, uint32(x>>32), n32)]]++
			}
		}
	}
}

// below maps the uniform 32-bit number x to a uniform number in [0, n) by
// Lemire's multiply-and-reject method (Lemire 2019, Fast random integer
// generation in an interval, ACM TOMACS 29:3), drawing again from rng in
// the rare case (probability below n/2³²) that x falls in the biased
// remainder.
func below(rng *rand.Rand, x, n uint32) uint32 {
	m := uint64(x) * uint64(n)
	if l := uint32(m); l < n {
		for t := -n % n; l < t; l = uint32(m) {
			m = uint64(uint32(rng.Uint64())) * uint64(n)
		}
	}
	return uint32(m >> 32)
}

// skipSampler is unitSampler for units of which those of the types marked
// idle add nothing to what a resample computes (units without a hit add
// nothing to a ratio's sums or residuals): only how many idle units a
// resample picks matters. It draws that number, one binomial draw, and
// picks the other units from the other types, so a resample costs what
// the units with hits cost, not what all do. The counts of idle types are
// left 0. It draws from the distribution of unitSampler's counts, the
// idle types' counts aside.
func skipSampler(n []int, total int, idle []bool) func(rng *rand.Rand, c []float64) {
	var busy, nBusy []int
	busyUnits := 0
	for i, ni := range n {
		if !idle[i] {
			busy, nBusy = append(busy, i), append(nBusy, ni)
			busyUnits += ni
		}
	}
	if busyUnits == total || busyUnits == 0 {
		return unitSampler(n, total)
	}
	draw := drawSampler(nBusy, busyUnits)
	cb := make([]float64, len(busy))
	p, q, all := float64(busyUnits)/float64(total), float64(total-busyUnits)/float64(total), float64(total)
	return func(rng *rand.Rand, c []float64) {
		clear(c)
		draw(rng, binomialRand(rng, all, p, q), cb)
		for j, i := range busy {
			c[i] = cb[j]
		}
	}
}

// unitsPerTypeForBinomials is about how many units per type make a
// sequence of binomial draws (one per type, about 240 ns each: tens of
// logarithms) cheaper than drawing the units one by one (about 5 ns each,
// two picks from one random number), measured on 50 types of 8 to 128
// units each.
const unitsPerTypeForBinomials = 48
