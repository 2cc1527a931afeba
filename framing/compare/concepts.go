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
	cr := ConceptResult{ID: concept, Groups: groups, Distinctive: []DistinctiveTerm{}}
	for _, i := range idx {
		cr.Labels = append(cr.Labels, t.Labels[i].Key)
		cr.Poles = append(cr.Poles, t.Labels[i].Pole)
	}
	tab := ownTable(t, groups, idx)
	var u stats.Units
	if opt.Unit == UnitDocuments {
		var err error
		if u, err = histUnits(t, groups, len(idx), func(g *framing.GroupTally) *framing.Histogram { return g.UnitLabels[concept] }); err != nil {
			return cr, fmt.Errorf("concept %s: %w", concept, err)
		}
	}
	for r, name := range groups {
		counts, byVoice := make([]int, len(idx)), make([]framing.VoiceCount, len(idx))
		for k, i := range idx {
			c := t.Groups[name].Labels[i]
			counts[k], byVoice[k] = c.In(t.Voices), c
		}
		shares, disp, err := groupShares(u, r, tab[r], opt)
		if err != nil {
			return cr, fmt.Errorf("concept %s, group %s: %w", concept, name, err)
		}
		cr.Counts, cr.ByVoice, cr.Shares = append(cr.Counts, counts), append(cr.ByVoice, byVoice), append(cr.Shares, shares)
		if opt.Unit == UnitDocuments {
			cr.Dispersion = append(cr.Dispersion, disp)
		}
	}
	var err error
	if opt.Unit == UnitDocuments {
		cr.TableTest, err = permutationTest(u, stats.LabelChiSquare, tab, opt)
	} else {
		cr.TableTest, err = tableTests(tab, opt)
	}
	if err != nil {
		return cr, err
	}
	dist, err := stats.JSDistanceMatrix(tab, opt.JSAlpha)
	if err != nil {
		return cr, err
	}
	cr.Distance = stats.NumRows(dist)
	names := make([]string, len(idx))
	for k, i := range idx {
		names[k] = t.Labels[i].ID
	}
	if cr.Distinctive, err = distinctiveLabels(tab, groups, names, opt); err != nil {
		return cr, err
	}
	return cr, nil
}

// groupShares are the shares of a group's row of a concept's table with
// their intervals, and the overdispersion of its hits: with documents as
// the unit, each share's interval by stats.RatioInterval over the group's
// units u; with hits, Wilson's.
func groupShares(u stats.Units, group int, row []float64, opt Options) ([]Share, Dispersion, error) {
	shares := make([]Share, len(row))
	total := 0.0
	for _, x := range row {
		total += x
	}
	if opt.Unit != UnitDocuments {
		for k, x := range row {
			p, lo, hi := stats.Wilson(x, total, opt.Conf)
			shares[k] = Share{stats.Num(p), stats.Num(lo), stats.Num(hi), Interval{Unit: UnitHits, Method: "wilson"}}
		}
		return shares, Dispersion{}, nil
	}
	disp := Dispersion{Units: unitsOf(u, group), EffectiveUnits: stats.Num(math.NaN())}
	var vc, vb float64
	ratios := make([]stats.Ratio, len(row))
	for k := range row {
		ratios[k] = stats.Ratio{Label: k}
	}
	cis, err := stats.RatioIntervals(u, group, ratios, opt.Bootstrap, opt.Seed, opt.Conf)
	if err != nil {
		return nil, disp, err
	}
	for k, ci := range cis {
		shares[k] = Share{stats.Num(ci.Estimate), stats.Num(ci.Lo), stats.Num(ci.Hi), intervalOf(ci.Method, ci.Reason)}
		disp.Units, disp.UnitsWithHits, disp.EffectiveUnits = ci.Units, ci.UnitsWithHits, stats.Num(ci.EffectiveUnits)
		de, err := stats.DesignEffectOf(u, group, stats.Ratio{Label: k})
		if err != nil {
			return nil, disp, err
		}
		if !math.IsNaN(de.VarCluster) && !math.IsNaN(de.VarBinomial) {
			vc, vb = vc+de.VarCluster, vb+de.VarBinomial
		}
	}
	disp.DesignEffect = stats.Num(math.NaN())
	if vb > 0 {
		disp.DesignEffect = stats.Num(vc / vb)
	}
	disp.Rho = stats.Num(math.NaN())
	if total > 0 && len(row) > 1 {
		dm, err := stats.DirichletMultinomialPoint(u, group)
		if err != nil {
			return nil, disp, err
		}
		disp.Rho = stats.Num(dm.Rho)
	}
	return shares, disp, nil
}

