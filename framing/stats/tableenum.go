package stats

import "math"

// This file enumerates every table of whole counts with given row and column
// totals, each with its probability under independence given the margins
// (the multivariate hypergeometric distribution),
//
//	P(n) = Π_i r_i! Π_j c_j! / (N! Π_ij n_ij!),
//
// for FreemanHalton and the exact branch of PermutationTest.
//
// The tables are visited in the order in which Patefield's sampler (see
// patefield) draws them: row by row, each cell of a row a univariate
// hypergeometric draw of what is left of the row from what is left of the
// columns. P(n) is the product of those univariate probabilities, each
// computed by hypergeo.logProb (Loader's saddle-point form), so it keeps its
// relative precision when the counts are in the billions, where differences
// of log-factorials would not. The bounds of each cell are those of its
// hypergeometric draw, so every partial table can be completed: the work is
// at most the number of tables times the number of cells.

// tableWalk holds the state of one enumeration.
type tableWalk struct {
	rows, cols []float64
	limit      int // stop after more than limit tables
	probs      bool
	leaf       func(t [][]float64, logProb float64)

	n       int         // tables visited
	t       [][]float64 // the table being built
	colLeft []float64   // column totals not yet used by rows 0..i−1 and the cells before j
	rest    []float64   // rest[i] = Σ_{l≥i} rows[l]
}

// walkTables calls leaf for every table with row totals rows and column
// totals cols (whole numbers, with equal sums, at least one row and one
// column), passing the natural logarithm of its probability when probs is
// set (and 0 otherwise). The table passed to leaf is reused: leaf must copy
// what it keeps. walkTables stops after limit tables, and returns the number
// of tables visited and whether the enumeration was complete; leaf is called
// at most limit times.
func walkTables(rows, cols []float64, limit int, probs bool, leaf func(t [][]float64, logProb float64)) (n int, complete bool) {
	w := &tableWalk{rows: rows, cols: cols, limit: limit, probs: probs, leaf: leaf}
	w.t = make([][]float64, len(rows))
	for i := range w.t {
		w.t[i] = make([]float64, len(cols))
	}
	w.colLeft = append([]float64(nil), cols...)
	w.rest = make([]float64, len(rows)+1)
	for i := len(rows) - 1; i >= 0; i-- {
		w.rest[i] = w.rest[i+1] + rows[i]
	}
	complete = w.cell(0, 0, rows[0], w.rest[0], 0)
	if !complete {
		return w.n - 1, false
	}
	return w.n, true
}

// cell fills cell (i, j) given rowLeft of row i still to place among
// columns j and after, which hold urn in total. It returns false when the
// limit was exceeded.
func (w *tableWalk) cell(i, j int, rowLeft, urn, lp float64) bool {
	nr, nc := len(w.rows), len(w.cols)
	if i == nr-1 {
		w.n++
		if w.n > w.limit {
			return false
		}
		copy(w.t[i], w.colLeft)
		if w.leaf != nil {
			w.leaf(w.t, lp)
		}
		return true
	}
	if j == nc-1 {
		w.t[i][j] = rowLeft
		w.colLeft[j] -= rowLeft
		ok := w.cell(i+1, 0, w.rows[i+1], w.rest[i+1], lp)
		w.colLeft[j] += rowLeft
		return ok
	}
	c := w.colLeft[j]
	h := hypergeo{good: c, bad: urn - c, draws: rowLeft}
	lo, hi := h.support()
	for x := lo; x <= hi; x++ {
		l := lp
		if w.probs && lo < hi {
			l += h.logProb(x)
		}
		w.t[i][j] = x
		w.colLeft[j] = c - x
		ok := w.cell(i, j+1, rowLeft-x, urn-c, l)
		w.colLeft[j] = c
		if !ok {
			return false
		}
	}
	return true
}

// tableLogProb returns the log-probability of table t (whole counts) under
// independence given its margins, by the same sequential decomposition as
// walkTables, so that it compares exactly with the values walkTables passes.
func tableLogProb(t [][]float64, rows, cols []float64) float64 {
	colLeft := append([]float64(nil), cols...)
	urn := 0.0
	for _, c := range cols {
		urn += c
	}
	var lp float64
	for i := range len(rows) - 1 {
		rowLeft := rows[i]
		u := urn
		for j := range len(cols) - 1 {
			h := hypergeo{good: colLeft[j], bad: u - colLeft[j], draws: rowLeft}
			if lo, hi := h.support(); lo < hi {
				lp += h.logProb(t[i][j])
			}
			u -= colLeft[j]
			colLeft[j] -= t[i][j]
			rowLeft -= t[i][j]
		}
		colLeft[len(cols)-1] -= rowLeft
		urn -= rows[i]
	}
	if math.IsNaN(lp) {
		return math.Inf(-1)
	}
	return lp
}
