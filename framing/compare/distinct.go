package compare

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/stats"
)

// distinctive lists, per group, the labels and matched terms with the
// largest positive log-odds z-scores against the rest of the groups.
// distinctive is the top labels and terms of each group, and the scores of
// all terms.
func distinctive(t *framing.Tally, groups []string, labels [][]float64, labelNames []string, opt Options) (top, terms []DistinctiveTerm, err error) {
	top, terms = []DistinctiveTerm{}, []DistinctiveTerm{}
	if len(groups) < 2 {
		return top, terms, nil
	}
	termSet := map[string]bool{}
	for _, name := range groups {
		for k := range t.Groups[name].Terms {
			termSet[k] = true
		}
	}
	termNames := slices.Sorted(maps.Keys(termSet))
	termTab := make([][]float64, len(groups))
	for r, name := range groups {
		termTab[r] = make([]float64, len(termNames))
		for k, term := range termNames {
			termTab[r][k] = float64(t.Groups[name].Terms[term])
		}
	}
	for _, part := range []struct {
		kind  string
		tab   [][]float64
		names []string
	}{{"label", labels, labelNames}, {"term", termTab, termNames}} {
		if len(part.names) < 2 {
			continue
		}
		lo, err := stats.LogOddsVsRest(part.tab, opt.PriorA0)
		if err != nil {
			return nil, nil, err
		}
		if lo.Reason != "" {
			continue
		}
		for r, name := range groups {
			var rows []DistinctiveTerm
			for k, z := range lo.Groups[r].Z {
				if math.IsNaN(z) || part.tab[r][k] == 0 {
					continue
				}
				d := DistinctiveTerm{Group: name, Kind: part.kind, Name: part.names[k],
					Count: int(part.tab[r][k]), Delta: stats.Num(lo.Groups[r].Delta[k]), Z: stats.Num(z)}
				if part.kind == "term" {
					terms = append(terms, d)
				}
				if z > 0 {
					rows = append(rows, d)
				}
			}
			slices.SortStableFunc(rows, func(a, b DistinctiveTerm) int {
				return cmp.Or(cmp.Compare(b.Z, a.Z), cmp.Compare(a.Name, b.Name))
			})
			top = append(top, rows[:min(len(rows), opt.Top)]...)
		}
	}
	return top, terms, nil
}
