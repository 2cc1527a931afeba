// Command coverage is the coverage study of the document-level intervals and
// tests of package stats: it simulates corpora of two groups of D documents
// under four scenarios (see simulate.go), with the two groups identical, and
// reports
//
//   - the coverage of nominal 95% intervals of each group's framing index
//     (two labels, π_pos = 0.65, index 0.3) and of a label's share (three
//     labels, π = 0.5, 0.3, 0.2; the share of the third, 0.2), for the
//     hit-level Wilson interval, the existing document bootstrap
//     BootstrapIndex, ClusterBootstrap (percentile, BCa and bootstrap-t), a
//     Wald interval with the cluster-robust variance and t quantiles,
//     ClusterRobustCR2, BetaBinomialFit, and the rule of RatioInterval, also with other
//     thresholds R, and the rule with a refusal: no interval when the
//     group's Kish effective number of units (RatioCI.EffectiveUnits) is
//     below E, for several E (coverage among the groups given an interval
//     and the share refused);
//   - the type I error at α = 0.05 of PermutationTest (its p-value and its
//     mid-p-value) against the hit-level chi-square test (ChiSquare) on the
//     same corpora;
//   - for ratios of hits to tokens (tokens.go), the coverage of
//     TokenRatioInterval against the hit-level PoissonRateCI and the type I
//     error of QuasiHomogeneity against the hit-level RateHomogeneity.
//
// D = 100 extends the sizes of the brief (5, 10, 20, 50) to see where the
// bootstrap reaches its nominal level, which sets R.
//
// The intervals are computed on the first -reps corpora of a cell, the
// tests on the first -typei-reps (the same corpora and more), the token
// ratios on -typei-reps corpora of their own.
//
// Every replicate has its own seed (seedOf), so results are reproduced
// exactly: the files it writes are the same run after run. Run from the
// repository root (about six and a half to seven and a half minutes on one core):
//
//	go run ./framing/stats/testdata/coverage -out framing/stats/testdata/coverage
//
// It writes results.json and results.md into -out.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/framingkit/framing/framing/stats"
	"gonum.org/v1/gonum/stat/distuv"
)

func main() {
	reps := flag.Int("reps", 2000, "corpora per scenario and size for the intervals")
	typeIReps := flag.Int("typei-reps", 4000, "corpora per scenario and size for the tests and the token ratios")
	draws := flag.Int("draws", 499, "bootstrap resamples and permutation draws")
	sizes := flag.String("d", "5,10,20,50,100", "documents per group")
	out := flag.String("out", "", "directory for results.json and results.md (none: stdout only)")
	flag.Parse()
	var ds []int
	for _, f := range strings.Split(*sizes, ",") {
		var d int
		if _, err := fmt.Sscan(f, &d); err != nil || d < 2 {
			fmt.Fprintf(os.Stderr, "coverage: bad size %q\n", f)
			os.Exit(2)
		}
		ds = append(ds, d)
	}
	start := time.Now()
	res := run(*reps, *typeIReps, *draws, ds, os.Stderr)
	res.Tokens = runTokens(*typeIReps, ds, os.Stderr)
	fmt.Fprintf(os.Stderr, "coverage: %.0f s\n", time.Since(start).Seconds())
	md := render(res)
	fmt.Print(md)
	if *out == "" {
		return
	}
	b, err := json.MarshalIndent(res, "", " ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "coverage:", err)
		os.Exit(1)
	}
	for name, data := range map[string][]byte{"results.json": append(b, '\n'), "results.md": []byte(md)} {
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "coverage:", err)
			os.Exit(1)
		}
	}
}

// The methods whose intervals are compared; the rule's are derived from
// the others by the number of units with hits.
var intervalMethods = []string{"wilson", "old-bootstrap", "cluster-percentile", "cluster-bca", "cluster-boot-t", "cluster-t", "cluster-cr2", "beta-binomial"}

// ruleRs are the thresholds R tried for the rule "cluster bootstrap with at
// least R units with hits, beta-binomial below".
var ruleRs = []int{5, 10, 15, 20, 30, 1 << 30}

// refuseEs are the thresholds E of the rule with a refusal: the shipped
// rule (RatioInterval), but no interval when the group's Kish effective
// number of units (Σm)²/Σm² is below E.
var refuseEs = []float64{1.5, 2, 3, 4, 5}

func refuseName(E float64) string { return fmt.Sprintf("E=%g", E) }

