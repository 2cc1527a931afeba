package stats

import "math"

// GTest returns the likelihood-ratio (G) test of independence of the groups
// (rows) and labels (columns) of table:
//
//	G = 2 Σ_ij O_ij ln(O_ij / E_ij),  E_ij = r_i c_j / N,
//
// where empty cells contribute 0, referred to the chi-square distribution
// with (r−1)(c−1) degrees of freedom (as scipy.stats.chi2_contingency with
// lambda_="log-likelihood" and correction=False). G is dimensionless.
// Because Σ (O_ij − E_ij) = 0, G is summed as 2 Σ [O ln(O/E) − (O − E)],
// whose terms are all non-negative, which keeps its precision when the
// counts are large and the association weak.
//
// All-zero rows and columns are dropped as in ChiSquare, and the undefined
// cases are the same. CramersV in the result is computed from Pearson's X².
//
// Reference: Agresti A (2013) Categorical Data Analysis, 3rd ed., §3.2.1.
// Wiley. Sokal RR, Rohlf FJ (1995) Biometry, 3rd ed., §17.2. Freeman.
func GTest(table [][]float64) (Contingency, error) {
	res, m, exp, ok, err := contingency(table)
	if !ok {
		return res, err
	}
	var g float64
	for a, row := range m.obs {
		for b, o := range row {
			e := exp[a][b]
			if o == 0 {
				g += e
				continue
			}
			d := o - e
			// o ln(o/e) − (o − e), with ln(o/e) = log1p((o−e)/e).
			g += o*math.Log1p(d/e) - d
		}
	}
	res.Stat = 2 * g
	res.P = chiSquareSurvival(res.Stat, res.DF)
	return res, nil
}
