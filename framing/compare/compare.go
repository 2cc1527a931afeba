package compare

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/stats"
)

// Groups computes every statistic of `framing compare` from a tally.
func Groups(t *framing.Tally, opt Options) (*Comparison, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	t.Seal()
	c, groups := compareHead(t, opt)
	c.Inference = inferenceOf(t, opt)
	for _, name := range groups {
		tl, err := timeline(name, t.Groups[name], opt)
		if err != nil {
			return nil, err
		}
		c.Timeline = append(c.Timeline, tl...)
	}
	cs, err := conceptsOf(t, opt.Concept)
	if err != nil {
		return nil, err
	}
	// Every concept: the index drivers, and the family of tests, also
	// under --concept, so that a concept's adjusted p-value does not
	// depend on which one is printed.
	every := cs
	if opt.Concept != "" {
		if every, err = conceptsOf(t, ""); err != nil {
			return nil, err
		}
	}
	c.Rates = rates(t, groups, cs.labels, opt)
	c.CategoryRates = categoryRates(t, groups, opt)
	iu, err := indexUnits(t, groups, opt)
	if err != nil {
		return nil, err
	}
	if c.Index, err = indexRowsOf(t, groups, iu, opt); err != nil {
		return nil, err
	}
	if c.IndexTest, err = indexTest(t, groups, iu, opt); err != nil {
		return nil, err
	}
	c.Drivers = drivers(t, groups, every)
	tested, err := compareConcepts(t, every, groups, opt)
	if err != nil {
		return nil, err
	}
	c.Distinctive = []DistinctiveTerm{}
	for _, cr := range tested {
		if slices.Contains(cs.ids, cr.ID) {
			c.Concepts = append(c.Concepts, cr)
			c.Distinctive = append(c.Distinctive, cr.Distinctive...)
		}
	}
	all := ownTable(t, groups, cs.labels)
	dist, err := stats.JSDistanceMatrix(all, opt.JSAlpha)
	if err != nil {
		return nil, err
	}
	c.Distance = Distance{Groups: groups, Alpha: opt.JSAlpha, Matrix: stats.NumRows(dist)}
	var names []string
	for _, i := range cs.labels {
		names = append(names, t.Labels[i].ID)
	}
	if c.CA, err = correspondence(all, groups, names); err != nil {
		return nil, err
	}
	terms, scores, err := distinctiveTerms(t, groups, opt)
	if err != nil {
		return nil, err
	}
	c.Distinctive, c.TermScores = append(c.Distinctive, terms...), scores
	if t.Phrases {
		if c.Phrases, err = distinctivePhrases(t, groups, opt); err != nil {
			return nil, err
		}
	}
	if c.Reliability, err = reliabilities(t, groups, opt); err != nil {
		return nil, err
	}
	c.Multiplicity = adjust(tested, c.Concepts, &c.IndexTest, c.Reliability.Tests)
	return c, nil
}

// adjust adjusts the p-values to read of every concept tested, the index
// test and every indicator as one family (Benjamini-Hochberg), records the
// adjusted ones in shown (the concepts printed), index and indicators, and
// says what the family was.
func adjust(tested, shown []ConceptResult, index *TableTest, indicators []IndicatorTest) Multiplicity {
	m := Multiplicity{Method: "benjamini-hochberg", Family: []string{}}
	var ps []float64
	for _, cr := range tested {
		m.Family = append(m.Family, "concept "+cr.ID)
		ps = append(ps, cr.Primary())
	}
	m.Family = append(m.Family, "index")
	ps = append(ps, index.Primary())
	for _, in := range indicators {
		m.Family = append(m.Family, "indicator "+in.Name)
		ps = append(ps, in.Primary())
	}
	for _, p := range ps {
		if !math.IsNaN(p) {
			m.Tests++
		}
	}
	adj := stats.BenjaminiHochberg(ps)
	for k := range shown {
		i := slices.IndexFunc(tested, func(cr ConceptResult) bool { return cr.ID == shown[k].ID })
		shown[k].SetAdjusted(adj[i])
	}
	index.SetAdjusted(adj[len(tested)])
	for k := range indicators {
		indicators[k].SetAdjusted(adj[len(tested)+1+k])
	}
	return m
}

// concepts are the concepts a comparison compares, in lexicon order, with
// the indices of their labels.
type concepts struct {
	ids    []string
	byID   map[string][]int // concept → its label indices, lexicon order
	labels []int            // the labels of all of them
}

