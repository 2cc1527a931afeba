package stats

import "math"

// JensenShannon returns the Jensen–Shannon distance between the label
// distributions of two count vectors p and q, in bits:
//
//	P_i = (p_i + α) / Σ_k (p_k + α),  Q_i likewise,  M = (P + Q)/2
//	JSD = ½ Σ_i P_i log₂(P_i/M_i) + ½ Σ_i Q_i log₂(Q_i/M_i)
//	d   = √JSD
//
// where α ≥ 0 is an additive (Lidstone) smoothing count added to every cell
// before normalising; α = 0 compares the raw proportions. Terms with P_i = 0
// contribute 0. The distance is a metric on distributions and lies in [0, 1]
// (Endres and Schindelin 2003). With α = 0 it equals
// scipy.spatial.distance.jensenshannon(p, q, base=2).
//
// The distance is NaN when either vector has no counts (a group without hits
// has no distribution; smoothing would invent one), or holds a negative, NaN
// or infinite count. JensenShannon panics if p and q differ in length or if
// alpha is negative or NaN.
//
// References: Lin J (1991) Divergence measures based on the Shannon entropy.
// IEEE Trans Inf Theory 37:145–151. Endres DM, Schindelin JE (2003) A new
// metric for probability distributions. IEEE Trans Inf Theory 49:1858–1860.
func JensenShannon(p, q []float64, alpha float64) float64 {
	if len(p) != len(q) {
		panic("stats: slices of unequal length")
	}
	if !(alpha >= 0) || math.IsInf(alpha, 1) {
		panic("stats: alpha is not a finite non-negative number")
	}
	var sp, sq float64
	for i := range p {
		if !validCount(p[i]) || !validCount(q[i]) {
			return math.NaN()
		}
		sp += p[i]
		sq += q[i]
	}
	if sp == 0 || sq == 0 {
		return math.NaN()
	}
	k := float64(len(p))
	sp += k * alpha
	sq += k * alpha
	var js float64
	for i := range p {
		pi := (p[i] + alpha) / sp
		qi := (q[i] + alpha) / sq
		mi := (pi + qi) / 2
		if pi > 0 {
			js += pi * math.Log(pi/mi)
		}
		if qi > 0 {
			js += qi * math.Log(qi/mi)
		}
	}
	js /= 2 * math.Ln2
	return math.Sqrt(math.Max(js, 0))
}

// JSDistanceMatrix returns the symmetric matrix of Jensen–Shannon distances
// (see JensenShannon) between the rows of table, in bits. Rows without counts
// have NaN distances, to themselves too; the diagonal is 0 otherwise. With
// alpha 0 the distances are JensenShannonExact's: exactly 0 for equal
// distributions, whatever the sample sizes. An invalid count returns a
// *CountError. JSDistanceMatrix panics if the rows have unequal lengths or
// alpha is negative or NaN.
func JSDistanceMatrix(table [][]float64, alpha float64) ([][]float64, error) {
	if _, err := checkTable(table); err != nil {
		return nil, err
	}
	n := len(table)
	d := make([][]float64, n)
	for i := range d {
		d[i] = make([]float64, n)
	}
	for i := range n {
		for j := i; j < n; j++ {
			var v float64
			if alpha == 0 {
				v = JensenShannonExact(table[i], table[j])
			} else {
				v = JensenShannon(table[i], table[j], alpha)
			}
			if i == j && !math.IsNaN(v) {
				v = 0
			}
			d[i][j], d[j][i] = v, v
		}
	}
	return d, nil
}