// sample is one group's intervals in one replicate.
type sample struct {
	hitUnits int
	effUnits float64         // RatioCI.EffectiveUnits
	covered  map[string]int8 // 1 covered, 0 missed, −1 undefined
	width    map[string]float64
}

// Results is what the study writes to results.json.
type Results struct {
	// Reps is the corpora per cell for the intervals, TypeIReps for the
	// tests (and the token ratios).
	Reps, TypeIReps, Draws int
	Sizes                  []int
	Cells                  []Cell
	// ByHitUnits pools every cell's samples by their number of units with
	// hits, for the choice of R.
	ByHitUnits map[string][]Rate
	// ByEffectiveUnits pools every cell's samples by their Kish effective
	// number of units (bins effBins), for the choice of E: the rule's
	// coverage and the beta-binomial's and bootstrap-t's.
	ByEffectiveUnits map[string]map[string][]Rate
	// Tokens is the study of ratios of hits to tokens (tokens.go).
	Tokens []TokenCell
}

// Cell is one scenario and size.
type Cell struct {
	Scenario string
	D        int
	// Index and Share map a method to its coverage; "rule R=…" are the
	// rule's variants.
	Index, Share map[string]Rate
	// IndexRefusal and ShareRefusal map "E=…" to the rule with a refusal
	// below E effective units.
	IndexRefusal, ShareRefusal map[string]Refusal
	// TypeI maps a test to its rejection rate at α = 0.05.
	TypeI map[string]Rate
	// NoHits counts the group samples without any hit (no interval).
	NoHits int
}

// Rate is a proportion with its Monte Carlo standard error √(p(1−p)/n), in
// percent; Undefined counts the samples where the method gave no interval
// (counted as not covering), Width is the mean width of the defined ones.
type Rate struct {
	Percent, SE float64
	N           int
	Undefined   int     `json:",omitempty"`
	Width       float64 `json:",omitempty"`
}

// Refusal is the rule with a refusal at one E: Coverage among the samples
// given an interval (its N), and Refused, the percentage of samples refused
// (of all samples with hits).
type Refusal struct {
	Coverage, Refused Rate
}

// rate returns k of n as a Rate; without samples it is the zero Rate (N 0),
// as JSON has no NaN.
func rate(k, n, undefined int, width float64) Rate {
	if n == 0 {
		return Rate{}
	}
	p := float64(k) / float64(n)
	r := Rate{Percent: round(100 * p), SE: round(100 * math.Sqrt(p*(1-p)/float64(n))), N: n, Undefined: undefined}
	if n > undefined {
		r.Width = math.Round(width/float64(n-undefined)*1e4) / 1e4
	}
	return r
}

func round(x float64) float64 { return math.Round(x*100) / 100 }

func run(reps, typeIReps, draws int, ds []int, progress io.Writer) Results {
	res := Results{Reps: reps, TypeIReps: typeIReps, Draws: draws, Sizes: ds, ByHitUnits: map[string][]Rate{}, ByEffectiveUnits: map[string]map[string][]Rate{}}
	piIndex := []float64{0.65, 0.35}
	piShare := []float64{0.5, 0.3, 0.2}
	const truthIndex, truthShare = 0.3, 0.2
	var allIndex, allShare []sample
	for si, sc := range scenarios() {
		for _, d := range ds {
			cellStart := time.Now()
			cell := Cell{Scenario: sc.Name, D: d, TypeI: map[string]Rate{}}
			var idx, shr []sample
			rejects := map[string]int{}
			tests := map[string]int{}
			for rep := range max(reps, typeIReps) {
				seed := seedOf(si, d, rep)
				rng := newRand(seed)
				a, b := sc.corpus(rng, d, piIndex), sc.corpus(rng, d, piIndex)
				sa, sb := sc.corpus(rng, d, piShare), sc.corpus(rng, d, piShare)
				if rep < typeIReps {
					typeI(a, b, stats.IndexChiSquare, "index", draws, seed, rejects, tests)
					typeI(sa, sb, stats.LabelChiSquare, "labels", draws, seed+1, rejects, tests)
				}
				if rep >= reps {
					continue
				}
				for g, docs := range [][][]float64{a, b} {
					s, ok := intervals(docs, stats.Ratio{Index: true}, truthIndex, draws, seed+uint64(g))
					if ok {
						idx = append(idx, s)
					} else {
						cell.NoHits++
					}
				}
				for g, docs := range [][][]float64{sa, sb} {
					s, ok := intervals(docs, stats.Ratio{Label: 2}, truthShare, draws, seed+uint64(g)+2)
					if ok {
						shr = append(shr, s)
					} else {
						cell.NoHits++
					}
				}
			}
			cell.Index, cell.Share = coverage(idx), coverage(shr)
			cell.IndexRefusal, cell.ShareRefusal = refusals(idx), refusals(shr)
			for name, n := range tests {
				cell.TypeI[name] = rate(rejects[name], n, 0, 0)
			}
			res.Cells = append(res.Cells, cell)
			allIndex = append(allIndex, idx...)
			allShare = append(allShare, shr...)
			fmt.Fprintf(progress, "%s D=%d done (%.0f s)\n", sc.Name, d, time.Since(cellStart).Seconds())
		}
	}
	res.ByHitUnits["index"] = byHitUnits(allIndex)
	res.ByHitUnits["share"] = byHitUnits(allShare)
	res.ByEffectiveUnits["index"] = byEffectiveUnits(allIndex)
	res.ByEffectiveUnits["share"] = byEffectiveUnits(allShare)
	return res
}

