package compare

import (
	"fmt"
	"math"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/reliability"
	"github.com/framingkit/framing/framing/stats"
)

// Reliability is the part of Compare that `framing reliability`
// reports: the comparison's Lexicon, By, Corpus, Groups, Settings and
// Reliability, as Compare makes them, and nothing else.
func Reliability(t *framing.Tally, opt Options) (*Comparison, error) {
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

// reliabilities makes every group's indicators and tests each share and
// rate across the groups (adjusted with the concepts' tests: adjust).
func reliabilities(t *framing.Tally, groups []string, opt Options) (Reliabilities, error) {
	out := Reliabilities{Groups: []GroupReliability{}, Tests: []IndicatorTest{}}
	counted, outOf := map[string][]float64{}, map[string][]float64{} // indicator → K and N per group
	missing := reliability.MissingIndicators(t.Categories, t.Poles())
	units := map[string]stats.Units{}
	if opt.Unit == UnitDocuments {
		for _, info := range reliability.IndicatorList {
			if framing.UnitsOf(info) == framing.UnitsHistogram && missing[info.Name] == "" {
				u, err := histUnits(t, groups, 2, func(g *framing.GroupTally) *framing.Histogram { return g.UnitShares[info.Name] })
				if err != nil {
					return out, fmt.Errorf("%s: %w", info.Name, err)
				}
				units[info.Name] = shareVectors(u)
			}
		}
	}
	reps := make([]reliability.Report, len(groups))
	err := forEach(len(groups), func(r int) error {
		g := t.Groups[groups[r]]
		rep := reliability.NewReport(g.Reliability, g.Tokens.Prose(), g.Tokens.Quoted, opt.Conf, missing)
		for _, info := range reliability.IndicatorList {
			in := rep.Indicators[info.Name]
			if err := indicatorInterval(&in, info, g, units[info.Name], r, opt); err != nil {
				return fmt.Errorf("%s, group %s: %w", info.Name, groups[r], err)
			}
			rep.Indicators[info.Name] = in
		}
		reps[r] = rep
		return nil
	})
	if err != nil {
		return out, err
	}
	for r, name := range groups {
		rep := reps[r]
		for _, info := range reliability.IndicatorList {
			in := rep.Indicators[info.Name]
			if tested(info) {
				counted[info.Name] = append(counted[info.Name], float64(in.K))
				outOf[info.Name] = append(outOf[info.Name], float64(in.N))
			}
		}
		out.Groups = append(out.Groups, GroupReliability{Group: name, Counts: rep.Counts, Indicators: rep.Indicators})
	}
	if len(groups) < 2 {
		return out, nil
	}
	// The tests run in parallel, as the concepts' (their permutations are
	// most of the time); each seeds its own generator.
	var infos []reliability.IndicatorInfo
	for _, info := range reliability.IndicatorList {
		if tested(info) {
			infos = append(infos, info)
		}
	}
	tests := make([]IndicatorTest, len(infos))
	err = forEach(len(infos), func(k int) error {
		tt, err := indicatorTest(t, groups, infos[k], missing, counted, outOf, units, opt)
		tests[k] = IndicatorTest{Name: infos[k].Name, Kind: infos[k].Kind, TableTest: tt}
		if err != nil {
			return fmt.Errorf("%s: %w", infos[k].Name, err)
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	out.Tests = tests
	return out, nil
}

// indicatorTest tests one indicator across the groups (see reliabilities).
func indicatorTest(t *framing.Tally, groups []string, info reliability.IndicatorInfo, missing reliability.Missing,
	counted, outOf map[string][]float64, units map[string]stats.Units, opt Options) (TableTest, error) {
	switch {
	case missing[info.Name] != "":
		return undefinedTest(opt.Unit, missing[info.Name]), nil
	case opt.Unit == UnitDocuments && framing.UnitsOf(info) == framing.UnitsHistogram:
		return shareTests(counted[info.Name], outOf[info.Name], groups, opt, units[info.Name])
	case opt.Unit == UnitDocuments && framing.UnitsOf(info) == framing.UnitsTokenSums:
		return quasiTest(t, groups, info), nil
	case info.Kind == "rate":
		return rateTests(counted[info.Name], outOf[info.Name], groups, opt)
	}
	tt, err := shareTests(counted[info.Name], outOf[info.Name], groups, opt, stats.Units{})
	if opt.Unit == UnitDocuments { // GroupOnly
		tt.Note = joinNotes(tt.Note, "tested with hits as the unit: a group's value is not the sum of its documents'")
	}
	return tt, err
}

// shareVectors turns units of (k, n) into units of (k, n − k): the vectors
// of counted and not counted that a share's ratio and permutation read.
func shareVectors(u stats.Units) stats.Units {
	for t, v := range u.Types {
		u.Types[t] = []float64{v[0], v[1] - v[0]}
	}
	return u
}

// indicatorInterval sets a group's indicator interval, unit and method: with
// documents as the unit, a share or balance counted out of sentences,
// attributions, citations or documents by stats.RatioInterval over the
// group's units (u, group r), one counted out of tokens by
// stats.TokenRatioInterval; otherwise the Wilson or exact Poisson interval
// of the counts that reliability.Indicators made, labelled as such.
func indicatorInterval(in *reliability.Indicator, info reliability.IndicatorInfo, g *framing.GroupTally, u stats.Units, r int, opt Options) error {
	if info.Kind == "count" || in.Note != "" {
		return nil
	}
	hitMethod := map[string]string{"share": "wilson", "rate": "poisson-exact", "balance": "wilson"}[info.Kind]
	in.Unit, in.Method = UnitHits, hitMethod
	if opt.Unit != UnitDocuments {
		return nil
	}
	switch framing.UnitsOf(info) {
	case framing.UnitsHistogram:
		ci, err := stats.RatioInterval(u, r, stats.Ratio{Index: info.Kind == "balance"}, opt.Bootstrap, opt.Seed, opt.Conf)
		if err != nil {
			return err
		}
		iv := intervalOf(ci.Method, ci.Reason)
		in.Value, in.Lo, in.Hi, in.Unit, in.Method = stats.Num(ci.Estimate), stats.Num(ci.Lo), stats.Num(ci.Hi), iv.Unit, iv.Method
	case framing.UnitsTokenSums:
		v, scale := stats.PoissonVariance, 1000.0
		if info.Kind == "share" {
			v, scale = stats.BinomialVariance, 1
		}
		tr := stats.TokenRatioInterval(g.TokenSums[framing.IndicatorSumsKey(info.Name)].Stats(), v, opt.Conf)
		if math.IsNaN(tr.Estimate) {
			return nil // no tokens: the counts' n/a stands
		}
		in.Value, in.Lo, in.Hi = stats.Num(tr.Estimate*scale), stats.Num(tr.Lo*scale), stats.Num(tr.Hi*scale)
		in.Unit, in.Method = UnitDocuments, effectiveMethod(info.Kind)
	}
	return nil
}

// effectiveMethod names the interval of stats.TokenRatioInterval.
func effectiveMethod(kind string) string {
	if kind == "share" {
		return "wilson-effective-n"
	}
	return "poisson-exact-effective-n"
}

// quasiTest is the document-level test of an indicator counted out of
// tokens: the quasi-likelihood F test of stats.QuasiHomogeneity.
func quasiTest(t *framing.Tally, groups []string, info reliability.IndicatorInfo) TableTest {
	sums := make([]stats.TokenSums, len(groups))
	for r, name := range groups {
		sums[r] = t.Groups[name].TokenSums[framing.IndicatorSumsKey(info.Name)].Stats()
	}
	v := stats.PoissonVariance
	if info.Kind == "share" {
		v = stats.BinomialVariance
	}
	return quasiTableTest(sums, groups, v)
}

// quasiTableTest is the TableTest of stats.QuasiHomogeneity.
func quasiTableTest(sums []stats.TokenSums, groups []string, v stats.Variance) TableTest {
	q := stats.QuasiHomogeneity(sums, v)
	nan := stats.Num(math.NaN())
	tt := TableTest{Unit: UnitDocuments, PValue: "quasi-f", CramersV: nan, CramersVBC: nan, Note: q.Reason,
		QuasiF: &QuasiF{X2: stats.Num(q.X2), Phi: stats.Num(q.Phi), F: stats.Num(q.F), DF1: stats.Num(q.DF1), DF2: stats.Num(q.DF2), P: stats.Num(q.P), PAdjusted: nan}}
	if q.Reason != "" {
		tt.PValue = "none"
	}
	if len(q.Dropped) > 0 {
		var names []string
		for _, i := range q.Dropped {
			names = append(names, groups[i])
		}
		tt.Note = joinNotes(tt.Note, "left out, no tokens: "+strings.Join(names, ", "))
	}
	return tt
}

// shareTests tests a share across groups: the groups × (k, n − k) table
// of what each group counted and did not. A k above its n is no share: the
// test is then undefined, and no cell is ever negative.
func shareTests(k, n []float64, groups []string, opt Options, u stats.Units) (TableTest, error) {
	tab := make([][]float64, len(groups))
	for i := range groups {
		if k[i] > n[i] {
			return undefinedTest(opt.Unit, fmt.Sprintf("group %s counts %g of %g: not a share (is the tally damaged?)", groups[i], k[i], n[i])), nil
		}
		tab[i] = []float64{k[i], n[i] - k[i]}
	}
	// A share that is 0 (or 1) in every group is the same everywhere:
	// nothing to test, which the table would put as a column without
	// counts.
	var yes, no float64
	for _, row := range tab {
		yes, no = yes+row[0], no+row[1]
	}
	unit := UnitHits
	if u.Types != nil {
		unit = UnitDocuments
	}
	switch {
	case yes+no > 0 && yes == 0:
		return undefinedTest(unit, "the share is 0 in every group"), nil
	case yes+no > 0 && no == 0:
		return undefinedTest(unit, "the share is 1 in every group"), nil
	}
	if u.Types != nil {
		return permutationTest(u, stats.LabelChiSquare, tab, opt)
	}
	return tableTests(tab, opt)
}

// rateTests tests a rate across groups as a rate: conditional on the total,
// the groups' counts are multinomial with probabilities in proportion to
// their exposures (own-voice tokens), tested by chi-square goodness of fit
// with groups − 1 degrees of freedom, and by the exact multinomial (or its
// Monte Carlo) p-value when an expected count is below opt.MinExpectedCut.
func rateTests(k, n []float64, groups []string, opt Options) (TableTest, error) {
	rt, err := stats.RateHomogeneity(k, n)
	if err != nil {
		return TableTest{}, err
	}
	nan := stats.Num(math.NaN())
	hl := &HitLevel{
		ChiSquare:   Test{Stat: stats.Num(rt.Stat), DF: stats.Num(rt.DF), P: stats.Num(rt.P), PAdjusted: nan},
		GTest:       Test{Stat: stats.Num(rt.G), DF: stats.Num(rt.DF), P: stats.Num(rt.GP), PAdjusted: nan},
		MinExpected: stats.Num(rt.MinExpected), Below5: rt.Below5,
	}
	tt := TableTest{Unit: UnitHits, HitLevel: hl,
		CramersV: nan, CramersVBC: nan, // a measure of association of a table: none for a rate
		PValue: "chi-square", Note: rt.Reason,
	}
	if rt.Reason != "" {
		tt.PValue = "none" // untestable: the note says why
	}
	kept := len(groups) - len(rt.Dropped)
	if rt.Reason == "" && rt.MinExpected < opt.MinExpectedCut {
		ex, err := stats.RateHomogeneityExact(k, n, opt.MonteCarlo, opt.Seed)
		if err != nil {
			return tt, err
		}
		tt.PValue = "exact"
		hl.Exact = &Exact{Method: "multinomial", P: stats.Num(ex.P), PAdjusted: nan}
		if ex.Method == "monte-carlo" {
			hl.Exact = &Exact{Method: "monte-carlo", P: stats.Num(ex.P), PAdjusted: nan, Seed: ex.Seed, Draws: ex.Draws}
		}
		tt.Note = fmt.Sprintf("%d of %d groups expect fewer than %g: read the %s p-value, not the chi-square approximation",
			rt.Below5, kept, opt.MinExpectedCut, hl.Exact.Method)
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

// undefinedTest is a test with unit unit that could not be made, and why.
func undefinedTest(unit, why string) TableTest {
	nan := stats.Num(math.NaN())
	return TableTest{Unit: unit, CramersV: nan, CramersVBC: nan, PValue: "none", Note: why}
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
func tested(info reliability.IndicatorInfo) bool { return info.Kind == "share" || info.Kind == "rate" }
