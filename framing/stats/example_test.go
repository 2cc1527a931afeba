package stats_test

import (
	"fmt"

	"github.com/framingkit/framing/framing/stats"
)

// The printed values agree with scipy.stats.chi2_contingency and with a NumPy
// transcription of Monroe et al. (2008) to the digits shown.

// Three outlets name the same event "special military operation", "invasion"
// or "war"; one outlet never mentions it and is left out of the test.
func ExampleChiSquare() {
	table := [][]float64{
		{42, 7, 11}, // outlet A
		{5, 38, 20}, // outlet B
		{0, 0, 0},   // outlet C: no mention
		{12, 15, 9}, // outlet D
	}
	res, err := stats.ChiSquare(table)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("X² = %.2f, df = %g, p = %.2g\n", res.Stat, res.DF, res.P)
	fmt.Printf("Cramér's V = %.3f (bias-corrected %.3f)\n", res.CramersV, res.CramersVCorrected)
	fmt.Printf("dropped rows %v, smallest expected count %.1f\n", res.DroppedRows, res.MinExpected)
	// Output:
	// X² = 53.74, df = 4, p = 6e-11
	// Cramér's V = 0.411 (bias-corrected 0.398)
	// dropped rows [2], smallest expected count 9.1
}

// Which labels does outlet A use more than outlet B? Positive z-scores favour
// A. The prior spreads 10 pseudo-counts over the labels in proportion to
// their use by both outlets together.
func ExampleLogOddsDirichlet() {
	a := []float64{42, 7, 11}
	b := []float64{5, 38, 20}
	prior := []float64{10 * 47.0 / 123, 10 * 45.0 / 123, 10 * 31.0 / 123}
	res := stats.LogOddsDirichlet(a, b, prior)
	for w, label := range []string{"operation", "invasion", "war"} {
		fmt.Printf("%-9s δ = %+.2f  z = %+.2f\n", label, res.Delta[w], res.Z[w])
	}
	// Output:
	// operation δ = +2.62  z = +7.14
	// invasion  δ = -2.00  z = -5.83
	// war       δ = -0.62  z = -1.81
}

func ExampleFramingIndexCI() {
	// An outlet wrote "invasion" 30 times and "special military operation" 10 times.
	idx, lo, hi := stats.FramingIndexCI(30, 10, 0.95)
	fmt.Printf("index %.2f, 95%% interval [%.3f, %.3f]\n", idx, lo, hi)
	// Output:
	// index 0.50, 95% interval [0.196, 0.716]
}

func ExamplePoissonRateCI() {
	// 7 uses of a label in 12,345 tokens, per 1,000 tokens.
	rate, lo, hi := stats.PoissonRateCI(7, 12345, 1000, 0.95)
	fmt.Printf("%.3f per 1,000 tokens, 95%% interval [%.3f, %.3f]\n", rate, lo, hi)
	// Output:
	// 0.567 per 1,000 tokens, 95% interval [0.228, 1.168]
}

// A label's rate in an outlet's six articles, one of them without tokens:
// two articles carry 19 of the 20 hits, so the hits are worth about 2.5
// independent ones (the design effect is 8), and with 4.3 effective articles
// by tokens Korn and Graubard's allowance for so few, (t/z)² on 3.3 degrees
// of freedom, brings them to about one: the interval is far wider than the
// Poisson interval of 20 independent hits. The values agree with
// the case "rate, clustered, a document without tokens" of
// testdata/oracle/documents.py (SciPy's chi2.ppf) to the digits shown.
func ExampleTokenRatioInterval() {
	articles := [][2]float64{{12, 400}, {0, 350}, {1, 500}, {0, 0}, {0, 200}, {7, 150}} // {hits, tokens}
	var s stats.TokenSums
	for _, a := range articles {
		k, n := a[0], a[1]
		if n > 0 {
			s.D++
		}
		s.K, s.N = s.K+k, s.N+n
		s.KK, s.KN, s.NN = s.KK+k*k, s.KN+k*n, s.NN+n*n
	}
	res := stats.TokenRatioInterval(s, stats.PoissonVariance, 0.95)
	fmt.Printf("%.1f per 1,000 tokens, 95%% interval [%.2f, %.2f], from %g articles\n",
		1000*res.Estimate, 1000*res.Lo, 1000*res.Hi, res.Units)
	fmt.Printf("design effect %.2f, %.2f effective hits\n", res.Deff, res.EffectiveHits)
	_, lo, hi := stats.PoissonRateCI(s.K, s.N, 1000, 0.95)
	fmt.Printf("independent hits [%.2f, %.2f]\n", lo, hi)
	// Output:
	// 12.5 per 1,000 tokens, 95% interval [0.37, 67.42], from 5 articles
	// design effect 8.01, 1.05 effective hits
	// independent hits [7.64, 19.31]
}
