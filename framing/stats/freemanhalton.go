package stats

import "math"

// MaxExactTables is the most tables FreemanHalton enumerates. Beyond it the
// test refuses, with a NaN p-value and a Reason, and the caller falls back to
// MonteCarloChiSquare, which estimates the same p-value. A million tables of
// a few cells take about a second.
const MaxExactTables = 1_000_000

// ExactConditional is the result of FreemanHalton.
type ExactConditional struct {
	// Stat is Pearson's X² of the observed table (dimensionless).
	Stat float64
	// P is the exact conditional p-value with tables ordered by X², the
	// p-value that MonteCarloChiSquare estimates.
	P float64
	// PProbability is the exact conditional p-value with tables ordered by
	// their probability, as Freeman and Halton (1951) and R's fisher.test:
	// the total probability of the tables no more probable than the
	// observed one (within a relative 1e-7). For a 2×2 table it is the
	// p-value of FisherExact2x2.
	PProbability float64
	// Tables is the number of tables with the observed margins, all
	// enumerated; when there are more than the limit, Tables is the limit
	// and the p-values are NaN.
	Tables int
	// DroppedRows and DroppedCols are the indices of the all-zero rows and
	// columns that were left out.
	DroppedRows, DroppedCols []int
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// FreemanHalton returns the exact conditional test of independence of the
// rows and columns of an r×c table of whole counts (Freeman and Halton 1951):
// every table n with the observed row totals r_i and column totals c_j is
// enumerated, with its probability under independence given the margins
// (the multivariate hypergeometric distribution),
//
//	P(n) = Π_i r_i! Π_j c_j! / (N! Π_ij n_ij!),
//
// and the p-value is the total probability of the tables at least as far
// from independence as the observed one by Pearson's X² (see ChiSquare):
//
//	P = Σ_{n : X²(n) ≥ (1 − 64ε) X²_obs} P(n),
//
// the ordering and the tie tolerance (ε the machine epsilon) of
// MonteCarloChiSquare, whose simulated p-value converges to this one. The
// p-value of Freeman and Halton's own ordering, by P(n), is PProbability;
// the two differ on some tables (see the tests: on [[3 2 2] [2 0 0]], P is
// 4/9 and PProbability 1).
//
// The probabilities are computed as products of univariate hypergeometric
// probabilities (see tableenum.go), summed, and normalised by their total.
// A p-value below the smallest float64 underflows to 0. The work is at most
// Tables times the number of cells; above MaxExactTables tables the test is
// refused: Tables is MaxExactTables, the p-values are NaN and Reason begins
// "too many tables".
//
// All-zero rows and columns are dropped first. The values are NaN, with
// Reason set, when fewer than two rows or columns remain, when a count is not
// a whole number, or when the total exceeds 2⁵³. An invalid count returns a
// *CountError.
//
// References: Freeman GH, Halton JH (1951) Note on an exact treatment of
// contingency, goodness of fit and other problems of significance.
// Biometrika 38:141–149. Agresti A (2013) Categorical Data Analysis, 3rd ed.,
// §3.5. Wiley.
func FreemanHalton(table [][]float64) (ExactConditional, error) {
	return freemanHalton(table, MaxExactTables)
}

// freemanHalton is FreemanHalton with a limit on the tables, for tests.
func freemanHalton(table [][]float64, limit int) (ExactConditional, error) {
	nan := math.NaN()
	res := ExactConditional{Stat: nan, P: nan, PProbability: nan}
	ncols, err := checkTable(table)
	if err != nil {
		return res, err
	}
	m := reduce(table, ncols)
	res.DroppedRows, res.DroppedCols = m.droppedR, m.droppedC
	if res.Reason = m.wholeCounts(); res.Reason != "" {
		return res, nil
	}
	exp := m.expected()
	res.Stat = pearson(m.obs, exp)
	limit2 := (1 - 64*epsilon) * res.Stat
	lpObs := tableLogProb(m.obs, m.rowSum, m.colSum) + math.Log1p(fisherRelTol)
	var total, byX2, byProb float64
	n, complete := walkTables(m.rowSum, m.colSum, limit, true, func(t [][]float64, lp float64) {
		p := math.Exp(lp)
		total += p
		if pearson(t, exp) >= limit2 {
			byX2 += p
		}
		if lp <= lpObs {
			byProb += p
		}
	})
	res.Tables = n
	if !complete {
		res.Reason = "too many tables: more than the limit have these margins (use MonteCarloChiSquare)"
		return res, nil
	}
	res.P = math.Min(byX2/total, 1)
	res.PProbability = math.Min(byProb/total, 1)
	return res, nil
}
