package compare

import (
	"cmp"
	"fmt"
	"maps"
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
	return indexRows(t, slices.Sorted(maps.Keys(t.Groups)), opt)
}

func indexRows(t *framing.Tally, groups []string, opt Options) ([]IndexRow, error) {
	var rows []IndexRow
	for _, name := range groups {
		row, err := indexRow(name, t.Groups[name], opt)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// timeline is a group's framing index week by week, weeks in order.
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
			Documents: w.Documents, Pos: w.Pos, Neg: w.Neg, Index: stats.Num(idx), Lo: stats.Num(lo), Hi: stats.Num(hi)})
	}
	return out, nil
}

// indexRow is a group's framing index: a bootstrap over its documents when
// it has enough of them, else an interval from its counts.
func indexRow(name string, g *framing.GroupTally, opt Options) (IndexRow, error) {
	row := IndexRow{Group: name, Pos: g.Pos, Neg: g.Neg}
	if g.Documents >= opt.MinBootstrap {
		docs, err := docPairs(g)
		if err != nil {
			return row, err
		}
		b, err := stats.BootstrapIndex(docs, opt.Bootstrap, opt.Seed, opt.Conf)
		if err != nil {
			return row, err
		}
		row.Index, row.Lo, row.Hi = stats.Num(b.Index), stats.Num(b.Lo), stats.Num(b.Hi)
		row.Method, row.Draws, row.Usable, row.Seed, row.Note = "bootstrap", b.Draws, b.Usable, b.Seed, b.Reason
		return row, nil
	}
	idx, lo, hi := stats.FramingIndexCI(float64(g.Pos), float64(g.Neg), opt.Conf)
	row.Index, row.Lo, row.Hi, row.Method = stats.Num(idx), stats.Num(lo), stats.Num(hi), "counts"
	row.Note = fmt.Sprintf("%d documents: interval from counts (Wilson), not a bootstrap", g.Documents)
	if g.Documents == 1 {
		row.Note = "1 document: interval from counts (Wilson), not a bootstrap"
	}
	if g.Pos+g.Neg == 0 {
		row.Note = "no own-voice hits on either pole: index undefined"
	}
	return row, nil
}

// docPairs expands a group's document histogram into per-document pairs in
// a fixed order, so the bootstrap does not depend on the order documents
// were read or tallies merged.
func docPairs(g *framing.GroupTally) ([][2]float64, error) {
	type pair struct{ pos, neg, n int }
	var ps []pair
	for k, n := range g.DocIndex {
		pos, neg, err := framing.ParseDocIndexKey(k)
		if err != nil {
			return nil, err
		}
		ps = append(ps, pair{pos, neg, n})
	}
	slices.SortFunc(ps, func(a, b pair) int { return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.neg, b.neg)) })
	var docs [][2]float64
	for _, p := range ps {
		for range p.n {
			docs = append(docs, [2]float64{float64(p.pos), float64(p.neg)})
		}
	}
	return docs, nil
}
