package stats

import "math/rand/v2"

// patefield draws into out one table with row totals rows and column totals
// cols (whole numbers with equal sums, at least one row and one column),
// from the distribution of tables with these margins under independence, by
// Patefield's algorithm (1981, AS 159) as MonteCarloChiSquare does: row by
// row, each cell a univariate hypergeometric draw of what is left of the row
// from what is left of the columns. With the same generator and margins it
// makes the same draws as MonteCarloChiSquare. colLeft is scratch space of
// len(cols).
//
// Reference: Patefield WM (1981) Algorithm AS 159: An efficient method of
// generating random R×C tables with given row and column totals. Appl Stat
// 30:91–97.
func patefield(rng *rand.Rand, rows, cols []float64, out [][]float64, colLeft []float64) {
	nr, nc := len(rows), len(cols)
	copy(colLeft, cols)
	for i := range nr - 1 {
		rowLeft := rows[i]
		urn := 0.0 // balls left in columns j and after
		for _, c := range colLeft {
			urn += c
		}
		for j := range nc - 1 {
			h := hypergeo{good: colLeft[j], bad: urn - colLeft[j], draws: rowLeft}
			x := h.rand(rng)
			out[i][j] = x
			urn -= colLeft[j]
			colLeft[j] -= x
			rowLeft -= x
		}
		out[i][nc-1] = rowLeft
		colLeft[nc-1] -= rowLeft
	}
	copy(out[nr-1], colLeft)
}
