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
	for _, name := range groups {
		g := t.Groups[name]
		r := reliability.NewReport(g.Reliability, g.Tokens.Prose(), g.Tokens.Quoted, opt.Conf, missing)
		out.Groups = append(out.Groups, GroupReliability{Group: name, Counts: r.Counts, Indicators: r.Indicators})
		for _, info := range reliability.IndicatorList {
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
	for _, info := range reliability.IndicatorList {
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
	}
	return out, nil
}

// shareTests tests a share across groups: the groups × (k, n − k) table
// of what each group counted and did not. A k above its n is no share: the
// test is then undefined, and no cell is ever negative.
func shareTests(k, n []float64, groups []string, opt Options) (TableTest, error) {
	tab := make([][]float64, len(groups))
	for i := range groups {
		if k[i] > n[i] {
			return undefinedTest(fmt.Sprintf("group %s counts %g of %g: not a share (is the tally damaged?)", groups[i], k[i], n[i])), nil
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
	switch {
	case yes+no > 0 && yes == 0:
		return undefinedTest("the share is 0 in every group"), nil
	case yes+no > 0 && no == 0:
		return undefinedTest("the share is 1 in every group"), nil
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
	tt := TableTest{
		ChiSquare:   Test{Stat: stats.Num(rt.Stat), DF: stats.Num(rt.DF), P: stats.Num(rt.P)},
		GTest:       Test{Stat: stats.Num(rt.G), DF: stats.Num(rt.DF), P: stats.Num(rt.GP)},
		CramersV:    nan, // a measure of association of a table: none for a rate
		CramersVBC:  nan,
		MinExpected: stats.Num(rt.MinExpected), Below5: rt.Below5,
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
		tt.Exact = &Exact{Method: "multinomial", P: stats.Num(ex.P)}
		if ex.Method == "monte-carlo" {
			tt.Exact = &Exact{Method: "monte-carlo", P: stats.Num(ex.P), Seed: ex.Seed, Draws: ex.Draws}
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
	nan := stats.Num(math.NaN())
	return TableTest{ChiSquare: Test{nan, nan, nan, nan}, GTest: Test{nan, nan, nan, nan}, CramersV: nan, CramersVBC: nan,
		MinExpected: nan, PValue: "none", Note: why}
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