// conceptsOf are the concepts of t's lexicon, or only, when not "", the one
// named: an error when there is no such concept.
func conceptsOf(t *framing.Tally, only string) (concepts, error) {
	cs := concepts{byID: map[string][]int{}}
	for i, l := range t.Labels {
		concept := l.Key.Concept
		if _, ok := cs.byID[concept]; !ok {
			cs.ids = append(cs.ids, concept)
		}
		cs.byID[concept] = append(cs.byID[concept], i)
	}
	if only != "" {
		if _, ok := cs.byID[only]; !ok {
			return cs, fmt.Errorf("no concept %s in lexicon %s (have: %s)", only, t.Lexicon.Name, strings.Join(cs.ids, ", "))
		}
		cs.ids = []string{only}
	}
	for _, concept := range cs.ids {
		cs.labels = append(cs.labels, cs.byID[concept]...)
	}
	return cs, nil
}

// rates are every group's hits of each label per opt.PerTokens tokens in
// the voices counted, with their intervals (see Rate).
func rates(t *framing.Tally, groups []string, labels []int, opt Options) []Rate {
	var out []Rate
	for _, name := range groups {
		g := t.Groups[name]
		for _, i := range labels {
			out = append(out, rateOf(name, t.Labels[i].ID, g.Labels[i].In(t.Voices), g.Tokens.In(t.Voices), g.LabelSums(t.Labels[i].ID), opt))
		}
	}
	return out
}

// categoryRates are every group's hits of each category (a word list: the
// reliability indicators' and a dictionary's, such as an imported LIWC
// one) per opt.PerTokens tokens in the voices counted, with their
// intervals (see Rate).
func categoryRates(t *framing.Tally, groups []string, opt Options) []Rate {
	out := []Rate{}
	for _, name := range groups {
		g := t.Groups[name]
		for i, c := range t.Categories {
			out = append(out, rateOf(name, c, g.Categories[i].In(t.Voices), g.Tokens.In(t.Voices), g.CategorySums(c), opt))
		}
	}
	return out
}

// rateOf is group's rate of n hits of what in tokens: with documents as the
// unit, the effective-number interval of sums; with hits, exact Poisson.
func rateOf(group, what string, n, tokens int, sums framing.TokenSums, opt Options) Rate {
	r := Rate{Group: group, Label: what, Count: n, Tokens: tokens, DesignEffect: stats.Num(math.NaN())}
	if opt.Unit == UnitDocuments {
		tr := stats.TokenRatioInterval(sums.Stats(), stats.PoissonVariance, opt.Conf)
		r.Rate, r.Lo, r.Hi = stats.Num(tr.Estimate*opt.PerTokens), stats.Num(tr.Lo*opt.PerTokens), stats.Num(tr.Hi*opt.PerTokens)
		r.Interval, r.DesignEffect = Interval{Unit: UnitDocuments, Method: "poisson-exact-effective-n", Note: tr.Reason}, stats.Num(tr.Deff)
		return r
	}
	rate, lo, hi := stats.PoissonRateCI(float64(n), float64(tokens), opt.PerTokens, opt.Conf)
	r.Rate, r.Lo, r.Hi, r.Interval = stats.Num(rate), stats.Num(lo), stats.Num(hi), Interval{Unit: UnitHits, Method: "poisson-exact"}
	return r
}

// compareConcepts tests each concept's groups × labels table, in
// parallel (adjust adjusts the p-values with the indicators' as one
// family).
func compareConcepts(t *framing.Tally, cs concepts, groups []string, opt Options) ([]ConceptResult, error) {
	if len(cs.ids) == 0 {
		return nil, nil
	}
	results := make([]ConceptResult, len(cs.ids))
	err := forEach(len(cs.ids), func(k int) (err error) {
		results[k], err = compareConcept(t, cs.ids[k], cs.byID[cs.ids[k]], groups, opt)
		return err
	})
	return results, err // adjusted with the rest of the family (adjust)
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
	c = &Comparison{Format: Format, Lexicon: t.Lexicon, By: t.By, Voices: t.Voices, Settings: opt,
		Corpus: CorpusSummary{Read: t.Read, Scored: t.Scored(), Skipped: t.Skipped}}
	for _, name := range groups {
		g := t.Groups[name]
		c.Groups = append(c.Groups, GroupInfo{Name: name, Documents: g.Documents, Tokens: g.Tokens, Undated: g.Undated})
	}
	return c, groups
}
