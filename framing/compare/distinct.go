package compare

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/stats"
)

// distinctiveLabels lists, per group, the labels of one concept with the
// largest positive log-odds z-scores against the other groups' hits of the
// concept (stats.LogOddsWithinConcept: Monroe et al.'s full variance, a
// prior that ignores groups without hits), so that a group that writes
// more about a topic does not score high on its labels for that alone.
func distinctiveLabels(tab [][]float64, groups, names []string, opt Options) ([]DistinctiveTerm, error) {
	out := []DistinctiveTerm{}
	if len(groups) < 2 || len(names) < 2 {
		return out, nil
	}
	lo, err := stats.LogOddsWithinConcept(tab, opt.PriorA0)
	if err != nil {
		return nil, err
	}
	if lo.Reason != "" {
		return out, nil
	}
	for r, name := range groups {
		out = append(out, topScores(name, "label", tab[r], names, lo.Groups[r], opt.Top, nil)...)
	}
	return out, nil
}

// distinctiveTerms lists, per group, the matched terms with the largest
// positive log-odds z-scores against the rest of the groups, over all the
// terms matched (a comparison of vocabulary, topic and framing together),
// and returns the scores of all terms.
func distinctiveTerms(t *framing.Tally, groups []string, opt Options) (top, terms []DistinctiveTerm, err error) {
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
	names := slices.Sorted(maps.Keys(termSet))
	if len(names) < 2 {
		return top, terms, nil
	}
	tab := make([][]float64, len(groups))
	for r, name := range groups {
		tab[r] = make([]float64, len(names))
		for k, term := range names {
			tab[r][k] = float64(t.Groups[name].Terms[term])
		}
	}
	lo, err := stats.LogOddsVsRest(tab, opt.PriorA0)
	if err != nil {
		return nil, nil, err
	}
	if lo.Reason != "" {
		return top, terms, nil
	}
	for r, name := range groups {
		top = append(top, topScores(name, "term", tab[r], names, lo.Groups[r], opt.Top, &terms)...)
	}
	return top, terms, nil
}

// topScores are the top positive z-scores of one group's row; all, when
// not nil, collects every score of a label or term the group used.
func topScores(group, kind string, row []float64, names []string, lo stats.LogOdds, top int, all *[]DistinctiveTerm) []DistinctiveTerm {
	var rows []DistinctiveTerm
	for k, z := range lo.Z {
		if math.IsNaN(z) || row[k] == 0 {
			continue
		}
		d := DistinctiveTerm{Group: group, Kind: kind, Name: names[k], Count: int(row[k]), Delta: stats.Num(lo.Delta[k]), Z: stats.Num(z)}
		if all != nil {
			*all = append(*all, d)
		}
		if z > 0 {
			rows = append(rows, d)
		}
	}
	slices.SortStableFunc(rows, func(a, b DistinctiveTerm) int {
		return cmp.Or(cmp.Compare(b.Z, a.Z), cmp.Compare(a.Name, b.Name))
	})
	return rows[:min(len(rows), top)]
}

// MinPhraseCount is the fewest times a phrase must occur in the corpus to
// be compared: rarer ones are many, and their z-scores, shrunk by the
// prior, could not reach the top anyway.
const MinPhraseCount = 5

// distinctivePhrases lists each group's words and two-word phrases with the
// largest positive log-odds z-scores against the rest, over every phrase of
// the corpus that occurs MinPhraseCount times or more, marking those the
// lexicon matched as terms.
func distinctivePhrases(t *framing.Tally, groups []string, opt Options) ([]DistinctiveTerm, error) {
	out := []DistinctiveTerm{}
	if len(groups) < 2 {
		return out, nil
	}
	total, known := map[string]int{}, map[string]bool{}
	for _, name := range groups {
		for k, n := range t.Groups[name].Phrases {
			total[k] += n
		}
		for k := range t.Groups[name].Terms {
			known[k] = true
		}
	}
	var names []string
	for k, n := range total {
		if n >= MinPhraseCount {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	if len(names) < 2 {
		return out, nil
	}
	tab := make([][]float64, len(groups))
	for r, name := range groups {
		tab[r] = make([]float64, len(names))
		for k, p := range names {
			tab[r][k] = float64(t.Groups[name].Phrases[p])
		}
	}
	lo, err := stats.LogOddsVsRest(tab, opt.PriorA0)
	if err != nil || lo.Reason != "" {
		return out, err
	}
	for r, name := range groups {
		top := topScores(name, "phrase", tab[r], names, lo.Groups[r], opt.Top, nil)
		for k := range top {
			top[k].InLexicon = known[top[k].Name]
		}
		out = append(out, top...)
	}
	return out, nil
}
