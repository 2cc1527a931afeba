package stats

import "math"

// Fisher is the result of FisherExact2x2.
type Fisher struct {
	// OddsRatio is the sample odds ratio ad/(bc) of the table [[a b] [c d]]:
	// +Inf when bc = 0 < ad, NaN when ad = bc = 0.
	OddsRatio float64
	// P is the two-sided p-value.
	P float64
	// Reason says why a value is NaN, or that the table admits one
	// arrangement only; it is empty otherwise.
	Reason string
}

// fisherRelTol is the relative tolerance within which a table is counted as
// no more probable than the observed one, as in R's fisher.test.
const fisherRelTol = 1e-7

// FisherExact2x2 returns Fisher's exact test of independence of a 2×2 table
// [[a b] [c d]] of whole counts. Given the margins, a follows the
// hypergeometric distribution, and the two-sided p-value is the total
// probability of the values of a whose probability is at most that of the
// observed a:
//
//	P = Σ_{x: P(x) ≤ P(a)(1+1e-7)} P(x)
//
// The relative tolerance 1e-7, that of R's fisher.test, keeps tables of equal
// probability from being split by rounding (scipy.stats.fisher_exact, which
// this otherwise matches, uses 1e-14). The probabilities are computed without
// log-gamma differences, so that P keeps its relative precision for counts in
// the billions.
//
// As scipy.stats.fisher_exact, a table with a zero row or column total has
// P = 1 and an OddsRatio of NaN (only one table has its margins). A table
// that is not 2×2 or holds a count that is not a whole number has NaN values
// and a Reason. An invalid count returns a *CountError.
//
// Reference: Fisher RA (1935) The logic of inductive inference. J R Stat Soc
// 98:39–82. Agresti A (2013) Categorical Data Analysis, 3rd ed., §3.5. Wiley.
func FisherExact2x2(table [][]float64) (Fisher, error) {
	res := Fisher{OddsRatio: math.NaN(), P: math.NaN()}
	if _, err := checkTable(table); err != nil {
		return res, err
	}
	if len(table) != 2 || len(table[0]) != 2 {
		res.Reason = "table is not 2×2"
		return res, nil
	}
	a, b, c, d := table[0][0], table[0][1], table[1][0], table[1][1]
	for _, x := range []float64{a, b, c, d} {
		if x != math.Trunc(x) {
			res.Reason = "counts are not whole numbers"
			return res, nil
		}
	}
	if a+b == 0 || c+d == 0 || a+c == 0 || b+d == 0 {
		res.P = 1
		res.Reason = "a row or column total is zero: only one table has these margins"
		return res, nil
	}
	switch ad, bc := a*d, b*c; {
	case bc > 0:
		res.OddsRatio = ad / bc
	case ad > 0:
		res.OddsRatio = math.Inf(1)
	}
	h := hypergeo{good: a + b, bad: c + d, draws: a + c}
	lo, hi := h.support()
	m := h.mode()
	thr := h.logProb(a) + math.Log1p(fisherRelTol)
	if h.logProb(m) <= thr {
		res.P = 1
		return res, nil
	}
	// Probabilities rise on [lo, m] and fall on [m, hi]: find the largest x
	// at or below the mode and the smallest above it whose probability is
	// within the threshold.
	var p float64
	if h.logProb(lo) <= thr {
		l, r := lo, m // logProb(l) ≤ thr < logProb(r)
		for r-l > 1 {
			mid := math.Floor(l + (r-l)/2)
			if h.logProb(mid) <= thr {
				l = mid
			} else {
				r = mid
			}
		}
		p += math.Exp(h.logProb(l) + math.Log(h.tailFrom(l, true)))
	}
	if h.logProb(hi) <= thr {
		l, r := m, hi // logProb(l) > thr ≥ logProb(r)
		for r-l > 1 {
			mid := math.Floor(l + (r-l)/2)
			if h.logProb(mid) <= thr {
				r = mid
			} else {
				l = mid
			}
		}
		p += math.Exp(h.logProb(r) + math.Log(h.tailFrom(r, false)))
	}
	res.P = math.Min(p, 1)
	return res, nil
}
