package stats

import (
	"math"
)

// MonteCarlo is the result of MonteCarloChiSquare.
type MonteCarlo struct {
	// Stat is Pearson's X² of the observed table.
	Stat float64
	// P is the Monte Carlo p-value (1 + Exceed)/(Draws + 1).
	P float64
	// Exceed is the number of simulated tables whose X² reached Stat.
	Exceed int
	// Draws is the number of simulated tables and Seed the seed they were
	// drawn with.
	Draws int
	Seed  uint64
	// DroppedRows and DroppedCols are the indices of the all-zero rows and
	// columns that were left out.
	DroppedRows, DroppedCols []int
	// Reason says why the values are NaN; it is empty otherwise.
	Reason string
}

// maxExactCount is the largest total for which every count is exactly
// representable in a float64.
const maxExactCount = 1 << 53

// MonteCarloChiSquare returns the p-value of Pearson's X² (see ChiSquare) by
// simulation from the exact conditional distribution of tables with the
// observed row and column totals, for tables whose expected counts are too
// small for the chi-square approximation:
//
//	P = (1 + #{b : X²_b ≥ X²_obs}) / (draws + 1),
//
// as R's chisq.test(simulate.p.value = TRUE) (Hope 1968). As there, a
// simulated X²_b counts as reaching X²_obs when X²_b ≥ (1 − 64ε) X²_obs, ε the
// machine epsilon, so that ties are not lost to rounding.
//
// Tables are drawn as in Patefield (1981, algorithm AS 159): row by row, each
// row a multivariate hypergeometric draw of its total from the column totals
// not yet used, itself drawn one cell at a time from univariate hypergeometric
// distributions by inversion from the mode. Every table with the observed
// margins so has its exact probability under independence. The work per table
// grows with the number of cells and with the square root of the counts.
// Random numbers come from rand.New(rand.NewPCG(seed, seed)), so the same
// seed, draws and table give the same result bit for bit on a given
// architecture (one whose compiler fuses multiply-adds may, rarely, resolve a
// draw that falls within rounding of a cell boundary differently).
//
// All-zero rows and columns are dropped first. The values are NaN, with
// Reason set, when fewer than two rows or columns remain, when a count is not
// a whole number, or when the total exceeds 2⁵³. An invalid count returns a
// *CountError. MonteCarloChiSquare panics if draws < 1.
//
// References: Patefield WM (1981) Algorithm AS 159: An efficient method of
// generating random R×C tables with given row and column totals. Appl Stat
// 30:91–97. Hope ACA (1968) A simplified Monte Carlo significance test
// procedure. J R Stat Soc B 30:582–598.
func MonteCarloChiSquare(table [][]float64, draws int, seed uint64) (MonteCarlo, error) {
	if draws < 1 {
		panic("stats: draws < 1")
	}
	res := MonteCarlo{Stat: math.NaN(), P: math.NaN(), Draws: draws, Seed: seed}
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
	limit := (1 - 64*epsilon) * res.Stat

	rng := newRand(seed)
	nr, nc := len(m.rows), len(m.cols)
	sim := make([][]float64, nr)
	for i := range sim {
		sim[i] = make([]float64, nc)
	}
	colLeft := make([]float64, nc)
	for range draws {
		patefield(rng, m.rowSum, m.colSum, sim, colLeft)
		if pearson(sim, exp) >= limit {
			res.Exceed++
		}
	}
	res.P = float64(1+res.Exceed) / float64(draws+1)
	return res, nil
}

// epsilon is the machine epsilon of float64, 2⁻⁵².
const epsilon = 0x1p-52
