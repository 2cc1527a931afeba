package main

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// A scenario says how a group's documents get their hits. Every document
// draws a number of hits m and label probabilities q with E[q] = π,
// independently of m, and then its hits' labels from the multinomial (m, q),
// so the ratio of sums Σx/Σm estimates π_l in every scenario.
type scenario struct {
	Name string
	// Hits draws a document's number of hits; heavy marks the one
	// document of the group that scenario (c) singles out.
	Hits func(rng *rand.Rand, heavy bool) int
	// Conc is the Dirichlet concentration c of q ~ Dirichlet(c·π), so that
	// the intra-class correlation of labels within a document is
	// ρ = 1/(c+1); 0 means q = π (independent hits).
	Conc float64
	// OneSided, if positive, replaces the Dirichlet: a document is
	// one-sided with this probability (q the indicator of one label, drawn
	// with probabilities π) and has q = π otherwise — a mixture that the
	// beta-binomial model does not describe.
	OneSided float64
}

func poisson(rng *rand.Rand, mean float64) int {
	return int(distuv.Poisson{Lambda: mean, Src: rng}.Rand())
}

// negBinomial draws a negative binomial count of the given mean and size
// (Var = mean + mean²/size) as a gamma–Poisson mixture.
func negBinomial(rng *rand.Rand, mean, size float64) int {
	lambda := distuv.Gamma{Alpha: size, Beta: size / mean, Src: rng}.Rand()
	return poisson(rng, lambda)
}

// scenarios returns the scenarios of the study: (a), (b), (c) of the brief
// and (d), a check of the beta-binomial's robustness.
func scenarios() []scenario {
	return []scenario{
		{
			Name: "a: independent hits",
			Hits: func(rng *rand.Rand, _ bool) int { return poisson(rng, 2) },
		},
		{
			Name: "b: heterogeneous documents",
			Hits: func(rng *rand.Rand, _ bool) int { return negBinomial(rng, 2, 1) },
			Conc: 2,
		},
		{
			Name: "c: one document carries most hits",
			Hits: func(rng *rand.Rand, heavy bool) int {
				if heavy {
					return 10 + poisson(rng, 10)
				}
				return poisson(rng, 0.5)
			},
			Conc: 2,
		},
		{
			Name:     "d: mixed documents (beta-binomial misspecified)",
			Hits:     func(rng *rand.Rand, _ bool) int { return negBinomial(rng, 2, 1) },
			OneSided: 0.4,
		},
	}
}

// dirichlet draws q ~ Dirichlet(c·π) into q.
func dirichlet(rng *rand.Rand, c float64, pi, q []float64) {
	var s float64
	for l, p := range pi {
		q[l] = distuv.Gamma{Alpha: c * p, Beta: 1, Src: rng}.Rand()
		s += q[l]
	}
	for l := range q {
		q[l] /= s
	}
}

// corpus draws the documents of one group: d documents, each a vector of
// label counts for the label probabilities pi.
func (sc scenario) corpus(rng *rand.Rand, d int, pi []float64) [][]float64 {
	heavy := rng.IntN(d)
	q := make([]float64, len(pi))
	docs := make([][]float64, d)
	for i := range docs {
		m := sc.Hits(rng, i == heavy)
		switch {
		case sc.OneSided > 0 && rng.Float64() < sc.OneSided:
			clear(q)
			q[categorical(rng, pi)] = 1
		case sc.Conc > 0:
			dirichlet(rng, sc.Conc, pi, q)
		default:
			copy(q, pi)
		}
		v := make([]float64, len(pi))
		for range m {
			v[categorical(rng, q)]++
		}
		docs[i] = v
	}
	return docs
}

// categorical draws a label with probabilities q.
func categorical(rng *rand.Rand, q []float64) int {
	u := rng.Float64()
	l := 0
	for l < len(q)-1 && u >= q[l] {
		u -= q[l]
		l++
	}
	return l
}

// seedOf returns a seed for one replicate of one cell of the study, so that
// any cell can be rerun alone with the same numbers.
func seedOf(scen, d, rep int) uint64 {
	h := uint64(scen+1)*0x9E3779B97F4A7C15 ^ uint64(d)*0xC2B2AE3D27D4EB4F ^ uint64(rep+1)*0x165667B19E3779F9
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>32
}

// sum returns the summed vector of docs.
func sum(docs [][]float64) []float64 {
	s := make([]float64, len(docs[0]))
	for _, d := range docs {
		for j, x := range d {
			s[j] += x
		}
	}
	return s
}

func isNaN(x ...float64) bool {
	for _, v := range x {
		if math.IsNaN(v) {
			return true
		}
	}
	return false
}
