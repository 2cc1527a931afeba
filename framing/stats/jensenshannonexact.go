package stats

import (
	"math"
	"slices"
)

// JensenShannonExact returns the unsmoothed Jensen–Shannon distance between
// the label distributions of two count vectors p and q, in bits:
//
//	P_i = p_i/Σp,  Q_i = q_i/Σq,  M_i = (P_i + Q_i)/2
//	JSD = ½ Σ_i P_i log₂(P_i/M_i) + ½ Σ_i Q_i log₂(Q_i/M_i),   d = √JSD,
//
// with 0·log 0 = 0 (Lin 1991; Endres and Schindelin 2003). It is the
// distance of JensenShannon with α = 0 and of
// scipy.spatial.distance.jensenshannon(p, q, base=2), computed so that it is
// exactly 0 when the distributions are equal, whatever the sample sizes
// (p ∝ q), and keeps its relative precision when they nearly are. Each cell
// contributes M_i·t(δ_i) nats, where δ_i = (P_i − Q_i)/(P_i + Q_i) =
// (p_i Σq − q_i Σp)/(p_i Σq + q_i Σp), the products taken exactly (by fused
// multiply-add), and
//
//	t(δ) = ½[(1+δ) ln(1+δ) + (1−δ) ln(1−δ)] = Σ_{n≥1} δ^{2n} / (2n(2n−1)),
//
// which is non-negative, exactly 0 at δ = 0, ln 2 at δ = ±1 (a cell of one
// distribution only) and summed as a series for |δ| < ½, so no term cancels
// another. The distance lies in [0, 1].
//
// The distance is NaN when either vector has no counts or holds a negative,
// NaN or infinite count. JensenShannonExact panics if p and q differ in
// length.
//
// References: Lin J (1991) Divergence measures based on the Shannon entropy.
// IEEE Trans Inf Theory 37:145–151. Endres DM, Schindelin JE (2003) A new
// metric for probability distributions. IEEE Trans Inf Theory 49:1858–1860.
func JensenShannonExact(p, q []float64) float64 {
	if len(p) != len(q) {
		panic("stats: slices of unequal length")
	}
	var sp, sq float64
	for i := range p {
		if !validCount(p[i]) || !validCount(q[i]) {
			return math.NaN()
		}
		sp += p[i]
		sq += q[i]
	}
	if sp == 0 || sq == 0 || math.IsInf(sp, 1) || math.IsInf(sq, 1) {
		return math.NaN()
	}
	var js float64
	for i := range p {
		if p[i] == 0 && q[i] == 0 {
			continue
		}
		a := p[i] * sq
		ea := math.FMA(p[i], sq, -a)
		b := q[i] * sp
		eb := math.FMA(q[i], sp, -b)
		delta := ((a - b) + (ea - eb)) / (a + b)
		pi, qi := p[i]/sp, q[i]/sq
		if math.IsInf(a+b, 1) {
			// Counts near the float64 range: the normalised shares.
			delta = (pi - qi) / (pi + qi)
		}
		m := (pi + qi) / 2
		js += m * jsTerm(delta)
	}
	return math.Sqrt(js / math.Ln2)
}

// jsTerm returns t(δ) = ½[(1+δ) ln(1+δ) + (1−δ) ln(1−δ)] for |δ| ≤ 1.
func jsTerm(d float64) float64 {
	d = math.Abs(d)
	switch {
	case d >= 1:
		return math.Ln2
	case d >= 0.5:
		return ((1+d)*math.Log1p(d) + (1-d)*math.Log1p(-d)) / 2
	}
	d2 := d * d
	var s float64
	pow := d2
	for n := 1.0; ; n++ {
		term := pow / (2 * n * (2*n - 1))
		if s+term == s {
			return s
		}
		s += term
		pow *= d2
	}
}

