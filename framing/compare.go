package framing

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/framingkit/framing/framing/stats"
)

// CompareOptions are the settings of Compare. Every stochastic step takes
// its seed from here, so a comparison is reproducible bit for bit.
type CompareOptions struct {
	Conf           float64 `json:"conf"`          // confidence level of intervals (0.95)
	Seed           uint64  `json:"seed"`          // seed of the Monte Carlo test and the bootstrap
	MonteCarlo     int     `json:"monte_carlo"`   // simulated tables for the Monte Carlo p-value
	Bootstrap      int     `json:"bootstrap"`     // resamples for the framing index interval
	MinBootstrap   int     `json:"min_bootstrap"` // documents a group needs for a bootstrap interval
	JSAlpha        float64 `json:"js_alpha"`      // additive smoothing of the Jensen-Shannon distance
	PriorA0        float64 `json:"prior_a0"`      // Dirichlet prior size of the log-odds (0: mean group total)
	Top            int     `json:"top"`           // distinctive labels and terms listed per group
	Concept        string  `json:"concept"`       // compare one concept only ("": all)
	PerTokens      float64 `json:"per_tokens"`    // rates per this many own-voice tokens (1000)
	MinExpectedCut float64 `json:"min_expected"`  // below this expected count the exact or Monte Carlo p is the one to read (5)
}

// DefaultCompareOptions are the defaults of `framing compare`.
func DefaultCompareOptions() CompareOptions {
	return CompareOptions{Conf: 0.95, Seed: 1, MonteCarlo: 10000, Bootstrap: 2000, MinBootstrap: 5,
		JSAlpha: 0.5, Top: 5, PerTokens: 1000, MinExpectedCut: 5}
}

// Check returns an error for settings no comparison can use: what a
// caller gets instead of a panic inside a statistic.
func (o CompareOptions) Check() error {
	ok := func(x float64) bool { return x >= 0 && !math.IsInf(x, 1) } // false for NaN
	switch {
	case !(o.Conf > 0 && o.Conf < 1):
		return fmt.Errorf("the confidence level must be between 0 and 1, both excluded (got %g)", o.Conf)
	case o.MonteCarlo < 1:
		return fmt.Errorf("the Monte Carlo draws must be 1 or more (got %d)", o.MonteCarlo)
	case o.Bootstrap < 1:
		return fmt.Errorf("the bootstrap resamples must be 1 or more (got %d)", o.Bootstrap)
	case o.MinBootstrap < 0:
		return fmt.Errorf("the documents for a bootstrap must be 0 or more (got %d)", o.MinBootstrap)
	case o.Top < 0:
		return fmt.Errorf("the top labels and terms must be 0 or more (got %d)", o.Top)
	case !(o.PerTokens > 0) || math.IsInf(o.PerTokens, 1):
		return fmt.Errorf("rates must be per a positive number of tokens (got %g)", o.PerTokens)
	case !ok(o.JSAlpha):
		return fmt.Errorf("the Jensen-Shannon smoothing must be 0 or more (got %g)", o.JSAlpha)
	case !ok(o.PriorA0):
		return fmt.Errorf("the log-odds prior size must be 0 or more (got %g)", o.PriorA0)
	case !ok(o.MinExpectedCut):
		return fmt.Errorf("the smallest expected count must be 0 or more (got %g)", o.MinExpectedCut)
	}
	return nil
}

// Comparison is everything `framing compare` reports.
type Comparison struct {
	Lexicon     LexiconRef        `json:"lexicon"`
	By          string            `json:"by"`
	Corpus      CorpusSummary     `json:"corpus"`
	Settings    CompareOptions    `json:"settings"`
	Groups      []GroupInfo       `json:"groups"`
	Rates       []Rate            `json:"rates"`
	Index       []IndexRow        `json:"index"`
	Concepts    []ConceptResult   `json:"concepts"`
	Distance    Distance          `json:"distance"`
	CA          CAResult          `json:"correspondence"`
	Distinctive []DistinctiveTerm `json:"distinctive"`
	// TermScores are every matched term's log-odds z-score in every group
	// that used it, against the rest: the points of the distinctive terms
	// chart, of which Distinctive lists the top.
	TermScores []DistinctiveTerm `json:"term_scores"`
	Timeline   []TimelinePoint   `json:"timeline"`
	// Reliability is every group's sourcing indicators, and a test of each
	// share and rate across groups.
	Reliability Reliabilities `json:"reliability"`
}

