package stats

import (
	"math"
	"testing"
)

// FuzzUnits feeds small histograms of arbitrary count vectors to every
// function that takes Units, and their summed tables to FreemanHalton,
// LogOddsWithinConcept and JensenShannonExact: none may panic, the work is
// bounded (few draws, a small table limit), p-values are NaN or in [0, 1]
// and interval bounds are NaN or ordered.
//
// data is read as types: for each, k counts (bytes) and then the number of
// units of each group (bytes mod 4); at most 10 types.
func FuzzUnits(f *testing.F) {
	f.Add(uint8(2), uint8(2), []byte{3, 0, 1, 0, 0, 2, 0, 1, 1, 1, 2, 0})
	f.Add(uint8(3), uint8(3), []byte{1, 0, 2, 1, 0, 1, 0, 0, 0, 2, 2, 1, 0, 3, 1, 1, 1, 0})
	f.Add(uint8(1), uint8(1), []byte{5, 1})
	f.Add(uint8(2), uint8(1), []byte{255, 255, 3, 0, 0, 2})
	f.Add(uint8(2), uint8(2), []byte{})
	f.Fuzz(func(t *testing.T, kb, gb uint8, data []byte) {
		k, groups := int(kb%4)+1, int(gb%3)+1
		var u Units
		for len(data) >= k+groups && len(u.Types) < 10 {
			v := make([]float64, k)
			for j := range v {
				v[j] = float64(data[j])
			}
			n := make([]int, groups)
			for g := range n {
				n[g] = int(data[k+g] % 4)
			}
			u.Types = append(u.Types, v)
			u.Count = append(u.Count, n)
			data = data[k+groups:]
		}
		if len(u.Types) == 0 {
			u.Count = nil
		}
		unit := func(name string, p float64) {
			if !math.IsNaN(p) && (p < 0 || p > 1) {
				t.Errorf("%s: p = %v for %+v", name, p, u)
			}
		}
		ordered := func(name string, lo, hi float64) {
			if !math.IsNaN(lo) && !math.IsNaN(hi) && lo > hi+1e-12 {
				t.Errorf("%s: interval [%v, %v] for %+v", name, lo, hi, u)
			}
		}
		perm, _ := PermutationTest(u, LabelChiSquare, 30, 1)
		unit("PermutationTest.P", perm.P)
		unit("PermutationTest.PMid", perm.PMid)
		if k == 2 {
			perm, _ = PermutationTest(u, IndexChiSquare, 30, 1)
			unit("PermutationTest index", perm.P)
		}
		ratios := []Ratio{{Label: 0}, {Label: k - 1}}
		if k == 2 {
			ratios = append(ratios, Ratio{Index: true})
		}
		for g := range groups {
			if len(u.Types) == 0 && g > 0 {
				break
			}
			for _, r := range ratios {
				cb, _ := ClusterBootstrap(u, g, r, 30, 1, 0.9)
				ordered("ClusterBootstrap", cb.Lo, cb.Hi)
				ordered("ClusterBootstrap BCa", cb.BCaLo, cb.BCaHi)
				ordered("ClusterBootstrap t", cb.TLo, cb.THi)
				bb, _ := BetaBinomialFit(u, g, r, 0.9)
				ordered("BetaBinomialFit", bb.Lo, bb.Hi)
				if !math.IsNaN(bb.Estimate) && !(bb.Lo <= bb.Estimate+1e-9 && bb.Estimate <= bb.Hi+1e-9) {
					t.Errorf("BetaBinomialFit: %v outside [%v, %v] for %+v", bb.Estimate, bb.Lo, bb.Hi, u)
				}
				ri, _ := RatioInterval(u, g, r, 30, 1, 0.9)
				ordered("RatioInterval", ri.Lo, ri.Hi)
				DesignEffectOf(u, g, r)
				s, _ := RatioSumsOf(u, g, r)
				s.DesignEffect()
			}
			dm, _ := DirichletMultinomialFit(u, g, 0.9)
			for l := range dm.Shares {
				ordered("DirichletMultinomialFit", dm.Lo[l], dm.Hi[l])
			}
			if k == 2 {
				RateDispersionOf(u, g)
			}
		}
		if groups >= 2 && len(u.Types) > 0 {
			js, _ := JensenShannonBootstrap(u, 0, 1, 30, 1, 0.9)
			ordered("JensenShannonBootstrap", js.Lo, js.Hi)
		}
		table := make([][]float64, groups)
		for g := range table {
			table[g] = make([]float64, k)
			for t, v := range u.Types {
				for j, x := range v {
					table[g][j] += float64(u.Count[t][g]) * x
				}
			}
		}
		fh, _ := freemanHalton(table, 2000)
		unit("FreemanHalton.P", fh.P)
		unit("FreemanHalton.PProbability", fh.PProbability)
		LogOddsWithinConcept(table, 0)
		if groups >= 2 {
			if d := JensenShannonExact(table[0], table[1]); !math.IsNaN(d) && (d < 0 || d > 1) {
				t.Errorf("JensenShannonExact = %v", d)
			}
		}
	})
}