// JSBoot is the result of JensenShannonBootstrap.
type JSBoot struct {
	// Distance is the JensenShannonExact distance of the two groups'
	// summed counts, in bits, and Lo and Hi its percentile bootstrap
	// interval.
	Distance, Lo, Hi float64
	// Draws is the number of resamples and Seed the seed they were drawn
	// with. Undefined is the number of resamples in which a group had no
	// hit, so no distribution.
	Draws, Undefined int
	Seed             uint64
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// JensenShannonBootstrap returns the JensenShannonExact distance between the
// summed label counts of groups a and b of u, with a percentile bootstrap
// interval at level conf that resamples units: each of draws resamples draws
// each group's units with replacement, separately (a multinomial draw of its
// unit types), and computes the distance of the resampled sums. As for
// ClusterBootstrap, resamples in which a group has no hit are counted in
// Undefined; the interval comes from the others unless Undefined exceeds
// (1 − conf)/2 · draws, and is then NaN with Reason set. The quantiles are
// interpolated linearly (Hyndman and Fan 1996, definition 7).
//
// The plug-in distance is biased upwards in small samples (two samples from
// one distribution rarely have equal shares), and the percentile interval
// inherits the bias: it says how much the distance moves from unit to unit,
// not whether it differs from 0, which PermutationTest tests.
//
// Resamples are drawn with rand.New(rand.NewPCG(seed, seed)). The values are
// NaN, with Reason set, when a group has no hit. Invalid counts return a
// *CountError or a *UnitsError. JensenShannonBootstrap panics if draws < 1,
// conf is outside (0, 1), or a or b is not a group of u.
//
// Reference: Efron B, Tibshirani RJ (1993) An Introduction to the Bootstrap,
// ch. 13. Chapman & Hall.
func JensenShannonBootstrap(u Units, a, b int, draws int, seed uint64, conf float64) (JSBoot, error) {
	checkConf(conf)
	if draws < 1 {
		panic("stats: draws < 1")
	}
	nan := math.NaN()
	res := JSBoot{Distance: nan, Lo: nan, Hi: nan, Draws: draws, Seed: seed}
	k, groups, err := u.check()
	if err != nil {
		return res, err
	}
	if len(u.Types) > 0 && (a < 0 || a >= groups || b < 0 || b >= groups) {
		panic("stats: group outside Units.Count")
	}
	type side struct {
		types []int // indices of the types the group has
		n     []int // its units of each
		d     int
		sum   []float64
		c     []float64
	}
	sides := [2]*side{}
	for s, g := range [2]int{a, b} {
		sd := &side{sum: make([]float64, k)}
		for t := range u.Types {
			if n := u.Count[t][g]; n > 0 {
				sd.types = append(sd.types, t)
				sd.n = append(sd.n, n)
				sd.d += n
				for j, x := range u.Types[t] {
					sd.sum[j] += float64(n) * x
				}
			}
		}
		sd.c = make([]float64, len(sd.types))
		sides[s] = sd
	}
	res.Distance = JensenShannonExact(sides[0].sum, sides[1].sum)
	if math.IsNaN(res.Distance) {
		res.Reason = "a group has no hit"
		return res, nil
	}
	rng := newRand(seed)
	ra, rb := make([]float64, k), make([]float64, k)
	dist := make([]float64, 0, draws)
	for range draws {
		for s, r := range [2][]float64{ra, rb} {
			sd := sides[s]
			multinomialUnits(rng, sd.n, sd.d, sd.c)
			clear(r)
			for i, t := range sd.types {
				if sd.c[i] == 0 {
					continue
				}
				for j, x := range u.Types[t] {
					r[j] += sd.c[i] * x
				}
			}
		}
		v := JensenShannonExact(ra, rb)
		if math.IsNaN(v) {
			res.Undefined++
			continue
		}
		dist = append(dist, v)
	}
	alpha := (1 - conf) / 2
	if float64(res.Undefined) > alpha*float64(draws) {
		res.Reason = "more resamples without a hit in a group than the tail of the interval"
		return res, nil
	}
	slices.Sort(dist)
	res.Lo = quantile7(dist, alpha)
	res.Hi = quantile7(dist, 1-alpha)
	return res, nil
}
