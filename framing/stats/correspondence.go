package stats

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// CA is the result of CorrespondenceAnalysis.
type CA struct {
	// Inertia holds the principal inertias λ_1 ≥ λ_2 ≥ … of the axes, the
	// squared singular values of the standardized residuals; their sum is
	// the total inertia X²/N.
	Inertia []float64
	// Share holds each axis's share λ_k/Σλ of the total inertia.
	Share []float64
	// TotalInertia is Σ_k λ_k = X²/N.
	TotalInertia float64
	// RowCoords[i][k] and ColCoords[j][k] are the principal coordinates of
	// row i and column j on axis k, indexed as in the input table; dropped
	// rows and columns hold NaN.
	RowCoords, ColCoords [][]float64
	// RowMass and ColMass are the masses r_i = n_i+/N and c_j = n_+j/N.
	RowMass, ColMass []float64
	// DroppedRows and DroppedCols are the indices of the all-zero rows and
	// columns that were left out.
	DroppedRows, DroppedCols []int
	// Reason says why there are no axes; it is empty otherwise.
	Reason string
}

// CorrespondenceAnalysis returns the simple correspondence analysis of table
// (Greenacre 2017, ch. 28; Benzécri 1973), computed from the singular value
// decomposition of the matrix of standardized residuals:
//
//	P = table/N,  r = P·1,  c = Pᵀ·1
//	S = D_r^{−1/2} (P − r cᵀ) D_c^{−1/2} = U Σ Vᵀ
//	λ_k = σ_k²,  F = D_r^{−1/2} U Σ,  G = D_c^{−1/2} V Σ
//
// F and G are the row and column principal coordinates, in the units of the
// chi-square distance. The axes kept are those whose singular value exceeds
// max(I, J)·ε·σ_1 (ε the machine epsilon), at most min(I, J) − 1 of them for
// an I×J table: a table whose rows are proportional has none.
//
// The sign of each axis is arbitrary in the decomposition. To make the output
// stable it is fixed so that the column with the largest absolute coordinate
// on the axis (the first such column on a tie) has a positive coordinate.
//
// All-zero rows and columns are dropped first, and their coordinates are NaN.
// When fewer than two rows or columns remain, or the total inertia is zero,
// there are no axes and Reason says why. An invalid count returns a
// *CountError.
//
// References: Greenacre M (2017) Correspondence Analysis in Practice, 3rd ed.
// CRC Press. Benzécri J-P (1973) L'Analyse des Données, vol. 2. Dunod.
//
// It is one function on purpose, longer than our usual: the procedure reads
// best as Greenacre writes it, step after step.
func CorrespondenceAnalysis(table [][]float64) (CA, error) {
	ncols, err := checkTable(table)
	if err != nil {
		return CA{TotalInertia: math.NaN()}, err
	}
	m := reduce(table, ncols)
	res := CA{
		TotalInertia: math.NaN(),
		RowCoords:    make([][]float64, len(table)),
		ColCoords:    make([][]float64, ncols),
		RowMass:      make([]float64, len(table)),
		ColMass:      make([]float64, ncols),
		DroppedRows:  m.droppedR,
		DroppedCols:  m.droppedC,
	}
	if m.total > 0 {
		for a, i := range m.rows {
			res.RowMass[i] = m.rowSum[a] / m.total
		}
		for b, j := range m.cols {
			res.ColMass[j] = m.colSum[b] / m.total
		}
	}
	if r := m.degenerate(); r != "" {
		res.Reason = r
		fillNaN(res.RowCoords, 0)
		fillNaN(res.ColCoords, 0)
		return res, nil
	}

	nr, nc := len(m.rows), len(m.cols)
	r := make([]float64, nr)
	c := make([]float64, nc)
	for a := range r {
		r[a] = m.rowSum[a] / m.total
	}
	for b := range c {
		c[b] = m.colSum[b] / m.total
	}
	s := mat.NewDense(nr, nc, nil)
	for a := range nr {
		for b := range nc {
			p := m.obs[a][b] / m.total
			s.Set(a, b, (p-r[a]*c[b])/math.Sqrt(r[a]*c[b]))
		}
	}
	var svd mat.SVD
	if !svd.Factorize(s, mat.SVDThin) {
		res.Reason = "singular value decomposition did not converge"
		fillNaN(res.RowCoords, 0)
		fillNaN(res.ColCoords, 0)
		return res, nil
	}
	sv := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)

	tol := float64(max(nr, nc)) * epsilon * sv[0]
	k := 0
	for k < min(nr, nc)-1 && sv[k] > tol {
		k++
	}
	res.TotalInertia = 0
	for _, x := range sv[:k] {
		res.Inertia = append(res.Inertia, x*x)
		res.TotalInertia += x * x
	}
	if k == 0 {
		res.Reason = "rows are proportional: total inertia is zero"
		res.TotalInertia = 0
	}
	for _, x := range res.Inertia {
		res.Share = append(res.Share, x/res.TotalInertia)
	}
	fillNaN(res.RowCoords, k)
	fillNaN(res.ColCoords, k)
	for ax := range k {
		best := 0
		for b := range nc {
			if math.Abs(v.At(b, ax)/math.Sqrt(c[b])) > math.Abs(v.At(best, ax)/math.Sqrt(c[best])) {
				best = b
			}
		}
		sign := 1.0
		if v.At(best, ax) < 0 {
			sign = -1
		}
		for a, i := range m.rows {
			res.RowCoords[i][ax] = sign * u.At(a, ax) * sv[ax] / math.Sqrt(r[a])
		}
		for b, j := range m.cols {
			res.ColCoords[j][ax] = sign * v.At(b, ax) * sv[ax] / math.Sqrt(c[b])
		}
	}
	return res, nil
}

// fillNaN makes each element of rows a slice of k NaNs.
func fillNaN(rows [][]float64, k int) {
	for i := range rows {
		rows[i] = nanSlice(k)
	}
}
