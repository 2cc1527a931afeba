package stats

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The acceptance of the document-level intervals and tests, checked against
// the recorded results of the coverage study (testdata/coverage; the test
// runs no simulation): for groups of 10 or more documents, every scenario's
// 95% intervals cover 93–97% and the tests reject 4–6% at α = 0.05 when the
// groups are drawn alike, each allowing twice the Monte Carlo standard error
// of its cell.
//
// The interval checked is the shipped rule, RatioInterval: the cluster
// bootstrap-t from MinBootstrapUnits units with hits, below that
// ClusterRobustCR2 when the hits rest on fewer than MinModelEffectiveUnits
// effective units, BetaBinomialFit otherwise. (The beta-binomial alone
// covers 90% in scenario (c), "one document carries most hits", at D = 10;
// refusing an interval below a number of effective units did not help: the
// groups given one still covered about 92%.) The test is PermutationTest's
// p-value, the one a family of tests adjusts.
//
// Cells that fail the acceptance are listed in the known shortfalls below,
// with their recorded values: the test fails if a listed cell meets the
// acceptance (remove it from the list) or an unlisted one does not.
const (
	shippedRule      = "rule (RatioInterval)"
	acceptMinD       = 10
	coverageLo       = 93.0
	coverageHi       = 97.0
	typeILo, typeIHi = 4.0, 6.0
)

// knownShortfalls are the cells (check, scenario letter, D) that fail the
// acceptance in testdata/coverage/results.json, with the recorded value ±
// its standard error.
var knownShortfalls = map[string]string{
	// PermutationTest's p-value is conservative when one document carries
	// most hits of both groups at D = 10: with about five documents with
	// hits a group, the permutation distribution takes few values, and an
	// exact test cannot reject 5% of the time (its mid-p-value rejects 4.7%,
	// within the acceptance).
	"type I permutation index/c/D=10": "2.20 ± 0.23",
	// TokenRatioInterval (PoissonVariance) is conservative with Poisson
	// documents at D = 10 (the exact Poisson interval of the hits covers
	// 96.1% there already, and the design effect is used at 1 or more) and
	// when one long document carries most of a group's tokens at D = 10 and
	// 20 (about 1.5 effective documents: t on one degree of freedom).
	"coverage token-ratio/a/D=10": "97.90 ± 0.16",
	"coverage token-ratio/c/D=10": "99.41 ± 0.09",
	"coverage token-ratio/c/D=20": "99.90 ± 0.04",
	// QuasiHomogeneity when one long document carries most of each group's
	// tokens: never rejects at D = 10 (one or two degrees of freedom), and
	// rejects too often at D = 50 and 100, where the dispersion from the
	// documents' sums of squares misses the long document's own variation
	// (the leverage correction of CR2 needs every document, which a tally
	// does not keep).
	"type I quasi-homogeneity/c/D=10":  "0.00 ± 0.00",
	"type I quasi-homogeneity/c/D=50":  "9.15 ± 0.46",
	"type I quasi-homogeneity/c/D=100": "7.28 ± 0.41",
}

type studyRate struct {
	Percent, SE float64
	N           int
}

type studyRefusal struct {
	Coverage, Refused studyRate
}

type studyResults struct {
	Reps, TypeIReps int
	Cells           []struct {
		Scenario                   string
		D                          int
		Index, Share               map[string]studyRate
		IndexRefusal, ShareRefusal map[string]studyRefusal
		TypeI                      map[string]studyRate
	}
	Tokens []struct {
		Scenario        string
		D               int
		Coverage, TypeI map[string]studyRate
	}
}

func readStudy(t *testing.T) studyResults {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "coverage", "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res studyResults
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// acceptance checks the cells of one study; seen collects the known
// shortfalls met.
type acceptance struct {
	t    *testing.T
	seen map[string]bool
}

// check tests one cell's rate r against [lo − 2 SE, hi + 2 SE].
func (a *acceptance) check(what, scenario string, d int, r studyRate, ok bool, lo, hi float64) {
	a.t.Helper()
	letter, _, _ := strings.Cut(scenario, ":")
	key := fmt.Sprintf("%s/%s/D=%d", what, letter, d)
	cell := fmt.Sprintf("%s, scenario %q, D = %d", what, scenario, d)
	if !ok {
		a.t.Errorf("%s: not in results.json", cell)
		return
	}
	if r.N == 0 {
		a.t.Errorf("%s: no samples (every group refused or no test defined)", cell)
		return
	}
	pass := r.Percent >= lo-2*r.SE && r.Percent <= hi+2*r.SE
	recorded, known := knownShortfalls[key]
	switch {
	case known && pass:
		a.seen[key] = true
		a.t.Errorf("%s: %.2f ± %.2f%% (n %d) now meets the acceptance [%g − 2 SE, %g + 2 SE] (recorded shortfall %s): remove %q from knownShortfalls",
			cell, r.Percent, r.SE, r.N, lo, hi, recorded, key)
	case known:
		a.seen[key] = true
	case !pass:
		a.t.Errorf("%s: %.2f ± %.2f%% (n %d), outside the acceptance [%g − 2 SE, %g + 2 SE] = [%.2f, %.2f]",
			cell, r.Percent, r.SE, r.N, lo, hi, lo-2*r.SE, hi+2*r.SE)
	}
}

// TestCoverageStudyAcceptance checks the shipped interval rule and
// PermutationTest, and TokenRatioInterval and QuasiHomogeneity, against the
// acceptance in the recorded study.
func TestCoverageStudyAcceptance(t *testing.T) {
	res := readStudy(t)
	a := &acceptance{t: t, seen: map[string]bool{}}
	scenarios := map[string]bool{}
	for _, c := range res.Cells {
		if c.D < acceptMinD {
			continue
		}
		scenarios[c.Scenario] = true
		for _, w := range []struct {
			name  string
			rates map[string]studyRate
		}{{"index", c.Index}, {"share", c.Share}} {
			r, ok := w.rates[shippedRule]
			a.check("coverage "+w.name+" "+shippedRule, c.Scenario, c.D, r, ok, coverageLo, coverageHi)
		}
		for _, what := range []string{"index", "labels"} {
			r, ok := c.TypeI["permutation "+what]
			a.check("type I permutation "+what, c.Scenario, c.D, r, ok, typeILo, typeIHi)
		}
	}
	if len(scenarios) != 4 {
		t.Errorf("results.json has %d scenarios with D ≥ %d, want 4", len(scenarios), acceptMinD)
	}
	tokenScenarios := map[string]bool{}
	for _, c := range res.Tokens {
		if c.D < acceptMinD {
			continue
		}
		tokenScenarios[c.Scenario] = true
		r, ok := c.Coverage["token-ratio"]
		a.check("coverage token-ratio", c.Scenario, c.D, r, ok, coverageLo, coverageHi)
		r, ok = c.TypeI["quasi"]
		a.check("type I quasi-homogeneity", c.Scenario, c.D, r, ok, typeILo, typeIHi)
	}
	if len(tokenScenarios) != 3 {
		t.Errorf("results.json has %d token scenarios with D ≥ %d, want 3", len(tokenScenarios), acceptMinD)
	}
	for key := range knownShortfalls {
		if !a.seen[key] {
			t.Errorf("known shortfall %q is not a cell of results.json that fails the acceptance", key)
		}
	}
}
