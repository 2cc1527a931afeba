package compare

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/stats"
)

// IndexRows is every group's framing index, groups by name: the Index of
// Compare, without the rest of the comparison.
func IndexRows(t *framing.Tally, opt Options) ([]IndexRow, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	t.Seal()
	groups := slices.Sorted(maps.Keys(t.Groups))
	u, err := indexUnits(t, groups, opt)
	if err != nil {
		return nil, err
	}
	return indexRowsOf(t, groups, u, opt)
}

// indexRowsOf is the index of each group, whose units are u (none with hits
// as the unit).
func indexRowsOf(t *framing.Tally, groups []string, u stats.Units, opt Options) ([]IndexRow, error) {
	if len(groups) == 0 {
		return nil, nil
	}
	rows := make([]IndexRow, len(groups))
	err := forEach(len(groups), func(r int) (err error) {
		rows[r], err = indexRow(groups[r], t.Groups[groups[r]], u, r, opt)
		return err
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// timeline is a group's framing index week by week, weeks in order, with
// the Wilson interval of its pole counts (hits as the unit: a week holds
// too few documents for the document-level methods).
func timeline(name string, g *framing.GroupTally, opt Options) ([]TimelinePoint, error) {
	var out []TimelinePoint
	for _, k := range slices.Sorted(maps.Keys(g.Weeks)) {
		w := g.Weeks[k]
		start, err := framing.WeekStart(k)
		if err != nil {
			return nil, fmt.Errorf("group %q: %w", name, err)
		}
		idx, lo, hi := stats.FramingIndexCI(float64(w.Pos), float64(w.Neg), opt.Conf)
		out = append(out, TimelinePoint{Group: name, Week: k, Start: start.Format(time.DateOnly),
			Documents: w.Documents, Pos: w.Pos, Neg: w.Neg, Index: stats.Num(idx), Lo: stats.Num(lo), Hi: stats.Num(hi),
			Interval: Interval{Unit: UnitHits, Method: "wilson"}})
	}
	return out, nil
}

// indexRow is a group's framing index with its interval: with documents as
// the unit, stats.RatioInterval over the group's units (u, group r); with
// hits, the Wilson interval of its pole counts.
func indexRow(name string, g *framing.GroupTally, u stats.Units, r int, opt Options) (IndexRow, error) {
	row := IndexRow{Group: name, Pos: g.Pos, Neg: g.Neg}
	if opt.Unit != UnitDocuments {
		idx, lo, hi := stats.FramingIndexCI(float64(g.Pos), float64(g.Neg), opt.Conf)
		row.Index, row.Lo, row.Hi = stats.Num(idx), stats.Num(lo), stats.Num(hi)
		row.Interval = Interval{Unit: UnitHits, Method: "wilson"}
		if g.Pos+g.Neg == 0 {
			row.Note = "no hits on either pole: index undefined"
		}
		return row, nil
	}
	ratio := stats.Ratio{Index: true}
	ci, err := stats.RatioInterval(u, r, ratio, opt.Bootstrap, opt.Seed, opt.Conf)
	if err != nil {
		return row, err
	}
	row.Index, row.Lo, row.Hi, row.Interval = stats.Num(ci.Estimate), stats.Num(ci.Lo), stats.Num(ci.Hi), intervalOf(ci.Method, ci.Reason)
	if ci.UnitsWithHits == 0 {
		row.Note = "no hits on either pole: index undefined"
	}
	if ci.Method == "cluster-bootstrap" {
		row.Draws, row.Seed = opt.Bootstrap, opt.Seed
	}
	de, err := stats.DesignEffectOf(u, r, ratio)
	if err != nil {
		return row, err
	}
	row.Dispersion = &Dispersion{Units: ci.Units, UnitsWithHits: ci.UnitsWithHits, EffectiveUnits: stats.Num(ci.EffectiveUnits),
		DesignEffect: stats.Num(de.Deff), Rho: stats.Num(math.NaN())}
	if ci.UnitsWithHits > 0 {
		bb, err := stats.BetaBinomialFit(u, r, ratio, opt.Conf)
		if err != nil {
			return row, err
		}
		row.Dispersion.Rho = stats.Num(bb.Rho)
	}
	return row, nil
}

// indexUnits are the groups' units by their pole counts; none with hits
// as the unit.
func indexUnits(t *framing.Tally, groups []string, opt Options) (stats.Units, error) {
	if opt.Unit != UnitDocuments {
		return stats.Units{}, nil
	}
	return histUnits(t, groups, 2, func(g *framing.GroupTally) *framing.Histogram { return g.UnitIndex })
}

// indexTest tests "every group has the same framing index": with documents
// as the unit, by permuting documents (IndexChiSquare); with hits, the
// groups × {pos, neg} table.
func indexTest(t *framing.Tally, groups []string, u stats.Units, opt Options) (TableTest, error) {
	tab := make([][]float64, len(groups))
	for r, name := range groups {
		tab[r] = []float64{float64(t.Groups[name].Pos), float64(t.Groups[name].Neg)}
	}
	if len(groups) < 2 {
		return undefinedTest(opt.Unit, "one group: nothing to compare"), nil
	}
	if opt.Unit == UnitDocuments {
		return permutationTest(u, stats.IndexChiSquare, tab, opt)
	}
	return tableTests(tab, opt)
}

// drivers splits every group's index by concept, concepts in lexicon
// order, those with pole hits only.
func drivers(t *framing.Tally, groups []string, cs concepts) []IndexDriver {
	out := []IndexDriver{}
	for _, name := range groups {
		g := t.Groups[name]
		for _, concept := range cs.ids {
			p, ok := g.ConceptPoles[concept]
			if !ok || p[0]+p[1] == 0 {
				continue
			}
			out = append(out, IndexDriver{Group: name, Concept: concept, Pos: p[0], Neg: p[1],
				Index:        stats.Num(stats.FramingIndex(float64(p[0]), float64(p[1]))),
				Contribution: stats.Num(float64(p[0]-p[1]) / float64(g.Pos+g.Neg))})
		}
	}
	return out
}
