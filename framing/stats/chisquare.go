package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Contingency is the result of a test of independence of the rows and columns
// of a table, returned by ChiSquare and GTest.
type Contingency struct {
	// Stat is the test statistic: Pearson's X² for ChiSquare, the
	// likelihood-ratio G for GTest.
	Stat float64
	// DF is the degrees of freedom (r−1)(c−1) of the table with its
	// all-zero rows and columns dropped, r rows and c columns remaining.
	DF float64
	// P is the upper-tail probability of Stat under the chi-square
	// distribution with DF degrees of freedom.
	P float64
	// N is the grand total of the table.
	N float64
	// CramersV is Cramér's V = √(X²/(N·(min(r,c)−1))) and CramersVCorrected
	// its bias-corrected form of Bergsma (2013); see CramersV. Both are
	// computed from Pearson's X², also by GTest.
	CramersV, CramersVCorrected float64
	// Expected has the shape of the input table and holds the counts
	// r_i c_j / N expected under independence (zero in dropped rows and
	// columns). It is nil when the test is undefined.
	Expected [][]float64
	// MinExpected is the smallest expected count of a kept cell and
	// Below5 the number of kept cells whose expected count is below 5, the
	// usual check of the chi-square approximation (Cochran 1954).
	MinExpected float64
	Below5      int
	// DroppedRows and DroppedCols are the indices of the all-zero rows and
	// columns that were left out of the test.
	DroppedRows, DroppedCols []int
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// contingency prepares the common parts of ChiSquare and GTest. It returns the
// reduced table, its expected counts, and a result whose statistic is still
// to be filled in; ok is false when the test is undefined.
func contingency(table [][]float64) (res Contingency, m margins, exp [][]float64, ok bool, err error) {
	nan := math.NaN()
	res = Contingency{Stat: nan, DF: nan, P: nan, N: nan, CramersV: nan, CramersVCorrected: nan, MinExpected: nan}
	ncols, err := checkTable(table)
	if err != nil {
		return res, m, nil, false, err
	}
	m = reduce(table, ncols)
	res.N = m.total
	res.DroppedRows, res.DroppedCols = m.droppedR, m.droppedC
	if r := m.degenerate(); r != "" {
		res.Reason = r
		return res, m, nil, false, nil
	}
	exp = m.expected()
	res.Expected = make([][]float64, len(table))
	for i := range res.Expected {
		res.Expected[i] = make([]float64, ncols)
	}
	res.MinExpected = math.Inf(1)
	for a, i := range m.rows {
		for b, j := range m.cols {
			e := exp[a][b]
			res.Expected[i][j] = e
			res.MinExpected = math.Min(res.MinExpected, e)
			if e < 5 {
				res.Below5++
			}
		}
	}
	res.DF = float64((len(m.rows) - 1) * (len(m.cols) - 1))
	res.CramersV, res.CramersVCorrected = CramersV(pearson(m.obs, exp), m.total, len(m.rows), len(m.cols))
	return res, m, exp, true, nil
}

// pearson returns Σ (O−E)²/E over the cells.
func pearson(obs, exp [][]float64) float64 {
	var x2 float64
	for a, row := range obs {
		for b, o := range row {
			d := o - exp[a][b]
			x2 += d * d / exp[a][b]
		}
	}
	return x2
}

// chiSquareSurvival returns P(χ²_df ≥ x).
func chiSquareSurvival(x, df float64) float64 {
	return distuv.ChiSquared{K: df}.Survival(x)
}

// ChiSquare returns Pearson's chi-square test of independence of the groups
// (rows) and labels (columns) of table:
//
//	X² = Σ_ij (O_ij − E_ij)² / E_ij,  E_ij = r_i c_j / N,
//
// referred to the chi-square distribution with (r−1)(c−1) degrees of freedom,
// without continuity correction (as scipy.stats.chi2_contingency with
// correction=False). X² is dimensionless.
//
// Rows and columns whose counts are all zero carry no information and are
// dropped first; their indices are reported. When fewer than two rows or two
// columns remain, every value is NaN and Reason says why. An invalid count
// returns a *CountError.
//
// Reference: Agresti A (2013) Categorical Data Analysis, 3rd ed., §3.2. Wiley.
func ChiSquare(table [][]float64) (Contingency, error) {
	res, m, exp, ok, err := contingency(table)
	if !ok {
		return res, err
	}
	res.Stat = pearson(m.obs, exp)
	res.P = chiSquareSurvival(res.Stat, res.DF)
	return res, nil
}