// intervalOf describes an interval of stats.RatioInterval.
func intervalOf(method, reason string) Interval {
	switch method {
	case "cluster-bootstrap":
		method = "cluster-bootstrap-t"
	case "beta-binomial":
		method = "beta-binomial-profile"
	}
	return Interval{Unit: UnitDocuments, Method: method, Note: reason}
}

// permutationTest is the document-level test of a table whose units are u.
// tab is the same table of hits, for Cramér's V.
func permutationTest(u stats.Units, stat stats.Statistic, tab [][]float64, opt Options) (TableTest, error) {
	tt := TableTest{Unit: UnitDocuments, PValue: "permutation"}
	chi, err := stats.ChiSquare(tab)
	if err != nil {
		return tt, err
	}
	tt.CramersV, tt.CramersVBC = stats.Num(chi.CramersV), stats.Num(chi.CramersVCorrected)
	pt, err := stats.PermutationTest(u, stat, opt.MonteCarlo, opt.Seed)
	if err != nil {
		return tt, err
	}
	if pt.Reason == "" && maxWithHits(u) < 2 {
		// Every arrangement then gives the same table, up to the order of
		// its rows: p = 1 whatever the hits, which would say nothing.
		pt.Reason = "no group has two documents with hits: documents cannot be compared between groups (--unit hits tests the hits, as if independent)"
	}
	if pt.Reason != "" {
		tt.PValue, tt.Note = "none", pt.Reason
		return tt, nil
	}
	p := &PermutationTest{Method: pt.Method, Stat: stats.Num(pt.Stat), P: stats.Num(pt.P), PAdjusted: stats.Num(math.NaN()), PMid: stats.Num(pt.PMid),
		Units: pt.Units, UnitsWithoutHits: pt.UnitsWithoutHits}
	if pt.Method == "exact" {
		p.Arrangements = pt.Arrangements
	} else {
		p.Draws, p.Seed = pt.Used, pt.Seed
		if pt.Used < pt.Draws {
			p.StoppedAt = pt.Exceed
		}
	}
	tt.Permutation = p
	return tt, nil
}

// tableTests tests a groups × categories table with hits as the unit; the
// small-sample p-value is the one to read when an expected count is below
// opt.MinExpectedCut.
func tableTests(tab [][]float64, opt Options) (TableTest, error) {
	tt := TableTest{Unit: UnitHits}
	chi, err := stats.ChiSquare(tab)
	if err != nil {
		return tt, err
	}
	g, err := stats.GTest(tab)
	if err != nil {
		return tt, err
	}
	nan := stats.Num(math.NaN())
	hl := &HitLevel{ChiSquare: Test{Stat: stats.Num(chi.Stat), DF: stats.Num(chi.DF), P: stats.Num(chi.P), PAdjusted: nan},
		GTest: Test{Stat: stats.Num(g.Stat), DF: stats.Num(g.DF), P: stats.Num(g.P), PAdjusted: nan}}
	tt.HitLevel = hl
	tt.CramersV, tt.CramersVBC = stats.Num(chi.CramersV), stats.Num(chi.CramersVCorrected)
	hl.MinExpected, hl.Below5 = stats.Num(chi.MinExpected), chi.Below5
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
			hl.Exact = &Exact{Method: "freeman-halton", P: stats.Num(fh.P), PAdjusted: nan, Tables: fh.Tables}
		} else {
			mc, err := stats.MonteCarloChiSquare(tab, opt.MonteCarlo, opt.Seed)
			if err != nil {
				return tt, err
			}
			hl.Exact = &Exact{Method: "monte-carlo", P: stats.Num(mc.P), PAdjusted: nan, Seed: mc.Seed, Draws: mc.Draws}
		}
		tt.Note = fmt.Sprintf("%d of %d cells expect fewer than %g: read the %s p-value, not the chi-square approximation",
			chi.Below5, kept*keptCols, opt.MinExpectedCut, hl.Exact.Method)
	}
	return tt, nil
}

// maxExactCells is the largest table (cells, all-zero rows and columns
// left out) tested by enumeration: the seeds' tables of 5 groups by up to 5
// labels have 3 to 1,462 tables; 60 groups by 2 labels would have far more
// than stats.MaxExactTables.
const maxExactCells = 30

// unitsOf is the number of units of group g in u.
func unitsOf(u stats.Units, g int) int {
	n := 0
	for _, c := range u.Count {
		n += c[g]
	}
	return n
}

// maxWithHits is the most units with a hit that one group of u has.
func maxWithHits(u stats.Units) int {
	if len(u.Count) == 0 {
		return 0
	}
	most := 0
	for g := range u.Count[0] {
		n := 0
		for t, v := range u.Types {
			if slices.ContainsFunc(v, func(x float64) bool { return x > 0 }) {
				n += u.Count[t][g]
			}
		}
		most = max(most, n)
	}
	return most
}
