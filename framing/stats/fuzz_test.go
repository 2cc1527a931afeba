package stats

import (
	"math"
	"testing"
)

// FuzzTables feeds small tables of arbitrary counts to every table function:
// none may panic, and a p-value is NaN or in [0, 1].
func FuzzTables(f *testing.F) {
	f.Add(uint8(2), uint8(2), []byte{8, 2, 1, 5})
	f.Add(uint8(3), uint8(3), []byte{5, 3, 2, 0, 0, 0, 7, 1, 9})
	f.Add(uint8(1), uint8(3), []byte{0, 0, 0})
	f.Add(uint8(2), uint8(2), []byte{255, 0, 0, 255})
	f.Fuzz(func(t *testing.T, r, c uint8, cells []byte) {
		rows, cols := int(r%5), int(c%5)
		table := make([][]float64, rows)
		for i := range table {
			table[i] = make([]float64, cols)
			for j := range table[i] {
				if k := i*cols + j; k < len(cells) {
					table[i][j] = float64(cells[k])
				}
			}
		}
		inUnit := func(name string, p float64) {
			if !math.IsNaN(p) && (p < 0 || p > 1) {
				t.Errorf("%s: p = %v for %v", name, p, table)
			}
		}
		cs, _ := ChiSquare(table)
		inUnit("ChiSquare", cs.P)
		g, _ := GTest(table)
		inUnit("GTest", g.P)
		fe, _ := FisherExact2x2(table)
		inUnit("FisherExact2x2", fe.P)
		mc, _ := MonteCarloChiSquare(table, 20, 1)
		inUnit("MonteCarloChiSquare", mc.P)
		if cols > 0 {
			// The first column as exposures, the last as counts: a count
			// may exceed its exposure.
			counts, exposure := make([]float64, rows), make([]float64, rows)
			for i := range rows {
				counts[i], exposure[i] = table[i][cols-1], table[i][0]
			}
			rt, _ := RateHomogeneity(counts, exposure)
			inUnit("RateHomogeneity", rt.P)
			ex, _ := RateHomogeneityExact(counts, exposure, 20, 1)
			inUnit("RateHomogeneityExact", ex.P)
		}
		CorrespondenceAnalysis(table)
		JSDistanceMatrix(table, 0)
		LogOddsVsRest(table, 0)
	})
}