// intervals computes every method's interval for one group; ok is false
// when the group has no hit.
func intervals(docs [][]float64, r stats.Ratio, truth float64, draws int, seed uint64) (sample, bool) {
	s := sample{covered: map[string]int8{}, width: map[string]float64{}}
	u := stats.UnitsOf(docs)
	total := sum(docs)
	var x, m float64
	if r.Index {
		x, m = total[0], total[0]+total[1]
	} else {
		x = total[r.Label]
		for _, v := range total {
			m += v
		}
	}
	if m == 0 {
		return s, false
	}
	for _, d := range docs {
		var hm float64
		if r.Index {
			hm = d[0] + d[1]
		} else {
			for _, v := range d {
				hm += v
			}
		}
		if hm > 0 {
			s.hitUnits++
		}
	}
	record := func(name string, lo, hi float64) {
		switch {
		case isNaN(lo, hi):
			s.covered[name] = -1
		case lo <= truth && truth <= hi:
			s.covered[name] = 1
		default:
			s.covered[name] = 0
		}
		s.width[name] = hi - lo
	}
	if r.Index {
		_, lo, hi := stats.FramingIndexCI(x, m-x, 0.95)
		record("wilson", lo, hi)
		pairs := make([][2]float64, len(docs))
		for i, d := range docs {
			pairs[i] = [2]float64{d[0], d[1]}
		}
		old, _ := stats.BootstrapIndex(pairs, draws, seed, 0.95)
		record("old-bootstrap", old.Lo, old.Hi)
	} else {
		_, lo, hi := stats.Wilson(x, m, 0.95)
		record("wilson", lo, hi)
	}
	cb, _ := stats.ClusterBootstrap(u, 0, r, draws, seed, 0.95)
	record("cluster-percentile", cb.Lo, cb.Hi)
	record("cluster-bca", cb.BCaLo, cb.BCaHi)
	record("cluster-boot-t", cb.TLo, cb.THi)
	de, _ := stats.DesignEffectOf(u, 0, r)
	if de.Units >= 2 && !math.IsNaN(de.VarCluster) {
		t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: de.Units - 1}.Quantile(0.975)
		half := t * math.Sqrt(de.VarCluster)
		record("cluster-t", de.Estimate-half, de.Estimate+half)
	} else {
		record("cluster-t", math.NaN(), math.NaN())
	}
	cr2, _ := stats.ClusterRobustCR2(u, 0, r, 0.95)
	record("cluster-cr2", cr2.Lo, cr2.Hi)
	bb, _ := stats.BetaBinomialFit(u, 0, r, 0.95)
	record("beta-binomial", bb.Lo, bb.Hi)
	ri, _ := stats.RatioInterval(u, 0, r, draws, seed, 0.95)
	record("rule (RatioInterval)", ri.Lo, ri.Hi)
	s.effUnits = ri.EffectiveUnits
	return s, true
}