// Reliabilities are the groups' reliability indicators.
type Reliabilities struct {
	Groups []GroupReliability `json:"groups"`
	Tests  []IndicatorTest    `json:"tests"`
}

// GroupReliability is one group's sourcing counts and indicators.
type GroupReliability struct {
	Group      string               `json:"group"`
	Counts     Reliability          `json:"counts"`
	Indicators map[string]Indicator `json:"indicators"`
}

// IndicatorTest tests whether a share or rate indicator differs between
// groups: a share as the groups × (counted, not counted) table, a rate as
// the groups' counts against their own-voice tokens (chi-square goodness of
// fit; no Cramér's V).
type IndicatorTest struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // "share" or "rate"
	TableTest
}

// CorpusSummary accounts for the documents behind a comparison.
type CorpusSummary struct {
	Read    int            `json:"read"`
	Scored  int            `json:"scored"`
	Skipped map[string]int `json:"skipped"`
}

// GroupInfo describes one group.
type GroupInfo struct {
	Name      string      `json:"name"`
	Documents int         `json:"documents"`
	Tokens    TokenCounts `json:"tokens"`
	Undated   int         `json:"undated"` // documents left out of the timeline
}

// Rate is a label's own-voice hits per PerTokens own-voice tokens of a group,
// with an exact Poisson interval.
type Rate struct {
	Group  string `json:"group"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
	Tokens int    `json:"tokens"`
	Rate   Num    `json:"rate"`
	Lo     Num    `json:"lo"`
	Hi     Num    `json:"hi"`
}

// IndexRow is a group's framing index with its interval. Method says how
// the interval was made: "bootstrap" over documents, or "counts" (Wilson, for
// groups with too few documents to resample).
type IndexRow struct {
	Group  string `json:"group"`
	Pos    int    `json:"pos"`
	Neg    int    `json:"neg"`
	Index  Num    `json:"index"`
	Lo     Num    `json:"lo"`
	Hi     Num    `json:"hi"`
	Method string `json:"method"`
	Draws  int    `json:"draws,omitempty"`
	Usable int    `json:"usable,omitempty"`
	Seed   uint64 `json:"seed,omitempty"`
	Note   string `json:"note,omitempty"`
}

// Share is a label's share of a concept's own-voice hits in a group, with a
// Wilson interval.
type Share struct {
	P  Num `json:"p"`
	Lo Num `json:"lo"`
	Hi Num `json:"hi"`
}

// Test is one test of independence of groups and labels.
type Test struct {
	Stat      Num `json:"stat"`
	DF        Num `json:"df"`
	P         Num `json:"p"`
	PAdjusted Num `json:"p_adjusted"` // Benjamini-Hochberg across the concepts of the run
}

// Exact is the small-sample p-value of a test: for a table, Fisher's exact
// test when it is 2×2, else a Monte Carlo test with the seed and draws used;
// for a rate, the exact multinomial test, or its Monte Carlo estimate when
// there are too many outcomes to sum.
type Exact struct {
	Method    string `json:"method"` // "fisher", "multinomial" (exact) or "monte-carlo"
	P         Num    `json:"p"`
	PAdjusted Num    `json:"p_adjusted"`
	Seed      uint64 `json:"seed,omitempty"`
	Draws     int    `json:"draws,omitempty"`
}

// ConceptResult compares the groups' use of one concept's labels, own voice.
type ConceptResult struct {
	ID     string    `json:"id"`
	Labels []string  `json:"labels"`
	Groups []string  `json:"groups"`
	Counts [][]int   `json:"counts"` // group × label, own voice
	Quoted [][]int   `json:"quoted"` // group × label, quoted
	Shares [][]Share `json:"shares"`
	TableTest
	Distance [][]Num `json:"distance"` // Jensen-Shannon between groups, this concept's labels
}

// TableTest is the test of independence of a groups × categories table:
// Pearson's chi-square and the G-test, Cramér's V, and when an expected
// count is small, Fisher's exact test (2×2) or a Monte Carlo p-value.
type TableTest struct {
	ChiSquare   Test   `json:"chi_square"`
	GTest       Test   `json:"g_test"`
	CramersV    Num    `json:"cramers_v"`
	CramersVBC  Num    `json:"cramers_v_corrected"`
	MinExpected Num    `json:"min_expected"`
	Below5      int    `json:"cells_expected_below_5"`
	Exact       *Exact `json:"exact,omitempty"`
	// PValue names the p-value to read: "exact" when an expected count is
	// below 5, else "chi-square".
	PValue string `json:"p_value"`
	Note   string `json:"note,omitempty"`
}

// Primary is the p-value to read.
func (t *TableTest) Primary() float64 {
	if t.PValue == "exact" && t.Exact != nil {
		return float64(t.Exact.P)
	}
	return float64(t.ChiSquare.P)
}

// SetAdjusted records the adjusted p-value of the one to read.
func (t *TableTest) SetAdjusted(p float64) {
	if t.PValue == "exact" && t.Exact != nil {
		t.Exact.PAdjusted = Num(p)
		t.ChiSquare.PAdjusted, t.GTest.PAdjusted = Num(math.NaN()), Num(math.NaN())
		return
	}
	t.ChiSquare.PAdjusted = Num(p)
	t.GTest.PAdjusted = Num(math.NaN())
}

// Distance is the Jensen-Shannon distance (base 2) between the groups'
// own-voice distributions over all labels, with additive smoothing Alpha.
type Distance struct {
	Groups []string `json:"groups"`
	Alpha  float64  `json:"alpha"`
	Matrix [][]Num  `json:"matrix"`
}

// CAResult is the correspondence analysis of the group × label table.
// A group without own-voice hits of the labels compared, and a label no
// group used, have no place on the map: they are left out, each named with
// the reason, and Groups and Labels list the rows and columns of the
// coordinates.
type CAResult struct {
	Groups        []string  `json:"groups"`
	Labels        []string  `json:"labels"`
	Inertia       []Num     `json:"inertia"`
	Share         []Num     `json:"share"`
	RowCoords     [][]Num   `json:"group_coords"`
	ColCoords     [][]Num   `json:"label_coords"`
	GroupsLeftOut []LeftOut `json:"groups_left_out"`
	LabelsLeftOut []LeftOut `json:"labels_left_out"`
	Note          string    `json:"note,omitempty"`
}

// LeftOut is a group or label left out of a result, and why.
type LeftOut struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// DistinctiveTerm is a label or matched term that sets a group apart from
// the rest: the log-odds ratio with informative Dirichlet prior (Monroe,
// Colaresi and Quinn 2008) and its z-score.
type DistinctiveTerm struct {
	Group string `json:"group"`
	Kind  string `json:"kind"` // "label" or "term"
	Name  string `json:"name"`
	Count int    `json:"count"`
	Delta Num    `json:"delta"`
	Z     Num    `json:"z"`
}

// TimelinePoint is a group's framing index in one ISO week, own voice, with
// the interval from its counts (a week holds too few documents for a
// bootstrap).
type TimelinePoint struct {
	Group     string `json:"group"`
	Week      string `json:"week"`  // ISO 8601 week, "2023-W25"
	Start     string `json:"start"` // its Monday, "2023-06-19"
	Documents int    `json:"documents"`
	Pos       int    `json:"pos"`
	Neg       int    `json:"neg"`
	Index     Num    `json:"index"`
	Lo        Num    `json:"lo"`
	Hi        Num    `json:"hi"`
}

// Compare computes every statistic of `framing compare` from a tally.
func Compare(t *Tally, opt CompareOptions) (*Comparison, error) {
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
	for i, id := range t.Labels {
		concept, _, _ := cutLabel(id)
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
			c.Rates = append(c.Rates, Rate{Group: name, Label: t.Labels[i], Count: g.Labels[i].Own, Tokens: g.Tokens.Own, Rate: Num(rate), Lo: Num(lo), Hi: Num(hi)})
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
	c.Distance = Distance{Groups: groups, Alpha: opt.JSAlpha, Matrix: numRows(dist)}

	var names []string
	for _, i := range inConcepts {
		names = append(names, t.Labels[i])
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
	out := CAResult{Groups: []string{}, Labels: []string{}, Inertia: nums(ca.Inertia), Share: nums(ca.Share),
		RowCoords: [][]Num{}, ColCoords: [][]Num{}, GroupsLeftOut: []LeftOut{}, LabelsLeftOut: []LeftOut{}, Note: ca.Reason}
	for i, g := range groups {
		if slices.Contains(ca.DroppedRows, i) {
			out.GroupsLeftOut = append(out.GroupsLeftOut, LeftOut{g, "no own-voice hits of the labels compared"})
			continue
		}
		out.Groups = append(out.Groups, g)
		out.RowCoords = append(out.RowCoords, nums(ca.RowCoords[i]))
	}
	for j, l := range labels {
		if j >= len(ca.ColCoords) || slices.Contains(ca.DroppedCols, j) { // no groups, no columns
			out.LabelsLeftOut = append(out.LabelsLeftOut, LeftOut{l, "no own-voice hits in any group"})
			continue
		}
		out.Labels = append(out.Labels, l)
		out.ColCoords = append(out.ColCoords, nums(ca.ColCoords[j]))
	}
	return out, nil
}

// compareHead starts a comparison of t: its lexicon, grouping, corpus,
// settings and groups, with the group names sorted.
func compareHead(t *Tally, opt CompareOptions) (c *Comparison, groups []string) {
	groups = slices.Sorted(maps.Keys(t.Groups))
	c = &Comparison{Lexicon: t.Lexicon, By: t.By, Settings: opt,
		Corpus: CorpusSummary{Read: t.Read, Scored: t.Scored(), Skipped: t.Skipped}}
	for _, name := range groups {
		g := t.Groups[name]
		c.Groups = append(c.Groups, GroupInfo{Name: name, Documents: g.Documents, Tokens: g.Tokens, Undated: g.Undated})
	}
	return c, groups
}

// CompareReliability is the part of Compare that `framing reliability`
// reports: the comparison's Lexicon, By, Corpus, Groups, Settings and
// Reliability, as Compare makes them, and nothing else.
func CompareReliability(t *Tally, opt CompareOptions) (*Comparison, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	c, groups := compareHead(t, opt)
	var err error
	if c.Reliability, err = reliabilities(t, groups, opt); err != nil {
		return nil, err
	}
	return c, nil
}

// IndexRows is every group's framing index, groups by name: the Index of
// Compare, without the rest of the comparison.
func IndexRows(t *Tally, opt CompareOptions) ([]IndexRow, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	return indexRows(t, slices.Sorted(maps.Keys(t.Groups)), opt)
}

func indexRows(t *Tally, groups []string, opt CompareOptions) ([]IndexRow, error) {
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

// reliabilities makes every group's indicators and tests each share and
// rate across the groups, Benjamini-Hochberg adjusted across indicators.
func reliabilities(t *Tally, groups []string, opt CompareOptions) (Reliabilities, error) {
	out := Reliabilities{Groups: []GroupReliability{}, Tests: []IndicatorTest{}}
	counted, outOf := map[string][]float64{}, map[string][]float64{} // indicator → K and N per group
	missing := MissingIndicators(t.Categories, t.Poles)
	for _, name := range groups {
		g := t.Groups[name]
		r := reliabilityOut(g.Reliability, g.Tokens, opt.Conf, missing)
		out.Groups = append(out.Groups, GroupReliability{Group: name, Counts: r.Reliability, Indicators: r.Indicators})
		for _, info := range IndicatorList {
			if tested(info) {
				in := r.Indicators[info.Name]
				counted[info.Name] = append(counted[info.Name], float64(in.K))
				outOf[info.Name] = append(outOf[info.Name], float64(in.N))
			}
		}
	}
	if len(groups) < 2 {
		return out, nil
	}
	var primary []float64
	for _, info := range IndicatorList {
		if !tested(info) {
			continue
		}
		var tt TableTest
		var err error
		switch {
		case missing[info.Name] != "":
			tt = undefinedTest(missing[info.Name])
		case info.Kind == "rate":
			tt, err = rateTests(counted[info.Name], outOf[info.Name], groups, opt)
		default:
			tt, err = shareTests(counted[info.Name], outOf[info.Name], groups, opt)
		}
		if err != nil {
			return out, fmt.Errorf("%s: %w", info.Name, err)
		}
		out.Tests = append(out.Tests, IndicatorTest{Name: info.Name, Kind: info.Kind, TableTest: tt})
		primary = append(primary, tt.Primary())
	}
	for k, p := range stats.BenjaminiHochberg(primary) {
		out.Tests[k].SetAdjusted(p)
	}
	return out, nil
}

// shareTests tests a share across groups: the groups × (k, n − k) table
// of what each group counted and did not. A k above its n is no share: the
// test is then undefined, and no cell is ever negative.
func shareTests(k, n []float64, groups []string, opt CompareOptions) (TableTest, error) {
	tab := make([][]float64, len(groups))
	for i := range groups {
		if k[i] > n[i] {
			return undefinedTest(fmt.Sprintf("group %s counts %g of %g: not a share (is the tally damaged?)", groups[i], k[i], n[i])), nil
		}
		tab[i] = []float64{k[i], n[i] - k[i]}
	}
	return tableTests(tab, opt)
}

// rateTests tests a rate across groups as a rate: conditional on the total,
// the groups' counts are multinomial with probabilities in proportion to
// their exposures (own-voice tokens), tested by chi-square goodness of fit
// with groups − 1 degrees of freedom, and by the exact multinomial (or its
// Monte Carlo) p-value when an expected count is below opt.MinExpectedCut.
func rateTests(k, n []float64, groups []string, opt CompareOptions) (TableTest, error) {
	rt, err := stats.RateHomogeneity(k, n)
	if err != nil {
		return TableTest{}, err
	}
	nan := Num(math.NaN())
	tt := TableTest{
		ChiSquare:   Test{Stat: Num(rt.Stat), DF: Num(rt.DF), P: Num(rt.P)},
		GTest:       Test{Stat: Num(rt.G), DF: Num(rt.DF), P: Num(rt.GP)},
		CramersV:    nan, // a measure of association of a table: none for a rate
		CramersVBC:  nan,
		MinExpected: Num(rt.MinExpected), Below5: rt.Below5,
		PValue: "chi-square", Note: rt.Reason,
	}
	kept := len(groups) - len(rt.Dropped)
	if rt.Reason == "" && rt.MinExpected < opt.MinExpectedCut {
		ex, err := stats.RateHomogeneityExact(k, n, opt.MonteCarlo, opt.Seed)
		if err != nil {
			return tt, err
		}
		tt.PValue = "exact"
		tt.Exact = &Exact{Method: "multinomial", P: Num(ex.P)}
		if ex.Method == "monte-carlo" {
			tt.Exact = &Exact{Method: "monte-carlo", P: Num(ex.P), Seed: ex.Seed, Draws: ex.Draws}
		}
		tt.Note = fmt.Sprintf("%d of %d groups expect fewer than %g: read the %s p-value, not the chi-square approximation",
			rt.Below5, kept, opt.MinExpectedCut, tt.Exact.Method)
	}
	if len(rt.Dropped) > 0 {
		var names []string
		for _, i := range rt.Dropped {
			names = append(names, groups[i])
		}
		tt.Note = joinNotes(tt.Note, "left out, no own-voice tokens: "+strings.Join(names, ", "))
	}
	return tt, nil
}

// undefinedTest is a test that could not be made, and why.
func undefinedTest(why string) TableTest {
	nan := Num(math.NaN())
	return TableTest{ChiSquare: Test{nan, nan, nan, nan}, GTest: Test{nan, nan, nan, nan}, CramersV: nan, CramersVBC: nan,
		MinExpected: nan, PValue: "chi-square", Note: why}
}

// joinNotes joins the notes that are not empty with "; ".
func joinNotes(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, "; ")
}

// tested reports an indicator that reliabilities tests across groups: a
// share or a rate.
func tested(info IndicatorInfo) bool { return info.Kind == "share" || info.Kind == "rate" }

// timeline is a group's framing index week by week, weeks in order.
func timeline(name string, g *GroupTally, opt CompareOptions) ([]TimelinePoint, error) {
	var out []TimelinePoint
	for _, k := range slices.Sorted(maps.Keys(g.Weeks)) {
		w := g.Weeks[k]
		start, err := WeekStart(k)
		if err != nil {
			return nil, fmt.Errorf("group %q: %w", name, err)
		}
		idx, lo, hi := stats.FramingIndexCI(float64(w.Pos), float64(w.Neg), opt.Conf)
		out = append(out, TimelinePoint{Group: name, Week: k, Start: start.Format(time.DateOnly),
			Documents: w.Documents, Pos: w.Pos, Neg: w.Neg, Index: Num(idx), Lo: Num(lo), Hi: Num(hi)})
	}
	return out, nil
}

// indexRow is a group's framing index: a bootstrap over its documents when
// it has enough of them, else an interval from its counts.
func indexRow(name string, g *GroupTally, opt CompareOptions) (IndexRow, error) {
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
		row.Index, row.Lo, row.Hi = Num(b.Index), Num(b.Lo), Num(b.Hi)
		row.Method, row.Draws, row.Usable, row.Seed, row.Note = "bootstrap", b.Draws, b.Usable, b.Seed, b.Reason
		return row, nil
	}
	idx, lo, hi := stats.FramingIndexCI(float64(g.Pos), float64(g.Neg), opt.Conf)
	row.Index, row.Lo, row.Hi, row.Method = Num(idx), Num(lo), Num(hi), "counts"
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
func docPairs(g *GroupTally) ([][2]float64, error) {
	type pair struct{ pos, neg, n int }
	var ps []pair
	for k, n := range g.DocIndex {
		pos, neg, err := ParseDocIndexKey(k)
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

// ownTable is the group × label table of own-voice counts for labels idx.
func ownTable(t *Tally, groups []string, idx []int) [][]float64 {
	tab := make([][]float64, len(groups))
	for r, name := range groups {
		tab[r] = make([]float64, len(idx))
		for k, i := range idx {
			tab[r][k] = float64(t.Groups[name].Labels[i].Own)
		}
	}
	return tab
}

func compareConcept(t *Tally, concept string, idx []int, groups []string, opt CompareOptions) (ConceptResult, error) {
	cr := ConceptResult{ID: concept, Groups: groups}
	for _, i := range idx {
		cr.Labels = append(cr.Labels, t.Labels[i])
	}
	tab := ownTable(t, groups, idx)
	for r, name := range groups {
		counts, quoted := make([]int, len(idx)), make([]int, len(idx))
		shares := make([]Share, len(idx))
		total := 0.0
		for _, x := range tab[r] {
			total += x
		}
		for k, i := range idx {
			counts[k] = t.Groups[name].Labels[i].Own
			quoted[k] = t.Groups[name].Labels[i].Quoted
			p, lo, hi := stats.Wilson(tab[r][k], total, opt.Conf)
			shares[k] = Share{Num(p), Num(lo), Num(hi)}
		}
		cr.Counts, cr.Quoted, cr.Shares = append(cr.Counts, counts), append(cr.Quoted, quoted), append(cr.Shares, shares)
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
	cr.Distance = numRows(dist)
	return cr, nil
}

// tableTests tests a groups × categories table; the small-sample p-value
// is the one to read when an expected count is below opt.MinExpectedCut.
func tableTests(tab [][]float64, opt CompareOptions) (TableTest, error) {
	var tt TableTest
	chi, err := stats.ChiSquare(tab)
	if err != nil {
		return tt, err
	}
	g, err := stats.GTest(tab)
	if err != nil {
		return tt, err
	}
	tt.ChiSquare = Test{Stat: Num(chi.Stat), DF: Num(chi.DF), P: Num(chi.P)}
	tt.GTest = Test{Stat: Num(g.Stat), DF: Num(g.DF), P: Num(g.P)}
	tt.CramersV, tt.CramersVBC = Num(chi.CramersV), Num(chi.CramersVCorrected)
	tt.MinExpected, tt.Below5 = Num(chi.MinExpected), chi.Below5
	tt.Note = chi.Reason
	tt.PValue = "chi-square"
	if chi.Reason == "" && chi.MinExpected < opt.MinExpectedCut {
		tt.PValue = "exact"
		kept := len(tab) - len(chi.DroppedRows)
		keptCols := len(tab[0]) - len(chi.DroppedCols)
		if kept == 2 && keptCols == 2 {
			f, err := stats.FisherExact2x2(reduceTable(tab, chi.DroppedRows, chi.DroppedCols))
			if err != nil {
				return tt, err
			}
			tt.Exact = &Exact{Method: "fisher", P: Num(f.P)}
		} else {
			mc, err := stats.MonteCarloChiSquare(tab, opt.MonteCarlo, opt.Seed)
			if err != nil {
				return tt, err
			}
			tt.Exact = &Exact{Method: "monte-carlo", P: Num(mc.P), Seed: mc.Seed, Draws: mc.Draws}
		}
		tt.Note = fmt.Sprintf("%d of %d cells expect fewer than %g: read the %s p-value, not the chi-square approximation",
			chi.Below5, kept*keptCols, opt.MinExpectedCut, tt.Exact.Method)
	}
	return tt, nil
}

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

// distinctive lists, per group, the labels and matched terms with the
// largest positive log-odds z-scores against the rest of the groups.
// distinctive is the top labels and terms of each group, and the scores of
// all terms.
func distinctive(t *Tally, groups []string, labels [][]float64, labelNames []string, opt CompareOptions) (top, terms []DistinctiveTerm, err error) {
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
					Count: int(part.tab[r][k]), Delta: Num(lo.Groups[r].Delta[k]), Z: Num(z)}
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

// cutLabel splits "concept.label".
func cutLabel(id string) (concept, label string, ok bool) {
	for i := 0; i < len(id); i++ {
		if id[i] == '.' {
			return id[:i], id[i+1:], true
		}
	}
	return id, "", false
}
