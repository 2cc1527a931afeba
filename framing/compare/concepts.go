package compare

import (
	"fmt"
	"math"
	"slices"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/stats"
)

// ownTable is the group × label table of own-voice counts for labels idx.
func ownTable(t *framing.Tally, groups []string, idx []int) [][]float64 {
	tab := make([][]float64, len(groups))
	for r, name := range groups {
		tab[r] = make([]float64, len(idx))
		for k, i := range idx {
			tab[r][k] = float64(t.Groups[name].Labels[i].In(t.Voices))
		}
	}
	return tab
}

func compareConcept(t *framing.Tally, concept string, idx []int, groups []string, opt Options) (ConceptResult, error) {
	cr := ConceptResult{ID: concept, Groups: groups}
	for _, i := range idx {
		cr.Labels = append(cr.Labels, t.Labels[i].Key)
	}
	tab := ownTable(t, groups, idx)
	for r, name := range groups {
		counts, byVoice := make([]int, len(idx)), make([]framing.VoiceCount, len(idx))
		shares := make([]Share, len(idx))
		total := 0.0
		for _, x := range tab[r] {
			total += x
		}
		for k, i := range idx {
			c := t.Groups[name].Labels[i]
			counts[k], byVoice[k] = c.In(t.Voices), c
			p, lo, hi := stats.Wilson(tab[r][k], total, opt.Conf)
			shares[k] = Share{stats.Num(p), stats.Num(lo), stats.Num(hi)}
		}
		cr.Counts, cr.ByVoice, cr.Shares = append(cr.Counts, counts), append(cr.ByVoice, byVoice), append(cr.Shares, shares)
	}
	tt, err := tableTests(tab, opt)
	if err != nil {
		return cr, err
	}
	cr.TableTest = tt
	dist, err := stats.JSDistanceMatrix(tab, opt.JSAlpha)
	if err != nil {
		return cr, err
	}
	cr.Distance = stats.NumRows(dist)
	return cr, nil
}

// tableTests tests a groups × categories table; the small-sample p-value
// is the one to read when an expected count is below opt.MinExpectedCut.
func tableTests(tab [][]float64, opt Options) (TableTest, error) {
	var tt TableTest
	chi, err := stats.ChiSquare(tab)
	if err != nil {
		return tt, err
	}
	g, err := stats.GTest(tab)
	if err != nil {
		return tt, err
	}
	tt.ChiSquare = Test{Stat: stats.Num(chi.Stat), DF: stats.Num(chi.DF), P: stats.Num(chi.P)}
	tt.GTest = Test{Stat: stats.Num(g.Stat), DF: stats.Num(g.DF), P: stats.Num(g.P)}
	tt.CramersV, tt.CramersVBC = stats.Num(chi.CramersV), stats.Num(chi.CramersVCorrected)
	tt.MinExpected, tt.Below5 = stats.Num(chi.MinExpected), chi.Below5
	tt.Note = chi.Reason
	tt.PValue = "chi-square"
	if chi.Reason != "" {
		tt.PValue = "none" // untestable: the note says why
	}
	if chi.Reason == "" && chi.MinExpected < opt.MinExpectedCut {
		tt.PValue = "exact"
		kept := len(tab) - len(chi.DroppedRows)
		keptCols := len(tab[0]) - len(chi.DroppedCols)
		// One ordering for every table, 2×2 or larger: by X², as the Monte
		// Carlo test that estimates the same p-value when there are too
		// many tables to enumerate (Fisher's test orders by probability,
		// and the two can differ a lot).
		// A table of many cells has too many tables to enumerate, and
		// walking a million of them to find out costs a second: beyond
		// maxExactCells the Monte Carlo estimate is read at once.
		fh := stats.ExactConditional{P: math.NaN()}
		if kept*keptCols <= maxExactCells {
			if fh, err = stats.FreemanHalton(tab); err != nil {
				return tt, err
			}
		}
		if !math.IsNaN(fh.P) {
			tt.Exact = &Exact{Method: "freeman-halton", P: stats.Num(fh.P), Tables: fh.Tables}
		} else {
			mc, err := stats.MonteCarloChiSquare(tab, opt.MonteCarlo, opt.Seed)
			if err != nil {
				return tt, err
			}
			tt.Exact = &Exact{Method: "monte-carlo", P: stats.Num(mc.P), Seed: mc.Seed, Draws: mc.Draws}
		}
		tt.Note = fmt.Sprintf("%d of %d cells expect fewer than %g: read the %s p-value, not the chi-square approximation",
			chi.Below5, kept*keptCols, opt.MinExpectedCut, tt.Exact.Method)
	}
	return tt, nil
}

// maxExactCells is the largest table (cells, all-zero rows and columns
// left out) tested by enumeration: the seeds' tables of 5 groups by up to 5
// labels have 3 to 1,462 tables; 60 groups by 2 labels would have far more
// than stats.MaxExactTables.
const maxExactCells = 30

// reduceTable drops the given rows and columns.
func reduceTable(tab [][]float64, rows, cols []int) [][]float64 {
	var out [][]float64
	for r, row := range tab {
		if slices.Contains(rows, r) {
			continue
		}
		var kept []float64
		for c, x := range row {
			if !slices.Contains(cols, c) {
				kept = append(kept, x)
			}
		}
		out = append(out, kept)
	}
	return out
}