// coverage aggregates the samples of one cell.
func coverage(samples []sample) map[string]Rate {
	out := map[string]Rate{}
	for _, name := range append(slices.Clone(intervalMethods), "rule (RatioInterval)") {
		k, n, undef, width := 0, 0, 0, 0.0
		for _, s := range samples {
			c, ok := s.covered[name]
			if !ok {
				continue
			}
			n++
			switch c {
			case 1:
				k++
			case -1:
				undef++
				continue
			}
			width += s.width[name]
		}
		if n > 0 {
			out[name] = rate(k, n, undef, width)
		}
	}
	for _, R := range ruleRs {
		for _, boot := range []string{"cluster-percentile", "cluster-bca", "cluster-boot-t"} {
			k, n, undef := 0, 0, 0
			for _, s := range samples {
				name := "beta-binomial"
				if s.hitUnits >= R {
					name = boot
				}
				n++
				switch s.covered[name] {
				case 1:
					k++
				case -1:
					undef++
				}
			}
			out[ruleName(R, boot)] = rate(k, n, undef, 0)
		}
	}
	return out
}

// refusals returns the rule with a refusal at each E of refuseEs: among
// the samples with at least E effective units, the rule's coverage (an
// undefined interval counting as not covering), and the percentage of all
// samples refused.
func refusals(samples []sample) map[string]Refusal {
	out := map[string]Refusal{}
	const name = "rule (RatioInterval)"
	for _, E := range refuseEs {
		k, given, undef, refused, width := 0, 0, 0, 0, 0.0
		for _, s := range samples {
			if s.effUnits < E {
				refused++
				continue
			}
			given++
			switch s.covered[name] {
			case 1:
				k++
			case -1:
				undef++
				continue
			}
			width += s.width[name]
		}
		out[refuseName(E)] = Refusal{Coverage: rate(k, given, undef, width), Refused: rate(refused, len(samples), 0, 0)}
	}
	return out
}

// effBins are the bins [lo, hi) of Kish effective units of byEffectiveUnits.
var effBins = [][2]float64{{1, 1.5}, {1.5, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 7.5}, {7.5, 10}, {10, 20}, {20, math.Inf(1)}}

// effMethods are the intervals of byEffectiveUnits.
var effMethods = []string{"rule (RatioInterval)", "beta-binomial", "cluster-boot-t"}

func byEffectiveUnits(samples []sample) map[string][]Rate {
	out := map[string][]Rate{}
	for _, name := range effMethods {
		for _, bin := range effBins {
			out[name] = append(out[name], coverageOf(samples, name, func(s sample) bool { return s.effUnits >= bin[0] && s.effUnits < bin[1] }))
		}
	}
	return out
}

// coverageOf is the coverage of method name over the samples in a bin.
func coverageOf(samples []sample, name string, in func(sample) bool) Rate {
	k, n, undef := 0, 0, 0
	for _, s := range samples {
		if !in(s) {
			continue
		}
		n++
		switch s.covered[name] {
		case 1:
			k++
		case -1:
			undef++
		}
	}
	return rate(k, n, undef, 0)
}

func ruleName(R int, boot string) string {
	if R == 1<<30 {
		return "beta-binomial only"
	}
	return fmt.Sprintf("rule R=%d %s", R, strings.TrimPrefix(boot, "cluster-"))
}

// hitBins are the bins of units with hits of byHitUnits.
var hitBins = [][2]int{{1, 4}, {5, 9}, {10, 14}, {15, 19}, {20, 29}, {30, 39}, {40, 49}, {50, 74}, {75, 200}}

func byHitUnits(samples []sample) []Rate {
	var out []Rate
	for _, name := range []string{"cluster-percentile", "cluster-bca", "cluster-boot-t", "cluster-t", "beta-binomial"} {
		for _, bin := range hitBins {
			out = append(out, coverageOf(samples, name, func(s sample) bool { return s.hitUnits >= bin[0] && s.hitUnits <= bin[1] }))
		}
	}
	return out
}

// typeI runs the document permutation test and the hit-level chi-square on
// two groups drawn alike, counting rejections at α = 0.05.
func typeI(a, b [][]float64, stat stats.Statistic, what string, draws int, seed uint64, rejects, tests map[string]int) {
	perm, _ := stats.PermutationTest(stats.UnitsOf(a, b), stat, draws, seed)
	if !math.IsNaN(perm.P) {
		tests["permutation "+what]++
		tests["permutation mid-p "+what]++
		if perm.P <= 0.05 {
			rejects["permutation "+what]++
		}
		if perm.PMid <= 0.05 {
			rejects["permutation mid-p "+what]++
		}
	}
	chi, _ := stats.ChiSquare([][]float64{sum(a), sum(b)})
	if !math.IsNaN(chi.P) {
		tests["chi-square "+what]++
		if chi.P <= 0.05 {
			rejects["chi-square "+what]++
		}
	}
}
