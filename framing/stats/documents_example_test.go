package stats_test

import (
	"fmt"

	"github.com/framingkit/framing/framing/stats"
)

// The printed p-values agree with the exact enumeration and SciPy values of
// testdata/oracle/documents.py to the digits shown; bootstrap bounds are
// those of the seed given.

// Two outlets and three labels, with counts too small for the chi-square
// approximation: every table with these margins is enumerated.
func ExampleFreemanHalton() {
	table := [][]float64{
		{3, 1, 0}, // outlet A: "operation", "invasion", "war"
		{1, 2, 4}, // outlet B
	}
	res, err := stats.FreemanHalton(table)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("X² = %.3f, exact p = %.4f over %d tables\n", res.Stat, res.P, res.Tables)
	// Output:
	// X² = 4.878, exact p = 0.1030 over 14 tables
}

// Does outlet A frame the event differently from outlet B? Each document
// counts its uses of the two sides' terms {pos, neg}; one of A's articles
// says "mutiny" nine times. The documents, not the hits, are permuted.
func ExamplePermutationTest() {
	a := [][]float64{{9, 0}, {0, 1}, {0, 1}}         // outlet A: 3 articles
	b := [][]float64{{1, 1}, {0, 1}, {1, 0}, {0, 2}} // outlet B: 4 articles
	res, err := stats.PermutationTest(stats.UnitsOf(a, b), stats.IndexChiSquare, 10000, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("X² = %.2f, %s p = %.3f over %d arrangements of %d documents\n",
		res.Stat, res.Method, res.P, res.Arrangements, res.Units)
	hit, _ := stats.ChiSquare([][]float64{{9, 2}, {2, 4}})
	fmt.Printf("hit-level chi-square p = %.3f\n", hit.P)
	// Output:
	// X² = 4.00, exact p = 0.514 over 15 arrangements of 7 documents
	// hit-level chi-square p = 0.046
}

// An outlet's framing index from its twelve articles, each counted as
// {pos, neg}; two articles do not use either term. The interval resamples
// articles, so the nine uses in one article move together.
func ExampleClusterBootstrap() {
	articles := [][]float64{
		{9, 0}, {1, 0}, {0, 1}, {2, 1}, {0, 2}, {1, 1},
		{3, 0}, {0, 0}, {1, 2}, {2, 0}, {0, 0}, {1, 0},
	}
	res, err := stats.ClusterBootstrap(stats.UnitsOf(articles), 0, stats.Ratio{Index: true}, 10000, 1, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("index %.3f from %d articles (%d with hits)\n", res.Estimate, res.Units, res.UnitsWithHits)
	fmt.Printf("95%% percentile [%.2f, %.2f], BCa [%.2f, %.2f], %d of %d resamples without a hit\n",
		res.Lo, res.Hi, res.BCaLo, res.BCaHi, res.Undefined, res.Draws)
	_, lo, hi := stats.FramingIndexCI(20, 7, 0.95)
	fmt.Printf("hit-level Wilson [%.2f, %.2f]\n", lo, hi)
	// Output:
	// index 0.481 from 12 articles (10 with hits)
	// 95% percentile [-0.14, 0.85], BCa [-0.06, 0.89], 0 of 10000 resamples without a hit
	// hit-level Wilson [0.11, 0.74]
}

// The interval of an outlet's framing index by the package's rule: with
// fewer than stats.MinBootstrapUnits articles with hits, the beta-binomial
// profile-likelihood interval, which widens with the clustering of hits in
// articles (ρ), around the index of the hits, (19 − 7)/26.
func ExampleRatioInterval() {
	articles := [][]float64{{9, 0}, {1, 0}, {0, 1}, {2, 1}, {0, 2}, {1, 1}, {3, 0}, {0, 0}, {1, 2}, {2, 0}}
	u := stats.UnitsOf(articles)
	res, err := stats.RatioInterval(u, 0, stats.Ratio{Index: true}, 10000, 1, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: index %.3f, 95%% interval [%.2f, %.2f]\n", res.Method, res.Estimate, res.Lo, res.Hi)
	fmt.Printf("%d articles with hits, %.1f effective\n", res.UnitsWithHits, res.EffectiveUnits)
	// Output:
	// beta-binomial: index 0.462, 95% interval [-0.25, 0.72]
	// 9 articles with hits, 5.5 effective
}
