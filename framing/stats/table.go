package stats

import (
	"fmt"
	"math"
)

// CountError reports a count that is negative, NaN or infinite. Row and Col
// locate it in the table (Col is 0 for vectors, and for the per-document pairs
// of BootstrapIndex it is 0 for pos and 1 for neg).
type CountError struct {
	Row, Col int
	Value    float64
}

func (e *CountError) Error() string {
	return fmt.Sprintf("stats: count %v at row %d, column %d is not a finite non-negative number", e.Value, e.Row, e.Col)
}

// validCount reports whether x is a finite non-negative count.
func validCount(x float64) bool {
	return x >= 0 && !math.IsInf(x, 1)
}

// checkTable panics if the rows of table have unequal lengths and returns a
// *CountError for the first invalid count. It returns the number of columns.
func checkTable(table [][]float64) (cols int, err error) {
	if len(table) == 0 {
		return 0, nil
	}
	cols = len(table[0])
	for _, row := range table {
		if len(row) != cols {
			panic("stats: rows of unequal length")
		}
	}
	for i, row := range table {
		for j, x := range row {
			if !validCount(x) {
				return cols, &CountError{Row: i, Col: j, Value: x}
			}
		}
	}
	return cols, nil
}

// checkConf panics unless 0 < conf < 1.
func checkConf(conf float64) {
	if !(conf > 0 && conf < 1) {
		panic("stats: confidence level outside (0, 1)")
	}
}

// margins holds a table reduced to the rows and columns with a positive total.
type margins struct {
	obs        [][]float64 // the kept cells
	rows, cols []int       // indices of the kept rows and columns in the original table
	droppedR   []int       // indices of the all-zero rows
	droppedC   []int       // indices of the all-zero columns
	rowSum     []float64   // totals of the kept rows
	colSum     []float64   // totals of the kept columns
	total      float64     // grand total
}

// reduce drops the all-zero rows and columns of a validated table.
func reduce(table [][]float64, ncols int) margins {
	var m margins
	rs := make([]float64, len(table))
	cs := make([]float64, ncols)
	for i, row := range table {
		for j, x := range row {
			rs[i] += x
			cs[j] += x
		}
	}
	for i, s := range rs {
		if s > 0 {
			m.rows = append(m.rows, i)
			m.rowSum = append(m.rowSum, s)
		} else {
			m.droppedR = append(m.droppedR, i)
		}
	}
	for j, s := range cs {
		if s > 0 {
			m.cols = append(m.cols, j)
			m.colSum = append(m.colSum, s)
		} else {
			m.droppedC = append(m.droppedC, j)
		}
	}
	m.obs = make([][]float64, len(m.rows))
	for a, i := range m.rows {
		m.obs[a] = make([]float64, len(m.cols))
		for b, j := range m.cols {
			m.obs[a][b] = table[i][j]
		}
	}
	for _, s := range m.rowSum {
		m.total += s
	}
	return m
}

// degenerate returns a reason when the reduced table has fewer than two rows
// or two columns, and "" otherwise.
// wholeCounts is why a reduced table cannot be tested by drawing or
// enumerating tables with its margins (degenerate, counts not whole, a
// total past exact float64 integers), or "".
func (m *margins) wholeCounts() string {
	if r := m.degenerate(); r != "" {
		return r
	}
	for _, row := range m.obs {
		for _, x := range row {
			if x != math.Trunc(x) {
				return "counts are not whole numbers"
			}
		}
	}
	if m.total > maxExactCount {
		return "total count exceeds 2⁵³"
	}
	return ""
}

func (m *margins) degenerate() string {
	switch {
	case m.total == 0:
		return "table has no counts"
	case len(m.rows) < 2:
		return "fewer than two groups have counts"
	case len(m.cols) < 2:
		return "fewer than two labels have counts"
	}
	return ""
}

// expected returns the cell counts expected under independence, r_i c_j / N,
// for the kept cells.
func (m *margins) expected() [][]float64 {
	e := make([][]float64, len(m.rows))
	for a := range e {
		e[a] = make([]float64, len(m.cols))
		for b := range e[a] {
			e[a][b] = m.rowSum[a] * m.colSum[b] / m.total
		}
	}
	return e
}

// quantile7 returns the q-quantile of the sorted slice x by linear
// interpolation between order statistics (Hyndman and Fan 1996, definition 7;
// the default of R's quantile and NumPy's percentile).
func quantile7(x []float64, q float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	h := float64(len(x)-1) * q
	i := int(math.Floor(h))
	if i >= len(x)-1 {
		return x[len(x)-1]
	}
	frac := h - float64(i)
	return x[i] + float64(frac*(x[i+1]-x[i]))
}

// nanSlice returns a slice of n NaNs.
func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}
