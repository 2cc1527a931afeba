package main

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/framingkit/framing/framing/stats"
	"gonum.org/v1/gonum/stat/distuv"
)

// tokenRate is the population rate r of hits per token of the token-ratio
// study: every document's expected hits are r n_i (times a gamma factor of
// mean 1 in scenarios b and c), so Σ E[k] / Σ n = r.
const tokenRate = 0.005

// heavyTokens is how many times more tokens the long document of token
// scenario (c) has than the others: it carries about 40/(40 + D − 1) of a
// group's tokens and expected hits (82% at D = 10, 29% at D = 100), as the
// document with 10 + Poisson(10) hits among documents with Poisson(0.5)
// carries of a group's hits in scenario (c) of the hit study.
const heavyTokens = 40

// tokenScenario says how a group's documents get their tokens and hits.
type tokenScenario struct {
	Name string
	// Gamma: the document's rate is r·G, G ~ Gamma(shape 1, mean 1)
	// (negative binomial hits given n); otherwise r (Poisson hits).
	Gamma bool
	// Heavy: one document of the group has heavyTokens times the tokens.
	Heavy bool
}

func tokenScenarios() []tokenScenario {
	return []tokenScenario{
		{Name: "a: Poisson hits"},
		{Name: "b: gamma-Poisson hits", Gamma: true},
		{Name: "c: one long document carries most hits", Gamma: true, Heavy: true},
	}
}

// docTokens draws a document's tokens, 200 + Poisson(600).
func docTokens(rng *rand.Rand) float64 { return 200 + float64(poisson(rng, 600)) }

// corpus draws one group of d documents and returns their sums.
func (sc tokenScenario) corpus(rng *rand.Rand, d int) stats.TokenSums {
	heavy := rng.IntN(d)
	var s stats.TokenSums
	for i := range d {
		n := docTokens(rng)
		if sc.Heavy && i == heavy {
			n *= heavyTokens
		}
		mu := tokenRate * n
		if sc.Gamma {
			mu *= distuv.Gamma{Alpha: 1, Beta: 1, Src: rng}.Rand()
		}
		s.Add(float64(poisson(rng, mu)), n) // n ≥ 1: every document counts in D
	}
	return s
}

// TokenCell is one token scenario and size.
type TokenCell struct {
	Scenario string
	D        int
	// Coverage maps "token-ratio" (TokenRatioInterval, PoissonVariance)
	// and "poisson" (PoissonRateCI of Σk in Σn) to the coverage of r by
	// their 95% intervals, widths in hits per 1,000 tokens.
	Coverage map[string]Rate
	// TokenRefusal maps "E=…" to TokenRatioInterval with a refusal when the
	// group's Kish effective number of documents by tokens, (Σn)²/Σn², is
	// below E.
	TokenRefusal map[string]Refusal
	// TypeI maps "quasi" (QuasiHomogeneity, PoissonVariance) and
	// "rate-homogeneity" (RateHomogeneity's X²) to their rejection rates at
	// α = 0.05 for two groups drawn alike.
	TypeI map[string]Rate
	// MeanDeff is the mean design effect of TokenRatioInterval (Deff) and
	// MeanEffUnits the mean (Σn)²/Σn².
	MeanDeff, MeanEffUnits float64
}

// tokenSeedOf is seedOf for the token study, whose scenarios are numbered
// after the hit study's.
func tokenSeedOf(scen, d, rep int) uint64 { return seedOf(100+scen, d, rep) }

func runTokens(reps int, ds []int, progress io.Writer) []TokenCell {
	var out []TokenCell
	for si, sc := range tokenScenarios() {
		for _, d := range ds {
			start := time.Now()
			cell := TokenCell{Scenario: sc.Name, D: d, Coverage: map[string]Rate{}, TokenRefusal: map[string]Refusal{}, TypeI: map[string]Rate{}}
			type cov struct {
				k, n  int
				width float64
			}
			covs := map[string]*cov{"token-ratio": {}, "poisson": {}}
			refused, given, givenK := make([]int, len(refuseEs)), make([]int, len(refuseEs)), make([]int, len(refuseEs))
			rejects, tests := map[string]int{}, map[string]int{}
			var deffSum, effSum float64
			var deffN int
			for rep := range reps {
				rng := newRand(tokenSeedOf(si, d, rep))
				a, b := sc.corpus(rng, d), sc.corpus(rng, d)
				for _, s := range []stats.TokenSums{a, b} {
					tr := stats.TokenRatioInterval(s, stats.PoissonVariance, 0.95)
					in := tr.Lo <= tokenRate && tokenRate <= tr.Hi
					c := covs["token-ratio"]
					c.n++
					c.width += 1000 * (tr.Hi - tr.Lo)
					if in {
						c.k++
					}
					if !math.IsNaN(tr.Deff) {
						deffSum += tr.Deff
						deffN++
					}
					eff := s.N * s.N / s.NN
					effSum += eff
					for i, E := range refuseEs {
						if eff < E {
							refused[i]++
							continue
						}
						given[i]++
						if in {
							givenK[i]++
						}
					}
					_, lo, hi := stats.PoissonRateCI(s.K, s.N, 1, 0.95)
					c = covs["poisson"]
					c.n++
					c.width += 1000 * (hi - lo)
					if lo <= tokenRate && tokenRate <= hi {
						c.k++
					}
				}
				q := stats.QuasiHomogeneity([]stats.TokenSums{a, b}, stats.PoissonVariance)
				if !math.IsNaN(q.P) {
					tests["quasi"]++
					if q.P <= 0.05 {
						rejects["quasi"]++
					}
				}
				h, err := stats.RateHomogeneity([]float64{a.K, b.K}, []float64{a.N, b.N})
				if err == nil && !math.IsNaN(h.P) {
					tests["rate-homogeneity"]++
					if h.P <= 0.05 {
						rejects["rate-homogeneity"]++
					}
				}
			}
			for name, c := range covs {
				cell.Coverage[name] = rate(c.k, c.n, 0, c.width)
			}
			for i, E := range refuseEs {
				cell.TokenRefusal[refuseName(E)] = Refusal{Coverage: rate(givenK[i], given[i], 0, 0), Refused: rate(refused[i], 2*reps, 0, 0)}
			}
			for name, n := range tests {
				cell.TypeI[name] = rate(rejects[name], n, 0, 0)
			}
			if deffN > 0 {
				cell.MeanDeff = round(deffSum / float64(deffN))
			}
			cell.MeanEffUnits = round(effSum / float64(2*reps))
			out = append(out, cell)
			fmt.Fprintf(progress, "tokens %s D=%d done (%.0f s)\n", sc.Name, d, time.Since(start).Seconds())
		}
	}
	return out
}
