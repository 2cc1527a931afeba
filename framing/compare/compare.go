package compare

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/stats"
)

// Groups computes every statistic of `framing compare` from a tally.
func Groups(t *framing.Tally, opt Options) (*Comparison, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	c, groups := compareHead(t, opt)
	for _, name := range groups {
		tl, err := timeline(name, t.Groups[name], opt)
		if err != nil {
			return nil, err
		}
		c.Timeline = append(c.Timeline, tl...)
	}
	labelIdx := map[string][]int{} // concept → label indices, lexicon order
	var concepts []string
	for i, l := range t.Labels {
		concept := l.Key.Concept
		if _, ok := labelIdx[concept]; !ok {
			concepts = append(concepts, concept)
		}
		labelIdx[concept] = append(labelIdx[concept], i)
	}
	if opt.Concept != "" {
		if _, ok := labelIdx[opt.Concept]; !ok {
			return nil, fmt.Errorf("no concept %s in lexicon %s (have: %s)", opt.Concept, t.Lexicon.Name, strings.Join(concepts, ", "))
		}
		concepts = []string{opt.Concept}
	}
	var inConcepts []int
	for _, concept := range concepts {
		inConcepts = append(inConcepts, labelIdx[concept]...)
	}

	for _, name := range groups {
		g := t.Groups[name]
		for _, i := range inConcepts {
			rate, lo, hi := stats.PoissonRateCI(float64(g.Labels[i].Own), float64(g.Tokens.Own), opt.PerTokens, opt.Conf)
			c.Rates = append(c.Rates, Rate{Group: name, Label: t.Labels[i].ID, Count: g.Labels[i].Own, Tokens: g.Tokens.Own, Rate: stats.Num(rate), Lo: stats.Num(lo), Hi: stats.Num(hi)})
		}
	}
	index, err := indexRows(t, groups, opt)
	if err != nil {
		return nil, err
	}
	c.Index = index

	// Concepts are compared in parallel (their Monte Carlo tests are most
	// of a comparison's time); each test seeds its own generator, so the
	// results do not depend on the order.
	results := make([]ConceptResult, len(concepts))
	errs := make([]error, len(concepts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k, concept := range concepts {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[k], errs[k] = compareConcept(t, concept, labelIdx[concept], groups, opt)
		})
	}
	wg.Wait()
	var primary []float64
	for k, cr := range results {
		if errs[k] != nil {
			return nil, errs[k]
		}
		c.Concepts = append(c.Concepts, cr)
		primary = append(primary, cr.Primary())
	}
	// One family: the p-value to read of each concept's test.
	for k, p := range stats.BenjaminiHochberg(primary) {
		c.Concepts[k].SetAdjusted(p)
	}

	all := ownTable(t, groups, inConcepts)
	dist, err := stats.JSDistanceMatrix(all, opt.JSAlpha)
	if err != nil {
		return nil, err
	}
	c.Distance = Distance{Groups: groups, Alpha: opt.JSAlpha, Matrix: stats.NumRows(dist)}

	var names []string
	for _, i := range inConcepts {
		names = append(names, t.Labels[i].ID)
	}
	if c.CA, err = correspondence(all, groups, names); err != nil {
		return nil, err
	}

	c.Distinctive, c.TermScores, err = distinctive(t, groups, all, names, opt)
	if err != nil {
		return nil, err
	}
	if c.Reliability, err = reliabilities(t, groups, opt); err != nil {
		return nil, err
	}
	return c, nil
}

// correspondence is the correspondence analysis of the groups × labels
// table, without the all-zero rows and columns, which have no place on the
// map (their coordinates would be NaN).
func correspondence(tab [][]float64, groups, labels []string) (CAResult, error) {
	ca, err := stats.CorrespondenceAnalysis(tab)
	if err != nil {
		return CAResult{}, err
	}
	out := CAResult{Groups: []string{}, Labels: []string{}, Inertia: stats.Nums(ca.Inertia), Share: stats.Nums(ca.Share),
		RowCoords: [][]stats.Num{}, ColCoords: [][]stats.Num{}, GroupsLeftOut: []LeftOut{}, LabelsLeftOut: []LeftOut{}, Note: ca.Reason}
	for i, g := range groups {
		if slices.Contains(ca.DroppedRows, i) {
			out.GroupsLeftOut = append(out.GroupsLeftOut, LeftOut{g, "no own-voice hits of the labels compared"})
			continue
		}
		out.Groups = append(out.Groups, g)
		out.RowCoords = append(out.RowCoords, stats.Nums(ca.RowCoords[i]))
	}
	for j, l := range labels {
		if j >= len(ca.ColCoords) || slices.Contains(ca.DroppedCols, j) { // no groups, no columns
			out.LabelsLeftOut = append(out.LabelsLeftOut, LeftOut{l, "no own-voice hits in any group"})
			continue
		}
		out.Labels = append(out.Labels, l)
		out.ColCoords = append(out.ColCoords, stats.Nums(ca.ColCoords[j]))
	}
	return out, nil
}

// compareHead starts a comparison of t: its lexicon, grouping, corpus,
// settings and groups, with the group names sorted.
func compareHead(t *framing.Tally, opt Options) (c *Comparison, groups []string) {
	groups = slices.Sorted(maps.Keys(t.Groups))
	c = &Comparison{Lexicon: t.Lexicon, By: t.By, Settings: opt,
		Corpus: CorpusSummary{Read: t.Read, Scored: t.Scored(), Skipped: t.Skipped}}
	for _, name := range groups {
		g := t.Groups[name]
		c.Groups = append(c.Groups, GroupInfo{Name: name, Documents: g.Documents, Tokens: g.Tokens, Undated: g.Undated})
	}
	return c, groups
}
